import { readTolerance } from "./analyze-options";
import { compareSum, toFigure, type ExactDecimal } from "./exact-decimal";
import { makeIssue, type IssueDraft } from "./issue";
import type { TotalEquation } from "./total-equation";

export interface EquationCheckOptions {
  /** Absolute tolerance in the table's amount unit; default: half the last displayed digit. */
  readonly tolerance?: number;
}

/**
 * Evaluates a layout's total equations: each `target = Σ addends` holds when the two agree in exact decimal
 * arithmetic, at the finest digit any of its cells displays, to within the tolerance. A broken equation is an
 * issue of its rule at its target cell, saying the sum (expected) and the target (actual), and listing every
 * cell of the equation in details.cells. An equation with a cell that is not a number is skipped: the reader
 * has reported that cell.
 */
export function checkEquations(
  equations: readonly TotalEquation[],
  options: EquationCheckOptions = {},
): IssueDraft[] {
  const read = readTolerance(options.tolerance);
  const tolerance = read.ok ? read.value : undefined;
  const issues: IssueDraft[] = [];
  // One scratch array for the addends' amounts: this runs once per row of the table.
  const amounts: ExactDecimal[] = [];
  for (const equation of equations) {
    const target = equation.target.amount;
    if (target === null) continue;
    amounts.length = 0;
    let skip = false;
    for (const cell of equation.addends) {
      if (cell.amount === null) {
        skip = true;
        break;
      }
      amounts.push(cell.amount);
    }
    if (skip) continue;
    const broken = compareSum(target, amounts, tolerance);
    if (broken === null) continue;
    const cells = [equation.target.address];
    for (const cell of equation.addends) cells.push(cell.address);
    issues.push(
      makeIssue(equation.rule, equation.target, Object.assign({}, equation.details, { cells }), {
        about: equation.about,
        expected: toFigure(broken.expected),
        actual: toFigure(broken.actual),
      }),
    );
  }
  return issues;
}
