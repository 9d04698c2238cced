/**
 * Issue #25: a project row with amounts but no 绩效目标/绩效指标 is a project with an issue, never a unit, unless its
 * amounts are the sum of the rows below it; and deciding that stays linear however many such rows there are.
 */
import { analyzeTable } from "../../src/core/analyze-table";
import type { RowKind } from "../../src/core/model/analysis";
import { classifyRows, type BodyRowFacts } from "../../src/core/classify/classify-rows";
import { exactDecimal } from "../../src/core/model/exact-decimal";

/** Rows as [name, amount, text]; "" is empty. Counts how often the rules ask for a row's total. */
function classify(rows: [string, string, string][]): { kinds: RowKind[]; totalCalls: number } {
  let totalCalls = 0;
  const facts: BodyRowFacts = {
    isBlank: (r) => rows[r]!.every((cell) => !cell),
    name: (r) => rows[r]![0],
    hasAmounts: (r) => rows[r]![1] !== "",
    hasText: (r) => rows[r]![2] !== "",
    firstText: (r) => rows[r]!.find((cell) => cell) ?? "",
    total: (r) => {
      totalCalls++;
      return rows[r]![1] === "" ? { units: 0, scale: 0 } : exactDecimal(Number(rows[r]![1]), 0);
    },
  };
  const table = { start: 0, headerRows: [0], bodyStart: 1, end: rows.length, originRow: 1 };
  return { kinds: classifyRows(facts, table).map((r) => r.kind), totalCalls };
}

const HEADER: [string, string, string] = ["项目名称", "总计", "绩效指标"];

test.each<[string, [string, string, string][], RowKind[]]>([
  [
    "a table of projects none of which has indicators: projects, not units (it was read as clean)",
    [HEADER, ["合计", "30", ""], ["甲", "10", ""], ["乙", "20", ""]],
    ["header", "grand-total", "project", "project"],
  ],
  [
    "a project without indicators last in its unit: a project, and the unit adds up with it",
    [HEADER, ["合计", "10", ""], ["单位", "10", ""], ["甲", "3", "1、…"], ["乙", "7", ""]],
    ["header", "grand-total", "unit", "project", "project"],
  ],
  [
    "a department row over its units is the sum of the units below it: a unit",
    [
      HEADER,
      ["合计", "10", ""],
      ["部门", "10", ""],
      ["单位A", "4", ""],
      ["甲", "4", "1、…"],
      ["单位B", "6", ""],
      ["乙", "6", "1、…"],
    ],
    ["header", "grand-total", "unit", "unit", "project", "unit", "project"],
  ],
  [
    "a heading without amounts stays a unit",
    [HEADER, ["单位", "", ""], ["甲", "", ""]],
    ["header", "unit", "unit"],
  ],
])("%s", (_label, rows, expected) => {
  expect(classify(rows).kinds).toEqual(expected);
});

const INDICATORS =
  "1、1-产出指标：11-数量指标：车辆数；实施周期指标值：1；年度指标值：1。2、2-效益指标：22-社会效益：保障；实施周期指标值：有效；年度指标值：有效。";

test("rows without indicators above a project, no 合计: whatever they are read as, the verdict is not clean", () => {
  const grid = [
    ["项目名称", "总计", "财政拨款", "绩效目标", "绩效指标"],
    ["甲", "10.00", "10.00"],
    ["乙", "20.00", "20.00"],
    ["丙", "5.00", "5.00", "完成", INDICATORS],
  ];
  const analysis = analyzeTable(grid, { locale: "zh-CN" });
  expect(analysis.issues.filter((i) => i.severity === "error").length).toBeGreaterThan(0);
});

test("the analysis of projects without indicators is not clean: each is a project with its issue", () => {
  const grid = [
    ["项目名称", "总计", "财政拨款", "绩效目标", "绩效指标"],
    ["合计", "30.00", "30.00"],
    ["甲", "10.00", "10.00"],
    ["乙", "20.00", "20.00"],
  ];
  const analysis = analyzeTable(grid, { locale: "zh-CN" });
  expect(analysis.projects.map((p) => p.name)).toEqual(["甲", "乙"]);
  expect(analysis.units).toEqual([]);
  expect(analysis.issues.filter((i) => i.severity === "error").map((i) => i.row)).toEqual(
    expect.arrayContaining([3, 4]),
  );
});

test.each([
  ["rows without indicators", (k: number): [string, string, string] => [`项目${k}`, "12", ""]],
  [
    "rows without indicators between projects, none adding up",
    (k: number): [string, string, string] => (k % 2 ? [`项目${k}`, "12", "1、…"] : [`行${k}`, "7", ""]),
  ],
])("linear: %s ask for each row's total a bounded number of times", (_label, row) => {
  for (const n of [1_000, 20_000]) {
    const rows: [string, string, string][] = [HEADER, ["合计", "1", ""]];
    for (let k = 0; k < n; k++) rows.push(row(k));
    const { totalCalls } = classify(rows);
    expect(totalCalls).toBeLessThan(12 * n);
  }
});
