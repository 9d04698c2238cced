/**
 * Finds single-project forms by structure and meaning (issue #19): a name label (项目名称, 专项名称, 资金名称, …
 * the vocabulary's `name`) with its value, and below it an indicator grid: a header row with at least two level
 * columns (一级 / 二级 / 三级指标, 指标内容 …) and a value column. Between them, the header block is read as
 * label/value pairs wherever they stand: side by side on a row, several pairs per row, a value in the label's own
 * cell (`资金总额：100`), or a row of labels with their values on the row below.
 *
 * The funding rows become groups: a total (资金总额, 年度资金总额, 中期资金总额, 项目当年预算 …) and the parts under it
 * in its column, or beside it on its row; parts under no total belong to this year's total. Where a form has
 * column groups for two horizons (中期 | 年度), this year's is chosen by meaning (vocabulary.ts, horizonOf), for
 * the amounts and for the grid's value column alike.
 */
import type { AmountRole, ColumnRole, ValueColumnChoice } from "../../model/analysis";
import { cellText, type CellValue, type Grid, type Origin } from "../../model/grid";
import { amountUnitIn, readTitleLines, type AmountUnit } from "../../locate/table-heading";
import { labelKey, normalizeLabel } from "../../locate/normalize-label";
import { formRole, gridRole, horizonOf, type FormRole, type GridRole } from "../../locate/vocabulary";
import { isSubProjectName, isWholeProject, subProjectOfHeader } from "../../locate/sub-project";
import {
  indicatorRole,
  levelColumnsByContent,
  shiftLevelColumns,
  splitValueColumns,
  type IndicatorRole,
} from "../indicator-rows";
import type { LocatedTable } from "../layout";

/** The fields of a form's header block that are one value each. */
export type FormField = "name" | "department" | "unit" | "period" | "goal" | "midGoal" | "overallGoal";

/** A label found with its value's cell: beside it, below it, or in the label's own cell (`资金总额：100`). */
export interface FieldCell {
  /** Grid row and column of the label. */
  readonly r: number;
  readonly labelColumn: number;
  /** Grid row and column of the value (the label's own cell when inline; the next cell when the value is empty). */
  readonly valueRow: number;
  readonly valueColumn: number;
  /** The value's text when it shares the label's cell (`资金总额：100`), else null. */
  readonly inline: string | null;
  /** The label as written. */
  readonly label: string;
  /** A value was found (else the value cell is the one right of the label, empty or another label's). */
  readonly found: boolean;
}

/** A total or part of the funding rows. */
export interface FundCell extends FieldCell {
  /** What it is among the budget table's amounts (财政拨款 → fiscal, 其他 → other …); null for other parts. */
  readonly role: AmountRole | null;
  /** A part that takes the rest (其他, 地方资金): with it, the parts listed are complete. */
  readonly residual: boolean;
  /** Its label normalised, without 其中 or a value after a colon (`上年结转`, `年度资金总额`). */
  readonly key: string;
}

/** A total with its parts. */
export interface FundGroup {
  readonly total: FundCell;
  readonly parts: readonly FundCell[];
  readonly horizon: "annual" | "other" | null;
  /** The parts are the whole (a cost table's items above its 合计), as when they include a rest (其他). */
  readonly complete?: true;
  /** A cost table's total as the messages name it: its 合计 and its column (`合计（金额）`). */
  readonly totalLabel?: string;
}

/** What the project-form layout found: the fields of its header block and the columns of its indicator grid. */
export interface FormTable extends LocatedTable {
  readonly fields: Readonly<Partial<Record<FormField, FieldCell>>>;
  /** The funding groups, and the index of this year's (the project's amount), -1 when none. */
  readonly funds: readonly FundGroup[];
  readonly chosenFund: number;
  /** The unit the form states for its amounts (`项目资金（万元）`, `单位：万元`), or null. */
  readonly amountUnit: AmountUnit | null;
  /** Grid row of the indicator grid's header (the last, when it spans two rows). */
  readonly gridHeader: number;
  readonly gridColumns: Readonly<Partial<Record<IndicatorRole, number>>>;
  /** A grid with one value column per sub-project: each one's name and grid column (empty: one value column). */
  readonly subProjects: readonly SubProjectColumn[];
  /** Grid rows of the header rows of the grids after the first (a second grid, a header repeated on a new page). */
  readonly laterHeaders?: readonly number[];
  /**
   * A grid of another horizon stacked with this year's (`长期绩效指标` above `年度绩效指标`, the 2015 national
   * template): its rows [start, end) and columns. Its values are the indicators' 实施周期指标值.
   */
  readonly periodGrid?: PeriodGrid;
}

/** The rows and columns of a form's long-term grid (长期绩效指标, 总目标绩效指标). */
export interface PeriodGrid {
  readonly start: number;
  readonly end: number;
  readonly columns: Readonly<Partial<Record<IndicatorRole, number>>>;
}

/** A value column of one sub-project (sub-project.ts): its name as written and its grid column. */
export interface SubProjectColumn {
  readonly name: string;
  readonly column: number;
  /** The whole project's column among them (`合计`): its indicator keeps the plain name. */
  readonly whole?: boolean;
}

/** How far below the name label the indicator grid's header may be. */
const MAX_BLOCK_ROWS = 40;
/** Longer text is a value, never a label. */
const MAX_LABEL_LENGTH = 40;

function labelRole(cell: CellValue | undefined): FormRole | null {
  return typeof cell === "string" && cell.length <= MAX_LABEL_LENGTH ? formRole(cell) : null;
}

