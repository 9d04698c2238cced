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
import { parseCellAddress, MARK_COLORS, type PlanSheetKey } from "../core";
import {
  CELLS_NAME_PREFIX,
  cellsNameFormulas,
  fillPatternOf,
  ooxmlPatternOf,
  OWN_NAME_PREFIX,
  RECORD_NAMESPACE,
  SHEET_NAME_KEYS,
  SOURCE_NAME,
  splitReferences,
} from "../workbook/run-record-format";
import type { ApiSupport } from "./api-support";
import type { SheetRef } from "./read-source";
import { jsonBytes, OPERATION_BYTES, REQUEST_BUDGET_BYTES, type RequestBudget } from "./request-budget";
import type { SavedFill } from "./run-state";

type MarkSeverity = keyof typeof MARK_COLORS;

/** A mark's severity as the record writes it: error, warning or consequence (anything else reads as an error). */
function markSeverityOf(written: string | null): MarkSeverity {
  return written === "warning" || written === "consequence" ? written : "error";
}

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

/** One mark as the part holds it: the fill it covered, in styles.xml's terms (see docs/marks-record.md). */
interface PartMark {
  readonly cell: string;
  readonly severity: MarkSeverity;
  readonly previousPattern: string | null;
  readonly previousColor: string | null;
  readonly previousBackground: string | null;
  readonly previousTint: number | null;
  /** The sheet its <marks> element names: the CLI marks every sheet it read a table on, one <marks> each. */
  readonly sheet?: string | null;
}

const RGB = /^#[0-9A-Fa-f]{6}$/;

/** Reads the record: one request for the names, the parts and the tables of each sheet, then one per part. */
export async function readWorkbookRecord(
  context: Excel.RequestContext,
  support: ApiSupport,
  sheets: readonly SheetRef[],
): Promise<WorkbookRecord> {
  const workbook = context.workbook;
  const names = workbook.names;
  // NamedItem.value gives a named range's reference (`=Sheet1!$A$1`) from 1.1 on, but reads #REF! as soon as one
  // area of a Cells name is gone; NamedItem.formula (1.7) keeps the other areas. One of the two: with 20,000
  // marks the Cells names hold about 300 KB of references.
  names.load(support.linksAndFreeze ? "items/name,items/formula" : "items/name,items/value");
  const parts = support.workbookRecord ? workbook.customXmlParts.getByNamespace(RECORD_NAMESPACE) : null;
  parts?.load("items/id");
  const tables = sheets.map((sheet) => {
    const collection = workbook.worksheets.getItem(sheet.id).tables;
    collection.load("items/name");
    return collection;
  });
  await context.sync();

  const byName = new Map<string, string>();
  for (const item of names.items) {
    if (item.name.indexOf(OWN_NAME_PREFIX) !== 0) continue;
    const formula = support.linksAndFreeze ? item.formula : item.value;
    byName.set(item.name, typeof formula === "string" ? formula : "");
  }
  const sheetOf = (name: string): SheetRef | null => {
    const ref = splitReferences(byName.get(name) ?? "")[0];
    return (ref && sheets.find((s) => s.name === ref.sheet)) || null;
  };
  const ownSheetIds: string[] = [];
  for (const key of ["detail", "checks"] as PlanSheetKey[]) {
    const sheet = sheetOf(SHEET_NAME_KEYS[key]);
    if (sheet && ownSheetIds.indexOf(sheet.id) < 0) ownSheetIds.push(sheet.id);
  }
  const sheetTables: Record<string, string[]> = {};
  const ownTableNames: string[] = [];
  sheets.forEach((sheet, i) => {
    sheetTables[sheet.id] = tables[i]!.items.map((t) => t.name);
    if (ownSheetIds.indexOf(sheet.id) >= 0) for (const t of tables[i]!.items) ownTableNames.push(t.name);
  });
  const source = sheetOf(SOURCE_NAME);
  const positions = cellsNamePositions(byName);

  const partIds = parts ? parts.items.map((p) => p.id) : [];
  const read: { order: number; sheet: string | null; marks: PartMark[] }[] = [];
  for (const part of parts ? parts.items : []) {
    const xml = part.getXml();
    // One part per request: each answer can be as large as a part (about 1.5 MB for 20,000 marks).
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    // getXml answers a ClientResult, whose value the sync fills: there is nothing to load.
    // eslint-disable-next-line office-addins/load-object-before-read
    const parsed = parseRecordXml(xml.value);
    if (parsed) read.push(parsed);
  }
  read.sort((a, b) => a.order - b.order);
  const recorded: PartMark[] = [];
  for (const r of read) for (const m of r.marks) recorded.push(m);
  const markedSheet = source ?? sheets.find((s) => read.length > 0 && s.name === read[0]!.sheet) ?? null;

  let marks: WorkbookRecord["marks"] = null;
  if (markedSheet && recorded.length > 0) {
    // Where each mark is now: the Cells names moved with the cells; if they do not line up with the part (another
    // program dropped some), the part's own addresses.
    const moved = positions && positions.length === recorded.length ? positions : null;
    const fills: SavedFill[] = [];
    recorded.forEach((mark, i) => {
      // Without the names, only the first sheet's marks are this sheet's (a CLI record may hold other sheets').
      if (!moved && (mark.sheet ?? null) !== read[0]!.sheet) return;
      const now = moved ? moved[i] : { sheet: markedSheet.name, cell: mark.cell };
      // Its row or column was deleted: the mark went with it.
      if (!now || now.sheet !== markedSheet.name) return;
      fills.push(savedFillOf(mark, now.cell));
    });
    marks = { sheetId: markedSheet.id, fills };
  }
  return {
    ownSheetIds,
    ownTableNames,
    sourceSheetId: source?.id ?? null,
    marks,
    unreadableMarks: !support.workbookRecord && positions ? positions.filter((p) => p !== null).length : 0,
    partIds,
    names: [...byName.keys()],
    sheetTables,
  };
}

