/**
 * What the columnar layouts share: the names of an indicator's columns (一级指标 | 二级指标 | 三级指标 | 指标性质 |
 * 指标值 | 度量单位 | 权重 | 指标方向), and the reading of a project's indicator rows with its merged level cells
 * filled (DOMAIN.md, "Other layouts").
 *
 * Merged cells read the same in every shell: after a paste, through Office.js and through the xlsx reader, the
 * cells under a merge are empty. So the core fills them: within one project's rows, an empty level cell takes the
 * label above it; rows before the first label take the first label below (a label written on a middle row of
 * its group, as a PDF centres it). A level-1 filled that way whose level-2 belongs elsewhere takes the nearest
 * label of its own block instead, when the labels sit on middle rows.
 */
import type { ColumnRole, IndicatorPlace, RowIndicator } from "../model/analysis";
import { cellAddress, sheetCell, type SheetCell } from "../model/cell-address";
import { composeValue } from "../split/compose-value";
import * as decimal from "../model/exact-decimal";
import type { ExactDecimal } from "../model/exact-decimal";
import { cellText, type CellValue, type Grid } from "../model/grid";
import { makeIssue, type IssueDraft } from "../model/issue";
import { frameworkCode, frameworkLabel } from "../split/map-level";
import { parseAmount } from "../model/parse-amount";
import { labelKey } from "../locate/normalize-label";
import { gridRole, type GridRole } from "../locate/vocabulary";
import { nameForSubProject } from "../locate/sub-project";

const { compareSum, exactDecimal, sumDecimals, toNumber } = decimal;

/** The indicator columns of a columnar table. */
export type IndicatorRole = Extract<
  ColumnRole,
  "level1" | "level2" | "indicatorName" | "op" | "value" | "period" | "measure" | "weight" | "direction"
>;

/** Roles whose cells say something about an indicator (a row with any of them is an indicator row). */
export const INDICATOR_FIELD_ROLES: readonly IndicatorRole[] = [
  "level1",
  "level2",
  "indicatorName",
  "op",
  "value",
  "period",
  "measure",
  "weight",
];

/** The grid roles (vocabulary.ts) a columnar layout reads into an indicator; the others are known and left. */
const INDICATOR_ROLE_OF: Readonly<Record<GridRole, IndicatorRole | null>> = {
  level1: "level1",
  level2: "level2",
  level3: "indicatorName",
  value: "value",
  period: "period",
  actual: null,
  op: "op",
  nature: "op",
  measure: "measure",
  weight: "weight",
  score: null,
  direction: "direction",
  explanation: null,
  standard: null,
  remark: null,
};

/**
 * The indicator role of a header name, or null, by the grid vocabulary (locate/vocabulary.ts): 一级指标,
 * 二级指标, 三级指标 / 指标内容 / 指标名称, 指标性质 / 计算符号, 指标值 / 年度指标值 / 当年预期实现值, 实施周期指标值,
 * 度量单位 / 计量单位, 权重 / 分值, 指标方向(性). A bare 单位 after a value column is its unit of measure
 * (`afterValue`).
 */
export function indicatorRole(text: string, afterValue: boolean): IndicatorRole | null {
  const role = gridRole(text);
  if (role === null) return afterValue && labelKey(text) === "单位" ? "measure" : null;
  return INDICATOR_ROLE_OF[role];
}

/** A level label filled into an empty cell: its text and the cell it was written in. */
interface Label {
  readonly text: string;
  readonly cell: SheetCell;
}

/** One row of a project's indicator rows, as written (levels not yet filled). */
interface RawRow {
  readonly r: number;
  readonly row: number;
  readonly level1: Label | null;
  readonly level2: Label | null;
  readonly name: string;
  readonly op: string;
  readonly value: string;
  readonly period: string;
  readonly measure: string;
  readonly raw: string;
  readonly nameCell: SheetCell;
  readonly valueCell: SheetCell | null;
  readonly weight: { readonly amount: ExactDecimal; readonly cell: string } | null;
  /** With one value column per sub-project: each one's value as written and its cell (else empty). */
  readonly subValues: readonly { readonly value: string; readonly cell: SheetCell }[];
}

/** The columns of a table's indicator fields (grid columns) and where the grid sits on the sheet. */
export interface IndicatorColumns {
  readonly columns: Readonly<Partial<Record<IndicatorRole, number>>>;
  readonly originRow: number;
  readonly originColumn: number;
  /**
   * A grid with one value column per sub-project (locate/sub-project.ts): their names and grid columns; each row
   * is then one indicator per sub-project. `columns.value` is the first of them.
   */
  readonly subProjects?: readonly {
    readonly name: string;
    readonly column: number;
    /** The whole project's column (`合计`): its indicator keeps the plain name. */
    readonly whole?: boolean;
  }[];
}

