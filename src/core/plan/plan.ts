/**
 * The output plan: everything the add-in and the CLI write, as data. The core builds it (build-plan.ts); the
 * Office.js shell (src/excel) and the ExcelJS shell (src/xlsx) only apply it, so both write the same thing.
 */
import type { Severity } from "../model/issue";

/** A link to a cell of another sheet of the same workbook. */
export interface PlanLink {
  readonly sheet: string;
  readonly cell: string;
}

/**
 * One cell value. Strings are always written so that they read back as the same string (see
 * text-guard.ts), numbers as numbers; a link shows its text and jumps to the target cell.
 */
export type PlanCell = string | number | null | { readonly text: string; readonly link: PlanLink };

export interface PlanColumn {
  readonly header: string;
  /** Width in characters (Excel's column width unit): wide enough for the content (plan-layout.ts). */
  readonly width: number;
  /** "@" for text, "0.00" / "General" for numbers. Set before the values are written. */
  readonly numberFormat: string;
  /** Long text wraps inside the column (its rows are made tall enough: PlanSheet.rowHeights). */
  readonly wrap: boolean;
}

/** The tool's sheets: 指标明细, 校验结果 and, when the run compared with last year's table, 年度对比. */
export type PlanSheetKey = "detail" | "checks" | "compare";

export interface PlanSheet {
  readonly key: PlanSheetKey;
  /** Valid, unique sheet name (≤ 31 characters, no : \ / ? * [ ] or their full-width forms). */
  readonly name: string;
  readonly columns: readonly PlanColumn[];
  /** Data rows below the header row; each row has columns.length cells. */
  readonly rows: readonly (readonly PlanCell[])[];
  /** An Excel table over header + rows, with filters; null for a sheet that is not a table. */
  readonly table: { readonly name: string; readonly style: string } | null;
  /** Rows frozen at the top (1 = the header). */
  readonly freezeRows: number;
  /**
   * Height in points of each data row that needs more than one line for its wrapped text; null keeps the default
   * height. The file shell writes them (no program measures text there); Office.js asks Excel to fit the rows.
   */
  readonly rowHeights: readonly (number | null)[];
  /** Cells with a fill of their own: the severity column, coloured like the marks. */
  readonly fills: readonly PlanFill[];
  readonly print: PlanPrint;
}

/** A filled cell of a plan sheet: data row and column, 0-based (row 0 is the first row below the header). */
export interface PlanFill {
  readonly row: number;
  readonly column: number;
  /** "#RRGGBB". */
  readonly color: string;
}

/** How a sheet prints: as the clerk prints it, with no setup of their own. */
export interface PlanPrint {
  readonly orientation: "landscape" | "portrait";
  /** Every column on this many pages across (1); the rows run on as many pages as they need. */
  readonly fitToPagesWide: number;
  /** The top rows repeated on every page (1 = the header row). */
  readonly repeatRows: number;
  /** Paper: A4, as government offices print. */
  readonly paper: "A4";
  /** Footer, left and right, in Excel's header and footer codes (&A the sheet's name, &P the page, &N pages). */
  readonly footer: { readonly left: string; readonly right: string };
}

/**
 * What a mark says: an error (red) or a warning (yellow) to act on, a consequence (light blue): a total that
 * disagrees only because of another cell (a wrong-amount issue lists it), which the clerk must not "fix", or a
 * change since last year's table (light purple) to look at when the run compared the two (年度对比).
 */
export type MarkKind = Exclude<Severity, "info"> | "consequence" | "change";

export interface PlanMark {
  /** A1 address on the source sheet (or on `sheet`). */
  readonly cell: string;
  /** The sheet, when it is not the source sheet: an analysis of tables on several sheets marks each of them. */
  readonly sheet?: string;
  readonly severity: MarkKind;
  /** Fill colour, MARK_COLORS[severity]. */
  readonly color: string;
}

/** A note (a legacy comment) on a marked source cell saying what is wrong there. */
export interface PlanNote {
  /** A1 address on the source sheet (or on `sheet`). */
  readonly cell: string;
  /** The sheet, when it is not the source sheet (as PlanMark.sheet). */
  readonly sheet?: string;
  readonly text: string;
}

