/**
 * The self-evaluation form (项目支出绩效自评表, issue #24): a single-project form that also says what was done: a
 * budget-execution block (年初预算数 / 全年预算数 / 全年执行数 / 执行率 / 分值 / 得分), and an indicator grid with
 * 实际完成值, 分值, 得分 and 偏差原因 beside each 年度指标值, closed by 合计, 总分 and 评价等级. It reads what the
 * project form reads, and the self-evaluation the checks of check/check-self-evaluation.ts take.
 */
import { registerLayout } from "../layout";
import { locateSelfEvaluationForms } from "./locate";
import { classifySelfEvaluationRows, readSelfEvaluationForm } from "./read";

export const selfEvaluationForm = registerLayout({
  id: "self-evaluation-form",
  locate: locateSelfEvaluationForms,
  classify: classifySelfEvaluationRows,
  read: readSelfEvaluationForm,
});
