import fc from "fast-check";
import { analyzeTable, parseTable } from "../../src/core/analyze-table";
import { buildPlan } from "../../src/core/plan/build-plan";
import { cellAddress } from "../../src/core/model/cell-address";
import { findCulprits, type CulpritGroup } from "../../src/core/check/find-culprits";
import type { CellValue } from "../../src/core/model/grid";
import { solveIntegerSystem } from "../../src/core/check/solve-integer-system";
import {
  equationCell,
  isSumEquation,
  type EquationCell,
  type TotalEquation,
} from "../../src/core/model/total-equation";
import { settleCheckOptions } from "../../src/core/model/analyze-options";
import type { IssueDraft } from "../../src/core/model/issue";
import { messagesFor } from "../../src/core/messages";
import { RULE_EXAMPLES } from "../../src/core/guide/rule-examples";
import { buildSyntheticGrid } from "../../bench/synthetic-table";
import { loadSampleGrid } from "../../testing/sample";

/** The sample with some cells rewritten, e.g. { C12: "17.00" }. */
function sampleWith(cells: Record<string, CellValue>): CellValue[][] {
  const grid = loadSampleGrid();
  for (const [address, value] of Object.entries(cells)) {
    const column = address.charCodeAt(0) - 64;
    const row = Number(address.slice(1));
    grid[row - 1]![column - 1] = value;
  }
  return grid;
}

/** Each group as "verdict: A1→value, …" per explanation (values as the amounts read, two decimals). */
function verdicts(groups: readonly CulpritGroup[]): string[] {
  return groups.map(
    (g) =>
      `${g.verdict}: ` +
      g.explanations
        .map((e) =>
          e.map((c) => `${c.cell.address}→${(c.to.units / 10 ** c.to.scale).toFixed(c.to.scale)}`).join(" "),
        )
        .join(" | "),
  );
}

function culpritsOf(cells: Record<string, CellValue>): string[] {
  return verdicts(findCulprits(parseTable(sampleWith(cells)).equations));
}

