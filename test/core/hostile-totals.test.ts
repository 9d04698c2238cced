/**
 * Issue #25: a column pasted one row low breaks every total of the table; what the issues list stays linear in the
 * table's size (each wrong-amount issue listed every cell of every broken total of its group, and the --json of
 * 6,000 projects grew quadratic).
 */
import { analyzeTable } from "../../src/core/analyze-table";
import type { CellValue } from "../../src/core/model/grid";
import { buildSyntheticGrid } from "../../bench/synthetic-table";
import { loadSampleGrid } from "../../testing/sample";

function shiftedColumn(projects: number): CellValue[][] {
  const grid = buildSyntheticGrid(loadSampleGrid(), projects).map((row) => [...row]);
  for (let r = grid.length - 1; r > 9; r--) grid[r]![2] = grid[r - 1]![2] ?? null;
  grid[9]![2] = null;
  return grid;
}

test.each([500, 2_000])("%d projects, 财政拨款 one row low: the issues' cells grow linearly", (projects) => {
  const analysis = analyzeTable(shiftedColumn(projects), { locale: "zh-CN" });
  const totals = analysis.issues.filter((i) => i.details.cells !== undefined);
  expect(totals.length).toBeGreaterThan(projects / 2);
  const listed = totals.reduce((n, i) => n + i.details.cells!.length, 0);
  // A project's row and its unit's column: a few dozen cells per issue at most, whatever the table's size.
  expect(listed).toBeLessThan(40 * totals.length);
  for (const issue of totals) expect(issue.details.cells!.length).toBeLessThanOrEqual(60);
});
