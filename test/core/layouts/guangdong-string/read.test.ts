import fc from "fast-check";
import type { Indicator, IndicatorValue, Level, ParsedTable } from "../../../../src/core/model/analysis";
import { analyzeTable, parseTable } from "../../../../src/core/analyze-table";
import type { CellValue } from "../../../../src/core/model/grid";
import expected from "../../../fixtures/baiyun-2024.expected.json";
import { loadSampleGrid } from "../../../../testing/sample";

const level = (l: Level | null) => (l ? [l.written, l.code, l.name] : null);
const value = (v: IndicatorValue | null) => (v ? [v.op, v.value, v.upper, v.unit] : null);
/** An indicator in the fixture's compact form (see indicatorsColumns in the fixture). */
const compactIndicator = (i: Indicator) => [
  i.cell,
  i.seq,
  level(i.level1),
  level(i.level2),
  i.name,
  i.periodValue,
  i.annualValue,
  value(i.period),
  value(i.annual),
];
/** The same without the cell, for variants whose rows move. */
const fieldsOf = (parsed: ParsedTable) =>
  parsed.projects.flatMap((p) => p.indicators.map((i) => [p.name, ...compactIndicator(i).slice(1)]));

describe("parseTable on the sample (baiyun-2024)", () => {
  const grid = loadSampleGrid();
  const parsed = parseTable(grid);

  test("19 projects under 3 units, 132 indicators", () => {
    expect(parsed.projects).toHaveLength(19);
    expect(parsed.units.map((u) => [u.row, u.name, u.projectIndexes.length])).toEqual([
      [11, "广州市白云区人民政府办公室", 6],
      [18, "广州市白云区政府机关事务管理中心", 12],
      [33, "广州市白云区政府机关财务结算中心", 1],
    ]);
    expect(parsed.projects.reduce((n, p) => n + p.indicators.length, 0)).toBe(132);
  });

  test("each indicator's place (by the reference issues carry) is its cell, in the 绩效指标 or 绩效目标 column", () => {
    const columns = parsed.table!.columns;
    parsed.projects.forEach((project, p) => {
      expect(parsed.indicatorCells[p]).toHaveLength(project.indicators.length);
      project.indicators.forEach((indicator, i) => {
        const place = parsed.indicatorCells[p]![i]!;
        expect([place.address, place.row]).toEqual([indicator.cell, indicator.row]);
        expect([columns.indicators, columns.goal]).toContain(place.column);
      });
    });
  });

  test("table, grand total, units and every project field match the hand-checked fixture", () => {
    expect(parsed.table).toEqual(expected.table);
    expect({ row: parsed.grandTotal?.row, amounts: parsed.grandTotal?.amounts }).toEqual(expected.grandTotal);
    expect(
      parsed.units.map((u) => ({
        row: u.row,
        name: u.name,
        amounts: u.amounts,
        projectIndexes: u.projectIndexes,
      })),
    ).toEqual(expected.units);
    expect(
      parsed.projects.map((p) => ({
        row: p.row,
        unit: p.unit,
        name: p.name,
        amounts: p.amounts,
        goal: p.goal,
        indicatorsColumns: expected.projects[0]!.indicatorsColumns,
        indicators: p.indicators.map(compactIndicator),
      })),
    ).toEqual(expected.projects);
  });

  test("every row is classified", () => {
    const kinds = Object.fromEntries(parsed.rows.map((r) => [r.row, r.kind]));
    expect(kinds).toMatchObject({ 3: "title", 9: "header", 10: "grand-total", 11: "unit", 12: "project" });
    expect(kinds).toMatchObject({ 18: "unit", 21: "blank", 32: "blank", 33: "unit", 34: "project" });
    expect(parsed.rows).toHaveLength(34);
  });

  test("amounts keep their raw text and displayed decimals", () => {
    expect(parsed.grandTotal?.amountCells.total).toEqual({
      cell: "B10",
      raw: "2,476.54",
      value: 2476.54,
      decimals: 2,
    });
    expect(parsed.projects[0]!.amountCells.specialAccount).toEqual({
      cell: "D12",
      raw: null,
      value: 0,
      decimals: 0,
    });
  });

  test("cells, raw values and levels' written codes beside the parsed ones", () => {
    for (const project of parsed.projects) {
      expect(project.nameCell).toBe(`A${project.row}`);
      expect(project.continuationRows).toEqual([]);
      expect(project.amountCells.total!.raw).toBe(grid[project.row - 1]?.[1]);
      for (const i of project.indicators) {
        expect(i.row).toBe(project.row);
        expect(i.period?.raw ?? null).toBe(i.periodValue);
        expect(i.annual?.raw ?? null).toBe(i.annualValue);
        expect(i.level1?.writtenCode).toBe(i.level1?.code);
        expect(i.level2?.writtenCode).toBe(i.level2?.code);
      }
    }
  });

  test("the items' raw texts are the 绩效指标 cell, cut into pieces", () => {
    for (const project of parsed.projects) {
      const cell = grid[project.row - 1]?.[6];
      if (typeof cell !== "string") continue;
      expect(project.indicators.map((i) => i.raw).join("")).toBe(cell);
      expect(project.indicators.every((i) => i.cell === `G${project.row}`)).toBe(true);
    }
  });

  test("the named cases of the issue", () => {
    const all = parsed.projects.flatMap((p) => p.indicators);
    const byName = (name: string) => all.find((i) => i.name === name)!;
    expect(byName("维保按时完成质量").annualValue).toBeNull();
    expect(byName("维保按时完成质量").annual).toBeNull();
    const archive = parsed.projects.find((p) => p.name === "文书档案规范化处理入馆项目")!;
    expect(archive.indicators[0]!.period).toMatchObject({
      op: "text",
      raw: "实际完成的工作量/计划完成的工作量",
    });
    expect(byName("目标群体满意率（%）").annual).toMatchObject({ op: ">", value: 95, unit: "%" });
    expect(byName("维护响应小时数").annual).toMatchObject({ op: "<=", value: 0.5, unit: "小时" });
    expect(byName("接待省市调研次数").annual).toMatchObject({
      op: "range",
      value: 20,
      upper: 35,
      unit: "次",
    });
  });

  test("the last project's goal and six indicators come apart, with the parser's issues at F34", () => {
    const last = parsed.projects[18]!;
    expect(last.goal).toBe(
      "通过广州微易软件公司提供的服务，保证预算报销系统和数字财政对接模块运行稳定，顺利完成结算中心代管的39个单位年度预算支出管理、数字财政对接工作。",
    );
    expect(last.indicators).toHaveLength(6);
    expect(last.indicators.every((i) => i.cell === "F34")).toBe(true);
    expect(parsed.issues.map((i) => [i.rule, i.cell])).toEqual([
      ["misplaced-indicators", "F34"],
      ["markup", "F34"],
    ]);
  });
});

