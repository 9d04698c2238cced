/**
 * The run record (docs/marks-record.md), once for every host: the mark model, the one parser and the one writer of
 * the custom XML part, the hidden names that say which sheets are the tool's (named by plan key), and the one
 * routine that finds each recorded mark where rows inserted or deleted moved it. The adapters (src/excel through
 * Office.js, src/wps through ET, src/xlsx in the package) only read and write names and parts in their host's
 * terms; what differs between them is data here:
 * - which marks a host restores: the add-ins mark one sheet (the first group), the CLI every group;
 * - what a mark carries: the CLI's format indexes and exact `<fill>` record, or only pattern and colours;
 * - how the record is split: one part (CLI, WPS), or parts of a request's size (Excel).
 * Pure: strings in, strings out.
 */
import { parseCellAddress, quoteSheetName, type MarkKind, type PlanSheetKey } from "../core";
import {
  CELLS_NAME_PREFIX,
  cellsNameFormulas,
  LEGACY_MARKS_NAME,
  MAX_CELLS_NAME_FORMULA,
  OWN_NAME_PREFIX,
  PART_NAME_PREFIX,
  RECORD_NAMESPACE,
  SHEET_NAME_KEYS,
  SOURCE_NAME,
  splitReferences,
} from "./run-record-format";
import { attribute, scanXml } from "./xml-scanner";
import { decodeXmlEntities, escapeXmlAttribute, escapeXmlText } from "./xml-text";

/**
 * error, warning, consequence (a total upset only by a wrong amount elsewhere: light blue) or change (a value
 * changed since last year's table: light purple).
 */
export type MarkSeverity = MarkKind;

/** A mark's severity as the record writes it (anything unknown reads as an error). */
export function markSeverityOf(written: string | null): MarkSeverity {
  return written === "warning" || written === "consequence" || written === "change" ? written : "error";
}

/** One recorded mark: the cell, its severity, and the fill it covered (docs/marks-record.md, the attributes). */
export interface RecordMark {
  /** A1 address on its group's sheet. */
  readonly cell: string;
  readonly severity: MarkSeverity;
  /** styles.xml's patternType of the previous fill: none, solid, mediumGray, …; null when not written. */
  readonly previousPattern: string | null;
  /** "#RRGGBB": a solid fill's colour, a pattern's colour; null for none or a theme or indexed colour. */
  readonly previousColor: string | null;
  /** "#RRGGBB": the cell's colour under a pattern. */
  readonly previousBackground: string | null;
  /** The tint of previousColor, when not 0. */
  readonly previousTint: number | null;
  /** The CLI's: the format index the mark gave the cell and the one it had before; null when not written. */
  readonly style: number | null;
  readonly previousStyle: number | null;
  /** The CLI's: the previous `<fill>` record of styles.xml, exactly (the mark's text content); null without. */
  readonly previousFill: string | null;
}

/** The marks of one sheet, as the part's `<marks sheet="…">` holds them. */
export interface MarkGroup {
  readonly sheet: string | null;
  readonly marks: readonly RecordMark[];
}

/** One part as read: its place among the parts (`part="2"`) and its groups. */
export interface RecordPart {
  readonly order: number;
  readonly groups: readonly MarkGroup[];
}

const RGB = /^#[0-9A-Fa-f]{6}$/;

function rgbOrNull(value: string | null): string | null {
  return value && RGB.test(value) ? value.toUpperCase() : null;
}

function integerOrNull(value: string | null): number | null {
  if (value === null) return null;
  const n = Number(value);
  return Number.isInteger(n) ? n : null;
}

/** Whether the start tag `tag` (named `name`, maybe prefixed) binds its element to the record's namespace. */
function inRecordNamespace(tag: string): boolean {
  const qualified = /^[^\s/>]+/.exec(tag)?.[0] ?? "";
  const colon = qualified.indexOf(":");
  return attribute(tag, colon < 0 ? "xmlns" : `xmlns:${qualified.slice(0, colon)}`) === RECORD_NAMESPACE;
}

/**
 * The most marks a record is read with, all its parts together. A run marks at most a few cells per row and a
 * table has at most 50,000 rows; a forged record of 3 million marks took 1.8–2.6 GB to read. A record over this
 * is unreadable, as a malformed one is: no mark of it is restored.
 */
