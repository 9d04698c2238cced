/**
 * The data behind the fake Excel host: sheets of cells with values, number formats and fills, tables, frozen
 * rows, the selection, document settings, and a log of every sync with its estimated request size. Test code
 * only; no Node APIs, so the same model runs in the browser tests.
 */
import { cellAddress, columnLetter } from "../../src/core/cell-address";
import type { CellValue } from "../../src/core/grid";

export type ApiLevel = "1.1" | "1.2" | "1.7" | "1.9";

export interface FakeFill {
  readonly color: string;
  readonly pattern: string;
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
  /** Estimated request size: UTF-8 JSON of the queued operations. */
  readonly bytes: number;
  readonly operations: number;
}

/** Largest column and row Excel has: XFD, 1,048,576. */
export const MAX_COLUMN = 16384;
export const MAX_ROW = 1048576;

export class FakeSheet {
  readonly cells = new Map<number, FakeCell>();
  frozenRows = 0;
  readonly columnWidths = new Map<number, number>();
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

  /** Smallest block holding every cell with a value or a format; null for a blank sheet. */
  usedRect(): Rect | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = 0;
    let right = 0;
    for (const [key, cell] of this.cells) {
      if (cell.value === "" && !cell.fill && cell.numberFormat === "General" && !cell.formula) continue;
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

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  tables: FakeTable[] = [];
  activeSheetId: string;
  selection: { sheetId: string; rect: Rect };
  readonly syncs: SyncRecord[] = [];
  /** Office.context.document.settings as saved into the document (JSON, as Office stores it). */
  savedSettings = "{}";
  /** Excel on the web refuses a response over 5 MB; Infinity models the desktop. */
  responseLimitBytes = Infinity;
  /** When set, the next sync fails with this OfficeExtension error code (then the fault clears). */
  failNextSync: string | null = null;
  /** Names passed to Office.actions.associate. */
  readonly actions = new Map<string, (event: unknown) => unknown>();
  private nextId = 1;

  constructor(
    public apiLevel: ApiLevel = "1.9",
    public displayLanguage = "zh-CN",
  ) {
    const first = this.addSheet("Sheet1");
    this.activeSheetId = first.id;
    this.selection = { sheetId: first.id, rect: { top: 1, left: 1, bottom: 1, right: 1 } };
  }

  addSheet(name: string): FakeSheet {
    const sheet = new FakeSheet(`{00000000-0001-0000-0000-${String(this.nextId++).padStart(12, "0")}}`, name);
    this.sheets.push(sheet);
    return sheet;
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
    const plain = /^[A-Za-z_\u4e00-\u9fff][A-Za-z0-9_.\u4e00-\u9fff]*$/.test(sheet.name);
    const name = plain ? sheet.name : `'${sheet.name.replace(/'/g, "''")}'`;
    return `${name}!${rectText(rect)}`;
  }
}

export function rectText(rect: Rect): string {
  const start = `${columnLetter(rect.left)}${rect.top}`;
  if (rect.top === rect.bottom && rect.left === rect.right) return start;
  return `${start}:${columnLetter(rect.right)}${rect.bottom}`;
}
