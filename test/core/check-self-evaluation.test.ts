/**
 * The self-evaluation checks (check/check-self-evaluation.ts) on tables of the test-only layout
 * (layouts/self-evaluation-layout.ts): each rule on a table that breaks it, a clean table that breaks none, and
 * the verdicts a clerk must be able to trust (a rounded or cut rate, rounded scores, targets in words).
 */
import fc from "fast-check";
import { analyzeLocated, analyzeTable } from "../../src/core/analyze-table";
import { judgeAttainment } from "../../src/core/check/judge-attainment";
import { reconcileTotals } from "../../src/core/check/reconcile-totals";
import { cellAddress } from "../../src/core/model/cell-address";
import { exactDecimalFromText } from "../../src/core/model/exact-decimal";
import { equationCell, type Equation, type EquationCell } from "../../src/core/model/total-equation";
import { LAYOUTS } from "../../src/core/layouts";
import { findTables } from "../../src/core/locate/locate-table";
import { A1_ORIGIN, type CellValue, type Grid } from "../../src/core/model/grid";
import { selfEvaluation } from "./layouts/self-evaluation-layout";

// prettier-ignore
const HEADER = ["项目名称", "预算数", "执行数", "执行率", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
  "偏差原因", "预算分值", "预算得分(分值*执行率)", "分值合计", "总分", "评价等级"];

/** One clean project: 90 of indicator points, the budget's 10 at 93.4%, 总分 98.34, 优. */
// prettier-ignore
function cleanRows(): CellValue[][] {
  return [
    ["干部培训", "100.00", "93.40", "93.40%", "产出指标", "数量指标", "培训人次", "≥300人次", "320人次", 30, 30, "", 10, 9.34, 100, 98.34, "优"],
    [null, null, null, null, "产出指标", "质量指标", "培训合格率", "≥95%", "93%", 30, 29, "部分学员补考未通过", null, null, null, null, null],
    [null, null, null, null, "效益指标", "社会效益指标", "依法行政水平", "提升", "达成预期指标", 20, 20, "", null, null, null, null, null],
    [null, null, null, null, "满意度指标", "服务对象满意度指标", "学员满意度", "≥90%", "96%", 10, 10, "", null, null, null, null, null],
  ];
}

function analyze(rows: CellValue[][], locale: "zh-CN" | "en-US" = "zh-CN") {
  const grid: Grid = [HEADER, ...rows];
  return analyzeLocated([{ tables: findTables(grid, A1_ORIGIN, [...LAYOUTS, selfEvaluation]) }], { locale });
}

/** The clean rows with cells changed: [row index, header, value]. */
function edited(...edits: [number, string, CellValue][]): CellValue[][] {
  const rows = cleanRows();
  for (const [r, header, value] of edits) rows[r]![HEADER.indexOf(header)] = value;
  return rows;
}

const summary = (rows: CellValue[][]) =>
  analyze(rows).issues.map((i) => [i.severity, i.rule, i.cell, i.expected ?? null, i.actual ?? null]);

