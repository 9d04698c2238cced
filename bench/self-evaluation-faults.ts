/**
 * The fault benchmark of the self-evaluation rules (issue #24): seeded random self-evaluation tables (绩效自评表)
 * that hold (scores within their weights, weights adding up to 100, 总分 the sum of the scores, the rate the
 * quotient, the budget's score by its rule, misses scored down with a reason, the grade the total earns), and
 * tables with ONE seeded fault each, one kind per rule, as a clerk makes them:
 * - score-over-weight: a 得分 above its 分值, the 总分 summed from it; and the same 得分 typed over its 分值 with the
 *   总分 left right (the culprit finder must name the 得分: wrong-amount);
 * - weight-sum: a 分值 raised on an indicator scored down; score-total: a 总分 miscounted (its grade kept);
 * - wrong-ratio: a 执行率 mistyped; budget-score: full marks for a rate under 100%;
 * - full-marks-missed, deducted-but-met, missing-deviation-reason, grade-mismatch, actual-not-number.
 * A seed that moves the 总分 across a grade's boundary moves the grade with it (the clerk's grade follows the
 * clerk's total): only the seeded rule is to be found.
 *
 * The tables are a model rendered as a grid (render): until the real self-evaluation layout is in main, as the
 * test-only layout's sheet (test/core/layouts/self-evaluation-layout.ts), one row per indicator; the seeds
 * work on the model and name the fields they changed, so another rendering (the clerk's form) takes the same
 * seeds. Figures as bench-faults.ts reports them: recall, precision and localisation per kind and in all, the
 * culprit named for the typed 得分, and clean tables' false errors and warnings (0).
 */
import { analyzeLocated } from "../src/core/analyze-table";
import { LAYOUTS } from "../src/core/layouts";
import { findTables } from "../src/core/locate/locate-table";
import { cellAddress } from "../src/core/model/cell-address";
import { A1_ORIGIN, type CellValue } from "../src/core/model/grid";
import type { Issue, RuleId } from "../src/core/model/issue";
import { selfEvaluation } from "../test/core/layouts/self-evaluation-layout";
import { seededRandom } from "./seeded-random";

type Grid = CellValue[][];

class Random {
  constructor(private readonly next: () => number) {}
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

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
  /** Whether the actual meets the target (text targets: true). */
  met: boolean;
}

