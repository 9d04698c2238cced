/**
 * The columnar layouts and the several-tables rules on small grids: what each reads, where the cells under a
 * merge take their value from, and where the issues point.
 */
import fc from "fast-check";
import type { Analysis } from "../../../src/core/model/analysis";
import { analyzeTable } from "../../../src/core/analyze-table";
import type { CellValue } from "../../../src/core/model/grid";
import { headerGroupsOf, isTitleLine } from "../../../src/core/layouts/table-stack";
import { splitIndicatorSegments } from "../../../src/core/split/split-indicator-segments";
import { headerRole } from "../../../src/core/layouts/guangdong-string/locate";

const n = null;
const items = (a: Analysis) =>
  a.projects.flatMap((p) =>
    p.indicators.map((i) => [p.name, i.level1?.name, i.level2?.name, i.name, i.annualValue]),
  );
const issues = (a: Analysis) => a.issues.map((i) => `${i.rule} ${i.cell}`);

const HEADER: CellValue[] = [
  "单位名称",
  "项目名称",
  "预算数",
  "年度目标",
  "一级指标",
  "二级指标",
  "三级指标",
  "指标值",
];

describe("the string table's header words, never a grid's columns", () => {
  test.each<[string, string | null]>([
    ["绩效指标", "indicators"],
    ["年度绩效指标", "indicators"],
    ["绩效目标", "goal"],
    ["一级指标", null],
    ["三级指标", null],
    ["年度目标值", null],
  ])("%s → %s", (text, role) => {
    expect(headerRole(text)).toBe(role);
  });
});

