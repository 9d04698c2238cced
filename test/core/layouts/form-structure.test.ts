/**
 * The single-project form found by structure and meaning (issue #19): labels worded, spaced and placed as other
 * provinces write them, column groups per horizon, two-row headers, and this year's value column said.
 */
import { analyzeTable } from "../../../src/core/analyze-table";
import type { Grid } from "../../../src/core/model/grid";

const n = null;
const GRID_ROWS: Grid = [
  ["产出指标", "数量指标", "培训人次", "≥500人次", "≥400人次"],
  [n, "质量指标", "考核合格率", "≥95%", "≥90%"],
  ["效益指标", "社会效益指标", "诊疗能力", "提升", "提升"],
];

function read(grid: Grid) {
  const a = analyzeTable(grid);
  const p = a.projects[0];
  return {
    layout: a.table?.layout ?? null,
    name: p?.name ?? null,
    goal: p?.goal ?? null,
    total: p?.amounts.total ?? null,
    values:
      p?.indicators.map(
        (i) => `${i.level1?.name ?? ""}/${i.level2?.name ?? ""}/${i.name}=${i.annualValue ?? ""}`,
      ) ?? [],
    valueColumn: a.table?.valueColumn ?? null,
    issues: a.issues.map((i) => `${i.rule} ${i.cell ?? ""}`),
  };
}

describe("labels as other provinces write them", () => {
  test("专项名称, letter-spaced and starred labels, a value below a row of labels", () => {
    const r = read([
      ["★专 项 名 称：", "乡村道路养护"],
      ["资金情况（万元）", "年度资金总额：", 80],
      [n, "其中：财政拨款", 60],
      [n, "上年结转", 20],
      ["总 体 目 标", "中期目标", "年度目标"],
      [n, "三年完成全部养护", "完成年度养护"],
      ["一级指标", "二级指标", "三级指标", "*指标值"],
      ...GRID_ROWS.map((row) => row.slice(0, 4)),
    ]);
    expect(r).toMatchObject({
      layout: "project-form",
      name: "乡村道路养护",
      goal: "完成年度养护",
      total: 80,
    });
    expect(r.values).toEqual([
      "产出指标/数量指标/培训人次=≥500人次",
      "产出指标/质量指标/考核合格率=≥95%",
      "效益指标/社会效益指标/诊疗能力=提升",
    ]);
  });

  test("a 其中 that lists only some parts is no sum: no false error (财政拨款 60 of 80)", () => {
    const r = read([
      ["项目名称", "乡村道路养护"],
      ["资金总额", 80],
      ["其中：财政拨款", 60],
      ["一级指标", "二级指标", "三级指标", "指标值"],
      ...GRID_ROWS.map((row) => row.slice(0, 4)),
    ]);
    expect(r.issues).toEqual([]);
  });

  test("parts that include the rest (其他, 地方资金) are a sum, and a wrong total is named", () => {
    const r = read([
      ["项目名称", "乡村道路养护"],
      ["资金金额", "年度资金总额", "90"],
      [n, "其中：中央补助", "50.29"],
      [n, "地方资金", "29.71"],
      ["一级指标", "二级指标", "三级指标", "指标值"],
      ...GRID_ROWS.map((row) => row.slice(0, 4)),
    ]);
    expect(r.issues).toEqual(["row-total C2"]);
  });

  test("amounts with their unit are converted exactly to the form's unit (元 in a 万元 form)", () => {
    const r = read([
      ["项目名称", "乡村道路养护"],
      ["项目资金（万元）", "资金总额", "10000万元"],
      [n, "其中：财政拨款", "99990000元"],
      [n, "其他资金", "1万"],
      ["一级指标", "二级指标", "三级指标", "指标值"],
      ...GRID_ROWS.map((row) => row.slice(0, 4)),
    ]);
    expect([r.total, r.issues]).toEqual([10000, []]);
  });
});

