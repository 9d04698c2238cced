import {
  amountsOf,
  type Indicator,
  type IndicatorPlace,
  type IndicatorRows,
  type IndicatorText,
  type IndicatorValue,
  type ParsedTable,
  type Project,
  type ProjectRead,
  type TableRead,
  type TextPiece,
} from "../model/analysis";
import type { SheetCell } from "../model/cell-address";
import { columnLetter } from "../model/cell-address";
import { makeIssue, type IssueDetails, type IssueDraft, type IssueSubject } from "../model/issue";
import { runSlices, unslicedMeter, type SliceMeter } from "../model/work-slices";
import { cachedLevel } from "./map-level";
import { parseValue } from "./parse-value";
import { splitIndicatorSegments } from "./split-indicator-segments";
import { splitIndicators, type SplitResult } from "./split-indicators";

/**
 * The split stage: every project's indicator texts, as a layout read them, become indicators (items split,
 * values parsed, each with the cell it starts in), and the goal cell's own text becomes the goal. What the text
 * holds besides items becomes an issue of the project: unparsed text, markup, indicators misplaced in the goal
 * cell.
 */
export function splitTable(read: TableRead): ParsedTable {
  return runSlices(splitTableSteps(read, unslicedMeter()));
}

/**
 * splitTable in slices (work-slices.ts): a project at a time, each counted as its indicators (a project without
 * any counts 1); yields the number of projects split so far whenever `meter` says the slice is full.
 */
export function* splitTableSteps(
  read: TableRead,
  meter: SliceMeter,
): Generator<number, ParsedTable, undefined> {
  const issues: IssueDraft[] = [...read.issues];
  const indicatorCells = new Array<IndicatorPlace[]>(read.projects.length);
  const projects = new Array<Project>(read.projects.length);
  for (let i = 0; i < read.projects.length; i++) {
    const split = splitProject(read.projects[i]!, { projectIndex: i }, issues);
    projects[i] = split.project;
    indicatorCells[i] = split.cells;
    if (meter.add(Math.max(1, split.project.indicators.length)) && i + 1 < read.projects.length) yield i + 1;
  }
  return {
    table: read.table,
    grandTotal: read.grandTotal,
    units: read.units,
    projects,
    rows: read.rows,
    issues,
    equations: read.equations,
    indicatorCells,
    ...(read.selfEvaluations === undefined ? {} : { selfEvaluations: read.selfEvaluations }),
  };
}

/** Pieces joined with "\n", remembering where each starts, to find the sheet row of any offset. */
class JoinedText {
  readonly text: string;
  private readonly starts: number[] = [];
  constructor(private readonly pieces: readonly TextPiece[]) {
    let text = "";
    for (const piece of pieces) {
      if (text !== "") text += "\n";
      this.starts.push(text.length);
      text += piece.text;
    }
    this.text = text;
  }
  rowAt(offset: number): number {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return this.pieces[lo]?.row ?? 0;
  }
}

function splitProject(
  read: ProjectRead,
  about: IssueSubject,
  issues: IssueDraft[],
): { project: Project; cells: IndicatorPlace[] } {
  const details: IssueDetails =
    read.unit !== null ? { project: read.name, unit: read.unit } : { project: read.name };
  // Split first, then fill arrays of the exact size: they are kept with the analysis, one pair per project,
  // and an array grown by push keeps room for 17 (README, "Speed").
  const splits: (SplitText | IndicatorRows)[] = [];
  let count = 0;
  for (const source of read.texts) {
    if (source.role === "rows") {
      splits.push(source);
      count += source.items.length;
      continue;
    }
    const joined = new JoinedText(source.pieces);
    const split =
      source.role === "segments"
        ? splitIndicatorSegments(joined.text)
        : splitIndicators(joined.text, { mode: source.role });
    splits.push({ source, joined, split });
    count += split.items.length;
  }
  const indicators = new Array<Indicator>(count);
  const cells = new Array<IndicatorPlace>(count);
  let filled = 0;
  let goal = "";
  for (const text of splits) {
    if ("items" in text) {
      filled = collectRows(text, indicators, cells, filled);
      continue;
    }
    filled = collect(text, details, about, indicators, cells, filled, issues);
    if (text.source.role === "goal") goal = text.split.goal;
  }
  const project: Project = {
    row: read.row,
    unit: read.unit,
    name: read.name,
    nameCell: read.nameCell,
    amounts: amountsOf(read.amountCells),
    amountCells: read.amountCells,
    goal,
    indicators,
    continuationRows: read.continuationRows,
  };
  return { project, cells };
}

