import { readTolerance } from "../model/analyze-options";
import { compareSum, toFigure, type ExactDecimal } from "../model/exact-decimal";
import { makeIssue, type IssueDetails, type IssueDraft } from "../model/issue";
import type { TotalEquation } from "../model/total-equation";

export interface EquationCheckOptions {
  /** Absolute tolerance in the table's amount unit; default: half the last displayed digit. */
  readonly tolerance?: number;
}

/** A broken equation: the sum of its addends (expected) and its target (actual), at its finest displayed scale. */
export interface BrokenEquation {
  readonly equation: TotalEquation;
  /** Its position in the list evaluated. */
  readonly index: number;
  readonly expected: ExactDecimal;
  readonly actual: ExactDecimal;
}

/**
 * What each equation is: "held" (within the tolerance), "broken", or "skipped" (a cell that is not a number: the
 * reader has reported that cell). Holds when the two sides agree in exact decimal arithmetic, at the finest
 * digit any of its cells displays, to within the tolerance.
 */
export interface EquationStates {
  readonly states: readonly ("held" | "broken" | "skipped")[];
  readonly broken: readonly BrokenEquation[];
}

export function evaluateEquations(
  equations: readonly TotalEquation[],
  options: EquationCheckOptions = {},
): EquationStates {
  const read = readTolerance(options.tolerance);
  const tolerance = read.ok ? read.value : undefined;
  const states: ("held" | "broken" | "skipped")[] = new Array(equations.length);
  const broken: BrokenEquation[] = [];
  // One scratch array for the addends' amounts: this runs once per row of the table.
  const amounts: ExactDecimal[] = [];
  for (let index = 0; index < equations.length; index++) {
    const equation = equations[index]!;
    const target = equation.target.amount;
    states[index] = "skipped";
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
    const result = compareSum(target, amounts, tolerance);
    if (result === null) {
      states[index] = "held";
      continue;
    }
    states[index] = "broken";
    broken.push({ equation, index, expected: result.expected, actual: result.actual });
  }
  return { states, broken };
}

/** Every cell of an equation, the target first: the cells a broken equation's issue lists. */
export function equationAddresses(equation: TotalEquation): string[] {
  const cells = [equation.target.address];
  for (const cell of equation.addends) cells.push(cell.address);
  return cells;
}

/**
 * The issue of a broken equation: its rule at its target cell, saying the sum (expected) and the target (actual),
 * and listing every cell of the equation in details.cells. `extra` adds facts (the amount style, candidates).
 */
export function brokenEquationIssue(broken: BrokenEquation, extra: IssueDetails = {}): IssueDraft {
  const { equation } = broken;
  return makeIssue(
    equation.rule,
    equation.target,
    Object.assign({}, equation.details, { cells: equationAddresses(equation) }, extra),
    {
      about: equation.about,
      expected: toFigure(broken.expected),
      actual: toFigure(broken.actual),
    },
  );
}

/**
 * Evaluates a layout's total equations (evaluateEquations) and gives one issue per broken equation. The analysis
 * goes further (reconcile-totals.ts): it names the cells to change instead of every total they upset.
 */
export function checkEquations(
  equations: readonly TotalEquation[],
  options: EquationCheckOptions = {},
): IssueDraft[] {
  return evaluateEquations(equations, options).broken.map((b) => brokenEquationIssue(b));
}
