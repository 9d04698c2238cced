/**
 * The explanations of a broken total in which every amount is right (issue #22), on the sample as a clerk pastes
 * it: cut, doubled, rounded. And that they leave alone what they must not explain: a wrong amount is still named.
 */
import { analyzeTable } from "../../src/core/analyze-table";
import { countAnalysis } from "../../src/core/model/count-analysis";
import type { CellValue } from "../../src/core/model/grid";
import type { Issue } from "../../src/core/model/issue";
import { describeVerdict, messagesFor } from "../../src/core/messages";
import { loadSampleGrid } from "../../testing/sample";

type Grid = CellValue[][];

/** Sample rows (1-based, inclusive). */
function rows(grid: Grid, from: number, to: number): Grid {
  return grid.slice(from - 1, to);
}

/** The issues about totals and pastes (the sample's own indicator findings left out). */
function totalsOf(grid: Grid, tolerance?: number): string[] {
  const totals = new Set([
    "wrong-amount",
    "row-total",
    "group-total",
    "grand-total",
    "subtotal",
    "partial-paste",
    "duplicate-rows",
    "doubled-table",
    "rounding-gap",
    "duplicate-project",
  ]);
  return analyzeTable(grid, { tolerance })
    .issues.filter((i) => totals.has(i.rule))
    .map((i) => `${i.severity} ${i.rule} ${i.cell ?? "-"}`);
}

function messageOf(grid: Grid, rule: Issue["rule"]): string {
  return analyzeTable(grid).issues.find((i) => i.rule === rule)?.message ?? "";
}

const sample = loadSampleGrid();
const header = sample[8]!;

describe("a paste cut at an edge", () => {
  test.each([
    ["the last unit left out", rows(sample, 1, 31), "合计与明细相差 18.01 万元"],
    ["the last unit left out, a blank row after", rows(sample, 1, 32), "合计与明细相差 18.01 万元"],
    [
      "cut inside unit 2 (and unit 3 left out)",
      rows(sample, 1, 28),
      "合计与明细相差 18.01 万元，单位「广州市白云区政府机关事务管理中心」与其下项目相差 209.00 万元",
    ],
  ])("%s: one error on the paste, no cell to change", (_, grid, gap) => {
    expect(totalsOf(grid)).toEqual(["error partial-paste -"]);
    expect(messageOf(grid, "partial-paste")).toContain(`${gap}：表格可能只复制了一部分（最后一行是项目「`);
  });

  test("started inside a unit, under a repeated header: an error naming the first project", () => {
    const grid = [header, ...rows(sample, 15, 34)];
    expect(totalsOf(grid)).toEqual(["error partial-paste -"]);
    expect(messageOf(grid, "partial-paste")).toContain("第一行（第 2 行）是项目「政府雇员公用经费」");
  });

  test("no 合计 row but starting at a unit: a warning, not an error", () => {
    const grid = [header, ...rows(sample, 11, 34)];
    expect(totalsOf(grid)).toEqual(["warning partial-paste -"]);
  });

  test("the last unit's row without its project: an error", () => {
    expect(totalsOf(rows(sample, 1, 33))).toEqual(["error partial-paste -"]);
  });

  test.each([
    // A wrong 合计 is not a cut: only 总计 is off (the row does not add up across), or the 合计 is short.
    ["合计's 总计 raised", { B10: "2,500.00" }, ["error wrong-amount B10"]],
    [
      "合计 short by a unit",
      { B10: "2,458.53", C10: "2,458.53" },
      ["error wrong-amount B10", "error wrong-amount C10"],
    ],
    // The last project lowered in 总计 alone: its row breaks, so it is the cell to change.
    ["last project's 总计 lowered", { B34: "8.01" }, ["error wrong-amount B34"]],
  ])("the whole sample with %s: the wrong cell is named as before", (_, cells, expected) => {
    const grid = sample.map((r) => [...r]);
    for (const [address, value] of Object.entries(cells)) {
      grid[Number(address.slice(1)) - 1]![address.charCodeAt(0) - 65] = value;
    }
    expect(totalsOf(grid)).toEqual(expected);
  });
});

describe("every way of pasting the right sample short or twice blames no cell", () => {
  // Sample rows of its projects (1-based), and of the first project of each unit.
  const projectRows = [12, 13, 14, 15, 16, 17, 19, 20, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 34];
  const firstOfUnit = new Set([12, 19, 34]);
  const blaming = (grid: Grid): string[] =>
    totalsOf(grid).filter((t) => !/partial-paste|duplicate-rows|rounding-gap/.test(t));

  test.each(projectRows.slice(0, -1))("cut after row %i: a partial-paste error, nothing else", (last) => {
    expect(totalsOf(rows(sample, 1, last))).toEqual(["error partial-paste -"]);
  });

  test.each(projectRows.filter((r) => !firstOfUnit.has(r)))(
    "started at row %i, under the header: a partial-paste error, nothing else",
    (first) => {
      expect(totalsOf([header, ...rows(sample, first, 34)])).toEqual(["error partial-paste -"]);
    },
  );

  test.each(projectRows)("row %i pasted twice: counted once, one warning", (row) => {
    const grid = [...rows(sample, 1, row), sample[row - 1]!, ...rows(sample, row + 1, 34)];
    expect(blaming(grid)).toEqual([]);
    expect(totalsOf(grid)).toEqual([`warning duplicate-rows A${row + 1}`]);
  });
});

