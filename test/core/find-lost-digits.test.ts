import { analyzeTable } from "../../src/core/analyze-table";
import { findLostDigits } from "../../src/core/check/find-lost-digits";
import { loadSampleGrid } from "../../testing/sample";

describe("findLostDigits: numbers Excel kept to 15 digits", () => {
  test.each([
    [12345678901234500000, "12345678901234500000"],
    [1e15, "1000000000000000"],
    [-4401112200000000000, "-4401112200000000000"],
    ["1.23457E+19", "1.23457E+19"],
    ["1.23E+19", "1.23E+19"],
    [" 9E+15 ", "9E+15"],
  ])("%p lost digits (quoted as %s)", (value, text) => {
    expect(findLostDigits([[null, value]], { row: 5, column: 2 })).toMatchObject([
      { rule: "digits-lost", severity: "warning", cell: "C5", details: { text } },
    ]);
  });

  test.each([
    [999999999999999],
    [2476.54],
    ["12345678901234567890"],
    ["1.5E+3"],
    ["1.23457E-19"],
    ["数量指标：≥1.2E+19 次"],
    [true],
    [null],
  ])("%p did not", (value) => {
    expect(findLostDigits([[value]], { row: 1, column: 1 })).toEqual([]);
  });

  test("the analysis warns on such a cell anywhere on the sheet, and only there", () => {
    const grid = loadSampleGrid().map((row) => [...row]);
    const before = analyzeTable(grid).issues.length;
    grid[11]![7] = 44011122000000000000;
    const issues = analyzeTable(grid).issues;
    expect(issues).toHaveLength(before + 1);
    expect(issues.filter((i) => i.rule === "digits-lost").map((i) => i.cell)).toEqual(["H12"]);
  });
});
