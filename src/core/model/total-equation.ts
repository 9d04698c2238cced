/**
 * A layout's equations as data, every cell with its place on the sheet and its exact decimal. Three kinds:
 * - a sum, `target = Σ addends` (TotalEquation: a row's 总计, a unit's or the 合计's column);
 * - a bound, `Σ parts ≤ total` (BoundEquation: a 其中 that lists only some parts, 得分 ≤ 分值);
 * - a ratio, `target = numerator / denominator` shown with a rounding rule (RatioEquation: 执行率 = 执行数/预算数).
 * The layouts declare them (layouts/guangdong-string/equations.ts, layouts/amount-equations.ts, or a new layout's
 * own); check-equations.ts evaluates any list of them, knowing nothing of the layout that made them, and the
 * culprit finder works on the sums.
 *
 * A cell that takes part in several equations (a project's 财政拨款 is in its row's equation and in its unit's
 * column) is one EquationCell object in all of them, so the equations form a graph of cells and equations that
 * can be walked both ways (equationsByCell).
 */
import type { SheetCell } from "./cell-address";
import * as decimal from "./exact-decimal";
import type { ExactDecimal } from "./exact-decimal";
import type { IssueDetails, IssueSubject, RuleId } from "./issue";

// Read once: under tsx every use of an imported name is a getter call (README, "Speed").
const { exactDecimal, exactDecimalFromText, needsExactText } = decimal;

/** The rules a broken total equation raises. */
export type TotalRule = Extract<
  RuleId,
  "row-total" | "group-total" | "subtotal" | "grand-total" | "score-total" | "weight-sum"
>;
/** The rule a broken bound raises (a self-evaluation's 得分 ≤ 分值 has its own). */
export type BoundRule = Extract<RuleId, "part-over-total" | "score-over-weight">;
/** The rule a broken ratio raises. */
export type RatioRule = Extract<RuleId, "wrong-ratio">;

/** One amount cell of an equation. */
export interface EquationCell extends SheetCell {
  /** The cell's amount, exact; null when the cell holds something that is not a number (the equation is skipped). */
  readonly amount: ExactDecimal | null;
}

/**
 * An equation cell made from an amount as read: its number (null when not a number) and the decimals it shows;
 * with its text (`raw`), an amount a double cannot hold exactly (beyond 2^53, seven or more decimals) is exact.
 */
export function equationCell(
  row: number,
  column: number,
  address: string,
  value: number | null,
  decimals: number,
  raw?: string | number | null,
): EquationCell {
  if (value === null) return { row, column, address, amount: null };
  const amount =
    typeof raw === "string" && needsExactText(value, decimals)
      ? (exactDecimalFromText(raw) ?? exactDecimal(value, decimals))
      : exactDecimal(value, decimals);
  return { row, column, address, amount };
}

/** A sum: `target = Σ addends`. `kind` may be left out (every sum the layouts made before the other kinds). */
export interface TotalEquation {
  readonly kind?: "sum";
  readonly rule: TotalRule;
  /** The total: where a broken equation's issue points. */
  readonly target: EquationCell;
  /** The cells it must equal the sum of. */
  readonly addends: readonly EquationCell[];
  /** Facts the issue's message quotes (project, unit, amount column); the checker adds the cells. */
  readonly details: IssueDetails;
  /** The project the equation belongs to, when it is a project's own row. */
  readonly about?: IssueSubject;
}

/**
 * A bound: `Σ parts ≤ total`, e.g. 其中：财政拨款 ≤ 资金总额 when the form lists only some of the parts, or
 * 得分 ≤ 分值. A broken bound's issue points at its part when it has one, else at its total.
 */
export interface BoundEquation {
  readonly kind: "at-most";
  readonly rule: BoundRule;
  readonly parts: readonly EquationCell[];
  readonly total: EquationCell;
  /** The labels its message quotes (the table's own header texts), and the row's project or unit. */
  readonly details: BoundDetails;
  readonly about?: IssueSubject;
}

/** What a bound's message quotes: the names the table gives its cells, and whose row it is. */
export interface BoundDetails {
  readonly project?: string;
  readonly unit?: string;
  /** The parts' names as the table writes them (`得分`; `财政拨款`, `自有资金`). */
  readonly partLabels: readonly string[];
  /** The total's name as the table writes it (`分值`, `资金总额`). */
  readonly totalLabel: string;
  /** A self-evaluation's 得分 ≤ 分值: the indicator, and that its figures are points. */
  readonly seq?: number;
  readonly indicator?: string;
  readonly scores?: true;
}

/**
 * How a ratio is shown: `decimals` places, rounded half away from zero; `percent` when the table writes it as a
 * percentage (85.00 or 85.00% for 0.85). 执行率 = 执行数/预算数 shown as 85.00% is { decimals: 2, percent: true }.
 */
export interface RatioRounding {
  readonly decimals: number;
  readonly percent: boolean;
}

/** A ratio: `target = numerator / denominator`, rounded as the table shows it. Skipped when the denominator is 0. */
export interface RatioEquation {
  readonly kind: "ratio";
  readonly rule: RatioRule;
  readonly target: EquationCell;
  readonly numerator: EquationCell;
  readonly denominator: EquationCell;
  readonly rounding: RatioRounding;
  readonly details: RatioDetails;
  readonly about?: IssueSubject;
}

/** What a ratio's message quotes: the names the table gives its three cells, and whose row it is. */
export interface RatioDetails {
  readonly project?: string;
  readonly unit?: string;
  readonly targetLabel: string;
  readonly numeratorLabel: string;
  readonly denominatorLabel: string;
}

/** Any equation a layout declares. */
export type Equation = TotalEquation | BoundEquation | RatioEquation;

/** Whether an equation is a sum (the kind the culprit finder explains). */
export function isSumEquation(equation: Equation): equation is TotalEquation {
  return equation.kind === undefined || equation.kind === "sum";
}

/** Every cell of an equation, in the order its issue lists them (the cell it points at first). */
export function equationCells(equation: Equation): EquationCell[] {
  if (equation.kind === "at-most")
    return equation.parts.length > 0 ? [...equation.parts, equation.total] : [equation.total];
  if (equation.kind === "ratio") return [equation.target, equation.numerator, equation.denominator];
  return [equation.target, ...equation.addends];
}

/** Every cell of the equations → the equations it takes part in (any of its cells), in equation order. */
export function equationsByCell<E extends Equation>(
  equations: readonly E[],
): ReadonlyMap<EquationCell, readonly E[]> {
  const byCell = new Map<EquationCell, E[]>();
  const add = (cell: EquationCell, equation: E): void => {
    const list = byCell.get(cell);
    if (list === undefined) byCell.set(cell, [equation]);
    else if (list[list.length - 1] !== equation) list.push(equation);
  };
  for (const equation of equations) {
    if (isSumEquation(equation)) {
      add(equation.target, equation);
      for (const cell of equation.addends) add(cell, equation);
    } else for (const cell of equationCells(equation)) add(cell, equation);
  }
  return byCell;
}
