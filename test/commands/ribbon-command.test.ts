/**
 * The ribbon's 规范化指标: registered under the manifest's FunctionName, runs the same flow, shows 校验结果 when
 * there are errors (else 指标明细), tells the clerk what happened in a dialog (DialogApi 1.1), and completes the
 * event on every path: the dialog closed with 确定 or its ×, a dialog that cannot open, no DialogApi, a clerk who
 * never closes it (Office ends the command 5 minutes after the click), and a run that failed.
 */
import { analyzeTable } from "../../src/core/analyze-table";
import type * as Commands from "../../src/commands/commands";
import {
  decodeReport,
  describeReport,
  encodeReport,
  REPORT_STORAGE_KEY,
  storeReport,
  type ReportStorage,
  type RibbonReport,
} from "../../src/commands/ribbon-report";
import { RUN_LOCK_KEY, RUN_STATE_KEY } from "../../src/excel/run-state";
import { messagesFor } from "../../src/core/messages";
import { paneMessagesFor } from "../../src/taskpane/messages";
import { installFakeOffice } from "../../testing/fake-excel/fake-office-js";
import { FakeWorkbook, type FakeDialog } from "../../testing/fake-excel/workbook-model";
import { loadSampleGrid } from "../../testing/sample";

const model = installFakeOffice(new FakeWorkbook("1.9"));
// Importing the command file registers the action through Office.onReady, as the function file does in Excel.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded after the fake host is installed
const { runFromRibbon } = require("../../src/commands/commands") as typeof Commands;

type Event = { completed: jest.Mock };

/** Clicks the button; resolves once the function has opened its dialog, or finished without one. */
async function click(): Promise<{ event: Event; finished: Promise<unknown> }> {
  const event = { completed: jest.fn() };
  const action = model.actions.get("normalizeIndicators");
  if (!action) throw new Error("normalizeIndicators was not associated");
  const before = model.dialogs.length;
  const finished = Promise.resolve(action(event));
  await Promise.race([finished, waitFor(() => model.dialogs.length > before)]);
  return { event, finished };
}

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((r) => setTimeout(r, 5));
  if (!condition()) throw new Error("timed out");
}

function reset(grid: Parameters<FakeWorkbook["activeSheet"]["putGrid"]>[0] | null): void {
  const fresh = new FakeWorkbook("1.9");
  Object.assign(model, {
    sheets: fresh.sheets,
    tables: [],
    names: [],
    customXmlParts: [],
    activeSheetId: fresh.activeSheetId,
  });
  model.selection = fresh.selection;
  model.dialogApi = true;
  model.dialogFailure = null;
  model.dialogs.length = 0;
  model.failNextSync = null;
  const settings = Office.context.document.settings as unknown as { remove(name: string): void };
  settings.remove(RUN_STATE_KEY);
  settings.remove(RUN_LOCK_KEY);
  model.savedSettings = "{}";
  if (grid) model.activeSheet.putGrid(grid);
}

function lastDialog(): FakeDialog {
  const dialog = model.dialogs[model.dialogs.length - 1];
  if (!dialog) throw new Error("no dialog was opened");
  return dialog;
}

function dialogText(dialog: FakeDialog, locale: "zh-CN" | "en-US" = "zh-CN"): string {
  const decoded = decodeReport(dialog.url.slice(dialog.url.indexOf("?")));
  if (!decoded) throw new Error(`not a report: ${dialog.url}`);
  const lines = describeReport(decoded.report, paneMessagesFor(locale), messagesFor(locale));
  return [lines.verdict, lines.where, lines.next].join("\n");
}

test("on the sample (which has errors): the sheets, 校验结果 shown, a dialog with the verdict; 确定 completes", async () => {
  const grid = loadSampleGrid();
  const errors = analyzeTable(grid).issues.filter((i) => i.severity === "error").length;
  expect(errors).toBeGreaterThan(0);
  reset(grid);
  const { event, finished } = await click();
  expect(model.sheets.map((s) => s.name)).toEqual(["Sheet1", "指标明细", "校验结果"]);
  expect(model.activeSheet.name).toBe("校验结果");
  const dialog = lastDialog();
  expect(dialog.url).toMatch(/^dialog\.html\?lang=zh-CN&id=[0-9a-z]+&report=/);
  expect(dialogText(dialog)).toContain(`有 ${errors} 个错误：请修改原表后再运行。`);
  expect(dialogText(dialog)).toContain("结果见工作表「校验结果」");
  expect(event.completed).not.toHaveBeenCalled();
  dialog.clickOk();
  await finished;
  expect(dialog.closed).toBe(true);
  expect(event.completed).toHaveBeenCalledTimes(1);
});

test("on a table without errors: 指标明细 shown, the dialog says it is ready; the × completes", async () => {
  // The sample's first project alone, with its unit and grand total reconciling.
  const grid = loadSampleGrid().slice(0, 12);
  grid[9] = ["合计", "18.00", "18.00", null, null, null, null];
  grid[10] = ["广州市白云区人民政府办公室", "18.00", "18.00", null, null, null, null];
  expect(analyzeTable(grid).issues.filter((i) => i.severity === "error")).toEqual([]);
  reset(grid);
  const { event, finished } = await click();
  expect(model.activeSheet.name).toBe("指标明细");
  // What was checked: 合计's, the unit's and the project's rows, and the unit's and 合计's four columns.
  expect(dialogText(lastDialog())).toMatch(
    /^合计已核对：11 个等式全部相符；指标 7 条，未发现问题：可以发送。/,
  );
  lastDialog().closeWithX();
  await finished;
  expect(event.completed).toHaveBeenCalledTimes(1);
});

