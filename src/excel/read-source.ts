import { asDisplayed, displayedNumber } from "../workbook/display-number";
import { cellAddress, findTables, type CellValue, type Grid, type Origin } from "../core";
import type { ApiSupport } from "./api-support";
import { intersectRects, parseRangeAddress, rectAddress, type CellRect } from "../workbook/range-address";

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
  /** Several areas were selected: Excel cannot hand them over as one range, so the used range was read. */
  readonly selectionIgnored: boolean;
  /** The sheet is protected (known at ExcelApi 1.2 and up): nothing may be marked on it. */
  readonly protected: boolean;
}

/** Rows per request when the sheet is too big to read in one (halved again while a block is still too big). */
const READ_CHUNK_ROWS = 4000;

/** Excel reads at most 5,000,000 cells at once ("Resource limits and performance optimization"). */
const MAX_CELLS_PER_READ = 5_000_000;

/**
 * Reads the used range of the active sheet (or of the sheet with id `sheetId`), or the part of the selection
 * inside it when the selection spans more than one cell, with the sheet list: one sync. Cells of the selection
 * outside the used range are empty, so slicing the used range's values gives the selection's values without a
 * second request. Excel on the web answers at most 5 MB per request, and any Excel at most 5 million cells per
 * read (beyond that Range.values can come back null): a sheet bigger than that is read again a block of rows at
 * a time, one sync per block.
 */
export async function readSource(
  context: Excel.RequestContext,
  support: ApiSupport,
  sheetId?: string,
): Promise<SourceRead> {
  let layout: Layout;
  try {
    layout = await readLayout(context, support, sheetId, true);
  } catch (error) {
    if (!isPayloadTooLarge(error)) throw error;
    layout = await readLayout(context, support, sheetId, false);
  }
  if (!layout.rect || !layout.usedRect) return { ...layout.read, grid: null, rect: null };
  const wanted: GridCell[] = [];
  const grid = layout.values
    ? slice(layout.values, layout.formats, layout.usedRect, layout.rect, wanted)
    : await readInBlocks(context, layout.read.sheet.id, layout.rect, wanted);
  await readShownText(context, layout.read.sheet.id, layout.rect, grid, wanted);
  return finish(layout.read, grid, layout.rect);
}

/** A cell of the grid being read, by its 0-based row and column in it. */
interface GridCell {
  readonly r: number;
  readonly c: number;
}

/**
 * Dates read as the clerk sees them: a number whose date format display-number.ts does not read (month names
 * `d-mmm`, weekdays, `[$-x-sysdate]`) would reach the core as its serial (45294), which the clerk never sees. Such
 * cells are read again as Range.text ("Text values of the specified range", ExcelApi 1.1: what the cell shows),
 * one request for all of them, at most MAX_TEXT_CELLS (beyond that, the serials stay).
 */
async function readShownText(
  context: Excel.RequestContext,
  sheetId: string,
  rect: CellRect,
  grid: CellValue[][],
  wanted: readonly GridCell[],
): Promise<void> {
  if (wanted.length === 0) return;
  const sheet = context.workbook.worksheets.getItem(sheetId);
  const ranges = wanted.slice(0, MAX_TEXT_CELLS).map((cell) => {
    const range = sheet.getRange(cellAddress(rect.top + cell.r, rect.left + cell.c));
    range.load("text");
    return { cell, range };
  });
  await context.sync();
  for (const { cell, range } of ranges) {
    const shown = (range.text as unknown[][] | undefined)?.[0]?.[0];
    if (typeof shown === "string" && shown.trim() !== "") grid[cell.r]![cell.c] = shown;
  }
}

/** The most date cells read again as their text in one run (a request of about 700 bytes each). */
const MAX_TEXT_CELLS = 2_000;

/**
 * A date (or time) format display-number.ts cannot show: its letters name a date part (y, m, d, h, s) outside
 * quotes and brackets, and displayedNumber gives nothing. Examples: `d-mmm`, `[$-x-sysdate]dddd, mmmm dd, yyyy`,
 * `mmm-yy`; not `yyyy/m/d` (read) or `[DBNum1][$-804]General` (a number in Chinese numerals: the number is read).
 */
