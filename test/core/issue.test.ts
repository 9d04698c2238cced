import { makeIssue } from "../../src/core/model/issue";

describe("makeIssue: the one way an issue is made", () => {
  test("row, column letter and cell come from the cell's numbers, with the rule's default severity", () => {
    expect(makeIssue("markup", { row: 34, column: 6, address: "F34" }, { text: "<p>" })).toEqual({
      rule: "markup",
      severity: "info",
      row: 34,
      column: "F",
      cell: "F34",
      details: { text: "<p>" },
    });
    expect(makeIssue("row-total", { row: 3, column: 27, address: "AA3" }, {}).column).toBe("AA");
  });

  test("a whole-sheet issue has no cell", () => {
    expect(makeIssue("no-table", null, {})).toEqual({
      rule: "no-table",
      severity: "error",
      row: null,
      column: null,
      cell: null,
      details: {},
    });
  });

  test("what it is about, the figures and another severity, always in the same field order", () => {
    const issue = makeIssue(
      "sequence",
      { row: 12, column: 7, address: "G12" },
      { seq: 3 },
      { actual: 3, expected: 2, about: { projectIndex: 0, itemIndex: 2 }, severity: "error" },
    );
    expect(Object.keys(issue)).toEqual([
      "rule",
      "severity",
      "row",
      "column",
      "cell",
      "about",
      "expected",
      "actual",
      "details",
    ]);
    expect(issue).toMatchObject({ severity: "error", about: { projectIndex: 0, itemIndex: 2 } });
  });
});
