/**
 * The add-in's side of the run record that the CLI also reads and writes (docs/marks-record.md): hidden
 * workbook names for the tool's sheets, the source sheet and where the marked cells are now, and a custom XML
 * part listing every mark with the fill it covered. Kept in the workbook, the record is read and written inside
 * Excel.run like the cells, so every runtime (pane, ribbon) and the CLI see the same one, and it follows sheets
 * that are renamed or moved and cells that rows inserted or deleted moved.
 *
 * API levels: the names are read from ExcelApi 1.1 (NamedItemCollection, NamedItem.value), added and deleted
 * from 1.4; the part needs 1.5 (CustomXmlPartCollection). The add-in writes the record from 1.5 on; below, it
 * reads the names only, to recognise the other tool's sheets and to count the marks it cannot read.
 */
import { MARK_COLORS, type PlanSheetKey } from "../core";
import { fillPatternOf, ooxmlPatternOf, RECORD_NAMESPACE } from "../workbook/run-record-format";
import {
  isMarksName,
  joinRecordParts,
  listedMarks,
  markXml,
  parseRecordPart,
  readRecordNames,
  recordNamesToWrite,
  recordPartXml,
  resolveMarks,
  type MarkSeverity,
  type RecordMark,
} from "../workbook/run-record";
import type { ApiSupport } from "./api-support";
import type { SheetRef } from "./read-source";
import { jsonBytes, OPERATION_BYTES, REQUEST_BUDGET_BYTES, type RequestBudget } from "./request-budget";
import type { SavedFill } from "./run-state";

/** The record as found in the workbook, resolved against the sheets open now. */
export interface WorkbookRecord {
  /** The tool's sheets the names point at, by id in this session. */
  readonly ownSheetIds: readonly string[];
  /** Names of the tables on those sheets (free again once the sheets are replaced). */
  readonly ownTableNames: readonly string[];
  /** The sheet the last run analysed (IndicatorNormalizer.Source), by id. */
  readonly sourceSheetId: string | null;
  /** The recorded marks, at the cells where they are now, with the fills to give back. */
  readonly marks: { readonly sheetId: string; readonly fills: readonly SavedFill[] } | null;
  /** Marks the record lists but this Excel cannot read (the part needs ExcelApi 1.5): they stay, counted. */
  readonly unreadableMarks: number;
  /** The record's parts and names now in the workbook: the next write replaces them. */
  readonly partIds: readonly string[];
  readonly names: readonly string[];
  /** The names of the tables on each sheet, by sheet id (read with the record, for the settings' state). */
  readonly sheetTables: Readonly<Record<string, readonly string[]>>;
}

export const EMPTY_WORKBOOK_RECORD: WorkbookRecord = {
  ownSheetIds: [],
  ownTableNames: [],
  sourceSheetId: null,
  marks: null,
  unreadableMarks: 0,
  partIds: [],
  names: [],
  sheetTables: {},
};

