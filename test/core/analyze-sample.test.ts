import fc from "fast-check";
import { analyzeTable } from "../../src/core/analyze-table";
import type { Issue } from "../../src/core/model/issue";
import { loadSampleGrid } from "../../testing/sample";

/**
 * The real sample through the whole core: the issues a clerk must see, at the right cells, and nothing
 * else that is an error or a warning. Every error and warning below was checked against the sample by hand.
 */
const analysis = analyzeTable(loadSampleGrid());

const where = (rule: Issue["rule"]) =>
  analysis.issues
    .filter((i) => i.rule === rule)
    .map((i) => ({ cell: i.cell, seq: i.details.seq, field: i.details.field, category: i.details.category }));

describe("the sample (baiyun-2024)", () => {
  test("every total reconciles: no total issue", () => {
    expect(analysis.issues.filter((i) => i.rule.endsWith("-total"))).toEqual([]);
  });

  test("missing-value only at row 25: 维保按时完成质量 has no 年度指标值", () => {
    expect(where("missing-value")).toEqual([{ cell: "G25", seq: 3, field: "annual", category: undefined }]);
    expect(analysis.issues.find((i) => i.rule === "missing-value")?.details).toMatchObject({
      project: "大院办公场所公共设备购置维修及保险等支出",
      indicator: "维保按时完成质量",
    });
  });

  test("level-mismatch at row 34: item 6 of 财务软件运行维护费 is 2-效益指标：31-服务对象满意度", () => {
    const issues = analysis.issues.filter((i) => i.rule === "level-mismatch");
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      severity: "error",
      row: 34,
      details: { project: "财务软件运行维护费", seq: 6, level1: "2-效益指标", level2: "31-服务对象满意度" },
    });
  });

  test("the last project's indicators sit in the goal cell with <p> markup: both reported at row 34", () => {
    expect(analysis.issues.filter((i) => i.rule === "misplaced-indicators").map((i) => i.row)).toEqual([34]);
    expect(analysis.issues.filter((i) => i.rule === "markup").map((i) => i.row)).toContain(34);
  });

  test("quantity-not-numeric at row 20: item 1 of 后勤人员专项经费", () => {
    expect(where("quantity-not-numeric")).toEqual([
      { cell: "G20", seq: 1, field: "annual", category: undefined },
    ]);
    expect(analysis.issues.find((i) => i.rule === "quantity-not-numeric")?.details.text).toBe(
      "维持可持续发展",
    );
  });

  test("period-is-definition at rows 16 and 34, on the items whose 实施周期指标值 is a formula or definition", () => {
    expect(where("period-is-definition").map((i) => [i.cell, i.seq])).toEqual([
      ["G16", 1],
      ["G16", 2],
      ["G16", 3],
      ["G16", 6],
      ["F34", 1],
      ["F34", 2],
      ["F34", 3],
    ]);
  });

  test("period-is-definition does not fire on a plain target: 同步数据一致性 (F34 item 4) states what to achieve", () => {
    const item4 = analysis.projects.at(-1)!.indicators[3]!;
    expect([item4.name, item4.periodValue]).toEqual([
      "同步数据一致性",
      "保证微易报销系统数据与“数字政府”公共财政综合管理平台数据的一致性",
    ]);
    expect(analysis.issues.filter((i) => i.rule === "period-is-definition" && i.details.seq === 4)).toEqual(
      [],
    );
  });

  test("missing-category: 机关饭堂运行经费 (row 22) has no 效益 indicator; missing 满意度 is not reported", () => {
    expect(where("missing-category")).toEqual([
      { cell: "G22", seq: undefined, field: undefined, category: "outcome" },
    ]);
  });

  test("no error or warning beyond the expected ones", () => {
    const notable = analysis.issues
      .filter((i) => i.severity !== "info")
      .map((i) => `${i.severity} ${i.rule} ${i.cell}`)
      .sort();
    expect(notable).toEqual(
      [
        "error level-mismatch F34",
        "error missing-value G25",
        "warning misplaced-indicators F34",
        "warning missing-category G22",
        "warning quantity-not-numeric G20",
      ].sort(),
    );
  });

  test("the tolerance option: a one-cent slip is an error by default and accepted with --tolerance 0.01", () => {
    const grid = loadSampleGrid();
    grid[11]![2] = "18.01"; // C12: 财政拨款 of 公务用车购置费
    const amounts = (issues: readonly Issue[]) =>
      issues.filter((i) => i.rule.endsWith("-total") || i.rule === "wrong-amount");
    // The one cell to change, not the two totals it upsets.
    expect(amounts(analyzeTable(grid).issues).map((i) => [i.rule, i.cell, i.expected, i.actual])).toEqual([
      ["wrong-amount", "C12", 18, 18.01],
    ]);
    expect(amounts(analyzeTable(grid, { tolerance: 0.01 }).issues)).toEqual([]);
  });

  test("messages come in the chosen language; rule ids and cells do not change", () => {
    const english = analyzeTable(loadSampleGrid(), { locale: "en-US" });
    expect(english.issues.map((i) => [i.rule, i.cell])).toEqual(analysis.issues.map((i) => [i.rule, i.cell]));
    const mismatch = english.issues.find((i) => i.rule === "level-mismatch");
    expect(mismatch?.message).toMatch(
      /level-2 "31-服务对象满意度" belongs under level-1 "3-满意度指标", found under "2-效益指标"/,
    );
    expect(analysis.issues.find((i) => i.rule === "level-mismatch")?.message).toContain(
      "二级指标「31-服务对象满意度」属于一级指标「3-满意度指标」，此处写在「2-效益指标」下",
    );
  });

  test("property: damaging any cell never throws, and every issue points at a cell of the table", () => {
    const sample = loadSampleGrid();
    const damage = fc.oneof(
      fc.constant(null),
      fc.string({ maxLength: 12 }),
      fc.double({ noNaN: true, min: -1e9, max: 1e9 }),
      fc.constantFrom("1,2,3", "—", "XX", "18.001", "1-产出指标：31-服务对象满意度：", "。、；：", "<p>"),
    );
    fc.assert(
      fc.property(fc.integer({ min: 9, max: 33 }), fc.integer({ min: 0, max: 6 }), damage, (r, c, value) => {
        const grid = sample.map((row) => [...row]);
        const row = grid[r]!;
        while (row.length <= c) row.push(null);
        row[c] = value;
        for (const issue of analyzeTable(grid).issues) {
          if (issue.row === null) continue;
          expect(issue.row).toBeGreaterThanOrEqual(1);
          expect(issue.row).toBeLessThanOrEqual(grid.length);
          for (const cell of issue.details.cells ?? []) expect(cell).toMatch(/^[A-G][1-9][0-9]*$/);
        }
      }),
      { numRuns: 150 },
    );
  });
});