describe("the department table", () => {
  const REPEATED: CellValue[][] = [
    [
      "单位名称",
      "项目名称",
      "预算数",
      "年度目标",
      "一级指标",
      "二级指标",
      "三级指标",
      "指标性质",
      "指标值",
      "度量单位",
    ],
    ["合计", n, "3,000,000.00"],
    ["某单位", "设备购置", "1,000,000.00", "完成采购", "产出指标", "数量指标", "购置台数", "≥", "20", "台"],
    [
      "某单位",
      "设备购置",
      "1,000,000.00",
      "完成采购",
      "效益指标",
      "社会效益指标",
      "服务能力",
      "定性",
      "提升",
      n,
    ],
    [
      "某单位",
      "人员培训",
      "2,000,000.00",
      "完成培训",
      "产出指标",
      "数量指标",
      "培训人次",
      "≥",
      "500",
      "人次",
    ],
    ["某单位", "人员培训", "2,000,000.00", "完成培训", "效益指标", "社会效益指标", "持证率", "≥", "85", "%"],
  ];

  test("a second header row under a merged 资金来源 names the parts: 预算数 = 财政拨款 + 其他资金 is checked", () => {
    const table = (other: string) => [
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
      [
        "某单位",
        "设备购置",
        "100.00",
        "80.00",
        other,
        "完成采购",
        "产出指标",
        "数量指标",
        "购置台数",
        "≥20台",
      ],
      [n, n, n, n, n, n, "效益指标", "社会效益指标", "服务能力", "提升"],
    ];
    const a = analyzeTable(table("20.00"));
    expect(a.table?.headerRows).toEqual([1, 2]);
    expect(a.projects.map((p) => [p.amounts.total, p.amounts.fiscal, p.amounts.other])).toEqual([
      [100, 80, 20],
    ]);
    expect(issues(a)).toEqual([]);
    expect(issues(analyzeTable(table("30.00")))).toEqual(["row-total C3"]);
  });

  test("level columns headed one level too high (一级指标 holding 数量指标, no 三级指标 column)", () => {
    const a = analyzeTable([
      ["单位名称", "项目名称", "预算数", "年度目标", "一级指标", "二级指标", "指标值"],
      ["某单位", "设备购置", "100.00", "完成采购", "数量指标", "购置台数", "≥20台"],
      [n, n, n, n, "质量指标", "验收合格率", "100%"],
      [n, n, n, n, "社会效益指标", "服务能力", "提升"],
    ]);
    expect(a.table?.layout).toBe("department-columns");
    expect(items(a)).toEqual([
      ["设备购置", "产出指标", "数量指标", "购置台数", "≥20台"],
      ["设备购置", "产出指标", "质量指标", "验收合格率", "100%"],
      ["设备购置", "效益指标", "社会效益指标", "服务能力", "提升"],
    ]);
    expect(issues(a)).toEqual([]);
  });

  test("an export that repeats the project's cells on every indicator row (no merge) is one project each", () => {
    const a = analyzeTable(REPEATED);
    expect(a.projects.map((p) => [p.name, p.indicators.length])).toEqual([
      ["设备购置", 2],
      ["人员培训", 2],
    ]);
    expect(issues(a)).toEqual([]);
  });

  test("a row repeated whole there is still a doubled row, counted once", () => {
    const a = analyzeTable([...REPEATED.slice(0, 4), REPEATED[3]!, ...REPEATED.slice(4)]);
    expect(issues(a)).toEqual(["duplicate-rows B5"]);
  });

  test("value columns of other wordings: 上年实际完成值 is no target, 本年预期值 is this year's", () => {
    const a = analyzeTable([
      [
        "单位名称",
        "项目名称",
        "预算数",
        "年度目标",
        "一级指标",
        "二级指标",
        "三级指标",
        "上年实际完成值",
        "本年预期值",
        "度量单位",
      ],
      ["101-某部门", n, "300.00"],
      [
        "101001-某单位",
        "设备购置",
        "100.00",
        "完成采购",
        "产出指标",
        "数量指标",
        "购置台数",
        "18",
        "20",
        "台",
      ],
      [n, n, n, n, "效益指标", "社会效益指标", "服务能力", "提升", "提升", n],
      [
        "101001-某单位",
        "人员培训",
        "200.00",
        "完成培训",
        "产出指标",
        "数量指标",
        "培训人次",
        "450",
        "500",
        "人次",
      ],
      [n, n, n, n, "效益指标", "社会效益指标", "持证率", "80", "≥85", "%"],
    ]);
    expect(a.table?.layout).toBe("department-columns");
    expect(items(a)).toEqual([
      ["设备购置", "产出指标", "数量指标", "购置台数", "20台"],
      ["设备购置", "效益指标", "社会效益指标", "服务能力", "提升"],
      ["人员培训", "产出指标", "数量指标", "培训人次", "500人次"],
      ["人员培训", "效益指标", "社会效益指标", "持证率", "≥85%"],
    ]);
    expect(issues(a)).toEqual([]);
  });

  test("level-1 labels written on a middle row of their group (as a PDF centres them) label the whole group", () => {
    const a = analyzeTable([
      HEADER,
      ["甲单位", "项目一", "10", "目标", n, "数量指标", "A", "1台"],
      [n, n, n, n, "产出指标", "质量指标", "B", "≥95%"],
      [n, n, n, n, n, "时效指标", "C", "≤3月"],
      [n, n, n, n, n, "社会效益指标", "D", "提升"],
      [n, n, n, n, "效益指标", "可持续影响指标", "E", "长期"],
    ]);
    expect(items(a).map((i) => i[1])).toEqual(["产出指标", "产出指标", "产出指标", "效益指标", "效益指标"]);
    expect(a.issues).toEqual([]);
  });

  test("a merged level-1 that really holds a level-2 of another is reported, at the level-2's cell", () => {
    const a = analyzeTable([
      HEADER,
      ["甲单位", "项目一", "10", "目标", "产出指标", "数量指标", "A", "1台"],
      [n, n, n, n, n, "社会效益指标", "B", "提升"],
      [n, n, n, n, "效益指标", "可持续影响指标", "C", "长期"],
    ]);
    expect(issues(a)).toEqual(["level-mismatch F3"]);
  });

  test("an export that repeats the project on every row instead of merging: one project", () => {
    const a = analyzeTable([
      HEADER,
      ["甲单位", "项目一", "10", "目标", "产出指标", "数量指标", "A", "1台"],
      ["甲单位", "项目一", n, "目标", "效益指标", "社会效益指标", "B", "提升"],
    ]);
    expect(a.projects.map((p) => [p.name, p.indicators.length])).toEqual([["项目一", 2]]);
  });

  test("without codes, a unit row right above another is the department; each total = Σ its projects", () => {
    const a = analyzeTable([
      HEADER,
      ["某部门", n, "30"],
      ["甲单位", n, "10"],
      [n, "项目一", "10", "目标", "产出指标", "数量指标", "A", "1台"],
      [n, n, n, n, "效益指标", "社会效益指标", "B", "提升"],
      ["乙单位", n, "25"],
      [n, "项目二", "20", "目标", "产出指标", "数量指标", "C", "2台"],
      [n, n, n, n, "效益指标", "社会效益指标", "D", "提升"],
    ]);
    expect(a.units.map((u) => [u.name, u.projectIndexes])).toEqual([
      ["某部门", [0, 1]],
      ["甲单位", [0]],
      ["乙单位", [1]],
    ]);
    expect(a.issues.map((i) => [i.rule, i.cell, i.expected, i.actual])).toEqual([
      // 乙单位 is the one cell to change: changing 项目二 instead would upset 某部门 (find-culprits.ts).
      ["wrong-amount", "C6", 20, 25],
    ]);
  });

  test("a value column and a unit of measure column named 单位 (after 指标值) are told apart from 单位名称", () => {
    const a = analyzeTable([
      ["单位", "项目名称", "金额", "一级指标", "二级指标", "三级指标", "指标值", "单位"],
      ["甲单位", "项目一", "10", "产出指标", "数量指标", "A", "3", "台"],
      [n, n, n, "效益指标", "社会效益指标", "B", "提升", n],
    ]);
    expect(items(a)).toEqual([
      ["项目一", "产出指标", "数量指标", "A", "3台"],
      ["项目一", "效益指标", "社会效益指标", "B", "提升"],
    ]);
    expect(a.projects[0]!.unit).toBe("甲单位");
  });
});

