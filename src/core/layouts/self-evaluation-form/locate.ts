/**
 * Finds self-evaluation forms (项目支出绩效自评表, issue #24) by structure and meaning. A self-evaluation is a
 * single-project form (project-form/locate.ts finds its name, header block and indicator grid) that also says
 * what was done: a budget-execution block (项目资金 / 预算执行情况 with 执行数 or 执行率 columns), or a grid with
 * 得分, or a grid whose actual column (实际完成值 / 全年完成值 / 全年实际值 / 完成值) holds something. A target form's
 * empty 实际完成值 column (a monitoring column, as Guangdong's 2018 form prints it) is not enough: such a form stays
 * the project form's.
 *
 * Found that way, a form scores above the project form's reading of the same grid, so the self-evaluation
 * layout reads it.
 */
import { cellText, firstTextOf, type CellValue, type Grid, type Origin } from "../../model/grid";
import { labelKey } from "../../locate/normalize-label";
import {
  budgetRowRole,
  executionRole,
  gridRole,
  type ExecutionRole,
  type GridRole,
} from "../../locate/vocabulary";
import type { TableModel } from "../../model/analysis";
import { parseAmount } from "../../model/parse-amount";
import {
  findGrid,
  formTable,
  fundGroups,
  headerFields,
  isResidual,
  locateProjectForms,
  type FieldCell,
  type FormTable,
} from "../project-form/locate";

export const SELF_EVALUATION_LAYOUT = "self-evaluation-form";

/** A column as the table heads it: its grid column and its header as written. */
export interface HeadedColumn {
  readonly c: number;
  readonly label: string;
  /**
   * The columns a group header spans and whose cells make its value together, left to right: 实际完成值 over
   * 指标值 | 度量单位 (52.6 | 万亩 is 52.6万亩). Absent for a column of its own.
   */
  readonly span?: readonly number[];
  /**
   * The row its value is on, where that is not the total row's: a budget line of label | value pairs over two
   * lines (`全年预算数 | 150 | 全年执行数 | 135 | 执行率 | 90%` then `分值 | 10 | 得分 | 9`).
   */
  readonly r?: number;
}

/** The scored columns of a self-evaluation grid. */
export type ScoredRole = "actual" | "weight" | "score" | "reason";

/** One row of the budget-execution block: the total or one of its parts. */
export interface BudgetRow {
  readonly r: number;
  readonly label: string;
  /** The label normalised, without 其中 (`本年财政拨款`). */
  readonly key: string;
  readonly role: "total" | "part";
  /** A part that takes what the others leave (其他资金, 地方资金): with it, the parts are complete. */
  readonly residual: boolean;
}

/**
 * The budget-execution block: its header row, its columns by role (each the column its values stand in), its
 * total and part rows.
 */
export interface BudgetBlock {
  readonly headerRow: number;
  readonly columns: Readonly<Partial<Record<ExecutionRole, HeadedColumn>>>;
  readonly rows: readonly BudgetRow[];
  /**
   * The 分值 the block's own label gives it when no column does (Sichuan's `预算执行情况(10分)`): the label's
   * column in the header row and the points as written (`10`).
   */
  readonly labelWeight?: { readonly c: number; readonly points: string };
}

/** What the self-evaluation layout found: a form, its scored grid columns, its budget block. */
export interface SelfEvaluationTable extends FormTable {
  /** The base form as the project form found it (its own layout id), for the shared reading. */
  readonly form: FormTable;
  readonly scored: Readonly<Partial<Record<ScoredRole, HeadedColumn>>>;
  readonly budget: BudgetBlock | null;
}

/** How far down a department's self-evaluation may start its grid (its title and header block are short). */
const DEPARTMENT_GRID_WITHIN = 40;

/** How far above the project form's score a self-evaluation's signals put its reading. */
const SELF_EVALUATION_BONUS = 10;

/** The amount columns of a budget block, in the order the model lists them, and their keys. */
export const AMOUNT_KEYS: readonly Extract<ExecutionRole, "initialBudget" | "budget" | "spent">[] = [
  "initialBudget",
  "budget",
  "spent",
];

/**
 * The grid's scored columns, by the header rows' words; a second header row names the columns under a first-row
 * group (Hebei's 自评得分 over 单项指标得分 | 权重占比(%) | 单项指标折算得分). 得分 is the column that says so
 * without 折算 (a weighted 折算得分 is derived from it); the actual column is never last year's (上年实际值).
 */
