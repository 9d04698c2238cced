/**
 * Year over year on the real published tables (test/fixtures/corpus, rebuilt from ../shared/corpus): each table
 * against itself finds nothing, and a next year derived from it by the edits clerks make — a sign dropped from a
 * value cell, a value ten times larger, an indicator renamed — finds exactly that, on that indicator.
 */
import { readdirSync } from "fs";
import { join } from "path";
import { analyzeTable } from "../../src/core/analyze-table";
import { compareTables } from "../../src/core/compare/compare-tables";
import type { Analysis } from "../../src/core/model/analysis";
import { parseCellAddress } from "../../src/core/model/cell-address";
import type { CellValue } from "../../src/core/model/grid";
import { readInput } from "../../src/xlsx/read-input";
import { valueCell } from "../../testing/value-cell";

const DIR = join(__dirname, "..", "fixtures", "corpus");
const FIXTURES = readdirSync(DIR).filter((f) => f.endsWith(".xlsx"));

type Grid = CellValue[][];

async function gridOf(file: string): Promise<{ grid: Grid; origin: { row: number; column: number } }> {
  const input = await readInput(join(DIR, file));
  return { grid: input.grid.map((r) => [...r]), origin: input.origin };
}

interface Seeded {
  readonly kind: string;
  readonly project: string;
  readonly indicator: string;
}

/** Seeds one edit of `kind` into a copy of the grid, on the first indicator it fits. */
function seed(
  grid: Grid,
  origin: { row: number; column: number },
  analysis: Analysis,
  kind: string,
): { grid: Grid; seeded: Seeded } | null {
  for (const project of analysis.projects)
    for (const indicator of project.indicators) {
      const v = indicator.annual;
      if (v === null) continue;
      const copy = grid.map((r) => [...r]);
      if (kind === "renamed") {
        // The indicator's own 三级指标 cell (a form with 中期 and 年度 groups writes the name in each).
        const at = parseCellAddress(indicator.cell);
        const row = at ? copy[at.row - origin.row] : undefined;
        const c = at ? at.column - origin.column : -1;
        if (!row || row[c] !== indicator.name) continue;
        row[c] = `全年${indicator.name}`;
        return { grid: copy, seeded: { kind, project: project.name, indicator: `全年${indicator.name}` } };
      }
      const cell = valueCell(copy, origin, indicator);
      if (cell === null || v.op === "text" || v.op === "range" || v.value === null) continue;
      const written = String(copy[cell[0]]![cell[1]]);
      const number = String(v.value);
      if (!written.includes(number)) continue;
      let next: string | null = null;
      if (kind === "op-lost" && v.op !== "=")
        next = written.replace(/^\s*(?:≥|≤|>=|<=|＞|＜|>|<|不低于|不少于|不高于|不超过|大于|小于)/, "");
      if (kind === "magnitude" && v.value !== 0) next = written.replace(number, String(v.value * 10));
      if (next === null || next === written) continue;
      copy[cell[0]]![cell[1]] = next;
      return { grid: copy, seeded: { kind, project: project.name, indicator: indicator.name } };
    }
  return null;
}

const tally = new Map<string, { seeded: number; found: number; other: number }>();

afterAll(() => {
  const line = [...tally]
    .map(([k, t]) => `${k} ${t.found}/${t.seeded} (other findings ${t.other})`)
    .join("; ");
  console.log(`corpus pairs: ${line}`);
});

describe.each(FIXTURES)("%s", (file) => {
  test("against itself: every project paired, no finding", async () => {
    const { grid, origin } = await gridOf(file);
    const analysis = analyzeTable(grid, { origin });
    const result = compareTables(analysis, analyzeTable(grid, { origin }));
    expect(result.findings).toEqual([]);
    expect(result.matchedProjects).toBe(analysis.projects.length);
  });

  test.each(["op-lost", "magnitude", "renamed"])(
    "a next year with one %s edit finds exactly it",
    async (kind) => {
      const { grid, origin } = await gridOf(file);
      const last = analyzeTable(grid, { origin });
      const made = seed(grid, origin, last, kind);
      if (made === null) return; // the table has no indicator this edit fits (e.g. no sign written)
      const row = tally.get(kind) ?? { seeded: 0, found: 0, other: 0 };
      tally.set(kind, row);
      row.seeded++;
      const findings = compareTables(last, analyzeTable(made.grid, { origin })).findings;
      const hits = findings.filter(
        (f) =>
          f.kind === made.seeded.kind &&
          f.project === made.seeded.project &&
          f.indicator === made.seeded.indicator,
      );
      row.found += hits.length > 0 ? 1 : 0;
      row.other += findings.length - hits.length;
      expect(findings.map((f) => `${f.kind} ${f.indicator}`)).toEqual([
        `${made.seeded.kind} ${made.seeded.indicator}`,
      ]);
    },
  );
});

// Runs after the tables above (jest keeps a file's order): a kind that fitted no table would pass unseen.
test("every edit was tried on several real tables", () => {
  const seeded = Object.fromEntries([...tally].map(([kind, t]) => [kind, t.seeded >= 3]));
  expect(seeded).toEqual({ "op-lost": true, magnitude: true, renamed: true });
});
