/**
 * Issue #25, formulas saved without their result (as openpyxl and pandas write them): settled on the cells'
 * numbers, not on what their formats display, and without recursion however long the chain or deep the nesting.
 */
import { analyzeInput } from "../../src/xlsx/normalize-workbook";
import { readInputBytes } from "../../src/xlsx/read-input";
import { settleFormulas } from "../../src/xlsx/settle-formulas";
import { columnName, rawRows, rawWorkbook } from "../../testing/raw-workbook";

describe("a total saved as a formula without its result", () => {
  test("SUM over a cell whose format hides digits adds its number, as Excel does: 300.13, not 200.00", async () => {
    const sheet =
      rawRows([
        ["项目名称", "总计", "财政拨款", "绩效目标", "绩效指标"],
        ["合计", null, null],
      ]) +
      '<row r="3"><c r="A3" t="inlineStr"><is><t>甲</t></is></c><c r="B3" s="1"><v>100.126</v></c><c r="C3" s="1"><v>100.126</v></c>' +
      '<c r="D3" t="inlineStr"><is><t>完成</t></is></c><c r="E3" t="inlineStr"><is><t>1、1-产出指标：11-数量指标：车辆数；实施周期指标值：1；年度指标值：1。2、2-效益指标：22-社会效益：保障；实施周期指标值：有效；年度指标值：有效。</t></is></c></row>' +
      '<row r="4"><c r="A4" t="inlineStr"><is><t>乙</t></is></c><c r="B4" s="1"><v>200</v></c><c r="C4" s="1"><v>200</v></c>' +
      '<c r="D4" t="inlineStr"><is><t>完成</t></is></c><c r="E4" t="inlineStr"><is><t>1、1-产出指标：11-数量指标：车辆数；实施周期指标值：1；年度指标值：1。2、2-效益指标：22-社会效益：保障；实施周期指标值：有效；年度指标值：有效。</t></is></c></row>';
    const withTotals = sheet.replace(
      /<row r="2">[\s\S]*?<\/row>/,
      '<row r="2"><c r="A2" t="inlineStr"><is><t>合计</t></is></c><c r="B2" s="1"><f>SUM(B3:B4)</f></c><c r="C2" s="1"><f>SUM(C3:C4)</f></c></row>',
    );
    const input = await readInputBytes("t.xlsx", rawWorkbook({ sheet: withTotals }));
    expect(input.grid[1]!.slice(1, 3)).toEqual(["300.13", "300.13"]);
    expect(input.grid[2]![1]).toBe("100.13");
    const analysis = analyzeInput(input, { locale: "zh-CN" });
    expect(analysis.issues.filter((i) => i.severity === "error")).toEqual([]);
  });
});

describe("long chains and deep nesting are settled without recursion", () => {
  const settle = (grid: (number | null)[][], formulas: { r: number; c: number; formula: string }[]) => {
    const out = new Map<string, number | string>();
    settleFormulas(grid, formulas, (r, c, v) => out.set(`${columnName(c + 1)}${r + 1}`, v));
    return out;
  };

  test.each([2_000, 5_000, 50_000])("%d nested parentheses", (depth) => {
    const formula = `${"(".repeat(depth)}A1+1${")".repeat(depth)}`;
    expect(settle([[2]], [{ r: 0, c: 1, formula }]).get("B1")).toBe(3);
    const minus = `${"-(".repeat(depth)}A1${")".repeat(depth)}`;
    expect(settle([[2]], [{ r: 0, c: 1, formula: minus }]).get("B1")).toBe(depth % 2 === 0 ? 2 : -2);
  });

  test.each([2_000, 5_000, 50_000])("a chain of %d formulas, each the next one plus 1", (length) => {
    // A1 = A2+1, A2 = A3+1, …, the last = 1.
    const formulas = Array.from({ length }, (_, r) => ({
      r,
      c: 0,
      formula: r === length - 1 ? "1" : `A${r + 2}+1`,
    }));
    expect(settle([], formulas).get("A1")).toBe(length);
  });

  test("a cycle inside a long chain is not worked out, and neither is what depends on it", () => {
    const formulas = Array.from({ length: 3_000 }, (_, r) => ({ r, c: 0, formula: `A${r + 2}+1` }));
    formulas.push({ r: 3_000, c: 0, formula: "A1" });
    const out = settle([], formulas);
    expect(out.get("A1")).toBe("=A2+1");
    expect(out.get("A3001")).toBe("=A1");
  });

  test("SUM over a range of formulas, SUM(), signs and what is not a sum", () => {
    const grid = [[1, 2, 3]];
    const formulas = [
      { r: 1, c: 0, formula: "SUM(A1:C1)" },
      { r: 1, c: 1, formula: "SUM(A2:A2,-A1,SUM())" },
      { r: 1, c: 2, formula: "-(A1-(B1-C1))" },
      { r: 2, c: 0, formula: "(A1:B1)" },
      { r: 2, c: 1, formula: "SUM(A1:B1+1)" },
      { r: 2, c: 2, formula: "A1,B1" },
      { r: 3, c: 0, formula: "A1+" },
      { r: 3, c: 1, formula: "((A1)" },
      { r: 3, c: 2, formula: "A1)" },
    ];
    expect(Object.fromEntries(settle(grid, formulas))).toEqual({
      A2: 6,
      B2: 5,
      C2: -2,
      A3: "=(A1:B1)",
      B3: "=SUM(A1:B1+1)",
      C3: "=A1,B1",
      A4: "=A1+",
      B4: "=((A1)",
      C4: "=A1)",
    });
  });
});
