/**
 * Where real Excel is less kind than the old fake was, and what the shell does about it: a selection of several
 * areas, settings that are a copy per runtime, saved addresses that rows inserted or deleted make stale, the 5 MB
 * request and response limits and the 5-million-cell read, protected sheets, merged cells, a cell being edited,
 * and fills with patterns and tints. Each test failed against the shell as it was before these fixes.
 */
import { analyzeTable } from "../../src/core/analyze-table";
import type { CellValue } from "../../src/core/model/grid";
import { MARK_COLORS } from "../../src/core/plan/plan";
import { clearMarks, runNormalizer, type RunOutcome } from "../../src/excel/run-normalizer";
import {
  RUN_LOCK_KEY,
  RUN_LOCK_STALE_MS,
  RUN_LOCK_BEAT_MS,
  acquireRunLock,
  beatRunLock,
  RUN_STATE_KEY,
  type DocumentSettings,
} from "../../src/excel/run-state";
import { describeOfficeError } from "../../src/taskpane/describe-office-error";
import { paneMessagesFor } from "../../src/taskpane/messages";
import { FakeRequestContext, FakeSettings, installFakeOffice } from "../../testing/fake-excel/fake-office-js";
import { FakeWorkbook, type ApiLevel, type FakeFill } from "../../testing/fake-excel/workbook-model";
import { markedCellsGrid } from "../../testing/marked-cells-grid";
import { loadSampleGrid } from "../../testing/sample";

jest.setTimeout(120_000);

/** A second runtime's copy of the document settings (the first is the installed Office's). */
function runtimeSettings(model: FakeWorkbook): DocumentSettings {
  return new FakeSettings(model) as unknown as DocumentSettings;
}

function setUp(level: ApiLevel = "1.9", grid: CellValue[][] = loadSampleGrid()): FakeWorkbook {
  const model = installFakeOffice(new FakeWorkbook(level));
  model.activeSheet.putGrid(grid);
  return model;
}

function done(outcome: RunOutcome): Extract<RunOutcome, { kind: "done" }>["summary"] {
  if (outcome.kind !== "done") throw new Error(`run ended ${outcome.kind}`);
  return outcome.summary;
}

function cellPosition(cell: string): { row: number; column: number } {
  const column = [...cell.replace(/\d+/g, "")].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { row: Number(cell.replace(/^[A-Z]+/, "")), column };
}

const markedCells = (model: FakeWorkbook): string[] =>
  [...model.sheetByName("Sheet1")!.fills()]
    .filter(([, fill]) => Object.values(MARK_COLORS).includes(fill.color))
    .map(([cell]) => cell);

describe("a selection of several areas (Workbook.getSelectedRange throws)", () => {
  test("the run falls back to the used range and says so", async () => {
    const model = setUp();
    const rect = { top: 9, left: 1, bottom: 20, right: 7 };
    model.selection = {
      sheetId: model.activeSheetId,
      rect,
      areas: [rect, { top: 30, left: 1, bottom: 40, right: 7 }],
    };
    const summary = done(await runNormalizer({ locale: "zh-CN" }));
    expect(summary.selectionIgnored).toBe(true);
    expect(summary.projects).toBe(analyzeTable(loadSampleGrid()).projects.length);
  });

  test("a single-area selection is still what gets analysed", async () => {
    const model = setUp();
    model.selection = { sheetId: model.activeSheetId, rect: { top: 9, left: 1, bottom: 20, right: 7 } };
    const summary = done(await runNormalizer({ locale: "zh-CN" }));
    expect(summary.selectionIgnored).toBe(false);
    expect(summary.projects).toBeLessThan(analyzeTable(loadSampleGrid()).projects.length);
  });
});

