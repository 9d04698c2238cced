/**
 * The run record (docs/marks-record.md) read and written through the ET object model, so that a run in WPS, a run
 * in Excel and a run of the CLI each replace exactly the others' work:
 * - hidden workbook-level names IndicatorNormalizer.Detail / .Checks / .Source point at the tool's sheets and at
 *   the analysed sheet (a name follows its sheet when the clerk renames it; a clerk's own sheet named 指标明细 has
 *   no such name and is never deleted); `.Cells.1`, `.2`, … list the marked cells again, and move with them when
 *   the clerk inserts or deletes rows;
 * - custom XML part(s) in the record's namespace list every marked cell and the fill it had before, in styles.xml's
 *   terms (`tool="addin"`, the add-ins' form): a pattern name, its colour (a solid fill's colour, or a pattern's),
 *   the colour under a pattern, and a tint when an Excel run recorded one.
 * The vocabulary is the core's (src/workbook/run-record-format.ts), shared with the CLI and the Excel add-in.
 */
import { parseCellAddress, quoteSheetName, type PlanSheetKey } from "../core";
import {
  CELLS_NAME_PREFIX,
  cellsNameFormulas,
  OWN_NAME_PREFIX,
  RECORD_NAMESPACE,
  SHEET_NAME_KEYS,
  SOURCE_NAME,
  splitReferences,
} from "../workbook/run-record-format";
import type { MarkSeverity } from "../xlsx/run-record";
import { attribute, scanXml } from "../xlsx/xml-scanner";
import { escapeXmlAttribute } from "../xlsx/xml-text";
import { readMember } from "./et-facade";

/** A marked cell and the fill it had before the mark. */
export interface EtRecordedMark {
  readonly cell: string;
  readonly severity: MarkSeverity;
  /** styles.xml's name of the previous pattern: "none", "solid", "mediumGray", …; "" when unknown. */
  readonly previousPattern: string;
  /** "#RRGGBB": a solid fill's colour, a pattern's colour; null for none, or a theme colour the CLI kept. */
  readonly previousColor: string | null;
  /** "#RRGGBB": the cell's colour under a pattern; null for solid and none. */
  readonly previousBackground: string | null;
  /** The tint of previousColor an Excel run recorded (ET's Color reads the tinted colour itself); null for none. */
  readonly previousTint?: number | null;
}

export interface EtRecord {
  /** The tool's sheets that still exist, by the names pointing at them. */
  readonly ownSheets: readonly { readonly key: PlanSheetKey; readonly name: string }[];
  /** The sheet the last run analysed (and marked), when it still exists. */
  readonly sourceSheet: string | null;
  /** The recorded marks, at the cells where they are now. */
  readonly marks: readonly EtRecordedMark[];
  /** Marks the Cells names list whose part this build cannot read (no custom XML): they stay, counted. */
  readonly unreadable: number;
}

interface NameEntry {
  readonly name: string;
  readonly item: Et.Name;
  readonly refersTo: string;
}

/** Every workbook-level name of the tool, with what it refers to. Names are a 1-based collection. */
function ownNames(book: Et.Workbook): NameEntry[] {
  const names = book.Names;
  const found: NameEntry[] = [];
  const count = readMember<number>(names, "Count");
  for (let i = 1; i <= count; i++) {
    const item = names.Item(i);
    const name = readMember<string>(item, "Name");
    // A sheet-level name reads "Sheet1!IndicatorNormalizer.Detail": not ours.
    if (!name.startsWith(OWN_NAME_PREFIX)) continue;
    found.push({ name, item, refersTo: String(readMember<unknown>(item, "RefersTo") ?? "") });
  }
  return found;
}

/** The record's custom XML parts, in the collection's order. */
function recordParts(book: Et.Workbook): Kso.CustomXMLPart[] {
  const parts = book.CustomXMLParts.SelectByNamespace(RECORD_NAMESPACE);
  const found: Kso.CustomXMLPart[] = [];
  const count = readMember<number>(parts, "Count");
  for (let i = 1; i <= count; i++) found.push(parts.Item(i));
  return found;
}

/**
 * Where the marks list lives: custom XML parts of the workbook, which travel with the file; or, in a build whose
 * object model has no CustomXMLParts, the add-in's PluginStorage, which lasts until WPS closes (the pane then tells
 * the clerk to clear the marks before closing).
 */
