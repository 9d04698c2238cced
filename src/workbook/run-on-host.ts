/**
 * One run, in every host: read the active sheet, read what the previous run left, choose the sheet to analyse,
 * analyse it, plan the new sheets around the names that stay, apply the plan, write the record, and sum it up.
 * The host is a port of batch-level operations; batching, syncs and request budgets stay inside each adapter
 * (src/excel through Office.js, src/wps through ET). Office.js answers in promises and ET at once, so the run is
 * written once as a generator of the port's calls, and each adapter drives it: runOnHostAsync awaits each answer,
 * runOnHostSync takes it as it comes. Pure: everything it does to a workbook goes through the port.
 */
import {
  analyzeLocated,
  buildPlan,
  compareTables,
  findTables,
  isChangeToCheck,
  type Analysis,
  type Comparison,
  type Grid,
  type Origin,
  type Plan,
} from "../core";
import { namesToAvoid, sheetToAnalyse } from "./rerun-rules";
import { noTableOutcome, summarize, type RunOutcome, type RunRequest } from "./run-outcome";

/** A worksheet: `key` is how the host finds it (Excel: its id in this session; ET: its name). */
export interface HostSheet {
  readonly key: string;
  readonly name: string;
}

/** A sheet read for analysis. */
export interface SheetRead {
  readonly sheet: HostSheet;
  /** Cell values with empty cells as null; null when there is nothing to analyse. */
  readonly grid: Grid | null;
  readonly origin: Origin;
  /** Several areas were selected: the used range was read instead. */
  readonly selectionIgnored: boolean;
  /** The sheet's contents are protected: nothing may be marked on it. */
  readonly protected: boolean;
}

/** The active sheet read, with every worksheet and table name now in the workbook. */
export interface ActiveRead extends SheetRead {
  readonly sheets: readonly HostSheet[];
  /** Every table's name: table names are workbook-wide. */
  readonly tables: readonly string[];
}

/** What the previous run left, as this run needs it. */
export interface PreviousWork {
  /** The tool's sheets (by key): a run replaces them. */
  readonly ownSheets: readonly string[];
  /** The tables on them (free again once they are replaced). */
  readonly ownTables: readonly string[];
  /** The sheet the last run analysed (by key). */
  readonly lastSource: string | null;
  /** Marks the record lists that this host cannot read: they stay, counted. */
  readonly marksUnreadable: number;
}

/** What applying a plan did to the previous run's marks and the clerk's comments. */
export interface Applied {
  readonly marksLeftAlone: number;
  readonly marksColourLost: number;
  readonly commentsSkipped: number;
  /** The host refused the print setup (its own last request in Excel): the run is complete without it. */
  readonly printSetupSkipped?: boolean;
  /** Conditional formats of the clerk's lie over marked cells (Excel, ExcelApi 1.6): they may hide the marks. */
  readonly conditionalFormatsOverMarks?: boolean;
}

/** The host's batch-level operations, each one request (Excel) or one uninterrupted call (ET). */
export interface RunPort<Answer> {
  readActive(): Answer extends "async" ? Promise<ActiveRead> : ActiveRead;
  readPrevious(sheets: readonly HostSheet[]): Answer extends "async" ? Promise<PreviousWork> : PreviousWork;
  readSheet(key: string): Answer extends "async" ? Promise<SheetRead> : SheetRead;
  /**
   * Another sheet that holds a table, when the one read holds none (`except`: sheets not to look at); absent in a
   * host that does not look (WPS answers with the sheet it has).
   */
  findTableElsewhere?(
    except: readonly string[],
  ): Answer extends "async" ? Promise<string | null> : string | null;
  /**
   * Gives the thread back to the host between the long steps (before the analysis, the plan and the writes), so a
   * webview paints progress and Office sees the add-in alive; absent in a host whose run is one call (ET).
   */
  pause?(): Answer extends "async" ? Promise<void> : void;
  /** Restores the previous marks, replaces the tool's sheets, writes the plan's sheets and marks. */
  apply(plan: Plan, source: SheetRead): Answer extends "async" ? Promise<Applied> : Applied;
  /** Records what was done (even after a failed apply: `failed`), so the next run replaces it. */
  writeRecord(plan: Plan, source: SheetRead, failed: boolean): Answer extends "async" ? Promise<void> : void;
}

/** One call of the port, as the run yields it. */
type PortCall = {
  readonly [K in keyof RunPort<"sync">]-?: { readonly op: K; readonly args: unknown[] };
}[keyof RunPort<"sync">];
type Answer<K extends keyof RunPort<"sync">> = ReturnType<NonNullable<RunPort<"sync">[K]>>;

function* ask<K extends keyof RunPort<"sync">>(
  op: K,
  ...args: unknown[]
): Generator<PortCall, Answer<K>, unknown> {
  return (yield { op, args } as PortCall) as Answer<K>;
}

/**
 * The run, as the port calls it makes. `hasFinder`: the port looks for a table on other sheets; `pauses`: it
 * takes pauses between the long steps.
 */
