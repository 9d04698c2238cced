/**
 * Marks a clerk can tell apart on a black-and-white printer: each kind has its own fill pattern beside its colour
 * (MARK_PATTERNS): an error solid, a warning under diagonal stripes, a consequence dotted, a change under thin
 * lines. Excel and WPS print the patterns; LibreOffice, which has no cell patterns, prints each as its two colours
 * mixed, so there the kinds are four different greys: this test prints the four marks with LibreOffice in grey and
 * reads them back.
 */
import { readFileSync } from "fs";
import { MARK_COLORS, MARK_PATTERNS, type MarkKind, type PlanMark } from "../../src/core";
import { writeNormalizedPackage } from "../../src/xlsx/edit-package";
import { nodeZipCodec } from "../../src/xlsx/node-zip-codec";
import { normalizeInput } from "../../src/xlsx/normalize-workbook";
import { readInputBytes } from "../../src/xlsx/read-input";
import { StylesPart } from "../../src/xlsx/styles-part";
import { SAMPLE_PATH } from "../../testing/sample";
import { written } from "../../testing/written-workbook";
import { cellStyles, libreOfficePrintsGrey, partText, sheetPartOf, unzipParts } from "./package-helpers";

const KINDS: readonly MarkKind[] = ["error", "warning", "consequence", "change"];
/** The sample's empty rows above its table: a mark there prints alone, away from any text. */
const CELLS: Readonly<Record<MarkKind, string>> = {
  error: "B2",
  warning: "B4",
  consequence: "B6",
  change: "B8",
};

let marked: Uint8Array;

beforeAll(async () => {
  const input = await readInputBytes("sample.tsv", readFileSync(SAMPLE_PATH), { codec: nodeZipCodec });
  const result = written(await normalizeInput(input, { locale: "zh-CN", codec: nodeZipCodec }));
  const reread = await readInputBytes("out.xlsx", result.bytes, { codec: nodeZipCodec });
  const marks: PlanMark[] = KINDS.map((kind) => ({
    cell: CELLS[kind],
    severity: kind,
    color: MARK_COLORS[kind],
  }));
  marked = (
    await writeNormalizedPackage(reread.package!, reread.record!, { ...result.plan, marks, notes: [] })
  ).bytes;
});

test("every kind of mark has its own pattern, not only its own colour", () => {
  const patterns = KINDS.map((kind) => MARK_PATTERNS[kind].pattern);
  expect(new Set(patterns).size).toBe(KINDS.length);
  const parts = unzipParts(marked);
  const styles = new StylesPart(partText(parts, "xl/styles.xml"));
  const sheet = cellStyles(partText(parts, sheetPartOf(parts, firstSheetName(parts))));
  const written = KINDS.map((kind) => {
    const fill = styles.fillOfXf(sheet.get(CELLS[kind])!) ?? "";
    return /patternType="(\w+)"/.exec(fill)?.[1];
  });
  expect(written).toEqual(["solid", "lightUp", "gray125", "lightHorizontal"]);
});

test("printed in grey by LibreOffice, the four marks are four greys at least 8 levels apart", () => {
  const { width, height, pixels } = libreOfficePrintsGrey(marked);
  // Down each column of pixels, the runs of one grey (neither white paper, nor text, nor its light anti-aliased edge) at least 5 pixels tall: the
  // column through B2, B4, B6 and B8 meets the four marks, in that order.
  let greys: number[] = [];
  for (let x = 0; x < width && greys.length !== 4; x++) {
    const runs: number[] = [];
    let start = 0;
    for (let y = 1; y <= height; y++) {
      const value = pixels[(y - 1) * width + x]!;
      if (y < height && pixels[y * width + x] === value) continue;
      if (y - start >= 5 && value >= 120 && value <= 235) runs.push(value);
      start = y;
    }
    greys = runs;
  }
  expect(greys).toHaveLength(4);
  const [error, warning, consequence, change] = greys as [number, number, number, number];
  const apart = (a: number, b: number) => Math.abs(a - b);
  const pairs = [
    apart(error, warning),
    apart(error, consequence),
    apart(error, change),
    apart(warning, consequence),
    apart(warning, change),
    apart(consequence, change),
  ];
  expect(Math.min(...pairs)).toBeGreaterThanOrEqual(8);
}, 120_000);

/** The workbook's first sheet: the source, which the marks are on. */
function firstSheetName(parts: Map<string, Uint8Array>): string {
  const workbook = partText(parts, "xl/workbook.xml");
  return /<sheet [^>]*name="([^"]+)"/.exec(workbook)![1]!;
}
