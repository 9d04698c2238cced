/**
 * The output workbook read back with ExcelJS, as another program reads it: 指标明细 and 校验结果 have a bold header
 * with a filter, columns wide enough for their content, wrapped long text in rows tall enough, severity cells
 * coloured like the marks, and their print setup; the marked source cells carry notes; a TSV's amounts are
 * numbers in the table's format, in columns wide enough for the names.
 */
import ExcelJS from "exceljs";
import { displayWidth, wrappedLines } from "../../src/core/plan/plan-layout";
import { MARK_COLORS } from "../../src/core/plan/plan";
import { nodeZipCodec } from "../../src/xlsx/node-zip-codec";
import { normalizeInput } from "../../src/xlsx/normalize-workbook";
import { gridInput, readInputBytes } from "../../src/xlsx/read-input";
import { loadSampleGrid } from "../../testing/sample";
import { written, type WrittenWorkbook } from "../../testing/written-workbook";
import { libreOfficePrints } from "./package-helpers";
import { cellColorOf, cellPatternOf } from "../../testing/cell-fill";

let result: WrittenWorkbook;
let book: ExcelJS.Workbook;

beforeAll(async () => {
  const grid = loadSampleGrid();
  grid[11]![2] = "17.00"; // C12: 财政拨款 of 公务用车购置费, lowered
  result = written(
    await normalizeInput(gridInput("目标表.tsv", grid), { locale: "zh-CN", codec: nodeZipCodec }),
  );
  book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(result.bytes) as unknown as ArrayBuffer); // ExcelJS types predate Node's generic Buffer
});

const argb = (color: string) => `FF${color.slice(1).toUpperCase()}`;
const fillOf = cellColorOf;

describe.each(["指标明细", "校验结果"])("%s", (name) => {
  test("the header is bold, with a filter (an Excel table), frozen", () => {
    const sheet = book.getWorksheet(name)!;
    const columns = sheet.columnCount;
    for (let c = 1; c <= columns; c++) expect([c, sheet.getCell(1, c).font?.bold]).toEqual([c, true]);
    const table = Object.values(
      (
        sheet as unknown as {
          tables: Record<string, { model: { tableRef: string; autoFilterRef?: string } }>;
        }
      ).tables,
    )[0]!;
    expect(table.model.tableRef).toMatch(/^A1:[A-Z]+\d+$/);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
  });

  test("prints landscape on A4, every column on one page wide, the header on each page, name and page below", () => {
    const setup = book.getWorksheet(name)!.pageSetup;
    expect(setup).toMatchObject({
      orientation: "landscape",
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: "1:1",
    });
    expect(book.getWorksheet(name)!.headerFooter.oddFooter).toBe("&L&A&R第 &P 页，共 &N 页");
  });

  test("long text wraps, in rows tall enough for it", () => {
    const sheet = book.getWorksheet(name)!;
    const planSheet = result.plan.sheets.find((s) => s.name === name)!;
    let tall = 0;
    planSheet.columns.forEach((column, c) => {
      if (!column.wrap) return;
      sheet.getColumn(c + 1).eachCell({ includeEmpty: false }, (cell, row) => {
        if (row === 1 || typeof cell.value !== "string") return;
        expect(cell.alignment?.wrapText).toBe(true);
        const lines = wrappedLines(cell.value, column.width);
        if (lines > 1) {
          expect([cell.address, sheet.getRow(row).height >= lines * 15]).toEqual([cell.address, true]);
          tall++;
        }
      });
    });
    expect(tall).toBeGreaterThan(0);
  });
});

test("columns are wide enough for their content: 二级指标 holds 服务对象满意度指标", () => {
  const detail = book.getWorksheet("指标明细")!;
  const level2 = (detail.getRow(1).values as unknown[]).indexOf("二级指标");
  expect(detail.getColumn(level2).width).toBeGreaterThanOrEqual(displayWidth("服务对象满意度指标") + 2);
  let found = false;
  detail.getColumn(level2).eachCell((cell) => (found ||= cell.value === "服务对象满意度指标"));
  expect(found).toBe(true);
  const checks = book.getWorksheet("校验结果")!;
  expect(checks.getColumn(4).width).toBe(60); // 说明: wraps beyond 60
  expect(checks.getColumn(6).width).toBeLessThanOrEqual(22); // the rule id: last and narrow
});

