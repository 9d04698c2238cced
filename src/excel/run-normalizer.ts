/**
 * The add-in's three actions on the open workbook, shared by the task pane and the ribbon: run on the active
 * sheet, clear the marks, and select an issue's cell. Only this directory calls Excel.run.
 */
import type { Plan } from "../core";
import { runOnHostAsync, type RunPort, type SheetRead } from "../workbook/run-on-host";
import type { ClearResult, RunOutcome, RunRequest } from "../workbook/run-outcome";
import { detectApiSupport, type ApiSupport } from "./api-support";
import { applyPlan, removeComments, restoreMarks } from "./apply-plan";
import { readPreviousRun, type PreviousRun } from "./previous-run";
import { findTableSheet, readSource, type SheetRef, type SourceRead } from "./read-source";
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

// The outcome moved to src/workbook (every host answers in it); re-exported for the add-in's own callers.
export type { ClearResult, RunOutcome, RunProgress, RunSummary } from "../workbook/run-outcome";

export interface RunOptions extends RunRequest {
  /** Injected by tests; the host's answers otherwise. */
  readonly support?: ApiSupport;
  readonly settings?: DocumentSettings;
  readonly now?: () => number;
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
 * Excel.run; from ExcelApi 1.11 with delayForCellEdit, so that a run clicked while a cell is being edited waits
 * for the edit to end (api-support.ts). Below 1.11 the options are not passed at all: Excel fails the request
 * with InvalidOperationInCellEditMode, and the pane says to press Enter or Esc.
 */
function runExcel<T>(support: ApiSupport, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  return support.delayForCellEdit ? Excel.run({ delayForCellEdit: true }, batch) : Excel.run(batch);
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

/** Reads the active sheet, checks it, and writes the result sheets and marks. */
export function runNormalizer(options: RunOptions): Promise<RunOutcome> {
  const settings = documentSettings(options);
  const support = options.support ?? detectApiSupport();
  return exclusively(settings, options.now ?? Date.now, () =>
    runExcel(support, (context) =>
      runOnHostAsync(excelRunPort(context, support, settings, options), options),
    ),
  );
}

/**
 * The run's port in Excel: each operation is a request or a few (the request budget batches within them), in the
 * same Excel.run. The previous run is read from the record and the settings in the same request as the cells.
 */
function excelRunPort(
  context: Excel.RequestContext,
  support: ApiSupport,
  settings: DocumentSettings,
  options: RunOptions,
): RunPort<"async"> {
  let read: SourceRead | null = null;
  let previousRun: PreviousRun | null = null;
  let state: RunState | null = null;
  const sheetRead = (source: SourceRead): SheetRead => ({
    sheet: { key: source.sheet.id, name: source.sheet.name },
    grid: source.grid,
    origin: source.origin,
    selectionIgnored: source.selectionIgnored,
    protected: source.protected,
  });
  return {
    readActive: async () => {
      read = await readSource(context, support);
      return {
        ...sheetRead(read),
        sheets: read.sheets.map((s) => ({ key: s.id, name: s.name })),
        tables: read.tableNames,
      };
    },
    readPrevious: async () => {
      // The document's latest state, read in this request: another runtime or the CLI may have run since.
      previousRun = await readPreviousRun(context, support, settings, read!.sheets);
      const previous = previousRun.state;
      return {
        ownSheets: previous.sheetIds,
        ownTables: previous.tableNames ?? [],
        lastSource: previous.sourceSheetId ?? null,
        marksUnreadable: previousRun.record.unreadableMarks,
      };
    },
    readSheet: async (key) => sheetRead(await readSource(context, support, key)),
    pause: yieldToHost,
    findTableElsewhere: async (except) =>
      (await findTableSheet(context, support, new Set(except)))?.name ?? null,
    apply: async (plan, source) => {
      const previous = previousRun!.state;
      state = previous;
      let marksLeftAlone = 0;
      let marksColourLost = 0;
      // Marks of two layers (see PreviousRun.newerMarks): the newer ones first.
      const newer = previousRun!.newerMarks;
      if (newer && read!.sheets.some((s) => s.id === newer.sheetId)) {
        const budget = new RequestBudget(context, undefined, undefined, yieldToHost);
        const sheet = context.workbook.worksheets.getItem(newer.sheetId);
        const restored = await restoreMarks(sheet, newer.fills, support, budget);
        await budget.flush();
        marksLeftAlone += restored.leftAlone;
        marksColourLost += restored.colourLost;
      }
      const applied = await applyPlan(context, plan, {
        support,
        previous,
        sheets: read!.sheets,
        sourceSheetId: source.sheet.key,
        onProgress: (p) => options.onProgress?.({ stage: "writing", ...p }),
        pause: yieldToHost,
        recordState: (s) => {
          state = s;
        },
      });
      state = applied.state;
      return {
        marksLeftAlone: marksLeftAlone + applied.marksLeftAlone,
        marksColourLost: marksColourLost + applied.marksColourLost,
        commentsSkipped: applied.commentsSkipped,
        printSetupSkipped: applied.printSetupSkipped,
        conditionalFormatsOverMarks: applied.conditionalFormatsOverMarks,
      };
    },
    writeRecord: async (plan, source, failed) => {
      // Nothing was made: nothing to remember.
      if (state === null || state === previousRun!.state) return;
      // When Excel itself failed, remembering may fail too: the first error is the one the clerk is told.
      const sheet = { id: source.sheet.key, name: source.sheet.name };
      const saving = saveRun(context, support, settings, previousRun!, describeState(state, plan, sheet));
      if (failed) await saving.catch(() => undefined);
      else await saving;
    },
  };
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
  const budget = new RequestBudget(context, undefined, undefined, yieldToHost);
  await writeWorkbookRecord(context, budget, previousRun.record, {
    sheets: (state.sheets ?? []).flatMap((s) => (s.key ? [{ key: s.key, name: s.name }] : [])),
    sourceSheet: state.sourceSheetName ?? null,
    marks: state.marks ? { sheet: state.sourceSheetName ?? "", fills: state.marks.fills } : null,
  });
  await budget.flush();
  if (previousRun.inSettings) await forgetRunState(settings);
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
      const budget = new RequestBudget(context, undefined, undefined, yieldToHost);
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

/** The worksheets' names in tab order, for the pane's 与上年对比 list (one request). */
export function listSheetNames(): Promise<string[]> {
  return Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    return sheets.items.map((sheet) => sheet.name);
  });
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
