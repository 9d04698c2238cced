/**
 * The reviewer's batch: `check` on folders and on wildcards the shell did not expand (cmd.exe, PowerShell), one
 * summary of every problem across the files (.xlsx with two filtered sheets, or .csv), the problems in the JSON,
 * progress on stderr, and a pipe closed early ending quietly.
 */
import ExcelJS from "exceljs";
import { spawnSync } from "child_process";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { expandInputs } from "../../src/cli/expand-inputs";
import { SAMPLE_PATH } from "../../testing/sample";
import { buildCli } from "./built-cli";
import { runCaptured } from "./run-captured";
import { tempFolder } from "../../testing/temp-folder";

const run = runCaptured;

/** 收到的表/ with two good tables (one with a Chinese name, one in a subfolder), a broken file and a lock file. */
function inbox(): string {
  const dir = tempFolder("batch-");
  const folder = join(dir, "收到的表");
  mkdirSync(join(folder, "二季度"), { recursive: true });
  copyFileSync(SAMPLE_PATH, join(folder, "白云区办公室.tsv"));
  copyFileSync(SAMPLE_PATH, join(folder, "二季度", "b.tsv"));
  writeFileSync(join(folder, "坏文件.xlsx"), "not a zip");
  writeFileSync(join(folder, "~$白云区办公室.xlsx"), "Excel's lock file");
  writeFileSync(join(folder, "说明.docx"), "not a table");
  return dir;
}

describe("expandInputs", () => {
  test("a folder is every table file below it, sorted, without lock files or other types", () => {
    const dir = inbox();
    const { files, empty } = expandInputs(["收到的表"], dir);
    expect(files).toEqual([
      join("收到的表", "二季度", "b.tsv"),
      join("收到的表", "坏文件.xlsx"),
      join("收到的表", "白云区办公室.tsv"),
    ]);
    expect(empty).toEqual([]);
  });

  test.each([
    ["收到的表/*.tsv", false, ["收到的表/白云区办公室.tsv"]],
    ["收到的表/*.TSV", true, ["收到的表/白云区办公室.tsv"]],
    ["收到的表/*.TSV", false, []],
    ["收到的表/白云区??室.tsv", false, ["收到的表/白云区办公室.tsv"]],
    ["收到的表/*", false, ["收到的表/坏文件.xlsx", "收到的表/白云区办公室.tsv"]],
  ])("the wildcard %s (ignore case: %s) → %j", (pattern, ignoreCase, expected) => {
    const dir = inbox();
    const { files, empty } = expandInputs([pattern], dir, { ignoreCase });
    expect(files).toEqual(expected.map((f) => join(...f.split("/"))));
    expect(empty).toEqual(expected.length === 0 ? [{ argument: pattern, kind: "pattern" }] : []);
  });

  test("a file named twice, and the summary being written, are not checked twice or at all", () => {
    const dir = inbox();
    const inputs = ["收到的表/白云区办公室.tsv", "收到的表", "收到的表/坏文件.xlsx"];
    const { files } = expandInputs(inputs, dir, { exclude: join(dir, "收到的表", "坏文件.xlsx") });
    expect(files).toEqual([join("收到的表", "白云区办公室.tsv"), join("收到的表", "二季度", "b.tsv")]);
  });
});

test("check FOLDER --summary OUT.xlsx: one row per problem across the files, one per file, filters on both", async () => {
  const dir = inbox();
  const r = await run(["check", "收到的表", "--summary", "汇总.xlsx"], dir);
  expect(r.code).toBe(2);
  expect(r.stdout).toContain("汇总已写入 汇总.xlsx：3 个文件，26 个问题。");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(dir, "汇总.xlsx"));
  expect(wb.worksheets.map((s) => s.name)).toEqual(["问题", "文件"]);
  const problems = wb.getWorksheet("问题")!;
  expect(problems.getRow(1).values).toEqual([
    undefined,
    ...["文件", "部门", "表", "单元格", "严重程度", "规则", "说明", "处理建议", "规则编号"],
  ]);
  expect(problems.rowCount).toBe(1 + 13 + 13 + 1);
  const g25 = problems.getRows(2, problems.rowCount - 1)!.find((row) => row.getCell(4).value === "G25")!;
  expect(g25.getCell(1).value).toBe(join("收到的表", "二季度", "b.tsv"));
  expect(g25.getCell(2).value).toBe("广州市白云区人民政府办公室（部门）");
  expect(g25.getCell(5).value).toBe("错误");
  expect(g25.getCell(6).value).toBe("缺少指标值");
  expect(String(g25.getCell(8).value)).toContain("补上年度指标值");
  const broken = problems
    .getRows(2, problems.rowCount - 1)!
    .find((row) => row.getCell(5).value === "无法读取")!;
  expect(String(broken.getCell(7).value)).toContain("不是有效的 .xlsx 文件");
  const files = wb.getWorksheet("文件")!;
  const verdicts = files
    .getRows(2, 3)!
    .map((row) => [row.getCell(1).value, row.getCell(3).value, row.getCell(6).value]);
  expect(verdicts).toEqual([
    [join("收到的表", "二季度", "b.tsv"), "有错误", 2],
    [join("收到的表", "坏文件.xlsx"), "无法读取", 0],
    [join("收到的表", "白云区办公室.tsv"), "有错误", 2],
  ]);
  // A filter on both sheets, over every row, and the header frozen.
  const xml = (await import("fflate")).unzipSync(readFileSync(join(dir, "汇总.xlsx")));
  const sheet1 = new TextDecoder().decode(xml["xl/worksheets/sheet1.xml"]);
  expect(sheet1).toContain(`<autoFilter ref="A1:I${problems.rowCount}"/>`);
  expect(sheet1).toContain('state="frozen"');
  expect(new TextDecoder().decode(xml["xl/worksheets/sheet2.xml"])).toContain('<autoFilter ref="A1:I4"/>');
});

