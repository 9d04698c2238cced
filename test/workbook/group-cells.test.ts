import { contiguousBlocks, joinAreas } from "../../src/workbook/group-cells";
import { intersectRects, parseRangeAddress, rectAddress } from "../../src/workbook/range-address";
import fc from "fast-check";
import { cellAddress, parseCellAddress } from "../../src/core/model/cell-address";

describe("contiguousBlocks covers exactly the given cells with few rectangles", () => {
  test.each([
    [["B2"], ["B2"]],
    [["B2", "B3", "B4"], ["B2:B4"]],
    [
      ["B2", "B3", "C2", "C3", "E9"],
      ["B2:C3", "E9"],
    ],
    [
      ["B2", "B4"],
      ["B2", "B4"],
    ],
    [["C5", "B5", "B5"], ["B5:C5"]],
    [
      ["A1", "A2", "B2"],
      ["A1:A2", "B2"],
    ],
  ])("%j → %j", (cells, blocks) => {
    expect(contiguousBlocks(cells)).toEqual(blocks);
  });

  test("nothing lost, nothing added", () => {
    const cell = fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 6 }));
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 40 }), (pairs) => {
        const cells = pairs.map(([r, c]) => cellAddress(r, c));
        const covered = new Set<string>();
        for (const block of contiguousBlocks(cells)) {
          const range = parseRangeAddress(block)!;
          for (let r = range.rect.top; r <= range.rect.bottom; r++)
            for (let c = range.rect.left; c <= range.rect.right; c++) covered.add(cellAddress(r, c));
        }
        expect([...covered].sort()).toEqual([...new Set(cells)].sort());
      }),
    );
  });
});

test("joinAreas keeps every address within 2,000 characters and 200 areas (office-js #5198, #4263) and loses none", () => {
  // Short addresses: the area cap binds (3,000 × "B1"-sized areas would fit 2,000 characters ~400 at a time).
  const short = Array.from({ length: 3000 }, (_, i) => `B${i * 2 + 1}`);
  // Long addresses: the length cap binds.
  const long = Array.from({ length: 3000 }, (_, i) => `AA${i * 2 + 100000}:AB${i * 2 + 100001}`);
  for (const addresses of [short, long]) {
    const joined = joinAreas(addresses);
    expect(joined.length).toBeGreaterThan(1);
    for (const areas of joined) {
      expect(areas.length).toBeLessThanOrEqual(2000);
      expect(areas.split(",").length).toBeLessThanOrEqual(200);
    }
    expect(joined.join(",").split(",")).toEqual(addresses);
  }
  expect(joinAreas(short).length).toBe(15);
});

describe("parseRangeAddress reads Office.js addresses", () => {
  test.each([
    ["Sheet1!A1:G133", "Sheet1", "A1:G133"],
    ["'My sheet'!B2", "My sheet", "B2"],
    ["'O''Brien'!C4:C3", "O'Brien", "C3:C4"],
    ["D5:B2", null, "B2:D5"],
  ])("%s", (address, sheet, rect) => {
    const parsed = parseRangeAddress(address)!;
    expect(parsed.sheet).toBe(sheet);
    expect(rectAddress(parsed.rect)).toBe(rect);
  });

  test.each(["A1:B2,C3", "Sheet1!A:A", "", "Sheet1!"])("%j is not one block", (address) => {
    expect(parseRangeAddress(address)).toBeNull();
  });

  test("intersections", () => {
    const a = parseRangeAddress("A1:C10")!.rect;
    expect(rectAddress(intersectRects(a, parseRangeAddress("B5:Z99")!.rect)!)).toBe("B5:C10");
    expect(intersectRects(a, parseRangeAddress("E1")!.rect)).toBeNull();
    expect(parseCellAddress("C10")).toEqual({ row: 10, column: 3 });
  });
});
