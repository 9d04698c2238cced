/**
 * Self-evaluation forms (绩效自评表) of shapes provinces publish that the corpus's eleven do not have, filled in
 * as a clerk fills them: the 2021 central template (项目资金 | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 |
 * 得分, closed by `总分 | … | 100 | 98.5`), amounts in 元 with thousands separators and rates written four ways,
 * a target and an actual each split into 指标值 | 度量单位, 得分 before 分值 under 权重(%) / 自评得分, a
 * department's 部门整体支出绩效自评表 with its 年度主要任务, two forms stacked on one sheet, a form pasted at C4
 * with letter-spaced labels, and 总分 / 评价等级 / 自评结论 rows; then the smaller ways clerks fill them: 实际得分,
 * 满分 / 标准分, scores written `27分`, a budget block that says 支出, its 分值 in its label (预算执行情况（10分）),
 * a row of column keys under its header, its total last, `/` under 年初预算数, formulas with no saved result. Each
 * is read whole (every indicator with its target, actual, 分值 and 得分; the budget block; the closing figures)
 * and, being right, raises nothing; the same forms with one cell made wrong raise the issue a clerk should see,
 * on that cell.
 */
import { analyzeTable, parseTable } from "../../../src/core/analyze-table";
import { A1_ORIGIN, type CellValue, type Grid } from "../../../src/core/model/grid";

type Row = CellValue[];

const GRID_HEADER: Row = [
  "绩效指标",
  "一级指标",
  "二级指标",
  "三级指标",
  "年度指标值",
  "实际完成值",
  "分值",
  "得分",
  "偏差原因分析及改进措施",
];

const BUDGET_HEADER: Row = [
  "项目资金（万元）",
  null,
  "年初预算数",
  "全年预算数",
  "全年执行数",
  "分值",
  "执行率",
  "得分",
];

/** The 2021 central template (附件2 项目支出绩效自评表), filled in: every figure adds up. */
function central2021(): Grid {
  return [
    ["附件2"],
    ["项目支出绩效自评表"],
    ["（2021年度）"],
    ["项目名称", "农村饮水安全巩固提升工程"],
    ["主管部门", "某县水利局", null, null, null, "实施单位", "某县农村供水站"],
    BUDGET_HEADER,
    [null, "年度资金总额", 300, 320, 304, 10, "95%", 9.5],
    [null, "其中：当年财政拨款", 300, 300, 286, "—", "—", "—"],
    [null, "      上年结转资金", 0, 20, 18, "—", "—", "—"],
    [null, "      其他资金", 0, 0, 0, "—", "—", "—"],
    ["年度总体目标", "预期目标", null, null, null, "实际完成情况"],
    [null, "完成12处供水工程改造。", null, null, null, "完成12处供水工程改造，受益人口2.1万人。"],
    GRID_HEADER,
    [null, "产出指标", "数量指标", "改造供水工程数量", "≥12处", "12处", 15, 15],
    [null, null, null, "新建管网长度", "≥40公里", "38公里", 10, 9, "部分路段征地未完成，次年续建"],
    [null, null, "质量指标", "工程验收合格率", "100%", "100%", 10, 10],
    [null, null, "时效指标", "工程完工时间", "2021年12月底前", "2021年11月", 10, 10],
    [null, null, "成本指标", "单处改造成本", "≤25万元", "23.6万元", 5, 5],
    [null, "效益指标", "社会效益指标", "受益人口", "≥2万人", "2.1万人", 15, 15],
    [null, null, "可持续影响指标", "工程运行年限", "≥15年", "15年", 15, 15],
    [null, "满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%", "96%", 10, 10],
    ["总分", null, null, null, null, null, 100, 98.5],
  ];
}

