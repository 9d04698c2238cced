/**
 * The whole run (read → analyse → plan → apply) through the fake host, on the sample and on the
 * 70,000-indicator synthetic table, at ExcelApi 1.1, 1.7 and 1.9: sheets, values, formats, marks, the number of
 * requests and the largest one, the idempotent re-run, and the exact restore after 清除标记.
 */
import { buildSyntheticGrid } from "../../bench/synthetic-table";
import { analyzeTable } from "../../src/core/analyze-table";
import { buildPlan } from "../../src/core/plan/build-plan";
import type { CellValue } from "../../src/core/model/grid";
import { MARK_PATTERNS, type Plan, type PlanMark } from "../../src/core/plan/plan";
import { fillPatternOf } from "../../src/workbook/run-record-format";
import { needsTextGuard } from "../../src/core/plan/text-guard";
import { REQUEST_BUDGET_BYTES } from "../../src/excel/request-budget";
import { clearMarks, runNormalizer, type RunOutcome } from "../../src/excel/run-normalizer";
import { installFakeOffice } from "../../testing/fake-excel/fake-office-js";
import { FakeWorkbook, type ApiLevel, type FakeSheet } from "../../testing/fake-excel/workbook-model";
import { loadSampleGrid } from "../../testing/sample";

jest.setTimeout(300_000);

const FOUR_MB = 4 * 1024 * 1024;
const LEVELS: ApiLevel[] = ["1.1", "1.7", "1.9"];

function setUp(level: ApiLevel, grid: CellValue[][]): FakeWorkbook {
  const model = installFakeOffice(new FakeWorkbook(level));
  model.activeSheet.putGrid(grid);
  return model;
}

function expectedPlan(grid: CellValue[][]): Plan {
  return buildPlan(analyzeTable(grid), {
    sourceSheet: "Sheet1",
    locale: "zh-CN",
    avoidSheetNames: ["Sheet1"],
  });
}

/** What Excel should hold for a plan cell: the text itself (never a number, date or formula), or the number. */
function expectedValue(cell: Plan["sheets"][number]["rows"][number][number]): string | number {
  if (cell === null) return "";
  if (typeof cell === "number") return cell;
  return typeof cell === "string" ? cell : cell.text;
}

function expectSheetMatches(sheet: FakeSheet, planSheet: Plan["sheets"][number]): void {
  expect(sheet.valuesOf({ top: 1, left: 1, bottom: 1, right: planSheet.columns.length })[0]).toEqual(
    planSheet.columns.map((c) => c.header),
  );
  planSheet.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      const stored = sheet.cell(r + 2, c + 1);
      if (stored?.formula || stored?.value !== expectedValue(cell))
        throw new Error(
          `${planSheet.name} R${r + 2}C${c + 1}: ${JSON.stringify(stored)} ≠ ${JSON.stringify(cell)}`,
        );
      if (stored.numberFormat !== planSheet.columns[c]!.numberFormat)
        throw new Error(`${planSheet.name} R${r + 2}C${c + 1} format ${stored.numberFormat}`);
    }),
  );
}

function snapshot(model: FakeWorkbook): unknown {
  return {
    sheets: model.sheets.map((s) => [s.name, s.contentSnapshot(), [...s.fills()].sort(), s.frozenRows]),
    tables: model.tables.map((t) => [t.name, t.rect]),
    active: model.activeSheet.name,
  };
}

function done(outcome: RunOutcome): Extract<RunOutcome, { kind: "done" }>["summary"] {
  if (outcome.kind !== "done") throw new Error(`run ended ${outcome.kind}`);
  return outcome.summary;
}

/**
 * A mark as Excel holds it: its colour, and from ExcelApi 1.9 its kind's pattern (MARK_PATTERNS, in Office.js's
 * names) with the pattern's colour; below 1.9 solid.
 */
function markLook(mark: PlanMark, level: string): { color: string; pattern: string; patternColor?: string } {
  const { pattern, color } = MARK_PATTERNS[mark.severity];
  if (level === "1.1" || level === "1.7" || color === null) return { color: mark.color, pattern: "Solid" };
  return { color: mark.color, pattern: fillPatternOf(pattern)!, patternColor: color };
}

