import { written } from "../../testing/written-workbook";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { mkdirSync, writeFileSync } from "fs";
import { join } from "path";
import { decodeTextFile } from "../../src/xlsx/decode-text-file";
import { InputError } from "../../src/xlsx/input-error";
import { nodeZipCodec } from "../../src/xlsx/node-zip-codec";
import { analyzeInput, normalizeInput } from "../../src/xlsx/normalize-workbook";
import { readInput, readInputBytes } from "../../src/xlsx/read-input";
import { loadSampleGrid, loadSampleText } from "../../testing/sample";
import { unzipParts, zipParts } from "./package-helpers";
import { tempFolder } from "../../testing/temp-folder";

const dir = tempFolder("read-input-");

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
    ["UTF-16LE without BOM", Buffer.from(text, "utf16le"), "utf-16le"],
    ["UTF-16BE without BOM", Buffer.from(text, "utf16le").swap16(), "utf-16be"],
  ])("%s", (_name, bytes, encoding) => {
    expect(decodeTextFile(bytes)).toEqual({ text, encoding, invalidBytes: [] });
  });

  test("UTF-8 with one stray byte stays UTF-8: the byte becomes U+FFFD and its place is reported", () => {
    const good = Buffer.from("项目名称\t绩效指标\r\n".repeat(20), "utf8");
    const bytes = Buffer.concat([good, Buffer.from([0xb0]), Buffer.from("甲\t乙\r\n", "utf8")]);
    const decoded = decodeTextFile(bytes);
    expect(decoded.encoding).toBe("utf-8");
    expect(decoded.text).toBe(`${"项目名称\t绩效指标\r\n".repeat(20)}\ufffd甲\t乙\r\n`);
    expect(decoded.invalidBytes).toEqual([{ byteOffset: good.length, textOffset: 20 * 11 }]);
  });

  test("a truncated sequence is one U+FFFD, as browsers decode it (E6 97 then ASCII)", () => {
    const bytes = Buffer.concat([
      Buffer.from("项目名称，".repeat(30), "utf8"),
      Buffer.from([0xe6, 0x97, 0x41]),
    ]);
    const decoded = decodeTextFile(bytes);
    expect(decoded.text.endsWith("\ufffdA")).toBe(true);
    expect(decoded.text).toBe(new TextDecoder().decode(bytes));
  });

  test("any damage inside mostly-UTF-8 text reads as the browser's decoder reads it, each U+FFFD reported", () => {
    // 200 lines of Chinese: 1,600 sequences, so that a dozen bad bytes stay well under the share that means GB18030.
    const head = Buffer.from("项目名称\t绩效指标\r\n".repeat(200), "utf8");
    // Bytes around the edges of RFC 3629's table: overlong leads, surrogates (ED A0), beyond U+10FFFF (F4 90), cut
    // sequences and stray continuations.
    const edgy = fc.constantFrom(
      0x41,
      0x80,
      0xbf,
      0xc0,
      0xc2,
      0xdf,
      0xe0,
      0xa0,
      0x9f,
      0xed,
      0xef,
      0xf0,
      0x90,
      0xf4,
      0x8f,
      0xf5,
      0xff,
    );
    fc.assert(
      fc.property(fc.array(edgy, { maxLength: 12 }), (damage) => {
        const bytes = Buffer.concat([head, Buffer.from(damage), Buffer.from("甲\t乙", "utf8")]);
        const decoded = decodeTextFile(bytes);
        expect(decoded.encoding).toBe("utf-8");
        expect(decoded.text).toBe(new TextDecoder().decode(bytes));
        expect(decoded.invalidBytes).toHaveLength(decoded.text.split("\ufffd").length - 1);
      }),
    );
  });

  test("GBK text is not taken for UTF-8 with stray bytes", () => {
    const gbk = Buffer.from(Array.from({ length: 30 }, () => GBK_HEADER).flat());
    expect(decodeTextFile(gbk).encoding).toBe("gb18030");
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

  test("a UTF-8 file with a stray byte: the cell it fell in gets an invalid-bytes warning with the byte's place", async () => {
    const path = join(dir, "stray.tsv");
    const head = Buffer.from(
      loadSampleText().split("\n").slice(0, 12).join("\n").replace("公务用车购置费", "公务用车"),
      "utf8",
    );
    const rest = Buffer.from("购置费\t18.00\n", "utf8");
    writeFileSync(path, Buffer.concat([head, Buffer.from([0xff]), rest]));
    const input = await readInput(path);
    expect(input.encoding).toBe("utf-8");
    expect(input.invalidBytes).toEqual([{ byteOffset: head.length, row: 11, column: 6 }]);
  });

  test("comment lines (`# source: …`, `## raw:`) are no part of the table: blank rows, the line numbers kept", async () => {
    const path = join(dir, "transcribed.txt");
    const table = [
      "项目支出绩效目标表",
      "项目名称\t农村公路养护",
      "年度资金总额\t120",
      "一级指标\t二级指标\t三级指标\t指标值",
    ];
    const rows = [
      "# source: https://example.gov.cn/1.html",
      "# kind: target-form",
      "## raw (verbatim):",
      ...table,
    ];
    writeFileSync(
      path,
      [...rows, "产出指标\t数量指标\t养护里程\t≥300公里", "# 1、编号\t不是注释"].join("\n"),
    );
    const input = await readInput(path);
    expect(input.grid.slice(0, 4)).toEqual([[], [], [], ["项目支出绩效目标表"]]);
    // A row whose first cell starts with `#` but that holds more is a row of the table.
    expect(input.grid[8]).toEqual(["# 1、编号", "不是注释"]);
    const analysis = analyzeInput(input, { locale: "zh-CN" });
    expect(analysis.table?.title).toBe("项目支出绩效目标表");
    expect(analysis.projects.map((p) => p.name)).toEqual(["农村公路养护"]);
  });

  test("a comma CSV whose text holds `;` is still a comma CSV", async () => {
    const path = join(dir, "semi.csv");
    writeFileSync(
      path,
      "项目名称,总计,绩效指标\r\n甲,1,年度指标值:1;实施周期指标值:1;\r\n乙,2,a;b;c;d\r\n丙,3,e\r\n",
    );
    expect((await readInput(path)).grid).toEqual([
      ["项目名称", "总计", "绩效指标"],
      ["甲", "1", "年度指标值:1;实施周期指标值:1;"],
      ["乙", "2", "a;b;c;d"],
      ["丙", "3", "e"],
    ]);
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
    writeFileSync(path, `项目名称\t绩效指标\na\t${long}\n`);
    const input = await readInput(path);
    expect(input.grid[1]![1]).toBe(long);
    const { bytes } = written(await normalizeInput(input, { locale: "zh-CN", codec: nodeZipCodec }));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer); // ExcelJS types predate Node's generic Buffer
    const shown = book.getWorksheet("long")!.getCell("B2").value as string;
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
    // The date as its format (built-in 14) displays it in Chinese Excel.
    expect(input.grid).toEqual([
      ["项目名称", 2, "链接", "2024/1/1", "#N/A", "x"],
      [],
      ["2,476.54", null, 18],
    ]);
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

test("the fflate codec (a browser's) reads the same grid as Node's zlib", async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("表").addRow(["项目名称", 1, true, "x"]);
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  const node = await readInputBytes("a.xlsx", bytes, { codec: nodeZipCodec });
  const browser = await readInputBytes("a.xlsx", bytes);
  expect(browser.grid).toEqual(node.grid);
  expect(node.grid).toEqual([["项目名称", 1, true, "x"]]);
});

test("namespace prefixes, cells without references, CDATA and comments read as Excel reads them", async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("表").getCell("A1").value = "x";
  const parts = unzipParts(new Uint8Array(await wb.xlsx.writeBuffer()));
  parts.set(
    "xl/worksheets/sheet1.xml",
    new TextEncoder().encode(
      '<?xml version="1.0"?><!-- written by a .NET tool --><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>' +
        '<x:row r="2"><x:c t="inlineStr"><x:is><x:t><![CDATA[<甲>]]></x:t></x:is></x:c><x:c><x:v>2.5</x:v></x:c><x:c t="str"><x:f>A1</x:f><x:v>结果</x:v></x:c></x:row>' +
        '<x:row><x:c r="B3" t="e"><x:v>#N/A</x:v></x:c></x:row></x:sheetData></x:worksheet>',
    ),
  );
  const input = await readInputBytes("a.xlsx", zipParts(parts), { codec: nodeZipCodec });
  expect(input.grid).toEqual([[], ["<甲>", 2.5, "结果"], [null, "#N/A"]]);
});

test("an encrypted workbook (an OLE compound file) is named as such", async () => {
  const bytes = Buffer.concat([
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
    Buffer.alloc(504),
  ]);
  await expect(readInputBytes("secret.xlsx", bytes)).rejects.toMatchObject({ reason: "encrypted" });
});
