import ExcelJS from "exceljs";
import { mkdtempSync, mkdirSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { decodeTextFile } from "../../src/xlsx/decode-text-file";
import { excelCellValue } from "../../src/xlsx/excel-cell-value";
import { InputError } from "../../src/xlsx/input-error";
import { readInput } from "../../src/xlsx/read-input";
import { loadSampleGrid, loadSampleText } from "../../testing/sample";

const dir = mkdtempSync(join(tmpdir(), "read-input-"));

/** "项目名称\t绩效指标\r\n" in GBK, byte by byte (GB18030 agrees with GBK on these characters). */
const GBK_HEADER = [
  0xcf, 0xee, 0xc4, 0xbf, 0xc3, 0xfb, 0xb3, 0xc6, 0x09, 0xbc, 0xa8, 0xd0, 0xa7, 0xd6, 0xb8, 0xb1, 0xea, 0x0d,
  0x0a,
];

describe("decodeTextFile", () => {
  const text = "项目名称\t绩效指标\r\n";
  test.each([
    ["UTF-8", Buffer.from(text, "utf8"), "utf-8"],
    ["UTF-8 with BOM", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]), "utf-8"],
    [
      "UTF-16LE with BOM (Excel's Unicode text)",
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]),
      "utf-16le",
    ],
    ["GB18030 / GBK", Buffer.from(GBK_HEADER), "gb18030"],
  ])("%s", (_name, bytes, encoding) => {
    expect(decodeTextFile(bytes)).toEqual({ text, encoding });
  });
});

describe("readInput on text files", () => {
  test("the sample as UTF-16LE with BOM gives the same grid as the UTF-8 sample", async () => {
    const path = join(dir, "sample-utf16.txt");
    writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(loadSampleText(), "utf16le")]));
    const input = await readInput(path);
    expect(input.encoding).toBe("utf-16le");
    expect(input.grid).toEqual(loadSampleGrid());
    expect(input.sheetName).toBe("sample-utf16");
  });

  test("a GBK tab-delimited save", async () => {
    const path = join(dir, "gbk.txt");
    writeFileSync(path, Buffer.from(GBK_HEADER));
    const input = await readInput(path);
    expect([input.encoding, input.grid]).toEqual(["gb18030", [["项目名称", "绩效指标"]]]);
  });

  test("a comma CSV with quotes", async () => {
    const path = join(dir, "t.csv");
    writeFileSync(path, '项目名称,总计\r\n"甲,乙",1\r\n');
    expect((await readInput(path)).grid).toEqual([
      ["项目名称", "总计"],
      ["甲,乙", "1"],
    ]);
  });

  test("a field longer than Excel's cell limit is kept in the grid and cut visibly in the sheet", async () => {
    const path = join(dir, "long.tsv");
    const long = "长".repeat(40000);
    writeFileSync(path, `a\t${long}\n`);
    const input = await readInput(path);
    expect(input.grid[0]![1]).toBe(long);
    const shown = input.workbook.getWorksheet("long")!.getCell("B1").value as string;
    expect(shown.length).toBe(32767);
    expect(
      shown.endsWith(
        "（此处原文共 40000 字，超出 Excel 单元格 32767 字上限，此处只显示开头；全文见原文本文件）",
      ),
    ).toBe(true);
  });

  test.each([
    ["missing.tsv", "not-found"],
    ["folder.tsv", "is-directory"],
    ["table.pdf", "unsupported-type"],
    ["fake.xlsx", "not-xlsx"],
    ["empty.tsv", "empty"],
  ])("%s → %s", async (name, reason) => {
    mkdirSync(join(dir, "folder.tsv"), { recursive: true });
    writeFileSync(join(dir, "table.pdf"), "%PDF");
    writeFileSync(join(dir, "fake.xlsx"), "not a zip");
    writeFileSync(join(dir, "empty.tsv"), "\r\n");
    await expect(readInput(join(dir, name))).rejects.toMatchObject({ name: "InputError", reason });
  });
});

describe("readInput on .xlsx", () => {
  async function workbookFile(name: string, build: (wb: ExcelJS.Workbook) => void): Promise<string> {
    const wb = new ExcelJS.Workbook();
    build(wb);
    const path = join(dir, name);
    await wb.xlsx.writeFile(path);
    return path;
  }

  test("cells as Excel holds them: rich text, formula results, hyperlinks, dates, errors, merges", async () => {
    const path = await workbookFile("cells.xlsx", (wb) => {
      const ws = wb.addWorksheet("表");
      ws.getCell("A1").value = { richText: [{ text: "项目", font: { bold: true } }, { text: "名称" }] };
      ws.getCell("B1").value = { formula: "1+1", result: 2 };
      ws.getCell("C1").value = { text: "链接", hyperlink: "https://example.org" };
      ws.getCell("D1").value = new Date(Date.UTC(2024, 0, 1));
      ws.getCell("E1").value = { error: "#N/A" };
      ws.getCell("F1").value = "x";
      ws.mergeCells("F1:G2");
      ws.getCell("A3").value = "2,476.54";
      ws.getCell("C3").value = 18;
    });
    const input = await readInput(path);
    expect(input.sheetName).toBe("表");
    expect(input.grid).toEqual([["项目名称", 2, "链接", 45292, "#N/A", "x"], [], ["2,476.54", null, 18]]);
  });

  test("--sheet picks a sheet by name; an unknown name is an InputError listing the sheets", async () => {
    const path = await workbookFile("two.xlsx", (wb) => {
      wb.addWorksheet("封面").getCell("A1").value = "cover";
      wb.addWorksheet("数据").getCell("A1").value = "data";
    });
    expect((await readInput(path)).grid).toEqual([["cover"]]);
    expect((await readInput(path, { sheet: "数据" })).grid).toEqual([["data"]]);
    const error = await readInput(path, { sheet: "无" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).detail).toBe("无|封面, 数据");
  });
});

test.each([
  [null, null],
  ["", null],
  [{ sharedFormula: "A1", result: "文字" }, "文字"],
  [{ formula: "A1" }, null],
  [{ formula: "1/0", result: { error: "#DIV/0!" } }, "#DIV/0!"],
  [{ text: { richText: [{ text: "富" }, { text: "文本" }] }, hyperlink: "#A1" }, "富文本"],
  [true, true],
])("excelCellValue(%j) = %j", (value, expected) => {
  expect(excelCellValue(value as ExcelJS.CellValue)).toBe(expected);
});
