/**
 * Fault benchmark: how well the checks find a seeded fault, and only it.
 *
 * From the sample grid it generates tables with ONE seeded fault each (ten kinds, FAULTS_PER_KIND of each)
 * and CLEAN_TABLES clean variants (projects reordered, moved, dropped or renamed, amounts split over the
 * fund columns or written as numbers, "1,234.00" or "1234.00", blank rows inserted; every sum kept right).
 * A seeded PRNG makes runs reproducible. The sample itself has legitimate issues, so a detection is an issue
 * that the clean sample's analysis does not have.
 *
 * Prints one JSON line:
 * - totals / indicators: recall (faults with a new issue of the rule the fault should raise), precision
 *   (new issues of the expected rules, over all new issues) and localisation (detected faults whose every
 *   new issue points at the seeded place: for totals, the equation's cells include a seeded cell; for
 *   indicators, the issue is at the seeded cell and item);
 * - clean: new errors and warnings on clean variants (both should be 0), and the sample's own issues that a
 *   clean variant lost although their project is still there (0: the variants really were parsed);
 * - culpritNamed: of the seeded total faults (one or two changed cells), those whose smallest explanation is
 *   unique, and of those the share whose error marks are exactly the changed cells (the target is 1.0); the
 *   faults with several equally small explanations, or none of three cells or fewer, are counted apart.
 * - layouts: the same figures on the department table, the single-project form and the segment dialect
 *   (bench/columnar-faults.ts);
 * - explanations: pastes of the right sample as clerks make them (issue #22: cut at the end or the start, rows
 *   twice, 尾差): how often the right explanation is given with no cell blamed ("share", the target is 1.0).
 * - selfEvaluation: the self-evaluation rules (issue #24), one seeded kind per rule, per kind and in all, and
 *   clean self-evaluation tables (bench/self-evaluation-faults.ts).
 */
import { readFileSync } from "fs";
import { join } from "path";
import { analyzeTable } from "../src/core/analyze-table";
import { cellAddress } from "../src/core/model/cell-address";
import type { CellValue } from "../src/core/model/grid";
import type { Issue, RuleId } from "../src/core/model/issue";
import { readDelimitedText } from "../src/xlsx/read-delimited-text";
import { columnarFaultFigures } from "./columnar-faults";
import { selfEvaluationFaultFigures } from "./self-evaluation-faults";
import { CulpritTally } from "./culprit-tally";
import { transposablePairs, transposeAt } from "./transposed-digits";
import { seededRandom } from "./seeded-random";

const SEED = Number(process.env.SEED ?? 20240101);
const FAULTS_PER_KIND = Number(process.env.FAULTS_PER_KIND ?? 100);
const CLEAN_TABLES = Number(process.env.CLEAN_TABLES ?? 120);
/** Per layout of bench/columnar-faults.ts: faults of each kind, and clean tables. */
const LAYOUT_FAULTS_PER_KIND = Number(process.env.LAYOUT_FAULTS_PER_KIND ?? 60);
const LAYOUT_CLEAN_TABLES = Number(process.env.LAYOUT_CLEAN_TABLES ?? 60);

type Row = CellValue[];
type Grid = Row[];

/** Column indexes of the sample's layout. */
const NAME = 0;
const TOTAL = 1;
const FISCAL = 2;
const AMOUNT_COLUMNS = [1, 2, 3, 4];
const GOAL = 5;
const INDICATORS = 6;

const TOTAL_RULES: readonly RuleId[] = ["wrong-amount", "row-total", "group-total", "grand-total"];

const random = seededRandom(SEED);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const int = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

const toCents = (v: CellValue | undefined): number =>
  typeof v === "number"
    ? Math.round(v * 100)
    : typeof v === "string" && v.trim() !== ""
      ? Math.round(Number(v.replace(/,/g, "")) * 100)
      : 0;
const money = (cents: number): string =>
  (cents / 100).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const address = (rowIndex: number, column: number): string => cellAddress(rowIndex + 1, column + 1);
const isText = (v: CellValue | undefined): v is string => typeof v === "string" && v.trim() !== "";

interface Layout {
  headerEnd: number;
  grand: number;
  units: { row: number; projects: number[] }[];
}

