import { guessDelimiter, readDelimitedText } from "../../src/xlsx/read-delimited-text";
import { loadSampleGrid } from "../../testing/sample";

describe("readDelimitedText", () => {
  test.each([
    [
      "a\tb\nc\td",
      "\t",
      [
        ["a", "b"],
        ["c", "d"],
      ],
    ],
    ["a\t\tc\r\n\r\nx", "\t", [["a", null, "c"], [], ["x"]]],
    ['"line1\nline2"\tb', "\t", [["line1\nline2", "b"]]],
    ['"say ""hi"""\t5" pipe', "\t", [['say "hi"', '5" pipe']]],
    [
      "a,b\rc,d\r",
      ",",
      [
        ["a", "b"],
        ["c", "d"],
      ],
    ],
    ['"unterminated\tx', "\t", [['"unterminated\tx']]],
  ] as const)("%j", (text, delimiter, expected) => {
    expect(readDelimitedText(text, delimiter)).toEqual(expected);
  });

  test("the sample keeps sheet row numbers: row 9 is the header, row 34 the last project", () => {
    const grid = loadSampleGrid();
    expect(grid[8]?.[0]).toBe("项目名称（资金使用单位）");
    expect(grid[33]?.[0]).toBe("财务软件运行维护费");
    expect(grid[0]).toEqual([]);
  });

  test("text offsets are placed in their cells, inside quoted fields too", () => {
    const text = 'ab\tc\n"d\ne"\tf';
    const find = { offsets: [1, 3, 8, 11], places: [] as { row: number; column: number }[] };
    readDelimitedText(text, "\t", find);
    expect(find.places).toEqual([
      { row: 0, column: 0 },
      { row: 0, column: 1 },
      { row: 1, column: 0 },
      { row: 1, column: 1 },
    ]);
  });

  test.each([
    ["a\tb,c", "\t"],
    ["a,b;c", ","],
    ["a;b;c,d", ";"],
    ["项目,总计,指标\n甲,1,a;b;c\n乙,2,d", ","],
    ["项目;总计;指标\n甲;1,5;a,b,c,d\n乙;2;e", ";"],
  ] as const)("guessDelimiter(%j) is %j", (text, expected) => {
    expect(guessDelimiter(text)).toBe(expected);
  });
});
