/** Issue #25: merged ranges blanked as Excel holds them, in time linear in the ranges and cells however many. */
import fc from "fast-check";
import type { CellValue } from "../../src/core/model/grid";
import { readInputBytes } from "../../src/xlsx/read-input";
import { columnName, rawRows, rawWorkbook } from "../../testing/raw-workbook";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

function withMerges(rows: (string | number | null)[][], refs: readonly string[]): Uint8Array {
  const merges = refs.length
    ? `<mergeCells count="${refs.length}">${refs.map((r) => `<mergeCell ref="${r}"/>`).join("")}</mergeCells>`
    : "";
  return rawWorkbook({
    sheet: `<?xml version="1.0"?><worksheet xmlns="${MAIN}"><sheetData>${rawRows(rows)}</sheetData>${merges}</worksheet>`,
  });
}

/** What Excel shows: every cell of a range but its top-left empty (each range on its own, as the old reader did). */
function naive(
  rows: (string | number | null)[][],
  ranges: [number, number, number, number][],
): CellValue[][] {
  const grid = rows.map((row) => [...row]);
  const corners = new Set(ranges.map(([t, l]) => `${t}:${l}`));
  for (const [t, l, b, r] of ranges)
    for (let y = t; y <= b; y++)
      for (let x = l; x <= r; x++)
        if (grid[y]?.[x] !== undefined && !corners.has(`${y}:${x}`)) grid[y]![x] = null;
  return grid;
}

test("any ranges, overlapping or repeated, blank the same cells as blanking each range on its own", async () => {
  const range = fc
    .tuple(fc.nat(6), fc.nat(6), fc.nat(6), fc.nat(6))
    .map(([a, b, c, d]): [number, number, number, number] => [
      Math.min(a, c),
      Math.min(b, d),
      Math.max(a, c),
      Math.max(b, d),
    ]);
  await fc.assert(
    fc.asyncProperty(fc.array(range, { maxLength: 6 }), async (ranges) => {
      const rows = Array.from({ length: 5 }, (_, r) => Array.from({ length: 5 }, (_, c) => r * 10 + c + 1));
      const refs = ranges.map(([t, l, b, r]) => `${columnName(l + 1)}${t + 1}:${columnName(r + 1)}${b + 1}`);
      const input = await readInputBytes("m.xlsx", withMerges(rows, refs));
      const expected = naive(rows, ranges);
      expect(input.grid.map((row) => [...row])).toEqual(expected);
    }),
    { numRuns: 150 },
  );
});

test("50,000 copies of one large range: the covered cells empty, the corner kept", async () => {
  const rows = Array.from({ length: 2_000 }, (_, r) => ["项目", r, r, r, r]);
  const input = await readInputBytes("m.xlsx", withMerges(rows, Array(50_000).fill("B1:E2000")));
  expect(input.grid[0]).toEqual(["项目", 0, null, null, null]);
  expect(input.grid[1_999]).toEqual(["项目", null, null, null, null]);
});