test("校验结果: Chinese rule names, 处理建议, the rule id last; severity cells coloured like the marks", () => {
  const checks = book.getWorksheet("校验结果")!;
  expect((checks.getRow(1).values as unknown[]).slice(1)).toEqual([
    "严重程度",
    "规则",
    "单元格",
    "说明",
    "处理建议",
    "规则编号",
  ]);
  expect((checks.getRow(2).values as unknown[]).slice(1, 3)).toEqual(["错误", "金额有误"]);
  expect(checks.getCell("E2").value).toBe("把 C12 改为 18.00；若 C12 无误，请核对 B12、C11。");
  expect(checks.getCell("F2").value).toBe("wrong-amount");
  checks.eachRow((row, r) => {
    if (r === 1) return;
    const severity = row.getCell(1).value;
    const expected =
      severity === "错误"
        ? argb(MARK_COLORS.error)
        : severity === "警告"
          ? argb(MARK_COLORS.warning)
          : undefined;
    expect([r, fillOf(row.getCell(1))]).toEqual([r, expected]);
  });
});

test("the source: the cell to change red, the totals it upsets light blue, each marked cell with a note", () => {
  const source = book.getWorksheet("目标表")!;
  expect(fillOf(source.getCell("C12"))).toBe(argb(MARK_COLORS.error));
  expect(fillOf(source.getCell("B12"))).toBe(argb(MARK_COLORS.consequence));
  expect(fillOf(source.getCell("C11"))).toBe(argb(MARK_COLORS.consequence));
  // Told apart without colour too (black-and-white print): the error solid, the consequences dotted.
  expect(cellPatternOf(source.getCell("C12"))).toBe("solid");
  expect(cellPatternOf(source.getCell("B12"))).toBe("gray125 FF9BC2E6");
  const note = (a: string) =>
    (source.getCell(a).note as { texts: { text: string }[] } | undefined)?.texts.map((t) => t.text).join("");
  expect(note("C12")).toContain("应为 18.00 万元，表中为 17.00 万元");
  expect(note("B12")).toBe("此合计对不上，是因为 C12 写错了：改正 C12 后即相符，此格不必改。");
  expect(note("G25")).toContain("「维保按时完成质量」应写明年度指标值");
  for (const mark of result.plan.marks)
    expect([mark.cell, note(mark.cell) !== undefined]).toEqual([mark.cell, true]);
  expect(note("A12")).toBeUndefined();
});

test("a TSV's amounts are numbers in the table's format, in columns wide enough for the names", () => {
  const source = book.getWorksheet("目标表")!;
  expect([source.getCell("B10").value, source.getCell("B10").numFmt]).toEqual([2476.54, "#,##0.00"]);
  expect([source.getCell("C12").value, source.getCell("C12").numFmt]).toEqual([17, "0.00"]);
  const longest = Math.max(...result.analysis.projects.map((p) => displayWidth(p.name)));
  expect(source.getColumn(1).width).toBeGreaterThanOrEqual(longest);
});

