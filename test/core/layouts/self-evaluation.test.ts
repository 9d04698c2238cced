/**
 * A new kind of table declared by a layout alone (self-evaluation-layout.ts): its amount columns, its detail
 * columns, and its SelfEvaluation, whose ratio and bounds the core's self-evaluation checks make. The core's stages, the plan and the messages take it as they are.
 */
import { analyzeLocated } from "../../../src/core/analyze-table";
import { LAYOUTS } from "../../../src/core/layouts";
import { findTables } from "../../../src/core/locate/locate-table";
import { A1_ORIGIN, type Grid } from "../../../src/core/model/grid";
import { buildPlan } from "../../../src/core/plan/build-plan";
import { selfEvaluation } from "./self-evaluation-layout";

// prettier-ignore
const GRID: Grid = [
  ["项目名称", "预算数", "执行数", "执行率", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
  ["干部培训", "100.00", "85.00", "85.00%", "产出指标", "数量指标", "培训人次", "≥100人次", "120人次", 50, 50],
  [null, null, null, null, "效益指标", "社会效益指标", "学员满意度", "≥90%", "95%", 50, 55],
  ["设备购置", "50.00", "45.00", "95.00%", "产出指标", "数量指标", "购置台数", "≥5台", "5台", 50, 50],
  [null, null, null, null, "效益指标", "社会效益指标", "服务能力", "提升", "提升", 50, 50],
];

function analyze(grid: Grid, locale: "zh-CN" | "en-US" = "zh-CN") {
  return analyzeLocated([{ tables: findTables(grid, A1_ORIGIN, [...LAYOUTS, selfEvaluation]) }], { locale });
}

describe("a self-evaluation table, declared by its layout alone", () => {
  const analysis = analyze(GRID);

  test("the registered layouts and the new one are asked together; the new one reads its table", () => {
    expect(analysis.table?.layout).toBe("self-evaluation");
    expect(analysis.projects.map((p) => [p.name, p.amounts, p.indicators.length])).toEqual([
      ["干部培训", { budget: 100, spent: 85, rate: 85 }, 2],
      ["设备购置", { budget: 50, spent: 45, rate: 95 }, 2],
    ]);
  });

  test("a score over its weight and a wrong 执行率 are the issues, each under its own rule, nothing blamed", () => {
    expect(analysis.issues.map((i) => [i.severity, i.rule, i.cell, i.expected, i.actual])).toEqual([
      ["error", "score-over-weight", "K3", 50, 55],
      ["error", "wrong-ratio", "D4", 90, 95],
    ]);
    expect(analysis.issues.map((i) => i.message)).toEqual([
      "项目「干部培训」第2项「学员满意度」的得分应不大于其分值＝50 分，表中为 55 分。",
      "项目「设备购置」的「执行率」应等于「执行数」÷「预算数」＝90.00%（保留 2 位小数），表中为 95.00%。",
    ]);
    expect(analyze(GRID, "en-US").issues.map((i) => i.message)).toEqual([
      'Project "干部培训", item 2, "学员满意度": the score (得分) should be at most its weight (分值) = 50 points; found 55 points.',
      '"执行率" of project "设备购置" should equal "执行数" ÷ "预算数" = 90.00% (to 2 decimals), found 95.00%.',
    ]);
  });

  test("the issues point at their indicator and project, so 指标明细 and the marks show them", () => {
    expect(analysis.issues.map((i) => i.about)).toEqual([
      { projectIndex: 0, itemIndex: 1 },
      { projectIndex: 1 },
    ]);
    const plan = buildPlan(analysis, { sourceSheet: "自评表", locale: "zh-CN" });
    expect(plan.marks.map((m) => [m.cell, m.severity])).toEqual([
      ["K3", "error"],
      ["D4", "error"],
    ]);
    const detail = plan.sheets.find((s) => s.key === "detail")!;
    const headers = detail.columns.map((c) => c.header);
    // The layout's own columns after the common ones that describe the indicator, before 问题 and 来源.
    expect(headers.slice(-5)).toEqual(["实际完成值", "分值", "得分", "问题", "来源"]);
    expect(detail.rows.map((r) => [r[5], ...r.slice(-5, -2)])).toEqual([
      ["培训人次", "120人次", 50, 50],
      ["学员满意度", "95%", 50, 55],
      ["购置台数", "5台", 50, 50],
      ["服务能力", "提升", 50, 50],
    ]);
    expect(detail.rows[1]![headers.indexOf("问题")]).toBe(analysis.issues[0]!.message);
  });

  test("a table that holds is clean", () => {
    const fixed = GRID.map((row, r) =>
      r === 2 ? [...row.slice(0, 10), 50] : r === 3 ? [...row.slice(0, 3), "90.00%", ...row.slice(4)] : row,
    );
    expect(analyze(fixed).issues).toEqual([]);
  });

  test("an amount of the layout's own that is not a number is named as the table names it; its ratio is skipped", () => {
    const broken = GRID.map((row, r) => (r === 3 ? [row[0]!, row[1]!, "四十五", ...row.slice(3)] : row));
    const issues = analyze(broken).issues.filter((i) => i.rule !== "score-over-weight");
    expect(issues.map((i) => [i.rule, i.cell, i.message])).toEqual([
      ["amount-not-number", "C4", "「执行数」应为数字，此处为「四十五」。"],
    ]);
    expect(analyze(broken, "en-US").issues.find((i) => i.cell === "C4")!.message).toBe(
      '"执行数" should be a number; found "四十五".',
    );
  });

  test("a budget table's detail sheet keeps the common columns only", () => {
    const budget = analyzeLocated([{ tables: findTables(GRID.slice(0, 1), A1_ORIGIN, LAYOUTS) }]);
    const plan = buildPlan(budget, { sourceSheet: "表", locale: "zh-CN" });
    expect(plan.sheets.find((s) => s.key === "detail")!.columns).toHaveLength(14);
  });
});
