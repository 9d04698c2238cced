/**
 * Limits checked before and while reading, so that a file too large for Excel or for this tool's memory is
 * refused with one line saying which limit, never by running out of memory. Excel's own limits come from
 * "Excel specifications and limits" (Microsoft Support): 1,048,576 rows, 16,384 columns, 32,767 characters per
 * cell. The others bound this tool's work: a package's uncompressed size (a zip bomb is refused from its
 * directory, before inflating), and the text and cells of the analysed table, which the analysis holds in
 * memory. Measured: the 10,000-project table holds 4.7 million characters, and `normalize` peaks at about
 * 210 MB there and 340 MB at twice that; 20 million characters (about 43,000 projects) stays well inside the
 * heap Node gives a process on a 4 GB PC.
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
}

export const DEFAULT_LIMITS: ReadLimits = {
  packageBytes: 1 << 30,
  partBytes: 512 * (1 << 20),
  tableText: 20_000_000,
  tableCells: 20_000_000,
};
