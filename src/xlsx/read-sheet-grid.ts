/**
 * Reads shared strings and one worksheet's cells into the grid the core analyses, streaming: the sheet part
 * is inflated and scanned a chunk at a time, so only the grid is held, never the sheet's XML. Cells read as
 * Office.js hands them to the add-in: shared and inline strings as their plain text (rich-text runs joined,
 * phonetic runs left out, Excel's `_xHHHH_` escapes decoded), formulas as their cached result, booleans,
 * errors as their literal (`#N/A`), dates as serial numbers, and the covered cells of a merge empty.
 */
import { cellAddress, parseCellAddress, type CellValue } from "../core";
import { asDisplayed } from "../workbook/display-number";
import { settleFormulas, type PendingFormula } from "./settle-formulas";
import type { FormatOfStyle } from "./read-number-formats";
import { limitError, InputError } from "./input-error";
import {
  EXCEL_MAX_COLUMNS,
  EXCEL_MAX_ROWS,
  MAX_CELL_TEXT,
  newTableBudget,
  type TableBudget,
} from "./package-limits";
import { partEntry, type XlsxPackage } from "./xlsx-package";
import {
  attribute,
  scanXml,
  tagEnd,
  XmlStream,
  XmlSyntaxError,
  type ChunkScanner,
  type XmlHandler,
} from "../workbook/xml-scanner";
import { decodeOoxmlEscapes, decodeXmlEntities } from "../workbook/xml-text";
import { entryChunks, ZipFormatError } from "./zip-archive";

/** Streams a part through a handler; a malformed part is "not a valid .xlsx", naming the part. */
export async function scanPart(
  pkg: XlsxPackage,
  name: string,
  handler: XmlHandler | ((first: string) => ChunkScanner),
): Promise<void> {
  const entry = partEntry(pkg, name);
  if (!entry) throw new InputError("not-xlsx", pkg.path, `missing part ${name}`);
  if (entry.size > pkg.limits.partBytes) throw limitError(pkg.path, "part", pkg.limits.partBytes, name);
  let stream: XmlStream | null = null;
  try {
    await entryChunks(pkg.archive, entry, pkg.codec, (chunk) => {
      if (!stream) {
        // A scanner may be chosen from the part's start (the sheet reader's fast path needs no prefixes).
        const first = new TextDecoder().decode(chunk.subarray(0, 2048));
        stream = new XmlStream(typeof handler === "function" ? handler(first) : handler);
      }
      stream.push(chunk);
    });
    // TypeScript cannot see the callback assign it.
    const started = stream as XmlStream | null;
    (started ?? new XmlStream(typeof handler === "function" ? handler("") : handler)).end();
  } catch (error) {
    if (error instanceof XmlSyntaxError || error instanceof ZipFormatError)
      throw new InputError("not-xlsx", pkg.path, `${name}: ${error.message}`);
    throw error;
  }
}

/** The shared string table: one plain string per `<si>`. */
export async function readSharedStrings(pkg: XlsxPackage, name: string | null): Promise<string[]> {
  const strings: string[] = [];
  if (name === null || !partEntry(pkg, name)) return strings;
  let inItem = false;
  let inText = false;
  let phonetic = 0;
  let text = "";
  const handler: XmlHandler = {
    open(element) {
      if (element === "si") {
        inItem = true;
        text = "";
      } else if (element === "rPh") phonetic++;
      else if (element === "t" && inItem && phonetic === 0) inText = true;
    },
    close(element) {
      if (element === "t") inText = false;
      else if (element === "rPh") phonetic--;
      else if (element === "si") {
        strings.push(decodeOoxmlEscapes(text));
        inItem = false;
      }
    },
    text(raw, cdata) {
      if (inText) text += cdata ? raw : decodeXmlEntities(raw);
    },
  };
  await scanPart(pkg, name, (first) =>
    /<\w+:sst\b/.test(first)
      ? (chunk, final) => scanXml(chunk, 0, handler, final)
      : plainItemsFirst(handler, strings),
  );
  return strings;
}

