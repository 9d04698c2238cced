/**
 * The built task pane in Debian's Chromium, office.js replaced by the fake host: run on the sample, read the
 * summary, check the fake workbook, click an issue to select its cell, and the XSS probe. Fails (never skips)
 * when /usr/bin/chromium is missing.
 */
import type { Server } from "http";
import { mkdirSync } from "fs";
import { join } from "path";
import type { Browser, Page } from "playwright-core";
import { analyzeTable } from "../../src/core/analyze-table";
import { countAnalysis } from "../../src/core/model/count-analysis";
import { describeVerdict, messagesFor } from "../../src/core/messages";
import type { CellValue } from "../../src/core/model/grid";
import type { FakeWorkbook } from "../../testing/fake-excel/workbook-model";
import { loadSampleGrid } from "../../testing/sample";
import {
  buildAddin,
  bundleFakeHost,
  launchChromium,
  openPane,
  ROOT,
  serve,
} from "../../testing/pane-harness";

jest.setTimeout(120_000);

let server: Server;
let origin: string;
let browser: Browser;
let fakeHost: string;

beforeAll(async () => {
  const dist = buildAddin();
  fakeHost = bundleFakeHost();
  ({ server, origin } = await serve(dist));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

type PageWindow = { __fakeExcel: FakeWorkbook; __xss?: number };

async function putGrid(page: Page, grid: CellValue[][]): Promise<void> {
  await page.evaluate((g) => (window as unknown as PageWindow).__fakeExcel.activeSheet.putGrid(g), grid);
}

async function runAndWait(page: Page): Promise<void> {
  await page.click("#run");
  await page.waitForFunction(() => {
    const run = document.getElementById("run") as HTMLButtonElement;
    return (
      !run.disabled &&
      (!document.getElementById("summary")!.hidden || !document.getElementById("alert")!.hidden)
    );
  });
}

test("Run on the sample: the summary matches the analysis, the workbook gets the sheets and marks", async () => {
  const grid = loadSampleGrid();
  const analysis = analyzeTable(grid);
  const errors = analysis.issues.filter((i) => i.severity === "error").length;
  const warnings = analysis.issues.filter((i) => i.severity === "warning").length;
  const indicators = analysis.projects.reduce((n, p) => n + p.indicators.length, 0);
  expect(analysis.projects.length).toBeGreaterThan(0);

  const { page, outsideRequests } = await openPane(browser, origin, fakeHost);
  await putGrid(page, grid);
  await runAndWait(page);
  const count = (key: string) => page.textContent(`[data-count="${key}"] dd`);
  expect(await count("projects")).toBe(String(analysis.projects.length));
  expect(await count("indicators")).toBe(String(indicators));
  expect(await count("errors")).toBe(String(errors));
  expect(await count("warnings")).toBe(String(warnings));
  expect(await page.textContent("#verdict")).toBe(
    describeVerdict(countAnalysis(analysis), messagesFor("zh-CN")) ??
      `有 ${errors} 个错误：请修改原表后再运行。`,
  );

  const workbook = await page.evaluate(() => {
    const model = (window as unknown as PageWindow).__fakeExcel;
    const detail = model.sheetByName("指标明细")!;
    return {
      sheets: model.sheets.map((s) => s.name),
      detailRows: detail.usedRect()!.bottom - 1,
      header: detail.valuesOf({ top: 1, left: 1, bottom: 1, right: 3 })[0],
      marks: model.sheetByName("Sheet1")!.fills().size,
      active: model.activeSheet.name,
    };
  });
  expect(workbook.sheets).toEqual(["Sheet1", "指标明细", "校验结果"]);
  expect(workbook.detailRows).toBe(indicators);
  expect(workbook.header).toEqual(["资金使用单位", "项目名称", "序号"]);
  expect(workbook.marks).toBe(
    new Set(analysis.issues.filter((i) => i.cell && i.severity !== "info").map((i) => i.cell)).size,
  );
  expect(workbook.active).toBe(errors > 0 ? "校验结果" : "指标明细");
  expect(outsideRequests).toEqual([]);

  mkdirSync(join(ROOT, ".tmp"), { recursive: true });
  await page.screenshot({ path: join(ROOT, ".tmp", "taskpane-test.png"), fullPage: true });
  await page.close();
});

test("clicking an issue (or pressing Enter on it) selects its cell in the source sheet", async () => {
  const grid = loadSampleGrid();
  const first = analyzeTable(grid).issues.find((i) => i.cell !== null);
  expect(first).toBeDefined();
  const { page } = await openPane(browser, origin, fakeHost);
  await putGrid(page, grid);
  await runAndWait(page);
  const selection = () =>
    page.evaluate(() => {
      const model = (window as unknown as PageWindow).__fakeExcel;
      return { sheet: model.activeSheet.name, rect: model.selection.rect };
    });
  expect((await selection()).sheet).not.toBe("Sheet1");
  await page.click("button.issue >> nth=0");
  await page.waitForFunction(
    () => (window as unknown as PageWindow).__fakeExcel.activeSheet.name === "Sheet1",
  );
  const cell = first!.cell!;
  const column = cell.replace(/\d+/, "");
  const row = Number(cell.replace(/^[A-Z]+/, ""));
  const colNumber = [...column].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  expect(await selection()).toEqual({
    sheet: "Sheet1",
    rect: { top: row, left: colNumber, bottom: row, right: colNumber },
  });

  // Keyboard: Tab to the second issue and press Enter.
  const second = page.locator("button.issue").nth(1);
  const secondCell = (await second.locator(".issue-cell").textContent())!;
  expect(secondCell).not.toBe(cell);
  await page.locator("button.issue").nth(0).focus();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await page.waitForFunction((c) => {
    const r = (window as unknown as PageWindow).__fakeExcel.selection.rect;
    return `${String.fromCharCode(64 + r.left)}${r.top}` === c;
  }, secondCell);
  await page.close();
});

test("cell text is text: a cell holding <img src=x onerror=…> shows as text and runs nothing", async () => {
  const probe = "<img src=x onerror=window.__xss=1>";
  const grid = loadSampleGrid().map((row) => [...row]);
  // Put the probe where the issue list quotes it: the name of a project with no indicators (empty-project).
  const projectRow = grid.findIndex((row, i) => i > 10 && typeof row[6] === "string");
  grid[projectRow]![0] = probe;
  grid[projectRow]![5] = null;
  grid[projectRow]![6] = null;
  expect(analyzeTable(grid).issues.some((i) => i.message.includes(probe))).toBe(true);
  const { page } = await openPane(browser, origin, fakeHost);
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await putGrid(page, grid);
  await runAndWait(page);
  const paneText = await page.textContent("#app");
  expect(paneText).toContain(probe);
  expect(await page.locator("#app img").count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as PageWindow).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
  await page.close();
});

test("an empty sheet gets a message, not an error; English Office gets English", async () => {
  const { page } = await openPane(browser, origin, fakeHost, { lang: "en-US", level: "1.1" });
  expect(await page.textContent("#run")).toBe("Normalize indicators");
  await runAndWait(page);
  expect(await page.textContent("#alert")).toBe(
    'The sheet "Sheet1" is empty: paste the table first, or select the block it is in.',
  );
  await page.close();
});

test("an Office failure shows in the pane in the user's language, with what to do next", async () => {
  const { page } = await openPane(browser, origin, fakeHost);
  await putGrid(page, loadSampleGrid());
  await page.evaluate(() => {
    (window as unknown as PageWindow).__fakeExcel.failNextSync = "InvalidOperationInCellEditMode";
  });
  await runAndWait(page);
  expect(await page.textContent("#alert")).toBe("Excel 正在编辑单元格：请按 Enter 或 Esc 退出编辑后再试。");
  expect(await page.isEnabled("#run")).toBe(true);
  // The next run goes through.
  await runAndWait(page);
  await page.waitForSelector("#verdict");
  await page.close();
});

test("the ribbon's result dialog shows the report from its URL, and 确定 tells the function file", async () => {
  const report = {
    kind: "done",
    projects: 19,
    indicators: 132,
    errors: 3,
    warnings: 5,
    sheet: "校验结果",
    selectionIgnored: false,
    marksLeftAlone: 0,
  };
  const { page } = await openPane(browser, origin, fakeHost, {
    page: "dialog.html",
    query: { report: JSON.stringify(report) },
  });
  await page.waitForFunction(() => document.getElementById("verdict")?.textContent !== "");
  expect(await page.textContent("#verdict")).toBe(
    "有 3 个错误：请修改原表后再运行。 共 19 个项目、132 条指标；错误 3 个，警告 5 个。",
  );
  expect(await page.textContent("#where")).toContain("结果见工作表「校验结果」");
  expect(await page.getAttribute("#verdict", "class")).toBe("verdict verdict-errors");
  expect(await page.isHidden("#unsupported")).toBe(true);
  await page.click("#close");
  expect(await page.evaluate(() => (window as unknown as PageWindow).__fakeExcel.parentMessages)).toEqual([
    "close",
  ]);
  await page.close();
});
