import ExcelJS from "exceljs";
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "fs";
import { join } from "path";
import type { CliIo } from "../../src/cli/cli-io";
import { runCli } from "../../src/cli/run-cli";
import { SAMPLE_PATH } from "../../testing/sample";
import { unzipParts, zipParts } from "../xlsx/package-helpers";
import { tempFolder } from "../../testing/temp-folder";

interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(argv: string[], cwd: string, extra: Partial<CliIo> = {}): Promise<Captured> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    stderrIsTTY: false,
    cwd,
    projectRoot: cwd,
    ...extra,
  });
  return { code, stdout, stderr };
}

function workspace(): string {
  const dir = tempFolder("cli-");
  copyFileSync(SAMPLE_PATH, join(dir, "sample.tsv"));
  return dir;
}

/** A user's workbook: a cover sheet, the table sheet with a bold title and a formula, a custom fill. */
async function userWorkbook(dir: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const cover = wb.addWorksheet("封面");
  cover.getCell("A1").value = "说明";
  cover.getCell("A1").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF00B050" } };
  const table = wb.addWorksheet("目标表");
  const lines = readFileSync(SAMPLE_PATH, "utf8").split(/\r?\n/);
  lines.forEach((line, r) =>
    line.split("\t").forEach((v, c) => v && (table.getCell(r + 1, c + 1).value = v)),
  );
  table.getCell("A3").font = { bold: true, size: 16 };
  table.getCell("J1").value = { formula: "1+1", result: 2 };
  const path = join(dir, "user.xlsx");
  await wb.xlsx.writeFile(path);
  return path;
}

describe("normalize --json", () => {
  test("prints only the analysis JSON on stdout and exits 0", async () => {
    const dir = workspace();
    const r = await run(["normalize", "sample.tsv", "--json"], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const json = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(expect.arrayContaining(["table", "projects", "issues"]));
  });

  test.each([
    [["normalize", "missing.tsv", "--json"], "找不到文件：missing.tsv"],
    [["normalize", "missing.tsv", "--json", "--lang", "en"], "File not found: missing.tsv"],
    [
      ["normalize", "sample.pdf", "--json"],
      "不支持的文件类型：sample.pdf（请用 .xlsx、.xls、.et、.ods、.tsv、.txt、.csv 或网页 .html、.mht）",
    ],
    [["normalize", "bad.xlsx", "--json", "--lang", "en"], "bad.xlsx is not a valid .xlsx file"],
    [["normalize", "--json"], "缺少输入文件。"],
  ])("%j: exit 2, one line on stderr, no stack trace", async (argv, sentence) => {
    const dir = workspace();
    writeFileSync(join(dir, "sample.pdf"), "%PDF-1.4");
    writeFileSync(join(dir, "bad.xlsx"), "this is not a zip");
    const r = await run(argv, dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(sentence);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\bat .+:\d+/);
  });
});

describe("normalize -o", () => {
  test("writes the workbook, leaves the input byte-identical and prints a short summary", async () => {
    const dir = workspace();
    const before = readFileSync(join(dir, "sample.tsv"));
    const mtime = statSync(join(dir, "sample.tsv")).mtimeMs;
    const r = await run(["normalize", "sample.tsv", "-o", "result/out.xlsx"], dir);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(r.stdout).toContain("已写入 result/out.xlsx");
    expect(readFileSync(join(dir, "sample.tsv")).equals(before)).toBe(true);
    expect(statSync(join(dir, "sample.tsv")).mtimeMs).toBe(mtime);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, "result", "out.xlsx"));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["sample", "指标明细", "校验结果"]);
  });

  test("without -o it writes <name>.normalized.xlsx beside the input", async () => {
    const dir = workspace();
    const r = await run(["normalize", "sample.tsv", "--lang", "en"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Wrote sample.normalized.xlsx");
    expect(existsSync(join(dir, "sample.normalized.xlsx"))).toBe(true);
  });

  test("an .xlsx input keeps all its sheets, formulas and formatting, and stays byte-identical", async () => {
    const dir = workspace();
    const path = await userWorkbook(dir);
    const before = readFileSync(path);
    const r = await run(["normalize", "user.xlsx", "--sheet", "目标表", "-o", "out.xlsx"], dir);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(readFileSync(path).equals(before)).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, "out.xlsx"));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["封面", "目标表", "指标明细", "校验结果"]);
    expect((wb.getWorksheet("封面")!.getCell("A1").fill as ExcelJS.FillPattern).fgColor?.argb).toBe(
      "FF00B050",
    );
    const table = wb.getWorksheet("目标表")!;
    expect(table.getCell("A3").font).toMatchObject({ bold: true, size: 16 });
    expect(table.getCell("J1").value).toMatchObject({ formula: "1+1" });
  });

  test("refuses to overwrite its input, however the output path is spelled", async () => {
    const dir = workspace();
    mkdirSync(join(dir, "sub"));
    const path = await userWorkbook(dir);
    symlinkSync(path, join(dir, "link.xlsx"));
    const before = readFileSync(path);
    for (const spelling of ["user.xlsx", "./user.xlsx", "sub/../user.xlsx", path, "link.xlsx"]) {
      const r = await run(["normalize", "user.xlsx", "-o", spelling], dir);
      expect([spelling, r.code]).toEqual([spelling, 2]);
      expect(r.stderr).toContain("输出文件不能是输入文件本身");
    }
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  test("an output that cannot be written: exit 2 and one line saying so", async () => {
    const r = await run(
      ["normalize", "sample.tsv", "-o", "sample.tsv/out.xlsx", "--lang", "en"],
      workspace(),
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Cannot write sample\.tsv\/out\.xlsx: .+\n$/);
  });

  test("a macro workbook stays .xlsm, its macros copied byte for byte", async () => {
    const dir = workspace();
    const path = await userWorkbook(dir);
    const parts = unzipParts(new Uint8Array(readFileSync(path)));
    const vba = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3, 4]);
    parts.set("xl/vbaProject.bin", vba);
    writeFileSync(join(dir, "macros.xlsm"), zipParts(parts));
    const refused = await run(["normalize", "macros.xlsm", "-o", "out.xlsx", "--lang", "en"], dir);
    expect(refused).toMatchObject({
      code: 2,
      stderr: "The output file name must end in .xlsm (a macro workbook): out.xlsx\n",
    });
    const r = await run(["normalize", "macros.xlsm", "--sheet", "目标表"], dir);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    const out = unzipParts(new Uint8Array(readFileSync(join(dir, "macros.normalized.xlsm"))));
    expect(Buffer.from(out.get("xl/vbaProject.bin")!).equals(Buffer.from(vba))).toBe(true);
  });

  test("refuses an output that is not .xlsx", async () => {
    const r = await run(["normalize", "sample.tsv", "-o", "out.csv", "--lang", "en"], workspace());
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("The output file name must end in .xlsx: out.csv\n");
  });
});

