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

/** The text of a cell, trimmed ("" for an empty cell); numbers as they print. */
export function cellText(cell: CellValue | undefined): string {
  if (cell === null || cell === undefined) return "";
  return (typeof cell === "string" ? cell : String(cell)).trim();
}

/** A cell's text as pasted (not trimmed), so that offsets and quotes match the cell. */
export function rawText(cell: CellValue | undefined): string {
  if (cell === null || cell === undefined) return "";
  return typeof cell === "string" ? cell : String(cell);
}

/** No cell of the row holds anything but blanks. */
export function isBlankRow(row: readonly CellValue[] | undefined): boolean {
  return !row || row.every((cell) => cellText(cell) === "");
}

/** The first non-empty cell text of a row ("" if none): where a note (注：…) would start. */
export function firstTextOf(row: readonly CellValue[] | undefined): string {
  for (const cell of row ?? []) {
    const text = cellText(cell);
    if (text !== "") return text;
  }
  return "";
}