describe("whether an actual meets its target, by the target's comparison", () => {
  test.each([
    ["≥95%", "93%", "质量指标", "missed"],
    ["≥95%", "95%", "质量指标", "met"],
    ["＞95%", "95%", "质量指标", "missed"],
    ["≤12月", "11月", "时效指标", "met"],
    ["≤30万元", "35万元", "成本指标", "missed"],
    ["≤30万元", "290000元", "成本指标", "met"],
    ["95%-100%", "97%", "质量指标", "met"],
    ["95%-100%", "90%", "质量指标", "missed"],
    // A target without a sign is a floor, a cost's or a time's a ceiling.
    ["11个", "0", "数量指标", "missed"],
    ["11个", "12个", "数量指标", "met"],
    ["30万元", "28万元", "成本指标", "met"],
    ["=12月", "13月", "时效指标", "missed"],
    ["0起", "2起", "社会效益指标", "missed"],
    ["100%", "98%", "质量指标", "missed"],
    ["﹦72890元", "72890", "数量指标", "met"],
    // A small rate without a sign may be a ceiling (成灾率) or a floor (增长率): not judged.
    ["0.4%", "0.1", "质量指标", null],
    ["5%", "3%", "经济效益指标", null],
    ["=0次", "0次", "质量指标", "met"],
    // Words against a number cannot be judged; a target in words is never judged.
    ["≥95%", "达成预期指标", "质量指标", "words"],
    ["≥95%", "完成", "质量指标", "words"],
    ["合规", "达成预期指标", "质量指标", null],
    ["及时", "及时", "时效指标", null],
    ["提升", "95%", "社会效益指标", null],
    // Not one quantity, or a fraction written for a percentage: not compared.
    ["≥5台", "3万元", "数量指标", null],
    ["≥95%", "0.96", "质量指标", null],
    ["≥95%", "", "质量指标", null],
    // The figure said with its verb is the figure; nothing said in words against a target of 0 is 0.
    ["≥85%", "达到85%", "服务对象满意度指标", "met"],
    ["≥4000批次", "已完成3800批次", "数量指标", "missed"],
    ["=0起", "无", "社会效益指标", "met"],
    ["0起", "未发生。", "社会效益指标", "met"],
    ["≥1项", "无", "数量指标", "words"],
  ] as const)("%s against %s (%s) → %s", (target, actual, level2, verdict) => {
    expect(judgeAttainment(target, actual, "指标", level2)).toBe(verdict);
  });
});

