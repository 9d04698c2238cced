/**
 * The Office.js shell on the tables of other provinces, through the fake host: a department table pasted with
 * its merged cells (the cells under a merge read as empty, as Office.js hands them over, and the core fills
 * them), numbers whose format hides digits read as displayed, and a workbook whose table is on another sheet
 * than the active one (nothing written; the clerk is told which sheet to open).
 */
import ExcelJS from "exceljs";
import { join } from "path";
import { parseCellAddress } from "../../src/core/model/cell-address";
import type { CellValue } from "../../src/core/model/grid";
import { runNormalizer, type RunOutcome } from "../../src/excel/run-normalizer";
import { installFakeOffice } from "../../testing/fake-excel/fake-office-js";
import { FakeWorkbook, type FakeSheet } from "../../testing/fake-excel/workbook-model";

const TABLES = join(__dirname, "..", "fixtures", "tables");

/** A fixture sheet put on a fake sheet as Excel holds it: values, number formats, merged areas. */
async function putFixture(sheet: FakeSheet, file: string, sheetName?: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(TABLES, file));
  const ws = sheetName ? wb.getWorksheet(sheetName)! : wb.worksheets[0]!;
  ws.eachRow({ includeEmpty: false }, (row, r) =>
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.isMerged && cell.master !== cell) return;
      const value = cell.value;
      const plain: CellValue =
        value !== null && typeof value === "object" && "result" in value
          ? (value.result as number)
          : (value as CellValue);
      if (plain === null || plain === undefined) return;
      const fake = sheet.touch(r, c);
      fake.value = plain as string | number | boolean;
      if (cell.numFmt) fake.numberFormat = cell.numFmt;
    }),
  );
  for (const range of ws.model.merges ?? []) {
    const [from, to] = range.split(":");
    const a = parseCellAddress(from!)!;
    const b = parseCellAddress(to!)!;
    sheet.merge({ top: a.row, left: a.column, bottom: b.row, right: b.column });
  }
}

function done(outcome: RunOutcome): Extract<RunOutcome, { kind: "done" }>["summary"] {
  if (outcome.kind !== "done") throw new Error(`run ended ${outcome.kind}`);
  return outcome.summary;
}

describe("a department table with merged cells, through Office.js", () => {
  test("clean: every indicator read with its merged unit, project and levels filled; no issue, no mark", async () => {
    const model = installFakeOffice(new FakeWorkbook("1.9"));
    const source = model.activeSheet;
    await putFixture(source, "department.xlsx");
    // The cells under the merges read as empty: the shell gets no merge information, the core fills them.
    expect(model.activeSheet.cell(7, 1)?.value ?? "").toBe("");
    expect(model.activeSheet.merges.length).toBeGreaterThan(10);
    const summary = done(await runNormalizer({ locale: "zh-CN" }));
    expect([summary.projects, summary.indicators, summary.errors, summary.warnings]).toEqual([3, 11, 0, 0]);
    const detail = model.sheets.find((s) => s.name === "指标明细")!;
    // Row 3 of 指标明细: 疫苗冷链设备购置's second indicator, on a row whose unit, project and level-1 are merged.
    expect(detail.valuesOf({ top: 3, left: 1, bottom: 3, right: 8 })[0]).toEqual([
      "101001-区疾控中心",
      "疫苗冷链设备购置",
      "",
      "产出指标",
      "质量指标",
      "设备验收合格率",
      "",
      "100%",
    ]);
    expect([...source.fills().keys()]).toEqual([]);
  });

  test("stale: the broken unit and department totals marked red, the weights and the 292% yellow", async () => {
    const model = installFakeOffice(new FakeWorkbook("1.9"));
    const source = model.activeSheet;
    await putFixture(source, "department-stale.xlsx");
    const summary = done(await runNormalizer({ locale: "zh-CN" }));
    expect(summary.issues.map((i) => `${i.severity} ${i.rule} ${i.cell}`)).toEqual([
      "error group-total C4",
      "error group-total C5",
      "warning weight-total K11",
      "warning suspicious-value I12",
    ]);
    expect([...source.fills().keys()].sort()).toEqual(["C4", "C5", "I12", "K11"]);
  });
});

test("numbers whose format hides digits are compared as displayed, as the file shell compares them", async () => {
  const model = installFakeOffice(new FakeWorkbook("1.9"));
  await putFixture(model.activeSheet, "hidden-digits.xlsx");
  expect(model.activeSheet.cell(5, 2)?.value).toBe(1963.5333);
  const summary = done(await runNormalizer({ locale: "zh-CN" }));
  expect(summary.issues.filter((i) => i.rule.endsWith("total"))).toEqual([]);
});

test("no table on the active sheet, one on another: nothing written, the clerk told which sheet to open", async () => {
  const model = installFakeOffice(new FakeWorkbook("1.9"));
  model.activeSheet.putGrid([["2024年部门预算公开"], ["某区教育局"]]);
  const hidden = model.addSheet("旧表");
  hidden.visibility = "Hidden";
  await putFixture(hidden, "department.xlsx");
  const table = model.addSheet("部门项目");
  await putFixture(table, "department.xlsx");
  const before = model.sheets.map((s) => s.contentSnapshot());
  const outcome = await runNormalizer({ locale: "zh-CN" });
  // The hidden sheet holds a table too, but the clerk cannot see it: the visible one is named.
  expect(outcome).toEqual({ kind: "table-elsewhere", sheet: "Sheet1", found: "部门项目" });
  expect(model.sheets.map((s) => s.contentSnapshot())).toEqual(before);
  expect(model.sheets.map((s) => s.name)).toEqual(["Sheet1", "旧表", "部门项目"]);
});
