/**
 * The mark cycle as a clerk lives it: run → fix the source → re-run → clean. Marks are one cell's style each,
 * adjacent ones included; a re-run clears every earlier mark cell by cell and gives back the clerk's own fill,
 * even when it is Excel's "Bad" or "Neutral" colour, which is the marks' own colour.
 */
import { written } from "../../testing/written-workbook";
import ExcelJS from "exceljs";
import { readFileSync } from "fs";
import { nodeZipCodec } from "../../src/xlsx/node-zip-codec";
import { normalizeInput } from "../../src/xlsx/normalize-workbook";
import { readInputBytes } from "../../src/xlsx/read-input";
import { StylesPart, withAttributes } from "../../src/xlsx/styles-part";
import { SAMPLE_PATH } from "../../testing/sample";
import {
  assertWellFormed,
  cellStyles,
  partText,
  sheetPartOf,
  unzipParts,
  withPart,
  zipParts,
} from "./package-helpers";

const BAD = "FFFFC7CE";
const NEUTRAL = "FFFFEB9C";
const GREEN = "FF00B050";

/**
 * The sample cut to two projects of one unit (rows 12 and 13), its totals in cells B10:C13. `wrong` puts
 * errors in adjacent cells. Every cell of A10:G13 carries a fill of the clerk's: green in A, Excel's "Bad" in B
 * (with its dark red font), "Neutral" in C.
 */
async function clerkWorkbook(wrong: boolean): Promise<Uint8Array> {
  const lines = readFileSync(SAMPLE_PATH, "utf8").split(/\r?\n/);
  const project = lines[11]!.split("\t");
  const rows = [
    ...lines.slice(0, 9).map((l) => l.split("\t")),
    ["合计", 36, 36],
    ["广州市白云区人民政府办公室", 36, 36],
    [project[0], wrong ? 19 : 18, 18, null, null, project[5], project[6]],
    [`${project[0]}（二）`, 18, wrong ? 17 : 18, null, null, project[5], project[6]],
  ];
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("目标表");
  rows.forEach((row, r) =>
    row.forEach(
      (v, c) => v !== null && v !== "" && v !== undefined && (sheet.getCell(r + 1, c + 1).value = v),
    ),
  );
  for (let r = 10; r <= 13; r++) {
    for (const [column, argb] of [
      ["A", GREEN],
      ["B", BAD],
      ["C", NEUTRAL],
    ] as const) {
      const cell = sheet.getCell(`${column}${r}`);
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb } };
      if (argb === BAD) cell.font = { color: { argb: "FF9C0006" } };
    }
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}

async function normalize(bytes: Uint8Array) {
  const input = await readInputBytes("book.xlsx", bytes, { codec: nodeZipCodec });
  return written(await normalizeInput(input, { locale: "zh-CN", codec: nodeZipCodec }));
}

function sourceStyles(bytes: Uint8Array): { styles: Map<string, number>; part: StylesPart; xml: string } {
  const parts = unzipParts(bytes);
  const xml = partText(parts, sheetPartOf(parts, "目标表"));
  return { styles: cellStyles(xml), part: new StylesPart(partText(parts, "xl/styles.xml")), xml };
}

function fillColor(part: StylesPart, style: number): string | null {
  return /fgColor rgb="([0-9A-F]{8})"/.exec(part.fillOfXf(style) ?? "")?.[1] ?? null;
}

/** The bad table's values corrected in the package itself, as the clerk would in Excel. */
function fix(bytes: Uint8Array): Uint8Array {
  const parts = unzipParts(bytes);
  return withPart(bytes, sheetPartOf(parts, "目标表"), (xml) =>
    xml
      .replace(/(<c r="B12"[^>]*><v>)19(<\/v>)/, "$118$2")
      .replace(/(<c r="C13"[^>]*><v>)17(<\/v>)/, "$118$2"),
  );
}

let original: Awaited<ReturnType<typeof clerkWorkbook>>;
let first: Awaited<ReturnType<typeof normalize>>;

beforeAll(async () => {
  original = await clerkWorkbook(true);
  first = await normalize(original);
});

test("the first run marks the wrong cells, adjacent ones included, each with its own style", () => {
  const marks = first.plan.marks.map((m) => m.cell);
  // B11 and C11 (the unit's totals) are side by side, and B12 under B11: adjacent marks, each its own cell.
  expect(marks).toEqual(expect.arrayContaining(["B11", "C11", "B12"]));
  const { styles, part } = sourceStyles(first.bytes);
  const before = sourceStyles(original);
  for (const mark of first.plan.marks) {
    expect([mark.cell, fillColor(part, styles.get(mark.cell)!)]).toEqual([
      mark.cell,
      `FF${mark.color.slice(1)}`,
    ]);
    // The mark copies the cell's format: the clerk's dark red font stays under a red mark.
    const xf = part.item("cellXfs", styles.get(mark.cell)!)!;
    const was = before.part.item("cellXfs", before.styles.get(mark.cell) ?? 0)!;
    expect(/fontId="(\d+)"/.exec(xf)?.[1]).toBe(/fontId="(\d+)"/.exec(was)?.[1]);
  }
  for (const [cell, style] of before.styles)
    if (!marks.includes(cell)) expect([cell, styles.get(cell)]).toEqual([cell, style]);
});

