import { readFileSync, statSync } from "fs";
import { basename, extname } from "path";
import {
  cellAddress,
  sanitizeSheetName,
  findTables,
  type CellValue,
  type FoundTable,
  type Grid,
  type Origin,
} from "../core";
import { guessDelimiter, readDelimitedText } from "./read-delimited-text";
import { decodeTextFile, type TextEncodingName } from "./decode-text-file";
import { InputError, limitError } from "./input-error";
import { nodeZipCodec } from "./node-zip-codec";
import {
  DEFAULT_LIMITS,
  EXCEL_MAX_COLUMNS,
  EXCEL_MAX_ROWS,
  MAX_CELL_TEXT,
  newTableBudget,
  type ReadLimits,
} from "./package-limits";
import { readSharedStrings, readSheetGrid } from "./read-sheet-grid";
import { readRunRecord, type RunRecord } from "./run-record";
import { readNumberFormats } from "./read-number-formats";
import { readHtmlTables } from "./read-html-table";
import { readMhtmlPages } from "./read-mhtml";
import { readOdsSheets } from "./read-ods";
import { readXlsSheets, XlsFormatError } from "./read-xls";
import { readCfbStream } from "./read-cfb";
import { sniffWorkbook } from "./sniff-workbook";
import { readZipArchive } from "./zip-archive";
import {
  openPackage,
  REL_TYPES,
  relTypeIs,
  resolveTarget,
  type PackageSheet,
  type XlsxPackage,
} from "./xlsx-package";
import { XmlSyntaxError } from "../workbook/xml-scanner";
import { fflateCodec, type ZipCodec } from "./zip-codec";

export const TEXT_EXTENSIONS = [".tsv", ".txt", ".csv"] as const;
/** .xlsm is the same package with macros, which are copied untouched. */
export const XLSX_EXTENSIONS = [".xlsx", ".xlsm"] as const;
/** A saved web page: its tables, merged cells kept (read-html-table.ts). */
export const HTML_EXTENSIONS = [".html", ".htm"] as const;
/** A web page saved as one file (Chrome's "网页，单个文件", IE's and Excel's .mht): read-mhtml.ts. */
export const MHTML_EXTENSIONS = [".mht", ".mhtml"] as const;
/** An OpenDocument spreadsheet (LibreOffice, WPS): read-ods.ts. */
export const ODS_EXTENSIONS = [".ods"] as const;
/**
 * Excel 97-2003 (BIFF8, .xls/.xlt) and WPS's own (.et/.ett) workbooks, read by what their bytes are
 * (sniff-workbook.ts): read-xls.ts reads BIFF8; an .xlsx, .ods, web page or text under such a name is read as
 * what it is; one it cannot read (BIFF5 and older, XML Spreadsheet 2003) gets one line on saving it as .xlsx.
 */
export const LEGACY_EXTENSIONS = [".xls", ".xlt", ".et", ".ett"] as const;
export const INPUT_EXTENSIONS = [
  ...XLSX_EXTENSIONS,
  ...TEXT_EXTENSIONS,
  ...HTML_EXTENSIONS,
  ...MHTML_EXTENSIONS,
  ...ODS_EXTENSIONS,
  ...LEGACY_EXTENSIONS,
] as const;

/** An input file read into the grid the core analyses, with the package the output is built on. */
export interface InputTable {
  readonly path: string;
  readonly kind: "xlsx" | "text";
  /** For .xlsx: the opened package; for text: null (the output package is made from the grid). */
  readonly package: XlsxPackage | null;
  /** What earlier runs left in the package (its sheets and marks); empty for text. */
  readonly record: RunRecord | null;
  /** The (first) analysed sheet: its name, its index in the workbook's sheet list (0 for text) and its cells. */
  readonly sheetName: string;
  readonly sheetIndex: number;
  readonly grid: Grid;
  readonly origin: Origin;
  /**
   * Every sheet analysed, the first one above included: without --sheet, each sheet of a workbook that holds a
   * table (in tab order), or the first visible sheet when none does; the same for an .ods, .xls or .et.
   */
  readonly sheets: readonly InputSheet[];
  /** For text files: how the bytes were decoded. */
  readonly encoding: TextEncodingName | null;
  /**
   * For a UTF-8 text file with bytes that are not UTF-8: where the first bad bytes of each cell holding some are
   * in the file, and that cell's grid row and column (0-based).
   */
  readonly invalidBytes?: readonly {
    readonly byteOffset: number;
    readonly row: number;
    readonly column: number;
  }[];
}

