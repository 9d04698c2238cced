/** One example of each year-over-year finding, for the clerk's guide (its sentence and advice as the tool writes them). */
import type { Finding, FindingKind } from "../compare/finding";

function example(
  kind: FindingKind,
  indicator: string | null,
  last: string | null,
  current: string | null,
): Finding {
  return {
    kind,
    project: "公务用车购置费",
    indicator,
    last,
    this: current,
    lastPlace: last === null ? null : { cell: "G12" },
    thisPlace: current === null ? null : { cell: "G12" },
  };
}

export const FINDING_EXAMPLES: Readonly<Record<FindingKind, Finding>> = {
  "op-lost": example("op-lost", "验收合格率", "≥95%", "95%"),
  "op-changed": example("op-changed", "验收合格率", "≥95%", "≤95%"),
  "unit-changed": example("unit-changed", "新购置小车数量", "1辆", "1"),
  magnitude: example("magnitude", "支出及时率", "30%", "3%"),
  "kind-changed": example("kind-changed", "完成时间", "2025年6月底前", "6"),
  renamed: example("renamed", "新购置公务车辆数量", "新购置小车数量", "新购置公务车辆数量"),
  dropped: example("dropped", "安全保障", "保障公务用车安全可靠使用", null),
  "project-renamed": example("project-renamed", null, "公务用车购置费", "公务车辆更新购置费"),
  "amount-vs-quantity": example("amount-vs-quantity", null, "18.00万元", "36.00万元"),
  added: example("added", "职工满意度", null, "≥90%"),
  "target-changed": {
    ...example("target-changed", "验收合格率", "≥95%", "≥90%"),
    against: "self-evaluation",
    selfEvaluation: "this",
  },
};