export interface Plan {
  /** Name of the analysed sheet; marks apply there and links point there. */
  readonly sourceSheet: string;
  /** The tool's sheets, in the order to create them. A re-run deletes sheets of these names first. */
  readonly sheets: readonly PlanSheet[];
  /** One entry per marked cell, at most one per cell (the worst severity wins). */
  readonly marks: readonly PlanMark[];
  /**
   * A note on each marked cell, in the marks' order. A cell that already has a comment of the clerk's keeps it
   * and gets no note (the shells count those).
   */
  readonly notes: readonly PlanNote[];
  /** The author the notes are written under (and recognised by on the next run). */
  readonly noteAuthor: string;
  /**
   * What starts each note written as an Office.js comment: a comment's author is the clerk's name there, so this
   * is how the next run and 清除标记 recognise the add-in's comments.
   */
  readonly commentTag: string;
  /** The sheet to show after a run: the checks when there are errors, else the indicator detail. */
  readonly activate: PlanSheetKey;
  /**
   * Cells of the new sheets whose text was longer than Excel's 32,767-character limit: the cell holds the
   * start of the text and a visible note, and the shells report these so nothing is cut silently.
   */
  readonly truncated?: readonly PlanTruncation[];
}

export interface PlanTruncation {
  readonly sheet: PlanSheetKey;
  /** A1 address in that sheet (row 1 is the header). */
  readonly cell: string;
  /** Length of the whole text, in UTF-16 units (Excel's count). */
  readonly length: number;
}

/** Excel's limit on the characters of one cell (the cut itself is fit-cell-text.ts's). */
export { MAX_CELL_TEXT } from "./fit-cell-text";

/**
 * Red and yellow are Excel's own "Bad" and "Neutral" fills, which clerks read as "wrong" and "check". A
 * consequence is light blue (Excel's "Blue, Accent 1, Lighter 80%"): visibly touched by the run, and of no
 * colour that says "change me", so that the clerk looks at the red cell first.
 */
export const MARK_COLORS: Readonly<Record<MarkKind, string>> = {
  error: "#FFC7CE",
  warning: "#FFEB9C",
  consequence: "#DDEBF7",
  // Excel's "Purple, Accent 4, Lighter 80%": a change to review, in no colour that says wrong or check.
  change: "#E4DFEC",
};

/**
 * How a mark tells its kind without colour, on a black-and-white printer or to a colour-blind reader: a fill
 * pattern over the mark's colour (MARK_COLORS stays the cell's colour under it). An error is solid (a flat block,
 * the strongest); a warning has thin diagonal stripes, a consequence sparse dots, a change thin horizontal lines,
 * each in a darker shade of the mark's colour (a warning's is Excel's "Neutral" text colour; a consequence's the
 * lightest, so that LibreOffice, which prints a pattern as its colours mixed, still prints it lighter than an
 * error: greys 216 error, 201 warning, 226 consequence, 190 change). `pattern` is
 * styles.xml's patternType (Office.js: LightUp, Gray16, LightHorizontal; WPS: xlPatternLightUp, xlPatternGray16,
 * xlPatternLightHorizontal); `color` the pattern's colour, null for solid. Office.js sets patterns from ExcelApi
 * 1.9: below it a mark is its solid colour only.
 */
export const MARK_PATTERNS: Readonly<
  Record<MarkKind, { readonly pattern: string; readonly color: string | null }>
> = {
  error: { pattern: "solid", color: null },
  warning: { pattern: "lightUp", color: "#9C6500" },
  consequence: { pattern: "gray125", color: "#9BC2E6" },
  change: { pattern: "lightHorizontal", color: "#7030A0" },
};

/** A mark's precedence on a cell: an error wins over a warning, which wins over a consequence. */
export const MARK_ORDER: Readonly<Record<MarkKind, number>> = {
  error: 0,
  warning: 1,
  consequence: 2,
  change: 3,
};
