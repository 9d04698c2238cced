/**
 * The Office.js shell against the fake host with hand-built plans: what lands in the workbook, at ExcelApi 1.1,
 * 1.7 and 1.9, and how many requests it takes.
 */
import type { Plan, PlanSheet } from "../../src/core/plan/plan";
import { detectApiSupport } from "../../src/excel/api-support";
import { applyPlan } from "../../src/excel/apply-plan";
import { readSource } from "../../src/excel/read-source";
import { clearMarks, selectCell } from "../../src/excel/run-normalizer";
import {
  EMPTY_RUN_STATE,
  loadRunState,
  readRunState,
  saveRunState,
  type RunState,
} from "../../src/excel/run-state";
import { STRINGS_EXCEL_WOULD_REINTERPRET } from "../../testing/reinterpreted-strings";
import { FakeRequestContext, installFakeOffice } from "../../testing/fake-excel/fake-office-js";
import { FakeWorkbook, type ApiLevel } from "../../testing/fake-excel/workbook-model";

const LEVELS: ApiLevel[] = ["1.1", "1.7", "1.9", "1.10"];

const PRINT: PlanSheet["print"] = {
  orientation: "landscape",
  fitToPagesWide: 1,
  repeatRows: 1,
  paper: "A4",
  footer: { left: "&A", right: "第 &P 页，共 &N 页" },
};

// The list, plus a leading apostrophe (Excel would swallow it), a markup probe and a comparison sign.
const TRICKY = [...STRINGS_EXCEL_WOULD_REINTERPRET, "'quoted", "<img src=x onerror=alert(1)>", "≥95%"];

function detailSheet(name: string, rows: PlanSheet["rows"]): PlanSheet {
  return {
    key: "detail",
    name,
    columns: [
      { header: "项目名称", width: 20, numberFormat: "@", wrap: true },
      { header: "数值", width: 8, numberFormat: "General", wrap: false },
      { header: "来源", width: 8, numberFormat: "@", wrap: false },
    ],
    rows,
    table: { name: "IndicatorDetail", style: "TableStyleMedium2" },
    freezeRows: 1,
    rowHeights: rows.map(() => null),
    fills: [],
    print: PRINT,
  };
}

function handPlan(): Plan {
  return {
    sourceSheet: "Sheet1",
    sheets: [
      detailSheet(
        "指标明细",
        TRICKY.map((text, i) => [
          text,
          i * 1.5,
          { text: `B${i + 2}`, link: { sheet: "Sheet1", cell: `B${i + 2}` } },
        ]),
      ),
      {
        key: "checks",
        name: "校验结果",
        columns: [{ header: "说明", width: 60, numberFormat: "@", wrap: true }],
        rows: [["未发现问题：可以发送。"], ["错误"], ["警告"]],
        table: null,
        freezeRows: 1,
        rowHeights: [null, null, null],
        fills: [
          { row: 1, column: 0, color: "#FFC7CE" },
          { row: 2, column: 0, color: "#FFEB9C" },
        ],
        print: PRINT,
      },
    ],
    marks: [
      { cell: "B2", severity: "error", color: "#FFC7CE" },
      { cell: "B3", severity: "error", color: "#FFC7CE" },
      { cell: "C3", severity: "error", color: "#FFC7CE" },
      { cell: "D9", severity: "warning", color: "#FFEB9C" },
      { cell: "E4", severity: "warning", color: "#FFEB9C" },
    ],
    notes: [
      { cell: "B2", text: "B2 错了。" },
      { cell: "B3", text: "B3 错了。" },
      { cell: "C3", text: "C3 错了。" },
      { cell: "D9", text: "D9 请核对。" },
      { cell: "E4", text: "E4 请核对。" },
    ],
    noteAuthor: "绩效指标规范化",
    commentTag: "【绩效指标规范化】",
    activate: "checks",
  };
}

