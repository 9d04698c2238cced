/**
 * Forms of the 2015 national template and its copies (the corpus' 佳县 and 市财政 templates, filled as clerks fill
 * them): a long-term grid (长期绩效指标, 总目标绩效指标) stacked with this year's (年度绩效指标, 本年度绩效指标). This
 * year's grid gives the indicators; the long-term grid's values are their 实施周期指标值, and neither grid's header
 * is an indicator. Their funding blocks and goal blocks are read too.
 */
import { analyzeTable } from "../../../src/core/analyze-table";
import type { Grid } from "../../../src/core/model/grid";
import { formRole, horizonOf } from "../../../src/core/locate/vocabulary";
import { mapLevel } from "../../../src/core/split/map-level";

const n = null;

function read(grid: Grid) {
  const a = analyzeTable(grid);
  const p = a.projects[0];
  return {
    indicators:
      p?.indicators.map(
        (i) =>
          `${i.level1?.name ?? `?${i.level1?.written ?? ""}`}/${i.level2?.name ?? ""}/${i.name}: ${i.periodValue ?? "-"} → ${i.annualValue ?? "-"}`,
      ) ?? [],
    amounts: p ? p.amounts : null,
    goal: p?.goal ?? null,
    valueColumn: a.table?.valueColumn ?? null,
    flags: a.issues
      .filter((i) => i.severity !== "info")
      .map((i) => `${i.severity} ${i.rule} ${i.cell ?? ""}`),
  };
}

/** The 2015 template's head, filled: name, funding with its parts inline, the goals on the row under their labels. */
const HEAD: Grid = [
  ["佳县财政支出项目绩效目标申报表"],
  ["（2016年度）"],
  ["项目名称", "红枣产业提质增效", "项目属性", "延续项目√"],
  ["项目实施单位", "佳县红枣站", "项目负责人", "张三"],
  ["项目起止时间", "2016年1月-2018年12月"],
  [
    "项目资金申请(万元)",
    "资金总额:120",
    "财政拨款:100",
    "自有资金:0",
    "事业收入:0",
    "经营性收入:0",
    "其他:20",
  ],
  ["项目绩效目标", "长期目标", "年度目标"],
  [n, "三年内改造低产枣园3万亩", "改造低产枣园1万亩"],
];

const HEADER = ["一级指标", "二级指标", "指标内容", "指标值", "备注"];

const LONG_TERM: Grid = [
  ["长期绩效指标", ...HEADER],
  [n, "产出指标", "数量指标", "改造低产枣园面积", "3万亩"],
  [n, n, "时效指标", "完成时间", "2018年12月"],
  [n, "效益指标", "经济效益指标", "枣农增收", "≥300元/亩"],
  [n, n, "可持续影响指标", "技术推广持续年限", "≥5年"],
  [n, "满意度指标", "服务对象满意度指标", "枣农满意度", "≥90%"],
];

const ANNUAL: Grid = [
  ["年度绩效指标", ...HEADER],
  [n, "产出指标", "数量指标", "改造低产枣园面积", "1万亩"],
  [n, n, "时效指标", "完成时间", "2016年12月"],
  [n, n, "成本指标", "亩均改造成本", "≤40元"],
  [n, "效益指标", "经济效益指标", "枣农增收", "≥100元/亩"],
  [n, "满意度指标", "服务对象满意度指标", "枣农满意度", "≥90%"],
];

const THIS_YEAR_WITH_LONG_TERM = [
  "产出指标/数量指标/改造低产枣园面积: 3万亩 → 1万亩",
  "产出指标/时效指标/完成时间: 2018年12月 → 2016年12月",
  "产出指标/成本指标/亩均改造成本: - → ≤40元",
  "效益指标/经济效益指标/枣农增收: ≥300元/亩 → ≥100元/亩",
  "满意度指标/服务对象满意度指标/枣农满意度: ≥90% → ≥90%",
  "效益指标/可持续影响指标/技术推广持续年限: ≥5年 → -",
];