/**
 * What the filled cells of grid column c, rows [from, to), name: how many are filled, how many are framework
 * levels, and how many are a level-1 only (产出, 效益) or a level-2 only (数量, 社会效益); 满意度 and 成本 are both.
 */
function levelNamesIn(
  grid: Grid,
  c: number,
  from: number,
  to: number,
): { filled: number; levels: number; level1Only: number; level2Only: number } {
  let filled = 0;
  let levels = 0;
  let level1Only = 0;
  let level2Only = 0;
  for (let r = from; r < to; r++) {
    const text = cellText(grid[r]?.[c]);
    if (text === "") continue;
    filled++;
    const one = frameworkCode(text, 1) !== null;
    const two = frameworkCode(text, 2) !== null;
    if (one || two) levels++;
    if (one && !two) level1Only++;
    if (two && !one) level2Only++;
  }
  return { filled, levels, level1Only, level2Only };
}

/**
 * Level columns headed one level too high, as some forms print them (`一级指标 | 二级指标 | 绩效标准 | 当年预期实现值`
 * holding `数量指标 | 办公大楼日常维修维护次数 | …`): a grid with no name column whose 一级指标 cells name level-2s
 * (数量, 质量, 时效, 社会效益 …, never a level-1 only: 产出, 效益) and whose 二级指标 cells are mostly no level at
 * all is read with them as 二级指标 and 三级指标. Rows [from, to) are the grid's body. Changes `columns` in place.
 */
export function shiftLevelColumns(
  grid: Grid,
  columns: Partial<Record<IndicatorRole, number>>,
  from: number,
  to: number,
): void {
  const first = columns.level1;
  const second = columns.level2;
  if (columns.indicatorName !== undefined || first === undefined || second === undefined) return;
  const { level1Only, level2Only } = levelNamesIn(grid, first, from, to);
  const lower = levelNamesIn(grid, second, from, to);
  const levels = lower.levels;
  const names = lower.filled - lower.levels;
  if (level2Only < 2 || level1Only > 0 || names <= levels * 3) return;
  delete columns.level1;
  columns.level2 = first;
  columns.indicatorName = second;
}

/**
 * Level columns a header does not name (`指标类别 | 指标名称 | 指标值`, or blank header cells over `产出指标 | 数量指标`),
 * found by what their cells say: a column left of the name column, from `firstColumn`, whose filled cells are
 * mostly level names. Level-2 names (数量, 质量, 社会效益 …) make it the 二级指标 column, level-1 names (产出, 效益)
 * the 一级指标 one; names of both (满意度, 成本) decide nothing. Rows [from, to) are the grid's body. Changes
 * `columns` in place.
 */
export function levelColumnsByContent(
  grid: Grid,
  columns: Partial<Record<IndicatorRole, number>>,
  firstColumn: number,
  from: number,
  to: number,
): void {
  const name = columns.indicatorName;
  if (name === undefined || (columns.level1 !== undefined && columns.level2 !== undefined)) return;
  const taken = new Set(Object.values(columns));
  for (let c = name - 1; c >= firstColumn; c--) {
    if (taken.has(c)) continue;
    const { filled, levels, level1Only, level2Only } = levelNamesIn(grid, c, from, to);
    if (filled === 0 || levels * 2 <= filled) continue;
    if (level2Only > level1Only && columns.level2 === undefined) columns.level2 = c;
    else if (level1Only > level2Only && columns.level1 === undefined) columns.level1 = c;
  }
}

/**
 * A comparison alone in a cell, as a value header's first column holds it: `≥`, `>=`, `＝`, `定性`, `不低于`. Not
 * `≥20台`, `提升`.
 */
const COMPARISON_ONLY =
  /^(?:[≥≤＞＜><=＝]|>=|<=|＞＝|＜＝|定性|定量|大于|小于|等于|不低于|不高于|不少于|不超过)$/;
/** A unit alone: `台`, `%`, `万元`, `人次`; not `20台`, `提升效果明显`. */
const UNIT_ONLY = /^[^0-9.,，\s]{1,4}$/;

/**
 * A value header over two or three columns, the comparison in the first, the number in the second and perhaps
 * the unit in the third (`指标值` merged over `≥ | 20 | 台`, as a web page or a PDF lays it out, with no second
 * header row to name them): read as 指标性质 | 指标值 | 度量单位. Rows [from, to) are the grid's body; `header` its
 * (last) header row. Changes `columns` in place.
 */
