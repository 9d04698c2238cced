import type { CellValue, Grid, Origin } from "../core/grid";
import { intersectRects, parseRangeAddress, type CellRect } from "./range-address";

export interface SheetRef {
  readonly id: string;
  readonly name: string;
}

export interface SourceRead {
  readonly sheet: SheetRef;
  /** Every worksheet of the workbook, in tab order. */
  readonly sheets: readonly SheetRef[];
  /** Names of every table in the workbook (table names are workbook-wide). */
  readonly tableNames: readonly string[];
  /** Cell values with empty cells as null; null when there is nothing to analyse. */
  readonly grid: Grid | null;
  /** Sheet position of grid[0][0]. */
  readonly origin: Origin;
  /** "A1:G133": the block that was read. */
  readonly rect: CellRect | null;
}

/**
 * Reads the used range of the active sheet (or of the sheet with id `sheetId`), or the part of the selection inside it when the selection spans
 * more than one cell, with the sheet list: one sync. Cells of the selection outside the used range are empty,
 * so slicing the used range's values gives the selection's values without a second request.
 */
export async function readSource(context: Excel.RequestContext, sheetId?: string): Promise<SourceRead> {
  const workbook = context.workbook;
  // With a sheet id (the previous run's source, when the active sheet is one of the tool's own), the whole used
  // range of that sheet is read: the selection belongs to the active sheet.
  const active = sheetId ? workbook.worksheets.getItem(sheetId) : workbook.worksheets.getActiveWorksheet();
  active.load("id,name");
  const used = active.getUsedRange();
  used.load("address,values");
  const selection = sheetId ? null : workbook.getSelectedRange();
  selection?.load("address,cellCount");
  workbook.worksheets.load("items/id,items/name");
  workbook.tables.load("items/name");
  await context.sync();

  const sheets = workbook.worksheets.items.map((s) => ({ id: s.id, name: s.name }));
  const tableNames = workbook.tables.items.map((t) => t.name);
  const sheet = { id: active.id, name: active.name };
  const usedRange = parseRangeAddress(used.address);
  if (!usedRange) return { sheet, sheets, tableNames, grid: null, origin: { row: 1, column: 1 }, rect: null };
  const selected = selection && selection.cellCount > 1 ? parseRangeAddress(selection.address) : null;
  // A multi-area selection has no single rectangle (parse gives null): the whole used range is read then.
  const rect = selected ? intersectRects(selected.rect, usedRange.rect) : usedRange.rect;
  if (!rect) return { sheet, sheets, tableNames, grid: null, origin: { row: 1, column: 1 }, rect: null };
  const values = used.values as unknown[][];
  const grid: CellValue[][] = [];
  for (let r = rect.top; r <= rect.bottom; r++) {
    const source = values[r - usedRange.rect.top] ?? [];
    const row: CellValue[] = [];
    for (let c = rect.left; c <= rect.right; c++) row.push(toCellValue(source[c - usedRange.rect.left]));
    grid.push(row);
  }
  const origin = { row: rect.top, column: rect.left };
  const hasContent = grid.some((row) => row.some((v) => v !== null));
  return { sheet, sheets, tableNames, grid: hasContent ? grid : null, origin, rect };
}

/** Excel reports empty cells as "" and errors as "#N/A"-style strings; the core wants null for empty. */
function toCellValue(value: unknown): CellValue {
  if (value === "" || value === undefined || value === null) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  return String(value);
}
