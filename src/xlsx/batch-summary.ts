/**
 * One list of problems across many files, for the reviewer who receives 80 departments' tables: `check --summary
 * OUT.xlsx|.csv` and the offline page's summary download. A workbook of two sheets, each with a bold frozen header
 * and a filter: 问题 (one row per problem: file, department, table, cell, severity, rule, message, advice, rule id)
 * and 文件 (one row per file: 通过 / 有错误 / 无法读取 and its counts). The CSV is the problem list alone.
 */
import { zipSync } from "fflate";
import {
  countAnalysis,
  messagesFor,
  type Analysis,
  type Issue,
  type Locale,
  type RuleId,
  type Severity,
} from "../core";
import { batchSummaryMessagesFor, type BatchSummaryMessages } from "./messages";
import { inlineStringCell, MAIN_NS, numberCell, REL_NS } from "./plan-sheet-xml";

/** 通过: no error (warnings and notes allowed); 有错误: an error, or no table found; 无法读取: not read at all. */
export type FileVerdict = "pass" | "errors" | "unreadable";

export interface SummaryProblem {
  /** The sheet the cell is on (the workbook's sheet, or "" for a text file). */
  readonly table: string;
  /** A1 address, or "" for a problem with the whole file (no table). */
  readonly cell: string;
  readonly severity: Severity;
  readonly rule: RuleId;
  readonly message: string;
  readonly advice: string;
}

export interface SummaryFile {
  /** The file as the user should read it (a relative path, or the name the page was given). */
  readonly file: string;
  readonly department: string;
  readonly verdict: FileVerdict;
  readonly projects: number;
  readonly indicators: number;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  /** Why the file could not be read, or what was looked for when it holds no table; else "". */
  readonly note: string;
  readonly problems: readonly SummaryProblem[];
}

function problemOf(issue: Issue, sheet: string, advice: (issue: Issue) => string): SummaryProblem {
  return {
    table: issue.sheet ?? sheet,
    cell: issue.cell ?? "",
    severity: issue.severity,
    rule: issue.rule,
    message: issue.message,
    advice: advice(issue),
  };
}

/**
 * A checked file: its problems with their advice (the words of 校验结果), its department (the first table's) and
 * counts. `sheet` names the cells' sheet when the analysis read one sheet ("" for a text file).
 */
export function summarizeAnalysis(
  file: string,
  analysis: Analysis,
  sheet: string,
  locale: Locale,
): SummaryFile {
  const m = messagesFor(locale);
  const advice = (issue: Issue): string => m.advice[issue.rule](issue);
  const counts = countAnalysis(analysis);
  const noTable = analysis.table === null;
  return {
    file,
    department: analysis.table?.department ?? "",
    verdict: counts.errors > 0 || noTable ? "errors" : "pass",
    projects: counts.projects,
    indicators: counts.indicators,
    errors: counts.errors,
    warnings: counts.warnings,
    infos: counts.infos,
    note: noTable ? (analysis.issues.find((i) => i.rule === "no-table")?.message ?? "") : "",
    problems: analysis.issues.map((issue) => problemOf(issue, sheet, advice)),
  };
}

export function unreadableFile(file: string, reason: string): SummaryFile {
  return {
    file,
    department: "",
    verdict: "unreadable",
    projects: 0,
    indicators: 0,
    errors: 0,
    warnings: 0,
    infos: 0,
    note: reason,
    problems: [],
  };
}

/** A file that was read but holds no table: it counts as a file with an error, and says what was looked for. */
export function noTableFile(file: string, message: string): SummaryFile {
  return { ...unreadableFile(file, message), verdict: "errors", errors: 1 };
}

type SummaryCell = string | number;

function problemRows(
  files: readonly SummaryFile[],
  locale: Locale,
  s: BatchSummaryMessages,
): SummaryCell[][] {
  const m = messagesFor(locale);
  const rows: SummaryCell[][] = [];
  for (const f of files) {
    if (f.verdict === "unreadable") {
      rows.push([f.file, "", "", "", s.unreadableSeverity, s.unreadableRule, f.note, s.unreadableAdvice, ""]);
      continue;
    }
    for (const p of f.problems)
      rows.push([
        f.file,
        f.department,
        p.table,
        p.cell,
        m.severity[p.severity],
        m.ruleNames[p.rule],
        p.message,
        p.advice,
        p.rule,
      ]);
  }
  return rows;
}

