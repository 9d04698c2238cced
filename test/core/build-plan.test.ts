import { analyzeTable } from "../../src/core/analyze-table";
import { buildPlan } from "../../src/core/plan/build-plan";
import type { CellValue } from "../../src/core/model/grid";
import { MAX_CELL_TEXT, type PlanCell } from "../../src/core/plan/plan";
import { displayWidth, wrappedLines } from "../../src/core/plan/plan-layout";
import { loadSampleGrid } from "../../testing/sample";
import { analysis, indicator, issue, project, value } from "../../testing/hand-built-analysis";

const opts = { sourceSheet: "Sheet1", locale: "zh-CN" as const };

function sample() {
  const p1 = project(12, "公务用车购置费", [
    indicator(12, 1, "报废小车数量"),
    indicator(12, 2, "目标群体满意率（%）", {
      annualValue: "大于95",
      annual: value(">", 95, "%", "大于95"),
      periodValue: "20-35次",
      period: { op: "range", value: 20, upper: 35, unit: "次", raw: "20-35次" },
    }),
  ]);
  const p2 = project(14, "维保项目", [
    indicator(14, 1, "维保按时完成质量", { annualValue: null, annual: null }),
  ]);
  const issues = [
    issue("missing-value", "error", "G14", "缺少年度指标值。", { seq: 1 }, { projectIndex: 1, itemIndex: 0 }),
    issue("row-total", "error", "B12", "总计不符。", {}, { projectIndex: 0 }),
    issue("sequence", "warning", "B12", "序号不连续。"),
    issue("suspicious-value", "warning", "G12", "第2项可疑。", { seq: 2 }, { projectIndex: 0, itemIndex: 1 }),
    issue("markup", "info", "G12", "含有网页标记。", {}, { projectIndex: 0 }),
  ];
  return analysis([p1, p2], issues);
}

describe("指标明细", () => {
  const plan = buildPlan(sample(), opts);
  const detail = plan.sheets.find((s) => s.key === "detail")!;

  test("one row per indicator, columns as the message table lists them", () => {
    expect(detail.name).toBe("指标明细");
    expect(detail.columns.map((c) => c.header)).toEqual([
      "资金使用单位",
      "项目名称",
      "序号",
      "一级指标",
      "二级指标",
      "三级指标",
      "实施周期指标值",
      "年度指标值",
      "比较",
      "数值",
      "上限",
      "计量单位",
      "问题",
      "来源",
    ]);
    expect(detail.rows).toHaveLength(3);
    for (const row of detail.rows) expect(row).toHaveLength(detail.columns.length);
  });

  test("numbers are numbers, text columns are text-formatted, the header is frozen, it is a table", () => {
    const row = detail.rows[1]!;
    expect(row.slice(0, 12)).toEqual([
      "某单位",
      "公务用车购置费",
      2,
      "产出指标",
      "数量指标",
      "目标群体满意率（%）",
      "20-35次",
      "大于95",
      "＞",
      95,
      null,
      "%",
    ]);
    const formats = detail.columns.map((c) => c.numberFormat);
    expect(formats.filter((f) => f !== "@")).toHaveLength(3); // 序号, 数值, 上限
    expect(detail.freezeRows).toBe(1);
    expect(detail.table?.name).toBe("IndicatorDetail");
  });

  test("问题 holds the messages of the item's own issues and of its cell, not of other items", () => {
    expect(detail.rows[0]![12]).toBe("含有网页标记。");
    expect(detail.rows[1]![12]).toBe("第2项可疑。\n含有网页标记。");
    expect(detail.rows[2]![12]).toBe("缺少年度指标值。");
  });

  test("a missing annual value falls back to the period value for the parsed columns", () => {
    expect(detail.rows[2]!.slice(6, 12)).toEqual(["1", null, "＝", 1, null, null]);
  });

  test("来源 links to the source cell", () => {
    expect(detail.rows[0]![13]).toEqual({ text: "G12", link: { sheet: "Sheet1", cell: "G12" } });
  });
});

