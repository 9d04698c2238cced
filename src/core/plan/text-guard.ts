/**
 * Excel reinterprets some strings when they are typed or written as values: `1-3` becomes a date, `2023.10` and
 * `001` numbers, `=SUM(A1)` a formula, `TRUE` a boolean. The shells must write such strings so that they read
 * back unchanged (text number format set first, and for Office.js a leading apostrophe).
 *
 * Matches, by example:
 * - formulas and formula-like starts: `=SUM(A1)`, `＝100%` (full-width is accepted as `=` by Excel IME input),
 *   `+10%`, `-5%`, `-`, `@备注`;
 * - numbers, dates and times in any form Excel parses: `001`, `2023.10`, `1E3`, `1-3`, `3/4`, `12:30`, `50%`,
 *   `(5)`, `1,000`, an 18-digit code;
 * - booleans and error literals: `TRUE`, `false`, `#N/A`.
 */
export function needsTextGuard(value: string): boolean {
  if (value === "") return false;
  const first = value.charAt(0);
  // Leading characters that start a formula or a signed number.
  if ("=＝+-＋－@".includes(first)) return true;
  const trimmed = value.trim();
  if (trimmed !== value) return /[0-9]/.test(value) || /^(true|false)$/i.test(trimmed);
  // Booleans and error values: TRUE, False, #N/A, #DIV/0!
  if (/^(true|false)$/i.test(trimmed) || /^#(N\/A|NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!)$/i.test(trimmed))
    return true;
  // Anything made only of digits, signs, separators, currency, % and exponent may be read as a number, date,
  // time or fraction: `001`, `2023.10`, `1-3`, `3/4`, `12:30`, `1E3`, `(5)`, `¥1,000`, `50%`.
  return /^[0-9.,:/\-\s()%$¥￥eE]+$/.test(trimmed) && /[0-9]/.test(trimmed);
}
