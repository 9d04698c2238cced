/**
 * The output plan: everything the add-in and the CLI write, as data. The core builds it (build-plan.ts); the
 * Office.js shell (src/excel) and the ExcelJS shell (src/xlsx) only apply it, so both write the same thing.
 */
import type { Severity } from "./issue";

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
  /** Width in characters (Excel's column width unit). */
  readonly width: number;
  /** "@" for text, "0.00" / "General" for numbers. Set before the values are written. */
  readonly numberFormat: string;
  readonly wrap: boolean;
}

export type PlanSheetKey = "detail" | "checks";

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
}

export interface PlanMark {
  /** A1 address on the source sheet (or on `sheet`). */
  readonly cell: string;
  /** The sheet, when it is not the source sheet: an analysis of tables on several sheets marks each of them. */
  readonly sheet?: string;
  readonly severity: Exclude<Severity, "info">;
  /** Fill colour, "#FFC7CE" for errors, "#FFEB9C" for warnings. */
  readonly color: string;
}

export interface Plan {
  /** Name of the analysed sheet; marks apply there and links point there. */
  readonly sourceSheet: string;
  /** The tool's sheets, in the order to create them. A re-run deletes sheets of these names first. */
  readonly sheets: readonly PlanSheet[];
  /** One entry per marked cell, at most one per cell (the worst severity wins). */
  readonly marks: readonly PlanMark[];
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

export const MARK_COLORS: Readonly<Record<Exclude<Severity, "info">, string>> = {
  error: "#FFC7CE",
  warning: "#FFEB9C",
};