export function scoredColumns(
  grid: Grid,
  headerRows: readonly number[],
  bodyEnd: number = grid.length,
): Partial<Record<ScoredRole, HeadedColumn>> {
  const heads = new Map<number, { role: GridRole; label: string; r: number }>();
  for (const r of headerRows) {
    const row = grid[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const label = cellText(row[c]);
      if (label === "") continue;
      const role = gridRole(label);
      // A sub-header under 实际完成值 (its 指标值 | 度量单位) is a part of the actual, not a column of its own.
      if (role !== null && heads.get(c)?.role !== "actual") heads.set(c, { role, label, r });
    }
  }
  const found: Partial<Record<ScoredRole, HeadedColumn>> = {};
  const columns = [...heads].sort((a, b) => a[0] - b[0]);
  for (const [c, { role, label, r }] of columns) {
    const key = labelKey(label);
    if (role === "actual" && found.actual === undefined && !/上年/.test(key)) {
      const span = groupSpan(grid, headerRows, r, c);
      found.actual = span.length > 1 ? { c, label, span } : { c, label };
    }
    if (role === "remark" && found.reason === undefined && /原因|说明/.test(key)) found.reason = { c, label };
  }
  // 分值 is the weight column that holds the weights: Hebei prints an empty 指标分值 and the weights under 权重占比(%).
  const bodyStart = headerRows[headerRows.length - 1]! + 1;
  const weights = columns.filter(([, h]) => h.role === "weight");
  const weight = weights.find(([c]) => columnHolds(grid, c, bodyStart, bodyEnd)) ?? weights[0];
  if (weight) found.weight = { c: weight[0], label: weight[1].label };
  const scores = columns.filter(([, h]) => h.role === "score");
  const score = scores.find(([, h]) => !/折算/.test(h.label)) ?? scores[0];
  if (score) found.score = { c: score[0], label: score[1].label };
  return found;
}

/** The sub-headers a group actual is written in: 指标性质, 指标值, 度量单位, 完成值. */
const ACTUAL_PARTS: ReadonlySet<string> = new Set<GridRole>(["op", "value", "measure", "nature", "actual"]);

/**
 * The columns a group header at (r, c) spans over the next header row's sub-headers: from c, while the group's
 * row is empty right of it and the sub-header row is filled (实际完成值 | (empty) over 指标值 | 度量单位 → both).
 */
function groupSpan(grid: Grid, headerRows: readonly number[], r: number, c: number): number[] {
  const below = headerRows[headerRows.indexOf(r) + 1];
  if (below === undefined) return [c];
  const span: number[] = [];
  for (let k = c; k === c || cellText(grid[r]?.[k]) === ""; k++) {
    const sub = cellText(grid[below]?.[k]);
    // A header of its own in the lower row only (分值, 得分) ends the group.
    if (sub === "" || !ACTUAL_PARTS.has(gridRole(sub) ?? "")) break;
    span.push(k);
  }
  return span;
}

/**
 * The budget-execution block in grid rows [from, to): the first row with two or more execution headers, one of
 * them 执行数 or 执行率, then the rows below it whose label (left of the first execution column) is a total or a
 * part, up to the first that is neither. A header with neither under it gives way to a later one that has them.
 */
export function findBudgetBlock(grid: Grid, from: number, to: number): BudgetBlock | null {
  let headerOnly: BudgetBlock | null = null;
  for (let r = from; r < to; r++) {
    const row = grid[r] ?? [];
    const columns: Partial<Record<ExecutionRole, HeadedColumn>> = {};
    let count = 0;
    let first = -1;
    for (let c = 0; c < row.length; c++) {
      const label = cellText(row[c]);
      const role = label === "" ? null : executionRole(label);
      if (role === null || columns[role] !== undefined) continue;
      columns[role] = { c, label };
      count++;
      if (first < 0) first = c;
    }
    if (count < 2 || (columns.spent === undefined && columns.rate === undefined)) continue;
    // Label | value pairs under each header (Hebei: 预算数 | 6.84 under 预算安排情况, 执行数 | 6.84 under
    // 资金执行情况): the rows' labels stand under the first header, each value right of its label.
    // A row of column keys under the header (`A | B | B/A`, `(1) | (2) | (3)=(2)/(1)`) is part of the header.
    const start = isKeyRow(grid, r + 1, first) ? r + 2 : r + 1;
    const paired = isPair(grid, start, first);
    if (paired) {
      for (const role of Object.keys(columns) as ExecutionRole[]) {
        const column = columns[role]!;
        if (isPair(grid, start, column.c)) columns[role] = { c: column.c + 1, label: column.label };
      }
    }
    const rows: BudgetRow[] = [];
    for (let k = start; k < to; k++) {
      const label = paired ? cellText(grid[k]?.[first]) : rowLabel(grid, k, first);
      const role = label === "" ? null : budgetRowRole(label);
      if (role === null) break;
      const key = labelKey(label)
        .replace(/^其中:?/, "")
        .replace(/:.*$/, "");
      rows.push({ r: k, label, key, role, residual: isResidual(key) });
    }
    // A header with no total or part under it is another block's (a department form's 年度主要任务 | 预算数 |
    // 执行数 lists tasks): the budget block is further down, else that header is all the form has.
    if (rows.length === 0) {
      const inline = inlinePairs(grid, r, to);
      if (inline !== null) return inline;
      headerOnly ??= { headerRow: r, columns, rows };
      continue;
    }
    const labelWeight = columns.weight === undefined ? pointsInLabel(row, first) : null;
    return labelWeight === null
      ? { headerRow: r, columns, rows }
      : { headerRow: r, columns, rows, labelWeight };
  }
  return headerOnly;
}

