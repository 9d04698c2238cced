/** What changed in one indicator's value between two years, value by value as tables write them. */
import { valueChanges } from "../../src/core/compare/value-change";
import { normalizeUnit, sameQuantity } from "../../src/core/compare/unit-scale";
import { comparableText, textSimilarity } from "../../src/core/compare/similar-text";
import { parseValue } from "../../src/core/split/parse-value";

test.each<[string, string, string[]]>([
  ["≥95%", "95%", ["op-lost"]],
  ["不低于95%", "95%", ["op-lost"]],
  ["≤50万元", "50万元", ["op-lost"]],
  ["≥95", "=95", ["op-changed"]],
  ["≥95%", "≤95%", ["op-changed"]],
  ["≥95%", "＝95%", ["op-changed"]],
  ["20台", "20", ["unit-changed"]],
  ["5人次", "5人", ["unit-changed"]],
  ["≤50万元", "≤500000元", ["unit-changed"]],
  ["2年", "24月", ["unit-changed"]],
  ["30%", "3%", ["magnitude"]],
  ["3%", "30%", ["magnitude"]],
  ["100次", "1000次", ["magnitude"]],
  ["12", "按时完成", ["kind-changed"]],
  ["2024年1月-12月", "12", ["kind-changed"]],
  ["2024-2025", "2024", ["kind-changed"]],
  ["6月30日前", "30", ["kind-changed"]],
  ["6个月", "12个月", []],
  ["≥95%", "≥95%", []],
  ["≥95%", "≥ 95%", []],
  ["95%", "95百分比", []],
  ["≥95%", "≥96%", []],
  ["20-35次", "25-40次", []],
  ["合法合规", "依法合规", []],
  ["95%", "≥95%", ["op-changed"]],
])("%s → %s", (last, current, expected) => {
  expect(valueChanges(parseValue(last, "指标"), parseValue(current, "指标"))).toEqual(expected);
});

test("a unit the parser took from the name is not a unit the value wrote", () => {
  expect(valueChanges(parseValue("95", "验收合格率(%)"), parseValue("95", "验收合格率"))).toEqual([]);
});

test.each<[string | null, string | null]>([
  ["百分比", "%"],
  ["％", "%"],
  [" 个月 ", "月"],
  ["", null],
  [null, null],
  ["台", "台"],
])("unit %s is compared as %s", (unit, expected) => {
  expect(normalizeUnit(unit)).toBe(expected);
});

test.each<[number, string, number, string, boolean]>([
  [50, "万元", 500000, "元", true],
  [2, "年", 24, "月", true],
  [1.5, "吨", 1500, "千克", true],
  [3, "万人次", 30000, "人次", true],
  [15, "亩", 10000, "平方米", true],
  [50, "万元", 50000, "元", false],
  [5, "人", 5, "人次", false],
  [2, "年", 2, "天", false],
])("%s%s is %s%s: %s", (a, ua, b, ub, expected) => {
  expect(sameQuantity(a, ua, b, ub)).toBe(expected);
});

test.each<[string, string, number]>([
  ["验收合格率", "验收合格率", 1],
  ["「验收 合格率」", "验收合格率", 1],
  ["设备购置数量", "设备采购数量", 0.4],
  ["公务用车购置费", "办公楼维修", 0],
])("%s ~ %s = %s", (a, b, expected) => {
  expect(textSimilarity(a, b)).toBeCloseTo(expected, 5);
});

test("full-width letters and digits fold, punctuation goes", () => {
  expect(comparableText("（１）设备购置数量：ＡＢ")).toBe("1设备购置数量AB");
});
