import { foldCompatibility, normalizeLabel } from "../../../src/core/locate/normalize-label";
import {
  budgetColumnRole,
  FORM_WORDS,
  GRID_WORDS,
  formRole,
  gridRole,
  horizonOf,
} from "../../../src/core/locate/vocabulary";

describe("normalizeLabel: labels as real tables write them", () => {
  test.each<[string, string, string[]]>([
    ["项目名称", "项目名称", []],
    ["总 体 目 标", "总体目标", []],
    ["产出\n指标", "产出指标", []],
    ["绩\u3000效\u00a0指标", "绩效指标", []],
    ["★项目名称", "项目名称", []],
    ["*指标值", "指标值", []],
    ["*评(扣)分标准", "评分标准", ["扣"]],
    ["项目名称（必填）", "项目名称", []],
    ["一、项目名称", "项目名称", []],
    ["十二、总体目标", "总体目标", []],
    ["1.项目名称", "项目名称", []],
    ["1、资金总额", "资金总额", []],
    ["（一）年度目标", "年度目标", ["一"]],
    ["㈡年度目标", "年度目标", ["二"]],
    ["年度资金总额：", "年度资金总额", []],
    ["年度资金总额:", "年度资金总额", []],
    ["产出指标(50分)", "产出指标", ["50分"]],
    ["项目资金（万元）", "项目资金", ["万元"]],
    ["主管部门(单位)名称及部门预算编码", "主管部门名称及部门预算编码", ["单位"]],
    ["指标值(或计划水平)", "指标值", ["或计划水平"]],
    ["ＡＢＣ１２３：", "ABC123", []],
  ])("%j → %j", (text, key, remarks) => {
    expect(normalizeLabel(text)).toEqual({ key, remarks });
  });

  test.each<[string, string]>([
    ["﹦100%", "=100%"],
    ["＞＝95％", ">=95%"],
    ["①", "1"],
    ["⑵", "(2)"],
    ["㈠", "(一)"],
    ["plain 文字", "plain 文字"],
  ])("fold %j → %j", (text, folded) => {
    expect(foldCompatibility(text)).toBe(folded);
  });
});

describe("formRole: header-block labels", () => {
  test.each<[string, string | null]>([
    ["项目名称", "name"],
    ["专项名称", "name"],
    ["资金名称", "name"],
    ["项目支出名称", "name"],
    ["★项 目 名 称：", "name"],
    ["申 报 项 目 名 称:科学技术研究与开发资金", null],
    ["主管部门及代码", "department"],
    ["主管部门及编码", "department"],
    ["区级主管部门", "department"],
    ["主管部门(单位)名称及部门预算编码", "department"],
    ["实施单位", "unit"],
    ["项目起止时间", "period"],
    ["项目期", "duration"],
    ["项目期限", "duration"],
    ["项目资金 (万元)", "fundBlock"],
    ["资金情况(万元)", "fundBlock"],
    ["年度资金总额:", "total"],
    ["年度资金总额:50万", "total"],
    ["中期预算资金总额", "total"],
    ["项目当年预算(万元)", "total"],
    ["2021年金额", "total"],
    ["其中:财政拨款", "part"],
    ["其中：上级财政补助资金", "part"],
    ["上年结转", "part"],
    ["其他资金", "part"],
    ["地方资金", "part"],
    ["总 体 目 标", "overallGoal"],
    ["中期目标(2023年—2025年)", "midGoal"],
    ["年度目标", "goal"],
    ["*年度总体绩效目标", "goal"],
    ["专项年度 绩效目标", "goal"],
    ["专项长期 绩效目标", "midGoal"],
    ["项目负责人及联系电话", "ignored"],
    ["专项立项 依据", "ignored"],
    ["亳州市气象局", null],
    // Other sources by endings no project name has; a project name ending in 资金 or 补助资金 is no label.
    ["区级资金", "part"],
    ["县本级资金", "part"],
    ["中央财政补助", "part"],
    ["其中：上级补助", "part"],
    ["单位自筹", "part"],
    ["地方政府专项债券", "part"],
    ["上年结余资金", "part"],
    ["本年预算数", "total"],
    ["项目总投资", "total"],
    ["资金来源", "fundBlock"],
    ["科学技术研究与开发资金", null],
    ["残疾人事业发展补助资金", null],
  ])("%j → %s", (text, role) => {
    expect(formRole(text)).toBe(role);
  });
});

