/** The pane's small pure helpers: Office errors in words, the tolerance box, progress lines. */
import { paneMessagesFor } from "../../src/taskpane/messages";
import { describeOfficeError } from "../../src/taskpane/describe-office-error";
import { clearedText, refusal } from "../../src/taskpane/describe-outcome";
import { progressText, readTolerance } from "../../src/taskpane/pane-view";

const zh = paneMessagesFor("zh-CN");
const en = paneMessagesFor("en-US");

describe("describeOfficeError says what went wrong and what to do, in the user's language", () => {
  test.each([
    [
      { code: "InvalidOperationInCellEditMode" },
      zh,
      "Excel 正在编辑单元格：请按 Enter 或 Esc 退出编辑后再试。",
    ],
    [{ code: "AccessDenied" }, en, en.officeErrors.AccessDenied],
    [{ code: "ResponsePayloadSizeLimitExceeded" }, zh, "表格太大，一次读不完：请选中一部分表格分批运行。"],
    [{ code: "SomethingNew" }, zh, zh.officeErrorUnknown("SomethingNew")],
    [new TypeError("x is undefined"), en, en.officeErrorUnknown("TypeError")],
    ["a thrown string", zh, zh.officeErrorUnknown("Error")],
  ])("%j", (error, pane, expected) => {
    expect(describeOfficeError(error, pane)).toBe(expected);
  });

  test("every known code has wording in both languages", () => {
    expect(Object.keys(en.officeErrors).sort()).toEqual(Object.keys(zh.officeErrors).sort());
  });
});

describe("readTolerance", () => {
  test.each([
    ["", { value: undefined, valid: true }],
    ["  ", { value: undefined, valid: true }],
    ["0.005", { value: 0.005, valid: true }],
    ["0", { value: 0, valid: true }],
    ["-1", { value: undefined, valid: false }],
    ["abc", { value: undefined, valid: false }],
  ])("%j", (text, expected) => {
    expect(readTolerance({ value: text } as HTMLInputElement)).toEqual(expected);
  });
});

test("progress lines carry the counts", () => {
  expect(progressText({ stage: "reading" }, zh)).toBe("正在读取工作表…");
  expect(progressText({ stage: "checking", rows: 133 }, zh)).toBe("正在校验 133 行…");
  expect(progressText({ stage: "checking", rows: 10_508, percent: 47 }, zh)).toBe(
    "正在校验 10508 行…（47%）",
  );
  expect(progressText({ stage: "checking", rows: 10_508, percent: 47 }, en)).toBe(
    "Checking 10508 rows… (47%)",
  );
  expect(progressText({ stage: "writing", rowsWritten: 50, rowsTotal: 146 }, en)).toBe(
    "Writing results: 50 / 146 rows…",
  );
});

describe("clearedText: what 清除标记 did, and each kind of earlier mark it could not give back", () => {
  test.each([
    [{ restored: 3, leftAlone: 0, colourLost: 0, unreadable: 0 }, zh, [zh.marksCleared(3)]],
    [{ restored: 0, leftAlone: 0, colourLost: 0, unreadable: 0 }, en, [en.noMarks]],
    [
      { restored: 5, leftAlone: 1, colourLost: 2, unreadable: 0 },
      zh,
      [zh.marksCleared(5), zh.marksColourLost(2), zh.marksLeftAlone(1)],
    ],
    [{ restored: 0, leftAlone: 0, colourLost: 0, unreadable: 7 }, en, [en.noMarks, en.marksUnreadable(7)]],
  ])("%j", (cleared, pane, sentences) => {
    expect(clearedText(cleared, pane)).toBe(sentences.join(" "));
  });

  test("the notes name Excel 2019 or the CLI as the way out below ExcelApi 1.5", () => {
    expect(zh.marksUnreadable(7)).toMatch(/7 个单元格.*命令行工具.*Excel 2019/);
  });
});

test("no table: the pane says which sheet, what was looked for, what to do, and that nothing changed", () => {
  const outcome = {
    kind: "no-table" as const,
    sheet: "会议纪要",
    lookedFor: "没有找到项目支出绩效目标表：要找的是一行表头，含“项目名称”列。",
    advice: "把表格连同表头行粘贴到工作表中。",
  };
  expect(refusal(outcome, paneMessagesFor("zh-CN"))).toBe(
    "工作表「会议纪要」：没有找到项目支出绩效目标表：要找的是一行表头，含“项目名称”列。把表格连同表头行粘贴到工作表中。没有对工作簿做任何更改。",
  );
  expect(refusal(outcome, paneMessagesFor("en-US"))).toMatch(/Nothing in the workbook was changed\.$/);
});