function isUnreadDateFormat(value: unknown, format: unknown): boolean {
  if (typeof value !== "number" || typeof format !== "string" || format === "General") return false;
  // Quoted text, escaped characters and [..] parts (colours, locales, conditions) hold no date part.
  const bare = format.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, "");
  return /[ymdhs]/i.test(bare) && displayedNumber(value, format) === null;
}

function slice(
  values: unknown[][],
  formats: unknown[][] | null,
  used: CellRect,
  rect: CellRect,
  wanted: GridCell[],
): CellValue[][] {
  const grid: CellValue[][] = [];
  for (let r = rect.top; r <= rect.bottom; r++) {
    const source = values[r - used.top] ?? [];
    const format = formats?.[r - used.top];
    const row: CellValue[] = [];
    for (let c = rect.left; c <= rect.right; c++) {
      const [value, code] = [source[c - used.left], format?.[c - used.left]];
      if (isUnreadDateFormat(value, code)) wanted.push({ r: grid.length, c: c - rect.left });
      row.push(toCellValue(value, code));
    }
    grid.push(row);
  }
  return grid;
}

async function readInBlocks(
  context: Excel.RequestContext,
  sheetId: string,
  rect: CellRect,
  wanted: GridCell[],
) {
  const sheet = context.workbook.worksheets.getItem(sheetId);
  const columns = rect.right - rect.left + 1;
  const grid: CellValue[][] = [];
  let rows = Math.max(1, Math.min(READ_CHUNK_ROWS, Math.floor(MAX_CELLS_PER_READ / columns)));
  for (let top = rect.top; top <= rect.bottom;) {
    const block = { ...rect, top, bottom: Math.min(rect.bottom, top + rows - 1) };
    const range = sheet.getRange(rectAddress(block));
    range.load("values,numberFormat");
    let values: unknown[][] | null;
    try {
      // One sync per block of rows, by design: each answer must stay under the response limit.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      values = range.values as unknown[][] | null;
    } catch (error) {
      if (!isPayloadTooLarge(error) || rows === 1) throw error;
      values = null;
    }
    // Too big for one answer (an error, or null values): the same rows again in halves.
    if (values === null) {
      if (rows === 1) throw new Error(`Excel returned no values for ${rectAddress(block)}`);
      rows = Math.ceil(rows / 2);
      continue;
    }
    const formats = range.numberFormat as unknown[][] | null;
    values.forEach((row, k) => {
      const code = formats?.[k];
      row.forEach((v, c) => {
        if (isUnreadDateFormat(v, code?.[c])) wanted.push({ r: grid.length, c });
      });
      grid.push(row.map((v, c) => toCellValue(v, code?.[c])));
    });
    top = block.bottom + 1;
  }
  return grid;
}

interface Layout {
  readonly read: Omit<SourceRead, "grid" | "rect">;
  readonly usedRect: CellRect | null;
  /** The block to analyse: the selection within the used range, or the whole used range. */
  readonly rect: CellRect | null;
  /** The used range's values, when they came with the layout (null: read them in blocks). */
  readonly values: unknown[][] | null;
  /** Their number formats, read with them. */
  readonly formats: unknown[][] | null;
}

/**
 * One sync: the sheet, its used range (with values when asked), the selection, the sheet and table lists, and the
 * sheet's protection where ExcelApi 1.2 has it. A selection of several areas makes Excel fail the whole request:
 * it is then read again without the selection.
 */
