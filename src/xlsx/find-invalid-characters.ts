/**
 * Characters that no program can be trusted to keep: a lone surrogate (half of a UTF-16 pair, left by a broken
 * copy or conversion) and the non-characters U+FFFE and U+FFFF. The written package keeps them exactly (as
 * `_xHHHH_`, see xml-text.ts), but Excel, LibreOffice and WPS may show or save them differently, so each cell
 * holding one is reported, never dropped or changed silently.
 */
import {
  cellAddress,
  columnLetter,
  DEFAULT_SEVERITY,
  type Grid,
  type Origin,
  type IssueDraft,
} from "../core";

/** Any surrogate (pairs included) or U+FFFE/U+FFFF: `\uD83D\uDE00`, `\uFFFE`. */
const MAYBE_INVALID = /[\uD800-\uDFFF\uFFFE\uFFFF]/;

/** `"\uD800"` → "U+D800"; the first such character of a text, or null. Matches lone surrogates, U+FFFE, U+FFFF. */
export function firstInvalidCharacter(text: string): string | null {
  // Most text has no surrogate or non-character at all: one native scan rules it out.
  if (!MAYBE_INVALID.test(text)) return null;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffe || c === 0xffff) return codePoint(c);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return codePoint(c);
    } else if (c >= 0xdc00 && c <= 0xdfff) return codePoint(c);
  }
  return null;
}

function codePoint(c: number): string {
  return `U+${c.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** One issue per cell holding such a character. */
export function findInvalidCharacters(grid: Grid, origin: Origin): IssueDraft[] {
  const issues: IssueDraft[] = [];
  grid.forEach((cells, r) => {
    cells.forEach((value, c) => {
      if (typeof value !== "string") return;
      const found = firstInvalidCharacter(value);
      if (found === null) return;
      const row = origin.row + r;
      const column = origin.column + c;
      issues.push({
        rule: "invalid-character",
        severity: DEFAULT_SEVERITY["invalid-character"],
        row,
        column: columnLetter(column),
        cell: cellAddress(row, column),
        details: { text: found },
      });
    });
  });
  return issues;
}