describe("rows present twice", () => {
  test("a project pasted twice: one warning, counted once, no duplicate-project besides", () => {
    const grid = [...rows(sample, 1, 14), sample[13]!, ...rows(sample, 15, 34)];
    expect(totalsOf(grid)).toEqual(["warning duplicate-rows A15"]);
    expect(messageOf(grid, "duplicate-rows")).toBe(
      "项目「对外联络、会议及调研专项经费」出现两次（第 14 行和第 15 行，金额相同），合计按一次计算。",
    );
  });

  test("the body again under a repeated header: one warning for the block, no red 合计", () => {
    const grid = [...sample, header, ...rows(sample, 11, 34)];
    expect(totalsOf(grid)).toEqual(["warning duplicate-rows A36"]);
    expect(messageOf(grid, "duplicate-rows")).toBe(
      "表头在第 35 行再次出现，其后第 36–59 行与第 11–34 行相同（同样的单位、项目和金额）：表格可能粘贴了两次，合计按一次计算。",
    );
    // The second copy's indicator findings are not reported again.
    const once = analyzeTable(sample).issues.length;
    expect(analyzeTable(grid).issues.length).toBe(once + 1);
  });

  test("two same projects that the unit's total counts twice are two projects: duplicate-project as before", () => {
    const grid = [...rows(sample, 1, 14), sample[13]!, ...rows(sample, 15, 34)].map((r) => [...r]);
    grid[10]![1] = grid[10]![2] = "555.00"; // the unit counts both
    grid[9]![1] = grid[9]![2] = "2,536.54"; // and so does 合计
    expect(totalsOf(grid)).toEqual(["warning duplicate-project A15"]);
  });

  test("the whole table twice: one doubled-table warning, the second table's issues not repeated", () => {
    const grid = [...sample, ...sample];
    const issues = analyzeTable(grid).issues;
    expect(issues.filter((i) => i.rule === "doubled-table").map((i) => i.cell)).toEqual(["A43"]);
    expect(issues.length).toBe(analyzeTable(sample).issues.length + 1);
  });
});

describe("尾差", () => {
  const ind =
    "1、产出指标：数量指标：次数；年度指标值：10次。2、效益指标：社会效益指标：效果；年度指标值：提升。";
  const table = (unit: string, project: string): Grid => [
    ["单位：万元"],
    ["项目名称", "总计", "财政拨款", "其他资金", "绩效目标", "绩效指标"],
    ["合计", unit, unit],
    ["某单位", unit, unit],
    ["项目一", project, project, null, "目标", ind],
    ["项目二", project, project, null, "目标", ind],
    ["项目三", project, project, null, "目标", ind],
  ];

  test("three of 10.33 under 31.00: a warning that says which tolerance accepts it", () => {
    const grid = table("31.00", "10.33");
    expect(totalsOf(grid)).toEqual(["warning rounding-gap B4"]);
    expect(messageOf(grid, "rounding-gap")).toBe(
      "单位「某单位」与其下项目相差 0.01 万元（总计、财政拨款），可能是四舍五入尾差；如可接受，在「合计容差」中填 0.01。",
    );
    expect(totalsOf(grid, 0.01)).toEqual([]);
  });

  test("a gap beyond the parts' rounding is not 尾差 (three parts: at most 0.015)", () => {
    expect(totalsOf(table("31.00", "10.32"))).not.toContain("warning rounding-gap B4");
  });

  test("a total shown with fewer decimals than its parts: 尾差 within half its own last digit, an error beyond", () => {
    // A unit of 31.00 over three projects of 10.3326 (30.9978): 0.0022 is more than the parts' rounding (0.00015)
    // but within the unit's own (0.005), as a unit total rounded to what it shows.
    expect(totalsOf(table("31.00", "10.3326"))).toEqual(["warning rounding-gap B4"]);
    // 31 over three of 10.2 (30.6): within half of the unit's last digit (0.5) and the parts' (0.15), so 尾差.
    expect(totalsOf(table("31", "10.2"))).toEqual(["warning rounding-gap B4"]);
    // 32 over 30.6 is more than any rounding: the culprit finder's error, as before.
    expect(totalsOf(table("32", "10.2")).some((t) => t.startsWith("error"))).toBe(true);
  });

  test("a row of one part cannot be off by rounding: its 总计 and 财政拨款 round the same amount", () => {
    // 总计 10.34 fits the unit's 31.00; 财政拨款 10.33 is the one that breaks both its row and its column.
    const grid = table("31.00", "10.33");
    grid[4]![1] = "10.34";
    expect(totalsOf(grid)).toEqual(["error wrong-amount C5"]);
  });
});

describe("the verdict", () => {
  test("a clean table says how many equations agree and how many indicators were read", () => {
    const grid = rows(sample, 1, 34).map((r) => [...r]);
    const counts = countAnalysis(analyzeTable(grid));
    expect(counts.equations).toBeGreaterThan(0);
    expect(describeVerdict({ ...counts, errors: 0, warnings: 0 }, messagesFor("zh-CN"))).toBe(
      `合计已核对：${counts.equations} 个等式全部相符；指标 ${counts.indicators} 条，未发现问题：可以发送。`,
    );
    expect(describeVerdict({ ...counts, errors: 1 }, messagesFor("zh-CN"))).toBeNull();
  });
});
