import { parseValue } from "../../src/core/split/parse-value";

type Case = [raw: string, op: string, value: number | null, upper: number | null, unit: string | null];

describe("parseValue: DOMAIN.md's table", () => {
  test.each<Case>([
    ["≥95%", ">=", 95, null, "%"],
    ["≥ 90 ％", ">=", 90, null, "%"],
    // Estimates and rates per period.
    ["约2000人", "=", 2000, null, "人"],
    ["预计100户", "=", 100, null, "户"],
    ["30人左右", "=", 30, null, "人"],
    ["每月1次", "=", 1, null, "次/月"],
    ["每季度不少于2次", ">=", 2, null, "次/季度"],
    ["100 人", "=", 100, null, "人"],
    ["＞＝95%", ">=", 95, null, "%"],
    [">=95%", ">=", 95, null, "%"],
    ["不低于95%", ">=", 95, null, "%"],
    ["不少于95%", ">=", 95, null, "%"],
    ["95%以上", ">=", 95, null, "%"],
    ["至少95%", ">=", 95, null, "%"],
    ["不少于2000次", ">=", 2000, null, "次"],
    ["≤0%", "<=", 0, null, "%"],
    ["不高于5%", "<=", 5, null, "%"],
    ["不超过3天", "<=", 3, null, "天"],
    ["0.5小时以内", "<=", 0.5, null, "小时"],
    ["5%以下", "<=", 5, null, "%"],
    ["大于99%", ">", 99, null, "%"],
    ["＞99%", ">", 99, null, "%"],
    [">99%", ">", 99, null, "%"],
    ["高于80%", ">", 80, null, "%"],
    ["超过10人", ">", 10, null, "人"],
    ["小于5%", "<", 5, null, "%"],
    ["低于5%", "<", 5, null, "%"],
    ["＜5%", "<", 5, null, "%"],
    ["36人", "=", 36, null, "人"],
    ["3000元/人", "=", 3000, null, "元/人"],
    ["20万份", "=", 20, null, "万份"],
    ["4.5万份", "=", 4.5, null, "万份"],
    ["1季度", "=", 1, null, "季度"],
    ["=100%", "=", 100, null, "%"],
    ["＝100%", "=", 100, null, "%"],
    ["﹦100%", "=", 100, null, "%"],
    ["⩾90%", ">=", 90, null, "%"],
    ["⩽5%", "<=", 5, null, "%"],
    ["１００％", "=", 100, null, "%"],
    ["2,000次", "=", 2000, null, "次"],
    ["1", "=", 1, null, null],
    ["39", "=", 39, null, null],
    ["20-35次", "range", 20, 35, "次"],
    ["20～35次", "range", 20, 35, "次"],
    ["20至35次", "range", 20, 35, "次"],
    ["20次-35次", "range", 20, 35, "次"],
    ["20 - 35 次", "range", 20, 35, "次"],
    ["合法合规", "text", null, null, null],
    ["约定俗成", "text", null, null, null],
    ["每月", "text", null, null, null],
    ["有所改善", "text", null, null, null],
    ["长期", "text", null, null, null],
    ["及时", "text", null, null, null],
    ["通过", "text", null, null, null],
    ["不高于市场价格", "text", null, null, null],
    ["总费用支出低于年初预算", "text", null, null, null],
    ["绿化率90%", "text", null, null, null],
    ["不高于去年购买价格10%", "text", null, null, null],
    ["实际完成的工作量/计划完成的工作量", "text", null, null, null],
    ["满意，得满分；基本满意，部分得分；不满意，不得分", "text", null, null, null],
    ["XX", "text", null, null, null],
    ["", "text", null, null, null],
  ])("%j → %s %p..%p %p", (raw, op, value, upper, unit) => {
    expect(parseValue(raw, "报废小车数量")).toEqual({ op, value, upper, unit, raw });
  });

  test("damaged values are read as written, not repaired: 292% stays 292", () => {
    expect(parseValue("292%", "资金完成率")).toMatchObject({ op: "=", value: 292, unit: "%" });
  });
});

describe("parseValue: a bare number takes % from a name ending in （%）", () => {
  test.each([
    ["大于95", "目标群体满意率（%）", ">", 95, "%"],
    ["100", "验收合格率（%）", "=", 100, "%"],
    ["100", "验收合格率(%)", "=", 100, "%"],
    ["100", "验收合格率", "=", 100, null],
    ["20万份", "提供午餐数量（万份）", "=", 20, "万份"],
  ])("%j under %j → %s %p %p", (raw, name, op, value, unit) => {
    expect(parseValue(raw, name)).toMatchObject({ op, value, unit });
  });
});
