/**
 * A city's form for its departments' projects (shaped like Hubei's 市直部门预算项目支出绩效目标表): a cost table
 * (`项目预算成本构成 | 金额 | 测算（公式）依据 | 上年实际执行数`, its items, `合计`) gives the project's amount and
 * its sums, and the grid's level columns are headed one level too high (`一级指标` holding 数量指标, `二级指标` the
 * indicator's name).
 */
import { analyzeTable } from "../../../src/core/analyze-table";
import type { Grid } from "../../../src/core/model/grid";

const n = null;

const FORM: Grid = [
  ["某市2022年市直部门预算项目支出绩效目标表"],
  ["项目名称", "办公大楼运行保障", "项目类别", "本级支出项目"],
  ["项目性质", "持续性项目", "立项依据", "三定方案"],
  ["项目预算成本构成", "金额", "测算（公式）依据", "2020年实际执行数", "2021年实际执行数"],
  ["保安服务费", "191", "依据招标文件", "191", "191"],
  ["保洁服务费", "99", "依据招标文件", "99", "99"],
  ["水电气、维修维护费", "524", "据实结算", "372.88", "504.55"],
  ["合计", "814", n, "662.88", "794.55"],
  ["绩效目标", "以办公大楼服务对象满意为目标"],
  ["绩效指标", "一级指标", "二级指标", "绩效标准", "当年预期实现值", "保障绩效目标实现措施"],
  [n, "数量指标", "日常维修维护次数", "反映全年维修维护情况", "2280次", "加强巡查"],
  [n, n, "安检巡察次数", "反映保卫巡检情况", "200次", n],
  [n, "质量指标", "维修维护验收合格率", "反映维修维护质量", "≥92%", n],
  [n, "时效指标", "报修响应时间", "反映维修及时性", "≤24小时", n],
  [n, "社会效益指标", "办公秩序", "反映办公环境", "良好", n],
  [n, "满意度指标", "服务对象满意度", "反映服务对象满意程度", "≥90%", n],
  ["主管部门审核意见", n, "单位公章：", "年 月 日"],
];

function read(grid: Grid) {
  const a = analyzeTable(grid);
  const p = a.projects[0];
  return {
    total: p?.amounts.total ?? null,
    indicators:
      p?.indicators.map(
        (i) => `${i.level1?.name ?? ""}/${i.level2?.name ?? ""}/${i.name}=${i.annualValue ?? ""}`,
      ) ?? [],
    flags: a.issues
      .filter((i) => i.severity !== "info")
      .map((i) => `${i.severity} ${i.rule} ${i.cell ?? ""}`),
    messages: a.issues.map((i) => i.message),
  };
}

describe("a form with a cost table and level columns headed one level too high", () => {
  test("the levels are read as 二级指标 and 三级指标, the 一级指标 from the framework; the 合计 is the amount", () => {
    const r = read(FORM);
    expect(r.total).toBe(814);
    expect(r.indicators).toEqual([
      "产出指标/数量指标/日常维修维护次数=2280次",
      "产出指标/数量指标/安检巡察次数=200次",
      "产出指标/质量指标/维修维护验收合格率=≥92%",
      "产出指标/时效指标/报修响应时间=≤24小时",
      "效益指标/社会效益指标/办公秩序=良好",
      "满意度指标/服务对象满意度指标/服务对象满意度=≥90%",
    ]);
    expect(r.flags).toEqual([]);
  });

  test("a 合计 that is not its items' sum is flagged, named by its column", () => {
    const wrong = FORM.map((row) => (row[0] === "合计" ? ["合计", "824", n, "662.88", "794.55"] : row));
    const r = read(wrong);
    expect(r.flags).toEqual(["error row-total B8"]);
    expect(r.messages[0]).toMatch(
      /^项目「办公大楼运行保障」的「合计（金额）」应等于「保安服务费」＋「保洁服务费」＋「水电气、维修维护费」＝814，表中为 824。/,
    );
  });

  test("another column's 合计 is checked too; a gap within its items' rounding is 尾差", () => {
    const off = FORM.map((row) => (row[0] === "合计" ? ["合计", "814", n, "662.98", "794.55"] : row));
    const r = read(off);
    expect(r.flags).toEqual(["warning rounding-gap D8"]);
    expect(r.messages[0]).toContain("「合计（2020年实际执行数）」与各项明细相差 0.10");
  });

  test("level columns that do hold a level-1 stay as they are", () => {
    // 产出指标 in the 一级指标 column: the columns are what they say (the third is 绩效标准, no name column).
    const plain = FORM.map((row) =>
      row[1] === "数量指标" ? [n, "产出指标", "数量指标", "说明", "2280次"] : row,
    );
    expect(read(plain).indicators[0]).toBe("产出指标/数量指标/=2280次");
  });

  test("a table of sources (资金来源 | 金额, its sources, 合计): the parts keep their meaning", () => {
    const sources = (total: number): Grid => [
      ["项目名称", "设备购置"],
      ["资金来源", "金额（万元）"],
      ["财政拨款", 80],
      ["其他资金", 20],
      ["合计", total],
      ["一级指标", "二级指标", "三级指标", "指标值"],
      ["产出指标", "数量指标", "购置台数", "≥20台"],
      ["效益指标", "社会效益指标", "服务能力", "提升"],
    ];
    const a = analyzeTable(sources(100));
    expect(a.projects.map((p) => [p.amounts.total, p.amounts.fiscal, p.amounts.other])).toEqual([
      [100, 80, 20],
    ]);
    expect(a.issues.filter((i) => i.severity !== "info")).toEqual([]);
    const wrong = analyzeTable(sources(110)).issues.filter((i) => i.severity === "error");
    expect(wrong.map((i) => `${i.rule} ${i.cell}`)).toEqual(["row-total B5"]);
    expect(wrong[0]!.message).toContain(
      "「合计（金额）」应等于财政拨款＋其他资金＝100 万元，表中为 110 万元",
    );
  });
});