/** `<t xml:space="preserve">`: Excel's run text that keeps its edge spaces. */
const PRESERVE_T = '<t xml:space="preserve">';

/**
 * The fast path for unprefixed shared strings: an item that is one plain run (`<si><t>报废小车</t></si>`,
 * `<si><t xml:space="preserve"> x</t></si>`: what ExcelJS and openpyxl write, and most of Excel's own items) is
 * read with indexOf and decoded as the handler would; any other item (rich text, phonetic runs, CDATA, an empty
 * `<t/>`) goes through the general scanner with the same handler. The declaration and the `<sst>` tags are
 * skipped; anything else (a comment, a prefix, another element) hands the rest of the part to the general
 * scanner. It took the 10,000-project workbook's shared strings (563 KB) from 80-110 ms to 36-47 ms in a cold
 * process (on a loaded machine).
 */
function plainItemsFirst(handler: XmlHandler, strings: string[]): ChunkScanner {
  let general = false;
  return (text, final) => {
    if (general) return scanXml(text, 0, handler, final);
    const n = text.length;
    let pos = 0;
    while (pos < n) {
      const lt = text.indexOf("<", pos);
      if (lt < 0) return final ? n : pos;
      if (lt + 8 >= n && !final) return lt;
      if (text.startsWith("<si>", lt)) {
        const end = text.indexOf("</si>", lt + 4);
        if (end < 0) {
          if (!final) return lt;
        } else {
          const plain = plainRun(text, lt + 4, end);
          if (plain !== null) strings.push(decodeOoxmlEscapes(decodeXmlEntities(plain)));
          else if (text.lastIndexOf("<!", end) < lt) scanXml(text.slice(lt, end + 5), 0, handler, true);
          else {
            // A comment or CDATA in the item may hold "</si>" itself: the general scanner reads it from here.
            general = true;
            return scanXml(text, lt, handler, final);
          }
          pos = end + 5;
          continue;
        }
      } else if (text.startsWith("<?", lt)) {
        const close = text.indexOf("?>", lt + 2);
        if (close < 0) return final ? scanXml(text, lt, handler, true) : lt;
        pos = close + 2;
        continue;
      } else if (text.startsWith("<sst", lt) || text.startsWith("</sst>", lt)) {
        const gt = tagEnd(text, lt + 1);
        if (gt < 0) return final ? scanXml(text, lt, handler, true) : lt;
        pos = gt + 1;
        continue;
      }
      general = true;
      return scanXml(text, lt, handler, final);
    }
    return pos;
  };
}

/** The text of an item body that is exactly one `<t>` with no markup inside, else null. */
function plainRun(text: string, from: number, end: number): string | null {
  const open = text.startsWith("<t>", from) ? 3 : text.startsWith(PRESERVE_T, from) ? PRESERVE_T.length : 0;
  if (open === 0) return null;
  const start = from + open;
  const close = end - 4;
  if (close < start || !text.startsWith("</t>", close) || text.indexOf("<", start) !== close) return null;
  return text.slice(start, close);
}

export interface SheetGrid {
  readonly grid: CellValue[][];
  /** Characters of text cells (UTF-16 units), as counted against the table-text limit. */
  readonly textLength: number;
}

/** One frozen empty row shared by all empty rows of all grids. */
const EMPTY_ROW: CellValue[] = Object.freeze([]) as unknown as CellValue[];

/** Excel's day 0 (1899-12-30), for `t="d"` cells written as ISO dates by some writers. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/**
 * The sheet's cells from A1, as a grid of rows (each as long as its last non-empty cell). With the package's
 * number formats (read-number-formats.ts), a number whose display hides digits, a percentage or a date is given
 * as the text it displays (workbook/display-number.ts). A number whose digits a double does not hold (an integer
 * beyond 2^53, seven or more decimals written out) is given as its text, so the core compares it exactly. A
 * formula saved without its result is worked out when it is a sum or difference of the sheet's cells, else
 * given as its formula text (xlsx/settle-formulas.ts).
 */
