import { composeValue } from "../../src/core/split/compose-value";

describe("composeValue: 指标性质 + 指标值 + 计量单位 as one value", () => {
  test.each<[string, string, string, string | null]>([
    ["≥", "20", "台", "≥20台"],
    ["＞＝", "95", "%", "≥95%"],
    ["＝", "100", "%", "100%"],
    ["定性", "提升", "", "提升"],
    ["≤", "2", "小时", "≤2小时"],
    ["", "36", "人", "36人"],
    ["≥", "≥90%", "%", "≥90%"], // a value that carries its comparison and unit keeps them, once
    ["≥", "不低于90", "%", "不低于90%"],
    ["正向", "5", "年", "正向5年"], // an unknown word is kept, not dropped
    ["≥", "", "%", null], // an empty value stays missing
  ])("%j %j %j → %j", (op, value, unit, expected) => {
    expect(composeValue(op, value, unit)).toBe(expected);
  });
});
