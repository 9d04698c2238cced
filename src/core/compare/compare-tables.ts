/**
 * Last year's table against this year's, of any layouts: projects paired by name (or, when renamed, by their
 * amounts, goal and indicators), indicators within a pair by level 2 and name (or, when renamed, by place and
 * value), and each pair's changes named as a reviewer would (finding.ts). Linear in the tables' size: pairing
 * goes through maps, and a renamed project is only scored against projects that share an amount, a goal's
 * opening or an indicator name with it.
 */
import type { Analysis, Indicator, IndicatorValue, Project, TableInfo } from "../model/analysis";
import { sheetOfProject } from "../model/analysis";
import type { ComparedAgainst, Comparison, Finding, FindingKind, FindingPlace } from "./finding";
import { comparableText, textSimilarity } from "./similar-text";
import { inBaseUnit, sameQuantity } from "./unit-scale";
import { valueChanges } from "./value-change";

/** A project's amount grows or shrinks by this share or more: worth asking whether its counts should follow. */
const AMOUNT_CHANGE = 0.3;

/**
 * A self-evaluation table (绩效自评表): its layout reads each indicator's 实际完成值 beside its target (a detail
 * column keyed `actual`), or names itself one. Its 年度指标值 are the year's targets, as the target table's are.
 */
function isSelfEvaluationTable(table: TableInfo | null): boolean {
  if (table === null) return false;
  return (
    table.layout.startsWith("self-evaluation") ||
    (table.model?.detailColumns ?? []).some((c) => c.key === "actual")
  );
}

function isSelfEvaluation(analysis: Analysis): boolean {
  return (
    (analysis.tables ?? []).some((t) => isSelfEvaluationTable(t.table)) ||
    isSelfEvaluationTable(analysis.table)
  );
}

/** What the two tables are: two years' (null), or a target table and its self-evaluation (which one is `this`). */
interface Mode {
  readonly against: ComparedAgainst;
  readonly selfEvaluation: "last" | "this";
}

interface Side {
  readonly analysis: Analysis;
  readonly index: number;
  readonly project: Project;
}

/** The table's amount unit for a project (the project's own table when the analysis read several). */
function amountUnitOf(analysis: Analysis, index: number): string | null {
  const table = analysis.tables?.find((t) => index >= t.projectStart && index < t.projectEnd)?.table;
  return (table ?? analysis.table)?.amountUnit ?? null;
}

function placeOf(side: Side, cell: string): FindingPlace {
  const sheet = sheetOfProject(side.analysis, side.index);
  return sheet === undefined ? { cell } : { cell, sheet };
}

/**
 * The project's total and its cell: the budget tables' `total`, else the first amount column its layout
 * declares (TableModel.amountColumns lists them in table order, the total first); none when it has no amounts.
 */
function totalOf(side: Side): { value: number | null; raw: string | number | null; cell: string } {
  const cells = side.project.amountCells;
  const table = side.analysis.tables?.find(
    (t) => side.index >= t.projectStart && side.index < t.projectEnd,
  )?.table;
  const firstKey = (table ?? side.analysis.table)?.model?.amountColumns[0]?.key;
  const cell = cells.total ?? (firstKey === undefined ? undefined : cells[firstKey]);
  if (cell === undefined) return { value: null, raw: null, cell: side.project.nameCell };
  return { value: cell.value, raw: cell.raw, cell: cell.cell };
}

/** A project's total in 元 when its unit is known, else as written (both sides then share the unknown unit). */
function totalQuantity(side: Side): { value: number; unit: string } | null {
  const total = totalOf(side).value;
  if (total === null) return null;
  return { value: total, unit: amountUnitOf(side.analysis, side.index) ?? "元" };
}

function sides(analysis: Analysis): Side[] {
  return analysis.projects.map((project, index) => ({ analysis, index, project }));
}

