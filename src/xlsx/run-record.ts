/**
 * What the tool leaves in a workbook so that the next run, by the CLI or the add-in, replaces exactly its own
 * work (docs/marks-record.md is the contract):
 * - hidden workbook-level defined names point at the tool's sheets and at the marked sheet. A name follows its
 *   sheet when the clerk renames or moves it, in Excel and LibreOffice, and a clerk's own sheet called 指标明细
 *   carries no such name, so it is never deleted;
 * - a custom XML part in the namespace RECORD_NAMESPACE lists every marked cell with the style it had before,
 *   so a re-run restores each cell exactly (a clerk's fill, even in Excel's "Bad" red, comes back).
 * Marks are never recognised by colour alone: a cell is restored only when the record lists it and it still
 * wears the mark's fill.
 */
import type { PlanSheetKey } from "../core";
import {
  fillPatternOf,
  LEGACY_MARKS_NAME,
  OWN_NAME_PREFIX,
  RECORD_NAMESPACE,
  SHEET_NAME_KEYS,
  SOURCE_NAME,
  splitReferences,
} from "../workbook/run-record-format";
import {
  joinRecordParts,
  MAX_RECORD_TEXT,
  parseRecordPart,
  readRecordNames,
  recordPartXml,
  resolveMarks,
  sourceName,
  type MarkSeverity,
  type RecordMark,
} from "../workbook/run-record";
import { restorableFill } from "./restorable-fill";
import {
  readPartBytes,
  readRelationships,
  REL_TYPES,
  relsPathOf,
  relTypeIs,
  resolveTarget,
  type XlsxPackage,
} from "./xlsx-package";

export {
  LEGACY_MARKS_NAME,
  OWN_NAME_PREFIX,
  RECORD_NAMESPACE,
  SHEET_NAME_KEYS,
  SOURCE_NAME,
  sourceName,
  splitReferences,
  type MarkSeverity,
};

export interface RecordedMark {
  /** A1 address on the marked sheet. */
  readonly cell: string;
  readonly severity: MarkSeverity;
  /** The cell format index (`s`) the mark gave the cell. */
  readonly style: number;
  /** The cell format index the cell had before (0 when it had none). */
  readonly previousStyle: number;
  /** The fill record (styles.xml `<fill>`) the cell had before, as written there. */
  readonly previousFill: string | null;
  /** A forged or damaged mark (its fill is not a fill): nothing of it is restored; its cell is left, counted. */
  readonly unreadable?: boolean;
}

/** The marks of one sheet. */
export interface MarkedSheet {
  /** The sheet's name (it still exists). */
  readonly sheet: string;
  readonly marks: readonly RecordedMark[];
  /** Cells listed by a legacy Marks name (no previous style known). */
  readonly legacy: readonly string[];
}

export interface RunRecord {
  /** The tool's sheets that still exist, by the defined names pointing at them. */
  readonly ownSheets: readonly { readonly key: PlanSheetKey; readonly name: string }[];
  /**
   * The marked sheets that still exist, the one IndicatorNormalizer.Source names first. The add-in marks one
   * sheet; the CLI, reading tables on several sheets, marks each: Source2, Source3, … name the others, in the
   * order of the record's <marks> elements.
   */
  readonly marked: readonly MarkedSheet[];
  /** The record's custom XML parts (item, properties, their relationships). */
  readonly recordParts: readonly string[];
  /** Relationships to the record: from the workbook (Excel, this tool) or the package root (LibreOffice). */
  readonly recordRels: readonly { readonly relsPart: string; readonly id: string }[];
}

export const EMPTY_RECORD: RunRecord = {
  ownSheets: [],
  marked: [],
  recordParts: [],
  recordRels: [],
};

/**
 * The record as the names and the part say. With `marks: false` (check, which only needs to know the tool's own
 * sheets) the part is not even read: no marks, no parts.
 */
