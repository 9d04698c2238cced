/**
 * npm run bench: the core on a synthetic table of 10,000 projects (~70,000 indicators) built from the sample.
 * Prints one JSON line: the core's time (analyzeTable, and parseTable alone; the target is timeMs ≤ 500), peak
 * memory, and, for information, the ratio of the core's time to one plain regex pass over the same cells. The reference pass is the naive one-regex
 * splitter of the indicator grammar (what a clerk's script would do: one match per well-formed item, fields
 * captured); the ratio to the cheapest possible scan (/。/g counted) is printed beside it as literalScanRatio.
 * outputFloorRatio is what the same regex pass costs when it also keeps DESIGN.md-shaped indicators: the part
 * of any ratio that building the output alone accounts for.
 * Each timing is the best of several runs after a warm-up, so that JIT compilation is not measured. Peak
 * memory is the process's peak RSS after one run (it includes the runtime, runtimeRssMB, and the grid).
 *
 * culpritFinder: what naming the cells to change adds (find-culprits.ts). On the clean table it adds nothing
 * (no broken total: the totals are evaluated as before). On the same table with FAULTS amounts changed at random
 * (one cell each, in different rows, some in the same unit's column), the time of the total checks with the
 * finder (reconcileTotals) and without it (checkEquations, which only lists the broken totals), and what it found.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { analyzeTable, parseTable } from "../src/core/analyze-table";
import { checkEquations } from "../src/core/check/check-equations";
import { findCulprits } from "../src/core/check/find-culprits";
import { reconcileTotals } from "../src/core/check/reconcile-totals";
import { readDelimitedText } from "../src/xlsx/read-delimited-text";
import { buildSyntheticGrid } from "./synthetic-table";

const PROJECTS = 10_000;
const RUNS = 5;
const FAULTS = 200;

function bestOf<T>(runs: number, work: () => T): { ms: number; result: T } {
  let best = Infinity;
  let result = work();
  for (let k = 0; k < runs; k++) {
    const start = performance.now();
    result = work();
    best = Math.min(best, performance.now() - start);
  }
  return { ms: best, result };
}

const startRssMB = process.resourceUsage().maxRSS / 1024;
const sample = readDelimitedText(
  readFileSync(join(__dirname, "..", "samples", "baiyun-2024.tsv"), "utf8"),
  "\t",
);
const grid = buildSyntheticGrid(sample, PROJECTS);

// Peak memory of one run of the core on the big table (the process's peak so far: runtime, grid and one
// analysis), taken before the timing loops, whose garbage from repeated runs would only measure V8's laziness.
const first = analyzeTable(grid);
const peakRssMB = process.resourceUsage().maxRSS / 1024;

const regexPass = bestOf(RUNS, () => {
  let count = 0;
  for (const row of grid) {
    for (const cell of row) {
      if (typeof cell !== "string") continue;
      const pattern = /。/g; // one literal character: the cheapest full pass a regex engine makes
      while (pattern.exec(cell) !== null) count++;
    }
  }
  return count;
});
// The naive splitter: one regex for the whole item grammar, half- and full-width separators, no recovery.
// Matches e.g. `1、1-产出指标：11-数量指标：报废小车数量；实施周期指标值：1；年度指标值：1。` and
// `4、1-产出指标：13-时效指标：餐饮出品及时率（%）；实施周期指标值:100%；年度指标值:100%。`.
const itemRegexPass = bestOf(RUNS, () => {
  let fields = 0;
  for (const row of grid) {
    for (const cell of row) {
      if (typeof cell !== "string") continue;
      const item =
        /(\d+)、([^：:。]*)[：:]([^：:。]*)[：:]([^；;。]*)[；;：:]实施周期指标值[：:]([^；;。]*)[；;]年度指标值[：:]([^。]*)。/g;
      for (let m = item.exec(cell); m !== null; m = item.exec(cell)) fields += m.length;
    }
  }
  return fields;
});
// The output floor: the same naive regex pass, keeping for every match one indicator shaped as DESIGN.md's
// analysis needs it (two parsed values, the cell address). No table, no checks, no recovery: the least any
// implementation that returns the analysis must do, for judging how far the core is from that floor.
const floorValue = (raw: string) => ({ op: "=", value: parseFloat(raw), upper: null, unit: null, raw });
const outputFloor = bestOf(RUNS, () => {
  const kept: unknown[] = [];
  let rowNumber = 0;
  for (const row of grid) {
    rowNumber++;
    for (const cell of row) {
      if (typeof cell !== "string") continue;
      const item =
        /(\d+)、([^：:。]*)[：:]([^：:。]*)[：:]([^；;。]*)[；;：:]实施周期指标值[：:]([^；;。]*)[；;]年度指标值[：:]([^。]*)。/g;
      for (let m = item.exec(cell); m !== null; m = item.exec(cell)) {
        kept.push({
          row: rowNumber,
          cell: `G${rowNumber}`,
          seq: Number(m[1]),
          level1: m[2],
          level2: m[3],
          name: m[4],
          periodValue: m[5],
          annualValue: m[6],
          period: floorValue(m[5]!),
          annual: floorValue(m[6]!),
          raw: m[0],
        });
      }
    }
  }
  return kept.length;
});
const parse = bestOf(RUNS, () => parseTable(grid));
const analyze = bestOf(RUNS, () => analyzeTable(grid));

// The finder on FAULTS changed amounts (a seeded PRNG: the same cells every run).
let seed = 20240101;
const random = (): number => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const faulted = grid.map((row) => [...row]);
const amountRows = faulted.flatMap((row, i) => (i > 9 && typeof row[1] === "string" ? [i] : []));
const faultRows = new Set<number>();
while (faultRows.size < FAULTS) faultRows.add(amountRows[Math.floor(random() * amountRows.length)]!);
for (const r of faultRows) {
  const column = 1 + Math.floor(random() * 2); // 总计 or 财政拨款
  const cents = Math.round(Number(String(faulted[r]![column]).replace(/,/g, "")) * 100);
  faulted[r]![column] = ((cents + 1 + Math.floor(random() * 100_000)) / 100).toFixed(2);
}
const parsedFaulted = parseTable(faulted);
const groups = findCulprits(parsedFaulted.equations);
const withFinder = bestOf(RUNS, () => reconcileTotals(parsedFaulted));
const listOnly = bestOf(RUNS, () => checkEquations(parsedFaulted.equations));
const verdicts = { unique: 0, ambiguous: 0, "too-many": 0 };
for (const g of groups) verdicts[g.verdict]++;

const textChars = grid.reduce(
  (n, row) => n + row.reduce<number>((m, c) => m + (typeof c === "string" ? c.length : 0), 0),
  0,
);
const round = (n: number, digits = 1) => Number(n.toFixed(digits));
console.log(
  JSON.stringify({
    bench: "core",
    projects: first.projects.length,
    indicators: first.projects.reduce((n, p) => n + p.indicators.length, 0),
    issues: first.issues.length,
    rows: grid.length,
    textMB: round((textChars * 2) / 1024 / 1024),
    timeMs: round(analyze.ms),
    parseMs: round(parse.ms),
    regexPassMs: round(itemRegexPass.ms, 2),
    ratio: round(analyze.ms / itemRegexPass.ms, 2),
    parseRatio: round(parse.ms / itemRegexPass.ms, 2),
    outputFloorMs: round(outputFloor.ms, 1),
    outputFloorRatio: round(outputFloor.ms / itemRegexPass.ms, 2),
    literalScanMs: round(regexPass.ms, 2),
    literalScanRatio: round(analyze.ms / regexPass.ms, 2),
    peakRssMB: round(peakRssMB),
    culpritFinder: {
      cleanAddedMs: 0,
      faults: FAULTS,
      brokenTotals: listOnly.result.length,
      groups: groups.length,
      ...verdicts,
      culprits: withFinder.result.filter((i) => i.rule === "wrong-amount").length,
      ms: round(withFinder.ms, 2),
      listOnlyMs: round(listOnly.ms, 2),
      addedMs: round(withFinder.ms - listOnly.ms, 2),
    },
    runtimeRssMB: round(startRssMB),
    targets: { timeMs: 500, peakRssMB: 300 },
  }),
);
