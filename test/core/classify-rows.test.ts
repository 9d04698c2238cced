import type { RowKind } from "../../src/core/model/analysis";
import { classifyRows, type BodyRowFacts } from "../../src/core/classify/classify-rows";
import { exactDecimal } from "../../src/core/model/exact-decimal";

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
    [
      "a continuation that starts with 注： keeps its text with the project above",
      [["", "", ""], HEADER, ["项目甲", "9", "1、…"], ["", "", "注：按签到统计"]],
      ["blank", "header", "project", "continuation"],
    ],
    [
      "projects named 说明… and 合计… with text are projects; 合计 and 小计 without text are totals",
      [
        ["", "", ""],
        HEADER,
        ["合计", "9", ""],
        ["说明：会务经费", "4", "1、…"],
        ["合计核算系统", "5", "1、…"],
        ["小 计", "9", ""],
      ],
      ["blank", "header", "grand-total", "project", "project", "subtotal"],
    ],
    [
      "合计 in a 序号 column (the name cell empty)",
      [["", "", ""], HEADER, ["", "9", "", "合计"], ["项目甲", "9", "1、…"]],
      ["blank", "header", "grand-total", "project"],
    ],
  ])("%s", (_label, rows, expected) => {
    expect(kinds(rows)).toEqual(expected);
  });

  describe("a row with amounts and no indicators: a unit, or a project without indicators, as the totals say", () => {
    test.each<[string, Row[], RowKind[]]>([
      [
        "an empty project inside a unit (read as a unit, the unit's, its own and 合计's totals would break)",
        [
          HEADER,
          ["合计", "10", ""],
          ["单位", "10", ""],
          ["甲", "3", "1、…"],
          ["乙", "2", ""],
          ["丙", "5", "1、…"],
        ],
        ["header", "grand-total", "unit", "project", "project", "project"],
      ],
      [
        "an empty project last in its unit, before the next unit",
        [
          HEADER,
          ["合计", "12", ""],
          ["单位一", "5", ""],
          ["甲", "3", "1、…"],
          ["乙", "2", ""],
          ["单位二", "7", ""],
          ["丙", "7", "1、…"],
        ],
        ["header", "grand-total", "unit", "project", "project", "unit", "project"],
      ],
      [
        "a table without units: an empty project between projects",
        [HEADER, ["合计", "10", ""], ["甲", "3", "1、…"], ["乙", "2", ""], ["丙", "5", "1、…"]],
        ["header", "grand-total", "project", "project", "project"],
      ],
      [
        "a unit whose total is stale stays a unit (as a project, as much would break, and it would lack indicators)",
        [
          HEADER,
          ["合计", "12", ""],
          ["单位一", "6", ""],
          ["甲", "5", "1、…"],
          ["单位二", "7", ""],
          ["丙", "7", "1、…"],
        ],
        ["header", "grand-total", "unit", "project", "unit", "project"],
      ],
      [
        "a unit heading without amounts stays a unit",
        [HEADER, ["合计", "5", ""], ["单位", "", ""], ["甲", "5", "1、…"]],
        ["header", "grand-total", "unit", "project"],
      ],
    ])("%s", (_label, rows, expected) => {
      expect(kinds(rows, [0])).toEqual(expected);
    });
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