describe("settings are a copy per runtime (pane and ribbon without a shared runtime)", () => {
  test("a runtime whose copy is stale never saves the marks as the previous fills", async () => {
    const model = setUp();
    const pane = runtimeSettings(model); // opened before the ribbon ran: an empty copy
    const ribbon = runtimeSettings(model);
    const source = model.activeSheet;
    const before = source.fills();
    done(await runNormalizer({ locale: "zh-CN", settings: ribbon }));
    expect(markedCells(model).length).toBeGreaterThan(0);
    // The pane runs again on its stale copy, then clears: every cell gets its own fill back, not the red mark.
    done(await runNormalizer({ locale: "zh-CN", settings: pane }));
    await clearMarks({ settings: pane });
    expect(source.fills()).toEqual(before);
    // And the ribbon's copy, stale in turn, finds nothing left to clear.
    expect(await clearMarks({ settings: ribbon })).toMatchObject({ restored: 0, leftAlone: 0 });
  });

  test("two runs at once: the second is told another run is going, and changes nothing", async () => {
    const model = setUp();
    const pane = runtimeSettings(model);
    const ribbon = runtimeSettings(model);
    const [first, second] = await Promise.all([
      runNormalizer({ locale: "zh-CN", settings: pane }),
      runNormalizer({ locale: "zh-CN", settings: ribbon }),
    ]);
    expect([first.kind, second.kind].sort()).toEqual(["busy", "done"]);
    expect(model.sheets.map((s) => s.name)).toEqual(["Sheet1", "指标明细", "校验结果"]);
    // The lock is given back: the next run goes through.
    expect((await runNormalizer({ locale: "zh-CN", settings: ribbon })).kind).toBe("done");
    expect(JSON.parse(model.savedSettings)[RUN_LOCK_KEY]).toBeUndefined();
  });

  test("a lock left by a runtime that died is taken over once its beats stop, not 10 minutes later", async () => {
    const model = setUp();
    model.savedSettings = JSON.stringify({ [RUN_LOCK_KEY]: { owner: "gone", since: 1_000, beat: 1_000 } });
    const settings = runtimeSettings(model);
    expect((await runNormalizer({ locale: "zh-CN", settings, now: () => 2_000 })).kind).toBe("busy");
    const later = () => 1_000 + RUN_LOCK_STALE_MS + 1;
    expect(RUN_LOCK_STALE_MS).toBeLessThanOrEqual(60_000);
    expect((await runNormalizer({ locale: "zh-CN", settings, now: later })).kind).toBe("done");
  });

  test("a lock written before beats is stale by its start; a holder that beats keeps its lock", async () => {
    const model = setUp();
    model.savedSettings = JSON.stringify({ [RUN_LOCK_KEY]: { owner: "old", since: 1_000 } });
    const mine = runtimeSettings(model);
    expect(await acquireRunLock(mine, "pane", 1_000 + RUN_LOCK_STALE_MS + 1)).toBe(true);
    // The pane's run goes on; it beats; the ribbon, clicked after the stale time, still finds it alive.
    const start = 1_000 + RUN_LOCK_STALE_MS + 1;
    await beatRunLock(mine, "pane", start + RUN_LOCK_BEAT_MS);
    await beatRunLock(mine, "pane", start + 2 * RUN_LOCK_BEAT_MS);
    const ribbon = runtimeSettings(model);
    expect(await acquireRunLock(ribbon, "ribbon", start + RUN_LOCK_STALE_MS + 1)).toBe(false);
    // A beat from a runtime that lost the lock changes nothing.
    await beatRunLock(ribbon, "ribbon", start + 3 * RUN_LOCK_BEAT_MS);
    expect(JSON.parse(model.savedSettings)[RUN_LOCK_KEY].owner).toBe("pane");
    // The pane dies: no more beats; the ribbon takes over once the last beat is stale.
    const lastBeat = start + 2 * RUN_LOCK_BEAT_MS;
    expect(await acquireRunLock(ribbon, "ribbon", lastBeat + RUN_LOCK_STALE_MS + 1)).toBe(true);
  });

  test.each<ApiLevel>(["1.1", "1.9"])(
    "at %s a failed run gives the lock back and still remembers the sheets it made",
    async (level) => {
      const model = setUp(level);
      const settings = runtimeSettings(model);
      // Fail the request after the sheets were created (the record's own read adds one at every level).
      const sync = FakeRequestContext.prototype.sync;
      let calls = 0;
      const spy = jest.spyOn(FakeRequestContext.prototype, "sync").mockImplementation(async function (
        this: FakeRequestContext,
      ) {
        if (++calls === 4) throw Object.assign(new Error("injected"), { code: "GeneralException" });
        return sync.call(this);
      });
      await expect(runNormalizer({ locale: "zh-CN", settings })).rejects.toMatchObject({
        code: "GeneralException",
      });
      spy.mockRestore();
      expect(model.sheets.map((s) => s.name)).toEqual(["Sheet1", "指标明细", "校验结果"]);
      const saved = JSON.parse(model.savedSettings) as Record<string, { sheetIds: string[] }>;
      expect(saved[RUN_LOCK_KEY]).toBeUndefined();
      // Below 1.5 in the settings; from 1.5 in the workbook's record, which the CLI reads too.
      if (level === "1.1") expect(saved[RUN_STATE_KEY]!.sheetIds.length).toBe(2);
      else
        expect(model.names.map((n) => n.name)).toEqual(
          expect.arrayContaining(["IndicatorNormalizer.Detail"]),
        );
      done(await runNormalizer({ locale: "zh-CN", settings }));
      expect(model.sheets.map((s) => s.name)).toEqual(["Sheet1", "指标明细", "校验结果"]);
    },
  );
});

