/**
 * The run record (docs/marks-record.md) read and written through the ET object model, so that a run in WPS, a run
 * in Excel and a run of the CLI each replace exactly the others' work:
 * - hidden workbook-level names IndicatorNormalizer.Detail / .Checks / .Source point at the tool's sheets and at
 *   the marked sheet (a name follows its sheet when the clerk renames it; a clerk's own sheet named 指标明细 has
 *   no such name and is never deleted);
 * - a custom XML part in the record's namespace lists every marked cell and the fill it had before, as a
 *   pattern name of styles.xml and a colour (`tool="addin"`, the form the contract gives the add-ins). ET sees a
 *   fill as Interior.Pattern, Color and PatternColor; for a patterned fill the record's `previousColor` is the
 *   pattern's colour (styles.xml's fgColor) and `previousBackground` (read by the add-ins only) the cell's colour.
 * The workbook keeps both when saved as .xlsx; the WPS format (.et) keeping custom XML is one of the things only
 * a real WPS can confirm (docs/wps.md).
 */
import { parseCellAddress } from "../core/cell-address";
import type { PlanSheetKey } from "../core/plan";
import { quoteSheetName } from "../core/sheet-name";
import {
  OWN_NAME_PREFIX,
  RECORD_NAMESPACE,
  SHEET_NAME_KEYS,
  SOURCE_NAME,
  splitReferences,
  type MarkSeverity,
} from "../xlsx/run-record-names";
import { attribute, scanXml } from "../xlsx/xml-scanner";
import { escapeXmlAttribute } from "../xlsx/xml-text";
import { readMember } from "./et-facade";

/** A marked cell and the fill it had before the mark. */
export interface EtRecordedMark {
  readonly cell: string;
  readonly severity: MarkSeverity;
  /** styles.xml's name of the previous pattern: "none", "solid", "mediumGray", …; "" when unknown. */
  readonly previousPattern: string;
  /** "#RRGGBB": a solid fill's colour, a pattern's colour; null for none, or when the record had no colour. */
  readonly previousColor: string | null;
  /** "#RRGGBB": the cell's colour under a pattern; null for solid and none. */
  readonly previousBackground: string | null;
}

export interface EtRecord {
  /** The tool's sheets that still exist, by the names pointing at them. */
  readonly ownSheets: readonly { readonly key: PlanSheetKey; readonly name: string }[];
  /** The sheet the last run analysed (and marked), when it still exists. */
  readonly sourceSheet: string | null;
  readonly marks: readonly EtRecordedMark[];
}

export const EMPTY_ET_RECORD: EtRecord = { ownSheets: [], sourceSheet: null, marks: [] };

/** Every workbook-level name of the tool, with what it refers to. Names are a 1-based collection. */
function ownNames(book: Et.Workbook): { name: string; item: Et.Name; refersTo: string }[] {
  const names = book.Names;
  const found: { name: string; item: Et.Name; refersTo: string }[] = [];
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

/** The record's custom XML parts (normally one). */
function recordParts(book: Et.Workbook): Kso.CustomXMLPart[] {
  const parts = book.CustomXMLParts.SelectByNamespace(RECORD_NAMESPACE);
  const found: Kso.CustomXMLPart[] = [];
  const count = readMember<number>(parts, "Count");
  for (let i = 1; i <= count; i++) found.push(parts.Item(i));
  return found;
}

/**
 * Where the list of marks lives: a custom XML part of the workbook, which travels with the file; or, in a build
 * whose object model has no CustomXMLParts, the add-in's PluginStorage, which lasts until WPS closes (the pane
 * then tells the clerk to clear the marks before closing the workbook).
 */
export interface MarksStore {
  readonly lasting: boolean;
  read(): string | null;
  write(xml: string | null): void;
}

function workbookStore(book: Et.Workbook): MarksStore {
  return {
    lasting: true,
    read: () => {
      const part = recordParts(book)[0];
      return part ? readMember<string>(part, "XML") : null;
    },
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
        return typeof xml === "string" && xml !== "" ? xml : null;
      },
      write: (xml) => (xml === null ? session.removeItem(key) : session.setItem(key, xml)),
    };
  }
}

