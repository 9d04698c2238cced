/**
 * A year's target table against the same year's self-evaluation table (issue #24): the comparison sees which one is
 * the self-evaluation, and its findings are every target the self-evaluation writes otherwise and every indicator
 * added or dropped at year end, in the two tables' words (目标表 / 自评表), on the self-evaluation's indicator cells.
 * The self-evaluation is the test-only layout (test/core/layouts/self-evaluation-layout.ts).
 */
import { analyzeLocated, analyzeTable } from "../../src/core/analyze-table";
import { compareTables } from "../../src/core/compare/compare-tables";
import { isChangeToCheck, type Finding } from "../../src/core/compare/finding";
import { LAYOUTS } from "../../src/core/layouts";
import { findTables } from "../../src/core/locate/locate-table";
import { localizeFindings } from "../../src/core/messages";
import { A1_ORIGIN, type Grid } from "../../src/core/model/grid";
import { buildPlan } from "../../src/core/plan/build-plan";
import { selfEvaluation } from "./layouts/self-evaluation-layout";

// prettier-ignore
const TARGETS: Grid = [
  ["项目名称", "资金总额", "一级指标", "二级指标", "三级指标", "年度指标值"],
  ["干部培训", "100.00", "产出指标", "数量指标", "培训人次", "≥100人次"],
  [null, null, "效益指标", "社会效益指标", "学员满意度", "≥90%"],
  ["设备购置", "50.00", "产出指标", "数量指标", "购置台数", "≥5台"],
  [null, null, "效益指标", "社会效益指标", "服务能力", "提升"],
];

