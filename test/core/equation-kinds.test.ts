import { evaluateEquations, checkEquations } from "../../src/core/check/check-equations";
import { findCulprits } from "../../src/core/check/find-culprits";
import { reconcileTotals } from "../../src/core/check/reconcile-totals";
import { localizeIssues } from "../../src/core/messages";
import { settleCheckOptions } from "../../src/core/model/analyze-options";
import { cellAddress } from "../../src/core/model/cell-address";
import {
  compareBound,
  exactDecimalFromText,
  roundedRatio,
  type ExactDecimal,
} from "../../src/core/model/exact-decimal";
import {
  equationCell,
  type BoundEquation,
  type Equation,
  type EquationCell,
  type RatioEquation,
  type TotalEquation,
} from "../../src/core/model/total-equation";

/** An exact decimal from its digits: "85.00" → 8500 at 2. */
const d = (text: string): ExactDecimal => exactDecimalFromText(text)!;
const figure = (x: ExactDecimal | null): string | null =>
  x === null ? null : x.scale === 0 ? String(x.units) : (x.units / 10 ** x.scale).toFixed(x.scale);

/** A cell at row 5, column `column`, holding `text` (null: not a number). */
function cell(column: number, text: string | null, row = 5): EquationCell {
  const address = cellAddress(row, column);
  if (text === null) return { row, column, address, amount: null };
  const amount = d(text);
  return equationCell(row, column, address, Number(text), amount.scale, text);
}

function sum(target: EquationCell, addends: EquationCell[]): TotalEquation {
  return { rule: "row-total", target, addends, details: { amountColumn: "total" } };
}

function bound(parts: EquationCell[], total: EquationCell): BoundEquation {
  return {
    kind: "at-most",
    rule: "part-over-total",
    parts,
    total,
    details: { project: "培训", partLabels: parts.map((_, i) => `部分${i + 1}`), totalLabel: "总数" },
  };
}

function ratio(
  target: EquationCell,
  numerator: EquationCell,
  denominator: EquationCell,
  decimals = 2,
  percent = true,
): RatioEquation {
  return {
    kind: "ratio",
    rule: "wrong-ratio",
    target,
    numerator,
    denominator,
    rounding: { decimals, percent },
    details: { project: "培训", targetLabel: "执行率", numeratorLabel: "执行数", denominatorLabel: "预算数" },
  };
}

describe("roundedRatio: a quotient rounded half away from zero, exact in plain numbers", () => {
  test.each([
    // [numerator, denominator, decimals, percent, expected]
    ["850", "1000", 2, true, "85.00"],
    ["1", "3", 4, false, "0.3333"],
    ["2", "3", 2, false, "0.67"],
    ["2", "3", 0, true, "67"],
    ["1", "8", 2, false, "0.13"], // 0.125: half away from zero
    ["-1", "8", 2, false, "-0.13"],
    ["17.00", "18.00", 2, true, "94.44"],
    ["123456789.12", "987654321.98", 2, true, "12.50"],
    ["0.005", "1", 2, false, "0.01"],
    ["5", "0", 2, true, null], // no ratio over 0
  ] as const)("%s / %s at %d (percent %s) → %s", (numerator, denominator, decimals, percent, expected) => {
    expect(figure(roundedRatio(d(numerator), d(denominator), decimals, percent))).toBe(expected);
  });

  test("figures too large to divide exactly in doubles are not guessed at", () => {
    expect(roundedRatio({ units: 2 ** 52, scale: 0 }, { units: 3, scale: 0 }, 6, true)).toBeNull();
  });
});

describe("compareBound: Σ parts ≤ total", () => {
  test.each([
    // [total, parts, tolerance, broken as [expected, actual] or null]
    ["60", ["50"], undefined, null],
    ["60", ["60.00"], undefined, null], // equal is within the bound
    ["60", ["30", "20"], undefined, null],
    ["60", ["30", "30.01"], undefined, ["60.00", "60.01"]],
    ["60", ["60.01"], 0.01, null], // the caller allows a cent
    ["20", ["25"], undefined, ["20", "25"]],
  ] as const)("total %s, parts %j, tolerance %j → %j", (total, parts, tolerance, broken) => {
    const result = compareBound(d(total), parts.map(d), tolerance);
    expect(result === null ? null : [figure(result.expected), figure(result.actual)]).toEqual(broken);
  });
});