describe.each(LEVELS)("the sample at ExcelApi %s", (level) => {
  test("sheets, values, formats and marks are the plan's; requests are few and small", async () => {
    const grid = loadSampleGrid();
    const plan = expectedPlan(grid);
    expect(plan.sheets[0]!.rows.length).toBeGreaterThan(50);
    const model = setUp(level, grid);
    const sourceBefore = model.activeSheet.contentSnapshot();
    const summary = done(await runNormalizer({ locale: "zh-CN" }));

    expect(model.sheets.map((s) => s.name)).toEqual(["Sheet1", "指标明细", "校验结果"]);
    for (const planSheet of plan.sheets) expectSheetMatches(model.sheetByName(planSheet.name)!, planSheet);
    // Text Excel would reinterpret really occurs in the sample, and it survived as text.
    const guarded = plan.sheets
      .flatMap((s) => s.rows.flat())
      .filter((c) => typeof c === "string" && needsTextGuard(c));
    expect(guarded.length).toBeGreaterThan(0);
    expect(model.sheetByName("Sheet1")!.contentSnapshot()).toBe(sourceBefore);
    expect(Object.fromEntries(model.sheetByName("Sheet1")!.fills())).toEqual(
      Object.fromEntries(plan.marks.map((m) => [m.cell, markLook(m, level)])),
    );
    expect(model.tables.map((t) => t.name)).toEqual(
      plan.sheets.filter((s) => s.table).map((s) => s.table!.name),
    );
    expect(model.sheetByName("指标明细")!.frozenRows).toBe(level === "1.1" ? 0 : 1);
    expect(model.activeSheet.name).toBe(summary.errors > 0 ? "校验结果" : "指标明细");
    expect(summary.indicators).toBe(plan.sheets[0]!.rows.length);

    // Seven, and the print setup's own request (last, so that a refusal leaves a complete run).
    expect(model.syncCount).toBeLessThanOrEqual(8);
    expect(model.largestRequestBytes).toBeLessThanOrEqual(FOUR_MB);
  });

  test("running again (from the sheet the run showed) changes nothing; 清除标记 restores the user's fills", async () => {
    const grid = loadSampleGrid();
    const model = setUp(level, grid);
    const source = model.activeSheet;
    // The user's own fills, some on cells the run marks.
    for (const mark of expectedPlan(grid).marks.slice(0, 3)) {
      const row = Number(mark.cell.replace(/^[A-Z]+/, ""));
      const column = mark.cell.charCodeAt(0) - 64;
      source.touch(row, column).fill = { color: "#DDEBF7", pattern: "Solid" };
    }
    source.touch(1, 1).fill = { color: "#FCE4D6", pattern: "Solid" };
    const fillsBefore = source.fills();
    const contentBefore = source.contentSnapshot();

    done(await runNormalizer({ locale: "zh-CN" }));
    const once = snapshot(model);
    done(await runNormalizer({ locale: "zh-CN" }));
    expect(snapshot(model)).toEqual(once);

    expect(await clearMarks()).toEqual({
      restored: expectedPlan(grid).marks.length,
      leftAlone: 0,
      colourLost: 0,
      unreadable: 0,
    });
    expect(source.fills()).toEqual(fillsBefore);
    expect(source.contentSnapshot()).toBe(contentBefore);
    expect(model.sheets.map((s) => s.name)).toEqual(["Sheet1", "指标明细", "校验结果"]);
  });
});

test("a user's sheet named 指标明细 survives and the run picks other names", async () => {
  const model = setUp("1.9", loadSampleGrid());
  const mine = model.addSheet("指标明细");
  mine.putGrid([["我的数据"]]);
  done(await runNormalizer({ locale: "zh-CN" }));
  done(await runNormalizer({ locale: "zh-CN" }));
  expect(model.sheets.map((s) => s.name)).toEqual(["Sheet1", "指标明细", "指标明细 (2)", "校验结果"]);
  expect(model.sheetByName("指标明细")!.cell(1, 1)!.value).toBe("我的数据");
});

