/**
 * A self-evaluation's rules that are not equations (its equations: self-evaluation-equations.ts):
 * - weight-sum, where the form states no total: the 分值 add up to 100 (with the budget's 分值, or without it), a
 *   warning, since the 100 is assumed;
 * - budget-score, where the form states its rule (`得分(20分*执行率)`): 得分 = min(分值 × 执行率, 分值), to the
 *   last digit the score shows, rounded or cut (9.346 written 9.34 or 9.35 is right), from the rate as written
 *   or as 执行数 / 预算数 gives it (a wrong rate is wrong-ratio's, not the score's);
 * - per indicator, its actual against its target (judge-attainment.ts): full-marks-missed (a miss with 得分 =
 *   分值, an error), deducted-but-met (the target met and points taken off, a warning), missing-deviation-reason
 *   (a miss and no 偏差原因, a warning), actual-not-number (words where the target set a number, a warning: the
 *   actual cannot be judged; a target in words is never judged, so `达成预期指标` against `合规` is fine);
 * - grade-mismatch: 评价等级 is the grade 总分 earns (优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 below; or the table's bands).
 */
import type {
  Indicator,
  ParsedTable,
  Project,
  ScoreCell,
  ScoredIndicator,
  SelfEvaluation,
} from "../model/analysis";
import { sameAmount, type ExactDecimal } from "../model/exact-decimal";
import { makeIssue, type IssueDraft } from "../model/issue";
import { NOT_APPLICABLE as NONE_HERE } from "../layouts/self-evaluation-form/read";
import { judgeAttainment } from "./judge-attainment";
import { scoreEquationCell } from "./self-evaluation-equations";

/** The national default bands, highest first. */
const DEFAULT_BANDS: readonly { grade: string; from: number }[] = [
  { grade: "优", from: 90 },
  { grade: "良", from: 80 },
  { grade: "中", from: 60 },
  { grade: "差", from: Number.NEGATIVE_INFINITY },
];

/** How grades are written, to the default's one letter: 优秀 → 优, 合格 → 中, 不合格 → 差. */
const GRADE_SPELLINGS: Readonly<Record<string, string>> = {
  优: "优",
  优秀: "优",
  良: "良",
  良好: "良",
  中: "中",
  中等: "中",
  一般: "中",
  合格: "中",
  差: "差",
  较差: "差",
  不合格: "差",
};

/** A 偏差原因 that gives none: empty, 无, a dash or a slash. */
const NO_REASON: ReadonlySet<string> = new Set(["", "无", "/", "／", "-", "—", "——", "\\", "无偏差"]);

export function selfEvaluationRules(parsed: ParsedTable): IssueDraft[] {
  const issues: IssueDraft[] = [];
  for (const evaluation of parsed.selfEvaluations ?? []) {
    const project = parsed.projects[evaluation.projectIndex];
    if (project === undefined) continue;
    const about = { projectIndex: evaluation.projectIndex };
    const assumed = assumedWeightTotal(evaluation, project.name);
    if (assumed !== null) issues.push(assumed);
    const budget = budgetScore(evaluation, project.name);
    if (budget !== null) issues.push(budget);
    for (const row of evaluation.indicators) {
      const indicator = project.indicators[row.itemIndex];
      if (indicator !== undefined) issues.push(...attainmentIssues(row, indicator, project.name, about));
    }
    issues.push(...wordsInScores(evaluation, project));
    const grade = gradeIssue(evaluation, project.name);
    if (grade !== null) issues.push(grade);
  }
  return issues;
}

/** Dashes that, in a score cell, say "not applicable" (as a slash or 无 does: NONE_HERE). */
const DASHES: ReadonlySet<string> = new Set(["-", "—", "——"]);

/**
 * score-not-number: words in a 分值, 得分, 总分 or 分值合计 cell (not a dash or a slash: not applicable); a formula
 * with no result saved is uncomputed-formula's, as for an amount.
 */
