/**
 * 尾差: amounts in 万元 are rounded from 元, each part on its own, so a total can differ from the sum of its shown
 * parts by as much as their rounding: half a unit of the last shown digit for each part. Three projects of 10.33
 * (each 10.3333…) under a unit of 31.00 differ by 0.01, and nothing is wrong.
 */
import type { BrokenEquation } from "./check-equations";
import { isSumEquation, type TotalEquation } from "../model/total-equation";

/** A broken sum (`target = Σ addends`): the only kind rounding, repeats or a cut paste can explain. */
export type BrokenSum = BrokenEquation<TotalEquation>;

/** Whether a broken equation is a sum. */
export function isBrokenSum(broken: BrokenEquation): broken is BrokenSum {
  return isSumEquation(broken.equation);
}

/** target − Σ addends of a broken sum, in units of its scale; null when a double cannot hold it. */
export function gapUnits(broken: BrokenSum): number | null {
  if (broken.actual.big !== undefined || broken.expected.big !== undefined) return null;
  return broken.actual.units - broken.expected.units;
}

/**
 * The most the parts' rounding can make a total differ from their sum, in units of `scale`: half a unit of
 * each non-zero part's last shown digit (an empty or zero part is exact), and of the total's when it shows fewer
 * decimals than the sum.
 */
export function roundingBand(equation: TotalEquation, scale: number): number {
  let band = 0;
  // A self-evaluation's whole scores (8, 10) are exact: only a score that shows decimals (9.34 = 10 × 93.4%) may
  // have been rounded.
  const scores = equation.rule === "score-total" || equation.rule === "weight-sum";
  for (const cell of equation.addends) {
    const amount = cell.amount;
    if (amount === null || amount.units === 0 || (scores && amount.scale === 0)) continue;
    band += 0.5 * 10 ** Math.max(0, scale - amount.scale);
  }
  // A total shown with fewer decimals than its parts is itself rounded, by up to half its own last digit:
  // 10606.75 over 6923.3552 + 3683.3970 (10606.7522) is 尾差, not a wrong digit.
  const total = equation.target.amount;
  if (!scores && total !== null && total.scale < scale) band += 0.5 * 10 ** (scale - total.scale);
  return band;
}

/** Does the gap fit within what rounding the parts can make? */
export function isRoundingGap(broken: BrokenSum): boolean {
  const gap = gapUnits(broken);
  if (gap === null || gap === 0) return false;
  // The epsilon absorbs float error in the band's powers of ten.
  return Math.abs(gap) <= roundingBand(broken.equation, broken.actual.scale) + 1e-9;
}
