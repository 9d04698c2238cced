/**
 * The fault benchmark on the layouts other than the sample's (issue #12): the department table, the
 * single-project form and the one-segment-per-indicator dialect. For each, seeded random clean tables (every
 * total right, merged cells empty as Office.js and the xlsx reader hand them over) and tables with ONE seeded
 * fault each, of the kinds a clerk's table has:
 * - totals: a changed digit, two digits transposed, ×10, a project left out of its unit's total, a project's
 *   amount changed without its unit's total (department), a 资金总额 or part changed (form);
 * - indicators: a value removed, a level-2 moved under the wrong level-1, a rate that reads 292%, weights that
 *   no longer add up to 100 (department), a damaged 项目起止时间 (form).
 * A detection is an issue the clean table does not have. Figures as bench-faults.ts reports them: recall,
 * precision, localisation (every new issue at a seeded cell, or for totals in an equation holding one), and the
 * new errors and warnings of clean tables (0).
 */
import { analyzeTable } from "../src/core/analyze-table";
import { cellAddress } from "../src/core/model/cell-address";
import type { CellValue } from "../src/core/model/grid";
import type { Issue, RuleId } from "../src/core/model/issue";
import { CulpritTally } from "./culprit-tally";
import { transposablePairs, transposeAt } from "./transposed-digits";
import { seededRandom } from "./seeded-random";

type Grid = CellValue[][];

interface Fault {
  readonly kind: string;
  readonly family: "total" | "indicator";
  /** Cells the fault changed (A1). */
  readonly cells: readonly string[];
  readonly expect: readonly RuleId[];
  readonly grid: Grid;
}

/** A table the generator made, with what its faults need to know. */
interface Made {
  readonly grid: Grid;
  /** [row, column] (grid indexes) of amount cells that hold a number, and what each is. */
  readonly amounts: readonly { r: number; c: number; role: "project" | "unit" | "total" | "part" }[];
  /** Indicator rows: value cell, level-2 cell (and its level-1 code), weight cell. */
  readonly indicators: readonly {
    r: number;
    value: number;
    level2: number;
    level1Code: string;
    weight?: number;
  }[];
  /** Unit groups (department layout): the unit row and its project rows. */
  readonly groups: readonly { unit: number; projects: readonly number[] }[];
  /** Column of the amount (or total) cells, and for forms the 项目起止时间 value cells. */
  readonly amountColumn: number;
  readonly periods: readonly { r: number; c: number }[];
}

const TOTAL_RULES: readonly RuleId[] = [
  "wrong-amount",
  "row-total",
  "group-total",
  "grand-total",
  "subtotal",
];

