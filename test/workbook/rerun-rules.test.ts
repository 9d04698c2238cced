import { enUS, MARK_COLORS, zhCN } from "../../src/core";
import {
  isOwnComment,
  isOwnNoteAuthor,
  namesToAvoid,
  sheetToAnalyse,
  sheetsToReplace,
  stillWearsMark,
} from "../../src/workbook/rerun-rules";

describe("still wears its mark", () => {
  test.each([
    ["solid in the mark's colour", { solid: true, color: "#ffc7ce" }, MARK_COLORS.error, true],
    ["solid in another mark's colour", { solid: true, color: MARK_COLORS.warning }, MARK_COLORS.error, false],
    [
      "any mark colour when the record does not say",
      { solid: true, color: MARK_COLORS.warning },
      undefined,
      true,
    ],
    [
      "solid unknown (below ExcelApi 1.9)",
      { solid: null, color: MARK_COLORS.error },
      MARK_COLORS.error,
      true,
    ],
    ["a pattern in the mark's colour", { solid: false, color: MARK_COLORS.error }, MARK_COLORS.error, false],
    [
      "a warning under its own stripes",
      { solid: false, color: MARK_COLORS.warning, pattern: "lightUp" },
      MARK_COLORS.warning,
      true,
    ],
    [
      "a warning under another kind's pattern",
      { solid: false, color: MARK_COLORS.warning, pattern: "gray125" },
      MARK_COLORS.warning,
      false,
    ],
    [
      "a change under its own lines, the record not saying which kind",
      { solid: false, color: MARK_COLORS.change, pattern: "lightHorizontal" },
      undefined,
      true,
    ],
    // LibreOffice saved the file: the warning's stripes became one solid colour, #9C6500 mixed a quarter into
    // #FFEB9C (as LibreOffice 7.4 wrote it).
    ["a warning as LibreOffice saves it", { solid: true, color: "#E7CA75" }, MARK_COLORS.warning, true],
    ["that colour for an error", { solid: true, color: "#E7CA75" }, MARK_COLORS.error, false],
    ["a colour near it, not LibreOffice's", { solid: true, color: "#E0CA75" }, MARK_COLORS.warning, false],
    ["refilled by the clerk", { solid: true, color: "#00B050" }, undefined, false],
    ["no fill", { solid: null, color: null }, undefined, false],
  ])("%s", (_name, fill, mark, expected) => {
    expect(stillWearsMark(fill, mark)).toBe(expected);
  });
});

test("our comments and notes, in either language; the clerk's are not", () => {
  expect(isOwnComment(`${zhCN.notes.commentTag}金额不符`)).toBe(true);
  expect(isOwnComment(`${enUS.notes.commentTag}mismatch`)).toBe(true);
  expect(isOwnComment(`请核对 ${zhCN.notes.commentTag}`)).toBe(false);
  expect(isOwnNoteAuthor(enUS.notes.author)).toBe(true);
  expect(isOwnNoteAuthor("张三")).toBe(false);
});

test("which sheet a run analyses", () => {
  const all = (sheet: string) => ["目标表", "指标明细", "校验结果"].includes(sheet);
  const own = ["指标明细", "校验结果"];
  expect(sheetToAnalyse("目标表", own, null, all)).toBe("目标表");
  expect(sheetToAnalyse("校验结果", own, "目标表", all)).toBe("目标表");
  expect(sheetToAnalyse("校验结果", own, "已删除", all)).toBeNull();
  expect(sheetToAnalyse("校验结果", own, null, all)).toBeNull();
  expect(sheetsToReplace(own, "指标明细")).toEqual(["校验结果"]);
});

test("names to avoid: the sheets and tables that stay, and the clerk's defined names", () => {
  expect(
    namesToAvoid({
      sheets: ["目标表", "指标明细", "校验结果"],
      replaced: ["指标明细", "校验结果"],
      tables: ["Mine", "指标明细表"],
      replacedTables: ["指标明细表"],
      definedNames: ["Budget", "IndicatorNormalizer.Detail"],
    }),
  ).toEqual({ sheets: ["目标表"], tables: ["Mine", "Budget"] });
});
