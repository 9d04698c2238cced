/**
 * Last year's table against this year's: the sample as last year, and this year made from it by the edits a
 * clerk makes (a sign lost, a unit changed, a value off by ten, an indicator dropped, a project renamed …).
 * Each edit must give exactly its finding, on the right project, indicator and cells; the same table twice none.
 */
import { analyzeTable } from "../../src/core/analyze-table";
import { compareTables } from "../../src/core/compare/compare-tables";
import type { Finding } from "../../src/core/compare/finding";
import type { CellValue } from "../../src/core/model/grid";
import { loadSampleGrid } from "../../testing/sample";

const LAST = analyzeTable(loadSampleGrid());

/** The sample with text edits: each [from, to] replaces the first cell text containing `from` (once). */
function edited(...edits: [string, string][]): CellValue[][] {
  const grid = loadSampleGrid().map((row) => [...row]);
  for (const [from, to] of edits) {
    let done = false;
    for (const row of grid)
      for (let c = 0; c < row.length && !done; c++) {
        const v = row[c];
        if (typeof v === "string" && v.includes(from)) {
          row[c] = v.replace(from, to);
          done = true;
        }
      }
    if (!done) throw new Error(`no cell holds ${from}`);
  }
  return grid;
}

function compareWith(...edits: [string, string][]): Finding[] {
  return [...compareTables(LAST, analyzeTable(edited(...edits))).findings];
}

function brief(f: Finding): string {
  return `${f.kind} ${f.project} / ${f.indicator ?? "-"}: ${f.last ?? "∅"} → ${f.this ?? "∅"}`;
}

test("the same table twice: every project paired, no finding", () => {
  const result = compareTables(LAST, analyzeTable(loadSampleGrid()));
  expect(result.findings).toEqual([]);
  expect(result.matchedProjects).toBe(LAST.projects.length);
  expect(result.onlyLast).toEqual([]);
  expect(result.onlyThis).toEqual([]);
});

test.each<[string, [string, string][], string[]]>([
  [
    "a sign lost",
    [["年度指标值：不低于97%", "年度指标值：97%"]],
    ["op-lost 对外联络、会议及调研专项经费 / 服务对象满意度: 不低于97% → 97%"],
  ],
  ["another sign", [["年度指标值：大于95", "年度指标值：等于95"]], ["op-changed"]],
  [
    "a unit dropped",
    [["年度指标值：36人", "年度指标值：36"]],
    ["unit-changed 政府雇员工资费用 / 政府雇员在编人数: 36人 → 36"],
  ],
  ["a unit changed", [["年度指标值：25次", "年度指标值：25人次"]], ["unit-changed"]],
  [
    "a change of scale that keeps the quantity",
    [["年度指标值：3000元/人", "年度指标值：0.3万元/人"]],
    ["unit-changed"],
  ],
  ["a value off by ten", [["年度指标值：25期", "年度指标值：250期"]], ["magnitude"]],
  ["a value a tenth", [["年度指标值：不少于2000次", "年度指标值：不少于200次"]], ["magnitude"]],
  ["a number became words", [["年度指标值：25期", "年度指标值：按期出版"]], ["kind-changed"]],
  ["an ordinary new target is no finding", [["年度指标值：不低于97%", "年度指标值：不低于98%"]], []],
  ["reworded text is no finding", [["年度指标值：合法合规", "年度指标值：合规合法"]], []],
])("%s", (_name, edits, expected) => {
  const findings = compareWith(...edits).map(brief);
  expect(findings.map((f) => (expected.some((e) => e.includes(" ")) ? f : f.split(" ")[0]))).toEqual(
    expected,
  );
});

test("a renamed indicator is paired with last year's and named as renamed, its value still compared", () => {
  const findings = compareWith([
    "11-数量指标：报废小车数量；实施周期指标值：1；年度指标值：1",
    "11-数量指标：报废公务车辆数量；实施周期指标值：1；年度指标值：10",
  ]);
  expect(findings.map(brief)).toEqual([
    "renamed 公务用车购置费 / 报废公务车辆数量: 报废小车数量 → 报废公务车辆数量",
    "magnitude 公务用车购置费 / 报废公务车辆数量: 1 → 10",
  ]);
  expect(findings[0]!.lastPlace).toEqual({ cell: "G12" });
  expect(findings[0]!.thisPlace).toEqual({ cell: "G12" });
});

