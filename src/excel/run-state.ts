/**
 * What the add-in remembers between runs, so that a re-run replaces only its own work and 清除标记 restores fills
 * exactly: the sheets it created (a user's own sheet named 指标明细 is not one of them and survives) and, for each
 * cell it marked, the fill the cell had before and the mark put there.
 *
 * Where it is kept depends on the API level (readPreviousRun below):
 * - from ExcelApi 1.5, in the workbook's run record (workbook-record.ts), the one the CLI reads and writes too.
 *   It is the only copy: the settings then hold just the run lock. The record is read inside Excel.run with the
 *   cells, so no runtime can hold a stale copy of it, and its names follow renamed sheets and moved cells.
 * - below 1.5 (Office 2016 without updates), in the document's add-in settings (Office.context.document.
 *   settings), which travel with the file; the record's names are still read (1.1) so that the CLI's sheets are
 *   replaced, not doubled. A worksheet's id holds only for the session ("remains constant within a single
 *   session but will change between sessions", office-js-docs issue 297; Excel 2016 numbers them by position,
 *   office-js issue 1390), so the settings also keep each sheet's name and table, which outlast the session,
 *   and a saved id alone never makes a sheet the tool's.
 *
 * Settings are a copy per runtime: without a shared runtime, the task pane and the ribbon's function file each
 * read the document's settings once when they start, and saveAsync writes the whole copy back ("Persist add-in
 * state and settings"). So every read is preceded by refreshAsync, every write re-reads first, and a lock in the
 * settings keeps the pane and the ribbon (or two clicks) from running at once.
 */

import type { PlanSheetKey } from "../core";

/** A cell's fill before the add-in marked it, and the mark it got. */
export interface SavedFill {
  /** A1 address on the marked sheet. */
  readonly cell: string;
  /** "#RRGGBB" as Excel reported it; "#FFFFFF" with pattern null (below ExcelApi 1.9) is taken as no fill. */
  readonly color: string | null;
  /** Excel.FillPattern ("None", "Solid", "Gray50", …) where ExcelApi 1.9 let us read it; null below 1.9. */
  readonly pattern: string | null;
  /** The pattern's colour and the fill's tint (ExcelApi 1.9); null below 1.9 or when Excel reported none. */
  readonly patternColor?: string | null;
  readonly tintAndShade?: number | null;
  /**
   * The colour the add-in filled the cell with. 清除标记 restores a cell only while it still holds that mark: a
   * cell the clerk refilled since, or one that moved away when rows were inserted or deleted, is left alone.
   * Absent in states saved before it existed: either mark colour counts then.
   */
  readonly mark?: string;
  /**
   * The cell had a fill Office.js cannot set (a theme or indexed colour, recorded by the CLI): restoring clears
   * the fill instead, and the clerk is told how many.
   */
  readonly colourLost?: boolean;
}

/** A sheet the tool created, as the settings keep it: the id holds for the session, name and table outlast it. */
export interface SavedSheet {
  readonly id: string;
  readonly name: string;
  /** Which of the plan's sheets it is (the record's names need it). */
  readonly key?: PlanSheetKey;
  /** Its table's name: tables keep their names in the file, so this finds the sheet in a later session. */
  readonly table?: string;
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
  readonly marks: {
    readonly sheetId: string;
    /** The same sheet by name, for a later session (settings only). */
    readonly sheetName?: string;
    readonly fills: readonly SavedFill[];
  } | null;
  /** The sheets of sheetIds and sourceSheetId by name (and table), for a later session (settings only). */
  readonly sheets?: readonly SavedSheet[];
  readonly sourceSheetName?: string;
}

export const EMPTY_RUN_STATE: RunState = { version: 1, sheetIds: [], marks: null };

export const RUN_STATE_KEY = "indicatorNormalizer.runState";
export const RUN_LOCK_KEY = "indicatorNormalizer.running";

/**
 * The runtime holding the lock says it is alive this often (its `beat`), between the slices of its run (none
 * blocks for more than a second: run-normalizer.ts). A lock whose last beat is older than RUN_LOCK_STALE_MS was
 * left by a runtime that died: a closed pane, a function command Office ended after its 5 minutes, or a runtime
 * Office restarted because it blocked for more than 5 seconds ("Runtimes in Office Add-ins"). The next run takes
 * it over then, half a minute later, instead of refusing re-runs for 10 minutes.
 */
export const RUN_LOCK_BEAT_MS = 10_000;
export const RUN_LOCK_STALE_MS = 30_000;