/** `资金总额：100` → "100"; `资金总额`, `其中：财政拨款` → null. */
function inlineValue(cell: string): string | null {
  const text = cell.trim().replace(/^其中\s*[：:]?/, "");
  const at = text.search(/[：:]/);
  if (at < 0) return null;
  const value = text.slice(at + 1).trim();
  return value === "" ? null : value;
}

/** A row whose every filled cell is a label (a row of column labels, with the values on the row below). */
function isLabelRow(row: readonly CellValue[] | undefined): boolean {
  let labels = 0;
  for (const cell of row ?? []) {
    if (cellText(cell) === "") continue;
    if (labelRole(cell) === null || (typeof cell === "string" && inlineValue(cell) !== null)) return false;
    labels++;
  }
  return labels >= 2;
}

/**
 * The value of the label at (r, c): in its own cell, else the next filled cell to its right that is no label,
 * else (on a row of labels) the cell below it. An empty value is the cell right of the label.
 */
function fieldAt(grid: Grid, r: number, c: number, limit: number): FieldCell {
  const row = grid[r] ?? [];
  const label = cellText(row[c]);
  const inline = inlineValue(label);
  if (inline !== null) return { r, labelColumn: c, valueRow: r, valueColumn: c, inline, label, found: true };
  for (let k = c + 1; k < row.length; k++) {
    if (cellText(row[k]) === "") continue;
    if (labelRole(row[k]) === null)
      return { r, labelColumn: c, valueRow: r, valueColumn: k, inline: null, label, found: true };
    break;
  }
  if (r + 1 < limit && isLabelRow(row)) {
    const below = grid[r + 1]?.[c];
    if (cellText(below) !== "" && labelRole(below) === null)
      return { r, labelColumn: c, valueRow: r + 1, valueColumn: c, inline: null, label, found: true };
  }
  return { r, labelColumn: c, valueRow: r, valueColumn: c + 1, inline: null, label, found: false };
}

/** The budget table's amount a part stands for, by its words; null for the others (上年结转, 中央资金 …). */
function partRole(key: string): AmountRole | null {
  if (/其他|其它/.test(key)) return "other";
  if (/自有|专户/.test(key)) return "specialAccount";
  if (/财政拨款|财政资金|预算资金|一般公共预算/.test(key)) return "fiscal";
  return null;
}

/** A part that takes what the others leave: 其他(资金), 其余, 地方资金 (beside 中央). */
export function isResidual(key: string): boolean {
  return /其他|其它|其余|地方/.test(key);
}

/** A level of government alone (`市:`, `县：`): a sub-part of the part to its left (地方资金 | 市: | 县:). */
function isSubPart(key: string): boolean {
  return /^[省市县区乡镇]$/.test(key);
}

/** The next filled cell right of column c is a total or a part label. */
function headsFunding(row: readonly CellValue[], c: number): boolean {
  for (let k = c + 1; k < row.length; k++) {
    if (cellText(row[k]) === "") continue;
    const role = labelRole(row[k]);
    return role === "total" || role === "part";
  }
  return false;
}

/** The funding groups of header rows [from, to): totals with their parts. */
export function fundGroups(grid: Grid, from: number, to: number): FundGroup[] {
  const totals: FundCell[] = [];
  const parts: FundCell[] = [];
  for (let r = from; r < to; r++) {
    const row = grid[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const role = labelRole(row[c]);
      if (role !== "total" && role !== "part") continue;
      const key = normalizeLabel(cellText(row[c]))
        .key.replace(/^其中:?/, "")
        .replace(/:.*$/, "");
      if (role === "part" && isSubPart(key)) continue;
      const field = fieldAt(grid, r, c, to);
      // A total whose right-hand cell is another funding label heads the block (`项目预算（万元）| 资金总额 | 30`).
      if (role === "total" && !field.found && headsFunding(row, c)) continue;
      const cell: FundCell = {
        ...field,
        role: role === "total" ? "total" : partRole(key),
        residual: isResidual(key),
        key,
      };
      (role === "total" ? totals : parts).push(cell);
    }
  }
  const groups = totals.map((total) => ({
    total,
    parts: [] as FundCell[],
    horizon: horizonOf(total.label),
  }));
  if (groups.length === 0) return [];
  const annual = chooseFund(groups);
  for (const part of parts) {
    // The nearest total above in the part's column; else a total to its left on its row; else this year's.
    let owner = -1;
    for (let g = 0; g < groups.length; g++) {
      const t = groups[g]!.total;
      if (t.labelColumn === part.labelColumn && t.r < part.r && (owner < 0 || t.r > groups[owner]!.total.r))
        owner = g;
    }
    if (owner < 0) {
      for (let g = 0; g < groups.length; g++) {
        const t = groups[g]!.total;
        if (t.r === part.r && t.labelColumn < part.labelColumn) owner = g;
      }
    }
    if (owner < 0) owner = annual;
    groups[owner]!.parts.push(part);
  }
  return groups;
}

/**
 * The label of a cost table's header: `项目预算成本构成`, `预算构成`, `成本构成`, `支出明细`, `资金测算明细`, and a
 * table of sources (`资金来源 | 金额（万元）`, its sources, `合计`). Not `资金总额`, `项目概况`.
 */
const COST_TABLE_LABEL = /(?:预算|成本|支出|资金|经费)(?:成本)?(?:构成|明细|测算)|^资金来源$/;
/** An amount column of a cost table: `金额`, `预算金额`, `预算数`, `2020年实际执行数`; not `测算（公式）依据`. */
const AMOUNT_HEADER = /金额|预算数|执行数|资金数/;
/** Its closing row: `合计`, `小计`, `总计`. */
const TOTAL_LABEL = /^(?:合计|小计|总计)$/;

