import fc from "fast-check";
import { splitIndicators, traceSpans } from "../../src/core/split/split-indicators";
import { splitWellFormedItems } from "../../src/core/split/split-well-formed-items";

const ITEM = "1、1-产出指标：11-数量指标：报废小车数量；实施周期指标值：1；年度指标值：1。";

/** The general scanner's items (traceSpans takes no shortcut). */
function scannerItems(text: string) {
  return traceSpans(text).items;
}

describe("splitWellFormedItems: which cells it reads", () => {
  test.each<[string, string]>([
    ["the sample's plain item", ITEM],
    [
      "two items, half-width separators",
      ITEM + "2、产出指标:数量指标:会务次数;实施周期指标值:≥95%;年度指标值:0.5小时以内.",
    ],
    [
      "decimals and PM2.5 in names and values",
      "1、1-产出指标：12-质量指标：PM2.5达标率；实施周期指标值：99.5%；年度指标值：4.5万份。",
    ],
    [
      "a name with 、 and （%）",
      "1、产出指标：数量指标：视频会、现场会（%）；实施周期指标值：100；年度指标值：100。",
    ],
    [
      "a weight and an unknown coded label",
      "1、产出指标(50分)：1-其他类：A；实施周期指标值：1；年度指标值：1。",
    ],
    ["empty values", "1、产出指标：数量指标：A；实施周期指标值：；年度指标值：。"],
  ])("%s: read, and the same items as the scanner", (_, text) => {
    const fast = splitWellFormedItems(text);
    expect(fast).not.toBeNull();
    expect(fast).toEqual(scannerItems(text));
  });

  test.each<[string, string]>([
    ["an empty cell", ""],
    ["markup", `<p>${ITEM}</p>`],
    ["a space between items", `${ITEM} ${ITEM.replace("1、", "2、")}`],
    [
      "a `；` inside a value",
      "1、产出指标：数量指标：A；实施周期指标值：满意，得满分；基本满意；年度指标值：1。",
    ],
    ["a missing 年度指标值", "1、产出指标：质量指标：维保按时完成质量；实施周期指标值：及时。"],
    ["text before the first item", `见附件${ITEM}`],
    ["a level-2 that is not a label", "1、产出指标：报废小车数量：A；实施周期指标值：1；年度指标值：1。"],
    ["a name ending in `，`", "1、产出指标：数量指标：A，；实施周期指标值：1；年度指标值：1。"],
    [
      "a value label inside the name",
      "1、产出指标：数量指标：A年度指标值；实施周期指标值：1；年度指标值：1。",
    ],
    [
      "`digits、` after a point in a value",
      "1、产出指标：数量指标：A；实施周期指标值：1.2、3；年度指标值：1。",
    ],
    [
      "a level-1 after a point in the name",
      "1、产出指标：数量指标：A.产出；实施周期指标值：1；年度指标值：1。",
    ],
    ["five-digit item number", "12345、产出指标：数量指标：A；实施周期指标值：1；年度指标值：1。"],
  ])("%s: left to the scanner", (_, text) => {
    expect(splitWellFormedItems(text)).toBeNull();
  });
});

/*
 * Items built from pieces that are usually well formed and sometimes each of the things the fast path must
 * refuse, so that both outcomes occur often.
 */
const pick = (...options: string[]) => fc.constantFrom(...options);
/** Mostly a piece the fast path takes, sometimes one it must refuse (or one that looks like it should). */
const mostly = (usual: string[], tricky: string[]) =>
  fc.oneof({ arbitrary: pick(...usual), weight: 12 }, { arbitrary: pick(...tricky), weight: 1 });