/** Pairs items of two lists that share a key, in order; what pairs is removed from the `rest` sets. */
function pairByKey<T>(
  last: readonly T[],
  current: readonly T[],
  key: (item: T) => string,
  pairs: [T, T][],
  restLast: Set<T>,
  restThis: Set<T>,
): void {
  const waiting = new Map<string, T[]>();
  for (const item of current) {
    if (!restThis.has(item)) continue;
    const k = key(item);
    const list = waiting.get(k);
    if (list) list.push(item);
    else waiting.set(k, [item]);
  }
  for (const item of last) {
    if (!restLast.has(item)) continue;
    const match = waiting.get(key(item))?.shift();
    if (match === undefined) continue;
    pairs.push([item, match]);
    restLast.delete(item);
    restThis.delete(match);
  }
}

function indicatorNames(project: Project): string[] {
  return project.indicators.map((i) => comparableText(i.name));
}

/** Share of indicator names two projects have in common (as a multiset, over the larger list). */
function indicatorOverlap(a: Project, b: Project): number {
  const names = indicatorNames(a);
  const other = indicatorNames(b);
  const size = Math.max(names.length, other.length);
  if (size === 0) return 0;
  const counts = new Map<string, number>();
  for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
  let shared = 0;
  for (const n of other) {
    const c = counts.get(n) ?? 0;
    if (c > 0) {
      shared++;
      counts.set(n, c - 1);
    }
  }
  return shared / size;
}

function sameTotal(a: Side, b: Side): boolean {
  const x = totalQuantity(a);
  const y = totalQuantity(b);
  return x !== null && y !== null && x.value > 0 && sameQuantity(x.value, x.unit, y.value, y.unit);
}

/**
 * How sure a pairing of a renamed project is: indicators in common weigh most, then the goal, then the amount;
 * null when no signal is strong enough on its own (a shared amount alone is common in budget tables).
 */
function renameScore(a: Side, b: Side): number | null {
  const overlap = indicatorOverlap(a.project, b.project);
  const goal =
    a.project.goal.trim() !== "" && b.project.goal.trim() !== ""
      ? textSimilarity(a.project.goal, b.project.goal)
      : 0;
  const amount = sameTotal(a, b) ? 1 : 0;
  const name = textSimilarity(a.project.name, b.project.name);
  const strong =
    overlap >= 0.5 || goal >= 0.6 || (amount === 1 && (overlap >= 0.3 || goal >= 0.4 || name >= 0.4));
  return strong ? 0.4 * overlap + 0.3 * goal + 0.2 * amount + 0.1 * name : null;
}

/** Keys a renamed project may share with its old self: its amount, its goal's opening, each indicator name. */
function candidateKeys(side: Side): string[] {
  const keys: string[] = [];
  const total = totalQuantity(side);
  if (total !== null && total.value > 0) keys.push(`amount:${inBaseUnit(total.value, total.unit)}`);
  const goal = comparableText(side.project.goal).slice(0, 8);
  if (goal.length >= 4) keys.push(`goal:${goal}`);
  for (const name of new Set(indicatorNames(side.project))) if (name !== "") keys.push(`name:${name}`);
  return keys;
}

function pairRenamedProjects(restLast: Set<Side>, restThis: Set<Side>, pairs: [Side, Side][]): Set<Side> {
  const byKey = new Map<string, Side[]>();
  for (const side of restThis)
    for (const key of candidateKeys(side)) {
      const list = byKey.get(key);
      if (list) list.push(side);
      else byKey.set(key, [side]);
    }
  const scored: { last: Side; current: Side; score: number }[] = [];
  for (const last of restLast) {
    const seen = new Set<Side>();
    for (const key of candidateKeys(last))
      for (const current of byKey.get(key) ?? []) {
        // A key shared by very many projects (an amount of 10, a stock indicator name) pairs nothing by itself.
        if (seen.has(current) || (byKey.get(key)?.length ?? 0) > 50) continue;
        seen.add(current);
        const score = renameScore(last, current);
        if (score !== null) scored.push({ last, current, score });
      }
  }
  scored.sort(
    (a, b) => b.score - a.score || a.last.index - b.last.index || a.current.index - b.current.index,
  );
  const renamed = new Set<Side>();
  for (const { last, current } of scored) {
    if (!restLast.has(last) || !restThis.has(current)) continue;
    pairs.push([last, current]);
    restLast.delete(last);
    restThis.delete(current);
    renamed.add(current);
  }
  return renamed;
}