/** A form in 元 (金额单位：元, `1,187,500.00`) whose 执行率 is written as `rate`. */
function inYuan(rate: CellValue): Grid {
  return [
    ["2022年度项目支出绩效自评表"],
    ["项目名称", "城乡居民医保信息系统运维", null, null, null, "金额单位：元"],
    ["主管部门", "某市医疗保障局", null, null, null, "实施单位", "某市医保中心"],
    ["项目资金（元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    [null, "年度资金总额", "1,200,000.00", "1,250,000.00", "1,187,500.00", 10, rate, 9.5],
    [null, "其中：当年财政拨款", "1,200,000.00", "1,200,000.00", "1,140,000.00"],
    [null, "上年结转资金", "0.00", "50,000.00", "47,500.00"],
    [null, "其他资金", "0.00", "0.00", "0.00"],
    ["年度总体目标", "预期目标", null, null, null, "实际完成情况"],
    [null, "保障医保信息系统全年稳定运行。", null, null, null, "系统全年稳定运行。"],
    GRID_HEADER,
    [null, "产出指标", "数量指标", "运维服务器数量", "42台", "42台", 20, 20],
    [null, null, "质量指标", "系统可用率", "≥99.9%", "99.95%", 20, 20],
    [null, null, "时效指标", "故障响应时间", "≤2小时", "1.5小时", 10, 10],
    [
      null,
      "效益指标",
      "社会效益指标",
      "线上办理业务占比",
      "≥60%",
      "58%",
      20,
      18,
      "线上宣传不足，下年加强推广",
    ],
    [null, "满意度指标", "服务对象满意度指标", "参保群众满意度", "≥90%", "93%", 20, 20],
    ["总分", null, null, null, null, null, 100, 97.5],
  ];
}

/** 年度指标值 over 指标性质 | 指标值 | 度量单位, 实际完成值 over 指标值 | 度量单位. */
function splitValues(): Grid {
  return [
    ["项目支出绩效自评表"],
    ["（2023年度）"],
    ["项目名称", "耕地地力保护补贴"],
    ["主管部门", "某县农业农村局", null, null, "实施单位", "某县农业农村局"],
    BUDGET_HEADER,
    [null, "年度资金总额", 860, 880, 880, 10, "100.00%", 10],
    [null, "其中：当年财政拨款", 860, 880, 880],
    [null, "上年结转资金", 0, 0, 0],
    [null, "其他资金", 0, 0, 0],
    ["年度总体目标", "预期目标", null, null, null, "实际完成情况"],
    [null, "按时足额发放耕地地力保护补贴。", null, null, null, "已足额发放。"],
    [
      "绩效指标",
      "一级指标",
      "二级指标",
      "三级指标",
      "年度指标值",
      null,
      null,
      "实际完成值",
      null,
      "分值",
      "得分",
      "偏差原因分析及改进措施",
    ],
    [null, null, null, null, "指标性质", "指标值", "度量单位", "指标值", "度量单位"],
    [null, "产出指标", "数量指标", "补贴面积", "≥", 52.3, "万亩", 52.6, "万亩", 20, 20],
    [null, null, null, "补贴农户数", "≥", 3.1, "万户", 3.1, "万户", 15, 15],
    [null, null, "质量指标", "补贴资金兑付准确率", "=", 100, "%", 100, "%", 15, 15],
    [null, null, "时效指标", "补贴发放完成时间", "≤", 6, "月", 6, "月", 10, 10],
    [null, "效益指标", "经济效益指标", "亩均补贴标准", "≥", 160, "元/亩", 166, "元/亩", 15, 15],
    [null, null, "社会效益指标", "耕地撂荒面积", "≤", 0.2, "万亩", 0.3, "万亩", 5, 4, "外出务工，加强督导"],
    [null, "满意度指标", "服务对象满意度指标", "种粮农户满意度", "≥", 90, "%", 95, "%", 10, 10],
    ["总分", null, null, null, null, null, null, null, null, 100, 99],
  ];
}

/** 自评得分 before 权重(%), in the budget block and the grid; 未完成原因和改进措施; 总分 under both. */
function scoreBeforeWeight(): Grid {
  return [
    ["项目支出绩效自评表"],
    ["项目名称", "中小学校舍维修改造"],
    ["主管部门", "某区教育局", null, null, "实施单位", "某区教育局"],
    ["项目资金（万元）", null, "年初预算数", "全年预算数", "全年执行数", "执行率", "权重(%)", "自评得分"],
    [null, "年度资金总额", 500, 500, 480, "96%", 10, 9.6],
    [null, "其中：当年财政拨款", 500, 500, 480],
    [null, "其他资金", 0, 0, 0],
    ["年度总体目标", "预期目标", null, null, "实际完成情况"],
    [null, "完成8所学校校舍维修。", null, null, "完成8所学校校舍维修。"],
    [
      "绩效指标",
      "一级指标",
      "二级指标",
      "三级指标",
      "年度指标值",
      "实际完成值",
      "自评得分",
      "权重(%)",
      "未完成原因和改进措施",
    ],
    [null, "产出指标", "数量指标", "维修学校数量", "8所", "8所", 30, 30],
    [null, null, "质量指标", "工程验收合格率", "100%", "100%", 20, 20],
    [null, "效益指标", "社会效益指标", "消除校舍安全隐患", "有效消除", "有效消除", 25, 25],
    [
      null,
      "满意度指标",
      "服务对象满意度指标",
      "师生满意度",
      "≥90%",
      "88%",
      8,
      15,
      "部分工程延期，加强施工组织",
    ],
    ["总分", null, null, null, null, null, 92.6, 100],
  ];
}

/** A department's 部门整体支出绩效自评表: 部门（单位）名称, a 年度主要任务 block above the budget block. */
function department(): Grid {
  return [
    ["部门整体支出绩效自评表"],
    ["（2022年度）"],
    ["部门（单位）名称", "某县自然资源局"],
    ["年度主要任务", "任务名称", null, "主要内容", null, "预算数（万元）", "执行数（万元）"],
    [null, "国土空间规划编制", null, "完成县级国土空间总体规划编制", null, 120, 115],
    [null, "耕地保护", null, "落实耕地保护目标责任", null, 80, 80],
    [
      "年度部门整体支出预算执行情况（万元）",
      null,
      "年初预算数",
      "全年预算数",
      "全年执行数",
      "分值",
      "执行率",
      "得分",
    ],
    [null, "年度资金总额", 900, 960, 912, 10, "95%", 9.5],
    [null, "其中：基本支出", 600, 620, 610],
    [null, "项目支出", 300, 340, 302],
    ["年度总体目标", "预期目标", null, null, "实际完成情况"],
    [null, "完成规划编制，守住耕地红线。", null, null, "规划编制完成，耕地保有量达标。"],
    GRID_HEADER,
    [null, "产出指标", "数量指标", "耕地保有量", "≥32.5万亩", "32.8万亩", 20, 20],
    [null, null, "质量指标", "规划成果通过审查率", "100%", "100%", 20, 20],
    [null, null, "时效指标", "规划编制完成时间", "2022年12月底", "2022年12月", 10, 10],
    [null, "效益指标", "社会效益指标", "违法占用耕地案件查处率", "100%", "100%", 20, 20],
    [null, null, "可持续影响指标", "生态保护红线面积", "不减少", "未减少", 10, 10],
    [null, "满意度指标", "服务对象满意度指标", "群众满意度", "≥85%", "90%", 10, 10],
    ["总分", null, null, null, null, null, 100, 99.5],
  ];
}

/** One project's form of a sheet that stacks several. */
function stackedForm(
  name: string,
  amounts: [number, number, number],
  rate: string,
  score: number,
  rows: Row[],
  total: number,
): Grid {
  return [
    ["项目支出绩效自评表"],
    ["项目名称", name],
    ["主管部门", "某县民政局", null, null, "实施单位", "某县民政局"],
    BUDGET_HEADER,
    [null, "年度资金总额", ...amounts, 10, rate, score],
    [null, "其中：当年财政拨款", ...amounts],
    [null, "上年结转资金", 0, 0, 0],
    [null, "其他资金", 0, 0, 0],
    ["年度总体目标", "预期目标", null, null, "实际完成情况"],
    [null, "保障对象应保尽保。", null, null, "全部按时发放。"],
    GRID_HEADER,
    ...rows,
    ["总分", null, null, null, null, null, 100, total],
  ];
}

function stacked(blankBetween: boolean): Grid {
  const first = stackedForm(
    "城乡低保资金",
    [2000, 2100, 2100],
    "100%",
    10,
    [
      [null, "产出指标", "数量指标", "保障人数", "≥3500人", "3620人", 30, 30],
      [null, null, "时效指标", "资金发放及时率", "100%", "100%", 20, 20],
      [null, "效益指标", "社会效益指标", "困难群众基本生活保障", "有效保障", "有效保障", 30, 30],
      [null, "满意度指标", "服务对象满意度指标", "保障对象满意度", "≥90%", "95%", 10, 10],
    ],
    100,
  );
  const second = stackedForm(
    "特困人员供养资金",
    [600, 600, 570],
    "95%",
    9.5,
    [
      [null, "产出指标", "数量指标", "供养人数", "≥800人", "812人", 30, 30],
      [null, null, "质量指标", "集中供养率", "≥40%", "38%", 20, 18, "部分特困人员意愿分散供养"],
      [null, "效益指标", "社会效益指标", "特困人员生活质量", "逐步提高", "逐步提高", 30, 30],
      [null, "满意度指标", "服务对象满意度指标", "供养对象满意度", "≥90%", "92%", 10, 10],
    ],
    97.5,
  );
  return [...first, ...(blankBetween ? [[]] : []), ...second];
}

/** A form pasted at C4, its labels letter-spaced (项 目 名 称, 分 值, 总    分). */
function offsetSpaced(): Grid {
  const form: Grid = [
    ["项 目 支 出 绩 效 自 评 表"],
    ["项 目 名 称", "文化惠民演出"],
    ["主 管 部 门", "某区文旅局", null, null, "实 施 单 位", "某区文化馆"],
    ["项目资金（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分 值", "执 行 率", "得 分"],
    [null, "年 度 资 金 总 额", 80, 80, 76, 10, "95%", 9.5],
    [null, "其中：当 年 财 政 拨 款", 80, 80, 76],
    [null, "其 他 资 金", 0, 0, 0],
    ["年度总体目标", "预期目标", null, null, "实际完成情况"],
    [null, "开展文化惠民演出60场。", null, null, "完成演出62场。"],
    [
      "绩 效 指 标",
      "一 级 指 标",
      "二 级 指 标",
      "三 级 指 标",
      "年度指标值",
      "实际完成值",
      "分 值",
      "得 分",
      "偏差原因分析及改进措施",
    ],
    [null, "产出指标", "数量指标", "惠民演出场次", "≥60场", "62场", 30, 30],
    [null, null, "质量指标", "演出节目原创比例", "≥30%", "32%", 20, 20],
    [null, "效益指标", "社会效益指标", "观众人次", "≥3万人次", "3.4万人次", 30, 30],
    [null, "满意度指标", "服务对象满意度指标", "观众满意度", "≥90%", "94%", 10, 10],
    ["总    分", null, null, null, null, null, 100, 99.5],
  ];
  return [[], [], [], ...form.map((row) => [null, null, ...row])];
}

/** 总分, 评价等级 and 自评结论 rows under the grid. */
function graded(): Grid {
  return [
    ["项目支出绩效自评表"],
    ["（2022年度）"],
    ["项目名称", "食品安全抽检监测"],
    ["主管部门", "某市市场监督管理局", null, null, "实施单位", "某市食品检验所"],
    BUDGET_HEADER,
    [null, "年度资金总额", 150, 150, 135, 10, "90%", 9],
    [null, "其中：当年财政拨款", 150, 150, 135],
    [null, "其他资金", 0, 0, 0],
    ["年度总体目标", "预期目标", null, null, "实际完成情况"],
    [null, "完成食品抽检4000批次。", null, null, "完成抽检3800批次。"],
    GRID_HEADER,
    [null, "产出指标", "数量指标", "食品抽检批次", "≥4000批次", "3800批次", 30, 27, "抽检经费拨付延迟"],
    [null, null, "质量指标", "不合格食品核查处置率", "100%", "100%", 20, 20],
    [null, "效益指标", "社会效益指标", "食品安全事故发生数", "0起", "0起", 30, 30],
    [null, "满意度指标", "服务对象满意度指标", "公众满意度", "≥85%", "80%", 10, 8, "宣传不足，加强科普"],
    ["总分", null, null, null, null, null, 100, 94],
    ["评价等级", "优"],
    ["自评结论", "项目总体完成较好，抽检批次略低于目标。"],
  ];
}

/** A copy of a grid with some cells changed: [row, column, value]. */
function edited(grid: Grid, ...changes: [number, number, CellValue][]): Grid {
  const copy = grid.map((row) => [...row]);
  for (const [r, c, value] of changes) {
    while (copy[r]!.length <= c) copy[r]!.push(null);
    copy[r]![c] = value;
  }
  return copy;
}

/** What a clerk sees of a read: each project's amounts and indicators, and the closing figures. */
function reading(grid: Grid) {
  const parsed = parseTable(grid, A1_ORIGIN);
  return {
    layout: parsed.table?.layout,
    projects: parsed.projects.map((p) => ({
      name: p.name,
      amounts: Object.fromEntries(Object.entries(p.amountCells).map(([k, cell]) => [k, cell.value])),
      indicators: p.indicators.map((i) => [
        i.name,
        i.annualValue,
        i.extra?.actual ?? null,
        i.extra?.weight ?? null,
        i.extra?.score ?? null,
      ]),
    })),
    closing: (parsed.selfEvaluations ?? []).map((s) => ({
      budget: [
        s.budget?.budget?.value,
        s.budget?.spent?.value,
        s.budget?.rate?.raw,
        s.budget?.weight?.value,
        s.budget?.score?.value,
      ],
      weightTotal: s.weightTotal?.value ?? null,
      totalScore: s.totalScore?.address ?? null,
      grade: s.grade?.text ?? null,
    })),
  };
}

/** The issues a clerk would see, as `rule@cell`. */
function issues(grid: Grid): string[] {
  return analyzeTable(grid).issues.map((i) => `${i.rule}@${i.cell}`);
}

describe("the 2021 central template, filled in", () => {
  test("reads every indicator, the budget block, and 总分's 分值 and 得分 from their columns", () => {
    const read = reading(central2021());
    expect(read.layout).toBe("self-evaluation-form");
    expect(read.projects).toEqual([
      {
        name: "农村饮水安全巩固提升工程",
        amounts: { initialBudget: 300, budget: 320, spent: 304 },
        indicators: [
          ["改造供水工程数量", "≥12处", "12处", 15, 15],
          ["新建管网长度", "≥40公里", "38公里", 10, 9],
          ["工程验收合格率", "100%", "100%", 10, 10],
          ["工程完工时间", "2021年12月底前", "2021年11月", 10, 10],
          ["单处改造成本", "≤25万元", "23.6万元", 5, 5],
          ["受益人口", "≥2万人", "2.1万人", 15, 15],
          ["工程运行年限", "≥15年", "15年", 15, 15],
          ["受益群众满意度", "≥90%", "96%", 10, 10],
        ],
      },
    ]);
    // 总分 | … | 100 | 98.5: the 100 is the 分值 total, the 98.5 (H22) the 总分, not the first number after 总分.
    expect(read.closing).toEqual([
      { budget: [320, 304, "95%", 10, 9.5], weightTotal: 100, totalScore: "H22", grade: null },
    ]);
  });

  test("being right, raises nothing", () => {
    expect(issues(central2021())).toEqual([]);
  });

  test.each<[string, [number, number, CellValue][], string]>([
    ["a 总分 that is not the sum of the 得分", [[21, 7, 97.5]], "score-total@H22"],
    ["a 执行率 that is not 执行数 / 全年预算数", [[6, 6, "90%"]], "wrong-ratio@G7"],
    [
      "a budget 得分 that is not 分值 × 执行率",
      [
        [6, 7, 8],
        [21, 7, 97],
      ],
      "budget-score@H7",
    ],
    ["a 分值 total that is not the sum of the 分值", [[21, 6, 95]], "weight-sum@G22"],
  ])("%s is found, on its cell", (_name, changes, wanted) => {
    expect(issues(edited(central2021(), ...changes))).toContain(wanted);
  });
});

describe("amounts in 元 with thousands separators, the rate written four ways", () => {
  test.each<[string, CellValue]>([
    ["95%", "95%"],
    ["95.00%", "95.00%"],
    ["0.95", 0.95],
    ["95 (a bare percentage)", 95],
  ])("执行率 %s: the amounts read, nothing raised", (_name, rate) => {
    const read = reading(inYuan(rate));
    expect(read.projects[0]!.amounts).toEqual({ initialBudget: 1200000, budget: 1250000, spent: 1187500 });
    expect(read.projects[0]!.indicators).toHaveLength(5);
    expect(read.closing[0]).toMatchObject({ weightTotal: 100, totalScore: "H17" });
    expect(issues(inYuan(rate))).toEqual([]);
  });

  test("a part over its total, in 元, is found", () => {
    expect(issues(edited(inYuan("95%"), [5, 4, "1,190,000.00"]))).toEqual(
      expect.arrayContaining([expect.stringMatching(/^(part-over-total|row-total|wrong-amount)@/)]),
    );
  });
});

describe("target and actual each split into 指标值 | 度量单位", () => {
  test("the actual is its value and unit read together", () => {
    const read = reading(splitValues());
    expect(read.projects[0]!.indicators).toEqual([
      ["补贴面积", "≥52.3万亩", "52.6万亩", 20, 20],
      ["补贴农户数", "≥3.1万户", "3.1万户", 15, 15],
      ["补贴资金兑付准确率", "100%", "100%", 15, 15],
      ["补贴发放完成时间", "≤6月", "6月", 10, 10],
      ["亩均补贴标准", "≥160元/亩", "166元/亩", 15, 15],
      ["耕地撂荒面积", "≤0.2万亩", "0.3万亩", 5, 4],
      ["种粮农户满意度", "≥90%", "95%", 10, 10],
    ]);
    expect(read.closing[0]).toMatchObject({ weightTotal: 100, totalScore: "K21" });
    expect(issues(splitValues())).toEqual([]);
  });

  test("a missed target given full marks is found (the split actual is judged)", () => {
    const grid = edited(splitValues(), [18, 10, 5], [20, 10, 100]);
    expect(issues(grid)).toEqual(["full-marks-missed@K19"]);
  });
});

describe("得分 before 分值, under 权重(%) and 自评得分", () => {
  test("each column by its meaning, not its place", () => {
    const read = reading(scoreBeforeWeight());
    expect(read.projects[0]!.indicators).toEqual([
      ["维修学校数量", "8所", "8所", 30, 30],
      ["工程验收合格率", "100%", "100%", 20, 20],
      ["消除校舍安全隐患", "有效消除", "有效消除", 25, 25],
      ["师生满意度", "≥90%", "88%", 15, 8],
    ]);
    expect(read.closing[0]).toEqual({
      budget: [500, 480, "96%", 10, 9.6],
      weightTotal: 100,
      totalScore: "G15",
      grade: null,
    });
    expect(issues(scoreBeforeWeight())).toEqual([]);
  });

  test.each([
    ["满分", "实际得分"],
    ["标准分", "实际得分"],
  ])("%s | %s: the weight and the score", (weight, score) => {
    const grid = edited(graded(), [10, 6, weight], [10, 7, score]);
    expect(reading(grid).projects[0]!.indicators[3]).toEqual(["公众满意度", "≥85%", "80%", 10, 8]);
    // 12 over its 分值 of 10 (and over the 总分): the cell named is H15.
    expect(issues(edited(grid, [14, 7, 12]))).toEqual(["wrong-amount@H15"]);
  });

  test("实际得分 is the score column, not an actual", () => {
    const grid = edited(graded(), [10, 7, "实际得分"]);
    const read = reading(grid);
    expect(read.projects[0]!.indicators[0]).toEqual(["食品抽检批次", "≥4000批次", "3800批次", 30, 27]);
    expect(read.closing[0]).toMatchObject({ totalScore: "H16" });
    expect(issues(edited(grid, [15, 7, 95]))).toContain("score-total@H16");
  });
});

describe("a department's 部门整体支出绩效自评表", () => {
  test("its budget block is the one with a total under it, not the 年度主要任务 above", () => {
    const read = reading(department());
    expect(read.projects[0]!.name).toBe("某县自然资源局");
    expect(read.projects[0]!.amounts).toEqual({ initialBudget: 900, budget: 960, spent: 912 });
    expect(read.projects[0]!.indicators).toHaveLength(6);
    expect(read.closing[0]).toMatchObject({ budget: [960, 912, "95%", 10, 9.5], totalScore: "H20" });
    expect(issues(department())).toEqual([]);
  });

  test("基本支出 and 项目支出 are the total's parts: more than it is found", () => {
    expect(issues(edited(department(), [9, 4, 400]))).toEqual(
      expect.arrayContaining([expect.stringMatching(/^part-over-total@/)]),
    );
  });
});

describe("several projects' forms stacked on one sheet", () => {
  test.each([true, false])("blank row between: %s: each form read, nothing raised", (blank) => {
    const grid = stacked(blank);
    const analysis = analyzeTable(grid);
    expect(analysis.projects.map((p) => [p.name, p.indicators.length])).toEqual([
      ["城乡低保资金", 4],
      ["特困人员供养资金", 4],
    ]);
    expect(analysis.issues).toEqual([]);
  });

  test("the second form's wrong 总分 is found on its cell", () => {
    const grid = stacked(true);
    const last = grid.length - 1;
    expect(issues(edited(grid, [last, 7, 99]))).toEqual([`score-total@H${last + 1}`]);
  });
});

describe("a form pasted at C4 with letter-spaced labels", () => {
  test("read whole, at its own cells, nothing raised", () => {
    const grid = offsetSpaced();
    const read = reading(grid);
    expect(read.projects[0]!.name).toBe("文化惠民演出");
    expect(read.projects[0]!.amounts).toEqual({ initialBudget: 80, budget: 80, spent: 76 });
    expect(read.projects[0]!.indicators.map((i) => i[0])).toEqual([
      "惠民演出场次",
      "演出节目原创比例",
      "观众人次",
      "观众满意度",
    ]);
    expect(read.closing[0]).toMatchObject({ weightTotal: 100, totalScore: "J18" });
    expect(issues(grid)).toEqual([]);
  });
});

describe("总分, 评价等级 and 自评结论 rows", () => {
  test("read, nothing raised", () => {
    const read = reading(graded());
    expect(read.closing[0]).toEqual({
      budget: [150, 135, "90%", 10, 9],
      weightTotal: 100,
      totalScore: "H16",
      grade: "优",
    });
    expect(issues(graded())).toEqual([]);
  });

  test("a grade the 总分 does not earn is found", () => {
    expect(issues(edited(graded(), [16, 1, "良"]))).toEqual(["grade-mismatch@B17"]);
  });

  test("a miss without 偏差原因 is warned of", () => {
    expect(issues(edited(graded(), [11, 8, null]))).toEqual(["missing-deviation-reason@I12"]);
  });

  test("a 合计 row of the indicators, then a 总分 row with the budget's score: the 总分 is the 总分 row's", () => {
    const grid: Row[] = graded().map((row) => [...row]);
    grid.splice(
      15,
      1,
      ["合计", null, null, null, null, null, 90, 85],
      ["总分", null, null, null, null, null, 100, 94],
    );
    expect(reading(grid).closing[0]).toMatchObject({ weightTotal: 90, totalScore: "H17", grade: "优" });
    expect(issues(grid)).toEqual([]);
  });
});

describe("scores written with their unit, 分", () => {
  /** The graded form with every 分值, 得分 and total written `27分`. */
  function inPoints(): Grid {
    return graded().map((row, r) =>
      row.map((cell, c) =>
        typeof cell === "number" && (c === 6 || c === 7) && (r === 5 || r >= 11) ? `${cell}分` : cell,
      ),
    );
  }

  test("`27分` is 27: read as numbers, nothing raised", () => {
    const grid = inPoints();
    expect(grid[11]![7]).toBe("27分");
    expect(reading(grid).projects[0]!.indicators[0]).toEqual([
      "食品抽检批次",
      "≥4000批次",
      "3800批次",
      30,
      27,
    ]);
    expect(issues(grid)).toEqual([]);
  });

  test("a wrong 总分 written `95分` is found", () => {
    expect(issues(edited(inPoints(), [15, 7, "95分"]))).toEqual(["score-total@H16"]);
  });
});

describe("a budget block that says 支出 for 执行 (预算数 | 全年实际支出数 | 支出率)", () => {
  function spentSaid(): Grid {
    const grid: Row[] = graded().map((row) => [...row]);
    grid.splice(
      4,
      4,
      ["资金情况（万元）", null, "预算数", "全年实际支出数", "支出率", "分值", "得分"],
      [null, "年度资金总额：", 150, 135, "90.00%", 10, 9],
      [null, "其中：上级转移支付资金", 100, 90],
      [null, "本级财政资金", 50, 45],
      [null, "其他资金", 0, 0],
    );
    return grid;
  }

  test("read as the execution block: its amounts, its rate, its parts", () => {
    const read = reading(spentSaid());
    expect(read.projects[0]!.amounts).toEqual({ budget: 150, spent: 135 });
    expect(read.closing[0]).toMatchObject({ budget: [150, 135, "90.00%", 10, 9], totalScore: "H17" });
    expect(issues(spentSaid())).toEqual([]);
  });

  test("a wrong 支出率 and parts that do not make the total are found", () => {
    expect(issues(edited(spentSaid(), [5, 4, "80.00%"]))).toContain("wrong-ratio@E6");
    expect(issues(edited(spentSaid(), [7, 2, 60]))).toEqual(
      expect.arrayContaining([expect.stringMatching(/^(row-total|wrong-amount)@C/)]),
    );
  });
});

describe("the budget's 分值 stated in its block label (预算执行情况（10分）), no 分值 column", () => {
  function labelled(): Grid {
    const grid: Row[] = graded().map((row) => [...row]);
    grid[4] = ["预算执行情况（10分）", null, "年初预算数", "全年预算数", "全年执行数", "执行率", "得分"];
    grid[5] = [null, "年度资金总额", 150, 150, 135, "90%", 9];
    grid[10] = ["绩效指标（90分）", ...GRID_HEADER.slice(1)];
    return grid;
  }

  test("the label's 10 is the budget's 分值: 总分 | 100 adds up, nothing raised", () => {
    const grid = labelled();
    expect(reading(grid).closing[0]).toMatchObject({ budget: [150, 135, "90%", 10, 9], weightTotal: 100 });
    expect(issues(grid)).toEqual([]);
  });

  test("a budget 得分 over 分值 × 执行率 is found", () => {
    expect(issues(edited(labelled(), [5, 6, 10], [15, 7, 95]))).toEqual(["budget-score@G6"]);
  });
});

describe("edges of the closing row and the split actual", () => {
  test("a 总分 label standing in the 分值 column takes the number right of it, not its own cell", () => {
    const grid = edited(graded(), [15, 0, null], [15, 6, "总分"]);
    expect(reading(grid).closing[0]).toMatchObject({ weightTotal: null, totalScore: "H16" });
    expect(issues(grid)).toEqual([]);
  });

  test("分值 and 得分 headed in the lower header row only end the split actual's group", () => {
    const grid = edited(splitValues(), [11, 9, null], [11, 10, null], [12, 9, "分值"], [12, 10, "得分"]);
    expect(reading(grid).projects[0]!.indicators[0]).toEqual(["补贴面积", "≥52.3万亩", "52.6万亩", 20, 20]);
    expect(issues(grid)).toEqual([]);
  });
});

describe("a project added during the year: `/` under 年初预算数", () => {
  test("no amount there, and none missing: the rest read, nothing raised", () => {
    const grid = edited(graded(), [5, 2, "/"], [6, 2, "/"]);
    const read = reading(grid);
    expect(read.projects[0]!.amounts).toEqual({ initialBudget: null, budget: 150, spent: 135 });
    expect(read.closing[0]).toMatchObject({ budget: [150, 135, "90%", 10, 9], weightTotal: 100 });
    expect(issues(grid)).toEqual([]);
  });

  test("words where an amount belongs are still not a number", () => {
    expect(issues(edited(graded(), [5, 3, "待定"]))).toContain("amount-not-number@D6");
  });
});

describe("score cells holding a formula the file kept no result of", () => {
  test("a note that the cell was not checked, not an error that words are there", () => {
    const grid = edited(graded(), [5, 7, "=F6*G6"], [15, 7, "=SUM(H12:H15)+H6"]);
    const found = analyzeTable(grid).issues.map((i) => [i.rule, i.severity, i.cell]);
    expect(found).toEqual([
      ["uncomputed-formula", "info", "H6"],
      ["uncomputed-formula", "info", "H16"],
    ]);
  });
});

describe("a row of column keys under the budget header", () => {
  test.each<[string, Row]>([
    ["letters", [null, null, null, "A", "B", null, "B/A", null]],
    ["numbers in brackets", [null, null, "（1）", "（2）", "（3）", "（4）", "（5）=（3）/（2）", "（6）"]],
  ])("%s: part of the header, the total row below it read", (_name, keys) => {
    const grid: Row[] = central2021().map((row) => [...row]);
    grid.splice(6, 0, keys);
    const read = reading(grid);
    expect(read.projects[0]!.amounts).toEqual({ initialBudget: 300, budget: 320, spent: 304 });
    expect(read.closing[0]).toMatchObject({ budget: [320, 304, "95%", 10, 9.5], weightTotal: 100 });
    expect(issues(grid)).toEqual([]);
  });
});

describe("a budget block whose total closes it (财政拨款 | 其他资金 | 合计)", () => {
  function totalLast(): Grid {
    const grid: Row[] = graded().map((row) => [...row]);
    grid.splice(
      4,
      4,
      ["项目资金（万元）", "资金来源", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
      [null, "财政拨款", 150, 150, 135],
      [null, "其他资金", 0, 0, 0],
      [null, "合计", 150, 150, 135, 10, "90%", 9],
    );
    return grid;
  }

  test("the 合计 row gives the amounts and scores, nothing raised", () => {
    const read = reading(totalLast());
    expect(read.projects[0]!.amounts).toEqual({ initialBudget: 150, budget: 150, spent: 135 });
    expect(read.closing[0]).toMatchObject({ budget: [150, 135, "90%", 10, 9], totalScore: "H16" });
    expect(issues(totalLast())).toEqual([]);
  });

  test("the rows above it are its parts: a part that breaks the sum is found", () => {
    expect(
      issues(edited(totalLast(), [5, 4, 130])).some((i) => /^(row-total|wrong-amount)@[EH]/.test(i)),
    ).toBe(true);
  });
});

describe("a budget written as label | value pairs along two lines", () => {
  function inline(): Grid {
    const grid: Row[] = graded().map((row) => [...row]);
    grid.splice(
      4,
      4,
      ["预算执行情况", "全年预算数", 150, "全年执行数", 135, "执行率", "90%"],
      [null, "分值", 10, "得分", 9],
    );
    return grid;
  }

  test("each figure right of its label: the amounts, the rate, the 分值 and 得分; nothing raised", () => {
    const read = reading(inline());
    expect(read.projects[0]!.amounts).toEqual({ budget: 150, spent: 135 });
    expect(read.closing[0]).toMatchObject({ budget: [150, 135, "90%", 10, 9], weightTotal: 100 });
    expect(issues(inline())).toEqual([]);
  });

  test("a wrong 执行率 there is found on its cell", () => {
    expect(issues(edited(inline(), [4, 6, "80%"]))).toContain("wrong-ratio@G5");
  });
});
