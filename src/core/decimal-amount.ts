/**
 * Amounts as integers in units of the smallest displayed digit, so that sums are exact: a float sum of the
 * sample's unit 2 is 1963.5300000000002, its sum in cents is exactly 196353.
 */

/**
 * Decimal places beyond this are float noise, not display: a formula's result such as 1963.5300000000002
 * arrives as a number with 13 decimals. Six keeps every scaled amount below 2^53 up to 10^9 万元.
 */
export const MAX_SCALE_DECIMALS = 6;

/** The number of decimal places to compare a set of amounts in: the finest displayed, capped. */
export function commonDecimals(decimals: readonly number[]): number {
  let finest = 0;
  for (const d of decimals) if (Number.isFinite(d) && d > finest) finest = Math.floor(d);
  return Math.min(finest, MAX_SCALE_DECIMALS);
}

/** 1963.53 at 2 decimals → 196353. The value carries at most `decimals` digits, so rounding is exact. */
export function toScaledInteger(value: number, decimals: number): number {
  return Math.round(value * 10 ** decimals);
}

/** 196353 at 2 decimals → 1963.53 (the nearest double, as a clerk would read it). */
export function fromScaledInteger(units: number, decimals: number): number {
  return Number((units / 10 ** decimals).toFixed(decimals));
}
