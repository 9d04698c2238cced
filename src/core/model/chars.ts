/**
 * The characters the scanners look at, by code. The hot loops read text with charCodeAt and compare numbers:
 * a one-character string per CJK character would be an allocation each (README, "Speed").
 * Every scanner takes its digit test, its field separators and its blanks from here, so that the rules of the
 * grammar are written once.
 */

export const DIGIT_ZERO = 0x30; // 0
export const DIGIT_NINE = 0x39; // 9
export const FULLWIDTH_DIGIT_ZERO = 0xff10; // ０
export const FULLWIDTH_DIGIT_NINE = 0xff19; // ９

export const COLON = 0x3a; // :
export const FULLWIDTH_COLON = 0xff1a; // ：
export const SEMICOLON = 0x3b; // ;
export const FULLWIDTH_SEMICOLON = 0xff1b; // ；
export const COMMA = 0x2c; // ,
export const FULLWIDTH_COMMA = 0xff0c; // ，
export const PERIOD = 0x2e; // .
export const FULLWIDTH_PERIOD = 0xff0e; // ．
export const IDEOGRAPHIC_FULL_STOP = 0x3002; // 。
export const IDEOGRAPHIC_COMMA = 0x3001; // 、
export const HYPHEN_MINUS = 0x2d; // -
export const PERCENT = 0x25; // %
export const FULLWIDTH_PERCENT = 0xff05; // ％
export const LEFT_PAREN = 0x28; // (
export const RIGHT_PAREN = 0x29; // )
export const FULLWIDTH_LEFT_PAREN = 0xff08; // （
export const FULLWIDTH_RIGHT_PAREN = 0xff09; // ）
export const LESS_THAN = 0x3c; // <
export const AMPERSAND = 0x26; // &

/** ASCII 0–9. Full-width digits are normalised before a number is read (parse-amount, parse-value). */
export function isDigit(c: number): boolean {
  return c >= DIGIT_ZERO && c <= DIGIT_NINE;
}

/** ０–９. */
export function isFullWidthDigit(c: number): boolean {
  return c >= FULLWIDTH_DIGIT_ZERO && c <= FULLWIDTH_DIGIT_NINE;
}

/** `：` or `:`, which close a level label or a value label. */
export function isColon(c: number): boolean {
  return c === FULLWIDTH_COLON || c === COLON;
}

/**
 * The separators that close a field of an indicator item, half- and full-width: `；` before the next label, `：`
 * after a name, `。` ending the item, and `，` (which clerks type for `；`). The scanner trims them from the end of
 * a field; the one-regex fast path refuses a field that ends in one, so that the two agree.
 */
export function isFieldSeparator(c: number): boolean {
  switch (c) {
    case FULLWIDTH_SEMICOLON:
    case SEMICOLON:
    case FULLWIDTH_COLON:
    case COLON:
    case FULLWIDTH_COMMA:
    case COMMA:
    case IDEOGRAPHIC_FULL_STOP:
    case PERIOD:
      return true;
    default:
      return false;
  }
}

/** Space, tab, line breaks, NBSP, U+3000 and the other blanks a paste brings (zero-width space and BOM too). */
export function isWhitespace(c: number): boolean {
  return (
    c === 0x20 ||
    (c >= 0x09 && c <= 0x0d) ||
    c === 0xa0 ||
    c === 0x3000 ||
    c === 0x2002 ||
    c === 0x2003 ||
    c === 0x2009 ||
    c === 0x200b ||
    c === 0xfeff
  );
}

/** A–Z, a–z. */
export function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/**
 * Text without its whitespace (what String.prototype.trim removes: spaces, NBSP, U+3000, line breaks), for
 * comparing names as a clerk reads them: `合 计` is `合计`, `项目 A` is `项目A`.
 */
export function withoutWhitespace(text: string): string {
  return text.replace(/\s+/g, "");
}
