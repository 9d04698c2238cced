/**
 * The one checker of a layout's equations, of every kind (total-equation.ts): a sum holds when its target equals
 * the sum of its addends, a bound when its parts come to no more than its total, a ratio when its target is the
 * quotient rounded as the table shows it. All in exact decimals, with plain numbers (no BigInt in IE11).
 */
import type { CheckSettings } from "../model/analyze-options";
import {
  compareBound,
  compareSum,
  roundedRatio,
  sameAmount,
  toFigure,
  type ExactDecimal,
} from "../model/exact-decimal";
import { makeIssue, type IssueDetails, type IssueDraft } from "../model/issue";
import { equationCells, type Equation, type RatioEquation } from "../model/total-equation";

/** What the checker takes: the settled options (analyze-options.ts), never a tolerance it has not checked. */
export type EquationCheckOptions = CheckSettings;

/**
 * A broken equation, at its finest displayed scale: for a sum, the sum of its addends (expected) and its target
 * (actual); for a bound, its total (expected: the most its parts may come to) and the sum of its parts (actual);
 * for a ratio, the quotient rounded as the table shows it (expected) and its target (actual).
 */
export interface BrokenEquation<E extends Equation = Equation> {
  readonly equation: E;
  /** Its position in the list evaluated. */
  readonly index: number;
  readonly expected: ExactDecimal;
  readonly actual: ExactDecimal;
}

/**
 * What each equation is: "held", "broken", or "skipped" (a cell that is not a number: the reader has reported
 * that cell; or a ratio over 0). A sum holds when the two sides agree in exact decimal arithmetic, at the finest
 * digit any of its cells displays, to within the tolerance; a bound when its parts exceed its total by no more
 * than that; a ratio when its target is exactly the rounded quotient (the rounding rule is the tolerance).
 */
export interface EquationStates {
  readonly states: readonly ("held" | "broken" | "skipped")[];
  readonly broken: readonly BrokenEquation[];
}

export function evaluateEquations(
  equations: readonly Equation[],
  options: EquationCheckOptions = {},
): EquationStates {
  const tolerance = options.tolerance;
  const states: ("held" | "broken" | "skipped")[] = new Array(equations.length);
  const broken: BrokenEquation[] = [];
  // One scratch array for the addends' amounts: this runs once per row of the table.
  const amounts: ExactDecimal[] = [];
  for (let index = 0; index < equations.length; index++) {
    const equation = equations[index]!;
    states[index] = "skipped";
    let result: { readonly expected: ExactDecimal; readonly actual: ExactDecimal } | null;
    if (equation.kind === "ratio") {
      const checked = checkRatio(equation);
      if (checked === "skipped") continue;
      result = checked;
    } else {
      const whole = equation.kind === "at-most" ? equation.total.amount : equation.target.amount;
      if (whole === null) continue;
      if (!amountsOf(equation.kind === "at-most" ? equation.parts : equation.addends, amounts)) continue;
      result =
        equation.kind === "at-most"
          ? compareBound(whole, amounts, tolerance)
          : compareSum(whole, amounts, tolerance);
    }
    if (result === null) {
      states[index] = "held";
      continue;
    }
    states[index] = "broken";
    broken.push({ equation, index, expected: result.expected, actual: result.actual });
  }
  return { states, broken };
}

/** The cells' amounts into `into`; false when one is not a number (the equation is skipped). */
function amountsOf(
  cells: readonly { readonly amount: ExactDecimal | null }[],
  into: ExactDecimal[],
): boolean {
  into.length = 0;
  for (const cell of cells) {
    if (cell.amount === null) return false;
    into.push(cell.amount);
  }
  return true;
}

/** A ratio's expected and actual when it is broken, null when it holds, "skipped" when it cannot be worked out. */
function checkRatio(
  equation: RatioEquation,
): { readonly expected: ExactDecimal; readonly actual: ExactDecimal } | null | "skipped" {
  const { target, numerator, denominator, rounding } = equation;
  if (target.amount === null || numerator.amount === null || denominator.amount === null) return "skipped";
  const expected = roundedRatio(numerator.amount, denominator.amount, rounding.decimals, rounding.percent);
  if (expected === null) return "skipped";
  return sameAmount(expected, target.amount) ? null : { expected, actual: target.amount };
}

/** Every cell of an equation, the cell its issue points at first: the cells a broken equation's issue lists. */
export function equationAddresses(equation: Equation): string[] {
  return equationCells(equation).map((cell) => cell.address);
}

/**
 * The issue of a broken equation: its rule at the cell it points at (a sum's or a ratio's target, a bound's part,
 * or its total when it has none), saying expected and actual, and listing every cell of the equation in
 * details.cells. `extra` adds facts (the amount style, candidates).
 */
export function brokenEquationIssue(broken: BrokenEquation, extra: IssueDetails = {}): IssueDraft {
  const { equation } = broken;
  const at = equationCells(equation)[0]!;
  const own: IssueDetails =
    equation.kind === "ratio"
      ? Object.assign({}, equation.details, { rounding: equation.rounding })
      : equation.details;
  return makeIssue(equation.rule, at, Object.assign({}, own, { cells: equationAddresses(equation) }, extra), {
    about: equation.about,
    expected: toFigure(broken.expected),
    actual: toFigure(broken.actual),
  });
}

/**
 * Evaluates a layout's equations (evaluateEquations) and gives one issue per broken equation. The analysis goes
 * further for the sums (reconcile-totals.ts): it names the cells to change instead of every total they upset.
 */
export function checkEquations(
  equations: readonly Equation[],
  options: EquationCheckOptions = {},
): IssueDraft[] {
  return evaluateEquations(equations, options).broken.map((b) => brokenEquationIssue(b));
}
