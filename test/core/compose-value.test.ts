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
    ["⩾", "90", "%", "≥90%"], // look-alikes and words in a 计算符号 column
    ["不少于", "3", "个", "≥3个"],
    ["﹦", "100", "%", "100%"],
    ["", "28.8万元", "%", "28.8万元"], // a value with its own unit keeps it (as published under a unit of %)
    ["定性", "应保尽保", "%", "应保尽保"], // text takes no unit
  ])("%j %j %j → %j", (op, value, unit, expected) => {
    expect(composeValue(op, value, unit)).toBe(expected);
  });
});