export async function readSheetGrid(
  pkg: XlsxPackage,
  sheetPath: string,
  shared: readonly string[],
  formatOf: FormatOfStyle = () => null,
  /** What the workbook's other sheets used of the table limits: this sheet adds to it. */
  budget: TableBudget = newTableBudget(),
): Promise<SheetGrid> {
  const { limits, path } = pkg;
  const grid: CellValue[][] = [];
  const merges: string[] = [];
  let row: CellValue[] = EMPTY_ROW;
  let rowNumber = 0;
  let column = 0;
  let type: string | null = null;
  let inValue = false;
  let inInline = false;
  let inText = false;
  let phonetic = 0;
  let inFormula = false;
  let formula = "";
  let hasFormula = false;
  let value = "";
  let hasValue = false;
  const pending: PendingFormula[] = [];
  /** The number format of each pending formula's cell, for the value it is worked out to. */
  const pendingFormats: (string | null)[] = [];
  /** Numbers the grid holds as the text their format displays (`100.13` for 100.126): formulas add the number. */
  const shownAsText = new Map<number, number>();
  let textLength = 0;
  const cellTag: CellTag = { row: 0, column: 0, type: null, style: 0 };

  const tooLarge = (limit: Parameters<typeof limitError>[1], figure: number, where = ""): never => {
    throw limitError(path, limit, figure, where);
  };
  const startRow = (r: number): void => {
    if (r > EXCEL_MAX_ROWS) tooLarge("rows", EXCEL_MAX_ROWS, `${r}`);
    while (grid.length < r - 1) grid.push(EMPTY_ROW);
    row = EMPTY_ROW;
    rowNumber = r;
    column = 0;
  };
  const endRow = (): void => {
    if (rowNumber === 0) return;
    if (row !== EMPTY_ROW && grid[rowNumber - 1] === undefined) {
      budget.rows++;
      if (budget.rows > limits.tableRows) tooLarge("table-rows", limits.tableRows);
    }
    grid[rowNumber - 1] = row;
  };
  const store = (cellValue: CellValue): void => {
    if (cellValue === null) return;
    if (typeof cellValue === "string") {
      if (cellValue.length > MAX_CELL_TEXT)
        tooLarge("cell-text", MAX_CELL_TEXT, cellAddress(rowNumber, column));
      textLength += cellValue.length;
      budget.text += cellValue.length;
      if (budget.text > limits.tableText) tooLarge("table-text", limits.tableText);
    }
    if (row === EMPTY_ROW) row = [];
    budget.cells += Math.max(0, column - row.length);
    if (budget.cells > limits.tableCells) tooLarge("table-cells", limits.tableCells);
    while (row.length < column - 1) row.push(null);
    row[column - 1] = cellValue;
  };

  const handler: XmlHandler = {
    open(element, tag, selfClosing) {
      switch (element) {
        case "row": {
          endRow();
          const r = attribute(tag, "r");
          startRow(r === null ? rowNumber + 1 : Number(r));
          return;
        }
        case "c": {
          readCellTag(tag, cellTag);
          column = cellTag.column > 0 ? cellTag.column : column + 1;
          if (cellTag.row > 0 && cellTag.row !== rowNumber) {
            // A cell outside its row element: trust the reference.
            endRow();
            startRow(cellTag.row);
          }
          if (column > EXCEL_MAX_COLUMNS)
            tooLarge("columns", EXCEL_MAX_COLUMNS, cellAddress(rowNumber, EXCEL_MAX_COLUMNS + 1));
          type = cellTag.type;
          value = "";
          hasValue = false;
          formula = "";
          hasFormula = false;
          if (selfClosing) type = null;
          return;
        }
        case "v":
          inValue = !inFormula;
          return;
        case "f":
          inFormula = !selfClosing;
          hasFormula = true;
          return;
        case "is":
          inInline = true;
          return;
        case "rPh":
          phonetic++;
          return;
        case "t":
          inText = inInline && phonetic === 0;
          return;
        case "mergeCell": {
          const ref = attribute(tag, "ref");
          if (ref) merges.push(ref);
          return;
        }
      }
    },
    close(element) {
      switch (element) {
        case "v":
          inValue = false;
          return;
        case "f":
          inFormula = false;
          return;
        case "t":
          inText = false;
          return;
        case "rPh":
          phonetic--;
          return;
        case "is":
          inInline = false;
          return;
        case "c":
          if (hasValue) {
            const read = cellValue(type, value, shared, formatOf(cellTag.style));
            if (typeof read === "string" && (type === null || type === "n") && rowNumber > 0) {
              const n = Number(value);
              if (value.trim() !== "" && !Number.isNaN(n))
                shownAsText.set((rowNumber - 1) * 16_384 + column - 1, n);
            }
            store(read);
          } else if (hasFormula && rowNumber > 0) {
            pending.push({ r: rowNumber - 1, c: column - 1, formula });
            pendingFormats.push(formatOf(cellTag.style));
          }
          return;
        case "sheetData":
          endRow();
          rowNumber = 0;
          return;
      }
    },
    text(raw, cdata) {
      if (inValue || inText) {
        value += cdata ? raw : decodeXmlEntities(raw);
        hasValue = true;
      } else if (inFormula) formula += cdata ? raw : decodeXmlEntities(raw);
    },
  };
  /**
   * The fast path for unprefixed sheet XML (what Excel, LibreOffice, openpyxl and ExcelJS write): rows and
   * cells found with indexOf, a cell's `<v>` read directly; anything else in a cell (a formula, an inline
   * string, CDATA) goes through the general scanner with the same handler. It took reading the
   * 10,000-project workbook from about 450 ms to about 250 ms in a cold process (on a loaded machine).
   */
  const fast: ChunkScanner = (text, final) => {
    const n = text.length;
    let pos = 0;
    while (pos < n) {
      const lt = text.indexOf("<", pos);
      if (lt < 0) return final ? n : pos;
      if (lt + 10 >= n && !final) return lt;
      const c1 = text.charCodeAt(lt + 1);
      const c2 = text.charCodeAt(lt + 2);
      if (c1 === 0x63 && (c2 === 0x20 || c2 === 0x3e || c2 === 0x2f)) {
        const gt = tagEnd(text, lt + 1);
        if (gt < 0) return final ? n : lt;
        const selfClosing = text.charCodeAt(gt - 1) === 0x2f;
        let end = gt;
        if (!selfClosing) {
          end = text.indexOf("</c>", gt);
          if (end < 0) return final ? n : lt;
        }
        handler.open("c", text.slice(lt + 1, gt), selfClosing);
        if (!selfClosing) {
          const v = gt + 1;
          if (
            text.startsWith("<v>", v) &&
            text.indexOf("<", v + 3) === end - 4 &&
            text.startsWith("</v>", end - 4)
          ) {
            value = decodeXmlEntities(text.slice(v + 3, end - 4));
            hasValue = true;
          } else scanXml(text.slice(v, end), 0, handler, true);
          handler.close("c");
          pos = end + 4;
        } else pos = gt + 1;
        continue;
      }
      if (c1 === 0x21 || c1 === 0x3f) {
        // A comment, CDATA outside a cell, a declaration or a processing instruction: skip to its end.
        const close = text.startsWith("<!--", lt)
          ? "-->"
          : text.startsWith("<![CDATA[", lt)
            ? "]]>"
            : c1 === 0x3f
              ? "?>"
              : ">";
        const next = text.indexOf(close, lt + 2);
        if (next < 0) return final ? n : lt;
        pos = next + close.length;
        continue;
      }
      const gt = tagEnd(text, lt + 1);
      if (gt < 0) return final ? n : lt;
      if (c1 === 0x2f) handler.close(text.slice(lt + 2, gt).trim());
      else {
        const tag = text.slice(lt + 1, gt);
        const selfClosing = tag.charCodeAt(tag.length - 1) === 0x2f;
        const space = tag.search(/[\s/]/);
        const name = space < 0 ? tag : tag.slice(0, space);
        handler.open(name, tag, selfClosing);
        if (selfClosing) handler.close(name);
      }
      pos = gt + 1;
    }
    return pos;
  };
  await scanPart(pkg, sheetPath, (first) =>
    /<\w+:worksheet\b/.test(first) ? (text, final) => scanXml(text, 0, handler, final) : fast,
  );
  blankCovered(grid, merges);
  if (pending.length > 0) {
    const formats = new Map(pending.map((f, k) => [`${f.r}:${f.c}`, pendingFormats[k] ?? null]));
    settleFormulas(
      grid,
      pending,
      (r, c, settled) => {
        while (grid.length <= r) grid.push(EMPTY_ROW);
        const row = grid[r] === EMPTY_ROW ? [] : grid[r]!;
        while (row.length < c) row.push(null);
        row[c] = typeof settled === "number" ? asDisplayed(settled, formats.get(`${r}:${c}`)) : settled;
        grid[r] = row;
      },
      (r, c) => shownAsText.get(r * 16_384 + c),
    );
  }
  return { grid, textLength };
}

