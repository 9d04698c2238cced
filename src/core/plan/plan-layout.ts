/**
 * Column widths and row heights for the plan's sheets, worked out from their content, so that a clerk reads
 * and prints them as they are: 二级指标 holds 服务对象满意度指标 on one line, a long message wraps in a row tall
 * enough to show it.
 *
 * Widths are in Excel's unit, the width of a digit of the default font: a Chinese character takes two (in 等线
 * and 宋体 at 11 pt a CJK glyph is twice a digit's width). Heights are in points: 15 per line at 11 pt (Excel's
 * Calibri and 等线 take 14.25 and 14.4; LibreOffice's Noto Sans CJK about 15), plus a little room below, and a line
 * is counted as breaking a unit early, since CJK line breaking keeps punctuation off a line's start.
 */
import type { PlanCell } from "./plan";

/** Points per line of 11-point text, and the default row height. */
export const LINE_HEIGHT = 15;
/** Room below the last line of a row of several lines, in points. */
const ROW_PADDING = 3;
/** Padding, in width units, Excel keeps free in a cell. */
const PADDING = 2;
/** Excel's row height limit (409 points). */
const MAX_ROW_HEIGHT = 409;

/** How wide text shows, in width units: full-width and CJK characters count 2. Its longest line. */
export function displayWidth(text: string): number {
  let widest = 0;
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      widest = Math.max(widest, width);
      width = 0;
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      // The second half of a surrogate pair: the pair was counted at its first half.
    } else width += isWide(c) ? 2 : 1;
  }
  return Math.max(widest, width);
}

/** CJK, full-width forms, CJK punctuation, Hangul, and characters beyond the BMP (mostly CJK extensions). */
function isWide(c: number): boolean {
  return (
    (c >= 0x1100 && c <= 0x115f) ||
    (c >= 0x2e80 && c <= 0xa4cf) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xd800 && c <= 0xdbff) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6)
  );
}

/** What a column may be: its narrowest, and its widest before its text wraps (or is cut, when it does not wrap). */
export interface WidthLimits {
  readonly min: number;
  readonly max: number;
}

function cellText(cell: PlanCell | undefined): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "number") return String(cell);
  return typeof cell === "string" ? cell : cell.text;
}

/** Each column's width: its header's and its widest cell's, with padding, within its limits. */
export function fitColumnWidths(
  headers: readonly string[],
  rows: readonly (readonly PlanCell[])[],
  limits: readonly WidthLimits[],
): number[] {
  const widest = headers.map((h) => displayWidth(h));
  // A column's text as in the row above (a project's name, unit and remarks repeat on each of its indicator rows):
  // measured once. Its width is already in widest.
  const above: string[] = headers.map(() => "");
  for (const row of rows) {
    for (let c = 0; c < widest.length; c++) {
      const cell = row[c];
      if (cell === null || cell === undefined) continue;
      const text = cellText(cell);
      if (text === above[c]) continue;
      above[c] = text;
      // A long text is at least as wide as the widest limit; no need to measure it all.
      const w =
        text.length * 2 <= widest[c]! ? 0 : displayWidth(text.length > 400 ? text.slice(0, 400) : text);
      if (w > widest[c]!) widest[c] = w;
    }
  }
  return widest.map((w, c) => Math.min(limits[c]!.max, Math.max(limits[c]!.min, w + PADDING)));
}

/** Lines a text takes in a wrapping column of `width` units: each line of it, broken at the column's width. */
export function wrappedLines(text: string, width: number): number {
  const room = Math.max(1, width - PADDING);
  let lines = 0;
  let start = 0;
  for (;;) {
    const end = text.indexOf("\n", start);
    const line = end < 0 ? text.slice(start) : text.slice(start, end);
    // A wide character does not split over two lines, and punctuation is kept off a line's start: count as if
    // each line may lose a unit at its end.
    lines += Math.max(1, Math.ceil(displayWidth(line) / Math.max(1, room - 1)));
    if (end < 0) return lines;
    start = end + 1;
  }
}

/** The height of each row whose wrapped text needs more than one line (null: the default height). */
export function fitRowHeights(
  rows: readonly (readonly PlanCell[])[],
  widths: readonly number[],
  wraps: readonly boolean[],
): (number | null)[] {
  // Each column's last text measured and its lines: the same text in the row below (a project's remarks repeat
  // on each of its indicator rows) is not measured again.
  const lastText: string[] = widths.map(() => "");
  const lastLines: number[] = widths.map(() => 1);
  return rows.map((row) => {
    let lines = 1;
    for (let c = 0; c < widths.length; c++) {
      if (!wraps[c]) continue;
      const cell = row[c];
      if (typeof cell !== "string" && (cell === null || typeof cell !== "object")) continue;
      const text = cellText(cell);
      // Cheap test first: a text narrower than its column is one line.
      if (text.length * 2 <= widths[c]! - PADDING && !text.includes("\n")) continue;
      if (text !== lastText[c]) {
        lastText[c] = text;
        lastLines[c] = wrappedLines(text, widths[c]!);
      }
      lines = Math.max(lines, lastLines[c]!);
    }
    return lines > 1 ? Math.min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT + ROW_PADDING) : null;
  });
}
