import type {
  Analysis,
  AnalysisTable,
  IndicatorPlace,
  ParsedTable,
  TableRead,
  UnitRow,
} from "./model/analysis";
import { checkIndicatorsSteps } from "./check/check-indicators";
import { settleCheckOptions } from "./model/analyze-options";
import { A1_ORIGIN, type Grid, type Origin } from "./model/grid";
import { issueOnSheet, makeIssue, sortIssues, type Issue, type IssueDraft } from "./model/issue";
import { runSlices, SliceMeter } from "./model/work-slices";
import type { FoundTable } from "./layouts/layout";
import { findTables } from "./locate/locate-table";
import { whatWasSeen } from "./locate/what-was-seen";
import { localizeIssues, type Locale } from "./messages";
import { reconcileTotalsCounted } from "./check/reconcile-totals";
import { outsideRepeatedRows } from "./check/explain-gaps";
import { doubledTableIssue, tableFingerprint } from "./check/find-doubled-tables";
import { findLostDigits } from "./check/find-lost-digits";
import { splitTable, splitTableSteps } from "./split/split-table";
import { checkSelfEvaluation, selfEvaluationEquations } from "./check/check-self-evaluation";

export interface AnalyzeOptions {
  /** Sheet position of grid[0][0]; A1 by default. */
  readonly origin?: Origin;
  /** Language of the issue messages; zh-CN by default. */
  readonly locale?: Locale;
  /**
   * Tolerance for total reconciliation, in the table's amount unit; default half the last displayed digit. What a
   * user typed is read by readTolerance (analyze-options.ts) at the shell; a value it would refuse (negative, not
   * finite) is a bug in the caller and is thrown, never taken as the default.
   */
  readonly tolerance?: number;
}

/** One sheet to analyse: its cells, where they sit, and its name when the analysis reads several sheets. */
export interface SheetGrid {
  readonly name?: string;
  readonly grid: Grid;
  /** Sheet position of grid[0][0]; A1 by default. */
  readonly origin?: Origin;
}

/**
 * The core's one entry point: a grid of cells in, the analysis of DESIGN.md out. Never throws on input.
 * The stages of DESIGN.md, in order: locate, classify, read and split (parseTable), then check (the totals name
 * the cells to change: reconcile-totals.ts). The last stage,
 * plan, is its own call (buildPlan), since the shells choose the sheet names and language it needs.
 * Every table of the grid is read (stacked or side by side); see analyzeSheets.
 */
export function analyzeTable(grid: Grid, options: AnalyzeOptions = {}): Analysis {
  return analyzeSheets([{ grid, origin: options.origin }], options);
}

/**
 * One sheet's tables as the locate stage found them (findTables), with the sheet's name when the analysis reads
 * several: a shell that has located the tables (to choose a sheet, or to say that there is none) hands them on
 * here, so that no table is located twice.
 */
export interface LocatedSheet {
  readonly name?: string;
  readonly tables: readonly FoundTable[];
  /** The sheet's cells, so that finding no table can say what it saw instead (what-was-seen.ts). */
  readonly grid?: Grid;
  readonly origin?: Origin;
}

/** The locate stage over one sheet: every table on it (findTables), ready for analyzeLocated. */
export function locateSheet(sheet: SheetGrid): LocatedSheet {
  const tables = findTables(sheet.grid, sheet.origin ?? A1_ORIGIN);
  const located = { tables, grid: sheet.grid, origin: sheet.origin ?? A1_ORIGIN };
  return sheet.name === undefined ? located : { name: sheet.name, ...located };
}

/** One table read and checked, with the sheet it is on. */
interface TablePart {
  readonly sheet: string | undefined;
  readonly parsed: ParsedTable;
  readonly drafts: readonly IssueDraft[];
  /** Total equations checked (reconcile-totals.ts). */
  readonly checked: number;
}

/**
 * The analysis of every table on the given sheets, in order: each table is read and checked on its own (a
 * project name in two tables is no duplicate, and totals never cross tables), then the tables are listed one
 * after the other (see AnalysisTable). With tables on more than one sheet, each table and issue names its sheet.
 */
export function analyzeSheets(sheets: readonly SheetGrid[], options: AnalyzeOptions = {}): Analysis {
  return analyzeLocated(sheets.map(locateSheet), options);
}

