/**
 * For a text input (.tsv/.csv/.txt) there is no package to keep: a new minimal one holds the table as its
 * first sheet, and then gets the same edit as a clerk's workbook (edit-package.ts). Text stays text (with the
 * text format, so Excel never turns `1-3` into a date); an amount the analysis read as a number is written as
 * that number, displayed as it was written (`2,476.54` → 2476.54 shown with `#,##0.00`).
 */
import type { Analysis, AmountCells } from "../core/analysis";
import { AMOUNT_ROLES } from "../core/analysis";
import { cellAddress } from "../core/cell-address";
import { fitCellText } from "../core/fit-cell-text";
import type { Grid } from "../core/grid";
import { XmlChunks } from "./xml-chunks";
import { escapeXmlAttribute } from "./xml-text";
import { inlineStringCell, MAIN_NS, numberCell, REL_NS } from "./plan-sheet-xml";
import { MINIMAL_STYLES, StylesPart } from "./styles-part";
import { writeZip, type DeflatedPart } from "./write-zip";
import type { ZipCodec } from "./zip-codec";

/** A number format that shows an amount as it was typed: thousands separators and decimals. */
function amountFormat(raw: string, decimals: number): string {
  return (raw.includes(",") ? "#,##0" : "0") + (decimals > 0 ? `.${"0".repeat(decimals)}` : "");
}

/** Amount cells read as numbers, by A1 address, with their display format. */
function numericAmounts(analysis: Analysis): Map<string, { value: number; format: string }> {
  const out = new Map<string, { value: number; format: string }>();
  const add = (cells: AmountCells): void => {
    for (const role of AMOUNT_ROLES) {
      const c = cells[role];
      if (typeof c.raw === "string" && c.value !== null)
        out.set(c.cell, { value: c.value, format: amountFormat(c.raw, c.decimals) });
    }
  };
  if (analysis.grandTotal) add(analysis.grandTotal.amountCells);
  for (const u of analysis.units) add(u.amountCells);
  for (const p of analysis.projects) add(p.amountCells);
  return out;
}

/**
 * The bytes of a new package whose only sheet holds the grid. `note` is the visible note left in a field
 * longer than a cell (the CLI reports those cells too).
 */
export async function textPackage(
  sheetName: string,
  grid: Grid,
  analysis: Analysis,
  note: (length: number) => string,
  codec: ZipCodec,
): Promise<Uint8Array> {
  const styles = new StylesPart(MINIMAL_STYLES);
  const textStyle = styles.add(
    "cellXfs",
    '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
  );
  const amounts = numericAmounts(analysis);
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
  const out = new XmlChunks(codec);
  out.write(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`,
  );
  out.write(
    '<sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/><sheetData>',
  );
  for (let r = 0; r < grid.length; r++) {
    const cells = grid[r]!;
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
  const encoder = new TextEncoder();
  const parts: [string, string | DeflatedPart][] = [
    [
      "[Content_Types].xml",
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
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
        `<bookViews><workbookView activeTab="0"/></bookViews><sheets><sheet name="${escapeXmlAttribute(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ],
    [
      "xl/_rels/workbook.xml.rels",
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
    ],
    ["xl/styles.xml", styles.toString()],
    ["xl/worksheets/sheet1.xml", out.finish()],
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