describe("the single-project form", () => {
  test("fund fields side by side (资金总额 | 100 | 财政拨款 | 80 | 其他资金 | 20) and a value in the label's cell", () => {
    const a = analyzeTable([
      ["项目名称：", "数据平台建设"],
      ["资金总额", 100, "财政拨款", 80, "其他资金", 30],
      ["项目起止时间：2024年3月-2024年12月"],
      ["年度目标", "建成平台"],
      ["一级指标", "二级指标", "三级指标", "指标值"],
      ["产出指标", "数量指标", "接入系统数", "≥5个"],
      ["效益指标", "社会效益指标", "数据共享", "提升"],
    ]);
    expect(a.table?.layout).toBe("project-form");
    expect([a.projects[0]!.name, a.projects[0]!.goal, a.projects[0]!.amounts]).toEqual([
      "数据平台建设",
      "建成平台",
      { total: 100, fiscal: 80, specialAccount: 0, other: 30 },
    ]);
    expect(a.issues.map((i) => [i.rule, i.cell, i.expected, i.actual])).toEqual([
      ["row-total", "B2", 110, 100],
    ]);
  });
});

describe("several tables on a sheet", () => {
  test("header groups: a role named twice starts the next table; 序号 and a blank column go right, 备注 left", () => {
    const role = (t: string) => (t === "项目名称" ? "name" : t === "绩效指标" ? "indicators" : null);
    const groups = headerGroupsOf(
      ["序号", "项目名称", "绩效指标", "备注", null, "序号", "项目名称", "绩效指标"],
      0,
      role,
    );
    expect(groups.map((g) => [g.columnStart, g.columnEnd])).toEqual([
      [0, 4],
      [5, Number.MAX_SAFE_INTEGER],
    ]);
  });

  test.each<[CellValue[], boolean]>([
    [["项目支出绩效目标表"], true],
    [["部门名称：某局"], true],
    [[n, "单位：万元"], true],
    [["（2024年）"], true],
    [["某局机关"], true], // a department's name alone, in the label column
    [[n, n, "续写的指标文字"], false], // a continuation's text, right of the label column
    [["合计", "30.00"], false],
    [["1、产出指标：数量指标：A；年度指标值：1。"], false],
  ])("%j is a title line: %s", (row, title) => {
    expect(isTitleLine(row, 0, 10, 0)).toBe(title);
  });
});

