/**
 * A number as a cell with a given number format displays it: what the clerk sees, and what a total is compared
 * as (README, "tolerance"). Both shells can give the core a cell's format (the xlsx reader from styles.xml,
 * Office.js from Range.numberFormat), and both turn a number whose display differs from its digits into the
 * displayed text here (cellsAsDisplayed): 1963.5333 shown with `#,##0.00` is `1,963.53`, 0.95 shown with `0%` is
 * `95%`, 45292 shown with `yyyy-mm-dd` is `2024-01-01`.
 *
 * The formats amounts, rates and dates are written in are read: digit placeholders (`0`, `#`, `?`), a decimal
 * point, thousands separators and the thousands scaling of a trailing comma, `%`, literal text (`"元"`, `\x`,
 * `¥`, `_x` as a space), up to four sections (positive; negative; zero; text), and dates (y, m, d). A format this
 * does not read (times, fractions, scientific notation, conditions) gives null: the number is used as it is.
 */

/** Excel's built-in format ids (ECMA-376 §18.8.30), with the Chinese locale's dates as Chinese Excel shows them. */
const BUILT_IN: Readonly<Record<number, string>> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  14: "yyyy/m/d",
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: "m-d-yy",
  31: 'yyyy"年"m"月"d"日"',
  36: 'yyyy"年"m"月"',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  49: "@",
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

/** The format code of a built-in format id, or null when it has none this module knows. */
export function builtInNumberFormat(id: number): string | null {
  return BUILT_IN[id] ?? null;
}

/** The format's sections, split at `;` outside quotes and brackets. */
function sections(code: string): string[] {
  const out: string[] = [];
  let current = "";
  let quoted = false;
  let bracket = false;
  for (let i = 0; i < code.length; i++) {
    const c = code[i]!;
    if (c === "\\" && !quoted && i + 1 < code.length) {
      current += c + code[++i]!;
      continue;
    }
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === "[") bracket = true;
    else if (!quoted && c === "]") bracket = false;
    else if (!quoted && !bracket && c === ";") {
      out.push(current);
      current = "";
      continue;
    }
    current += c;
  }
  out.push(current);
  return out;
}

/** One piece of a section: a literal to copy, or the run of characters that is the number (or a date part). */
interface Piece {
  readonly literal: boolean;
  readonly text: string;
}