describe("saved addresses go stale when rows are inserted or deleted", () => {
  test.each<[string, number]>([
    ["a row inserted above the marks", 1],
    ["a row deleted above the marks", -1],
  ])(
    "%s: 清除标记 finds the moved marks (by the record's names) and wipes none of the clerk's fills",
    async (_, shift) => {
      const model = setUp();
      const sheet = model.activeSheet;
      const before = sheet.fills();
      done(await runNormalizer({ locale: "zh-CN" }));
      const marked = markedCells(model);
      // The clerk's own fill on the cell that will move into a marked cell's address.
      const target = cellPosition(marked[marked.length - 1]!);
      const mine: FakeFill = { color: "#00B0F0", pattern: "Solid" };
      sheet.touch(target.row - shift, target.column).fill = mine;
      // A blank row 5 (a title line) is where the clerk inserts or deletes.
      sheet.shiftRows(5, shift);
      const cleared = await clearMarks();
      expect(cleared).toMatchObject({ restored: marked.length, leftAlone: 0 });
      expect(sheet.cell(target.row, target.column)!.fill).toEqual(mine);
      expect(markedCells(model)).toEqual([]);
      expect(sheet.fills().size).toBe(before.size + 1);
    },
  );

  test.each<[string, number]>([
    ["a row inserted above the marks", 1],
    ["a row deleted above the marks", -1],
  ])(
    "below 1.5 (no record), %s: the moved marks are left alone, counted, and no clerk's fill is wiped",
    async (_, shift) => {
      const model = setUp("1.1");
      const sheet = model.activeSheet;
      done(await runNormalizer({ locale: "zh-CN" }));
      const marked = markedCells(model);
      const target = cellPosition(marked[marked.length - 1]!);
      const mine: FakeFill = { color: "#00B0F0", pattern: "Solid" };
      sheet.touch(target.row - shift, target.column).fill = mine;
      sheet.shiftRows(5, shift);
      const cleared = await clearMarks();
      expect(cleared!.leftAlone).toBeGreaterThan(0);
      expect(cleared!.restored + cleared!.leftAlone).toBe(marked.length);
      expect(sheet.cell(target.row, target.column)!.fill).toEqual(mine);
      // The marks that moved are still red (the settings have no record of where they went); the pane says how many.
      expect(markedCells(model).length).toBe(cleared!.leftAlone);
    },
  );

  test("a cell the clerk refilled since the run keeps the clerk's fill", async () => {
    const model = setUp();
    done(await runNormalizer({ locale: "zh-CN" }));
    const [first] = markedCells(model);
    const { row, column } = cellPosition(first!);
    model.sheetByName("Sheet1")!.touch(row, column).fill = { color: "#92D050", pattern: "Solid" };
    const cleared = await clearMarks();
    expect(cleared!.leftAlone).toBe(1);
    expect(model.sheetByName("Sheet1")!.cell(row, column)!.fill).toEqual({
      color: "#92D050",
      pattern: "Solid",
    });
    expect(paneMessagesFor("zh-CN").marksLeftAlone(1)).toMatch(/1 个单元格/);
  });
});