/**
 * A cost table inside the header block (Hubei's `项目预算成本构成 | 金额 | 测算（公式）依据 | 2020年实际执行数`, its
 * items, then `合计`): one group per amount column, 合计 the total of the items above it. The 金额 column (the first,
 * or the one that names no other year) is this year's; the others name their horizon.
 */
export function costTableGroups(grid: Grid, from: number, to: number): FundGroup[] {
  for (let r = from; r < to; r++) {
    const row = grid[r] ?? [];
    const labelColumn = row.findIndex((cell) => cellText(cell) !== "");
    if (labelColumn < 0 || !COST_TABLE_LABEL.test(labelKey(cellText(row[labelColumn])))) continue;
    const amountColumns: number[] = [];
    for (let c = labelColumn + 1; c < row.length; c++)
      if (AMOUNT_HEADER.test(cellText(row[c])) && labelRole(row[c]) !== "ignored") amountColumns.push(c);
    if (amountColumns.length === 0) continue;
    let totalRow = -1;
    for (let k = r + 1; k < to; k++) {
      if (TOTAL_LABEL.test(labelKey(cellText(grid[k]?.[labelColumn])))) {
        totalRow = k;
        break;
      }
    }
    if (totalRow < 0) continue;
    const cell = (k: number, c: number): FundCell => {
      const label = cellText(grid[k]?.[labelColumn]);
      const key = labelKey(label);
      return {
        r: k,
        labelColumn,
        valueRow: k,
        valueColumn: c,
        inline: null,
        label,
        found: true,
        // A source's part keeps its meaning (`财政拨款` is the fiscal amount); a cost item is none of them.
        role: partRole(key.replace(/^其中:?/, "")),
        residual: false,
        key,
      };
    };
    return amountColumns.map((c, index) => {
      const parts: FundCell[] = [];
      for (let k = r + 1; k < totalRow; k++)
        if (cellText(grid[k]?.[labelColumn]) !== "" && cellText(grid[k]?.[c]) !== "") parts.push(cell(k, c));
      const horizon = horizonOf(cellText(row[c]));
      return {
        total: { ...cell(totalRow, c), role: "total" },
        parts,
        horizon: horizon ?? (index === 0 ? null : "other"),
        complete: true,
        // `合计（金额）`: the column by its key, its unit left out (`金额（万元）` → 金额).
        totalLabel: `${cellText(grid[totalRow]?.[labelColumn])}（${labelKey(cellText(row[c]))}）`,
      };
    });
  }
  return [];
}

/** This year's funding group: the one whose total says 年度 / 当年, else one that says no horizon, else the first. */
function chooseFund(groups: readonly { horizon: "annual" | "other" | null }[]): number {
  const annual = groups.findIndex((g) => g.horizon === "annual");
  if (annual >= 0) return annual;
  const plain = groups.findIndex((g) => g.horizon === null);
  return plain >= 0 ? plain : 0;
}

/** One group of a grid header: its columns by grid role, and the columns it spans. */
interface GridGroup {
  readonly roles: Map<GridRole, number>;
  readonly headers: Map<number, string>;
  start: number;
  end: number;
}

const LEVEL_ROLES: readonly GridRole[] = ["level1", "level2", "level3"];
/** A role met again on one header row starts the next group (中期 | 年度 side by side). */
const GROUP_ROLES: readonly GridRole[] = ["level1", "level2", "level3", "value", "period"];

/** A value header naming a sub-project or the whole project: `指标值（一中）`, `一中指标值`, `指标值（合计）`. */
function namesSubProject(header: string): boolean {
  return subProjectOfHeader(header) !== null || isWholeProject(header);
}

/** The groups of grid row r that make an indicator grid: two level columns (or 三级指标) and a value column. */
function gridGroupsAt(grid: Grid, r: number): GridGroup[] {
  const row = grid[r];
  if (!row) return [];
  const groups: GridGroup[] = [];
  let current: GridGroup | null = null;
  for (let c = 0; c < row.length; c++) {
    const cell = row[c];
    if (typeof cell !== "string" || cell.length > 30) continue;
    const sub = namesSubProject(cell);
    const role = gridRole(cell) ?? (sub ? "value" : null);
    if (role === null) continue;
    // `指标值（一中） | 指标值（二中）`: one sub-project's value column after another's, not a new group.
    const nextSub =
      sub && current !== null && current.roles.has("value")
        ? namesSubProject(current.headers.get(current.roles.get("value")!) ?? "")
        : false;
    if (current === null || (GROUP_ROLES.includes(role) && current.roles.has(role) && !nextSub)) {
      current = { roles: new Map(), headers: new Map(), start: c, end: c + 1 };
      groups.push(current);
    }
    if (!current.roles.has(role)) current.roles.set(role, c);
    current.headers.set(c, cell);
    current.end = c + 1;
  }
  for (let g = 0; g + 1 < groups.length; g++) groups[g]!.end = groups[g + 1]!.start;
  // The last group runs to the right edge: a second header row may reach further (指标值 over 中期 | 年度).
  if (groups.length > 0) groups[groups.length - 1]!.end = Number.MAX_SAFE_INTEGER;
  return groups.filter((g) => {
    const levels = LEVEL_ROLES.filter((role) => g.roles.has(role)).length;
    return (levels >= 2 || g.roles.has("level3")) && (g.roles.has("value") || g.roles.has("period"));
  });
}