export function readEtRecord(book: Et.Workbook, sheetNames: readonly string[], store: MarksStore): EtRecord {
  const existing = new Set(sheetNames);
  const ownSheets: { key: PlanSheetKey; name: string }[] = [];
  let sourceSheet: string | null = null;
  for (const { name, refersTo } of ownNames(book)) {
    // "='指标明细'!$A$1"; a deleted sheet leaves "=#REF!$A$1", which names no sheet.
    const sheet = splitReferences(refersTo.replace(/^=/, ""))[0]?.sheet;
    if (!sheet || !existing.has(sheet)) continue;
    for (const key of ["detail", "checks"] as const)
      if (name === SHEET_NAME_KEYS[key]) ownSheets.push({ key, name: sheet });
    if (name === SOURCE_NAME) sourceSheet = sheet;
  }
  const xml = store.read();
  const parsed = xml ? parseRecord(xml) : null;
  // The Source name wins; a record written by a tool that left it out names the sheet in <marks>.
  sourceSheet ??= parsed?.sheet && existing.has(parsed.sheet) ? parsed.sheet : null;
  return { ownSheets, sourceSheet, marks: sourceSheet && parsed ? parsed.marks : [] };
}

function parseRecord(xml: string): { sheet: string | null; marks: EtRecordedMark[] } {
  let sheet: string | null = null;
  const marks: EtRecordedMark[] = [];
  scanXml(
    xml,
    0,
    {
      open(name, tag) {
        if (name === "marks") sheet = attribute(tag, "sheet");
        if (name !== "mark") return;
        const cell = (attribute(tag, "cell") ?? "").toUpperCase();
        if (!parseCellAddress(cell)) return;
        marks.push({
          cell,
          severity: attribute(tag, "severity") === "warning" ? "warning" : "error",
          previousPattern: attribute(tag, "previousPattern") ?? "",
          previousColor: hexOrNull(attribute(tag, "previousColor")),
          previousBackground: hexOrNull(attribute(tag, "previousBackground")),
        });
      },
      close() {},
      text() {},
    },
    true,
  );
  return { sheet, marks };
}

function hexOrNull(value: string | null): string | null {
  return value && /^#[0-9A-Fa-f]{6}$/.test(value) ? value.toUpperCase() : null;
}

/** The part's text: the marked sheet and each mark with what it covered (docs/marks-record.md). */
export function etRecordXml(sheet: string, marks: readonly EtRecordedMark[]): string {
  const lines = marks.map((m) => {
    const color = m.previousColor ? ` previousColor="${m.previousColor}"` : "";
    const background = m.previousBackground ? ` previousBackground="${m.previousBackground}"` : "";
    return (
      `<mark cell="${m.cell}" severity="${m.severity}"` +
      ` previousPattern="${escapeXmlAttribute(m.previousPattern)}"${color}${background}/>`
    );
  });
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<run xmlns="${RECORD_NAMESPACE}" version="1" tool="addin">` +
    `<marks sheet="${escapeXmlAttribute(sheet)}">${lines.join("")}</marks></run>`
  );
}

/** Sets a hidden workbook-level name to `='sheet'!$A$1`, adding it when absent. */
function setName(book: Et.Workbook, name: string, sheet: string): void {
  const refersTo = `=${quoteSheetName(sheet)}!$A$1`;
  const existing = ownNames(book).find((n) => n.name === name);
  const item = existing ? existing.item : book.Names.Add(name, refersTo, false);
  if (existing) item.RefersTo = refersTo;
  item.Visible = false;
}

function deleteName(book: Et.Workbook, name: string): void {
  for (const n of ownNames(book)) if (n.name === name) n.item.Delete();
}

/** Replaces the record: the sheet names, the marked sheet, and the part listing the marks. */
export function writeEtRecord(
  book: Et.Workbook,
  record: { readonly sheets: Readonly<Record<PlanSheetKey, string>>; readonly source: string },
  marks: readonly EtRecordedMark[],
  store: MarksStore,
): void {
  setName(book, SHEET_NAME_KEYS.detail, record.sheets.detail);
  setName(book, SHEET_NAME_KEYS.checks, record.sheets.checks);
  // Always, not only with marks: a run started from one of the tool's sheets analyses this sheet again.
  setName(book, SOURCE_NAME, record.source);
  store.write(marks.length > 0 ? etRecordXml(record.source, marks) : null);
}

/** After 清除标记: the marks are gone, so is their list; the sheet names stay while the sheets exist. */
export function forgetEtMarks(book: Et.Workbook, store: MarksStore): void {
  store.write(null);
  deleteName(book, SOURCE_NAME);
}
