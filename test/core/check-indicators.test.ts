import fc from "fast-check";
import { checkIndicators } from "../../src/core/check/check-indicators";
import { messagesFor } from "../../src/core/messages";
import type { IssueDraft } from "../../src/core/model/issue";
import { goodItems, table, type ItemSpec } from "../../testing/check-table-builder";

/** One project at row 12 with these items, checked. */
function check(items: ItemSpec[], options = {}): IssueDraft[] {
  return checkIndicators(table({ projects: [{ row: 12, name: "项目", items }] }), options);
}

const brief = (issues: IssueDraft[]) =>
  issues.map((i) => ({ rule: i.rule, cell: i.cell, seq: i.details.seq, field: i.details.field }));

/** Items renumbered 1, 2, 3, … */
const renumbered = (items: ItemSpec[]): ItemSpec[] => items.map((s, i) => ({ ...s, seq: i + 1 }));

/** The good items plus a fourth one, so that the project keeps its 产出 and 效益. */
const plusItem = (extra: ItemSpec): ItemSpec[] => [
  ...goodItems(12),
  { seq: 4, name: "指标", period: "1次", annual: "1次", ...extra },
];

/** The good items of goodItems() with one replaced. */
function withItem(index: number, change: Partial<ItemSpec>): ItemSpec[] {
  return goodItems(12).map((s, i) => (i === index ? { ...s, ...change } : s));
}

