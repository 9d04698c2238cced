/**
 * The self-evaluation form's pieces (layouts/self-evaluation-form): its words (vocabulary.ts), the scored grid
 * columns, the budget block, which forms it takes from the project form, and what it reads, on small grids shaped
 * like the corpus's; and a property: no grid of such cells makes it throw.
 */
import fc from "fast-check";
import { analyzeTable, parseTable } from "../../../src/core/analyze-table";
import { findBudgetBlock, scoredColumns } from "../../../src/core/layouts/self-evaluation-form/locate";
import { budgetRowRole, closingRowRole, executionRole } from "../../../src/core/locate/vocabulary";
import { A1_ORIGIN, type CellValue, type Grid } from "../../../src/core/model/grid";

describe("the words of a self-evaluation", () => {
  test.each([
    ["年初预算数", "initialBudget"],
    ["年初预算", "initialBudget"],
    ["全年预算数(A)", "budget"],
    ["全年(调整)预算数", "budget"],
    ["调整后预算数", "budget"],
    ["预算数()", "budget"],
    ["全年执行数(B)", "spent"],
    ["预算执行数", "spent"],
    ["执行率(B/A)", "rate"],
    ["预算执行率", "rate"],
    ["预算执行进度(%)", "rate"],
    ["分值", "weight"],
    ["执行率权重", "weight"],
    ["得分(分*执行率)", "score"],
    ["执行率得分", "score"],
    ["原因", "reason"],
    ["年度预算数(万元)", null],
    ["项目资金 (万元)", null],
  ])("execution column %s → %s", (text, role) => {
    expect(executionRole(text)).toBe(role);
  });

  test.each([
    ["年度资金总额:", "total"],
    ["年度资金总额", "total"],
    ["总额", "total"],
    ["年度财政资金总额", "total"],
    ["其中:本年财政拨款", "part"],
    ["其中:当年财政拨款", "part"],
    ["其中:财政资金", "part"],
    ["财政专户管理资金", "part"],
    ["单位资金", "part"],
    ["上年结转资金", "part"],
    ["其中:中央资金", "part"],
    ["地方资金", "part"],
    ["其他资金", "part"],
    ["年度总体目标", null],
    ["绩效指标", null],
  ])("budget row %s → %s", (text, role) => {
    expect(budgetRowRole(text)).toBe(role);
  });

  test.each([
    ["合计", "weightTotal"],
    ["总分:分", "totalScore"],
    ["自评总分(分)", "totalScore"],
    ["评价等级", "grade"],
    ["评价结论", "closing"],
    ["存在问题", "closing"],
    ["改进措施", "closing"],
    ["项目负责人:查小兵", "closing"],
    ["财务负责人:", "closing"],
    ["产出指标", null],
    ["补助村(社区)数量", null],
  ])("closing row %s → %s", (text, role) => {
    expect(closingRowRole(text)).toBe(role);
  });
});

describe("the scored columns of the grid", () => {
  test.each<[string, Grid, Record<string, number>]>([
    [
      "actual, weight, score and reason after the target (安徽池州)",
      [
        [
          "绩效指标",
          "一级指标",
          "二级指标",
          "三级指标",
          "年度指标值",
          "实际完成值",
          "分值",
          "得分",
          "偏差原因分析及改进措施",
        ],
      ],
      { actual: 5, weight: 6, score: 7, reason: 8 },
    ],
    [
      "分值 before the target, 全年实际值 (安徽濉溪)",
      [
        [
          null,
          "一级指标",
          "二级指标",
          "三级指标",
          "分值",
          "年度指标值",
          "全年实际值",
          "得分",
          "未完成原因及拟采取的改进措施",
        ],
      ],
      { weight: 4, actual: 6, score: 7, reason: 8 },
    ],
    [
      "Sichuan's 完成值 | 权重 | 得分 | 未完成原因分析",
      [
        [
          "绩效指标(90分)",
          "一级指标",
          "二级指标",
          "三级指标",
          "指标性质",
          "指标值",
          "度量单位",
          "完成值",
          "权重",
          "得分",
          "未完成原因分析",
        ],
      ],
      { actual: 7, weight: 8, score: 9, reason: 10 },
    ],
    [
      "Hebei's 自评得分 over 单项指标得分 | 权重占比(%) | 单项指标折算得分: 得分 is the one not 折算",
      [
        ["一级指标", "二级指标", "三级指标", "单项指标实际完成值", "自评得分", null, null],
        [null, null, null, null, "单项指标得分", "权重占比(%)", "单项指标折算得分"],
      ],
      { actual: 3, score: 4, weight: 5 },
    ],
    [
      "last year's actual is no actual (a target form's 上年实际值)",
      [["一级指标", "二级指标", "三级指标", "上年实际值", "年度指标值"]],
      {},
    ],
  ])("%s", (_name, grid, wanted) => {
    const found = scoredColumns(grid, grid.length === 2 ? [0, 1] : [0]);
    const columns = Object.fromEntries(Object.entries(found).map(([role, column]) => [role, column.c]));
    expect(columns).toEqual(wanted);
  });
});

