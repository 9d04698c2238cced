/**
 * The analysis and the plan in slices (work-slices.ts): a shell gives the thread back to its host between slices,
 * so no slice may grow with the table. Counted in work units, not in time: npm run bench:ie11 measures what a
 * slice costs on Internet Explorer 11's built-ins.
 */
import {
  analyzeLocated,
  analyzeLocatedSteps,
  ANALYSIS_SLICE_UNITS,
  locateSheet,
  type AnalysisStep,
  type LocatedSheet,
} from "../../src/core/analyze-table";
import { buildPlan, buildPlanSteps, PLAN_SLICE_ROWS } from "../../src/core/plan/build-plan";
import { fitRowHeights, fitRowHeightsSteps } from "../../src/core/plan/plan-layout";
import { SliceMeter, runSlices } from "../../src/core/model/work-slices";
import type { CellValue } from "../../src/core/model/grid";
import { buildSyntheticGrid } from "../../bench/synthetic-table";
import { loadSampleGrid } from "../../testing/sample";

/** 2,000 projects (about 14,000 indicators), with faults on every other row so that there are issues to word. */
function moderateTable(): CellValue[][] {
  const grid = buildSyntheticGrid(loadSampleGrid(), 2_000);
  for (let r = 10; r < grid.length; r += 2) {
    const row = grid[r]!;
    for (const c of [5, 6]) if (typeof row[c] === "string") row[c] = `${String(row[c])}\n数量指标：≥abc`;
    if (r % 12 === 4) row[1] = "1.00";
  }
  return grid;
}

function stepsOf(sheets: readonly LocatedSheet[], budget: number) {
  const steps: AnalysisStep[] = [];
  const run = analyzeLocatedSteps(sheets, { locale: "zh-CN" }, budget);
  let next = run.next();
  while (!next.done) {
    steps.push(next.value);
    next = run.next();
  }
  return { steps, analysis: next.value };
}

describe("analyzeLocatedSteps: the analysis a slice at a time", () => {
  const sheets = [locateSheet({ grid: moderateTable() })];
  const whole = analyzeLocated(sheets, { locale: "zh-CN" });
  const { steps, analysis } = stepsOf(sheets, ANALYSIS_SLICE_UNITS);
  /** A project's units: its indicators, or 1 without any (a slice ends after the project that fills it). */
  const unitsOf = (indicators: number) => Math.max(1, indicators);
  const largestProject = Math.max(...whole.projects.map((p) => unitsOf(p.indicators.length)));

  test("gives the analysis analyzeLocated gives", () => {
    expect(whole.issues.length).toBeGreaterThan(1_000);
    expect(analysis).toEqual(whole);
  });

  test("no slice of splitting, checking or wording takes more than the budget (and the project that fills it)", () => {
    const sliced = steps.filter((s) => s.stage !== "reading" && s.stage !== "totals");
    expect(sliced.length).toBeGreaterThan(10);
    for (const step of sliced) expect(step.work).toBeLessThanOrEqual(ANALYSIS_SLICE_UNITS + largestProject);
  });

  test("counts every indicator split and checked and every issue worded: no work goes unmetered", () => {
    const indicators = whole.projects.reduce((n, p) => n + unitsOf(p.indicators.length), 0);
    const metered = steps.reduce((n, s) => n + (s.stage === "reading" ? 0 : s.work), 0);
    const equations = steps.filter((s) => s.stage === "totals").length > 0;
    expect(equations).toBe(true);
    // What the last slice did is counted after the last step: at most one budget's worth.
    const total = 2 * indicators + whole.issues.length;
    const withEquations = total + countEquations(sheets);
    expect(metered).toBeLessThanOrEqual(withEquations);
    expect(metered).toBeGreaterThan(withEquations - ANALYSIS_SLICE_UNITS - largestProject);
  });

  test("classifies, reads and reconciles each table in one step each, and its progress only moves forward", () => {
    expect(steps.filter((s) => s.stage === "reading")).toHaveLength(2);
    expect(steps.filter((s) => s.stage === "totals")).toHaveLength(1);
    const order = ["reading", "splitting", "totals", "checking", "wording"];
    for (let i = 1; i < steps.length; i++) {
      const [a, b] = [steps[i - 1]!, steps[i]!];
      const rank = order.indexOf(b.stage) - order.indexOf(a.stage);
      expect(rank).toBeGreaterThanOrEqual(0);
      // A table classified and then read is one table done: reading may stay; every other stage moves on.
      if (rank === 0) expect(b.done).toBeGreaterThanOrEqual(a.done + (b.stage === "reading" ? 0 : 1));
      expect(b.done).toBeLessThanOrEqual(b.total);
    }
  });

  test("words the issues a budget at a time", () => {
    const budget = 300;
    const small = stepsOf(sheets, budget);
    const wording = small.steps.filter((s) => s.stage === "wording");
    expect(wording.length).toBeGreaterThanOrEqual(Math.floor(whole.issues.length / budget) - 1);
    for (const step of wording) expect(step.work).toBeLessThanOrEqual(budget);
    expect(small.analysis).toEqual(whole);
  });

  test("the same analysis at any budget, and over several tables on several sheets", () => {
    const sample = loadSampleGrid();
    const several = [locateSheet({ name: "一", grid: sample }), locateSheet({ name: "二", grid: sample })];
    for (const budget of [1, 7, 200])
      expect(stepsOf(several, budget).analysis).toEqual(analyzeLocated(several, { locale: "zh-CN" }));
  });
});

