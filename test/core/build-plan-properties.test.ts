import fc from "fast-check";
import { analyzeTable } from "../../src/core/analyze-table";
import { buildPlan } from "../../src/core/plan/build-plan";
import type { CellValue } from "../../src/core/model/grid";
import { MAX_CELL_TEXT } from "../../src/core/plan/plan";
import { isValidSheetName } from "../../src/core/plan/sheet-name";
import { loadSampleGrid } from "../../testing/sample";

/** Grids that look like the sample with cells replaced by random text, numbers and blanks. */
const mutatedSample = fc
  .array(
    fc.tuple(
      fc.nat(40),
      fc.nat(8),
      fc.oneof(
        fc.string(),
        fc.double({ noNaN: true }),
        fc.constant(null),
        fc.constant("1、产出指标：数量指标：x；"),
      ),
    ),
    { maxLength: 12 },
  )
  .map((edits) => {
    const grid: CellValue[][] = loadSampleGrid().map((r) => [...r]);
    for (const [r, c, v] of edits) {
      const row = grid[r % grid.length]!;
      row[c] = v;
    }
    return grid;
  });

test("for any table: one detail row per indicator, rows as wide as the columns, marks on distinct cells, valid names", () => {
  fc.assert(
    fc.property(mutatedSample, fc.constantFrom("zh-CN" as const, "en-US" as const), (grid, locale) => {
      const analysis = analyzeTable(grid, { locale });
      const plan = buildPlan(analysis, { sourceSheet: "Sheet1", locale, avoidSheetNames: ["指标明细"] });
      const indicators = analysis.projects.reduce((n, p) => n + p.indicators.length, 0);
      const [detail, checks] = plan.sheets;
      expect(detail!.rows).toHaveLength(indicators);
      expect(checks!.rows).toHaveLength(Math.max(1, analysis.issues.length));
      for (const sheet of plan.sheets) {
        expect(isValidSheetName(sheet.name)).toBe(true);
        for (const row of sheet.rows) {
          expect(row).toHaveLength(sheet.columns.length);
          for (const cell of row)
            if (typeof cell === "string") expect(cell.length).toBeLessThanOrEqual(MAX_CELL_TEXT);
        }
      }
      expect(new Set(plan.marks.map((m) => m.cell)).size).toBe(plan.marks.length);
      expect(plan.activate).toBe(analysis.issues.some((i) => i.severity === "error") ? "checks" : "detail");
    }),
    { numRuns: 60 },
  );
});