/**
 * The analysis of tables already located (locateSheet, findTables): analyzeSheets without its locate stage.
 * The options are settled here, once (analyze-options.ts); the checks take only the settled result.
 */
export function analyzeLocated(sheets: readonly LocatedSheet[], options: AnalyzeOptions = {}): Analysis {
  return runSlices(analyzeLocatedSteps(sheets, options, Infinity));
}

/**
 * Work units one slice of the analysis takes before it yields (analyzeLocatedSteps): an indicator split, checked
 * or an issue worded is one unit. About 50 ms on Internet Explorer 11's built-ins (npm run bench:ie11).
 */
export const ANALYSIS_SLICE_UNITS = 2_000;

/** Where a sliced analysis is (analyzeLocatedSteps). */
export interface AnalysisStep {
  /**
   * reading: a table classified, then read (a step each: a layout reads its table whole); splitting: its
   * projects' indicator texts; totals: its total equations reconciled (one step per table); checking: its
   * projects' indicators; wording: the issues' messages.
   */
  readonly stage: "reading" | "splitting" | "totals" | "checking" | "wording";
  /** Tables read or reconciled, projects split or checked (of every table), or issues worded, so far. */
  readonly done: number;
  /** Of how many: tables, projects (of every table) or issues. */
  readonly total: number;
  /**
   * Work units since the previous step (an indicator, or a project without any, split or checked; an issue
   * worded); for a reading step, the rows of the table classified or read; for a totals step, its equations.
   */
  readonly work: number;
}

/**
 * analyzeLocated in slices: the same analysis, yielding a step (with how far it is) after every `budget` work
 * units or so, so that a shell can give the thread back to its host between slices and show progress
 * (run-on-host.ts). A slice ends after the project or issue that fills it. The classifying of a table, its
 * reading and the check of its totals are one slice each (the layouts read a table whole; the totals are one
 * system of equations). A table's projects are split, then checked, in order: the analysis is the one
 * analyzeLocated gives.
 */
