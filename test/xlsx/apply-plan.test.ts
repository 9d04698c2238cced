/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read -- ExcelJS, not Office.js: its cells are plain in-memory objects, there is no context to sync. */
import ExcelJS from "exceljs";
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { buildPlan } from "../../src/core/build-plan";
import { needsTextGuard } from "../../src/core/text-guard";
import { applyPlan, ownSheetNames, removePreviousRun } from "../../src/xlsx/apply-plan";
import { readInput } from "../../src/xlsx/read-input";
import { analysis, indicator, issue, project, value } from "../../testing/hand-built-analysis";
import { STRINGS_EXCEL_WOULD_REINTERPRET } from "../../testing/reinterpreted-strings";

const TRICKY = STRINGS_EXCEL_WOULD_REINTERPRET;

const dir = mkdtempSync(join(tmpdir(), "apply-plan-"));

async function roundTrip(workbook: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const again = new ExcelJS.Workbook();
  await again.xlsx.load(await workbook.xlsx.writeBuffer());
  return again;
}

/** A text input whose source cells and indicator fields hold every tricky string. */
async function trickyInput() {
  const path = join(dir, "tricky.tsv");
  const lines = ["项目名称\t绩效指标", ...TRICKY.map((t) => `${t}\t${t}`)];
  writeFileSync(path, lines.join("\r\n"), "utf8");
  const input = await readInput(path);
  const indicators = TRICKY.map((t, i) =>
    indicator(i + 2, i + 1, t, { periodValue: t, annualValue: t, annual: value("text", null, t, t) }),
  );
  const a = analysis(
    [project(2, "项目", indicators)],
    [
      issue("row-total", "error", "A2", "错"),
      issue("sequence", "warning", "B3", "警"),
      issue("markup", "info", "B4", "提示"),
    ],
  );
  const plan = buildPlan(a, { sourceSheet: input.sheetName, locale: "zh-CN" });
  applyPlan(input.workbook, plan);
  return { input, plan, workbook: await roundTrip(input.workbook) };
}

test("the tricky strings need the guard (so this test exercises it)", () => {
  expect(TRICKY.every(needsTextGuard)).toBe(true);
});

describe("a plan written to .xlsx and read back", () => {
  let ctx: Awaited<ReturnType<typeof trickyInput>>;
  beforeAll(async () => {
    ctx = await trickyInput();
  });

  test("strings Excel would reinterpret read back identical, with the text format, in the new sheet", () => {
    const sheet = ctx.workbook.getWorksheet("指标明细")!;
    TRICKY.forEach((t, i) => {
      for (const col of [6, 7, 8, 12]) {
        const cell = sheet.getCell(i + 2, col);
        expect([cell.value, cell.numFmt]).toEqual([t, "@"]);
      }
    });
  });

  test("… and in the source sheet of a text input", () => {
    const sheet = ctx.workbook.getWorksheet("tricky")!;
    TRICKY.forEach((t, i) => {
      const cell = sheet.getCell(i + 2, 1);
      expect([cell.value, cell.numFmt]).toEqual([t, "@"]);
    });
  });

  test("numbers stay numbers", () => {
    const sheet = ctx.workbook.getWorksheet("指标明细")!;
    expect(sheet.getCell("C2").value).toBe(1);
    expect(sheet.getCell("C13").value).toBe(12);
  });

  test("指标明细 is a table with filters over the header and every row, with a frozen header", () => {
    const sheet = ctx.workbook.getWorksheet("指标明细")!;
    const table = sheet.getTable("IndicatorDetail") as unknown as {
      model: { tableRef: string; autoFilterRef: string };
    };
    expect(table.model.tableRef).toBe(`A1:N${TRICKY.length + 1}`);
    expect(table.model.autoFilterRef).toBe(`A1:N${TRICKY.length + 1}`);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.getCell("A1").value).toBe("资金使用单位");
    expect(sheet.getColumn(6).width).toBeGreaterThan(20);
    expect(sheet.getCell("F2").alignment?.wrapText).toBe(true);
  });

  test("来源 and the checks' cells are internal links to the source cell", () => {
    const detail = ctx.workbook.getWorksheet("指标明细")!;
    expect(detail.getCell("N2").value).toEqual({ text: "G2", hyperlink: "#'tricky'!G2" });
    const checks = ctx.workbook.getWorksheet("校验结果")!;
    expect(checks.getCell("C2").value).toEqual({ text: "A2", hyperlink: "#'tricky'!A2" });
    expect(checks.getRow(2).values).toContain("错");
  });

  test("flagged source cells are filled red or yellow, info cells and others are not, values untouched", () => {
    const sheet = ctx.workbook.getWorksheet("tricky")!;
    const fill = (a: string) => (sheet.getCell(a).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
    expect(fill("A2")).toBe("FFFFC7CE");
    expect(fill("B3")).toBe("FFFFEB9C");
    expect(fill("B4")).toBeUndefined();
    expect(fill("A3")).toBeUndefined();
    expect(sheet.getCell("A2").value).toBe(TRICKY[0]);
  });

  test("the checks sheet is shown when there are errors", () => {
    const active = ctx.workbook.views[0]?.activeTab;
    expect(ctx.workbook.worksheets[active ?? -1]?.name).toBe("校验结果");
  });
});

