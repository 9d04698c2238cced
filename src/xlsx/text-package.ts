/**
 * For a text input (.tsv/.csv/.txt) there is no package to keep: a new minimal one holds the table as its
 * first sheet, and then gets the same edit as a clerk's workbook (edit-package.ts). Text stays text (with the
 * text format, so Excel never turns `1-3` into a date); an amount the analysis read as a number is written as
 * that number, displayed as it was written (`2,476.54` → 2476.54 shown with `#,##0.00`). Columns are as wide as
 * the table's names and amounts need (sourceColumnWidths); long goal and indicator texts keep a readable width.
 */
import {
  AMOUNT_ROLES,
  cellAddress,
  fitCellText,
  displayWidth,
  type Analysis,
  sheetOfProject,
  type AmountCells,
  type Grid,
} from "../core";
import { XmlChunks } from "./xml-chunks";
import { escapeXmlAttribute } from "../workbook/xml-text";
import { inlineStringCell, MAIN_NS, numberCell, REL_NS } from "./plan-sheet-xml";
import { MINIMAL_STYLES, StylesPart } from "./styles-part";
import { writeZip, type DeflatedPart } from "./write-zip";
import type { ZipCodec } from "./zip-codec";

/** A number format that shows an amount as it was typed: thousands separators and decimals. */
function amountFormat(raw: string, decimals: number): string {
  return (raw.includes(",") ? "#,##0" : "0") + (decimals > 0 ? `.${"0".repeat(decimals)}` : "");
}

/**
 * Amount cells read as numbers, by A1 address, with their display format: those of the tables on `sheet` (an
 * analysis of one sheet has all its tables there; of several, each project's table names its sheet).
 */
function numericAmounts(
  analysis: Analysis,
  sheet: string,
  first: string,
): Map<string, { value: number; format: string }> {
  const out = new Map<string, { value: number; format: string }>();
  if (sheet !== first && analysis.tables === undefined) return out;
  const add = (cells: AmountCells): void => {
    for (const key in cells) {
      const c = cells[key]!;
      if (typeof c.raw === "string" && c.value !== null)
        out.set(c.cell, { value: c.value, format: amountFormat(c.raw, c.decimals) });
    }
  };
  // A budget table's total and units belong to the first table (a form's block has none).
  if (sheet === first && analysis.grandTotal) add(analysis.grandTotal.amountCells);
  if (sheet === first) for (const u of analysis.units) add(u.amountCells);
  analysis.projects.forEach((p, k) => {
    if ((sheetOfProject(analysis, k) ?? first) === sheet) add(p.amountCells);
  });
  return out;
}

/** Widest a column grows for its content; names of projects and units fit well within it. */
const MAX_SOURCE_WIDTH = 60;
/** The goal and indicator columns: text of hundreds of characters, shown at a width that still reads. */
const LONG_TEXT_WIDTH = 40;

/**
 * The width of each column of the source sheet, in Excel's units: the name column as wide as the longest project
 * or unit name, an amount column as wide as its amounts written with separators, the goal and indicator columns
 * LONG_TEXT_WIDTH; other columns as wide as their content (title lines in the first column are left to run over).
 */
export function sourceColumnWidths(grid: Grid, analysis: Analysis): Map<number, number> {
  const widths = new Map<number, number>();
  const columns = analysis.table?.columns ?? {};
  const fit = (column: number | undefined, texts: Iterable<string>): void => {
    if (column === undefined) return;
    let widest = 0;
    for (const text of texts) widest = Math.max(widest, displayWidth(text));
    widths.set(column, Math.min(MAX_SOURCE_WIDTH, Math.max(8, widest + 2)));
  };
  const names = [
    ...analysis.units.map((u) => u.name),
    ...analysis.projects.map((p) => p.name),
    ...(analysis.table ? [String(grid[analysis.table.headerRow - 1]?.[(columns.name ?? 1) - 1] ?? "")] : []),
  ];
  fit(columns.name, names);
  for (const role of AMOUNT_ROLES) {
    const column = columns[role];
    if (column === undefined) continue;
    const texts: string[] = [String(grid[(analysis.table?.headerRow ?? 1) - 1]?.[column - 1] ?? "")];
    const add = (cells: AmountCells): void => {
      const raw = cells[role]?.raw ?? null;
      if (raw !== null) texts.push(typeof raw === "number" ? raw.toLocaleString("en-US") : raw);
    };
    if (analysis.grandTotal) add(analysis.grandTotal.amountCells);
    for (const u of analysis.units) add(u.amountCells);
    for (const p of analysis.projects) add(p.amountCells);
    fit(column, texts);
  }
  for (const column of [columns.goal, columns.indicators])
    if (column !== undefined) widths.set(column, LONG_TEXT_WIDTH);
  // Other columns: their cells below the title lines (a title in A1 runs over the cells to its right).
  const top = analysis.table?.headerRow ?? 1;
  const width = grid.reduce((n, row) => Math.max(n, row.length), 0);
  for (let c = 1; c <= width; c++) {
    if (widths.has(c)) continue;
    const texts: string[] = [];
    for (let r = top - 1; r < grid.length; r++) {
      const v = grid[r]?.[c - 1];
      if (v !== null && v !== undefined) texts.push(String(v).slice(0, 200));
    }
    if (texts.length > 0) fit(c, texts);
  }
  return widths;
}