describe("the cell to change in the sample (one per case of the issue)", () => {
  test("a clean table has nothing to explain", () => {
    expect(findCulprits(parseTable(loadSampleGrid()).equations)).toEqual([]);
  });

  test("a source cell: 财政拨款 C12 lowered to 17.00 is the one cell, not B12 and C11", () => {
    expect(culpritsOf({ C12: "17.00" })).toEqual(["unique: C12→18.00"]);
  });

  test("a source cell deep in a unit: C19 changed, not C18 and B19", () => {
    expect(culpritsOf({ C19: "447.00" })).toEqual(["unique: C19→447.22"]);
  });

  test("a total cell: a project's 总计 B12", () => {
    expect(culpritsOf({ B12: "17.00" })).toEqual(["unique: B12→18.00"]);
  });

  test("a subtotal: a unit's 总计 overwritten is one cell, not the unit, its column and the 合计 as four errors", () => {
    const groups = findCulprits(parseTable(sampleWith({ B11: "500.00" })).equations);
    expect(verdicts(groups)).toEqual(["unique: B11→495.00"]);
    expect(groups[0]!.broken).toHaveLength(3); // its row, its column, the 合计's column
  });

  test("a subtotal's 财政拨款 C18", () => {
    expect(culpritsOf({ C18: "1,900.00" })).toEqual(["unique: C18→1963.53"]);
  });

  test("a grand total: 合计 B10", () => {
    expect(culpritsOf({ B10: "2,400.00" })).toEqual(["unique: B10→2476.54"]);
  });

  test("two compensating cells: 18.00 moved from 财政拨款 to 财政专户拨款 of one project is one pair", () => {
    // Both column totals break and share no cell; the row still adds up. Another project cannot give up 18.00
    // of 财政专户拨款 it does not have (no amount turns negative), and the unit row would break the 合计.
    expect(culpritsOf({ C12: null, D12: "18.00" })).toEqual(["unique: C12→18.00 D12→0.00"]);
  });

  test("two independent faults in two units are two separate cells", () => {
    expect(culpritsOf({ C12: "17.00", C19: "440.00" })).toEqual(["unique: C12→18.00", "unique: C19→447.22"]);
  });

  test("two faults in one unit's column are found together", () => {
    expect(culpritsOf({ C12: "17.00", C13: "360.00" })).toEqual(["unique: C12→18.00 C13→364.00"]);
  });

  test("a stale subtotal has as many smallest explanations as projects that can absorb it: ambiguous", () => {
    const groups = findCulprits(parseTable(sampleWith({ B12: "20.00", C12: "20.00" })).equations);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.verdict).toBe("ambiguous");
    // Each project of the unit with at least 2.00 could be the one changed: all six.
    expect(groups[0]!.explanationCount).toBe(6);
    expect(verdicts(groups)[0]).toContain("B12→18.00 C12→18.00");
  });

  test("four wrong cells are more than three: too-many", () => {
    const groups = findCulprits(
      parseTable(sampleWith({ C12: "17.00", B13: "1.00", C14: "1.00", B15: "1.00" })).equations,
    );
    expect(groups.map((g) => g.verdict)).toEqual(["too-many"]);
    expect(groups[0]!.explanations).toEqual([]);
  });

  test("an equation with a cell that is not a number is left out, and does not block the others", () => {
    // C13 is text: its row and its column are skipped; C19's fault is still found.
    expect(culpritsOf({ C13: "三百", C19: "447.00" })).toEqual(["unique: C19→447.22"]);
  });

  test("the tolerance: a slip within it is no fault", () => {
    const equations = parseTable(sampleWith({ C12: "18.01" })).equations;
    expect(verdicts(findCulprits(equations))).toEqual(["unique: C12→18.00"]);
    expect(findCulprits(equations, settleCheckOptions({ tolerance: 0.01 }))).toEqual([]);
  });

  test("mixed decimals: a cell written without decimals is changed in the finest digit shown", () => {
    expect(culpritsOf({ C12: 17 })).toEqual(["unique: C12→18.00"]);
  });

  test("a search budget that runs out gives too-many, not a guess", () => {
    const equations = parseTable(sampleWith({ C12: null, D12: "18.00" })).equations;
    // The two column totals are never joined: each is reported as it is.
    expect(findCulprits(equations, { nodeBudget: 3 }).map((g) => g.verdict)).toEqual([
      "too-many",
      "too-many",
    ]);
  });
});

describe("several wrong amounts that meet in one total (a hub)", () => {
  // Five units of 20 projects; the first unit row is grid row 11 (sheet row 12).
  const grid = () => buildSyntheticGrid(loadSampleGrid(), 100);
  const unitRows = (g: CellValue[][]) =>
    g.flatMap((row, i) => (String(row[0]).startsWith("合成单位") ? [i] : []));

  test("four wrong unit totals: each is its own cell to change, and the 合计 is repaired by all four", () => {
    const g = grid();
    const faulty = unitRows(g).slice(0, 4);
    for (const r of faulty) g[r]![1] = (Number(String(g[r]![1]).replace(/,/g, "")) + 1).toFixed(2);
    const equations = parseTable(g).equations;
    const groups = findCulprits(equations);
    expect(groups.map((x) => x.verdict)).toEqual(["unique", "unique", "unique", "unique"]);
    expect(groups.map((x) => x.explanations[0]!.map((c) => c.cell.address).join())).toEqual(
      faulty.map((r) => `B${r + 1}`),
    );
    // The 合计's total equation is among the totals every part repairs.
    const grand = equations.findIndex((e) => e.rule === "grand-total" && e.target.address === "B10");
    for (const x of groups) expect(x.broken).toContain(grand);
  });
});