describe("splitIndicatorSegments", () => {
  test("a value with commas runs to the next label; a segment without 一级指标 starts after `;`", () => {
    const split = splitIndicatorSegments(
      "一级指标：满意度指标,二级指标：服务对象满意度指标,三级指标：满意度,指标值：满意,得满分,计量单位：;二级指标：数量指标,三级指标：A,运算符号：≥,指标值：3,计量单位：个;",
    );
    expect(split.items.map((i) => [i.level1?.name ?? null, i.level2?.name, i.name, i.annualValue])).toEqual([
      ["满意度指标", "服务对象满意度指标", "满意度", "满意,得满分"],
      [null, "数量指标", "A", "≥3个"],
    ]);
    expect(split.unparsed).toEqual([]);
  });

  test("fields parted by `;` alone, one indicator a line: `;` parts fields, a line break parts indicators", () => {
    const split = splitIndicatorSegments(
      "一级指标:产出指标;二级指标:数量指标;三级指标:购置台数;指标值:≥20台\n一级指标:效益指标;二级指标:社会效益指标;三级指标:服务能力;指标值:提升；\r\n二级指标:质量指标;三级指标:合格率;指标值:100%",
    );
    expect(split.items.map((i) => [i.level1?.name ?? null, i.level2?.name, i.name, i.annualValue])).toEqual([
      ["产出指标", "数量指标", "购置台数", "≥20台"],
      ["效益指标", "社会效益指标", "服务能力", "提升"],
      [null, "质量指标", "合格率", "100%"],
    ]);
  });

  test("text before the first label is unparsed, quoted as written", () => {
    expect(splitIndicatorSegments("见附件 一级指标：产出指标,三级指标：A,指标值：1;").unparsed).toEqual([
      { start: 0, end: 4, text: "见附件" },
    ]);
  });
});

describe("any grid, never a throw", () => {
  // Pieces of every layout's headers, labels and values, and of real damage, so random grids come close to tables.
  const pieces = [
    "单位名称",
    "项目名称",
    "预算数",
    "年度目标",
    "一级指标",
    "二级指标",
    "三级指标",
    "指标性质",
    "指标值",
    "度量单位",
    "权重",
    "绩效目标",
    "绩效指标",
    "总计",
    "合计",
    "小计",
    "资金总额",
    "财政拨款",
    "项目起止时间",
    "产出指标",
    "数量指标",
    "效益指标",
    "≥",
    "定性",
    "20246-202516",
    "1,234.00",
    "=SUM(B1:B2)",
    "一级指标：产出指标,三级指标：A,指标值：1;",
    "1、产出指标：数量指标：A；年度指标值：1。",
    "注：",
    "",
  ];
  const cell = fc.oneof(
    fc.constantFrom<CellValue>(...pieces, null),
    fc.integer({ min: -1000, max: 100000 }),
    fc.string({ maxLength: 12 }),
  );
  test("analyzeTable reads any grid of such cells without throwing, and every indicator has its cell", () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 14 }), { maxLength: 30 }), (grid) => {
        const a = analyzeTable(grid);
        for (const p of a.projects) for (const i of p.indicators) expect(i.cell).toMatch(/^[A-Z]+[0-9]+$/);
      }),
      { numRuns: 400 },
    );
  });
});
