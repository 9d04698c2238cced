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
import { parseCellAddress } from "../core/cell-address";
import { unquoteSheetName } from "../core/sheet-name";
import type { PlanSheetKey } from "../core/plan";
import type { Severity } from "../core/issue";
import { attribute, scanXmlBytes } from "./xml-scanner";
import { decodeXmlEntities, escapeXmlAttribute, escapeXmlText } from "./xml-text";
import {
  readPartBytes,
  readRelationships,
  REL_TYPES,
  relsPathOf,
  relTypeIs,
  resolveTarget,
  type XlsxPackage,
} from "./xlsx-package";

export const OWN_NAME_PREFIX = "IndicatorNormalizer.";
export const SHEET_NAME_KEYS: Readonly<Record<PlanSheetKey, string>> = {
  detail: `${OWN_NAME_PREFIX}Detail`,
  checks: `${OWN_NAME_PREFIX}Checks`,
};
/** The sheet the marks are on; `Source2`, `Source3`, … the further marked sheets of a several-sheet analysis. */
export const SOURCE_NAME = `${OWN_NAME_PREFIX}Source`;

/** The name of the k-th marked sheet (0-based): Source, Source2, Source3, … */
export function sourceName(k: number): string {
  return k === 0 ? SOURCE_NAME : `${SOURCE_NAME}${k + 1}`;
}
/** Written by versions before the record existed: the marked cells, recognised by their mark colour. */
export const LEGACY_MARKS_NAME = `${OWN_NAME_PREFIX}Marks`;
export const RECORD_NAMESPACE = "urn:indicator-normalizer:run:1";

export type MarkSeverity = Exclude<Severity, "info">;

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
   * The marked sheets that still exist, the one IndicatorNormalizer.Source names first (an analysis of tables on
   * several sheets marks several: Source2, Source3, … name the others, in the order of the record's <marks>).
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

/** `'指标明细'!$A$1` → { sheet: "指标明细", cell: "A1" }; also each area of a union. */
export function splitReferences(formula: string): { sheet: string; cell: string }[] {
  const refs: { sheet: string; cell: string }[] = [];
  // Areas of a union: `'a''b'!$A$1` or `Sheet1!$B$2:$C$3`, separated by commas outside quotes. Examples:
  // `'指标明细'!$A$1`, `Sheet1!$G$20,Sheet1!$G$22`.
  const area = /('(?:[^']|'')+'|[^,!']+)!(\$?[A-Za-z]{1,3}\$?\d+)(?::\$?[A-Za-z]{1,3}\$?\d+)?/g;
  for (const match of formula.matchAll(area)) {
    const cell = match[2]!.replace(/\$/g, "").toUpperCase();
    if (parseCellAddress(cell)) refs.push({ sheet: unquoteSheetName(match[1]!), cell });
  }
  return refs;
}

export function readRunRecord(pkg: XlsxPackage): RunRecord {
  const sheetNames = new Set(pkg.sheets.map((s) => s.name));
  const ownSheets: { key: PlanSheetKey; name: string }[] = [];
  const namedSources: (string | undefined)[] = [];
  const legacyMarks: string[] = [];
  let legacySheet: string | null = null;
  for (const dn of pkg.definedNames) {
    if (dn.localSheetId !== null || !dn.name.startsWith(OWN_NAME_PREFIX)) continue;
    const refs = splitReferences(dn.formula);
    for (const key of ["detail", "checks"] as const) {
      const sheet = refs[0]?.sheet;
      if (dn.name === SHEET_NAME_KEYS[key] && sheet && sheetNames.has(sheet))
        ownSheets.push({ key, name: sheet });
    }
    // Source, Source2, …: the marked sheets, by the names that follow them when the clerk renames one.
    const source = /^IndicatorNormalizer\.Source([0-9]*)$/.exec(dn.name);
    if (source && refs[0] && sheetNames.has(refs[0].sheet))
      namedSources[source[1] === "" ? 0 : Number(source[1]) - 1] = refs[0].sheet;
    if (dn.name === LEGACY_MARKS_NAME)
      for (const ref of refs) {
        legacySheet ??= ref.sheet;
        if (ref.sheet === legacySheet) legacyMarks.push(ref.cell);
      }
  }
  const found = findRecordPart(pkg);
  const marked: MarkedSheet[] = [];
  (found?.groups ?? []).forEach((group, k) => {
    const sheet = namedSources[k] ?? (group.sheet && sheetNames.has(group.sheet) ? group.sheet : undefined);
    if (sheet !== undefined && group.marks.length > 0) marked.push({ sheet, marks: group.marks, legacy: [] });
  });
  if (legacyMarks.length > 0) {
    const first = marked[0];
    if (first) marked[0] = { ...first, legacy: legacyMarks };
    else {
      const sheet = namedSources[0] ?? (legacySheet && sheetNames.has(legacySheet) ? legacySheet : undefined);
      if (sheet !== undefined) marked.push({ sheet, marks: [], legacy: legacyMarks });
    }
  }
  return {
    ownSheets,
    marked,
    recordParts: found?.parts ?? [],
    recordRels: found?.rels ?? [],
  };
}

interface FoundRecord {
  /** Each <marks> element: the sheet it names and its marks. */
  groups: { sheet: string | null; marks: RecordedMark[] }[];
  parts: string[];
  rels: { relsPart: string; id: string }[];
}

/**
 * The custom XML part whose root is in the record's namespace, read. Parts are looked for by name, because
 * Excel relates custom XML from the workbook and LibreOffice from the package root.
 */
