/**
 * Amounts as exact decimals: an integer count of units of the last displayed digit, and that digit's place.
 * Sums of them are exact, where a float sum of the sample's unit 2 is 1963.5300000000002 and its sum in cents is
 * exactly 196353.
 *
 * Every operation the total checks need is here, so that the representation can grow without the checks
 * changing. `units` is a safe integer for every amount a clerk types (up to 9,007,199,254.740991 at six
 * decimals), and the arithmetic is plain numbers. A cell whose digits need more (an integer beyond 2^53, seven
 * or more decimals), read from the cell's text, also carries its exact units as decimal digits (`big`); only this
 * module looks at them, and only a sum that holds such a cell, or overflows, is added up in digits
 * (signed-digits.ts). Never BigInt: Internet Explorer 11 and EdgeHTML have none, and a sum of about 9×10^9 元
 * with float noise (13 decimals → 6) overflows a double's integers there too; every engine takes one path.
 */
import {
  absDigits,
  addDigits,
  compareDigits,
  digitsOfSafeInteger,
  digitsToNumber,
  floorShiftedDigits,
  negateDigits,
  shiftDigits,
  signedDigits,
  subtractDigits,
  type SignedDigits,
} from "./signed-digits";

/** units × 10^-scale: 1963.53 is { units: 196353, scale: 2 }; 18 is { units: 18, scale: 0 }. */
export interface ExactDecimal {
  /** The units; when `big` is present, the nearest double to it (for ordering and messages only). */
  readonly units: number;
  /** Decimal places: the places the cell displays (the tolerance is half the last one). */
  readonly scale: number;
  /**
   * The exact units as decimal digits ("-12345678901234567890") when they are not a safe integer or the scale is
   * beyond MAX_SCALE_DECIMALS (from text, or a sum of such amounts).
   */
  readonly big?: SignedDigits;
}

/**
 * Decimal places beyond this are float noise, not display: a formula's result such as 1963.5300000000002
 * arrives as a number with 13 decimals. Six keeps every scaled amount below 2^53 up to 10^9 万元.
 */
export const MAX_SCALE_DECIMALS = 6;

const ZERO: ExactDecimal = Object.freeze({ units: 0, scale: 0 });

const POWERS_OF_TEN: readonly number[] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000];

/** The decimal places an amount is compared in: those it displays, capped (13 decimals of float noise → 6). */
function displayedScale(decimals: number): number {
  return Number.isFinite(decimals) && decimals > 0 ? Math.min(Math.floor(decimals), MAX_SCALE_DECIMALS) : 0;
}

/** The number of decimal places to compare a set of amounts in: the finest displayed, capped. */
export function commonDecimals(decimals: readonly number[]): number {
  let finest = 0;
  for (const d of decimals) finest = Math.max(finest, displayedScale(d));
  return finest;
}

/**
 * The exact decimal of an amount read as a number with the decimals it displays: (1963.53, 2) → 196353 at 2.
 * The value carries at most `decimals` digits (parse-amount counts them), so the rounding is exact; float noise
 * beyond MAX_SCALE_DECIMALS is rounded away.
 */
export function exactDecimal(value: number, decimals: number): ExactDecimal {
  const scale = displayedScale(decimals);
  const units = toScaledInteger(value, scale);
  // Most amount cells of a table are empty (0): they share one object (README, "Speed").
  return units === 0 && scale === 0 ? ZERO : { units, scale };
}

/** 1963.53 at 2 decimals → 196353. The value carries at most `decimals` digits, so rounding is exact. */
export function toScaledInteger(value: number, decimals: number): number {
  return Math.round(value * 10 ** decimals);
}

/** 196353 at 2 decimals → 1963.53 (the nearest double, as a clerk would read it). */
export function fromScaledInteger(units: number, decimals: number): number {
  return Number((units / 10 ** decimals).toFixed(decimals));
}

/** The units of `amount` at a finer or equal `scale`: 18 at 0 → 1800 at 2. Exact (a multiplication by 10^k). */
export function unitsAt(amount: ExactDecimal, scale: number): number {
  return amount.scale === scale ? amount.units : amount.units * POWERS_OF_TEN[scale - amount.scale]!;
}

/** The amount as the nearest double, as a clerk would read it (for messages and the JSON). */
export function toNumber(amount: ExactDecimal): number {
  if (amount.big === undefined) return fromScaledInteger(amount.units, amount.scale);
  return Number(bigToText(amount.big, amount.scale));
}

/**
 * The amount for an issue's expected/actual figure: the nearest double, or its exact digits as text when a double
 * cannot hold them (beyond 2^53, seven or more decimals), so that a message never says "should be X, is X".
 */
export function toFigure(amount: ExactDecimal): number | string {
  return amount.big === undefined && amount.scale <= MAX_SCALE_DECIMALS
    ? toNumber(amount)
    : bigToText(bigOf(amount), amount.scale);
}

/** The negated amount (a formula's `-A1`). */
export function negateDecimal(amount: ExactDecimal): ExactDecimal {
  return amount.big === undefined
    ? { units: -amount.units, scale: amount.scale }
    : { units: -amount.units, scale: amount.scale, big: negateDigits(amount.big) };
}

