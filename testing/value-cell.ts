/**
 * Where an indicator's written 年度指标值 sits on its row of a grid read from a file: the cell whose text is exactly
 * that value (a form with 中期 and 年度 groups writes the row's other values in other cells). For the corpus tests
 * that seed an edit into a real table's value cell.
 */
import type { Indicator } from "../src/core/model/analysis";
import { parseCellAddress } from "../src/core/model/cell-address";
import type { CellValue, Origin } from "../src/core/model/grid";

/** [row, column] in the grid of the indicator's value cell, or null when no cell holds its value as written. */
export function valueCell(
  grid: readonly (readonly CellValue[])[],
  origin: Origin,
  indicator: Indicator,
): [number, number] | null {
  const at = parseCellAddress(indicator.cell);
  const written = indicator.annualValue;
  if (!at || written === null) return null;
  const row = grid[at.row - origin.row];
  if (!row) return null;
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (v !== null && v !== undefined && String(v).trim() === written.trim()) return [at.row - origin.row, c];
  }
  return null;
}
