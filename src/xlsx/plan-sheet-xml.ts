/**
 * One of the plan's sheets as worksheet XML (and its table part): inline strings, so the workbook's shared
 * string table is not touched; column widths and formats; a bold, frozen header; rows tall enough for their
 * wrapped text; filled cells; internal links to the source cells (hyperlinks with a `location`, which need no
 * relationship); and the print setup (landscape, one page wide, the footer). The header row repeated on every
 * page is a defined name of the workbook (printTitlesName below; edit-package.ts writes it).
 */
import { columnLetter, quoteSheetName, type PlanCell, type PlanSheet } from "../core";
import type { DeflatedPart } from "./write-zip";
import { XmlChunks } from "./xml-chunks";
import type { ZipCodec } from "./zip-codec";
import { escapeXmlAttribute, escapeXmlText } from "../workbook/xml-text";

export const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Cell format indices for the sheet's columns (from StylesPart). */
export interface PlanSheetStyles {
  /** Per column: the body style, and the same with the link font. */
  readonly column: readonly number[];
  readonly link: readonly number[];
  /** The header row (bold: a table style makes it bold in Excel, but LibreOffice and WPS ignore table styles). */
  readonly header: number;
  /** The body style of a column with a fill of its own (PlanSheet.fills), made on demand. */
  readonly filled: (column: number, color: string) => number;
}

/** The print titles of a plan sheet: `'指标明细'!$1:$1`, the value of its local `_xlnm.Print_Titles` name. */
export function printTitlesFormula(planSheet: PlanSheet): string | null {
  const rows = planSheet.print.repeatRows;
  return rows > 0 ? `${quoteSheetName(planSheet.name)}!$1:$${rows}` : null;
}

/** `&L&A&R第 &P 页，共 &N 页`: the footer in Excel's header and footer codes (a literal & is written &&). */
function footerText(planSheet: PlanSheet): string {
  const { left, right } = planSheet.print.footer;
  return `&L${left}&R${right}`;
}

/** A string cell: `xml:space` keeps leading and trailing blanks and line breaks as written. */
export function inlineStringCell(ref: string, style: number, text: string): string {
  const escaped = escapeXmlText(text);
  const space = needsPreserve(text) ? ' xml:space="preserve"' : "";
  return `<c r="${ref}"${style ? ` s="${style}"` : ""} t="inlineStr"><is><t${space}>${escaped}</t></is></c>`;
}

/** Leading or trailing blanks, line breaks or tabs, which XML would not keep without xml:space. */
function needsPreserve(text: string): boolean {
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  return first <= 0x20 || last <= 0x20 || first === 0x3000 || last === 0x3000 || LINE_BREAK_OR_TAB.test(text);
}

const LINE_BREAK_OR_TAB = /[\n\t]/;

export function numberCell(ref: string, style: number, value: number): string {
  return `<c r="${ref}"${style ? ` s="${style}"` : ""}><v>${value}</v></c>`;
}

export interface PlanSheetXml {
  /** Compressed as written (see xml-chunks.ts). */
  readonly sheet: DeflatedPart;
  readonly table: string | null;
}