describe("check", () => {
  test("one line per file and a total; an unreadable file gives exit 2 and the others are still checked", async () => {
    const dir = workspace();
    copyFileSync(join(dir, "sample.tsv"), join(dir, "copy.tsv"));
    const r = await run(["check", "sample.tsv", "missing.xlsx", "copy.tsv"], dir);
    expect(r.code).toBe(2);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^sample\.tsv：\d+ 个项目/);
    expect(lines[1]).toBe("missing.xlsx：无法读取。找不到文件：missing.xlsx");
    expect(lines[2]).toMatch(/^copy\.tsv：/);
    expect(lines[3]).toMatch(/^合计 3 个文件：.*；1 个无法读取$/);
    expect(r.stderr).toBe("");
  });

  test("exit 1 when a file has an error, 0 when every file is clean", async () => {
    const dir = workspace();
    // The sample cut down to its first project (公务用车购置费), totals adjusted: a clean table.
    const lines = readFileSync(SAMPLE_PATH, "utf8").split(/\r?\n/);
    const clean = [
      ...lines.slice(0, 9),
      "合计\t18.00\t18.00",
      "广州市白云区人民政府办公室\t18.00\t18.00",
      lines[11],
    ];
    writeFileSync(join(dir, "clean.tsv"), clean.join("\r\n"));
    const ok = await run(["check", "clean.tsv"], dir);
    expect(ok.stdout).toContain("clean.tsv：1 个项目，1 个单位，7 条指标；错误 0，警告 0，提示 0");
    expect(ok.code).toBe(0);
    const bad = await run(["check", "clean.tsv", "sample.tsv"], dir);
    expect(bad.stdout).toMatch(/^sample\.tsv：19 个项目，3 个单位，132 条指标；错误 [1-9]/m);
    expect(bad.code).toBe(1);
    // normalize says what the clean verdict rests on: the rows of 合计, the unit and the project (总计 = its
    // parts), and the unit's and 合计's four amount columns (the empty ones add up too): 3 + 4 + 4.
    const written = await run(["normalize", "clean.tsv", "-o", "clean.xlsx"], dir);
    expect(written.stdout).toContain("合计已核对：11 个等式全部相符；指标 7 条，未发现问题：可以发送。");
    const sample = await run(["normalize", "sample.tsv", "-o", "sample.xlsx"], dir);
    expect(sample.stdout).not.toContain("合计已核对");
  });

  test("--format json for scripts", async () => {
    const r = await run(
      ["check", "sample.tsv", "missing.tsv", "--format", "json", "--lang", "en"],
      workspace(),
    );
    const json = JSON.parse(r.stdout) as { files: { file: string; error: string | null }[]; total: unknown };
    expect(json.files.map((f) => [f.file, f.error])).toEqual([
      ["sample.tsv", null],
      ["missing.tsv", "File not found: missing.tsv"],
    ]);
    expect(json.total).toMatchObject({ files: 2, unreadable: 1 });
    expect(r.code).toBe(2);
  });

  test("a progress bar on stderr only when stderr is a terminal", async () => {
    const dir = workspace();
    const piped = await run(["check", "sample.tsv"], dir);
    expect(piped.stderr).toBe("");
    const tty = await run(["check", "sample.tsv"], dir, { stderrIsTTY: true });
    expect(tty.stderr).toContain("] 0/1 sample.tsv");
    expect(tty.stderr.endsWith("\r\x1b[K")).toBe(true);
    expect(tty.stdout).toBe(piped.stdout);
  });
});