describe("the budget block", () => {
  const BLOCK: Grid = [
    ["项目名称", "临时救助"],
    ["资金情况(万元)", null, "全年预算数(A)", "全年执行数(B)", "分值", "执行率(B/A)", "得分"],
    [null, "年度资金总额:", 30, 30, 10, "100%", 10],
    [null, "其中:本年财政拨款", 30, 30],
    [null, "其他资金"],
    ["年度总体目标", "年初设定目标"],
  ];

  test("its header row, its columns by role, and its total and part rows up to the goal block", () => {
    const block = findBudgetBlock(BLOCK, 1, BLOCK.length)!;
    expect(block.headerRow).toBe(1);
    expect(Object.fromEntries(Object.entries(block.columns).map(([role, c]) => [role, c.c]))).toEqual({
      budget: 2,
      spent: 3,
      weight: 4,
      rate: 5,
      score: 6,
    });
    expect(block.rows.map((r) => [r.r, r.key, r.role, r.residual])).toEqual([
      [2, "年度资金总额", "total", false],
      [3, "本年财政拨款", "part", false],
      [4, "其他资金", "part", true],
    ]);
  });

  test("label | value pairs under each header (Hebei): each column's values right of its labels", () => {
    const pairs: Grid = [
      [
        "二、预算执行情况",
        "预算安排情况(调整后)",
        null,
        "资金到位情况",
        null,
        "资金执行情况",
        null,
        "预算执行进度(%)",
      ],
      [null, "预算数", 6.84, "到位数", 6.84, "执行数", 6.84, 100],
      [null, "其中:财政资金", 6.84, "其中:财政资金", 6.84, "其中:财政资金", 6.84],
      [null, "其他", 0, "其他", 0, "其他", 0],
      ["三、目标完成情况", "年度预期目标"],
    ];
    const block = findBudgetBlock(pairs, 0, pairs.length)!;
    expect(Object.fromEntries(Object.entries(block.columns).map(([role, c]) => [role, c.c]))).toEqual({
      budget: 2,
      spent: 6,
      rate: 7,
    });
    expect(block.rows.map((r) => [r.key, r.role, r.residual])).toEqual([
      ["预算数", "total", false],
      ["财政资金", "part", false],
      ["其他", "part", true],
    ]);
  });

  test("a target form's funding rows (资金总额 | 财政拨款, no 执行数 or 执行率) are no budget block", () => {
    const target: Grid = [
      ["项目名称", "设备购置"],
      ["项目资金(万元)", "年度资金总额:", 60],
      [null, "其中:财政拨款", 60],
      [null, "年度预算数", "预算数"],
    ];
    expect(findBudgetBlock(target, 1, target.length)).toBeNull();
  });
});

/** A small self-evaluation form, shaped like 四川's and 安徽's. */
function form(actual: CellValue, extraHeader: CellValue[] = []): Grid {
  return [
    ["项目支出绩效自评表"],
    ["项目名称", "干部培训"],
    ["主管部门", "某局", "实施单位", "某中心"],
    ...(extraHeader.length > 0 ? [extraHeader] : []),
    [
      "绩效指标",
      "一级指标",
      "二级指标",
      "三级指标",
      "年度指标值",
      "实际完成值",
      "分值",
      "得分",
      "偏差原因分析及改进措施",
    ],
    [null, "产出指标", "数量指标", "培训人次", "≥100人次", actual, 50, 50],
    [null, "效益指标", "社会效益指标", "学员满意度", "≥90%", "88%", 40, 36, "部分学员未参评"],
    ["合计", null, null, null, null, null, 90, 86],
    ["评价等级", "优"],
    ["评价结论", "完成年度目标。"],
    ["项目负责人:张三", null, null, null, "财务负责人:李四"],
  ];
}