function fileRows(files: readonly SummaryFile[], s: BatchSummaryMessages): SummaryCell[][] {
  return files.map((f) => [
    f.file,
    f.department,
    s.verdicts[f.verdict],
    f.projects,
    f.indicators,
    f.errors,
    f.warnings,
    f.infos,
    f.note,
  ]);
}

/** A CSV field: quoted when it holds a separator, a quote or a line break; a leading = + - @ made inert for Excel. */
function csvField(value: SummaryCell): string {
  if (typeof value === "number") return String(value);
  const inert = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(inert) ? `"${inert.replace(/"/g, '""')}"` : inert;
}

/**
 * The problem list as CSV, with a byte-order mark so that Excel opens it as UTF-8 (without one, Chinese Excel reads
 * a CSV in GBK), CRLF line ends. Unreadable files are rows too, so nothing is missing from the list.
 */
export function summaryCsv(files: readonly SummaryFile[], locale: Locale): string {
  const s = batchSummaryMessagesFor(locale);
  const lines = [s.problemColumns, ...problemRows(files, locale, s)].map((row) =>
    row.map(csvField).join(","),
  );
  return `\ufeff${lines.join("\r\n")}\r\n`;
}

/** Column widths in characters (a CJK character counts two), clamped. */
function textWidth(text: string, cap = Infinity): number {
  let width = 0;
  for (let k = 0; k < text.length && width < cap; k++) width += text.charCodeAt(k) > 0x2e7f ? 2 : 1;
  return width;
}

function widths(rows: readonly SummaryCell[][], min: number, max: number): number[] {
  const out: number[] = [];
  for (const row of rows)
    row.forEach((value, i) => {
      out[i] = Math.max(out[i] ?? min, Math.min(max, textWidth(String(value), max) + 2));
    });
  return out;
}

/** Lines a wrapped row needs: its longest text over its column's width (a row height is not worked out on open). */
function rowLines(row: readonly SummaryCell[], columnWidths: readonly number[]): number {
  let lines = 1;
  row.forEach((value, i) => {
    if (typeof value !== "string" || value === "") return;
    lines = Math.max(lines, Math.ceil(textWidth(value) / Math.max(1, (columnWidths[i] ?? 10) - 1)));
  });
  return Math.min(lines, 20);
}

const STYLE_HEADER = 1;
const STYLE_WRAP = 2;
const STYLE_ERROR = 3;
const STYLE_WARNING = 4;

/**
 * Fills as the marks' colours, each with the word in the cell (错误 / 警告 / 无法读取), so a black-and-white print
 * still tells them apart. Header bold on light grey.
 */
const STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  `<styleSheet xmlns="${MAIN_NS}">` +
  '<fonts count="2"><font><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font>' +
  '<font><b/><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font></fonts>' +
  '<fills count="5"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
  '<fill><patternFill patternType="solid"><fgColor rgb="FFE7E6E6"/></patternFill></fill>' +
  '<fill><patternFill patternType="solid"><fgColor rgb="FFFFC7CE"/></patternFill></fill>' +
  '<fill><patternFill patternType="solid"><fgColor rgb="FFFFEB9C"/></patternFill></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"/>' +
  '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>' +
  '<xf numFmtId="49" fontId="0" fillId="3" borderId="0" xfId="0" applyNumberFormat="1" applyFill="1" applyAlignment="1"><alignment vertical="top"/></xf>' +
  '<xf numFmtId="49" fontId="0" fillId="4" borderId="0" xfId="0" applyNumberFormat="1" applyFill="1" applyAlignment="1"><alignment vertical="top"/></xf>' +
  "</cellXfs>" +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  "</styleSheet>";