export const MAX_RECORD_MARKS = 200_000;
/** The longest record text read (UTF-16 code units, all parts together): a CLI mark with its fill is ~300. */
export const MAX_RECORD_TEXT = 64 * 1024 * 1024;

/**
 * A part's text read with the string scanner (no DOMParser: the same code in IE11, WPS and Node): its order and
 * each `<marks>` group with its marks. Null when it is not a record: malformed, another root or namespace, or
 * over MAX_RECORD_TEXT characters or MAX_RECORD_MARKS marks (never parsed whole).
 */
export function parseRecordPart(xml: string): RecordPart | null {
  if (xml.length > MAX_RECORD_TEXT) return null;
  let count = 0;
  const groups: { sheet: string | null; marks: RecordMark[] }[] = [];
  let order = 1;
  let depth = 0;
  let root: boolean | null = null;
  let current: Omit<RecordMark, "previousFill"> | null = null;
  let fill = "";
  try {
    scanXml(
      xml,
      0,
      {
        open(name, tag) {
          if (root === null) {
            root = name === "run" && inRecordNamespace(tag);
            const part = Number(attribute(tag, "part") ?? 1);
            order = isFinite(part) && part !== 0 ? part : 1;
          }
          depth++;
          if (!root) return;
          if (name === "marks") groups.push({ sheet: attribute(tag, "sheet"), marks: [] });
          if (name !== "mark") return;
          // Past the cap the scan stops here (caught below): the rest of a forged record is never built.
          if (++count > MAX_RECORD_MARKS) throw new RangeError("too many marks");
          const cell = (attribute(tag, "cell") ?? "").toUpperCase();
          if (!parseCellAddress(cell)) return;
          const tint = Number(attribute(tag, "previousTint"));
          current = {
            cell,
            severity: markSeverityOf(attribute(tag, "severity")),
            previousPattern: attribute(tag, "previousPattern"),
            previousColor: rgbOrNull(attribute(tag, "previousColor")),
            previousBackground: rgbOrNull(attribute(tag, "previousBackground")),
            previousTint:
              attribute(tag, "previousTint") !== null && isFinite(tint) && tint !== 0 ? tint : null,
            style: integerOrNull(attribute(tag, "style")),
            previousStyle: integerOrNull(attribute(tag, "previousStyle")),
          };
          fill = "";
          // A mark outside any <marks> (not written by any version) joins a group of no sheet.
          if (groups.length === 0) groups.push({ sheet: null, marks: [] });
        },
        close(name) {
          depth--;
          if (name !== "mark" || !current) return;
          groups[groups.length - 1]!.marks.push({ ...current, previousFill: fill === "" ? null : fill });
          current = null;
        },
        text(raw, cdata) {
          if (current) fill += cdata ? raw : decodeXmlEntities(raw);
        },
      },
      true,
    );
  } catch {
    return null;
  }
  return root && depth === 0 ? { order, groups } : null;
}

/**
 * Every part's groups in the parts' order (`part="1"`, `"2"`, …), the runs of one sheet joined: the add-in splits
 * one sheet's marks into parts of a request's size; the CLI writes one `<marks>` per sheet. None when the parts
 * hold more than MAX_RECORD_MARKS marks together.
 */
export function joinRecordParts(parts: readonly (RecordPart | null)[]): MarkGroup[] {
  let total = 0;
  for (const part of parts) for (const g of part?.groups ?? []) total += g.marks.length;
  // Parts each under the cap that add up past it are as unreadable as one part over it.
  if (total > MAX_RECORD_MARKS) return [];
  const sorted = parts.filter((p): p is RecordPart => p !== null).sort((a, b) => a.order - b.order);
  const groups: { sheet: string | null; marks: RecordMark[] }[] = [];
  for (const part of sorted)
    for (const g of part.groups) {
      const last = groups[groups.length - 1];
      if (last && last.sheet === g.sheet) last.marks.push(...g.marks);
      else groups.push({ sheet: g.sheet, marks: [...g.marks] });
    }
  return groups;
}

