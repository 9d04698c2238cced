/**
 * The add-in's three actions on the open workbook, shared by the task pane and the ribbon: run on the active
 * sheet, clear the marks, and select an issue's cell. Only this directory calls Excel.run.
 */
import {
  analyzeLocated,
  buildPlan,
  countAnalysis,
  findTables,
  messagesFor,
  type Analysis,
  type Issue,
  type Locale,
  type Plan,
  type PlanSheetKey,
} from "../core";
import { detectApiSupport, type ApiSupport } from "./api-support";
import { applyPlan, removeComments, restoreMarks } from "./apply-plan";
import { readPreviousRun, type PreviousRun } from "./previous-run";
import { findTableSheet, readSource, type SheetRef } from "./read-source";
import { RequestBudget } from "./request-budget";
import {
  acquireRunLock,
  beatRunLock,
  forgetRunState,
  releaseRunLock,
  RUN_LOCK_BEAT_MS,
  saveRunState,
  type DocumentSettings,
  type RunState,
} from "./run-state";
import { clearRecordedMarks, writeWorkbookRecord } from "./workbook-record";

export type RunProgress =
  | { readonly stage: "reading" }
  | { readonly stage: "checking"; readonly rows: number }
  | { readonly stage: "writing"; readonly rowsWritten: number; readonly rowsTotal: number };

export interface RunOptions {
  readonly locale: Locale;
  /** Reconciliation tolerance in the table's amount unit; the core's default when absent. */
  readonly tolerance?: number;
  readonly onProgress?: (progress: RunProgress) => void;
  /** Injected by tests; the host's answers otherwise. */
  readonly support?: ApiSupport;
  readonly settings?: DocumentSettings;
  readonly now?: () => number;
}

export interface RunSummary {
  readonly sourceSheet: string;
  readonly projects: number;
  readonly indicators: number;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  readonly issues: readonly Issue[];
  /** The sheet shown after the run. */
  readonly activated: PlanSheetKey;
  readonly activatedName: string | null;
  /** Cells whose text was cut at Excel's 32,767-character limit (each holds a visible note). */
  readonly truncated: number;
  /** Several areas were selected: the whole used range was analysed instead. */
  readonly selectionIgnored: boolean;
  /** Marks of the previous run left in place because their cell's fill had changed since (see clearMarks). */
  readonly marksLeftAlone: number;
  /** Marks of a CLI run whose cell had a theme or indexed colour, which Office.js cannot set: fill cleared. */
  readonly marksColourLost: number;
  /** Marks the record lists that this Excel cannot read (below ExcelApi 1.5): left in place. */
  readonly marksUnreadable: number;
  /** Marked cells that kept the clerk's comment or note and got no comment of the add-in's. */
  readonly commentsSkipped: number;
  /** Excel refused the print setup: the run is complete, the new sheets print with Excel's defaults. */
  readonly printSetupSkipped?: boolean;
  /** Conditional formats of the clerk's lie over marked cells (ExcelApi 1.6): their fill may hide the marks. */
  readonly conditionalFormatsOverMarks?: boolean;
}

export type RunOutcome =
  | { readonly kind: "done"; readonly summary: RunSummary }
  /** Nothing on the sheet (or in the selection) to analyse. */
  | { readonly kind: "empty"; readonly sheet: string }
  /**
   * No table on the sheet: nothing was added to the workbook. What was looked for and what to do, in the
   * user's language (the core's no-table message and advice).
   */
  | { readonly kind: "no-table"; readonly sheet: string; readonly lookedFor: string; readonly advice: string }
  /** No table on the active sheet, but one on another: nothing was written; the clerk is told which to open. */
  | { readonly kind: "table-elsewhere"; readonly sheet: string; readonly found: string }
  /** The active sheet is one the add-in wrote: running on it would delete it. */
  | { readonly kind: "own-sheet"; readonly sheet: string }
  /** The sheet is protected: nothing was changed. */
  | { readonly kind: "protected"; readonly sheet: string }
  /** Another run (the pane's or the ribbon's) is still going. */
  | { readonly kind: "busy" };