describe("buildPlanSteps: the plan a slice at a time", () => {
  const analysis = analyzeLocated([locateSheet({ grid: moderateTable() })], { locale: "zh-CN" });
  const options = { sourceSheet: "目标表", locale: "zh-CN" } as const;

  test("gives the plan buildPlan gives, in more slices than the rows it lays out need", () => {
    const plan = buildPlan(analysis, options);
    const rows = plan.sheets.reduce((n, s) => n + s.rows.length, 0);
    const budget = 500;
    const steps = buildPlanSteps(analysis, options, budget);
    let slices = 0;
    let next = steps.next();
    while (!next.done) {
      slices++;
      next = steps.next();
    }
    expect(next.value).toEqual(plan);
    expect(slices).toBeGreaterThanOrEqual(Math.floor(rows / budget));
    expect(rows).toBeGreaterThan(PLAN_SLICE_ROWS);
  });

  test("fits no more than the budget's rows between two yields", () => {
    const plan = buildPlan(analysis, options);
    const detail = plan.sheets[0]!;
    const widths = detail.columns.map((c) => c.width);
    const wraps = detail.columns.map((c) => c.wrap);
    const meter = new SliceMeter(PLAN_SLICE_ROWS);
    const steps = fitRowHeightsSteps(detail.rows, widths, wraps, meter);
    let last = 0;
    let next = steps.next();
    while (!next.done) {
      expect(next.value - last).toBeLessThanOrEqual(PLAN_SLICE_ROWS);
      expect(meter.take()).toBeLessThanOrEqual(PLAN_SLICE_ROWS);
      last = next.value;
      next = steps.next();
    }
    expect(detail.rows.length - last).toBeLessThanOrEqual(PLAN_SLICE_ROWS);
    expect(next.value).toEqual(fitRowHeights(detail.rows, widths, wraps));
    expect(runSlices(fitRowHeightsSteps(detail.rows, widths, wraps, new SliceMeter(1)))).toEqual(next.value);
  });
});

/** The total equations of the tables (a totals step counts them as its work). */
function countEquations(sheets: readonly LocatedSheet[]): number {
  let equations = 0;
  for (const sheet of sheets)
    for (const table of sheet.tables) equations += table.read(table.classify()).equations.length;
  return equations;
}