/** The level 2 an indicator sits under, by its framework name where known. */
function levelKey(indicator: Indicator): string {
  const level = indicator.level2;
  return level === null ? "" : (level.name ?? comparableText(level.written));
}

/** The value the comparison reads: 年度指标值, or 实施周期指标值 for a table that gives only that. */
function valueOf(indicator: Indicator): { parsed: IndicatorValue; written: string } | null {
  if (indicator.annual !== null)
    return { parsed: indicator.annual, written: indicator.annualValue ?? indicator.annual.raw };
  if (indicator.period !== null)
    return { parsed: indicator.period, written: indicator.periodValue ?? indicator.period.raw };
  return null;
}

type ReadValue = { parsed: IndicatorValue; written: string };

/**
 * The two values a pair of indicators compares, of one horizon: this year's targets when both state one, else
 * the period's when both state one (an indicator of a form's long-term grid that only one year's annual grid
 * lists: `≥20年` for the period against `≥1年` for the year is no value ten times smaller), else what each
 * states (a table that gives only 实施周期指标值 against one that gives only 年度指标值).
 */
function valuesCompared(last: Indicator, current: Indicator): [ReadValue, ReadValue] | null {
  if (last.annual === null || current.annual === null) {
    const periods = periodsOf(last, current);
    if (periods !== null) return periods;
  }
  const l = valueOf(last);
  const c = valueOf(current);
  return l === null || c === null ? null : [l, c];
}

/** Both indicators' 实施周期指标值, when both state one. */
function periodsOf(last: Indicator, current: Indicator): [ReadValue, ReadValue] | null {
  if (last.period === null || current.period === null) return null;
  return [
    { parsed: last.period, written: last.periodValue ?? last.period.raw },
    { parsed: current.period, written: current.periodValue ?? current.period.raw },
  ];
}

function comparableValue(indicator: Indicator): string {
  return comparableText(valueOf(indicator)?.written ?? "");
}

/** Pairs of left-over indicators scored for a rename, at most, per project (a 40 × 40 block). */
const MAX_RENAME_PAIRS = 1600;

/** Each indicator's place among the indicators of its level 2 in its project (0, 1, 2 …). */
function placesWithinLevel(indicators: readonly Indicator[]): Map<Indicator, number> {
  const next = new Map<string, number>();
  const places = new Map<Indicator, number>();
  for (const i of indicators) {
    const key = levelKey(i);
    const n = next.get(key) ?? 0;
    places.set(i, n);
    next.set(key, n + 1);
  }
  return places;
}

interface IndicatorPair {
  readonly last: Indicator;
  readonly current: Indicator;
  readonly renamed: boolean;
}

