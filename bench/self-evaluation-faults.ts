/**
 * The fault benchmark of the self-evaluation rules (issue #24): seeded random self-evaluation tables (绩效自评表)
 * that hold (scores within their weights, weights adding up to 100, 总分 the sum of the scores, the rate the
 * quotient, the budget's score by its rule, misses scored down with a reason, the grade the total earns), and
 * tables with ONE seeded fault each, one kind per rule, as a clerk makes them:
 * - score-over-weight: a 得分 above its 分值, the 总分 summed from it; and the same 得分 typed over its 分值 with the
 *   总分 left right (the culprit finder must name the 得分: wrong-amount);
 * - weight-sum: a 分值 raised on an indicator scored down; score-total: a 总分 miscounted (its grade kept);
 * - wrong-ratio: a 执行率 mistyped; budget-score: full marks for a rate under 100%;
 * - full-marks-missed, deducted-but-met, missing-deviation-reason, grade-mismatch, actual-not-number;
 * - spent-typed: a 全年执行数 mistyped: its column's sum and its 执行率 break, and the culprit finder, weighing
 *   the rate (check/weigh-edits.ts), names the 执行数 (wrong-amount) and does not blame the right rate;
 * - score-not-number: a note typed into a 得分 cell.
 * A seed that moves the 总分 across a grade's boundary moves the grade with it (the clerk's grade follows the
 * clerk's total): only the seeded rule is to be found.
 *
 * The tables are a model rendered as the clerk's sheet (render): one project's 项目支出绩效自评表 as the corpus's
 * forms write it, read by the real layout (layouts/self-evaluation-form). The seeds work on the model and name the
 * fields they changed. Figures as bench-faults.ts reports them: recall, precision and localisation per kind and
 * in all, the culprit named (the typed 得分 and 执行数: exactly the seeded cell blamed), and clean tables' false
 * errors and warnings (0).
 */
import { analyzeTable } from "../src/core/analyze-table";
import { cellAddress } from "../src/core/model/cell-address";
import type { CellValue } from "../src/core/model/grid";
import type { Issue, RuleId } from "../src/core/model/issue";
import { newIssues, ratio, Random, type FamilyStats } from "./columnar-faults";
import { seededRandom } from "./seeded-random";

type Grid = CellValue[][];

/** How an indicator's target is written, and whether a number meets it. */
type Kind = "count" | "rate" | "time" | "cost" | "text";

/** Indicators by level: [level-1, level-2, names, kind]. */
const VOCABULARY: readonly [string, string, readonly string[], Kind][] = [
  ["产出指标", "数量指标", ["培训人次", "购置设备台数", "服务场次", "覆盖户数"], "count"],
  ["产出指标", "质量指标", ["验收合格率", "培训合格率", "达标率"], "rate"],
  ["产出指标", "时效指标", ["完成时间", "响应时间"], "time"],
  ["产出指标", "成本指标", ["单位成本", "人均成本"], "cost"],
  ["效益指标", "社会效益指标", ["服务能力", "依法行政水平"], "text"],
  ["效益指标", "可持续影响指标", ["设备使用年限", "机制长效运行"], "text"],
  ["满意度指标", "服务对象满意度指标", ["服务对象满意度", "群众满意度"], "rate"],
];

/** One indicator of the model; scores in hundredths of a point (integers here: whole points). */
interface ModelIndicator {
  level1: string;
  level2: string;
  name: string;
  kind: Kind;
  target: string;
  actual: string;
  weight: number;
  score: number;
  reason: string;
  /** Words written in the 得分 cell instead of the score (a seeded fault). */
  scoreText?: string;
  /** Whether the actual meets the target (text targets: true). */
  met: boolean;
}

/** One project's self-evaluation; money and rates in hundredths (cents, 0.01%), scores in hundredths of a point. */
interface ModelProject {
  name: string;
  budget: number;
  spent: number;
  /** 其中:当年财政拨款's 执行数: the whole of it (the 年度资金总额 row adds up its parts). */
  partSpent: number;
  rate: number;
  budgetWeight: number;
  budgetScore: number;
  weightTotal: number;
  totalScore: number;
  grade: string;
  indicators: ModelIndicator[];
}

const OUTPUTS = VOCABULARY.filter((v) => v[0] === "产出指标");
const OUTCOMES = VOCABULARY.filter((v) => v[0] === "效益指标");

const PROJECTS = [
  "干部教育培训",
  "设备购置",
  "农村饮水安全",
  "社区养老服务",
  "森林防火",
  "法律援助",
  "乡村道路养护",
];