/** The attributes of a `<c>` start tag that reading needs, parsed in one pass (this runs once per cell). */
interface CellTag {
  /** From `r`; 0 when absent or unreadable. */
  row: number;
  column: number;
  /** `t`, or null for a number. */
  type: string | null;
  /** `s`: the cell format's index (0 when absent). */
  style: number;
}

function readCellTag(tag: string, out: CellTag): void {
  out.row = 0;
  out.column = 0;
  out.type = null;
  out.style = 0;
  const n = tag.length;
  let i = 1;
  while (i < n) {
    // Attribute name start: after a blank.
    const c = tag.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) {
      i++;
      continue;
    }
    while (i < n && tag.charCodeAt(i) <= 0x20) i++;
    const nameStart = i;
    while (i < n && tag.charCodeAt(i) !== 0x3d) i++;
    const nameEnd = i;
    i++;
    while (i < n && tag.charCodeAt(i) <= 0x20) i++;
    const quote = tag.charCodeAt(i);
    if (quote !== 0x22 && quote !== 0x27) return;
    const valueStart = i + 1;
    const valueEnd = tag.indexOf(quote === 0x22 ? '"' : "'", valueStart);
    if (valueEnd < 0) return;
    const name = nameEnd - nameStart === 1 ? tag.charCodeAt(nameStart) : 0;
    if (name === 0x72) readAddress(tag, valueStart, valueEnd, out);
    else if (name === 0x74) out.type = tag.slice(valueStart, valueEnd);
    else if (name === 0x73) out.style = Number(tag.slice(valueStart, valueEnd)) || 0;
    i = valueEnd + 1;
  }
}