/** One `<mark>`: the attributes it has, and the exact previous fill as text content when known. */
export function markXml(mark: RecordMark): string {
  let attrs = `cell="${mark.cell}" severity="${mark.severity}"`;
  if (mark.style !== null && mark.previousStyle !== null)
    attrs += ` style="${mark.style}" previousStyle="${mark.previousStyle}"`;
  attrs += ` previousPattern="${escapeXmlAttribute(mark.previousPattern ?? "none")}"`;
  if (mark.previousColor) attrs += ` previousColor="${mark.previousColor.toUpperCase()}"`;
  if (mark.previousBackground) attrs += ` previousBackground="${mark.previousBackground.toUpperCase()}"`;
  if (mark.previousTint !== null) attrs += ` previousTint="${mark.previousTint}"`;
  return mark.previousFill ? `<mark ${attrs}>${escapeXmlText(mark.previousFill)}</mark>` : `<mark ${attrs}/>`;
}

export interface PartOptions {
  /** Who wrote it: `cli` or `addin` (both add-ins). */
  readonly tool: "cli" | "addin";
  /** Its place when the record is split (the add-ins number even a single part). */
  readonly part?: number;
  /** Begin with the XML declaration (the CLI's file and WPS do; Excel's customXmlParts.add takes either). */
  readonly declaration: boolean;
}

