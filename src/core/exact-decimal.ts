/**
 * Amounts as exact decimals: an integer count of units of the last displayed digit, and that digit's place.
 * Sums of them are exact, where a float sum of the sample's unit 2 is 1963.5300000000002 and its sum in cents is
 * exactly 196353.
 *
 * Every operation the total checks need is here, so that the representation can grow without the checks
 * changing: today `units` is a safe integer (amounts up to 9,007,199,254.740991 at six decimals); a cell whose
 * digits need more (integers beyond 2^53, seven or more decimals read from the cell's text) would carry a bigint
 * here, and only this module's arithmetic would learn it.
 */

/** units × 10^-scale: 1963.53 is { units: 196353, scale: 2 }; 18 is { units: 18, scale: 0 }. */
export interface ExactDecimal {
  readonly units: number;
  /** Decimal places, 0..MAX_SCALE_DECIMALS: the places the cell displays (the tolerance is half the last one). */
  readonly scale: number;
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
  return fromScaledInteger(amount.units, amount.scale);
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
  for (const a of addends) if (a.scale > scale) scale = a.scale;
  let sum = 0;
  for (const a of addends) sum += unitsAt(a, scale);
  const actual = unitsAt(target, scale);
  // Default: half the last displayed digit, i.e. half a unit; integers then differ by at least one unit.
  const allowed = tolerance === undefined ? 0.5 : tolerance * POWERS_OF_TEN[scale]!;
  // The epsilon absorbs the float error of tolerance × 10^scale (0.01 × 100 = 1.0000000000000002).
  if (Math.abs(sum - actual) <= allowed + 1e-9) return null;
  return { expected: { units: sum, scale }, actual: { units: actual, scale } };
}

/** Σ of amounts, exact, at the finest scale among them (0 at scale 0 for none). */
export function sumDecimals(amounts: readonly ExactDecimal[]): ExactDecimal {
  let scale = 0;
  for (const a of amounts) if (a.scale > scale) scale = a.scale;
  let units = 0;
  for (const a of amounts) units += unitsAt(a, scale);
  return units === 0 && scale === 0 ? ZERO : { units, scale };
}
