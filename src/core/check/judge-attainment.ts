/**
 * Whether a self-evaluation indicator's 实际完成值 meets its 年度指标值, by the target's comparison: `≥95%` against
 * `93%` is a miss, `≤12月` against `11月` is met. Both are parsed as a target is (parse-value.ts). A verdict is
 * given only where a clerk would give the same one:
 * - a target in words (`合规`, `及时`, `提升`) is judged by nobody: whatever the actual says is fine;
 * - an actual in words against a number (`达成预期指标` against `≥95%`) cannot be judged ("words"); a figure said
 *   with its verb is that figure (`达到85%`), and `无` / `未发生` against a target of 0 (`0起`) is 0;
 * - units that are not the same quantity (`万元` and `台`), or a fraction against a percentage (`0.96` against
 *   `≥95%`), are not compared;
 * - a target without a sign (`11个`, `=30万元`, `100%`) is met when the actual equals it; otherwise it is a
 *   ceiling for a cost or a time indicator (成本, 时效, or a unit of time or money) and a target of 0 (`0起`
 *   安全事故), a floor for a count (数量指标) and a rate of 50% or more (合格率 `100%`), and not judged otherwise
 *   (`0.4%` for a 成灾率 is a ceiling, `5%` for a 增长率 a floor: the sign would say which).
 */
import type { IndicatorValue } from "../model/analysis";
import { inBaseUnit, normalizeUnit, sameQuantity } from "../compare/unit-scale";
import { parseValue } from "../split/parse-value";

/** met / missed by the comparison; words: a number was set and words were written; null: nobody can say. */
export type Attainment = "met" | "missed" | "words" | null;

/** Units a target without a sign is a ceiling in: time (a deadline) and money (a cost). */
const CEILING_UNITS: ReadonlySet<string> = new Set([
  "月",
  "天",
  "日",
  "小时",
  "年",
  "元",
  "万元",
  "亿元",
  "工作日",
]);

/**
 * The verb an actual may be said with before its figure: `达到85%`, `已完成3800批次`, `实现≥12个`; not `完成` alone
 * (words) nor `完成率96%` (the figure is not right after the verb).
 */
const SAID_WITH_VERB = /^(?:已|均|全部)?(?:达到|完成|实现)了?\s*(?=[-−\d０-９≥≤＞＜>=<])/;

/** An actual that says nothing happened, where the target is 0 (`0起` 安全事故): 无, 零, 未发生. */
const NONE_SAID: ReadonlySet<string> = new Set(["无", "零", "未发生", "没有发生", "无发生", "未出现"]);

/** Level-2 names whose targets without a sign are ceilings: `成本指标`, `经济成本指标`, `时效指标`. */
const CEILING_LEVEL2 = /成本|时效/;

/**
 * The verdict on one indicator: `target` and `actual` as written, the indicator's name (parseValue reads a
 * placeholder in it) and its level-2 label (a cost's or a time's target without a sign is a ceiling).
 */
export function judgeAttainment(
  target: string,
  actual: string,
  name: string,
  level2: string | null,
): Attainment {
  if (target.trim() === "" || actual.trim() === "") return null;
  const goal = parseValue(target, name);
  if (goal.op === "text" || goal.value === null) return null;
  const done = parseValue(actual.trim().replace(SAID_WITH_VERB, ""), name);
  if (done.op === "text" || done.value === null) {
    // `无` / `未发生` against `0起`: nothing happened, which is the target met.
    if (goal.value === 0 && NONE_SAID.has(actual.trim().replace(/[。.]$/, ""))) {
      const verdict = meets(goal, 0, level2);
      return verdict === null ? null : verdict ? "met" : "missed";
    }
    return "words";
  }
  const value = comparable(goal, done);
  if (value === null) return null;
  const verdict = meets(goal, value, level2);
  return verdict === null ? null : verdict ? "met" : "missed";
}

/** The actual in the target's unit, or null when the two cannot be compared. */
function comparable(goal: IndicatorValue, done: IndicatorValue): number | null {
  const value = done.value!;
  const goalUnit = normalizeUnit(goal.unit);
  const doneUnit = normalizeUnit(done.unit);
  if (goalUnit === null || doneUnit === null) {
    // `0.96` against `≥95%`: a fraction written for a percentage; which one the clerk meant is not for us to say.
    if (goalUnit === "%" && doneUnit === null && Math.abs(value) <= 1.5 && Math.abs(goal.value!) > 1.5)
      return null;
    return value;
  }
  if (goalUnit === doneUnit) return value;
  // `0.5万元` against `≤6000元`: one dimension, converted; `台` against `万元`: not compared.
  return sameDimension(goalUnit, doneUnit)
    ? (value * inBaseUnit(1, doneUnit)) / inBaseUnit(1, goalUnit)
    : null;
}

/** Two units of one dimension (`万元` and `元`, `月` and `天`). */
function sameDimension(a: string, b: string): boolean {
  return sameQuantity(inBaseUnit(1, b), a, inBaseUnit(1, a), b);
}

/**
 * Whether `value` satisfies the target's comparison; null when a target without a sign does not say which way it
 * goes (see the file's comment).
 */
function meets(goal: IndicatorValue, value: number, level2: string | null): boolean | null {
  const target = goal.value!;
  // Float noise of a unit conversion (10000/15 亩) must not make an equal value a miss.
  const eps = 1e-9 * Math.max(1, Math.abs(target));
  switch (goal.op) {
    case ">=":
      return value >= target - eps;
    case ">":
      return value > target + eps;
    case "<=":
      return value <= target + eps;
    case "<":
      return value < target - eps;
    case "range":
      return value >= target - eps && value <= (goal.upper ?? target) + eps;
    default: {
      if (Math.abs(value - target) <= eps) return true;
      const unit = normalizeUnit(goal.unit);
      // A count of 0 (`0起` 安全事故, `=0次` 投诉) is a ceiling too: nothing is below it.
      const ceiling =
        target === 0 ||
        (level2 !== null && CEILING_LEVEL2.test(level2)) ||
        (unit !== null && CEILING_UNITS.has(unit));
      if (ceiling) return value <= target + eps;
      // A count to deliver (数量指标) and a rate of half or more (`100%` 合格率, `95%` 满意度) are floors; a small
      // rate (`0.4%` 成灾率, `1%` 事故率) may be either, and is not judged.
      const floor = (level2 !== null && /数量/.test(level2)) || (unit === "%" && target >= 50);
      return floor ? value >= target - eps : null;
    }
  }
}