describe("a re-run", () => {
  test("replaces the tool's own sheets and marks, and keeps a user's sheet named 指标明细", async () => {
    const { workbook } = await trickyInput();
    // The user adds their own sheet that happens to carry the tool's name, after renaming the tool's one.
    workbook.getWorksheet("指标明细")!.name = "旧明细";
    // Excel moves the defined names that point at a sheet along with its rename; ExcelJS does not, so do it here.
    const names = workbook.definedNames as unknown as { model: { name: string; ranges: string[] }[] };
    names.model = names.model.map((n) => ({
      ...n,
      ranges: n.ranges.map((r) => r.replace("'指标明细'", "'旧明细'")),
    }));
    workbook.addWorksheet("指标明细").getCell("A1").value = "mine";
    const reread = await roundTrip(workbook);
    expect(ownSheetNames(reread).sort()).toEqual(["旧明细", "校验结果"]);

    removePreviousRun(reread, "tricky");
    expect(reread.worksheets.map((w) => w.name)).toEqual(["tricky", "指标明细"]);
    const source = reread.getWorksheet("tricky")!;
    expect(source.getCell("A2").fill).toBeUndefined();
    expect(source.getCell("A2").numFmt).toBe("@");

    const plan = buildPlan(analysis([project(2, "p", [indicator(2, 1, "n")])]), {
      sourceSheet: "tricky",
      locale: "zh-CN",
      avoidSheetNames: reread.worksheets.map((w) => w.name),
    });
    applyPlan(reread, plan);
    const final = await roundTrip(reread);
    expect(final.worksheets.map((w) => w.name)).toEqual(["tricky", "指标明细", "指标明细 (2)", "校验结果"]);
    expect(final.getWorksheet("指标明细")!.getCell("A1").value).toBe("mine");
    expect(ownSheetNames(final).sort()).toEqual(["指标明细 (2)", "校验结果"]);
  });

  test("a fill the user changed on a marked cell is theirs and stays", async () => {
    const { workbook } = await trickyInput();
    const cell = workbook.getWorksheet("tricky")!.getCell("A2");
    cell.style = {
      ...cell.style,
      fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FF00B050" } },
    };
    const reread = await roundTrip(workbook);
    removePreviousRun(reread, "tricky");
    expect((reread.getWorksheet("tricky")!.getCell("A2").fill as ExcelJS.FillPattern).fgColor?.argb).toBe(
      "FF00B050",
    );
  });
});

test("reading a workbook the tool wrote picks the user's table, not the tool's sheets, even when they come first", async () => {
  const { workbook } = await trickyInput();
  const detail = workbook.getWorksheet("指标明细")!;
  (detail as unknown as { orderNo: number }).orderNo = -1; // move it to the front, as a user may drag it
  const path = join(dir, "reordered.xlsx");
  await workbook.xlsx.writeFile(path);
  const input = await readInput(path);
  expect(input.workbook.worksheets[0]!.name).toBe("指标明细");
  expect(input.sheetName).toBe("tricky");
});
