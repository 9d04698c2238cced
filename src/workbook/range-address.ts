/**
 * Addresses as Office.js reports them ("Sheet1!A1:G133", "'My sheet'!B2", "'O''Brien'!C3:C4") and the
 * rectangles behind them. Pure: no Office calls, so the read step stays one sync and is testable.
 */
import { columnLetter, parseCellAddress, unquoteSheetName } from "../core";

/** A block of cells, 1-based and inclusive. */
export interface CellRect {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface SheetRange {
  /** Sheet name with quoting removed; null when the address had no sheet part. */
  readonly sheet: string | null;
  readonly rect: CellRect;
}

/**
 * "Sheet1!A1:G133" → { sheet: "Sheet1", rect: A1:G133 }; "'O''Brien'!C3" → sheet "O'Brien"; "B2:C3" → sheet null.
 * Returns null for anything that is not one rectangular area (e.g. "A1:B2,C3" or a whole column "A:A").
 */
export function parseRangeAddress(address: string): SheetRange | null {
  const bang = address.lastIndexOf("!");
  const sheetPart = bang >= 0 ? address.slice(0, bang) : null;
  const cellPart = bang >= 0 ? address.slice(bang + 1) : address;
  const sheet = sheetPart === null ? null : unquoteSheetName(sheetPart);
  const [first, second, extra] = cellPart.split(":");
  if (first === undefined || extra !== undefined) return null;
  const a = parseCellAddress(first);
  const b = second === undefined ? a : parseCellAddress(second);
  if (!a || !b) return null;
  return {
    sheet,
    rect: {
      top: Math.min(a.row, b.row),
      left: Math.min(a.column, b.column),
      bottom: Math.max(a.row, b.row),
      right: Math.max(a.column, b.column),
    },
  };
}

/** { top: 2, left: 1, bottom: 5, right: 3 } → "A2:C5"; a single cell → "A2". */
export function rectAddress(rect: CellRect): string {
  const start = `${columnLetter(rect.left)}${rect.top}`;
  if (rect.top === rect.bottom && rect.left === rect.right) return start;
  return `${start}:${columnLetter(rect.right)}${rect.bottom}`;
}

/** The overlap of two rectangles, or null when they do not meet. */
export function intersectRects(a: CellRect, b: CellRect): CellRect | null {
  const top = Math.max(a.top, b.top);
  const left = Math.max(a.left, b.left);
  const bottom = Math.min(a.bottom, b.bottom);
  const right = Math.min(a.right, b.right);
  return top <= bottom && left <= right ? { top, left, bottom, right } : null;
}