/** A sheet of a workbook read into grids (.ods, .xls), written after the first. */
export interface TextPackageSheet {
  readonly name: string;
  readonly grid: Grid;
}

/**
 * The bytes of a new package whose first sheet holds the grid, and then the `others` (the other sheets with a
 * table of a workbook read into grids, so that every mark names a sheet of the output). `note` is the visible
 * note left in a field longer than a cell (the CLI reports those cells too).
 */
export async function textPackage(
  sheetName: string,
  grid: Grid,
  analysis: Analysis,
  note: (length: number) => string,
  codec: ZipCodec,
  others: readonly TextPackageSheet[] = [],
): Promise<Uint8Array> {
  const styles = new StylesPart(MINIMAL_STYLES);
  const textStyle = styles.add(
    "cellXfs",
    '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
  );
  const formatStyles = new Map<string, number>();
  const styleFor = (format: string): number => {
    let s = formatStyles.get(format);
    if (s === undefined) {
      s = styles.add(
        "cellXfs",
        `<xf numFmtId="${styles.numberFormat(format)}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`,
      );
      formatStyles.set(format, s);
    }
    return s;
  };
  const sheets = [{ name: sheetName, grid }, ...others];
  const sheetParts: DeflatedPart[] = [];
  for (const [index, sheet] of sheets.entries()) {
    const out = new XmlChunks(codec);
    const amounts = numericAmounts(analysis, sheet.name, sheetName);
    // The columns of the table on this sheet (the first table's for the first sheet).
    const table =
      index === 0 ? analysis.table : (analysis.tables?.find((t) => t.sheet === sheet.name)?.table ?? null);
    out.write(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`,
    );
    out.write(
      `<sheetViews><sheetView${index === 0 ? ' tabSelected="1"' : ""} workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>`,
    );
    const widths = [...sourceColumnWidths(sheet.grid, { ...analysis, table })].sort(([a], [b]) => a - b);
    if (widths.length > 0) {
      out.write("<cols>");
      for (const [column, width] of widths)
        out.write(`<col min="${column}" max="${column}" width="${width}" customWidth="1"/>`);
      out.write("</cols>");
    }
    out.write("<sheetData>");
    for (let r = 0; r < sheet.grid.length; r++) {
      const cells = sheet.grid[r]!;
      if (r % 2048 === 2047) await out.drain();
      if (cells.length === 0) continue;
      const row = r + 1;
      out.write(`<row r="${row}">`);
      cells.forEach((value, c) => {
        if (value === null) return;
        const ref = cellAddress(row, c + 1);
        const amount = amounts.get(ref);
        if (amount) out.write(numberCell(ref, styleFor(amount.format), amount.value));
        else if (typeof value === "number") out.write(numberCell(ref, 0, value));
        else if (typeof value === "boolean") out.write(`<c r="${ref}" t="b"><v>${value ? 1 : 0}</v></c>`);
        else out.write(inlineStringCell(ref, textStyle, fitCellText(value, note)));
      });
      out.write("</row>");
    }
    out.write(
      '</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>',
    );
    sheetParts.push(out.finish());
  }
  const encoder = new TextEncoder();
  const sheetPath = (k: number) => `worksheets/sheet${k + 1}.xml`;
  const parts: [string, string | DeflatedPart][] = [
    [
      "[Content_Types].xml",
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        sheets
          .map(
            (_, k) =>
              `<Override PartName="/xl/${sheetPath(k)}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
          )
          .join("") +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
    ],
    [
      "_rels/.rels",
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ],
    [
      "xl/workbook.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
        `<bookViews><workbookView activeTab="0"/></bookViews><sheets>` +
        sheets
          .map(
            (sheet, k) =>
              `<sheet name="${escapeXmlAttribute(sheet.name)}" sheetId="${k + 1}" r:id="rId${k + 1}"/>`,
          )
          .join("") +
        `</sheets></workbook>`,
    ],
    [
      "xl/_rels/workbook.xml.rels",
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        sheets
          .map(
            (_, k) =>
              `<Relationship Id="rId${k + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="${sheetPath(k)}"/>`,
          )
          .join("") +
        `<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
    ],
    ["xl/styles.xml", styles.toString()],
    ...sheetParts.map((part, k): [string, DeflatedPart] => [`xl/${sheetPath(k)}`, part]),
  ];
  return writeZip(
    parts.map(([name, text]) =>
      typeof text === "string"
        ? { kind: "new", name, data: encoder.encode(text) }
        : { kind: "deflated", name, part: text },
    ),
    codec,
  );
}