export function* analyzeLocatedSteps(
  sheets: readonly LocatedSheet[],
  options: AnalyzeOptions = {},
  budget: number = ANALYSIS_SLICE_UNITS,
): Generator<AnalysisStep, Analysis, undefined> {
  const settings = settleCheckOptions(options);
  const meter = new SliceMeter(budget);
  const found = sheets.flatMap((sheet) => sheet.tables.map((table) => ({ sheet: sheet.name, table })));
  // Read: every table, a step after its classification and one after its reading.
  const reads: { readonly sheet: string | undefined; readonly read: TableRead }[] = [];
  for (const { sheet, table } of found) {
    const rows = table.classify(); // classify: every row's kind
    yield { stage: "reading", done: reads.length, total: found.length, work: rows.length };
    reads.push({ sheet, read: table.read(rows) }); // read: projects, amounts, indicator texts, total equations
    yield { stage: "reading", done: reads.length, total: found.length, work: rows.length };
  }
  let total = 0;
  for (const { read } of reads) total += read.projects.length;
  // Split: indicator texts → indicators with parsed values.
  const parsedTables: ParsedTable[] = [];
  let before = 0;
  for (const { read } of reads) {
    const parsed = yield* relaySteps(splitTableSteps(read, meter), (done) => ({
      stage: "splitting",
      done: before + done,
      total,
      work: meter.take(),
    }));
    parsedTables.push(parsed);
    before += read.projects.length;
  }
  // Check: each table's totals, then its indicators.
  const parts: TablePart[] = [];
  before = 0;
  for (let i = 0; i < reads.length; i++) {
    const read = parsedTables[i]!;
    // A self-evaluation's scores and budget execution are equations too (得分 ≤ 分值, Σ 得分 = 总分, 执行率).
    const scored = selfEvaluationEquations(read);
    const parsed = scored.length === 0 ? read : { ...read, equations: [...read.equations, ...scored] };
    const { issues: totals, checked } = reconcileTotalsCounted(parsed, settings);
    // The split work not yet reported stays on the meter, for the next step to report.
    if (parsed.equations.length > 0)
      yield { stage: "totals", done: i + 1, total: reads.length, work: parsed.equations.length };
    const indicators = yield* relaySteps(checkIndicatorsSteps(parsed, {}, meter), (done) => ({
      stage: "checking",
      done: before + done,
      total,
      work: meter.take(),
    }));
    // Rows present twice are reported once, as such (explain-gaps.ts): their own findings would repeat the first's.
    const drafts = [...parsed.issues, ...totals, ...indicators, ...checkSelfEvaluation(parsed)].filter(
      outsideRepeatedRows(totals),
    );
    parts.push({ sheet: reads[i]!.sheet, parsed: read, drafts, checked });
    before += parsed.projects.length;
  }
  if (parts.length > 1) reportRepeatedTables(parts);
  const locale = options.locale ?? "zh-CN";
  if (parts.length === 0) {
    const none = noTable(sheets);
    const { table, grandTotal, units, projects, rows } = none;
    return { table, grandTotal, units, projects, rows, issues: localizeIssues(none.issues, locale) };
  }
  const onSheets = new Set(parts.map((p) => p.sheet)).size > 1;
  const merged = mergeTables(parts, onSheets);
  const sheetOrder = onSheets ? parts.flatMap((p) => (p.sheet === undefined ? [] : [p.sheet])) : [];
  // Numbers that lost digits on their way into Excel, anywhere on the sheets read (find-lost-digits.ts).
  for (const sheet of sheets) {
    if (sheet.grid === undefined) continue;
    for (const draft of findLostDigits(sheet.grid, sheet.origin ?? A1_ORIGIN))
      merged.drafts.push(onSheets && sheet.name !== undefined ? issueOnSheet(draft, sheet.name) : draft);
  }
  const sorted = sortIssues(merged.drafts, sheetOrder);
  // Word: the messages, `budget` issues a slice (a table whose every total breaks has thousands).
  const issues: Issue[] = [];
  for (let start = 0; start < sorted.length;) {
    let end = start;
    while (end < sorted.length && !meter.add(1)) end++;
    end = Math.min(end + 1, sorted.length);
    for (const issue of localizeIssues(sorted.slice(start, end), locale)) issues.push(issue);
    start = end;
    if (start < sorted.length)
      yield { stage: "wording", done: start, total: sorted.length, work: meter.take() };
  }
  const { table, grandTotal, units, projects, rows } = merged.parsed;
  let checkedEquations = 0;
  for (const part of parts) checkedEquations += part.checked;
  return parts.length === 1
    ? { table, grandTotal, units, projects, rows, issues, checkedEquations }
    : { table, grandTotal, units, projects, rows, issues, tables: merged.tables, checkedEquations };
}

/**
 * How far an analysis is, in whole per cent: splitting the indicators is the first half, checking them the
 * second (reading and the totals take less; the wording of a table with thousands of issues ends at 100).
 */
export function analysisPercent(step: AnalysisStep): number {
  const part = step.total > 0 ? step.done / step.total : 0;
  switch (step.stage) {
    case "reading":
      return 0;
    case "splitting":
      return Math.floor(45 * part);
    case "totals":
      return 50;
    case "checking":
      return 50 + Math.floor(45 * part);
    case "wording":
      return 95 + Math.floor(5 * part);
  }
}

/** A stage's steps (the projects it has done so far) passed on as the analysis's steps. */
function* relaySteps<T>(
  steps: Generator<number, T, undefined>,
  toStep: (done: number) => AnalysisStep,
): Generator<AnalysisStep, T, undefined> {
  for (let next = steps.next(); ; next = steps.next()) {
    if (next.done) return next.value;
    yield toStep(next.value);
  }
}

/**
 * A table that repeats an earlier one on its sheet (the whole table pasted twice) keeps its rows, and its issues
 * become the one that says so (find-doubled-tables.ts).
 */
function reportRepeatedTables(parts: TablePart[]): void {
  const seen = new Map<string, TablePart>();
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    // A table without projects repeats nothing a clerk pasted twice.
    if (part.parsed.projects.length === 0) continue;
    const key = `${part.sheet ?? ""}\u0002${tableFingerprint(part.parsed)}`;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, part);
    else parts[i] = { ...part, drafts: [doubledTableIssue(part.parsed, first.parsed)], checked: 0 };
  }
}