export function readRunRecord(
  pkg: XlsxPackage,
  options: { readonly marks: boolean } = { marks: true },
): RunRecord {
  const sheetNames = new Set(pkg.sheets.map((s) => s.name));
  const exists = (sheet: string) => sheetNames.has(sheet);
  const names = readRecordNames(
    pkg.definedNames.filter((dn) => dn.localSheetId === null),
    exists,
  );
  if (!options.marks) return { ...EMPTY_RECORD, ownSheets: names.ownSheets };
  const found = findRecordParts(pkg);
  // No part, but its text in names (written where custom XML could not be, by WPS or in an .xls): that one.
  const parts =
    found.parsed.length === 0 && names.keptPart !== null ? [parseRecordPart(names.keptPart)] : found.parsed;
  const marked: MarkedSheet[] = resolveMarks(joinRecordParts(parts), names, exists).map((m) => ({
    sheet: m.sheet,
    marks: m.marks.map(recordedMarkOf),
    legacy: [],
  }));
  // The part dropped (pandas and openpyxl save no custom XML) while the Cells names still list the marked cells:
  // those cells are marks to clear, as a legacy Marks name's are (to no fill, where they still wear a mark).
  if (found.parsed.length === 0 && !found.oversized && names.keptPart === null) {
    const listed = new Map<string, string[]>();
    for (const at of names.positions ?? []) {
      if (!at || !exists(at.sheet)) continue;
      const cells = listed.get(at.sheet) ?? [];
      if (cells.length === 0) listed.set(at.sheet, cells);
      cells.push(at.cell);
    }
    for (const [sheet, cells] of listed) marked.push({ sheet, marks: [], legacy: cells });
  }
  const legacy = names.legacy;
  if (legacy) {
    const first = marked[0];
    if (first) marked[0] = { ...first, legacy: legacy.cells };
    else {
      const sheet = names.sources[0] ?? (exists(legacy.sheet) ? legacy.sheet : undefined);
      if (sheet !== undefined) marked.push({ sheet, marks: [], legacy: legacy.cells });
    }
  }
  return { ownSheets: names.ownSheets, marked, recordParts: found.parts, recordRels: found.rels };
}

/**
 * A mark as the package edit uses it: the format indexes (-1 where not written: it never matches a cell's).
 * When its recorded fill is not a fill (restorableFill) the mark is unreadable: its cell is left and counted.
 */
function recordedMarkOf(mark: RecordMark): RecordedMark {
  // The exact record (written by the CLI) wins over the pattern and colour (all the add-in can see); it goes
  // into styles.xml, so only as rebuilt from the fill vocabulary.
  const exact = mark.previousFill === null ? null : restorableFill(mark.previousFill);
  if (mark.previousFill !== null && exact === null)
    return {
      cell: mark.cell,
      severity: mark.severity,
      style: -1,
      previousStyle: -1,
      previousFill: null,
      unreadable: true,
    };
  const fill = exact ?? fillFromAttributes(mark);
  return {
    cell: mark.cell,
    severity: mark.severity,
    style: mark.style ?? -1,
    previousStyle: mark.previousStyle ?? -1,
    previousFill: fill === "" ? null : fill,
  };
}

/**
 * The custom XML parts whose root is in the record's namespace, with their properties and the relationships to
 * them. Parts are looked for by name, because Excel relates custom XML from the workbook and LibreOffice from the
 * package root.
 */
function findRecordParts(pkg: XlsxPackage): {
  parsed: ReturnType<typeof parseRecordPart>[];
  parts: string[];
  rels: { relsPart: string; id: string }[];
  /** A custom XML item too large to be read as a record was skipped: it might have been the record. */
  oversized: boolean;
} {
  const parsed: ReturnType<typeof parseRecordPart>[] = [];
  const parts: string[] = [];
  const rels: { relsPart: string; id: string }[] = [];
  let oversized = false;
  for (const entry of pkg.archive.entries) {
    const item = entry.name;
    if (!/^customXml\/item\d+\.xml$/i.test(item)) continue;
    // A part too long to be a record is not inflated to look (it could be anyone's; it is left as it is).
    if (entry.size > MAX_RECORD_TEXT) {
      oversized = true;
      continue;
    }
    const bytes = readPartBytes(pkg, item);
    // Cheap test before parsing: the namespace appears in the first bytes of our part.
    const head = new TextDecoder().decode(bytes.subarray(0, 512));
    if (!head.includes(RECORD_NAMESPACE)) continue;
    parts.push(item);
    const itemRels = relsPathOf(item);
    if (pkg.archive.byName.has(itemRels)) {
      parts.push(itemRels);
      for (const r of readRelationships(pkg, itemRels))
        if (relTypeIs(r.type, REL_TYPES.customXmlProps)) parts.push(resolveTarget(item, r.target));
    }
    for (const [source, relsPart] of [
      [pkg.workbookPath, relsPathOf(pkg.workbookPath)],
      ["", "_rels/.rels"],
    ] as const) {
      for (const r of readRelationships(pkg, relsPart))
        if (relTypeIs(r.type, REL_TYPES.customXml) && resolveTarget(source, r.target) === item)
          rels.push({ relsPart, id: r.id });
    }
    parsed.push(parseRecordPart(decodePart(bytes)));
  }
  return { parsed, parts, rels, oversized };
}

