/**
 * A self-evaluation's scores and budget execution as equations (model/total-equation.ts), which the total checker
 * and the culprit finder evaluate with the table's other equations:
 * - 得分 ≤ 分值 on every scored row (a bound, score-over-weight), the budget row's too;
 * - Σ 分值 = the total the form states (a sum, weight-sum), the budget row's 分值 counted in when the indicators'
 *   alone do not make it (a form whose 合计 counts only 绩效指标(90分) and one that counts the budget's 10 are
 *   both right); where the form states no total, 100 is assumed and checked apart (self-evaluation-rules.ts),
 *   since an assumed 100 is no cell to blame;
 * - Σ 得分 = 总分 (a sum, score-total), the budget row's 得分 counted in unless the indicators' alone make it,
 *   and only when the 分值 read make the form's total (a form or excerpt cut short has a 总分 of rows not read);
 * - 执行率 = 执行数 / 预算数 (a ratio, wrong-ratio), rounded as the rate cell shows it. A rate the clerk cut
 *   rather than rounded (93.46… shown as 93%, 93.5… as 93%), or capped at 100% where more was spent than
 *   budgeted, is how forms are filled in, not a wrong number: no equation then.
 * An empty cell takes no part (a sum over the cells that hold a number); a cell with words in it makes its
 * equation skipped, as for any amount.
 */
import type { ParsedTable, Project, ScoreCell, SelfEvaluation } from "../model/analysis";
import {
  MAX_SCALE_DECIMALS,
  roundedRatio,
  sameAmount,
  sumDecimals,
  type ExactDecimal,
} from "../model/exact-decimal";
import {
  equationCell,
  type BoundEquation,
  type Equation,
  type EquationCell,
  type RatioEquation,
  type TotalEquation,
} from "../model/total-equation";

/** The labels the messages quote: the names most forms give these cells. */
export const SCORE_LABELS = {
  weight: "分值",
  score: "得分",
  rate: "执行率",
  spent: "执行数",
  budget: "预算数",
} as const;

/** The equations of every self-evaluation of the table. */
export function scoreEquations(parsed: ParsedTable): Equation[] {
  const equations: Equation[] = [];
  for (const evaluation of parsed.selfEvaluations ?? []) {
    const project = parsed.projects[evaluation.projectIndex];
    if (project === undefined) continue;
    equations.push(...projectEquations(evaluation, project));
  }
  return equations;
}

/** An equation cell of a score cell; null for an empty one (it takes no part). */
export function scoreEquationCell(cell: ScoreCell | null): EquationCell | null {
  if (cell === null || cell.raw === null || (typeof cell.raw === "string" && cell.raw.trim() === ""))
    return null;
  return equationCell(cell.row, cell.column, cell.address, cell.value, cell.decimals, cell.raw);
}

/** One project's equations: a cell in several of them is one EquationCell object (the culprit graph's). */
function projectEquations(evaluation: SelfEvaluation, read: Project): Equation[] {
  const project = read.name;
  const equations: Equation[] = [];
  const about = { projectIndex: evaluation.projectIndex };
  const weights: EquationCell[] = [];
  const scores: EquationCell[] = [];
  // The indicator of each 分值 and 得分, in addend order (`parts`): a culprit's message names it.
  const weightNames: string[] = [];
  const scoreNames: string[] = [];
  const bound = (
    score: EquationCell | null,
    weight: EquationCell | null,
    item: { itemIndex?: number; seq?: number; indicator?: string },
  ): void => {
    if (score === null || weight === null) return;
    const equation: BoundEquation = {
      kind: "at-most",
      rule: "score-over-weight",
      parts: [score],
      total: weight,
      details: Object.assign(
        { project, partLabels: [SCORE_LABELS.score], totalLabel: SCORE_LABELS.weight, scores: true as const },
        item.seq === undefined ? {} : { seq: item.seq },
        item.indicator === undefined ? {} : { indicator: item.indicator },
      ),
      about: item.itemIndex === undefined ? about : { ...about, itemIndex: item.itemIndex },
    };
    equations.push(equation);
  };
  for (const row of evaluation.indicators) {
    const weight = scoreEquationCell(row.weight);
    const score = scoreEquationCell(row.score);
    const indicator = read.indicators[row.itemIndex];
    const name = indicator?.name ?? "";
    if (weight !== null) {
      weights.push(weight);
      weightNames.push(name);
    }
    if (score !== null) {
      scores.push(score);
      scoreNames.push(name);
    }
    bound(score, weight, {
      itemIndex: row.itemIndex,
      ...(indicator?.seq == null ? {} : { seq: indicator.seq }),
      ...(indicator === undefined ? {} : { indicator: indicator.name }),
    });
  }
  const budget = evaluation.budget;
  const budgetWeight = scoreEquationCell(budget?.weight ?? null);
  const budgetScore = scoreEquationCell(budget?.score ?? null);
  bound(budgetScore, budgetWeight, { indicator: SCORE_LABELS.rate });
  const details = { project, amountColumn: "score", amountLabel: SCORE_LABELS.score, scores: true as const };

  const stated = scoreEquationCell(evaluation.weightTotal);
  if (stated !== null && weights.length > 0) {
    // The budget's 分值 is in the stated total unless the indicators' alone make it.
    const alone = stated.amount !== null && sumHolds(stated.amount, weights);
    const withBudget = budgetWeight !== null && !alone;
    const sum: TotalEquation = {
      kind: "sum",
      rule: "weight-sum",
      target: stated,
      addends: withBudget ? [...weights, budgetWeight] : weights,
      details: {
        ...details,
        amountColumn: "weight",
        amountLabel: SCORE_LABELS.weight,
        parts: withBudget ? [...weightNames, SCORE_LABELS.rate] : weightNames,
      },
      about,
    };
    equations.push(sum);
  }
  const total = scoreEquationCell(evaluation.totalScore);
  // The 总分 adds up the rows read only when their 分值 make the whole form's: else it counts rows the table (or
  // its excerpt) does not show, and weight-sum says what is missing.
  if (total !== null && scores.length > 0 && weightsComplete(evaluation, weights, budgetWeight, stated)) {
    // As for the 分值: a 总分 of the indicators alone (a form that scores 绩效指标 apart) is right too.
    const withBudget = budgetScore !== null && !(total.amount !== null && sumHolds(total.amount, scores));
    const sum: TotalEquation = {
      kind: "sum",
      rule: "score-total",
      target: total,
      addends: withBudget ? [...scores, budgetScore] : scores,
      details: { ...details, parts: withBudget ? [...scoreNames, SCORE_LABELS.rate] : scoreNames },
      about,
    };
    equations.push(sum);
  }
  const ratio = rateEquation(evaluation, project);
  if (ratio !== null) equations.push(ratio);
  return equations;
}

