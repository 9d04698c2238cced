/**
 * The plan written into a package and read back as Excel's users' other tools read it (ExcelJS): strings Excel
 * would reinterpret stay strings with the text format, numbers stay numbers, the detail sheet is a filtered
 * table under a frozen header, marks follow severity, and the checks sheet is shown when there are errors.
 */
import ExcelJS from "exceljs";
import { buildPlan } from "../../src/core/plan/build-plan";
import { needsTextGuard } from "../../src/core/plan/text-guard";
import { namesInUse, writeNormalizedPackage } from "../../src/xlsx/edit-package";
import { nodeZipCodec } from "../../src/xlsx/node-zip-codec";
import { DEFAULT_LIMITS } from "../../src/xlsx/package-limits";
import { gridInput } from "../../src/xlsx/read-input";
import { EMPTY_RECORD } from "../../src/xlsx/run-record";
import { textPackage } from "../../src/xlsx/text-package";
import { openPackage } from "../../src/xlsx/xlsx-package";
import { analysis, indicator, issue, project, value } from "../../testing/hand-built-analysis";
import { STRINGS_EXCEL_WOULD_REINTERPRET } from "../../testing/reinterpreted-strings";
import { partText, sheetPartOf, unzipParts } from "./package-helpers";
import { cellColorOf } from "../../testing/cell-fill";

const TRICKY = STRINGS_EXCEL_WOULD_REINTERPRET;
let book: ExcelJS.Workbook;
let written: Uint8Array;

beforeAll(async () => {
  const input = gridInput("tricky.tsv", [["项目名称", "绩效指标"], ...TRICKY.map((t) => [t, t])]);
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
  const base = await textPackage(input.sheetName, input.grid, a, (n) => `(${n})`, nodeZipCodec);
  const pkg = openPackage("tricky.xlsx", base, nodeZipCodec, DEFAULT_LIMITS);
  const names = namesInUse(pkg, EMPTY_RECORD, input.sheetName);
  const plan = buildPlan(a, {
    sourceSheet: input.sheetName,
    locale: "zh-CN",
    avoidSheetNames: names.sheets,
    avoidTableNames: names.tables,
  });
  const { bytes } = await writeNormalizedPackage(pkg, EMPTY_RECORD, plan);
  written = bytes;
  book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer); // ExcelJS types predate Node's generic Buffer
});

test("the tricky strings need the guard (so this test exercises it)", () => {
  expect(TRICKY.every(needsTextGuard)).toBe(true);
});

test("strings Excel would reinterpret read back identical, with the text format, in the new sheet and the source", () => {
  const detail = book.getWorksheet("指标明细")!;
  const source = book.getWorksheet("tricky")!;
  TRICKY.forEach((t, i) => {
    for (const col of [6, 7, 8])
      expect([detail.getCell(i + 2, col).value, detail.getCell(i + 2, col).numFmt]).toEqual([t, "@"]);
    expect([source.getCell(i + 2, 1).value, source.getCell(i + 2, 1).numFmt]).toEqual([t, "@"]);
  });
});

test("numbers stay numbers; 指标明细 is a table with filters over every row, under a frozen header", () => {
  const detail = book.getWorksheet("指标明细")!;
  expect(detail.getCell("C2").value).toBe(1);
  const table = detail.getTable("IndicatorDetail") as unknown as { model: { tableRef: string } };
  expect(table.model.tableRef).toBe(`A1:N${TRICKY.length + 1}`);
  expect(detail.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
  expect(detail.getCell("A1").value).toBe("资金使用单位");
  // Widths fit the content: 三级指标 holds the longest tricky string with room to spare.
  const longest = Math.max(...TRICKY.map((t) => t.length));
  expect(detail.getColumn(6).width).toBeGreaterThanOrEqual(longest + 2);
  expect(detail.getCell("F2").alignment?.wrapText).toBe(true);
});

test("flagged source cells are filled red or yellow, info and other cells are not, values untouched", () => {
  const source = book.getWorksheet("tricky")!;
  const fill = (a: string) => cellColorOf(source.getCell(a));
  expect(fill("A2")).toBe("FFFFC7CE");
  expect(fill("B3")).toBe("FFFFEB9C");
  expect(fill("B4")).toBeUndefined();
  expect(fill("A3")).toBeUndefined();
  expect(source.getCell("A2").value).toBe(TRICKY[0]);
});

test("the checks sheet is shown when there are errors, and only it is selected", () => {
  const active = book.views[0]?.activeTab;
  expect(book.worksheets[active ?? -1]?.name).toBe("校验结果");
  // ExcelJS does not read tabSelected back beside a frozen pane: look at the parts themselves.
  const parts = unzipParts(written);
  const selected = ["tricky", "指标明细", "校验结果"].filter((name) =>
    /<sheetView [^>]*tabSelected="1"/.test(partText(parts, sheetPartOf(parts, name))),
  );
  expect(selected).toEqual(["校验结果"]);
});