/** A section's pieces; null when it holds what this module does not read (a condition, a fraction, a time). */
function pieces(section: string): Piece[] | null {
  const out: Piece[] = [];
  // `/` separates a date's parts (`yyyy/m/d`); in a number it makes a fraction (`# ?/?`), which is not read.
  const dated = /[yYdD]/.test(section.replace(/"[^"]*"|\\./g, ""));
  const literal = (text: string): void => {
    const last = out[out.length - 1];
    if (last?.literal) out[out.length - 1] = { literal: true, text: last.text + text };
    else out.push({ literal: true, text });
  };
  for (let i = 0; i < section.length; i++) {
    const c = section[i]!;
    if (c === '"') {
      const end = section.indexOf('"', i + 1);
      literal(section.slice(i + 1, end < 0 ? section.length : end));
      i = end < 0 ? section.length : end;
    } else if (c === "\\") literal(section[++i] ?? "");
    else if (c === "_") {
      literal(" ");
      i++;
    } else if (c === "*") i++;
    else if (c === "[") {
      const end = section.indexOf("]", i);
      const inside = section.slice(i + 1, end < 0 ? section.length : end);
      // [Red], [Color10]: colour only. [$¥-804]: a currency sign. [>100]: a condition, not read.
      if (/^[<>=]/.test(inside)) return null;
      const currency = /^\$([^-]*)/.exec(inside);
      if (currency) literal(currency[1]!);
      i = end < 0 ? section.length : end;
    } else if (/[0#?.,%yYmMdD]/.test(c)) {
      const last = out[out.length - 1];
      if (last && !last.literal) out[out.length - 1] = { literal: false, text: last.text + c };
      else out.push({ literal: false, text: c });
    } else if (c === "/" && dated) literal(c);
    else if (/[hHsSeE/@]/.test(c)) return null;
    else literal(c);
  }
  return out;
}

/** Rounds half away from zero at `decimals` places, on the 15 significant digits Excel keeps. */
function roundShown(value: number, decimals: number): number {
  const digits = Number(value.toPrecision(15));
  const shifted = Math.round(Number(`${Math.abs(digits)}e${decimals}`));
  return Math.sign(digits) * Number(`${shifted}e-${decimals}`);
}

/** The digits of a non-negative number shown by a numeric pattern (`#,##0.00`, `0%`, `0.0,`). */
function showNumber(value: number, pattern: string): string {
  let v = value;
  if (pattern.includes("%")) v *= 100;
  // Commas after the last digit placeholder scale by a thousand each (`#,##0,` shows thousands).
  const trailing = /,+(?=[%]*$)/.exec(pattern.replace(/[^0#?.,%]/g, ""));
  if (trailing) v /= 1000 ** trailing[0].length;
  const point = pattern.indexOf(".");
  const decimals = point < 0 ? 0 : (pattern.slice(point + 1).match(/[0#?]/g) ?? []).length;
  const minDecimals = point < 0 ? 0 : (pattern.slice(point + 1).match(/0/g) ?? []).length;
  const integerPart = point < 0 ? pattern : pattern.slice(0, point);
  const minInteger = (integerPart.match(/0/g) ?? []).length;
  const grouped = /[0#?],[0#?]/.test(integerPart);
  const rounded = roundShown(v, decimals);
  let [whole = "0", fraction = ""] = rounded.toFixed(decimals).split(".");
  // Optional decimals (`#`) drop their trailing zeros; the point goes when none are left.
  while (fraction.length > minDecimals && fraction.endsWith("0")) fraction = fraction.slice(0, -1);
  if (whole === "0" && minInteger === 0) whole = "";
  whole = whole.padStart(minInteger, "0");
  if (grouped) whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const shown = fraction === "" ? whole : `${whole}.${fraction}`;
  return pattern.includes("%") ? `${shown}%` : shown;
}

/** Excel's serial day (1 = 1900-01-01, with its 1900 leap-year bug) → year, month, day. */
function serialDate(serial: number): { y: number; m: number; d: number } | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return null;
  const days = Math.floor(serial);
  const ms = Date.UTC(1899, 11, 30) + (days < 61 ? days + 1 : days) * 86_400_000;
  const date = new Date(ms);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

/** A date part (`yyyy`, `yy`, `mm`, `m`, `dd`, `d`) of a date, run together as the format writes them. */
function showDate(parts: string, date: { y: number; m: number; d: number }): string | null {
  let out = "";
  const tokens = parts.match(/y+|Y+|m+|M+|d+|D+|[^yYmMdD]+/g) ?? [];
  for (const token of tokens) {
    const t = token.toLowerCase();
    if (t.startsWith("y")) out += t.length <= 2 ? String(date.y % 100).padStart(2, "0") : String(date.y);
    else if (t.startsWith("m")) {
      if (t.length > 2) return null; // month names: not read
      out += t.length === 2 ? String(date.m).padStart(2, "0") : String(date.m);
    } else if (t.startsWith("d")) {
      if (t.length > 2) return null; // weekday names: not read
      out += t.length === 2 ? String(date.d).padStart(2, "0") : String(date.d);
    } else out += token;
  }
  return out;
}

/** What a cell shows: its whole text, and for a plain number the number alone as shown (`-1,234.50`). */
interface Shown {
  readonly text: string;
  /** The number as shown, with its sign and thousands separators, without literal text; null when none shows. */
  readonly number: string | null;
  /** A date or a percentage: the text is the value as the clerk reads it. */
  readonly asText: boolean;
}

function show(value: number, code: string): Shown | null {
  if (!Number.isFinite(value) || code === "" || /^general$/i.test(code)) return null;
  const all = sections(code);
  let section = all[0]!;
  let sign = value < 0 ? "-" : "";
  if (value < 0 && all.length > 1 && all[1] !== "") {
    section = all[1]!;
    sign = "";
  } else if (value === 0 && all.length > 2 && all[2] !== "") section = all[2]!;
  const parts = pieces(section);
  if (parts === null) return null;
  const isDate = parts.some(
    (p) => (!p.literal && /[yYdD]/.test(p.text)) || (!p.literal && /^[mM]+$/.test(p.text)),
  );
  const date = isDate ? serialDate(value) : null;
  if (isDate && date === null) return null;
  let out = "";
  let number: string | null = null;
  for (const piece of parts) {
    if (piece.literal) {
      out += piece.text;
      continue;
    }
    if (date) {
      const shown = showDate(piece.text, date);
      if (shown === null) return null;
      out += shown;
    } else if (number !== null || !/[0#?]/.test(piece.text)) {
      // A stray `.` or `,` between literals is text; the first run with a digit placeholder is the number.
      out += piece.text;
    } else {
      number = showNumber(Math.abs(value), piece.text);
      out += number;
    }
  }
  if (date) return { text: out, number: null, asText: true };
  // A negative section shows the sign itself (`-0.00`, `(0.00)`); the number is negative all the same.
  const signed = number === null ? null : `${value < 0 ? "-" : ""}${number}`;
  const percent = signed !== null && signed.endsWith("%");
  return { text: `${sign}${out}`, number: percent ? null : signed, asText: percent };
}

/**
 * The text a cell shows for `value` in format `code`, or null when the format is General, text (`@`), or one
 * this module does not read (see the top of this file).
 */
export function displayedNumber(value: number, code: string): string | null {
  return show(value, code)?.text ?? null;
}

/**
 * A numeric cell as the core should read it, given its format: for an amount, the number as displayed when the
 * display hides digits (`1,963.53` for 1963.5333; currency and other text around it left out), else the number
 * itself; a percentage or a date as its displayed text (`95%`, `2024-01-01`). Both shells call this for every
 * number that has a format other than General.
 */
export function asDisplayed(value: number, code: string | null | undefined): string | number {
  if (code === null || code === undefined) return value;
  const shown = show(value, code);
  if (shown === null) return value;
  if (shown.asText) return shown.text;
  // No digits shown (`"-"` for zero): the number is what the cell holds.
  if (shown.number === null) return value;
  return Number(shown.number.replace(/,/g, "")) === value ? value : shown.number;
}