/** Finds 合计, the unit rows and the project rows of a grid in the sample's layout (grid indexes). */
function layoutOf(grid: Grid): Layout {
  const header = grid.findIndex((r) => isText(r[NAME]) && r[NAME].startsWith("项目名称"));
  const grand = grid.findIndex((r) => r[NAME] === "合计");
  const units: Layout["units"] = [];
  for (let i = grand + 1; i < grid.length; i++) {
    const r = grid[i]!;
    if (!isText(r[NAME])) continue;
    if (isText(r[GOAL]) || isText(r[INDICATORS])) units[units.length - 1]?.projects.push(i);
    else units.push({ row: i, projects: [] });
  }
  return { headerEnd: header + 1, grand, units };
}

const copy = (grid: Grid): Grid => grid.map((r) => [...r]);

interface Fault {
  kind: string;
  family: "total" | "indicator";
  /** Cells whose value the fault changed (A1). */
  cells: string[];
  /** For indicator faults: the item number the issue should carry. */
  seq?: number;
  /** Rules the fault should raise. */
  expect: readonly RuleId[];
  /** Renumbered items of the seeded cell: new number → number in the sample (their old issues stay old). */
  renumbered?: Map<number, number>;
  grid: Grid;
}

/** Amount cells (grid indexes) that hold a number: 合计, unit and project rows, columns B..E. */
function amountSites(grid: Grid, layout: Layout): [number, number][] {
  const rows = [layout.grand, ...layout.units.flatMap((u) => [u.row, ...u.projects])];
  return rows.flatMap((r) =>
    AMOUNT_COLUMNS.filter((c) => toCents(grid[r]![c]) !== 0).map((c) => [r, c] as [number, number]),
  );
}

const totalFaults: Record<string, (grid: Grid, layout: Layout) => Fault | null> = {
  "changed-digit": (grid, layout) => {
    const [r, c] = pick(amountSites(grid, layout));
    const text = String(grid[r]![c]);
    const digits = [...text].flatMap((ch, i) => (/\d/.test(ch) ? [i] : []));
    const i = pick(digits);
    // A leading zero would make "0,476.54", which is not how amounts are written.
    const choices = "0123456789".split("").filter((d) => d !== text[i] && !(i === digits[0] && d === "0"));
    const g = copy(grid);
    g[r]![c] = text.slice(0, i) + pick(choices) + text.slice(i + 1);
    return { kind: "changed-digit", family: "total", cells: [address(r, c)], expect: TOTAL_RULES, grid: g };
  },
  "transposed-digits": (grid, layout) => {
    const [r, c] = pick(amountSites(grid, layout));
    const text = String(grid[r]![c]);
    const pairs = transposablePairs(text);
    if (pairs.length === 0) return null;
    const i = pick(pairs);
    const g = copy(grid);
    g[r]![c] = transposeAt(text, i);
    return {
      kind: "transposed-digits",
      family: "total",
      cells: [address(r, c)],
      expect: TOTAL_RULES,
      grid: g,
    };
  },
  "times-ten": (grid, layout) => {
    const [r, c] = pick(amountSites(grid, layout));
    const g = copy(grid);
    g[r]![c] = money(toCents(grid[r]![c]) * 10);
    return { kind: "times-ten", family: "total", cells: [address(r, c)], expect: TOTAL_RULES, grid: g };
  },
  "project-dropped-from-subtotal": (grid, layout) => {
    const unit = pick(layout.units.filter((u) => u.projects.length > 0));
    const p = pick(unit.projects);
    const g = copy(grid);
    for (const c of [TOTAL, FISCAL])
      g[unit.row]![c] = money(toCents(grid[unit.row]![c]) - toCents(grid[p]![c]));
    return {
      kind: "project-dropped-from-subtotal",
      family: "total",
      cells: [address(unit.row, TOTAL), address(unit.row, FISCAL)],
      expect: TOTAL_RULES,
      grid: g,
    };
  },
  "stale-subtotal": (grid, layout) => {
    // A project's amount changed (its row still adds up) but its unit's subtotal was not updated.
    const p = pick(layout.units.flatMap((u) => u.projects));
    const delta = pick([-1, 1]) * int(1, 500_000);
    if (toCents(grid[p]![TOTAL]) + delta < 0) return null;
    const g = copy(grid);
    for (const c of [TOTAL, FISCAL]) g[p]![c] = money(toCents(grid[p]![c]) + delta);
    return {
      kind: "stale-subtotal",
      family: "total",
      cells: [address(p, TOTAL), address(p, FISCAL)],
      expect: TOTAL_RULES,
      grid: g,
    };
  },
  "swapped-columns": (grid, layout) => {
    const r = pick([layout.grand, ...layout.units.flatMap((u) => [u.row, ...u.projects])]);
    const [a, b] = shuffle([...AMOUNT_COLUMNS]).slice(0, 2) as [number, number];
    // Swapping two equal values changes nothing: no fault.
    if (toCents(grid[r]![a]) === toCents(grid[r]![b])) return null;
    const g = copy(grid);
    [g[r]![a], g[r]![b]] = [grid[r]![b] ?? null, grid[r]![a] ?? null];
    return {
      kind: "swapped-columns",
      family: "total",
      cells: [address(r, a), address(r, b)],
      expect: TOTAL_RULES,
      grid: g,
    };
  },
  "grand-total-missing-a-unit": (grid, layout) => {
    const unit = pick(layout.units);
    const g = copy(grid);
    for (const c of [TOTAL, FISCAL])
      g[layout.grand]![c] = money(toCents(grid[layout.grand]![c]) - toCents(grid[unit.row]![c]));
    return {
      kind: "grand-total-missing-a-unit",
      family: "total",
      cells: [address(layout.grand, TOTAL), address(layout.grand, FISCAL)],
      expect: TOTAL_RULES,
      grid: g,
    };
  },
};

