/**
 * The CLI finds the tables on every sheet of a workbook without --sheet, says which it read, names each table
 * when there are several, and marks every sheet it read a table on (the run record keeps one <marks> per sheet,
 * so a re-run puts each back).
 */
import ExcelJS from "exceljs";
import { copyFileSync } from "fs";
import { join } from "path";
import type { CliIo } from "../../src/cli/cli-io";
import { runCli } from "../../src/cli/run-cli";
import { cellColorOf } from "../../testing/cell-fill";
import { tempFolder } from "../../testing/temp-folder";

const TABLES = join(__dirname, "..", "fixtures", "tables");

async function run(argv: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    stderrIsTTY: false,
    cwd,
    projectRoot: cwd,
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

function workspace(...fixtures: string[]): string {
  const dir = tempFolder("cli-tables-");
  for (const f of fixtures) copyFileSync(join(TABLES, f), join(dir, f));
  return dir;
}

const fillOf = cellColorOf;

test("the table on a workbook's second sheet is found and the CLI says where", async () => {
  const dir = workspace("table-on-second-sheet.xlsx");
  const r = await run(["normalize", "table-on-second-sheet.xlsx", "-o", "out.xlsx"], dir);
  expect(r.code).toBe(0);
  expect(r.stdout.split("\n")[0]).toBe("读取工作表「目标表」第 4 行表头（每项目一行、指标连写），5 个项目");
  const json = await run(["normalize", "table-on-second-sheet.xlsx", "--json", "--lang", "en"], dir);
  expect(json.stderr).toBe(
    'Read sheet "目标表", header on row 4 (one row per project, numbered indicator text), 5 projects\n',
  );
  const check = await run(["check", "table-on-second-sheet.xlsx"], dir);
  expect(check.stdout.split("\n")[0]).toMatch(/^table-on-second-sheet\.xlsx（工作表：目标表）：5 个项目/);
});

test("tables on two sheets: both read, each named; each sheet marked; a re-run restores and marks again", async () => {
  const dir = workspace("forms-one-per-sheet.xlsx");
  const r = await run(["normalize", "forms-one-per-sheet.xlsx", "-o", "out.xlsx"], dir);
  expect(r.code).toBe(0);
  expect(r.stdout.split("\n").slice(0, 3)).toEqual([
    "共读取 2 张表：",
    "  表 1：工作表「培训」第 11 行表头（单项目申报表），1 个项目",
    "  表 2：工作表「设备」第 11 行表头（单项目申报表），1 个项目",
  ]);
  const read = async (file: string): Promise<ExcelJS.Workbook> => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, file));
    return wb;
  };
  const out = await read("out.xlsx");
  const equipment = out.getWorksheet("设备")!;
  expect([fillOf(equipment.getCell("C6")), fillOf(equipment.getCell("B5"))]).toEqual([
    "FFFFC7CE",
    "FFFFEB9C",
  ]);
  expect(fillOf(out.getWorksheet("培训")!.getCell("C6"))).toBeUndefined();
  // 指标明细's 来源 says the sheet of each row; 校验结果's 单元格 too.
  const detail = out.getWorksheet("指标明细")!;
  const sources = Array.from({ length: detail.rowCount - 1 }, (_, k) => detail.getCell(k + 2, 14).text);
  expect(sources).toEqual([
    "'培训'!D12",
    "'培训'!D13",
    "'培训'!D14",
    "'培训'!D15",
    "'培训'!D16",
    "'设备'!D12",
    "'设备'!D13",
    "'设备'!D14",
  ]);

  // A re-run on its own output: the marks are given back first, then made again, on both sheets alike.
  const again = await run(["normalize", "out.xlsx", "-o", "again.xlsx"], dir);
  expect(again.code).toBe(0);
  const second = await read("again.xlsx");
  const sheet = second.getWorksheet("设备")!;
  expect([fillOf(sheet.getCell("C6")), fillOf(sheet.getCell("B5"))]).toEqual(["FFFFC7CE", "FFFFEB9C"]);
  expect(second.worksheets.map((w) => w.name)).toEqual(["培训", "设备", "指标明细", "校验结果"]);
  // A run on 培训 alone: the record's marks on 设备 are given back (no fill), none made there again.
  expect((await run(["normalize", "again.xlsx", "--sheet", "培训", "-o", "one.xlsx"], dir)).code).toBe(0);
  const one = (await read("one.xlsx")).getWorksheet("设备")!;
  expect([fillOf(one.getCell("C6")), fillOf(one.getCell("B5"))]).toEqual([undefined, undefined]);
});

test("two tables on one text file: each named in the output", async () => {
  const dir = workspace("two-tables-stacked.tsv");
  const r = await run(["normalize", "two-tables-stacked.tsv", "-o", "out.xlsx", "--lang", "en"], dir);
  expect(r.stdout.split("\n").slice(0, 3)).toEqual([
    "Read 2 tables:",
    "  Table 1: header on row 4 (one row per project, numbered indicator text), 2 projects",
    "  Table 2: header on row 13 (one row per project, numbered indicator text), 1 project",
  ]);
});