/** One indicator text, split. */
interface SplitText {
  readonly source: IndicatorText;
  readonly joined: JoinedText;
  readonly split: SplitResult;
}

/** A columnar layout's indicators: levels mapped and values parsed, each at the places its row gives. */
function collectRows(source: IndicatorRows, into: Indicator[], cells: IndicatorPlace[], at: number): number {
  let next = at;
  for (const item of source.items) {
    const period = item.periodValue === null ? null : parseValue(item.periodValue, item.name);
    const annual = parseAnnual(item, period);
    cells[next] = item.place;
    const indicator: Indicator = {
      row: item.place.row,
      cell: item.place.address,
      seq: item.seq,
      level1: item.level1 === null ? null : cachedLevel(item.level1, 1),
      level2: item.level2 === null ? null : cachedLevel(item.level2, 2),
      name: item.name,
      periodValue: item.periodValue,
      annualValue: item.annualValue,
      period,
      annual,
      raw: item.raw,
    };
    const stated = item.periodOnly ? { ...indicator, periodOnly: item.periodOnly } : indicator;
    // A layout's own detail values (TableModel.detailColumns) go with the indicator; a budget table has none.
    into[next++] = item.extra === undefined ? stated : { ...stated, extra: item.extra };
  }
  return next;
}

/**
 * An item's 年度指标值 parsed. Most items repeat the period value as the annual one: that is parsed once and shared
 * (the value objects are read-only).
 */
function parseAnnual(
  item: { readonly periodValue: string | null; readonly annualValue: string | null; readonly name: string },
  period: IndicatorValue | null,
): IndicatorValue | null {
  if (item.annualValue === null) return null;
  return item.annualValue === item.periodValue ? period : parseValue(item.annualValue, item.name);
}

/** The cell at (row, column), its column letter given (no closure per text: README, "Speed"). */
function cellAt(row: number, column: number, letter: string): SheetCell {
  return { row, column, address: `${letter}${row}` };
}

/**
 * Writes a split text's items into `into` and their cells into `cells` from position `at`, and reports what
 * else the text held; returns the next free position.
 */
function collect(
  { source, joined, split }: SplitText,
  details: IssueDetails,
  about: IssueSubject,
  into: Indicator[],
  cells: SheetCell[],
  at: number,
  issues: IssueDraft[],
): number {
  const column = source.column;
  // Items of one cell share its address: one SheetCell per row, not per item.
  const letter = columnLetter(column);
  if (source.role === "goal" && split.items.length > 0) {
    const first = split.items[0]!;
    const where = cellAt(joined.rowAt(first.start), column, letter);
    issues.push(makeIssue("misplaced-indicators", where, details, { about }));
  }
  let next = at;
  let cell: SheetCell | null = null;
  for (const item of split.items) {
    const row = joined.rowAt(item.start);
    if (cell === null || cell.row !== row) cell = cellAt(row, column, letter);
    const period = item.periodValue === null ? null : parseValue(item.periodValue, item.name);
    const annual = parseAnnual(item, period);
    cells[next] = cell;
    into[next++] = {
      row,
      cell: cell.address,
      seq: item.seq,
      level1: item.level1,
      level2: item.level2,
      name: item.name,
      periodValue: item.periodValue,
      annualValue: item.annualValue,
      period,
      annual,
      raw: item.raw,
    };
  }
  for (const leftover of split.unparsed) {
    const where = cellAt(joined.rowAt(leftover.start), column, letter);
    issues.push(makeIssue("unparsed", where, { ...details, text: leftover.text }, { about }));
  }
  let lastMarkupRow = -1;
  for (const run of split.markup) {
    const row = joined.rowAt(run.start);
    if (row === lastMarkupRow) continue;
    lastMarkupRow = row;
    const quoted = { ...details, text: joined.text.slice(run.start, run.end) };
    issues.push(makeIssue("markup", cellAt(row, column, letter), quoted, { about }));
  }
  return next;
}