export interface ClearResult {
  /** Cells whose previous fill was put back. */
  readonly restored: number;
  /** Cells left alone: the clerk refilled them since the run, or rows inserted or deleted moved them. */
  readonly leftAlone: number;
  /** Of the restored, cells whose previous colour Office.js cannot set (theme or indexed): fill cleared. */
  readonly colourLost: number;
  /** Marks the record lists that this Excel cannot read (below ExcelApi 1.5): left in place. */
  readonly unreadable: number;
}

function documentSettings(options: { readonly settings?: DocumentSettings }): DocumentSettings {
  return options.settings ?? (Office.context.document.settings as unknown as DocumentSettings);
}

/** This runtime's name in the run lock. */
const RUNTIME_ID = `runtime-${Math.random().toString(36).slice(2)}-${Date.now().toString(36)}`;

/** Runs `work` holding the run lock, across runtimes (document settings) and within this one. */
let runningHere = false;
async function exclusively<T>(
  settings: DocumentSettings,
  now: () => number,
  work: () => Promise<T>,
): Promise<T | { readonly kind: "busy" }> {
  if (runningHere) return { kind: "busy" };
  runningHere = true;
  try {
    if (!(await acquireRunLock(settings, RUNTIME_ID, now()))) return { kind: "busy" };
    // Alive while running: if Office ends this runtime, the beats stop and the lock goes stale (run-state.ts).
    const beating = setInterval(
      () => void beatRunLock(settings, RUNTIME_ID, now()).catch(() => undefined),
      RUN_LOCK_BEAT_MS,
    );
    try {
      return await work();
    } finally {
      clearInterval(beating);
      await releaseRunLock(settings, RUNTIME_ID);
    }
  } finally {
    runningHere = false;
  }
}

/**
 * Gives the webview back to the host between the long steps of a run (analysis, plan, the writes), so that the
 * pane paints its progress and Office sees the add-in alive: Office restarts an add-in that blocks for more than
 * 5 seconds, and Trident runs the same bundle 3–4.5× slower than a modern engine (npm run bench:ie11 measures
 * the longest stretch).
 */