describe("which forms are self-evaluations", () => {
  test("a target form whose 实际完成值 column is empty stays a project form", () => {
    const grid = form(null).map((row) => row.slice(0, 6));
    grid[0] = ["项目支出绩效目标表"];
    grid[5] = [null, "效益指标", "社会效益指标", "学员满意度", "≥90%"];
    expect(parseTable(grid.slice(0, 6), A1_ORIGIN).table?.layout).toBe("project-form");
  });

  test("a form with 得分, or a filled actual, or a budget block with 执行数 is a self-evaluation", () => {
    expect(parseTable(form("120人次"), A1_ORIGIN).table?.layout).toBe("self-evaluation-form");
    const noScore = form("120人次").map((row) => row.slice(0, 6));
    expect(parseTable(noScore.slice(1, 7), A1_ORIGIN).table?.layout).toBe("self-evaluation-form");
  });
});

describe("what a self-evaluation form reads", () => {
  const parsed = parseTable(form("120人次"), A1_ORIGIN);
  const evaluation = parsed.selfEvaluations?.[0];

  test("each indicator with its actual, 分值, 得分 and 偏差原因, also in its extra for 指标明细", () => {
    expect(parsed.projects[0]!.indicators.map((i) => [i.name, i.annualValue, i.extra])).toEqual([
      ["培训人次", "≥100人次", { actual: "120人次", weight: 50, score: 50, reason: null }],
      ["学员满意度", "≥90%", { actual: "88%", weight: 40, score: 36, reason: "部分学员未参评" }],
    ]);
    expect(evaluation?.indicators.map((s) => [s.itemIndex, s.score?.address, s.weight?.value])).toEqual([
      [0, "H5", 50],
      [1, "H6", 40],
    ]);
  });

  test("合计 gives the weight total (and 总分 from its 得分), 评价等级 the grade; the closing rows are notes", () => {
    expect(evaluation?.weightTotal).toMatchObject({ address: "G7", value: 90 });
    expect(evaluation?.totalScore).toMatchObject({ address: "H7", value: 86 });
    expect(evaluation?.grade).toMatchObject({ address: "B8", text: "优" });
    expect(parsed.rows.filter((r) => r.row >= 7).map((r) => r.kind)).toEqual([
      "note",
      "note",
      "note",
      "note",
    ]);
  });

  test("its model declares the scored columns 指标明细 shows", () => {
    expect(parsed.table?.model?.detailColumns?.map((c) => c.label)).toEqual([
      "实际完成值",
      "分值",
      "得分",
      "偏差原因分析及改进措施",
    ]);
  });

  test("each scored row points at its own indicator, also when the goal text holds indicators of its own", () => {
    const grid = form("120人次", [
      "年度目标",
      "完成培训。1、产出指标：数量指标：培训场次：年度指标值：≥4场。",
    ]);
    const withGoal = parseTable(grid, A1_ORIGIN);
    const names = withGoal.projects[0]!.indicators.map((i) => i.name);
    expect(names).toContain("培训场次");
    expect(withGoal.selfEvaluations?.[0]?.indicators.map((s) => names[s.itemIndex])).toEqual([
      "培训人次",
      "学员满意度",
    ]);
  });

  test("a percentage score cell keeps its text beside its number", () => {
    const grid: CellValue[][] = form("120人次").map((row) => [...row]);
    grid[5]![7] = "90%";
    const cell = parseTable(grid, A1_ORIGIN).selfEvaluations?.[0]?.indicators[1]?.score;
    expect(cell).toMatchObject({ raw: "90%", value: 90, percent: true });
  });
});

describe("the budget block's amounts", () => {
  test.each<[string, CellValue, CellValue, number | null]>([
    ["numbers", 30, 30, 30],
    ["a number with its unit", "38.75万元", "37万元", 38.75],
    [
      "text whose breakdown is in brackets: the amount outside them",
      "推广项目38.75万元(少数民族发展资金37万元,中央衔接资金1.75万元)",
      "少数民族发展资金37万元",
      38.75,
    ],
    ["an amount in 元 in a 万元 form, converted exactly", "387500元", 370000, 38.75],
  ])("%s", (_name, total, part, wanted) => {
    const grid: Grid = [
      ["项目名称", "边销茶推广"],
      ["项目资金(万元)", null, "年初预算数", "全年执行数", "执行率"],
      [null, "年度资金总额:", total, total, "100%"],
      [null, "其中:财政拨款", part],
      [null, "其他资金", typeof part === "number" ? 1.75 : "1.75万元"],
      ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
      [null, "产出指标", "数量指标", "发放户数", "≥3875户", "3620户", 50, 45],
    ];
    const parsed = parseTable(grid, A1_ORIGIN);
    expect(parsed.projects[0]!.amountCells.initialBudget?.value).toBe(wanted);
    expect(parsed.selfEvaluations?.[0]?.budget?.spent?.value).toBe(wanted);
  });
});

