/**
 * A clerk's workbook with a chart, an image, a pivot table, comments, data validation, conditional formats,
 * defined names, print titles and a hidden sheet (test/fixtures/kept-parts.xlsx, made by
 * scripts/make-kept-parts-workbook.py with openpyxl and LibreOffice). `normalize` keeps every part it does not
 * have to change byte for byte, LibreOffice opens the result, and every source value reads back equal.
 */
import { written, type WrittenWorkbook } from "../../testing/written-workbook";
import { readFileSync } from "fs";
import { join } from "path";
import { nodeZipCodec } from "../../src/xlsx/node-zip-codec";
import { writeNormalizedPackage } from "../../src/xlsx/edit-package";
import { normalizeInput } from "../../src/xlsx/normalize-workbook";
import { readInputBytes } from "../../src/xlsx/read-input";
import { StylesPart } from "../../src/xlsx/styles-part";
import {
  assertWellFormed,
  cellStyles,
  libreOfficeOpens,
  libreOfficeSaves,
  partText,
  sheetPartOf,
  unzipParts,
} from "./package-helpers";

const FIXTURE = join(__dirname, "..", "fixtures", "kept-parts.xlsx");
const input = new Uint8Array(readFileSync(FIXTURE));
const before = unzipParts(input);
let result: WrittenWorkbook;
let after: Map<string, Uint8Array>;

beforeAll(async () => {
  const table = await readInputBytes("kept-parts.xlsx", input, { codec: nodeZipCodec });
  result = written(await normalizeInput(table, { locale: "zh-CN", codec: nodeZipCodec }));
  after = unzipParts(result.bytes);
});

test("the fixture has what a clerk's workbook has", () => {
  const names = [...before.keys()];
  for (const kind of ["charts/", "media/", "pivotTables/", "pivotCache/", "comments", "drawings/"])
    expect(names.some((n) => n.includes(kind))).toBe(true);
  const workbook = partText(before, "xl/workbook.xml");
  expect(workbook).toContain('state="hidden"');
  expect(workbook).toContain("_xlnm.Print_Titles");
  expect(workbook).toContain("金额合计");
  const sheet = partText(before, sheetPartOf(before, "目标表"));
  expect(sheet).toContain("<dataValidation");
  expect(sheet).toContain("<conditionalFormatting");
});

test("every part but the ones the tool must change is byte-identical", () => {
  const source = sheetPartOf(before, "目标表");
  // The notes on marked cells go beside the clerk's comment, in the sheet's comments part and VML drawing.
  const mayChange = new Set([
    "xl/workbook.xml",
    "xl/_rels/workbook.xml.rels",
    "[Content_Types].xml",
    "xl/styles.xml",
    "xl/comments1.xml",
    "xl/drawings/vmlDrawing1.vml",
    source,
  ]);
  for (const [name, bytes] of before) {
    if (mayChange.has(name)) continue;
    expect([name, Buffer.from(after.get(name) ?? []).equals(Buffer.from(bytes))]).toEqual([name, true]);
  }
  const added = [...after.keys()].filter((n) => !before.has(n)).sort();
  expect(added).toEqual(
    [
      "customXml/_rels/item1.xml.rels",
      "customXml/item1.xml",
      "customXml/itemProps1.xml",
      "xl/tables/table1.xml",
      "xl/tables/table2.xml",
      "xl/worksheets/_rels/sheet5.xml.rels",
      "xl/worksheets/_rels/sheet6.xml.rels",
      "xl/worksheets/sheet5.xml",
      "xl/worksheets/sheet6.xml",
    ].sort(),
  );
  for (const name of [...mayChange, ...added]) assertWellFormed(partText(after, name), name);
});

