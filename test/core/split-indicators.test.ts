import fc from "fast-check";
import { splitIndicators, traceSpans } from "../../src/core/split/split-indicators";

const ROW12_ITEM1 = "1、1-产出指标：11-数量指标：报废小车数量；实施周期指标值：1；年度指标值：1。";

/** The fields of each item, for compact expectations. */
function fields(text: string, mode: "indicators" | "goal" = "indicators") {
  return splitIndicators(text, { mode }).items.map((i) => [
    i.seq,
    i.level1?.code ?? null,
    i.level2?.code ?? null,
    i.name,
    i.periodValue,
    i.annualValue,
  ]);
}

describe("splitIndicators: items and fields", () => {
  test("DESIGN.md's example (sample row 12, item 1)", () => {
    const [item] = splitIndicators(ROW12_ITEM1).items;
    expect(item).toEqual({
      start: 0,
      end: ROW12_ITEM1.length,
      seq: 1,
      level1: { code: "1", name: "产出指标", written: "1-产出指标", writtenCode: "1" },
      level2: { code: "11", name: "数量指标", written: "11-数量指标", writtenCode: "11" },
      name: "报废小车数量",
      periodValue: "1",
      annualValue: "1",
      raw: ROW12_ITEM1,
    });
  });

  test.each<[string, string, (string | number | null)[][]]>([
    [
      "two items, full-width",
      "1、1-产出指标：11-数量指标：A；实施周期指标值：1；年度指标值：2。2、2-效益指标：22-社会效益：B；实施周期指标值：有所改善；年度指标值：有所改善。",
      [
        [1, "1", "11", "A", "1", "2"],
        [2, "2", "22", "B", "有所改善", "有所改善"],
      ],
    ],
    [
      "half-width : ; and .",
      "1、1-产出指标:11-数量指标:A;实施周期指标值:4.5万份;年度指标值:4.5万份.2、1-产出指标:13-时效指标:B(%);实施周期指标值:100;年度指标值:100.",
      [
        [1, "1", "11", "A", "4.5万份", "4.5万份"],
        [2, "1", "13", "B(%)", "100", "100"],
      ],
    ],
    [
      "missing codes",
      "1、产出指标：数量指标：A；实施周期指标值：1；年度指标值：1。2、效益：社会效益：B；实施周期指标值：好；年度指标值：好。",
      [
        [1, "1", "11", "A", "1", "1"],
        [2, "2", "22", "B", "好", "好"],
      ],
    ],
    [
      "item names with 、 and （%）, values with ； and ，",
      "1、1-产出指标：11-数量指标：视频会、现场会等会务保障次数（%）；实施周期指标值：满意，得满分；基本满意，部分得分；年度指标值：满意，得满分；不满意，不得分。",
      [
        [
          1,
          "1",
          "11",
          "视频会、现场会等会务保障次数（%）",
          "满意，得满分；基本满意，部分得分",
          "满意，得满分；不满意，不得分",
        ],
      ],
    ],
    [
      "a missing 年度指标值",
      "3、1-产出指标：12-质量指标：维保按时完成质量；实施周期指标值:保障正常。4、1-产出指标：13-时效指标：C；实施周期指标值:≥95%；年度指标值:≥95%。",
      [
        [3, "1", "12", "维保按时完成质量", "保障正常", null],
        [4, "1", "13", "C", "≥95%", "≥95%"],
      ],
    ],
    [
      "`：` before 实施周期指标值, and markup inside an item",
      "<p>6、2-效益指标：31-服务对象满意度：使用单位满意度</p> <p>：实施周期指标值：X；年度指标值：满意。</p>",
      [[6, "2", "31", "使用单位满意度", "X", "满意"]],
    ],
    [
      "NBSP, U+3000 and line breaks between and inside items",
      "1、\u00a01-产出指标：11-数量\u3000指标：报废 小车数量；实施周期指标值：1；年度指标值：1。\n2、1-产出指标：11-数量指标：B；实施周期指标值：2；年度指标值：2。",
      [
        [1, "1", "11", "报废小车数量", "1", "1"],
        [2, "1", "11", "B", "2", "2"],
      ],
    ],
    [
      "weights in labels and legacy labels",
      "1、产出指标(50分)：数量指标：A；实施周期指标值：1；年度指标值：1。2、效果指标：社会公众或服务对象满意度指标：B；实施周期指标值：≥90%；年度指标值：≥90%。",
      [
        [1, "1", "11", "A", "1", "1"],
        [2, "2", "31", "B", "≥90%", "≥90%"],
      ],
    ],
    [
      "a number followed by 、 inside a name does not start an item",
      "1、1-产出指标：11-数量指标：区委407、411会议室数量；实施周期指标值：2间；年度指标值：2间。",
      [[1, "1", "11", "区委407、411会议室数量", "2间", "2间"]],
    ],
    [
      "items numbered `1.` and `1．`; `1.1-产出指标` is item 1 with the level 1-产出指标",
      "1.1-产出指标：11-数量指标：A；实施周期指标值：1；年度指标值：1。2．产出指标：质量指标：B；实施周期指标值：好；年度指标值：好。",
      [
        [1, "1", "11", "A", "1", "1"],
        [2, "1", "12", "B", "好", "好"],
      ],
    ],
    [
      "items numbered （1） and (2)",
      "（1）产出指标：数量指标：A；年度指标值：3台；(2)效益指标：社会效益指标：B；年度指标值：提升。",
      [
        [1, "1", "11", "A", null, "3台"],
        [2, "2", "22", "B", null, "提升"],
      ],
    ],
    [
      "items numbered ① ②",
      "①产出指标：数量指标：A；实施周期指标值：1；年度指标值：1。②1-产出指标：13-时效指标：B；实施周期指标值：及时；年度指标值：及时。",
      [
        [1, "1", "11", "A", "1", "1"],
        [2, "1", "13", "B", "及时", "及时"],
      ],
    ],
    [
      "items separated only by line breaks, after a numeric value too",
      "1、产出指标：数量指标：A；年度指标值：100\n2、产出指标：数量指标：B；年度指标值：2.5\r\n3.效益指标：社会效益：C；年度指标值：提升",
      [
        [1, "1", "11", "A", null, "100"],
        [2, "1", "11", "B", null, "2.5"],
        [3, "2", "22", "C", null, "提升"],
      ],
    ],
    [
      "a decimal value followed by `。` is not an item number",
      "1、产出指标：数量指标：A；年度指标值：1.2。2.产出指标：数量指标：B；年度指标值：3。",
      [
        [1, "1", "11", "A", null, "1.2"],
        [2, "1", "11", "B", null, "3"],
      ],
    ],
    [
      "no value label: the value after the name's colon is this year's",
      "1、产出指标：数量指标：购置台数：≥20台；2、效益指标：社会效益指标：服务能力：提升。3、产出指标：时效：完成时间:2024年12月",
      [
        [1, "1", "11", "购置台数", null, "≥20台"],
        [2, "2", "22", "服务能力", null, "提升"],
        [3, "1", "13", "完成时间", null, "2024年12月"],
      ],
    ],
    [
      "a value label of another wording (指标值, 目标值)",
      "1、产出指标：数量指标：购置台数；指标值：≥20台。2、产出指标：质量指标：合格率，年度目标值：100%。",
      [
        [1, "1", "11", "购置台数", null, "≥20台"],
        [2, "1", "12", "合格率", null, "100%"],
      ],
    ],
    [
      "items led by their level-2, each value straight after its name",
      "数量指标：购置台数≥20台；质量指标：验收合格率100%；时效指标：按时完成；社会效益指标：群众满意度不低于90%",
      [
        [null, "1", "11", "购置台数", null, "≥20台"],
        [null, "1", "12", "验收合格率", null, "100%"],
        [null, "1", "13", "按时完成", null, null],
        [null, "2", "22", "群众满意度", null, "不低于90%"],
      ],
    ],
    [
      "an item led by 服务对象满意度指标 (a level-2's own name, a level-1 only as an old alias) is that level-2",
      "数量指标：签约人数≥5000人；服务对象满意度指标：签约居民满意度≥85%。满意度指标：满意度≥90%",
      [
        [null, "1", "11", "签约人数", null, "≥5000人"],
        [null, "3", "31", "签约居民满意度", null, "≥85%"],
        [null, "3", null, "满意度", null, "≥90%"],
      ],
    ],
    [
      "a qualitative target straight after its name, a degree word then a change (有所提升); 能力提升 alone is a name",
      "社会效益指标：群众就医便利程度有所提升；可持续影响指标：服务能力进一步增强；社会效益指标：能力提升",
      [
        [null, "2", "22", "群众就医便利程度", null, "有所提升"],
        [null, "2", "24", "服务能力", null, "进一步增强"],
        [null, "2", "22", "能力提升", null, null],
      ],
    ],
    [
      "numbered items led by their level-2; a comparison inside brackets is part of the name",
      "1.数量指标：培训人数≥100人；2.质量指标：培训班数（≥3人）",
      [
        [1, "1", "11", "培训人数", null, "≥100人"],
        [2, "1", "12", "培训班数（≥3人）", null, null],
      ],
    ],
    [
      "a level-1 item with level-2 groups after `；`, values glued to names",
      "产出指标：数量指标：培训人数≥100人；质量指标：合格率≥95%。效益指标：社会效益指标：就业人数200人",
      [
        [null, "1", "11", "培训人数", null, "≥100人"],
        [null, "1", "12", "合格率", null, "≥95%"],
        [null, "2", "22", "就业人数", null, "200人"],
      ],
    ],
    [
      "a path of levels joined by dashes, the value after a colon",
      "1.产出指标-数量指标-购置台数:≥20台；2.效益指标—社会效益指标—服务能力：提升；3.满意度指标-服务对象满意度指标-满意度:≥90%",
      [
        [1, "1", "11", "购置台数", null, "≥20台"],
        [2, "2", "22", "服务能力", null, "提升"],
        [3, "3", "31", "满意度", null, "≥90%"],
      ],
    ],
    [
      "a level-1 written alone as a heading over its level-2s, one a line: no item itself",
      "产出指标：\n数量指标：购置台数 20台\n质量指标：验收合格率≥95%\n满意度指标：\n服务对象满意度指标：满意度≥90%",
      [
        [null, "1", "11", "购置台数", null, "20台"],
        [null, "1", "12", "验收合格率", null, "≥95%"],
        [null, "3", "31", "满意度", null, "≥90%"],
      ],
    ],
    [
      "a qualitative target a blank parts from its name; a name a blank cuts stays whole",
      "1、效益指标：社会效益指标：服务能力 提升。2、效益指标：社会效益指标：村容村貌　明显改善。3、产出指标：质量指标：屠宰率 及检疫率",
      [
        [1, "2", "22", "服务能力", null, "提升"],
        [2, "2", "22", "村容村貌", null, "明显改善"],
        [3, "1", "12", "屠宰率及检疫率", null, null],
      ],
    ],
    [
      "no value at all stays without one (a colon at the end is no value)",
      "1、产出指标：数量指标：购置台数。2、产出指标：数量指标：培训人数：",
      [
        [1, "1", "11", "购置台数", null, null],
        [2, "1", "11", "培训人数", null, null],
      ],
    ],
  ])("%s", (_label, text, expected) => {
    const result = splitIndicators(text);
    expect(result.unparsed).toEqual([]);
    expect(fields(text)).toEqual(expected);
  });

  test("text before the first item is unparsed and quoted as written", () => {
    const result = splitIndicators("见附件 " + ROW12_ITEM1);
    expect(result.items).toHaveLength(1);
    expect(result.unparsed).toEqual([{ start: 0, end: 3, text: "见附件" }]);
  });

  test("text with no item at all is wholly unparsed", () => {
    const result = splitIndicators("报废小车数量1辆");
    expect(result.items).toEqual([]);
    expect(result.unparsed.map((u) => u.text)).toEqual(["报废小车数量1辆"]);
  });

  test("markup runs are reported (adjacent ones as one run)", () => {
    const result = splitIndicators("<p>" + ROW12_ITEM1 + "</p>&nbsp;");
    expect(result.markup.map((m) => [m.start, m.end])).toEqual([
      [0, 3],
      [3 + ROW12_ITEM1.length, 13 + ROW12_ITEM1.length],
    ]);
  });
});

