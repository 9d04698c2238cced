/**
 * The add-in's three actions in WPS 表格, through the ET object model: run on the active sheet, clear the marks,
 * select an issue's cell. They answer in the Office shell's terms (RunOutcome, ClearResult), so the task pane and
 * its wording serve both hosts. ET's object model is synchronous, so each action is one uninterrupted call; the
 * record of the tool's sheets and marks lives in the workbook (src/wps/et-record.ts), shared with Excel and the CLI.
 */
import { runOnHostSync, type RunPort, type SheetRead } from "../workbook/run-on-host";
import type { ClearResult, RunOutcome, RunRequest } from "../workbook/run-outcome";
import {
  applyPlanEt,
  removeOwnComments,
  restoreMarks,
  type EtApplyResult,
  type OptionalFeature,
} from "./apply-plan-et";
import { readMember } from "./et-facade";
import {
  forgetEtMarks,
  marksStore,
  readEtRecord,
  writeEtRecord,
  type EtRecord,
  type MarksStore,
} from "./et-record";
import type { WpsApplication } from "./wps-host";
import { readEtSource, worksheetsOf, type EtSourceRead } from "./read-et-source";

export type EtRunOptions = RunRequest;

/**
 * A run's outcome, and what this WPS build lacked: tables (and then filter buttons), frozen panes, links, print
 * setup, fitted row heights, notes, or custom XML ("record": the marks list then lasts only until WPS closes).
 */
export type EtRunOutcome = RunOutcome & { readonly skipped?: readonly (OptionalFeature | "record")[] };

/** ET's Application with the add-in root's PluginStorage (where a build without custom XML keeps the marks). */
type EtHost = Et.Application & Pick<WpsApplication, "PluginStorage">;

function sheetByName(book: Et.Workbook, name: string): Et.Worksheet | null {
  return worksheetsOf(book).find((s) => readMember<string>(s, "Name") === name) ?? null;
}

/** Names of every table (ListObject) in the workbook: table names are workbook-wide. */
function tableNames(sheets: readonly Et.Worksheet[]): string[] {
  const names: string[] = [];
  for (const sheet of sheets) {
    try {
      const lists = sheet.ListObjects;
      const count = readMember<number>(lists, "Count");
      for (let i = 1; i <= count; i++) names.push(readMember<string>(lists.Item(i), "Name"));
    } catch {
      // A build without ListObjects has no tables to avoid.
    }
  }
  return names;
}

export function runNormalizerEt(app: EtHost, options: EtRunOptions): EtRunOutcome {
  const book = app.ActiveWorkbook;
  const active = app.ActiveSheet as Et.Worksheet;
  if (!book || !active) return { kind: "empty", sheet: "" };
  const store = marksStore(book, app.PluginStorage);
  let skipped: readonly (OptionalFeature | "record")[] = [];
  const outcome = runOnHostSync(
    etRunPort(app, book, store, options, (s) => (skipped = s)),
    options,
  );
  if (outcome.kind !== "done") return outcome;
  return { ...outcome, skipped: store.lasting ? skipped : [...skipped, "record"] };
}

/** The run's port in ET: every call is synchronous; sheets are found by name. */
function etRunPort(
  app: EtHost,
  book: Et.Workbook,
  store: MarksStore,
  options: EtRunOptions,
  reportSkipped: (skipped: readonly OptionalFeature[]) => void,
): RunPort<"sync"> {
  const sheets = worksheetsOf(book);
  const names = sheets.map((s) => readMember<string>(s, "Name"));
  let record: EtRecord | null = null;
  let applied: EtApplyResult | null = null;
  const sheetRead = (source: EtSourceRead): SheetRead => ({
    sheet: { key: source.name, name: source.name },
    grid: source.grid,
    origin: source.origin,
    selectionIgnored: source.selectionIgnored,
    protected: source.protected,
  });
  return {
    readActive: () => ({
      ...sheetRead(readEtSource(app)),
      sheets: names.map((name) => ({ key: name, name })),
      tables: tableNames(sheets),
    }),
    readPrevious: () => {
      record = readEtRecord(book, names, store);
      const own = record.ownSheets.map((s) => s.name);
      return {
        ownSheets: own,
        ownTables: tableNames(sheets.filter((s) => own.indexOf(readMember<string>(s, "Name")) >= 0)),
        lastSource: record.sourceSheet,
        marksUnreadable: record.unreadable,
      };
    },
    readSheet: (name) => sheetRead(readEtSource(app, sheetByName(book, name) ?? undefined)),
    apply: (plan, source) => {
      const own = new Set(record!.ownSheets.map((s) => s.name));
      const marked = record!.sourceSheet ? sheetByName(book, record!.sourceSheet) : null;
      applied = applyPlanEt(app, plan, {
        source: sheetByName(book, source.sheet.key)!,
        previousSheets: sheets.filter((s) => own.has(readMember<string>(s, "Name"))),
        previousMarks: record!.marks,
        marked,
        onProgress: (p) => options.onProgress?.({ stage: "writing", ...p }),
      });
      reportSkipped(applied.skipped);
      return applied;
    },
    writeRecord: (_plan, source) => {
      // ET applies a plan in one uninterrupted call: a failed one wrote nothing the record could name.
      if (applied)
        writeEtRecord(book, { sheets: applied.sheets, source: source.sheet.name }, applied.marks, store);
    },
  };
}

/**
 * Puts back the previous fill of every cell that still wears its mark and removes the tool's notes there (the
 * clerk's stay); sheets and values are left alone, and so is a cell whose fill changed since the run.
 */
export function clearMarksEt(app: EtHost): ClearResult {
  const book = app.ActiveWorkbook;
  if (!book) return { restored: 0, leftAlone: 0, colourLost: 0, unreadable: 0 };
  const store = marksStore(book, app.PluginStorage);
  const record = readEtRecord(
    book,
    worksheetsOf(book).map((s) => readMember<string>(s, "Name")),
    store,
  );
  const marked = record.sourceSheet ? sheetByName(book, record.sourceSheet) : null;
  const cleared =
    marked && record.marks.length > 0
      ? restoreMarks(marked, record.marks)
      : { restored: 0, leftAlone: 0, colourLost: 0 };
  if (marked) {
    try {
      removeOwnComments(marked);
    } catch {
      // A build without Worksheet.Comments wrote no notes either.
    }
  }
  if (record.marks.length > 0) forgetEtMarks(book, store);
  return { ...cleared, unreadable: record.unreadable };
}

/** The worksheets' names in tab order, for the pane's 与上年对比 list. */
export function listSheetNamesEt(app: Et.Application): string[] {
  return worksheetsOf(app.ActiveWorkbook).map((sheet) => readMember<string>(sheet, "Name"));
}

/** Shows an issue's cell: activates its sheet and selects the cell. */
export function selectCellEt(app: Et.Application, sheetName: string, cell: string): void {
  const sheet = sheetByName(app.ActiveWorkbook, sheetName);
  if (!sheet) throw new Error(`no sheet named ${sheetName}`);
  sheet.Activate();
  sheet.Range(cell).Select();
}
