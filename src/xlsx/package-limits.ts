/**
 * Limits checked before and while reading, so that a file too large for Excel or for this tool's memory is
 * refused with one line saying which limit, never by running out of memory. Excel's own limits come from
 * "Excel specifications and limits" (Microsoft Support): 1,048,576 rows, 16,384 columns, 32,767 characters per
 * cell. The others bound this tool's work: a package's uncompressed size (a zip bomb is refused from its
 * directory, before inflating), and the text, cells and rows of the sheets read, which the analysis holds in
 * memory; they count across all the sheets of a workbook, not per sheet (four sheets each inside a per-sheet
 * limit took 3.3 GB). The goal is a peak under 1 GB, for a 4 GB PC. Measured (`normalize`, issue #25): the
 * 10,000-project table holds 4.7 million characters and peaks at about 210 MB (about 19 bytes per character
 * beyond 12 KB per row); small projects of one indicator each cost about 13 KB per row (their issues, marks and
 * notes), 664 MB at 50,000 and 1.3 GB at 100,000. 12 million characters and 50,000 rows keep either shape, and
 * the two together, under about 850 MB.
 */
export { MAX_CELL_TEXT } from "../core";

export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_COLUMNS = 16_384;

export interface ReadLimits {
  /** All parts of the package together, uncompressed, as the zip directory declares them. */
  readonly packageBytes: number;
  /** One part read whole or streamed (workbook, styles, shared strings, the sheet). */
  readonly partBytes: number;
  /** Characters in the analysed sheet's text cells, counted as Excel counts (UTF-16 units). */
  readonly tableText: number;
  /** Cells of the analysed grid (rows × their used width). */
  readonly tableCells: number;
  /** Rows that hold anything, across the sheets read. */
  readonly tableRows: number;
}

export const DEFAULT_LIMITS: ReadLimits = {
  packageBytes: 1 << 30,
  partBytes: 512 * (1 << 20),
  tableText: 12_000_000,
  tableCells: 20_000_000,
  tableRows: 50_000,
};

/** What the sheets read so far have used of the table limits: one per workbook, shared by its sheets. */
export interface TableBudget {
  text: number;
  cells: number;
  rows: number;
}

export function newTableBudget(): TableBudget {
  return { text: 0, cells: 0, rows: 0 };
}
