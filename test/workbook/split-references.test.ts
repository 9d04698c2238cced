import { splitReferences } from "../../src/workbook/run-record-format";

describe("splitReferences reads a name's reference list", () => {
  test.each([
    ["'指标明细'!$A$1", [{ sheet: "指标明细", cell: "A1" }]],
    [
      "=Sheet1!$G$20,Sheet1!$G$22",
      [
        { sheet: "Sheet1", cell: "G20" },
        { sheet: "Sheet1", cell: "G22" },
      ],
    ],
    ["=Sheet1!#REF!,Sheet1!$G$21", [null, { sheet: "Sheet1", cell: "G21" }]],
    ["#REF!$A$1", [null]],
    ["Sheet1!$B$2:$C$3", [{ sheet: "Sheet1", cell: "B2" }]],
    // A quote doubled inside a quoted name, a comma inside one, both, and a name that ends in a doubled quote.
    ["'O''Brien'!$A$1", [{ sheet: "O'Brien", cell: "A1" }]],
    [
      "'a,b'!$C$3,'a,b'!$D$4",
      [
        { sheet: "a,b", cell: "C3" },
        { sheet: "a,b", cell: "D4" },
      ],
    ],
    [
      "'x'',y'!A1,Sheet2!b2",
      [
        { sheet: "x',y", cell: "A1" },
        { sheet: "Sheet2", cell: "B2" },
      ],
    ],
    ["'it''s'''!$Z$9", [{ sheet: "it's'", cell: "Z9" }]],
    ["'!'!$A$1", [{ sheet: "!", cell: "A1" }]],
    // No sheet: takes a place (null) so that the next areas still line up; text that is no area takes none.
    ["$A$1,Sheet1!$A$2", [null, { sheet: "Sheet1", cell: "A2" }]],
    ["hello,Sheet1!$A$2", [{ sheet: "Sheet1", cell: "A2" }]],
    ["'unclosed!$A$1", []],
    ["", []],
  ])("%s", (formula, expected) => {
    expect(splitReferences(formula)).toEqual(expected);
  });

  // The regex this replaced backtracked over every start of a long run without `!`: quadratic in the length.
  test.each([
    ["spaces", " ".repeat(100_000)],
    ["quotes", "'".repeat(100_000)],
    ["a quoted sheet with no '!'", `'${"x".repeat(100_000)}'`],
  ])("a 100,000-character hostile area (%s) is skipped and the real area after it is read", (_, hostile) => {
    expect(splitReferences(`${hostile},Sheet1!$A$1`)).toEqual([{ sheet: "Sheet1", cell: "A1" }]);
  });

  test("20,000 areas are all read, in order", () => {
    const cells = Array.from({ length: 20_000 }, (_, i) => `'目 标,表'!$G$${i + 1}`);
    const refs = splitReferences(cells.join(","));
    expect(refs).toHaveLength(20_000);
    expect(refs[19_999]).toEqual({ sheet: "目 标,表", cell: "G20000" });
  });
});