describe("问题 by the reference each issue carries", () => {
  test("an item's issue goes to that item's row, even when another item of the cell has its number", () => {
    const p = project(12, "p", [indicator(12, 1, "甲"), indicator(12, 1, "乙"), indicator(12, 3, "丙")]);
    const issues = [
      issue("sequence", "warning", "G12", "乙的序号。", { seq: 1 }, { projectIndex: 0, itemIndex: 1 }),
      issue("markup", "info", "G12", "标记。", {}, { projectIndex: 0 }),
      issue("markup", "info", "G13", "别的单元格。", {}, { projectIndex: 0 }),
      issue("row-total", "error", "G12", "没有引用的问题不归任何一行。"),
    ];
    const rows = buildPlan(analysis([p], issues), opts).sheets[0]!.rows;
    expect(rows.map((r) => r[12])).toEqual(["标记。", "乙的序号。\n标记。", "标记。"]);
  });

  // An 80,000-character cell of items all numbered 1、 (each after the first is a sequence issue). Matching
  // issues to rows by cell and number gave every row every issue: seconds and gigabytes, and wrong rows.
  const ITEM = "1、产出指标：数量指标：A；实施周期指标值：1；年度指标值：1。";
  const table = (cells: number, length: number): CellValue[][] => [
    ["项目名称", "总计", "财政拨款", "绩效目标", "绩效指标"],
    ...Array.from({ length: cells }, (_, k) => [
      `项目${k}`,
      "1",
      "1",
      "目标",
      ITEM.repeat(length / ITEM.length),
    ]),
  ];

  test("an 80,000-character cell of repeated 1、 items: each row holds its own issue only", () => {
    const a = analyzeTable(table(1, 80_000));
    const items = a.projects[0]!.indicators.length;
    expect(items).toBe(80_000 / ITEM.length);
    const sequence = a.issues.filter((i) => i.rule === "sequence");
    expect(sequence).toHaveLength(items - 1);
    const plan = buildPlan(a, opts);
    const counts = plan.sheets[0]!.rows.map((r) => String(r[12] ?? "").split("序号应为").length - 1);
    expect(counts).toEqual([0, ...Array<number>(items - 1).fill(1)]);
    expect(plan.truncated).toBeUndefined();
  });

  test("twenty cells of 32,767 characters: every row holds at most its own sequence issue", () => {
    const length = Math.floor(MAX_CELL_TEXT / ITEM.length) * ITEM.length;
    const rows = buildPlan(analyzeTable(table(20, length)), opts).sheets[0]!.rows;
    expect(rows).toHaveLength(20 * (length / ITEM.length));
    expect(Math.max(...rows.map((r) => String(r[12] ?? "").split("序号应为").length - 1))).toBe(1);
  });
});

