/**
 * Last year's table against this year's, for the shapes of forms read this session (README, "More shapes real
 * forms take"): a long-term grid stacked above this year's, a cost table over levels headed one too high, a form
 * named only by its title, a department table repeating its project's cells under a 资金来源 two-row header, a
 * value header over `≥ | 20 | 台`, and level-2-led indicator strings. Each year is built from one list of
 * indicators; this year's carries the edits a clerk makes (a target lowered, a sign lost, a unit changed, an
 * indicator renamed or dropped), and the comparison must find exactly those: a lowered target is an ordinary
 * change and no finding (value-change.ts), and nothing the shape itself holds (a long-term-only indicator, a
 * repeated cell, a title's year) is a change.
 */
import { analyzeTable } from "../../src/core/analyze-table";
import { compareTables } from "../../src/core/compare/compare-tables";
import type { Finding } from "../../src/core/compare/finding";
import type { Grid } from "../../src/core/model/grid";

const n = null;

/** [level-1, level-2, name, value]; a level-1 of null continues the one above (merged). */
type Row = readonly [string | null, string, string, string];

function brief(f: Finding): string {
  return `${f.kind} ${f.indicator ?? "-"}: ${f.last ?? "∅"} → ${f.this ?? "∅"} @${f.lastPlace?.cell ?? "∅"}/${f.thisPlace?.cell ?? "∅"}`;
}

function compare(last: Grid, current: Grid): { findings: string[]; projects: number; only: string[] } {
  const a = analyzeTable(last);
  const b = analyzeTable(current);
  expect([a.projects.length, b.projects.length]).not.toContain(0);
  const r = compareTables(a, b);
  return {
    findings: r.findings.map(brief),
    projects: r.matchedProjects,
    only: [...r.onlyLast, ...r.onlyThis],
  };
}

/** Replaces a row (by name) of a list, or drops it (`null`). */
function edit(rows: readonly Row[], name: string, to: Row | null): Row[] {
  const at = rows.findIndex((r) => r[2] === name);
  if (at < 0) throw new Error(`no indicator ${name}`);
  const out = [...rows];
  if (to === null) {
    // A dropped first row of a level-1 group hands its level-1 to the next row.
    const next = out[at + 1];
    if (rows[at]![0] !== null && next !== undefined && next[0] === null)
      out[at + 1] = [rows[at]![0], next[1], next[2], next[3]];
    out.splice(at, 1);
  } else out[at] = to;
  return out;
}