describe("variants of the sample give the same 132 indicators", () => {
  const grid = loadSampleGrid();
  const baseline = fieldsOf(parseTable(grid));

  test("multi-line cells split by the paste into continuation rows", () => {
    const variant: CellValue[][] = [];
    const sentences = (text: CellValue | undefined): string[] =>
      typeof text === "string" ? (text.match(/[^。]*。|[^。]+$/g) ?? []) : []; // "a。b。c" → a。 b。 c
    for (const row of grid) {
      const goal = sentences(row[5]);
      const indicators = sentences(row[6]);
      if (goal.length + indicators.length <= 2) {
        variant.push(row);
        continue;
      }
      variant.push([...row.slice(0, 5), goal[0] ?? null, indicators[0] ?? null]);
      for (let k = 1; k < Math.max(goal.length, indicators.length); k++) {
        variant.push([null, null, null, null, null, goal[k] ?? null, indicators[k] ?? null]);
      }
    }
    expect(variant.length).toBeGreaterThan(grid.length + 100);
    const parsed = parseTable(variant);
    expect(fieldsOf(parsed)).toEqual(baseline);
    expect(parsed.projects.map((p) => p.goal.replace(/\n/g, ""))).toEqual(
      parseTable(grid).projects.map((p) => p.goal),
    );
    expect(parsed.projects[0]!.continuationRows.length).toBeGreaterThan(0);
    expect(parsed.projects[0]!.indicators[1]!.row).toBe(parsed.projects[0]!.row + 1);
    expect(parsed.issues.filter((i) => i.rule === "unparsed")).toEqual([]);
  });

  test("half-width punctuation", () => {
    const HALF: Record<string, string> = { "：": ":", "；": ";", "，": ",", "（": "(", "）": ")", "。": "." };
    const toHalf = (text: string) => text.replace(/[：；，（）。]/g, (ch) => HALF[ch]!); // "：；" → ":;"
    const variant = grid.map((row, r) =>
      r < 9 ? row : row.map((c) => (typeof c === "string" ? toHalf(c) : c)),
    );
    const halfBaseline = JSON.parse(toHalf(JSON.stringify(baseline))) as unknown;
    expect(fieldsOf(parseTable(variant))).toEqual(halfBaseline);
  });
});