describe("校验结果", () => {
  test("one row per issue, errors first, the cell as a link", () => {
    const plan = buildPlan(sample(), opts);
    const checks = plan.sheets.find((s) => s.key === "checks")!;
    expect(checks.rows.map((r) => r[0])).toEqual(["错误", "错误", "警告", "警告", "提示"]);
    expect(checks.columns.map((c) => c.header)).toEqual([
      "严重程度",
      "规则",
      "单元格",
      "说明",
      "处理建议",
      "规则编号",
    ]);
    expect(checks.rows[0]!.slice(1)).toEqual([
      "总计不符",
      { text: "B12", link: { sheet: "Sheet1", cell: "B12" } },
      "总计不符。",
      "对照原始资料逐一核对本行的总计和各资金来源，改正写错的金额。",
      "row-total",
    ]);
    expect(plan.activate).toBe("checks");
  });

  test("severity cells are filled like the marks: errors red, warnings yellow, info plain", () => {
    const checks = buildPlan(sample(), opts).sheets.find((s) => s.key === "checks")!;
    expect(checks.fills).toEqual([
      { row: 0, column: 0, color: "#FFC7CE" },
      { row: 1, column: 0, color: "#FFC7CE" },
      { row: 2, column: 0, color: "#FFEB9C" },
      { row: 3, column: 0, color: "#FFEB9C" },
    ]);
  });

  test("no issue: one line that says so, and the detail sheet is shown", () => {
    const plan = buildPlan(analysis([project(12, "p", [indicator(12, 1, "n")])]), {
      ...opts,
      locale: "en-US",
    });
    const checks = plan.sheets.find((s) => s.key === "checks")!;
    expect(checks.rows).toEqual([["No problems found: ready to send.", null, null, null, null, null]]);
    expect(checks.table).toBeNull();
    expect(plan.activate).toBe("detail");
    expect(plan.marks).toEqual([]);
    expect(plan.sheets.map((s) => s.name)).toEqual(["Indicators", "Check results"]);
  });

  test("whole-sheet issues have no cell link and mark nothing", () => {
    const plan = buildPlan(analysis([], [issue("no-table", "error", null, "没有找到表。")]), opts);
    expect(plan.sheets[1]!.rows).toEqual([
      [
        "错误",
        "未找到表格",
        null,
        "没有找到表。",
        "把表格连同表头行粘贴到工作表中，或选中表格所在区域后再运行。",
        "no-table",
      ],
    ]);
    expect(plan.marks).toEqual([]);
  });
});

describe("marks", () => {
  test("errors red, warnings yellow, info unmarked, one mark per cell with the worst winning", () => {
    expect(buildPlan(sample(), opts).marks).toEqual([
      { cell: "B12", severity: "error", color: "#FFC7CE" },
      { cell: "G12", severity: "warning", color: "#FFEB9C" },
      { cell: "G14", severity: "error", color: "#FFC7CE" },
    ]);
  });

  test("sorted by row then column (B before AA)", () => {
    const a = analysis(
      [],
      [
        issue("row-total", "error", "AA3", "x"),
        issue("row-total", "error", "B3", "y"),
        issue("sequence", "warning", "C2", "z"),
      ],
    );
    expect(buildPlan(a, opts).marks.map((m) => m.cell)).toEqual(["C2", "B3", "AA3"]);
  });
});

describe("sheet and table names", () => {
  test("a user's own sheet named 指标明细 is avoided; the source sheet is never taken", () => {
    const plan = buildPlan(sample(), { ...opts, sourceSheet: "校验结果", avoidSheetNames: ["指标明细"] });
    expect(plan.sheets.map((s) => s.name)).toEqual(["指标明细 (2)", "校验结果 (2)"]);
  });

  test("table names avoid the workbook's other tables", () => {
    const plan = buildPlan(sample(), { ...opts, avoidTableNames: ["indicatordetail"] });
    expect(plan.sheets[0]!.table?.name).toBe("IndicatorDetail2");
  });
});

describe("text over Excel's 32,767-character limit", () => {
  const long = "很长的指标名称".repeat(6000); // 42,000 characters
  const plan = buildPlan(analysis([project(12, "p", [indicator(12, 1, long)])]), opts);
  const cell = plan.sheets[0]!.rows[0]![5] as string;

  test("is cut to fit with a visible note giving the whole length, and is reported", () => {
    expect(cell.length).toBeLessThanOrEqual(MAX_CELL_TEXT);
    expect(long.startsWith(cell.slice(0, 30000))).toBe(true);
    expect(cell).toContain(`全文 ${long.length} 字`);
    expect(plan.truncated).toEqual([{ sheet: "detail", cell: "F2", length: long.length }]);
  });

  test("text within the limit is left whole and nothing is reported", () => {
    const fits = "字".repeat(MAX_CELL_TEXT);
    const p = buildPlan(analysis([project(12, "p", [indicator(12, 1, fits)])]), opts);
    expect(p.sheets[0]!.rows[0]![5]).toBe(fits);
    expect(p.truncated).toBeUndefined();
  });
});