/**
 * What a clerk's paste does to a right table (issue #22): every amount stays right, so the right outcome is the
 * explanation (`expect`) and no cell named to change. Each gives the faulted grid, or null when it cannot apply.
 */
const pasteFaults: Record<string, { expect: RuleId; make: (grid: Grid, layout: Layout) => Grid | null }> = {
  // The selection ends early: after a project inside a unit, or between units (never after the last row).
  "cut-paste-end": {
    expect: "partial-paste",
    make: (grid, layout) => {
      const projects = layout.units.flatMap((u) => u.projects);
      const last = pick(projects.slice(0, -1));
      return grid.slice(0, last + 1).map((r) => [...r]);
    },
  },
  // The selection starts inside a unit, under its header (as a PDF's second page repeats it).
  "cut-paste-start": {
    expect: "partial-paste",
    make: (grid, layout) => {
      const inside = layout.units.flatMap((u) => u.projects.slice(1));
      if (inside.length === 0) return null;
      const first = pick(inside);
      return [[...grid[layout.headerEnd - 1]!], ...grid.slice(first).map((r) => [...r])];
    },
  },
  // One project pasted twice (right after itself), or the body again under a repeated header.
  "doubled-rows": {
    expect: "duplicate-rows",
    make: (grid, layout) => {
      if (random() < 0.5) {
        const p = pick(layout.units.flatMap((u) => u.projects));
        return [...grid.slice(0, p + 1), grid[p]!, ...grid.slice(p + 1)].map((r) => [...r]);
      }
      return [...grid, grid[layout.headerEnd - 1]!, ...grid.slice(layout.grand + 1)].map((r) => [...r]);
    },
  },
  // 尾差: a unit of at least two projects off its shown parts by a cent or so (each project rounded from 元),
  // and 合计 with it (one level) or not (two levels: 合计 then off the units by as much).
  rounding: {
    expect: "rounding-gap",
    make: (grid, layout) => {
      const unit = pick(layout.units.filter((u) => u.projects.length >= 2));
      // One level: the unit off by up to half a cent per project, 合计 agreeing with the units. Two levels: the
      // unit off by a cent and 合计 (rounded from the projects, as the unit is) off the shown units by as much.
      const twoLevels = random() < 0.5;
      const most = twoLevels ? 1 : Math.floor(unit.projects.length / 2);
      const delta = pick([-1, 1]) * int(1, most);
      const g = copy(grid);
      const rows = twoLevels ? [unit.row] : [unit.row, layout.grand];
      for (const r of rows) for (const c of [TOTAL, FISCAL]) g[r]![c] = money(toCents(grid[r]![c]) + delta);
      return g;
    },
  },
};