describe("a long-term grid stacked above this year's (2015 template)", () => {
  const LONG: Row[] = [
    ["产出指标", "数量指标", "完成基础设施项目个数", "≥8个"],
    [n, "质量指标", "工程验收合格率", "100%"],
    ["效益指标", "社会效益指标", "受益群众人数", "≥2万人"],
    [n, "可持续影响指标", "设施使用年限", "≥20年"],
    ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%"],
  ];
  const ANNUAL: Row[] = [
    ["产出指标", "数量指标", "完成基础设施项目个数", "≥3个"],
    [n, "质量指标", "工程验收合格率", "100%"],
    [n, "成本指标", "年度投入", "≤500万元"],
    ["效益指标", "社会效益指标", "受益群众人数", "≥1万人"],
    ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%"],
  ];
  const form = (year: number, long: readonly Row[], annual: readonly Row[]): Grid => [
    [`项目绩效目标表（${year}年度）`],
    ["项目名称", "镇域内基础设施建设", n, "项目属性", "延续项目"],
    ["资金总额及构成（万元）", "总额", 500],
    [n, "财政拨款", 500],
    ["项目绩效目标", "长期目标", n, "年度目标"],
    [n, "改善镇域内基础设施", n, "完成集镇立面改造"],
    ["长期绩效指标", "一级指标", "二级指标", "指标内容", "指标值"],
    ...long.map((r) => [n, ...r]),
    ["年度绩效指标", "一级指标", "二级指标", "指标内容", "指标值"],
    ...annual.map((r) => [n, ...r]),
  ];

  test("the same form a year later: no finding; 设施使用年限 (long-term only) is in both years, neither added nor dropped", () => {
    expect(compare(form(2021, LONG, ANNUAL), form(2022, LONG, ANNUAL))).toEqual({
      findings: [],
      projects: 1,
      only: [],
    });
  });

  test("a target lowered, a sign lost, 万元 → 元, a rename and a drop: exactly those", () => {
    let annual = edit(ANNUAL, "完成基础设施项目个数", [
      "产出指标",
      "数量指标",
      "完成基础设施项目个数",
      "≥2个",
    ]);
    annual = edit(annual, "群众满意度", ["满意度指标", "服务对象满意度指标", "群众满意度", "90%"]);
    annual = edit(annual, "年度投入", [n, "成本指标", "年度投入", "≤5000000元"]);
    annual = edit(annual, "受益群众人数", ["效益指标", "社会效益指标", "受益群众数量", "≥1万人"]);
    annual = edit(annual, "工程验收合格率", null);
    let long = edit(LONG, "工程验收合格率", null);
    long = edit(long, "受益群众人数", ["效益指标", "社会效益指标", "受益群众数量", "≥2万人"]);
    expect(compare(form(2021, LONG, ANNUAL), form(2022, long, annual)).findings).toEqual([
      "unit-changed 年度投入: ≤500万元 → ≤5000000元 @D16/D14",
      "op-lost 群众满意度: ≥90% → 90% @D18/D16",
      "renamed 受益群众数量: 受益群众人数 → 受益群众数量 @D17/D15",
      "dropped 工程验收合格率: 100% → ∅ @D15/∅",
    ]);
  });

  test("a long-term-only indicator dropped from the long-term grid is one dropped finding", () => {
    const long = edit(LONG, "设施使用年限", null);
    expect(compare(form(2021, LONG, ANNUAL), form(2022, long, ANNUAL)).findings).toEqual([
      "dropped 设施使用年限: ≥20年 → ∅ @D11/∅",
    ]);
  });

  test("an indicator long-term only last year and in this year's grid too: its period value against last year's, no false magnitude", () => {
    // Last year 设施使用年限 had only its long-term ≥20年; this year the annual grid states ≥1年 as well. The
    // long-term target did not move: ≥20年 against ≥1年 is two horizons, not a value ten times smaller.
    const annual: Row[] = [...ANNUAL, [n, "可持续影响指标", "设施使用年限", "≥1年"]];
    expect(compare(form(2021, LONG, ANNUAL), form(2022, LONG, annual)).findings).toEqual([]);
    // And back: in both grids last year, long-term only this year.
    expect(compare(form(2021, LONG, annual), form(2022, LONG, ANNUAL)).findings).toEqual([]);
  });

  test("a long-term target that lost its sign is found beside this year's that kept it; one that lost it in both, once", () => {
    const long = edit(LONG, "完成基础设施项目个数", ["产出指标", "数量指标", "完成基础设施项目个数", "8个"]);
    expect(compare(form(2021, LONG, ANNUAL), form(2022, long, ANNUAL)).findings).toEqual([
      "op-lost 完成基础设施项目个数: ≥8个 → 8个 @D14/D14",
    ]);
    const both = edit(LONG, "群众满意度", ["满意度指标", "服务对象满意度指标", "群众满意度", "90%"]);
    const annual = edit(ANNUAL, "群众满意度", ["满意度指标", "服务对象满意度指标", "群众满意度", "90%"]);
    expect(compare(form(2021, LONG, ANNUAL), form(2022, both, annual)).findings).toEqual([
      "op-lost 群众满意度: ≥90% → 90% @D18/D18",
    ]);
  });

  test("a long-term target that lost its sign is found though this year's grid has no row for it", () => {
    const long = edit(LONG, "设施使用年限", [n, "可持续影响指标", "设施使用年限", "20年"]);
    expect(compare(form(2021, LONG, ANNUAL), form(2022, long, ANNUAL)).findings).toEqual([
      "op-lost 设施使用年限: ≥20年 → 20年 @D11/D11",
    ]);
  });
});

