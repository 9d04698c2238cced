/** Issue #25 at the command line: names that would forge a line, damaged parts named, text past Excel's grid. */
import { copyFileSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { SAMPLE_PATH } from "../../testing/sample";
import { sheetPartOf, unzipParts, withPart } from "../xlsx/package-helpers";
import { rawRows, rawWorkbook } from "../../testing/raw-workbook";
import { runCaptured } from "./run-captured";
import { tempFolder } from "../../testing/temp-folder";

const run = runCaptured;

test("a line feed in a file name cannot forge a summary line: it is shown escaped, on its line", async () => {
  const dir = tempFolder("cli-names-");
  const name = "a\n合计：3 个文件，0 个错误\tb.tsv";
  copyFileSync(SAMPLE_PATH, join(dir, name));
  const r = await run(["check", name, "missing\n.tsv"], dir);
  const lines = r.stdout.split("\n").filter((l) => l !== "");
  // One line per file and the total: the names' line feeds did not start lines.
  expect(lines).toHaveLength(3);
  expect(r.stdout).toContain("a\\u000A合计：3 个文件，0 个错误\\u0009b.tsv：");
  expect(r.stderr + r.stdout).not.toMatch(/missing\n/);
  const json = await run(["check", name, "--format", "json"], dir);
  expect(JSON.parse(json.stdout).files[0].file).toBe("a\\u000A合计：3 个文件，0 个错误\\u0009b.tsv");
});

describe("a damaged part is named", () => {
  const table = rawWorkbook({ sheet: rawRows([["项目名称", "总计", "绩效指标"]]) });

  // The part's last end tag made an unclosed start tag: `</workbook>` → `<workbook`.
  const damage = (xml: string): string => xml.replace(/<\/(\w+)>$/, "<$1");
  test.each(["xl/workbook.xml", "xl/_rels/workbook.xml.rels"])("%s", async (part) => {
    const dir = tempFolder("cli-parts-");
    writeFileSync(join(dir, "t.xlsx"), withPart(table, part, damage));
    const r = await run(["check", "t.xlsx"], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(`t.xlsx 不是有效的 .xlsx 文件：其中的部件 ${part} 无法读取（`);
  });
});

describe("Excel's grid holds for text input too", () => {
  test.each([
    ["wider than XFD", `项目名称\t总计${"\tx".repeat(16_383)}\n甲\t1\n`, "超出 Excel 的 16,384 列上限"],
    [
      "longer than 1,048,576 rows",
      `项目名称\t总计\n${"甲\t1\n".repeat(1_048_576)}`,
      "超出 Excel 的 1,048,576 行上限",
    ],
  ])("%s: refused with one line, nothing written", async (_label, text, message) => {
    const dir = tempFolder("cli-grid-");
    writeFileSync(join(dir, "t.tsv"), text);
    const r = await run(["normalize", "t.tsv", "-o", "out.xlsx"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
});

test("a column the clerk typed into 校验结果 is not replaced without a word on a re-run", async () => {
  const dir = tempFolder("cli-rerun-");
  copyFileSync(SAMPLE_PATH, join(dir, "t.tsv"));
  expect((await run(["normalize", "t.tsv", "-o", "first.xlsx"], dir)).code).toBe(0);
  const first = readFileSync(join(dir, "first.xlsx"));
  const sheet = sheetPartOf(unzipParts(first), "校验结果");
  const typed = withPart(first, sheet, (xml) =>
    xml.replace(
      "</sheetData>",
      '<row r="900"><c r="Z900" t="inlineStr"><is><t>已与财政局核实</t></is></c></row></sheetData>',
    ),
  );
  writeFileSync(join(dir, "typed.xlsx"), typed);
  const again = await run(["normalize", "typed.xlsx", "-o", "second.xlsx"], dir);
  expect(again.code).toBe(0);
  expect(again.stdout).toContain("上次的「校验结果」表中 Z 列有不是本工具写的内容");
  // Untouched, the sheets are replaced without that line.
  const plain = await run(["normalize", "first.xlsx", "-o", "third.xlsx"], dir);
  expect(plain.stdout).not.toContain("不是本工具写的内容");
});
