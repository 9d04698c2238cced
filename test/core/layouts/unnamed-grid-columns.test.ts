/**
 * Grid columns the header does not name, read by what their cells hold:
 * - a value header over two or three columns with no second header row to name them (`指标值` merged over
 *   `≥ | 20 | 台`, as a web page or a PDF lays it out): the comparison, the number and the unit are read apart, in
 *   a form and in a department table alike; a value column that only sometimes starts with a sign is left alone;
 * - level columns under `指标类别` or blank header cells, by the level names in their cells.
 */
import { analyzeTable } from "../../../src/core/analyze-table";
import type { Grid } from "../../../src/core/model/grid";

const n = null;

function values(grid: Grid): string[] {
  const a = analyzeTable(grid);
  return a.projects.flatMap((p) => p.indicators.map((i) => `${i.name}=${i.annualValue ?? ""}`));
}

const BODY: Grid = [
  ["产出指标", "数量指标", "购置台数", "≥", "20", "台"],
  [n, "质量指标", "验收合格率", "=", "100", "%"],
  ["效益指标", "社会效益指标", "服务能力", "定性", "提升", n],
];

describe("a value header over its comparison, number and unit", () => {
  test("in a form", () => {
    const grid: Grid = [
      ["项目名称", "设备购置"],
      ["年度资金总额", 100],
      ["一级指标", "二级指标", "三级指标", "指标值", n, n],
      ...BODY,
    ];
    expect(values(grid)).toEqual(["购置台数=≥20台", "验收合格率=100%", "服务能力=提升"]);
  });

  test("in a form, over two columns (the unit written with the number)", () => {
    const grid: Grid = [
      ["项目名称", "设备购置"],
      ["一级指标", "二级指标", "三级指标", "指标值", n],
      ...BODY.map((row) => [...row.slice(0, 4), `${row[4] ?? ""}${row[5] ?? ""}`]),
    ];
    expect(values(grid)).toEqual(["购置台数=≥20台", "验收合格率=100%", "服务能力=提升"]);
  });

  test("in a department table", () => {
    const grid: Grid = [
      ["单位名称", "项目名称", "预算数", "年度目标", "一级指标", "二级指标", "三级指标", "指标值", n, n],
      ["某单位", "设备购置", "100.00", "完成采购", ...BODY[0]!],
      ...BODY.slice(1).map((row) => [n, n, n, n, ...row]),
    ];
    expect(values(grid)).toEqual(["购置台数=≥20台", "验收合格率=100%", "服务能力=提升"]);
  });

  test("values that carry their own sign, with a remark beside them, stay as they are", () => {
    const grid: Grid = [
      ["项目名称", "设备购置"],
      ["一级指标", "二级指标", "三级指标", "指标值", n],
      ["产出指标", "数量指标", "购置台数", "≥20台", "按合同"],
      [n, "质量指标", "验收合格率", "100%", n],
    ];
    expect(values(grid)).toEqual(["购置台数=≥20台", "验收合格率=100%"]);
  });
});

describe("level columns the header leaves unnamed, found by their cells", () => {
  const levels = (grid: Grid) =>
    analyzeTable(grid).projects.flatMap((p) =>
      p.indicators.map((i) => `${i.level1?.name ?? ""}/${i.level2?.name ?? ""}/${i.name}`),
    );

  test("`指标类别` holding 数量指标, 质量指标 …: the level-2, its level-1 from the framework", () => {
    const grid: Grid = [
      ["项目名称", "设备购置"],
      ["指标类别", "指标名称", "指标值"],
      ["数量指标", "购置台数", "≥20台"],
      ["社会效益指标", "服务能力", "提升"],
      ["满意度指标", "使用人员满意度", "≥90%"],
    ];
    expect(levels(grid)).toEqual([
      "产出指标/数量指标/购置台数",
      "效益指标/社会效益指标/服务能力",
      "满意度指标/服务对象满意度指标/使用人员满意度",
    ]);
    expect(analyzeTable(grid).issues.filter((i) => i.severity !== "info")).toEqual([]);
  });

  test("blank header cells over 产出指标 | 数量指标: level-1 and level-2", () => {
    const grid: Grid = [
      ["项目名称", "设备购置"],
      [n, n, "指标名称", "指标值"],
      ["产出指标", "数量指标", "购置台数", "≥20台"],
      [n, "质量指标", "验收合格率", "100%"],
      ["效益指标", "社会效益指标", "服务能力", "提升"],
    ];
    expect(levels(grid)).toEqual([
      "产出指标/数量指标/购置台数",
      "产出指标/质量指标/验收合格率",
      "效益指标/社会效益指标/服务能力",
    ]);
  });

  test("a column of other words is no level column", () => {
    const grid: Grid = [
      ["项目名称", "设备购置"],
      ["序号", "指标名称", "指标值"],
      ["一", "购置台数", "≥20台"],
      ["二", "验收合格率", "100%"],
    ];
    expect(levels(grid)).toEqual(["//购置台数", "//验收合格率"]);
  });
});
