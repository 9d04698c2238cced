/** What a shell reads from a sheet: cell values as Excel or a text file hands them over. */
export type CellValue = string | number | boolean | null;

/** Rows of cells; rows may have different lengths (a pasted TSV line stops at its last tab). */
export type Grid = readonly (readonly CellValue[])[];

/** The sheet position of grid[0][0], both 1-based (A1 is { row: 1, column: 1 }). */
export interface Origin {
  readonly row: number;
  readonly column: number;
}

export const A1_ORIGIN: Origin = { row: 1, column: 1 };
