/**
 * npm run bench:compare — year over year on real-shaped tables: every finding kind seeded, one at a time, into a
 * copy of a table (the sample and a 200-project table made from it), then last year against the seeded copy.
 * Per kind: recall (the seeded change found, on its project and indicator, with its kind) and precision (findings
 * of that kind that were seeded). Plus the core's time to compare two tables of 10,000 projects (best of 5).
 * Prints one JSON line.
 */
import { analyzeTable } from "../src/core/analyze-table";
import { compareTables } from "../src/core/compare/compare-tables";
import { FINDING_KINDS, type FindingKind } from "../src/core/compare/finding";
import type { Analysis, Indicator, Project } from "../src/core/model/analysis";
import { parseCellAddress } from "../src/core/model/cell-address";
import type { CellValue } from "../src/core/model/grid";
import { loadSampleGrid } from "../testing/sample";
import { targetTableOf } from "../testing/target-table";
import { buildSyntheticGrid } from "./synthetic-table";
import { seededRandom } from "./seeded-random";
import { cleanSelfEvaluationGrid } from "./self-evaluation-faults";

type Grid = CellValue[][];

interface Seed {
  readonly kind: FindingKind;
  /** This year's project name and indicator name the finding must carry. */
  readonly project: string;
  readonly indicator: string | null;
}

function copy(grid: Grid): Grid {
  return grid.map((row) => [...row]);
}

/** Replaces `from` by `to` in the cell at `address`; false when the cell does not hold it. */
function editCell(grid: Grid, address: string, from: string, to: string): boolean {
  const at = parseCellAddress(address);
  if (!at) return false;
  const row = grid[at.row - 1];
  const text = row?.[at.column - 1];
  if (typeof text !== "string" || !text.includes(from)) return false;
  row![at.column - 1] = text.replace(from, to);
  return true;
}

const ANNUAL = "年度指标值：";

/** The item's text with its 年度指标值 replaced, or null when the item has none written that way. */
function withAnnual(indicator: Indicator, value: string): string | null {
  const at = indicator.raw.indexOf(ANNUAL);
  if (at < 0 || indicator.annualValue === null) return null;
  const start = at + ANNUAL.length;
  if (!indicator.raw.startsWith(indicator.annualValue, start)) return null;
  return indicator.raw.slice(0, start) + value + indicator.raw.slice(start + indicator.annualValue.length);
}

const SIGNS: Record<string, string> = { ">=": "≥", "<=": "≤", ">": "＞", "<": "＜" };
const OPPOSITE: Record<string, string> = { ">=": "≤", "<=": "≥", ">": "＜", "<": "＞" };

/** The 年度指标值 that seeds `kind` into this indicator, or null when the kind does not fit its value. */
function seededValue(kind: FindingKind, indicator: Indicator): string | null {
  const v = indicator.annual;
  if (v === null || indicator.annualValue === null) return null;
  const number = v.value === null ? null : String(v.value);
  const writtenUnit = v.unit !== null && v.raw.includes(v.unit) ? v.unit : null;
  const quantity =
    v.op !== "text" && v.op !== "range" && number !== null && indicator.annualValue.includes(number);
  switch (kind) {
    case "op-lost":
      return quantity && SIGNS[v.op] ? `${number}${writtenUnit ?? ""}` : null;
    case "op-changed":
      return quantity && OPPOSITE[v.op] ? `${OPPOSITE[v.op]}${number}${writtenUnit ?? ""}` : null;
    case "unit-changed":
      if (!quantity || writtenUnit === null) return null;
      // Half the time a change of scale that keeps the quantity, where the unit has one.
      if (writtenUnit === "万元")
        return indicator.annualValue.replace(`${number}万元`, `${v.value! * 10000}元`);
      return indicator.annualValue.replace(writtenUnit, "");
    case "magnitude":
      return quantity && v.value !== 0 ? indicator.annualValue.replace(number!, String(v.value! * 10)) : null;
    case "kind-changed":
      return quantity ? "按计划完成" : null;
    default:
      return null;
  }
}