/** Rules that name a cell to change, or a total that does not add up: what a paste fault must not raise. */
const BLAMING_RULES: readonly RuleId[] = [...TOTAL_RULES, "subtotal"];

interface ItemSite {
  row: number;
  column: number;
  text: string;
  /** Start of each item in the text, its number and the position of its level-2 code. */
  items: { start: number; end: number; seq: number; seqAt: number; code2: string; code2At: number }[];
}

/**
 * Items of the indicator text of each project row (the 绩效目标 cell when the indicators sit there).
 * Examples: `1、1-产出指标：11-数量指标：`, `6、2-效益指标：31-服务对象满意度`.
 */
const ITEM_START = /(\d+)、\s*\d+-[^：:。]*?[：:]\s*(\d+)-/g;

function itemSites(grid: Grid, layout: Layout): ItemSite[] {
  return layout.units.flatMap((u) =>
    u.projects.map((row) => {
      const column = isText(grid[row]![INDICATORS]) ? INDICATORS : GOAL;
      const text = String(grid[row]![column]);
      const matches = [...text.matchAll(ITEM_START)];
      const items = matches.map((m, k) => ({
        start: m.index,
        end: matches[k + 1]?.index ?? text.length,
        seq: Number(m[1]),
        seqAt: m.index,
        code2: m[2]!,
        code2At: m.index + m[0].length - 1 - m[2]!.length,
      }));
      return { row, column, text, items };
    }),
  );
}

/** Items that the clean sample already flags with this rule: a fault there would not be new. */
function alreadyFlagged(baseline: readonly Issue[], rule: RuleId, cell: string, seq: number): boolean {
  return baseline.some((i) => i.rule === rule && i.cell === cell && i.details.seq === seq);
}

function indicatorFaults(
  baseline: readonly Issue[],
): Record<string, (grid: Grid, layout: Layout) => Fault | null> {
  const fault = (
    kind: string,
    site: ItemSite,
    text: string,
    seq: number,
    rule: RuleId,
    grid: Grid,
  ): Fault => {
    const g = copy(grid);
    g[site.row]![site.column] = text;
    return {
      kind,
      family: "indicator",
      cells: [address(site.row, site.column)],
      seq,
      expect: [rule],
      grid: g,
    };
  };
  return {
    "removed-annual-value": (grid, layout) => {
      const site = pick(itemSites(grid, layout));
      const item = pick(site.items);
      const body = site.text.slice(item.start, item.end);
      const label = body.indexOf("年度指标值");
      if (label < 0 || alreadyFlagged(baseline, "missing-value", address(site.row, site.column), item.seq))
        return null;
      // From the separator before the label to the 。 that ends the item.
      let from = label;
      while (from > 0 && /[；;\s]/.test(body[from - 1]!)) from--;
      const stop = body.lastIndexOf("。");
      const to = stop > label ? stop : body.length;
      const text =
        site.text.slice(0, item.start) + body.slice(0, from) + body.slice(to) + site.text.slice(item.end);
      return fault("removed-annual-value", site, text, item.seq, "missing-value", grid);
    },
    "wrong-level2-code": (grid, layout) => {
      const site = pick(itemSites(grid, layout));
      const item = pick(site.items);
      if (alreadyFlagged(baseline, "level-mismatch", address(site.row, site.column), item.seq)) return null;
      const code = pick(
        ["11", "12", "13", "14", "21", "22", "23", "24", "31"].filter((c) => c !== item.code2),
      );
      const text =
        site.text.slice(0, item.code2At) + code + site.text.slice(item.code2At + item.code2.length);
      return fault("wrong-level2-code", site, text, item.seq, "level-mismatch", grid);
    },
    "numbering-gap": (grid, layout) => {
      const site = pick(itemSites(grid, layout).filter((s) => s.items.length >= 2));
      const k = int(1, site.items.length - 1);
      let text = site.text;
      // Renumber items k.. by one more, from the end so positions stay valid: 1、2、3、 → 1、3、4、.
      for (let j = site.items.length - 1; j >= k; j--) {
        const it = site.items[j]!;
        text = text.slice(0, it.seqAt) + String(it.seq + 1) + text.slice(it.seqAt + String(it.seq).length);
      }
      const renumbered = new Map(site.items.slice(k).map((it) => [it.seq + 1, it.seq] as [number, number]));
      return { ...fault("numbering-gap", site, text, site.items[k]!.seq + 1, "sequence", grid), renumbered };
    },
  };
}

