/** 1 → "A", 26 → "Z", 27 → "AA", 16384 → "XFD". */
export function columnLetter(column: number): string {
  if (!Number.isInteger(column) || column < 1)
    throw new RangeError(`column must be a positive integer, got ${column}`);
  let n = column;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** (12, 2) → "B12". Row and column are 1-based sheet positions. */
export function cellAddress(row: number, column: number): string {
  return `${columnLetter(column)}${row}`;
}

/**
 * "B12" → { row: 12, column: 2 }; "$AA$3" → { row: 3, column: 27 }; anything else → null.
 * Pattern examples: `B12`, `$AA$3`, `xfd1048576`.
 */
export function parseCellAddress(address: string): { row: number; column: number } | null {
  const match = /^\$?([A-Za-z]{1,3})\$?([1-9][0-9]{0,6})$/.exec(address.trim());
  if (!match) return null;
  const letters = match[1]!.toUpperCase();
  let column = 0;
  for (const ch of letters) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(match[2]), column };
}

/** A cell of the sheet: its 1-based row and column, and its A1 address, worked out once from the numbers. */
export interface SheetCell {
  readonly row: number;
  readonly column: number;
  readonly address: string;
}

/** (12, 2) → { row: 12, column: 2, address: "B12" }. */
export function sheetCell(row: number, column: number): SheetCell {
  return { row, column, address: cellAddress(row, column) };
}

/** Column letters in sheet order: B before AA (shorter first, then A–Z; letters are ASCII capitals). */
export function compareColumnLetters(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