export function splitValueColumns(
  grid: Grid,
  columns: Partial<Record<IndicatorRole, number>>,
  header: number,
  from: number,
  to: number,
): void {
  const v = columns.value;
  if (v === undefined || columns.op !== undefined) return;
  const headed = (c: number) => cellText(grid[header]?.[c]) !== "";
  if (headed(v + 1) || Object.values(columns).includes(v + 1)) return;
  let filled = 0;
  let signs = 0;
  let numbers = 0;
  let units = 0;
  let unitCells = 0;
  for (let r = from; r < to; r++) {
    const text = cellText(grid[r]?.[v]);
    if (text === "") continue;
    filled++;
    if (!COMPARISON_ONLY.test(text)) continue;
    signs++;
    if (cellText(grid[r]?.[v + 1]) !== "") numbers++;
    const unit = cellText(grid[r]?.[v + 2]);
    if (unit !== "") {
      unitCells++;
      if (UNIT_ONLY.test(unit)) units++;
    }
  }
  if (filled < 2 || signs * 2 <= filled || numbers * 2 <= signs) return;
  columns.op = v;
  columns.value = v + 1;
  if (!headed(v + 2) && !Object.values(columns).includes(v + 2) && unitCells > 0 && units * 2 > unitCells)
    columns.measure = v + 2;
}

/** Any indicator cell of grid row r holds something. */
export function hasIndicatorCells(grid: Grid, r: number, columns: IndicatorColumns["columns"]): boolean {
  const row = grid[r];
  if (!row) return false;
  for (const role of INDICATOR_FIELD_ROLES) {
    const c = columns[role];
    if (c !== undefined && cellText(row[c]) !== "") return true;
  }
  return false;
}

/** The text of a cell as a clerk reads it: a number as it prints, text trimmed. */
function fieldText(cell: CellValue | undefined): string {
  return cellText(cell);
}

/**
 * Collects one project's indicator rows, then reads them into RowIndicators with the merged level cells
 * filled, and the project's weights checked (Σ 权重 = 100 when the table has a 权重 column).
 */
export class ProjectIndicatorRows {
  private readonly rows: RawRow[] = [];

  constructor(
    private readonly grid: Grid,
    private readonly at: IndicatorColumns,
  ) {}

  private cell(r: number, c: number): SheetCell {
    return sheetCell(this.at.originRow + r, this.at.originColumn + c);
  }

  private text(r: number, role: IndicatorRole): string {
    const c = this.at.columns[role];
    return c === undefined ? "" : fieldText(this.grid[r]?.[c]);
  }

  private label(r: number, role: "level1" | "level2"): Label | null {
    const c = this.at.columns[role];
    const text = this.text(r, role);
    return c === undefined || text === "" ? null : { text, cell: this.cell(r, c) };
  }

  /** Adds grid row r (one of the project's rows with indicator cells). */
  add(r: number): void {
    const columns = this.at.columns;
    const raw: string[] = [];
    for (const role of INDICATOR_FIELD_ROLES) {
      const c = columns[role];
      if (c !== undefined) raw.push(fieldText(this.grid[r]?.[c]));
    }
    const nameColumn = columns.indicatorName ?? columns.value ?? columns.level2 ?? columns.level1 ?? 0;
    const weightColumn = columns.weight;
    let weight: RawRow["weight"] = null;
    if (weightColumn !== undefined) {
      const parsed = parseAmount(this.grid[r]?.[weightColumn]);
      if (parsed.raw !== null && parsed.value !== null)
        weight = {
          amount: exactDecimal(parsed.value, parsed.decimals),
          cell: cellAddress(this.at.originRow + r, this.at.originColumn + weightColumn),
        };
    }
    this.rows.push({
      r,
      row: this.at.originRow + r,
      level1: this.label(r, "level1"),
      level2: this.label(r, "level2"),
      name: this.text(r, "indicatorName"),
      op: this.text(r, "op"),
      value: this.text(r, "value"),
      period: this.text(r, "period"),
      measure: this.text(r, "measure"),
      raw: raw.join(" | "),
      nameCell: this.cell(r, nameColumn),
      valueCell: columns.value === undefined ? null : this.cell(r, columns.value),
      weight,
      subValues: (this.at.subProjects ?? []).map((s) => ({
        value: fieldText(this.grid[r]?.[s.column]),
        cell: this.cell(r, s.column),
      })),
    });
  }

  get size(): number {
    return this.rows.length;
  }

