import type { RowKind } from "../../src/core/analysis";
import { classifyRows, type BodyRowFacts } from "../../src/core/classify-rows";
import { exactDecimal } from "../../src/core/exact-decimal";

/** Rows as [name, amount, text, firstText]; "" is empty; a row of all "" is blank. */
type Row = [name: string, amount: string, text: string, first?: string];

function facts(rows: Row[]): BodyRowFacts {
  return {
    isBlank: (r) => rows[r]!.every((cell) => !cell),
    name: (r) => rows[r]![0],
    hasAmounts: (r) => rows[r]![1] !== "",
    hasText: (r) => rows[r]![2] !== "",
    firstText: (r) => rows[r]![3] ?? rows[r]!.find((cell) => cell) ?? "",
    total: (r) => (rows[r]![1] === "" ? { units: 0, scale: 0 } : exactDecimal(Number(rows[r]![1]), 0)),
  };
}

function kinds(rows: Row[], headerRows = [1]): RowKind[] {
  const table = { start: 0, headerRows, bodyStart: headerRows[headerRows.length - 1]! + 1, end: rows.length };
  return classifyRows(facts(rows), { ...table, originRow: 1 }).map((r) => r.kind);
}

const HEADER: Row = ["项目名称", "总计", "绩效指标"];

describe("classifyRows: the kind of every row of a string-layout table", () => {
  test.each<[string, Row[], RowKind[]]>([
    [
      "title, header, 合计, unit, project, continuation, blank, note",
      [
        ["项目支出绩效目标表", "", ""],
        HEADER,
        ["合 计", "9", ""],
        ["某单位", "9", ""],
        ["项目甲", "9", "1、…"],
        ["", "", "…续"],
        ["", "", ""],
        ["", "", "", "注：单位为万元"],
      ],
      ["title", "header", "grand-total", "unit", "project", "continuation", "blank", "note"],
    ],
    [
      "a name whose goal starts on the next row (after a blank) is a project, not a unit",
      [["x", "", ""], HEADER, ["项目甲", "1", ""], ["", "", ""], ["", "", "目标…"]],
      ["title", "header", "project", "blank", "continuation"],
    ],
    [
      "text only outside the table's columns is a note",
      [["", "", ""], HEADER, ["", "", "", "制表人：张三"]],
      ["blank", "header", "note"],
    ],
  ])("%s", (_label, rows, expected) => {
    expect(kinds(rows)).toEqual(expected);
  });

  test("rows carry their sheet row", () => {
    const rows: Row[] = [
      ["项目名称", "总计", "绩效指标"],
      ["项目甲", "1", "1、…"],
    ];
    const table = { start: 0, headerRows: [0], bodyStart: 1, end: 2, originRow: 9 };
    expect(classifyRows(facts(rows), table)).toEqual([
      { row: 9, kind: "header" },
      { row: 10, kind: "project" },
    ]);
  });
});