/** Indicators of two paired projects: same level 2 and name; same name; then renamed within one level 2. */
function pairIndicators(
  last: Project,
  current: Project,
): { pairs: IndicatorPair[]; dropped: Indicator[]; added: Indicator[] } {
  const restLast = new Set(last.indicators);
  const restThis = new Set(current.indicators);
  const exact: [Indicator, Indicator][] = [];
  // Same level 2, name and value first: a project that lists one name twice (two 机制长效运行, each its target)
  // pairs each with its own, and only a changed one is a change.
  pairByKey(
    last.indicators,
    current.indicators,
    (i) => `${levelKey(i)}|${comparableText(i.name)}|${comparableValue(i)}`,
    exact,
    restLast,
    restThis,
  );
  pairByKey(
    last.indicators,
    current.indicators,
    (i) => `${levelKey(i)}|${comparableText(i.name)}`,
    exact,
    restLast,
    restThis,
  );
  pairByKey(last.indicators, current.indicators, (i) => comparableText(i.name), exact, restLast, restThis);
  const pairs: IndicatorPair[] = exact.map(([l, c]) => ({ last: l, current: c, renamed: false }));

  // Renamed: the same level 2, and a similar name, or the same place within the level with the same value or a
  // name that shares some words. Only the few left over are scored; a project of hundreds left over is not.
  const scored: { l: Indicator; c: Indicator; score: number }[] = [];
  if (restLast.size * restThis.size <= MAX_RENAME_PAIRS) {
    const placeLast = placesWithinLevel(last.indicators);
    const placeThis = placesWithinLevel(current.indicators);
    for (const l of restLast)
      for (const c of restThis) {
        if (levelKey(l) !== levelKey(c)) continue;
        const name = textSimilarity(l.name, c.name);
        const samePlace = placeLast.get(l) === placeThis.get(c);
        const sameValue = comparableValue(l) !== "" && comparableValue(l) === comparableValue(c);
        if (name >= 0.5 || (samePlace && (sameValue || name >= 0.3)))
          scored.push({ l, c, score: name + (samePlace ? 0.3 : 0) + (sameValue ? 0.4 : 0) });
      }
  }
  scored.sort((a, b) => b.score - a.score);
  for (const { l, c } of scored) {
    if (!restLast.has(l) || !restThis.has(c)) continue;
    pairs.push({ last: l, current: c, renamed: true });
    restLast.delete(l);
    restThis.delete(c);
  }
  return { pairs, dropped: [...restLast], added: [...restThis] };
}

function amountWritten(side: Side): string {
  const total = totalOf(side);
  const unit = amountUnitOf(side.analysis, side.index) ?? "";
  return `${total.raw ?? ""}${unit}`;
}

/** Whether a pair of 数量指标 states the same count in both years. */
function isQuantityIndicator(indicator: Indicator): boolean {
  return indicator.level2?.name === "数量指标" || /数量/.test(indicator.level2?.written ?? "");
}