/**
 * A second header row under the first (`指标值` over `上年实际值 | 年度目标值`): every filled cell names a grid role
 * or a horizon, and the level columns are empty. Its roles replace the first row's where they stand.
 */
function secondHeaderRow(grid: Grid, r: number, group: GridGroup): Map<number, GridRole> | null {
  const row = grid[r];
  if (!row) return null;
  const roles = new Map<number, GridRole>();
  for (let c = group.start; c < Math.min(group.end, row.length); c++) {
    const text = cellText(row[c]);
    if (text === "") continue;
    if (text.length > 30) return null;
    const role =
      gridRole(text) ??
      (horizonOf(text) === "annual" ? "value" : horizonOf(text) === "other" ? "period" : null) ??
      // A bare 单位 under a value header is its unit (`单位(文字描述)` under 预期指标值, as Hebei prints it).
      (labelKey(text) === "单位" ? "measure" : null);
    if (role === null) return null;
    roles.set(c, role);
  }
  if (roles.size === 0) return null;
  for (const role of LEVEL_ROLES) {
    const c = group.roles.get(role);
    if (c !== undefined && cellText(row[c]) !== "" && roles.get(c) !== role) return null;
  }
  return roles;
}

/** What the rows above a group's columns say of its horizon: +1 for each 年度 label, -1 for each 中期 one. */
function groupHorizon(grid: Grid, from: number, to: number, group: GridGroup): number {
  let score = 0;
  for (let r = from; r < to; r++) {
    const row = grid[r] ?? [];
    for (let c = group.start; c < Math.min(group.end, row.length); c++) {
      const cell = row[c];
      if (typeof cell !== "string" || cell.length > MAX_LABEL_LENGTH) continue;
      if (labelRole(cell) === null && gridRole(cell) === null) continue;
      const h = horizonOf(cell);
      score += h === "annual" ? 1 : h === "other" ? -1 : 0;
    }
  }
  return score;
}

export interface FoundGrid {
  readonly headerRows: readonly number[];
  readonly columns: Partial<Record<IndicatorRole, number>>;
  readonly choice: ValueColumnChoice | null;
  readonly subProjects: readonly SubProjectColumn[];
}

/**
 * The sub-projects of a group's value columns, at least two with distinct names, or none: named in the value
 * headers (`指标值（一中） | 指标值（二中）`), else on the row under a value header that spans them (`指标值` over
 * `一中 | 二中`: the cells right of 指标值 empty on its row, the level and name columns empty on the row below).
 */
function subProjectColumns(
  grid: Grid,
  r: number,
  group: GridGroup,
  valueColumn: number,
  columns: Partial<Record<IndicatorRole, number>>,
): { subs: SubProjectColumn[]; rowBelow: boolean } {
  const distinct = (subs: SubProjectColumn[]) => {
    const parts = subs.filter((s) => !s.whole);
    const wholes = subs.length - parts.length;
    return parts.length >= 2 && wholes <= 1 && new Set(parts.map((s) => s.name)).size === parts.length
      ? subs
      : [];
  };
  const named: SubProjectColumn[] = [];
  for (const [c, header] of [...group.headers].sort((a, b) => a[0] - b[0])) {
    const name = subProjectOfHeader(header);
    if (name !== null) named.push({ name, column: c });
    else if (isWholeProject(header)) named.push({ name: header.trim(), column: c, whole: true });
  }
  if (distinct(named).length > 0) return { subs: named, rowBelow: false };
  const header = grid[r] ?? [];
  const below = grid[r + 1];
  const none = { subs: [] as SubProjectColumn[], rowBelow: false };
  const nameOf = (text: string, c: number): SubProjectColumn | null =>
    isWholeProject(text)
      ? { name: text.trim(), column: c, whole: true }
      : isSubProjectName(text)
        ? { name: text.trim(), column: c }
        : null;
  // The row below is a header row only where the level and name columns are empty.
  const belowIsHeader = below !== undefined && isHeaderBelow(grid, r, columns);
  if (belowIsHeader) {
    const spanned: SubProjectColumn[] = [];
    for (let c = valueColumn; c < Math.min(group.end, below.length); c++) {
      if (c > valueColumn && cellText(header[c]) !== "") break;
      const sub = nameOf(cellText(below[c]), c);
      if (sub === null) break;
      spanned.push(sub);
    }
    if (distinct(spanned).length > 0) return { subs: spanned, rowBelow: true };
  }
  // `指标值 | 指标值 | 指标值` side by side, each named on the row above or below (`一中 | 二中 | 实验小学`).
  const repeated = repeatedValueColumns(header, valueColumn);
  if (repeated.length < 2) return none;
  for (const [row, isBelow] of [
    [grid[r - 1], false],
    [belowIsHeader ? below : undefined, true],
  ] as const) {
    if (row === undefined || r - 1 < 0) continue;
    const subs = repeated.map((c) => nameOf(cellText(row[c]), c));
    if (subs.every((sub) => sub !== null) && distinct(subs as SubProjectColumn[]).length > 0)
      return { subs: subs as SubProjectColumn[], rowBelow: isBelow };
  }
  return none;
}

/** Grid columns of `指标值 | 指标值 | …` repeated side by side from the value column on row r (one when not repeated). */
function repeatedValueColumns(row: readonly CellValue[], valueColumn: number): number[] {
  const repeated = [valueColumn];
  for (let c = valueColumn + 1; c < row.length; c++) {
    const text = cellText(row[c]);
    if (text === "" || gridRole(text) !== "value" || namesSubProject(text)) break;
    repeated.push(c);
  }
  return repeated;
}