/** One sheet of the input, read. */
export interface InputSheet {
  readonly name: string;
  readonly index: number;
  readonly grid: Grid;
  readonly origin: Origin;
  /** Its tables, when choosing the sheets located them already (the analysis then does not locate them again). */
  readonly tables?: readonly FoundTable[];
}

export interface ReadInputOptions {
  /** For .xlsx: the sheet to analyse; the first visible sheet that is not the tool's own by default. */
  readonly sheet?: string;
  readonly limits?: ReadLimits;
  readonly codec?: ZipCodec;
  /**
   * For .xlsx: read the run record's marks (true by default: normalize restores them). check only needs which
   * sheets are the tool's, and does not read the record's part at all.
   */
  readonly marks?: boolean;
}

/** Reads .xlsx, .xlsm, .tsv, .txt or .csv from disk. Throws InputError when it cannot be read as a table. */
export async function readInput(path: string, options: ReadInputOptions = {}): Promise<InputTable> {
  const ext = extname(path).toLowerCase();
  if (!(INPUT_EXTENSIONS as readonly string[]).includes(ext)) {
    statOrThrow(path);
    throw new InputError("unsupported-type", path, ext);
  }
  return readInputBytes(path, readBytes(path), { codec: nodeZipCodec, ...options });
}

/** The same from bytes already in memory (a browser's file input): no file system. */
export async function readInputBytes(
  path: string,
  bytes: Uint8Array,
  options: ReadInputOptions = {},
): Promise<InputTable> {
  const ext = extname(path).toLowerCase();
  const limits = options.limits ?? DEFAULT_LIMITS;
  if ((XLSX_EXTENSIONS as readonly string[]).includes(ext)) {
    // An Excel 97-2003 workbook renamed .xlsx is read as what it is (an encrypted .xlsx, also a compound file,
    // has no Workbook stream and is refused as encrypted by the package reader).
    if (sniffWorkbook(bytes) === "compound" && holdsWorkbookStream(bytes))
      return readXls(path, bytes, options, limits);
    return readXlsxFile(path, bytes, options, limits);
  }
  if ((TEXT_EXTENSIONS as readonly string[]).includes(ext)) return readText(path, bytes, ext, limits);
  if ((HTML_EXTENSIONS as readonly string[]).includes(ext)) return readHtml(path, bytes, limits);
  if ((MHTML_EXTENSIONS as readonly string[]).includes(ext)) return readMhtml(path, bytes, limits);
  if ((ODS_EXTENSIONS as readonly string[]).includes(ext)) return readOds(path, bytes, options, limits);
  if ((LEGACY_EXTENSIONS as readonly string[]).includes(ext)) return readLegacy(path, bytes, options, limits);
  throw new InputError("unsupported-type", path, ext);
}

async function readXlsxFile(
  path: string,
  bytes: Uint8Array,
  options: ReadInputOptions,
  limits: ReadLimits,
): Promise<InputTable> {
  try {
    return await readXlsx(path, bytes, options, limits);
  } catch (error) {
    // Every part read names itself; anything else malformed is still a damaged file, not a stack trace.
    if (error instanceof XmlSyntaxError) throw new InputError("not-xlsx", path, error.message);
    throw error;
  }
}

/** A compound file holding a BIFF workbook stream (`Workbook`, or `Book` in older files). */
function holdsWorkbookStream(bytes: Uint8Array): boolean {
  try {
    return readCfbStream(bytes, ["Workbook", "Book"]) !== null;
  } catch {
    return false;
  }
}

/**
 * An .xls, .xlt, .et or .ett file, read by what its bytes are (sniff-workbook.ts): BIFF8 in a compound file, an
 * .xlsx or .ods package under that name, a web page's table, tab- or comma-separated text. XML Spreadsheet 2003
 * and anything else get the line on saving it as .xlsx.
 */