test("an indicator dropped and one added are listed with their side's cell", () => {
  const findings = compareWith([
    "7、2-效益指标：22-社会效益：安全保障；实施周期指标值：保障公务用车安全可靠使用；年度指标值：保障公务用车安全可靠使用。",
    "7、3-满意度指标：31-服务对象满意度指标：职工满意度；实施周期指标值：≥90%；年度指标值：≥90%。",
  ]);
  expect(findings.map(brief)).toEqual([
    "dropped 公务用车购置费 / 安全保障: 保障公务用车安全可靠使用 → ∅",
    "added 公务用车购置费 / 职工满意度: ∅ → ≥90%",
  ]);
  expect(findings[0]!.thisPlace).toBeNull();
  expect(findings[1]!.lastPlace).toBeNull();
});

test("a renamed project is paired by its indicators and goal, and named", () => {
  const findings = compareWith(["公务用车购置费", "公务车辆更新购置经费"]);
  expect(findings.map(brief)).toEqual([
    "project-renamed 公务车辆更新购置经费 / -: 公务用车购置费 → 公务车辆更新购置经费",
  ]);
  expect(findings[0]!.lastPlace).toEqual({ cell: "A12" });
});

test("money doubled while every count it buys stayed the same", () => {
  const grid = edited();
  // 公务用车购置费, row 12: 18.00 → 36.00 in 总计 and 财政拨款; its counts (1 car retired, 1 bought) unchanged.
  grid[11]![1] = "36.00";
  grid[11]![2] = "36.00";
  const findings = compareTables(LAST, analyzeTable(grid)).findings.map(brief);
  expect(findings).toEqual(["amount-vs-quantity 公务用车购置费 / -: 18.00万元 → 36.00万元"]);
});

test("money doubled with its counts doubled too is no finding", () => {
  const grid = edited([
    "新购置小车数量；实施周期指标值：1；年度指标值：1",
    "新购置小车数量；实施周期指标值：2；年度指标值：2",
  ]);
  grid[11]![1] = "36.00";
  grid[11]![2] = "36.00";
  expect(compareTables(LAST, analyzeTable(grid)).findings).toEqual([]);
});

test("the same amounts stated in 元 instead of 万元: the unit changed, not the money", () => {
  const grid = edited(["单位：万元", "单位：元"]);
  for (const row of grid.slice(9))
    for (let c = 1; c <= 4; c++) {
      const v = row[c];
      if (typeof v === "string" && /^[\d,.]+$/.test(v))
        row[c] = String(Math.round(Number(v.replace(/,/g, "")) * 10000));
    }
  const findings = compareTables(LAST, analyzeTable(grid)).findings;
  expect(new Set(findings.map((f) => f.kind))).toEqual(new Set(["unit-changed"]));
  expect(findings.every((f) => f.indicator === null)).toBe(true);
  expect(findings.length).toBe(LAST.projects.length);
  expect(brief(findings[0]!)).toBe("unit-changed 公务用车购置费 / -: 18.00万元 → 180000元");
});

/**
 * The sample rewritten as a department table (one row per indicator; sign, number and unit in their own
 * columns, as departments publish it): the same projects and targets in another layout.
 */
function asDepartmentTable(analysis: typeof LAST): CellValue[][] {
  const SIGN: Record<string, string> = { ">=": "≥", "<=": "≤", ">": "＞", "<": "＜", "=": "＝" };
  const rows: CellValue[][] = [
    ["2024年部门项目支出绩效目标表"],
    ["部门：广州市白云区人民政府办公室", "", "", "", "", "", "", "", "", "", "金额单位：万元"],
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
      "权重",
      "指标方向性",
    ],
  ];
  for (const p of analysis.projects)
    p.indicators.forEach((i, k) => {
      const v = (i.annual ?? i.period)!;
      const unit = v.unit !== null && v.raw.includes(v.unit) ? v.unit : "";
      const [sign, value] =
        v.op === "text"
          ? ["定性", v.raw]
          : v.op === "range"
            ? ["", `${v.value}-${v.upper}`]
            : [v.op === "=" && !/[=＝]|等于/.test(v.raw) ? "" : SIGN[v.op]!, String(v.value)];
      rows.push([
        k === 0 ? p.unit : null,
        k === 0 ? p.name : null,
        k === 0 ? p.amountCells.total!.raw : null,
        k === 0 ? p.goal : null,
        i.level1?.name ?? null,
        i.level2?.name ?? null,
        i.name,
        sign,
        value,
        unit,
        null,
        null,
      ]);
    });
  return rows;
}

test("two tables that differ only in layout (string layout last year, a department table this year) compare cleanly", () => {
  const current = analyzeTable(asDepartmentTable(LAST));
  expect(current.table?.layout).toBe("department-columns");
  expect(current.projects).toHaveLength(LAST.projects.length);
  const result = compareTables(LAST, current);
  expect(result.findings.map(brief)).toEqual([]);
  expect(result.matchedProjects).toBe(LAST.projects.length);
});