/** The clerk's edits of one year to the next, the same for every shape: each shape's list has these names. */
function nextYear(rows: readonly Row[]): Row[] {
  let out = edit(rows, "开放服务窗口数", [rows[0]![0], "数量指标", "开放服务窗口数", "≥50个"]);
  out = edit(out, "设备完好率", [n, "质量指标", "设备完好率", "98%"]);
  out = edit(out, "物业服务单价", [n, "成本指标", "物业服务单价", "≤60000元"]);
  out = edit(out, "群众办事等候时间", ["效益指标", "社会效益指标", "群众平均等候时间", "≤15分钟"]);
  return edit(out, "故障修复时间", null);
}

const ROWS: Row[] = [
  ["产出指标", "数量指标", "开放服务窗口数", "≥60个"],
  [n, "数量指标", "设备维护次数", "≥24次"],
  [n, "质量指标", "设备完好率", "≥98%"],
  [n, "时效指标", "故障修复时间", "≤24小时"],
  [n, "成本指标", "物业服务单价", "≤6万元"],
  ["效益指标", "社会效益指标", "群众办事等候时间", "≤15分钟"],
  ["满意度指标", "服务对象满意度指标", "办事群众满意度", "≥95%"],
];

/** What every shape must report for nextYear's edits (the lowered 开放服务窗口数 is no finding). */
const EXPECTED = [
  "op-lost 设备完好率: ≥98% → 98%",
  "unit-changed 物业服务单价: ≤6万元 → ≤60000元",
  "renamed 群众平均等候时间: 群众办事等候时间 → 群众平均等候时间",
  "dropped 故障修复时间: ≤24小时 → ∅",
];

const withoutPlaces = (r: { findings: string[]; projects: number; only: string[] }) => ({
  ...r,
  findings: r.findings.map((f) => f.replace(/ @.*$/, "")),
});

/**
 * Compares a shape's two years: none when unchanged; exactly EXPECTED after nextYear; and the money up by half
 * (275 → 412.5) while every count stays: the amount the shape states is the project's, one amount-vs-quantity.
 */
function checkShape(
  make: (year: number, rows: readonly Row[], amount: number) => Grid,
  projects = 1,
  unit = "",
): void {
  expect(withoutPlaces(compare(make(2023, ROWS, 275), make(2024, ROWS, 275)))).toEqual({
    findings: [],
    projects,
    only: [],
  });
  expect(withoutPlaces(compare(make(2023, ROWS, 275), make(2024, nextYear(ROWS), 275)))).toEqual({
    findings: projects === 1 ? EXPECTED : [...EXPECTED, ...EXPECTED],
    projects,
    only: [],
  });
  const more = withoutPlaces(compare(make(2023, ROWS, 275), make(2024, ROWS, 412.5))).findings;
  expect(more).toEqual(Array<string>(projects).fill(`amount-vs-quantity -: 275${unit} → 412.5${unit}`));
}

test("a form with a cost table, its level columns headed one level too high", () => {
  checkShape((year, rows, amount) => [
    [`某市${year}年市直部门预算项目支出绩效目标表`],
    ["项目名称", "市民服务中心运行保障", n, "项目类别", "本级支出项目"],
    ["项目预算成本构成", "金额", "测算（公式）依据", `${year - 1}年实际执行数`],
    ["物业服务费", amount - 95, "依据合同", 176.5],
    ["水电费", 95, "按上年用量测算", 91.3],
    ["合计", amount, n, 267.8],
    ["绩效目标", "保障市民服务中心日常运转"],
    ["绩效指标", "一级指标", "二级指标", "绩效标准", "当年预期实现值"],
    ...rows.map((r) => [n, r[1], r[2], "反映工作情况", r[3]]),
  ]);
});

test("a form named only by its title (the year in the title is no rename)", () => {
  checkShape(
    (year, rows, amount) => [
      [`${year}年市民服务中心运行保障项目绩效目标表`],
      ["单位：万元"],
      ["年度资金总额", amount],
      ["年度目标", "保障市民服务中心日常运转"],
      ["一级指标", "二级指标", "三级指标", "指标值"],
      ...rows.map((r) => [...r]),
    ],
    1,
    "万元",
  );
});