/** `AB12` (or `$AB$12`) between two positions → row and column; zeros when it is not an address. */
function readAddress(text: string, start: number, end: number, out: CellTag): void {
  let column = 0;
  let row = 0;
  let i = start;
  if (text.charCodeAt(i) === 0x24) i++;
  for (; i < end; i++) {
    const c = text.charCodeAt(i) | 0x20; // lower case
    if (c < 0x61 || c > 0x7a) break;
    column = column * 26 + (c - 0x60);
  }
  if (text.charCodeAt(i) === 0x24) i++;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return;
    row = row * 10 + (c - 0x30);
  }
  if (column > 0 && row > 0) {
    out.row = row;
    out.column = column;
  }
}

/**
 * A cell's value from its type attribute and its text (entities decoded, Excel's escapes not yet); a number as
 * its format displays it, or as its text when a double does not hold its digits.
 */
function cellValue(
  type: string | null,
  raw: string,
  shared: readonly string[],
  format: string | null,
): CellValue {
  switch (type) {
    case "s": {
      const text = shared[Number(raw)];
      return text === undefined || text === "" ? null : text;
    }
    case "inlineStr":
    case "str": {
      const text = decodeOoxmlEscapes(raw);
      return text === "" ? null : text;
    }
    case "b":
      return raw.trim() === "1" || raw.trim() === "true";
    case "e":
      return raw || null;
    case "d": {
      const ms = Date.parse(raw);
      return Number.isNaN(ms) ? raw : (ms - EXCEL_EPOCH_MS) / 86_400_000;
    }
    default: {
      if (raw === "") return null;
      const n = Number(raw);
      if (Number.isNaN(n)) return decodeOoxmlEscapes(raw);
      if (format !== null) {
        const shown = asDisplayed(n, format);
        if (typeof shown === "string") return shown;
      }
      return beyondDouble(raw, n) ? raw.trim() : n;
    }
  }
}