/** A part's text: UTF-8, or UTF-16 when it starts with its byte-order mark. */
function decodePart(bytes: Uint8Array): string {
  const encoding =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? "utf-16le"
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? "utf-16be"
        : "utf-8";
  return new TextDecoder(encoding).decode(bytes);
}

/**
 * A fill record from a mark's attributes, for records written by the add-in, which sees fills as a pattern and
 * colours (Office.js) rather than as styles.xml records: `none` → no fill; `solid` + `#RRGGBB` → that colour
 * (with `previousTint`, its tint); another pattern + `#RRGGBB` → that pattern in that colour over
 * `previousBackground` (styles.xml's fgColor and bgColor). Anything else gives "" (no fill known).
 */
function fillFromAttributes(mark: RecordMark): string {
  const pattern = mark.previousPattern;
  const rgb = (value: string | null): string | null => (value ? `FF${value.slice(1).toUpperCase()}` : null);
  const color = rgb(mark.previousColor);
  if (pattern === "none") return '<fill><patternFill patternType="none"/></fill>';
  if (!pattern || !color || fillPatternOf(pattern) === null) return "";
  const fg = `<fgColor rgb="${color}"${mark.previousTint !== null ? ` tint="${mark.previousTint}"` : ""}/>`;
  const background = rgb(mark.previousBackground);
  const bg = pattern !== "solid" && background ? `<bgColor rgb="${background}"/>` : '<bgColor indexed="64"/>';
  return `<fill><patternFill patternType="${pattern}">${fg}${bg}</patternFill></fill>`;
}

/**
 * The custom XML part's text: one <marks> per marked sheet (in the order of the Source names) and, per cell, the
 * mark's style and what it covered.
 */
export function recordXml(groups: readonly { sheet: string; marks: readonly RecordedMark[] }[]): string {
  return recordPartXml(
    groups.map(({ sheet, marks }) => ({ sheet, marks: marks.map(recordMarkOf) })),
    { tool: "cli", declaration: true },
  );
}

/** A mark the package edit made, in the record's terms: its styles and the fill it covered, both ways. */
function recordMarkOf(m: RecordedMark): RecordMark {
  const fill = m.previousFill;
  const pattern = fill ? (/patternType="([^"]*)"/.exec(fill)?.[1] ?? "none") : "none";
  const color = fill ? fillColor(fill) : null;
  const background = fill ? fillColor(fill, "bgColor") : null;
  // Example: `<fgColor theme="4" tint="0.79998"/>` → 0.79998.
  const tint = fill ? /<(?:\w+:)?fgColor\b[^>]*\btint="(-?[0-9.Ee+-]+)"/.exec(fill)?.[1] : undefined;
  return {
    cell: m.cell,
    severity: m.severity,
    style: m.style,
    previousStyle: m.previousStyle,
    previousPattern: pattern,
    previousColor: color,
    previousBackground: background && pattern !== "solid" ? background : null,
    previousTint: color && tint && Number(tint) !== 0 && isFinite(Number(tint)) ? Number(tint) : null,
    previousFill: fill,
  };
}

/** `#RRGGBB` of a fill's foreground (or background) colour when it is given as RGB; theme and indexed give null. */
function fillColor(fill: string, element: "fgColor" | "bgColor" = "fgColor"): string | null {
  // Examples: `<fgColor rgb="FFFFC7CE"/>` → #FFC7CE; `<x:bgColor rgb="00B050"/>` → #00B050.
  const rgb = new RegExp(`<(?:\\w+:)?${element}\\b[^>]*\\brgb="(?:[0-9A-Fa-f]{2})?([0-9A-Fa-f]{6})"`).exec(
    fill,
  );
  return rgb ? `#${rgb[1]!.toUpperCase()}` : null;
}

/** The item properties part Office requires beside a custom XML part (its datastore id). */
export function recordPropsXml(itemId: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n' +
    `<ds:datastoreItem ds:itemID="${itemId}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml">` +
    `<ds:schemaRefs><ds:schemaRef ds:uri="${RECORD_NAMESPACE}"/></ds:schemaRefs></ds:datastoreItem>`
  );
}