/** One project's self-evaluation; money and rates in hundredths (cents, 0.01%), scores in hundredths of a point. */
interface ModelProject {
  name: string;
  budget: number;
  spent: number;
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
  | { project: number; field: "rate" | "budgetScore" | "totalScore" | "grade" }
  | { project: number; item: number; field: "actual" | "weight" | "score" | "reason" };

// prettier-ignore
const HEADER = ["项目名称", "预算数", "执行数", "执行率", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
  "偏差原因", "预算分值", "预算得分(分值*执行率)", "分值合计", "总分", "评价等级"];
const column = (header: string): number => HEADER.indexOf(header);
const FIELD_COLUMN: Readonly<Record<Field["field"], number>> = {
  rate: column("执行率"),
  budgetScore: column("预算得分(分值*执行率)"),
  totalScore: column("总分"),
  grade: column("评价等级"),
  actual: column("实际完成值"),
  weight: column("分值"),
  score: column("得分"),
  reason: column("偏差原因"),
};

const hundredths = (x: number): number => x / 100;
const money = (cents: number): string => (cents / 100).toFixed(2);

/** The test-only layout's sheet: a header, then one row per indicator, the project's fields on its first row. */
function render(projects: readonly ModelProject[]): { grid: Grid; address: (f: Field) => string } {
  const grid: Grid = [HEADER];
  const firstRow: number[] = [];
  for (const p of projects) {
    firstRow.push(grid.length);
    p.indicators.forEach((i, k) => {
      const own = k === 0;
      // prettier-ignore
      grid.push([
        own ? p.name : null, own ? money(p.budget) : null, own ? money(p.spent) : null,
        own ? `${(p.rate / 100).toFixed(2)}%` : null, i.level1, i.level2, i.name, i.target, i.actual,
        hundredths(i.weight), hundredths(i.score), i.reason, own ? hundredths(p.budgetWeight) : null,
        own ? hundredths(p.budgetScore) : null, own ? hundredths(p.weightTotal) : null,
        own ? hundredths(p.totalScore) : null, own ? p.grade : null,
      ]);
    });
  }
  const address = (f: Field): string => {
    const row = firstRow[f.project]! + ("item" in f ? f.item : 0);
    return cellAddress(row + 1, FIELD_COLUMN[f.field] + 1);
  };
  return { grid, address };
}

function analyze(grid: Grid): readonly Issue[] {
  return analyzeLocated([{ tables: findTables(grid, A1_ORIGIN, [...LAYOUTS, selfEvaluation]) }]).issues;
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

/** Multiset difference by rule and cell. */
function newIssues(before: readonly Issue[], after: readonly Issue[]): Issue[] {
  const key = (i: Issue): string => `${i.rule}|${i.cell}`;
  const counts = new Map<string, number>();
  for (const i of before) counts.set(key(i), (counts.get(key(i)) ?? 0) + 1);
  return after.filter((i) => {
    const n = counts.get(key(i)) ?? 0;
    if (n > 0) counts.set(key(i), n - 1);
    return n === 0;
  });
}

interface KindStats {
  faults: number;
  detected: number;
  localised: number;
  issues: number;
  expected: number;
}

const ratio = (a: number, b: number): number | null => (b === 0 ? null : Number((a / b).toFixed(4)));

/** The self-evaluation figures for bench-faults.ts's JSON line. */
export function selfEvaluationFaultFigures(
  seed: number,
  faultsPerKind: number,
  cleanTables: number,
): unknown {
  const random = new Random(seededRandom(seed ^ 0x5e1f));
  const byKind: Record<string, KindStats> = {};
  const all: KindStats = { faults: 0, detected: 0, localised: 0, issues: 0, expected: 0 };
  const misses: string[] = [];
  let serial = 0;
  let culpritNamed = 0;
  let culpritFaults = 0;
  for (const [kind, seedFault] of Object.entries(SEEDS)) {
    const s: KindStats = (byKind[kind] = { faults: 0, detected: 0, localised: 0, issues: 0, expected: 0 });
    for (let made = 0, tries = 0; made < faultsPerKind && tries < faultsPerKind * 20; tries++) {
      const projects = Array.from({ length: random.int(1, 3) }, () => makeProject(random, ++serial));
      const index = random.int(0, projects.length - 1);
      const fault = seedFault(projects[index]!, index, random);
      if (fault === null) continue;
      made++;
      const before = render(projects);
      const seeded = projects.map((p, i) => (i === index ? fault.project : p));
      const after = render(seeded);
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
      if (kind === "score-typed-over-weight") {
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
    const projects = Array.from({ length: random.int(1, 3) }, () => makeProject(random, ++serial));
    for (const issue of analyze(render(projects).grid)) {
      if (issue.severity === "error") falseErrors++;
      if (issue.severity === "warning") falseWarnings++;
      if (issue.severity !== "info") rules.add(issue.rule);
      if (issue.severity !== "info" && misses.length < 8) misses.push(`clean: ${issue.rule}@${issue.cell}`);
    }
  }
  const figures = (t: KindStats) => ({
    faults: t.faults,
    recall: ratio(t.detected, t.faults),
    precision: ratio(t.expected, t.issues),
    localisation: ratio(t.localised, t.detected),
  });
  return {
    layout: "self-evaluation (test-only layout)",
    ...figures(all),
    byKind: Object.fromEntries(Object.entries(byKind).map(([k, t]) => [k, figures(t)])),
    culpritNamed: { faults: culpritFaults, named: culpritNamed, share: ratio(culpritNamed, culpritFaults) },
    clean: { tables: cleanTables, falseErrors, falseWarnings, rules: [...rules] },
    misses,
  };
}