  /**
   * The project's indicators: a row with a 三级指标 or a value is an indicator; a row with only level labels is
   * a level with no indicator (DOMAIN.md: "a level-2 may have no indicator at all") and only labels the rows
   * around it.
   */
  indicators(): RowIndicator[] {
    const level1 = fill(this.rows.map((r) => r.level1));
    const level2 = fill(this.rows.map((r) => r.level2));
    if (this.rows.length > 0 && this.rows[0]!.level1 === null) realignLevel1(this.rows, level1, level2);
    dropForeignLevel2(this.rows, level2);
    const out: RowIndicator[] = [];
    const subProjects = this.at.subProjects ?? [];
    for (let k = 0; k < this.rows.length; k++) {
      const row = this.rows[k]!;
      if (subProjects.length > 0) {
        for (const one of this.bySubProject(row, subProjects)) {
          if (one.name === "" && one.value === "" && one.period === "") continue;
          out.push(this.indicator(one, level1[k] ?? null, level2[k] ?? null));
        }
        continue;
      }
      if (row.name === "" && row.value === "" && row.period === "") continue;
      out.push(this.indicator(row, level1[k] ?? null, level2[k] ?? null));
    }
    return out;
  }

  /** One indicator of a row, its levels filled. */
  private indicator(row: RawRow, filled1: Label | null, l2: Label | null): RowIndicator {
    const l1 = filled1 ?? (l2 ? level1FromLevel2(l2) : null);
    const place: IndicatorPlace = {
      row: row.nameCell.row,
      column: row.nameCell.column,
      address: row.nameCell.address,
      ...(row.valueCell ? { valueCell: row.valueCell } : {}),
      ...(l2 || l1 ? { levelCell: (l2 ?? l1)!.cell } : {}),
    };
    return {
      seq: null,
      level1: l1?.text ?? null,
      level2: l2?.text ?? null,
      name: row.name,
      periodValue: valueOfRow(row, row.period),
      annualValue: valueOfRow(row, row.value),
      raw: row.raw,
      place,
    };
  }

  /**
   * A row of a grid with one value column per sub-project, as one row per sub-project: its name with the
   * sub-project's (`新建校舍面积（一中）`), that sub-project's value and cell. A sub-project whose cell is empty has
   * no such indicator (the matrix leaves it blank), unless every one is empty: then each is an indicator with no
   * value, as a one-column row would be.
   */
  private bySubProject(row: RawRow, subProjects: NonNullable<IndicatorColumns["subProjects"]>): RawRow[] {
    const allEmpty = row.subValues.every((v) => v.value === "");
    const out: RawRow[] = [];
    subProjects.forEach((sub, k) => {
      const own = row.subValues[k]!;
      if (own.value === "" && !allEmpty) return;
      const name = row.name === "" || sub.whole ? row.name : nameForSubProject(row.name, sub.name);
      out.push({
        ...row,
        name,
        value: own.value,
        valueCell: own.cell,
        raw: [row.level1?.text ?? "", row.level2?.text ?? "", name, row.op, own.value, row.measure]
          .filter((t) => t !== "")
          .join(" | "),
      });
    });
    return out;
  }

  /**
   * weight-total: the weights of the project's rows do not add up to 100 (a warning), at the first weight cell,
   * every weight cell listed. Nothing when no row has a weight.
   */
  weightIssue(details: { project: string; unit?: string }, projectIndex: number): IssueDraft | null {
    const weights = this.rows.flatMap((r) => (r.weight ? [r.weight] : []));
    if (weights.length === 0) return null;
    const total = sumDecimals(weights.map((w) => w.amount));
    if (compareSum(exactDecimal(100, 0), [total], undefined) === null) return null;
    const first = weights[0]!;
    const row = this.rows.find((r) => r.weight === first)!;
    const at = { row: row.row, column: this.at.originColumn + this.at.columns.weight!, address: first.cell };
    return makeIssue("weight-total", at, Object.assign({}, details, { cells: weights.map((w) => w.cell) }), {
      about: { projectIndex },
      expected: 100,
      actual: toNumber(total),
    });
  }
}

/**
 * A placeholder in the indicator's name saying how its value reads: `培训人数(≥**人)`, `合格率（≥XX%）`,
 * `完成时限(**月)`. Matches `(≥**人)` → ≥ and 人, `（XX%）` → % alone; not `(目标)`, `(%)`.
 */
const NAME_PLACEHOLDER =
  /[（(]\s*(≥|≤|>=|<=|＞＝|＜＝|>|<|＞|＜|=|＝|不低于|不少于|不高于|不超过)?\s*[*＊xXＸ]+\s*([^()（）*＊]{0,6})[)）]\s*$/;
/** A bare number: `500`, `95.5`. */
const BARE_NUMBER = /^-?[0-9]+(?:\.[0-9]+)?$/;

