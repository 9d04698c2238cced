/**
 * The table of text: every character XML 1.0 cannot hold, and literal escapes, survive a trip through the
 * written package exactly, in shared strings and inline strings alike; characters no program can be trusted to
 * keep are reported with their cell.
 */
import { written } from "../../testing/written-workbook";
import type { CellValue } from "../../src/core/model/grid";
import { normalizeInput } from "../../src/xlsx/normalize-workbook";
import { gridInput, readInputBytes } from "../../src/xlsx/read-input";
import { nodeZipCodec } from "../../src/xlsx/node-zip-codec";
import { assertWellFormed, partText, unzipParts, withPart, zipParts } from "./package-helpers";

const C0 = Array.from({ length: 32 }, (_v, code) => `C0-${code}:${String.fromCharCode(code)}.`);
const TRICKY: readonly string[] = [
  "U+FFFE:\uFFFE",
  "U+FFFF:\uFFFF",
  ...C0,
  "lone high:\uD800.",
  "lone low:\uDC00.",
  "pair:😀",
  "literal:_x000D_ and _x005F_ and _xFFFF_",
  "carriage\r\nreturn",
  "  leading and trailing blanks  ",
];

/** A grid with a minimal table (so the analysis runs) and a column of every tricky string. */
function trickyGrid(): CellValue[][] {
  return [["项目名称", "绩效指标", "备注"], ...TRICKY.map((t, i): CellValue[] => [`项目${i + 1}`, null, t])];
}

async function writeAndReadBack(grid: CellValue[][]) {
  const input = gridInput("tricky.tsv", grid);
  const result = written(await normalizeInput(input, { locale: "zh-CN", codec: nodeZipCodec }));
  const back = await readInputBytes("out.xlsx", result.bytes, { sheet: "tricky", codec: nodeZipCodec });
  return { result, back };
}

test("every string reads back exactly from the written package (inline strings)", async () => {
  const grid = trickyGrid();
  const { back, result } = await writeAndReadBack(grid);
  const column = back.grid.slice(1).map((row) => row[2]);
  expect(column).toEqual([...TRICKY]);
  const parts = unzipParts(result.bytes);
  for (const [name, bytes] of parts)
    if (name.endsWith(".xml")) assertWellFormed(new TextDecoder().decode(bytes), name);
});

test("lone surrogates and non-characters are reported as issues with their cell, and kept", async () => {
  const { result } = await writeAndReadBack(trickyGrid());
  const found = result.analysis.issues.filter((i) => i.rule === "invalid-character");
  const cellOf = (text: string) => `C${TRICKY.indexOf(text) + 2}`;
  expect(found.map((i) => [i.cell, i.details.text])).toEqual([
    [cellOf("U+FFFE:\uFFFE"), "U+FFFE"],
    [cellOf("U+FFFF:\uFFFF"), "U+FFFF"],
    [cellOf("lone high:\uD800."), "U+D800"],
    [cellOf("lone low:\uDC00."), "U+DC00"],
  ]);
  expect(found.every((i) => i.severity === "warning" && i.message.includes(i.details.text!))).toBe(true);
  // They are listed on the checks sheet too, and the cells are marked.
  expect(result.plan.marks.map((m) => m.cell)).toEqual(expect.arrayContaining(found.map((i) => i.cell)));
});

test("shared strings with escapes and rich-text runs decode the same way; phonetic runs are left out", async () => {
  const { result } = await writeAndReadBack(trickyGrid());
  const escaped = ["a_x000D_b", "_x005F_x000D_", "x_xFFFE_y", "tab&#9;here"];
  const shared =
    '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    escaped.map((t) => `<si><t>${t}</t></si>`).join("") +
    '<si><r><t>富</t></r><r><rPr><b/></rPr><t>文本</t></r><rPh sb="0" eb="1"><t>フ</t></rPh></si></sst>';
  let bytes = withPart(result.bytes, "[Content_Types].xml", (xml) =>
    xml.replace(
      "</Types>",
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    ),
  );
  bytes = withPart(bytes, "xl/_rels/workbook.xml.rels", (xml) =>
    xml.replace(
      "</Relationships>",
      '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    ),
  );
  const parts = unzipParts(bytes);
  parts.set("xl/sharedStrings.xml", new TextEncoder().encode(shared));
  bytes = withPart(zipParts(parts), "xl/worksheets/sheet1.xml", (xml) =>
    xml.replace(
      /<sheetData>[\s\S]*<\/sheetData>/,
      `<sheetData><row r="1">${[0, 1, 2, 3, 4].map((i) => `<c r="${"ABCDE"[i]}1" t="s"><v>${i}</v></c>`).join("")}` +
        '<c r="F1" t="inlineStr"><is><r><t>内</t></r><r><t xml:space="preserve"> 联_x0009_</t></r></is></c></row></sheetData>',
    ),
  );
  const back = await readInputBytes("out.xlsx", bytes, { sheet: "tricky", codec: nodeZipCodec });
  expect(back.grid[0]).toEqual(["a\rb", "_x000D_", "x\uFFFEy", "tab\there", "富文本", "内 联\t"]);
  expect(partText(parts, "xl/sharedStrings.xml")).toContain("rPh");
});