/** "123456" at 2 → "1234.56"; "-5" at 3 → "-0.005". */
function bigToText(units: SignedDigits, scale: number): string {
  const negative = units.charCodeAt(0) === 45;
  let digits = absDigits(units);
  while (digits.length < scale + 1) digits = `0${digits}`;
  const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return negative ? `-${text}` : text;
}

/** Decimal places kept from a cell's text: far more than any amount has, far fewer than a runaway string. */
const MAX_TEXT_SCALE = 30;

/**
 * The exact decimal of an amount's text (`12345678901234567890`, `0.12345678`, `-1,234.5`, full-width digits
 * allowed), or null when the text is not a plain amount. Safe amounts come back in the ordinary form.
 * Examples of what the pattern matches: `-1234.5`, `0.12345678`, `12345678901234567890`.
 */
export function exactDecimalFromText(text: string): ExactDecimal | null {
  const plain = text
    .replace(/[,，\s\u00a0\u3000]/g, "")
    .replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10));
  const match = /^(-?)([0-9]+)(?:[.．]([0-9]+))?$/.exec(plain);
  if (!match) return null;
  const fraction = (match[3] ?? "").slice(0, MAX_TEXT_SCALE);
  const scale = fraction.length;
  const big = signedDigits(match[1] === "-", `${match[2]}${fraction}`);
  const units = digitsToNumber(big);
  if (Number.isSafeInteger(units) && scale <= MAX_SCALE_DECIMALS)
    return units === 0 && scale === 0 ? ZERO : { units, scale };
  return { units, scale, big };
}

/**
 * Whether an amount read as (value, decimals) needs its text to be exact: seven or more decimals, or more
 * units than a double holds exactly. Cheap, so that it can run on every amount.
 */
export function needsExactText(value: number, decimals: number): boolean {
  if (decimals > MAX_SCALE_DECIMALS) return true;
  return (
    Math.abs(value) * POWERS_OF_TEN[Math.max(0, Math.min(decimals, MAX_SCALE_DECIMALS))]! >
    Number.MAX_SAFE_INTEGER
  );
}

/** The exact units of an amount as digits. */
function bigOf(amount: ExactDecimal): SignedDigits {
  return amount.big ?? digitsOfSafeInteger(amount.units);
}

/** The units of an amount at a scale at least its own, as digits. */
function bigAt(amount: ExactDecimal, scale: number): SignedDigits {
  return shiftDigits(bigOf(amount), scale - amount.scale);
}

/** compareSum for sums that hold a big amount or overflow a double's integers. */
function compareSumBig(
  target: ExactDecimal,
  addends: readonly ExactDecimal[],
  tolerance: number | undefined,
): { readonly expected: ExactDecimal; readonly actual: ExactDecimal } | null {
  let scale = target.scale;
  for (const a of addends) if (a.scale > scale) scale = a.scale;
  let sum: SignedDigits = "0";
  for (const a of addends) sum = addDigits(sum, bigAt(a, scale));
  const actual = bigAt(target, scale);
  const diff = absDigits(subtractDigits(sum, actual));
  // Default: half the last displayed digit; between integers of units that is no difference at all.
  const allowed = tolerance === undefined ? "0" : floorShiftedDigits(tolerance, scale);
  if (compareDigits(diff, allowed) <= 0) return null;
  return { expected: fromBig(sum, scale), actual: fromBig(actual, scale) };
}

function fromBig(units: SignedDigits, scale: number): ExactDecimal {
  const n = digitsToNumber(units);
  return Number.isSafeInteger(n) ? { units: n, scale } : { units: n, scale, big: units };
}

/**
 * Does Σ addends equal target, to within `tolerance` (in the table's amount unit), or by default to within half
 * the last digit displayed by any of them? Returns null when it does, else the sum and the target, both at that
 * finest scale (so that a message shows the digits the table shows).
 */
export function compareSum(
  target: ExactDecimal,
  addends: readonly ExactDecimal[],
  tolerance: number | undefined,
): { readonly expected: ExactDecimal; readonly actual: ExactDecimal } | null {
  let scale = target.scale;
  let big = target.big !== undefined;
  for (const a of addends) {
    if (a.scale > scale) scale = a.scale;
    if (a.big !== undefined) big = true;
  }
  if (big || scale > MAX_SCALE_DECIMALS) return compareSumBig(target, addends, tolerance);
  let sum = 0;
  for (const a of addends) sum += unitsAt(a, scale);
  const actual = unitsAt(target, scale);
  // A sum past a double's integers is no longer exact: add it up again in digits.
  if (!Number.isSafeInteger(sum) || !Number.isSafeInteger(actual))
    return compareSumBig(target, addends, tolerance);
  // Default: half the last displayed digit, i.e. half a unit; integers then differ by at least one unit.
  const allowed = tolerance === undefined ? 0.5 : tolerance * POWERS_OF_TEN[scale]!;
  // The epsilon absorbs the float error of tolerance × 10^scale (0.01 × 100 = 1.0000000000000002).
  if (Math.abs(sum - actual) <= allowed + 1e-9) return null;
  return { expected: { units: sum, scale }, actual: { units: actual, scale } };
}