describe("a department's own self-evaluation (部门整体绩效自评表)", () => {
  const GRID: Grid = [
    ["某局2023年度部门整体绩效自评表"],
    ["部门名称", "某局", "自评总分(分)", 96],
    [
      "绩效指标",
      "指标名称",
      "计量单位",
      "指标性质",
      "指标值",
      "指标权重(分)",
      "全年完成值",
      "指标得分(分)",
      "说明",
    ],
    [null, "管护任务完成率", "%", "≥", 90, 50, 100, 50],
    [null, "有害生物成灾率", "%", "≤", 0.4, 50, 0.5, 46, "虫害偏重"],
  ];

  test("no 项目名称 and no level columns: the department's form, named by its 部门名称, with its 总分", () => {
    const parsed = parseTable(GRID, A1_ORIGIN);
    expect(parsed.table?.layout).toBe("self-evaluation-form");
    expect(parsed.projects.map((p) => p.name)).toEqual(["某局"]);
    expect(parsed.projects[0]!.indicators.map((i) => [i.name, i.annualValue, i.extra])).toEqual([
      ["管护任务完成率", "≥90%", { actual: "100", weight: 50, score: 50, reason: null }],
      ["有害生物成灾率", "≤0.4%", { actual: "0.5", weight: 50, score: 46, reason: "虫害偏重" }],
    ]);
    expect(parsed.selfEvaluations?.[0]?.totalScore).toMatchObject({ address: "D2", value: 96 });
  });

  test("named by its title line when no label names it", () => {
    const grid = GRID.map((row, r) => (r === 1 ? [null, null, "自评总分(分)", 96] : row));
    expect(parseTable(grid, A1_ORIGIN).projects.map((p) => p.name)).toEqual([
      "某局2023年度部门整体绩效自评表",
    ]);
  });

  test("the same grid without a scored column, titled a target table, is no self-evaluation", () => {
    const grid = GRID.map((row, r) => (r === 0 ? ["某局2023年度部门整体绩效目标表"] : row.slice(0, 6)));
    expect(parseTable(grid, A1_ORIGIN).table?.layout).not.toBe("self-evaluation-form");
  });
});

describe("no grid makes it throw", () => {
  const pieces: CellValue[] = [
    "项目名称",
    "干部培训",
    "项目资金(万元)",
    "年初预算数",
    "全年预算数(A)",
    "全年执行数(B)",
    "执行率(B/A)",
    "得分(分*执行率)",
    "分值",
    "年度资金总额:",
    "其中:本年财政拨款",
    "其他资金",
    "总额",
    "绩效指标",
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    "实际完成值",
    "全年完成值",
    "得分",
    "权重",
    "偏差原因分析及改进措施",
    "产出指标(50分)",
    "数量指标",
    "合计",
    "总分:",
    "总分:分",
    "评价等级",
    "评价结论",
    "100%",
    "≥95%",
    "达成预期指标",
    "",
    // The shapes of self-evaluation-variants.test.ts: column keys, a split actual, 分 and label points, `/`.
    "B/A",
    "（1）",
    "指标值",
    "度量单位",
    "27分",
    "预算执行情况（10分）",
    "/",
    "=F6*G6",
    "其中：基本支出",
  ];
  const cell = fc.oneof(
    fc.constantFrom<CellValue>(...pieces, null),
    fc.integer({ min: -1000, max: 100000 }),
    fc.boolean(),
    fc.string({ maxLength: 8 }),
  );

  test("analyzeTable reads any grid of such cells without throwing", () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 12 }), { maxLength: 24 }), (grid) => {
        analyzeTable(grid);
      }),
      { numRuns: 300 },
    );
  });

  test("a real-shaped form with any of its cells replaced reads without throwing", () => {
    const base = form("120人次", [
      "项目资金(万元)",
      null,
      "年初预算数",
      "全年预算数",
      "全年执行数",
      "分值",
      "执行率",
      "得分",
    ]);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(base.length - 1), fc.nat(9), cell), { maxLength: 8 }),
        (changes) => {
          const grid: CellValue[][] = base.map((row) => [...row]);
          for (const [r, c, value] of changes) grid[r]![c] = value;
          const analysis = analyzeTable(grid);
          for (const p of analysis.projects)
            for (const i of p.indicators) expect(i.cell).toMatch(/^[A-Z]+[0-9]+$/);
        },
      ),
      { numRuns: 300 },
    );
  });
});
