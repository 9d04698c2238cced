/**
 * The one exact solve the culprit finder needs: a small linear system with integer coefficients (±1, summed
 * when a cell appears twice) and integer right-hand sides (amounts in units of their last digit), solved
 * fraction-free in plain numbers, so that it runs on Internet Explorer 11 too (no BigInt there).
 *
 * Every intermediate is checked to stay a safe integer; past 2^53 the answer is "unknown" rather than a rounded
 * one. The systems are at most 3 unknowns by a handful of equations, so the numbers grow by a small factor
 * only: amounts up to about 10^14 units (a trillion 万元 at two decimals) solve exactly.
 */

/** One equation: coefficients of the unknowns, and the right-hand side. */
export interface IntegerRow {
  readonly coefficients: readonly number[];
  readonly rhs: number;
}

export type IntegerSolution =
  /** The one solution, every unknown an integer. */
  | { readonly kind: "unique"; readonly values: readonly number[] }
  /** No solution, several, or only fractional ones (an amount between two displayed digits). */
  | { readonly kind: "none" }
  /** Numbers outside the safe-integer range: not decided. */
  | { readonly kind: "overflow" };

const NONE: IntegerSolution = { kind: "none" };
const OVERFLOW: IntegerSolution = { kind: "overflow" };

/** Solves rows · x = rhs for `unknowns` unknowns; unique integer solutions only. */
export function solveIntegerSystem(rows: readonly IntegerRow[], unknowns: number): IntegerSolution {
  // The augmented matrix, one mutable copy.
  const m: number[][] = rows.map((r) => [...r.coefficients, r.rhs]);
  let rank = 0;
  for (let column = 0; column < unknowns; column++) {
    let pivot = -1;
    for (let i = rank; i < m.length; i++) {
      if (m[i]![column] !== 0) {
        pivot = i;
        break;
      }
    }
    // A column with no pivot is a free unknown: many solutions, none of them "the" change.
    if (pivot < 0) return NONE;
    [m[rank], m[pivot]] = [m[pivot]!, m[rank]!];
    const p = m[rank]!;
    for (let i = 0; i < m.length; i++) {
      if (i === rank) continue;
      const row = m[i]!;
      const a = row[column]!;
      if (a === 0) continue;
      // row := row·p[column] − p·a: exact, no division.
      for (let j = 0; j <= unknowns; j++) {
        const v = row[j]! * p[column]! - p[j]! * a;
        if (!Number.isSafeInteger(v)) return OVERFLOW;
        row[j] = v;
      }
      reduce(row);
    }
    rank++;
  }
  // Rows beyond the rank are 0 = rhs: they must hold.
  for (let i = rank; i < m.length; i++) if (m[i]![unknowns] !== 0) return NONE;
  const values: number[] = [];
  for (let k = 0; k < unknowns; k++) {
    const row = m[k]!;
    const value = row[unknowns]! / row[k]!;
    if (!Number.isInteger(value)) return NONE;
    values.push(value === 0 ? 0 : value); // no -0
  }
  return { kind: "unique", values };
}

/** Divides a row by the gcd of its entries, which keeps the numbers as small as the system allows. */
function reduce(row: number[]): void {
  let g = 0;
  for (const v of row) g = gcd(g, Math.abs(v));
  if (g > 1) for (let j = 0; j < row.length; j++) row[j] = row[j]! / g;
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}