/** A clean variant: same content, sums kept right; returns the grid and new-name → sample-name. */
function cleanVariant(sample: Grid, layout: Layout): { grid: Grid; names: Map<string, string> } {
  const names = new Map<string, string>();
  const units = layout.units.map((u) => ({
    name: sample[u.row]![NAME] as string,
    projects: u.projects.map((p) => [...sample[p]!]),
  }));
  const ops = new Set(
    shuffle(["reorder", "move", "drop", "rename", "split", "blank", "unit-order"]).slice(0, int(1, 5)),
  );
  if (ops.has("reorder")) for (const u of units) shuffle(u.projects);
  if (ops.has("unit-order")) shuffle(units);
  if (ops.has("move")) {
    const from = pick(units.filter((u) => u.projects.length > 1));
    const to = pick(units.filter((u) => u !== from));
    to.projects.push(...from.projects.splice(int(0, from.projects.length - 1), 1));
  }
  if (ops.has("drop")) {
    const from = pick(units.filter((u) => u.projects.length > 1));
    from.projects.splice(int(0, from.projects.length - 1), 1);
  }
  for (const u of units) {
    for (const p of u.projects) {
      const original = p[NAME] as string;
      if (ops.has("rename") && random() < 0.5) p[NAME] = `${original}（${int(2024, 2026)}年）`;
      names.set(p[NAME] as string, original);
      // Keep the four amounts as cents: fiscal, special account, other; total = their sum.
      const total = toCents(p[TOTAL]);
      let parts = [total, 0, 0];
      if (ops.has("split") && random() < 0.5) {
        const a = int(0, total);
        const b = int(0, total - a);
        parts = [a, b, total - a - b];
      }
      p.splice(1, 4, total, ...parts);
    }
  }
  const style = pick(["text", "plain", "number", "mixed"] as const);
  const write = (cents: number, blankWhenZero: boolean): CellValue => {
    if (cents === 0 && blankWhenZero) return null;
    const s = style === "mixed" ? pick(["text", "plain", "number"] as const) : style;
    return s === "number" ? cents / 100 : s === "plain" ? (cents / 100).toFixed(2) : money(cents);
  };
  const amounts = (cents: number[]): CellValue[] => cents.map((c, i) => write(c, i > 0));
  const out: Grid = sample.slice(0, layout.grand).map((r) => [...r]);
  const body: Grid = [];
  const grand = [0, 0, 0, 0];
  for (const u of units) {
    const sum = [0, 0, 0, 0];
    const rows: Grid = [];
    for (const p of u.projects) {
      const cents = p.slice(1, 5) as number[];
      cents.forEach((c, i) => (sum[i]! += c));
      rows.push([p[NAME]!, ...amounts(cents), p[GOAL] ?? null, p[INDICATORS] ?? null]);
      if (ops.has("blank") && random() < 0.2) rows.push([]);
    }
    sum.forEach((c, i) => (grand[i]! += c));
    body.push([u.name, ...amounts(sum), null, null], ...rows);
  }
  out.push(["合计", ...amounts(grand), null, null], ...body);
  return { grid: out, names };
}

/** The seeded cells before → after, for SHOW_FAULTS. */
function describe(sample: Grid, fault: Fault): string {
  return fault.cells
    .map((a) => {
      const row = Number(a.replace(/^[A-Z]+/, "")) - 1;
      const column = a.charCodeAt(0) - 65;
      const before = String(sample[row]?.[column] ?? "");
      const after = String(fault.grid[row]?.[column] ?? "");
      if (before.length < 40) return `${before} → ${after}`;
      let i = 0;
      while (before[i] === after[i]) i++;
      return `…${before.slice(Math.max(0, i - 20), i + 40)} → …${after.slice(Math.max(0, i - 20), i + 40)}`;
    })
    .join(" ; ");
}