/** Reads the record: one request for the names, the parts and the tables of each sheet, then one per part. */
export async function readWorkbookRecord(
  context: Excel.RequestContext,
  support: ApiSupport,
  sheets: readonly SheetRef[],
): Promise<WorkbookRecord> {
  const workbook = context.workbook;
  const recordNames = workbook.names;
  // NamedItem.value gives a named range's reference (`=Sheet1!$A$1`) from 1.1 on, but reads #REF! as soon as one
  // area of a Cells name is gone; NamedItem.formula (1.7) keeps the other areas. One of the two: with 20,000
  // marks the Cells names hold about 300 KB of references.
  recordNames.load(support.linksAndFreeze ? "items/name,items/formula" : "items/name,items/value");
  const parts = support.workbookRecord ? workbook.customXmlParts.getByNamespace(RECORD_NAMESPACE) : null;
  parts?.load("items/id");
  const tables = sheets.map((sheet) => {
    const collection = workbook.worksheets.getItem(sheet.id).tables;
    collection.load("items/name");
    return collection;
  });
  await context.sync();

  const names = recordNames.items.map((item) => {
    const formula = support.linksAndFreeze ? item.formula : item.value;
    return { name: item.name, formula: typeof formula === "string" ? formula : "" };
  });
  const exists = (name: string) => sheets.some((s) => s.name === name);
  const byName = (name: string | null | undefined) => sheets.find((s) => s.name === name) ?? null;
  const read = readRecordNames(names, exists);
  const ownSheetIds: string[] = [];
  for (const own of read.ownSheets) {
    const sheet = byName(own.name);
    if (sheet && ownSheetIds.indexOf(sheet.id) < 0) ownSheetIds.push(sheet.id);
  }
  const sheetTables: Record<string, string[]> = {};
  const ownTableNames: string[] = [];
  sheets.forEach((sheet, i) => {
    sheetTables[sheet.id] = tables[i]!.items.map((t) => t.name);
    if (ownSheetIds.indexOf(sheet.id) >= 0) for (const t of tables[i]!.items) ownTableNames.push(t.name);
  });
  const source = byName(read.sources[0]);

  const partIds = parts ? parts.items.map((p) => p.id) : [];
  const parsed: ReturnType<typeof parseRecordPart>[] = [];
  for (const part of parts ? parts.items : []) {
    const xml = part.getXml();
    // One part per request: each answer can be as large as a part (about 1.5 MB for 20,000 marks).
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    // getXml answers a ClientResult, whose value the sync fills: there is nothing to load.
    // eslint-disable-next-line office-addins/load-object-before-read
    parsed.push(parseRecordPart(xml.value));
  }
  // No part, but its text in names (written where custom XML could not be, by WPS or in an .xls): that one, where
  // this Excel writes the record itself (and so replaces those names); below 1.5 the marks stay, counted.
  if (support.workbookRecord && parsed.length === 0 && read.keptPart !== null)
    parsed.push(parseRecordPart(read.keptPart));
  const groups = joinRecordParts(parsed);
  // The add-in marks one sheet: the one Source names, or without it the first group's.
  const markedSheet = source ?? byName(groups[0]?.sheet);
  const marked = markedSheet
    ? resolveMarks(groups, read, exists).find((m) => m.sheet === markedSheet.name)
    : undefined;
  return {
    ownSheetIds,
    ownTableNames,
    sourceSheetId: source?.id ?? null,
    marks: markedSheet && marked ? { sheetId: markedSheet.id, fills: marked.marks.map(savedFillOf) } : null,
    unreadableMarks: !support.workbookRecord ? listedMarks(read) : 0,
    partIds,
    names: read.names.slice(),
    sheetTables,
  };
}

/**
 * The fill to give a recorded mark's cell back, in Office.js's terms. In styles.xml a solid fill's colour is its
 * foreground; a patterned fill has the pattern's colour as foreground and the cell's colour as background.
 * A theme or indexed colour (the record then has a pattern but no colour) cannot be set through Office.js: the
 * fill is cleared and the mark counted as restored without its colour.
 */
function savedFillOf(mark: RecordMark): SavedFill {
  const base = { cell: mark.cell, mark: MARK_COLORS[mark.severity], patternColor: null, tintAndShade: null };
  const pattern = mark.previousPattern ?? "none";
  if (pattern === "none") return { ...base, color: null, pattern: "None" };
  const fillPattern = fillPatternOf(pattern);
  if (pattern === "solid" && mark.previousColor)
    return { ...base, color: mark.previousColor, pattern: "Solid", tintAndShade: mark.previousTint };
  if (fillPattern && fillPattern !== "Solid" && mark.previousColor)
    return {
      ...base,
      color: mark.previousBackground ?? "#FFFFFF",
      pattern: fillPattern,
      patternColor: mark.previousColor,
      tintAndShade: mark.previousTint,
    };
  return { ...base, color: null, pattern: "None", colourLost: true };
}

/** A saved fill as the part records it (what the CLI restores by pattern and colour). */
function partMarkOf(fill: SavedFill, severity: MarkSeverity): RecordMark {
  const mark = {
    cell: fill.cell,
    severity,
    previousBackground: null,
    previousTint: null,
    style: null,
    previousStyle: null,
    previousFill: null,
  };
  const tint = typeof fill.tintAndShade === "number" && fill.tintAndShade !== 0 ? fill.tintAndShade : null;
  // Below ExcelApi 1.9 Excel reports no pattern, and an unfilled cell as white: white is taken as no fill there.
  const noFill =
    fill.color === null ||
    fill.pattern === "None" ||
    (fill.pattern === null && fill.color.toUpperCase() === "#FFFFFF");
  if (noFill) return { ...mark, previousPattern: "none", previousColor: null };
  const pattern = fill.pattern === null ? "solid" : ooxmlPatternOf(fill.pattern);
  if (pattern === "solid" || pattern === null)
    return { ...mark, previousPattern: pattern ?? "solid", previousColor: fill.color, previousTint: tint };
  return {
    ...mark,
    previousPattern: pattern,
    previousColor: fill.patternColor ?? "#000000",
    previousBackground: fill.color,
    previousTint: tint,
  };
}