describe("request and response size (Excel on the web: 5 MB)", () => {
  test("the fake refuses a request over 5,000,000 bytes, measured as Office.js serializes it", async () => {
    const model = new FakeWorkbook("1.9");
    const context = new FakeRequestContext(model);
    const sheet = context.workbook.worksheets.getItem(model.activeSheet.id);
    // About 600 bytes each: 10,000 per-cell fill loads are over the limit, though estimated of old at 2 MB.
    for (let i = 1; i <= 10_000; i++) sheet.getRange(`B${i}`).format.fill.load("color");
    await expect(context.sync()).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(model.syncs[0]!.bytes).toBeGreaterThan(5_000_000);
  });

  test("an answer over the limit fails under its own name, ResponsePayloadSizeLimitExceeded", async () => {
    const model = new FakeWorkbook("1.9");
    model.activeSheet.putGrid(Array.from({ length: 3_000 }, () => ["绩效指标".repeat(200)]));
    const context = new FakeRequestContext(model);
    context.workbook.worksheets.getActiveWorksheet().getUsedRange().load("values");
    await expect(context.sync()).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
  });

  test("20,000 marked cells: marked, then cleared, with no request over the budget", async () => {
    const model = setUp("1.9", markedCellsGrid(loadSampleGrid(), 10_000));
    done(await runNormalizer({ locale: "zh-CN" }));
    expect(markedCells(model).length).toBeGreaterThanOrEqual(20_000);
    const cleared = await clearMarks();
    expect(cleared!.restored).toBeGreaterThanOrEqual(20_000);
    expect(Math.max(...model.syncs.map((s) => s.bytes))).toBeLessThanOrEqual(2_000_000);
  });
});

describe("the 5-million-cell read (Range.values may come back null)", () => {
  test("formatting down a whole column does not make the used range unreadable (valuesOnly at 1.2+)", async () => {
    const model = setUp("1.9");
    model.activeSheet.touch(1_048_576, 7).fill = { color: "#FFFF00", pattern: "Solid" };
    const summary = done(await runNormalizer({ locale: "zh-CN" }));
    expect(summary.projects).toBe(analyzeTable(loadSampleGrid()).projects.length);
  });

  test("below 1.2, a read that comes back null is read again in smaller blocks", async () => {
    const model = setUp("1.1");
    model.maxCellsPerRead = 50;
    const summary = done(await runNormalizer({ locale: "zh-CN" }));
    const whole = analyzeTable(loadSampleGrid());
    expect(summary.projects).toBe(whole.projects.length);
    expect(summary.issues.map((i) => `${i.rule}@${i.cell}`)).toEqual(
      whole.issues.map((i) => `${i.rule}@${i.cell}`),
    );
  });
});

describe("protected sheets and workbooks (AccessDenied)", () => {
  test("at 1.2 and up the run refuses before changing anything", async () => {
    const model = setUp("1.9");
    model.activeSheet.isProtected = true;
    const snapshot = JSON.stringify([model.sheets.map((s) => s.name), [...model.activeSheet.fills()]]);
    expect(await runNormalizer({ locale: "zh-CN" })).toEqual({ kind: "protected", sheet: "Sheet1" });
    expect(JSON.stringify([model.sheets.map((s) => s.name), [...model.activeSheet.fills()]])).toBe(snapshot);
  });

  test("below 1.2 Excel refuses the first mark; the clerk reads why, and the next run cleans up", async () => {
    const model = setUp("1.1");
    model.activeSheet.isProtected = true;
    const error = await runNormalizer({ locale: "zh-CN" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "AccessDenied" });
    expect(describeOfficeError(error, paneMessagesFor("zh-CN"))).toMatch(/受保护/);
    model.activeSheet.isProtected = false;
    done(await runNormalizer({ locale: "zh-CN" }));
    expect(model.sheets.map((s) => s.name)).toEqual(["Sheet1", "指标明细", "校验结果"]);
  });

  test("a workbook whose structure is protected: AccessDenied, in words", async () => {
    const model = setUp("1.9");
    model.workbookProtected = true;
    const error = await runNormalizer({ locale: "en-US" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "AccessDenied" });
    expect(describeOfficeError(error, paneMessagesFor("en-US"))).toMatch(/protected/);
    expect(model.sheets.length).toBe(1);
  });
});

