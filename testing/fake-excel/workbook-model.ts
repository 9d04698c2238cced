/**
 * The data behind the fake Excel host: sheets of cells with values, number formats and fills, merged areas,
 * protection, tables, frozen rows, the selection (one area or several), defined names and custom XML parts, the
 * document settings as saved, and a log of every sync with its request size (measured the way Office.js serializes it: fake-office-js.ts). Test code
 * only; no Node APIs, so the same model runs in the browser tests.
 */
import { generalText, pasteIntoGeneral } from "./excel-paste";
import { cellAddress, columnLetter } from "../../src/core/model/cell-address";
import type { CellValue } from "../../src/core/model/grid";

export type ApiLevel = "1.1" | "1.2" | "1.4" | "1.5" | "1.7" | "1.9" | "1.10" | "1.18";

/** A threaded comment (ExcelApi 1.10) or a note the clerk left (read at ExcelApi 1.18). */
export interface FakeComment {
  readonly id: string;
  readonly content: string;
  /** The clerk's note, not a threaded comment: only the notes API (1.18) sees it. */
  readonly note?: boolean;
  /** A note's author (Note.authorName, 1.18). */
  readonly author?: string;
}

/** A sheet's print setup (PageLayout, ExcelApi 1.9), as the add-in set it. */
export interface FakePageLayout {
  orientation?: string;
  paperSize?: string;
  zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  printTitleRows?: string;
  leftFooter?: string;
  centerFooter?: string;
  rightFooter?: string;
}

/**
 * A cell's fill as Excel's RangeFill reports it: color is the background ("#RRGGBB"), pattern an Excel.FillPattern
 * ("Solid", "Gray50", …); patternColor and tintAndShade (ExcelApi 1.9) only where they were set.
 */
export interface FakeFill {
  readonly color: string;
  readonly pattern: string;
  readonly patternColor?: string;
  readonly tintAndShade?: number;
}

export interface FakeCell {
  value: string | number | boolean;
  /** The formula when the written string started with "=". */
  formula?: string;
  numberFormat: string;
  fill?: FakeFill;
  hyperlink?: {
    readonly documentReference?: string;
    readonly textToDisplay?: string;
    readonly address?: string;
  };
  bold?: boolean;
  wrap?: boolean;
  /**
   * What Excel shows (Range.text) when the fake cannot work it out from the value: a paste's display
   * (excel-paste.ts), or a clerk's template format such as `[DBNum1][$-804]General` (putFormatted).
   */
  shown?: string;
}

export interface Rect {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface FakeTable {
  name: string;
  style: string;
  readonly sheetId: string;
  readonly rect: Rect;
}

export interface SyncRecord {
  /** Request size: UTF-8 bytes of the RichApi request body, built the way Office.js builds it. */
  readonly bytes: number;
  /** The same request counted as UTF-16 (2 bytes per JavaScript character), should a host count that way. */
  readonly utf16Bytes: number;
  /** Response size: UTF-8 bytes of the loaded values, PascalCase as Excel answers them. */
  readonly responseBytes: number;
  readonly operations: number;
}

/** Largest column and row Excel has: XFD, 1,048,576. */
export const MAX_COLUMN = 16384;
export const MAX_ROW = 1048576;

export class FakeSheet {
  readonly cells = new Map<number, FakeCell>();
  /** Merged areas: only the top-left cell holds a value (Office.js reads the others as ""). */
  merges: Rect[] = [];
  /** A protected sheet refuses every change to its cells and formats (AccessDenied). */
  isProtected = false;
  /** Worksheet.visibility (ExcelApi 1.1): "Visible", "Hidden" or "VeryHidden". */
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  frozenRows = 0;
  readonly columnWidths = new Map<number, number>();
  /** Rows whose height Excel fits to their content (autofitRows, ExcelApi 1.2), by range address. */
  readonly autofitRows: string[] = [];
  /** Comments and notes by A1 address: Excel holds at most one per cell. */
  readonly comments = new Map<string, FakeComment>();
  readonly pageLayout: FakePageLayout = {};
  /**
   * The blocks the clerk's conditional formats apply to. A conditional format's fill shows over the cell's own
   * fill, so a rule here can hide a mark ("Apply conditional formatting": the rule's format "takes precedence over
   * manual formatting"); the add-in asks (ExcelApi 1.6) and says so.
   */
  readonly conditionalFormats: Rect[] = [];
  /** Told of every row insert or delete (the workbook moves its defined names). */
  readonly rowShiftListeners: ((row: number, count: number) => void)[] = [];
  constructor(
    readonly id: string,
    public name: string,
  ) {}

