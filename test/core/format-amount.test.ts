import { formatAmount, tableDecimals, tableUsesGrouping } from "../../src/core/messages/format-amount";
import { parseTable } from "../../src/core/analyze-table";
import { loadSampleGrid } from "../../testing/sample";

test.each([
  [495, 2, true, "495.00"],
  [1963.53, 2, true, "1,963.53"],
  [2476540, 2, true, "2,476,540.00"],
  [2476540, 0, false, "2476540"],
  [17.5, 0, true, "17.5"], // a value finer than the table's digits keeps its digits
  [-3, 0, true, "-3"],
  [0, 2, true, "0.00"],
  [-0.001, 2, true, "-0.001"],
  [1234567.891, 2, true, "1,234,567.891"],
])("formatAmount(%s, %i decimals, grouping %s) = %s", (value, decimals, grouping, expected) => {
  expect(formatAmount(value, { decimals, grouping })).toBe(expected);
});

describe("how the sample writes its amounts", () => {
  const parsed = parseTable(loadSampleGrid());
  test("with thousands separators (2,476.54) and two decimals", () => {
    expect(tableUsesGrouping(parsed)).toBe(true);
    expect(tableDecimals(parsed)).toBe(2);
  });

  test("without separators when its four-digit amounts have none", () => {
    const grid = loadSampleGrid().map((row) =>
      row.map((v) => (typeof v === "string" ? v.replace(/(\d),(\d)/g, "$1$2") : v)),
    );
    expect(tableUsesGrouping(parseTable(grid))).toBe(false);
  });

  test("amounts read as numbers (an .xlsx): separators, and the decimals the most precise amount shows", () => {
    const grid = loadSampleGrid().map((row) =>
      row.map((v, c) =>
        c >= 1 && c <= 4 && typeof v === "string" && /^[\d,.]+$/.test(v) ? Number(v.replace(/,/g, "")) : v,
      ),
    );
    const numbers = parseTable(grid);
    expect(tableUsesGrouping(numbers)).toBe(true);
    expect(tableDecimals(numbers)).toBe(2); // 1963.53 shows two; 18 alone would show none
  });
});
