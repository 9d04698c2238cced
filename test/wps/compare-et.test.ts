/**
 * 与上年对比 in WPS 表格, through the ET object model and the fake ET host: the same run as in Excel
 * (test/excel/compare-flow.test.ts) — 年度对比 written, the changed cell light purple, cleared by 清除标记, and
 * replaced (never copied) by the next run.
 */
import type { CellValue } from "../../src/core/model/grid";
import { hexToBgr } from "../../src/wps/et-facade";
import { clearMarksEt, listSheetNamesEt, runNormalizerEt } from "../../src/wps/run-et";
import { EtBookModel } from "../../testing/fake-et/et-model";
import { fakeEtApplication } from "../../testing/fake-et/fake-et";
import { loadSampleGrid } from "../../testing/sample";

function thisYear(): CellValue[][] {
  return loadSampleGrid().map((row) =>
    row.map((v) => (typeof v === "string" ? v.replace("年度指标值：不低于97%", "年度指标值：97%") : v)),
  );
}

test("compared with last year's sheet: 年度对比, the changed cell marked and restored, the sheet replaced on the next run", () => {
  const model = new EtBookModel();
  model.activeSheet.putGrid(thisYear());
  const thisSheet = model.activeSheet.name;
  model.addSheet("2024").putGrid(loadSampleGrid());
  const { app } = fakeEtApplication(model);
  expect(listSheetNamesEt(app)).toEqual([thisSheet, "2024"]);

  const outcome = runNormalizerEt(app, { locale: "zh-CN", compareWithSheet: "2024" });
  if (outcome.kind !== "done") throw new Error(`run ended ${outcome.kind}`);
  expect(outcome.summary.comparison).toEqual({ changes: 1, sheetName: "年度对比" });
  const names = model.sheets.map((s) => s.name);
  expect(names).toEqual(expect.arrayContaining([thisSheet, "2024", "指标明细", "校验结果", "年度对比"]));
  expect(model.sheetByName(thisSheet)!.cell(14, 7)?.fill?.color).toBe(hexToBgr("#E4DFEC"));
  expect(model.sheetByName("2024")!.fills().size).toBe(0);

  clearMarksEt(app);
  expect(model.sheetByName(thisSheet)!.cell(14, 7)?.fill).toBeUndefined();

  // The active sheet is now one of the tool's: the run analyses the last source again.
  const again = runNormalizerEt(app, { locale: "zh-CN" });
  expect(again.kind).toBe("done");
  expect(model.sheets.map((s) => s.name).filter((n) => /年度对比|\(\d+\)/.test(n))).toEqual([]);
});
