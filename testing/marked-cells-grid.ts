/**
 * A table with many marked cells: the sample's title and header, then `rows` projects whose total (18.50)
 * disagrees with its one funding column (18.00) and that have no indicators; each row is an error and a warning,
 * so about two marked cells a row. For the 20,000-marked-cells measurements (test/excel/excel-limits.test.ts,
 * npm run bench:excel).
 */
import type { CellValue } from "../src/core/model/grid";

export function markedCellsGrid(sample: readonly (readonly CellValue[])[], rows: number): CellValue[][] {
  const header = sample.findIndex((row) => String(row[0] ?? "").startsWith("项目名称"));
  if (header < 0) throw new Error("the sample has no header row");
  const grid: CellValue[][] = sample.slice(0, header + 1).map((row) => [...row]);
  for (let i = 0; i < rows; i++) grid.push([`项目${i}`, "18.50", "18.00", null, null, "目标", null]);
  return grid;
}