/** A value of a kind, met or missed: [target, actual]. */
function values(kind: Kind, met: boolean, random: Random): [string, string] {
  switch (kind) {
    case "count": {
      const n = random.int(5, 900);
      const unit = random.pick(["人次", "台", "场", "户"]);
      return [`≥${n}${unit}`, `${met ? n + random.int(0, 20) : random.int(0, n - 1)}${unit}`];
    }
    case "rate": {
      const n = random.int(85, 98);
      return [`≥${n}%`, `${met ? random.int(n, 100) : random.int(60, n - 1)}%`];
    }
    case "time": {
      const n = random.int(3, 12);
      return [`≤${n}月`, `${met ? random.int(1, n) : random.int(n + 1, n + 6)}月`];
    }
    case "cost": {
      const n = random.int(50, 5000);
      return [`≤${n}元`, `${met ? random.int(Math.floor(n / 2), n) : random.int(n + 1, n * 2)}元`];
    }
    case "text":
      return [random.pick(["提升", "明显改善", "长期有效"]), "达成预期指标"];
  }
}

/** A grade by the national bands, from a total in hundredths of a point. */
function gradeOf(total: number): string {
  return total >= 9000 ? "优" : total >= 8000 ? "良" : total >= 6000 ? "中" : "差";
}

/** 90 points over 3–6 indicators (whole points, at least 5 each). */
function weights(count: number, random: Random): number[] {
  const out = new Array<number>(count).fill(5);
  for (let left = 90 - 5 * count; left > 0; left--) out[random.int(0, count - 1)]!++;
  return out;
}

function makeProject(random: Random, serial: number): ModelProject {
  const count = random.int(3, 6);
  const shares = weights(count, random);
  const indicators: ModelIndicator[] = shares.map((weight, k) => {
    // An output and an outcome first: a project without both is missing-category's (a target table's rule).
    const pool = k === 0 ? OUTPUTS : k === 1 ? OUTCOMES : VOCABULARY;
    const [level1, level2, names, kind] = random.pick(pool);
    const met = kind === "text" || random.chance(0.7);
    const [target, actual] = values(kind, met, random);
    const score = met ? weight : random.int(0, weight - 1);
    return {
      level1,
      level2,
      name: random.pick(names),
      kind,
      target,
      actual,
      weight: weight * 100,
      score: score * 100,
      reason: met ? "" : random.pick(["部分设备延期到货", "受天气影响工期推迟", "资金下达较晚"]),
      met,
    };
  });
  const budget = random.int(1_000, 5_000_000);
  const spent = random.chance(0.3) ? budget : random.int(Math.floor(budget * 0.6), budget);
  // 执行率 as 0.01% units, rounded half up.
  const rate = Math.floor((spent * 10_000) / budget + 0.5);
  // 得分 = 10 × 执行率, in hundredths of a point: rate (0.01%) × 10 / 100.
  const budgetScore = Math.floor(rate / 10 + 0.5);
  const totalScore = indicators.reduce((s, i) => s + i.score, 0) + budgetScore;
  return {
    name: `${random.pick(PROJECTS)}${serial}`,
    budget,
    spent,
    partSpent: spent,
    rate,
    budgetWeight: 1000,
    budgetScore,
    weightTotal: 10_000,
    totalScore,
    grade: gradeOf(totalScore),
    indicators,
  };
}

/** A field of the model a seed changed: a project's own, or an indicator's. */
type Field =
  | { project: number; field: "spent" | "rate" | "budgetScore" | "totalScore" | "grade" }
  | { project: number; item: number; field: "actual" | "weight" | "score" | "reason" };

const hundredths = (x: number): number => x / 100;
const money = (cents: number): string => (cents / 100).toFixed(2);
const n = null;

/** The grid row (0-based) of the first indicator, and the columns of the form's fields (render). */
const FIRST_INDICATOR = 11;
const BUDGET_ROW = 4;
const FIELD_COLUMN: Readonly<Record<Field["field"], number>> = {
  spent: 4,
  rate: 6,
  budgetScore: 7,
  actual: 5,
  weight: 6,
  score: 7,
  reason: 8,
  totalScore: 7,
  grade: 1,
};

/**
 * The clerk's sheet: one project's 项目支出绩效自评表 as the corpus's forms write it (安徽, 云南): the budget block
 * (年度资金总额 with its 分值, 执行率 and `得分(10分*执行率)`, and its 其中 rows), the goal, the indicator grid
 * (年度指标值, 实际完成值, 分值, 得分, 偏差原因分析及改进措施), a 合计 row with the stated 分值 and the 总分, and 评价等级.
 */
