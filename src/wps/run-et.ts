/**
 * The add-in's three actions in WPS 表格, through the ET object model: run on the active sheet, clear the marks,
 * select an issue's cell. They answer in the Office shell's terms (RunOutcome, ClearResult), so the task pane and
 * its wording serve both hosts. ET's object model is synchronous, so each action is one uninterrupted call; the
 * record of the tool's sheets and marks lives in the workbook (src/wps/et-record.ts), shared with Excel and the CLI.
 */
import { analyzeTable, buildPlan } from "../core";
import {
  noTableOutcome,
  summarize,
  type ClearResult,
  type RunOutcome,
  type RunRequest,
} from "../workbook/run-outcome";
import { applyPlanEt, removeOwnComments, restoreMarks, type OptionalFeature } from "./apply-plan-et";
import { namesToAvoid, sheetToAnalyse } from "../workbook/rerun-rules";
import { readMember } from "./et-facade";
import { forgetEtMarks, marksStore, readEtRecord, writeEtRecord } from "./et-record";
import type { WpsApplication } from "./wps-host";
import { readEtSource, worksheetsOf } from "./read-et-source";

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
  options.onProgress?.({ stage: "reading" });
  const sheets = worksheetsOf(book);
  const names = sheets.map((s) => readMember<string>(s, "Name"));
  const store = marksStore(book, app.PluginStorage);
  const record = readEtRecord(book, names, store);
  const own = new Set(record.ownSheets.map((s) => s.name));

  // Run from one of the tool's own sheets (say 校验结果 after fixing the source): analyse the last source.
  const activeName = readMember<string>(active, "Name");
  const analysed = sheetToAnalyse(
    activeName,
    [...own],
    record.sourceSheet,
    (name) => names.indexOf(name) >= 0,
  );
  if (analysed === null) return { kind: "own-sheet", sheet: activeName };
  const source = readEtSource(
    app,
    analysed === activeName ? undefined : (sheetByName(book, analysed) ?? undefined),
  );
  if (!source.grid) return { kind: "empty", sheet: source.name };
  if (source.protected) return { kind: "protected", sheet: source.name };

  options.onProgress?.({ stage: "checking", rows: source.grid.length });
  const analysis = analyzeTable(source.grid, {
    origin: source.origin,
    locale: options.locale,
    ...(options.tolerance !== undefined ? { tolerance: options.tolerance } : {}),
  });
  // Nothing found is not "done": no sheet, no mark, no change to the workbook.
  if (analysis.table === null) return noTableOutcome(analysis, source.name, options.locale);
  const avoid = namesToAvoid({
    sheets: names,
    replaced: [...own],
    tables: tableNames(sheets),
    replacedTables: tableNames(sheets.filter((s) => own.has(readMember<string>(s, "Name")))),
  });
  const plan = buildPlan(analysis, {
    sourceSheet: source.name,
    locale: options.locale,
    avoidSheetNames: avoid.sheets,
    avoidTableNames: avoid.tables,
  });

  const marked = record.sourceSheet ? sheetByName(book, record.sourceSheet) : null;
  const applied = applyPlanEt(app, plan, {
    source: source.sheet,
    previousSheets: sheets.filter((s) => own.has(readMember<string>(s, "Name"))),
    previousMarks: record.marks,
    marked,
    onProgress: (p) => options.onProgress?.({ stage: "writing", ...p }),
  });
  writeEtRecord(book, { sheets: applied.sheets, source: source.name }, applied.marks, store);

  const activatedName = plan.sheets.find((s) => s.key === plan.activate)?.name ?? null;
  return {
    kind: "done",
    summary: {
      ...summarize(analysis, source.name, plan.activate, activatedName),
      truncated: plan.truncated?.length ?? 0,
      selectionIgnored: source.selectionIgnored,
      marksLeftAlone: applied.marksLeftAlone,
      marksColourLost: applied.marksColourLost,
      marksUnreadable: record.unreadable,
      commentsSkipped: applied.commentsSkipped,
    },
    skipped: store.lasting ? applied.skipped : [...applied.skipped, "record"],
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

/** Shows an issue's cell: activates its sheet and selects the cell. */
export function selectCellEt(app: Et.Application, sheetName: string, cell: string): void {
  const sheet = sheetByName(app.ActiveWorkbook, sheetName);
  if (!sheet) throw new Error(`no sheet named ${sheetName}`);
  sheet.Activate();
  sheet.Range(cell).Select();
}