/**
 * Digits a double does not hold, written out in the file: an integer beyond 2^53 (`12345678901234567890`, as
 * scripts write big integers) or seven or more decimals with at most 15 significant digits (`0.1234567`). A
 * double's own noise (`1963.5300000000002`: 17 significant digits, what a formula's result is saved as) is not.
 */
function beyondDouble(raw: string, n: number): boolean {
  if (!/^-?[0-9]+(?:\.[0-9]+)?$/.test(raw)) return false;
  const point = raw.indexOf(".");
  const decimals = point < 0 ? 0 : raw.length - point - 1;
  if (point < 0) return !Number.isSafeInteger(n);
  if (decimals < 7) return false;
  const significant = raw.replace(/^-?0*\.?0*/, "").replace(".", "").length;
  return significant <= 15;
}

/**
 * Empties every cell of the merged ranges but each one's top-left, as Excel holds a merge. Linear in the ranges and
 * the grid's cells, however many ranges there are or however they overlap (a file with 50,000 copies of one large
 * range took 112 s blanking each copy): a sweep down the rows keeps, per column, how many ranges cover it (a
 * difference array updated as ranges start and end), and each row is walked once.
 */
function blankCovered(grid: CellValue[][], refs: readonly string[]): void {
  if (refs.length === 0) return;
  const ranges: { top: number; left: number; bottom: number; right: number }[] = [];
  const corners = new Set<number>();
  let width = 0;
  for (const row of grid) width = Math.max(width, row.length);
  for (const ref of new Set(refs)) {
    const [from, to] = ref.split(":");
    const a = from ? parseCellAddress(from) : null;
    const b = to ? parseCellAddress(to) : null;
    if (!a || !b) continue;
    const top = Math.min(a.row, b.row) - 1;
    const left = Math.min(a.column, b.column) - 1;
    if (top >= grid.length || left >= width) continue;
    ranges.push({
      top,
      left,
      bottom: Math.min(Math.max(a.row, b.row), grid.length) - 1,
      right: Math.min(Math.max(a.column, b.column), width) - 1,
    });
    corners.add(top * 16_384 + left);
  }
  if (ranges.length === 0) return;
  ranges.sort((x, y) => x.top - y.top);
  const ending = [...ranges].sort((x, y) => x.bottom - y.bottom);
  /** delta[c]: ranges starting minus ranges ending at column c, for the rows now covered. */
  const delta = new Int32Array(width + 1);
  let opened = 0;
  let closed = 0;
  for (let r = 0; r < grid.length; r++) {
    while (opened < ranges.length && ranges[opened]!.top === r) {
      delta[ranges[opened]!.left]!++;
      delta[ranges[opened]!.right + 1]!--;
      opened++;
    }
    while (closed < ending.length && ending[closed]!.bottom < r) {
      delta[ending[closed]!.left]!--;
      delta[ending[closed]!.right + 1]!++;
      closed++;
    }
    const row = grid[r]!;
    if (row.length === 0 || opened === closed) continue;
    let cover = 0;
    for (let c = 0; c < row.length; c++) {
      cover += delta[c]!;
      if (cover > 0 && row[c] !== null && !corners.has(r * 16_384 + c)) row[c] = null;
    }
  }
}
