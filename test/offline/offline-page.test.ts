/**
 * The built offline page in Debian's Chromium over file://, as a clerk opens it from a USB stick: paste the sample
 * and read the summary; pick the sample workbook, download the result and read it back (132 indicator rows, the
 * marks); bad input gets the CLI's sentence. Every request the browser makes is recorded, and any request but the
 * page's own file:// URL fails the test. The downloaded workbook is the CLI's output for the same input, part by
 * part (test "same package as the CLI" says what differs in the zip bytes, and why).
 */
import { parse } from "acorn";
import { createHash } from "crypto";
import ExcelJS from "exceljs";
import { execFileSync } from "child_process";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { pathToFileURL } from "url";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { messagesFor, type Issue } from "../../src/core";
import { countAnalysis } from "../../src/core/model/count-analysis";
import { readDelimitedText } from "../../src/xlsx/read-delimited-text";
import { buildSyntheticGrid } from "../../bench/synthetic-table";
import { analyzeInput } from "../../src/xlsx/normalize-workbook";
import { readInput } from "../../src/xlsx/read-input";
import { launchChromium, ROOT } from "../../testing/pane-harness";
import { loadSampleText, SAMPLE_PATH } from "../../testing/sample";
import { writeSampleWorkbook } from "../../testing/sample-workbook";
import { buildCli, runBuiltCli } from "../cli/built-cli";
import { unzipParts } from "../xlsx/package-helpers";
import { cellColorOf } from "../../testing/cell-fill";

jest.setTimeout(180_000);

const WORK = join(ROOT, ".tmp", "offline-page");
const DIST = join(WORK, "dist");
const PAGE_URL = pathToFileURL(join(DIST, "indicator-normalizer.html")).href;
const SAMPLE_XLSX = join(WORK, "baiyun-2024.xlsx");

let browser: Browser;
let context: BrowserContext;
let cli: string;
/** Every URL the browser asked for, from any page of the context. */
const requests: string[] = [];

beforeAll(async () => {
  mkdirSync(WORK, { recursive: true });
  execFileSync(process.execPath, [join(ROOT, "scripts", "build-offline.mjs"), DIST], {
    cwd: ROOT,
    stdio: "pipe",
  });
  await writeSampleWorkbook(SAMPLE_XLSX);
  cli = await buildCli();
  browser = await launchChromium();
  context = await browser.newContext({
    acceptDownloads: true,
    locale: "zh-CN",
    viewport: { width: 1000, height: 900 },
  });
  context.on("request", (request) => requests.push(request.url()));
});

afterAll(async () => {
  await browser?.close();
});

/** Checks, after each test of the page, that the browser asked for the page itself and for nothing else. */
function expectOnlyThePage(): void {
  const seen = requests.splice(0);
  // The recorder saw the page: it records file:// requests too.
  expect(seen).toContain(PAGE_URL);
  // Nothing but the page itself: no font, no favicon, no script, no upload.
  // blob: is the worker made from the page's own script, in memory: nothing leaves the machine.
  expect(seen.filter((url) => url !== PAGE_URL && !url.startsWith("blob:null/"))).toEqual([]);
}

test("one self-contained file: inline classic scripts only, ES2018, a policy that allows only its own code", () => {
  const html = readFileSync(join(DIST, "indicator-normalizer.html"), "utf8");
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
  // One classic script, inline: no src (file:// would need a file beside the page), no type="module".
  expect(scripts.map((m) => m[1])).toEqual([""]);
  expect(html).not.toMatch(/<link\b|\ssrc=|<iframe|<object|<embed/i);
  const script = scripts[0]![2]!;
  // The gate: acorn at ecmaVersion 2018 rejects ?., ??, optional catch bindings, class fields, BigInt literals…
  expect(() => parse(script, { ecmaVersion: 2018, sourceType: "script" })).not.toThrow();
  const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
  const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)![1]!;
  const hash = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;
  expect(csp.split("; ")).toEqual([
    "default-src 'none'",
    `script-src ${hash(script)}`,
    `style-src ${hash(style)}`,
    "img-src data:",
    "worker-src blob:",
    "connect-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
  ]);
  // Built-ins newer than Chromium 64 (Array.prototype.flat, Object.fromEntries, …) come with the bundle: core-js,
  // whose shared store carries its copyright line.
  expect(script).toMatch(/Denis Pushkarev/);
});