describe("splitIndicators: goal mode (the 绩效目标 cell)", () => {
  test("indicators after the goal text are split off; the goal stays without markup", () => {
    const text =
      "<p>完成结算中心代管的39个单位年度预算支出管理、数字财政对接工作。</p> <p>" + ROW12_ITEM1 + "</p>";
    const result = splitIndicators(text, { mode: "goal" });
    expect(result.goal).toBe("完成结算中心代管的39个单位年度预算支出管理、数字财政对接工作。");
    expect(result.items.map((i) => i.name)).toEqual(["报废小车数量"]);
    expect(result.unparsed).toEqual([]);
  });

  test("a goal right after `。` also splits", () => {
    expect(fields("更新一辆公务用车。" + ROW12_ITEM1, "goal")).toEqual([
      [1, "1", "11", "报废小车数量", "1", "1"],
    ]);
  });

  test("plain goal prose is never split, even when it names a level", () => {
    const text = "1、产出指标方面：完成采购。效益指标：提升效率。";
    const result = splitIndicators(text, { mode: "goal" });
    expect(result.items).toEqual([]);
    expect(result.goal).toBe(text);
  });
});

/** Pieces of the grammar and of real damage, so random texts come close to real cells. */
const FRAGMENTS = [
  "1、",
  "12、",
  "1-产出指标",
  "产出指标",
  "2-效益指标",
  "11-数量指标",
  "31-服务对象满意度",
  "：",
  ":",
  "；",
  ";",
  "。",
  ".",
  "实施周期指标值",
  "年度指标值",
  "≥95%",
  "20-35次",
  "报废小车数量",
  "视频会、现场会",
  "（%）",
  "<p>",
  "</p>",
  "<br/>",
  "&nbsp;",
  "&",
  "<",
  " ",
  "\u00a0",
  "\u3000",
  "\n",
  "满意，得满分；",
];
const gramarText = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 60 }).map((parts) => parts.join(""));
const anyText = fc.oneof(
  gramarText,
  fc.string({ maxLength: 200 }),
  fc.string({ unit: "binary", maxLength: 200 }),
);

