/**
 * The ribbon's 规范化指标: registered under the manifest's FunctionName, runs the same flow, shows 校验结果 when
 * there are errors (else 指标明细), and completes the event on every path, failures included.
 */
import { analyzeTable } from "../../src/core/analyze-table";
import { RUN_STATE_KEY } from "../../src/excel/run-state";
import { installFakeOffice } from "../../testing/fake-excel/fake-office-js";
import { FakeWorkbook } from "../../testing/fake-excel/workbook-model";
import { loadSampleGrid } from "../../testing/sample";

const model = installFakeOffice(new FakeWorkbook("1.9"));
// Importing the command file registers the action through Office.onReady, as the function file does in Excel.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded after the fake host is installed
require("../../src/commands/commands");

async function click(): Promise<jest.Mock> {
  const completed = jest.fn();
  const action = model.actions.get("normalizeIndicators");
  if (!action) throw new Error("normalizeIndicators was not associated");
  await action({ completed });
  return completed;
}

function reset(grid: Parameters<FakeWorkbook["activeSheet"]["putGrid"]>[0] | null): void {
  const fresh = new FakeWorkbook("1.9");
  Object.assign(model, { sheets: fresh.sheets, tables: [], activeSheetId: fresh.activeSheetId });
  model.selection = fresh.selection;
  (Office.context.document.settings as unknown as { remove(name: string): void }).remove(RUN_STATE_KEY);
  if (grid) model.activeSheet.putGrid(grid);
}

test("on the sample (which has errors) it writes the sheets, shows 校验结果, and completes", async () => {
  const grid = loadSampleGrid();
  expect(analyzeTable(grid).issues.some((i) => i.severity === "error")).toBe(true);
  reset(grid);
  const completed = await click();
  expect(completed).toHaveBeenCalledTimes(1);
  expect(model.sheets.map((s) => s.name)).toEqual(["Sheet1", "指标明细", "校验结果"]);
  expect(model.activeSheet.name).toBe("校验结果");
});

test("on a table without errors it shows 指标明细", async () => {
  // The sample's first project alone, with its unit and grand total reconciling.
  const grid = loadSampleGrid().slice(0, 12);
  grid[9] = ["合计", "18.00", "18.00", null, null, null, null];
  grid[10] = ["广州市白云区人民政府办公室", "18.00", "18.00", null, null, null, null];
  expect(analyzeTable(grid).issues.filter((i) => i.severity === "error")).toEqual([]);
  reset(grid);
  const completed = await click();
  expect(completed).toHaveBeenCalledTimes(1);
  expect(model.activeSheet.name).toBe("指标明细");
});

test("an empty sheet and an Office failure still complete the event", async () => {
  reset(null);
  expect(await click()).toHaveBeenCalledTimes(1);
  expect(model.sheets.length).toBe(1);

  reset(loadSampleGrid());
  model.failNextSync = "InvalidOperationInCellEditMode";
  const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
  expect(await click()).toHaveBeenCalledTimes(1);
  expect(spy).toHaveBeenCalled();
  spy.mockRestore();
});
