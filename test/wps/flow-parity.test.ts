/**
 * The same flows against the fake Excel host (Office.js, src/excel) and the fake ET host (WPS 表格, src/wps), and
 * the two workbooks compared cell by cell after every step: values and number formats, marks, links, frozen rows,
 * tables, the sheet shown, bold and wrapped cells, column widths, rows fitted to their text, the print setup, the
 * notes on marked cells, and the clerk's fills and notes after 清除标记. What a clerk sees must not depend on
 * which program they run the add-in in. Excel is at ExcelApi 1.10, where the Office.js shell writes comments.
 */
import type { CellValue } from "../../src/core/model/grid";
import { clearMarks, runNormalizer, type RunOutcome } from "../../src/excel/run-normalizer";
import { hexToBgr } from "../../src/wps/et-facade";
import { clearMarksEt, runNormalizerEt } from "../../src/wps/run-et";
import { etView, firstDifference, officeView, type BookView } from "../../testing/fake-et/compare-workbooks";
import { EtBookModel } from "../../testing/fake-et/et-model";
import { fakeEtApplication } from "../../testing/fake-et/fake-et";
import { installFakeOffice } from "../../testing/fake-excel/fake-office-js";
import { FakeWorkbook } from "../../testing/fake-excel/workbook-model";
import { loadSampleGrid } from "../../testing/sample";

interface Hosts {
  readonly excel: FakeWorkbook;
  readonly et: EtBookModel;
  readonly run: () => Promise<{ excel: RunOutcome; et: RunOutcome }>;
  readonly clear: () => Promise<{ excel: unknown; et: unknown }>;
  /** Both workbooks, compared: throws with the first difference. */
  readonly same: () => BookView;
}

function hosts(grid: CellValue[][] = loadSampleGrid()): Hosts {
  const excel = installFakeOffice(new FakeWorkbook("1.10"));
  excel.activeSheet.putGrid(grid);
  const { app, model: et } = fakeEtApplication(new EtBookModel("Sheet1"));
  et.activeSheet.putGrid(grid);
  return {
    excel,
    et,
    run: async () => ({
      excel: await runNormalizer({ locale: "zh-CN" }),
      // The ET run is synchronous; its outcome has the same shape, plus the features a build lacked.
      et: (({ skipped: _skipped, ...outcome }) => outcome)(
        runNormalizerEt(app, { locale: "zh-CN" }) as RunOutcome & { skipped?: unknown },
      ),
    }),
    clear: async () => ({ excel: await clearMarks(), et: clearMarksEt(app) }),
    same: () => {
      const view = officeView(excel);
      const difference = firstDifference(view, etView(et));
      if (difference) throw new Error(`Excel and ET differ at ${difference}`);
      return view;
    },
  };
}

/** A solid fill the clerk puts on a cell of the source sheet (Sheet1), in both hosts. */
function fillBoth(h: Hosts, cell: string, color: string): void {
  const row = Number(cell.replace(/^[A-Z]+/, ""));
  const column = cell.charCodeAt(0) - 64;
  h.excel.sheetByName("Sheet1")!.touch(row, column).fill = { color, pattern: "Solid" };
  h.et.sheetByName("Sheet1")!.touch(row, column).fill = {
    pattern: 1,
    color: hexToBgr(color),
    patternColor: 0,
  };
}

test("the sample: the same sheets, values, formats, marks, links, frozen header and tables", async () => {
  const h = hosts();
  const { excel, et } = await h.run();
  expect(et).toEqual(excel);
  const view = h.same();
  expect(view.sheets.map((s) => s.name)).toEqual(["Sheet1", "指标明细", "校验结果"]);
  expect(view.sheets[0]!.fills).toEqual({
    // Warnings under their diagonal stripes (MARK_PATTERNS), errors solid: told apart in black-and-white print.
    G20: "#FFEB9C lightUp #9C6500",
    G22: "#FFEB9C lightUp #9C6500",
    G25: "#FFC7CE solid",
    F34: "#FFC7CE solid",
  });
  expect(Object.keys(view.sheets[1]!.cells).length).toBeGreaterThan(132 * 10);
  expect(view.sheets[1]!.frozenRows).toBe(1);
  expect(Object.keys(view.sheets[1]!.links)).toHaveLength(132);
  expect(view.active).toBe("校验结果");
});

test("the sample: the same print setup, bold header, widths, wrapped rows fitted, and notes on the marked cells", async () => {
  const h = hosts();
  await h.run();
  const view = h.same();
  for (const sheet of view.sheets.slice(1)) {
    expect(sheet.print).toEqual({
      orientation: "landscape",
      paper: "A4",
      scale: "fit 1 wide × any tall",
      titleRows: "$1:$1",
      footer: ["&A", "", "第 &P 页，共 &N 页"],
    });
    expect(sheet.formats.A1).toBe("b");
    expect(Object.keys(sheet.widths).length).toBeGreaterThan(5);
    expect(sheet.autofitRows).toHaveLength(1);
    expect(Object.values(sheet.formats)).toContain("w");
  }
  expect(view.sheets[0]!.print).toBeNull();
  expect(Object.keys(view.sheets[0]!.notes).sort()).toEqual(["F34", "G20", "G22", "G25"]);
  for (const note of Object.values(view.sheets[0]!.notes)) expect(note).toMatch(/^【绩效指标规范化】/);
});

