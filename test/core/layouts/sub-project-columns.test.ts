/**
 * A grid with one value column per sub-project (issue #19) is one indicator per sub-project, named with it; the
 * column groups of two horizons (中期 | 年度, 上年实际 | 预期) still choose this year's column instead.
 */
import { analyzeTable } from "../../../src/core/analyze-table";
import type { Grid } from "../../../src/core/model/grid";
import {
  isSubProjectName,
  isWholeProject,
  nameForSubProject,
  subProjectOfHeader,
} from "../../../src/core/locate/sub-project";

const n = null;
const HEAD: Grid = [
  ["项目名称", "县域学校改扩建"],
  ["年度资金总额", 300],
];

function read(grid: Grid) {
  const a = analyzeTable(grid);
  return {
    values:
      a.projects[0]?.indicators.map((i) => `${i.level2?.name ?? ""}/${i.name}=${i.annualValue ?? ""}`) ?? [],
    subProjects: a.table?.subProjects ?? null,
    valueColumn: a.table?.valueColumn ?? null,
    flags: a.issues
      .filter((i) => i.severity !== "info")
      .map((i) => `${i.severity} ${i.rule} ${i.cell ?? ""}`),
  };
}

describe("what names a sub-project, and what names a horizon, a unit or a value instead", () => {
  test.each<[string, boolean]>([
    ["一中", true],
    ["城关镇", true],
    ["A标段", true],
    ["第一中学", true],
    ["年度", false],
    ["中期", false],
    ["上年实际", false],
    ["预期", false],
    ["2024年", false],
    ["%", false],
    ["万元", false],
    ["50分", false],
    ["≥95%", false],
    ["100", false],
    ["定量", false],
    ["权重", false],
    ["实际完成值", false],
  ])("%s → %s", (text, is) => {
    expect(isSubProjectName(text)).toBe(is);
  });

  test.each<[string, string | null]>([
    ["指标值（一中）", "一中"],
    ["指标值(城关镇)", "城关镇"],
    ["年度指标值（实验小学）", "实验小学"],
    ["一中指标值", "一中"],
    ["A标段目标值", "A标段"],
    ["指标值", null],
    ["年度指标值", null],
    ["中期指标值", null],
    ["指标值（%）", null],
    ["指标值（2024年）", null],
    ["指标值（50分）", null],
    ["实际完成值（一中）", null],
  ])("the value header %s names %s", (header, name) => {
    expect(subProjectOfHeader(header)).toBe(name);
  });

  test.each<[string, boolean]>([
    ["合计", true],
    ["项目合计", true],
    ["指标值（合计）", true],
    ["合计指标值", true],
    ["一中", false],
    ["指标值", false],
  ])("%s names the whole project: %s", (text, whole) => {
    expect(isWholeProject(text)).toBe(whole);
  });

  test.each<[string, string]>([
    ["新建校舍面积", "新建校舍面积（一中）"],
    ["验收合格率(%)", "验收合格率（一中）(%)"],
    ["培训人数(≥**人)", "培训人数（一中）(≥**人)"],
  ])("%s for 一中 → %s", (name, named) => {
    expect(nameForSubProject(name, "一中")).toBe(named);
  });
});

describe("a matrix with one value column per sub-project", () => {
  const rows: Grid = [
    ["产出指标", "数量指标", "新建校舍面积", "1200平方米", "800平方米", "500平方米"],
    [n, "质量指标", "验收合格率(%)", 100, 100, 100],
    [n, "时效指标", "完工时间", "2024年8月", "2024年9月", n],
    ["效益指标", "社会效益指标", "新增学位", "≥300个", "≥200个", "≥100个"],
  ];

  const expectedValues = [
    "数量指标/新建校舍面积（一中）=1200平方米",
    "数量指标/新建校舍面积（二中）=800平方米",
    "数量指标/新建校舍面积（实验小学）=500平方米",
    "质量指标/验收合格率（一中）(%)=100",
    "质量指标/验收合格率（二中）(%)=100",
    "质量指标/验收合格率（实验小学）(%)=100",
    // 实验小学 has no 完工时间: its blank cell is no indicator.
    "时效指标/完工时间（一中）=2024年8月",
    "时效指标/完工时间（二中）=2024年9月",
    "社会效益指标/新增学位（一中）=≥300个",
    "社会效益指标/新增学位（二中）=≥200个",
    "社会效益指标/新增学位（实验小学）=≥100个",
  ];

  test.each<[string, Grid, number]>([
    [
      "指标值 spanning a second header row of names",
      [
        ["一级指标", "二级指标", "三级指标", "指标值", n, n],
        [n, n, n, "一中", "二中", "实验小学"],
      ],
      5,
    ],
    [
      "the names in the value headers (指标值（一中）)",
      [["一级指标", "二级指标", "三级指标", "指标值（一中）", "指标值（二中）", "指标值（实验小学）"]],
      4,
    ],
    [
      "指标值 repeated, each named on the row above",
      [
        [n, n, n, "一中", "二中", "实验小学"],
        ["一级指标", "二级指标", "三级指标", "指标值", "指标值", "指标值"],
      ],
      5,
    ],
    [
      "指标值 repeated, each named on the row below",
      [
        ["一级指标", "二级指标", "三级指标", "指标值", "指标值", "指标值"],
        [n, n, n, "一中", "二中", "实验小学"],
      ],
      5,
    ],
    [
      "the names before the value word (一中指标值)",
      [["一级指标", "二级指标", "三级指标", "一中指标值", "二中指标值", "实验小学指标值"]],
      4,
    ],
  ])("%s: one indicator per sub-project, each from its own cell", (_about, header, firstRow) => {
    const r = read([...HEAD, ...header, ...rows]);
    expect(r.values).toEqual(expectedValues);
    // A value's finding points at its own sub-project's cell: 实验小学's blank 完工时间 is no indicator, and a
    // 完工时间 that is no date range is not checked; a rate over 100 in 二中's column would be at E.
    const wrong = rows.map((row) => [...row]);
    wrong[1]![4] = 120;
    expect(read([...HEAD, ...header, ...wrong]).flags).toEqual([`warning suspicious-value E${firstRow + 1}`]);
    expect(r.subProjects).toEqual([
      { name: "一中", column: 4 },
      { name: "二中", column: 5 },
      { name: "实验小学", column: 6 },
    ]);
    // Every sub-project's column is read: none of them is "another horizon's" column.
    expect(r.valueColumn).toBeNull();
    expect(r.flags).toEqual([]);
  });

  test("a wrong value in the second sub-project's column is found at its own cell", () => {
    const r = read([
      ...HEAD,
      ["一级指标", "二级指标", "三级指标", "指标值", n, "权重"],
      [n, n, n, "一中", "二中", n],
      ["产出指标", "质量指标", "验收合格率", "100%", "120%", 50],
      ["满意度指标", "服务对象满意度指标", "学生满意度", "≥90%", "≥90%", 50],
    ]);
    expect(r.values[1]).toBe("质量指标/验收合格率（二中）=120%");
    // (The short grid lacks most categories: missing-category is about that, not about the matrix.)
    expect(r.flags.filter((f) => !f.includes("missing-category"))).toEqual(["warning suspicious-value E5"]);
  });
});