test("fix → re-run: every cell has exactly the clerk's style again, Bad and Neutral fills included", async () => {
  const second = await normalize(fix(first.bytes));
  expect(second.analysis.issues.filter((i) => i.severity === "error")).toEqual([]);
  const after = sourceStyles(second.bytes);
  const before = sourceStyles(original);
  for (const [cell, style] of before.styles) expect([cell, after.styles.get(cell)]).toEqual([cell, style]);
  expect(fillColor(after.part, after.styles.get("B12")!)).toBe(BAD);
  expect(fillColor(after.part, after.styles.get("C13")!)).toBe(NEUTRAL);
  expect(second.marksLeft).toBe(0);
  // The tool's sheets were replaced, not doubled, and no record of marks is left.
  const parts = unzipParts(second.bytes);
  const workbook = partText(parts, "xl/workbook.xml");
  expect([...workbook.matchAll(/<sheet [^>]*?name="([^"]+)"/g)].map((m) => m[1])).toEqual([
    "目标表",
    "指标明细",
    "校验结果",
  ]);
  expect(workbook).not.toContain("IndicatorNormalizer.Source");
  expect([...parts.keys()].some((n) => n.startsWith("customXml/"))).toBe(false);
});

test("a mark whose fill the clerk changed since is theirs: left, and counted", async () => {
  const before = sourceStyles(first.bytes);
  const green = before.styles.get("A12")!;
  const parts = unzipParts(first.bytes);
  const changed = withPart(first.bytes, sheetPartOf(parts, "目标表"), (xml) =>
    xml.replace(/<c r="B12" s="\d+"/, `<c r="B12" s="${green}"`),
  );
  const second = await normalize(fix(changed));
  expect(second.marksLeft).toBe(1);
  expect(sourceStyles(second.bytes).styles.get("B12")).toBe(green);
});

test("a mark restyled since (another program renumbered the formats, or a new font): the fill comes back, the rest stays", async () => {
  const parts = unzipParts(first.bytes);
  const { styles, part } = sourceStyles(first.bytes);
  const marked = part.item("cellXfs", styles.get("B12")!)!;
  const bold = part.count("fonts");
  let bytes = withPart(first.bytes, "xl/styles.xml", (xml) =>
    xml
      .replace(
        /<fonts count="(\d+)">([\s\S]*?)<\/fonts>/,
        (_m, n: string, body: string) =>
          `<fonts count="${Number(n) + 1}">${body}<font><b/><sz val="11"/></font></fonts>`,
      )
      .replace(
        /<cellXfs count="(\d+)">([\s\S]*?)<\/cellXfs>/,
        (_m, n: string, body: string) =>
          `<cellXfs count="${Number(n) + 1}">${body}${marked.replace(/fontId="\d+"/, `fontId="${bold}"`)}</cellXfs>`,
      ),
  );
  const restyled = part.count("cellXfs");
  bytes = withPart(bytes, sheetPartOf(parts, "目标表"), (xml) =>
    xml.replace(/<c r="B12" s="\d+"/, `<c r="B12" s="${restyled}"`),
  );
  const second = await normalize(fix(bytes));
  const after = sourceStyles(second.bytes);
  const xf = after.part.item("cellXfs", after.styles.get("B12")!)!;
  expect(fillColor(after.part, after.styles.get("B12")!)).toBe(BAD);
  expect(xf).toContain(`fontId="${bold}"`);
});

test("a clerk's own sheet called 指标明细 is not the tool's: kept, and the tool's goes beside it", async () => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(await clerkWorkbook(false)) as unknown as ArrayBuffer); // ExcelJS types predate Node's generic Buffer
  book.addWorksheet("指标明细").getCell("A1").value = "mine";
  const result = await normalize(new Uint8Array(await book.xlsx.writeBuffer()));
  const again = await normalize(result.bytes);
  const workbook = partText(unzipParts(again.bytes), "xl/workbook.xml");
  expect([...workbook.matchAll(/<sheet [^>]*?name="([^"]+)"/g)].map((m) => m[1])).toEqual([
    "目标表",
    "指标明细",
    "指标明细 (2)",
    "校验结果",
  ]);
  const back = await readInputBytes("x.xlsx", again.bytes, { sheet: "指标明细", codec: nodeZipCodec });
  expect(back.grid).toEqual([["mine"]]);
});

