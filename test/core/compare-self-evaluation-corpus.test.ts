/**
 * A target table against its self-evaluation, on the real published self-evaluation tables
 * (test/fixtures/corpus/selfeval, rebuilt from ../shared/corpus). The corpus holds no target table of the same
 * projects, so each one's target table is rebuilt from what the self-evaluation states (项目名称 and, per
 * indicator, its levels, name and 年度指标值, as a department table writes them). Against it:
 * - the self-evaluation as published finds nothing (every project paired);
 * - a target the clerk changed in the self-evaluation (a number raised by one) is found as `target-changed`, on
 *   that indicator;
 * - an indicator of the target table missing from the self-evaluation is found as `dropped`.
 */
import { readdirSync } from "fs";
import { join } from "path";
import { analyzeTable } from "../../src/core/analyze-table";
import { compareTables } from "../../src/core/compare/compare-tables";
import type { Analysis } from "../../src/core/model/analysis";
import { readInput } from "../../src/xlsx/read-input";
import { targetTableOf } from "../../testing/target-table";
import { valueCell } from "../../testing/value-cell";

const DIR = join(__dirname, "..", "fixtures", "corpus", "selfeval");
const FIXTURES = readdirSync(DIR).filter((f) => f.endsWith(".xlsx"));

const withTargets = (a: Analysis) => a.projects.some((p) => p.indicators.some((i) => i.annualValue !== null));
let seeded = 0;

afterAll(() =>
  console.log(`corpus self-evaluations against their targets: ${seeded} seeded target changes found`),
);

describe.each(FIXTURES)("%s", (file) => {
  test("against the target table it was set in: paired, nothing to check; a changed target and a dropped indicator found", async () => {
    const input = await readInput(join(DIR, file));
    const { origin } = input;
    const grid = input.grid.map((r) => [...r]);
    const self = analyzeTable(grid, { origin });
    if (!withTargets(self)) return; // a blank template or a table whose targets the excerpt cut
    const target = analyzeTable(targetTableOf(self));
    const same = compareTables(target, self);
    expect(same.against).toBe("self-evaluation");
    expect(same.matchedProjects).toBe(self.projects.length);
    expect(same.findings).toEqual([]);

    const dropped = compareTables(
      analyzeTable(targetTableOf(self, undefined, ["年初设定的另一项指标"])),
      self,
    ).findings;
    expect(dropped.map((f) => [f.kind, f.indicator])).toEqual(
      self.projects.map(() => ["dropped", "年初设定的另一项指标"]),
    );

    for (const project of self.projects)
      for (const indicator of project.indicators) {
        const v = indicator.annual;
        const cell = valueCell(grid, origin, indicator);
        if (v === null || v.value === null || v.op === "text" || v.op === "range" || cell === null) continue;
        const written = String(grid[cell[0]]![cell[1]]);
        const number = String(v.value);
        if (!written.includes(number)) continue;
        const copy = grid.map((r) => [...r]);
        copy[cell[0]]![cell[1]] = written.replace(number, String(v.value + 1));
        const findings = compareTables(target, analyzeTable(copy, { origin })).findings;
        expect(findings.map((f) => [f.kind, f.project, f.indicator])).toEqual([
          ["target-changed", project.name, indicator.name],
        ]);
        seeded++;
        return;
      }
  });
});

test("the seeded target changes ran on at least four real tables (so an edit that fits none cannot pass unseen)", () => {
  expect(seeded).toBeGreaterThanOrEqual(4);
});
