import fc from "fast-check";
import { readFileSync, writeFileSync } from "fs";
import { basename, join } from "path";
import { describeInputError } from "../../src/xlsx/describe-input-error";
import { InputError } from "../../src/xlsx/input-error";
import { inputErrorsZhCN } from "../../src/xlsx/messages/zh-CN";
import { readInput } from "../../src/xlsx/read-input";
import { readXlsSheets } from "../../src/xlsx/read-xls";
import { decodeEntities, readHtmlTables } from "../../src/xlsx/read-html-table";
import { fixtureResult } from "../fixtures/fixture-result";
import { tempFolder } from "../../testing/temp-folder";

describe("readHtmlTables: a web table as Excel lays it out", () => {
  test.each<[string, string, (string | null)[][]]>([
    ["one row", "<table><tr><td>项目名称</td><td>设备购置</td></tr></table>", [["项目名称", "设备购置"]]],
    [
      "colspan and rowspan leave the covered cells empty (a merged cell)",
      "<table><tr><td rowspan=2>项目资金</td><td>资金总额</td><td>100</td></tr><tr><td>财政拨款</td><td>100</td></tr><tr><td colspan='2'>年度目标</td><td>x</td></tr></table>",
      [
        ["项目资金", "资金总额", "100"],
        [null, "财政拨款", "100"],
        ["年度目标", null, "x"],
      ],
    ],
    [
      "th cells, entities, <br> and blanks",
      "<table><tr><th>指标值</th></tr><tr><td> &ge;95&#37; </td></tr><tr><td>总&nbsp;体<br/>目标</td></tr></table>",
      [["指标值"], ["≥95%"], ["总 体\n目标"]],
    ],
    [
      "Excel's clipboard markup: conditional comments, styles, a script",
      '<html><head><style>td{x:1}</style><script>var t="<td>no</td>";</script></head><body><!--StartFragment--><table><![if !supportMisalignedColumns]><tr><td class=xl65 x:num="5">5.00</td></tr><![endif]></table><!--EndFragment--></body></html>',
      [["5.00"]],
    ],
    [
      "text outside tables a line a row, as Excel opens the page; two tables a blank row apart",
      "<p>附件1</p><table><tr><td>a</td></tr></table><table><tr><td>b</td></tr></table><p>附件2</p>",
      [["附件1"], ["a"], [], ["b"], ["附件2"]],
    ],
    ["no table", "<p>项目名称：设备购置</p>", [["项目名称：设备购置"]]],
  ])("%s", (_about, html, grid) => {
    expect(readHtmlTables(html)).toEqual(grid);
  });

  test.each<[string, string]>([
    ["&ge;&le;&amp;&lt;&gt;", "≥≤&<>"],
    ["&#8805;&#x2264;", "≥≤"],
    ["&#128512;", "\u{1F600}"],
    ["&unknown; & plain", "&unknown; & plain"],
  ])("decodeEntities %j → %j", (text, decoded) => {
    expect(decodeEntities(text)).toBe(decoded);
  });
});

