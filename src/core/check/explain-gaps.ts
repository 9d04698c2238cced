/**
 * Before the culprit finder names a cell to change, the broken totals are weighed against explanations in which
 * every amount is right (issue #22: never tell a clerk to change a number that is right):
 * - rows present twice (find-duplicate-rows.ts): a total that holds once the repeated rows are counted once is
 *   reconciled that way, and the repeat is reported (a body pasted twice is one report, not one per project);
 * - rounding (rounding-gaps.ts): a group of broken totals that share cells, each off by no more than its parts'
 *   rounding, is 尾差, a warning that says which tolerance would accept it (not in a table in 元, whose amounts
 *   are a ledger's exact figures: there a gap of a few 元 is a wrong digit);
 * - a paste cut at an edge (find-paste-cut.ts): an error on the paste, not on the 合计.
 * What no explanation covers goes to the culprit finder as before; the explained totals count as holding there.
 */
import type { ClassifiedRow, GrandTotalRow, TableInfo, UnitRow } from "../model/analysis";
import { parseCellAddress, sheetCell, type SheetCell } from "../model/cell-address";
import { compareSum, toFigure, type ExactDecimal } from "../model/exact-decimal";
import {
  makeIssue,
  type AmountFormat,
  type ExplainedGap,
  type IssueDetails,
  type IssueDraft,
  type RepairedTotal,
  type RowSpan,
} from "../model/issue";
import type { Equation, EquationCell, TotalEquation } from "../model/total-equation";
import { equationAddresses, type EquationStates } from "./check-equations";
import {
  findDuplicateRows,
  repeatedRuns,
  type DuplicateRow,
  type NamedAmountRow,
} from "./find-duplicate-rows";
import { findPasteCut, type PasteCut } from "./find-paste-cut";
import { gapUnits, isBrokenSum, isRoundingGap, type BrokenSum } from "./rounding-gaps";

/** What the explanations need of a table: its rows, units, projects and equations. */
export interface GapSource {
  readonly table: Pick<TableInfo, "layout" | "amountUnit"> | null;
  /** Its rows by kind (none: no cut paste is looked for). */
  readonly rows?: readonly ClassifiedRow[];
  readonly grandTotal: GrandTotalRow | null;
  readonly units: readonly (NamedAmountRow & Pick<UnitRow, "projectIndexes">)[];
  readonly projects: readonly (NamedAmountRow & { readonly unit: string | null })[];
  readonly equations: readonly Equation[];
}

export interface GapContext {
  /** The clerk's tolerance (the table's amount unit), or undefined for half the last displayed digit. */
  readonly tolerance: number | undefined;
  /** How the table writes amounts, at a scale: the messages quote gaps that way. */
  readonly format: (scale: number) => AmountFormat;
}

export interface ExplainedGaps {
  /** The explanations' issues. */
  readonly issues: readonly IssueDraft[];
  /** The equations, those that hold once repeated rows count once in that form. */
  readonly equations: readonly Equation[];
  /** Their states, the explained ones as holding: what the culprit finder is left to explain. */
  readonly evaluation: EquationStates;
}

export function explainGaps(
  source: GapSource,
  evaluation: EquationStates,
  context: GapContext,
): ExplainedGaps {
  const issues: IssueDraft[] = [];
  let equations = source.equations;
  const explained = new Set<number>();
  // Only sums are explained (a bound or a ratio is reported as it is).
  const sums = evaluation.broken.filter(isBrokenSum);
  if (sums.length > 0) {
    const once = countRepeatsOnce(source, sums, context);
    if (once !== null) {
      equations = once.equations;
      issues.push(...once.issues);
      for (const index of once.explained) explained.add(index);
    }
    const left = sums.filter((b) => !explained.has(b.index));
    const rounded: BrokenSum[] = [];
    // Amounts in 元 are exact (a ledger's own figures); those in 万元, or of no stated unit, may be rounded.
    const mayBeRounded = source.table?.amountUnit !== "元";
    for (const group of mayBeRounded ? sharedCellGroups(left) : []) {
      if (!group.every(isRoundingGap)) continue;
      for (const b of group) explained.add(b.index);
      rounded.push(...group);
    }
    issues.push(...roundingIssues(rounded, context));
  }
  const left = sums.filter((b) => !explained.has(b.index));
  const cut = findPasteCut(
    {
      layout: source.table?.layout,
      rows: source.rows ?? [],
      grandTotal: source.grandTotal,
      units: source.units,
      projects: source.projects,
    },
    equations,
    evaluation.states,
    left,
  );
  // A cut explains its totals only when no other broken total shares a cell with them: else a wrong amount in
  // the last unit could be taken for missing rows, and the culprit finder left without the totals it needs.
  if (cut !== null && !sharesCell(cut.explained, left)) {
    issues.push(pasteIssue(cut, context));
    for (const b of cut.explained) explained.add(b.index);
  }
  if (explained.size === 0) return { issues, equations, evaluation };
  const states = evaluation.states.map((s, i) => (explained.has(i) ? "held" : s));
  const broken = evaluation.broken.filter((b) => !explained.has(b.index));
  return { issues, equations, evaluation: { states, broken } };
}