function compareProjects(
  last: Side,
  current: Side,
  renamed: boolean,
  mode: Mode | null,
  findings: Finding[],
): void {
  const project = current.project.name;
  const projectFinding = (
    kind: FindingKind,
    lastText: string,
    thisText: string,
    lastCell: string,
    thisCell: string,
  ) =>
    findings.push({
      kind,
      project,
      indicator: null,
      last: lastText,
      this: thisText,
      lastPlace: placeOf(last, lastCell),
      thisPlace: placeOf(current, thisCell),
    });
  if (renamed)
    projectFinding(
      "project-renamed",
      last.project.name,
      project,
      last.project.nameCell,
      current.project.nameCell,
    );

  const unitLast = amountUnitOf(last.analysis, last.index);
  const unitThis = amountUnitOf(current.analysis, current.index);
  const lastTotal = totalOf(last);
  const thisTotal = totalOf(current);
  if (
    unitLast !== null &&
    unitThis !== null &&
    unitLast !== unitThis &&
    lastTotal.value !== null &&
    thisTotal.value !== null
  )
    projectFinding(
      "unit-changed",
      amountWritten(last),
      amountWritten(current),
      lastTotal.cell,
      thisTotal.cell,
    );

  const { pairs, dropped, added } = pairIndicators(last.project, current.project);
  for (const pair of pairs) {
    const indicator = pair.current.name;
    const at = (kind: FindingKind, lastText: string | null, thisText: string | null) =>
      findings.push({
        kind,
        project,
        indicator,
        last: lastText,
        this: thisText,
        lastPlace: placeOf(last, pair.last.cell),
        thisPlace: placeOf(current, pair.current.cell),
      });
    if (pair.renamed) at("renamed", pair.last.name, pair.current.name);
    const compared = valuesCompared(pair.last, pair.current);
    if (compared === null) continue;
    const [l, c] = compared;
    const kinds = valueChanges(l.parsed, c.parsed);
    for (const kind of kinds) at(kind, l.written, c.written);
    // Between a target table and its self-evaluation the targets must not move at all: any other change of the
    // target as written (`≥95%` → `≥90%`) is one too. Spacing and full-width forms are no change.
    if (mode !== null && kinds.length === 0 && comparableText(l.written) !== comparableText(c.written))
      at("target-changed", l.written, c.written);
    // Both years state both horizons: the period's target is checked too (`实施周期指标值：≥8个` → `8个` while
    // the year's `≥3个` stays), a change the year's value already shows named once.
    const periods =
      mode === null && l.parsed === pair.last.annual ? periodsOf(pair.last, pair.current) : null;
    if (periods !== null)
      for (const kind of valueChanges(periods[0].parsed, periods[1].parsed))
        if (!kinds.includes(kind)) at(kind, periods[0].written, periods[1].written);
  }
  for (const indicator of dropped)
    findings.push({
      kind: "dropped",
      project,
      indicator: indicator.name,
      last: valueOf(indicator)?.written ?? null,
      this: null,
      lastPlace: placeOf(last, indicator.cell),
      thisPlace: null,
    });
  for (const indicator of added)
    findings.push({
      kind: "added",
      project,
      indicator: indicator.name,
      last: null,
      this: valueOf(indicator)?.written ?? null,
      lastPlace: null,
      thisPlace: placeOf(current, indicator.cell),
    });

  // The money moved by 30% or more while every count it buys stayed as it was. Not between a target table and
  // its self-evaluation: a budget adjusted during the year (全年预算数, 调整后预算数) is no target to keep.
  if (mode !== null) return;
  const lastAmount = totalQuantity(last);
  const thisAmount = totalQuantity(current);
  if (lastAmount === null || thisAmount === null || lastAmount.value <= 0) return;
  const scale = (q: { value: number; unit: string }) => inBaseUnit(q.value, q.unit);
  const change = Math.abs(scale(thisAmount) - scale(lastAmount)) / scale(lastAmount);
  if (change < AMOUNT_CHANGE) return;
  const counts = pairs.filter(
    (p) =>
      isQuantityIndicator(p.current) &&
      valueOf(p.last)?.parsed.op !== "text" &&
      valueOf(p.current)?.parsed.op !== "text",
  );
  if (counts.length === 0) return;
  if (counts.every((p) => comparableValue(p.last) === comparableValue(p.current)))
    projectFinding(
      "amount-vs-quantity",
      amountWritten(last),
      amountWritten(current),
      lastTotal.cell,
      thisTotal.cell,
    );
}

/**
 * Every finding between last year's analysis and this year's, in this year's project order. When one of the two
 * is a self-evaluation table and the other is not, they are a year's target table and its self-evaluation: the
 * findings are the targets that changed and the indicators added or dropped at year end, in their words.
 */
export function compareTables(last: Analysis, current: Analysis): Comparison {
  const lastIsSelf = isSelfEvaluation(last);
  const thisIsSelf = isSelfEvaluation(current);
  const mode: Mode | null =
    lastIsSelf === thisIsSelf
      ? null
      : { against: "self-evaluation", selfEvaluation: thisIsSelf ? "this" : "last" };
  const lastSides = sides(last);
  const thisSides = sides(current);
  const restLast = new Set(lastSides);
  const restThis = new Set(thisSides);
  const pairs: [Side, Side][] = [];
  pairByKey(
    lastSides,
    thisSides,
    (s) => `${comparableText(s.project.unit ?? "")}|${comparableText(s.project.name)}`,
    pairs,
    restLast,
    restThis,
  );
  pairByKey(lastSides, thisSides, (s) => comparableText(s.project.name), pairs, restLast, restThis);
  const renamed = pairRenamedProjects(restLast, restThis, pairs);
  pairs.sort((a, b) => a[1].index - b[1].index);

  const found: Finding[] = [];
  for (const [l, c] of pairs) compareProjects(l, c, renamed.has(c), mode, found);
  const findings = mode === null ? found : found.map((f) => Object.assign({}, f, mode));
  return {
    findings,
    matchedProjects: pairs.length,
    onlyLast: [...restLast].map((s) => s.project.name),
    onlyThis: [...restThis].map((s) => s.project.name),
    ...(mode === null ? {} : mode),
  };
}
