/**
 * The culprit finder on the columnar fixtures of test/fixtures/tables (their expected JSON gives the rules and
 * cells; this says what the messages tell the clerk): a form has one equation, so a wrong 资金总额 has as many
 * explanations as cells, named with the form's own words; a department table with one amount column cannot say
 * which project of a unit is wrong, and names the candidates.
 */
import { join } from "path";
import { analyzeInput } from "../../src/xlsx/normalize-workbook";
import { readInput } from "../../src/xlsx/read-input";

const DIR = join(__dirname, "..", "fixtures", "tables");

async function issuesOf(file: string, locale: "zh-CN" | "en-US" = "zh-CN") {
  return analyzeInput(await readInput(join(DIR, file)), { locale }).issues;
}

test("a single-project form's wrong 资金总额: ambiguous, in the form's words, only its own cells named", async () => {
  const issue = (await issuesOf("forms-one-per-sheet.xlsx")).find((i) => i.rule === "row-total")!;
  expect([issue.sheet, issue.cell]).toEqual(["设备", "C6"]);
  expect(issue.details.culprits).toEqual({
    verdict: "ambiguous",
    candidates: [["C6"], ["C7"], ["C8"]],
    count: 3,
  });
  expect(issue.message).toBe(
    "项目「急救设备购置」的资金总额应等于财政拨款＋自有资金＝60 万元，表中为 65 万元。改动最少的改法不止一种，无法确定是哪一格写错：改 C6，或改 C7，或改 C8（共 3 种改法）都能让合计相符。",
  );
  const english = (await issuesOf("forms-one-per-sheet.xlsx", "en-US")).find((i) => i.rule === "row-total")!;
  expect(english.message).toMatch(
    /^Project "急救设备购置": Total funds \(资金总额\) should equal fiscal appropriation \(财政拨款\) \+ own funds \(自有资金\) = 60 × 10,000 yuan, found 65 × 10,000 yuan\./,
  );
});

test("a department table with one amount column: either project of the unit could be the stale one", async () => {
  const totals = (await issuesOf("department-stale.xlsx")).filter((i) => i.rule === "group-total");
  expect(totals.map((i) => [i.cell, i.details.culprits?.candidates])).toEqual([
    ["C4", [["C6"], ["C11"]]],
    ["C5", [["C6"], ["C11"]]],
  ]);
  expect(totals[0]!.message).toContain(
    "单位「101-某区卫生健康局」的预算数应等于其下各项目之和＝1,550,000 元",
  );
});