test("an empty sheet: the dialog says to paste the table first", async () => {
  reset(null);
  const { event, finished } = await click();
  expect(model.sheets.length).toBe(1);
  expect(dialogText(lastDialog())).toContain("是空的：请先粘贴表格");
  lastDialog().clickOk();
  await finished;
  expect(event.completed).toHaveBeenCalledTimes(1);
});

test("an Office failure: the dialog says what happened and what to do, in English for English Office", async () => {
  reset(loadSampleGrid());
  model.failNextSync = "InvalidOperationInCellEditMode";
  model.displayLanguage = "en-US";
  const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
  try {
    const { event, finished } = await click();
    expect(lastDialog().url).toMatch(/lang=en-US/);
    expect(dialogText(lastDialog(), "en-US")).toBe(
      "The run did not finish.\n\nExcel is editing a cell: press Enter or Esc to leave the cell, then try again.",
    );
    lastDialog().clickOk();
    await finished;
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(spy).toHaveBeenCalled();
  } finally {
    spy.mockRestore();
    model.displayLanguage = "zh-CN";
  }
});

test("another run going: the dialog says so, and nothing changes", async () => {
  reset(loadSampleGrid());
  model.savedSettings = JSON.stringify({ [RUN_LOCK_KEY]: { owner: "the pane", since: Date.now() } });
  const { event, finished } = await click();
  expect(dialogText(lastDialog())).toContain("另一次运行");
  expect(model.sheets.length).toBe(1);
  lastDialog().clickOk();
  await finished;
  expect(event.completed).toHaveBeenCalledTimes(1);
});

test("no DialogApi 1.1: no dialog, the result sheet is the answer, and the event completes", async () => {
  reset(loadSampleGrid());
  model.dialogApi = false;
  const { event, finished } = await click();
  await finished;
  expect(model.dialogs).toEqual([]);
  expect(model.activeSheet.name).toBe("校验结果");
  expect(event.completed).toHaveBeenCalledTimes(1);
});

test("a dialog that cannot open (12007: another is open): the event completes", async () => {
  reset(loadSampleGrid());
  model.dialogFailure = 12007;
  const { event, finished } = await click();
  await finished;
  expect(event.completed).toHaveBeenCalledTimes(1);
});

test("a clerk who never closes the dialog: the event completes before Office's 5 minutes, the dialog stays", async () => {
  reset(loadSampleGrid());
  const event = { completed: jest.fn() };
  await runFromRibbon(event as unknown as Office.AddinCommands.Event, 300);
  expect(event.completed).toHaveBeenCalledTimes(1);
  expect(lastDialog().closed).toBe(false);
});

describe("the dialog's URL is short by design: an id, with the report in the add-in's storage", () => {
  const BASE = "https://addins.example.gov.cn/财政局/绩效目标/indicator-normalizer/v1/dialog.html";
  const sheet = "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一"; // 31 characters, Excel's most
  const longest: RibbonReport[] = [
    {
      kind: "no-table",
      sheet,
      lookedFor: "没有找到项目支出绩效目标表：".repeat(20),
      advice: "请确认表头含有项目名称、金额和绩效指标等列。".repeat(20),
    },
    { kind: "table-elsewhere", sheet, found: sheet },
    {
      kind: "done",
      projects: 10_000,
      indicators: 70_000,
      errors: 9_999,
      warnings: 9_999,
      sheet,
      selectionIgnored: true,
      marksLeftAlone: 9_999,
      marksColourLost: 9_999,
      marksUnreadable: 9_999,
    },
  ];

  function memoryStorage(): ReportStorage & { items: Map<string, string> } {
    const items = new Map<string, string>();
    return { items, getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v) };
  }

  test.each(longest.map((r) => [r.kind, r] as const))(
    "%s: under 1,000 characters on a long base URL (Internet Explorer's limit is 2,083)",
    (_kind, report) => {
      const url = `${encodeURI(BASE)}${encodeReport(report, "zh-CN", "m1x2y3abc")}`;
      expect(url.length).toBeLessThan(1_000);
      // The full report comes back from storage, by its id.
      const storage = memoryStorage();
      storeReport(storage, "m1x2y3abc", report, "zh-CN");
      expect(decodeReport(url.slice(url.indexOf("?")), storage)).toEqual({ report, locale: "zh-CN" });
    },
  );

  test("without storage (or with another click's report in it) the URL's copy serves, its long texts cut", () => {
    const report = longest[0]!;
    const search = encodeReport(report, "en-US", "second");
    const storage = memoryStorage();
    storeReport(storage, "first", { kind: "busy" }, "zh-CN");
    for (const s of [null, storage]) {
      const decoded = decodeReport(search, s);
      expect(decoded?.locale).toBe("en-US");
      expect(decoded?.report.kind).toBe("no-table");
      const text = (decoded?.report as Extract<RibbonReport, { kind: "no-table" }>).lookedFor;
      expect(text.length).toBeLessThanOrEqual(25);
      expect(text.endsWith("…")).toBe(true);
    }
    expect(JSON.parse(storage.items.get(REPORT_STORAGE_KEY)!).id).toBe("first");
  });

  test("a storage that throws (switched off) loses nothing: the URL's copy serves", () => {
    const broken: ReportStorage = {
      getItem: () => {
        throw new Error("SecurityError");
      },
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
    };
    expect(() => storeReport(broken, "x", { kind: "busy" }, "zh-CN")).not.toThrow();
    expect(decodeReport(encodeReport({ kind: "busy" }, "zh-CN", "x"), broken)?.report).toEqual({
      kind: "busy",
    });
  });
});
