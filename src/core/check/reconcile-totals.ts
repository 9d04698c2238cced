/**
 * The total checks as the clerk sees them: the cells to change, not every total they upset.
 * - A group of broken totals with one smallest explanation (find-culprits.ts) gives one wrong-amount issue per
 *   cell to change, saying from what to what, which totals that repairs and which other cells change with it.
 *   The totals that disagree only because of it are listed in it (details.consequences), not reported apart.
 * - Several smallest explanations, or none of three cells or fewer: each broken total is reported as before, with
 *   the candidates named (details.culprits).
 * - A broken bound or ratio (a layout's `part ≤ total`, `target = a / b`) is reported as it is, under its own rule:
 *   the culprit finder explains sums only.
 */
import type { ParsedTable, Project, TableInfo } from "../model/analysis";
import { brokenEquationIssue, evaluateEquations, type EquationCheckOptions } from "./check-equations";
import { toFigure } from "../model/exact-decimal";
import { findCulprits, type CulpritGroup } from "./find-culprits";
import { tableDecimals, tableUsesGrouping } from "../messages/format-amount";
import {
  makeIssue,
  type AmountFormat,
  type IssueDetails,
  type IssueDraft,
  type RepairedTotal,
} from "../model/issue";
import {
  equationsByCell,
  isSumEquation,
  type EquationCell,
  type TotalEquation,
} from "../model/total-equation";

/** Candidate sets a message names; the count says how many there are in all. */
const CANDIDATES_NAMED = 5;

export interface ReconcileOptions extends EquationCheckOptions {
  /** For tests: a smaller search budget (find-culprits.ts). */
  readonly nodeBudget?: number;
}

/** What the totals need of a table: its equations, and how it writes amounts (a read table will do). */
export type TotalsSource = Pick<ParsedTable, "equations" | "grandTotal" | "units"> & {
  readonly table: Pick<TableInfo, "amountUnit"> | null;
  readonly projects: readonly Pick<Project, "amountCells">[];
};

export function reconcileTotals(parsed: TotalsSource, options: ReconcileOptions = {}): IssueDraft[] {
  const equations = parsed.equations;
  const evaluation = evaluateEquations(equations, options);
  if (evaluation.broken.length === 0) return [];
  // Only a table with a broken total pays for looking at how it writes amounts.
  const grouping = tableUsesGrouping(parsed);
  const decimals = tableDecimals(parsed);
  const unit = parsed.table?.amountUnit ?? null;
  const format = (scale: number): AmountFormat => ({ decimals: Math.max(scale, decimals), grouping, unit });
  const brokenByIndex = new Map(evaluation.broken.map((b) => [b.index, b]));
  const issues: IssueDraft[] = [];
  let byCell: ReadonlyMap<EquationCell, readonly TotalEquation[]> | null = null;
  for (const broken of evaluation.broken)
    if (!isSumEquation(broken.equation)) issues.push(brokenEquationIssue(broken));
  for (const group of findCulprits(equations, options, evaluation)) {
    if (group.verdict === "unique") {
      byCell ??= equationsByCell(equations.filter(isSumEquation));
      // A group's broken equations are sums (findCulprits explains nothing else).
      issues.push(...culpritIssues(group, equations as readonly TotalEquation[], byCell, format));
      continue;
    }
    const culprits = {
      verdict: group.verdict,
      candidates: group.explanations.slice(0, CANDIDATES_NAMED).map((e) => e.map((c) => c.cell.address)),
      count: group.explanationCount,
    } as const;
    for (const index of group.broken) {
      const broken = brokenByIndex.get(index)!;
      issues.push(brokenEquationIssue(broken, { amountFormat: format(broken.expected.scale), culprits }));
    }
  }
  return issues;
}

/** One wrong-amount issue per cell of the group's one explanation. */
function culpritIssues(
  group: CulpritGroup,
  equations: readonly TotalEquation[],
  byCell: ReadonlyMap<EquationCell, readonly TotalEquation[]>,
  format: (decimals: number) => AmountFormat,
): IssueDraft[] {
  const changes = group.explanations[0]!;
  const changed = new Set(changes.map((c) => c.cell.address));
  const broken = group.broken.map((i) => equations[i]!);
  const repairs = broken.map(repairedTotal);
  const consequences = unique(broken.map((e) => e.target.address).filter((a) => !changed.has(a)));
  const cells = unique(broken.flatMap((e) => [e.target.address, ...e.addends.map((c) => c.address)]));
  return changes.map((change) => {
    const mine = byCell.get(change.cell) ?? [];
    const own = broken.filter((e) => mine.includes(e));
    const details: IssueDetails = Object.assign(describeCell(change.cell, mine), {
      cells,
      amountFormat: format(Math.max(change.cell.amount?.scale ?? 0, 0)),
      repairs: own.length > 0 ? own.map(repairedTotal) : repairs,
      consequences,
      partners: changes.filter((c) => c !== change).map((c) => c.cell.address),
    });
    return makeIssue("wrong-amount", change.cell, details, {
      about: mine.find((e) => e.about !== undefined)?.about,
      expected: toFigure(change.to),
      actual: toFigure(change.from),
    });
  });
}

function repairedTotal(equation: TotalEquation): RepairedTotal {
  const d = equation.details;
  const total: { -readonly [K in keyof RepairedTotal]: RepairedTotal[K] } = {
    rule: equation.rule,
    cell: equation.target.address,
  };
  if (d.amountColumn !== undefined) total.amountColumn = d.amountColumn;
  if (d.unit !== undefined) total.unit = d.unit;
  if (d.project !== undefined) total.project = d.project;
  return total;
}

/**
 * What a cell is, from the equations it is in: the project and unit of its row (a row's own equation), and its
 * amount column (from a column's equation, or 总计 when it is a row's target). `equations` are the cell's own.
 */
function describeCell(cell: EquationCell, equations: readonly TotalEquation[]): IssueDetails {
  const details: { -readonly [K in keyof IssueDetails]: IssueDetails[K] } = {};
  for (const equation of equations) {
    // A layout that names its amounts its own way (a form's 资金总额) says so on its equations: the message follows.
    if (equation.details.amountNames !== undefined) details.amountNames ??= equation.details.amountNames;
    if (equation.rule === "row-total") {
      if (equation.details.project !== undefined) details.project = equation.details.project;
      if (equation.details.unit !== undefined) details.unit ??= equation.details.unit;
      if (equation.target === cell) details.amountColumn = "total";
      // A columnar layout says which part each addend is (a form has no column equations to say it).
      const part = equation.details.parts?.[equation.addends.indexOf(cell)];
      if (part !== undefined) details.amountColumn ??= part;
    } else if (equation.details.amountColumn !== undefined) {
      details.amountColumn = equation.details.amountColumn;
      if (equation.rule === "subtotal" && equation.target === cell) details.subtotalRow = true;
      // A column's unit is the unit of a project below it, or the unit row itself.
      if (equation.details.unit !== undefined && details.unit === undefined)
        details.unit = equation.details.unit;
    }
  }
  return details;
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}