// The year-end table of the same projects; budgets adjusted during the year (100 → 60) are no finding.
// prettier-ignore
const SELF: Grid = [
  ["项目名称", "预算数", "执行数", "执行率", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
  ["干部培训", "60.00", "54.00", "90.00%", "产出指标", "数量指标", "培训人次", "≥100人次", "120人次", 20, 20],
  [null, null, null, null, "效益指标", "社会效益指标", "学员满意度", "≥90%", "95%", 30, 30],
  ["设备购置", "50.00", "45.00", "90.00%", "产出指标", "数量指标", "购置台数", "≥5台", "5台", 50, 45],
  [null, null, null, null, "效益指标", "社会效益指标", "服务能力", "提升", "提升", 50, 50],
];

function selfAnalysis(grid: Grid) {
  return analyzeLocated([{ tables: findTables(grid, A1_ORIGIN, [...LAYOUTS, selfEvaluation]) }]);
}

/** SELF with text edits: [row, column, value]. */
function selfWith(...edits: [number, number, string | null][]): Grid {
  const grid = SELF.map((row) => [...row]);
  for (const [r, c, v] of edits) grid[r]![c] = v;
  return grid;
}

function brief(f: Finding): string {
  return `${f.kind} ${f.project} / ${f.indicator ?? "-"}: ${f.last ?? "∅"} → ${f.this ?? "∅"} @${f.thisPlace?.cell ?? f.lastPlace?.cell ?? "-"}`;
}

const target = analyzeTable(TARGETS);

test("the same targets at year end: every project paired, nothing to check, though the budget moved", () => {
  const comparison = compareTables(target, selfAnalysis(SELF));
  expect(comparison.against).toBe("self-evaluation");
  expect(comparison.selfEvaluation).toBe("this");
  expect(comparison.matchedProjects).toBe(2);
  expect(comparison.findings).toEqual([]);
});

test.each([
  [
    "a target lowered at year end",
    [[2, 7, "≥85%"]],
    ["target-changed 干部培训 / 学员满意度: ≥90% → ≥85% @G3"],
  ],
  ["a target raised", [[1, 7, "≥120人次"]], ["target-changed 干部培训 / 培训人次: ≥100人次 → ≥120人次 @G2"]],
  ["a sign lost keeps its own kind", [[3, 7, "5台"]], ["op-lost 设备购置 / 购置台数: ≥5台 → 5台 @G4"]],
  ["spacing is no change", [[2, 7, "≥ 90%"]], []],
  [
    "an indicator dropped at year end",
    [
      [4, 6, null],
      [4, 7, null],
      [4, 4, null],
      [4, 5, null],
    ],
    ["dropped 设备购置 / 服务能力: 提升 → ∅ @E5"],
  ],
] as [string, [number, number, string | null][], string[]][])("%s", (_name, edits, expected) => {
  const findings = compareTables(target, selfAnalysis(selfWith(...edits))).findings;
  expect(findings.map(brief)).toEqual(expected);
  expect(findings.every((f) => f.against === "self-evaluation" && f.selfEvaluation === "this")).toBe(true);
});

test("an indicator added at year end is a change to check (between two years it is not)", () => {
  const grid = [
    ...SELF,
    [null, null, null, null, "满意度指标", "服务对象满意度指标", "职工满意度", "≥90%", "92%", 0, 0],
  ];
  const findings = compareTables(target, selfAnalysis(grid)).findings;
  expect(findings.map(brief)).toEqual(["added 设备购置 / 职工满意度: ∅ → ≥90% @G6"]);
  expect(findings.filter(isChangeToCheck)).toHaveLength(1);
  expect(isChangeToCheck({ kind: "added" })).toBe(false);
});

test("the messages and the sheet say 目标表 and 自评表, in either order", () => {
  const self = selfAnalysis(selfWith([2, 7, "≥85%"]));
  const [forward] = localizeFindings(compareTables(target, self).findings, "zh-CN");
  expect(forward!.message).toBe(
    "「学员满意度」目标表为「≥90%」，自评表为「≥85%」：自评表的年度指标值应与目标表一致。",
  );
  const [backward] = localizeFindings(compareTables(self, target).findings, "zh-CN");
  expect(backward!.message).toBe(
    "「学员满意度」自评表为「≥85%」，目标表为「≥90%」：自评表的年度指标值应与目标表一致。",
  );
  const [english] = localizeFindings(compareTables(target, self).findings, "en-US");
  expect(english!.message).toBe(
    `"学员满意度" was "≥90%" in the target table and is "≥85%" in the self-evaluation: the self-evaluation's target must be the target table's.`,
  );

  const plan = buildPlan(self, {
    sourceSheet: "自评表",
    locale: "zh-CN",
    comparison: compareTables(target, self),
  });
  const sheet = plan.sheets.find((s) => s.key === "compare")!;
  expect(sheet.name).toBe("目标对比");
  expect(sheet.columns.map((c) => c.header).slice(3, 6)).toEqual(["目标表", "自评表", "自评表单元格"]);
  expect(plan.marks.filter((m) => m.severity === "change").map((m) => m.cell)).toEqual(["G3"]);
});

test("two years' tables of the same kind are compared year over year, as before", () => {
  const comparison = compareTables(selfAnalysis(SELF), selfAnalysis(selfWith([2, 7, "≥85%"])));
  expect(comparison.against).toBeUndefined();
  expect(comparison.findings).toEqual([]);
  const years = compareTables(target, analyzeTable(TARGETS));
  expect(years.against).toBeUndefined();
});

test("one name twice in a project, each with its own target: each pairs with its own, only the changed one is found", () => {
  // prettier-ignore
  const twice = (second: string): Grid => [
    ["项目名称", "一级指标", "二级指标", "三级指标", "年度指标值"],
    ["森林防火", "效益指标", "可持续影响指标", "机制长效运行", "长期有效"],
    [null, "效益指标", "可持续影响指标", "机制长效运行", second],
    [null, "产出指标", "数量指标", "巡护次数", "≥12次"],
  ];
  const last = analyzeTable(twice("明显改善"));
  expect(compareTables(last, analyzeTable(twice("明显改善"))).findings).toEqual([]);
  // The first one left out of this year's table: it is the one added or dropped, the other is unchanged.
  const oneLeft = analyzeTable(
    twice("明显改善")
      .filter((_, r) => r !== 1)
      .map((row, r) => (r === 1 ? ["森林防火", ...row.slice(1)] : row)),
  );
  expect(compareTables(last, oneLeft).findings.map((f) => [f.kind, f.indicator, f.last, f.this])).toEqual([
    ["dropped", "机制长效运行", "长期有效", null],
  ]);
});