function workbookWithSource(level: ApiLevel): FakeWorkbook {
  const model = installFakeOffice(new FakeWorkbook(level));
  model.activeSheet.putGrid([
    ["项目名称", "总计"],
    ["公务用车购置费", "18.00"],
    ["政府雇员工资费用", "364.00"],
  ]);
  // The user's own fills on cells that will be marked: a colour, and (at 1.9) a patterned fill.
  model.activeSheet.touch(3, 2).fill = { color: "#00B0F0", pattern: "Solid" };
  if (model.supports("1.9")) model.activeSheet.touch(9, 4).fill = { color: "#92D050", pattern: "Gray50" };
  return model;
}

/** One full apply through Excel.run, as the flow does it, with the run state kept in the document. */
async function apply(model: FakeWorkbook, plan: Plan): Promise<RunState> {
  const settings = (Office.context.document as unknown as { settings: Parameters<typeof loadRunState>[0] })
    .settings;
  // The user is back on the source sheet, as after fixing it.
  model.activeSheetId = model.sheetByName("Sheet1")!.id;
  return Excel.run(async (context) => {
    const support = detectApiSupport();
    const source = await readSource(context, support);
    const { state } = await applyPlan(context, plan, {
      support,
      previous: await readRunState(settings),
      sheets: source.sheets,
      sourceSheetId: source.sheet.id,
    });
    await saveRunState(settings, state);
    return state;
  });
}