test("check --summary OUT.csv: the same rows as CSV that Excel opens as UTF-8", async () => {
  const dir = inbox();
  const r = await run(["check", "收到的表/*.tsv", "--summary", "汇总.csv"], dir);
  expect(r.code).toBe(1);
  const csv = readFileSync(join(dir, "汇总.csv"), "utf8");
  expect(csv.startsWith("\ufeff文件,部门,表,单元格,严重程度,规则,说明,处理建议,规则编号\r\n")).toBe(true);
  expect(csv.split("\r\n").filter(Boolean)).toHaveLength(1 + 13);
});

test("--format json carries each file's problems with their advice; a wildcard matching nothing is reported", async () => {
  const dir = inbox();
  const r = await run(["check", "收到的表/*.tsv", "*.xlsx", "--format", "json"], dir);
  expect(r.code).toBe(2);
  const json = JSON.parse(r.stdout) as {
    files: { file: string; error: string | null; problems?: { cell: string; advice: string }[] }[];
  };
  expect(json.files.map((f) => f.file)).toEqual(["*.xlsx", join("收到的表", "白云区办公室.tsv")]);
  expect(json.files[0]!.error).toBe(
    "没有与 *.xlsx 匹配的表格文件（.xlsx、.xls、.et、.ods、.csv、.tsv、.txt、.html、.mht）。",
  );
  const problems = json.files[1]!.problems!;
  expect(problems).toHaveLength(13);
  expect(problems.find((p) => p.cell === "G25")!.advice).toContain("补上年度指标值");
});

test("a summary name that is neither .xlsx nor .csv is refused before anything is read", async () => {
  const r = await run(["check", "收到的表", "--summary", "汇总.txt"], inbox());
  expect(r.code).toBe(2);
  expect(r.stderr).toContain("汇总文件名须以 .xlsx 或 .csv 结尾：汇总.txt");
});

test("a long batch without a terminal says how far it got on stderr, and stdout keeps one line per file", async () => {
  const dir = inbox();
  for (let i = 0; i < 12; i++)
    copyFileSync(SAMPLE_PATH, join(dir, "收到的表", `t${String(i).padStart(2, "0")}.tsv`));
  let clock = 0;
  const now = jest.spyOn(Date, "now").mockImplementation(() => (clock += 600));
  try {
    const r = await run(["check", "收到的表"], dir);
    expect(r.stderr).toMatch(/^已检查 \d+\/15 个文件……$/m);
    expect(r.stdout.trim().split("\n")).toHaveLength(16);
  } finally {
    now.mockRestore();
  }
});

describe("the built command in a pipe", () => {
  let cli: string;
  beforeAll(async () => {
    cli = await buildCli();
  });

  test.each([["normalize --json | head -1", ["normalize", SAMPLE_PATH, "--json"]]])(
    "%s ends quietly",
    (_name, args) => {
      const dir = inbox();
      for (const name of ["a.tsv", "b.tsv", "c.tsv"]) copyFileSync(SAMPLE_PATH, join(dir, name));
      const result = spawnSync(
        "sh",
        [
          "-c",
          `"${process.execPath}" "${cli}" ${args.map((a) => `"${a}"`).join(" ")} | head -c 1 >/dev/null`,
        ],
        {
          encoding: "utf8",
          cwd: dir,
        },
      );
      expect(result.stderr).toBe("");
    },
  );
});
