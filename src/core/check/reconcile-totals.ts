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
import { describeTotal, explainGaps } from "./explain-gaps";
import { toFigure } from "../model/exact-decimal";
import { findCulprits, type CulpritGroup } from "./find-culprits";
import { weighEdits } from "./weigh-edits";
import { tableDecimals, tableUsesGrouping } from "../messages/format-amount";
import { makeIssue, type AmountFormat, type IssueDetails, type IssueDraft } from "../model/issue";
import {
  equationsByCell,
  isSumEquation,
  type Equation,
  type EquationCell,
  type TotalEquation,
} from "../model/total-equation";

/** Candidate sets a message names; the count says how many there are in all. */
const CANDIDATES_NAMED = 5;

export interface ReconcileOptions extends EquationCheckOptions {
  /** For tests: a smaller search budget (find-culprits.ts). */
  readonly nodeBudget?: number;
}

/**
 * What the totals need of a table: its equations, how it writes amounts, and its rows, units and projects for
 * the explanations of a broken total (a read table will do).
 */
export type TotalsSource = Pick<ParsedTable, "equations" | "grandTotal" | "units"> & {
  /** The table's rows by kind, for where a paste was cut (none: no cut is looked for). */
  readonly rows?: ParsedTable["rows"];
  readonly table: Pick<TableInfo, "amountUnit" | "layout"> | null;
  readonly projects: readonly Pick<Project, "amountCells" | "row" | "unit" | "name" | "nameCell">[];
};

/** The issues of a table's totals, and how many of its equations were checked (held or broken, not skipped). */
export interface ReconciledTotals {
  readonly issues: IssueDraft[];
  readonly checked: number;
}

export function reconcileTotals(parsed: TotalsSource, options: ReconcileOptions = {}): IssueDraft[] {
  return reconcileTotalsCounted(parsed, options).issues;
}

export function reconcileTotalsCounted(
  parsed: TotalsSource,
  options: ReconcileOptions = {},
): ReconciledTotals {
  const first = evaluateEquations(parsed.equations, options);
  let checked = 0;
  for (const state of first.states) if (state !== "skipped") checked++;
  const format = amountFormats(parsed);
  // The explanations come first; a structural one (a paste cut at its start) needs no broken total.
  const explained = explainGaps(parsed, first, { tolerance: options.tolerance, format });
  const issues = [...explained.issues];
  const { equations, evaluation } = explained;
  if (evaluation.broken.length === 0) return { issues, checked };
  issues.push(...culpritsOf(equations, evaluation, options, format));
  return { issues, checked };
}

/**
 * How the table writes amounts, for the messages, at a scale: its decimals (at least the scale), separators and
 * unit. Only a table with something to report pays for looking (once) at how it writes them.
 */
function amountFormats(parsed: TotalsSource): (scale: number) => AmountFormat {
  let seen: { decimals: number; grouping: boolean } | null = null;
  return (scale) => {
    seen ??= { decimals: tableDecimals(parsed), grouping: tableUsesGrouping(parsed) };
    return {
      decimals: Math.max(scale, seen.decimals),
      grouping: seen.grouping,
      unit: parsed.table?.amountUnit ?? null,
    };
  };
}

/** The cells to change for the broken totals no explanation covers (find-culprits.ts). */
function culpritsOf(
  equations: readonly Equation[],
  evaluation: ReturnType<typeof evaluateEquations>,
  options: ReconcileOptions,
  format: (scale: number) => AmountFormat,
): IssueDraft[] {
  const brokenByIndex = new Map(evaluation.broken.map((b) => [b.index, b]));
  const issues: IssueDraft[] = [];
  let byCell: ReadonlyMap<EquationCell, readonly TotalEquation[]> | null = null;
  // A self-evaluation's bounds and ratios decide among equally small explanations (weigh-edits.ts); one that a
  // unique explanation repairs is not reported on its own.
  const weighed = weighEdits(findCulprits(equations, options, evaluation), equations);
  for (const broken of evaluation.broken)
    if (!isSumEquation(broken.equation) && !weighed.repaired.has(broken.equation))
      issues.push(brokenEquationIssue(broken));
  for (const group of weighed.groups) {
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
  const repairs = broken.map(describeTotal);
  const consequences = unique(broken.map((e) => e.target.address).filter((a) => !changed.has(a)));
  return changes.map((change) => {
    const mine = byCell.get(change.cell) ?? [];
    const own = broken.filter((e) => mine.includes(e));
    const details: IssueDetails = Object.assign(describeCell(change.cell, mine), {
      cells: listedCells(own.length > 0 ? own : broken, changed),
      amountFormat: format(Math.max(change.cell.amount?.scale ?? 0, 0)),
      repairs: own.length > 0 ? own.map(describeTotal) : repairs,
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

/**
 * What a cell is, from the equations it is in: the project and unit of its row (a row's own equation), and its
 * amount column (from a column's equation, or 总计 when it is a row's target). `equations` are the cell's own.
 */
function describeCell(cell: EquationCell, equations: readonly TotalEquation[]): IssueDetails {
  const details: { -readonly [K in keyof IssueDetails]: IssueDetails[K] } = {};
  for (const equation of equations) {
    // A layout that names its amounts its own way (a form's 资金总额) says so on its equations: the message follows.
    if (equation.details.amountNames !== undefined) details.amountNames ??= equation.details.amountNames;
    if (equation.rule === "score-total" || equation.rule === "weight-sum") {
      // A self-evaluation's scores: the project's 得分 or 分值 column, in points (self-evaluation-equations.ts).
      if (equation.details.project !== undefined) details.project = equation.details.project;
      if (equation.details.amountLabel !== undefined) details.amountLabel ??= equation.details.amountLabel;
      details.amountColumn ??= equation.details.amountColumn;
      details.scores = true;
      // The indicator the score or weight is of (`parts`, in addend order).
      const part = equation.details.parts?.[equation.addends.indexOf(cell)];
      if (part) details.indicator ??= part;
    } else if (equation.rule === "row-total") {
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

/**
 * The cells a wrong-amount issue lists: those of the broken totals the changed cell is in, each small total whole;
 * a long sum (a 合计 over hundreds of units) gives only its target and the changed cells in it. Listing every sum
 * whole in every issue of a table whose totals all break (a column pasted one row low) made the analysis and its
 * --json quadratic in the table's size.
 */
function listedCells(equations: readonly TotalEquation[], changed: ReadonlySet<string>): string[] {
  const cells: string[] = [];
  for (const e of equations) {
    cells.push(e.target.address);
    for (const c of e.addends)
      if (e.addends.length <= LISTED_ADDENDS || changed.has(c.address)) cells.push(c.address);
  }
  return unique(cells);
}

/** The most addends of one total a wrong-amount issue lists whole. */
const LISTED_ADDENDS = 24;

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}