function columnName(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/**
 * One sheet: the header frozen and filtered, text cells wrapped and top-aligned, the column named `flagColumn`
 * filled by its value (error / warning words).
 */
function sheetXml(
  header: readonly string[],
  rows: readonly SummaryCell[][],
  flag: { column: number; styles: ReadonlyMap<string, number> },
): string {
  const all = [header as SummaryCell[], ...rows];
  const columnWidths = widths(all, 6, 60);
  const cols = columnWidths
    .map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`)
    .join("");
  const last = `${columnName(header.length - 1)}${rows.length + 1}`;
  const body: string[] = [];
  all.forEach((row, r) => {
    const cells = row.map((value, c) => {
      const ref = `${columnName(c)}${r + 1}`;
      if (r === 0) return inlineStringCell(ref, STYLE_HEADER, String(value));
      if (typeof value === "number") return numberCell(ref, 0, value);
      const style = c === flag.column ? (flag.styles.get(value) ?? STYLE_WRAP) : STYLE_WRAP;
      return value === "" ? "" : inlineStringCell(ref, style, value);
    });
    const lines = r === 0 ? 1 : rowLines(row, columnWidths);
    const height = lines > 1 ? ` ht="${lines * 15}" customHeight="1"` : "";
    body.push(`<row r="${r + 1}"${height}>${cells.join("")}</row>`);
  });
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    // Fit to the page's width (fitToWidth below is read only with fitToPage).
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
    `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>${body.join("")}</sheetData>` +
    `<autoFilter ref="A1:${last}"/>` +
    '<pageMargins left="0.4" right="0.4" top="0.5" bottom="0.5" header="0.3" footer="0.3"/>' +
    '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>' +
    "</worksheet>"
  );
}

function xmlAttribute(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}

/** The summary workbook's bytes (.xlsx): 问题 first (the list to work through), then 文件. */
export function summaryWorkbook(files: readonly SummaryFile[], locale: Locale): Uint8Array {
  const s = batchSummaryMessagesFor(locale);
  const m = messagesFor(locale);
  const severityStyles = new Map<string, number>([
    [m.severity.error, STYLE_ERROR],
    [m.severity.warning, STYLE_WARNING],
    [s.unreadableSeverity, STYLE_ERROR],
  ]);
  const verdictStyles = new Map<string, number>([
    [s.verdicts.errors, STYLE_ERROR],
    [s.verdicts.unreadable, STYLE_ERROR],
  ]);
  const problems = problemRows(files, locale, s);
  const sheets = [
    {
      name: s.problemSheet,
      xml: sheetXml(s.problemColumns, problems, { column: 4, styles: severityStyles }),
    },
    {
      name: s.fileSheet,
      xml: sheetXml(s.fileColumns, fileRows(files, s), { column: 2, styles: verdictStyles }),
    },
  ];
  const text = (value: string) => new TextEncoder().encode(value);
  const parts: Record<string, Uint8Array> = {
    "[Content_Types].xml": text(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        sheets
          .map(
            (_s, i) =>
              `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
          )
          .join("") +
        "</Types>",
    ),
    "_rels/.rels": text(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
        "</Relationships>",
    ),
    "xl/workbook.xml": text(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets>` +
        sheets
          .map((sh, i) => `<sheet name="${xmlAttribute(sh.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
          .join("") +
        "</sheets><definedNames>" +
        sheets
          .map(
            (sh, i) =>
              `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">'${xmlAttribute(sh.name)}'!$A$1:$${columnName((i === 0 ? s.problemColumns : s.fileColumns).length - 1)}$${(i === 0 ? problems.length : files.length) + 1}</definedName>`,
          )
          .join("") +
        // The header row on every printed page.
        sheets
          .map(
            (sh, i) =>
              `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">'${xmlAttribute(sh.name)}'!$1:$1</definedName>`,
          )
          .join("") +
        "</definedNames></workbook>",
    ),
    "xl/_rels/workbook.xml.rels": text(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        sheets
          .map(
            (_s, i) =>
              `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
          )
          .join("") +
        `<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
        "</Relationships>",
    ),
    "xl/styles.xml": text(STYLES),
  };
  sheets.forEach((sh, i) => (parts[`xl/worksheets/sheet${i + 1}.xml`] = text(sh.xml)));
  return zipSync(parts, { level: 6 });
}
