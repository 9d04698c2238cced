import { sortIssues, type IssueDraft, type Severity } from "../../src/core/model/issue";

function draft(severity: Severity, row: number | null, column: string | null): IssueDraft {
  return {
    rule: "unparsed",
    severity,
    row,
    column,
    cell: column && row ? `${column}${row}` : null,
    details: {},
  };
}

describe("sortIssues: the order the pane and 校验结果 list issues in", () => {
  test.each<[string, IssueDraft[], (string | null)[]]>([
    [
      "errors, then warnings, then info",
      [draft("info", 1, "A"), draft("warning", 1, "A"), draft("error", 9, "A")],
      ["A9", "A1", "A1"],
    ],
    ["by row within a severity", [draft("error", 12, "B"), draft("error", 3, "G")], ["G3", "B12"]],
    [
      "by column in sheet order within a row: Z before AA, B before AA",
      [draft("error", 5, "AA"), draft("error", 5, "Z"), draft("error", 5, "B")],
      ["B5", "Z5", "AA5"],
    ],
    [
      "whole-sheet issues (no cell) first",
      [draft("error", 2, "A"), draft("error", null, null)],
      [null, "A2"],
    ],
  ])("%s", (_, issues, cells) => {
    expect(sortIssues(issues).map((i) => i.cell)).toEqual(cells);
  });

  test("stable: issues of the same cell keep the order they were found in", () => {
    const first = { ...draft("warning", 4, "F"), rule: "sequence" as const };
    const second = { ...draft("warning", 4, "F"), rule: "suspicious-value" as const };
    expect(sortIssues([first, second])).toEqual([first, second]);
    expect(sortIssues([second, first])).toEqual([second, first]);
  });
});
