import type { CellValue, Grid, Origin } from "../model/grid";
import { sheetCell } from "../model/cell-address";
import { makeIssue, type IssueDraft } from "../model/issue";

/**
 * Cells whose number lost digits on its way into Excel: "Excel stores only 15 significant digits in a number and
 * changes digits after the fifteenth place to zeros" (Microsoft KB 269370). A 项目代码 of 18 or 20 digits pasted
 * or typed into a General cell is kept as 15 digits and zeros, and General shows it in scientific notation
 * (1.23457E+19). Two forms reach the core:
 * - a number of 16 digits or more before its decimal point (|n| ≥ 10¹⁵): what Excel, an .xlsx or the add-in
 *   holds;
 * - a text in Excel's scientific notation with an exponent of 15 or more: what a clerk copied off the screen.
 * Text that holds every digit (a column formatted as Text, a .tsv) lost nothing and is not reported.
 */
export function findLostDigits(grid: Grid, origin: Origin): IssueDraft[] {
  const found: IssueDraft[] = [];
  for (let r = 0; r < grid.length; r++) {
    const row = grid[r]!;
    for (let c = 0; c < row.length; c++) {
      const shown = lostDigits(row[c]);
      if (shown === null) continue;
      found.push(makeIssue("digits-lost", sheetCell(origin.row + r, origin.column + c), { text: shown }));
    }
  }
  return found;
}

/**
 * Excel's scientific notation for 16 digits or more. Examples: `1.23457E+19`, `1.23E+19`, `9E+15`; not `1.5E+3`
 * or `1.23457E-19`.
 */
const SCIENTIFIC_16_DIGITS = /^[+-]?\d(?:\.\d+)?E\+(?:1[5-9]|[2-9]\d|\d{3})$/i;

/** The value as the cell holds it when it lost digits, else null. */
function lostDigits(value: CellValue | undefined): string | null {
  if (typeof value === "number") {
    if (!isFinite(value) || Math.abs(value) < 1e15) return null;
    // Below 10²¹ JavaScript writes every digit (12345678901234500000); above, in exponent form.
    return String(value);
  }
  if (typeof value === "string") {
    const text = value.trim();
    return SCIENTIFIC_16_DIGITS.test(text) ? text : null;
  }
  return null;
}
