/**
 * A layout's totals as data: `target = Σ addends`, every cell with its place on the sheet and its exact decimal.
 * The Guangdong string layout declares its row, group and grand equations (layouts/guangdong-string/equations.ts);
 * check-equations.ts evaluates any list of them, knowing nothing of the layout that made them.
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
export type TotalRule = Extract<RuleId, "row-total" | "group-total" | "subtotal" | "grand-total">;

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

export interface TotalEquation {
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

/** Every cell of the equations → the equations it takes part in (as target or addend), in equation order. */
export function equationsByCell(
  equations: readonly TotalEquation[],
): ReadonlyMap<EquationCell, readonly TotalEquation[]> {
  const byCell = new Map<EquationCell, TotalEquation[]>();
  const add = (cell: EquationCell, equation: TotalEquation): void => {
    const list = byCell.get(cell);
    if (list === undefined) byCell.set(cell, [equation]);
    else if (list[list.length - 1] !== equation) list.push(equation);
  };
  for (const equation of equations) {
    add(equation.target, equation);
    for (const cell of equation.addends) add(cell, equation);
  }
  return byCell;
}