export async function planSheetXml(
  planSheet: PlanSheet,
  styles: PlanSheetStyles,
  options: { readonly selected: boolean; readonly tableId: number; readonly tableRelId: string },
  codec: ZipCodec,
): Promise<PlanSheetXml> {
  const columns = planSheet.columns;
  const lastColumn = columnLetter(columns.length);
  const rowCount = Math.max(planSheet.rows.length, planSheet.table ? 1 : 0);
  const lastRow = rowCount + 1;
  const out = new XmlChunks(codec);
  const links: string[] = [];
  const fitToPage = planSheet.print.fitToPagesWide > 0;
  for (const piece of [
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`,
    fitToPage ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : "",
    `<dimension ref="A1:${lastColumn}${lastRow}"/>`,
    `<sheetViews><sheetView${options.selected ? ' tabSelected="1"' : ""} workbookViewId="0">`,
    planSheet.freezeRows > 0
      ? `<pane ySplit="${planSheet.freezeRows}" topLeftCell="A${planSheet.freezeRows + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${planSheet.freezeRows + 1}" sqref="A${planSheet.freezeRows + 1}"/>`
      : "",
    "</sheetView></sheetViews>",
    '<sheetFormatPr defaultRowHeight="15"/><cols>',
  ])
    out.write(piece);
  columns.forEach((c, i) =>
    out.write(
      `<col min="${i + 1}" max="${i + 1}" width="${c.width}" style="${styles.column[i]}" customWidth="1"/>`,
    ),
  );
  out.write("</cols><sheetData>");
  const headerStyle = styles.header;
  out.write('<row r="1">');
  columns.forEach((c, i) => out.write(inlineStringCell(`${columnLetter(i + 1)}1`, headerStyle, c.header)));
  out.write("</row>");
  const letters = columns.map((_c, i) => columnLetter(i + 1));
  // `'目标表'!` escaped once per sheet, not once per link.
  const prefixes = new Map<string, string>();
  const linkPrefix = (sheet: string): string => {
    let prefix = prefixes.get(sheet);
    if (prefix === undefined) {
      prefix = escapeXmlAttribute(`${quoteSheetName(sheet)}!`);
      prefixes.set(sheet, prefix);
    }
    return prefix;
  };
  // Filled cells by row, then column: `${row}:${column}` → style.
  const filled = new Map<string, number>();
  for (const f of planSheet.fills) filled.set(`${f.row}:${f.column}`, styles.filled(f.column, f.color));
  const styleOf = (r: number, c: number): number =>
    filled.size === 0 ? styles.column[c]! : (filled.get(`${r}:${c}`) ?? styles.column[c]!);
  for (let r = 0; r < planSheet.rows.length; r++) {
    const row = planSheet.rows[r]!;
    if (r % 2048 === 2047) await out.drain();
    const rowNumber = r + 2;
    const height = planSheet.rowHeights[r];
    // customHeight: Excel keeps a height it did not work out itself only when told it was set.
    out.write(height ? `<row r="${rowNumber}" ht="${height}" customHeight="1">` : `<row r="${rowNumber}">`);
    for (let c = 0; c < row.length; c++) {
      const cell: PlanCell | undefined = row[c];
      if (cell === null || cell === undefined) continue;
      const ref = `${letters[c]}${rowNumber}`;
      if (typeof cell === "number") out.write(numberCell(ref, styleOf(r, c), cell));
      else if (typeof cell === "string") out.write(inlineStringCell(ref, styleOf(r, c), cell));
      else {
        out.write(inlineStringCell(ref, styles.link[c]!, cell.text));
        links.push(
          `<hyperlink ref="${ref}" location="${linkPrefix(cell.link.sheet)}${escapeXmlAttribute(cell.link.cell)}" display="${escapeXmlAttribute(cell.text)}"/>`,
        );
      }
    }
    out.write("</row>");
  }
  out.write("</sheetData>");
  if (links.length > 0) {
    out.write("<hyperlinks>");
    for (const link of links) out.write(link);
    out.write("</hyperlinks>");
  }
  // Narrow margins leave the columns more room on the page; A4 (paperSize 9), landscape, every column on
  // fitToWidth pages and the rows on as many as they need (fitToHeight 0).
  out.write('<pageMargins left="0.4" right="0.4" top="0.5" bottom="0.6" header="0.3" footer="0.3"/>');
  const print = planSheet.print;
  out.write(
    `<pageSetup paperSize="9" orientation="${print.orientation}"` +
      (fitToPage ? ` fitToWidth="${print.fitToPagesWide}" fitToHeight="0"` : "") +
      "/>",
  );
  out.write(`<headerFooter><oddFooter>${escapeXmlText(footerText(planSheet))}</oddFooter></headerFooter>`);
  if (planSheet.table)
    out.write(`<tableParts count="1"><tablePart r:id="${options.tableRelId}"/></tableParts>`);
  out.write("</worksheet>");
  const table = planSheet.table ? tableXml(planSheet, options.tableId, `A1:${lastColumn}${lastRow}`) : null;
  return { sheet: out.finish(), table };
}

function tableXml(planSheet: PlanSheet, id: number, ref: string): string {
  const table = planSheet.table!;
  const name = escapeXmlAttribute(table.name);
  const columns = planSheet.columns
    .map((c, i) => `<tableColumn id="${i + 1}" name="${escapeXmlAttribute(c.header)}"/>`)
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="${MAIN_NS}" id="${id}" name="${name}" displayName="${name}" ref="${ref}" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/><tableColumns count="${planSheet.columns.length}">${columns}</tableColumns>` +
    `<tableStyleInfo name="${escapeXmlAttribute(table.style)}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`
  );
}