/** Equations built by hand, the way a columnar layout declares them (issue 12). */
describe("a columnar layout's equations", () => {
  const cell = (row: number, column: number, value: number): EquationCell =>
    equationCell(row, column, cellAddress(row, column), value, 2);

  /**
   * A department table: row 5 is the department (预算数 in C5) = Σ its units (C6, C12); each unit = Σ its projects'
   * 预算数 (merged down over their indicator rows: C7, C9 under C6; C13 under C12). And a single-project form
   * below: 资金总额 B30 = 财政拨款 B31 + 自有资金 B32 + 其他 B33.
   */
  function departmentTable(values: Partial<Record<string, number>> = {}): TotalEquation[] {
    const v = (address: string, fallback: number) => values[address] ?? fallback;
    const c5 = cell(5, 3, v("C5", 1_200_000));
    const c6 = cell(6, 3, v("C6", 800_000));
    const c7 = cell(7, 3, v("C7", 500_000));
    const c9 = cell(9, 3, v("C9", 300_000));
    const c12 = cell(12, 3, v("C12", 400_000));
    const c13 = cell(13, 3, v("C13", 400_000));
    const b30 = cell(30, 2, v("B30", 100));
    const parts = [cell(31, 2, v("B31", 60)), cell(32, 2, v("B32", 40)), cell(33, 2, v("B33", 0))];
    return [
      { rule: "group-total", target: c5, addends: [c6, c12], details: { unit: "101-某部门" } },
      { rule: "group-total", target: c6, addends: [c7, c9], details: { unit: "101001-某单位" } },
      { rule: "group-total", target: c12, addends: [c13], details: { unit: "101002-另一单位" } },
      {
        rule: "row-total",
        target: b30,
        addends: parts,
        details: { project: "设备购置" },
        about: { projectIndex: 0 },
      },
    ];
  }

  test("clean", () => {
    expect(findCulprits(departmentTable())).toEqual([]);
  });

  test("a project's 预算数 in a merged cell is in one equation only: any project of its unit could be wrong", () => {
    // Honest, not a weakness of the search: with one amount column, C7 and C9 explain C6 equally well.
    expect(verdicts(findCulprits(departmentTable({ C9: 350_000 })))).toEqual([
      "ambiguous: C7→450000.00 | C9→300000.00",
    ]);
  });

  test("a unit's total that disagrees with its projects and its department: the unit", () => {
    expect(verdicts(findCulprits(departmentTable({ C6: 900_000 })))).toEqual(["unique: C6→800000.00"]);
  });

  test("the project of a unit with one project: changing its unit instead would break the department", () => {
    expect(verdicts(findCulprits(departmentTable({ C13: 450_000 })))).toEqual(["unique: C13→400000.00"]);
  });

  test("a single-project form's 资金总额 = Σ its parts: one equation, four equally small explanations", () => {
    expect(verdicts(findCulprits(departmentTable({ B32: 30 })))).toEqual([
      "ambiguous: B30→90.00 | B31→70.00 | B32→40.00 | B33→10.00",
    ]);
  });
});

describe("the analysis reports the cell to change, and the totals it upsets inside its issue", () => {
  test("C12 lowered: one error at C12, as the table writes amounts, advising the change", () => {
    const a = analyzeTable(sampleWith({ C12: "17.00" }));
    const amounts = a.issues.filter((i) => i.rule === "wrong-amount" || i.rule.endsWith("-total"));
    expect(amounts.map((i) => [i.rule, i.severity, i.cell, i.expected, i.actual])).toEqual([
      ["wrong-amount", "error", "C12", 18, 17],
    ]);
    const issue = amounts[0]!;
    expect(issue.details.consequences).toEqual(["B12", "C11"]);
    expect(issue.about).toEqual({ projectIndex: 0 });
    expect(issue.message).toBe(
      "项目「公务用车购置费」的财政拨款（C12）应为 18.00 万元，表中为 17.00 万元；改正后，总计 B12、单位「广州市白云区人民政府办公室」的财政拨款 C11 都能对上。",
    );
  });

  test("a subtotal: the unit row, with the 合计 as its consequence", () => {
    const issue = analyzeTable(sampleWith({ C18: "1,900.00" })).issues.find(
      (i) => i.rule === "wrong-amount",
    )!;
    expect(issue.message).toContain(
      "单位「广州市白云区政府机关事务管理中心」的财政拨款（C18）应为 1,963.53 万元，表中为 1,900.00 万元",
    );
    expect(issue.details.consequences).toEqual(["B18", "C10"]);
    expect(issue.about).toBeUndefined();
  });

  test("two compensating cells: each names the other", () => {
    const issues = analyzeTable(sampleWith({ C12: null, D12: "18.00" })).issues.filter(
      (i) => i.rule === "wrong-amount",
    );
    expect(issues.map((i) => [i.cell, i.details.partners])).toEqual([
      ["C12", ["D12"]],
      ["D12", ["C12"]],
    ]);
  });

  test("ambiguous: the broken totals as before, naming the candidates", () => {
    const issues = analyzeTable(sampleWith({ B12: "20.00", C12: "20.00" })).issues.filter((i) =>
      i.rule.endsWith("-total"),
    );
    expect(issues.map((i) => i.cell)).toEqual(["B11", "C11"]);
    expect(issues[0]!.details.culprits?.verdict).toBe("ambiguous");
    expect(issues[0]!.message).toContain("改动最少的改法不止一种");
    expect(issues[0]!.message).toContain("共 6 种改法");
  });

  test("in English", () => {
    const issue = analyzeTable(sampleWith({ C12: "17.00" }), { locale: "en-US" }).issues[0]!;
    expect(issue.message).toMatch(/C12 should be 18\.00 × 10,000 yuan, found 17\.00 × 10,000 yuan/);
  });
});