test("the recorder sees every request a page attempts; the page's policy stops any before it is sent", async () => {
  const other = await browser.newContext();
  const seen: string[] = [];
  const failed: string[] = [];
  const answered: string[] = [];
  other.on("request", (request) => seen.push(request.url()));
  other.on("requestfailed", (request) => failed.push(`${request.url()} ${request.failure()?.errorText}`));
  // Answered here, so nothing leaves the machine even from a page without a policy.
  await other.route(/^https?:/, (route) => {
    answered.push(route.request().url());
    return route.fulfill({ status: 204 });
  });
  const send = (page: Page) =>
    page.evaluate(async () => {
      await fetch("https://example.invalid/upload", { method: "POST", body: "table" }).catch(() => undefined);
      const img = document.createElement("img");
      img.src = "https://example.invalid/pixel.png";
      document.body.appendChild(img);
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
  await send(await other.newPage());
  expect(seen).toEqual(["https://example.invalid/upload", "https://example.invalid/pixel.png"]);
  expect(answered).toEqual(seen);
  seen.length = 0;
  answered.length = 0;

  // The same from the offline page: the recorder still sees the attempts (so the check after each test of the
  // page would catch one), and the Content-Security-Policy blocks them before they reach the network.
  const page = await other.newPage();
  await page.goto(PAGE_URL);
  await send(page);
  expect(seen).toEqual([PAGE_URL, "https://example.invalid/pixel.png"]);
  expect(failed).toEqual(["https://example.invalid/pixel.png csp"]);
  expect(answered).toEqual([]);
  await other.close();
});

async function openPage(): Promise<Page> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  await page.goto(PAGE_URL);
  await page.waitForFunction(() => document.getElementById("check")?.textContent === "检查");
  (page as Page & { errors: string[] }).errors = errors;
  return page;
}

/** A paste as WPS or Excel makes it: a paste event carrying the table as tab-separated text. */
async function paste(page: Page, text: string): Promise<void> {
  await page.focus("#paste");
  await page.evaluate((t) => {
    const data = new DataTransfer();
    data.setData("text/plain", t);
    const event = new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true });
    document.getElementById("paste")!.dispatchEvent(event);
  }, text);
}

async function waitForOutcome(page: Page): Promise<void> {
  await page.waitForFunction(
    () => !document.getElementById("result")!.hidden || !document.getElementById("alert")!.hidden,
  );
}

async function counts(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const out: Record<string, string> = {};
    for (const item of document.querySelectorAll<HTMLElement>("[data-count]"))
      out[item.dataset.count!] = item.querySelector("dd")!.textContent!;
    return out;
  });
}

/** The issue list as shown: per severity heading, each issue's place, message and advice. */
async function shownIssues(page: Page): Promise<{ cell: string; message: string; advice: string }[]> {
  return page.$$eval("#issues .issue", (items) =>
    items.map((b) => ({
      cell: b.querySelector(".issue-cell")!.textContent!,
      message: b.querySelector(".issue-message")!.textContent!,
      advice: b.querySelector(".issue-advice")!.textContent!,
    })),
  );
}

async function download(page: Page): Promise<{ name: string; bytes: Uint8Array }> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.click("#download")]);
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

/** The CLI's `normalize <input> -o <out>`, compiled from the same source; its output's bytes. */
function cliOutput(input: string, out: string): Uint8Array {
  const run = runBuiltCli(cli, ["normalize", input, "-o", out]);
  if (run.status !== 0) throw new Error(run.stderr);
  return readFileSync(out);
}

/**
 * The parts of a package with the one thing that differs between any two runs of the CLI masked: the custom XML
 * part's datastore id, a fresh random GUID each run (src/xlsx/edit-package.ts).
 */
function partsOf(bytes: Uint8Array): [string, string][] {
  return [...unzipParts(bytes)].map(([name, data]) => {
    const text = Buffer.from(data).toString("latin1");
    return [
      name,
      /^customXml\/itemProps\d+\.xml$/.test(name) ? text.replace(/\{[0-9A-F-]{36}\}/, "{GUID}") : text,
    ];
  });
}