export interface MarksStore {
  readonly lasting: boolean;
  /** Every part's text (the session keeps one). */
  read(): string[];
  write(xml: string | null): void;
}

function workbookStore(book: Et.Workbook): MarksStore {
  return {
    lasting: true,
    read: () => recordParts(book).map((part) => readMember<string>(part, "XML")),
    write: (xml) => {
      for (const part of recordParts(book)) part.Delete();
      if (xml !== null) book.CustomXMLParts.Add(xml);
    },
  };
}

/** The store for `book`: its own custom XML when the build has it, else the session's storage under its name. */
export function marksStore(book: Et.Workbook, session: WPS.PluginStorage): MarksStore {
  try {
    recordParts(book);
    return workbookStore(book);
  } catch {
    const key = `indicatorNormalizer.record:${readMember<string>(book, "Name")}`;
    return {
      lasting: false,
      read: () => {
        const xml = session.getItem(key);
        return typeof xml === "string" && xml !== "" ? [xml] : [];
      },
      write: (xml) => (xml === null ? session.removeItem(key) : session.setItem(key, xml)),
    };
  }
}

/** The Cells names' areas in order (`.1`, `.2`, …), null where an area reads #REF!; null without such names. */
function cellsPositions(names: readonly NameEntry[]): ({ sheet: string; cell: string } | null)[] | null {
  const numbered: { index: number; refersTo: string }[] = [];
  for (const entry of names) {
    if (!entry.name.startsWith(CELLS_NAME_PREFIX)) continue;
    const index = Number(entry.name.slice(CELLS_NAME_PREFIX.length));
    if (Number.isInteger(index) && index > 0) numbered.push({ index, refersTo: entry.refersTo });
  }
  if (numbered.length === 0) return null;
  numbered.sort((a, b) => a.index - b.index);
  return numbered.flatMap((c) => splitReferences(c.refersTo.replace(/^=/, "")));
}

export function readEtRecord(book: Et.Workbook, sheetNames: readonly string[], store: MarksStore): EtRecord {
  const existing = new Set(sheetNames);
  const names = ownNames(book);
  const sheetOf = (name: string): string | null => {
    // "='指标明细'!$A$1"; a deleted sheet leaves "=#REF!$A$1", which names no sheet.
    const entry = names.find((n) => n.name === name);
    const sheet = entry ? splitReferences(entry.refersTo.replace(/^=/, ""))[0]?.sheet : undefined;
    return sheet && existing.has(sheet) ? sheet : null;
  };
  const ownSheets: { key: PlanSheetKey; name: string }[] = [];
  for (const key of ["detail", "checks"] as const) {
    const sheet = sheetOf(SHEET_NAME_KEYS[key]);
    if (sheet) ownSheets.push({ key, name: sheet });
  }
  const parsed = store
    .read()
    .map(parseRecord)
    .sort((a, b) => a.order - b.order);
  const recorded = parsed.flatMap((p) => p.marks);
  const partSheet = parsed[0]?.sheet;
  // The Source name wins; a record written by a tool that left it out names the sheet in <marks>.
  const sourceSheet = sheetOf(SOURCE_NAME) ?? (partSheet && existing.has(partSheet) ? partSheet : null);
  const positions = cellsPositions(names);
  if (!sourceSheet || recorded.length === 0)
    return {
      ownSheets,
      sourceSheet,
      marks: [],
      unreadable: !store.lasting && positions ? positions.filter((p) => p !== null).length : 0,
    };
  // Where each mark is now: the Cells names moved with the cells; if they do not line up with the parts (another
  // program dropped some), the parts' own addresses. A mark whose row was deleted went with it.
  const moved = positions && positions.length === recorded.length ? positions : null;
  const marks: EtRecordedMark[] = [];
  recorded.forEach((mark, i) => {
    const now = moved ? moved[i] : { sheet: sourceSheet, cell: mark.cell };
    if (now && now.sheet === sourceSheet) marks.push({ ...mark, cell: now.cell });
  });
  return { ownSheets, sourceSheet, marks, unreadable: 0 };
}