// A figure right of its label in a budget line: `150`, `1,250.00`, `90%`, `95.00%`; not `万元`, `/`.
const FIGURE = /^-?[\d,]+(?:\.\d+)?\s*[%％]?$/;

/** How many lines a budget of label | value pairs may run over (`全年预算数 | 150 …` then `分值 | 10 | 得分 | 9`). */
const PAIR_LINES = 3;

/**
 * A budget written as label | value pairs along its header line and the lines under it (`预算执行情况 | 全年预算数 |
 * 150 | 全年执行数 | 135 | 执行率 | 90%`, then `分值 | 10 | 得分 | 9`): each role's column is its value's, on its
 * own line, the first line the total's; null when the header's labels have no figures right of them.
 */
function inlinePairs(grid: Grid, r: number, to: number): BudgetBlock | null {
  const columns: Partial<Record<ExecutionRole, HeadedColumn>> = {};
  for (let k = r; k < Math.min(to, r + PAIR_LINES); k++) {
    const row = grid[k] ?? [];
    let found = 0;
    for (let c = 0; c + 1 < row.length; c++) {
      const label = cellText(row[c]);
      const role = label === "" ? null : executionRole(label);
      if (role === null || columns[role] !== undefined) continue;
      const value = row[c + 1];
      if (typeof value !== "number" && !FIGURE.test(cellText(value))) continue;
      columns[role] = { c: c + 1, label, r: k };
      found++;
    }
    if (found === 0) break;
  }
  const count = Object.keys(columns).length;
  if (count < 2 || (columns.spent === undefined && columns.rate === undefined)) return null;
  const label = firstTextOf(grid[r]);
  const total: BudgetRow = { r, label, key: labelKey(label), role: "total", residual: false };
  return { headerRow: r, columns, rows: [total] };
}

// Points in a label's brackets: `预算执行情况(10分)` → 10, `资金执行（10 分）` → 10; not `项目资金(万元)`.
const POINTS_IN_LABEL = /[（(]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]/;

/** The points a block label left of the first execution column states, or null. */
function pointsInLabel(row: readonly CellValue[], first: number): { c: number; points: string } | null {
  for (let c = 0; c < Math.min(first, row.length); c++) {
    const points = POINTS_IN_LABEL.exec(cellText(row[c]));
    if (points) return { c, points: points[1]! };
  }
  return null;
}