function wordsInScores(evaluation: SelfEvaluation, project: Project): IssueDraft[] {
  const issues: IssueDraft[] = [];
  const about = { projectIndex: evaluation.projectIndex };
  const check = (cell: ScoreCell | null, label: string, itemIndex?: number): void => {
    if (cell === null || cell.value !== null || isEmpty(cell)) return;
    const text = String(cell.raw).trim();
    if (NONE_HERE.has(text) || DASHES.has(text)) return;
    const indicator = itemIndex === undefined ? undefined : project.indicators[itemIndex];
    const facts = Object.assign(
      { project: project.name, amountLabel: label, text },
      indicator === undefined ? {} : { indicator: indicator.name },
      indicator?.seq == null ? {} : { seq: indicator.seq },
    );
    const subject = { about: itemIndex === undefined ? about : { ...about, itemIndex } };
    // A formula the file kept no result of (`=F6*G6`) is no words: its checks are skipped, and the clerk told so.
    if (text.startsWith("=")) {
      const { text: formula, ...rest } = facts;
      issues.push(makeIssue("uncomputed-formula", cell, { ...rest, formula }, subject));
      return;
    }
    issues.push(makeIssue("score-not-number", cell, facts, subject));
  };
  check(evaluation.budget?.weight ?? null, "预算执行率分值");
  check(evaluation.budget?.score ?? null, "预算执行率得分");
  for (const row of evaluation.indicators) {
    check(row.weight, "分值", row.itemIndex);
    check(row.score, "得分", row.itemIndex);
  }
  check(evaluation.weightTotal, "分值合计");
  check(evaluation.totalScore, "总分");
  return issues;
}

/** The amount of a score cell, or null when it is empty or not a number. */
function amountOf(cell: ScoreCell | null): ExactDecimal | null {
  return scoreEquationCell(cell)?.amount ?? null;
}

/** weight-sum where no total is stated: the 分值 make neither 100 nor, with the budget's, 100. */
function assumedWeightTotal(evaluation: SelfEvaluation, project: string): IssueDraft | null {
  // A total the form states (a number) is the weight-sum equation's; one with words in it, nobody's.
  const stated = evaluation.weightTotal;
  if (stated !== null && !isEmpty(stated)) return null;
  const cells = evaluation.indicators.flatMap((r) => (amountOf(r.weight) === null ? [] : [r.weight!]));
  if (
    cells.length === 0 ||
    evaluation.indicators.some((r) => r.weight !== null && !isNumberOrEmpty(r.weight))
  )
    return null;
  const budgetWeight = evaluation.budget?.weight ?? null;
  const indicators = sumOf(cells);
  const withBudget = budgetWeight?.value == null ? null : round6(indicators + budgetWeight.value);
  if (near(indicators, 100) || (withBudget !== null && near(withBudget, 100))) return null;
  const listed = withBudget === null ? cells : [...cells, budgetWeight!];
  return makeIssue(
    "weight-sum",
    cells[0]!,
    { project, cells: listed.map((c) => c.address), scores: true, assumedTotal: true },
    {
      severity: "warning",
      about: { projectIndex: evaluation.projectIndex },
      expected: 100,
      actual: round6(withBudget ?? indicators),
    },
  );
}

function isNumberOrEmpty(cell: ScoreCell): boolean {
  return cell.value !== null || isEmpty(cell);
}

function isEmpty(cell: ScoreCell): boolean {
  return cell.raw === null || (typeof cell.raw === "string" && cell.raw.trim() === "");
}

function sumOf(cells: readonly ScoreCell[]): number {
  let sum = 0;
  for (const c of cells) sum += c.value ?? 0;
  return round6(sum);
}

const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;
const near = (a: number, b: number): boolean => Math.abs(a - b) < 1e-6;

/** budget-score: the score the form's rule gives, from the rate as written or as computed, is not the one written. */
function budgetScore(evaluation: SelfEvaluation, project: string): IssueDraft | null {
  const budget = evaluation.budget;
  if (budget === null || budget.scoreRule !== "weight-times-rate") return null;
  const { weight, score, rate } = budget;
  if (weight?.value == null || score?.value == null) return null;
  const places = Math.min(Math.max(0, Math.floor(score.decimals)), 6);
  const rates: number[] = [];
  // A rate over 1.5 is a percentage's number, with its % or without it (`93.4` under a plain 执行率 header).
  if (rate?.value != null)
    rates.push(rate.percent === true || Math.abs(rate.value) > 1.5 ? rate.value / 100 : rate.value);
  if (budget.spent?.value != null && budget.budget?.value != null && budget.budget.value !== 0) {
    const quotient = budget.spent.value / budget.budget.value;
    rates.push(quotient);
    // The quotient as the rate cell would show it, right (a score worked out from the right rate, shown rounded).
    if (rate !== null) {
      const shownPlaces =
        Math.min(Math.max(0, Math.floor(rate.decimals)), 6) + (rate.percent === true ? 2 : 0);
      rates.push(Math.round(quotient * 10 ** shownPlaces + 1e-9) / 10 ** shownPlaces);
    }
  }
  if (rates.length === 0) return null;
  const expected = rates.map((r) => Math.min(weight.value! * r, weight.value!));
  // Rounded or cut to the places the score shows: 9.346 written 9.35 or 9.34 is right, 10 is not.
  if (expected.some((e) => shownAs(e, places, score.value!))) return null;
  const shown = Number(expected[0]!.toFixed(Math.max(places, 2)));
  return makeIssue(
    "budget-score",
    score,
    {
      project,
      rate: round6(rates[0]! * 100),
      weight: weight.value,
      cells: [score, weight, rate].flatMap((c) => (c ? [c.address] : [])),
      scores: true,
    },
    {
      about: { projectIndex: evaluation.projectIndex },
      expected: shown,
      actual: score.value,
    },
  );
}