describe(".xls / .et this reader cannot read: one line on how to save them as .xlsx", () => {
  test.each([".xls", ".et", ".XLS"])("%s", async (ext) => {
    const dir = tempFolder("legacy-");
    const path = join(dir, `目标表${ext}`);
    writeFileSync(path, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    const error = await readInput(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    const line = describeInputError(error, inputErrorsZhCN, (p) => basename(p));
    expect(line).toContain("另存为");
    expect(line).toContain("Excel 工作簿（*.xlsx）");
    expect(line).not.toContain("\n");
  });
});

describe(".xls and .et (BIFF8 in a compound file)", () => {
  const xls = readFileSync(join(__dirname, "..", "fixtures", "corpus", "xls", "anhui-huaibei-2025.xls"));

  test("an .et holding a Workbook stream reads as the .xls does", async () => {
    const dir = tempFolder("et-");
    writeFileSync(join(dir, "目标表.et"), xls);
    writeFileSync(join(dir, "目标表.xls"), xls);
    const et = await readInput(join(dir, "目标表.et"));
    expect(et.grid).toEqual((await readInput(join(dir, "目标表.xls"))).grid);
    expect(et.grid[5]).toEqual(["项目资金", "年度资金总额:", 5]);
  });

  test("a cut or damaged file gets the one line, never a crash or a hang", async () => {
    const dir = tempFolder("xls-");
    writeFileSync(join(dir, "cut.xls"), xls.subarray(0, 1536));
    const error = await readInput(join(dir, "cut.xls")).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "InputError", reason: "legacy-format" });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(xls.length - 1), fc.nat(255)), { minLength: 1, maxLength: 8 }),
        (edits) => {
          const damaged = Uint8Array.from(xls);
          for (const [at, byte] of edits) damaged[at] = byte;
          try {
            readXlsSheets(damaged);
          } catch (e) {
            expect(["XlsFormatError", "CfbFormatError"]).toContain((e as Error).name);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("an .et or .xls is read by what its bytes are, not by its name (sniff-workbook.ts cites each variant)", () => {
  const corpus = join(__dirname, "..", "fixtures", "corpus");
  const misnamed = (file: string) => join(corpus, "misnamed", file);
  const twoForms = join(corpus, "sheets", "two-forms.xlsx");

  test.each<[string, string]>([
    ["BIFF8 with the header CLSID WPS writes (SheetJS #1419)", "two-forms.et"],
    ["an .xlsx package under an .et name", "two-forms-xlsx.et"],
  ])("%s: the analysis of the .xlsx, both sheets", async (_about, file) => {
    const result = await fixtureResult(misnamed(file));
    expect(result).toEqual(await fixtureResult(twoForms));
    expect(result.tables.map((t) => t.split(" | ")[0])).toEqual(["淮北", "青山"]);
  });

  test("the WPS header is really there, and the same bytes with a zero CLSID read the same", async () => {
    const et = readFileSync(misnamed("two-forms.et"));
    expect(et.subarray(8, 24).toString("hex")).toBe("2008020000000000c000000000000046");
    const plain = readFileSync(join(corpus, "sheets", "two-forms.xls"));
    expect(readXlsSheets(et)).toEqual(readXlsSheets(plain));
  });

  test("a system's HTML export named .xls reads as the page does", async () => {
    const page = await fixtureResult(join(corpus, "html", "hubei-qingshan-2021.html"));
    const xls = await fixtureResult(misnamed("hubei-qingshan-2021.xls"));
    expect(xls.detail.length).toBeGreaterThan(5);
    expect(xls).toEqual(page);
  });

  test("tab-separated text named .xls reads as the .tsv does", async () => {
    const dir = tempFolder("tsv-as-xls-");
    const tsv = join(__dirname, "..", "fixtures", "tables", "string-variants.tsv");
    writeFileSync(join(dir, "string-variants.xls"), readFileSync(tsv));
    expect(await fixtureResult(join(dir, "string-variants.xls"))).toEqual(await fixtureResult(tsv));
  });

  test("an Excel 97-2003 file renamed .xlsx reads as the .xls does", async () => {
    const dir = tempFolder("xls-as-xlsx-");
    writeFileSync(join(dir, "two-forms.xlsx"), readFileSync(join(corpus, "sheets", "two-forms.xls")));
    expect(await fixtureResult(join(dir, "two-forms.xlsx"))).toEqual(await fixtureResult(twoForms));
  });

  test("XML Spreadsheet 2003 named .xls gets the one line on saving it as .xlsx", async () => {
    const error = await readInput(misnamed("xml-spreadsheet.xls")).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "InputError", reason: "legacy-format" });
    const line = describeInputError(error, inputErrorsZhCN, (p) => basename(p));
    expect(line).toContain("Excel 工作簿（*.xlsx）");
  });
});