describe("every layout's equations, through the analysis", () => {
  const n = null;
  const DEPARTMENT_HEADER: CellValue[] = [
    "单位名称",
    "项目名称",
    "预算数",
    "财政拨款",
    "其他资金",
    "年度目标",
    "一级指标",
    "二级指标",
    "三级指标",
    "指标值",
  ];
  /**
   * A department table with parts (row 2 the department over both units, rows 3 and 6 the units); a project's
   * amounts are merged down over its two indicator rows. `fiscal` replaces 项目二's 财政拨款 (D7).
   */
  function departmentTable(fiscal = "17.00"): CellValue[][] {
    return [
      DEPARTMENT_HEADER,
      ["某部门", n, "30.00", "25.00", "5.00"],
      ["甲单位", n, "10.00", "8.00", "2.00"],
      [n, "项目一", "10.00", "8.00", "2.00", "目标", "产出指标", "数量指标", "A", "1台"],
      [n, n, n, n, n, n, "效益指标", "社会效益指标", "B", "提升"],
      ["乙单位", n, "20.00", "17.00", "3.00"],
      [n, "项目二", "20.00", fiscal, "3.00", "目标", "产出指标", "数量指标", "C", "2台"],
      [n, n, n, n, n, n, "效益指标", "社会效益指标", "D", "提升"],
    ];
  }
  const amountIssues = (a: ReturnType<typeof analyzeTable>) =>
    a.issues
      .filter((i) => i.rule === "wrong-amount" || i.rule.endsWith("total"))
      .map((i) => [i.rule, i.cell, i.expected, i.actual]);

  test("a cell in a columnar layout: a wrong project amount, not its unit's or department's total", () => {
    expect(amountIssues(analyzeTable(departmentTable()))).toEqual([]);
    const a = analyzeTable(departmentTable("15.00"));
    // D7 breaks its row (C7 = D7 + E7), its unit's 财政拨款 (D6) and its department's (D2): one cell explains all.
    expect(amountIssues(a)).toEqual([["wrong-amount", "D7", 17, 15]]);
    const issue = a.issues.find((i) => i.rule === "wrong-amount")!;
    expect(issue.details.consequences).toEqual(["C7", "D2", "D6"]);
    expect(issue.message).toBe(
      "项目「项目二」的财政拨款（D7）应为 17.00，表中为 15.00；改正后，预算数 C7、单位「某部门」的财政拨款 D2、单位「乙单位」的财政拨款 D6 都能对上。",
    );
    const plan = buildPlan(a, { sourceSheet: "部门表", locale: "zh-CN" });
    expect(plan.marks.map((m) => `${m.cell} ${m.severity}`)).toEqual([
      "D2 consequence",
      "D6 consequence",
      "C7 consequence",
      "D7 error",
    ]);
  });

  test("a department table's unit total overwritten: the unit alone, its department agrees with the projects", () => {
    const grid = departmentTable();
    grid[5]![3] = "19.00";
    expect(amountIssues(analyzeTable(grid))).toEqual([["wrong-amount", "D6", 17, 19]]);
  });

  /** The string layout with a 小计 row under each unit's projects (rows 4-5 under 甲单位, 小计 on row 6). */
  function stringWithSubtotal(cells: Record<string, string> = {}): CellValue[][] {
    const indicators = "1、1-产出指标：11-数量指标：场次；实施周期指标值：10场；年度指标值：10场。";
    const grid: CellValue[][] = [
      ["项目名称（资金使用单位）", "总计", "财政拨款", "财政专户拨款", "其他资金", "绩效目标", "绩效指标"],
      ["合计", "60.00", "50.00", n, "10.00"],
      ["甲单位", "60.00", "50.00", n, "10.00"],
      ["宣传经费", "20.00", "20.00", n, n, "目标", indicators],
      ["培训经费", "40.00", "30.00", n, "10.00", "目标", indicators],
      ["小计", "60.00", "50.00", n, "10.00"],
    ];
    for (const [address, value] of Object.entries(cells)) {
      grid[Number(address.slice(1)) - 1]![address.charCodeAt(0) - 65] = value;
    }
    return grid;
  }

  test("a 小计 row: a project's amount under it is the one cell; a stale 小计 is the 小计 alone", () => {
    expect(amountIssues(analyzeTable(stringWithSubtotal()))).toEqual([]);
    const a = analyzeTable(stringWithSubtotal({ C5: "35.00" }));
    expect(amountIssues(a)).toEqual([["wrong-amount", "C5", 30, 35]]);
    expect(a.issues[0]!.details.consequences).toEqual(expect.arrayContaining(["B5", "C6"]));
    const stale = analyzeTable(stringWithSubtotal({ C6: "45.00" })).issues[0]!;
    expect([stale.rule, stale.cell, stale.expected, stale.actual]).toEqual(["wrong-amount", "C6", 50, 45]);
    expect(stale.message).toContain("小计行的财政拨款 C6");
    // The cell to change is named on its own row, the 小计 row, not as the unit's own amount.
    expect(stale.message.startsWith("单位「甲单位」小计行的财政拨款（C6）应为 50.00，表中为 45.00；")).toBe(
      true,
    );
  });

  test("several tables on one sheet: each table's fault is named in its own table", () => {
    const table = (name: string, amount: string, total: string): CellValue[][] => [
      ["项目名称", "总计", "财政拨款", "绩效目标", "绩效指标"],
      ["合计", total, total],
      [name, total, amount, "目标", "1、产出指标：数量指标：场次；年度指标值：10场。"],
    ];
    const a = analyzeTable([
      ...table("宣传经费", "9.00", "10.00"),
      [n],
      [n],
      ...table("培训经费", "21.00", "20.00"),
    ]);
    expect(a.tables?.length).toBe(2);
    expect(amountIssues(a)).toEqual([
      ["wrong-amount", "C3", 10, 9],
      ["wrong-amount", "C8", 20, 21],
    ]);
    expect(a.issues.map((i) => i.details.consequences)).toEqual([
      ["B3", "C2"],
      ["B8", "C7"],
    ]);
  });
});