test("marks recorded by the add-in (a pattern and a colour per cell, no format index) are restored too", async () => {
  const parts = unzipParts(first.bytes);
  const item = [...parts.keys()].find((n) => /^customXml\/item\d+\.xml$/.test(n))!;
  const addinForm = withPart(first.bytes, item, (xml) =>
    xml
      .replace('tool="cli"', 'tool="addin"')
      .replace(/ style="\d+" previousStyle="\d+"/g, "")
      .replace(/>[^<]*<\/mark>/g, "/>"),
  );
  expect(partText(unzipParts(addinForm), item)).not.toContain("previousStyle");
  const second = await normalize(fix(addinForm));
  expect(second.marksLeft).toBe(0);
  const after = sourceStyles(second.bytes);
  expect(fillColor(after.part, after.styles.get("C11")!)).toBe(NEUTRAL);
  expect(fillColor(after.part, after.styles.get("B12")!)).toBe(BAD);
});

test("a forged record that tries to inject XML into styles.xml: nothing of it is written, its cell is left and counted", async () => {
  const parts = unzipParts(first.bytes);
  const item = [...parts.keys()].find((n) => /^customXml\/item\d+\.xml$/.test(n))!;
  const injection =
    '<fill><patternFill patternType="none"/></fill></fills><cellXfs count="1"><xf INJECTED="1"/></cellXfs><fills count="1"><fill>';
  const escaped = injection.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  // B12's mark: a format index that no longer matches (so its fill would be put back) and the injected text.
  const forged = withPart(first.bytes, item, (xml) =>
    xml.replace(
      /<mark cell="B12"([^>]*?)(\/>|>[\s\S]*?<\/mark>)/,
      (_m, attrs: string) =>
        `<mark cell="B12"${attrs.replace(/ style="\d+"/, ' style="99999"')}>${escaped}</mark>`,
    ),
  );
  expect(partText(unzipParts(forged), item)).toContain("INJECTED");
  const second = await normalize(fix(forged));
  const styles = partText(unzipParts(second.bytes), "xl/styles.xml");
  expect(styles).not.toContain("INJECTED");
  assertWellFormed(styles, "xl/styles.xml");
  expect(second.marksLeft).toBe(1);
  const after = sourceStyles(second.bytes);
  expect(after.styles.get("B12")).toBe(sourceStyles(first.bytes).styles.get("B12"));
  // The other marks of the record are restored as ever.
  expect(fillColor(after.part, after.styles.get("C13")!)).toBe(NEUTRAL);
});

test("the record part dropped by another program (pandas, openpyxl) but the Cells names kept: those cells are marks to clear", async () => {
  const parts = unzipParts(first.bytes);
  for (const name of [...parts.keys()]) if (name.startsWith("customXml/")) parts.delete(name);
  const rels = "xl/_rels/workbook.xml.rels";
  parts.set(
    rels,
    new TextEncoder().encode(partText(parts, rels).replace(/<Relationship [^>]*customXml[^>]*\/>/g, "")),
  );
  const dropped = zipParts(parts);
  expect(partText(unzipParts(dropped), "xl/workbook.xml")).toContain("IndicatorNormalizer.Cells.1");
  const second = await normalize(fix(dropped));
  expect(second.analysis.issues.filter((i) => i.severity === "error")).toEqual([]);
  expect(second.marksLeft).toBe(0);
  const after = sourceStyles(second.bytes);
  // Without the part the previous fills are unknown: each mark is cleared to no fill (the legacy Marks rule).
  for (const { cell } of first.plan.marks)
    expect([cell, fillColor(after.part, after.styles.get(cell)!)]).toEqual([cell, null]);
  const before = sourceStyles(original);
  expect(after.styles.get("A12")).toBe(before.styles.get("A12"));
});

test("formats renumbered by another program (the recorded previous index names another format now): the cell keeps its format, the fill comes back", async () => {
  const previous = sourceStyles(original).styles.get("B12")!;
  const { part } = sourceStyles(first.bytes);
  const numFmt = (xf: string) => /numFmtId="(\d+)"/.exec(xf)?.[1];
  const kept = numFmt(part.item("cellXfs", sourceStyles(first.bytes).styles.get("B12")!)!);
  expect(kept).not.toBe("49");
  // As after a LibreOffice save: the index the record names is now a text format (49), the mark's is as it was.
  let n = -1;
  const renumbered = withPart(first.bytes, "xl/styles.xml", (xml) =>
    xml.replace(/<cellXfs\b[\s\S]*?<\/cellXfs>/, (section) =>
      section.replace(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g, (xf) =>
        ++n === previous ? withAttributes(xf, { numFmtId: "49", applyNumberFormat: "1" }) : xf,
      ),
    ),
  );
  const second = await normalize(fix(renumbered));
  const after = sourceStyles(second.bytes);
  const b12 = after.styles.get("B12")!;
  expect(b12).not.toBe(previous);
  expect(numFmt(after.part.item("cellXfs", b12)!)).toBe(kept);
  expect(fillColor(after.part, b12)).toBe(BAD);
});
