/**
 * A project's table printed under its own title, with no 项目名称 label (as a budget document prints one table per
 * project): the title names the project. A generic title or a blank template names none, and stays no table.
 */
import { analyzeTable } from "../../../src/core/analyze-table";
import { projectNameInTitle } from "../../../src/core/layouts/project-form/locate";
import type { Grid } from "../../../src/core/model/grid";

const n = null;

const GRID: Grid = [
  ["一级指标", "二级指标", "三级指标", "指标值"],
  ["产出指标", "数量指标", "养护里程", "≥300公里"],
  [n, "质量指标", "养护合格率", "≥95%"],
  ["效益指标", "社会效益指标", "群众出行条件", "明显改善"],
];

function read(grid: Grid) {
  const a = analyzeTable(grid);
  return {
    layout: a.table?.layout ?? null,
    projects: a.projects.map((p) => `${p.name} ${p.amounts.total} ${p.goal} (${p.indicators.length})`),
    flags: a.issues
      .filter((i) => i.severity !== "info")
      .map((i) => `${i.severity} ${i.rule} ${i.cell ?? ""}`),
  };
}

describe("a form whose title names its project", () => {
  test("its title, amount and goal lines and its grid are one project", () => {
    const r = read([
      ["2024年农村公路养护项目绩效目标表"],
      ["单位：万元"],
      ["年度资金总额", 120],
      ["年度目标", "完成农村公路养护300公里"],
      ...GRID,
    ]);
    expect(r).toEqual({
      layout: "project-form",
      projects: ["农村公路养护项目 120 完成农村公路养护300公里 (3)"],
      flags: [],
    });
  });

  test("a generic title names no project: no table, as before", () => {
    expect(read([["项目支出绩效目标表"], ...GRID]).layout).toBeNull();
    expect(read([["某市2022年市直部门预算项目支出绩效目标表"], ...GRID]).layout).toBeNull();
  });

  test("a blank template (levels, no values) is no table", () => {
    expect(read([["农村公路养护项目绩效目标表"], ...GRID.map((row) => row.slice(0, 2))]).layout).toBeNull();
  });

  test.each<[string, string | null]>([
    ["2024年农村公路养护项目绩效目标表", "农村公路养护项目"],
    ["某局2024年度设备购置项目支出绩效目标表", "设备购置项目"],
    ["人才引进专项资金绩效目标申报表（2024年度）", "人才引进专项资金"],
    ["佳县财政支出项目绩效目标申报表", null],
    ["项目支出绩效目标表", null],
    ["绩效目标表", null],
    ["2024年部门整体支出绩效目标表", null],
    ["农村公路养护", null],
  ])("%s → %s", (title, name) => {
    expect(projectNameInTitle(title)).toBe(name);
  });
});
