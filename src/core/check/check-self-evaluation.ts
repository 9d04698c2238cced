/**
 * The checks of a self-evaluation table (绩效自评表, issue #24), on what its layout read (SelfEvaluation):
 * - its scores and budget execution as equations (selfEvaluationEquations, self-evaluation-equations.ts), which
 *   the total checker and the culprit finder evaluate with every other equation: 得分 ≤ 分值, Σ 分值 = the stated
 *   total, Σ 得分 = 总分, 执行率 = 执行数 / 预算数;
 * - the rules that are not equations (checkSelfEvaluation, self-evaluation-rules.ts): 分值 against an assumed 100,
 *   the budget's 得分 by the form's rule, an actual that misses its target with full marks or meets it with points
 *   taken off, a miss without 偏差原因, 评价等级 against 总分, words where the target set a number.
 * A target table has no SelfEvaluation: both give nothing.
 */
import type { ParsedTable } from "../model/analysis";
import { SELF_EVALUATION_RULE_IDS, type IssueDraft, type RuleId } from "../model/issue";
import type { Equation } from "../model/total-equation";
import { scoreEquations } from "./self-evaluation-equations";
import { selfEvaluationRules } from "./self-evaluation-rules";

/** The rules only a self-evaluation raises (its 执行率 is wrong-ratio's, its culprits wrong-amount's). */
export const SELF_EVALUATION_RULES: readonly RuleId[] = SELF_EVALUATION_RULE_IDS;

/** The equations of a table's self-evaluations (none for a target table). */
export function selfEvaluationEquations(parsed: ParsedTable): Equation[] {
  if (parsed.selfEvaluations === undefined) return [];
  return scoreEquations(parsed);
}

/** The self-evaluation rules that are not equations (none for a target table). */
export function checkSelfEvaluation(parsed: ParsedTable): IssueDraft[] {
  if (parsed.selfEvaluations === undefined) return [];
  return selfEvaluationRules(parsed);
}