/** A row under the grid header whose level and name columns are empty: a second header row, not an indicator. */
function isHeaderBelow(grid: Grid, r: number, columns: Partial<Record<IndicatorRole, number>>): boolean {
  const below = grid[r + 1];
  return (
    below !== undefined &&
    (["level1", "level2", "indicatorName"] as const).every((role) => {
      const c = columns[role];
      return c === undefined || cellText(below[c]) === "";
    })
  );
}

/**
 * Repeated value headers each labelled with a horizon on the row above or below (`中期 | 年度` over `指标值 |
 * 指标值`): the first labelled this year's, with the others' labels; null when the labels are not all horizons or
 * none is this year's.
 */
function repeatedValueHorizon(
  grid: Grid,
  r: number,
  valueColumn: number,
  columns: Partial<Record<IndicatorRole, number>>,
): { column: number; row: number; header: string; others: string[]; ambiguous: boolean } | null {
  const header = grid[r] ?? [];
  const repeated = repeatedValueColumns(header, valueColumn);
  if (repeated.length < 2) return null;
  for (const at of [r - 1, isHeaderBelow(grid, r, columns) ? r + 1 : -1]) {
    const row = at >= 0 ? grid[at] : undefined;
    if (row === undefined) continue;
    const labels = repeated.map((c) => cellText(row[c]));
    const horizons = labels.map((label) => (label === "" || label.length > 30 ? null : horizonOf(label)));
    if (horizons.some((h) => h === null)) continue;
    const annual = horizons.flatMap((h, k) => (h === "annual" ? [k] : []));
    if (annual.length === 0) continue;
    const chosen = annual[0]!;
    const named = (k: number) => `${labels[k]} ${cellText(header[repeated[k]!])}`;
    return {
      column: repeated[chosen]!,
      row: at,
      header: named(chosen),
      others: repeated.flatMap((_, k) => (k === chosen ? [] : [named(k)])),
      ambiguous: annual.length > 1,
    };
  }
  return null;
}

/** The first indicator grid in rows (from, limit), with this year's group and value column chosen. */
export function findGrid(grid: Grid, nameRow: number, limit: number, originColumn: number): FoundGrid | null {
  for (let r = nameRow + 1; r < limit; r++) {
    const groups = gridGroupsAt(grid, r);
    if (groups.length === 0) continue;
    // Two-row headers, read as one.
    const headerRows = [r];
    for (const group of groups) {
      const second = secondHeaderRow(grid, r + 1, group);
      if (!second) continue;
      if (headerRows.length === 1) headerRows.push(r + 1);
      const valueAt = group.roles.get("value");
      for (const [c, role] of second) {
        for (const [k, v] of group.roles) if (v === c) group.roles.delete(k);
        if (!group.roles.has(role)) group.roles.set(role, c);
        group.headers.set(c, cellText(grid[r + 1]![c]));
      }
      // A value header over 符号 | (blank) | 单位: the value is the sub-column its header leaves unnamed.
      if (valueAt !== undefined && !group.roles.has("value")) {
        for (let c = valueAt + 1; c < (grid[r]?.length ?? 0) && cellText(grid[r]![c]) === ""; c++) {
          if (second.has(c)) continue;
          group.roles.set("value", c);
          group.headers.set(c, cellText(grid[r]![valueAt]));
          break;
        }
      }
    }
    // Column groups for two horizons: this year's by what the labels above them say.
    let chosen = 0;
    let ambiguous = false;
    if (groups.length > 1) {
      const scores = groups.map((g) => groupHorizon(grid, nameRow, r + 1, g));
      const best = Math.max(...scores);
      chosen = scores.indexOf(best);
      ambiguous = scores.filter((s) => s === best).length > 1;
    }
    const group = groups[chosen]!;
    // Level-1 from an earlier group when this one has none (the 一级指标 column is shared).
    if (!group.roles.has("level1") && chosen > 0) {
      const shared = groups[0]!.roles.get("level1");
      if (shared !== undefined) group.roles.set("level1", shared);
    }
    const columns: Partial<Record<IndicatorRole, number>> = {};
    let afterValue = false;
    for (const [role, c] of [...group.roles].sort((a, b) => a[1] - b[1])) {
      const indicator = indicatorRole(group.headers.get(c) ?? "", afterValue) ?? mapRole(role);
      if (indicator === null || columns[indicator] !== undefined) continue;
      columns[indicator] = c;
      if (indicator === "value") afterValue = true;
    }
    if (columns.value === undefined && columns.period === undefined) continue;
    shiftLevelColumns(grid, columns, r + 1, limit);
    // Level columns the header leaves unnamed (`指标类别`, blank cells), by what their cells say.
    levelColumnsByContent(grid, columns, chosen > 0 ? group.start : 0, r + 1, limit);
    // One value column per sub-project: each is read, none is a choice of this year's column.
    const { subs, rowBelow } =
      columns.value !== undefined
        ? subProjectColumns(grid, r, group, columns.value, columns)
        : { subs: [], rowBelow: false };
    if (rowBelow && headerRows.length === 1) headerRows.push(r + 1);
    if (subs.length > 0) columns.value = subs[0]!.column;
    // `指标值 | 指标值` under `中期 | 年度`: this year's by the labels' meaning, as for column groups.
    const horizon =
      subs.length === 0 && columns.value !== undefined
        ? repeatedValueHorizon(grid, r, columns.value, columns)
        : null;
    if (horizon !== null) {
      columns.value = horizon.column;
      if (horizon.row > r && headerRows.length === 1) headerRows.push(horizon.row);
      return {
        headerRows,
        columns,
        choice: {
          header: horizon.header,
          column: originColumn + horizon.column,
          others: horizon.others,
          ambiguous: horizon.ambiguous,
        },
        subProjects: [],
      };
    }
    const valueColumn = columns.value ?? columns.period!;
    const others: string[] = [];
    for (const g of groups)
      for (const [role, c] of g.roles)
        if ((role === "value" || role === "period" || role === "actual") && c !== valueColumn)
          others.push(g.headers.get(c) ?? "");
    const choice: ValueColumnChoice | null =
      others.length === 0
        ? null
        : {
            header: group.headers.get(valueColumn) ?? "",
            column: originColumn + valueColumn,
            others,
            ambiguous,
          };
    // `指标值` over `≥ | 20 | 台` with no second header row: comparison, value and unit.
    splitValueColumns(
      grid,
      columns,
      headerRows[headerRows.length - 1]!,
      headerRows[headerRows.length - 1]! + 1,
      limit,
    );
    return { headerRows, columns, choice, subProjects: subs };
  }
  return null;
}