function findRecordPart(pkg: XlsxPackage): FoundRecord | null {
  for (const entry of pkg.archive.entries) {
    const item = entry.name;
    if (!/^customXml\/item\d+\.xml$/i.test(item)) continue;
    const bytes = readPartBytes(pkg, item);
    // Cheap test before parsing: the namespace appears in the first bytes of our part.
    const head = new TextDecoder().decode(bytes.subarray(0, 512));
    if (!head.includes(RECORD_NAMESPACE)) continue;
    const parts = [item];
    const itemRels = relsPathOf(item);
    if (pkg.archive.byName.has(itemRels)) {
      parts.push(itemRels);
      for (const r of readRelationships(pkg, itemRels))
        if (relTypeIs(r.type, REL_TYPES.customXmlProps)) parts.push(resolveTarget(item, r.target));
    }
    const rels: { relsPart: string; id: string }[] = [];
    for (const [source, relsPart] of [
      [pkg.workbookPath, relsPathOf(pkg.workbookPath)],
      ["", "_rels/.rels"],
    ] as const) {
      for (const r of readRelationships(pkg, relsPart))
        if (relTypeIs(r.type, REL_TYPES.customXml) && resolveTarget(source, r.target) === item)
          rels.push({ relsPart, id: r.id });
    }
    return { ...parseRecord(bytes), parts, rels };
  }
  return null;
}

function parseRecord(bytes: Uint8Array): { groups: { sheet: string | null; marks: RecordedMark[] }[] } {
  const groups: { sheet: string | null; marks: RecordedMark[] }[] = [];
  let marks: RecordedMark[] = [];
  let current: Omit<RecordedMark, "previousFill"> | null = null;
  let fill = "";
  let attributeFill = "";
  scanXmlBytes(bytes, {
    open(name, tag, selfClosing) {
      if (name === "marks") {
        marks = [];
        groups.push({ sheet: attribute(tag, "sheet"), marks });
      } else if (name === "mark") {
        const cell = (attribute(tag, "cell") ?? "").toUpperCase();
        const severity = attribute(tag, "severity") === "warning" ? "warning" : "error";
        // The add-in knows no format indexes: it may leave them out (-1 never matches a cell's style).
        const style = Number(attribute(tag, "style") ?? -1);
        const previousStyle = Number(attribute(tag, "previousStyle") ?? -1);
        if (!parseCellAddress(cell) || !Number.isInteger(style) || !Number.isInteger(previousStyle)) return;
        current = { cell, severity, style, previousStyle };
        attributeFill = fillFromAttributes(
          attribute(tag, "previousPattern"),
          attribute(tag, "previousColor"),
        );
        fill = "";
        if (selfClosing) {
          marks.push({ ...current, previousFill: attributeFill === "" ? null : attributeFill });
          current = null;
        }
      }
    },
    close(name) {
      if (name === "mark" && current) {
        // The exact record (written by the CLI) wins over the pattern and colour (all the add-in can see).
        const previous = fill !== "" ? fill : attributeFill;
        marks.push({ ...current, previousFill: previous === "" ? null : previous });
        current = null;
      }
    },
    text(raw, cdata) {
      if (current) fill += cdata ? raw : decodeXmlEntities(raw);
    },
  });
  return { groups };
}

/**
 * A fill record from a mark's attributes, for records written by the add-in, which sees fills as a pattern and a
 * colour (Office.js) rather than as styles.xml records: `none` → no fill; `solid` + `#RRGGBB` → that colour.
 */
function fillFromAttributes(pattern: string | null, color: string | null): string {
  if (pattern === "none") return '<fill><patternFill patternType="none"/></fill>';
  if (pattern === "solid" && color && /^#[0-9A-Fa-f]{6}$/.test(color))
    return `<fill><patternFill patternType="solid"><fgColor rgb="FF${color.slice(1).toUpperCase()}"/><bgColor indexed="64"/></patternFill></fill>`;
  return "";
}

/**
 * The custom XML part's text: one <marks> per marked sheet (in the order of the Source names) and, per cell, the
 * mark's style and what it covered.
 */
export function recordXml(groups: readonly { sheet: string; marks: readonly RecordedMark[] }[]): string {
  const body = groups.map(({ sheet, marks }) => {
    const lines = marks.map((m) => {
      const color = m.previousFill ? fillColor(m.previousFill) : null;
      const pattern = m.previousFill ? (/patternType="([^"]*)"/.exec(m.previousFill)?.[1] ?? "none") : "none";
      const attrs =
        `cell="${m.cell}" severity="${m.severity}" style="${m.style}" previousStyle="${m.previousStyle}"` +
        ` previousPattern="${escapeXmlAttribute(pattern)}"` +
        (color ? ` previousColor="${color}"` : "");
      return m.previousFill ? `<mark ${attrs}>${escapeXmlText(m.previousFill)}</mark>` : `<mark ${attrs}/>`;
    });
    return `<marks sheet="${escapeXmlAttribute(sheet)}">${lines.join("")}</marks>`;
  });
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<run xmlns="${RECORD_NAMESPACE}" version="1" tool="cli">${body.join("")}</run>`
  );
}

/** `#RRGGBB` of a fill's foreground colour when it is given as RGB; theme and indexed colours give null. */
function fillColor(fill: string): string | null {
  const rgb = /<(?:\w+:)?fgColor\b[^>]*\brgb="(?:[0-9A-Fa-f]{2})?([0-9A-Fa-f]{6})"/.exec(fill);
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