function yieldToHost(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Excel.run; from ExcelApi 1.11 with delayForCellEdit, so that a run clicked while a cell is being edited waits
 * for the edit to end (api-support.ts). Below 1.11 the options are not passed at all: Excel fails the request
 * with InvalidOperationInCellEditMode, and the pane says to press Enter or Esc.
 */
function runExcel<T>(support: ApiSupport, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  return support.delayForCellEdit ? Excel.run({ delayForCellEdit: true }, batch) : Excel.run(batch);
}

/** Reads the active sheet, checks it, and writes the result sheets and marks. */
export function runNormalizer(options: RunOptions): Promise<RunOutcome> {
  const settings = documentSettings(options);
  const support = options.support ?? detectApiSupport();
  return exclusively(settings, options.now ?? Date.now, () =>
    runExcel(support, async (context): Promise<RunOutcome> => {
      options.onProgress?.({ stage: "reading" });
      let source = await readSource(context, support);
      // The document's latest state, read in this request: another runtime or the CLI may have run since.
      const previousRun = await readPreviousRun(context, support, settings, source.sheets);
      const previous = previousRun.state;
      if (previous.sheetIds.includes(source.sheet.id)) {
        // Run from one of the tool's own sheets (say 校验结果 after fixing the source): analyse the last source.
        const last = previous.sourceSheetId;
        if (!last || !source.sheets.some((s) => s.id === last))
          return { kind: "own-sheet", sheet: source.sheet.name };
        source = { ...(await readSource(context, support, last)), selectionIgnored: source.selectionIgnored };
      }
      // Located once: the analysis reads these tables (analyzeLocated), it does not look for them again.
      const tables = source.grid ? findTables(source.grid, source.origin) : [];
      if (tables.length === 0) {
        // No table here: another sheet may hold it (the add-in reads the active sheet only).
        const except = new Set([source.sheet.id, ...previous.sheetIds]);
        const found = await findTableSheet(context, support, except);
        if (found) return { kind: "table-elsewhere", sheet: source.sheet.name, found: found.name };
      }
      if (!source.grid) return { kind: "empty", sheet: source.sheet.name };
      if (source.protected) return { kind: "protected", sheet: source.sheet.name };

      options.onProgress?.({ stage: "checking", rows: source.grid.length });
      await yieldToHost();
      const analysis = analyzeLocated([{ tables }], { locale: options.locale, tolerance: options.tolerance });
      // Nothing found is not "done": no sheet, no mark, no change to the workbook.
      if (analysis.table === null) return noTableOutcome(analysis, source.sheet.name, options.locale);
      await yieldToHost();
      const own = new Set(previous.sheetIds);
      const plan = buildPlan(analysis, {
        sourceSheet: source.sheet.name,
        locale: options.locale,
        avoidSheetNames: source.sheets.filter((s) => !own.has(s.id)).map((s) => s.name),
        avoidTableNames: source.tableNames.filter((n) => !(previous.tableNames ?? []).includes(n)),
      });

      await yieldToHost();
      let state: RunState = previous;
      let marksLeftAlone = 0;
      let marksColourLost = 0;
      let commentsSkipped = 0;
      let printSetupSkipped = false;
      let conditionalFormatsOverMarks = false;
      let failed = false;
      try {
        // Marks of two layers (see PreviousRun.newerMarks): the newer ones first.
        const newer = previousRun.newerMarks;
        if (newer && source.sheets.some((s) => s.id === newer.sheetId)) {
          const budget = new RequestBudget(context);
          const sheet = context.workbook.worksheets.getItem(newer.sheetId);
          const restored = await restoreMarks(sheet, newer.fills, support, budget);
          await budget.flush();
          marksLeftAlone += restored.leftAlone;
          marksColourLost += restored.colourLost;
        }
        const applied = await applyPlan(context, plan, {
          support,
          previous,
          sheets: source.sheets,
          sourceSheetId: source.sheet.id,
          onProgress: (p) => options.onProgress?.({ stage: "writing", ...p }),
          recordState: (s) => {
            state = s;
          },
        });
        state = applied.state;
        marksLeftAlone += applied.marksLeftAlone;
        marksColourLost += applied.marksColourLost;
        commentsSkipped = applied.commentsSkipped;
        printSetupSkipped = applied.printSetupSkipped;
        conditionalFormatsOverMarks = applied.conditionalFormatsOverMarks;
      } catch (error) {
        failed = true;
        throw error;
      } finally {
        // Even a run that failed half-way remembers the sheets it made, so the next run replaces them. When Excel
        // itself failed, remembering may fail too: the first error is the one the clerk is told.
        if (state !== previous) {
          const saving = saveRun(
            context,
            support,
            settings,
            previousRun,
            describeState(state, plan, source.sheet),
          );
          if (failed) await saving.catch(() => undefined);
          else await saving;
        }
      }
      const activatedName = plan.sheets.find((s) => s.key === plan.activate)?.name ?? null;
      const summary = summarize(analysis, source.sheet.name, plan.activate, activatedName);
      return {
        kind: "done",
        summary: {
          ...summary,
          truncated: plan.truncated?.length ?? 0,
          selectionIgnored: source.selectionIgnored,
          marksLeftAlone,
          marksColourLost,
          marksUnreadable: previousRun.record.unreadableMarks,
          commentsSkipped,
          // Only when it happened: a run's summary is the same in every host otherwise (test/wps/flow-parity).
          ...(printSetupSkipped ? { printSetupSkipped } : {}),
          ...(conditionalFormatsOverMarks ? { conditionalFormatsOverMarks } : {}),
        },
      };
    }),
  );
}

/**
 * The state applyPlan made, with what outlasts the session: each new sheet's name, key and table (in the plan's
 * order, as applyPlan creates them) and the source sheet's name.
 */
function describeState(state: RunState, plan: Plan, source: SheetRef): RunState {
  return {
    ...state,
    sheets: state.sheetIds.map((id, i) => {
      const planned = plan.sheets[i];
      return {
        id,
        name: planned?.name ?? "",
        key: planned?.key,
        ...(planned?.table ? { table: planned.table.name } : {}),
      };
    }),
    sourceSheetName: source.name,
    marks: state.marks ? { ...state.marks, sheetName: source.name } : null,
  };
}

/** The outcome of an analysis that found no table: what was looked for and what to do (every host's shell). */
export function noTableOutcome(
  analysis: Analysis,
  sheet: string,
  locale: Locale,
): Extract<RunOutcome, { kind: "no-table" }> {
  const issue = analysis.issues.find((i) => i.rule === "no-table");
  return {
    kind: "no-table",
    sheet,
    lookedFor: issue?.message ?? "",
    advice: issue ? messagesFor(locale).advice[issue.rule](issue) : "",
  };
}

/**
 * Remembers the run: from ExcelApi 1.5 in the workbook's record (and a state the settings held goes: the record is
 * the one copy now), below 1.5 in the document settings.
 */
async function saveRun(
  context: Excel.RequestContext,
  support: ApiSupport,
  settings: DocumentSettings,
  previousRun: PreviousRun,
  state: RunState,
): Promise<void> {
  if (!support.workbookRecord) return saveRunState(settings, state);
  const budget = new RequestBudget(context);
  await writeWorkbookRecord(context, budget, previousRun.record, {
    sheets: (state.sheets ?? []).flatMap((s) => (s.key ? [{ key: s.key, name: s.name }] : [])),
    sourceSheet: state.sourceSheetName ?? null,
    marks: state.marks ? { sheet: state.sourceSheetName ?? "", fills: state.marks.fills } : null,
  });
  await budget.flush();
  if (previousRun.inSettings) await forgetRunState(settings);
}

export function summarize(
  analysis: Analysis,
  sourceSheet: string,
  activated: PlanSheetKey,
  activatedName: string | null,
): RunSummary {
  const counts = countAnalysis(analysis);
  return {
    sourceSheet,
    projects: counts.projects,
    indicators: counts.indicators,
    errors: counts.errors,
    warnings: counts.warnings,
    infos: counts.infos,
    issues: analysis.issues,
    activated,
    activatedName,
    truncated: 0,
    selectionIgnored: false,
    marksLeftAlone: 0,
    marksColourLost: 0,
    marksUnreadable: 0,
    commentsSkipped: 0,
  };
}

/**
 * Puts back the previous fill of every cell that still holds its mark; sheets and values are left alone, and so
 * is a cell whose fill changed since the run. Null when another run holds the lock.
 */
export async function clearMarks(
  options: {
    readonly support?: ApiSupport;
    readonly settings?: DocumentSettings;
    readonly now?: () => number;
  } = {},
): Promise<ClearResult | null> {
  const settings = documentSettings(options);
  const support = options.support ?? detectApiSupport();
  const result = await exclusively(settings, options.now ?? Date.now, () =>
    runExcel(support, async (context): Promise<ClearResult> => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/id,items/name");
      await context.sync();
      const refs = sheets.items.map((s) => ({ id: s.id, name: s.name }));
      const previousRun = await readPreviousRun(context, support, settings, refs);
      const budget = new RequestBudget(context);
      let cleared = { restored: 0, leftAlone: 0, colourLost: 0 };
      for (const marks of [previousRun.newerMarks, previousRun.state.marks]) {
        if (!marks || !refs.some((s) => s.id === marks.sheetId)) continue;
        const marked = sheets.getItem(marks.sheetId);
        const restored = await restoreMarks(marked, marks.fills, support, budget);
        await removeComments(marked, support, budget);
        cleared = {
          restored: cleared.restored + restored.restored,
          leftAlone: cleared.leftAlone + restored.leftAlone,
          colourLost: cleared.colourLost + restored.colourLost,
        };
      }
      await budget.flush();
      // The marks are gone: so is their record. The sheets stay, and so do the names that say they are the tool's.
      if (support.workbookRecord) {
        await clearRecordedMarks(context, budget, previousRun.record);
        await budget.flush();
      }
      if (previousRun.inSettings) await saveRunState(settings, { ...previousRun.saved, marks: null });
      return { ...cleared, unreadable: previousRun.record.unreadableMarks };
    }),
  );
  return "kind" in result ? null : result;
}

/** Shows an issue's cell: activates its sheet and selects the cell. */
export function selectCell(sheetName: string, cell: string): Promise<void> {
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(sheetName);
    sheet.activate();
    sheet.getRange(cell).select();
    await context.sync();
  });
}
