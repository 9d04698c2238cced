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
import type { PlanSheetKey } from "../core/plan";
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
import {
  LEGACY_MARKS_NAME,
  OWN_NAME_PREFIX,
  SHEET_NAME_KEYS,
  RECORD_NAMESPACE,
  SOURCE_NAME,
  splitReferences,
  type MarkSeverity,
} from "./run-record-names";

export {
  LEGACY_MARKS_NAME,
  OWN_NAME_PREFIX,
  RECORD_NAMESPACE,
  SHEET_NAME_KEYS,
  SOURCE_NAME,
  splitReferences,
  type MarkSeverity,
} from "./run-record-names";

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

export interface RunRecord {
  /** The tool's sheets that still exist, by the defined names pointing at them. */
  readonly ownSheets: readonly { readonly key: PlanSheetKey; readonly name: string }[];
  /** Name of the marked sheet, when there are marks and the sheet still exists. */
  readonly markedSheet: string | null;
  readonly marks: readonly RecordedMark[];
  /** Cells listed by a legacy Marks name (no previous style known). */
  readonly legacyMarks: readonly string[];
  /** The record's custom XML parts (item, properties, their relationships). */
  readonly recordParts: readonly string[];
  /** Relationships to the record: from the workbook (Excel, this tool) or the package root (LibreOffice). */
  readonly recordRels: readonly { readonly relsPart: string; readonly id: string }[];
}

export const EMPTY_RECORD: RunRecord = {
  ownSheets: [],
  markedSheet: null,
  marks: [],
  legacyMarks: [],
  recordParts: [],
  recordRels: [],
};

export function readRunRecord(pkg: XlsxPackage): RunRecord {
  const sheetNames = new Set(pkg.sheets.map((s) => s.name));
  const ownSheets: { key: PlanSheetKey; name: string }[] = [];
  let namedSource: string | null = null;
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
    if (dn.name === SOURCE_NAME && refs[0] && sheetNames.has(refs[0].sheet)) namedSource = refs[0].sheet;
    if (dn.name === LEGACY_MARKS_NAME)
      for (const ref of refs) {
        legacySheet ??= ref.sheet;
        if (ref.sheet === legacySheet) legacyMarks.push(ref.cell);
      }
  }
  const found = findRecordPart(pkg);
  const marks = found ? found.marks : [];
  const markedSheet =
    namedSource ??
    (found?.sheet && sheetNames.has(found.sheet) ? found.sheet : null) ??
    (legacySheet && sheetNames.has(legacySheet) ? legacySheet : null);
  return {
    ownSheets,
    markedSheet: marks.length > 0 || legacyMarks.length > 0 ? markedSheet : null,
    marks: markedSheet ? marks : [],
    legacyMarks: markedSheet ? legacyMarks : [],
    recordParts: found?.parts ?? [],
    recordRels: found?.rels ?? [],
  };
}

interface FoundRecord {
  sheet: string | null;
  marks: RecordedMark[];
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

function parseRecord(bytes: Uint8Array): { sheet: string | null; marks: RecordedMark[] } {
  let sheet: string | null = null;
  const marks: RecordedMark[] = [];
  let current: Omit<RecordedMark, "previousFill"> | null = null;
  let fill = "";
  let attributeFill = "";
  scanXmlBytes(bytes, {
    open(name, tag, selfClosing) {
      if (name === "marks") sheet = attribute(tag, "sheet");
      else if (name === "mark") {
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
  return { sheet, marks };
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

/** The custom XML part's text: the marked sheet and, per cell, the mark's style and what it covered. */
export function recordXml(sheet: string, marks: readonly RecordedMark[]): string {
  const lines = marks.map((m) => {
    const color = m.previousFill ? fillColor(m.previousFill) : null;
    const pattern = m.previousFill ? (/patternType="([^"]*)"/.exec(m.previousFill)?.[1] ?? "none") : "none";
    const attrs =
      `cell="${m.cell}" severity="${m.severity}" style="${m.style}" previousStyle="${m.previousStyle}"` +
      ` previousPattern="${escapeXmlAttribute(pattern)}"` +
      (color ? ` previousColor="${color}"` : "");
    return m.previousFill ? `<mark ${attrs}>${escapeXmlText(m.previousFill)}</mark>` : `<mark ${attrs}/>`;
  });
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<run xmlns="${RECORD_NAMESPACE}" version="1" tool="cli">` +
    `<marks sheet="${escapeXmlAttribute(sheet)}">${lines.join("")}</marks></run>`
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