/** Seeds one change of `kind` into a copy of `grid`, picking a fitting project/indicator with `next`. */
function seed(
  grid: Grid,
  base: Analysis,
  kind: FindingKind,
  next: () => number,
): { grid: Grid; seed: Seed } | null {
  const projects = base.projects.filter((p) => p.indicators.length > 1);
  for (let attempt = 0; attempt < 200; attempt++) {
    const project = projects[Math.floor(next() * projects.length)]!;
    const indicator = project.indicators[Math.floor(next() * project.indicators.length)]!;
    const out = copy(grid);
    const done = applyKind(out, project, indicator, kind);
    if (done) return { grid: out, seed: done };
  }
  return null;
}

function applyKind(grid: Grid, project: Project, indicator: Indicator, kind: FindingKind): Seed | null {
  const at = { project: project.name, indicator: indicator.name };
  switch (kind) {
    case "renamed": {
      const name = `全年${indicator.name}`;
      const raw = indicator.raw.replace(`${indicator.name}；`, `${name}；`);
      return raw !== indicator.raw && editCell(grid, indicator.cell, indicator.raw, raw)
        ? { kind, project: project.name, indicator: name }
        : null;
    }
    case "dropped":
      return editCell(grid, indicator.cell, indicator.raw, "") ? { kind, ...at } : null;
    case "added": {
      const name = "新增考核指标";
      const item = `99、1-产出指标：11-数量指标：${name}；实施周期指标值：1；年度指标值：1。`;
      return editCell(grid, indicator.cell, indicator.raw, `${indicator.raw}${item}`)
        ? { kind, project: project.name, indicator: name }
        : null;
    }
    case "project-renamed": {
      const name = `${project.name}（2025年度）`;
      return editCell(grid, project.nameCell, project.name, name)
        ? { kind, project: name, indicator: null }
        : null;
    }
    case "amount-vs-quantity": {
      const hasCount = project.indicators.some(
        (i) => i.level2?.name === "数量指标" && i.annual?.op !== "text",
      );
      const total = project.amountCells.total;
      if (!hasCount || total === undefined || typeof total.raw !== "string" || !total.value) return null;
      return editCell(grid, total.cell, total.raw, (total.value * 2).toFixed(2))
        ? { kind, project: project.name, indicator: null }
        : null;
    }
    default: {
      const value = seededValue(kind, indicator);
      const raw = value === null ? null : withAnnual(indicator, value);
      return raw !== null && editCell(grid, indicator.cell, indicator.raw, raw) ? { kind, ...at } : null;
    }
  }
}

/**
 * A target table against its self-evaluation: generated self-evaluation forms (bench/self-evaluation-faults.ts,
 * read by the real layout) against the target table rebuilt from each, with one seeded difference: a target
 * raised by one (target-changed), an indicator set in the target table and missing at year end (dropped), or one
 * the self-evaluation adds (added). Recall and precision per kind, and findings on the clean pairs (0).
 */
function selfEvaluationFigures(trials: number): {
  perKind: Record<string, { seeded: number; recall: number; precision: number }>;
  cleanFindings: number;
} {
  const next = seededRandom(20261207);
  const kinds = ["target-changed", "dropped", "added"] as const;
  const tally = new Map<string, { seeded: number; found: number; reported: number; right: number }>();
  for (const kind of kinds) tally.set(kind, { seeded: 0, found: 0, reported: 0, right: 0 });
  let cleanFindings = 0;
  let serial = 0;
  for (const kind of kinds)
    for (let t = 0; t < trials; t++) {
      const self = analyzeTable(cleanSelfEvaluationGrid(next, ++serial));
      const project = self.projects[0]!;
      cleanFindings += compareTables(analyzeTable(targetTableOf(self)), self).findings.length;
      const numeric = project.indicators.filter((i) => i.annual?.op !== "text" && i.annual?.value != null);
      const chosen = (kind === "target-changed" ? numeric : project.indicators)[
        Math.floor(next() * (kind === "target-changed" ? numeric.length : project.indicators.length))
      ];
      if (chosen === undefined) continue;
      const expected = kind === "dropped" ? "年初设定的另一项指标" : chosen.name;
      const target = targetTableOf(
        self,
        (i) =>
          i !== chosen
            ? i.annualValue
            : kind === "target-changed"
              ? i.annualValue!.replace(String(i.annual!.value), String(i.annual!.value! + 1))
              : kind === "added"
                ? undefined
                : i.annualValue,
        kind === "dropped" ? [expected] : [],
      );
      const row = tally.get(kind)!;
      row.seeded++;
      for (const f of compareTables(analyzeTable(target), self).findings) {
        const r =
          tally.get(f.kind) ?? tally.set(f.kind, { seeded: 0, found: 0, reported: 0, right: 0 }).get(f.kind)!;
        r.reported++;
        if (f.kind === kind && f.project === project.name && f.indicator === expected) {
          r.right++;
          row.found++;
        }
      }
    }
  const perKind: Record<string, { seeded: number; recall: number; precision: number }> = {};
  for (const [kind, t] of tally)
    perKind[kind] = {
      seeded: t.seeded,
      recall: t.seeded === 0 ? 0 : Number((t.found / t.seeded).toFixed(4)),
      precision: t.reported === 0 ? 1 : Number((t.right / t.reported).toFixed(4)),
    };
  return { perKind, cleanFindings };
}