/**
 * A filter for a table's other issues, given its totals' issues: what sits on rows reported as present twice
 * (duplicate-rows) goes, since it repeats what the first copy's rows say (a project's duplicate-project, each
 * indicator's findings again). The explanations themselves stay.
 */
export function outsideRepeatedRows(totals: readonly IssueDraft[]): (issue: IssueDraft) => boolean {
  const spans: RowSpan[] = [];
  for (const issue of totals)
    if (issue.rule === "duplicate-rows" && issue.details.repeated) spans.push(issue.details.repeated);
  if (spans.length === 0) return () => true;
  return (issue) =>
    issue.row === null ||
    EXPLANATION_RULES.has(issue.rule) ||
    !spans.some((span) => issue.row! >= span.from && issue.row! <= span.to);
}

const EXPLANATION_RULES: ReadonlySet<IssueDraft["rule"]> = new Set([
  "partial-paste",
  "duplicate-rows",
  "doubled-table",
  "rounding-gap",
]);

/** What a total is, for a message: its rule and cell, its amount column, its unit and project. */
export function describeTotal(equation: TotalEquation): RepairedTotal {
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

function gapOf(broken: BrokenSum): ExplainedGap {
  const units = gapUnits(broken);
  const gap: ExactDecimal = { units: units ?? 0, scale: broken.actual.scale };
  return Object.assign(describeTotal(broken.equation), { gap: toFigure(gap) });
}

/**
 * Totals that hold once repeated rows count once: those equations in that form, and one issue per run of
 * repeated rows that any of them left out. Null when no broken total is explained so.
 */
function countRepeatsOnce(
  source: GapSource,
  broken: readonly BrokenSum[],
  context: GapContext,
): { equations: Equation[]; issues: IssueDraft[]; explained: number[] } | null {
  const duplicates = findDuplicateRows(source.units, source.projects);
  if (duplicates.length === 0) return null;
  const byAddress = new Map<string, DuplicateRow>();
  for (const d of duplicates) for (const a of d.amountAddresses) byAddress.set(a, d);
  const used = new Set<DuplicateRow>();
  const explained: number[] = [];
  let equations: Equation[] | null = null;
  for (const b of broken) {
    const equation = b.equation;
    if (equation.rule === "row-total") continue;
    const kept = equation.addends.filter((c) => !byAddress.has(c.address));
    if (kept.length === equation.addends.length || !holds(equation, kept, context.tolerance)) continue;
    equations ??= [...source.equations];
    // A plain object: a layout's equation may keep its details behind getters.
    equations[b.index] = {
      rule: equation.rule,
      target: equation.target,
      addends: kept,
      details: equation.details,
      ...(equation.about !== undefined ? { about: equation.about } : {}),
    };
    explained.push(b.index);
    for (const c of equation.addends) {
      const d = byAddress.get(c.address);
      if (d !== undefined) used.add(d);
    }
  }
  if (equations === null) return null;
  const amountRows = [
    ...(source.grandTotal ? [source.grandTotal.row] : []),
    ...source.units.map((u) => u.row),
    ...source.projects.map((p) => p.row),
  ].sort((a, b) => a - b);
  const issues = repeatedRuns(duplicates, amountRows, source.rows ?? [])
    .filter((run) => run.rows.some((d) => used.has(d)))
    .map((run) => {
      const first = run.rows[0]!;
      const details: { -readonly [K in keyof IssueDetails]: IssueDetails[K] } = {};
      if (run.rows.length === 1) {
        details[first.kind === "unit" ? "unit" : "project"] = first.name;
        if (first.kind === "project" && first.unit !== null) details.unit = first.unit;
        details.firstRow = first.firstRow;
      }
      details.repeated = run.repeated;
      details.original = run.original;
      if (run.headerRow !== undefined) details.headerRow = run.headerRow;
      details.cells = run.rows.map((d) => d.nameCell);
      return makeIssue("duplicate-rows", cellAt(first.nameCell, first.row), details);
    });
  return { equations, issues, explained };
}

/** Does target = Σ kept, within the tolerance or the parts' rounding? */
function holds(
  equation: TotalEquation,
  kept: readonly EquationCell[],
  tolerance: number | undefined,
): boolean {
  const target = equation.target.amount;
  if (target === null || kept.some((c) => c.amount === null)) return false;
  const amounts = kept.map((c) => c.amount!);
  const result = compareSum(target, amounts, tolerance);
  if (result === null) return true;
  const trimmed: TotalEquation = { rule: equation.rule, target: equation.target, addends: kept, details: {} };
  return isRoundingGap({ equation: trimmed, index: -1, expected: result.expected, actual: result.actual });
}

function cellAt(address: string, row: number): SheetCell {
  const parsed = parseCellAddress(address);
  return parsed === null ? sheetCell(row, 1) : sheetCell(parsed.row, parsed.column);
}

/** Does any equation of `some` share a cell with one of `others` (not itself)? */
function sharesCell(some: readonly BrokenSum[], others: readonly BrokenSum[]): boolean {
  const cells = new Set<EquationCell>();
  for (const b of some) for (const c of [b.equation.target, ...b.equation.addends]) cells.add(c);
  return others.some(
    (b) => !some.includes(b) && [b.equation.target, ...b.equation.addends].some((c) => cells.has(c)),
  );
}

/** Broken equations that share a cell, as groups (union-find over their cells). */
function sharedCellGroups(broken: readonly BrokenSum[]): BrokenSum[][] {
  const parent = broken.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const owner = new Map<EquationCell, number>();
  broken.forEach((b, i) => {
    for (const cell of [b.equation.target, ...b.equation.addends]) {
      const other = owner.get(cell);
      if (other === undefined) owner.set(cell, i);
      else parent[find(i)] = find(other);
    }
  });
  const groups = new Map<number, BrokenSum[]>();
  broken.forEach((b, i) => {
    const root = find(i);
    const group = groups.get(root);
    if (group === undefined) groups.set(root, [b]);
    else group.push(b);
  });
  return [...groups.values()];
}

/** One rounding-gap per row of totals (a unit's 总计 and 财政拨款 off by a cent are one finding), at its first. */
function roundingIssues(rounded: readonly BrokenSum[], context: GapContext): IssueDraft[] {
  const byRow = new Map<string, BrokenSum[]>();
  for (const b of rounded) {
    const key = `${b.equation.rule}|${b.equation.target.row}`;
    const list = byRow.get(key);
    if (list === undefined) byRow.set(key, [b]);
    else list.push(b);
  }
  return [...byRow.values()].map((row) => {
    const first = row[0]!;
    const equation = first.equation;
    const cells: string[] = [];
    for (const b of row) for (const a of equationAddresses(b.equation)) if (!cells.includes(a)) cells.push(a);
    const details: IssueDetails = Object.assign({}, equation.details, {
      cells,
      amountFormat: context.format(Math.max(...row.map((b) => b.actual.scale))),
      gaps: row.map(gapOf),
    });
    return makeIssue("rounding-gap", equation.target, details, {
      about: equation.about,
      expected: toFigure(first.expected),
      actual: toFigure(first.actual),
    });
  });
}

function pasteIssue(cut: PasteCut, context: GapContext): IssueDraft {
  const details: { -readonly [K in keyof IssueDetails]: IssueDetails[K] } = {};
  // A layout that names its amounts its own way says so on its equations: the message follows.
  const names = cut.explained.find((b) => b.equation.details.amountNames !== undefined)?.equation.details;
  if (names?.amountNames !== undefined) details.amountNames = names.amountNames;
  details.edge = cut.edge;
  details.edgeRow = cut.edgeRow;
  if (cut.project !== undefined) details.project = cut.project;
  if (cut.unit !== undefined) details.unit = cut.unit;
  if (cut.noGrandTotal) details.noGrandTotal = true;
  if (cut.explained.length > 0) {
    // The 合计's gap first, then the last unit's; the 总计 column before the parts.
    const order = (b: BrokenSum): number =>
      (b.equation.rule === "grand-total" ? 0 : 2) + (b.equation.details.amountColumn === "total" ? 0 : 1);
    const explained = [...cut.explained].sort((a, b) => order(a) - order(b));
    details.gaps = explained.map(gapOf);
    details.cells = explained.map((b) => b.equation.target.address);
    details.amountFormat = context.format(Math.max(...explained.map((b) => b.actual.scale)));
  }
  return makeIssue("partial-paste", null, details, { severity: cut.severity });
}