function render(p: ModelProject): { grid: Grid; address: (f: Field) => string } {
  // prettier-ignore
  const grid: Grid = [
    ["2023年度项目支出绩效自评表"],
    ["项目名称", p.name],
    ["主管部门", "某县财政局", n, n, "实施单位", "某县财政局"],
    ["项目资金 (万元)", n, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分(10分*执行率)"],
    [n, "年度资金总额", money(p.budget), money(p.budget), money(p.spent), hundredths(p.budgetWeight),
      `${(p.rate / 100).toFixed(2)}%`, hundredths(p.budgetScore)],
    [n, "其中:当年财政拨款", money(p.budget), money(p.budget), money(p.partSpent)],
    [n, "上年结转资金"],
    [n, "其他资金"],
    ["年度总体目标", "预期目标", n, n, n, "实际完成情况"],
    [n, "按计划完成项目建设任务", n, n, n, "已按计划完成"],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
  ];
  p.indicators.forEach((i, k) => {
    const level1 = k === 0 || p.indicators[k - 1]!.level1 !== i.level1 ? i.level1 : n;
    grid.push([
      n,
      level1,
      i.level2,
      i.name,
      i.target,
      i.actual,
      hundredths(i.weight),
      i.scoreText ?? hundredths(i.score),
      i.reason || n,
    ]);
  });
  const closing = grid.length;
  grid.push(["合计", n, n, n, n, n, hundredths(p.weightTotal), hundredths(p.totalScore), n]);
  grid.push(["评价等级", p.grade]);
  const address = (f: Field): string => {
    const row =
      "item" in f
        ? FIRST_INDICATOR + f.item
        : f.field === "totalScore"
          ? closing
          : f.field === "grade"
            ? closing + 1
            : BUDGET_ROW;
    return cellAddress(row + 1, FIELD_COLUMN[f.field] + 1);
  };
  return { grid, address };
}

function analyze(grid: Grid): readonly Issue[] {
  return analyzeTable(grid).issues;
}

interface Fault {
  /** The seeded project's model after the fault, and the fields the fault changed. */
  readonly project: ModelProject;
  readonly changed: readonly Field[];
  readonly expect: readonly RuleId[];
}

type Seed = (p: ModelProject, index: number, random: Random) => Fault | null;

const copyProject = (p: ModelProject): ModelProject => ({
  ...p,
  indicators: p.indicators.map((i) => ({ ...i })),
});

/** The 总分 moved by `delta` (hundredths) and the grade with it, the fields changed listed. */
function moveTotal(p: ModelProject, index: number, delta: number, changed: Field[]): void {
  p.totalScore += delta;
  changed.push({ project: index, field: "totalScore" });
  const grade = gradeOf(p.totalScore);
  if (grade !== p.grade) {
    p.grade = grade;
    changed.push({ project: index, field: "grade" });
  }
}

/** An indicator of the project that satisfies `test`, or -1. */
function itemWhere(p: ModelProject, random: Random, test: (i: ModelIndicator) => boolean): number {
  const items = p.indicators.flatMap((i, k) => (test(i) ? [k] : []));
  return items.length === 0 ? -1 : random.pick(items);
}

const numeric = (i: ModelIndicator): boolean => i.kind !== "text";

const SEEDS: Readonly<Record<string, Seed>> = {
  "score-over-weight": (base, index, random) => {
    const p = copyProject(base);
    const k = itemWhere(p, random, (i) => i.score === i.weight);
    if (k < 0) return null;
    const delta = random.int(1, 5) * 100;
    p.indicators[k]!.score += delta;
    const changed: Field[] = [{ project: index, item: k, field: "score" }];
    moveTotal(p, index, delta, changed);
    return { project: p, changed, expect: ["score-over-weight"] };
  },
  "score-typed-over-weight": (base, index, random) => {
    const p = copyProject(base);
    const k = itemWhere(p, random, (i) => i.score === i.weight);
    if (k < 0) return null;
    p.indicators[k]!.score += random.int(1, 9) * 100;
    return {
      project: p,
      changed: [{ project: index, item: k, field: "score" }],
      expect: ["wrong-amount", "score-over-weight"],
    };
  },
  "weight-sum": (base, index, random) => {
    const p = copyProject(base);
    const k = itemWhere(p, random, (i) => i.score < i.weight);
    if (k < 0) return null;
    p.indicators[k]!.weight += random.int(1, 5) * 100;
    return { project: p, changed: [{ project: index, item: k, field: "weight" }], expect: ["weight-sum"] };
  },
  "score-total": (base, index, random) => {
    const p = copyProject(base);
    const delta = random.pick([-1, 1]) * random.int(1, 4) * 100;
    // The grade kept: a miscount that stays in its band (else the grade is a second finding).
    if (gradeOf(p.totalScore + delta) !== p.grade) return null;
    p.totalScore += delta;
    // With every 得分 at full marks, the 总分 is the one cell that can be wrong: then it is named (wrong-amount).
    return {
      project: p,
      changed: [{ project: index, field: "totalScore" }],
      expect: ["score-total", "wrong-amount"],
    };
  },
  "wrong-ratio": (base, index, random) => {
    const p = copyProject(base);
    const delta = random.pick([-1, 1]) * random.int(1, 500);
    if (p.rate + delta < 0 || p.rate + delta > 10_000) return null;
    p.rate += delta;
    return { project: p, changed: [{ project: index, field: "rate" }], expect: ["wrong-ratio"] };
  },
  "spent-typed": (base, index, random) => {
    // 全年执行数 mistyped on the 年度资金总额 row: its column's sum and its 执行率 break; the 执行数 is named.
    const p = copyProject(base);
    const delta = random.pick([-1, 1]) * random.int(1, Math.max(1, Math.floor(p.spent / 10)));
    // Not past the budget: a rate shown capped at 100% is no equation to weigh.
    if (p.spent + delta <= 0 || p.spent + delta > p.budget) return null;
    p.spent += delta;
    return {
      project: p,
      changed: [{ project: index, field: "spent" }],
      expect: ["wrong-amount"],
    };
  },
  "budget-score": (base, index) => {
    const p = copyProject(base);
    // Under 94.5%: full marks cannot be 10 × the rate rounded to whole points.
    if (p.rate >= 9_450) return null;
    const delta = p.budgetWeight - p.budgetScore;
    p.budgetScore = p.budgetWeight;
    const changed: Field[] = [{ project: index, field: "budgetScore" }];
    moveTotal(p, index, delta, changed);
    return { project: p, changed, expect: ["budget-score"] };
  },
  "full-marks-missed": (base, index, random) => {
    const p = copyProject(base);
    const k = itemWhere(p, random, (i) => !i.met);
    if (k < 0) return null;
    const item = p.indicators[k]!;
    const delta = item.weight - item.score;
    item.score = item.weight;
    const changed: Field[] = [{ project: index, item: k, field: "score" }];
    moveTotal(p, index, delta, changed);
    return { project: p, changed, expect: ["full-marks-missed"] };
  },
  "deducted-but-met": (base, index, random) => {
    const p = copyProject(base);
    const k = itemWhere(p, random, (i) => i.met && numeric(i));
    if (k < 0) return null;
    const delta = -random.int(1, p.indicators[k]!.weight / 100 - 1) * 100;
    p.indicators[k]!.score += delta;
    const changed: Field[] = [{ project: index, item: k, field: "score" }];
    moveTotal(p, index, delta, changed);
    return { project: p, changed, expect: ["deducted-but-met"] };
  },
  "missing-deviation-reason": (base, index, random) => {
    const p = copyProject(base);
    const k = itemWhere(p, random, (i) => !i.met);
    if (k < 0) return null;
    p.indicators[k]!.reason = random.pick(["", "无", "/"]);
    return {
      project: p,
      changed: [{ project: index, item: k, field: "reason" }],
      expect: ["missing-deviation-reason"],
    };
  },
  "grade-mismatch": (base, index, random) => {
    const p = copyProject(base);
    p.grade = random.pick(["优", "良", "中", "差"].filter((g) => g !== p.grade));
    return { project: p, changed: [{ project: index, field: "grade" }], expect: ["grade-mismatch"] };
  },
  "score-not-number": (base, index, random) => {
    // A note typed into the 得分 cell instead of the number (湖北工程学院's `分(因…)`).
    const p = copyProject(base);
    const k = random.int(0, p.indicators.length - 1);
    p.indicators[k]!.scoreText = random.pick(["分", "满分", "扣1分(因人数减少)"]);
    return {
      project: p,
      changed: [{ project: index, item: k, field: "score" }],
      expect: ["score-not-number"],
    };
  },
  "actual-not-number": (base, index, random) => {
    const p = copyProject(base);
    const k = itemWhere(p, random, (i) => i.met && numeric(i));
    if (k < 0) return null;
    p.indicators[k]!.actual = random.pick(["达成预期指标", "完成", "已完成"]);
    return {
      project: p,
      changed: [{ project: index, item: k, field: "actual" }],
      expect: ["actual-not-number"],
    };
  },
};

/** A clean self-evaluation form of one random project, as the clerk's sheet (for bench-compare.ts). */
export function cleanSelfEvaluationGrid(next: () => number, serial: number): Grid {
  return render(makeProject(new Random(next), serial)).grid;
}

/** The self-evaluation figures for bench-faults.ts's JSON line. */
export function selfEvaluationFaultFigures(
  seed: number,
  faultsPerKind: number,
  cleanTables: number,
): unknown {
  const random = new Random(seededRandom(seed ^ 0x5e1f));
  const byKind: Record<string, FamilyStats> = {};
  const all: FamilyStats = { faults: 0, detected: 0, localised: 0, issues: 0, expected: 0 };
  const misses: string[] = [];
  let serial = 0;
  let culpritNamed = 0;
  let culpritFaults = 0;
  for (const [kind, seedFault] of Object.entries(SEEDS)) {
    const s: FamilyStats = (byKind[kind] = { faults: 0, detected: 0, localised: 0, issues: 0, expected: 0 });
    for (let made = 0, tries = 0; made < faultsPerKind && tries < faultsPerKind * 20; tries++) {
      const project = makeProject(random, ++serial);
      const fault = seedFault(project, 0, random);
      if (fault === null) continue;
      made++;
      const before = render(project);
      const after = render(fault.project);
      const cells = fault.changed.map(after.address);
      const fresh = newIssues(analyze(before.grid), analyze(after.grid));
      const expected = fresh.filter((i) => fault.expect.includes(i.rule));
      for (const t of [s, all]) {
        t.faults++;
        t.issues += fresh.length;
        t.expected += expected.length;
      }
      const onSite = (i: Issue): boolean =>
        i.cell !== null && (cells.includes(i.cell) || (i.details.cells ?? []).some((c) => cells.includes(c)));
      if (kind === "score-typed-over-weight" || kind === "spent-typed") {
        culpritFaults++;
        const blamed = fresh.filter((i) => i.rule === "wrong-amount").map((i) => i.cell);
        if (blamed.length === 1 && blamed[0] === cells[0]) culpritNamed++;
      }
      if (process.env.SELF_EVALUATION_DEBUG && fresh.length > expected.length)
        console.error(
          kind,
          fresh.map((i) => `${i.rule}@${i.cell} ${i.message}`),
        );
      if (expected.length > 0) {
        for (const t of [s, all]) t.detected++;
        if (fresh.every(onSite)) for (const t of [s, all]) t.localised++;
        else if (misses.length < 12)
          misses.push(
            `${kind} ${cells.join(",")}: off site ${fresh.map((i) => `${i.rule}@${i.cell}`).join(" ")}`,
          );
      } else if (misses.length < 12)
        misses.push(
          `${kind} ${cells.join(",")}: ${fresh.map((i) => `${i.rule}@${i.cell}`).join(" ") || "nothing"}`,
        );
    }
  }
  let falseErrors = 0;
  let falseWarnings = 0;
  const rules = new Set<string>();
  for (let k = 0; k < cleanTables; k++) {
    for (const issue of analyze(render(makeProject(random, ++serial)).grid)) {
      if (issue.severity === "error") falseErrors++;
      if (issue.severity === "warning") falseWarnings++;
      if (issue.severity !== "info") rules.add(issue.rule);
      if (issue.severity !== "info" && misses.length < 8) misses.push(`clean: ${issue.rule}@${issue.cell}`);
    }
  }
  const figures = (t: FamilyStats) => ({
    faults: t.faults,
    recall: ratio(t.detected, t.faults),
    precision: ratio(t.expected, t.issues),
    localisation: ratio(t.localised, t.detected),
  });
  return {
    layout: "self-evaluation-form",
    ...figures(all),
    byKind: Object.fromEntries(Object.entries(byKind).map(([k, t]) => [k, figures(t)])),
    culpritNamed: { faults: culpritFaults, named: culpritNamed, share: ratio(culpritNamed, culpritFaults) },
    clean: { tables: cleanTables, falseErrors, falseWarnings, rules: [...rules] },
    misses,
  };
}