function main(): void {
  const sample = loadSampleGrid();
  const tables: Grid[] = [sample, buildSyntheticGrid(sample, 200)];
  const next = seededRandom(20261206);
  const tally = new Map<FindingKind, { seeded: number; found: number; reported: number; right: number }>();
  for (const kind of FINDING_KINDS) tally.set(kind, { seeded: 0, found: 0, reported: 0, right: 0 });
  // Two years' tables: every kind but the one only a target table and its self-evaluation give.
  const yearKinds = FINDING_KINDS.filter((kind) => kind !== "target-changed");
  const TRIALS = 25;
  for (const grid of tables) {
    const base = analyzeTable(grid);
    for (const kind of yearKinds)
      for (let t = 0; t < TRIALS; t++) {
        const seeded = seed(grid, base, kind, next);
        if (!seeded) continue;
        const findings = compareTables(base, analyzeTable(seeded.grid)).findings;
        tally.get(kind)!.seeded++;
        const s = seeded.seed;
        for (const f of findings) {
          const row = tally.get(f.kind)!;
          row.reported++;
          if (f.kind === s.kind && f.project === s.project && f.indicator === s.indicator) {
            row.right++;
            tally.get(kind)!.found++;
          }
        }
      }
  }
  const perKind: Record<string, { seeded: number; recall: number; precision: number }> = {};
  for (const [kind, t] of tally) {
    if (t.seeded === 0 && t.reported === 0) continue;
    perKind[kind] = {
      seeded: t.seeded,
      recall: t.seeded === 0 ? 0 : Number((t.found / t.seeded).toFixed(4)),
      precision: t.reported === 0 ? 1 : Number((t.right / t.reported).toFixed(4)),
    };
  }

  // Speed: two tables of 10,000 projects (~70,000 indicators), this year with every 50th value changed.
  const big = buildSyntheticGrid(sample, 10_000);
  const last = analyzeTable(big);
  const changed = copy(big);
  let edits = 0;
  last.projects.forEach((p, i) => {
    if (i % 50 !== 0) return;
    const indicator = p.indicators.find((x) => seededValue("magnitude", x) !== null);
    const raw = indicator && withAnnual(indicator, seededValue("magnitude", indicator)!);
    if (indicator && raw && editCell(changed, indicator.cell, indicator.raw, raw)) edits++;
  });
  const current = analyzeTable(changed);
  let best = Infinity;
  let findings = 0;
  for (let run = 0; run < 5; run++) {
    const start = performance.now();
    findings = compareTables(last, current).findings.length;
    best = Math.min(best, performance.now() - start);
  }
  const indicators = last.projects.reduce((n, p) => n + p.indicators.length, 0);
  console.log(
    JSON.stringify({
      bench: "compare",
      perKind,
      projects: last.projects.length,
      indicators,
      seededAt10k: edits,
      findingsAt10k: findings,
      compareMs: Number(best.toFixed(1)),
      targetMs: 1000,
      againstSelfEvaluation: selfEvaluationFigures(50),
    }),
  );
}

main();