function mapRole(role: GridRole): IndicatorRole | null {
  return role === "level3"
    ? "indicatorName"
    : role === "level1" || role === "level2" || role === "value"
      ? role
      : null;
}

/**
 * The amount unit a form states in a label (`项目资金（万元）`, `资金总额(元)`) or on a unit line of its header
 * block (`单位：万元` under a title that names the project, `金额单位：元` beside 填报单位), or null.
 */
function unitInLabels(grid: Grid, from: number, to: number): AmountUnit | null {
  for (let r = from; r < to; r++) {
    for (const cell of grid[r] ?? []) {
      if (typeof cell !== "string" || cell.length > MAX_LABEL_LENGTH) continue;
      for (const remark of normalizeLabel(cell).remarks) {
        if (remark === "万元") return "万元";
        if (remark === "元") return "元";
      }
      const stated = amountUnitIn(cell);
      if (stated !== null) return stated;
    }
  }
  return null;
}

/** A cell that may be a name label: it holds 名称, perhaps letter-spaced (`项 目 名 称`). */
function mayBeName(cell: CellValue | undefined): boolean {
  return typeof cell === "string" && cell.length <= MAX_LABEL_LENGTH && cell.includes("称");
}

/**
 * Grid rows whose name label has a value: where forms start. A unit's own table (整体绩效目标表) names no project:
 * when no row has a name label, its 部门（单位）名称 / 单位名称 label starts the form instead.
 */
function formStarts(grid: Grid): { r: number; c: number }[] {
  const byRole = (wanted: (cell: CellValue | undefined) => boolean) => {
    const starts: { r: number; c: number }[] = [];
    for (let r = 0; r < grid.length; r++) {
      const row = grid[r];
      if (!row) continue;
      for (let c = 0; c < row.length; c++) {
        if (!wanted(row[c])) continue;
        if (fieldAt(grid, r, c, grid.length).found) starts.push({ r, c });
        break;
      }
    }
    return starts;
  };
  // Every name and unit label's word holds 名称 (FORM_WORDS): a quick look spares the normaliser the body's cells.
  const named = byRole((cell) => mayBeName(cell) && labelRole(cell) === "name");
  if (named.length > 0) return named;
  return byRole((cell) => {
    if (!mayBeName(cell)) return false;
    const role = labelRole(cell);
    return (role === "department" || role === "unit") && normalizeLabel(cellText(cell)).key.endsWith("名称");
  });
}

/** The one-value fields of a header block in grid rows [from, to): 项目名称, 主管部门, 实施单位, 项目起止时间, goals. */
export function headerFields(grid: Grid, from: number, to: number): Partial<Record<FormField, FieldCell>> {
  const fields: Partial<Record<FormField, FieldCell>> = {};
  for (let r = from; r < to; r++) {
    const row = grid[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const role = labelRole(row[c]);
      if (role === null || role === "total" || role === "part" || role === "fundBlock" || role === "ignored")
        continue;
      if (role === "duration" || fields[role] !== undefined) continue;
      const field = fieldAt(grid, r, c, to);
      // A name, unit or goal label with nothing beside it or below it is a heading, not a field.
      if (!field.found || fieldText(grid, field) === "") continue;
      fields[role] = field;
    }
  }
  return fields;
}

/**
 * Every single-project form of the grid: a name label with a value, and below it (within MAX_BLOCK_ROWS, before
 * the next form) an indicator grid. Each form runs to the title lines of the next one (or the end).
 */
export function locateProjectForms(grid: Grid, origin: Origin): FormTable[] {
  const starts = formStarts(grid);
  const forms: FormTable[] = [];
  for (let s = 0; s < starts.length; s++) {
    const nameRow = starts[s]!.r;
    const limit = Math.min(grid.length, nameRow + MAX_BLOCK_ROWS, starts[s + 1]?.r ?? grid.length);
    const found = findGrid(grid, nameRow, limit, origin.column);
    if (found === null) continue;
    const gridHeader = found.headerRows[0]!;
    const fields = headerFields(grid, nameRow, gridHeader);
    // A unit's own table: its name label is the project's.
    if (fields.name === undefined) fields.name = fieldAt(grid, nameRow, starts[s]!.c, gridHeader);
    const funds = [...fundGroups(grid, nameRow, gridHeader), ...costTableGroups(grid, nameRow, gridHeader)];
    const form = formTable(grid, origin, nameRow, found, fields, funds, forms[forms.length - 1]);
    forms.push(withLaterGrids(grid, form, found, starts[s + 1]?.r ?? grid.length));
  }
  // Each form ends where the next one's title lines begin.
  for (let f = 0; f + 1 < forms.length; f++) {
    const next = forms[f + 1]!;
    forms[f] = { ...forms[f]!, end: next.start };
  }
  return forms;
}

