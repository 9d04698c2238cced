/**
 * OpenDocument spreadsheets (.ods, as LibreOffice and WPS save them) → one grid per sheet, read as the .xlsx
 * reader reads a workbook: numbers as numbers (office:value), a percentage, date or currency as it is shown, a
 * merged range's text in its top-left cell and its covered cells empty. The package is a zip like .xlsx; only
 * content.xml is read, with the same string scanner as the .xlsx parts (no DOM: it runs in the offline page too).
 *
 * Repeats are how ODS writes blank space (`table:number-columns-repeated="16384"`, rows repeated to the sheet's
 * end): blank cells and rows are counted, not made, and only written out when something follows them.
 */
import type { CellValue, Grid } from "../core";
import { limitError } from "./input-error";
import { EXCEL_MAX_COLUMNS, EXCEL_MAX_ROWS, type ReadLimits } from "./package-limits";
import { attribute, scanXmlBytes } from "../workbook/xml-scanner";
import { decodeXmlEntities } from "../workbook/xml-text";
import { entryBytes, readZipArchive } from "./zip-archive";
import type { ZipCodec } from "./zip-codec";

export interface OdsSheet {
  readonly name: string;
  readonly grid: Grid;
}

/** A cell being read: its type, its value attribute and its shown text so far. */
interface OpenCell {
  readonly type: string | null;
  readonly value: string | null;
  readonly repeat: number;
  text: string;
  paragraphs: number;
  /** Inside a text:p (the markup's own blanks between elements are no text). */
  inParagraph: number;
}

function count(tag: string, name: string): number {
  const raw = attribute(tag, name);
  const n = raw === null ? 1 : Number(raw);
  return Number.isInteger(n) && n > 0 ? n : 1;
}

/** The sheets of an .ods package, in order. Throws ZipFormatError (not a zip) or a limit's InputError. */
export function readOdsSheets(
  path: string,
  bytes: Uint8Array,
  codec: ZipCodec,
  limits: ReadLimits,
): OdsSheet[] {
  const archive = readZipArchive(bytes);
  const content = archive.byName.get("content.xml");
  if (content === undefined) return [];
  if (content.size > limits.partBytes) throw limitError(path, "part", limits.partBytes, "content.xml");
  const sheets: OdsSheet[] = [];
  let grid: CellValue[][] = [];
  let name = "";
  let row: CellValue[] | null = null;
  let rowRepeat = 1;
  let blankRows = 0;
  let blankCells = 0;
  let cell: OpenCell | null = null;
  let inTable = 0;
  let text = 0;

  const endCell = (covered: boolean, repeat: number, value: CellValue) => {
    if (row === null) return;
    if (covered || value === null) {
      blankCells += repeat;
      return;
    }
    if (row.length + blankCells + repeat > EXCEL_MAX_COLUMNS)
      throw limitError(path, "columns", EXCEL_MAX_COLUMNS, `${name}!${grid.length + blankRows + 1}`);
    for (; blankCells > 0; blankCells--) row.push(null);
    for (let k = 0; k < repeat; k++) row.push(value);
    text += typeof value === "string" ? value.length * repeat : 0;
    if (text > limits.tableText) throw limitError(path, "table-text", limits.tableText);
  };
  const endRow = () => {
    if (inTable !== 1 || row === null) return;
    const done: CellValue[] = row;
    row = null;
    if (done.length === 0) {
      blankRows += rowRepeat;
      return;
    }
    if (grid.length + blankRows + rowRepeat > EXCEL_MAX_ROWS)
      throw limitError(path, "rows", EXCEL_MAX_ROWS, `${name}!${grid.length + blankRows + 1}`);
    for (; blankRows > 0; blankRows--) grid.push([]);
    for (let k = 0; k < rowRepeat; k++) grid.push(k === 0 ? done : [...done]);
  };
  const valueOf = (c: OpenCell): CellValue => {
    const shown = c.text;
    // Numbers as numbers (shown digits are the .xlsx reader's business there too); percentages, dates,
    // currencies and times as shown, as a clerk reads them.
    if (c.type === "float" && c.value !== null && Number.isFinite(Number(c.value))) return Number(c.value);
    if (c.type === "boolean") return shown;
    return shown === "" ? null : shown;
  };

  scanXmlBytes(entryBytes(archive, content, codec), {
    open(tagName, tag, selfClosing) {
      switch (tagName) {
        case "table":
          if (inTable++ === 0) {
            grid = [];
            name = decodeXmlEntities(attribute(tag, "table:name") ?? `Sheet${sheets.length + 1}`);
            blankRows = 0;
          }
          return;
        case "table-row":
          if (inTable !== 1) return;
          row = [];
          blankCells = 0;
          rowRepeat = count(tag, "table:number-rows-repeated");
          if (selfClosing) endRow();
          return;
        case "table-cell":
        case "covered-table-cell": {
          if (inTable !== 1 || row === null) return;
          const repeat = count(tag, "table:number-columns-repeated");
          if (tagName === "covered-table-cell" || selfClosing) {
            endCell(true, repeat, null);
            return;
          }
          cell = {
            type: attribute(tag, "office:value-type"),
            value: attribute(tag, "office:value"),
            repeat,
            text: "",
            paragraphs: 0,
            inParagraph: 0,
          };
          return;
        }
        case "p":
          if (cell === null || selfClosing) return;
          if (cell.paragraphs++ > 0) cell.text += "\n";
          cell.inParagraph++;
          return;
        case "s":
          if (cell !== null) cell.text += " ".repeat(Math.min(count(tag, "text:c"), 1000));
          return;
        case "tab":
          if (cell !== null) cell.text += "\t";
          return;
        case "line-break":
          if (cell !== null) cell.text += "\n";
          return;
      }
    },
    close(tagName) {
      switch (tagName) {
        case "p":
          if (cell !== null && cell.inParagraph > 0) cell.inParagraph--;
          return;
        case "table-cell":
          if (cell !== null) {
            const c: OpenCell = cell;
            cell = null;
            endCell(false, c.repeat, valueOf(c));
          }
          return;
        case "table-row":
          endRow();
          return;
        case "table":
          if (--inTable === 0) sheets.push({ name, grid });
          return;
      }
    },
    text(raw, cdata) {
      if (cell !== null && cell.inParagraph > 0) cell.text += cdata ? raw : decodeXmlEntities(raw);
    },
  });
  return sheets;
}