/** A part holds at most this many bytes of JSON-escaped XML, so that adding it fits the request budget. */
const PART_BUDGET_BYTES = Math.floor(REQUEST_BUDGET_BYTES * 0.75);

/** The record's XML: the marks in order, in as many parts as the request budget needs (`part="2"`, …). */
export function recordPartsXml(
  sheet: string,
  marks: readonly RecordMark[],
  partBytes = PART_BUDGET_BYTES,
): string[] {
  const part = (n: number, body: string[]) =>
    recordPartXml([{ sheet, marks: body }], { tool: "addin", part: n, declaration: false });
  const parts: string[] = [];
  let body: string[] = [];
  let bytes = 0;
  for (const mark of marks) {
    const xml = markXml(mark);
    const size = jsonBytes(xml);
    if (body.length > 0 && bytes + size > partBytes) {
      parts.push(part(parts.length + 1, body));
      body = [];
      bytes = 0;
    }
    body.push(xml);
    bytes += size;
  }
  if (body.length > 0) parts.push(part(parts.length + 1, body));
  return parts;
}

export interface RecordToWrite {
  /** The tool's sheets as created by this run. */
  readonly sheets: readonly { readonly key: PlanSheetKey; readonly name: string }[];
  /** The sheet the run analysed. */
  readonly sourceSheet: string | null;
  /** The marks in place now, with the fill each covered; null when there are none (after 清除标记). */
  readonly marks: { readonly sheet: string; readonly fills: readonly SavedFill[] } | null;
}

/**
 * Replaces the record (ExcelApi 1.5): the previous parts and names go, the new ones come, every name hidden
 * (Name.Visible false: it "won't appear in the Define Name dialog box"), queued against the request budget.
 */
export async function writeWorkbookRecord(
  context: Excel.RequestContext,
  budget: RequestBudget,
  previous: WorkbookRecord,
  record: RecordToWrite,
): Promise<void> {
  const workbook = context.workbook;
  await budget.reserve(OPERATION_BYTES.other * (previous.partIds.length + previous.names.length));
  for (const id of previous.partIds) workbook.customXmlParts.getItem(id).delete();
  for (const name of previous.names) workbook.names.getItem(name).delete();
  const addName = async (name: string, reference: Excel.Range | string): Promise<void> => {
    await budget.reserve(OPERATION_BYTES.other + (typeof reference === "string" ? jsonBytes(reference) : 0));
    workbook.names.add(name, reference).visible = false;
  };
  const marks = record.marks;
  const names = recordNamesToWrite({
    sheets: record.sheets,
    sources: record.sourceSheet ? [record.sourceSheet] : [],
    marks:
      marks && marks.fills.length > 0 ? [{ sheet: marks.sheet, cells: marks.fills.map((f) => f.cell) }] : [],
  });
  // A sheet's name is added by its range (names.add takes a Range); the Cells names by their reference lists.
  for (const name of names)
    if (name.sheet !== undefined)
      await addName(name.name, workbook.worksheets.getItem(name.sheet).getRange("A1"));
  if (marks && marks.fills.length > 0) {
    const severity = (fill: SavedFill): MarkSeverity => {
      const mark = (fill.mark ?? "").toUpperCase();
      return mark === MARK_COLORS.warning
        ? "warning"
        : mark === MARK_COLORS.consequence
          ? "consequence"
          : mark === MARK_COLORS.change
            ? "change"
            : "error";
    };
    const partMarks = marks.fills.map((f) => partMarkOf(f, severity(f)));
    for (const xml of recordPartsXml(marks.sheet, partMarks)) {
      await budget.reserve(OPERATION_BYTES.other + jsonBytes(xml));
      workbook.customXmlParts.add(xml);
    }
    for (const name of names) if (name.sheet === undefined) await addName(name.name, `=${name.formula}`);
  }
}

/** After 清除标记: the marks' part and Cells names go; the sheets' names stay while the sheets do. */
export async function clearRecordedMarks(
  context: Excel.RequestContext,
  budget: RequestBudget,
  record: WorkbookRecord,
): Promise<void> {
  const workbook = context.workbook;
  const cells = record.names.filter(isMarksName);
  await budget.reserve(OPERATION_BYTES.other * (record.partIds.length + cells.length));
  for (const id of record.partIds) workbook.customXmlParts.getItem(id).delete();
  for (const name of cells) workbook.names.getItem(name).delete();
}