export class Random {
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

/** Indicators by level: [level-1, level-2, names, how a value is written]. */
const VOCABULARY: readonly [
  string,
  string,
  readonly string[],
  "count" | "rate" | "time" | "cost" | "text",
][] = [
  ["产出指标", "数量指标", ["购置设备台数", "培训人次", "服务场次", "覆盖户数"], "count"],
  ["产出指标", "质量指标", ["验收合格率", "完成率", "达标率"], "rate"],
  ["产出指标", "时效指标", ["完成时间", "响应时间"], "time"],
  ["产出指标", "成本指标", ["单位成本", "人均成本"], "cost"],
  ["效益指标", "社会效益指标", ["服务能力", "群众获得感"], "text"],
  ["效益指标", "经济效益指标", ["带动就业率", "资金使用效率"], "rate"],
  ["效益指标", "生态效益指标", ["绿化覆盖率"], "rate"],
  ["效益指标", "可持续影响指标", ["设备使用年限", "机制长效运行"], "text"],
  ["满意度指标", "服务对象满意度指标", ["服务对象满意度", "群众满意度"], "rate"],
];
const LEVEL1_CODE: Readonly<Record<string, string>> = { 产出指标: "1", 效益指标: "2", 满意度指标: "3" };
/** A level-2 under another level-1 than `code`, for the wrong-level fault. */
const FOREIGN_LEVEL2: Readonly<Record<string, readonly string[]>> = {
  "1": ["社会效益指标", "服务对象满意度指标"],
  "2": ["数量指标", "时效指标"],
  "3": ["质量指标", "经济效益指标"],
};

/** One indicator row's fields: op, value, unit of measure. */
function indicatorValue(kind: (typeof VOCABULARY)[number][3], random: Random): [string, string, string] {
  switch (kind) {
    case "count":
      return [random.pick(["≥", "＝"]), String(random.int(2, 900)), random.pick(["台", "人次", "场", "户"])];
    case "rate":
      return ["≥", String(random.int(80, 99)), "%"];
    case "time":
      return ["≤", String(random.int(1, 12)), random.pick(["月", "小时", "天"])];
    case "cost":
      return ["≤", String(random.int(50, 5000)), "元"];
    case "text":
      return ["定性", random.pick(["提升", "明显改善", "长期有效"]), ""];
  }
}

/** 3–6 indicators covering 产出 and 效益 (and sometimes 满意度), weights adding up to 100. */
function indicatorsOf(
  random: Random,
): { l1: string; l2: string; name: string; op: string; value: string; unit: string; weight: number }[] {
  const chosen = [
    random.pick(VOCABULARY.filter((v) => v[0] === "产出指标")),
    random.pick(VOCABULARY.filter((v) => v[0] === "产出指标")),
    random.pick(VOCABULARY.filter((v) => v[0] === "效益指标")),
  ];
  for (let k = random.int(0, 3); k > 0; k--) chosen.push(random.pick(VOCABULARY));
  // Grouped by level-1 as tables print them.
  chosen.sort((a, b) => LEVEL1_CODE[a[0]]!.localeCompare(LEVEL1_CODE[b[0]]!));
  const weights = chosen.map(() => 10);
  for (let left = 100 - 10 * chosen.length; left > 0; left -= 5)
    weights[random.int(0, chosen.length - 1)]! += 5;
  const names = new Set<string>();
  return chosen.map(([l1, l2, pool, kind], k) => {
    let name = random.pick(pool);
    while (names.has(name)) name = `${name}（${names.size + 1}）`;
    names.add(name);
    const [op, value, unit] = indicatorValue(kind, random);
    return { l1, l2, name, op, value, unit, weight: weights[k]! };
  });
}

const money = (cents: number): string =>
  (cents / 100).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/**
 * A department table: 单位名称 · 项目名称 · 预算数 · 年度目标 · 一级指标 · 二级指标 · 三级指标 · 指标性质 · 指标值 ·
 * 度量单位 · 权重, in half of the tables then 财政拨款 · 其他资金 (预算数 = their sum on every row: a project's
 * amount is then in its row's equation too, which tells which project is wrong); a department row over 2–4 unit
 * rows, each over 1–4 projects; unit, project, amount and goal merged down (empty) over a project's rows, level-1
 * merged over its group.
 */
function departmentTable(random: Random, serial: number): Made {
  const grid: Grid = [
    ["项目支出绩效目标表"],
    ["金额单位：元"],
    [
      "单位名称",
      "项目名称",
      "预算数",
      "年度目标",
      "一级指标",
      "二级指标",
      "三级指标",
      "指标性质",
      "指标值",
      "度量单位",
      "权重",
    ],
  ];
  const amounts: Made["amounts"][number][] = [];
  const indicators: Made["indicators"][number][] = [];
  const groups: { unit: number; projects: number[] }[] = [];
  const asNumber = random.chance(0.5);
  const write = (cents: number): CellValue => (asNumber ? cents / 100 : money(cents));
  const withParts = random.chance(0.5);
  if (withParts) grid[2]!.push("财政拨款", "其他资金");
  /** Writes a row's 预算数 and, with parts, its 财政拨款 and 其他资金 (columns 11, 12). */
  const writeAmounts = (r: number, cents: number, fiscal: number, role: "project" | "unit"): void => {
    const row = grid[r]!;
    row[2] = write(cents);
    amounts.push({ r, c: 2, role });
    if (!withParts) return;
    while (row.length < 11) row.push(null);
    row[11] = write(fiscal);
    row[12] = write(cents - fiscal);
    // A part of 0 (no 其他资金) is no cell to seed a fault in: ×10 would leave it as it is.
    amounts.push({ r, c: 11, role: "part" });
    if (cents !== fiscal) amounts.push({ r, c: 12, role: "part" });
  };
  const departmentRow = grid.length;
  grid.push([`${100 + serial}-部门${serial}`, null, null]);
  let departmentCents = 0;
  let departmentFiscal = 0;
  const unitCount = random.int(2, 4);
  for (let u = 0; u < unitCount; u++) {
    const unitName = `${100 + serial}${String(u + 1).padStart(3, "0")}-单位${u + 1}`;
    const unitRow = grid.length;
    grid.push([unitName, null, null]);
    const group = { unit: unitRow, projects: [] as number[] };
    groups.push(group);
    let unitCents = 0;
    let unitFiscal = 0;
    const projectCount = random.int(1, 4);
    for (let p = 0; p < projectCount; p++) {
      const cents = random.int(1, 50_000) * 100 * random.pick([1, 10, 100]);
      const fiscal = withParts ? Math.round((cents * random.int(50, 100)) / 10_000) * 100 : cents;
      unitCents += cents;
      unitFiscal += fiscal;
      const first = grid.length;
      group.projects.push(first);
      let previousLevel1 = "";
      for (const [k, item] of indicatorsOf(random).entries()) {
        const r = grid.length;
        const level1 = item.l1 !== previousLevel1 ? item.l1 : null;
        previousLevel1 = item.l1;
        grid.push([
          k === 0 ? unitName : null,
          k === 0 ? `项目${serial}-${u + 1}-${p + 1}` : null,
          null,
          k === 0 ? "完成年度目标" : null,
          level1,
          item.l2,
          item.name,
          item.op,
          item.value,
          item.unit || null,
          item.weight,
        ]);
        indicators.push({ r, value: 8, level2: 5, level1Code: LEVEL1_CODE[item.l1]!, weight: 10 });
      }
      writeAmounts(first, cents, fiscal, "project");
    }
    writeAmounts(unitRow, unitCents, unitFiscal, "unit");
    departmentCents += unitCents;
    departmentFiscal += unitFiscal;
  }
  writeAmounts(departmentRow, departmentCents, departmentFiscal, "unit");
  return { grid, amounts, indicators, groups, amountColumn: 2, periods: [] };
}

/** 1–3 single-project forms stacked: 资金总额 = 财政拨款 + 自有资金 + 其他; level cells merged (empty) down. */
function formTable(random: Random, serial: number): Made {
  const grid: Grid = [];
  const amounts: Made["amounts"][number][] = [];
  const indicators: Made["indicators"][number][] = [];
  const periods: { r: number; c: number }[] = [];
  const forms = random.int(1, 3);
  for (let f = 0; f < forms; f++) {
    if (grid.length > 0) grid.push([]);
    const fiscal = random.int(1, 5000) * 100;
    const own = random.chance(0.5) ? random.int(0, 1000) * 100 : 0;
    const other = random.chance(0.3) ? random.int(1, 500) * 100 : 0;
    grid.push(["项目支出绩效目标申报表"], [null, "（2024年度）"]);
    grid.push(["项目名称", `项目${serial}-${f + 1}`]);
    grid.push(["主管部门", "某局", null, "实施单位", `单位${f + 1}`]);
    periods.push({ r: grid.length, c: 1 });
    grid.push(["项目起止时间", random.pick(["2024年1月-2024年12月", "2024.03-2024.11", "2024-2026"])]);
    const totalRow = grid.length;
    grid.push(["项目资金（万元）", "资金总额", money(fiscal + own + other)]);
    grid.push([null, "其中：财政拨款", money(fiscal)]);
    grid.push([null, "自有资金", own ? money(own) : null]);
    grid.push([null, "其他", other ? money(other) : null]);
    amounts.push({ r: totalRow, c: 2, role: "total" }, { r: totalRow + 1, c: 2, role: "part" });
    if (own) amounts.push({ r: totalRow + 2, c: 2, role: "part" });
    if (other) amounts.push({ r: totalRow + 3, c: 2, role: "part" });
    grid.push(["年度目标", "完成年度任务"]);
    grid.push(["绩效指标", "一级指标", "二级指标", "三级指标", "指标值", "备注"]);
    let previous1 = "";
    let previous2 = "";
    for (const item of indicatorsOf(random)) {
      const r = grid.length;
      grid.push([
        null,
        item.l1 !== previous1 ? item.l1 : null,
        item.l2 !== previous2 || item.l1 !== previous1 ? item.l2 : null,
        item.name,
        `${item.op === "定性" || item.op === "＝" ? "" : item.op}${item.value}${item.unit}`,
      ]);
      indicators.push({ r, value: 4, level2: 2, level1Code: LEVEL1_CODE[item.l1]! });
      previous1 = item.l1;
      previous2 = item.l2;
    }
  }
  return { grid, amounts, indicators, groups: [], amountColumn: 2, periods };
}

/** The string layout's columns with one `一级指标：…,…;` segment per indicator, a 合计 row over the projects. */
function segmentTable(random: Random, serial: number): Made {
  const grid: Grid = [
    ["项目支出绩效目标表"],
    ["单位：万元"],
    ["项目名称", "总计", "财政拨款", "其他资金", "绩效目标", "绩效指标"],
  ];
  const amounts: Made["amounts"][number][] = [];
  const grandRow = grid.length;
  grid.push(["合计", null, null, null]);
  let total = 0;
  let fiscalTotal = 0;
  let otherTotal = 0;
  const projects = random.int(2, 8);
  for (let p = 0; p < projects; p++) {
    const fiscal = random.int(1, 9000) * 100;
    const other = random.chance(0.4) ? random.int(1, 900) * 100 : 0;
    total += fiscal + other;
    fiscalTotal += fiscal;
    otherTotal += other;
    const text = indicatorsOf(random)
      .map(
        (i) =>
          `一级指标：${i.l1},二级指标：${i.l2},三级指标：${i.name},运算符号：${i.op},指标值：${i.value},计量单位：${i.unit};`,
      )
      .join("");
    const r = grid.length;
    grid.push([
      `项目${serial}-${p + 1}`,
      money(fiscal + other),
      money(fiscal),
      other ? money(other) : null,
      "完成年度目标",
      text,
    ]);
    amounts.push({ r, c: 1, role: "project" }, { r, c: 2, role: "part" });
    if (other) amounts.push({ r, c: 3, role: "part" });
  }
  grid[grandRow] = ["合计", money(total), money(fiscalTotal), otherTotal ? money(otherTotal) : null];
  amounts.push({ r: grandRow, c: 1, role: "total" }, { r: grandRow, c: 2, role: "total" });
  return { grid, amounts, indicators: [], groups: [], amountColumn: 1, periods: [] };
}

const copy = (grid: Grid): Grid => grid.map((row) => [...row]);
const address = (r: number, c: number): string => cellAddress(r + 1, c + 1);
const cents = (v: CellValue | undefined): number =>
  typeof v === "number"
    ? Math.round(v * 100)
    : typeof v === "string"
      ? Math.round(Number(v.replace(/,/g, "")) * 100)
      : 0;

/** Writes an amount the way the cell held it (a number stays a number). */
function rewrite(grid: Grid, r: number, c: number, newCents: number): void {
  grid[r]![c] = typeof grid[r]![c] === "number" ? newCents / 100 : money(newCents);
}

type FaultMaker = (made: Made, random: Random) => Fault | null;

const TOTAL_FAULTS: Readonly<Record<string, FaultMaker>> = {
  "changed-digit": (made, random) => {
    const { r, c } = random.pick(made.amounts);
    const text = money(cents(made.grid[r]![c]));
    const digits = [...text].flatMap((ch, i) => (/\d/.test(ch) && i > 0 ? [i] : []));
    if (digits.length === 0) return null;
    const i = random.pick(digits);
    const changed = text.slice(0, i) + String((Number(text[i]) + random.int(1, 9)) % 10) + text.slice(i + 1);
    const g = copy(made.grid);
    rewrite(g, r, c, cents(changed));
    return { kind: "changed-digit", family: "total", cells: [address(r, c)], expect: TOTAL_RULES, grid: g };
  },
  "transposed-digits": (made, random) => {
    const { r, c } = random.pick(made.amounts);
    const text = money(cents(made.grid[r]![c]));
    const pairs = transposablePairs(text);
    if (pairs.length === 0) return null;
    const i = random.pick(pairs);
    const g = copy(made.grid);
    rewrite(g, r, c, cents(transposeAt(text, i)));
    return {
      kind: "transposed-digits",
      family: "total",
      cells: [address(r, c)],
      expect: TOTAL_RULES,
      grid: g,
    };
  },
  "times-ten": (made, random) => {
    const { r, c } = random.pick(made.amounts);
    const g = copy(made.grid);
    rewrite(g, r, c, cents(made.grid[r]![c]) * 10);
    return { kind: "times-ten", family: "total", cells: [address(r, c)], expect: TOTAL_RULES, grid: g };
  },
  "project-dropped-from-subtotal": (made, random) => {
    const group = made.groups.length > 0 ? random.pick(made.groups) : null;
    if (!group) return null;
    const p = random.pick(group.projects);
    const g = copy(made.grid);
    const c = made.amountColumn;
    rewrite(g, group.unit, c, cents(made.grid[group.unit]![c]) - cents(made.grid[p]![c]));
    return {
      kind: "project-dropped-from-subtotal",
      family: "total",
      cells: [address(group.unit, c)],
      expect: TOTAL_RULES,
      grid: g,
    };
  },
  "stale-subtotal": (made, random) => {
    const group = made.groups.length > 0 ? random.pick(made.groups) : null;
    if (!group) return null;
    const p = random.pick(group.projects);
    const c = made.amountColumn;
    const g = copy(made.grid);
    rewrite(g, p, c, cents(made.grid[p]![c]) + random.int(1, 5000) * 100);
    return { kind: "stale-subtotal", family: "total", cells: [address(p, c)], expect: TOTAL_RULES, grid: g };
  },
};

const INDICATOR_FAULTS: Readonly<Record<string, FaultMaker>> = {
  "removed-value": (made, random) => {
    if (made.indicators.length === 0) return null;
    const item = random.pick(made.indicators);
    const g = copy(made.grid);
    g[item.r]![item.value] = null;
    return {
      kind: "removed-value",
      family: "indicator",
      cells: [address(item.r, item.value)],
      expect: ["missing-value"],
      grid: g,
    };
  },
  "wrong-level2": (made, random) => {
    if (made.indicators.length === 0) return null;
    const item = random.pick(made.indicators);
    // A merged (empty) level-2 cell takes its label from above: change the label where it is written.
    if (made.grid[item.r]![item.level2] === null) return null;
    const g = copy(made.grid);
    g[item.r]![item.level2] = random.pick(FOREIGN_LEVEL2[item.level1Code]!);
    return {
      kind: "wrong-level2",
      family: "indicator",
      cells: [address(item.r, item.level2)],
      expect: ["level-mismatch"],
      grid: g,
    };
  },
  "rate-292": (made, random) => {
    const rates = made.indicators.filter(
      (i) =>
        /%$|^\d+$/.test(String(made.grid[i.r]![i.value])) &&
        /%/.test(String(made.grid[i.r]![i.value + 1] ?? made.grid[i.r]![i.value])),
    );
    if (rates.length === 0) return null;
    const item = random.pick(rates);
    const g = copy(made.grid);
    const value = String(g[item.r]![item.value]);
    g[item.r]![item.value] = value.replace(/(\d+)/, "2$1");
    return {
      kind: "rate-292",
      family: "indicator",
      cells: [address(item.r, item.value)],
      expect: ["suspicious-value"],
      grid: g,
    };
  },
  "weights-off": (made, random) => {
    const weighted = made.indicators.filter((i) => i.weight !== undefined);
    if (weighted.length === 0) return null;
    const item = random.pick(weighted);
    const g = copy(made.grid);
    g[item.r]![item.weight!] = Number(g[item.r]![item.weight!]) + random.pick([-5, 5, 10]);
    // The issue points at the project's first weight cell: any weight cell of the project localises it.
    return {
      kind: "weights-off",
      family: "indicator",
      cells: [address(item.r, item.weight!)],
      expect: ["weight-total"],
      grid: g,
    };
  },
  "damaged-period": (made, random) => {
    if (made.periods.length === 0) return null;
    const { r, c } = random.pick(made.periods);
    const g = copy(made.grid);
    g[r]![c] = random.pick(["20246-202516", "2024年13月-2024年12月", "2025-2024"]);
    return {
      kind: "damaged-period",
      family: "indicator",
      cells: [address(r, c)],
      expect: ["bad-date-range"],
      grid: g,
    };
  },
};

/** Segment cells have no column per field: their indicator faults edit the text of a project's cell. */
const SEGMENT_FAULTS: Readonly<Record<string, FaultMaker>> = {
  "removed-value": (made, random) =>
    segmentEdit(made, random, "removed-value", /指标值：[^,;]*/, "指标值：", "missing-value"),
  "wrong-level2": (made, random) => {
    const r = projectRowWithText(made, random);
    if (r < 0) return null;
    const text = String(made.grid[r]![5]);
    const match = /一级指标：(产出指标|效益指标|满意度指标),二级指标：([^,]*)/.exec(text);
    if (!match) return null;
    const foreign = random.pick(FOREIGN_LEVEL2[LEVEL1_CODE[match[1]!]!]!);
    const g = copy(made.grid);
    g[r]![5] = text.replace(match[0], `一级指标：${match[1]},二级指标：${foreign}`);
    return {
      kind: "wrong-level2",
      family: "indicator",
      cells: [address(r, 5)],
      expect: ["level-mismatch"],
      grid: g,
    };
  },
  "rate-292": (made, random) =>
    segmentEdit(
      made,
      random,
      "rate-292",
      /指标值：(\d+),计量单位：%/,
      "指标值：2$1,计量单位：%",
      "suspicious-value",
    ),
};

function projectRowWithText(made: Made, random: Random): number {
  const rows = made.grid.flatMap((row, r) =>
    typeof row[5] === "string" && row[5].startsWith("一级指标") ? [r] : [],
  );
  return rows.length === 0 ? -1 : random.pick(rows);
}

function segmentEdit(
  made: Made,
  random: Random,
  kind: string,
  pattern: RegExp,
  replacement: string,
  rule: RuleId,
): Fault | null {
  const r = projectRowWithText(made, random);
  if (r < 0) return null;
  const text = String(made.grid[r]![5]);
  if (!pattern.test(text)) return null;
  const g = copy(made.grid);
  g[r]![5] = text.replace(pattern, replacement);
  return { kind, family: "indicator", cells: [address(r, 5)], expect: [rule], grid: g };
}

/** Multiset difference by key, as bench-faults.ts. */
export function newIssues(before: readonly Issue[], after: readonly Issue[]): Issue[] {
  const key = (i: Issue): string => [i.rule, i.cell, i.details.field, i.details.amountColumn].join("|");
  const counts = new Map<string, number>();
  for (const i of before) counts.set(key(i), (counts.get(key(i)) ?? 0) + 1);
  return after.filter((i) => {
    const n = counts.get(key(i)) ?? 0;
    if (n > 0) {
      counts.set(key(i), n - 1);
      return false;
    }
    return true;
  });
}

export interface FamilyStats {
  faults: number;
  detected: number;
  localised: number;
  issues: number;
  expected: number;
}

export const ratio = (a: number, b: number): number | null => (b === 0 ? null : Number((a / b).toFixed(4)));

/** The figures of one layout: seeded faults of every kind, and clean tables. */
function layoutFigures(
  make: (random: Random, serial: number) => Made,
  kinds: Readonly<Record<string, FaultMaker>>,
  random: Random,
  faultsPerKind: number,
  cleanTables: number,
  misses: string[],
): unknown {
  const stats: Record<"total" | "indicator", FamilyStats> = {
    total: { faults: 0, detected: 0, localised: 0, issues: 0, expected: 0 },
    indicator: { faults: 0, detected: 0, localised: 0, issues: 0, expected: 0 },
  };
  const culprits = new CulpritTally();
  let serial = 0;
  for (const [kind, fault] of Object.entries(kinds)) {
    for (let made = 0, tries = 0; made < faultsPerKind && tries < faultsPerKind * 20; tries++) {
      const table = make(random, ++serial);
      const f = fault(table, random);
      if (!f) continue;
      const amountCells = new Set(table.amounts.map((a) => address(a.r, a.c)));
      made++;
      const baseline = analyzeTable(table.grid).issues;
      const analysis = analyzeTable(f.grid);
      const fresh = newIssues(baseline, analysis.issues);
      if (f.family === "total") culprits.add(kind, analysis, f.cells, (cell) => amountCells.has(cell));
      const expected = fresh.filter((i) => f.expect.includes(i.rule));
      const s = stats[f.family];
      s.faults++;
      s.issues += fresh.length;
      s.expected += expected.length;
      const onSite = (i: Issue): boolean =>
        f.family === "total"
          ? (i.details.cells ?? []).some((c) => f.cells.includes(c))
          : i.cell !== null &&
            (f.cells.includes(i.cell) || (i.details.cells ?? []).some((c) => f.cells.includes(c)));
      if (expected.length > 0) {
        s.detected++;
        if (fresh.every(onSite)) s.localised++;
        else if (misses.length < 8)
          misses.push(
            `${kind} ${f.cells.join(",")}: off site ${fresh.map((i) => `${i.rule}@${i.cell}`).join(" ")}`,
          );
      } else if (misses.length < 8)
        misses.push(`${kind} ${f.cells.join(",")}: ${fresh.map((i) => i.rule).join(",") || "nothing"}`);
    }
  }
  let falseErrors = 0;
  let falseWarnings = 0;
  const rules = new Set<string>();
  for (let k = 0; k < cleanTables; k++) {
    for (const issue of analyzeTable(make(random, ++serial).grid).issues) {
      if (issue.severity === "error") falseErrors++;
      if (issue.severity === "warning") falseWarnings++;
      if (issue.severity !== "info") rules.add(issue.rule);
    }
  }
  const family = (s: FamilyStats) => ({
    faults: s.faults,
    recall: ratio(s.detected, s.faults),
    precision: ratio(s.expected, s.issues),
    localisation: ratio(s.localised, s.detected),
  });
  return {
    totals: family(stats.total),
    culpritNamed: culprits.figures(),
    indicators: family(stats.indicator),
    clean: { tables: cleanTables, falseErrors, falseWarnings, rules: [...rules] },
  };
}

/** The columnar layouts' figures, for bench-faults.ts's JSON line. */
export function columnarFaultFigures(seed: number, faultsPerKind: number, cleanTables: number): unknown {
  const random = new Random(seededRandom(seed ^ 0x5eed));
  const misses: string[] = [];
  const figures = {
    "department-columns": layoutFigures(
      departmentTable,
      { ...TOTAL_FAULTS, ...INDICATOR_FAULTS },
      random,
      faultsPerKind,
      cleanTables,
      misses,
    ),
    "project-form": layoutFigures(
      formTable,
      {
        "changed-digit": TOTAL_FAULTS["changed-digit"]!,
        "transposed-digits": TOTAL_FAULTS["transposed-digits"]!,
        "times-ten": TOTAL_FAULTS["times-ten"]!,
        ...INDICATOR_FAULTS,
      },
      random,
      faultsPerKind,
      cleanTables,
      misses,
    ),
    "indicator-segments": layoutFigures(
      segmentTable,
      {
        "changed-digit": TOTAL_FAULTS["changed-digit"]!,
        "transposed-digits": TOTAL_FAULTS["transposed-digits"]!,
        "times-ten": TOTAL_FAULTS["times-ten"]!,
        ...SEGMENT_FAULTS,
      },
      random,
      faultsPerKind,
      cleanTables,
      misses,
    ),
  };
  return { ...figures, misses };
}