describe("gridRole: indicator grid headers", () => {
  test.each<[string, string | null]>([
    ["一级指标", "level1"],
    ["一级 指标", "level1"],
    ["一级", "level1"],
    ["一级目标", "level1"],
    ["二级指标", "level2"],
    ["三级指标", "level3"],
    ["指标内容", "level3"],
    ["指标名称", "level3"],
    ["指标值", "value"],
    ["*指标值", "value"],
    ["年度指标值", "value"],
    ["年度目标值", "value"],
    ["当年预期实现值", "value"],
    ["2024年度指标值", "value"],
    ["实施周期指标值", "period"],
    ["实施周期目标值", "period"],
    ["中期指标值", "period"],
    ["实际完成值", "actual"],
    ["未达到指标值原因", "remark"],
    ["指标性质", "op"],
    ["计算符号", "op"],
    ["指标值类型", "nature"],
    ["度量单位", "measure"],
    ["计量单位", "measure"],
    ["权重(%)", "weight"],
    ["分值", "weight"],
    ["*指标解释", "explanation"],
    ["*评(扣)分标准", "standard"],
    ["备 注", "remark"],
    ["项目名称", null],
    ["年度目标", null],
    ["计划完成值", "value"],
    ["预计完成值", "value"],
    ["考核指标", "level3"],
    // Value headers of wordings the lists miss, read by meaning.
    ["本年预期值", "value"],
    ["预期值", "value"],
    ["计划值", "value"],
    ["上年实际完成值", "actual"],
    ["完成值", "actual"],
    ["中期计划值", "period"],
    ["长期预期值", "period"],
    ["指标解释", "explanation"],
  ])("%j → %s", (text, role) => {
    expect(gridRole(text)).toBe(role);
  });
});

describe("horizonOf: this year's column by meaning", () => {
  test.each<[string, string | null]>([
    ["年度资金总额", "annual"],
    ["当年资金总额", "annual"],
    ["项目当年预算(万元)", "annual"],
    ["2021年金额", "annual"],
    ["年度目标值", "annual"],
    ["当年预期实现值", "annual"],
    ["中期资金总额", "other"],
    ["项目总预算(万元)", "other"],
    ["实施周期目标值", "other"],
    ["上年实际值", "other"],
    ["中期目标(2023年—2025年)", "other"],
    ["资金总额", null],
    ["指标值", null],
  ])("%j → %s", (text, horizon) => {
    expect(horizonOf(text)).toBe(horizon);
  });
});

describe("the vocabulary's lists", () => {
  test("no word stands in two roles of one context", () => {
    for (const words of [FORM_WORDS, GRID_WORDS] as Record<string, readonly string[]>[]) {
      const seen = new Map<string, string>();
      for (const [role, list] of Object.entries(words))
        for (const word of list) {
          expect([word, seen.get(word) ?? role]).toEqual([word, role]);
          seen.set(word, role);
        }
    }
  });

  test("every exact word is recognised as its own role", () => {
    for (const [role, list] of Object.entries(FORM_WORDS))
      for (const word of list.filter((w) => !w.includes("*")))
        expect([word, formRole(word)]).toEqual([word, role]);
    for (const [role, list] of Object.entries(GRID_WORDS))
      for (const word of list.filter((w) => !w.includes("*")))
        expect([word, gridRole(word)]).toEqual([word, role]);
  });
});

describe("budgetColumnRole: one row per project", () => {
  test.each<[string, "string" | "department", string | null]>([
    ["项目名称（资金使用单位）", "string", "name"],
    ["总计（万元）", "string", "total"],
    ["金额合计", "string", "total"],
    ["财政拨款", "string", "fiscal"],
    ["财政专户管理资金", "string", "specialAccount"],
    ["其他资金", "string", "other"],
    ["年度绩效目标", "string", "goal"],
    ["绩效指标", "string", "indicators"],
    ["单位名称", "department", "unit"],
    ["部门（单位）", "department", "unit"],
    ["预算数", "department", "total"],
    ["年度目标", "department", "goal"],
    ["序号", "string", null],
    ["备注", "department", null],
    ["资金名称", "department", "name"],
    ["专项名称", "string", "name"],
    ["转移支付名称", "department", "name"],
    ["本年预算数", "department", "total"],
    ["批复金额（万元）", "string", "total"],
    ["资金额度", "department", "total"],
  ])("%j in a %s table → %s", (text, table, role) => {
    expect(budgetColumnRole(text, table)).toBe(role);
  });
});