const colon = mostly(["：", ":"], ["："]);
const item = fc
  .record({
    seq: mostly(["1、", "2、", "12、", "0012、"], ["12345、", "1.", "2．", "（1）", "(2)", "①", "3."]),
    level1: mostly(
      [
        "1-产出指标",
        "产出指标",
        "产出指标(50分)",
        "2-效益指标",
        "效益",
        "3-满意度指标",
        "1.产出指标",
        "1-产出类",
      ],
      ["产出指标（", "报废", "社会公众或服务对象满意度指标"],
    ),
    level2: mostly(
      ["11-数量指标", "数量指标", "13-时效指标", "22-社会效益", "31-服务对象满意度", "1-其他", "成本指标"],
      ["14.成本指标", "21-年度指标值", "报废小车数量"],
    ),
    name: mostly(
      [
        "报废小车数量",
        "视频会、现场会",
        "目标群体满意率（%）",
        "PM2.5达标率",
        "",
        "2.5G网络覆盖",
        "满意度",
        "产出指标",
      ],
      ["x.产出", "完成率，", "名年度指标值", "A.1、B", "x.（1）产出", "x.1-产出", "A.①B", "x.2.产出"],
    ),
    sep1: mostly(["；", ";", "："], ["，"]),
    period: mostly(
      ["1", "≥95%", "20-35次", "0.5小时以内", "99.5%", "", "实际完成的工作量/计划完成的工作量", "及时"],
      ["满意，得满分；基本满意", "1.2、x", "100%，", "年度指标值：5", "1.(2)1-产", "5.①1-产"],
    ),
    sep2: pick("；", ";"),
    annual: mostly(["1", "≥95%", "大于95", "", "4.5万份", "及时"], ["1.2、1-产出指标", "100%；", "好。"]),
    end: mostly(["。", "."], ["", "。 "]),
    c1: colon,
    c2: colon,
    c3: colon,
  })
  .map(
    (p) =>
      `${p.seq}${p.level1}${p.c1}${p.level2}${p.c2}${p.name}${p.sep1}实施周期指标值${p.c3}${p.period}${p.sep2}` +
      `年度指标值${p.c3}${p.annual}${p.end}`,
  );
const cell = fc
  .tuple(fc.array(item, { minLength: 1, maxLength: 5 }), mostly([""], ["见附件", "<p>", "1"]))
  .map(([items, prefix]) => prefix + items.join(""));

describe("splitWellFormedItems: the same items as the scanner", () => {
  test("whenever the fast path answers, its items equal the scanner's (and it answers often)", () => {
    let answered = 0;
    let refused = 0;
    fc.assert(
      fc.property(cell, (text) => {
        const fast = splitWellFormedItems(text);
        if (fast === null) {
          refused++;
          return;
        }
        answered++;
        expect(fast).toEqual(scannerItems(text));
      }),
      { numRuns: 3000 },
    );
    // Both outcomes must be exercised, or this test proves nothing.
    expect(answered).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(100);
  });

  test("splitIndicators (shortcuts first) gives what the scanner alone gives, in both modes, for any cell", () => {
    const goalProse = fc
      .array(
        pick(
          "提高",
          "1 、产出指标：",
          "1.产出指标：",
          "（2）效益指标：",
          "①产出指标：",
          "5.5%",
          "（含",
          "。2\u3000、1-产出指标：",
          "、",
          "1",
          "2、",
          " ",
          "\u00a0",
          "\u3000",
          "\u200b",
          "\u2000",
          "<p>",
          "&nbsp;",
          "。",
          "A B",
        ),
        {
          maxLength: 20,
        },
      )
      .map((parts) => parts.join(""));
    fc.assert(
      fc.property(
        fc.oneof(cell, goalProse, fc.string({ maxLength: 200 })),
        pick("indicators", "goal"),
        (text, m) => {
          const mode = m as "indicators" | "goal";
          const quick = splitIndicators(text, { mode });
          const full = traceSpans(text, { mode });
          expect(quick.items).toEqual(full.items);
          expect(quick.unparsed).toEqual(full.unparsed);
          expect(quick.markup).toEqual(full.markup);
          expect(quick.goal).toBe(full.goal);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
