/**
 * `check` prints counts worked out a part of a table at a time (count-input.ts): they must be the counts of the
 * whole analysis, on every fixture and on a large table with faults placed across the parts' boundaries.
 */
import { readdirSync } from "fs";
import { join } from "path";
import { buildSyntheticGrid } from "../../bench/synthetic-table";
import { countAnalysis } from "../../src/core/model/count-analysis";
import type { CellValue } from "../../src/core/model/grid";
import { countInput } from "../../src/xlsx/count-input";
import { analyzeInput, type AnalyzeInputOptions } from "../../src/xlsx/normalize-workbook";
import { gridInput, readInput, type InputTable } from "../../src/xlsx/read-input";
import { loadSampleGrid, SAMPLE_PATH } from "../../testing/sample";

const TABLES = join(__dirname, "..", "fixtures", "tables");
const OPTIONS: AnalyzeInputOptions[] = [{ locale: "zh-CN" }, { locale: "en-US", tolerance: 0 }];

function expectSameCounts(input: InputTable): void {
  for (const options of OPTIONS) {
    const whole = countAnalysis(analyzeInput(input, options));
    // Parts of 1 and 7 projects put every boundary case (a unit, a duplicate name) across parts.
    for (const part of [1, 7, undefined]) expect(countInput(input, options, part)).toEqual(whole);
  }
}

test("the sample and every fixture table count as their whole analysis", async () => {
  const files = readdirSync(TABLES).filter((f) => !f.endsWith(".json"));
  expect(files.length).toBeGreaterThan(10);
  expectSameCounts(await readInput(SAMPLE_PATH));
  for (const file of files) expectSameCounts(await readInput(join(TABLES, file)));
});

test("every corpus self-evaluation table (its score rules included) counts as its whole analysis", async () => {
  const dir = join(__dirname, "..", "fixtures", "corpus", "selfeval");
  const files = readdirSync(dir).filter((f) => f.endsWith(".xlsx"));
  expect(files.length).toBeGreaterThanOrEqual(10);
  for (const file of files) expectSameCounts(await readInput(join(dir, file)));
});

test("a large table with faults across part boundaries counts as its whole analysis", () => {
  const grid = buildSyntheticGrid(loadSampleGrid(), 600);
  // Deterministic faults every few rows: a name repeated 9 projects later (another part, same unit), a total
  // off by one, an indicator cell emptied or cut, junk text, a stray character.
  let seed = 11;
  const next = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n) | 0;
  const projectRows = grid.flatMap((row, r) => (r > 10 && typeof row[6] === "string" ? [r] : []));
  for (let k = 0; k < projectRows.length; k += 1 + next(6)) {
    const row = grid[projectRows[k]!]!;
    const set = (c: number, v: CellValue): void => {
      row[c] = v;
    };
    switch (next(6)) {
      case 0:
        set(0, grid[projectRows[Math.max(0, k - 9)]!]![0] ?? null);
        break;
      case 1:
        set(1, `${Number(String(row[1]).replace(/,/g, "")) + 1}`);
        break;
      case 2:
        set(6, null);
        break;
      case 3:
        set(6, String(row[6]).slice(0, 40 + next(80)));
        break;
      case 4:
        set(6, `${String(row[6])}另见附件<br>`);
        break;
      default:
        set(5, `${String(row[5] ?? "")}\uFFFE`);
    }
  }
  const input = gridInput("faults.tsv", grid);
  const whole = countAnalysis(analyzeInput(input, { locale: "zh-CN" }));
  // The faults are there: duplicates, totals, empty projects, markup and a character no program keeps.
  expect(whole.errors).toBeGreaterThan(100);
  expectSameCounts(input);
});