describe("properties", () => {
  /** Amount cells of the sample's projects (rows 12..34 that have an amount) in 总计 and 财政拨款. */
  const sample = loadSampleGrid();
  const projectRows = sample.flatMap((row, i) =>
    i >= 11 && typeof row[0] === "string" && typeof row[6] === "string" && typeof row[2] === "string"
      ? [i + 1]
      : [],
  );

  test("any one changed 财政拨款 of a project is named, with its original value", () => {
    fc.assert(
      fc.property(fc.constantFrom(...projectRows), fc.integer({ min: 1, max: 99_999 }), (row, cents) => {
        const original = String(sample[row - 1]![2]);
        const value = (cents / 100).toFixed(2);
        fc.pre(Number(value) !== Number(original.replace(/,/g, "")));
        const groups = findCulprits(parseTable(sampleWith({ [`C${row}`]: value })).equations);
        expect(groups).toHaveLength(1);
        expect(groups[0]!.verdict).toBe("unique");
        const change = groups[0]!.explanations[0]!;
        expect(change.map((c) => c.cell.address)).toEqual([`C${row}`]);
        expect(change[0]!.to.units).toBe(Math.round(Number(original.replace(/,/g, "")) * 100));
      }),
      { numRuns: 200 },
    );
  });

  test("never throws, and every explanation it gives makes every equation hold", () => {
    const amountCells = ["B", "C", "D", "E"].flatMap((c) =>
      [10, 11, 12, 13, 18, 19, 33, 34].map((r) => `${c}${r}`),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...amountCells), fc.integer({ min: 0, max: 300_000 })), {
          minLength: 1,
          maxLength: 4,
        }),
        (edits) => {
          const cells = Object.fromEntries(edits.map(([a, cents]) => [a, (cents / 100).toFixed(2)]));
          const equations = parseTable(sampleWith(cells)).equations;
          const groups = findCulprits(equations);
          // Every unique explanation applied together (parts split at a hub hold only together).
          const changed = new Map(
            groups
              .filter((g) => g.verdict === "unique")
              .flatMap((g) => g.explanations[0]!.map((c) => [c.cell, c.to] as const)),
          );
          const unexplained = new Set(groups.filter((g) => g.verdict !== "unique").flatMap((g) => g.broken));
          const value = (c: EquationCell) => {
            const a = changed.get(c) ?? c.amount!;
            return Math.round((a.units / 10 ** a.scale) * 100);
          };
          equations.forEach((e, i) => {
            if (!isSumEquation(e)) return;
            if (unexplained.has(i) || !e.addends.concat(e.target).some((c) => changed.has(c))) return;
            expect(value(e.target)).toBe(e.addends.reduce((n, c) => n + value(c), 0));
          });
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("solveIntegerSystem", () => {
  test.each([
    [
      "one unknown, two agreeing equations",
      [
        { coefficients: [1], rhs: 5 },
        { coefficients: [-1], rhs: -5 },
      ],
      1,
      [5],
    ],
    [
      "two unknowns",
      [
        { coefficients: [1, 1], rhs: 0 },
        { coefficients: [1, 0], rhs: 18 },
      ],
      2,
      [18, -18],
    ],
    [
      "disagreeing",
      [
        { coefficients: [1], rhs: 5 },
        { coefficients: [1], rhs: 6 },
      ],
      1,
      null,
    ],
    ["free unknown", [{ coefficients: [1, 1], rhs: 5 }], 2, null],
    [
      "half a cent",
      [
        { coefficients: [1, 1], rhs: 5 },
        { coefficients: [1, -1], rhs: 0 },
      ],
      2,
      null,
    ],
  ])("%s", (_name, rows, unknowns, expected) => {
    const solution = solveIntegerSystem(rows, unknowns);
    expect(solution.kind === "unique" ? solution.values : null).toEqual(expected);
  });

  test("numbers past 2^53 are not rounded: overflow", () => {
    const big = 2 ** 52;
    const rows = [
      { coefficients: [3, 1], rhs: big },
      { coefficients: [1, 3], rhs: big + 2 },
    ];
    expect(solveIntegerSystem(rows, 2).kind).toBe("overflow");
  });
});

describe("the wrong-amount message agrees in number with the totals it repairs", () => {
  const example = RULE_EXAMPLES["wrong-amount"];
  const withRepairs = (count: number): IssueDraft => ({
    ...example,
    details: { ...example.details, repairs: example.details.repairs!.slice(0, count) },
  });
  test.each([
    ["zh-CN", 1, "；改正后，总计 B12 就能对上。"],
    ["zh-CN", 2, "；改正后，总计 B12、单位「广州市白云区人民政府办公室」的财政拨款 C11 都能对上。"],
    ["en-US", 1, "Once changed, the total (总计) B12 agrees."],
    [
      "en-US",
      2,
      'Once changed, the total (总计) B12, the Fiscal appropriation (财政拨款) of unit "广州市白云区人民政府办公室" C11 agree.',
    ],
  ] as const)("%s, %i total(s)", (locale, count, ending) => {
    expect(messagesFor(locale).issues["wrong-amount"](withRepairs(count)).endsWith(ending)).toBe(true);
  });
});