describe("evaluateEquations: one checker for the three kinds", () => {
  test.each<[string, () => Equation, "held" | "broken" | "skipped", [string, string] | null]>([
    ["a sum that holds", () => sum(cell(2, "18.00"), [cell(3, "10.00"), cell(4, "8.00")]), "held", null],
    [
      "a sum that is off",
      () => sum(cell(2, "18.00"), [cell(3, "10.00"), cell(4, "7.00")]),
      "broken",
      ["17.00", "18.00"],
    ],
    ["a sum with a cell that is not a number", () => sum(cell(2, "18.00"), [cell(3, null)]), "skipped", null],
    ["a part within its total", () => bound([cell(3, "15")], cell(2, "20")), "held", null],
    ["a part over its total", () => bound([cell(3, "25")], cell(2, "20")), "broken", ["20", "25"]],
    [
      "two parts over their total",
      () => bound([cell(3, "40"), cell(4, "30")], cell(2, "60")),
      "broken",
      ["60", "70"],
    ],
    [
      "a bound with a part that is not a number",
      () => bound([cell(3, null)], cell(2, "20")),
      "skipped",
      null,
    ],
    ["a ratio as shown", () => ratio(cell(4, "94.44"), cell(3, "17.00"), cell(2, "18.00")), "held", null],
    [
      "a ratio shown with fewer decimals than its rule",
      () => ratio(cell(4, "85.5"), cell(3, "855"), cell(2, "1000")),
      "held",
      null,
    ],
    [
      "a ratio off by a digit",
      () => ratio(cell(4, "94.45"), cell(3, "17.00"), cell(2, "18.00")),
      "broken",
      ["94.44", "94.45"],
    ],
    [
      "a ratio truncated instead of rounded",
      () => ratio(cell(4, "0.66"), cell(3, "2"), cell(2, "3"), 2, false),
      "broken",
      ["0.67", "0.66"],
    ],
    ["a ratio over 0", () => ratio(cell(4, "0"), cell(3, "0"), cell(2, "0")), "skipped", null],
  ])("%s → %s", (_, make, state, figures) => {
    const { states, broken } = evaluateEquations([make()]);
    expect(states).toEqual([state]);
    expect(broken.map((b) => [figure(b.expected), figure(b.actual)])).toEqual(
      figures === null ? [] : [figures],
    );
  });

  test("a broken bound's issue points at its part, a ratio's at its target, each listing its cells", () => {
    const issues = checkEquations([
      bound([cell(9, "25", 12)], cell(8, "20", 12)),
      ratio(cell(5, "95", 12), cell(4, "17.00", 12), cell(3, "18.00", 12), 2, true),
    ]);
    expect(issues.map((i) => [i.rule, i.cell, i.expected, i.actual, i.details.cells])).toEqual([
      ["part-over-total", "I12", 20, 25, ["I12", "H12"]],
      ["wrong-ratio", "E12", 94.44, 95, ["E12", "D12", "C12"]],
    ]);
    const [over, wrong] = localizeIssues(issues, "zh-CN");
    expect(over!.message).toBe("项目「培训」的「部分1」应不大于「总数」＝20，表中为 25。");
    expect(wrong!.message).toBe(
      "项目「培训」的「执行率」应等于「执行数」÷「预算数」＝94.44%（保留 2 位小数），表中为 95.00%。",
    );
    const [overEn, wrongEn] = localizeIssues(issues, "en-US");
    expect(overEn!.message).toBe('"部分1" of project "培训" should be at most "总数" = 20, found 25.');
    expect(wrongEn!.message).toBe(
      '"执行率" of project "培训" should equal "执行数" ÷ "预算数" = 94.44% (to 2 decimals), found 95.00%.',
    );
  });
});

describe("the culprit finder explains sums only", () => {
  // A row 总计 = 财政拨款 + 其他 that is off by C5's slip, and a ratio and a bound over the same cells.
  const total = cell(2, "18.00");
  const fiscal = cell(3, "17.00");
  const other = cell(4, "0.00");
  const rate = cell(5, "90.00");
  const equations: Equation[] = [
    sum(total, [fiscal, other]),
    ratio(rate, fiscal, total), // 17/18 = 94.44%: broken too
    bound([fiscal], total), // holds
  ];

  test("a broken ratio is left out of the search: no cell is blamed for it", () => {
    const groups = findCulprits(equations);
    expect(groups.map((g) => g.broken)).toEqual([[0]]);
    expect(groups[0]!.verdict).toBe("ambiguous"); // B5 or C5 (or D5): the sum alone cannot tell
  });

  test("the analysis reports the ratio under its own rule, beside the sum's", () => {
    const issues = reconcileTotals({ equations, grandTotal: null, units: [], projects: [], table: null });
    expect(issues.map((i) => [i.rule, i.cell]).sort()).toEqual([
      ["row-total", "B5"],
      ["wrong-ratio", "E5"],
    ]);
  });

  test("a broken bound is never blamed on a cell by the finder either", () => {
    const over: Equation[] = [
      sum(cell(2, "18.00"), [cell(3, "18.00")]),
      bound([cell(6, "30")], cell(7, "20")),
    ];
    expect(findCulprits(over)).toEqual([]);
    expect(
      reconcileTotals({ equations: over, grandTotal: null, units: [], projects: [], table: null }).map(
        (i) => i.rule,
      ),
    ).toEqual(["part-over-total"]);
  });

  test("the tolerance the entry settled applies to bounds as to sums", () => {
    const slip: Equation[] = [bound([cell(3, "20.01")], cell(2, "20.00"))];
    expect(evaluateEquations(slip).broken).toHaveLength(1);
    expect(evaluateEquations(slip, settleCheckOptions({ tolerance: 0.01 })).broken).toHaveLength(0);
  });
});
