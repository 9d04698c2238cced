import type { CellValue, Grid, Origin } from "../core/grid";
import { intersectRects, parseRangeAddress, rectAddress, type CellRect } from "./range-address";

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

/** Rows per request when the sheet is too big to read in one (halved again while a block is still too big). */
const READ_CHUNK_ROWS = 4000;

/**
 * Reads the used range of the active sheet (or of the sheet with id `sheetId`), or the part of the selection
 * inside it when the selection spans more than one cell, with the sheet list: one sync. Cells of the selection
 * outside the used range are empty, so slicing the used range's values gives the selection's values without a
 * second request. Excel on the web answers at most 5 MB per request: a sheet bigger than that is read again a
 * block of rows at a time, one sync per block.
 */
export async function readSource(context: Excel.RequestContext, sheetId?: string): Promise<SourceRead> {
  try {
    return await readInOneSync(context, sheetId);
  } catch (error) {
    if (!isPayloadTooLarge(error)) throw error;
  }
  const layout = await readLayout(context, sheetId, false);
  if (!layout.rect) return { ...layout.read, grid: null, rect: null };
  const sheet = context.workbook.worksheets.getItem(layout.read.sheet.id);
  const grid: CellValue[][] = [];
  let rows = READ_CHUNK_ROWS;
  for (let top = layout.rect.top; top <= layout.rect.bottom;) {
    const block = { ...layout.rect, top, bottom: Math.min(layout.rect.bottom, top + rows - 1) };
    const range = sheet.getRange(rectAddress(block));
    range.load("values");
    try {
      // One sync per block of rows, by design: each answer must stay under the response limit.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (error) {
      if (!isPayloadTooLarge(error) || rows === 1) throw error;
      rows = Math.ceil(rows / 2);
      continue;
    }
    for (const row of range.values as unknown[][]) grid.push(row.map(toCellValue));
    top = block.bottom + 1;
  }
  return finish(layout.read, grid, layout.rect);
}

async function readInOneSync(context: Excel.RequestContext, sheetId?: string): Promise<SourceRead> {
  const layout = await readLayout(context, sheetId, true);
  if (!layout.rect || !layout.usedRect) return { ...layout.read, grid: null, rect: null };
  const { rect, usedRect } = layout;
  const values = layout.values ?? [];
  const grid: CellValue[][] = [];
  for (let r = rect.top; r <= rect.bottom; r++) {
    const source = values[r - usedRect.top] ?? [];
    const row: CellValue[] = [];
    for (let c = rect.left; c <= rect.right; c++) row.push(toCellValue(source[c - usedRect.left]));
    grid.push(row);
  }
  return finish(layout.read, grid, rect);
}

interface Layout {
  readonly read: Omit<SourceRead, "grid" | "rect">;
  readonly usedRect: CellRect | null;
  /** The block to analyse: the selection within the used range, or the whole used range. */
  readonly rect: CellRect | null;
  readonly values: unknown[][] | null;
}

/** One sync: the sheet, its used range (with values when asked), the selection, the sheet and table lists. */
async function readLayout(context: Excel.RequestContext, sheetId: string | undefined, withValues: boolean) {
  const workbook = context.workbook;
  // With a sheet id (the previous run's source, when the active sheet is one of the tool's own), the whole used
  // range of that sheet is read: the selection belongs to the active sheet.
  const active = sheetId ? workbook.worksheets.getItem(sheetId) : workbook.worksheets.getActiveWorksheet();
  active.load("id,name");
  const used = active.getUsedRange();
  if (withValues) used.load("address,values");
  else used.load("address");
  const selection = sheetId ? null : workbook.getSelectedRange();
  selection?.load("address,cellCount");
  workbook.worksheets.load("items/id,items/name");
  workbook.tables.load("items/name");
  await context.sync();

  const read = {
    sheet: { id: active.id, name: active.name },
    sheets: workbook.worksheets.items.map((s) => ({ id: s.id, name: s.name })),
    tableNames: workbook.tables.items.map((t) => t.name),
    origin: { row: 1, column: 1 },
  };
  const usedRange = parseRangeAddress(used.address);
  const selected = selection && selection.cellCount > 1 ? parseRangeAddress(selection.address) : null;
  // A multi-area selection has no single rectangle (parse gives null): the whole used range is read then.
  const rect = usedRange && (selected ? intersectRects(selected.rect, usedRange.rect) : usedRange.rect);
  const values = withValues ? (used.values as unknown[][]) : null;
  const layout: Layout = { read, usedRect: usedRange?.rect ?? null, rect, values };
  return layout;
}

function finish(read: Layout["read"], grid: CellValue[][], rect: CellRect): SourceRead {
  const hasContent = grid.some((row) => row.some((v) => v !== null));
  return { ...read, origin: { row: rect.top, column: rect.left }, grid: hasContent ? grid : null, rect };
}

/** Excel on the web's answer to a request or response over its 5 MB limit. */
function isPayloadTooLarge(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return (
    code === "RequestPayloadSizeLimitExceeded" ||
    code === "ResponsePayloadSizeLimitExceeded" ||
    (typeof message === "string" && /payload size/i.test(message))
  );
}

/** Excel reports empty cells as "" and errors as "#N/A"-style strings; the core wants null for empty. */
function toCellValue(value: unknown): CellValue {
  if (value === "" || value === undefined || value === null) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  return String(value);
}