describe("notes on a re-run and beside the clerk's comments", () => {
  const notesOf = async (bytes: Uint8Array, sheet: string) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer); // ExcelJS types predate Node's generic Buffer
    const notes = new Map<string, string>();
    wb.getWorksheet(sheet)!.eachRow((row) =>
      row.eachCell((cell) => {
        const note = cell.note as { texts?: { text: string }[] } | string | undefined;
        if (note)
          notes.set(cell.address, typeof note === "string" ? note : note.texts!.map((t) => t.text).join(""));
      }),
    );
    return notes;
  };

  test("a re-run replaces the notes: one per marked cell, none left from the previous run", async () => {
    const input = await readInputBytes("again.xlsx", result.bytes, { sheet: "目标表", codec: nodeZipCodec });
    const again = written(await normalizeInput(input, { locale: "en-US", codec: nodeZipCodec }));
    const notes = await notesOf(again.bytes, "目标表");
    expect([...notes.keys()].sort()).toEqual(again.plan.marks.map((m) => m.cell).sort());
    // The English run replaced the Chinese notes (recognised by their author in either language).
    expect(notes.get("C12")).toMatch(/should be 18\.00/);
    expect(again.notesSkipped).toBe(0);
  });

  test("a run on another sheet takes the previous run's notes off the sheet it marked", async () => {
    const wb = new ExcelJS.Workbook();
    for (const name of ["甲表", "乙表"]) {
      const sheet = wb.addWorksheet(name);
      loadSampleGrid().forEach((row, r) =>
        row.forEach((v, c) => v !== null && (sheet.getCell(r + 1, c + 1).value = v)),
      );
    }
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const run = async (input: Uint8Array, sheet: string) =>
      written(
        await normalizeInput(await readInputBytes("two.xlsx", input, { sheet, codec: nodeZipCodec }), {
          locale: "zh-CN",
          codec: nodeZipCodec,
        }),
      );
    const first = await run(bytes, "甲表");
    expect((await notesOf(first.bytes, "甲表")).size).toBe(first.plan.notes.length);
    const second = await run(first.bytes, "乙表");
    expect((await notesOf(second.bytes, "甲表")).size).toBe(0);
    expect((await notesOf(second.bytes, "乙表")).size).toBe(second.plan.notes.length);
  });

  test("a marked cell with the clerk's own note keeps it, gets none of ours, and is counted", async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet("目标表");
    loadSampleGrid().forEach((row, r) =>
      row.forEach((v, c) => v !== null && (sheet.getCell(r + 1, c + 1).value = v)),
    );
    sheet.getCell("G25").note = "维保合同另附，年度指标值待定。";
    sheet.getCell("A12").note = "项目负责人：张三";
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const out = written(
      await normalizeInput(await readInputBytes("clerk.xlsx", bytes, { codec: nodeZipCodec }), {
        locale: "zh-CN",
        codec: nodeZipCodec,
      }),
    );
    const notes = await notesOf(out.bytes, "目标表");
    expect(notes.get("G25")).toBe("维保合同另附，年度指标值待定。");
    expect(notes.get("A12")).toBe("项目负责人：张三");
    expect(out.notesSkipped).toBe(1);
    for (const mark of out.plan.marks) if (mark.cell !== "G25") expect(notes.has(mark.cell)).toBe(true);
  });
});

test("LibreOffice prints each sheet one page wide, its header on every page, its name and page number below", () => {
  const pages = libreOfficePrints(result.bytes);
  for (const sheet of result.plan.sheets) {
    const own = pages.filter((page) => page.trimEnd().split("\n").pop()!.trim().startsWith(sheet.name));
    expect(own.length).toBeGreaterThan(0);
    for (const page of own) {
      // Every column's header on every page: all columns fit across, and the header row repeats.
      const header = page.split("\n").find((line) => line.includes(sheet.columns[0]!.header)) ?? "";
      for (const column of sheet.columns)
        expect([sheet.name, header.includes(column.header)]).toEqual([sheet.name, true]);
      expect(page.trimEnd().split("\n").pop()).toMatch(/第 \d+ 页，共 \d+ 页$/);
    }
  }
}, 120_000);

test("tables on several sheets: each sheet's marked cells get their notes, on their own sheet", async () => {
  // Two forms, one per sheet; 设备's 资金总额 disagrees with its parts and its 项目起止时间 is damaged.
  const { join } = await import("path");
  const { readFileSync } = await import("fs");
  const path = join(__dirname, "..", "fixtures", "tables", "forms-one-per-sheet.xlsx");
  const input = await readInputBytes(path, new Uint8Array(readFileSync(path)), {});
  const several = written(await normalizeInput(input, { locale: "zh-CN", codec: nodeZipCodec }));
  expect(several.plan.sourceSheet).not.toBe("设备"); // the notes go on another sheet than the source
  expect(several.plan.notes.map((n) => `${n.sheet ?? several.plan.sourceSheet}!${n.cell}`)).toEqual([
    "设备!B5",
    "设备!C6",
  ]);
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(Buffer.from(several.bytes) as unknown as ArrayBuffer);
  const note = (sheet: string, a: string) =>
    (back.getWorksheet(sheet)!.getCell(a).note as { texts: { text: string }[] } | undefined)?.texts
      .map((t) => t.text)
      .join("");
  expect(note("设备", "C6")).toContain("资金总额应等于财政拨款＋自有资金＝60 万元，表中为 65 万元");
  expect(note("设备", "B5")).toContain("项目起止时间应为日期区间");
  for (const sheet of back.worksheets.filter((s) => s.name !== "设备"))
    sheet.eachRow((row) =>
      row.eachCell((cell) =>
        expect([sheet.name, cell.address, cell.note]).toEqual([sheet.name, cell.address, undefined]),
      ),
    );
});
