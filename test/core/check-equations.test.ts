import fc from "fast-check";
import type { ParsedTable } from "../../src/core/model/analysis";
import { analyzeTable } from "../../src/core/analyze-table";
import { checkEquations, type EquationCheckOptions } from "../../src/core/check/check-equations";
import { settleCheckOptions } from "../../src/core/model/analyze-options";
import { commonDecimals, fromScaledInteger, toScaledInteger } from "../../src/core/model/exact-decimal";
import { table, type ProjectSpec } from "../../testing/check-table-builder";

/** The Guangdong layout's equations of a hand-made table, checked: the total issues of that table. */
function checkTotals(parsed: ParsedTable, options: EquationCheckOptions = {}) {
  return checkEquations(parsed.equations, options);
}

/** The sample's unit 2: twelve projects, 1963.53 in all. */
const UNIT2_PROJECTS: ProjectSpec[] = [
  "447.22",
  "501.81",
  "496.00",
  "70.00",
  "85.00",
  "100.00",
  "15.00",
  "20.00",
  "19.50",
  "39.00",
  "50.00",
  "120.00",
].map((a, i) => ({ row: 19 + i, amounts: { total: a, fiscal: a } }));

function summary(issues: ReturnType<typeof checkTotals>) {
  return issues.map((i) => ({ rule: i.rule, cell: i.cell, expected: i.expected, actual: i.actual }));
}

describe("decimal amounts", () => {
  test("the float trap: amounts sum exactly in cents", () => {
    expect(1.1 + 2.2).toBe(3.3000000000000003);
    expect(toScaledInteger(1.1, 2) + toScaledInteger(2.2, 2)).toBe(330);
    const values = [447.22, 501.81, 496, 70, 85, 100, 15, 20, 19.5, 39, 50, 120];
    expect(values.reduce((a, v) => a + toScaledInteger(v, 2), 0)).toBe(196353);
    expect(fromScaledInteger(196353, 2)).toBe(1963.53);
    expect(fromScaledInteger(330, 2)).toBe(3.3);
  });

  test("a total that float addition would miss reconciles in cents", () => {
    const parsed = table({
      units: [
        {
          row: 11,
          name: "单位",
          amounts: { total: "3.30", fiscal: "3.30" },
          projects: [
            { row: 12, amounts: { total: "1.10", fiscal: "1.10" } },
            { row: 13, amounts: { total: "2.20", fiscal: "2.20" } },
          ],
        },
      ],
    });
    expect(checkTotals(parsed)).toEqual([]);
  });

  test.each([
    [[2, 0, 0], 2],
    [[0, 1], 1],
    [[], 0],
    [[13, 2], 6], // a formula result's float noise is not displayed precision
  ])("commonDecimals(%j) = %i", (decimals, expected) => expect(commonDecimals(decimals)).toBe(expected));
});