function* runSteps(
  request: RunRequest,
  hasFinder: boolean,
  pauses: boolean,
): Generator<PortCall, RunOutcome, unknown> {
  request.onProgress?.({ stage: "reading" });
  const active = yield* ask("readActive");
  const previous = yield* ask("readPrevious", active.sheets);
  const exists = (key: string) => active.sheets.some((s) => s.key === key);
  // Run from one of the tool's own sheets (say 校验结果 after fixing the source): analyse the last source.
  const analysed = sheetToAnalyse(active.sheet.key, previous.ownSheets, previous.lastSource, exists);
  if (analysed === null) return { kind: "own-sheet", sheet: active.sheet.name };
  let source: SheetRead = active;
  if (analysed !== active.sheet.key)
    source = { ...(yield* ask("readSheet", analysed)), selectionIgnored: active.selectionIgnored };
  // Located once: the analysis reads these tables (analyzeLocated), it does not look for them again.
  const tables = source.grid ? findTables(source.grid, source.origin) : [];
  if (hasFinder && tables.length === 0) {
    // No table here: another sheet may hold it (the add-in reads one sheet).
    const found = yield* ask("findTableElsewhere", [source.sheet.key, ...previous.ownSheets]);
    if (found) return { kind: "table-elsewhere", sheet: source.sheet.name, found };
  }
  if (!source.grid) return { kind: "empty", sheet: source.sheet.name };
  if (source.protected) return { kind: "protected", sheet: source.sheet.name };

  request.onProgress?.({ stage: "checking", rows: source.grid.length });
  if (pauses) yield* ask("pause");
  // The grid goes along so that finding no table can say what it saw instead.
  const analysis: Analysis = analyzeLocated([{ tables, grid: source.grid, origin: source.origin }], {
    locale: request.locale,
    ...(request.tolerance !== undefined ? { tolerance: request.tolerance } : {}),
  });
  // Nothing found is not "done": no sheet, no mark, no change to the workbook.
  if (analysis.table === null) return noTableOutcome(analysis, source.sheet.name, request.locale);
  if (pauses) yield* ask("pause");
  const avoid = namesToAvoid({
    sheets: active.sheets.map((s) => s.name),
    replaced: active.sheets.filter((s) => previous.ownSheets.indexOf(s.key) >= 0).map((s) => s.name),
    tables: active.tables,
    replacedTables: previous.ownTables,
  });
  // 与上年对比: last year's table from the sheet the clerk picked, located and read the same way.
  let comparison: Comparison | undefined;
  if (request.compareWithSheet !== undefined) {
    const sheet = active.sheets.find((s) => s.name === request.compareWithSheet);
    if (!sheet) return { kind: "compare-sheet-missing", sheet: request.compareWithSheet };
    const last = sheet.key === source.sheet.key ? source : yield* ask("readSheet", sheet.key);
    const lastTables = last.grid ? findTables(last.grid, last.origin) : [];
    if (lastTables.length === 0) return { kind: "compare-no-table", sheet: sheet.name };
    comparison = compareTables(
      analyzeLocated([{ tables: lastTables }], { locale: request.locale }),
      analysis,
    );
  }
  const plan = buildPlan(analysis, {
    sourceSheet: source.sheet.name,
    locale: request.locale,
    avoidSheetNames: avoid.sheets,
    avoidTableNames: avoid.tables,
    ...(comparison ? { comparison } : {}),
  });

  if (pauses) yield* ask("pause");
  let applied: Applied;
  let failed = false;
  try {
    applied = yield* ask("apply", plan, source);
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    // Even a run that failed half-way records the sheets it made, so the next run replaces them.
    yield* ask("writeRecord", plan, source, failed);
  }
  const activatedName = plan.sheets.find((s) => s.key === plan.activate)?.name ?? null;
  return {
    kind: "done",
    summary: {
      ...summarize(analysis, source.sheet.name, plan.activate, activatedName),
      truncated: plan.truncated?.length ?? 0,
      selectionIgnored: source.selectionIgnored,
      marksLeftAlone: applied.marksLeftAlone,
      marksColourLost: applied.marksColourLost,
      marksUnreadable: previous.marksUnreadable,
      commentsSkipped: applied.commentsSkipped,
      // Only when they happened: a run's summary is the same in every host otherwise (test/wps/flow-parity).
      ...(applied.printSetupSkipped ? { printSetupSkipped: true } : {}),
      ...(applied.conditionalFormatsOverMarks ? { conditionalFormatsOverMarks: true } : {}),
      ...(comparison
        ? {
            comparison: {
              changes: comparison.findings.filter(isChangeToCheck).length,
              sheetName: plan.sheets.find((s) => s.key === "compare")?.name ?? "",
              ...(comparison.against === "self-evaluation" ? { againstSelfEvaluation: true as const } : {}),
            },
          }
        : {}),
    },
  };
}

function call(port: object, { op, args }: PortCall): unknown {
  const method = (port as Record<string, (...a: unknown[]) => unknown>)[op]!;
  return method.apply(port, args);
}

/** A run on a host that answers in promises (Office.js). */
export async function runOnHostAsync(port: RunPort<"async">, request: RunRequest): Promise<RunOutcome> {
  const steps = runSteps(request, port.findTableElsewhere !== undefined, port.pause !== undefined);
  let next = steps.next();
  while (!next.done) {
    let answer: unknown;
    try {
      answer = await call(port, next.value);
    } catch (error) {
      next = steps.throw(error);
      continue;
    }
    next = steps.next(answer);
  }
  return next.value;
}

/** A run on a host that answers at once (ET). */
export function runOnHostSync(port: RunPort<"sync">, request: RunRequest): RunOutcome {
  const steps = runSteps(request, port.findTableElsewhere !== undefined, port.pause !== undefined);
  let next = steps.next();
  while (!next.done) {
    let answer: unknown;
    try {
      answer = call(port, next.value);
    } catch (error) {
      next = steps.throw(error);
      continue;
    }
    next = steps.next(answer);
  }
  return next.value;
}