test("a selection of more than one cell is what gets analysed, at its place on the sheet", async () => {
  const grid = loadSampleGrid();
  const headerRow = grid.findIndex((row) => String(row[0] ?? "").startsWith("项目名称")) + 1;
  const model = setUp("1.9", grid);
  // From the header to row 20: a part of the table that does not start at A1.
  model.selection = { sheetId: model.activeSheetId, rect: { top: headerRow, left: 1, bottom: 20, right: 7 } };
  const summary = done(await runNormalizer({ locale: "zh-CN" }));
  const whole = analyzeTable(grid);
  expect(summary.projects).toBeGreaterThan(0);
  expect(summary.projects).toBeLessThan(whole.projects.length);
  const wholeCells = new Set(whole.issues.map((i) => `${i.rule}@${i.cell}`));
  // The selection ends inside a unit: its totals are not blamed, the paste is (issue #22).
  expect(summary.issues.filter((i) => i.severity === "error").map((i) => i.rule)).toContain("partial-paste");
  const totals = ["grand-total", "group-total", "wrong-amount", "partial-paste"];
  const partCells = summary.issues.filter((i) => !totals.includes(i.rule));
  expect(partCells.length).toBeGreaterThan(0);
  for (const issue of partCells) expect(wholeCells).toContain(`${issue.rule}@${issue.cell}`);
});

test("an empty sheet is a message, not an error", async () => {
  installFakeOffice(new FakeWorkbook("1.1"));
  expect(await runNormalizer({ locale: "zh-CN" })).toEqual({ kind: "empty", sheet: "Sheet1" });
});

test("a sheet without a table: nothing is added to the workbook; the outcome says what was looked for", async () => {
  const model = setUp("1.10", [["会议纪要"], ["项目", "金额"], ["公务用车", "18.00"]]);
  const before = snapshot(model);
  const syncs = model.syncCount;
  const outcome = await runNormalizer({ locale: "zh-CN" });
  expect(outcome).toMatchObject({ kind: "no-table", sheet: "Sheet1" });
  if (outcome.kind !== "no-table") throw new Error(outcome.kind);
  expect(outcome.lookedFor).toContain("项目名称");
  expect(outcome.advice).toContain("表头行");
  expect(snapshot(model)).toEqual(before);
  expect(model.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  // Only the read: no write request reached Excel.
  expect(model.syncs.slice(syncs).every((s) => s.operations < 10)).toBe(true);
});

describe.each(LEVELS)("the 70,000-indicator table at ExcelApi %s", (level) => {
  test("writes every row in chunks of at most 4 MB, with one request per chunk", async () => {
    const grid = buildSyntheticGrid(loadSampleGrid(), 10_000);
    const model = setUp(level, grid);
    const summary = done(await runNormalizer({ locale: "zh-CN" }));
    // 10,000 projects copied round-robin from the sample's 19 (132 indicators): about 69,500 indicators.
    expect(summary.indicators).toBeGreaterThan(69_000);
    const detail = model.sheetByName("指标明细")!;
    expect(detail.usedRect()!.bottom).toBe(summary.indicators + 1);
    // The budget holds against the request as Office.js serializes it (the fake's measure).
    expect(model.largestRequestBytes).toBeLessThanOrEqual(REQUEST_BUDGET_BYTES);
    expect(Math.max(...model.syncs.map((s) => s.utf16Bytes))).toBeLessThanOrEqual(FOUR_MB);
    const totalBytes = model.syncs.reduce((n, s) => n + s.bytes, 0);
    // A constant few, plus one per full 2 MB chunk (values, fills read, marks and links are all chunked).
    expect(model.syncCount).toBeLessThanOrEqual(8 + Math.ceil(totalBytes / 1_500_000));
    expect(model.syncCount).toBeLessThan(summary.indicators / 1000);
  });
});

test("a sheet too big for one response (Excel on the web's limit) is read a block of rows at a time", async () => {
  const grid = buildSyntheticGrid(loadSampleGrid(), 2_000);
  const model = setUp("1.9", grid);
  model.responseLimitBytes = 1_000_000;
  expect(new TextEncoder().encode(JSON.stringify(grid)).length).toBeGreaterThan(2 * model.responseLimitBytes);
  const summary = done(await runNormalizer({ locale: "zh-CN" }));
  const whole = analyzeTable(grid);
  expect(summary.projects).toBe(whole.projects.length);
  expect(summary.issues.map((i) => `${i.rule}@${i.cell}`)).toEqual(
    whole.issues.map((i) => `${i.rule}@${i.cell}`),
  );
  expect(model.sheetByName("指标明细")!.usedRect()!.bottom).toBe(summary.indicators + 1);
});