describe("checkIndicators", () => {
  test("a well-formed project gives no issue", () => {
    expect(check(goodItems(12))).toEqual([]);
  });

  describe("level-mismatch", () => {
    test.each([
      ["2-效益指标", "31-服务对象满意度", "level2-parent", "3-满意度指标"],
      ["1-产出指标", "22-社会效益", "level2-parent", "2-效益指标"],
      ["效益指标", "数量指标", "level2-parent", "产出指标"], // no codes: the label as the table writes it
      ["1-产出指标", "12-数量指标", "level2-code", "11-数量指标"],
      ["3-效益指标", "22-社会效益", "level1-code", "2-效益指标"],
    ])("%s：%s says what it expected: %s, %s", (l1, l2, mismatch, expectedLevel) => {
      const [issue] = check(plusItem({ l1, l2 }));
      expect(issue?.details).toMatchObject({ mismatch, expectedLevel });
    });

    test.each([
      ["2-效益指标", "31-服务对象满意度"], // the sample's last project
      ["1-产出指标", "22-社会效益"],
      ["1-产出指标", "12-数量指标"], // code and name disagree
      ["3-效益指标", "22-社会效益"], // level-1 code and name disagree
      ["2-效益指标", "11-数量指标"],
      ["效益指标", "数量指标"], // no codes: by name
      ["效益指标", "服务对象满意度"], // today's satisfaction level-2 is not under 效益
    ])("%s：%s is flagged", (l1, l2) => {
      const issues = check(plusItem({ l1, l2 }));
      expect(brief(issues)).toEqual([{ rule: "level-mismatch", cell: "G12", seq: 4, field: undefined }]);
      expect(issues[0]).toMatchObject({
        severity: "error",
        details: { level1: l1, level2: l2, project: "项目" },
      });
    });

    test.each([
      ["1-产出指标", "14-成本指标"],
      ["产出指标", "成本指标"],
      ["2-效益指标", "24-可持续影响"],
      ["2-效益指标", "社会公众或服务对象满意度指标"], // the legacy label in the 效益 block
      ["成本指标", "经济成本"], // the 2021 guideline's level-1
      ["产出指标(50分)", "数量指标"], // a weight in the label
      ["乱写", "11-数量指标"], // an unknown level-1 is not judged
      [null, "22-社会效益"],
      ["2-效益指标", null],
    ])("%s：%s is accepted", (l1, l2) => {
      expect(check(plusItem({ l1, l2 }))).toEqual([]);
    });
  });

  describe("missing-value", () => {
    test.each([
      [{ annual: null }, "annual"],
      [{ annual: "  " }, "annual"],
    ] as const)("%j → missing %s", (change, field) => {
      expect(brief(check(withItem(1, change)))).toEqual([
        { rule: "missing-value", cell: "G12", seq: 2, field },
      ]);
    });

    test("an item with only 年度指标值 is read as such, with no issue", () => {
      expect(check(withItem(1, { period: null }))).toEqual([]);
    });

    test("both missing: one issue, for the target (年度指标值)", () => {
      const issues = check(withItem(1, { annual: null, period: null }));
      expect(issues.map((i) => [i.rule, i.details.field])).toEqual([["missing-value", "annual"]]);
    });
  });

  describe("sequence", () => {
    const numbered = (seqs: (number | null)[]): ItemSpec[] =>
      seqs.map((seq, i) => ({ ...goodItems(12)[i % 3]!, seq }));
    test.each([
      [[1, 2, 4], [{ seq: 4, expectedSeq: 3 }]], // a gap
      [[1, 2, 4, 5], [{ seq: 4, expectedSeq: 3 }]], // one gap, one issue
      [[1, 2, 2], [{ seq: 2, expectedSeq: 3 }]], // a repeat
      [
        [1, 3, 2],
        [
          { seq: 3, expectedSeq: 2 },
          { seq: 2, expectedSeq: 4 },
        ],
      ], // backwards
      [[2, 3, 4], [{ seq: 2, expectedSeq: 1 }]], // does not start at 1
      [[1, null, 2], []], // an unnumbered item is not counted
      [[1, 2, 3], []],
    ])("%j", (seqs, expected) => {
      const issues = check(numbered(seqs)).filter((i) => i.rule === "sequence");
      expect(issues.map((i) => ({ seq: i.details.seq, expectedSeq: i.details.expectedSeq }))).toEqual(
        expected,
      );
      expect(issues.every((i) => i.severity === "warning" && i.cell === "G12")).toBe(true);
    });
  });

  describe("missing-category", () => {
    test("a project without 效益 is warned at its indicator cell (the sample's 机关饭堂运行经费)", () => {
      const items = renumbered(goodItems(22).filter((s) => s.l1 !== "2-效益指标"));
      const issues = checkIndicators(table({ projects: [{ row: 22, name: "机关饭堂运行经费", items }] }));
      expect(issues).toEqual([
        {
          rule: "missing-category",
          severity: "warning",
          row: 22,
          column: "G",
          cell: "G22",
          about: { projectIndex: 0 },
          details: { project: "机关饭堂运行经费", category: "outcome", present: ["output", "satisfaction"] },
        },
      ]);
    });

    test("a project without 产出", () => {
      const issues = check(renumbered(goodItems(12).slice(1)));
      expect(issues.map((i) => [i.rule, i.details.category])).toEqual([["missing-category", "output"]]);
    });

    test("a self-evaluation grid with no level column at all (a department's own) has no category to miss", () => {
      const items = renumbered(goodItems(12).map((s) => ({ ...s, l1: null, l2: null })));
      const parsed = table({ projects: [{ row: 12, name: "部门整体", items }] });
      const rules = (columns: Record<string, number>, selfEvaluation = true) =>
        checkIndicators({
          ...parsed,
          table: { ...parsed.table!, columns },
          ...(selfEvaluation ? { selfEvaluations: [] } : {}),
        }).map((i) => i.rule);
      expect(rules({ name: 1, indicatorName: 2, value: 3 })).toEqual([]);
      // A target form without level columns still owes its 产出 and 效益.
      expect(rules({ name: 1, indicatorName: 2, value: 3 }, false)).toEqual([
        "missing-category",
        "missing-category",
      ]);
      // With a level column that the rows leave empty, the categories are missing indeed.
      expect(rules({ name: 1, level2: 2, indicatorName: 3, value: 4 })).toEqual([
        "missing-category",
        "missing-category",
      ]);
    });

    test("the level-2 code decides when the level-1 is missing", () => {
      expect(check(withItem(1, { l1: null, l2: "22-社会效益" }))).toEqual([]);
    });

    test("missing 满意度 is silent by default and info on request", () => {
      const items = goodItems(12).slice(0, 2);
      expect(check(items)).toEqual([]);
      const issues = check(items, { reportMissingSatisfaction: true });
      expect(issues.map((i) => [i.rule, i.severity, i.details.category])).toEqual([
        ["missing-category", "info", "satisfaction"],
      ]);
    });

    test("indicators that sit in the goal cell are reported at that cell", () => {
      const parsed = table({ projects: [{ row: 34, items: goodItems(34).slice(0, 1), itemCell: "F34" }] });
      expect(checkIndicators(parsed).map((i) => i.cell)).toEqual(["F34"]);
    });
  });

  describe("quantity-not-numeric", () => {
    test("a 数量指标 with a qualitative annual value (the sample's 后勤人员专项经费 item 1)", () => {
      const issues = check(withItem(0, { period: "维持可持续发展", annual: "维持可持续发展" }));
      expect(issues).toMatchObject([
        {
          rule: "quantity-not-numeric",
          severity: "warning",
          cell: "G12",
          details: { seq: 1, field: "annual", text: "维持可持续发展", indicator: "次数" },
        },
      ]);
    });

    test.each([[{ period: "3次", annual: "合规" }, "annual"]] as const)(
      "%j is checked on the %s value",
      (change, field) => {
        const issues = check(withItem(0, change)).filter((i) => i.rule === "quantity-not-numeric");
        expect(issues.map((i) => i.details.field)).toEqual([field]);
      },
    );

    test.each([
      [{ period: "不少于3个", annual: "不少于3个" }],
      [{ l2: "12-质量指标", period: "合规", annual: "合规" }],
      [{ period: "一年内回访的次数", annual: "不少于3次" }], // the target is the annual value
      // No annual value: the missing value is the finding; the period value is often a definition.
      [{ period: "一年内到用户单位回访的次数", annual: null }],
      // A 数量指标 under 效益指标 is a level-mismatch: the kind of value it needs is in doubt, not judged.
      [{ l1: "2-效益指标", period: "提升", annual: "提升" }],
    ])("%j is not flagged", (change) => {
      expect(check(withItem(0, change)).filter((i) => i.rule === "quantity-not-numeric")).toEqual([]);
    });
  });

  describe("period-is-definition", () => {
    test.each([
      ["实际完成的工作量/计划完成的工作量", "100"],
      ["一年内到用户单位回访的次数", "不少于3次"],
      ["接受调查时表示满意的人数/项目覆盖范围内接受调查的总人数", "大于95"],
    ])("%s with %s is info", (period, annual) => {
      const issues = check(withItem(1, { period, annual }));
      expect(issues).toMatchObject([
        {
          rule: "period-is-definition",
          severity: "info",
          cell: "G12",
          details: { text: period, field: "period" },
        },
      ]);
    });

    test.each([
      ["总费用支出低于年初预算", "总费用支出低于年初预算"], // both qualitative
      ["过程中各项流程手续符合相关规定", "整理过程中各项流程手续符合相关规定"],
      ["3000元/人", "3000元/人"],
      ["≥90%", "≥95%"], // a quantitative period value that differs is a note for later, not a definition
    ])("%s with %s is not flagged", (period, annual) => {
      expect(check(withItem(1, { period, annual })).filter((i) => i.rule === "period-is-definition")).toEqual(
        [],
      );
    });
  });

  describe("suspicious-value", () => {
    test.each([
      ["覆盖率", "292%"], // OCR damage of ≥92%
      ["服务对象满意度", "≥120%"],
      ["验收合格率（%）", "210010"], // value glued to its score
      ["次数", "XX次"],
      ["满意度", "xx%"],
      ["人数", "××人"],
      ["次数", "35-20次"],
    ])("%s: %s", (name, raw) => {
      const issues = check(withItem(0, { name, period: raw, annual: raw }));
      expect(issues.filter((i) => i.rule === "suspicious-value")).toMatchObject([
        { severity: "warning", cell: "G12", details: { text: raw, field: "annual" } },
      ]);
    });

    test("a damaged period value beside a good annual value is reported on the period", () => {
      const issues = check(withItem(2, { period: "292%", annual: "≥92%" }));
      expect(brief(issues)).toEqual([{ rule: "suspicious-value", cell: "G12", seq: 3, field: "period" }]);
    });

    test.each([
      ["满意度", "≥95%"],
      ["验收合格率（%）", "100"],
      ["成本控制率", "≤0%"],
      ["年印刷量", "不少于190万印"],
      ["会务保障次数", "不少于2000次"],
      ["接待次数", "20-35次"],
      ["维护账号个数", "39"],
      ["预算控制率", "≤110%"], // an upper bound above 100% can be legitimate
    ])("%s: %s is fine", (name, raw) => {
      expect(
        check(withItem(0, { name, period: raw, annual: raw })).filter((i) => i.rule === "suspicious-value"),
      ).toEqual([]);
    });
  });

  test.each([
    ["XX%", "placeholder"],
    ["35-20次", "reversed-range"],
    ["292%", "over-100"],
  ])("suspicious-value %s says why: %s", (raw, reason) => {
    const issues = check(withItem(0, { name: "验收合格率（%）", period: raw, annual: raw }));
    expect(issues.find((i) => i.rule === "suspicious-value")?.details.reason).toBe(reason);
  });

  test.each([
    ["292%", undefined, "可能丢了「≥」", "补上比较符号", 'a lost "≥"'],
    ["≥800%", true, "可能多打了一位数字", "删去多打的数字", "a digit too many"],
  ])(
    "a rate over 100%% (%s) says a sign may be lost only when it writes none",
    (raw, signed, zh, zhAdvice, en) => {
      const issue = check(withItem(0, { name: "验收合格率", period: raw, annual: raw })).find(
        (i) => i.rule === "suspicious-value",
      )!;
      expect(issue.details.signWritten).toBe(signed);
      expect(messagesFor("zh-CN").issues["suspicious-value"](issue)).toContain(zh);
      expect(messagesFor("zh-CN").advice["suspicious-value"](issue)).toContain(zhAdvice);
      expect(messagesFor("en-US").issues["suspicious-value"](issue)).toContain(en);
    },
  );

  test("missing-value quotes the other field, what was written instead", () => {
    const [issue] = check(withItem(0, { annual: null, period: "1次" })).filter(
      (i) => i.rule === "missing-value",
    );
    expect(issue?.details).toMatchObject({ field: "annual", text: "1次" });
  });

  test("period-is-definition: a value naming the quantity measured, not a target stated in words", () => {
    const definitions = (period: string) =>
      check(withItem(0, { period, annual: "≥3次" })).filter((i) => i.rule === "period-is-definition").length;
    expect(definitions("一年内到用户单位回访的次数")).toBe(1);
    expect(definitions("出现故障到维护人员响应的的时间")).toBe(1);
    expect(definitions("结算中心口所有核算单位数")).toBe(1);
    expect(definitions("实际完成的工作量/计划完成的工作量")).toBe(1);
    expect(definitions("保证微易报销系统数据与“数字政府”公共财政综合管理平台数据的一致性")).toBe(0);
    expect(definitions("提升服务效率")).toBe(0);
    expect(definitions("有所提升")).toBe(0);
  });

  test("duplicate-project: the same name twice under one unit, at the second name cell", () => {
    const parsed = table({
      units: [
        {
          row: 11,
          name: "甲",
          amounts: {},
          projects: [
            { row: 12, name: "印刷经费" },
            { row: 13, name: "印刷 经费" },
          ],
        },
        { row: 14, name: "乙", amounts: {}, projects: [{ row: 15, name: "印刷经费" }] },
      ],
    });
    expect(checkIndicators(parsed)).toMatchObject([
      {
        rule: "duplicate-project",
        severity: "warning",
        cell: "A13",
        details: { project: "印刷 经费", unit: "甲" },
      },
    ]);
  });

  test("empty-project: a project without indicators is an error at its indicator cell, and nothing else", () => {
    expect(check([])).toEqual([
      {
        rule: "empty-project",
        severity: "error",
        row: 12,
        column: "G",
        cell: "G12",
        about: { projectIndex: 0 },
        details: { project: "项目" },
      },
    ]);
  });

  test("property: never throws, and every issue points at a cell of the project or item it is about", () => {
    const text = fc.oneof(
      fc.constantFrom("3次", "合规", "≥95%", "292%", "XX", "20-35次", "35-20次", "", "  ", "100"),
      fc.string({ maxLength: 6 }),
    );
    const level = fc.oneof(
      fc.constant(null),
      fc.constantFrom("1-产出指标", "2-效益指标", "3-满意度指标", "效益指标", "成本指标", "乱写"),
      fc.string({ maxLength: 5 }),
    );
    const level2 = fc.oneof(
      fc.constant(null),
      fc.constantFrom("11-数量指标", "22-社会效益", "31-服务对象满意度", "数量指标", "41-数量指标"),
      fc.string({ maxLength: 5 }),
    );
    const spec = fc.record({
      seq: fc.oneof(fc.constant(null), fc.integer({ min: -2, max: 30 })),
      l1: level,
      l2: level2,
      name: fc.string({ maxLength: 8 }),
      period: fc.oneof(fc.constant(null), text),
      annual: fc.oneof(fc.constant(null), text),
    });
    fc.assert(
      fc.property(fc.array(fc.array(spec, { maxLength: 8 }), { maxLength: 4 }), (projects) => {
        const parsed = table({ projects: projects.map((items, i) => ({ row: 12 + i, items })) });
        for (const issue of checkIndicators(parsed)) {
          expect(issue.row).not.toBeNull();
          expect([`G${issue.row}`, `A${issue.row}`]).toContain(issue.cell);
          const project = parsed.projects[issue.about!.projectIndex]!;
          expect(project.row).toBe(issue.row);
          const itemIndex = issue.about!.itemIndex;
          if (itemIndex !== undefined) expect(project.indicators[itemIndex]!.cell).toBe(issue.cell);
        }
      }),
      { numRuns: 300 },
    );
  });
});
