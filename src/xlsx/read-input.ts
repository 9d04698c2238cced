import ExcelJS from "exceljs";
import { readFileSync, statSync } from "fs";
import { basename, extname } from "path";
import type { CellValue, Grid, Origin } from "../core/grid";
import { messagesFor, type Locale } from "../core/messages";
import { MAX_CELL_TEXT } from "../core/plan";
import { guessDelimiter, readDelimitedText } from "../core/read-delimited-text";
import { sanitizeSheetName } from "../core/sheet-name";
import { ownSheetNames } from "./apply-plan";
import { decodeTextFile, type TextEncodingName } from "./decode-text-file";
import { excelCellValue } from "./excel-cell-value";
import { InputError } from "./input-error";

export const TEXT_EXTENSIONS = [".tsv", ".txt", ".csv"] as const;
export const INPUT_EXTENSIONS = [".xlsx", ...TEXT_EXTENSIONS] as const;

/** An input file read into the grid the core analyses, with the workbook the output is built on. */
export interface InputTable {
  readonly path: string;
  readonly kind: "xlsx" | "text";
  /** For .xlsx: the original workbook with all its sheets; for text: a new workbook with one sheet. */
  readonly workbook: ExcelJS.Workbook;
  readonly sheetName: string;
  readonly grid: Grid;
  readonly origin: Origin;
  /** For text files: how the bytes were decoded. */
  readonly encoding: TextEncodingName | null;
}

export interface ReadInputOptions {
  /** For .xlsx: the sheet to analyse; the first sheet by default. */
  readonly sheet?: string;
  /** Language of the note left in a text field too long for an Excel cell; zh-CN by default. */
  readonly locale?: Locale;
}

/** Reads .xlsx, .tsv, .txt or .csv. Throws InputError when the file cannot be read as a table. */
export async function readInput(path: string, options: ReadInputOptions = {}): Promise<InputTable> {
  const bytes = readBytes(path);
  const ext = extname(path).toLowerCase();
  if (ext === ".xlsx") return readXlsx(path, bytes, options);
  if ((TEXT_EXTENSIONS as readonly string[]).includes(ext)) return readText(path, bytes, ext, options.locale);
  throw new InputError("unsupported-type", path, ext);
}

function readBytes(path: string): Buffer {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch {
    throw new InputError("not-found", path);
  }
  if (isDirectory) throw new InputError("is-directory", path);
  try {
    return readFileSync(path);
  } catch (error) {
    throw new InputError("unreadable", path, (error as Error).message);
  }
}

async function readXlsx(path: string, bytes: Buffer, options: ReadInputOptions): Promise<InputTable> {
  const workbook = new ExcelJS.Workbook();
  try {
    // ExcelJS's type for load() predates Node's generic Buffer; the bytes are what it expects.
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new InputError("not-xlsx", path, (error as Error).message);
  }
  // By default the first visible sheet that is not one the tool wrote in an earlier run.
  const own = new Set(ownSheetNames(workbook));
  const candidates = workbook.worksheets.filter((ws) => !own.has(ws.name));
  const sheet =
    options.sheet === undefined
      ? (candidates.find((ws) => ws.state === "visible") ?? candidates[0])
      : (workbook.worksheets.find((ws) => ws.name === options.sheet) ??
        workbook.worksheets.find((ws) => ws.name.toLowerCase() === options.sheet!.toLowerCase()));
  if (!sheet) {
    if (options.sheet !== undefined) {
      const names = workbook.worksheets.map((ws) => ws.name).join(", ");
      throw new InputError("sheet-not-found", path, `${options.sheet}|${names}`);
    }
    throw new InputError("no-sheet", path);
  }
  return {
    path,
    kind: "xlsx",
    workbook,
    sheetName: sheet.name,
    grid: worksheetGrid(sheet),
    origin: { row: 1, column: 1 },
    encoding: null,
  };
}

/** The sheet's cells from A1, as Excel holds them; the covered cells of a merge are empty, as in Excel. */
export function worksheetGrid(sheet: ExcelJS.Worksheet): CellValue[][] {
  const grid: CellValue[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    while (grid.length < rowNumber - 1) grid.push([]);
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.isMerged && cell.master !== cell) return;
      while (cells.length < colNumber - 1) cells.push(null);
      cells.push(excelCellValue(cell.value));
    });
    grid.push(cells);
  });
  return grid;
}

function readText(path: string, bytes: Buffer, ext: string, locale: Locale = "zh-CN"): InputTable {
  const { text, encoding } = decodeTextFile(bytes);
  if (text.trim() === "") throw new InputError("empty", path);
  const grid = readDelimitedText(text, ext === ".tsv" ? "\t" : guessDelimiter(text));
  return { ...gridInput(path, grid, locale), encoding };
}

/** A grid from a text file (or built in memory, as the benchmark does) as an input with a new workbook. */
export function gridInput(path: string, grid: Grid, locale: Locale = "zh-CN"): InputTable {
  const sheetName = sanitizeSheetName(basename(path, extname(path)));
  const workbook = new ExcelJS.Workbook();
  writeGridSheet(workbook, sheetName, grid, messagesFor(locale).checks.truncatedSource);
  return { path, kind: "text", workbook, sheetName, grid, origin: { row: 1, column: 1 }, encoding: null };
}

/**
 * The source sheet of a text input: every value as read (strings stay strings, as the core saw them), with the
 * text format on strings Excel would reinterpret so they read back the same.
 */
const TEXT_STYLE: Partial<ExcelJS.Style> = { numFmt: "@" };

function writeGridSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  grid: Grid,
  note: (length: number) => string,
): void {
  const sheet = workbook.addWorksheet(name);
  grid.forEach((cells, r) => {
    if (cells.length === 0) return;
    const row = sheet.getRow(r + 1);
    cells.forEach((value, c) => {
      if (value === null) return;
      const cell = row.getCell(c + 1);
      cell.value = typeof value === "string" ? fitSourceText(value, note) : value;
      // One shared style object: ExcelJS then serialises it once, not once per cell. Never mutate it.
      if (typeof value === "string") cell.style = TEXT_STYLE;
    });
  });
}

/**
 * A text file may hold a field longer than Excel accepts in a cell. Its start is kept with a visible note;
 * the CLI also reports it (see countOverlongCells), so nothing is cut silently.
 */
function fitSourceText(value: string, note: (length: number) => string): string {
  if (value.length <= MAX_CELL_TEXT) return value;
  const shown = note(value.length);
  return value.slice(0, MAX_CELL_TEXT - shown.length) + shown;
}

/** Cells of a grid over Excel's limit (A1 addresses are not needed by the CLI summary, only the count). */
export function countOverlongCells(grid: Grid): number {
  let n = 0;
  for (const row of grid) for (const v of row) if (typeof v === "string" && v.length > MAX_CELL_TEXT) n++;
  return n;
}