/** The Cells names' areas in order (`.1`, `.2`, …), null where an area reads #REF!; null without such names. */
function cellsNamePositions(byName: Map<string, string>): ({ sheet: string; cell: string } | null)[] | null {
  const numbered: { n: number; formula: string }[] = [];
  byName.forEach((formula, name) => {
    if (name.indexOf(CELLS_NAME_PREFIX) !== 0) return;
    const n = Number(name.slice(CELLS_NAME_PREFIX.length));
    if (Number.isInteger(n) && n > 0) numbered.push({ n, formula });
  });
  if (numbered.length === 0) return null;
  numbered.sort((a, b) => a.n - b.n);
  // A whole Cells name reading #REF! (below 1.7 one deleted area spoils NamedItem.value) says nothing usable.
  if (numbered.some((c) => c.formula === "#REF!" || c.formula === "")) return null;
  const positions: ({ sheet: string; cell: string } | null)[] = [];
  for (const c of numbered) for (const ref of splitReferences(c.formula)) positions.push(ref);
  return positions;
}

/**
 * The part's text parsed with the webview's DOMParser (IE11 has it): the marked sheet and each mark. Null when it
 * is not a record (malformed, or another root): browsers answer a <parsererror> document, IE11 throws.
 */
export function parseRecordXml(
  xml: string,
): { order: number; sheet: string | null; marks: PartMark[] } | null {
  let doc: Document;
  try {
    doc = new DOMParser().parseFromString(xml, "text/xml");
  } catch {
    return null;
  }
  const root = doc.documentElement;
  if (!root || root.namespaceURI !== RECORD_NAMESPACE || root.localName !== "run") return null;
  if (doc.getElementsByTagName("parsererror").length > 0) return null;
  const marksElement = doc.getElementsByTagNameNS(RECORD_NAMESPACE, "marks")[0];
  const marks: PartMark[] = [];
  const elements = doc.getElementsByTagNameNS(RECORD_NAMESPACE, "mark");
  for (let i = 0; i < elements.length; i++) {
    const element = elements[i]!;
    const cell = (element.getAttribute("cell") ?? "").toUpperCase();
    if (!parseCellAddress(cell)) continue;
    const color = (name: string): string | null => {
      const value = element.getAttribute(name);
      return value && RGB.test(value) ? value.toUpperCase() : null;
    };
    const tint = Number(element.getAttribute("previousTint"));
    marks.push({
      cell,
      severity: markSeverityOf(element.getAttribute("severity")),
      previousPattern: element.getAttribute("previousPattern"),
      previousColor: color("previousColor"),
      previousBackground: color("previousBackground"),
      previousTint: element.hasAttribute("previousTint") && isFinite(tint) ? tint : null,
      sheet: (element.parentNode as Element | null)?.getAttribute?.("sheet") ?? null,
    });
  }
  const order = Number(root.getAttribute("part") ?? 1);
  return { order: isFinite(order) ? order : 1, sheet: marksElement?.getAttribute("sheet") ?? null, marks };
}

