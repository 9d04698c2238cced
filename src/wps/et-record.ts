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
import type { PlanSheetKey } from "../core";
import { OWN_NAME_PREFIX, PART_NAME_PREFIX, RECORD_NAMESPACE } from "../workbook/run-record-format";
import {
  isMarksName,
  joinRecordParts,
  listedMarks,
  parseRecordPart,
  partNameFormulas,
  readRecordNames,
  recordNamesToWrite,
  recordPartXml,
  resolveMarks,
  type MarkSeverity,
  type RecordMark,
} from "../workbook/run-record";
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
 * object model has no CustomXMLParts (or a file format that keeps none), the part's text in hidden names
 * (IndicatorNormalizer.Part.1, …), which travel with the file too and which every tool reads when there is no part.
 * Only if the names cannot be written does the add-in's PluginStorage keep it, until WPS closes (the pane then tells
 * the clerk to clear the marks before closing).
 */
export interface MarksStore {
  /** False once the list could be kept only for the session. */
  readonly lasting: boolean;
  /** It reads the workbook's custom XML parts (a part another tool wrote is seen). */
  readonly readsParts: boolean;
  /** Every part's text. */
  read(): string[];
  write(xml: string | null): void;
}

function workbookStore(book: Et.Workbook): MarksStore {
  return {
    lasting: true,
    readsParts: true,
    read: () => recordParts(book).map((part) => readMember<string>(part, "XML")),
    write: (xml) => {
      for (const part of recordParts(book)) part.Delete();
      if (xml !== null) book.CustomXMLParts.Add(xml);
    },
  };
}

function namesStore(book: Et.Workbook, session: WPS.PluginStorage): MarksStore {
  const key = `indicatorNormalizer.record:${readMember<string>(book, "Name")}`;
  const deleteParts = (): void => {
    for (const n of ownNames(book)) if (n.name.indexOf(PART_NAME_PREFIX) === 0) n.item.Delete();
  };
  let lasting = true;
  return {
    get lasting() {
      return lasting;
    },
    readsParts: false,
    read: () => {
      const kept = readRecordNames(
        ownNames(book).map((n) => ({ name: n.name, formula: n.refersTo })),
        () => true,
      ).keptPart;
      if (kept !== null) return [kept];
      const xml = session.getItem(key);
      return typeof xml === "string" && xml !== "" ? [xml] : [];
    },
    write: (xml) => {
      deleteParts();
      session.removeItem(key);
      if (xml === null) return;
      try {
        partNameFormulas(xml).forEach((formula, i) =>
          addName(book, `${PART_NAME_PREFIX}${i + 1}`, `=${formula}`),
        );
      } catch {
        // A build that refuses such names: the session keeps the list.
        deleteParts();
        session.setItem(key, xml);
        lasting = false;
      }
    },
  };
}

/** The store for `book`: its own custom XML when the build has it, else hidden names. */
export function marksStore(book: Et.Workbook, session: WPS.PluginStorage): MarksStore {
  try {
    recordParts(book);
    return workbookStore(book);
  } catch {
    return namesStore(book, session);
  }
}

export function readEtRecord(book: Et.Workbook, sheetNames: readonly string[], store: MarksStore): EtRecord {
  const existing = new Set(sheetNames);
  const exists = (sheet: string) => existing.has(sheet);
  const names = readRecordNames(
    ownNames(book).map((n) => ({ name: n.name, formula: n.refersTo })),
    exists,
  );
  const groups = joinRecordParts(store.read().map(parseRecordPart));
  // The Source name wins; a record written by a tool that left it out names the sheet in <marks>.
  const partSheet = groups[0]?.sheet;
  const sourceSheet = names.sources[0] ?? (partSheet && exists(partSheet) ? partSheet : null);
  // The add-in marks one sheet: the first group's marks, at the cells where they are now.
  const marked = sourceSheet
    ? resolveMarks(groups, names, exists).find((m) => m.sheet === sourceSheet)
    : undefined;
  return {
    ownSheets: names.ownSheets,
    sourceSheet,
    marks: marked ? marked.marks.map(etMarkOf) : [],
    // Marks the Cells names list whose part this build cannot see (another tool wrote it as custom XML).
    unreadable: !store.readsParts && groups.length === 0 ? listedMarks(names) : 0,
  };
}

function etMarkOf(mark: RecordMark): EtRecordedMark {
  return {
    cell: mark.cell,
    severity: mark.severity,
    previousPattern: mark.previousPattern ?? "",
    previousColor: mark.previousColor,
    previousBackground: mark.previousBackground,
    previousTint: mark.previousTint,
  };
}

/** The part's text: the marked sheet and each mark with what it covered (docs/marks-record.md). */
export function etRecordXml(sheet: string, marks: readonly EtRecordedMark[]): string {
  const recorded = marks.map((m): RecordMark => ({
    cell: m.cell,
    severity: m.severity,
    previousPattern: m.previousPattern,
    previousColor: m.previousColor,
    previousBackground: m.previousBackground,
    previousTint: m.previousTint ? m.previousTint : null,
    style: null,
    previousStyle: null,
    previousFill: null,
  }));
  return recordPartXml([{ sheet, marks: recorded }], { tool: "addin", part: 1, declaration: true });
}

/** Adds a hidden workbook-level name (Names.Add replaces one of the same name). */
function addName(book: Et.Workbook, name: string, refersTo: string): void {
  book.Names.Add(name, refersTo, false).Visible = false;
}

function deleteCellsNames(book: Et.Workbook): void {
  for (const n of ownNames(book)) if (isMarksName(n.name)) n.item.Delete();
}

/** Replaces the record: the sheet names, the analysed sheet, the marked cells, and the part listing the marks. */
export function writeEtRecord(
  book: Et.Workbook,
  record: { readonly sheets: Readonly<Record<PlanSheetKey, string>>; readonly source: string },
  marks: readonly EtRecordedMark[],
  store: MarksStore,
): void {
  deleteCellsNames(book);
  store.write(marks.length > 0 ? etRecordXml(record.source, marks) : null);
  const names = recordNamesToWrite({
    sheets: (Object.keys(record.sheets) as PlanSheetKey[]).map((key) => ({ key, name: record.sheets[key] })),
    // Every run, as the Excel add-in does: a run started from one of the tool's sheets analyses this sheet again.
    sources: [record.source],
    marks: marks.length > 0 ? [{ sheet: record.source, cells: marks.map((m) => m.cell) }] : [],
  });
  for (const name of names) addName(book, name.name, `=${name.formula}`);
}

/** After 清除标记: the part(s) and the Cells names go; the Detail, Checks and Source names stay with their sheets. */
export function forgetEtMarks(book: Et.Workbook, store: MarksStore): void {
  store.write(null);
  deleteCellsNames(book);
}