  static key(row: number, column: number): number {
    return (row - 1) * MAX_COLUMN + (column - 1);
  }

  cell(row: number, column: number): FakeCell | undefined {
    return this.cells.get(FakeSheet.key(row, column));
  }

  /** The cell, created empty when absent. */
  touch(row: number, column: number): FakeCell {
    const key = FakeSheet.key(row, column);
    let cell = this.cells.get(key);
    if (!cell) {
      cell = { value: "", numberFormat: "General" };
      this.cells.set(key, cell);
    }
    return cell;
  }

  /**
   * Smallest block holding every cell with a value or a format (with `valuesOnly`, a value or a formula: Excel's
   * getUsedRange(true)); null for a blank sheet.
   */
  usedRect(valuesOnly = false): Rect | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = 0;
    let right = 0;
    for (const [key, cell] of this.cells) {
      const formatted = !!cell.fill || cell.numberFormat !== "General";
      if (cell.value === "" && !cell.formula && (valuesOnly || !formatted)) continue;
      const row = Math.floor(key / MAX_COLUMN) + 1;
      const column = (key % MAX_COLUMN) + 1;
      top = Math.min(top, row);
      left = Math.min(left, column);
      bottom = Math.max(bottom, row);
      right = Math.max(right, column);
    }
    return bottom === 0 ? null : { top, left, bottom, right };
  }

  /** Values as Office.js returns them: "" for empty cells. */
  valuesOf(rect: Rect): (string | number | boolean)[][] {
    const rows: (string | number | boolean)[][] = [];
    for (let r = rect.top; r <= rect.bottom; r++) {
      const row: (string | number | boolean)[] = [];
      for (let c = rect.left; c <= rect.right; c++) row.push(this.cell(r, c)?.value ?? "");
      rows.push(row);
    }
    return rows;
  }

