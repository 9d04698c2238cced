/**
 * The offline page's logic without a browser: the paste is the CLI's .tsv, the download is named as the CLI names
 * its output, bad input gets the CLI's sentences, and the small browser stand-ins (path, GUID) agree with Node.
 */
import { readFileSync } from "fs";
import { basename as nodeBasename, extname as nodeExtname, join } from "path";
import { defaultOutputPath } from "../../src/cli/normalize-command";
import { downloadName, downloadType } from "../../src/offline/download-name";
import { basename, extname } from "../../src/offline/posix-path";
import { checkInput, pastedHtmlInput, pastedInput } from "../../src/offline/run-offline";
import { serveInWorker, type WorkerScope } from "../../src/offline/analysis-worker";
import { readDelimitedText } from "../../src/xlsx/read-delimited-text";
import { buildSyntheticGrid } from "../../bench/synthetic-table";
import { normalizeInput } from "../../src/xlsx/normalize-workbook";
import { readInputBytes } from "../../src/xlsx/read-input";
import { randomGuid } from "../../src/xlsx/random-guid";
import { fflateCodec } from "../../src/xlsx/zip-codec";
import { unzipSync } from "fflate";
import { loadSampleText } from "../../testing/sample";

const NAMES = [
  "表.tsv",
  "a.b.XLSX",
  "宏.xlsm",
  "宏.XLSM",
  ".tsv",
  "noext",
  "a.",
  "粘贴的表格.tsv",
  "x.csv",
  "x.txt",
];

test.each([
  ["表.tsv", "表-检查结果.xlsx"],
  ["a.b.XLSX", "a.b-检查结果.xlsx"],
  ["宏.xlsm", "宏-检查结果.xlsm"],
  ["宏.XLSM", "宏-检查结果.xlsm"],
  [".tsv", ".tsv-检查结果.xlsx"],
  ["noext", "noext-检查结果.xlsx"],
  ["粘贴的表格.tsv", "粘贴的表格-检查结果.xlsx"],
])("the download of %s is %s: no `.normalized`, the same extension rule as the CLI", (name, expected) => {
  expect(downloadName(name, "-检查结果")).toBe(expected);
  expect(extname(expected)).toBe(nodeExtname(defaultOutputPath(name)));
});