describe("parseTable on hand-made tables", () => {
  const INDICATOR = "1、1-产出指标：11-数量指标：A；实施周期指标值：1；年度指标值：1。";

  test("a two-row header under a merged 资金来源, with synonyms, anywhere on the sheet", () => {
    const grid: CellValue[][] = [
      [null, "2024年项目支出绩效目标表"],
      [null, "部门名称:某局", null, null, null, null, "金额单位：元"],
      [],
      [null, "项目名称", "金额合计", "资金来源", null, null, "年度绩效目标", "绩效指标"],
      [null, null, null, "财政拨款", "财政专户管理资金", "其他资金"],
      [null, "项目甲", 1500, "1,000", "５００", null, "目标", INDICATOR],
      [null, "注：本表金额单位为元。"],
    ];
    const parsed = parseTable(grid, { row: 5, column: 2 });
    expect(parsed.table).toEqual({
      layout: "guangdong-string",
      title: "2024年项目支出绩效目标表",
      department: "某局",
      amountUnit: "元",
      headerRow: 9,
      headerRows: [8, 9],
      columns: { name: 3, total: 4, fiscal: 5, specialAccount: 6, other: 7, goal: 8, indicators: 9 },
    });
    expect(parsed.projects[0]).toMatchObject({
      row: 10,
      unit: null,
      name: "项目甲",
      nameCell: "C10",
      amounts: { total: 1500, fiscal: 1000, specialAccount: 500, other: 0 },
      goal: "目标",
    });
    expect(parsed.projects[0]!.indicators[0]).toMatchObject({ row: 10, cell: "I10", name: "A" });
    expect(parsed.rows.map((r) => r.kind)).toEqual([
      "title",
      "title",
      "blank",
      "header",
      "header",
      "project",
      "note",
    ]);
    expect(parsed.issues).toEqual([]);
  });

  test("a non-numeric amount is an issue at its cell and keeps its raw text", () => {
    const grid: CellValue[][] = [
      ["项目名称", "总计", "财政拨款", "绩效目标", "绩效指标"],
      ["项目甲", "待定", "18.00", "目标", INDICATOR],
    ];
    const parsed = parseTable(grid);
    expect(parsed.projects[0]!.amountCells.total).toEqual({
      cell: "B2",
      raw: "待定",
      value: null,
      decimals: 0,
    });
    expect(parsed.projects[0]!.amountCells.other).toMatchObject({ raw: null, value: 0 });
    expect(parsed.table?.columns.other).toBeUndefined();
    expect(parsed.issues).toEqual([
      {
        rule: "amount-not-number",
        severity: "error",
        row: 2,
        column: "B",
        cell: "B2",
        about: { projectIndex: 0 },
        actual: "待定",
        details: { project: "项目甲", amountColumn: "total" },
      },
    ]);
  });

  test("leftover text in an indicator cell is an unparsed issue quoting it", () => {
    const grid: CellValue[][] = [
      ["项目名称", "总计", "绩效目标", "绩效指标"],
      ["单位乙", "1"],
      ["项目甲", "1", "目标", "详见附件。" + INDICATOR],
    ];
    const parsed = parseTable(grid);
    expect(parsed.projects[0]!.indicators).toHaveLength(1);
    expect(parsed.issues).toEqual([
      {
        rule: "unparsed",
        severity: "error",
        row: 3,
        column: "D",
        cell: "D3",
        about: { projectIndex: 0 },
        details: { project: "项目甲", unit: "单位乙", text: "详见附件。" },
      },
    ]);
  });

  test("a unit-like row whose goal and indicators start on the next row is a project", () => {
    const grid: CellValue[][] = [
      ["项目名称", "总计", "绩效目标", "绩效指标"],
      ["项目甲", "1"],
      [null, null, "目标", INDICATOR],
    ];
    const parsed = parseTable(grid);
    expect(parsed.rows.map((r) => r.kind)).toEqual(["header", "project", "continuation"]);
    expect(parsed.projects[0]).toMatchObject({ goal: "目标", continuationRows: [3] });
    expect(parsed.projects[0]!.indicators[0]!.cell).toBe("D3");
  });

  test.each<[string, CellValue[][]]>([
    ["an empty grid", []],
    ["a grid of blanks", [[], [null, ""], []]],
    ["text with no header", [["项目支出绩效目标表"], ["部门名称：某局"], ["公务用车购置费", "18.00"]]],
  ])("%s gives one no-table issue and empty results", (_label, grid) => {
    expect(parseTable(grid)).toEqual({
      table: null,
      grandTotal: null,
      units: [],
      projects: [],
      rows: [],
      issues: [{ rule: "no-table", severity: "error", row: null, column: null, cell: null, details: {} }],
      equations: [],
      indicatorCells: [],
    });
  });
});

