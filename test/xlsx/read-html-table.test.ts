import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { basename, join } from "path";
import { describeInputError } from "../../src/xlsx/describe-input-error";
import { InputError } from "../../src/xlsx/input-error";
import { inputErrorsZhCN } from "../../src/xlsx/messages/zh-CN";
import { readInput } from "../../src/xlsx/read-input";
import { decodeEntities, readHtmlTables } from "../../src/xlsx/read-html-table";

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
      "two tables stacked with a blank row, text outside tables ignored",
      "<p>附件1</p><table><tr><td>a</td></tr></table><p>附件2</p><table><tr><td>b</td></tr></table>",
      [["a"], [], ["b"]],
    ],
    ["no table", "<p>项目名称：设备购置</p>", []],
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

describe("files a clerk has that are not read: one line on how to save them as .xlsx", () => {
  test.each([".xls", ".et", ".XLS"])("%s", async (ext) => {
    const dir = mkdtempSync(join(tmpdir(), "legacy-"));
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