describe("checkEquations over the Guangdong layout's totals", () => {
  test("a table that reconciles, with the sample's float trap, gives no issue", () => {
    const parsed = table({
      grand: { row: 10, amounts: { total: "1,981.54", fiscal: "1,981.54" } },
      units: [
        {
          row: 18,
          name: "机关事务管理中心",
          amounts: { total: "1,963.53", fiscal: "1,963.53" },
          projects: UNIT2_PROJECTS,
        },
        {
          row: 33,
          name: "财务结算中心",
          amounts: { total: "18.01", fiscal: "18.01" },
          projects: [{ row: 34, amounts: { total: "18.01", fiscal: "18.01" } }],
        },
      ],
    });
    expect(checkTotals(parsed)).toEqual([]);
  });

  test("row-total points at the 总计 cell with the sum of the parts", () => {
    const parsed = table({
      projects: [{ row: 12, amounts: { total: "18.00", fiscal: "17.50", other: "0.40" } }],
    });
    const [issue, ...rest] = checkTotals(parsed);
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({
      rule: "row-total",
      severity: "error",
      row: 12,
      column: "B",
      cell: "B12",
      expected: 17.9,
      actual: 18,
      details: { amountColumn: "total", project: "项目12", cells: ["B12", "C12", "D12", "E12"] },
    });
  });

  test("group-total points at the unit's cell of each column that does not add up", () => {
    const parsed = table({
      units: [
        {
          row: 11,
          name: "政府办",
          amounts: { total: "495.00", fiscal: "495.00" },
          projects: [
            { row: 12, amounts: { total: "18.00", fiscal: "18.00" } },
            { row: 13, amounts: { total: "364.00", fiscal: "364.00" } },
            { row: 14, amounts: { total: 112, fiscal: 112 } },
            { row: 15, amounts: { total: "0.80", fiscal: "0.80" } },
          ],
        },
      ],
    });
    expect(summary(checkTotals(parsed))).toEqual([
      { rule: "group-total", cell: "B11", expected: 494.8, actual: 495 },
      { rule: "group-total", cell: "C11", expected: 494.8, actual: 495 },
    ]);
    expect(checkTotals(parsed)[0]!.details).toEqual({
      unit: "政府办",
      amountColumn: "total",
      cells: ["B11", "B12", "B13", "B14", "B15"],
    });
  });

  test("grand-total sums the unit rows, plus any project outside a unit", () => {
    const parsed = table({
      grand: { row: 10, amounts: { total: "30.00", fiscal: "30.00" } },
      projects: [{ row: 11, amounts: { total: "5.00", fiscal: "5.00" } }],
      units: [
        {
          row: 12,
          name: "单位",
          amounts: { total: "20.00", fiscal: "20.00" },
          projects: [{ row: 13, amounts: { total: "20.00", fiscal: "20.00" } }],
        },
      ],
    });
    const issues = checkTotals(parsed);
    expect(summary(issues)).toEqual([
      { rule: "grand-total", cell: "B10", expected: 25, actual: 30 },
      { rule: "grand-total", cell: "C10", expected: 25, actual: 30 },
    ]);
    expect(issues[0]!.details.cells).toEqual(["B10", "B12", "B11"]);
  });

  test("grand-total sums the projects when the table has no unit rows", () => {
    const parsed = table({
      grand: { row: 10, amounts: { total: "3.00", fiscal: "2.00", other: "1.00" } },
      projects: [
        { row: 11, amounts: { total: "1.00", fiscal: "1.00" } },
        { row: 12, amounts: { total: "2.00", fiscal: "1.00", other: "1.00" } },
      ],
    });
    expect(checkTotals(parsed)).toEqual([]);
    const wrong = table({
      grand: { row: 10, amounts: { total: "3.00", fiscal: "3.00" } },
      projects: [
        { row: 11, amounts: { total: "1.00", fiscal: "1.00" } },
        { row: 12, amounts: { total: "2.00", fiscal: "1.00", other: "1.00" } },
      ],
    });
    expect(summary(checkTotals(wrong))).toEqual([
      { rule: "grand-total", cell: "C10", expected: 2, actual: 3 },
      { rule: "grand-total", cell: "E10", expected: 1, actual: 0 },
    ]);
  });

  test("a unit row without any amount is a heading: no group-total, and 合计 counts its projects", () => {
    const units = [
      {
        row: 11,
        name: "标题单位",
        amounts: {},
        projects: [{ row: 12, amounts: { total: "5.00", fiscal: "5.00" } }],
      },
      {
        row: 13,
        name: "有小计的单位",
        amounts: { total: "20.00", fiscal: "20.00" },
        projects: [{ row: 14, amounts: { total: "20.00", fiscal: "20.00" } }],
      },
    ];
    expect(
      checkTotals(table({ grand: { row: 10, amounts: { total: "25.00", fiscal: "25.00" } }, units })),
    ).toEqual([]);
    const wrong = checkTotals(
      table({ grand: { row: 10, amounts: { total: "20.00", fiscal: "20.00" } }, units }),
    );
    expect(summary(wrong)).toEqual([
      { rule: "grand-total", cell: "B10", expected: 25, actual: 20 },
      { rule: "grand-total", cell: "C10", expected: 25, actual: 20 },
    ]);
    expect(wrong[0]!.details.cells).toEqual(["B10", "B13", "B12"]);
  });

  test.each([
    // [total, fiscal, tolerance, flagged]
    ["18.00", "17.99", undefined, true], // one cent is more than half a cent
    ["18.00", "17.995", undefined, true], // finest displayed digit is the tenth of a cent
    ["18.00", "17.99", 0.01, false], // the caller allows a cent
    ["18.00", "17.98", 0.01, true],
    ["18", "17.6", undefined, true], // 17.6 shows one decimal, so the tolerance is 0.05
    ["18", "18.00", undefined, false], // same amount, different formatting
    [18, "18.00", undefined, false], // a number beside text
  ])("total %j, fiscal %j, tolerance %j → flagged %j", (total, fiscal, tolerance, flagged) => {
    const parsed = table({ projects: [{ row: 12, amounts: { total, fiscal } }] });
    expect(checkTotals(parsed, settleCheckOptions({ tolerance })).length > 0).toBe(flagged);
  });

  test.each([-1, -0.5, Number.NaN, Number.POSITIVE_INFINITY])(
    "a tolerance of %j never reaches the checks: the entry refuses it instead of taking the default",
    (tolerance) => {
      expect(() => settleCheckOptions({ tolerance })).toThrow(RangeError);
      expect(() => analyzeTable([["项目名称", "总计"]], { tolerance })).toThrow(RangeError);
    },
  );

  test("an amount that is not a number skips the equations it is in, and only those", () => {
    const parsed = table({
      grand: { row: 10, amounts: { total: "9.00", fiscal: "9.00" } },
      units: [
        {
          row: 11,
          name: "单位",
          amounts: { total: "9.00", fiscal: "9.00" },
          projects: [
            { row: 12, amounts: { total: "一万", fiscal: "1.00" } },
            { row: 13, amounts: { total: "2.00", fiscal: "3.00" } },
          ],
        },
      ],
    });
    // B12 is not a number: its row-total and the unit's 总计 column are skipped; the rest still run.
    expect(summary(checkTotals(parsed))).toEqual([
      { rule: "row-total", cell: "B13", expected: 3, actual: 2 },
      { rule: "group-total", cell: "C11", expected: 4, actual: 9 },
    ]);
  });

  test("a column missing from the table is left out of the equation's cells", () => {
    const parsed = table({
      roles: ["total", "fiscal", "other"],
      projects: [{ row: 12, amounts: { total: "2.00", fiscal: "1.00" } }],
    });
    expect(checkTotals(parsed)[0]!.details.cells).toEqual(["B12", "C12", "E12"]);
    const noTotal = table({
      roles: ["fiscal"],
      projects: [{ row: 12, amounts: { total: "2.00", fiscal: "1.00" } }],
    });
    expect(checkTotals(noTotal)).toEqual([]);
  });

  test("a table with a 总计 column and no source column has no row equation, only its column sums", () => {
    const units = [
      {
        row: 11,
        name: "单位",
        amounts: { total: "20.00" },
        projects: [
          { row: 12, amounts: { total: "18.00" } },
          { row: 13, amounts: { total: "2.00" } },
        ],
      },
    ];
    const onlyTotal = (grand: string) =>
      table({ roles: ["total"], grand: { row: 10, amounts: { total: grand } }, units });
    expect(checkTotals(onlyTotal("20.00"))).toEqual([]);
    expect(summary(checkTotals(onlyTotal("21.00")))).toEqual([
      { rule: "grand-total", cell: "B10", expected: 20, actual: 21 },
    ]);
  });

  test("property: a table built to reconcile gives no issue; moving one project amount is caught there", () => {
    const cents = fc.integer({ min: 0, max: 10_000_000 });
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.tuple(cents, cents), { minLength: 1, maxLength: 6 }), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.nat(),
        fc.integer({ min: 1, max: 100_000 }).chain((d) => fc.constantFrom(d, -d)),
        (units, pick, delta) => {
          const money = (c: number): string =>
            (c / 100).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
          let row = 11;
          let grand = 0;
          const unitSpecs = units.map((projects, u) => {
            const unitRow = row++;
            const specs = projects.map(([fiscal, other]) => ({
              row: row++,
              amounts: { total: money(fiscal + other), fiscal: money(fiscal), other: money(other) },
            }));
            const sum = projects.reduce(
              (acc, [f, o]) => ({ total: acc.total + f + o, fiscal: acc.fiscal + f, other: acc.other + o }),
              { total: 0, fiscal: 0, other: 0 },
            );
            grand += sum.total;
            return {
              row: unitRow,
              name: `单位${u}`,
              amounts: { total: money(sum.total), fiscal: money(sum.fiscal), other: money(sum.other) },
              projects: specs,
            };
          });
          const fiscalSum = unitSpecs.reduce(
            (a, u) => a + Number(u.amounts.fiscal.replace(/,/g, "")) * 100,
            0,
          );
          const otherSum = grand - Math.round(fiscalSum);
          const grandAmounts = {
            total: money(grand),
            fiscal: money(Math.round(fiscalSum)),
            other: money(otherSum),
          };
          expect(checkTotals(table({ grand: { row: 10, amounts: grandAmounts }, units: unitSpecs }))).toEqual(
            [],
          );

          // Change one project's 总计: its row-total and its unit's 总计 column must point at it.
          const all = unitSpecs.flatMap((u) => u.projects);
          const victim = all[pick % all.length]!;
          const oldTotal = Math.round(Number(victim.amounts.total.replace(/,/g, "")) * 100);
          if (oldTotal + delta < 0) return;
          victim.amounts = { ...victim.amounts, total: money(oldTotal + delta) };
          const issues = checkTotals(table({ grand: { row: 10, amounts: grandAmounts }, units: unitSpecs }));
          expect(issues.map((i) => i.rule).sort()).toEqual(["group-total", "row-total"]);
          expect(issues.every((i) => i.details.cells?.includes(`B${victim.row}`))).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});
