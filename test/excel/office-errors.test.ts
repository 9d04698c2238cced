/**
 * Errors real Excel raises that a kinder fake never did (workbook-model.ts names each one's source): a run ends
 * with the clerk told, in Chinese or English, what happened and what to do, and nothing half-done is left behind
 * that the next run cannot replace. From ExcelApi 1.11 a run clicked while a cell is being edited waits for the
 * edit to end (Excel.run's delayForCellEdit) instead of failing.
 */
import { clearMarks, runNormalizer, type RunOutcome } from "../../src/excel/run-normalizer";
import { describeOfficeError } from "../../src/taskpane/describe-office-error";
import { paneMessagesFor } from "../../src/taskpane/messages";
import { installFakeOffice } from "../../testing/fake-excel/fake-office-js";
import { FakeWorkbook, type ApiLevel } from "../../testing/fake-excel/workbook-model";
import { loadSampleGrid } from "../../testing/sample";

function setUp(level: ApiLevel = "1.10"): FakeWorkbook {
  const model = installFakeOffice(new FakeWorkbook(level));
  model.activeSheet.putGrid(loadSampleGrid());
  return model;
}

async function failure(run: Promise<unknown>): Promise<{ code: string; zh: string; en: string }> {
  const error = await run.then(
    () => {
      throw new Error("the run did not fail");
    },
    (e: unknown) => e,
  );
  return {
    code: String((error as { code?: unknown }).code),
    zh: describeOfficeError(error, paneMessagesFor("zh-CN")),
    en: describeOfficeError(error, paneMessagesFor("en-US")),
  };
}

describe("errors the fake now raises, each told with what to do", () => {
  test.each<[string, (m: FakeWorkbook) => void, string, RegExp, RegExp]>([
    [
      "another workbook has the focus",
      (m) => (m.inactive = true),
      "InactiveWorkbook",
      /点一下本工作簿/,
      /click any cell of this workbook/,
    ],
    [
      "a chart sheet is active",
      (m) => (m.chartSheetActive = true),
      "UnsupportedSheet",
      /图表工作表.*点开放着表格的工作表/,
      /chart sheet/,
    ],
    [
      "Excel runs out of memory",
      (m) => (m.memoryLimitBytes = 20_000),
      "MemoryLimitReached",
      /内存不足.*关闭其他工作簿/,
      /out of memory/,
    ],
    [
      "Excel on the web fails a large write",
      (m) => (m.webGeneralExceptionBytes = 20_000),
      "GeneralException",
      /网页版.*分批运行/,
      /on the web.*in parts/,
    ],
    [
      "the clerk is typing in a cell (below 1.11)",
      (m) => (m.cellEditMode = true),
      "InvalidOperationInCellEditMode",
      /Enter 或 Esc/,
      /Enter or Esc/,
    ],
  ])("%s", async (_label, fault, code, zh, en) => {
    const model = setUp();
    fault(model);
    const told = await failure(runNormalizer({ locale: "zh-CN" }));
    expect(told.code).toBe(code);
    expect(told.zh).toMatch(zh);
    expect(told.en).toMatch(en);
    // No stack trace and no bare code: the wording is the message table's, not officeErrorUnknown's.
    expect(told.zh).not.toBe(paneMessagesFor("zh-CN").officeErrorUnknown(code));
  });

  test("after the fault clears, the next run goes through and replaces whatever the failed one made", async () => {
    const model = setUp();
    model.webGeneralExceptionBytes = 20_000;
    await failure(runNormalizer({ locale: "zh-CN" }));
    model.webGeneralExceptionBytes = null;
    const outcome: RunOutcome = await runNormalizer({ locale: "zh-CN" });
    expect(outcome.kind).toBe("done");
    expect(model.sheets.map((s) => s.name)).toEqual(["Sheet1", "指标明细", "校验结果"]);
  });

  test("InvalidReference (a selection of several areas, workbook-model.ts): the run reads the whole sheet; elsewhere it is worded", async () => {
    const model = setUp();
    const rect = { top: 9, left: 1, bottom: 20, right: 7 };
    model.selection = { sheetId: model.activeSheetId, rect, areas: [rect, { ...rect, top: 30, bottom: 40 }] };
    const outcome = await runNormalizer({ locale: "zh-CN" });
    expect(outcome.kind).toBe("done");
    if (outcome.kind === "done") expect(outcome.summary.selectionIgnored).toBe(true);
    // Raised anywhere else in a run, the clerk is told what to do, not the code.
    model.selection = { sheetId: model.activeSheetId, rect };
    model.failNextSync = "InvalidReference";
    const told = await failure(runNormalizer({ locale: "zh-CN" }));
    expect(told.code).toBe("InvalidReference");
    expect(told.zh).toMatch(/引用的单元格或区域已失效.*重新运行/);
    expect(told.en).not.toBe(paneMessagesFor("en-US").officeErrorUnknown("InvalidReference"));
  });

  test("a chart or shape selected: the run reads the whole sheet instead, and says the selection was not used", async () => {
    const model = setUp();
    model.objectSelected = true;
    const outcome = await runNormalizer({ locale: "zh-CN" });
    expect(outcome.kind).toBe("done");
    if (outcome.kind === "done") expect(outcome.summary.selectionIgnored).toBe(true);
  });
});