/** One indicator grid of a form: its header rows, its columns, its rows [start, end) and its label's horizon. */
interface GridBlock {
  readonly headerRows: readonly number[];
  readonly columns: Partial<Record<IndicatorRole, number>>;
  readonly start: number;
  end: number;
  horizon: "annual" | "other" | null;
}

/**
 * The horizon a grid's label names, the label written left of the grid's columns on any of its rows (merged down
 * the block: `长期绩效指标 | 一级指标 | …`, centred or not) or alone on the row above its header (`二、年度绩效指标`).
 * Only a label about indicators or targets counts: `长期绩效指标`, `本年度绩效指标`, `总目标绩效指标`.
 */
function blockHorizon(grid: Grid, block: GridBlock): "annual" | "other" | null {
  const first = Math.min(...Object.values(block.columns));
  const horizon = (cell: CellValue | undefined): "annual" | "other" | null => {
    const text = cellText(cell);
    return text === "" || text.length > 30 || !/指标|目标/.test(text) ? null : horizonOf(text);
  };
  const filled = (r: number) => (grid[r] ?? []).filter((cell) => cellText(cell) !== "");
  for (let r = block.headerRows[0]!; r < block.end; r++) {
    const row = grid[r] ?? [];
    // A label alone on its row below the header is the next grid's title (`二、年度绩效指标`), not this one's.
    if (r > block.headerRows[0]! && filled(r).length === 1) continue;
    for (let c = 0; c < Math.min(first, row.length); c++) {
      const h = horizon(row[c]);
      if (h !== null) return h;
    }
  }
  const above = filled(block.headerRows[0]! - 1);
  return above.length === 1 ? horizon(above[0]) : null;
}

/**
 * The form's grids after the first, down to `end` (the next form's name row): each grid header below the first
 * is a header, never an indicator. When one grid is labelled this year's (年度绩效指标) and another another horizon's
 * (长期绩效指标, 总目标绩效指标), this year's is the form's grid and the other's rows give 实施周期指标值.
 */
function withLaterGrids(grid: Grid, form: FormTable, found: FoundGrid, end: number): FormTable {
  const lastHeader = (g: FoundGrid) => g.headerRows[g.headerRows.length - 1]!;
  const blocks: GridBlock[] = [
    {
      headerRows: found.headerRows,
      columns: found.columns,
      start: lastHeader(found) + 1,
      end,
      horizon: null,
    },
  ];
  for (let next = findGrid(grid, lastHeader(found), end, 0); next !== null;) {
    blocks[blocks.length - 1]!.end = next.headerRows[0]!;
    blocks.push({
      headerRows: next.headerRows,
      columns: next.columns,
      start: lastHeader(next) + 1,
      end,
      horizon: null,
    });
    next = findGrid(grid, lastHeader(next), end, 0);
  }
  if (blocks.length === 1) return form;
  for (const block of blocks) block.horizon = blockHorizon(grid, block);
  const laterHeaders = blocks.slice(1).flatMap((b) => b.headerRows);
  const annual = blocks.find((b) => b.horizon === "annual");
  const other = blocks.find((b) => b.horizon === "other");
  if (annual === undefined || other === undefined || form.subProjects.length > 0)
    return { ...form, laterHeaders };
  const columns: Partial<Record<ColumnRole, number>> = { ...form.info.columns };
  for (const role of Object.keys(form.gridColumns) as IndicatorRole[]) delete columns[role];
  for (const [role, c] of Object.entries(annual.columns))
    columns[role as IndicatorRole] = form.origin.column + c;
  const label = (block: GridBlock) => {
    const first = Math.min(...Object.values(block.columns));
    const named = [block.headerRows[0]!, block.headerRows[0]! - 1]
      .flatMap((r) => (grid[r] ?? []).slice(0, Math.max(first, 1)))
      .map(cellText)
      .find((text) => text !== "" && horizonOf(text) === block.horizon);
    return `${named ?? ""} ${cellText(grid[block.headerRows[0]!]?.[block.columns.value ?? -1])}`.trim();
  };
  return {
    ...form,
    gridColumns: annual.columns,
    laterHeaders,
    periodGrid: { start: other.start, end: other.end, columns: other.columns },
    info: {
      ...form.info,
      columns,
      valueColumn: {
        header: label(annual),
        column: form.origin.column + (annual.columns.value ?? annual.columns.period!),
        others: [label(other)],
        ambiguous: false,
      },
    },
  };
}

/**
 * The project a form's title names, or null: `2024年农村公路养护项目绩效目标表` → 农村公路养护项目, `某局2024年度
 * 设备购置项目支出绩效目标表` → 设备购置项目; `项目支出绩效目标表`, `绩效目标表` → null (no project named).
 */
export function projectNameInTitle(text: string): string | null {
  const m = TITLE_NAMING_PROJECT.exec(text.replace(/\s+/g, ""));
  if (m === null) return null;
  const name = m[1]!.replace(/^.*?[0-9]{4}年度?/, "").replace(/^[（(][0-9]{4}年度?[)）]/, "");
  return name === "" || GENERIC_TITLE.test(name) ? null : name;
}

/**
 * A form's generic title, naming no project: `项目`, `财政支出项目` (佳县财政支出项目绩效目标申报表), `市直部门预算项目`,
 * `部门项目`, a department's own table (`部门整体`); not `农村公路养护项目`.
 */