async function readLayout(
  context: Excel.RequestContext,
  support: ApiSupport,
  sheetId: string | undefined,
  withValues: boolean,
  withSelection = !sheetId,
): Promise<Layout> {
  const workbook = context.workbook;
  // With a sheet id (the previous run's source, when the active sheet is one of the tool's own), the whole used
  // range of that sheet is read: the selection belongs to the active sheet.
  const active = sheetId ? workbook.worksheets.getItem(sheetId) : workbook.worksheets.getActiveWorksheet();
  active.load("id,name");
  // valuesOnly (1.2): formatting that runs down a whole column does not make the used range a million rows.
  const used = support.valuesOnlyAndProtection ? active.getUsedRange(true) : active.getUsedRange();
  // The number formats come with the values: a number whose format hides digits is read as displayed.
  used.load(withValues ? "address,cellCount,values,numberFormat" : "address,cellCount");
  const selection = withSelection ? workbook.getSelectedRange() : null;
  selection?.load("address,cellCount");
  const protection = support.valuesOnlyAndProtection ? active.protection : null;
  protection?.load("protected");
  workbook.worksheets.load("items/id,items/name");
  workbook.tables.load("items/name");
  try {
    await context.sync();
  } catch (error) {
    // Workbook.getSelectedRange "will throw an error" when several areas are selected; the docs name no error
    // code, so the selection alone is asked again: when that fails too, the read goes on without it.
    if (!withSelection || isPayloadTooLarge(error) || !(await selectionFails(context))) throw error;
    const again = await readLayout(context, support, sheetId, withValues, false);
    return { ...again, read: { ...again.read, selectionIgnored: true } };
  }

  const read = {
    sheet: { id: active.id, name: active.name },
    sheets: workbook.worksheets.items.map((s) => ({ id: s.id, name: s.name })),
    tableNames: workbook.tables.items.map((t) => t.name),
    origin: { row: 1, column: 1 },
    selectionIgnored: false,
    protected: protection?.protected ?? false,
  };
  const usedRange = parseRangeAddress(used.address);
  const selected = selection && selection.cellCount > 1 ? parseRangeAddress(selection.address) : null;
  const rect = usedRange && (selected ? intersectRects(selected.rect, usedRange.rect) : usedRange.rect);
  // Over 5 million cells Excel may answer null rather than fail: then the values are read in blocks.
  const values =
    withValues && used.cellCount <= MAX_CELLS_PER_READ ? (used.values as unknown[][] | null) : null;
  const formats = values ? (used.numberFormat as unknown[][] | null) : null;
  return { read, usedRect: usedRange?.rect ?? null, rect, values, formats };
}

async function selectionFails(context: Excel.RequestContext): Promise<boolean> {
  context.workbook.getSelectedRange().load("address");
  try {
    await context.sync();
    return false;
  } catch {
    return true;
  }
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

/**
 * Excel reports empty cells as "" and errors as "#N/A"-style strings; the core wants null for empty. A number
 * with a format other than General is read as it displays (workbook/display-number.ts): `1,963.53` for 1963.5333
 * shown with two decimals, `95%`, a date as its date.
 */
function toCellValue(value: unknown, format?: unknown): CellValue {
  if (value === "" || value === undefined || value === null) return null;
  if (typeof value === "number")
    return typeof format === "string" && format !== "General" ? asDisplayed(value, format) : value;
  if (typeof value === "string" || typeof value === "boolean") return value;
  return String(value);
}

/** Sheets looked at for a table when the active sheet has none: a workbook's first few visible ones. */
const MAX_SHEETS_SEARCHED = 20;

/**
 * The first visible sheet but `except` (in tab order) on which any layout finds a table, or null. The add-in reads
 * the active sheet; when that holds no table, this says which sheet does, so the pane can send the clerk there
 * rather than write a result of nothing. One request for the sheets and their visibility (ExcelApi 1.1), then
 * each sheet read as readSource reads one (its blocks and limits), until one holds a table.
 */
export async function findTableSheet(
  context: Excel.RequestContext,
  support: ApiSupport,
  except: ReadonlySet<string>,
): Promise<SheetRef | null> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/id,items/name,items/visibility");
  await context.sync();
  const candidates = sheets.items
    .filter((s) => s.visibility === "Visible" && !except.has(s.id))
    .slice(0, MAX_SHEETS_SEARCHED)
    .map((s) => ({ id: s.id, name: s.name }));
  for (const sheet of candidates) {
    // One sheet at a time, by design: the first that holds a table ends the search, and each read stays within
    // Excel's limits (readSource reads a big sheet in blocks).
    const read = await readSource(context, support, sheet.id);
    if (read.grid && findTables(read.grid, read.origin).length > 0) return sheet;
  }
  return null;
}