describe("the whole project's column beside its sub-projects' keeps the plain name", () => {
  test.each<[string, Grid, number]>([
    [
      "合计 in the second header row",
      [
        ["一级指标", "二级指标", "三级指标", "指标值", n, n],
        [n, n, n, "合计", "一中", "二中"],
      ],
      5,
    ],
    [
      "指标值（合计） | 指标值（一中） | 指标值（二中）",
      [["一级指标", "二级指标", "三级指标", "指标值（合计）", "指标值（一中）", "指标值（二中）"]],
      4,
    ],
  ])("%s", (_about, header, headerRow) => {
    const r = read([...HEAD, ...header, ["产出指标", "数量指标", "新增学位", "≥500个", "≥300个", "≥200个"]]);
    expect(r.values).toEqual([
      "数量指标/新增学位=≥500个",
      "数量指标/新增学位（一中）=≥300个",
      "数量指标/新增学位（二中）=≥200个",
    ]);
    expect(r.subProjects).toEqual([
      { name: headerRow === 5 ? "合计" : "指标值（合计）", column: 4, whole: true },
      { name: "一中", column: 5 },
      { name: "二中", column: 6 },
    ]);
  });

  test("合计 beside one sub-project alone is no matrix", () => {
    const r = read([
      ...HEAD,
      ["一级指标", "二级指标", "三级指标", "指标值", n],
      [n, n, n, "合计", "一中"],
      ["产出指标", "数量指标", "新增学位", "≥500个", "≥300个"],
    ]);
    expect(r.subProjects).toBeNull();
  });
});

describe("column groups of horizons still choose this year's column (not sub-projects)", () => {
  test.each<[string, Grid, string, number]>([
    [
      "指标值 over 中期 | 年度",
      [
        ["一级指标", "二级指标", "三级指标", "指标值", n],
        [n, n, n, "中期", "年度"],
      ],
      "≥200人",
      5,
    ],
    [
      "指标值 over 上年实际 | 预期",
      [
        ["一级指标", "二级指标", "三级指标", "指标值", n],
        [n, n, n, "上年实际值", "预期值"],
      ],
      "≥200人",
      5,
    ],
    [
      "指标值（2023年） | 指标值（2024年）: years are horizons, not sub-projects",
      [["一级指标", "二级指标", "三级指标", "指标值（2023年）", "指标值（2024年）"]],
      "≥100人",
      4,
    ],
  ])("%s", (_about, header, value, column) => {
    const r = read([...HEAD, ...header, ["产出指标", "数量指标", "培训人数", "≥100人", "≥200人"]]);
    expect(r.subProjects).toBeNull();
    expect(r.values).toEqual([`数量指标/培训人数=${value}`]);
    if (r.valueColumn !== null) expect(r.valueColumn.column).toBe(column);
  });

  test.each<[string, Grid, string, string]>([
    [
      "中期 | 年度 over 指标值 | 指标值",
      [
        [n, n, n, "中期", "年度"],
        ["一级指标", "二级指标", "三级指标", "指标值", "指标值"],
      ],
      "≥200人",
      "年度 指标值",
    ],
    [
      "指标值 | 指标值 over 本年度 | 实施周期",
      [
        ["一级指标", "二级指标", "三级指标", "指标值", "指标值"],
        [n, n, n, "本年度", "实施周期"],
      ],
      "≥100人",
      "本年度 指标值",
    ],
  ])("%s: this year's column by its label, said in valueColumn", (_about, header, value, read_) => {
    const r = read([...HEAD, ...header, ["产出指标", "数量指标", "培训人数", "≥100人", "≥200人"]]);
    expect(r.subProjects).toBeNull();
    expect(r.values).toEqual([`数量指标/培训人数=${value}`]);
    expect(r.valueColumn).toMatchObject({ header: read_, ambiguous: false });
  });

  test("one qualified value header alone is no matrix", () => {
    const r = read([
      ...HEAD,
      ["一级指标", "二级指标", "三级指标", "指标值（一中）"],
      ["产出指标", "数量指标", "新建校舍面积", "1200平方米"],
    ]);
    expect(r.subProjects).toBeNull();
    expect(r.values).toEqual(["数量指标/新建校舍面积=1200平方米"]);
  });
});