/** The part of Office.Settings the add-in uses; the fake host supplies its own. */
export interface DocumentSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  saveAsync(callback?: (result: Office.AsyncResult<void>) => void): void;
  refreshAsync(callback?: (result: Office.AsyncResult<Office.Settings>) => void): void;
}

function failed(result: { status?: unknown } | undefined): boolean {
  return !!result && result.status === Office.AsyncResultStatus.Failed;
}

/** Reads the document's copy of the settings into this runtime's copy. */
export function refreshSettings(settings: DocumentSettings): Promise<void> {
  return new Promise((resolve, reject) => {
    settings.refreshAsync((result) => (failed(result) ? reject(result.error) : resolve()));
  });
}

function saveSettings(settings: DocumentSettings): Promise<void> {
  return new Promise((resolve, reject) => {
    settings.saveAsync((result) => (failed(result) ? reject(result.error) : resolve()));
  });
}

/** Reads the state from this runtime's copy, treating anything unrecognisable as "nothing saved". */
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
  const sheets = Array.isArray(state.sheets)
    ? state.sheets.filter((s) => s && typeof s.id === "string" && typeof s.name === "string")
    : undefined;
  const sourceSheetName = typeof state.sourceSheetName === "string" ? state.sourceSheetName : undefined;
  return {
    version: 1,
    sheetIds,
    tableNames,
    marks,
    ...(sourceSheetId ? { sourceSheetId } : {}),
    ...(sheets ? { sheets } : {}),
    ...(sourceSheetName ? { sourceSheetName } : {}),
  };
}

/** The state as the document holds it now (another runtime may have saved since this one started). */
export async function readRunState(settings: DocumentSettings): Promise<RunState> {
  await refreshSettings(settings);
  return loadRunState(settings);
}

/** Writes the state into the document, on top of the document's latest copy of the other settings. */
export async function saveRunState(settings: DocumentSettings, state: RunState): Promise<void> {
  await refreshSettings(settings);
  settings.set(RUN_STATE_KEY, state);
  await saveSettings(settings);
}

/** Removes the state from the document's settings (the workbook's record holds it from now on). */
export async function forgetRunState(settings: DocumentSettings): Promise<void> {
  await refreshSettings(settings);
  if (settings.get(RUN_STATE_KEY) === null || settings.get(RUN_STATE_KEY) === undefined) return;
  settings.remove(RUN_STATE_KEY);
  await saveSettings(settings);
}

interface RunLock {
  readonly owner: string;
  readonly since: number;
  /** The holder's last sign of life; absent in locks written before beats (their `since` stands in). */
  readonly beat?: number;
}

function readLock(settings: DocumentSettings): RunLock | null {
  const raw = settings.get(RUN_LOCK_KEY) as Partial<RunLock> | null;
  if (!raw || typeof raw.owner !== "string" || typeof raw.since !== "number") return null;
  return typeof raw.beat === "number"
    ? { owner: raw.owner, since: raw.since, beat: raw.beat }
    : { owner: raw.owner, since: raw.since };
}

/** Whether a lock's holder has shown a sign of life recently enough to be running still. */
function alive(lock: RunLock, now: number): boolean {
  return now - (lock.beat ?? lock.since) < RUN_LOCK_STALE_MS;
}

/**
 * Takes the run lock for `owner`, or returns false when another run holds it. Two runtimes that take it at the
 * same moment both save; the one whose save landed last keeps it, and the other sees that on the second read.
 */
export async function acquireRunLock(
  settings: DocumentSettings,
  owner: string,
  now: number,
): Promise<boolean> {
  await refreshSettings(settings);
  const held = readLock(settings);
  if (held && held.owner !== owner && alive(held, now)) return false;
  settings.set(RUN_LOCK_KEY, { owner, since: now, beat: now });
  await saveSettings(settings);
  await refreshSettings(settings);
  return readLock(settings)?.owner === owner;
}

/** The holder's sign of life: the lock's beat moves to `now` (only if `owner` still holds it). */
export async function beatRunLock(settings: DocumentSettings, owner: string, now: number): Promise<void> {
  await refreshSettings(settings);
  const held = readLock(settings);
  if (held?.owner !== owner) return;
  settings.set(RUN_LOCK_KEY, { owner, since: held.since, beat: now });
  await saveSettings(settings);
}

/** Gives the lock back (only if `owner` still holds it). */
export async function releaseRunLock(settings: DocumentSettings, owner: string): Promise<void> {
  await refreshSettings(settings);
  if (readLock(settings)?.owner !== owner) return;
  settings.remove(RUN_LOCK_KEY);
  await saveSettings(settings);
}