test("merged cells hold their value in the top-left cell only; the run reads and marks them", async () => {
  const grid = loadSampleGrid();
  const model = setUp("1.9", grid);
  // The title merged across the table, as published tables have it.
  model.activeSheet.merge({ top: 1, left: 1, bottom: 1, right: 7 });
  const summary = done(await runNormalizer({ locale: "zh-CN" }));
  expect(summary.projects).toBe(analyzeTable(grid).projects.length);
  expect(model.sheetByName("Sheet1")!.cell(1, 2)?.value ?? "").toBe("");
});

test("while the clerk edits a cell, the run stops with a message saying what to do, and can run after", async () => {
  const model = setUp("1.9");
  model.cellEditMode = true;
  const error = await runNormalizer({ locale: "zh-CN" }).catch((e: unknown) => e);
  expect(describeOfficeError(error, paneMessagesFor("zh-CN"))).toBe(
    "Excel 正在编辑单元格：请按 Enter 或 Esc 退出编辑后再试。",
  );
  model.cellEditMode = false;
  done(await runNormalizer({ locale: "zh-CN" }));
});

describe("fills at ExcelApi 1.9: pattern, pattern colour and tint come back; white is not no fill", () => {
  const fills: [string, FakeFill | undefined][] = [
    ["patterned", { color: "#92D050", pattern: "Gray50", patternColor: "#FF0000" }],
    ["tinted", { color: "#4472C4", pattern: "Solid", tintAndShade: -0.25 }],
    ["white", { color: "#FFFFFF", pattern: "Solid" }],
    ["none", undefined],
  ];

  test.each(fills)("%s", async (_, fill) => {
    const grid = loadSampleGrid();
    const model = setUp("1.9", grid);
    done(await runNormalizer({ locale: "zh-CN" }));
    const [cell] = markedCells(model);
    await clearMarks();
    const { row, column } = cellPosition(cell!);
    if (fill) model.sheetByName("Sheet1")!.touch(row, column).fill = fill;
    done(await runNormalizer({ locale: "zh-CN" }));
    // Marked: the mark's own look (the sample's first marked cell is a warning: diagonal stripes in the warning's
    // darker shade over its yellow), whatever pattern or tint the cell had.
    expect(model.sheetByName("Sheet1")!.cell(row, column)!.fill).toMatchObject({
      color: "#FFEB9C",
      pattern: "LightUp",
      patternColor: "#9C6500",
    });
    expect(model.sheetByName("Sheet1")!.cell(row, column)!.fill!.tintAndShade).toBeUndefined();
    await clearMarks();
    expect(model.sheetByName("Sheet1")!.cell(row, column)?.fill).toEqual(fill);
  });
});

test("the fake refuses getRanges past 2,000 characters or 200 areas, as the add-in never asks (office-js #5198, #4263)", () => {
  const model = setUp("1.9");
  const sheets = new FakeRequestContext(model).workbook.worksheets;
  const areas = (n: number): string => Array.from({ length: n }, (_, i) => `B${i + 1}`).join(",");
  expect(() => sheets.getItem("Sheet1").getRanges(areas(200))).not.toThrow();
  expect(() => sheets.getItem("Sheet1").getRanges(areas(201))).toThrow(/201 areas/);
  const long = Array.from({ length: 120 }, (_, i) => `AA${100000 + i}:AB${200000 + i}`).join(",");
  expect(long.length).toBeGreaterThan(2000);
  expect(() => sheets.getItem("Sheet1").getRanges(long)).toThrow(/characters/);
});
