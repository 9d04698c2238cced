import * as chars from "./chars";
import type { CellValue } from "./grid";

// Read once from chars.ts: under tsx every use of an imported name is a getter call (README, "Speed").
const { DIGIT_ZERO, FULLWIDTH_DIGIT_ZERO, isFullWidthDigit } = chars;

/** An amount cell read: the raw value kept beside the number. */
export interface ParsedAmount {
  readonly raw: string | number | null;
  /** 0 for an empty cell; null when the cell is not a number. */
  readonly value: number | null;
  /** Decimal places as displayed: "495.00" → 2, 18 → 0, 18.5 → 1. */
  readonly decimals: number;
}

/** Full-width digits, point, comma and minus → ASCII, spaces (incl. NBSP, U+3000) dropped. */
function normalizeAmountText(text: string): string {
  let out = "";
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if (isFullWidthDigit(c)) out += String.fromCharCode(c - FULLWIDTH_DIGIT_ZERO + DIGIT_ZERO);
    else if (ch === "．") out += ".";
    else if (ch === "，") out += ",";
    else if (ch === "－" || ch === "−") out += "-";
    else if (ch === "（") out += "(";
    else if (ch === "）") out += ")";
    else if (ch === " " || ch === "\u00a0" || ch === "\u3000" || ch === "\t") continue;
    else out += ch;
  }
  return out;
}

/**
 * An amount as a clerk writes it: an optional minus, digits in thousands groups or not, optional decimals.
 * Matches `2,476.54`, `495.00`, `-3`, `1963.53`; not `1,2`, `12,34.5`, `495元`.
 */
const AMOUNT_PATTERN = /^-?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.([0-9]+))?$/;

/**
 * The decimals a number carries, on the 15 significant digits Excel keeps and shows: a formula's float noise
 * beyond them is not a digit (1963.5300000000002 → 2; 9123456789.12 + 876543210.77 = 9999999999.890001 → 2, where
 * counting the double's own digits gives 6 and a sum of such totals overflows a double's integers).
 */
function decimalsOf(n: number): number {
  if (Number.isInteger(n)) return 0;
  const text = String(Number.isFinite(n) ? Number(n.toPrecision(15)) : n);
  const exp = text.indexOf("e-");
  if (exp >= 0) {
    const mantissa = text.slice(0, exp);
    const point = mantissa.indexOf(".");
    return Number(text.slice(exp + 2)) + (point >= 0 ? mantissa.length - point - 1 : 0);
  }
  const point = text.indexOf(".");
  return point >= 0 ? text.length - point - 1 : 0;
}

/** A dash alone: what accounting formats and many tables show for a nil amount (`-`, `－`, `—`, `–`). */
const NIL_DASH = /^[-－—–]+$/;

/**
 * Reads an amount cell: numbers as they are, text with thousands separators or full-width digits, empty = 0, a
 * lone dash = 0, `(1,234.50)` = -1234.50 (accounting negatives). A formula's text (`=VLOOKUP(…)`, a formula the
 * file shell could not work out) is not a number: its value is null, and its raw text says why.
 */
export function parseAmount(cell: CellValue | undefined): ParsedAmount {
  if (cell === null || cell === undefined) return { raw: null, value: 0, decimals: 0 };
  if (typeof cell === "number") {
    return Number.isFinite(cell)
      ? { raw: cell, value: cell, decimals: decimalsOf(cell) }
      : { raw: cell, value: null, decimals: 0 };
  }
  const raw = typeof cell === "boolean" ? String(cell) : cell;
  // The usual cell ("2,476.54") needs no normalising; only others are copied character by character.
  let text = raw;
  let match = AMOUNT_PATTERN.exec(text);
  let negative = false;
  if (!match) {
    text = normalizeAmountText(raw);
    if (text === "") return { raw: raw === "" ? null : raw, value: 0, decimals: 0 };
    if (NIL_DASH.test(text)) return { raw, value: 0, decimals: 0 };
    // `(1,234.50)`: an accounting negative.
    if (text.length > 2 && text.startsWith("(") && text.endsWith(")")) {
      text = text.slice(1, -1);
      negative = true;
    }
    match = AMOUNT_PATTERN.exec(text);
    if (!match || (negative && text.startsWith("-"))) return { raw, value: null, decimals: 0 };
  }
  const digits = text.includes(",") ? text.replace(/,/g, "") : text;
  const value = Number(digits);
  return { raw, value: negative ? -value : value, decimals: match[1]?.length ?? 0 };
}