/** The opening of a part and its closing, around its groups' marks. */
export function recordPartXml(
  groups: readonly { readonly sheet: string; readonly marks: readonly RecordMark[] | readonly string[] }[],
  options: PartOptions,
): string {
  const part = options.part !== undefined ? ` part="${options.part}"` : "";
  const body = groups.map(({ sheet, marks }) => {
    const lines = (marks as readonly (RecordMark | string)[]).map((m) =>
      typeof m === "string" ? m : markXml(m),
    );
    return `<marks sheet="${escapeXmlAttribute(sheet)}">${lines.join("")}</marks>`;
  });
  return (
    (options.declaration ? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' : "") +
    `<run xmlns="${RECORD_NAMESPACE}" version="1" tool="${options.tool}"${part}>${body.join("")}</run>`
  );
}

/** The name of the k-th marked sheet (0-based): Source, Source2, Source3, … */
export function sourceName(k: number): string {
  return k === 0 ? SOURCE_NAME : `${SOURCE_NAME}${k + 1}`;
}

/** `IndicatorNormalizer.Source` → 0, `…Source2` → 1, …; -1 for any other name. */
function sourceIndex(name: string): number {
  if (name === SOURCE_NAME) return 0;
  if (name.indexOf(SOURCE_NAME) !== 0) return -1;
  const n = Number(name.slice(SOURCE_NAME.length));
  return Number.isInteger(n) && n >= 2 ? n - 1 : -1;
}

/** A workbook-level name of the tool's, as a host reads it: `=` or not, its reference list. */
export interface RecordName {
  readonly name: string;
  readonly formula: string;
}

/** Where a recorded mark is now: a sheet and a cell; null where its row or column was deleted (#REF!). */
export type MarkPosition = { readonly sheet: string; readonly cell: string } | null;

/** What the names say, resolved against the sheets that exist now. */
export interface RecordNames {
  /** The tool's sheets the names point at, by plan key. */
  readonly ownSheets: readonly { readonly key: PlanSheetKey; readonly name: string }[];
  /** Source, Source2, …: the marked sheets, by the names that follow them (undefined where none or gone). */
  readonly sources: readonly (string | undefined)[];
  /** The Cells names' areas in order; null without such names or when one reads #REF! whole. */
  readonly positions: readonly MarkPosition[] | null;
  /** A legacy Marks name's cells (CLI versions before the record) and their sheet. */
  readonly legacy: { readonly sheet: string; readonly cells: readonly string[] } | null;
  /** The part's text kept in names (Part.1, .2, …) where custom XML could not be written; null without. */
  readonly keptPart: string | null;
  /** Every name of the tool's that is there now (the next write replaces them). */
  readonly names: readonly string[];
}

/** The plan keys of the tool's sheets, in the plan's order: every key SHEET_NAME_KEYS names. */
export const PLAN_SHEET_KEYS = Object.keys(SHEET_NAME_KEYS) as PlanSheetKey[];

/** Reads the tool's names (any others are skipped); `exists` says whether a sheet of that name is there now. */
export function readRecordNames(
  names: readonly RecordName[],
  exists: (sheet: string) => boolean,
): RecordNames {
  const ownSheets: { key: PlanSheetKey; name: string }[] = [];
  const sources: (string | undefined)[] = [];
  const cells: { n: number; formula: string }[] = [];
  const kept: { n: number; formula: string }[] = [];
  let legacy: { sheet: string; cells: string[] } | null = null;
  const own: string[] = [];
  for (const { name, formula: written } of names) {
    if (name.indexOf(OWN_NAME_PREFIX) !== 0) continue;
    own.push(name);
    const formula = written.replace(/^=/, "");
    // A deleted sheet leaves "=#REF!$A$1", which names no sheet.
    const first = splitReferences(formula).filter((r) => r !== null)[0];
    const sheet = first && exists(first.sheet) ? first.sheet : undefined;
    for (const key of PLAN_SHEET_KEYS)
      if (name === SHEET_NAME_KEYS[key] && sheet && !ownSheets.some((s) => s.name === sheet))
        ownSheets.push({ key, name: sheet });
    const k = sourceIndex(name);
    if (k >= 0 && sheet) sources[k] = sheet;
    if (name === LEGACY_MARKS_NAME)
      for (const ref of splitReferences(formula)) {
        if (!ref) continue;
        legacy ??= { sheet: ref.sheet, cells: [] };
        if (ref.sheet === legacy.sheet) legacy.cells.push(ref.cell);
      }
    const n = name.indexOf(CELLS_NAME_PREFIX) === 0 ? Number(name.slice(CELLS_NAME_PREFIX.length)) : 0;
    if (Number.isInteger(n) && n > 0) cells.push({ n, formula });
    const p = name.indexOf(PART_NAME_PREFIX) === 0 ? Number(name.slice(PART_NAME_PREFIX.length)) : 0;
    if (Number.isInteger(p) && p > 0) kept.push({ n: p, formula });
  }
  kept.sort((a, b) => a.n - b.n);
  const keptPart = kept.length > 0 ? kept.map((k) => textOfFormula(k.formula)).join("") : null;
  return { ownSheets, sources, positions: cellsPositions(cells), legacy, keptPart, names: own };
}

/** The Cells names' areas in order (`.1`, `.2`, …), null where an area reads #REF!; null without such names. */
function cellsPositions(cells: { n: number; formula: string }[]): MarkPosition[] | null {
  if (cells.length === 0) return null;
  cells.sort((a, b) => a.n - b.n);
  // A whole Cells name reading #REF! (below ExcelApi 1.7 one deleted area spoils NamedItem.value) says nothing.
  if (cells.some((c) => c.formula === "#REF!" || c.formula === "")) return null;
  const positions: MarkPosition[] = [];
  for (const c of cells) for (const ref of splitReferences(c.formula)) positions.push(ref);
  return positions;
}

/** Marks the Cells names list: what a host that cannot read the part counts as unreadable. */
export function listedMarks(names: RecordNames): number {
  return names.positions ? names.positions.filter((p) => p !== null).length : 0;
}

/** One marked sheet that exists now, with its marks at the cells where they are now. */
export interface MarkedSheet {
  readonly sheet: string;
  readonly marks: readonly RecordMark[];
}

/**
 * The recorded marks at the cells where they are now, one entry per marked sheet that still exists (the one
 * Source names first). Each group's sheet is its Source name's (renames followed), else the sheet the part names.
 * The Cells names list every mark in the part's order, and Excel moved those references with the rows inserted or
 * deleted (the part keeps the old addresses); a mark whose area reads #REF! went with its row. Without the names,
 * or when they do not line up with the part (a program dropped some), the part's addresses stand.
 */
export function resolveMarks(
  groups: readonly MarkGroup[],
  names: RecordNames,
  exists: (sheet: string) => boolean,
): MarkedSheet[] {
  const total = groups.reduce((n, g) => n + g.marks.length, 0);
  const moved = names.positions && names.positions.length === total ? names.positions : null;
  const marked: MarkedSheet[] = [];
  let at = 0;
  groups.forEach((g, k) => {
    const sheet = names.sources[k] ?? (g.sheet !== null && exists(g.sheet) ? g.sheet : null);
    const marks: RecordMark[] = [];
    for (const mark of g.marks) {
      const now = moved ? moved[at++] : { sheet: sheet ?? "", cell: mark.cell };
      if (sheet !== null && now && now.sheet === sheet) marks.push({ ...mark, cell: now.cell });
    }
    if (sheet !== null && marks.length > 0) marked.push({ sheet, marks });
  });
  return marked;
}

/** A name to write; `sheet` when it points at a sheet's A1 (Office.js adds those by their range). */
export interface NameToWrite extends RecordName {
  readonly sheet?: string;
}

/**
 * The names a run writes: each of the tool's sheets by its plan key, the marked sheets (Source, Source2, …; the
 * add-ins name the analysed sheet even without marks), and the marks' cells in the parts' order. Formulas as the
 * package stores them, without `=` (the object models take them with one).
 */
export function recordNamesToWrite(record: {
  readonly sheets: readonly { readonly key: PlanSheetKey; readonly name: string }[];
  readonly sources: readonly string[];
  readonly marks: readonly { readonly sheet: string; readonly cells: readonly string[] }[];
}): NameToWrite[] {
  const names: NameToWrite[] = [];
  for (const sheet of record.sheets)
    names.push({
      name: SHEET_NAME_KEYS[sheet.key],
      formula: `${quoteSheetName(sheet.name)}!$A$1`,
      sheet: sheet.name,
    });
  record.sources.forEach((sheet, k) =>
    names.push({ name: sourceName(k), formula: `${quoteSheetName(sheet)}!$A$1`, sheet }),
  );
  let n = 0;
  for (const group of record.marks)
    for (const formula of cellsNameFormulas(group.sheet, group.cells))
      names.push({ name: `${CELLS_NAME_PREFIX}${++n}`, formula });
  return names;
}

/** Whether a name goes with the marks on 清除标记: the Cells names, and the part kept in names. */
export function isMarksName(name: string): boolean {
  return name.indexOf(CELLS_NAME_PREFIX) === 0 || name.indexOf(PART_NAME_PREFIX) === 0;
}

/** Excel caps a text value in a formula at 255 characters (Excel specifications and limits). */
const MAX_FORMULA_TEXT = 255;

/**
 * The part's text as the formulas of hidden names, for a host that cannot write custom XML: each formula joins
 * text values of at most 255 characters (`="<run …"&"…"`, a quote doubled) and stays under
 * MAX_CELLS_NAME_FORMULA characters. A surrogate pair is never split between two values.
 */
export function partNameFormulas(xml: string): string[] {
  const formulas: string[] = [];
  let formula = "";
  let value = "";
  const endValue = (): void => {
    if (value === "") return;
    const quoted = `"${value}"`;
    if (formula !== "" && formula.length + 1 + quoted.length > MAX_CELLS_NAME_FORMULA) {
      formulas.push(formula);
      formula = "";
    }
    formula = formula === "" ? quoted : `${formula}&${quoted}`;
    value = "";
  };
  for (let i = 0; i < xml.length; i++) {
    const code = xml.charCodeAt(i);
    const pair = code >= 0xd800 && code <= 0xdbff && i + 1 < xml.length;
    const piece = pair ? xml.slice(i, i + 2) : xml[i] === '"' ? '""' : xml[i]!;
    if (value.length + piece.length > MAX_FORMULA_TEXT) endValue();
    value += piece;
    if (pair) i++;
  }
  endValue();
  if (formula !== "") formulas.push(formula);
  return formulas;
}

/** The text a name's formula of text values joins: `="a""b"&"c"` → `a"bc`. */
function textOfFormula(formula: string): string {
  let text = "";
  // One text value: a quote, then anything but a lone quote, then a quote. Examples: `"a"`, `"say ""hi"""`.
  const value = /"((?:[^"]|"")*)"/g;
  let match: RegExpExecArray | null;
  while ((match = value.exec(formula)) !== null) text += match[1]!.replace(/""/g, '"');
  return text;
}
