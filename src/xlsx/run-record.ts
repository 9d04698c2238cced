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
import { parseCellAddress, type MarkKind, type PlanSheetKey } from "../core";
import {
  CELLS_NAME_PREFIX,
  fillPatternOf,
  LEGACY_MARKS_NAME,
  OWN_NAME_PREFIX,
  RECORD_NAMESPACE,
  SHEET_NAME_KEYS,
  SOURCE_NAME,
  splitReferences,
} from "../workbook/run-record-format";
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

export {
  LEGACY_MARKS_NAME,
  OWN_NAME_PREFIX,
  RECORD_NAMESPACE,
  SHEET_NAME_KEYS,
  SOURCE_NAME,
  splitReferences,
};

/** error, warning, or consequence (a total upset only by a wrong amount elsewhere: light blue). */
export type MarkSeverity = MarkKind;

/** The name of the k-th marked sheet (0-based): Source, Source2, Source3, … */
export function sourceName(k: number): string {
  return k === 0 ? SOURCE_NAME : `${SOURCE_NAME}${k + 1}`;
}

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

export function readRunRecord(pkg: XlsxPackage): RunRecord {
  const sheetNames = new Set(pkg.sheets.map((s) => s.name));
  const ownSheets: { key: PlanSheetKey; name: string }[] = [];
  const namedSources: (string | undefined)[] = [];
  const legacyMarks: string[] = [];
  let legacySheet: string | null = null;
  const cellsNames: { n: number; formula: string }[] = [];
  for (const dn of pkg.definedNames) {
    if (dn.localSheetId !== null || !dn.name.startsWith(OWN_NAME_PREFIX)) continue;
    const refs = splitReferences(dn.formula).filter((r) => r !== null);
    for (const key of ["detail", "checks"] as const) {
      const sheet = refs[0]?.sheet;
      if (dn.name === SHEET_NAME_KEYS[key] && sheet && sheetNames.has(sheet))
        ownSheets.push({ key, name: sheet });
    }
    // Source, Source2, …: the marked sheets, by the names that follow them when the clerk renames one.
    const k = sourceIndex(dn.name);
    if (k >= 0 && refs[0] && sheetNames.has(refs[0].sheet)) namedSources[k] = refs[0].sheet;
    if (dn.name === LEGACY_MARKS_NAME)
      for (const ref of refs) {
        legacySheet ??= ref.sheet;
        if (ref.sheet === legacySheet) legacyMarks.push(ref.cell);
      }
    const n = dn.name.startsWith(CELLS_NAME_PREFIX) ? Number(dn.name.slice(CELLS_NAME_PREFIX.length)) : 0;
    if (Number.isInteger(n) && n > 0) cellsNames.push({ n, formula: dn.formula });
  }
  const found = findRecordPart(pkg);
  // Each <marks> group's sheet: its Source name's (renames followed), else the sheet the part names.
  const groups = (found?.groups ?? []).map((g, k) => ({
    sheet: namedSources[k] ?? (g.sheet && sheetNames.has(g.sheet) ? g.sheet : null),
    marks: g.marks,
  }));
  const moved = movedMarks(groups, cellsNames);
  const marked: MarkedSheet[] = [];
  moved.forEach((g) => {
    if (g.sheet !== null && g.marks.length > 0) marked.push({ sheet: g.sheet, marks: g.marks, legacy: [] });
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

/** `IndicatorNormalizer.Source` → 0, `…Source2` → 1, …; -1 for any other name. */
function sourceIndex(name: string): number {
  if (name === SOURCE_NAME) return 0;
  if (!name.startsWith(SOURCE_NAME)) return -1;
  const n = Number(name.slice(SOURCE_NAME.length));
  return Number.isInteger(n) && n >= 2 ? n - 1 : -1;
}

/**
 * The recorded marks at the cells where they are now: the Cells names list them in the part's order (sheet by
 * sheet), and Excel moved those references when the clerk inserted or deleted rows (the part keeps the old
 * addresses). A mark whose area reads #REF! went with its deleted row. Without the names, or when they do not
 * line up with the part (a program dropped some), the part's addresses stand.
 */
function movedMarks(
  groups: { sheet: string | null; marks: RecordedMark[] }[],
  cellsNames: { n: number; formula: string }[],
): { sheet: string | null; marks: RecordedMark[] }[] {
  const positions = cellsNames.sort((a, b) => a.n - b.n).flatMap((c) => splitReferences(c.formula));
  const total = groups.reduce((n, g) => n + g.marks.length, 0);
  if (cellsNames.length === 0 || positions.length !== total) return groups;
  let at = 0;
  return groups.map((g) => {
    const moved: RecordedMark[] = [];
    for (const mark of g.marks) {
      const now = positions[at++];
      if (now && (g.sheet === null || now.sheet === g.sheet)) moved.push({ ...mark, cell: now.cell });
    }
    return { sheet: g.sheet, marks: moved };
  });
}

interface FoundRecord {
  /** Each sheet's marks, in order: the <marks> elements of every part, those of one sheet in a row joined. */
  groups: { sheet: string | null; marks: RecordedMark[] }[];
  parts: string[];
  rels: { relsPart: string; id: string }[];
}

/**
 * The custom XML parts whose root is in the record's namespace, read and joined in their `part` order (the add-in
 * splits a long record into parts of a request's size). Parts are looked for by name, because Excel relates custom
 * XML from the workbook and LibreOffice from the package root.
 */
function findRecordPart(pkg: XlsxPackage): FoundRecord | null {
  const found: (FoundRecord & { order: number })[] = [];
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
    found.push({ ...parseRecord(bytes), parts, rels });
  }
  if (found.length === 0) return null;
  found.sort((a, b) => a.order - b.order);
  // The add-in splits one sheet's marks into parts; the CLI writes one <marks> per sheet: join runs of a sheet.
  const groups: { sheet: string | null; marks: RecordedMark[] }[] = [];
  for (const g of found.flatMap((f) => f.groups)) {
    const last = groups[groups.length - 1];
    if (last && last.sheet === g.sheet) last.marks.push(...g.marks);
    else groups.push({ sheet: g.sheet, marks: [...g.marks] });
  }
  return {
    groups,
    parts: found.flatMap((f) => f.parts),
    rels: found.flatMap((f) => f.rels),
  };
}

function parseRecord(bytes: Uint8Array): {
  groups: { sheet: string | null; marks: RecordedMark[] }[];
  order: number;
} {
  const groups: { sheet: string | null; marks: RecordedMark[] }[] = [];
  let order = 1;
  let marks: RecordedMark[] = [];
  let current: Omit<RecordedMark, "previousFill"> | null = null;
  let fill = "";
  let attributeFill = "";
  scanXmlBytes(bytes, {
    open(name, tag, selfClosing) {
      if (name === "run") order = Number(attribute(tag, "part") ?? 1) || 1;
      else if (name === "marks") {
        marks = [];
        groups.push({ sheet: attribute(tag, "sheet"), marks });
      } else if (name === "mark") {
        const cell = (attribute(tag, "cell") ?? "").toUpperCase();
        const written = attribute(tag, "severity");
        const severity = written === "warning" || written === "consequence" ? written : "error";
        // The add-in knows no format indexes: it may leave them out (-1 never matches a cell's style).
        const style = Number(attribute(tag, "style") ?? -1);
        const previousStyle = Number(attribute(tag, "previousStyle") ?? -1);
        if (!parseCellAddress(cell) || !Number.isInteger(style) || !Number.isInteger(previousStyle)) return;
        current = { cell, severity, style, previousStyle };
        attributeFill = fillFromAttributes(tag);
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
  return { groups, order };
}

/**
 * A fill record from a mark's attributes, for records written by the add-in, which sees fills as a pattern and
 * colours (Office.js) rather than as styles.xml records: `none` → no fill; `solid` + `#RRGGBB` → that colour
 * (with `previousTint`, its tint); another pattern + `#RRGGBB` → that pattern in that colour over
 * `previousBackground` (styles.xml's fgColor and bgColor). Anything else gives "" (no fill known).
 */
function fillFromAttributes(tag: string): string {
  const pattern = attribute(tag, "previousPattern");
  const rgb = (name: string): string | null => {
    const value = attribute(tag, name);
    return value && /^#[0-9A-Fa-f]{6}$/.test(value) ? `FF${value.slice(1).toUpperCase()}` : null;
  };
  const color = rgb("previousColor");
  const tint = Number(attribute(tag, "previousTint"));
  const tinted = attribute(tag, "previousTint") !== null && Number.isFinite(tint) && tint !== 0;
  if (pattern === "none") return '<fill><patternFill patternType="none"/></fill>';
  if (!pattern || !color || fillPatternOf(pattern) === null) return "";
  const fg = `<fgColor rgb="${color}"${tinted ? ` tint="${tint}"` : ""}/>`;
  const background = rgb("previousBackground");
  const bg = pattern !== "solid" && background ? `<bgColor rgb="${background}"/>` : '<bgColor indexed="64"/>';
  return `<fill><patternFill patternType="${pattern}">${fg}${bg}</patternFill></fill>`;
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
      const background = m.previousFill ? fillColor(m.previousFill, "bgColor") : null;
      const tint = m.previousFill
        ? /<(?:\w+:)?fgColor\b[^>]*\btint="(-?[0-9.Ee+-]+)"/.exec(m.previousFill)?.[1]
        : undefined;
      const attrs =
        `cell="${m.cell}" severity="${m.severity}" style="${m.style}" previousStyle="${m.previousStyle}"` +
        ` previousPattern="${escapeXmlAttribute(pattern)}"` +
        (color ? ` previousColor="${color}"` : "") +
        (background && pattern !== "solid" ? ` previousBackground="${background}"` : "") +
        (color && tint ? ` previousTint="${tint}"` : "");
      return m.previousFill ? `<mark ${attrs}>${escapeXmlText(m.previousFill)}</mark>` : `<mark ${attrs}/>`;
    });
    return `<marks sheet="${escapeXmlAttribute(sheet)}">${lines.join("")}</marks>`;
  });
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<run xmlns="${RECORD_NAMESPACE}" version="1" tool="cli">${body.join("")}</run>`
  );
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