describe("never throws, and every issue points at a cell of the table", () => {
  const value = fc.oneof(
    fc.constantFrom<CellValue>(
      "≥95%",
      "93%",
      "达成预期指标",
      "0",
      "11个",
      "=0次",
      "/",
      "分",
      "",
      null,
      100,
      9.34,
    ),
    fc.string({ maxLength: 6 }),
    fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  );
  test("judgeAttainment takes any pair of texts", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.option(fc.string()), (target, actual, level2) => {
        expect([null, "met", "missed", "words"]).toContain(judgeAttainment(target, actual, "指标", level2));
      }),
    );
  });
  test("a clean table with any of its cells replaced", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(3), fc.nat(HEADER.length - 1), value), { maxLength: 6 }),
        (changes) => {
          const rows = cleanRows();
          for (const [r, c, v] of changes) rows[r]![c] = v;
          for (const issue of analyze(rows).issues) expect(issue.cell).toMatch(/^[A-Q][1-5]$/);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("the self-evaluation rules", () => {
  test("a clean table has no issue: a miss with points off and a reason, words against words, a rate cut to 2 places", () => {
    expect(summary(cleanRows())).toEqual([]);
  });

  test("得分 over 分值, on an indicator and on the budget row", () => {
    expect(summary(edited([3, "得分", 12], [0, "总分", 100.34]))).toEqual([
      ["error", "score-over-weight", "K5", 10, 12],
    ]);
    expect(summary(edited([0, "预算得分(分值*执行率)", 12], [0, "预算分值", 10], [0, "总分", 101]))).toEqual([
      ["error", "score-over-weight", "N2", 10, 12],
      ["error", "budget-score", "N2", 9.34, 12],
    ]);
  });

  test("Σ 分值 against the stated total, with the budget's 分值 or without it", () => {
    expect(summary(edited([1, "分值", 35], [1, "得分", 34], [0, "总分", 103.34]))).toEqual([
      ["error", "weight-sum", "O2", 105, 100],
    ]);
    // A 合计 of the indicators' 90 alone is right too.
    expect(summary(edited([0, "分值合计", 90]))).toEqual([]);
  });

  test("no stated total: 100 assumed, a warning at the first 分值", () => {
    const rows = edited([0, "分值合计", null], [1, "分值", 35], [1, "得分", 34], [0, "总分", 103.34]);
    const issues = analyze(rows).issues;
    expect(issues.map((i) => [i.severity, i.rule, i.cell, i.expected, i.actual])).toEqual([
      ["warning", "weight-sum", "J2", 100, 105],
    ]);
    expect(issues[0]!.message).toBe(
      "项目「干部培训」各项分值（含预算执行率的分值）合计应为 100 分，表中合计为 105 分。",
    );
  });

  test("Σ 得分 against 总分: the cells listed, none blamed when any of them could be the wrong one", () => {
    const issues = analyze(edited([0, "总分", 96.34])).issues;
    expect(issues.map((i) => [i.severity, i.rule, i.cell, i.expected, i.actual])).toEqual([
      ["error", "score-total", "P2", 98.34, 96.34],
    ]);
    expect(issues[0]!.details.cells).toEqual(["P2", "K2", "K3", "K4", "K5", "N2"]);
    expect(issues[0]!.message).toMatch(
      /^项目「干部培训」的总分应等于各项得分之和＝98.34 分，表中为 96.34 分。/,
    );
  });

  test("a 总分 of the indicators alone, the budget's 得分 apart, is right too", () => {
    expect(summary(edited([0, "总分", 89], [0, "评价等级", "良"]))).toEqual([]);
  });

  test("whole scores are exact: a total one point off is never 尾差; a rounded score's cent is", () => {
    expect(summary(edited([0, "总分", 99.34]))).toEqual([["error", "score-total", "P2", 98.34, 99.34]]);
    // 28.67 (30 × 95.56%) and 9.34 are rounded; their sum may be a cent off the rounded total.
    const rounded = analyze(edited([1, "得分", 28.67], [0, "总分", 98])).issues;
    expect(rounded.map((i) => [i.severity, i.rule, i.cell])).toEqual([["warning", "rounding-gap", "P2"]]);
    expect(rounded[0]!.message).toBe(
      "项目「干部培训」的总分与各项得分相差 0.01 分，可能是四舍五入尾差；如可接受，在「合计容差」中填 0.01。",
    );
  });

  test("执行率 = 执行数 / 预算数 as the cell rounds it; cut or capped at 100% is how forms are filled in", () => {
    expect(
      summary(edited([0, "执行率", "95.00%"], [0, "预算得分(分值*执行率)", 9.5], [0, "总分", 98.5])),
    ).toEqual([["error", "wrong-ratio", "D2", 93.4, 95]]);
    // 93.46% shown as 93% (cut) and as 93.5% (rounded) are both right; 100% for 101% spent is a cap.
    expect(
      summary(
        edited(
          [0, "执行数", "93.46"],
          [0, "执行率", "93%"],
          [0, "预算得分(分值*执行率)", 9.3],
          [0, "总分", 98.3],
        ),
      ),
    ).toEqual([]);
    expect(
      summary(
        edited(
          [0, "执行数", "93.46"],
          [0, "执行率", "93.5%"],
          [0, "预算得分(分值*执行率)", 9.35],
          [0, "总分", 98.35],
        ),
      ),
    ).toEqual([]);
    expect(
      summary(
        edited(
          [0, "执行数", "101.00"],
          [0, "执行率", "100%"],
          [0, "预算得分(分值*执行率)", 10],
          [0, "总分", 99],
        ),
      ),
    ).toEqual([]);
  });

  test("the budget 得分 by the form's rule: rounded or cut is right, from the rate written or computed", () => {
    expect(summary(edited([0, "预算得分(分值*执行率)", 9.3], [0, "总分", 98.3]))).toEqual([]);
    expect(summary(edited([0, "预算得分(分值*执行率)", 10], [0, "总分", 99]))).toEqual([
      ["error", "budget-score", "N2", 9.34, 10],
    ]);
    const message = analyze(edited([0, "预算得分(分值*执行率)", 10], [0, "总分", 99])).issues[0]!.message;
    expect(message).toBe(
      "项目「干部培训」预算执行率的得分应为 分值 10 × 执行率 93.4%＝9.34 分（不超过分值），表中为 10 分。",
    );
    // A wrong rate is the rate's issue; the score computed from the right one is not blamed.
    expect(summary(edited([0, "执行率", "95.00%"]))).toEqual([["error", "wrong-ratio", "D2", 93.4, 95]]);
  });

  test("an actual that misses its target with full marks is an error; met with points off, a warning", () => {
    expect(summary(edited([1, "得分", 30], [0, "总分", 99.34]))).toEqual([
      ["error", "full-marks-missed", "K3", null, 30],
    ]);
    expect(summary(edited([0, "得分", 28], [0, "总分", 96.34]))).toEqual([
      ["warning", "deducted-but-met", "K2", 30, 28],
    ]);
  });

  test("a miss without 偏差原因 (empty, 无, a slash) is a warning at the reason's cell", () => {
    for (const reason of ["", "无", "/"])
      expect(summary(edited([1, "偏差原因", reason]))).toEqual([
        ["warning", "missing-deviation-reason", "L3", null, null],
      ]);
  });

  test("评价等级 follows 总分: 优 ≥ 90, 良 80–90, 中 60–80, 差 below; 优秀/良好 are the same grades", () => {
    expect(summary(edited([0, "评价等级", "良"]))).toEqual([["error", "grade-mismatch", "Q2", "优", "良"]]);
    expect(summary(edited([0, "评价等级", "优秀"]))).toEqual([]);
    expect(summary(edited([0, "评价等级", "良好"]))).toEqual([
      ["error", "grade-mismatch", "Q2", "优", "良好"],
    ]);
    // A grade the bands do not know is not judged.
    expect(summary(edited([0, "评价等级", "A"]))).toEqual([]);
  });

  test("words where the target set a number: a warning, and nothing judged of its score", () => {
    const rows = edited([3, "实际完成值", "达成预期指标"], [3, "得分", 8], [0, "总分", 96.34]);
    expect(summary(rows)).toEqual([["warning", "actual-not-number", "I5", null, null]]);
  });

  test("every message has its English", () => {
    const rows = edited([1, "得分", 30], [0, "总分", 99.34], [0, "评价等级", "良"]);
    expect(analyze(rows, "en-US").issues.map((i) => i.message)).toEqual([
      'Project "干部培训" scores 99.34 in all: its grade (评价等级) should be "优"; found "良".',
      'Project "干部培训", item 2, "培训合格率": the actual "93%" misses the target "≥95%", yet it has full marks (30 points).',
    ]);
  });
});

describe("the culprit finder weighs a self-evaluation's bounds and ratios (weigh-edits.ts)", () => {
  test("a 得分 over its 分值 that also breaks 总分 is the one cell to change; its bound is not reported again", () => {
    const issues = analyze(edited([0, "得分", 36])).issues;
    expect(issues.map((i) => [i.rule, i.cell, i.expected, i.actual])).toEqual([
      ["wrong-amount", "K2", 30, 36],
    ]);
    expect(issues[0]!.message).toBe(
      "项目「干部培训」「培训人次」的「得分」（K2）应为 30 分，表中为 36 分；改正后，总分 P2 就能对上。",
    );
    expect(analyze(edited([0, "得分", 36]), "en-US").issues[0]!.message).toBe(
      'Project "干部培训": "得分" of "培训人次" K2 should be 30 points, found 36 points. Once changed, the total score P2 agrees.',
    );
  });

  test("a 总分 short of its scores with every 得分 at full marks but one: the 得分 that cannot rise is no candidate", () => {
    // 总分 two points over: the 总分, or 培训合格率 (29 of 30) could take them, no full-marks score can.
    const issues = analyze(edited([1, "得分", 28], [0, "总分", 99.34])).issues.filter(
      (i) => i.severity === "error",
    );
    expect(issues.map((i) => [i.rule, i.cell, i.details.culprits?.candidates])).toEqual([
      ["score-total", "P2", [["P2"], ["K3"]]],
    ]);
  });

  /** A cell at row `row`, column `column`, holding `text`. */
  function cell(row: number, column: number, text: string): EquationCell {
    const amount = exactDecimalFromText(text)!;
    return equationCell(row, column, cellAddress(row, column), Number(text), amount.scale, text);
  }

  test("a mistyped 执行数 breaks its column's sum and the 执行率: the 执行数 is named, the right rate is not blamed", () => {
    // 全年执行数 C2 = C3 + C4 (中央, 地方); 执行率 D2 = C2 / B2, shown as 93.40%. C2 typed 94.30 for 93.40.
    const [budget, spent, central, local, rate] = [
      cell(2, 2, "100.00"),
      cell(2, 3, "94.30"),
      cell(3, 3, "60.00"),
      cell(4, 3, "33.40"),
      cell(2, 4, "93.40"),
    ];
    const equations: Equation[] = [
      { rule: "grand-total", target: spent, addends: [central, local], details: { amountColumn: "spent" } },
      {
        kind: "ratio",
        rule: "wrong-ratio",
        target: rate,
        numerator: spent,
        denominator: budget,
        rounding: { decimals: 2, percent: true },
        details: { targetLabel: "执行率", numeratorLabel: "执行数", denominatorLabel: "预算数" },
      },
    ];
    const table = { table: null, grandTotal: null, units: [], projects: [], equations };
    expect(reconcileTotals(table).map((i) => [i.rule, i.cell, i.expected, i.actual])).toEqual([
      ["wrong-amount", "C2", 93.4, 94.3],
    ]);
    // The rate itself wrong: the sum holds, and the rate is the issue.
    const wrongRate = [equations[0]!, { ...equations[1]!, target: cell(2, 4, "95.00") } as Equation];
    const held = {
      ...table,
      equations: [{ ...equations[0]!, target: cell(2, 3, "93.40") } as Equation, wrongRate[1]!],
    };
    expect(reconcileTotals(held).map((i) => [i.rule, i.cell])).toEqual([["wrong-ratio", "D2"]]);
  });
});

describe("on the clerk's form, read by the self-evaluation-form layout", () => {
  const n = null;
  // prettier-ignore
  const form = (spent: string, rate: string, score: CellValue = 9.34, budgetScore = 9.34): Grid => [
    ["2023年度项目支出绩效自评表"],
    ["项目名称", "干部教育培训"],
    ["主管部门", "某县司法局", n, n, "实施单位", "某县司法局"],
    ["项目资金 (万元)", n, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分(10分*执行率)"],
    [n, "年度资金总额", "100.00", "100.00", spent, 10, rate, budgetScore],
    [n, "其中:当年财政拨款", "100.00", "100.00", "93.40"],
    [n, "上年结转资金"],
    [n, "其他资金"],
    ["年度总体目标", "预期目标", n, n, n, "实际完成情况"],
    [n, "完成干部培训", n, n, n, "已完成"],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    [n, "产出指标", "数量指标", "培训人次", "≥300人次", "320人次", 30, score, n],
    [n, n, "质量指标", "培训合格率", "≥95%", "93%", 30, 29, "部分学员补考未通过"],
    [n, "效益指标", "社会效益指标", "依法行政水平", "提升", "达成预期指标", 20, 20, n],
    [n, "满意度指标", "服务对象满意度指标", "学员满意度", "≥90%", "96%", 10, 10, n],
    ["合计", n, n, n, n, n, 100, 98.34, n],
    ["评价等级", "优"],
  ];
  const issues = (grid: Grid) =>
    analyzeTable(grid).issues.map((i) => [i.severity, i.rule, i.cell, i.expected ?? null, i.actual ?? null]);

  test("a clean form has no issue", () => {
    expect(issues(form("93.40", "93.40%", 30))).toEqual([]);
  });

  test("a mistyped 执行数 breaks its column's sum and the 执行率: the 执行数 is named, the right rate is not blamed", () => {
    expect(issues(form("94.30", "93.40%", 30))).toEqual([["error", "wrong-amount", "E5", 93.4, 94.3]]);
  });

  test("a rate written as a percentage's number without its % is read as a percentage", () => {
    expect(issues(form("93.40", "93.40", 30))).toEqual([]);
    expect(issues(form("93.40", "95.00", 30))).toEqual([["error", "wrong-ratio", "G5", 93.4, 95]]);
    // Its budget 得分 of 10 is no 10 × 93.4 (and the 总分 of 98.34 no longer its sum).
    expect(issues(form("93.40", "93.40", 30, 10)).filter((i) => i[1] !== "score-total")).toEqual([
      ["error", "budget-score", "H5", 9.34, 10],
    ]);
  });

  test("a wrong 执行率 with the 执行数 right is the rate's issue", () => {
    expect(issues(form("93.40", "95.00%", 30))).toEqual([["error", "wrong-ratio", "G5", 93.4, 95]]);
  });

  test("a note in a 得分 cell is no number", () => {
    expect(issues(form("93.40", "93.40%", "满分"))).toEqual([
      ["error", "score-not-number", "H12", null, null],
    ]);
  });
});
