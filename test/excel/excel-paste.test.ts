/**
 * A clerk's table as Excel's paste leaves it (testing/fake-excel/excel-paste.ts, each behaviour with its source):
 * the fake holds what Excel holds, and the add-in reads it as the clerk sees it: amounts as numbers, dates as
 * their text, and a warning where a number lost its digits.
 */
import { analyzeTable } from "../../src/core/analyze-table";
import type { CellValue } from "../../src/core/model/grid";
import { runNormalizer, type RunOutcome } from "../../src/excel/run-normalizer";
import { chineseNumeral, dateSerial, pasteIntoGeneral } from "../../testing/fake-excel/excel-paste";
import { installFakeOffice } from "../../testing/fake-excel/fake-office-js";
import { FakeWorkbook } from "../../testing/fake-excel/workbook-model";
import { loadSampleGrid } from "../../testing/sample";

describe("the fake's paste into General cells", () => {
  test.each([
    ["2,476.54", 2476.54, "#,##0.00", "2,476.54"],
    ["123,456", 123456, "#,##0", "123,456"],
    ["495.00", 495, "General", "495"],
    ["23%", 0.23, "0%", "23%"],
    ["2024-01-03", 45294, "yyyy/m/d", "2024/1/3"],
    ["2024年1月3日", 45294, 'yyyy"年"m"月"d"日"', "2024年1月3日"],
    ["1-3", dateSerial(2024, 1, 3), 'm"月"d"日"', "1月3日"],
    ["12345678901234567890", 12345678901234500000, "General", "1.23457E+19"],
    ["1234567890123456", 1234567890123450, "General", "1.23457E+15"],
    ["123456789012", 123456789012, "General", "1.23457E+11"],
    ["'12345678901234567890", "12345678901234567890", "General", "12345678901234567890"],
    ["13-45", "13-45", "General", "13-45"],
    ["≥95%", "≥95%", "General", "≥95%"],
  ])("%s → %p, %s, shown %s", (text, value, numberFormat, shown) => {
    expect(pasteIntoGeneral(text, 2024)).toEqual({ value, numberFormat, text: shown });
  });

  test("2024-01-03 is serial 45294, as Excel's 1900 date system counts", () => {
    expect(dateSerial(2024, 1, 3)).toBe(45294);
    expect(dateSerial(1900, 3, 1)).toBe(61);
  });

  test("[DBNum1] and [DBNum2] show integers in Chinese numerals", () => {
    expect(chineseNumeral(123, false)).toBe("一百二十三");
    expect(chineseNumeral(123, true)).toBe("壹佰贰拾叁");
    expect(chineseNumeral(1005, false)).toBe("一千〇五");
    expect(chineseNumeral(10, false)).toBe("十");
  });
});

function done(outcome: RunOutcome): Extract<RunOutcome, { kind: "done" }>["summary"] {
  if (outcome.kind !== "done") throw new Error(JSON.stringify(outcome));
  return outcome.summary;
}

/** The sample as text, as a clerk copies it from a web page or another workbook. */
function sampleText(): (string | null)[][] {
  return loadSampleGrid().map((row) => row.map((v: CellValue) => (v === null ? null : String(v))));
}

describe("the add-in on a pasted table", () => {
  test("amounts pasted as 2,476.54 are read as the clerk sees them: the same findings as the text", async () => {
    const model = installFakeOffice(new FakeWorkbook("1.9"));
    model.activeSheet.pasteText(sampleText());
    expect(model.activeSheet.cell(10, 2)).toMatchObject({ value: 2476.54, numberFormat: "#,##0.00" });
    const summary = done(await runNormalizer({ locale: "zh-CN" }));
    const asText = analyzeTable(loadSampleGrid());
    expect(summary.issues.map((i) => `${i.rule}@${i.cell}`)).toEqual(
      asText.issues.map((i) => `${i.rule}@${i.cell}`),
    );
    expect(summary.projects).toBe(asText.projects.length);
  });

  test("a 20-digit 项目代码 pasted as a number is a warning on its cell; the same code kept as text is not", async () => {
    const text = sampleText();
    // 项目代码 in column H beside the first two projects (rows 12 and 13), as a clerk's own column.
    text[11]![7] = "44011122000000012345";
    text[12]![7] = "'44011122000000012346";
    const model = installFakeOffice(new FakeWorkbook("1.9"));
    model.activeSheet.pasteText(text);
    expect(model.activeSheet.textOf(12, 8)).toBe("4.40111E+19");
    const summary = done(await runNormalizer({ locale: "zh-CN" }));
    const lost = summary.issues.filter((i) => i.rule === "digits-lost");
    expect(lost.map((i) => [i.cell, i.severity, i.details.text])).toEqual([
      ["H12", "warning", "44011122000000000000"],
    ]);
    expect(lost[0]!.message).toContain("超过 15 位");
  });

  test("dates are read as they show: a format the add-in reads as its text, another through Range.text", async () => {
    const model = installFakeOffice(new FakeWorkbook("1.9"));
    const sheet = model.activeSheet;
    sheet.putGrid(loadSampleGrid());
    sheet.pasteText([["1-3", "2024-01-03"]], 12, 8);
    // A template's own formats: month names (not read by display-number.ts), Chinese numerals (a number).
    sheet.putFormatted(12, 10, 45294, "[$-409]d-mmm", "3-Jan");
    sheet.putFormatted(12, 11, 123, "[DBNum1][$-804]General", "一百二十三");
    const { readSource } = await import("../../src/excel/read-source");
    const { detectApiSupport } = await import("../../src/excel/api-support");
    const read = await Excel.run((context) => readSource(context, detectApiSupport()));
    const row = read.grid![12 - read.origin.row]!;
    expect(row.slice(8 - read.origin.column, 12 - read.origin.column)).toEqual([
      "1月3日",
      "2024/1/3",
      "3-Jan",
      123,
    ]);
  });
});