/** Drops whitespace and markup, which the parser reports separately: `<p>`, `</p>`, `&nbsp;`, spaces. */
const withoutNoise = (text: string) => text.replace(/<[^<>]*>|&[#a-zA-Z0-9]+;|\s/g, "");

describe("no grid makes the core throw", () => {
  test("a table with 1 MB cells of junk in the goal, indicator and amount columns is read (speed: npm run bench)", () => {
    const junk = ["1、1-产出指标：", "实施周期指标值：", "<p", "&#", "。", "；", "1".repeat(7), "\u3000"]
      .join("")
      .repeat(35_000);
    expect(junk.length).toBeGreaterThan(1_000_000);
    const grid: CellValue[][] = [
      ["项目名称", "总计", "财政拨款", "绩效目标", "绩效指标"],
      ["项目甲", junk, "1", junk, junk],
    ];
    const analysis = analyzeTable(grid);
    expect(analysis.projects).toHaveLength(1);
    expect(analysis.issues.some((i) => i.rule === "amount-not-number" && i.cell === "B2")).toBe(true);
  });

  const cell = fc.oneof(
    fc.constant(null),
    fc.string({ maxLength: 30 }),
    fc.double(),
    fc.boolean(),
    fc.constantFrom(
      "项目名称",
      "绩效指标",
      "绩效目标",
      "合计",
      "注：",
      "资金来源",
      "财政拨款",
      "1,000.00",
      "<p>",
    ),
  );
  const randomGrid = fc.array(fc.array(cell, { maxLength: 9 }), { maxLength: 25 });

  test("random grids", () => {
    fc.assert(
      fc.property(randomGrid, (grid) => {
        parseTable(grid);
        analyzeTable(grid);
      }),
      { numRuns: 300 },
    );
  });

  test("mutated copies of the sample (cells replaced, rows dropped or cut), nothing of an indicator cell lost", () => {
    const sample = loadSampleGrid();
    const mutation = fc.record({
      row: fc.nat({ max: sample.length - 1 }),
      column: fc.nat({ max: 7 }),
      cell,
      cut: fc.nat({ max: 400 }),
      kind: fc.constantFrom("replace", "drop", "cut"),
    });
    fc.assert(
      fc.property(fc.array(mutation, { maxLength: 8 }), (mutations) => {
        const grid = sample.map((r) => [...r]);
        for (const m of mutations) {
          const row = grid[m.row];
          if (!row) continue;
          if (m.kind === "drop") grid.splice(m.row, 1);
          else if (m.kind === "replace") row[m.column] = m.cell;
          else if (typeof row[m.column] === "string")
            row[m.column] = (row[m.column] as string).slice(0, m.cut);
        }
        const parsed = parseTable(grid);
        analyzeTable(grid);
        // Every indicator-cell character is in an item or quoted by an unparsed issue (while column G is
        // still the 绩效指标 column: a mutated header can make it a column outside the table).
        if (parsed.table?.columns.indicators !== 7) return;
        for (const project of parsed.projects) {
          const text = grid[project.row - 1]?.[6];
          if (typeof text !== "string" || project.continuationRows.length > 0) continue;
          const quoted = parsed.issues
            .filter((i) => i.rule === "unparsed" && i.cell === `G${project.row}`)
            .map((i) => i.details.text)
            .join("");
          const items = project.indicators
            .filter((i) => i.cell.startsWith("G"))
            .map((i) => i.raw)
            .join("");
          expect(withoutNoise(quoted + items)).toBe(withoutNoise(text));
        }
      }),
      { numRuns: 200 },
    );
  });
});
