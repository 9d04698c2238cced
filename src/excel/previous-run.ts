/**
 * What the previous run left, gathered from where this Excel keeps it (see run-state.ts): the workbook's run
 * record, written by the CLI or by the add-in at ExcelApi 1.5 and up, and the document settings, written by the
 * add-in below 1.5 or by its versions before the record. Both are read at every level, so that a workbook passed
 * between an Office 2016 clerk, a Microsoft 365 colleague and the CLI never gets `指标明细 (2)` from any of them.
 */
import type { ApiSupport } from "./api-support";
import type { SheetRef } from "./read-source";
import { readRunState, type DocumentSettings, type RunState } from "./run-state";
import { readWorkbookRecord, type WorkbookRecord } from "./workbook-record";

export interface PreviousRun {
  /** The sheets to replace (by id in this session), the last source, and the marks applyPlan restores. */
  readonly state: RunState;
  /**
   * Marks to restore before `state.marks`: the settings' layer when the record has marks too. A state in the
   * settings is newer than the record (every run at 1.5 and up removes it when it writes the record), so its marks
   * come off first, and the record's then find their own fill on top.
   */
  readonly newerMarks: RunState["marks"];
  readonly record: WorkbookRecord;
  /** The settings hold a run state: once the record is written (1.5 and up) it is removed. */
  readonly inSettings: boolean;
  /** That state as saved (清除标记 saves it back without its marks). */
  readonly saved: RunState;
}

export async function readPreviousRun(
  context: Excel.RequestContext,
  support: ApiSupport,
  settings: DocumentSettings,
  sheets: readonly SheetRef[],
): Promise<PreviousRun> {
  const record = await readWorkbookRecord(context, support, sheets);
  const saved = await readRunState(settings);
  const inSettings = saved.sheetIds.length > 0 || saved.marks !== null;
  const settled = resolveSavedState(saved, sheets, (id) => record.sheetTables[id] ?? []);
  const union = (a: readonly string[], b: readonly string[]) => a.concat(b.filter((x) => a.indexOf(x) < 0));
  const recordMarks = record.marks && record.marks.fills.length > 0 ? record.marks : null;
  const state: RunState = {
    version: 1,
    sheetIds: union(settled.sheetIds, record.ownSheetIds),
    tableNames: union(settled.tableNames ?? [], record.ownTableNames),
    ...(settled.sourceSheetId || record.sourceSheetId
      ? { sourceSheetId: settled.sourceSheetId ?? record.sourceSheetId ?? undefined }
      : {}),
    marks: recordMarks ?? settled.marks,
  };
  return { state, newerMarks: recordMarks ? settled.marks : null, record, inSettings, saved };
}

/**
 * The settings' state in this session's terms. A saved sheet is the tool's when it holds the saved table (table
 * names are kept in the file), or has the saved id and the saved name (a run that failed before its table was
 * made, in the same session); once one sheet was found by its table the state is
 * this workbook's own, and the other sheet (校验结果 has no table when the table was clean) is found by name. A
 * state saved before names were kept counts an id only on a sheet holding one of its tables, so that an id that
 * now names another sheet (Excel 2016 numbers them by position) never gets a clerk's sheet deleted.
 */
export function resolveSavedState(
  saved: RunState,
  sheets: readonly SheetRef[],
  tablesOf: (sheetId: string) => readonly string[],
): RunState {
  const byId = (id: string | undefined) => sheets.find((s) => s.id === id);
  const byName = (name: string | undefined) => sheets.find((s) => s.name === name);
  const holding = (table: string) => sheets.find((s) => tablesOf(s.id).indexOf(table) >= 0);
  const found: SheetRef[] = [];
  if (saved.sheets) {
    const trusted = saved.sheets.some((s) => s.table !== undefined && holding(s.table));
    for (const s of saved.sheets) {
      const same = byId(s.id);
      const sameSession = same && same.name === s.name ? same : undefined;
      const sheet =
        (s.table ? holding(s.table) : undefined) ?? sameSession ?? (trusted ? byName(s.name) : undefined);
      if (sheet && found.indexOf(sheet) < 0) found.push(sheet);
    }
  } else {
    const tables = saved.tableNames ?? [];
    for (const id of saved.sheetIds) {
      const sheet = byId(id);
      if (sheet && tablesOf(sheet.id).some((t) => tables.indexOf(t) >= 0)) found.push(sheet);
    }
  }
  const source = saved.sourceSheetName ? byName(saved.sourceSheetName) : byId(saved.sourceSheetId);
  const marked = saved.marks
    ? saved.marks.sheetName
      ? byName(saved.marks.sheetName)
      : byId(saved.marks.sheetId)
    : undefined;
  const ids = found.map((s) => s.id);
  const tableNames: string[] = [];
  for (const id of ids) for (const t of tablesOf(id)) tableNames.push(t);
  return {
    version: 1,
    sheetIds: ids,
    tableNames,
    ...(source ? { sourceSheetId: source.id } : {}),
    marks: saved.marks && marked ? { sheetId: marked.id, fills: saved.marks.fills } : null,
  };
}
