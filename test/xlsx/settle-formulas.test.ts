import type { CellValue } from "../../src/core/model/grid";
import { settleFormulas } from "../../src/xlsx/settle-formulas";

/** Settles formulas on a grid and returns what each became, by address. */
function settle(grid: CellValue[][], formulas: Record<string, string>): Record<string, number | string> {
  const pending = Object.entries(formulas).map(([address, formula]) => ({
    r: Number(address.slice(1)) - 1,
    c: address.charCodeAt(0) - 65,
    formula,
  }));
  const out: Record<string, number | string> = {};
  settleFormulas(grid, pending, (r, c, value) => (out[`${String.fromCharCode(65 + c)}${r + 1}`] = value));
  return out;
}

describe("settleFormulas: totals saved as formulas without their result", () => {
  const grid: CellValue[][] = [
    [null, 1.1, "2.2", true],
    [null, "x", 3, "#N/A"],
  ];

  test.each<[string, string, number | string]>([
    ["SUM of a range leaves out text and TRUE, as Excel does", "SUM(B1:D1)", 1.1],
    ["SUM of a block", "SUM(B1:C2)", 4.1],
    ["an error value in the range makes the sum an error, as in Excel", "SUM(B1:D2)", "=SUM(B1:D2)"],
    ["+ and - read a number written as text", "B1+C1-C2", 0.3],
    ["an empty cell is 0", "A1+B1", 1.1],
    ["SUM of cells and ranges, absolute references", "SUM($B$1,C2:C2)", 4.1],
    ["parentheses and a leading minus", "-(B1+C2)", -4.1],
    ["a number", "=B1+10", 11.1],
    ["another function is not worked out", "VLOOKUP(A1,B1:C2,2)", "=VLOOKUP(A1,B1:C2,2)"],
    ["another sheet is not", "Sheet2!A1+1", "=Sheet2!A1+1"],
    ["* is not", "B1*2", "=B1*2"],
    ["text in + fails, as in Excel", "B2+1", "=B2+1"],
    ["an error value fails", "D2+1", "=D2+1"],
  ])("%s: %s → %j", (_label, formula, value) => {
    expect(settle(grid, { A3: formula }).A3).toBe(value);
  });

  test("a chain of formulas is followed; a cycle is not worked out", () => {
    expect(settle(grid, { A3: "SUM(B1:C1)", B3: "A3+1", C3: "D3", D3: "C3" })).toEqual({
      A3: 1.1,
      B3: 2.1,
      C3: "=D3",
      D3: "=C3",
    });
  });

  test("exact: 0.1 + 0.2 is 0.3, not 0.30000000000000004", () => {
    expect(settle([[0.1, 0.2]], { C1: "A1+B1" }).C1).toBe(0.3);
  });
});