describe("splitIndicators: nothing lost", () => {
  test("concatenating the spans gives back the text, and the spans tile it in order", () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom("indicators", "goal"), (text, mode) => {
        const { spans } = traceSpans(text, { mode: mode as "indicators" | "goal" });
        expect(spans.map((s) => s.text).join("")).toBe(text);
        let at = 0;
        for (const span of spans) {
          expect(span.start).toBe(at);
          expect(span.end).toBeGreaterThan(span.start);
          expect(text.slice(span.start, span.end)).toBe(span.text);
          at = span.end;
        }
      }),
      { numRuns: 500 },
    );
  });

  test("every item's raw text is a piece of the cell, and items come in order", () => {
    fc.assert(
      fc.property(gramarText, (text) => {
        const { items } = splitIndicators(text);
        let at = 0;
        for (const item of items) {
          expect(item.start).toBeGreaterThanOrEqual(at);
          expect(text.slice(item.start, item.end)).toBe(item.raw);
          at = item.end;
        }
      }),
      { numRuns: 300 },
    );
  });

  test("a 1 MB cell of junk is split without trouble (speed is measured in npm run bench)", () => {
    const junk = [
      "1、".repeat(50_000),
      "1-产出指标：".repeat(20_000),
      "实施周期指标值".repeat(20_000),
      "<p".repeat(50_000),
      "&#".repeat(50_000),
      "1".repeat(200_000),
      "\u3000".repeat(100_000),
      ROW12_ITEM1.repeat(5_000),
    ].join("");
    expect(junk.length).toBeGreaterThan(1_000_000);
    const result = traceSpans(junk);
    expect(result.spans.map((s) => s.text).join("")).toBe(junk);
    // The first copy of the item is glued to the digits before it (no sentence boundary): 4,999 stand alone.
    expect(result.items.length).toBeGreaterThanOrEqual(4_999);
    expect(result.items[result.items.length - 1]?.name).toBe("报废小车数量");
    // The table parser's way in (shortcuts first) reads the same items.
    expect(splitIndicators(junk).items).toEqual(result.items);
  });

  test("a 1 MB cell that the one-regex shortcut starts on and has to give up is read the same", () => {
    // Well-formed items, then a value of a million characters that never ends its item properly.
    const junk =
      ROW12_ITEM1.repeat(1_000) +
      "2、产出指标：数量指标：A；实施周期指标值：1；年度指标值：" +
      "1.".repeat(500_000);
    const quick = splitIndicators(junk);
    expect(quick.items).toEqual(traceSpans(junk).items);
    expect(quick.items).toHaveLength(1_001);
  });
});