/** The reading half of the analysis, before any check: locate, classify, read, split; every table of the grid. */
export function parseTable(grid: Grid, origin: Origin = A1_ORIGIN): ParsedTable {
  const found = findTables(grid, origin); // locate: every table any layout recognises, the best reading of each
  if (found.length === 0) return noTable([{ grid, origin }]);
  const parts = found.map((table) => {
    const parsed = readFound(table);
    return { sheet: undefined, parsed, drafts: parsed.issues, checked: 0 };
  });
  const merged = mergeTables(parts, false);
  return { ...merged.parsed, issues: merged.drafts };
}

function readFound(found: FoundTable): ParsedTable {
  const rows = found.classify(); // classify: every row's kind
  const read = found.read(rows); // read: projects, amounts, indicator texts, total equations
  return splitTable(read); // split: indicator texts → indicators with parsed values
}

/**
 * The tables one after the other: projects, units, rows, equations and indicator cells concatenated, each
 * table's references (a unit's projects, an issue's project) moved by the projects listed before it. One table
 * is returned as it is.
 */
function mergeTables(
  parts: readonly TablePart[],
  onSheets: boolean,
): { parsed: ParsedTable; drafts: IssueDraft[]; tables: AnalysisTable[] } {
  const first = parts[0]!;
  if (parts.length === 1 && !onSheets) {
    const only = first.parsed;
    const table: AnalysisTable = {
      table: only.table!,
      grandTotal: only.grandTotal,
      projectStart: 0,
      projectEnd: only.projects.length,
      unitStart: 0,
      unitEnd: only.units.length,
    };
    return { parsed: only, drafts: [...first.drafts], tables: [table] };
  }
  const projects: ParsedTable["projects"][number][] = [];
  const units: UnitRow[] = [];
  const rows: ParsedTable["rows"][number][] = [];
  const equations: ParsedTable["equations"][number][] = [];
  const indicatorCells: (readonly IndicatorPlace[])[] = [];
  const drafts: IssueDraft[] = [];
  const tables: AnalysisTable[] = [];
  for (const part of parts) {
    const p = part.parsed;
    const offset = projects.length;
    const unitStart = units.length;
    projects.push(...p.projects);
    for (const unit of p.units)
      units.push(
        offset === 0 ? unit : { ...unit, projectIndexes: unit.projectIndexes.map((i) => i + offset) },
      );
    rows.push(...p.rows);
    equations.push(...p.equations);
    indicatorCells.push(...p.indicatorCells);
    for (const draft of part.drafts) {
      let moved = draft;
      if (offset > 0 && draft.about !== undefined) {
        moved = Object.assign({}, draft, {
          about:
            draft.about.itemIndex === undefined
              ? { projectIndex: draft.about.projectIndex + offset }
              : { projectIndex: draft.about.projectIndex + offset, itemIndex: draft.about.itemIndex },
        });
      }
      drafts.push(onSheets && part.sheet !== undefined ? issueOnSheet(moved, part.sheet) : moved);
    }
    const entry = {
      table: p.table!,
      grandTotal: p.grandTotal,
      projectStart: offset,
      projectEnd: projects.length,
      unitStart,
      unitEnd: units.length,
    };
    tables.push(onSheets && part.sheet !== undefined ? { sheet: part.sheet, ...entry } : entry);
  }
  const parsed: ParsedTable = {
    table: first.parsed.table,
    grandTotal: first.parsed.grandTotal,
    units,
    projects,
    rows,
    issues: [],
    equations,
    indicatorCells,
  };
  return { parsed, drafts, tables };
}

/** The no-table issue, saying what the grids showed instead of a table (the first that showed anything). */
export function noTableIssue(grids: readonly { grid?: Grid; origin?: Origin }[]): IssueDraft {
  for (const { grid, origin } of grids) {
    if (grid === undefined) continue;
    const seen = whatWasSeen(grid, origin ?? A1_ORIGIN);
    if (seen) return makeIssue("no-table", null, { seen: seen.seen, firstRow: seen.row, text: seen.labels });
  }
  return makeIssue("no-table", null, {});
}

function noTable(grids: readonly { grid?: Grid; origin?: Origin }[]): ParsedTable {
  return {
    table: null,
    grandTotal: null,
    units: [],
    projects: [],
    rows: [],
    issues: [noTableIssue(grids)],
    equations: [],
    indicatorCells: [],
  };
}
