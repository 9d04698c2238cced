/** `compare LAST THIS`: last year's table against this year's, as the reviewer runs it. */
import { copyFileSync, readFileSync, writeFileSync } from "fs";
import { tempFolder } from "../../testing/temp-folder";
import { join } from "path";
import { analyzeTable } from "../../src/core/analyze-table";
import { readInput } from "../../src/xlsx/read-input";
import { SAMPLE_PATH } from "../../testing/sample";
import { targetTableOf } from "../../testing/target-table";
import { partText, sheetPartOf, unzipParts } from "../xlsx/package-helpers";
import { runCaptured } from "./run-captured";
import { cellColorOf, cellPatternOf } from "../../testing/cell-fill";

const run = runCaptured;

/** Last year = the sample; this year = the sample with a sign lost and an indicator value ten times larger. */
function workspace(): string {
  const dir = tempFolder("compare-");
  copyFileSync(SAMPLE_PATH, join(dir, "2024.tsv"));
  const text = readFileSync(SAMPLE_PATH, "utf8")
    .replace("年度指标值：不低于97%", "年度指标值：97%")
    .replace("年度指标值：25期", "年度指标值：250期");
  writeFileSync(join(dir, "2025.tsv"), text);
  return dir;
}

test("lists each change with its project, cell and sentence, then a total; exit 1", async () => {
  const dir = workspace();
  const { code, stdout, stderr } = await run(["compare", "2024.tsv", "2025.tsv"], dir);
  expect(stderr).toBe("");
  expect(code).toBe(1);
  const lines = stdout.trim().split("\n");
  expect(lines).toHaveLength(3);
  expect(lines[0]).toMatch(
    /^\[比较符号丢失\] 项目「对外联络、会议及调研专项经费」G14：「服务对象满意度」去年为「不低于97%」，今年为「97%」：比较符号丢失，请核对是否应为「不低于97%」。$/,
  );
  expect(lines[1]).toMatch(/^\[数值相差十倍以上\] .*「25期」.*「250期」/);
  expect(lines[2]).toBe("对比 19 个项目：2 处变化需核对");
});

test("--json carries the findings with both sides' cells; --lang en words them in English", async () => {
  const dir = workspace();
  const { code, stdout } = await run(["compare", "2024.tsv", "2025.tsv", "--json", "--lang", "en"], dir);
  expect(code).toBe(1);
  const result = JSON.parse(stdout) as { findings: Record<string, unknown>[] };
  expect(result.findings[0]).toMatchObject({
    kind: "op-lost",
    project: "对外联络、会议及调研专项经费",
    indicator: "服务对象满意度",
    last: "不低于97%",
    this: "97%",
    lastPlace: { cell: "G14" },
    thisPlace: { cell: "G14" },
    name: "Comparison sign lost",
  });
  expect(result.findings[0]!.message).toMatch(/the comparison sign is gone/);
});

test("the same table twice: nothing to check, exit 0", async () => {
  const dir = workspace();
  const { code, stdout } = await run(["compare", "2024.tsv", "2024.tsv"], dir);
  expect(code).toBe(0);
  expect(stdout.trim()).toBe("对比 19 个项目：0 处变化需核对");
});

test.each([[["compare", "2024.tsv"]], [["compare", "2024.tsv", "2025.tsv", "x.tsv"]]])(
  "%j: a clear error, exit 2",
  async (argv) => {
    const dir = workspace();
    const { code, stderr } = await run(argv, dir);
    expect(code).toBe(2);
    expect(stderr).toMatch(/compare 需要两个文件|多余的参数/);
  },
);

test("a file that cannot be read names itself, exit 2", async () => {
  const dir = workspace();
  const { code, stderr } = await run(["compare", "2024.tsv", "missing.tsv"], dir);
  expect(code).toBe(2);
  expect(stderr).toMatch(/missing\.tsv/);
});

test("-o writes this year's workbook with 年度对比 and the changed cells marked; a re-run replaces the sheet, it never comes back as a copy", async () => {
  const ExcelJS = (await import("exceljs")).default;
  const dir = workspace();
  const first = await run(["compare", "2024.tsv", "2025.tsv", "-o", "2025-对比.xlsx"], dir);
  expect(first.code).toBe(1);
  expect(first.stdout).toMatch(/已写入 2025-对比\.xlsx/);
  expect(first.stdout).toMatch(/「指标明细」「校验结果」「年度对比」/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(dir, "2025-对比.xlsx"));
  expect(wb.worksheets.map((s) => s.name)).toEqual(["2025", "指标明细", "校验结果", "年度对比"]);
  const sheet = wb.getWorksheet("年度对比")!;
  expect(sheet.getRow(1).values).toEqual([
    undefined,
    "项目",
    "指标",
    "变化",
    "上年",
    "今年",
    "今年单元格",
    "说明",
    "处理建议",
  ]);
  expect(sheet.getCell("C2").value).toBe("比较符号丢失");
  expect(sheet.getCell("D2").value).toBe("不低于97%");
  expect(sheet.getCell("E2").value).toBe("97%");
  expect(sheet.getCell("F2").value).toBe("G14");
  const parts = unzipParts(readFileSync(join(dir, "2025-对比.xlsx")));
  expect(partText(parts, sheetPartOf(parts, "年度对比"))).toMatch(
    /<hyperlink ref="F2" location="'2025'!G14"/,
  );
  const source = wb.worksheets[0]!;
  expect(cellColorOf(source.getCell("G14"))).toBe("FFE4DFEC");
  // A change under thin horizontal lines: told from the error and warning marks in black-and-white print.
  expect(cellPatternOf(source.getCell("G14"))).toBe("lightHorizontal FF7030A0");
  expect(source.getCell("G14").note).toBeDefined();

  // normalize on that workbook: the tool's own sheets (年度对比 too) are replaced, not kept beside new copies.
  const again = await run(["normalize", "2025-对比.xlsx", "-o", "again.xlsx"], dir);
  expect(again.stderr).toBe("");
  const wb2 = new ExcelJS.Workbook();
  await wb2.xlsx.readFile(join(dir, "again.xlsx"));
  const names = wb2.worksheets.map((s) => s.name);
  expect(names).toContain("指标明细");
  expect(names).not.toContain("年度对比");
  expect(names.filter((n) => /\(\d+\)$/.test(n))).toEqual([]);
  expect(cellColorOf(wb2.worksheets[0]!.getCell("G14"))).not.toBe("FFE4DFEC");
});