  /** Puts a grid on the sheet as a paste would (strings that look like numbers stay strings here). */
  putGrid(grid: readonly (readonly CellValue[])[], top = 1, left = 1): void {
    grid.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value === null || value === "") return;
        this.touch(top + r, left + c).value = value;
      }),
    );
  }

  /**
   * Pastes text as Excel takes it into General cells (excel-paste.ts): `2,476.54` becomes 2476.54 with `#,##0.00`,
   * dates become serials, 16+ digits keep 15. `year`: this year, for `1-3`.
   */
  pasteText(grid: readonly (readonly (string | null)[])[], top = 1, left = 1, year = 2024): void {
    grid.forEach((row, r) =>
      row.forEach((text, c) => {
        if (text === null || text === "") return;
        const pasted = pasteIntoGeneral(text, year);
        const cell = this.touch(top + r, left + c);
        delete cell.formula;
        cell.value = pasted.value;
        cell.numberFormat = pasted.numberFormat;
        cell.shown = pasted.text;
      }),
    );
  }

  /** A cell as a clerk's template holds it: its value, its number format, and what Excel shows (Range.text). */
  putFormatted(
    row: number,
    column: number,
    value: string | number,
    numberFormat: string,
    shown: string,
  ): void {
    const cell = this.touch(row, column);
    delete cell.formula;
    Object.assign(cell, { value, numberFormat, shown });
  }

  /** What Excel shows in a cell (Range.text): "" when empty, a number as General shows it. */
  textOf(row: number, column: number): string {
    const cell = this.cell(row, column);
    if (!cell) return "";
    if (cell.shown !== undefined) return cell.shown;
    if (typeof cell.value === "number" && cell.numberFormat === "General") return generalText(cell.value);
    return typeof cell.value === "boolean" ? (cell.value ? "TRUE" : "FALSE") : String(cell.value);
  }

  /** Merges a block as Excel does: the top-left cell keeps its value, the others are emptied. */
  merge(rect: Rect): void {
    for (let r = rect.top; r <= rect.bottom; r++)
      for (let c = rect.left; c <= rect.right; c++)
        if (r !== rect.top || c !== rect.left) {
          const cell = this.cell(r, c);
          if (cell) cell.value = "";
        }
    this.merges.push(rect);
  }

  /**
   * Inserts `count` empty rows before `row` (count < 0 deletes rows from `row` on), as the clerk does by hand:
   * every cell below moves with its value and fill, so an address saved before now names another cell.
   */
  shiftRows(row: number, count: number): void {
    const moved = new Map<number, FakeCell>();
    for (const [key, cell] of this.cells) {
      const r = Math.floor(key / MAX_COLUMN) + 1;
      const c = (key % MAX_COLUMN) + 1;
      if (r < row) moved.set(key, cell);
      else if (count > 0 || r >= row - count) moved.set(FakeSheet.key(r + count, c), cell);
    }
    this.cells.clear();
    for (const [key, cell] of moved) this.cells.set(key, cell);
    for (const listener of this.rowShiftListeners) listener(row, count);
  }

  /** Every cell with a fill, as "A1" → fill. */
  fills(): Map<string, FakeFill> {
    const fills = new Map<string, FakeFill>();
    for (const [key, cell] of this.cells) {
      if (!cell.fill) continue;
      fills.set(cellAddress(Math.floor(key / MAX_COLUMN) + 1, (key % MAX_COLUMN) + 1), cell.fill);
    }
    return fills;
  }

  /** A snapshot of values, formulas and number formats, for "nothing else changed" assertions. */
  contentSnapshot(): string {
    const entries = [...this.cells.entries()]
      .filter(([, c]) => c.value !== "" || c.formula)
      .sort(([a], [b]) => a - b)
      .map(([k, c]) => [k, c.value, c.formula ?? null, c.numberFormat]);
    return JSON.stringify({ name: this.name, entries });
  }
}

/** What a saved file holds (FakeWorkbook.save). */
interface SavedFile {
  readonly sheets: FakeSheet[];
  readonly tables: FakeTable[];
  readonly names: FakeName[];
  readonly customXmlParts: FakeCustomXmlPart[];
  readonly settings: string;
  readonly activeSheetId: string;
}

/** A copy of a sheet as the file holds it: its cells, formats, comments and page setup, nothing shared. */
function cloneSheet(sheet: FakeSheet): FakeSheet {
  const copy = new FakeSheet(sheet.id, sheet.name);
  for (const [key, cell] of sheet.cells) copy.cells.set(key, { ...cell });
  copy.merges = sheet.merges.map((m) => ({ ...m }));
  copy.isProtected = sheet.isProtected;
  copy.visibility = sheet.visibility;
  copy.frozenRows = sheet.frozenRows;
  for (const [column, width] of sheet.columnWidths) copy.columnWidths.set(column, width);
  copy.autofitRows.push(...sheet.autofitRows);
  for (const [address, comment] of sheet.comments) copy.comments.set(address, { ...comment });
  Object.assign(copy.pageLayout, sheet.pageLayout);
  copy.conditionalFormats.push(...sheet.conditionalFormats);
  return copy;
}

/** One area a defined name refers to; `rect` null once its rows were deleted, `sheet` null once its sheet was. */
export interface FakeNameRef {
  sheet: FakeSheet | null;
  rect: Rect | null;
}

/**
 * A workbook-level defined name. Its references are kept as cells of a sheet, not as text, because Excel keeps
 * them that way: they follow the sheet when it is renamed and move with the cells when rows are inserted or
 * deleted (moveNames below).
 */
export interface FakeName {
  readonly name: string;
  refs: FakeNameRef[];
  visible: boolean;
  comment: string;
}