function parseRecord(xml: string): { order: number; sheet: string | null; marks: EtRecordedMark[] } {
  let sheet: string | null = null;
  let order = 1;
  const marks: EtRecordedMark[] = [];
  scanXml(
    xml,
    0,
    {
      open(name, tag) {
        if (name === "run") order = Number(attribute(tag, "part") ?? 1) || 1;
        if (name === "marks") sheet = attribute(tag, "sheet");
        if (name !== "mark") return;
        const cell = (attribute(tag, "cell") ?? "").toUpperCase();
        if (!parseCellAddress(cell)) return;
        const tint = Number(attribute(tag, "previousTint"));
        marks.push({
          cell,
          severity: severityOf(attribute(tag, "severity")),
          previousPattern: attribute(tag, "previousPattern") ?? "",
          previousColor: hexOrNull(attribute(tag, "previousColor")),
          previousBackground: hexOrNull(attribute(tag, "previousBackground")),
          previousTint:
            attribute(tag, "previousTint") !== null && Number.isFinite(tint) && tint !== 0 ? tint : null,
        });
      },
      close() {},
      text() {},
    },
    true,
  );
  return { order, sheet, marks };
}

function hexOrNull(value: string | null): string | null {
  return value && /^#[0-9A-Fa-f]{6}$/.test(value) ? value.toUpperCase() : null;
}

/** The part's text: the marked sheet and each mark with what it covered (docs/marks-record.md). */
export function etRecordXml(sheet: string, marks: readonly EtRecordedMark[]): string {
  const lines = marks.map((m) => {
    const color = m.previousColor ? ` previousColor="${m.previousColor}"` : "";
    const background = m.previousBackground ? ` previousBackground="${m.previousBackground}"` : "";
    const tint = m.previousTint ? ` previousTint="${m.previousTint}"` : "";
    return (
      `<mark cell="${m.cell}" severity="${m.severity}"` +
      ` previousPattern="${escapeXmlAttribute(m.previousPattern)}"${color}${background}${tint}/>`
    );
  });
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<run xmlns="${RECORD_NAMESPACE}" version="1" tool="addin" part="1">` +
    `<marks sheet="${escapeXmlAttribute(sheet)}">${lines.join("")}</marks></run>`
  );
}

/** Adds a hidden workbook-level name (Names.Add replaces one of the same name). */
function addName(book: Et.Workbook, name: string, refersTo: string): void {
  book.Names.Add(name, refersTo, false).Visible = false;
}

function deleteCellsNames(book: Et.Workbook): void {
  for (const n of ownNames(book)) if (n.name.startsWith(CELLS_NAME_PREFIX)) n.item.Delete();
}

/** Replaces the record: the sheet names, the analysed sheet, the marked cells, and the part listing the marks. */
export function writeEtRecord(
  book: Et.Workbook,
  record: { readonly sheets: Readonly<Record<PlanSheetKey, string>>; readonly source: string },
  marks: readonly EtRecordedMark[],
  store: MarksStore,
): void {
  addName(book, SHEET_NAME_KEYS.detail, `=${quoteSheetName(record.sheets.detail)}!$A$1`);
  addName(book, SHEET_NAME_KEYS.checks, `=${quoteSheetName(record.sheets.checks)}!$A$1`);
  // Every run, as the Excel add-in does: a run started from one of the tool's sheets analyses this sheet again.
  addName(book, SOURCE_NAME, `=${quoteSheetName(record.source)}!$A$1`);
  deleteCellsNames(book);
  store.write(marks.length > 0 ? etRecordXml(record.source, marks) : null);
  const formulas = cellsNameFormulas(
    record.source,
    marks.map((m) => m.cell),
  );
  formulas.forEach((formula, i) => addName(book, `${CELLS_NAME_PREFIX}${i + 1}`, `=${formula}`));
}

/** After 清除标记: the part(s) and the Cells names go; the Detail, Checks and Source names stay with their sheets. */
export function forgetEtMarks(book: Et.Workbook, store: MarksStore): void {
  store.write(null);
  deleteCellsNames(book);
}

/** A mark's kind as the record writes it; a consequence (light blue) is restored like the others. */
function severityOf(written: string | null): MarkSeverity {
  return written === "warning" || written === "consequence" ? written : "error";
}