test("a macro workbook downloads as one", () => {
  expect(downloadType("宏.xlsm")).toBe("application/vnd.ms-excel.sheet.macroEnabled.12");
  expect(downloadType("表.tsv")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
});

test.each([...NAMES, "dir/表.tsv", "dir/", "/", "..", ".", "a/b.c/d", "dir//x.tsv//"])(
  "basename and extname of %s are Node's",
  (path) => {
    expect([basename(path), extname(path), basename(path, extname(path))]).toEqual([
      nodeBasename(path),
      nodeExtname(path),
      nodeBasename(path, nodeExtname(path)),
    ]);
  },
);

test("randomGuid: a version-4 GUID, from randomUUID or, in older browsers, from getRandomValues", () => {
  const shape = /^[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/;
  expect(randomGuid()).toMatch(shape);
  const randomUUID = globalThis.crypto.randomUUID;
  Object.defineProperty(globalThis.crypto, "randomUUID", { value: undefined, configurable: true });
  try {
    const guids = new Set(Array.from({ length: 50 }, randomGuid));
    expect(guids.size).toBe(50);
    for (const guid of guids) expect(guid).toMatch(shape);
  } finally {
    Object.defineProperty(globalThis.crypto, "randomUUID", { value: randomUUID, configurable: true });
  }
});

test("a paste is checked as the CLI checks the same text saved as 粘贴的表格.tsv", async () => {
  const text = loadSampleText();
  const input = pastedInput(text, "zh-CN");
  expect(input.name).toBe("粘贴的表格.tsv");
  const outcome = await checkInput(input, { locale: "zh-CN" });
  if (outcome.kind !== "done") throw new Error(outcome.message);
  const cli = await normalizeInput(await readInputBytes(input.name, Buffer.from(text, "utf8")), {
    locale: "zh-CN",
    codec: fflateCodec,
  });
  expect(outcome.analysis).toEqual(cli.analysis);
  expect(outcome.plan).toEqual(cli.plan);
  expect(outcome.sheetName).toBe("粘贴的表格");
  expect(outcome.counts.indicators).toBe(132);
  expect(outcome.download.name).toBe("粘贴的表格-检查结果.xlsx");
  expect(pastedInput(text, "en-US").name).toBe("pasted-table.tsv");
});

test.each([
  [
    "zh-CN",
    "表.xlsx",
    "表.xlsx 不是有效的 .xlsx 文件（可能已损坏，或是旧版 .xls：请在 Excel 中另存为 .xlsx）。",
  ],
  [
    "en-US",
    "t.xlsx",
    "t.xlsx is not a valid .xlsx file (damaged, or an old .xls: save it as .xlsx in Excel).",
  ],
  [
    "zh-CN",
    "表.pdf",
    "不支持的文件类型：表.pdf（请用 .xlsx、.xls、.et、.ods、.tsv、.txt、.csv 或网页 .html、.mht）",
  ],
] as const)("bad input in %s: %s gets the CLI's sentence", async (locale, name, message) => {
  expect(await checkInput({ name, bytes: new Uint8Array([1, 2, 3]), pasted: false }, { locale })).toEqual({
    kind: "failed",
    message,
  });
});

test("a paste of only blanks is nothing to check; a paste over the limit gets the CLI's sentence", async () => {
  expect(await checkInput(pastedInput(" \t\r\n", "zh-CN"), { locale: "zh-CN" })).toEqual({
    kind: "failed",
    message: "没有可检查的内容：请先粘贴表格，或选择一个文件。",
  });
  const huge = pastedInput("表".repeat(12_000_001), "zh-CN");
  expect(await checkInput(huge, { locale: "zh-CN" })).toEqual({
    kind: "failed",
    message: "粘贴的内容 的表格文字超过 12,000,000 字的上限：请把表格拆成几个文件分别处理。",
  });
});

test("a paste with no table in it offers no download: it says what was looked for and what to do", async () => {
  const outcome = await checkInput(pastedInput("会议纪要\t2024年\r\n参会人员\t张三\r\n", "zh-CN"), {
    locale: "zh-CN",
  });
  expect(outcome.kind).toBe("failed");
  const message = outcome.kind === "failed" ? outcome.message : "";
  expect(message).toMatch(/^没有找到项目支出绩效目标表：要找的是一行表头/);
  // What to do on this page, not in a worksheet.
  expect(message).toMatch(
    /请在 WPS 表格或 Excel 中选中整张表（连同表头行）复制，再粘贴到上面的框中；或选择含有该表的文件。$/,
  );
  expect(message).not.toMatch(/工作表中|再运行/);
});

test("a paste copied from G9 is checked where it sat: addresses and the download's marks are the clerk's cells", async () => {
  const text = loadSampleText();
  const atA1 = await checkInput(pastedInput(text, "zh-CN"), { locale: "zh-CN" });
  const atG9 = await checkInput(pastedInput(text, "zh-CN"), {
    locale: "zh-CN",
    origin: { row: 9, column: 7 },
  });
  if (atA1.kind !== "done" || atG9.kind !== "done") throw new Error("the sample is a table");
  // G25 at A1 (row 25, column 7) is row 25 + 8, column 7 + 6 when the block started at G9.
  expect(atA1.analysis.issues.map((i) => i.cell)).toContain("G25");
  expect(atG9.analysis.issues.map((i) => i.cell)).toContain("M33");
  expect(atG9.analysis.issues.map((i) => i.cell)).not.toContain("G25");
  expect(atG9.analysis.issues.length).toBe(atA1.analysis.issues.length);
  const sheet = new TextDecoder().decode(unzipSync(atG9.download.bytes)["xl/worksheets/sheet1.xml"]);
  // The marked cell holds a style of its own (the mark) in the downloaded workbook, at the clerk's address.
  expect(sheet).toMatch(/<c r="M33" s="[1-9]\d*"/);
});

test("the clipboard's text/html is preferred over its plain text: merged cells kept, the same analysis as the file", async () => {
  const page = readFileSync(
    join(__dirname, "..", "fixtures", "corpus", "html", "hubei-qingshan-2021.html"),
    "utf8",
  );
  const html = pastedHtmlInput(page, "zh-CN")!;
  expect(html.name).toBe("粘贴的表格.html");
  const outcome = await checkInput(html, { locale: "zh-CN" });
  if (outcome.kind !== "done") throw new Error(outcome.message);
  expect(outcome.analysis.table?.layout).toBe("project-form");
  expect(outcome.analysis.projects[0]!.indicators).toHaveLength(8);
  expect(outcome.analysis.projects[0]!.amounts.total).toBe(936);
  expect(pastedHtmlInput("<p>只有文字</p>", "zh-CN")).toBeNull();
});

describe("与上年对比 on the page", () => {
  const thisYear = () =>
    pastedInput(loadSampleText().replace("年度指标值：25期", "年度指标值：250期"), "zh-CN");

  test("last year's paste: the changes found, in the page's language, and 年度对比 in the download", async () => {
    const outcome = await checkInput(thisYear(), {
      locale: "zh-CN",
      lastYear: pastedInput(loadSampleText(), "zh-CN"),
    });
    if (outcome.kind !== "done") throw new Error(outcome.message);
    expect(outcome.findings?.map((f) => `${f.kind} ${f.last} → ${f.this}`)).toEqual([
      "magnitude 25期 → 250期",
    ]);
    expect(outcome.plan.sheets.map((s) => s.key)).toEqual(["detail", "checks", "compare"]);
  });

  test.each([
    ["   \n", "上年的表是空的：请粘贴上年的表或选择文件，或清空这一栏。"],
    ["只是一段文字\t没有表格", "上年的表中没有找到绩效目标表：请连同表头行一起粘贴或选择文件。"],
  ])("last year's paste %j: a sentence about last year's table, nothing checked", async (text, message) => {
    expect(await checkInput(thisYear(), { locale: "zh-CN", lastYear: pastedInput(text, "zh-CN") })).toEqual({
      kind: "failed",
      message,
    });
  });
});

describe("a long check in slices: progress from the worker, pauses on the page's own thread", () => {
  const big = buildSyntheticGrid(readDelimitedText(loadSampleText(), "\t"), 2_000)
    .map((row) => row.map((v) => (v === null ? "" : String(v))).join("\t"))
    .join("\r\n");
  const input = pastedInput(big, "zh-CN");

  test("between the slices the per cent done only rises, to 100; the result is the one of a check without", async () => {
    const percents: number[] = [];
    const outcome = await checkInput(input, { locale: "zh-CN" }, (percent) => void percents.push(percent));
    expect(percents.length).toBeGreaterThan(10);
    expect([...percents].sort((a, b) => a - b)).toEqual(percents);
    expect(percents[percents.length - 1]).toBe(100);
    const plain = await checkInput(input, { locale: "zh-CN" });
    if (outcome.kind !== "done" || plain.kind !== "done") throw new Error("not checked");
    expect(outcome.analysis).toEqual(plain.analysis);
    expect(outcome.plan).toEqual(plain.plan);
  });

  test("the worker posts each per cent once, before its answer", async () => {
    const posted: { kind: string; percent?: number }[] = [];
    const scope: WorkerScope = { onmessage: null, postMessage: (reply) => void posted.push(reply) };
    serveInWorker(scope);
    scope.onmessage!({ data: { id: 1, kind: "check", input, options: { locale: "zh-CN" } } } as MessageEvent);
    while (!posted.some((p) => p.kind !== "percent")) await new Promise((resolve) => setTimeout(resolve, 20));
    const percents = posted.filter((p) => p.kind === "percent").map((p) => p.percent!);
    expect(percents.length).toBeGreaterThan(10);
    expect(new Set(percents).size).toBe(percents.length);
    expect(posted[posted.length - 1]!.kind).toBe("check");
  });
});