describe("a long-term grid stacked with this year's", () => {
  test("this year's indicators carry the long-term values; a long-term-only one is kept, not flagged", () => {
    const r = read([...HEAD, ...LONG_TERM, ...ANNUAL, ["填报人：", n, "单位负责人："]]);
    expect(r.indicators).toEqual(THIS_YEAR_WITH_LONG_TERM);
    expect(r.flags).toEqual([]);
    expect(r.valueColumn).toEqual({
      header: "年度绩效指标 指标值",
      column: 5,
      others: ["长期绩效指标 指标值"],
      ambiguous: false,
    });
  });

  test("the funding parts written in their labels' cells and the goal on the row below are read", () => {
    const r = read([...HEAD, ...LONG_TERM, ...ANNUAL]);
    expect(r.amounts).toMatchObject({ total: 120, fiscal: 100, other: 20 });
    expect(r.goal).toBe("改造低产枣园1万亩");
  });

  test("this year's grid first, the long-term one after it: the same reading", () => {
    const r = read([...HEAD, ...ANNUAL, ...LONG_TERM]);
    expect(r.indicators).toEqual(THIS_YEAR_WITH_LONG_TERM);
    expect(r.flags).toEqual([]);
  });

  test("the grid's label alone on the row above its header (`二、年度绩效指标`)", () => {
    const titled = (title: string, g: Grid): Grid => [[title], ...g.map((row) => [n, ...row.slice(1)])];
    const r = read([
      ...HEAD,
      ...titled("一、长期绩效指标", LONG_TERM),
      ...titled("二、年度绩效指标", ANNUAL),
    ]);
    expect(r.indicators).toEqual(THIS_YEAR_WITH_LONG_TERM);
  });

  test("a damaged long-term value is flagged at its own cell in the long-term grid", () => {
    const damaged = LONG_TERM.map((row) => (row[3] === "枣农满意度" ? [...row.slice(0, 4), "≥190%"] : row));
    const r = read([...HEAD, ...damaged, ...ANNUAL]);
    expect(r.flags).toEqual(["warning suspicious-value E14"]);
  });

  test("a missing value this year is still an error", () => {
    const emptied = ANNUAL.map((row) => (row[3] === "枣农增收" ? [...row.slice(0, 4), n] : row));
    const r = read([...HEAD, ...LONG_TERM, ...emptied]);
    expect(r.flags).toEqual(["error missing-value E19"]);
  });

  test("a header repeated with no horizon (a new page) is a header, not an indicator", () => {
    const plain = (g: Grid): Grid => g.map((row, k) => (k === 0 ? ["", ...row.slice(1)] : row));
    const r = read([
      ...HEAD,
      ...plain(ANNUAL).slice(0, 3),
      ...plain(ANNUAL).slice(0, 1),
      ...plain(ANNUAL).slice(3),
    ]);
    expect(r.indicators).toEqual([
      "产出指标/数量指标/改造低产枣园面积: - → 1万亩",
      "产出指标/时效指标/完成时间: - → 2016年12月",
      "产出指标/成本指标/亩均改造成本: - → ≤40元",
      "效益指标/经济效益指标/枣农增收: - → ≥100元/亩",
      "满意度指标/服务对象满意度指标/枣农满意度: - → ≥90%",
    ]);
  });
});

describe("the 市财政 template: 项目预算 heading its funding, 总目标 and 本年度 grids, levels with their remarks", () => {
  const CITY: Grid = [
    ["项目支出绩效目标申报表"],
    ["项目名称", "城区公厕改造", "项目属性", "延续项目"],
    ["项目预算(万元)", "资金总额", 500],
    [n, "其中:市财政资金", 450],
    [n, "其他资金:", 50],
    ["项目绩效目标描述", "总目标", "两年改造城区公厕40座"],
    [n, "本年度目标", "改造城区公厕20座"],
    ["总目标绩效指标", ...HEADER],
    [n, "产出(工作量)指标(数量、质量、成本方面的指标)", n, "1.改造公厕数量", "40座"],
    [n, "效益指标(经济效益、社会效益、环境效益、可持续影响等方面指标)", n, "1.市容环境改善", "明显改善"],
    [n, "满意度指标", "服务对象满意度指标", "1.市民满意度", "≥90%"],
    ["本年度绩效指标", ...HEADER],
    [n, "产出指标(数量、质量、成本方面的指标)", n, "1.改造公厕数量", "20座"],
    [n, "效益指标(经济效益、社会效益、环境效益、可持续影响等方面指标)", n, "1.市容环境改善", "有所改善"],
    [n, "满意度指标", "服务对象满意度指标", "1.市民满意度", "≥90%"],
    ["审核意见", "主管部门审核意见", "审核人:"],
  ];

  test("read whole, with no false warning", () => {
    const r = read(CITY);
    expect(r.indicators).toEqual([
      "产出指标//1.改造公厕数量: 40座 → 20座",
      "效益指标//1.市容环境改善: 明显改善 → 有所改善",
      "满意度指标/服务对象满意度指标/1.市民满意度: ≥90% → ≥90%",
    ]);
    expect(r.amounts).toMatchObject({ total: 500, fiscal: 450, other: 50 });
    expect(r.goal).toBe("改造城区公厕20座");
    expect(r.flags).toEqual([]);
  });

  test("parts that do not add up to 资金总额 are flagged", () => {
    const r = read(CITY.map((row) => (row[2] === 450 ? [n, row[1]!, 460] : row)));
    expect(r.flags).toEqual(["error row-total C3"]);
  });
});

describe("the words these forms use", () => {
  test.each<[string, string | null]>([
    ["资金总额及构成", "fundBlock"],
    ["项目资金申请（万元）", "fundBlock"],
    ["总额", "total"],
    ["其中：市财政资金", "part"],
    ["区级财政资金", "part"],
    ["事业收入", "part"],
    ["经营性收入：", "part"],
    ["项目绩效目标", "goal"],
    ["总目标", "midGoal"],
    ["总体目标", "overallGoal"],
  ])("form label %s → %s", (label, role) => {
    expect(formRole(label)).toBe(role);
  });

  test.each<[string, "annual" | "other" | null]>([
    ["长期绩效指标", "other"],
    ["总目标绩效指标", "other"],
    ["年度绩效指标", "annual"],
    ["本年度绩效指标", "annual"],
    ["总体目标", null],
  ])("grid label %s → %s", (label, horizon) => {
    expect(horizonOf(label)).toBe(horizon);
  });

  test.each<[string, 1 | 2, string | null]>([
    ["产出(工作量)指标(数量、质量、成本方面的指标)", 1, "产出指标"],
    ["效益指标(经济效益、社会效益、环境效益、可持续影响等方面指标)", 1, "效益指标"],
    ["产出指标（50分）", 1, "产出指标"],
    ["社会效益指标（含就业）", 2, "社会效益指标"],
    ["产出（其他）", 1, "产出指标"],
    ["报废小车（辆）", 2, null],
  ])("level label %s → %s", (label, depth, name) => {
    expect(mapLevel(label, depth).name).toBe(name);
  });
});
