/**
 * The run record's vocabulary, shared by the two shells that read and write it (the CLI edits the package's
 * XML, the add-in goes through Office.js): the hidden names, the custom XML part's namespace and element names,
 * and the two spellings of a fill pattern. docs/marks-record.md is the contract. Pure: no I/O.
 */
import { columnLetter, parseCellAddress, quoteSheetName, unquoteSheetName, type PlanSheetKey } from "../core";

export const OWN_NAME_PREFIX = "IndicatorNormalizer.";
export const SHEET_NAME_KEYS: Readonly<Record<PlanSheetKey, string>> = {
  detail: `${OWN_NAME_PREFIX}Detail`,
  checks: `${OWN_NAME_PREFIX}Checks`,
  compare: `${OWN_NAME_PREFIX}Compare`,
};
/** The sheet the last run analysed, whose cells carry the marks. */
export const SOURCE_NAME = `${OWN_NAME_PREFIX}Source`;
/** Written by CLI versions before the record existed: the marked cells, recognised by their mark colour. */
export const LEGACY_MARKS_NAME = `${OWN_NAME_PREFIX}Marks`;
/**
 * `IndicatorNormalizer.Cells.1`, `.2`, …: the marked cells again, in the part's order, as one multi-area reference
 * per name. Excel moves a name's references when the clerk inserts or deletes rows or columns, so these say where
 * each recorded mark is now; the part keeps the addresses as they were when the marks were made.
 */
export const CELLS_NAME_PREFIX = `${OWN_NAME_PREFIX}Cells.`;
export const RECORD_NAMESPACE = "urn:indicator-normalizer:run:1";
/**
 * `IndicatorNormalizer.Part.1`, `.2`, …: the part's text kept in hidden names, by a WPS build or a file format
 * without custom XML (.et, .xls), where the names outlast the session and the part could not be written.
 */
export const PART_NAME_PREFIX = `${OWN_NAME_PREFIX}Part.`;

/**
 * Excel caps a formula at 8,192 characters ("Excel specifications and limits": length of formula contents); a
 * Cells name's reference list stays under this many, so that every program can write and read it back.
 */
export const MAX_CELLS_NAME_FORMULA = 8000;

/**
 * Sheet-qualified areas of a name's formula or of an address list, in order; `#REF!` areas (their rows or sheet
 * were deleted) are kept as null so that positions still line up. Examples: `'指标明细'!$A$1` → [指标明细!A1];
 * `=Sheet1!$G$20,Sheet1!$G$22` → [Sheet1!G20, Sheet1!G22]; `=Sheet1!#REF!,Sheet1!$G$21` → [null, Sheet1!G21].
 */
export function splitReferences(formula: string): ({ sheet: string; cell: string } | null)[] {
  // One pass over the text (a regex with an unanchored sheet part backtracked quadratically: an 11 KB name took
  // minutes): areas are cut at commas outside quotes, then each area is read on its own.
  const refs: ({ sheet: string; cell: string } | null)[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i <= formula.length; i++) {
    const ch = formula[i];
    if (ch === "'") quoted = !quoted;
    else if (i === formula.length || (ch === "," && !quoted)) {
      const ref = areaOf(formula.slice(start, i));
      if (ref !== undefined) refs.push(ref);
      start = i + 1;
    }
  }
  return refs;
}

/**
 * One cell or block, anchored: `$A$1`, `b2`, `$B$2:$C$3`. Only ever run on one area's text after its `!`.
 */
const AREA_CELL = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?[A-Za-z]{1,3}\$?\d+)?$/;

/**
 * One area of a reference list: its sheet and first cell; null for an area that reads #REF! or names no sheet;
 * undefined for text that is no area (it takes no place in the list). Examples: `'a''b'!$A$1` → a'b!A1,
 * `=Sheet1!$B$2:$C$3` → Sheet1!B2, `Sheet1!#REF!` → null, `#REF!` → null.
 */
function areaOf(text: string): { sheet: string; cell: string } | null | undefined {
  const area = text.trim().replace(/^=/, "");
  if (area === "") return undefined;
  let bang = -1;
  if (area[0] === "'") {
    // A quoted sheet name ends at a quote not doubled: `'O''Brien'!` → the `!` after the last quote.
    let i = 1;
    while (i < area.length) {
      if (area[i] === "'" && area[i + 1] === "'") i += 2;
      else if (area[i] === "'") break;
      else i++;
    }
    bang = area[i + 1] === "!" ? i + 1 : -1;
  } else bang = area.indexOf("!");
  // A deleted row or sheet: `Sheet1!#REF!`, `#REF!$A$1`, a bare `#REF!`.
  if (area.indexOf("#REF!") >= 0) return null;
  const sheetPart = bang > 0 ? area.slice(0, bang).trim() : null;
  const rest = bang >= 0 ? area.slice(bang + 1).trim() : area;
  const match = AREA_CELL.exec(rest);
  if (!match) return undefined;
  const cell = `${match[1]!.toUpperCase()}${match[2]}`;
  if (sheetPart === null || (sheetPart[0] !== "'" && /['=]/.test(sheetPart))) return null;
  return parseCellAddress(cell) ? { sheet: unquoteSheetName(sheetPart), cell } : null;
}

/**
 * The marked cells as the Cells names' references, in order, each list under MAX_CELLS_NAME_FORMULA characters
 * (without the leading `=`): `'目标表'!$G$20,'目标表'!$G$22`.
 */
export function cellsNameFormulas(sheet: string, cells: readonly string[]): string[] {
  const prefix = `${quoteSheetName(sheet)}!`;
  const formulas: string[] = [];
  let current = "";
  for (const cell of cells) {
    const pos = parseCellAddress(cell);
    if (!pos) continue;
    const area = `${prefix}$${columnLetter(pos.column)}$${pos.row}`;
    if (current && current.length + 2 + area.length > MAX_CELLS_NAME_FORMULA) {
      formulas.push(current);
      current = "";
    }
    current = current ? `${current},${area}` : area;
  }
  if (current) formulas.push(current);
  return formulas;
}

/**
 * Excel.FillPattern (what Office.js reads and sets) → patternType of styles.xml (what the record and the CLI use).
 * The pairs are Excel's own: the Format Cells pattern list saves "50% Gray" (Gray50) as mediumGray, and so on.
 */
const PATTERN_TO_OOXML: Readonly<Record<string, string>> = {
  None: "none",
  Solid: "solid",
  Gray50: "mediumGray",
  Gray75: "darkGray",
  Gray25: "lightGray",
  Gray16: "gray125",
  Gray8: "gray0625",
  Horizontal: "darkHorizontal",
  Vertical: "darkVertical",
  Down: "darkDown",
  Up: "darkUp",
  Checker: "darkGrid",
  SemiGray75: "darkTrellis",
  LightHorizontal: "lightHorizontal",
  LightVertical: "lightVertical",
  LightDown: "lightDown",
  LightUp: "lightUp",
  Grid: "lightGrid",
  CrissCross: "lightTrellis",
};

/** "Gray50" → "mediumGray"; null for a pattern styles.xml has no patternType for (the gradients). */
export function ooxmlPatternOf(fillPattern: string): string | null {
  return PATTERN_TO_OOXML[fillPattern] ?? null;
}

/** "mediumGray" → "Gray50"; null for anything else. */
export function fillPatternOf(ooxmlPattern: string): string | null {
  for (const key of Object.keys(PATTERN_TO_OOXML)) if (PATTERN_TO_OOXML[key] === ooxmlPattern) return key;
  return null;
}