test("the clerk's own note stays, gets none of ours, and a re-run and 清除标记 remove only the tool's, in both", async () => {
  const h = hosts();
  const clerks = "请核对（财务科）";
  h.excel.sheetByName("Sheet1")!.comments.set("G25", { id: h.excel.newCommentId(), content: clerks });
  h.et.sheetByName("Sheet1")!.touch(25, 7).comment = { text: clerks, author: "张会计" };
  const first = await h.run();
  expect(first.et).toEqual(first.excel);
  expect(first.et.kind === "done" && first.et.summary.commentsSkipped).toBe(1);
  const once = h.same();
  expect(once.sheets[0]!.notes.G25).toBe(clerks);
  expect(Object.keys(once.sheets[0]!.notes)).toHaveLength(4);
  await h.run();
  expect(h.same().sheets[0]!.notes).toEqual(once.sheets[0]!.notes);
  await h.clear();
  expect(h.same().sheets[0]!.notes).toEqual({ G25: clerks });
});

test("the clerk's own fills: a second run changes nothing, 清除标记 gives every fill back, in both", async () => {
  const h = hosts();
  for (const cell of ["G20", "G25", "A1"]) fillBoth(h, cell, "#DDEBF7");
  const before = h.same();
  await h.run();
  const once = h.same();
  expect(once.sheets[0]!.fills.G25).toBe("#FFC7CE solid");
  await h.run();
  expect(h.same()).toEqual(once);
  const cleared = await h.clear();
  expect(cleared.et).toEqual(cleared.excel);
  expect(cleared.et).toEqual({ restored: 4, leftAlone: 0, colourLost: 0, unreadable: 0 });
  const after = h.same();
  expect(after.sheets[0]!.fills).toEqual(before.sheets[0]!.fills);
  expect(after.sheets[0]!.cells).toEqual(before.sheets[0]!.cells);
});

test("a cell the clerk refilled after the run is left alone by 清除标记, in both", async () => {
  const h = hosts();
  await h.run();
  fillBoth(h, "G25", "#C6EFCE");
  const cleared = await h.clear();
  expect(cleared.et).toEqual(cleared.excel);
  expect(cleared.et).toEqual({ restored: 3, leftAlone: 1, colourLost: 0, unreadable: 0 });
  expect(h.same().sheets[0]!.fills).toEqual({ G25: "#C6EFCE solid" });
});

test("a clerk's own sheet named 指标明细 survives, and the runs pick the same other name", async () => {
  const h = hosts();
  h.excel.addSheet("指标明细").putGrid([["我的数据"]]);
  h.et.addSheet("指标明细").putGrid([["我的数据"]]);
  await h.run();
  await h.run();
  const view = h.same();
  expect(view.sheets.map((s) => s.name)).toEqual(["Sheet1", "指标明细", "指标明细 (2)", "校验结果"]);
  expect(view.sheets[1]!.cells.A1![0]).toBe("我的数据");
});

test("a selection of part of the table is what both analyse, at its place on the sheet", async () => {
  const grid = loadSampleGrid();
  const headerRow = grid.findIndex((row) => String(row[0] ?? "").startsWith("项目名称")) + 1;
  const h = hosts(grid);
  const rect = { top: headerRow, left: 1, bottom: 20, right: 7 };
  h.excel.selection = { sheetId: h.excel.activeSheetId, rect };
  h.et.activeSheet.selection = [rect];
  const { excel, et } = await h.run();
  expect(et).toEqual(excel);
  expect(excel.kind === "done" && excel.summary.projects).toBeGreaterThan(0);
  h.same();
});

test("run again from 校验结果 after fixing the source: both analyse the source, not the sheet shown", async () => {
  const h = hosts();
  const errors = (o: RunOutcome) =>
    o.kind === "done" ? o.summary.issues.filter((i) => i.cell === "G25").length : -1;
  const before = await h.run();
  expect(errors(before.excel)).toBe(1);
  expect(h.same().active).toBe("校验结果");
  // The clerk fixes the missing annual value reported at G25 (in both), while 校验结果 is the sheet shown.
  const missing = "维保按时完成质量；实施周期指标值:保障机关大院办公场所公共设备安全运行正常。";
  const fixed =
    "维保按时完成质量；实施周期指标值:保障机关大院办公场所公共设备安全运行正常；年度指标值:正常。";
  for (const sheet of [h.excel.sheetByName("Sheet1")!, h.et.sheetByName("Sheet1")!]) {
    const cell = sheet.cell(25, 7)!;
    expect(String(cell.value)).toContain(missing);
    cell.value = String(cell.value).replace(missing, fixed);
  }
  const { excel, et } = await h.run();
  expect(et).toEqual(excel);
  expect(errors(excel)).toBe(0);
  // G25 lost its red mark in both; its earlier mark was restored, not left behind.
  expect(h.same().sheets[0]!.fills.G25).toBeUndefined();
});

test("an empty sheet and a protected sheet: the same answer, nothing changed", async () => {
  const empty = hosts([]);
  const outcome = await empty.run();
  expect(outcome.et).toEqual(outcome.excel);
  expect(outcome.et).toEqual({ kind: "empty", sheet: "Sheet1" });

  const locked = hosts();
  locked.excel.activeSheet.isProtected = true;
  locked.et.activeSheet.protectContents = true;
  const before = locked.same();
  const refused = await locked.run();
  expect(refused.et).toEqual(refused.excel);
  expect(refused.et).toEqual({ kind: "protected", sheet: "Sheet1" });
  expect(locked.same()).toEqual(before);
});