test("a department table repeating the project's cells on every row, 资金来源 over a second header row", () => {
  checkShape(
    (year, rows, amount) => [
      [`${year}年部门项目支出绩效目标表`],
      [
        "单位名称",
        "项目名称",
        "预算数",
        "资金来源",
        n,
        "年度目标",
        "一级指标",
        "二级指标",
        "三级指标",
        "指标值",
      ],
      [n, n, n, "财政拨款", "其他资金"],
      ...["市民服务中心", "政务服务大厅"].flatMap((unit) => {
        let level1 = "";
        return rows.map((r) => {
          level1 = r[0] ?? level1;
          return [unit, "运行保障", amount, amount - 25, 25, "保障日常运转", level1, r[1], r[2], r[3]];
        });
      }),
    ],
    2,
  );
});

test("a value header over ≥ | 20 | 台 (the sign, the number and the unit in columns of their own)", () => {
  // A value's sign, number and unit: `≥60个` → ≥ | 60 | 个, `98%` → (none) | 98 | %, `≤6万元` → ≤ | 6 | 万元.
  const SIGN = /^(≥|≤|=)?([0-9.]+)(.*)$/;
  checkShape((year, rows, amount) => [
    ["项目支出绩效目标表"],
    ["项目名称", "市民服务中心运行保障"],
    ["年度资金总额", amount],
    ["一级指标", "二级指标", "三级指标", "指标值", n, n],
    ...rows.map((r) => {
      const m = SIGN.exec(r[3])!;
      return [r[0], r[1], r[2], m[1] ?? "", Number(m[2]), m[3] ?? ""];
    }),
  ]);
});

test("indicator strings led by their level-2, each value straight after its name", () => {
  checkShape(
    (year, rows, amount) => [
      [`${year}年项目支出绩效目标表`],
      ["单位：万元"],
      ["项目名称", "总计", "财政拨款", "绩效目标", "绩效指标"],
      [
        "市民服务中心运行保障",
        amount,
        amount,
        "保障市民服务中心日常运转",
        rows.map((r) => `${r[1]}：${r[2]}${r[3]}`).join("；"),
      ],
    ],
    1,
    "万元",
  );
});

test("a string table stating both horizons: the period's sign lost is found, the year's unchanged", () => {
  const table = (period: string): Grid => [
    ["项目名称", "总计", "绩效目标", "绩效指标"],
    [
      "教师培训",
      80,
      "培训全区教师",
      `1、产出指标：数量指标：培训人次；实施周期指标值：${period}；年度指标值：≥500人次。2、效益指标：社会效益指标：教学能力；年度指标值：有所提升。`,
    ],
  ];
  expect(compare(table("≥1500人次"), table("≥1500人次")).findings).toEqual([]);
  expect(compare(table("≥1500人次"), table("1500人次")).findings).toEqual([
    "op-lost 培训人次: ≥1500人次 → 1500人次 @D2/D2",
  ]);
});

test.each<[string, (unit: string, k: number) => Grid, string]>([
  [
    "a form named by its title, 单位： on a line under it",
    (unit, k) => [
      ["2024年市民服务中心运行保障项目绩效目标表"],
      [`单位：${unit}`],
      ["年度资金总额", 275 * k],
      ["一级指标", "二级指标", "三级指标", "指标值"],
      ["产出指标", "数量指标", "开放服务窗口数", "≥60个"],
    ],
    "B3",
  ],
  [
    "a form whose 金额单位 sits beside 填报单位 under its 项目名称",
    (unit, k) => [
      ["项目支出绩效目标表"],
      ["项目名称", "市民服务中心运行保障"],
      ["填报单位：某局", n, `金额单位：${unit}`],
      ["年度资金总额", 275 * k],
      ["一级指标", "二级指标", "三级指标", "指标值"],
      ["产出指标", "数量指标", "开放服务窗口数", "≥60个"],
    ],
    "B4",
  ],
])("%s: the table's unit 万元 → 元 is one unit-changed, not money grown ten thousand times", (_, make) => {
  expect(compare(make("万元", 1), make("元", 10_000)).findings).toEqual([
    "unit-changed -: 275万元 → 2750000元 @B3/B3".replace(
      /B3/g,
      make("元", 1)[2]![0] === "年度资金总额" ? "B3" : "B4",
    ),
  ]);
});