/** Multiset difference: the issues of `after` that `before` does not have, by key. */
function newIssues(
  before: readonly Issue[],
  after: readonly Issue[],
  key: (i: Issue) => string,
  beforeKey: (i: Issue) => string = key,
): Issue[] {
  const counts = new Map<string, number>();
  for (const i of before) counts.set(beforeKey(i), (counts.get(beforeKey(i)) ?? 0) + 1);
  return after.filter((i) => {
    const n = counts.get(key(i)) ?? 0;
    if (n > 0) {
      counts.set(key(i), n - 1);
      return false;
    }
    return true;
  });
}

const faultKey = (i: Issue, fault?: Fault): string => {
  const seq = i.details.seq;
  const original =
    seq !== undefined && i.cell === fault?.cells[0] ? (fault.renumbered?.get(seq) ?? seq) : seq;
  return [i.rule, i.cell, original, i.details.field, i.details.amountColumn, i.details.category].join("|");
};

function main(): void {
  const sample = readDelimitedText(
    readFileSync(join(__dirname, "..", "samples", "baiyun-2024.tsv"), "utf8"),
    "\t",
  );
  const layout = layoutOf(sample);
  const started = performance.now();
  const baseline = analyzeTable(sample).issues;
  const kinds = { ...totalFaults, ...indicatorFaults(baseline) };

  const stats = {
    total: { faults: 0, detected: 0, localised: 0, issues: 0, expected: 0 },
    indicator: { faults: 0, detected: 0, localised: 0, issues: 0, expected: 0 },
  };
  const byKind: Record<string, { faults: number; detected: number; localised: number; noise: number }> = {};
  const culprits = new CulpritTally();
  const misses: string[] = [];
  let tables = 0;
  for (const [kind, make] of Object.entries(kinds)) {
    byKind[kind] = { faults: 0, detected: 0, localised: 0, noise: 0 };
    for (let made = 0, tries = 0; made < FAULTS_PER_KIND && tries < FAULTS_PER_KIND * 20; tries++) {
      const fault = make(sample, layout);
      if (!fault) continue;
      made++;
      tables++;
      // SHOW_FAULTS=1 prints each seeded change to stderr, to check what the generators do.
      if (process.env.SHOW_FAULTS)
        console.error(kind, fault.cells.join(","), fault.seq ?? "", describe(sample, fault));
      const analysis = analyzeTable(fault.grid);
      const fresh = newIssues(
        baseline,
        analysis.issues,
        (i) => faultKey(i, fault),
        (i) => faultKey(i),
      );
      // Culprit named: the error marks on amount cells are exactly the seeded cells.
      if (fault.family === "total")
        culprits.add(kind, analysis, fault.cells, (cell) => AMOUNT_COLUMNS.includes(cell.charCodeAt(0) - 65));
      const expected = fresh.filter((i) => fault.expect.includes(i.rule));
      const onSite = (i: Issue): boolean =>
        fault.family === "total"
          ? (i.details.cells ?? []).some((c) => fault.cells.includes(c))
          : i.cell === fault.cells[0] && i.details.seq === fault.seq;
      const s = stats[fault.family];
      const k = byKind[kind]!;
      s.faults++;
      k.faults++;
      s.issues += fresh.length;
      s.expected += expected.length;
      k.noise += fresh.length - expected.length;
      // SHOW_NOISE=1 prints the new issues a fault raised beyond the rules it should raise.
      if (process.env.SHOW_NOISE && fresh.length > expected.length)
        console.error(
          kind,
          fault.cells.join(","),
          fault.seq ?? "",
          fresh.map((i) => `${i.rule}@${i.cell}#${i.details.seq ?? ""}`).join(" "),
        );
      if (expected.length > 0) {
        s.detected++;
        k.detected++;
        if (fresh.every(onSite)) {
          s.localised++;
          k.localised++;
        }
      } else if (misses.length < 5) {
        misses.push(
          `${kind} ${fault.cells.join(",")} seq ${fault.seq ?? "-"}: ${fresh.map((i) => i.rule).join(",")}`,
        );
      }
    }
  }

  // Paste faults: the right explanation given, and no cell blamed.
  const explanations: Record<string, { faults: number; explained: number; blamed: number }> = {};
  for (const [kind, fault] of Object.entries(pasteFaults)) {
    const k = (explanations[kind] = { faults: 0, explained: 0, blamed: 0 });
    for (let made = 0, tries = 0; made < FAULTS_PER_KIND && tries < FAULTS_PER_KIND * 20; tries++) {
      const grid = fault.make(sample, layout);
      if (!grid) continue;
      made++;
      tables++;
      k.faults++;
      const issues = analyzeTable(grid).issues;
      const blamed = issues.some((i) => BLAMING_RULES.includes(i.rule));
      if (blamed) k.blamed++;
      if (issues.some((i) => i.rule === fault.expect) && !blamed) k.explained++;
      if (process.env.SHOW_PASTE && !(issues.some((i) => i.rule === fault.expect) && !blamed))
        console.error(
          kind,
          issues
            .filter((i) => i.severity !== "info")
            .map((i) => `${i.rule}@${i.cell}`)
            .join(" "),
        );
    }
  }

  let falseErrors = 0;
  let falseWarnings = 0;
  let lost = 0;
  const falseRules = new Set<string>();
  for (let n = 0; n < CLEAN_TABLES; n++) {
    const { grid, names } = cleanVariant(sample, layout);
    tables++;
    const key = (i: Issue): string =>
      [
        i.rule,
        i.details.project !== undefined ? (names.get(i.details.project) ?? i.details.project) : "",
        i.details.seq,
        i.details.field,
        i.details.category,
      ].join("|");
    const issues = analyzeTable(grid).issues;
    // The sample's own findings must survive a clean variant (else the variant was not really parsed).
    const kept = new Set(names.values());
    lost += newIssues(
      issues,
      baseline.filter((i) => i.details.project === undefined || kept.has(i.details.project)),
      key,
    ).length;
    for (const i of newIssues(baseline, issues, key)) {
      if (i.severity === "error") falseErrors++;
      if (i.severity === "warning") falseWarnings++;
      if (i.severity !== "info") falseRules.add(i.rule);
    }
  }

  const ratio = (a: number, b: number): number | null => (b === 0 ? null : Number((a / b).toFixed(4)));
  const family = (s: (typeof stats)["total"]) => ({
    faults: s.faults,
    recall: ratio(s.detected, s.faults),
    precision: ratio(s.expected, s.issues),
    localisation: ratio(s.localised, s.detected),
  });
  console.log(
    JSON.stringify({
      bench: "faults",
      seed: SEED,
      tables,
      baselineIssues: baseline.length,
      totals: family(stats.total),
      indicators: family(stats.indicator),
      clean: {
        tables: CLEAN_TABLES,
        falseErrors,
        falseWarnings,
        rules: [...falseRules],
        lostBaselineIssues: lost,
      },
      byKind,
      misses,
      // Issue #22: pastes of a right table (cut, doubled, rounded): the share given the right explanation
      // with no cell blamed, and the faults where a cell or a total was blamed.
      explanations: Object.fromEntries(
        Object.entries(explanations).map(([kind, k]) => [
          kind,
          { ...k, share: ratio(k.explained, k.faults) },
        ]),
      ),
      culpritNamed: culprits.figures(),
      // The other layouts (issue #12): department tables, single-project forms, the segment dialect.
      layouts: columnarFaultFigures(SEED, LAYOUT_FAULTS_PER_KIND, LAYOUT_CLEAN_TABLES),
      // Issue #24: a self-evaluation table's rules, one seeded kind per rule (bench/self-evaluation-faults.ts).
      selfEvaluation: selfEvaluationFaultFigures(SEED, LAYOUT_FAULTS_PER_KIND, LAYOUT_CLEAN_TABLES),
      ms: Math.round(performance.now() - started),
    }),
  );
}

main();