/**
 * The fill to give a recorded mark's cell back, in Office.js's terms. In styles.xml a solid fill's colour is its
 * foreground; a patterned fill has the pattern's colour as foreground and the cell's colour as background.
 * A theme or indexed colour (the record then has a pattern but no colour) cannot be set through Office.js: the
 * fill is cleared and the mark counted as restored without its colour.
 */
function savedFillOf(mark: PartMark, cell: string): SavedFill {
  const base = { cell, mark: MARK_COLORS[mark.severity], patternColor: null, tintAndShade: null };
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
function partMarkOf(fill: SavedFill, severity: MarkSeverity): PartMark {
  const mark = { cell: fill.cell, severity, previousBackground: null, previousTint: null };
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

function escapeAttribute(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function markXml(mark: PartMark): string {
  let attrs = `cell="${mark.cell}" severity="${mark.severity}" previousPattern="${mark.previousPattern}"`;
  if (mark.previousColor) attrs += ` previousColor="${mark.previousColor.toUpperCase()}"`;
  if (mark.previousBackground) attrs += ` previousBackground="${mark.previousBackground.toUpperCase()}"`;
  if (mark.previousTint !== null) attrs += ` previousTint="${mark.previousTint}"`;
  return `<mark ${attrs}/>`;
}

/** A part holds at most this many bytes of JSON-escaped XML, so that adding it fits the request budget. */
const PART_BUDGET_BYTES = Math.floor(REQUEST_BUDGET_BYTES * 0.75);

/** The record's XML: the marks in order, in as many parts as the request budget needs (`part="2"`, …). */
export function recordPartsXml(
  sheet: string,
  marks: readonly PartMark[],
  partBytes = PART_BUDGET_BYTES,
): string[] {
  const open = (n: number) =>
    `<run xmlns="${RECORD_NAMESPACE}" version="1" tool="addin" part="${n}"><marks sheet="${escapeAttribute(sheet)}">`;
  const close = "</marks></run>";
  const parts: string[] = [];
  let body: string[] = [];
  let bytes = 0;
  for (const mark of marks) {
    const xml = markXml(mark);
    const size = jsonBytes(xml);
    if (body.length > 0 && bytes + size > partBytes) {
      parts.push(open(parts.length + 1) + body.join("") + close);
      body = [];
      bytes = 0;
    }
    body.push(xml);
    bytes += size;
  }
  if (body.length > 0) parts.push(open(parts.length + 1) + body.join("") + close);
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
  for (const sheet of record.sheets)
    await addName(SHEET_NAME_KEYS[sheet.key], workbook.worksheets.getItem(sheet.name).getRange("A1"));
  if (record.sourceSheet)
    await addName(SOURCE_NAME, workbook.worksheets.getItem(record.sourceSheet).getRange("A1"));
  const marks = record.marks;
  if (marks && marks.fills.length > 0) {
    const severity = (fill: SavedFill): MarkSeverity => {
      const mark = (fill.mark ?? "").toUpperCase();
      return mark === MARK_COLORS.warning
        ? "warning"
        : mark === MARK_COLORS.consequence
          ? "consequence"
          : "error";
    };
    const partMarks = marks.fills.map((f) => partMarkOf(f, severity(f)));
    for (const xml of recordPartsXml(marks.sheet, partMarks)) {
      await budget.reserve(OPERATION_BYTES.other + jsonBytes(xml));
      workbook.customXmlParts.add(xml);
    }
    const formulas = cellsNameFormulas(
      marks.sheet,
      marks.fills.map((f) => f.cell),
    );
    for (let i = 0; i < formulas.length; i++)
      await addName(`${CELLS_NAME_PREFIX}${i + 1}`, `=${formulas[i]!}`);
  }
}

/** After 清除标记: the marks' part and Cells names go; the sheets' names stay while the sheets do. */
export async function clearRecordedMarks(
  context: Excel.RequestContext,
  budget: RequestBudget,
  record: WorkbookRecord,
): Promise<void> {
  const workbook = context.workbook;
  const cells = record.names.filter((n) => n.indexOf(CELLS_NAME_PREFIX) === 0);
  await budget.reserve(OPERATION_BYTES.other * (record.partIds.length + cells.length));
  for (const id of record.partIds) workbook.customXmlParts.getItem(id).delete();
  for (const name of cells) workbook.names.getItem(name).delete();
}