describe("a run clicked while a cell is being edited", () => {
  test("from ExcelApi 1.11 it waits for the edit to end (delayForCellEdit), then runs", async () => {
    const model = setUp("1.18");
    model.cellEditMode = true;
    let settled = false;
    const run = runNormalizer({ locale: "zh-CN" }).finally(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(settled).toBe(false);
    expect(model.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
    model.endCellEdit();
    expect((await run).kind).toBe("done");
    // 清除标记 waits the same way.
    model.cellEditMode = true;
    const clearing = clearMarks();
    model.endCellEdit();
    expect((await clearing)?.restored).toBeGreaterThan(0);
  });

  test("below 1.11 it fails at once with what to do", async () => {
    const model = setUp("1.10");
    model.cellEditMode = true;
    expect((await failure(runNormalizer({ locale: "zh-CN" }))).zh).toBe(
      "Excel 正在编辑单元格：请按 Enter 或 Esc 退出编辑后再试。",
    );
  });
});

describe("print setup in its own request, last", () => {
  test("Excel refusing it leaves a complete run without it, and the pane is told", async () => {
    const model = setUp("1.10");
    model.printSetupRefusal = "GeneralException";
    const outcome = await runNormalizer({ locale: "zh-CN" });
    if (outcome.kind !== "done") throw new Error(outcome.kind);
    expect(outcome.summary.printSetupSkipped).toBe(true);
    const results = model.sheetByName("校验结果")!;
    expect(results.pageLayout.orientation).toBeUndefined();
    // Everything else is there: both sheets with their rows, the marks.
    expect(model.sheets.map((s) => s.name)).toEqual(["Sheet1", "指标明细", "校验结果"]);
    expect(results.cell(2, 1)?.value).not.toBe("");
    expect([...model.sheetByName("Sheet1")!.fills()].length).toBeGreaterThan(0);
    expect(paneMessagesFor("zh-CN").printSetupSkipped).toMatch(/打印设置.*页面布局/);
  });

  test("accepted, it is set on both sheets, in a request after the values", async () => {
    const model = setUp("1.10");
    const outcome = await runNormalizer({ locale: "zh-CN" });
    if (outcome.kind !== "done") throw new Error(outcome.kind);
    expect(outcome.summary.printSetupSkipped).toBeUndefined();
    for (const name of ["指标明细", "校验结果"])
      expect(model.sheetByName(name)!.pageLayout).toMatchObject({ orientation: "Landscape" });
    // A refusal in that request leaves everything before it: the refusal test above fails only there.
    model.printSetupRefusal = "InvalidArgument";
    const again = await runNormalizer({ locale: "zh-CN" });
    expect(again.kind === "done" && again.summary.printSetupSkipped).toBe(true);
  });
});

describe("conditional formatting over the marks (ExcelApi 1.6)", () => {
  test("a rule over marked cells is found and the pane is told; a rule elsewhere, or below 1.6, is not", async () => {
    const model = setUp("1.10");
    const sheet = model.activeSheet;
    // Over the sample's indicator column G from the header down: its marked cells are in it.
    sheet.conditionalFormats.push({ top: 10, left: 7, bottom: 200, right: 7 });
    const outcome = await runNormalizer({ locale: "zh-CN" });
    if (outcome.kind !== "done") throw new Error(outcome.kind);
    expect(outcome.summary.conditionalFormatsOverMarks).toBe(true);
    expect(paneMessagesFor("zh-CN").conditionalFormatsOverMarks).toMatch(/条件格式.*盖住/);

    const elsewhere = setUp("1.10");
    elsewhere.activeSheet.conditionalFormats.push({ top: 500, left: 20, bottom: 510, right: 21 });
    const clean = await runNormalizer({ locale: "zh-CN" });
    expect(clean.kind === "done" && clean.summary.conditionalFormatsOverMarks).toBeFalsy();

    const old = setUp("1.5");
    old.activeSheet.conditionalFormats.push({ top: 10, left: 7, bottom: 200, right: 7 });
    const below = await runNormalizer({ locale: "zh-CN" });
    expect(below.kind === "done" && below.summary.conditionalFormatsOverMarks).toBeFalsy();
  });
});
