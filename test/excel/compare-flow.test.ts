/**
 * 与上年对比 through Office.js and the fake host: last year's table on another sheet of the workbook, this year's
 * active. The run writes 年度对比 beside the two usual sheets and marks the changed cells light purple; 清除标记
 * restores them; a run without the comparison replaces the tool's sheets, 年度对比 included (never a copy).
 */
import type { CellValue } from "../../src/core/model/grid";
import { clearMarks, listSheetNames, runNormalizer, type RunOutcome } from "../../src/excel/run-normalizer";
import { installFakeOffice } from "../../testing/fake-excel/fake-office-js";
import { FakeWorkbook } from "../../testing/fake-excel/workbook-model";
import { loadSampleGrid } from "../../testing/sample";

function thisYear(): CellValue[][] {
  return loadSampleGrid().map((row) =>
    row.map((v) => (typeof v === "string" ? v.replace("年度指标值：不低于97%", "年度指标值：97%") : v)),
  );
}

function setUp(): FakeWorkbook {
  const model = installFakeOffice(new FakeWorkbook("1.9"));
  model.activeSheet.putGrid(thisYear());
  model.addSheet("2024").putGrid(loadSampleGrid());
  return model;
}

function done(outcome: RunOutcome): Extract<RunOutcome, { kind: "done" }>["summary"] {
  if (outcome.kind !== "done") throw new Error(`run ended ${outcome.kind}`);
  return outcome.summary;
}

test("the pane lists the workbook's sheets to compare with", async () => {
  setUp();
  expect(await listSheetNames()).toEqual(["Sheet1", "2024"]);
});

test("a run compared with last year's sheet writes 年度对比, marks the changed cell, and 清除标记 restores it", async () => {
  const model = setUp();
  const summary = done(await runNormalizer({ locale: "zh-CN", compareWithSheet: "2024" }));
  expect(summary.comparison).toEqual({ changes: 1, sheetName: "年度对比" });
  expect(model.sheets.map((s) => s.name)).toEqual(["Sheet1", "2024", "指标明细", "校验结果", "年度对比"]);
  const compare = model.sheetByName("年度对比")!;
  expect(compare.cell(2, 3)?.value).toBe("比较符号丢失");
  expect(compare.cell(2, 6)?.value).toBe("G14");
  expect(model.sheetByName("Sheet1")!.cell(14, 7)?.fill?.color.toUpperCase()).toBe("#E4DFEC");
  // Last year's sheet is read, never marked.
  expect(model.sheetByName("2024")!.fills().size).toBe(0);

  await clearMarks();
  expect(model.sheetByName("Sheet1")!.cell(14, 7)?.fill).toBeUndefined();

  // Run again without the comparison: the tool's sheets are replaced, 年度对比 goes with them.
  model.activeSheetId = model.sheetByName("Sheet1")!.id;
  done(await runNormalizer({ locale: "zh-CN" }));
  expect(model.sheets.map((s) => s.name)).toEqual(["Sheet1", "2024", "指标明细", "校验结果"]);
});

test("a sheet without a table, or one that is gone: a clear refusal, nothing written", async () => {
  const model = setUp();
  model.addSheet("空白");
  expect(await runNormalizer({ locale: "zh-CN", compareWithSheet: "空白" })).toEqual({
    kind: "compare-no-table",
    sheet: "空白",
  });
  expect(await runNormalizer({ locale: "zh-CN", compareWithSheet: "2023" })).toEqual({
    kind: "compare-sheet-missing",
    sheet: "2023",
  });
  expect(model.sheets.map((s) => s.name)).toEqual(["Sheet1", "2024", "空白"]);
});