/**
 * The value a row states: its comparison, value and unit cells joined (composeValue); a bare number under a name
 * with a placeholder (`培训人数(≥**人)` | `500`) takes the placeholder's comparison and unit (`≥500人`).
 */
function valueOfRow(row: RawRow, value: string): string | null {
  if (row.op === "" && row.measure === "" && BARE_NUMBER.test(value.trim())) {
    const m = NAME_PLACEHOLDER.exec(row.name);
    if (m) return composeValue(m[1] ?? "", value, m[2] ?? "");
  }
  return composeValue(row.op, value, row.measure);
}

/**
 * Each empty entry takes the label above; entries before the first label take the first label below when that
 * label can be its group's centre (a merged cell's label on a middle row, as a PDF centres it: no more rows above
 * it than below it in its group, plus one). More rows above than that are rows whose level cells were lost (a web
 * page's merged cells dropped): they are left without a label rather than given a guess.
 */
function fill(labels: readonly (Label | null)[]): (Label | null)[] {
  const out: (Label | null)[] = [];
  let last: Label | null = null;
  for (const label of labels) {
    if (label !== null) last = label;
    out.push(last);
  }
  let at = 0;
  while (at < labels.length && labels[at] === null) at++;
  if (at === labels.length) return out;
  let below = 0;
  while (at + below + 1 < labels.length && labels[at + below + 1] === null) below++;
  if (at <= below + 1) for (let k = 0; k < at; k++) out[k] = labels[at]!;
  return out;
}

/**
 * A grid with no level-1 (no column, or its cells empty): the level-1 of the national framework its level-2
 * belongs to (数量指标 → 产出指标), pointing at the level-2's cell. Null for a level-2 outside the framework.
 */
function level1FromLevel2(level2: Label): Label | null {
  const code = level1CodeOf(level2.text);
  const text = code === null ? null : frameworkLabel(code, false);
  return text === null ? null : { text, cell: level2.cell };
}

/** The framework level-1 code a level-2 label belongs to ("数量指标" → "1"), or null. */
function level1CodeOf(level2: string): string | null {
  const code = frameworkCode(level2.replace(/^[0-9]+[-－—–_.．、]?/, ""), 2);
  return code === null ? null : code.charAt(0);
}

/**
 * Level-1 labels on middle rows (the block's first row has none): a row filled with a level-1 its level-2 does
 * not belong to takes the nearest level-1 label that it does belong to, above or below. A merged level-1 that
 * really holds a wrong level-2 is written on its block's first row, and is left as it is.
 */
function realignLevel1(
  rows: readonly RawRow[],
  level1: (Label | null)[],
  level2: readonly (Label | null)[],
): void {
  for (let k = 0; k < rows.length; k++) {
    if (rows[k]!.level1 !== null) continue;
    const wanted = level2[k] ? level1CodeOf(level2[k]!.text) : null;
    const current = level1[k];
    if (wanted === null || current === null || current === undefined) continue;
    if (frameworkCode(current.text.replace(/^[0-9]+[-－—–_.．、]?/, ""), 1) === wanted) continue;
    for (let d = 1; d < rows.length; d++) {
      const up = rows[k - d]?.level1;
      const down = rows[k + d]?.level1;
      const pick = [up, down].find(
        (l) => l && frameworkCode(l.text.replace(/^[0-9]+[-－—–_.．、]?/, ""), 1) === wanted,
      );
      if (pick) {
        level1[k] = pick;
        break;
      }
      if (up === undefined && down === undefined) break;
    }
  }
}

/**
 * A row that opens a level-1 block with no level-2 of its own takes none from the block above when that level-2
 * belongs to another level-1 (a 过程指标 row under a 服务对象满意度指标 row with no indicator, as Hubei's
 * self-evaluation prints it); the rows after it that only carried the same label down lose it too.
 */
function dropForeignLevel2(rows: readonly RawRow[], level2: (Label | null)[]): void {
  let foreign: Label | null = null;
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k]!;
    if (row.level2 !== null) {
      foreign = null;
      continue;
    }
    if (row.level1 !== null) {
      const filled = level2[k] ?? null;
      const wanted = filled ? level1CodeOf(filled.text) : null;
      const own = frameworkCode(row.level1.text.replace(/^[0-9]+[-－—–_.．、]?/, ""), 1);
      foreign =
        filled !== null && k > 0 && level2[k - 1] === filled && wanted !== null && own !== wanted
          ? filled
          : null;
    }
    if (foreign !== null && level2[k] === foreign) level2[k] = null;
  }
}
