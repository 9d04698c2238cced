import { analyzeTable } from "../../../src/core/analyze-table";
import type { Grid } from "../../../src/core/model/grid";

describe("no table: what was seen instead", () => {
  test.each<[string, Grid, string | null]>([
    [
      "a grid with 二级指标 / 三级指标 at row 10 but no project name above it",
      [
        ["某单位绩效目标"],
        ...Array.from({ length: 8 }, () => []),
        ["一级指标", "二级指标", "三级指标", "指标值"],
        ["产出指标", "数量指标", "培训人次", "≥500人次"],
      ],
      "第 10 行是指标表格的表头（一级指标、二级指标、三级指标、指标值），但其上没有项目名称",
    ],
    [
      "a form's 项目名称 with no grid below (a header-only copy)",
      [["绩效目标申报表"], ["项目名称", "干渠防渗改造项目"], ["主管部门", "乌恰县水利局"]],
      "第 2 行有单项目申报表的“项目名称”，但其下没有指标表格",
    ],
    ["nothing like a table", [["会议纪要"], ["参会人员", "张三"]], null],
  ])("%s", (_about, grid, said) => {
    const analysis = analyzeTable(grid);
    expect(analysis.issues.map((i) => i.rule)).toEqual(["no-table"]);
    const message = analysis.issues[0]!.message;
    if (said === null) expect(message).not.toMatch(/第 \d+ 行/);
    else expect(message).toContain(said);
  });
});
