/**
 * What a run does with the previous run's work, in every host (Excel, WPS, the package): which cells still wear
 * their mark, which notes are the tool's, which names the new sheets and tables must avoid, and which sheet a run
 * started on one of the tool's own sheets analyses. The adapters read their host's fills, notes and names and ask
 * here. Pure.
 */
import { enUS, MARK_COLORS, MARK_PATTERNS, zhCN, type MarkKind } from "../core";
import { OWN_NAME_PREFIX } from "./run-record-format";

/** The add-ins' comment tags in every language: a run in one language removes the comments of a run in the other. */
export const OWN_COMMENT_TAGS: readonly string[] = [zhCN.notes.commentTag, enUS.notes.commentTag];

/** The author of the notes the CLI writes (the file keeps it), in every language. */
export const OWN_NOTE_AUTHORS: readonly string[] = [zhCN.notes.author, enUS.notes.author];

/** A comment an add-in wrote: it starts with the tag (the author is the clerk's user name). */
export function isOwnComment(text: string): boolean {
  return OWN_COMMENT_TAGS.some((tag) => text.indexOf(tag) === 0);
}

/** A note the CLI wrote: by its author. */
export function isOwnNoteAuthor(author: string): boolean {
  return OWN_NOTE_AUTHORS.indexOf(author) >= 0;
}

/** A cell's fill as a host reads it: solid or not (null where the host cannot tell, below ExcelApi 1.9), a colour. */
export interface FillSeen {
  readonly solid: boolean | null;
  /** "#RRGGBB": a solid fill's colour, or the cell's colour under a pattern; null for no fill. */
  readonly color: string | null;
  /** styles.xml's patternType of a fill that is not solid (lightUp, gray125, …), where the host tells it. */
  readonly pattern?: string | null;
}

/**
 * Does the cell still wear a mark: the mark's colour (`mark`, "#RRGGBB"), or any mark colour when the record does
 * not say which, solid or under that kind's own pattern (MARK_PATTERNS; marks written before the patterns were
 * all solid, so solid counts for every kind)? A host that cannot tell the pattern (below ExcelApi 1.9) goes by the
 * colour. A cell the clerk refilled since, or one that rows inserted or deleted moved there, is theirs and is left
 * alone. A mark is never recognised by its colour alone: only recorded cells are asked.
 */
export function stillWearsMark(fill: FillSeen, mark?: string): boolean {
  if (fill.color === null) return false;
  const color = fill.color.toUpperCase();
  const kinds = (Object.keys(MARK_COLORS) as MarkKind[]).filter(
    (kind) => mark === undefined || mark.toUpperCase() === MARK_COLORS[kind].toUpperCase(),
  );
  const own = kinds.filter((kind) => MARK_COLORS[kind].toUpperCase() === color);
  if (own.length > 0)
    return fill.solid !== false || own.some((kind) => MARK_PATTERNS[kind].pattern === fill.pattern);
  return fill.solid !== false && kinds.some((kind) => isFlattenedMark(color, kind));
}

/**
 * LibreOffice Calc (7.x) has no cell patterns: it shows, prints and saves a patterned fill as a solid one, the
 * pattern's colour mixed into the cell's by the pattern's density (lightUp and lightHorizontal a quarter, gray125
 * an eighth). A mark of a file saved there is that colour, give or take its rounding: #E7CA75 for a warning
 * (#9C6500 over #FFEB9C).
 */
const FLATTENED_SHARE: Readonly<Record<string, number>> = {
  lightUp: 1 / 4,
  lightHorizontal: 1 / 4,
  gray125: 1 / 8,
};

function isFlattenedMark(color: string, kind: MarkKind): boolean {
  const { pattern, color: patternColor } = MARK_PATTERNS[kind];
  const share = FLATTENED_SHARE[pattern];
  if (patternColor === null || share === undefined || !/^#[0-9A-F]{6}$/.test(color)) return false;
  const channel = (hex: string, i: number) => parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16);
  for (let i = 0; i < 3; i++) {
    const mixed = channel(patternColor, i) * share + channel(MARK_COLORS[kind], i) * (1 - share);
    if (Math.abs(channel(color, i) - mixed) > 2) return false;
  }
  return true;
}

/**
 * The sheet a run analyses: the active one, unless it is one of the tool's own sheets (say 校验结果 after the clerk
 * fixed the source), which analyses the last source again; null when that is gone (the run refuses: running on
 * the tool's sheet would delete it). Sheets by whatever the host identifies them with (an id, a name).
 */
export function sheetToAnalyse(
  active: string,
  own: readonly string[],
  lastSource: string | null,
  exists: (sheet: string) => boolean,
): string | null {
  if (own.indexOf(active) < 0) return active;
  return lastSource !== null && exists(lastSource) ? lastSource : null;
}

/** The tool's sheets a run replaces: all of them but the one it analyses (a clerk may have run on one). */
export function sheetsToReplace(own: readonly string[], analysed: string): string[] {
  return own.filter((sheet) => sheet !== analysed);
}

/**
 * Names the plan's sheets and tables must avoid: every sheet but those replaced, every table but those on the
 * replaced sheets, and the workbook's defined names that are not the tool's (a table may not share one).
 */
export function namesToAvoid(workbook: {
  readonly sheets: readonly string[];
  readonly replaced: readonly string[];
  readonly tables: readonly string[];
  readonly replacedTables: readonly string[];
  readonly definedNames?: readonly string[];
}): { readonly sheets: string[]; readonly tables: string[] } {
  const sheets = workbook.sheets.filter((s) => workbook.replaced.indexOf(s) < 0);
  const tables = workbook.tables.filter((t) => workbook.replacedTables.indexOf(t) < 0);
  const names = (workbook.definedNames ?? []).filter((n) => n.indexOf(OWN_NAME_PREFIX) !== 0);
  return { sheets, tables: tables.concat(names) };
}