const GENERIC_TITLE = /^(?:.{0,8}?(?:财政支出|部门预算|预算|部门|支出|财政|专项资金))?项目$|整体$/;

/** A title ending in 绩效目标表 (申报表): `…项目绩效目标表`, `…项目支出绩效目标申报表（2024年度）`. */
const TITLE_NAMING_PROJECT = /^(.*?)(?:支出)?绩效目标(?:申报)?表(?:[（(].*[)）])?$/;

/** How far down a form with no 项目名称 may start its grid. */
const TITLED_GRID_WITHIN = 40;

/**
 * A form with no 项目名称 label whose title names the project (`农村公路养护项目绩效目标表`, then its grid), as a
 * budget document prints each project's table under its own title. Its grid must hold an indicator with a value
 * (a blank template names no project) and be a target grid (a self-evaluation's 得分 or 实际完成值 columns are
 * the self-evaluation layout's). Null otherwise.
 */
export function locateTitledGrid(grid: Grid, origin: Origin): FormTable | null {
  const found = findGrid(grid, -1, Math.min(grid.length, TITLED_GRID_WITHIN), origin.column);
  if (found === null) return null;
  const gridTop = found.headerRows[0]!;
  for (const r of found.headerRows)
    for (const cell of grid[r] ?? []) {
      const role = typeof cell === "string" ? gridRole(cell) : null;
      if (role === "score" || role === "actual") return null;
    }
  let title: FieldCell | null = null;
  for (let r = 0; r < gridTop && title === null; r++) {
    const row = grid[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const name = projectNameInTitle(cellText(row[c]));
      if (name === null) continue;
      title = {
        r,
        labelColumn: c,
        valueRow: r,
        valueColumn: c,
        inline: name,
        label: cellText(row[c]),
        found: true,
      };
      break;
    }
  }
  if (title === null) return null;
  const valueColumn = found.columns.value ?? found.columns.period!;
  const nameColumn = found.columns.indicatorName ?? found.columns.level2;
  const last = found.headerRows[found.headerRows.length - 1]!;
  let stated = false;
  for (let r = last + 1; r < grid.length && !stated; r++)
    stated =
      cellText(grid[r]?.[valueColumn]) !== "" &&
      (nameColumn === undefined || cellText(grid[r]?.[nameColumn]) !== "");
  if (!stated) return null;
  const fields = { ...headerFields(grid, title.r + 1, gridTop), name: title };
  const funds = [...fundGroups(grid, title.r, gridTop), ...costTableGroups(grid, title.r, gridTop)];
  const form = formTable(grid, origin, title.r, found, fields, funds, undefined);
  return withLaterGrids(grid, form, found, grid.length);
}

export function formTable(
  grid: Grid,
  origin: Origin,
  nameRow: number,
  found: FoundGrid,
  fields: Partial<Record<FormField, FieldCell>>,
  funds: FundGroup[],
  previous: FormTable | undefined,
): FormTable {
  const gridColumns = found.columns;
  const gridHeader = found.headerRows[found.headerRows.length - 1]!;
  // Title lines: the rows above the name back to the previous form's grid (its last rows stay its own when they
  // are indicator rows; a blank row or a title ends them).
  let start = previous ? nameRow : 0;
  if (previous) {
    for (let r = nameRow - 1; r > previous.gridHeader; r--) {
      const row = grid[r];
      const texts = (row ?? []).filter((cell) => cellText(cell) !== "");
      if (texts.length === 0) break;
      if (texts.length > 2 || gridColumns.indicatorName === undefined) break;
      if (cellText(row?.[gridColumns.indicatorName]) !== "" || cellText(row?.[gridColumns.value!]) !== "")
        break;
      start = r;
    }
  }
  const heading = readTitleLines(grid, start, nameRow, []);
  const columns: Partial<Record<ColumnRole, number>> = {};
  for (const [role, c] of Object.entries(gridColumns)) columns[role as IndicatorRole] = origin.column + c;
  const nameField = fields.name!;
  columns.name = origin.column + nameField.valueColumn;
  const department = fields.department ? fieldText(grid, fields.department) : null;
  const found_ = Object.keys(fields).length + Object.keys(gridColumns).length + Math.min(funds.length, 1);
  const amountUnit = heading.amountUnit ?? unitInLabels(grid, nameRow, gridHeader);
  const headerRows = found.headerRows.map((r) => origin.row + r);
  return {
    layout: "project-form",
    origin,
    info: {
      layout: "project-form",
      title: heading.title,
      department: department || heading.department,
      amountUnit,
      headerRow: headerRows[headerRows.length - 1]!,
      headerRows,
      columns,
      ...(found.choice ? { valueColumn: found.choice } : {}),
      ...(found.subProjects.length > 0
        ? {
            subProjects: found.subProjects.map((s) => ({
              name: s.name,
              column: origin.column + s.column,
              ...(s.whole ? { whole: true } : {}),
            })),
          }
        : {}),
    },
    score: 8 + found_,
    start,
    end: grid.length,
    columnStart: 0,
    columnEnd: Number.MAX_SAFE_INTEGER,
    headerRows: [nameRow],
    fields,
    funds,
    chosenFund: funds.length === 0 ? -1 : chooseFund(funds),
    amountUnit,
    gridHeader,
    gridColumns,
    subProjects: found.subProjects,
  };
}

/** The text of a field's value. */
export function fieldText(grid: Grid, field: FieldCell): string {
  return field.inline ?? cellText(grid[field.valueRow]?.[field.valueColumn]);
}