/**
 * Whether the 分值 read make the form's total: the stated one, else 100, with or without the budget's 分值; true
 * when no 分值 is read (nothing says rows are missing).
 */
function weightsComplete(
  evaluation: SelfEvaluation,
  weights: readonly EquationCell[],
  budgetWeight: EquationCell | null,
  stated: EquationCell | null,
): boolean {
  if (weights.length === 0 && evaluation.indicators.every((r) => r.weight === null)) return true;
  const total = stated?.amount ?? { units: 100, scale: 0 };
  if (sumHolds(total, weights)) return true;
  return budgetWeight !== null && sumHolds(total, [...weights, budgetWeight]);
}

/** Whether cells add up exactly to a total (their amounts known). */
function sumHolds(total: ExactDecimal, cells: readonly EquationCell[]): boolean {
  const amounts: ExactDecimal[] = [];
  for (const c of cells) {
    if (c.amount === null) return false;
    amounts.push(c.amount);
  }
  return sameAmount(sumDecimals(amounts), total);
}

/** 执行率 = 执行数 / 预算数, rounded as the rate cell shows it; null when it is cut, capped or not there. */
function rateEquation(evaluation: SelfEvaluation, project: string): RatioEquation | null {
  const budget = evaluation.budget;
  if (budget === null) return null;
  const target = scoreEquationCell(budget.rate);
  const numerator = scoreEquationCell(budget.spent);
  const denominator = scoreEquationCell(budget.budget);
  if (target === null || numerator === null || denominator === null) return null;
  // Float noise (a number cell of 13 or 324 decimals) is no display: as amounts, at most MAX_SCALE_DECIMALS.
  const decimals = Math.min(Math.max(0, Math.floor(budget.rate!.decimals)), MAX_SCALE_DECIMALS);
  const rounding = { decimals, percent: budget.rate!.percent === true || writtenInPercent(budget) };
  if (target.amount !== null && numerator.amount !== null && denominator.amount !== null) {
    const exact = roundedRatio(numerator.amount, denominator.amount, rounding.decimals + 6, rounding.percent);
    if (
      exact !== null &&
      (cutTo(exact, rounding.decimals, target.amount) || capped(exact, target.amount, rounding))
    )
      return null;
  }
  return {
    kind: "ratio",
    rule: "wrong-ratio",
    target,
    numerator,
    denominator,
    rounding,
    details: {
      project,
      targetLabel: SCORE_LABELS.rate,
      numeratorLabel: SCORE_LABELS.spent,
      denominatorLabel: SCORE_LABELS.budget,
    },
    about: { projectIndex: evaluation.projectIndex },
  };
}

/**
 * A rate written as a percentage's number without its % (`93.4` under a plain 执行率 header) where the quotient is
 * a fraction (0.934): read as the percentage it is, not as a rate of 9,340%.
 */
function writtenInPercent(budget: NonNullable<SelfEvaluation["budget"]>): boolean {
  const [rate, spent, total] = [budget.rate?.value, budget.spent?.value, budget.budget?.value];
  if (rate == null || spent == null || total == null || total === 0) return false;
  const quotient = spent / total;
  return Math.abs(rate) > 1.5 && Math.abs(quotient) <= 1.5;
}

/** The quotient cut (not rounded) to `decimals` is what the cell shows: 93.46…% shown as 93%. */
function cutTo(exact: ExactDecimal, decimals: number, shown: ExactDecimal): boolean {
  const drop = exact.scale - decimals;
  if (drop < 0 || exact.big !== undefined) return false;
  const units = Math.trunc(exact.units / 10 ** drop);
  return sameAmount({ units, scale: decimals }, shown);
}

/** More was spent than budgeted and the cell shows the rate capped at 100%. */
function capped(exact: ExactDecimal, shown: ExactDecimal, rounding: { percent: boolean }): boolean {
  const hundred = rounding.percent ? 100 : 1;
  const over = exact.units / 10 ** exact.scale > hundred;
  return over && sameAmount({ units: hundred, scale: 0 }, shown);
}
