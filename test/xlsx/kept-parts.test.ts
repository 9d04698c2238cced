/**
 * A clerk's workbook with a chart, an image, a pivot table, comments, data validation, conditional formats,
 * defined names, print titles and a hidden sheet (test/fixtures/kept-parts.xlsx, made by
 * scripts/make-kept-parts-workbook.py with openpyxl and LibreOffice). `normalize` keeps every part it does not
 * have to change byte for byte, LibreOffice opens the result, and every source value reads back equal.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { nodeZipCodec } from "../../src/xlsx/node-zip-codec";
import { normalizeInput, type NormalizedWorkbook } from "../../src/xlsx/normalize-workbook";
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
let result: NormalizedWorkbook;
let after: Map<string, Uint8Array>;

beforeAll(async () => {
  const table = await readInputBytes("kept-parts.xlsx", input, { codec: nodeZipCodec });
  result = await normalizeInput(table, { locale: "zh-CN", codec: nodeZipCodec });
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
  const mayChange = new Set([
    "xl/workbook.xml",
    "xl/_rels/workbook.xml.rels",
    "[Content_Types].xml",
    "xl/styles.xml",
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
  // Analysing another sheet restores the marks on the table and marks nothing new there.
  const again = await normalizeInput(
    await readInputBytes("saved.xlsx", saved, { sheet: "图表", codec: nodeZipCodec }),
    {
      locale: "zh-CN",
      codec: nodeZipCodec,
    },
  );
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
