/**
 * One example issue per rule, as the checks would raise it on the bundled sample (or on a table like it): the
 * clerk's guide (user-guide.ts) shows each rule's message and advice on its example, so the guide quotes the
 * tool's own wording and never drifts from it. A new rule id fails the type check here until it has one.
 */
import { makeIssue, type IssueDraft, type RuleId } from "../model/issue";
import { sheetCell } from "../model/cell-address";

const PROJECT = "公务用车购置费";
const UNIT = "广州市白云区人民政府办公室";
const AMOUNTS = { decimals: 2, grouping: true, unit: "万元" } as const;
/** The self-evaluation rules' example project. */
const SELF_PROJECT = "干部教育培训";

export const RULE_EXAMPLES: Readonly<Record<RuleId, IssueDraft>> = {
  "wrong-amount": makeIssue(
    "wrong-amount",
    sheetCell(12, 3),
    {
      project: PROJECT,
      unit: UNIT,
      amountColumn: "fiscal",
      amountFormat: AMOUNTS,
      repairs: [
        { rule: "row-total", cell: "B12", amountColumn: "total", project: PROJECT, unit: UNIT },
        { rule: "group-total", cell: "C11", amountColumn: "fiscal", unit: UNIT },
      ],
      consequences: ["B12", "C11"],
      partners: [],
    },
    { about: { projectIndex: 0 }, expected: 18, actual: 17 },
  ),
  "row-total": makeIssue(
    "row-total",
    sheetCell(12, 2),
    {
      project: PROJECT,
      unit: UNIT,
      amountColumn: "total",
      amountFormat: AMOUNTS,
      culprits: { verdict: "too-many", candidates: [], count: 0 },
    },
    { expected: 18, actual: 20 },
  ),
  "group-total": makeIssue(
    "group-total",
    sheetCell(11, 2),
    {
      unit: UNIT,
      amountColumn: "total",
      amountFormat: AMOUNTS,
      culprits: {
        verdict: "ambiguous",
        candidates: [
          ["B12", "C12"],
          ["B13", "C13"],
        ],
        count: 6,
      },
    },
    { expected: 497, actual: 495 },
  ),
  subtotal: makeIssue(
    "subtotal",
    sheetCell(18, 3),
    {
      unit: UNIT,
      amountColumn: "fiscal",
      amountFormat: AMOUNTS,
      culprits: { verdict: "too-many", candidates: [], count: 0 },
    },
    { expected: 96, actual: 69 },
  ),
  "grand-total": makeIssue(
    "grand-total",
    sheetCell(10, 3),
    {
      amountColumn: "fiscal",
      amountFormat: AMOUNTS,
      culprits: { verdict: "too-many", candidates: [], count: 0 },
    },
    { expected: 2476.54, actual: 2467.54 },
  ),
  // A self-evaluation table's own equations (a layout declares them with its own labels).
  "part-over-total": makeIssue(
    "part-over-total",
    sheetCell(12, 9),
    { project: PROJECT, partLabels: ["得分"], totalLabel: "分值", cells: ["I12", "H12"] },
    { about: { projectIndex: 0 }, expected: 20, actual: 25 },
  ),
  "wrong-ratio": makeIssue(
    "wrong-ratio",
    sheetCell(12, 5),
    {
      project: PROJECT,
      targetLabel: "执行率",
      numeratorLabel: "执行数",
      denominatorLabel: "预算数",
      rounding: { decimals: 2, percent: true },
      cells: ["E12", "D12", "C12"],
    },
    { about: { projectIndex: 0 }, expected: 94.44, actual: 95 },
  ),
  "level-mismatch": makeIssue(
    "level-mismatch",
    sheetCell(34, 6),
    {
      project: "财务软件运行维护费",
      seq: 6,
      indicator: "使用单位满意度",
      level1: "2-效益指标",
      level2: "31-服务对象满意度",
      mismatch: "level2-parent",
      expectedLevel: "3-满意度指标",
    },
    { about: { projectIndex: 18, itemIndex: 5 } },
  ),
  "missing-value": makeIssue(
    "missing-value",
    sheetCell(25, 7),
    {
      project: "大院办公场所公共设备购置维修及保险等支出",
      seq: 3,
      indicator: "维保按时完成质量",
      field: "annual",
      text: "保障机关大院办公场所公共设备安全运行正常",
    },
    { about: { projectIndex: 11, itemIndex: 2 } },
  ),
  sequence: makeIssue(
    "sequence",
    sheetCell(13, 7),
    { project: "政府雇员工资费用", seq: 4, indicator: "受益政府雇员覆盖率", expectedSeq: 3 },
    { about: { projectIndex: 1, itemIndex: 2 }, expected: 3, actual: 4 },
  ),
  unparsed: makeIssue(
    "unparsed",
    sheetCell(14, 7),
    { project: "对外联络、会议及调研专项经费", text: "详见附件" },
    { about: { projectIndex: 2 } },
  ),
  "misplaced-indicators": makeIssue(
    "misplaced-indicators",
    sheetCell(34, 6),
    { project: "财务软件运行维护费" },
    { about: { projectIndex: 18 } },
  ),
  markup: makeIssue(
    "markup",
    sheetCell(34, 6),
    { project: "财务软件运行维护费" },
    { about: { projectIndex: 18 } },
  ),
  "missing-category": makeIssue(
    "missing-category",
    sheetCell(22, 7),
    { project: "机关饭堂运行经费", category: "outcome", present: ["output", "satisfaction"] },
    { about: { projectIndex: 9 } },
  ),
  "quantity-not-numeric": makeIssue(
    "quantity-not-numeric",
    sheetCell(20, 7),
    {
      project: "后勤人员专项经费",
      seq: 1,
      indicator: "城乡居民基本养老保险制度可持续发展",
      field: "annual",
      text: "维持可持续发展",
    },
    { about: { projectIndex: 7, itemIndex: 0 } },
  ),
  "period-is-definition": makeIssue(
    "period-is-definition",
    sheetCell(16, 7),
    {
      project: "文书档案规范化处理入馆项目",
      seq: 1,
      indicator: "工作量完成率（%）",
      field: "period",
      text: "实际完成的工作量/计划完成的工作量",
    },
    { about: { projectIndex: 4, itemIndex: 0 } },
  ),
  "suspicious-value": makeIssue(
    "suspicious-value",
    sheetCell(14, 7),
    {
      project: "对外联络、会议及调研专项经费",
      seq: 7,
      indicator: "服务对象满意度",
      field: "annual",
      text: "297%",
      reason: "over-100",
      probable: "≥97%",
    },
    { about: { projectIndex: 2, itemIndex: 6 } },
  ),
  "amount-not-number": makeIssue(
    "amount-not-number",
    sheetCell(12, 3),
    { project: PROJECT, unit: UNIT, amountColumn: "fiscal" },
    { about: { projectIndex: 0 }, actual: "十八万" },
  ),
  "duplicate-project": makeIssue(
    "duplicate-project",
    sheetCell(17, 1),
    { project: PROJECT, unit: UNIT, firstRow: 12 },
    { about: { projectIndex: 6 } },
  ),
  "empty-project": makeIssue(
    "empty-project",
    sheetCell(17, 7),
    { project: "专班工作经费", unit: UNIT },
    { about: { projectIndex: 5 } },
  ),
  "no-table": makeIssue("no-table", null, {}),
  "invalid-character": makeIssue("invalid-character", sheetCell(13, 1), { text: "U+D83D" }),
  // The other layouts' rules: a department table's weights, a single-project form's period, a file's formulas
  // and bytes (the fixtures of test/fixtures/tables show each).
  "weight-total": makeIssue(
    "weight-total",
    sheetCell(11, 11),
    { project: "健康宣传", unit: "区卫生健康局", cells: ["K11", "K12", "K13", "K14"] },
    { about: { projectIndex: 1 }, expected: 100, actual: 90 },
  ),
  "bad-date-range": makeIssue(
    "bad-date-range",
    sheetCell(5, 2),
    { project: "急救设备购置", text: "20246-202516" },
    { about: { projectIndex: 0 } },
  ),
  "uncomputed-formula": makeIssue(
    "uncomputed-formula",
    sheetCell(4, 4),
    { project: PROJECT, amountColumn: "fiscal", formula: "=VLOOKUP(A4,A5:D6,4,FALSE)" },
    { about: { projectIndex: 0 } },
  ),
  "invalid-bytes": makeIssue("invalid-bytes", sheetCell(6, 5), { byteOffset: 401 }),
  // The explanations of a broken total in which every amount is right (check/explain-gaps.ts), as the sample
  // gives them pasted without its last unit, with a project pasted twice, and with amounts rounded to 万元.
  "partial-paste": makeIssue("partial-paste", null, {
    edge: "end",
    edgeRow: 31,
    project: "人大、政府楼电梯更新改造工程",
    gaps: [{ rule: "grand-total", cell: "B10", amountColumn: "total", gap: 18.01 }],
    cells: ["B10", "C10"],
    amountFormat: AMOUNTS,
  }),
  "duplicate-rows": makeIssue("duplicate-rows", sheetCell(13, 1), {
    project: PROJECT,
    unit: UNIT,
    firstRow: 12,
    repeated: { from: 13, to: 13 },
    original: { from: 12, to: 12 },
    cells: ["A13"],
  }),
  "doubled-table": makeIssue("doubled-table", sheetCell(43, 1), {
    repeated: { from: 43, to: 67 },
    original: { from: 9, to: 33 },
  }),
  "rounding-gap": makeIssue(
    "rounding-gap",
    sheetCell(11, 2),
    {
      unit: UNIT,
      amountColumn: "total",
      amountFormat: AMOUNTS,
      cells: ["B11", "B12", "B13", "B14"],
      gaps: [{ rule: "group-total", cell: "B11", amountColumn: "total", unit: UNIT, gap: 0.01 }],
    },
    { expected: 30.99, actual: 31 },
  ),
  // A 20-digit 项目代码 pasted into a General cell (the fake Excel's paste, testing/fake-excel/excel-paste.ts).
  "digits-lost": makeIssue("digits-lost", sheetCell(12, 8), { text: "1.23457E+19" }),
  // A self-evaluation table (绩效自评表): one project's form, its indicators on rows 12–15 (年度指标值 in D,
  // 实际完成值 E, 分值 F, 得分 G, 偏差原因 H), the budget execution on row 8, 总分 in G16 and 评价等级 in G17.
  "score-over-weight": makeIssue(
    "score-over-weight",
    sheetCell(13, 7),
    {
      project: SELF_PROJECT,
      seq: 2,
      indicator: "培训合格率",
      partLabels: ["得分"],
      totalLabel: "分值",
      cells: ["G13", "F13"],
      scores: true,
    },
    { about: { projectIndex: 0, itemIndex: 1 }, expected: 20, actual: 25 },
  ),
  "weight-sum": makeIssue(
    "weight-sum",
    sheetCell(16, 6),
    {
      project: SELF_PROJECT,
      cells: ["F16", "F12", "F13", "F14", "F15", "F8"],
      scores: true,
      culprits: { verdict: "ambiguous", candidates: [["F16"], ["F12"], ["F13"], ["F14"], ["F15"]], count: 6 },
    },
    { about: { projectIndex: 0 }, expected: 105, actual: 100 },
  ),
  "score-total": makeIssue(
    "score-total",
    sheetCell(16, 7),
    {
      project: SELF_PROJECT,
      cells: ["G16", "G12", "G13", "G14", "G15", "G8"],
      scores: true,
      culprits: { verdict: "ambiguous", candidates: [["G16"], ["G12"], ["G13"], ["G14"], ["G15"]], count: 6 },
    },
    { about: { projectIndex: 0 }, expected: 89.34, actual: 91.34 },
  ),
  "budget-score": makeIssue(
    "budget-score",
    sheetCell(8, 7),
    { project: SELF_PROJECT, rate: 93.4, weight: 10, cells: ["G8", "F8", "E8"], scores: true },
    { about: { projectIndex: 0 }, expected: 9.34, actual: 10 },
  ),
  "full-marks-missed": makeIssue(
    "full-marks-missed",
    sheetCell(13, 7),
    {
      project: SELF_PROJECT,
      seq: 2,
      indicator: "培训合格率",
      target: "≥95%",
      actualText: "93%",
      weight: 20,
      cells: ["E13", "G13", "F13"],
    },
    { about: { projectIndex: 0, itemIndex: 1 }, actual: 20 },
  ),
  "deducted-but-met": makeIssue(
    "deducted-but-met",
    sheetCell(12, 7),
    {
      project: SELF_PROJECT,
      seq: 1,
      indicator: "培训人次",
      target: "≥300人次",
      actualText: "320人次",
      weight: 20,
      cells: ["E12", "G12", "F12"],
    },
    { about: { projectIndex: 0, itemIndex: 0 }, expected: 20, actual: 18 },
  ),
  "missing-deviation-reason": makeIssue(
    "missing-deviation-reason",
    sheetCell(13, 8),
    { project: SELF_PROJECT, seq: 2, indicator: "培训合格率", target: "≥95%", actualText: "93%" },
    { about: { projectIndex: 0, itemIndex: 1 } },
  ),
  "grade-mismatch": makeIssue(
    "grade-mismatch",
    sheetCell(17, 7),
    {
      project: SELF_PROJECT,
      totalScore: 89.34,
      bands: [
        { grade: "优", from: 90 },
        { grade: "良", from: 80 },
        { grade: "中", from: 60 },
        { grade: "差", from: 0 },
      ],
      cells: ["G17", "G16"],
    },
    { about: { projectIndex: 0 }, expected: "良", actual: "优" },
  ),
  "actual-not-number": makeIssue(
    "actual-not-number",
    sheetCell(14, 5),
    { project: SELF_PROJECT, seq: 3, indicator: "学员满意度", target: "≥90%", actualText: "达成预期指标" },
    { about: { projectIndex: 0, itemIndex: 2 } },
  ),
  "score-not-number": makeIssue(
    "score-not-number",
    sheetCell(15, 7),
    {
      project: SELF_PROJECT,
      seq: 4,
      indicator: "培训经费到位率",
      amountLabel: "得分",
      text: "分(因人数减少)",
    },
    { about: { projectIndex: 0, itemIndex: 3 } },
  ),
};
