import {
  frameworkCode,
  isLegacySatisfactionUnderOutcome,
  level2BelongsTo,
  mapLevel,
  matchLevelLabel,
} from "../../src/core/split/map-level";

describe("mapLevel: level-1 labels", () => {
  test.each([
    ["1-产出指标", "1", "产出指标", "1"],
    ["产出指标", "1", "产出指标", null],
    ["产出", "1", "产出指标", null],
    ["预期产出指标", "1", "产出指标", null],
    ["项目完成指标", "1", "产出指标", null],
    ["产出指标(50分)", "1", "产出指标", null],
    ["产出指标（30分）", "1", "产出指标", null],
    ["2-效益指标", "2", "效益指标", "2"],
    ["效果指标", "2", "效益指标", null],
    ["3-满意度指标", "3", "满意度指标", "3"],
    ["满意度", "3", "满意度指标", null],
    ["成本指标", "4", "成本指标", null],
    ["9-其他指标", "9", null, "9"],
    ["杂项", null, null, null],
    // Outline numbering and the kind named with 类.
    ["一、产出指标", "1", "产出指标", null],
    ["（二）效益指标", "2", "效益指标", null],
    ["产出类", "1", "产出指标", null],
    ["效益类指标", "2", "效益指标", null],
  ])("%j → code %p name %p writtenCode %p", (written, code, name, writtenCode) => {
    expect(mapLevel(written, 1)).toEqual({ code, name, written, writtenCode });
  });
});

describe("mapLevel: level-2 labels", () => {
  test.each([
    ["11-数量指标", "11", "数量指标"],
    ["数量指标", "11", "数量指标"],
    ["12-质量指标", "12", "质量指标"],
    ["13-时效指标", "13", "时效指标"],
    ["14-成本指标", "14", "成本指标"],
    ["21-经济效益", "21", "经济效益指标"],
    ["社会效益", "22", "社会效益指标"],
    ["社会效益指标", "22", "社会效益指标"],
    ["23-生态效益", "23", "生态效益指标"],
    ["24-可持续影响", "24", "可持续影响指标"],
    ["31-服务对象满意度", "31", "服务对象满意度指标"],
    ["社会公众或服务对象满意度指标", "31", "服务对象满意度指标"],
    ["经济成本指标", "41", "经济成本指标"],
    ["社会成本", "42", "社会成本指标"],
    ["生态环境成本指标", "43", "生态环境成本指标"],
    ["①数量指标", "11", "数量指标"],
    ["时效性指标", "13", "时效指标"],
    ["可持续发展指标", "24", "可持续影响指标"],
    ["社会公众满意度", "31", "服务对象满意度指标"],
  ])("%j → %p %p", (written, code, name) => {
    expect(mapLevel(written, 2)).toMatchObject({ code, name, written });
  });

  test("a written code that disagrees with the name is kept as written (the checks compare)", () => {
    expect(mapLevel("12-数量指标", 2)).toEqual({
      code: "12",
      name: "数量指标",
      written: "12-数量指标",
      writtenCode: "12",
    });
    expect(frameworkCode("数量指标", 2)).toBe("11");
  });
});

describe("level2BelongsTo", () => {
  test.each([
    ["1", "11", true],
    ["1", "14", true],
    ["2", "22", true],
    ["3", "31", true],
    ["4", "41", true],
    ["2", "31", false],
    ["1", "21", false],
    ["9", "91", false],
  ])("(%p, %p) → %p", (l1, l2, expected) => expect(level2BelongsTo(l1, l2)).toBe(expected));

  test("the legacy 社会公众或服务对象满意度指标 under 效益 is recognised as legacy, 31-服务对象满意度 is not", () => {
    const outcome = mapLevel("2-效益指标", 1);
    expect(isLegacySatisfactionUnderOutcome(outcome, mapLevel("社会公众或服务对象满意度指标", 2))).toBe(true);
    expect(isLegacySatisfactionUnderOutcome(outcome, mapLevel("31-服务对象满意度", 2))).toBe(false);
  });
});

describe("matchLevelLabel", () => {
  test.each([
    ["1-产出指标：11-数量指标：", 0, 1, 6],
    ["产出指标:数量", 0, 1, 4],
    ["产出指标(50分)：", 0, 1, 9],
    ["产出：", 0, 1, 2],
    ["产出指标", 0, 1, -1],
    ["视频会、现场会", 0, 1, -1],
    ["x11-数量指标：报废", 1, 2, 8],
    ["31-服务对象满意度：", 0, 2, 10],
    ["报废小车数量；", 0, 2, -1],
  ])("%j at %p (level %p) → colon at %p", (text, pos, depth, expected) => {
    expect(matchLevelLabel(text, pos, depth as 1 | 2)).toBe(expected);
  });

  test("unknown coded labels count only when asked and only with a dash", () => {
    expect(matchLevelLabel("1-产出类：", 0, 1)).toBe(-1);
    expect(matchLevelLabel("1-产出类：", 0, 1, true)).toBe(5);
    expect(matchLevelLabel("12345热线：", 0, 1, true)).toBe(-1);
  });
});