test("--json and -o together are refused", async () => {
  const dir = workspace();
  const { code, stderr } = await run(["compare", "2024.tsv", "2025.tsv", "--json", "-o", "x.xlsx"], dir);
  expect(code).toBe(2);
  expect(stderr).toMatch(/--json 与 -o 不能同时使用/);
});

describe("a target table against its self-evaluation (Yunnan's real form; its target table rebuilt from it)", () => {
  const SELF = join(__dirname, "..", "fixtures", "corpus", "selfeval", "selfeval-yunnan-gucheng-2020.xlsx");

  /** The target table, with 违法行为责停率 set at ≥98% at the start of the year (the self-evaluation writes ≥95%). */
  async function targets(): Promise<string> {
    const dir = tempFolder("compare-self-");
    copyFileSync(SELF, join(dir, "自评表.xlsx"));
    const input = await readInput(SELF);
    const self = analyzeTable(input.grid, { origin: input.origin });
    const grid = targetTableOf(self, (i) => (i.name === "违法行为责停率" ? "≥98%" : i.annualValue));
    writeFileSync(
      join(dir, "目标表.tsv"),
      grid.map((r) => r.map((c) => (c === null ? "" : String(c))).join("\t")).join("\n"),
    );
    return dir;
  }

  test("either order: the changed target in 目标表 / 自评表 words, a total that says so, exit 1", async () => {
    const dir = await targets();
    const forward = await run(["compare", "目标表.tsv", "自评表.xlsx"], dir);
    expect(forward.code).toBe(1);
    expect(forward.stdout.trim().split("\n")).toEqual([
      "[目标值改变] 项目「2020年省级自然资源卫片执法补助经费支出绩效自评表」D16：「违法行为责停率」目标表为「≥98%」，自评表为「≥95%」：自评表的年度指标值应与目标表一致。",
      "对比 1 个项目：1 处需核对（目标表与自评表之间改动的年度指标值、增删的指标）",
    ]);
    const backward = await run(["compare", "自评表.xlsx", "目标表.tsv"], dir);
    expect(backward.stdout).toMatch(/「违法行为责停率」自评表为「≥95%」，目标表为「≥98%」/);
  });

  test("-o adds 目标对比 and marks the self-evaluation's changed cell", async () => {
    const dir = await targets();
    const { code, stdout } = await run(["compare", "目标表.tsv", "自评表.xlsx", "-o", "结果.xlsx"], dir);
    expect(code).toBe(1);
    expect(stdout).toMatch(
      /新增工作表「指标明细」「校验结果」「目标对比」；自评表中有变化的单元格已标浅紫色/,
    );
  });
});

test("a form with a long-term grid over this year's (the 2015 template, merged cells): exactly the clerk's edits", async () => {
  // Last year: the fixture as it is. This year: a target lowered (≥3个 → ≥2个, no finding), 年度投入 in 元, the
  // sign of this year's 群众满意度 lost, 受益群众人数 renamed in both grids. 设施使用年限 (long-term only) is in
  // both years: neither added nor dropped.
  const ExcelJS = (await import("exceljs")).default;
  const dir = tempFolder("compare-");
  const fixture = join(__dirname, "..", "fixtures", "tables", "form-long-term-and-annual.xlsx");
  copyFileSync(fixture, join(dir, "2021.xlsx"));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(fixture);
  const ws = wb.getWorksheet("绩效目标表")!;
  ws.getCell("E22").value = "≥2个";
  ws.getCell("E25").value = "≤106067500元";
  ws.getCell("E28").value = "90%";
  ws.getCell("D18").value = "受益群众数量";
  ws.getCell("D27").value = "受益群众数量";
  await wb.xlsx.writeFile(join(dir, "2022.xlsx"));
  const { code, stdout, stderr } = await run(["compare", "2021.xlsx", "2022.xlsx"], dir);
  expect(stderr).toBe("");
  expect(code).toBe(1);
  expect(stdout.trim().split("\n")).toEqual([
    "[计量单位改变] 项目「镇域内基础设施建设」D25：「年度投入」去年为「≤10606.75万元」，今年为「≤106067500元」：计量单位变了。",
    "[比较符号丢失] 项目「镇域内基础设施建设」D28：「群众满意度」去年为「≥90%」，今年为「90%」：比较符号丢失，请核对是否应为「≥90%」。",
    "[指标改名] 项目「镇域内基础设施建设」D27：指标「受益群众人数」今年改名为「受益群众数量」。",
    "对比 1 个项目：3 处变化需核对",
  ]);
});