test("every cell of every row is a string, number, null or link (what the shells know how to write)", () => {
  const ok = (c: PlanCell) =>
    c === null || typeof c === "string" || typeof c === "number" || (typeof c === "object" && "link" in c);
  for (const sheet of buildPlan(sample(), opts).sheets)
    for (const row of sheet.rows) expect(row.every(ok)).toBe(true);
});

describe("sheets that read and print as they are", () => {
  const plan = buildPlan(analyzeTable(loadSampleGrid()), opts);
  const [detail, checks] = plan.sheets;

  test("columns are wide enough for their content: 二级指标 holds 服务对象满意度指标 on one line", () => {
    const level2 = detail!.columns.find((c) => c.header === "二级指标")!;
    expect(level2.width).toBeGreaterThanOrEqual(displayWidth("服务对象满意度指标") + 2);
    // Short columns stay short, long text wraps within a cap.
    expect(detail!.columns.find((c) => c.header === "序号")!.width).toBeLessThanOrEqual(6);
    expect(checks!.columns.find((c) => c.header === "说明")).toMatchObject({ width: 60, wrap: true });
  });

  test("rows with wrapped text are tall enough for it; one-line rows keep the default height", () => {
    const message = checks!.columns.findIndex((c) => c.header === "说明");
    checks!.rows.forEach((row, i) => {
      const lines = wrappedLines(String(row[message]), checks!.columns[message]!.width);
      const height = checks!.rowHeights[i];
      if (lines === 1) expect(height ?? null).toBeNull();
      else expect(height).toBeGreaterThanOrEqual(lines * 15);
    });
    expect(checks!.rowHeights.some((h) => h !== null)).toBe(true);
  });

  test("both print landscape on A4, one page wide, the header on every page, name and page in the footer", () => {
    for (const sheet of plan.sheets)
      expect(sheet.print).toEqual({
        orientation: "landscape",
        fitToPagesWide: 1,
        repeatRows: 1,
        paper: "A4",
        footer: { left: "&A", right: "第 &P 页，共 &N 页" },
      });
  });

  test("the rule id is the last column, the Chinese rule name in 规则", () => {
    expect(checks!.rows.map((r) => r[5])).toEqual(analyzeTable(loadSampleGrid()).issues.map((i) => i.rule));
    expect(checks!.rows[0]![1]).toBe("缺少指标值");
  });
});

describe("the culprit's marks and notes", () => {
  const grid = loadSampleGrid();
  grid[11]![2] = "17.00"; // C12
  const plan = buildPlan(analyzeTable(grid), opts);

  test("the cell to change is red; the totals it upsets are light blue consequences, not errors", () => {
    const marks = Object.fromEntries(plan.marks.map((m) => [m.cell, [m.severity, m.color]]));
    expect(marks.C12).toEqual(["error", "#FFC7CE"]);
    expect(marks.B12).toEqual(["consequence", "#DDEBF7"]);
    expect(marks.C11).toEqual(["consequence", "#DDEBF7"]);
    const checks = plan.sheets[1]!;
    expect(
      checks.rows.filter((r) => r[2] !== null && ["B12", "C11"].includes((r[2] as { text: string }).text)),
    ).toEqual([]);
  });

  test("every marked cell has a note: what is wrong with which item, or which cell to fix instead", () => {
    expect(plan.notes.map((n) => n.cell)).toEqual(plan.marks.map((m) => m.cell));
    const note = (cell: string) => plan.notes.find((n) => n.cell === cell)!.text;
    expect(note("C12")).toContain("应为 18.00 万元，表中为 17.00 万元");
    expect(note("B12")).toBe("此合计对不上，是因为 C12 写错了：改正 C12 后即相符，此格不必改。");
    expect(note("G25")).toContain("第3项「维保按时完成质量」");
    expect(plan.noteAuthor).toBe("绩效指标规范化");
  });
});