async function readLegacy(
  path: string,
  bytes: Uint8Array,
  options: ReadInputOptions,
  limits: ReadLimits,
): Promise<InputTable> {
  const kind = sniffWorkbook(bytes);
  switch (kind) {
    case "compound":
      return readXls(path, bytes, options, limits);
    case "zip": {
      let names: ReadonlyMap<string, unknown>;
      try {
        names = readZipArchive(bytes).byName;
      } catch (error) {
        throw new InputError("legacy-format", path, (error as Error).message);
      }
      if (names.has("content.xml") && !names.has("[Content_Types].xml"))
        return readOds(path, bytes, options, limits);
      return readXlsxFile(path, bytes, options, limits);
    }
    case "html":
      return readHtml(path, bytes, limits);
    case "mhtml":
      return readMhtml(path, bytes, limits);
    case "text":
      return readText(path, bytes, ".txt", limits);
    default:
      throw new InputError("legacy-format", path, kind);
  }
}

function statOrThrow(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    throw new InputError("not-found", path);
  }
}

function readBytes(path: string): Uint8Array {
  if (statOrThrow(path)) throw new InputError("is-directory", path);
  try {
    return readFileSync(path);
  } catch (error) {
    throw new InputError("unreadable", path, (error as Error).message);
  }
}

async function readXlsx(
  path: string,
  bytes: Uint8Array,
  options: ReadInputOptions,
  limits: ReadLimits,
): Promise<InputTable> {
  const codec = options.codec ?? fflateCodec;
  const pkg = openPackage(path, bytes, codec, limits);
  const record = readRunRecord(pkg, { marks: options.marks !== false });
  const worksheets = pkg.sheets.filter((s) => s.path !== null);
  const sharedRel = pkg.workbookRels.find((r) => relTypeIs(r.type, REL_TYPES.sharedStrings));
  const shared = await readSharedStrings(
    pkg,
    sharedRel ? resolveTarget(pkg.workbookPath, sharedRel.target) : null,
  );
  const formats = readNumberFormats(pkg);
  const origin = { row: 1, column: 1 };
  // The table limits hold for the workbook's sheets together, not each on its own.
  const budget = newTableBudget();
  const read = async (sheet: PackageSheet): Promise<InputSheet> => ({
    name: sheet.name,
    index: pkg.sheets.indexOf(sheet),
    grid: (await readSheetGrid(pkg, sheet.path!, shared, formats, budget)).grid,
    origin,
  });
  let sheets: InputSheet[];
  if (options.sheet !== undefined) {
    const sheet =
      worksheets.find((s) => s.name === options.sheet) ??
      worksheets.find((s) => s.name.toLowerCase() === options.sheet!.toLowerCase());
    if (!sheet) {
      const names = pkg.sheets.map((s) => s.name).join(", ");
      throw new InputError("sheet-not-found", path, `${options.sheet}|${names}`);
    }
    sheets = [await read(sheet)];
  } else {
    // Every sheet that holds a table (visible ones first; the tool's own sheets of an earlier run left out);
    // none: the first visible sheet, whose analysis then says that no table was found.
    const own = new Set(record.ownSheets.map((s) => s.name));
    const candidates = worksheets.filter((s) => !own.has(s.name));
    const visible = candidates.filter((s) => s.state === "visible");
    if (candidates.length === 0) throw new InputError("no-sheet", path);
    sheets = [];
    let first: InputSheet | null = null;
    // With one candidate the answer is that sheet either way: locating its tables here would only repeat the
    // analysis's own first step (a whole pass over the grid, ~10% of `check` at 10,000 projects).
    const choose = candidates.length > 1;
    for (const group of [visible, candidates.filter((s) => s.state !== "visible")]) {
      for (const sheet of group) {
        const input = await read(sheet);
        first ??= input;
        if (!choose) continue;
        const tables = findTables(input.grid, input.origin);
        if (tables.length > 0) sheets.push({ ...input, tables });
      }
      if (sheets.length > 0) break;
    }
    if (sheets.length === 0) sheets = [first!];
  }
  const main = sheets[0]!;
  return {
    path,
    kind: "xlsx",
    package: pkg,
    record,
    sheetName: main.name,
    sheetIndex: main.index,
    grid: main.grid,
    origin: main.origin,
    sheets,
    encoding: null,
  };
}

/**
 * A text file's comment lines (`# source: …`, `# notes: …`, `## raw (verbatim):`, as transcriptions of published
 * tables carry them: one cell starting with `#` and a blank) are no part of its table: they are left blank, so
 * that no title or name is read from them and every cell keeps its line number as its row.
 */