/** Σ of amounts, exact, at the finest scale among them (0 at scale 0 for none). */
export function sumDecimals(amounts: readonly ExactDecimal[]): ExactDecimal {
  let scale = 0;
  let big = false;
  for (const a of amounts) {
    if (a.scale > scale) scale = a.scale;
    if (a.big !== undefined) big = true;
  }
  if (!big && scale <= MAX_SCALE_DECIMALS) {
    let units = 0;
    for (const a of amounts) units += unitsAt(a, scale);
    if (Number.isSafeInteger(units)) return units === 0 && scale === 0 ? ZERO : { units, scale };
  }
  let sum: SignedDigits = "0";
  for (const a of amounts) sum = addDigits(sum, bigAt(a, scale));
  return fromBig(sum, scale);
}

/**
 * Is Σ parts ≤ total, to within `tolerance` (in the table's amount unit), or by default to within half the last
 * digit displayed by any of them? Returns null when it is, else the total (expected: the most the parts may come
 * to) and the sum of the parts (actual), both at that finest scale.
 */
export function compareBound(
  total: ExactDecimal,
  parts: readonly ExactDecimal[],
  tolerance: number | undefined,
): { readonly expected: ExactDecimal; readonly actual: ExactDecimal } | null {
  // compareSum says whether the two sides differ by more than the tolerance; the bound is broken only when the
  // parts are the larger side.
  const differ = compareSum(total, parts, tolerance);
  if (differ === null) return null;
  const sum = differ.expected;
  const bound = differ.actual;
  const over =
    sum.big === undefined && bound.big === undefined
      ? sum.units > bound.units
      : compareDigits(bigAt(sum, sum.scale), bigAt(bound, bound.scale)) > 0;
  return over ? { expected: bound, actual: sum } : null;
}

/**
 * numerator / denominator as a table shows it: × 100 when `percent`, rounded half away from zero to `decimals`
 * places. Exact, in plain numbers (long division, no BigInt: Internet Explorer 11 has none). Null when the
 * denominator is 0, or when the figures are too large to divide exactly in doubles (more than 2^53 units in a
 * step; no real ratio comes near), or when either amount carries digits a double cannot hold.
 * Examples: 850 / 1000 at 2 decimals as a percent → 85.00; 1 / 3 at 4 → 0.3333; 2 / 3 at 2 → 0.67; −1 / 8 at 2 → −0.13.
 */
export function roundedRatio(
  numerator: ExactDecimal,
  denominator: ExactDecimal,
  decimals: number,
  percent: boolean,
): ExactDecimal | null {
  if (numerator.big !== undefined || denominator.big !== undefined) return null;
  if (denominator.units === 0) return null;
  const places = displayedScale(decimals);
  // n·10^-sn / (d·10^-sd) × factor × 10^places = n·factor·10^(sd + places − sn) / d, in units of the result.
  const shift = denominator.scale + places - numerator.scale + (percent ? 2 : 0);
  let dividend = Math.abs(numerator.units);
  let divisor = Math.abs(denominator.units);
  let digits = shift;
  if (shift < 0) {
    divisor *= 10 ** -shift;
    digits = 0;
  }
  if (!Number.isSafeInteger(divisor) || !Number.isSafeInteger(dividend)) return null;
  let [quotient, remainder] = divide(dividend, divisor);
  for (let k = 0; k < digits; k++) {
    dividend = remainder * 10;
    if (!Number.isSafeInteger(dividend)) return null;
    const [digit, rest] = divide(dividend, divisor);
    remainder = rest;
    quotient = quotient * 10 + digit;
    if (!Number.isSafeInteger(quotient)) return null;
  }
  if (remainder * 2 >= divisor) quotient += 1;
  const negative = numerator.units < 0 !== denominator.units < 0;
  const units = negative && quotient !== 0 ? -quotient : quotient;
  return units === 0 && places === 0 ? ZERO : { units, scale: places };
}

/** Integer division of two safe integers ≥ 0, exact: the float quotient may be one off, the remainder settles it. */
function divide(dividend: number, divisor: number): [number, number] {
  let quotient = Math.floor(dividend / divisor);
  let remainder = dividend - quotient * divisor;
  if (remainder < 0) {
    quotient -= 1;
    remainder += divisor;
  } else if (remainder >= divisor) {
    quotient += 1;
    remainder -= divisor;
  }
  return [quotient, remainder];
}

/** Whether two exact decimals are the same amount (18 and 18.00 are). */
export function sameAmount(a: ExactDecimal, b: ExactDecimal): boolean {
  const scale = Math.max(a.scale, b.scale);
  if (a.big === undefined && b.big === undefined && scale <= MAX_SCALE_DECIMALS)
    return unitsAt(a, scale) === unitsAt(b, scale);
  // Digits are canonical (no leading zeros, no "-0"): equal amounts are equal strings.
  return bigAt(a, scale) === bigAt(b, scale);
}