describe.each(LEVELS)("applyPlan at ExcelApi %s", (level) => {
  test("writes the sheets, text stays text, numbers stay numbers, the header is frozen where 1.7 allows", async () => {
    const model = workbookWithSource(level);
    await apply(model, handPlan());
    const detail = model.sheetByName("指标明细")!;
    expect(detail.valuesOf({ top: 1, left: 1, bottom: 1, right: 3 })).toEqual([["项目名称", "数值", "来源"]]);
    const column = detail.valuesOf({ top: 2, left: 1, bottom: TRICKY.length + 1, right: 1 }).map((r) => r[0]);
    expect(column).toEqual(TRICKY);
    for (let row = 2; row <= TRICKY.length + 1; row++) expect(detail.cell(row, 1)!.formula).toBeUndefined();
    expect(detail.cell(4, 2)!.value).toBe(3);
    expect(detail.cell(2, 1)!.numberFormat).toBe("@");
    expect(detail.cell(2, 2)!.numberFormat).toBe("General");
    expect(model.tables).toEqual([
      expect.objectContaining({
        name: "IndicatorDetail",
        rect: { top: 1, left: 1, bottom: TRICKY.length + 1, right: 3 },
      }),
    ]);
    expect(detail.frozenRows).toBe(level === "1.1" ? 0 : 1);
    expect(model.activeSheet.name).toBe("校验结果");
    expect(model.sheetByName("校验结果")!.cell(2, 1)!.value).toBe("未发现问题：可以发送。");
  });

  test("links jump to the source cell at 1.7 and up; below, the cell holds the address as text", async () => {
    const model = workbookWithSource(level);
    await apply(model, handPlan());
    const source = model.sheetByName("指标明细")!.cell(3, 3)!;
    expect(source.value).toBe("B3");
    if (level === "1.1") expect(source.hyperlink).toBeUndefined();
    else expect(source.hyperlink).toEqual({ documentReference: "'Sheet1'!B3", textToDisplay: "B3" });
  });

  test("marks the cells, and 清除标记 puts back exactly the fills they had, touching nothing else", async () => {
    const model = workbookWithSource(level);
    const sheet = model.activeSheet;
    const fillsBefore = sheet.fills();
    const contentBefore = sheet.contentSnapshot();
    await apply(model, handPlan());
    expect(sheet.fills().get("B2")).toEqual({ color: "#FFC7CE", pattern: "Solid" });
    expect(sheet.fills().get("C3")).toEqual({ color: "#FFC7CE", pattern: "Solid" });
    // A warning: from ExcelApi 1.9 (fill.pattern) under its diagonal stripes, told from an error in black-and-white
    // print; below 1.9 Office.js sets no pattern and it is its colour only.
    const patterns = level !== "1.1" && level !== "1.7";
    expect(sheet.fills().get("D9")).toEqual(
      patterns
        ? { color: "#FFEB9C", pattern: "LightUp", patternColor: "#9C6500" }
        : { color: "#FFEB9C", pattern: "Solid" },
    );
    expect(sheet.contentSnapshot()).toBe(contentBefore);

    expect(await clearMarks()).toEqual({ restored: 5, leftAlone: 0, colourLost: 0, unreadable: 0 });
    expect(sheet.fills()).toEqual(fillsBefore);
    expect(sheet.contentSnapshot()).toBe(contentBefore);
    expect(model.sheetByName("指标明细")).toBeDefined();
    expect(await clearMarks()).toEqual({ restored: 0, leftAlone: 0, colourLost: 0, unreadable: 0 });
  });

  test("running twice leaves what running once leaves, and the saved fills stay the user's", async () => {
    const model = workbookWithSource(level);
    const fillsBefore = model.activeSheet.fills();
    await apply(model, handPlan());
    const once = snapshot(model);
    await apply(model, handPlan());
    expect(snapshot(model)).toEqual(once);
    await clearMarks();
    expect(model.sheetByName("Sheet1")!.fills()).toEqual(fillsBefore);
  });

  test("a user's own sheet is never deleted, even one named like the tool's", async () => {
    const model = workbookWithSource(level);
    await apply(model, handPlan());
    const users = model.addSheet("我的表");
    users.putGrid([["keep me"]]);
    const second = { ...handPlan(), sheets: [detailSheet("指标明细", [["x", 1, null]])] };
    await apply(model, second);
    expect(model.sheets.map((s) => s.name)).toEqual(["Sheet1", "我的表", "指标明细"]);
    expect(model.sheetByName("我的表")!.cell(1, 1)!.value).toBe("keep me");
  });

  test("the whole apply costs a constant number of requests, none of them per cell", async () => {
    const model = workbookWithSource(level);
    model.clearSyncLog();
    await apply(model, handPlan());
    // read, prepare, fills, values, tables + marks, links (1.7); at 1.10 the comments: the existing ones, their
    // places, then the new ones.
    expect(model.syncCount).toBeLessThanOrEqual(level === "1.1" ? 5 : level === "1.10" ? 9 : 6);
  });

  test("severity cells are filled like the marks; wrapped rows fit their text where 1.2 allows", async () => {
    const model = workbookWithSource(level);
    await apply(model, handPlan());
    const checks = model.sheetByName("校验结果")!;
    expect(checks.fills().get("A3")).toMatchObject({ color: "#FFC7CE" });
    expect(checks.fills().get("A4")).toMatchObject({ color: "#FFEB9C" });
    expect(checks.fills().get("A2")).toBeUndefined();
    expect(checks.autofitRows).toEqual(level === "1.1" ? [] : ["A2:A4"]);
    expect(model.sheetByName("指标明细")!.autofitRows).toEqual(
      level === "1.1" ? [] : [`A2:C${TRICKY.length + 1}`],
    );
  });

  test("both sheets print landscape A4, one page wide, the header on every page, name and page below (1.9)", async () => {
    const model = workbookWithSource(level);
    await apply(model, handPlan());
    const expected =
      level === "1.9" || level === "1.10"
        ? {
            orientation: "Landscape",
            paperSize: "A4",
            zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
            printTitleRows: "$1:$1",
            leftFooter: "&A",
            rightFooter: "第 &P 页，共 &N 页",
          }
        : {};
    for (const name of ["指标明细", "校验结果"])
      expect(model.sheetByName(name)!.pageLayout).toEqual(expected);
  });
});

