/**
 * What the add-in remembers in the document between runs, so that a re-run replaces only its own work and
 * 清除标记 restores fills exactly: the ids of the sheets it created (a user's own sheet named 指标明细 has a
 * different id and survives) and, for each cell it marked, the fill the cell had before.
 * Stored in the document's add-in settings (Office.context.document.settings), which travel with the file.
 */

/** A cell's fill before the add-in marked it. */
export interface SavedFill {
  /** A1 address on the marked sheet. */
  readonly cell: string;
  /** "#RRGGBB" as Excel reported it; "#FFFFFF" with pattern null (below ExcelApi 1.9) is taken as no fill. */
  readonly color: string | null;
  /** Excel.FillPattern ("None", "Solid", …) where ExcelApi 1.9 let us read it; null below 1.9. */
  readonly pattern: string | null;
}

export interface RunState {
  readonly version: 1;
  /** Worksheet ids of the sheets the last run created. */
  readonly sheetIds: readonly string[];
  /** Id of the sheet the last run analysed: a run started from one of the tool's sheets analyses it again. */
  readonly sourceSheetId?: string;
  /** Names of the tables on those sheets (they go with the sheets; the names are free again after). */
  readonly tableNames?: readonly string[];
  /** The marks in place now: the sheet they are on (by id) and each cell's previous fill. */
  readonly marks: { readonly sheetId: string; readonly fills: readonly SavedFill[] } | null;
}

export const EMPTY_RUN_STATE: RunState = { version: 1, sheetIds: [], marks: null };

export const RUN_STATE_KEY = "indicatorNormalizer.runState";

/** The part of Office.Settings the add-in uses; the fake host supplies its own. */
export interface DocumentSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(callback?: (result: Office.AsyncResult<void>) => void): void;
}

/** Reads the state, treating anything unrecognisable (another version, a damaged value) as "nothing saved". */
export function loadRunState(settings: DocumentSettings): RunState {
  const raw = settings.get(RUN_STATE_KEY);
  if (typeof raw !== "object" || raw === null) return EMPTY_RUN_STATE;
  const state = raw as Partial<RunState>;
  if (state.version !== 1 || !Array.isArray(state.sheetIds)) return EMPTY_RUN_STATE;
  const marks =
    state.marks && typeof state.marks.sheetId === "string" && Array.isArray(state.marks.fills)
      ? state.marks
      : null;
  const tableNames = Array.isArray(state.tableNames)
    ? state.tableNames.filter((n) => typeof n === "string")
    : [];
  const sheetIds = state.sheetIds.filter((id) => typeof id === "string");
  const sourceSheetId = typeof state.sourceSheetId === "string" ? state.sourceSheetId : undefined;
  return { version: 1, sheetIds, tableNames, marks, ...(sourceSheetId ? { sourceSheetId } : {}) };
}

/** Writes the state and saves the settings into the document. */
export function saveRunState(settings: DocumentSettings, state: RunState): Promise<void> {
  settings.set(RUN_STATE_KEY, state);
  return new Promise((resolve, reject) => {
    settings.saveAsync((result) => {
      if (result && result.status === Office.AsyncResultStatus.Failed) reject(result.error);
      else resolve();
    });
  });
}