test("the clerk's comment and its box are kept as written; each marked cell gets a note beside them", () => {
  const clerk = /<comment ref="A9"[\s\S]*?<\/comment>/.exec(partText(before, "xl/comments1.xml"))![0];
  const comments = partText(after, "xl/comments1.xml");
  expect(comments).toContain(clerk);
  expect(comments).toContain("<author> </author><author>绩效指标规范化</author>");
  const refs = [...comments.matchAll(/<comment ref="([A-Z]+\d+)"/g)].map((m) => m[1]);
  expect(refs).toEqual(["A9", ...result.plan.notes.map((n) => n.cell)]);
  const clerkShape = /<v:shape id="shape_0"[\s\S]*?<\/v:shape>/.exec(
    partText(before, "xl/drawings/vmlDrawing1.vml"),
  )![0];
  const vml = partText(after, "xl/drawings/vmlDrawing1.vml");
  expect(vml).toContain(clerkShape);
  expect(vml.match(/ObjectType="Note"/g)).toHaveLength(1 + result.plan.notes.length);
});

test("the changed parts only gain: sheets, names, styles appended, marked cells restyled", () => {
  const workbook = partText(after, "xl/workbook.xml");
  // The clerk's names are kept as written, the tool's are added hidden.
  expect(workbook).toContain(
    'localSheetId="0" name="_xlnm.Print_Titles" vbProcedure="false">目标表!9:9</definedName>',
  );
  expect(workbook).toContain('<definedName name="IndicatorNormalizer.Detail" hidden="1">');
  const stylesBefore = partText(before, "xl/styles.xml");
  const stylesAfter = partText(after, "xl/styles.xml");
  const xfs = (xml: string) => /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)![1]!;
  expect(xfs(stylesAfter).startsWith(xfs(stylesBefore))).toBe(true);
  // Outside the marked cells, the source sheet is unchanged but for the sheet view no longer being selected.
  const source = sheetPartOf(before, "目标表");
  const marked = new Set(result.plan.marks.map((m) => m.cell));
  const strip = (xml: string) =>
    xml
      .replace(/<c r="([A-Z]+\d+)"[^>]*?(\/?)>/g, (tag, cell: string) =>
        marked.has(cell) ? `<c r="${cell}">` : tag,
      )
      .replace(/ tabSelected="[^"]*"/, "");
  expect(strip(partText(after, source))).toBe(strip(partText(before, source)));
});

test("all source values read back equal, on every sheet", async () => {
  const read = async (bytes: Uint8Array, sheet: string) =>
    (await readInputBytes("x.xlsx", bytes, { sheet, codec: nodeZipCodec })).grid;
  for (const sheet of ["目标表", "图表", "隐藏", "透视"])
    expect([sheet, await read(result.bytes, sheet)]).toEqual([sheet, await read(input, sheet)]);
});

test("LibreOffice opens the result", () => {
  // On failure the message shows what LibreOffice printed.
  expect(libreOfficeOpens(result.bytes)).toMatchObject({ ok: true });
}, 120_000);

test("after LibreOffice saved the result (formats renumbered), a re-run gives the clerk's Bad and Neutral fills back", async () => {
  const saved = libreOfficeSaves(result.bytes);
  // A run whose plan marks nothing on the table (as on another sheet) restores the table's marks. (normalize itself
  // writes nothing for a sheet without a table, so the package editor is called with such a plan.)
  const reread = await readInputBytes("saved.xlsx", saved, { sheet: "图表", codec: nodeZipCodec });
  const again = await writeNormalizedPackage(reread.package!, reread.record!, {
    ...result.plan,
    sourceSheet: "图表",
    marks: [],
    notes: [],
  });
  expect(again.marksLeft).toBe(0);
  const parts = unzipParts(again.bytes);
  const styles = new StylesPart(partText(parts, "xl/styles.xml"));
  const sheet = cellStyles(partText(parts, sheetPartOf(parts, "目标表")));
  const fill = (cell: string) =>
    /fgColor rgb="([0-9A-F]{8})"/.exec(styles.fillOfXf(sheet.get(cell) ?? 0) ?? "")?.[1] ?? null;
  expect(fill("G25")).toBe("FFFFC7CE");
  expect(fill("G20")).toBe("FFFFEB9C");
  expect(fill("F34")).toBeNull();
  const font = styles.item(
    "fonts",
    Number(/fontId="(\d+)"/.exec(styles.item("cellXfs", sheet.get("G25")!)!)![1]),
  )!;
  expect(font).toContain("9C0006");
  expect([...parts.keys()].some((n) => n.startsWith("customXml/"))).toBe(false);
  expect(partText(parts, "_rels/.rels")).not.toContain("customXml");
}, 120_000);