describe("this year's column by meaning", () => {
  test("年度 beats 实施周期 in one grid, and the result says which it read", () => {
    const r = read([
      ["项目名称", "培训"],
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实施周期指标值"],
      ...GRID_ROWS,
    ]);
    expect(r.values[0]).toBe("产出指标/数量指标/培训人次=≥500人次");
    expect(r.valueColumn).toEqual({
      header: "年度指标值",
      column: 4,
      others: ["实施周期指标值"],
      ambiguous: false,
    });
  });

  test("a two-row header (指标值 over 中期 | 年度) is read as one", () => {
    const r = read([
      ["项目名称", "培训"],
      ["一级指标", "二级指标", "三级指标", "指标值"],
      [n, n, n, "中期指标值", "年度指标值"],
      ...GRID_ROWS,
    ]);
    expect(r.values[0]).toBe("产出指标/数量指标/培训人次=≥400人次");
    expect(r.valueColumn).toMatchObject({ header: "年度指标值", column: 5, ambiguous: false });
  });

  test("a value header over 符号 | (unnamed) | 单位 (Hebei's 预期指标值): the unnamed sub-column is the value", () => {
    const r = read([
      ["项目名称", "培训"],
      ["一级指标", "二级指标", "三级指标", "预期指标值", n, n],
      [n, n, n, "符号", n, "单位(文字描述)"],
      ["产出指标", "数量指标", "培训人次", ">=", 500, "人次"],
      ["效益指标", "社会效益指标", "诊疗能力", "定性", "提升", n],
    ]);
    expect(r.values).toEqual(["产出指标/数量指标/培训人次=≥500人次", "效益指标/社会效益指标/诊疗能力=提升"]);
  });

  test("column groups side by side: the one under 年度 labels is read; with nothing to tell them apart, it says so", () => {
    const header = [
      "绩效指标",
      "一级指标",
      "二级指标",
      "三级指标",
      "指标值",
      "二级指标",
      "三级指标",
      "指标值",
    ];
    const rows: Grid = [
      [n, "产出指标", "数量指标", "培训人次", "≥1500人次", "数量指标", "培训人次", "≥500人次"],
      [n, "效益指标", "社会效益指标", "诊疗能力", "提升", "社会效益指标", "诊疗能力", "提升"],
    ];
    const told = read([
      ["项目名称", "培训"],
      ["项目资金", "中期资金总额", 300, n, n, "年度资金总额", 100],
      ["总体目标", "中期目标", n, n, n, "年度目标"],
      [n, "三年", n, n, n, "一年"],
      header,
      ...rows,
    ]);
    expect([told.total, told.goal, told.values[0]]).toEqual([
      100,
      "一年",
      "产出指标/数量指标/培训人次=≥500人次",
    ]);
    expect(told.valueColumn).toMatchObject({ column: 8, ambiguous: false });
    const untold = read([["项目名称", "培训"], header, ...rows]);
    expect(untold.valueColumn).toMatchObject({ column: 5, ambiguous: true });
  });
});

describe("levels and rows", () => {
  test("no level-1 column: level 1 from level 2 by the national framework", () => {
    const r = read([
      ["项目名称", "培训"],
      ["二级指标", "三级指标", "指标值"],
      ["数量指标", "培训人次", "≥500人次"],
      ["满意度指标", "参训满意度", "≥90%"],
    ]);
    expect(r.values).toEqual([
      "产出指标/数量指标/培训人次=≥500人次",
      "满意度指标/服务对象满意度指标/参训满意度=≥90%",
    ]);
  });

  test("审核意见 and 盖章 rows under the grid are never indicators", () => {
    const r = read([
      ["项目名称", "培训"],
      ["一级指标", "二级指标", "三级指标", "指标值"],
      ...GRID_ROWS.map((row) => row.slice(0, 4)),
      ["审核意见", "同意", "（盖章）"],
      ["填报人：张三", n, "填报日期：2024年1月5日"],
    ]);
    expect(r.values).toHaveLength(3);
  });
});

describe("values as real tables write them", () => {
  test("a placeholder in the name gives a bare number its comparison and unit; a unit in the name is the value's", () => {
    const r = read([
      ["项目名称", "培训"],
      ["一级指标", "二级指标", "三级指标", "指标值"],
      ["产出指标", "数量指标", "培训人数(≥**人)", 500],
      [n, "质量指标", "考核合格率（≥XX%）", "95"],
      [n, "质量指标", "设备完好率(%)", 100],
      ["效益指标", "社会效益指标", "诊疗能力(目标)", "提升"],
    ]);
    expect(r.values).toEqual([
      "产出指标/数量指标/培训人数(≥**人)=≥500人",
      "产出指标/质量指标/考核合格率（≥XX%）=≥95%",
      "产出指标/质量指标/设备完好率(%)=100",
      "效益指标/社会效益指标/诊疗能力(目标)=提升",
    ]);
    const a = analyzeTable([
      ["项目名称", "培训"],
      ["一级指标", "二级指标", "三级指标", "指标值"],
      ["产出指标", "质量指标", "设备完好率(%)", 100],
    ]);
    expect(a.projects[0]!.indicators[0]!.annual).toMatchObject({ op: "=", value: 100, unit: "%" });
  });
});

describe("the funding block as equations", () => {
  const form = (total: number | string, fiscal: number | string, other: number | string | null): Grid => [
    ["项目名称", "乡村道路养护"],
    ["资金总额", total],
    ["其中：财政拨款", fiscal],
    ...(other === undefined ? [] : [["上年结转", other] as (string | number | null)[]]),
    ["一级指标", "二级指标", "三级指标", "指标值"],
    ...GRID_ROWS.map((row) => row.slice(0, 4)),
  ];

  test("a 其中 that lists only some parts is part ≤ total: within it nothing, over it an error at the part", () => {
    expect(read(form(80, 60, 10)).issues).toEqual([]);
    const over = analyzeTable(form(80, 90, 10));
    expect(over.issues.map((i) => [i.rule, i.cell, i.severity])).toEqual([
      ["part-over-total", "B3", "error"],
    ]);
  });

  test("a number typed into a blank 其他资金 is one of the parts", () => {
    const grid: Grid = [
      ["项目名称", "乡村道路养护"],
      ["资金总额", 80],
      ["其中：财政拨款", 80],
      ["其他资金", 5],
      ["一级指标", "二级指标", "三级指标", "指标值"],
      ...GRID_ROWS.map((row) => row.slice(0, 4)),
    ];
    const a = analyzeTable(grid);
    expect(a.issues.some((i) => i.rule === "row-total" && i.cell === "B2")).toBe(true);
    expect(a.issues.find((i) => i.rule === "row-total")!.details.cells).toContain("B4");
  });
});