function blankCommentLines(grid: CellValue[][]): CellValue[][] {
  for (let r = 0; r < grid.length; r++) {
    const row = grid[r] ?? [];
    const first = row[0];
    if (typeof first !== "string" || !/^#+\s/.test(first)) continue;
    if (row.slice(1).every((cell) => cell === null || cell === "")) grid[r] = [];
  }
  return grid;
}

function readText(path: string, bytes: Uint8Array, ext: string, limits: ReadLimits): InputTable {
  const { text, encoding, invalidBytes } = decodeTextFile(bytes);
  if (text.trim() === "") throw new InputError("empty", path);
  // Text fields longer than a cell are kept whole for the analysis (and cut visibly in the written sheet), so
  // only the whole table's text is limited here.
  if (text.length > limits.tableText) throw limitError(path, "table-text", limits.tableText);
  const find = {
    offsets: invalidBytes.map((b) => b.textOffset),
    places: [] as { row: number; column: number }[],
  };
  const grid = blankCommentLines(readDelimitedText(text, ext === ".tsv" ? "\t" : guessDelimiter(text), find));
  checkGridLimits(path, grid, limits);
  if (invalidBytes.length === 0) return { ...gridInput(path, grid), encoding };
  // One report per cell: its first bad bytes.
  const cells: { byteOffset: number; row: number; column: number }[] = [];
  find.places.forEach((place, k) => {
    const last = cells[cells.length - 1];
    if (last && last.row === place.row && last.column === place.column) return;
    cells.push({ byteOffset: invalidBytes[k]!.byteOffset, row: place.row, column: place.column });
  });
  return { ...gridInput(path, grid), encoding, invalidBytes: cells };
}

/**
 * An .ods workbook: the sheet asked for, else every sheet that holds a table (else the first), read into grids;
 * its result is a new workbook as for a text file, holding those sheets (the package is not OOXML to edit).
 */
function readOds(path: string, bytes: Uint8Array, options: ReadInputOptions, limits: ReadLimits): InputTable {
  let sheets;
  try {
    sheets = readOdsSheets(path, bytes, options.codec ?? fflateCodec, limits);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError("unreadable", path, (error as Error).message);
  }
  return sheetsInput(path, sheets, options, limits);
}

/**
 * An Excel 97-2003 (.xls) or WPS (.et) workbook, BIFF8 in a compound file (read-xls.ts), read as .ods is; an
 * encrypted one is refused as an encrypted .xlsx is, and one this reader cannot read gets the line on saving it
 * as .xlsx.
 */
function readXls(path: string, bytes: Uint8Array, options: ReadInputOptions, limits: ReadLimits): InputTable {
  let sheets;
  try {
    sheets = readXlsSheets(bytes);
  } catch (error) {
    if (error instanceof XlsFormatError && error.reason === "encrypted")
      throw new InputError("encrypted", path);
    throw new InputError("legacy-format", path, (error as Error).message);
  }
  let text = 0;
  for (const sheet of sheets)
    for (const row of sheet.grid) for (const cell of row) if (typeof cell === "string") text += cell.length;
  if (text > limits.tableText) throw limitError(path, "table-text", limits.tableText);
  return sheetsInput(path, sheets, options, limits);
}

/**
 * A workbook read into grids (.ods, .xls, .et): the sheet asked for, else every sheet that holds a table (in tab
 * order, as an .xlsx is read: readXlsx), else the first. Sheet names are made safe for the output workbook, and
 * two that become the same are told apart (`表(2)`), so each table and issue names a sheet that exists there.
 */
function sheetsInput(
  path: string,
  sheets: readonly { readonly name: string; readonly grid: Grid }[],
  options: ReadInputOptions,
  limits: ReadLimits,
): InputTable {
  if (sheets.length === 0) throw new InputError("no-sheet", path);
  const origin = { row: 1, column: 1 };
  let chosen: InputSheet[];
  if (options.sheet !== undefined) {
    const index = sheets.findIndex((s) => s.name === options.sheet);
    if (index < 0)
      throw new InputError(
        "sheet-not-found",
        path,
        `${options.sheet}|${sheets.map((s) => s.name).join(", ")}`,
      );
    chosen = [{ name: sheets[index]!.name, index, grid: sheets[index]!.grid, origin }];
  } else {
    chosen = [];
    sheets.forEach((s, index) => {
      const tables = findTables(s.grid, origin);
      if (tables.length > 0) chosen.push({ name: s.name, index, grid: s.grid, origin, tables });
    });
    if (chosen.length === 0) chosen = [{ name: sheets[0]!.name, index: 0, grid: sheets[0]!.grid, origin }];
  }
  // The table limits hold for the chosen sheets together, as for an .xlsx's.
  const tally = { cells: 0, rows: 0 };
  for (const s of chosen) checkGridLimits(path, s.grid, limits, tally);
  const used = new Set<string>();
  const named = chosen.map((s) => {
    const base = sanitizeSheetName(s.name);
    let name = base;
    for (let k = 2; used.has(name.toLowerCase()); k++) name = sanitizeSheetName(`${base.slice(0, 26)}(${k})`);
    used.add(name.toLowerCase());
    return { ...s, name };
  });
  const main = named[0]!;
  return { ...gridInput(path, main.grid), sheetName: main.name, sheetIndex: main.index, sheets: named };
}

/** A saved web page: its tables, merged cells as Excel lays them out (the other cells of a span empty). */
function readHtml(path: string, bytes: Uint8Array, limits: ReadLimits): InputTable {
  const { text, encoding } = decodeTextFile(bytes);
  return { ...readPageText(path, text, limits), encoding };
}

/**
 * A page saved as one file (MHTML): its pages read as one page (a workbook's sheets, a page's frames, stacked);
 * an .mht that is a plain page after all is read as one.
 */
function readMhtml(path: string, bytes: Uint8Array, limits: ReadLimits): InputTable {
  if (bytes.length > limits.tableText * 8) throw limitError(path, "table-text", limits.tableText);
  const pages = readMhtmlPages(bytes);
  if (pages === null) return readHtml(path, bytes, limits);
  return readPageText(path, pages.join("\n"), limits);
}

function readPageText(path: string, text: string, limits: ReadLimits): InputTable {
  if (text.trim() === "") throw new InputError("empty", path);
  if (text.length > limits.tableText * 4) throw limitError(path, "table-text", limits.tableText);
  const grid = readHtmlTables(text);
  checkGridLimits(path, grid, limits);
  return gridInput(path, grid);
}

/**
 * Excel's grid and the table's cells hold for text as for a workbook: a paste or an import past row 1,048,576 or
 * column XFD is refused by Excel, so the tool refuses it too rather than write cells no program can open.
 */
function checkGridLimits(
  path: string,
  grid: Grid,
  limits: ReadLimits,
  tally: { cells: number; rows: number } = { cells: 0, rows: 0 },
): void {
  if (grid.length > EXCEL_MAX_ROWS) throw limitError(path, "rows", EXCEL_MAX_ROWS, `${EXCEL_MAX_ROWS + 1}`);
  let { cells, rows } = tally;
  for (let r = 0; r < grid.length; r++) {
    const width = grid[r]!.length;
    if (width > EXCEL_MAX_COLUMNS)
      throw limitError(path, "columns", EXCEL_MAX_COLUMNS, cellAddress(r + 1, EXCEL_MAX_COLUMNS + 1));
    cells += width;
    if (cells > limits.tableCells) throw limitError(path, "table-cells", limits.tableCells);
    if (width > 0 && ++rows > limits.tableRows) throw limitError(path, "table-rows", limits.tableRows);
  }
  tally.cells = cells;
  tally.rows = rows;
}

/** A grid from a text file (or built in memory, as the benchmark does) as an input with no package yet. */
export function gridInput(path: string, grid: Grid): InputTable {
  const sheetName = sanitizeSheetName(basename(path, extname(path)));
  const origin = { row: 1, column: 1 };
  return {
    path,
    kind: "text",
    package: null,
    record: null,
    sheetName,
    sheetIndex: 0,
    grid,
    origin,
    sheets: [{ name: sheetName, index: 0, grid, origin }],
    encoding: null,
  };
}

/** Cells of a grid over Excel's limit (the CLI summary reports the count). */
export function countOverlongCells(grid: Grid): number {
  let n = 0;
  for (const row of grid) for (const v of row) if (typeof v === "string" && v.length > MAX_CELL_TEXT) n++;
  return n;
}
