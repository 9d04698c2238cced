import { damagedRateInText, probableRate } from "../../src/core/check/damaged-rates";

describe("probableRate: what a rate above 100 probably was", () => {
  test.each([
    ["292", false, true, "≥92%"], // a ≥ read as 2
    ["2100", false, true, "≥100%"],
    ["985", true, true, "≥98%"], // a score glued after it, the text says 以上
    ["985", false, true, "98%"],
    ["210010", false, false, "≥100"], // both: ≥ read as 2, then 100 and a score of 10
    ["120", false, true, null], // 12% is no plausible target: nothing is guessed
    ["1000", false, true, "100%"],
  ])("%s (lower bound %s) → %s", (digits, lower, percent, expected) => {
    expect(probableRate(digits, lower, percent)).toBe(expected);
  });
});

describe("damagedRateInText: a percentage above 100 inside a sentence about a rate", () => {
  test.each([
    ["完成率达985%以上。", "任务完成", { fragment: "985%", probable: "≥98%" }],
    ["群众满意度不低于 297 ％", "满意度", { fragment: "297 ％", probable: "≥97%" }],
    ["验收合格、使用率达到150%", "设备", { fragment: "150%", probable: null }],
  ])("%s is damaged", (text, name, expected) => {
    expect(damagedRateInText(text, name)).toEqual(expected);
  });

  test.each([
    ["收入同比增长150%", "收入增长率"], // growth may pass 100
    ["成本控制在预算的120%以内", "成本控制率"], // a cap
    ["≤120%", "成本率"],
    ["完成率达98%以上", "完成率"], // right
    ["接待150%的人次", "接待人次"], // no rate in sight
  ])("%s is left alone", (text, name) => {
    expect(damagedRateInText(text, name)).toBeNull();
  });
});