/** Whether `value` at `places` decimals is `exact` rounded half up, or cut. */
function shownAs(exact: number, places: number, value: number): boolean {
  const scale = 10 ** places;
  // The epsilon absorbs float error in the product (10 × 0.934 = 9.340000000000002).
  const units = exact * scale;
  const target = Math.round(value * scale);
  return Math.round(units + 1e-7) === target || Math.floor(units + 1e-7) === target;
}

/** The issues of one indicator's actual against its target, its score and its reason. */
function attainmentIssues(
  row: ScoredIndicator,
  indicator: Indicator,
  project: string,
  about: { projectIndex: number },
): IssueDraft[] {
  const target = indicator.annualValue ?? indicator.periodValue;
  if (row.actual === null || target === null) return [];
  const verdict = judgeAttainment(
    target,
    row.actual.text,
    indicator.name,
    indicator.level2?.name ?? indicator.level2?.written ?? null,
  );
  if (verdict === null) return [];
  const facts = Object.assign(
    { project, indicator: indicator.name, target, actualText: row.actual.text },
    indicator.seq === null ? {} : { seq: indicator.seq },
  );
  const at = { ...about, itemIndex: row.itemIndex };
  if (verdict === "words") return [makeIssue("actual-not-number", row.actual, facts, { about: at })];
  const issues: IssueDraft[] = [];
  const weight = amountOf(row.weight);
  const score = amountOf(row.score);
  if (weight !== null && score !== null && row.score !== null) {
    // A 分值 of 0 scores nothing: its 0 is no full marks.
    const full = weight.units > 0 && sameAmount(weight, score);
    const cells = [row.actual.address, row.score.address, row.weight!.address];
    if (verdict === "missed" && full)
      issues.push(
        makeIssue(
          "full-marks-missed",
          row.score,
          { ...facts, weight: row.weight!.value!, cells },
          { about: at, actual: row.score.value },
        ),
      );
    if (verdict === "met" && score.units * 10 ** -score.scale < weight.units * 10 ** -weight.scale)
      issues.push(
        makeIssue(
          "deducted-but-met",
          row.score,
          { ...facts, weight: row.weight!.value!, cells },
          { severity: "warning", about: at, expected: row.weight!.value, actual: row.score.value },
        ),
      );
  }
  if (verdict === "missed" && row.reason !== null && NO_REASON.has(row.reason.text.trim()))
    issues.push(makeIssue("missing-deviation-reason", row.reason, facts, { about: at }));
  return issues;
}

/** grade-mismatch: the grade written is not the one 总分 earns. */
function gradeIssue(evaluation: SelfEvaluation, project: string): IssueDraft | null {
  const { grade, totalScore } = evaluation;
  if (grade === null || totalScore === null || totalScore.value === null) return null;
  const bands = [...(evaluation.gradeBands ?? DEFAULT_BANDS)].sort((a, b) => b.from - a.from);
  const written = gradeOf(grade.text, bands);
  if (written === null) return null;
  const earned = bands.find((b) => totalScore.value! >= b.from - 1e-9) ?? bands[bands.length - 1]!;
  if (gradeOf(earned.grade, bands) === written) return null;
  return makeIssue(
    "grade-mismatch",
    grade,
    {
      project,
      totalScore: totalScore.value,
      bands: bands.map((b) => ({ grade: b.grade, from: Number.isFinite(b.from) ? b.from : 0 })),
      cells: [grade.address, totalScore.address],
    },
    { about: { projectIndex: evaluation.projectIndex }, expected: earned.grade, actual: grade.text },
  );
}

/** A grade as written, as one of the bands' (by the band's own spelling, or the default's letter); null: unknown. */
function gradeOf(text: string, bands: readonly { grade: string }[]): string | null {
  // A remark in brackets after the grade goes: `优(90分以上)` → 优, `良 （85分）` → 良.
  const t = text.replace(/\s+/g, "").replace(/[（(].*[)）]$/, "");
  if (t === "") return null;
  for (const b of bands) if (b.grade === t) return GRADE_SPELLINGS[t] ?? t;
  return GRADE_SPELLINGS[t] ?? null;
}