describe("the page", () => {
  afterEach(expectOnlyThePage);

  test("paste the sample: the verdict, the counts and the issues with their cells, as the CLI finds them", async () => {
    const page = await openPage();
    expect(await page.textContent("#privacy")).toContain("不会上传或发送到任何地方");
    await paste(page, loadSampleText());
    await waitForOutcome(page);
    expect(await page.isHidden("#alert")).toBe(true);

    const analysis = analyzeInput(await readInput(SAMPLE_PATH), { locale: "zh-CN" });
    const expected = countAnalysis(analysis);
    expect(expected.indicators).toBe(132);
    expect(await counts(page)).toEqual({
      projects: String(expected.projects),
      indicators: "132",
      errors: String(expected.errors),
      warnings: String(expected.warnings),
    });
    // The page's own advice: there is no 再运行 button here.
    expect(await page.textContent("#verdict")).toBe(
      `有 ${expected.errors} 个错误：请在原表中改正后，重新复制粘贴检查。`,
    );
    // Every issue, worst first (errors, warnings, then the folded notes): while the paste's start cell is not
    // given, its project's row before the address (counted from A1); under it, the 处理建议 of 校验结果.
    const order = { error: 0, warning: 1, info: 2 };
    const sorted = [...analysis.issues].sort((a, b) => order[a.severity] - order[b.severity]);
    const m = messagesFor("zh-CN");
    const place = (i: Issue) => {
      const project =
        i.details.project ?? (i.about ? analysis.projects[i.about.projectIndex]!.name : undefined);
      if (i.cell === null) return "整表";
      if (project) return `项目「${project}」所在行 ${i.cell}`;
      return i.details.unit ? `单位「${i.details.unit}」所在行 ${i.cell}` : i.cell;
    };
    expect(await shownIssues(page)).toEqual(
      sorted.map((i) => ({ cell: place(i), message: i.message, advice: `处理建议：${m.advice[i.rule](i)}` })),
    );
    expect((await shownIssues(page)).find((i) => i.cell.endsWith("G25"))!.cell).toBe(
      "项目「大院办公场所公共设备购置维修及保险等支出」所在行 G25",
    );
    expect(await page.textContent("#issues .hint")).toContain("地址按从 A1 开始粘贴计算");
    expect(await page.$$eval("#issues h3", (hs) => hs.map((h) => h.textContent))).toEqual([
      `错误 (${expected.errors})`,
      `警告 (${expected.warnings})`,
      `提示 (${expected.infos})`,
    ]);
    expect(await page.textContent("#status")).toBe("已检查粘贴的表格。");
    expect((page as Page & { errors: string[] }).errors).toEqual([]);
    await page.close();
  });

  test("same package as the CLI: the paste's download is `normalize 粘贴的表格.tsv -o …`, part for part", async () => {
    const page = await openPage();
    await paste(page, loadSampleText());
    await waitForOutcome(page);
    const got = await download(page);
    expect(got.name).toBe("粘贴的表格-检查结果.xlsx");
    // The clipboard text, saved as the .tsv the page says it reads.
    const tsv = join(WORK, "粘贴的表格.tsv");
    writeFileSync(tsv, loadSampleText());
    const cliBytes = cliOutput(tsv, join(WORK, "粘贴的表格.cli.xlsx"));
    // Same parts, same order, same bytes once inflated. The zip files themselves differ in two ways only: the CLI
    // deflates with Node's zlib and the page with fflate (different compressed streams of the same bytes), and the
    // custom XML part's datastore id is a random GUID per run, as between any two runs of the CLI itself.
    expect(partsOf(got.bytes)).toEqual(partsOf(cliBytes));
    expect(Buffer.from(got.bytes).equals(Buffer.from(cliBytes))).toBe(false);
    await page.close();
  });

  test("pick the sample workbook: download the result, read back its 132 indicator rows and its marks", async () => {
    const page = await openPage();
    const picked = readFileSync(SAMPLE_XLSX);
    await page.setInputFiles("#file", SAMPLE_XLSX);
    await waitForOutcome(page);
    expect(await page.textContent("#status")).toBe("已检查文件 baiyun-2024.xlsx 中的工作表「baiyun-2024」。");
    expect((await counts(page)).indicators).toBe("132");
    const got = await download(page);
    expect(got.name).toBe("baiyun-2024-检查结果.xlsx");
    expect(partsOf(got.bytes)).toEqual(partsOf(cliOutput(SAMPLE_XLSX, join(WORK, "baiyun-2024.cli.xlsx"))));

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(got.bytes) as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(["baiyun-2024", "指标明细", "校验结果"]);
    expect(book.getWorksheet("指标明细")!.actualRowCount).toBe(1 + 132);
    const filled: Record<string, string> = {};
    book.getWorksheet("baiyun-2024")!.eachRow((row) =>
      row.eachCell((cell) => {
        const color = cellColorOf(cell);
        if (color) filled[cell.address] = color;
      }),
    );
    // The sample's two errors red, its warned cells yellow (F34 has both: red wins), nothing else filled.
    expect(filled).toEqual({ G20: "FFFFEB9C", G22: "FFFFEB9C", G25: "FFFFC7CE", F34: "FFFFC7CE" });
    // The workbook the clerk picked is untouched: the page only ever reads it.
    expect(readFileSync(SAMPLE_XLSX).equals(picked)).toBe(true);
    await page.close();
  });

  test("与上年对比: last year's table as a file, this year's pasted; the changes listed, the download holds 年度对比", async () => {
    const page = await openPage();
    await page.setInputFiles("#last-file", SAMPLE_XLSX);
    // Let the page read the file before the paste starts the check.
    await page.waitForFunction(
      () => (document.getElementById("last-file") as HTMLInputElement).files?.length === 1,
    );
    await page.waitForTimeout(200);
    await paste(page, loadSampleText().replace("年度指标值：不低于97%", "年度指标值：97%"));
    await waitForOutcome(page);
    expect(await page.isHidden("#changes")).toBe(false);
    expect(await page.textContent("#changes-heading")).toBe("与上年相比有 1 处变化需核对：");
    expect(await page.$$eval("#changes-list li", (items) => items.map((li) => li.textContent))).toEqual([
      "［比较符号丢失］G14 「服务对象满意度」去年为「不低于97%」，今年为「97%」：比较符号丢失，请核对是否应为「不低于97%」。",
    ]);
    const got = await download(page);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(got.bytes) as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name).slice(-3)).toEqual(["指标明细", "校验结果", "年度对比"]);
    expect(book.getWorksheet("年度对比")!.getCell("C2").value).toBe("比较符号丢失");

    // Without last year's table the same paste has no comparison.
    await page.click("#reset");
    await paste(page, loadSampleText());
    await waitForOutcome(page);
    expect(await page.isHidden("#changes")).toBe(true);
    await page.close();
  });

  test("a paste copied from G9: the clerk types where it started, the addresses become her cells", async () => {
    const page = await openPage();
    await paste(page, loadSampleText());
    await waitForOutcome(page);
    await page.fill("#origin", "G9");
    await page.dispatchEvent("#origin", "change");
    await page.waitForFunction(() =>
      [...document.querySelectorAll("#issues .issue-cell")].some((c) => c.textContent === "M33"),
    );
    const cells = (await shownIssues(page)).map((i) => i.cell);
    // G25 counted from A1 is M33 from G9; with the start cell known, the address alone.
    expect(cells).toContain("M33");
    expect(cells.some((c) => c.includes("所在行"))).toBe(false);
    expect(await page.textContent("#issues .hint")).toBe(
      "地址是原表中的单元格。下载结果后，在“校验结果”中点击地址可跳到该单元格。",
    );
    const got = await download(page);
    const sheet = Buffer.from(unzipParts(got.bytes).get("xl/worksheets/sheet1.xml")!).toString("utf8");
    expect(sheet).toMatch(/<c r="M33" s="[1-9]\d*"/);
    await page.close();
  });

  test("several files at once: a row per file with its verdict, each result and the summary to download", async () => {
    const page = await openPage();
    const broken = join(WORK, "坏文件.xlsx");
    writeFileSync(broken, "not a zip");
    const tsv = join(WORK, "白云区.tsv");
    writeFileSync(tsv, loadSampleText());
    await page.setInputFiles("#file", [SAMPLE_XLSX, broken, tsv]);
    await page.waitForFunction(() => !document.getElementById("batch")!.hidden);
    const rows = await page.$$eval("#batch-list tr", (trs) =>
      trs.map((tr) => [...tr.querySelectorAll("td")].slice(0, 3).map((td) => td.textContent)),
    );
    expect(rows).toEqual([
      ["baiyun-2024.xlsx", "有错误", "2 / 3 / 8"],
      [
        "坏文件.xlsx",
        "无法读取",
        "坏文件.xlsx 不是有效的 .xlsx 文件（可能已损坏，或是旧版 .xls：请在 Excel 中另存为 .xlsx）。",
      ],
      ["白云区.tsv", "有错误", "2 / 3 / 8"],
    ]);
    const [file] = await Promise.all([page.waitForEvent("download"), page.click("#download-summary")]);
    expect(file.suggestedFilename()).toBe("检查汇总.xlsx");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync((await file.path())!) as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(["问题", "文件"]);
    // Each table's 13 problems, and the unreadable file as a row of its own.
    expect(book.getWorksheet("问题")!.actualRowCount).toBe(1 + 13 + 1 + 13);
    expect((page as Page & { errors: string[] }).errors).toEqual([]);
    await page.close();
  });

  test("never frozen: a 2,000-project paste is checked in a worker, no task on the page over 200 ms", async () => {
    const page = await openPage();
    await page.evaluate(() => {
      const w = window as unknown as { tasks: { start: number; duration: number }[] };
      w.tasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries())
          w.tasks.push({ start: entry.startTime, duration: entry.duration });
      }).observe({ entryTypes: ["longtask"] });
    });
    const sample = readDelimitedText(loadSampleText(), "\t");
    const big = buildSyntheticGrid(sample, 2000)
      .map((row) => row.map((v) => (v === null ? "" : String(v))).join("\t"))
      .join("\r\n");
    // The page's own paste handler, timed in the page (the test's hand-over of 1.5 MB of text is a task of its own).
    const handlerMs = await page.evaluate((t) => {
      const data = new DataTransfer();
      data.setData("text/plain", t);
      const event = new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true });
      const start = performance.now();
      document.getElementById("paste")!.dispatchEvent(event);
      (window as unknown as { pasteEnd: number }).pasteEnd = performance.now();
      return performance.now() - start;
    }, big);
    expect(handlerMs).toBeLessThan(200);
    await waitForOutcome(page);
    expect(await counts(page)).toMatchObject({ projects: "2,000" });
    // Tasks that started after the paste handler returned: the test's own hand-over of the text (a task of up to
    // half a second on a loaded machine, the handler inside it) is reported when it ends, so it is left out by its start.
    const longest = await page.evaluate(() => {
      const w = window as unknown as { tasks: { start: number; duration: number }[]; pasteEnd: number };
      return Math.max(0, ...w.tasks.filter((t) => t.start >= w.pasteEnd).map((t) => t.duration));
    });
    // Rendering the verdict and the first 200 issues of each group stays under it; the analysis runs elsewhere.
    expect(longest).toBeLessThan(200);
    expect((page as Page & { errors: string[] }).errors).toEqual([]);
    await page.close();
  });

  test("the page's 使用说明 is the page's (and WPS's) guide, and the notice for IE's compatibility mode is hidden", async () => {
    const page = await openPage();
    expect(await page.getAttribute("#help-link", "href")).toBe("#help");
    const help = await page.textContent("#help");
    expect(help).toContain("在离线页面中使用（不需要安装）");
    expect(help).toContain("复制起始单元格");
    expect(help).not.toContain("“开始”选项卡");
    expect(await page.isHidden("#legacy-browser")).toBe(true);
    await page.close();
  });

  test("bad input: the CLI's sentences, nothing offered for download", async () => {
    const page = await openPage();
    const notXlsx = join(WORK, "损坏.xlsx");
    writeFileSync(notXlsx, "this is not a zip");
    await page.setInputFiles("#file", notXlsx);
    await waitForOutcome(page);
    expect(await page.textContent("#alert")).toBe(
      "损坏.xlsx 不是有效的 .xlsx 文件（可能已损坏，或是旧版 .xls：请在 Excel 中另存为 .xlsx）。",
    );
    expect(await page.isHidden("#result")).toBe(true);

    const doc = join(WORK, "说明.docx");
    copyFileSync(SAMPLE_XLSX, doc);
    await page.setInputFiles("#file", doc);
    await waitForOutcome(page);
    expect(await page.textContent("#alert")).toBe(
      "不支持的文件类型：说明.docx（请用 .xlsx、.xls、.et、.ods、.tsv、.txt、.csv 或网页 .html、.mht）",
    );

    await page.click("#reset");
    await page.click("#check");
    expect(await page.textContent("#alert")).toBe("没有可检查的内容：请先粘贴表格，或选择一个文件。");
    await page.close();
  });
});