// A cell of a column-key row: letters and their formula (`A`, `B/A`, `(B)`), or a number in brackets (`(1)`,
// `（5）=（3）/（2）`); not an amount (`300`, `1,200.00`).
const COLUMN_KEY = /^(?:[A-Za-z][A-Za-z/*×÷+\-()（）=\d]*|[(（]\d+[)）].*|[(（][A-Za-z][)）].*)$/;

/**
 * Row r, under a budget header, keys its columns rather than giving a row: no label left of the first execution
 * column, every cell a column key, and a total or part row right under it.
 */
function isKeyRow(grid: Grid, r: number, first: number): boolean {
  const row = grid[r] ?? [];
  if (rowLabel(grid, r, first) !== "") return false;
  const texts = row.map((cell) => cellText(cell).replace(/\s+/g, "")).filter((text) => text !== "");
  if (texts.length === 0 || !texts.every((text) => COLUMN_KEY.test(text))) return false;
  const next = rowLabel(grid, r + 1, first);
  return (next !== "" && budgetRowRole(next) !== null) || isPair(grid, r + 1, first);
}

/**
 * Row r holds a budget row's label at column c and a number right of it (`预算数 | 6.84`); not a placeholder
 * where an amount is not given (`/ | 150` under 年初预算数 | 全年预算数).
 */
function isPair(grid: Grid, r: number, c: number): boolean {
  const label = grid[r]?.[c];
  const value = parseAmount(grid[r]?.[c + 1]);
  return (
    typeof label === "string" &&
    parseAmount(label).value === null &&
    budgetRowRole(label) !== null &&
    value.raw !== null &&
    value.value !== null
  );
}

/** The label of a budget row: the nearest text left of the first execution column. */
function rowLabel(grid: Grid, r: number, firstColumn: number): string {
  const row = grid[r] ?? [];
  for (let c = Math.min(firstColumn, row.length) - 1; c >= 0; c--) {
    const text = cellText(row[c]);
    if (text !== "") return text;
  }
  return "";
}

/** Any grid row in [from, to) holds something in column c. */
function columnHolds(grid: Grid, c: number, from: number, to: number): boolean {
  for (let r = from; r < to; r++) if (cellText(grid[r]?.[c]) !== "") return true;
  return false;
}

/** The title lines say it is a self-evaluation (`项目支出绩效自评表`, `绩效目标自评表`). */
function titledSelfEvaluation(grid: Grid, from: number, to: number): boolean {
  for (let r = from; r < to; r++) if (/自评/.test(firstTextOf(grid[r]))) return true;
  return false;
}

/** The model a self-evaluation declares: its budget columns as amounts, its scored columns in 指标明细. */
export function selfEvaluationModel(table: Pick<SelfEvaluationTable, "budget" | "scored">): TableModel {
  const amountColumns = AMOUNT_KEYS.flatMap((key) => {
    const column = table.budget?.columns[key];
    return column ? [{ key, label: column.label }] : [];
  });
  const detail: [ScoredRole, "number" | "text"][] = [
    ["actual", "text"],
    ["weight", "number"],
    ["score", "number"],
    ["reason", "text"],
  ];
  const detailColumns = detail.flatMap(([key, kind]) => {
    const column = table.scored[key];
    return column ? [{ key, label: column.label, kind }] : [];
  });
  return { amountColumns, detailColumns };
}

/**
 * A department's whole-of-department self-evaluation (部门整体绩效自评表, as Chongqing publishes it): no 项目名称
 * and often no level columns, a grid 指标名称 | 计量单位 | 指标性质 | 指标值 | 指标权重(分) | 全年完成值 | 指标得分(分)
 * | 说明 with a score or an actual column. The form is the department's: it is named by a 主管部门 / 部门名称 /
 * 单位名称 value above the grid, else by its title line. Null when the grid has no scored column.
 */
function locateDepartmentSelfEvaluation(grid: Grid, origin: Origin): FormTable | null {
  // Its grid is under its title and header block: looking no further keeps a long table of another kind cheap.
  const found = findGrid(grid, -1, Math.min(grid.length, DEPARTMENT_GRID_WITHIN), origin.column);
  if (found === null) return null;
  const gridTop = found.headerRows[0]!;
  const scored = scoredColumns(grid, found.headerRows);
  if (scored.score === undefined && scored.actual === undefined) return null;
  let titleRow = 0;
  while (titleRow < gridTop && firstTextOf(grid[titleRow]) === "") titleRow++;
  if (titleRow >= gridTop) return null;
  const fields = headerFields(grid, titleRow, gridTop);
  const labelled = fields.name ?? fields.department ?? fields.unit;
  const titleColumn = (grid[titleRow] ?? []).findIndex((cell) => cellText(cell) !== "");
  const title: FieldCell = {
    r: titleRow,
    labelColumn: titleColumn,
    valueRow: titleRow,
    valueColumn: titleColumn,
    inline: null,
    label: "",
    found: true,
  };
  const nameRow = labelled?.r ?? titleRow;
  return formTable(
    grid,
    origin,
    nameRow,
    found,
    { ...fields, name: labelled ?? title },
    fundGroups(grid, nameRow, gridTop),
    undefined,
  );
}

/**
 * Every self-evaluation form of the grid: the project form's forms that say what was done (see the file's
 * comment), each with its scored columns and budget block; on a sheet with no project form, a department's own
 * self-evaluation.
 */
export function locateSelfEvaluationForms(grid: Grid, origin: Origin): SelfEvaluationTable[] {
  const out: SelfEvaluationTable[] = [];
  const forms = locateProjectForms(grid, origin);
  if (forms.length === 0) {
    const department = locateDepartmentSelfEvaluation(grid, origin);
    if (department !== null) forms.push(department);
  }
  for (const form of forms) {
    const headerRows = form.info.headerRows.map((row) => row - origin.row);
    const gridTop = headerRows[0]!;
    const nameRow = form.headerRows[0]!;
    const scored = scoredColumns(grid, headerRows, form.end);
    const budget = findBudgetBlock(grid, nameRow + 1, gridTop);
    const actualFilled =
      scored.actual !== undefined && columnHolds(grid, scored.actual.c, form.gridHeader + 1, form.end);
    const says =
      budget !== null ||
      scored.score !== undefined ||
      actualFilled ||
      titledSelfEvaluation(grid, form.start, nameRow);
    if (!says) continue;
    const model = selfEvaluationModel({ budget, scored });
    out.push({
      ...form,
      layout: SELF_EVALUATION_LAYOUT,
      info: { ...form.info, layout: SELF_EVALUATION_LAYOUT, model },
      score: form.score + SELF_EVALUATION_BONUS,
      form,
      scored,
      budget,
    });
  }
  return out;
}