/** A custom XML part: its id ("{GUID}"), the XML as stored, and the root's namespace ("" when it declares none). */
export interface FakeCustomXmlPart {
  readonly id: string;
  xml: string;
  readonly namespaceUri: string;
}

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  tables: FakeTable[] = [];
  activeSheetId: string;
  /** `areas` holds a selection of several areas (Ctrl+click); `rect` is the first. */
  selection: { sheetId: string; rect: Rect; areas?: Rect[] };
  readonly syncs: SyncRecord[] = [];
  /** Office.context.document.settings as saved into the document (JSON, as Office stores it). */
  savedSettings = "{}";
  /**
   * Excel on the web refuses a request or a response over 5 MB ("Resource limits and performance optimization":
   * "Excel on the web has a payload size limit for requests and responses of 5MB"); the desktop has no such
   * limit, so the fake takes the web's (the stricter). 5,000,000 bytes rather than 5 MiB, to stay on the safe side.
   */
  requestLimitBytes = 5_000_000;
  responseLimitBytes = 5_000_000;
  /** Excel reads at most 5,000,000 cells at once; smaller in tests that need a big sheet cheaply. */
  maxCellsPerRead = 5_000_000;
  /** A protected workbook (structure) refuses adding and deleting sheets (AccessDenied). */
  workbookProtected = false;
  /**
   * The clerk is typing in a cell: every request fails with InvalidOperationInCellEditMode until they stop, except
   * in an Excel.run with delayForCellEdit at ExcelApi 1.11, whose requests wait for endCellEdit ("Delay execution
   * while cell is being edited"; Excel.RunOptions.delayForCellEdit).
   */
  cellEditMode = false;
  private cellEditWaiters: (() => void)[] = [];
  /** Resolves when the clerk leaves the cell (at once when they are not in one). */
  cellEditEnded(): Promise<void> {
    return this.cellEditMode
      ? new Promise((resolve) => this.cellEditWaiters.push(resolve))
      : Promise.resolve();
  }
  /** The clerk presses Enter or Esc: delayed requests go on. */
  endCellEdit(): void {
    this.cellEditMode = false;
    const waiters = this.cellEditWaiters;
    this.cellEditWaiters = [];
    for (const resume of waiters) resume();
  }
  /**
   * Another workbook has the focus: every request fails with InactiveWorkbook (Excel.ErrorCodes, in "Error
   * handling with the application-specific JavaScript APIs": "The operation failed because multiple workbooks are
   * open and the workbook being called by this API has lost focus").
   */
  inactive = false;
  /**
   * A chart sheet is the active sheet: worksheets.getActiveWorksheet() fails with UnsupportedSheet (Excel.ErrorCodes:
   * "This sheet type does not support this operation, since it is a Macro or Chart sheet").
   */
  chartSheetActive = false;
  /**
   * A chart or shape is selected, not cells: workbook.getSelectedRange() fails with InvalidSelection ("by design
   * according to our API contract", office-js #2268; also office-js #8).
   */
  objectSelected = false;
  /**
   * The code getSelectedRange() fails with when several areas are selected. Its reference says only that it
   * throws; Excel's one documented code for a selection of several areas is InvalidReference
   * (BindingCollection.addFromSelection: "If the selection has multiple areas, the `InvalidReference` error will
   * be returned", office-js-docs-reference excel.bindingcollection.yml), and "This reference is not valid for the
   * current operation" is that code's text in "Error handling with the application-specific JavaScript APIs".
   * InvalidSelection ("The current selection is invalid for this operation") is the other a test may choose.
   */
  multiAreaSelectionError: "InvalidReference" | "InvalidSelection" = "InvalidReference";
  /**
   * A request larger than this (bytes) fails with MemoryLimitReached (Excel.ErrorCodes: "The memory limit has been
   * reached. Your action could not be completed."), as on a 32-bit Office low on memory; null: no such limit.
   */
  memoryLimitBytes: number | null = null;
  /**
   * Excel on the web fails a large write well under its 5 MB limit with GeneralException ("An internal error has
   * occurred": office-js #1012, #539, #2564, and office-js-docs #1247 for reads); a request larger than this
   * (bytes) fails so. Null: the desktop, where it does not.
   */
  webGeneralExceptionBytes: number | null = null;
  /**
   * When set, every page-layout write fails with this code, as Excel can refuse page setup on a PC without a
   * printer driver or for a paper size the printer lacks (the WPS fake's printerHasA4 is the same case).
   */
  printSetupRefusal: string | null = null;
  /** When set, the next sync fails with this OfficeExtension error code (then the fault clears). */
  failNextSync: string | null = null;
  /** Office has DialogApi 1.1 (Office 2016 retail 1602 and later, 2021, Microsoft 365, Mac, the web). */
  dialogApi = true;
  /** When set, displayDialogAsync fails with this code (12007: a dialog is already open; 12009: refused). */
  dialogFailure: number | null = null;
  /** Every dialog the add-in opened, in order. */
  readonly dialogs: FakeDialog[] = [];
  /** Messages a dialog page sent with Office.context.ui.messageParent. */
  readonly parentMessages: string[] = [];
  /** Names passed to Office.actions.associate. */
  readonly actions = new Map<string, (event: unknown) => unknown>();
  /** Workbook-level defined names (workbook.names). */
  names: FakeName[] = [];
  /** Custom XML parts (workbook.customXmlParts, ExcelApi 1.5), in the order they were added. */
  customXmlParts: FakeCustomXmlPart[] = [];
  private nextId = 1;
  /** Which opening of the file this is: ids made in one session are never handed out in another. */
  private session = 1;

  constructor(
    public apiLevel: ApiLevel = "1.9",
    public displayLanguage = "zh-CN",
  ) {
    const first = this.addSheet("Sheet1");
    this.activeSheetId = first.id;
    this.selection = { sheetId: first.id, rect: { top: 1, left: 1, bottom: 1, right: 1 } };
    // The file as opened: a test that puts the clerk's table in and means it to be on disk calls save().
    this.save();
  }

  private nextCommentId = 1;
  newCommentId(): string {
    return `{C0000000-0000-0000-0000-${String(this.nextCommentId++).padStart(12, "0")}}`;
  }

  /**
   * A sheet added in this session gets a fresh GUID-like id. Ids hold only for the session: Excel hands out new
   * ones when the file is opened again (see reopen).
   */
  addSheet(name: string): FakeSheet {
    const serial = String(this.nextId++).padStart(8, "0");
    const sheet = new FakeSheet(
      `{5E55${String(this.session).padStart(4, "0")}-${serial.slice(0, 4)}-4000-8000-0000${serial}}`,
      name,
    );
    sheet.rowShiftListeners.push((row, count) => this.moveNames(sheet, row, count));
    this.sheets.push(sheet);
    return sheet;
  }

  /**
   * The file saved, closed and opened again: every worksheet gets a new id. Excel documents that a worksheet's id
   * "remains constant within a single session but will change between sessions" (office-js-docs issue 297), and
   * Excel 2016 then numbers sheets by position, e.g. {00000000-0001-0000-0003-000000000000}
   * (OfficeDev/office-js issue 1390), so an id saved in one session can name another sheet in the next. Names,
   * custom XML parts and the document settings are kept (they are in the file); each add-in runtime starts anew.
   * With `saved: false` the clerk closed without saving: the file is as last saved (save), and what changed
   * since, the settings an add-in saved into the document included, is gone.
   */
  reopen(options: { readonly saved?: boolean } = {}): void {
    if (options.saved ?? true) this.save();
    this.restoreSaved();
    this.session++;
    this.sheets = this.sheets.map((sheet, index) => {
      const reopened = new FakeSheet(
        `{00000000-0001-0000-${index.toString(16).padStart(4, "0")}-000000000000}`,
        sheet.name,
      );
      Object.assign(reopened, { cells: sheet.cells, merges: sheet.merges, isProtected: sheet.isProtected });
      reopened.frozenRows = sheet.frozenRows;
      for (const [column, width] of sheet.columnWidths) reopened.columnWidths.set(column, width);
      reopened.rowShiftListeners.push((row, count) => this.moveNames(reopened, row, count));
      for (const name of this.names)
        for (const ref of name.refs) if (ref.sheet === sheet) ref.sheet = reopened;
      this.tables = this.tables.map((t) => (t.sheetId === sheet.id ? { ...t, sheetId: reopened.id } : t));
      if (this.activeSheetId === sheet.id) this.activeSheetId = reopened.id;
      if (this.selection.sheetId === sheet.id) this.selection = { ...this.selection, sheetId: reopened.id };
      return reopened;
    });
  }

  /**
   * The file saved (Ctrl+S): what the file holds from now on, the document settings as saveAsync last wrote them
   * into the document included. Settings an add-in set but did not saveAsync are not in the document, so not in the
   * file either ("Persist add-in state and settings": settings are saved "to the document" by saveAsync, and the
   * document keeps them only when it is saved: "the settings are saved in the document when the user saves it").
   */
  save(): void {
    const sheets = this.sheets.map(cloneSheet);
    const copyOf = new Map(this.sheets.map((sheet, i) => [sheet, sheets[i]!]));
    this.lastSaved = {
      sheets,
      tables: this.tables.map((t) => ({ ...t })),
      // A name refers to the saved copy of its sheet.
      names: this.names.map((n) => ({
        ...n,
        refs: n.refs.map((r) => ({
          sheet: r.sheet === null ? null : (copyOf.get(r.sheet) ?? null),
          rect: r.rect === null ? null : { ...r.rect },
        })),
      })),
      customXmlParts: this.customXmlParts.map((p) => ({ ...p })),
      settings: this.savedSettings,
      activeSheetId: this.activeSheetId,
    };
  }

  /** The file as last saved (at first, the blank workbook the fake opens with). */
  private lastSaved: SavedFile | null = null;

  /** The document as the file holds it: everything since the last save is gone, settings included. */
  private restoreSaved(): void {
    const file = this.lastSaved;
    if (file === null) return;
    const sheets = file.sheets.map(cloneSheet);
    const byId = new Map(file.sheets.map((sheet, i) => [sheet, sheets[i]!]));
    this.sheets = sheets;
    this.tables = file.tables.map((t) => ({ ...t }));
    this.names = file.names.map((n) => ({
      ...n,
      refs: n.refs.map((r) => ({
        sheet: r.sheet === null ? null : (byId.get(r.sheet) ?? null),
        rect: r.rect === null ? null : { ...r.rect },
      })),
    }));
    this.customXmlParts = file.customXmlParts.map((p) => ({ ...p }));
    this.savedSettings = file.settings;
    this.activeSheetId = file.activeSheetId;
    this.selection = { sheetId: file.activeSheetId, rect: { top: 1, left: 1, bottom: 1, right: 1 } };
  }

  /**
   * Excel keeps a defined name's references pointing at the same cells as rows come and go: a row inserted above
   * moves the reference down, one inserted inside a block widens it, a deleted row above moves it up, and when
   * every row of an area is deleted the area becomes #REF! while the name stays (Walkenbach, "Excel 2007
   * Formulas", How Excel maintains cell and range names).
   */
  private moveNames(sheet: FakeSheet, row: number, count: number): void {
    for (const name of this.names)
      for (const ref of name.refs) {
        if (ref.sheet !== sheet || !ref.rect) continue;
        ref.rect = shiftRect(ref.rect, row, count);
      }
  }

  /** A sheet deleted: the names that pointed into it now read #REF!. */
  forgetSheetInNames(sheet: FakeSheet): void {
    for (const name of this.names) for (const ref of name.refs) if (ref.sheet === sheet) ref.sheet = null;
  }

  nameByName(name: string): FakeName | undefined {
    return this.names.find((n) => n.name.toLowerCase() === name.toLowerCase());
  }

  /** The name's formula as Excel shows it: `=Sheet1!$G$20,Sheet1!$G$22`, `=Sheet1!#REF!`, `=#REF!$A$1`. */
  nameFormula(name: FakeName): string {
    const areas = name.refs.map((ref) => {
      const rect = ref.rect ? absoluteRect(ref.rect) : "#REF!";
      return ref.sheet ? `${this.qualifiedSheet(ref.sheet)}!${rect}` : `#REF!${ref.rect ? rect : ""}`;
    });
    return `=${areas.join(",")}`;
  }

  sheetByName(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  sheetById(id: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  get activeSheet(): FakeSheet {
    const sheet = this.sheetById(this.activeSheetId);
    if (!sheet) throw new Error("no active sheet");
    return sheet;
  }

  supports(version: string): boolean {
    return Number(version.split(".")[1] ?? 0) <= Number(this.apiLevel.split(".")[1] ?? 0);
  }

  get syncCount(): number {
    return this.syncs.length;
  }

  get largestRequestBytes(): number {
    return this.syncs.reduce((max, s) => Math.max(max, s.bytes), 0);
  }

  clearSyncLog(): void {
    this.syncs.length = 0;
  }

  /** "Sheet1!A1:B2" as Office.js writes addresses (quoted when the name needs it). */
  address(sheet: FakeSheet, rect: Rect): string {
    return `${this.qualifiedSheet(sheet)}!${rectText(rect)}`;
  }

  private qualifiedSheet(sheet: FakeSheet): string {
    const plain = /^[A-Za-z_\u4e00-\u9fff][A-Za-z0-9_.\u4e00-\u9fff]*$/.test(sheet.name);
    return plain ? sheet.name : `'${sheet.name.replace(/'/g, "''")}'`;
  }
}

/** `$G$20`, `$B$2:$C$3`. */
function absoluteRect(rect: Rect): string {
  const start = `$${columnLetter(rect.left)}$${rect.top}`;
  if (rect.top === rect.bottom && rect.left === rect.right) return start;
  return `${start}:$${columnLetter(rect.right)}$${rect.bottom}`;
}

/** A block after `count` rows were inserted before `row` (count < 0: deleted from `row` on); null if all went. */
export function shiftRect(rect: Rect, row: number, count: number): Rect | null {
  if (count > 0) {
    if (rect.top >= row) return { ...rect, top: rect.top + count, bottom: rect.bottom + count };
    return rect.bottom >= row ? { ...rect, bottom: rect.bottom + count } : rect;
  }
  const deleted = -count;
  const lastDeleted = row + deleted - 1;
  if (rect.bottom < row) return rect;
  if (rect.top > lastDeleted) return { ...rect, top: rect.top - deleted, bottom: rect.bottom - deleted };
  const top = rect.top < row ? rect.top : row;
  const bottom = rect.bottom > lastDeleted ? rect.bottom - deleted : row - 1;
  return bottom >= top ? { ...rect, top, bottom } : null;
}

export function rectText(rect: Rect): string {
  const start = `${columnLetter(rect.left)}${rect.top}`;
  if (rect.top === rect.bottom && rect.left === rect.right) return start;
  return `${start}:${columnLetter(rect.right)}${rect.bottom}`;
}

/** A dialog opened with displayDialogAsync: the add-in's handlers, and what the clerk does with it. */
export class FakeDialog {
  closed = false;
  readonly handlers = new Map<string, (arg: unknown) => void>();
  constructor(
    readonly url: string,
    readonly options: unknown,
  ) {}
  addEventHandler(type: string, handler: (arg: unknown) => void): void {
    this.handlers.set(type, handler);
  }
  close(): void {
    this.closed = true;
  }
  /** The dialog page's 确定: messageParent("close"). */
  clickOk(): void {
    this.handlers.get("dialogMessageReceived")?.({ message: "close", origin: undefined });
  }
  /** The dialog's own ×: Office reports event 12006 and the dialog is gone. */
  closeWithX(): void {
    this.closed = true;
    this.handlers.get("dialogEventReceived")?.({ error: 12006 });
  }
}