describe("comments on the marked cells (ExcelApi 1.10)", () => {
  const TAG = "【绩效指标规范化】";

  test("each marked cell gets one, tagged; the clerk's comment or note stays; a re-run replaces ours", async () => {
    const model = workbookWithSource("1.18");
    const sheet = model.activeSheet;
    sheet.comments.set("B3", { id: "{clerk}", content: "我的批注" });
    sheet.comments.set("C3", { id: "{note}", content: "我的备注", note: true, author: "张三" });
    // A note the command line left on a cell (its author is the tool's): replaced by the add-in's comment.
    sheet.comments.set("D9", { id: "{cli}", content: "旧说明", note: true, author: "绩效指标规范化" });
    await apply(model, handPlan());
    const contents = () => Object.fromEntries([...sheet.comments].map(([cell, c]) => [cell, c.content]));
    const expected = {
      B3: "我的批注",
      C3: "我的备注",
      B2: `${TAG}B2 错了。`,
      D9: `${TAG}D9 请核对。`,
      E4: `${TAG}E4 请核对。`,
    };
    expect(contents()).toEqual(expected);
    await apply(model, handPlan());
    expect(contents()).toEqual(expected);
    await clearMarks();
    expect(contents()).toEqual({ B3: "我的批注", C3: "我的备注" });
  });

  test("below 1.18 a note the add-in cannot see fails the comments' request: the rest of the run stands", async () => {
    const model = workbookWithSource("1.10");
    const sheet = model.activeSheet;
    sheet.comments.set("C3", { id: "{note}", content: "我的备注", note: true });
    await apply(model, handPlan());
    expect(model.sheetByName("指标明细")).toBeDefined();
    expect(sheet.fills().get("B2")).toMatchObject({ color: "#FFC7CE" });
    // Whatever landed carries the tag, so 清除标记 takes it away with the marks.
    await clearMarks();
    expect([...sheet.comments.keys()]).toEqual(["C3"]);
  });

  test("below 1.10 there are no comments, and nothing fails", async () => {
    const model = workbookWithSource("1.9");
    await apply(model, handPlan());
    expect(model.activeSheet.comments.size).toBe(0);
  });
});

test("the fake refuses what Excel refuses", async () => {
  const model = installFakeOffice(new FakeWorkbook("1.1"));
  const context = new FakeRequestContext(model);
  const sheet = context.workbook.worksheets.getActiveWorksheet();
  // Reading before load + sync is the very mistake the fake must catch.
  // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
  expect(() => sheet.name).toThrow(/not available/);
  context.workbook.worksheets.add("Sheet1");
  await expect(context.sync()).rejects.toMatchObject({ code: "ItemAlreadyExists" });
  context.workbook.worksheets.add("a[b]");
  await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
  sheet.getRange("A1:B2").values = [["only one row"]];
  await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
  sheet.freezePanes.freezeRows(1);
  await expect(context.sync()).rejects.toMatchObject({ code: "ApiNotFound" });
  expect(detectApiSupport()).toEqual({
    columnWidths: false,
    valuesOnlyAndProtection: false,
    workbookRecord: false,
    linksAndFreeze: false,
    multiAreaAndPattern: false,
    comments: false,
    notes: false,
    delayForCellEdit: false,
    conditionalFormats: false,
  });
  expect(model.syncCount).toBe(4);
});

test("selecting an issue's cell activates the source sheet and selects the cell", async () => {
  const model = installFakeOffice(new FakeWorkbook("1.1"));
  model.addSheet("other");
  model.activeSheetId = model.sheetByName("other")!.id;
  await selectCell("Sheet1", "F12");
  expect(model.activeSheet.name).toBe("Sheet1");
  expect(model.selection.rect).toEqual({ top: 12, left: 6, bottom: 12, right: 6 });
});

test("a damaged saved state counts as nothing saved", () => {
  const settings = {
    get: () => ({ version: 7 }),
    set: () => undefined,
    remove: () => undefined,
    saveAsync: () => undefined,
    refreshAsync: () => undefined,
  };
  expect(loadRunState(settings)).toEqual(EMPTY_RUN_STATE);
});

function snapshot(model: FakeWorkbook): unknown {
  return {
    sheets: model.sheets.map((s) => [s.name, s.contentSnapshot(), [...s.fills()], s.frozenRows]),
    tables: model.tables.map((t) => [t.name, t.rect]),
    active: model.activeSheet.name,
  };
}