describe("demo", () => {
  test("writes out/baiyun-2024.normalized.xlsx and says what it found and where it went", async () => {
    const root = tempFolder("demo-");
    mkdirSync(join(root, "samples"), { recursive: true });
    copyFileSync(SAMPLE_PATH, join(root, "samples", "baiyun-2024.tsv"));
    const r = await run(["demo", "--lang", "en"], root);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(r.stdout).toMatch(/\d+ projects, \d+ units, \d+ indicators/);
    expect(r.stdout).toMatch(/Problems: \d+ errors, \d+ warnings, \d+ notes/);
    expect(r.stdout).toContain("Wrote out/baiyun-2024.normalized.xlsx");
    expect(existsSync(join(root, "out", "baiyun-2024.normalized.xlsx"))).toBe(true);
  });
});

test("--help explains the commands", async () => {
  const r = await run(["--help", "--lang", "en"], workspace());
  expect(r.code).toBe(0);
  for (const word of ["normalize", "check", "demo", "--json", "--format json", "--sheet", "Exit status"])
    expect(r.stdout).toContain(word);
});

describe("no table found is not done", () => {
  const notATable = "会议纪要\n时间\t地点\n3月5日\t二楼会议室\n";

  test("normalize writes nothing, says what it looked for and what to do, and exits 1", async () => {
    const dir = workspace();
    writeFileSync(join(dir, "notes.tsv"), notATable);
    const r = await run(["normalize", "notes.tsv", "-o", "out.xlsx"], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("notes.tsv：没有找到项目支出绩效目标表");
    expect(r.stderr).toContain("项目名称");
    expect(r.stderr).toContain("把表格连同表头行粘贴到工作表中");
    expect(r.stderr.trimEnd().endsWith("没有写出任何文件。")).toBe(true);
    expect(existsSync(join(dir, "out.xlsx"))).toBe(false);
    const json = await run(["normalize", "notes.tsv", "--json"], dir);
    expect(json.code).toBe(1);
    expect((JSON.parse(json.stdout) as { issues: { rule: string }[] }).issues[0]!.rule).toBe("no-table");
  });

  test("check counts such a file as one with an error", async () => {
    const dir = workspace();
    writeFileSync(join(dir, "notes.tsv"), notATable);
    const r = await run(["check", "notes.tsv"], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^notes\.tsv：没有找到项目支出绩效目标表/);
    expect(r.stdout).toMatch(/合计 1 个文件：错误 1/);
  });
});

describe("text that reaches a terminal", () => {
  // A project name that would clear the screen, retitle the window, and turn the rest of the line around.
  const hostile = "公务\u001b[2J\u001b]0;pwned\u0007用车\u202e\u009b31m购置费";

  test("shows control characters and escape sequences escaped, in the summary and in JSON", async () => {
    const dir = workspace();
    const lines = readFileSync(SAMPLE_PATH, "utf8").split(/\r?\n/);
    lines[11] = lines[11]!.replace("公务用车购置费", hostile).replace("\t18.00\t18.00", "\t18.00\t17.00");
    writeFileSync(join(dir, "hostile.tsv"), lines.join("\n"));
    const r = await run(["normalize", "hostile.tsv", "-o", "out.xlsx"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("公务\\u001B[2J\\u001B]0;pwned\\u0007用车\\u202E\\u009B31m购置费");
    // Nothing a terminal would act on: no ESC, BEL, C1 control or bidirectional override, only line feeds.
    // eslint-disable-next-line no-control-regex -- looking for control characters is the point.
    expect(r.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    const json = await run(["normalize", "hostile.tsv", "--json"], dir);
    expect(json.stdout).not.toMatch(/[\u007f-\u009f\u202a-\u202e]/);
    const parsed = JSON.parse(json.stdout) as { projects: { name: string }[] };
    expect(parsed.projects[0]!.name).toBe(hostile);
  });

  test("a file name with an escape sequence, in check's lines and its progress bar", async () => {
    const dir = workspace();
    const name = "a\u001b[2Jb.tsv";
    copyFileSync(join(dir, "sample.tsv"), join(dir, name));
    const r = await run(["check", name], dir, { stderrIsTTY: true });
    expect(r.stdout).toContain("a\\u001B[2Jb.tsv：");
    // The bar's own redraw is the only escape sequence: \r ESC[K.
    // eslint-disable-next-line no-control-regex -- looking for control characters is the point.
    expect(r.stderr.replace(/\r\u001b\[K/g, "")).not.toMatch(/\u001b/);
  });
});
