import type { AmountRole, ColumnRole } from "../../model/analysis";
import { withoutWhitespace } from "../../model/chars";
import { cellText, type Grid, type Origin } from "../../model/grid";
import { headerKey, readTitleLines, type AmountUnit } from "../../locate/table-heading";
import { indicatorRole, type IndicatorRole } from "../indicator-rows";
import type { LocatedTable } from "../layout";

/** The fields of a form's header block. */
export type FormField = "name" | "department" | "unit" | "period" | AmountRole | "goal" | "overallGoal";

/** A field found: the label's grid cell and its value's (the label's own cell when `资金总额：100`). */
export interface FieldCell {
  readonly r: number;
  readonly labelColumn: number;
  readonly valueColumn: number;
  /** The value's text when it shares the label's cell (`资金总额：100`), else null. */
  readonly inline: string | null;
}

/** What the project-form layout found: the fields of its header block and the columns of its indicator grid. */
export interface FormTable extends LocatedTable {
  readonly fields: Readonly<Partial<Record<FormField, FieldCell>>>;
  /** Grid row of the indicator grid's header. */
  readonly gridHeader: number;
  readonly gridColumns: Readonly<Partial<Record<IndicatorRole, number>>>;
}

/**
 * A form label → its field, compared without blanks, a leading 其中 and a trailing colon or unit remark:
 * 项目名称, 主管部门(及代码), 实施单位, 项目起止时间 / 项目期限, 资金总额 / 年度资金总额, 财政拨款 / 预算资金,
 * 自有资金, 其他(资金), 年度目标 / 年度绩效目标, 总体目标.
 */
export function formField(text: string): FormField | null {
  let key = headerKey(
    withoutWhitespace(text)
      .replace(/^其中[：:]?/, "")
      .replace(/[：:].*$/, ""),
  );
  key = key.replace(/[（(].*[)）]$/, "");
  switch (key) {
    case "项目名称":
      return "name";
    case "主管部门":
    case "主管部门及代码":
    case "主管单位":
      return "department";
    case "实施单位":
    case "项目实施单位":
    case "预算单位":
    case "单位名称":
      return "unit";
    case "项目起止时间":
    case "起止时间":
    case "项目期限":
    case "实施期限":
    case "项目实施期":
      return "period";
    case "资金总额":
    case "年度资金总额":
    case "项目资金总额":
    case "项目总金额":
      return "total";
    case "财政拨款":
    case "财政资金":
    case "预算资金":
    case "一般公共预算":
    case "当年财政拨款":
      return "fiscal";
    case "自有资金":
    case "单位自有资金":
    case "财政专户":
    case "财政专户拨款":
      return "specialAccount";
    case "其他":
    case "其他资金":
    case "其它资金":
      return "other";
    case "年度目标":
    case "年度绩效目标":
    case "绩效目标":
      return "goal";
    case "总体目标":
    case "项目总体目标":
      return "overallGoal";
    default:
      return null;
  }
}

/** `资金总额：100` → "100"; `资金总额`, `其中：财政拨款` → null. */
function inlineValue(cell: string): string | null {
  const text = cell.trim().replace(/^其中\s*[：:]?/, "");
  const at = text.search(/[：:]/);
  if (at < 0) return null;
  const value = text.slice(at + 1).trim();
  return value === "" ? null : value;
}

/** The first cell right of `c` on the row that holds something and is not itself a label. */
function valueRightOf(row: readonly unknown[] | undefined, c: number): number {
  if (!row) return -1;
  for (let k = c + 1; k < row.length; k++) {
    const text = cellText(row[k] as never);
    if (text === "") continue;
    return formField(text) === null ? k : -1;
  }
  return -1;
}

/** How far below 项目名称 the indicator grid's header may be. */
const MAX_BLOCK_ROWS = 40;

/** The indicator grid's header: 一级指标 and 三级指标 (or 二级指标) and 指标值 on one row; its columns. */
function gridHeaderAt(grid: Grid, r: number): Partial<Record<IndicatorRole, number>> | null {
  const row = grid[r];
  if (!row) return null;
  const columns: Partial<Record<IndicatorRole, number>> = {};
  let afterValue = false;
  for (let c = 0; c < row.length; c++) {
    const cell = row[c];
    if (typeof cell !== "string") continue;
    const role = indicatorRole(cell, afterValue);
    if (role === null || columns[role] !== undefined) continue;
    columns[role] = c;
    if (role === "value") afterValue = true;
  }
  const named = columns.indicatorName !== undefined || columns.level2 !== undefined;
  return columns.level1 !== undefined && named && columns.value !== undefined ? columns : null;
}

/** The amount unit a form states in a label (`项目资金（万元）`, `资金总额(元)`), or null. */
function unitInLabels(grid: Grid, from: number, to: number): AmountUnit | null {
  for (let r = from; r < to; r++) {
    for (const cell of grid[r] ?? []) {
      if (typeof cell !== "string") continue;
      if (/[（(]万元[)）]/.test(cell)) return "万元";
      if (/[（(]元[)）]/.test(cell)) return "元";
    }
  }
  return null;
}

/**
 * Every single-project form of the grid: a 项目名称 label with a value beside it, and below it (within
 * MAX_BLOCK_ROWS) an indicator grid's header. Each form runs to the title lines of the next one (or the end):
 * several forms stacked on one sheet are several tables, each one project.
 */
export function locateProjectForms(grid: Grid, origin: Origin): FormTable[] {
  const starts: { r: number; c: number }[] = [];
  for (let r = 0; r < grid.length; r++) {
    const row = grid[r];
    if (!row) continue;
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (typeof cell !== "string" || cell.length > 12 || formField(cell) !== "name") continue;
      if (inlineValue(cell) !== null || valueRightOf(row, c) >= 0) starts.push({ r, c });
      break;
    }
  }
  const forms: FormTable[] = [];
  for (let s = 0; s < starts.length; s++) {
    const { r: nameRow } = starts[s]!;
    const limit = Math.min(grid.length, nameRow + MAX_BLOCK_ROWS, starts[s + 1]?.r ?? grid.length);
    let gridHeader = -1;
    let gridColumns: Partial<Record<IndicatorRole, number>> | null = null;
    for (let r = nameRow + 1; r < limit && gridHeader < 0; r++) {
      gridColumns = gridHeaderAt(grid, r);
      if (gridColumns) gridHeader = r;
    }
    if (gridHeader < 0 || !gridColumns) continue;

    const fields: Partial<Record<FormField, FieldCell>> = {};
    for (let r = nameRow; r < gridHeader; r++) {
      const row = grid[r] ?? [];
      for (let c = 0; c < row.length; c++) {
        const cell = row[c];
        if (typeof cell !== "string" || cell.length > 24) continue;
        const field = formField(cell);
        if (field === null || fields[field] !== undefined) continue;
        const inline = inlineValue(cell);
        const valueColumn = inline !== null ? c : valueRightOf(row, c);
        if (valueColumn < 0 && field !== "total") continue;
        fields[field] = { r, labelColumn: c, valueColumn: valueColumn < 0 ? c : valueColumn, inline };
      }
    }
    forms.push(formTable(grid, origin, nameRow, gridHeader, gridColumns, fields, forms[forms.length - 1]));
  }
  // Each form ends where the next one's title lines begin.
  for (let f = 0; f + 1 < forms.length; f++) {
    const next = forms[f + 1]!;
    forms[f] = { ...forms[f]!, end: next.start };
  }
  return forms;
}

function formTable(
  grid: Grid,
  origin: Origin,
  nameRow: number,
  gridHeader: number,
  gridColumns: Partial<Record<IndicatorRole, number>>,
  fields: Partial<Record<FormField, FieldCell>>,
  previous: FormTable | undefined,
): FormTable {
  // Title lines: the rows above 项目名称 back to the previous form's grid (its last rows stay its own when they
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
  const nameField = fields.name;
  if (nameField) columns.name = origin.column + nameField.valueColumn;
  const department = fields.department ? fieldText(grid, fields.department) : null;
  const found = Object.keys(fields).length + Object.keys(gridColumns).length;
  return {
    layout: "project-form",
    origin,
    info: {
      layout: "project-form",
      title: heading.title,
      department: department || heading.department,
      amountUnit: heading.amountUnit ?? unitInLabels(grid, nameRow, gridHeader),
      headerRow: origin.row + gridHeader,
      headerRows: [origin.row + gridHeader],
      columns,
    },
    score: 8 + found,
    start,
    end: grid.length,
    columnStart: 0,
    columnEnd: Number.MAX_SAFE_INTEGER,
    headerRows: [nameRow],
    fields,
    gridHeader,
    gridColumns,
  };
}

/** The text of a field's value. */
export function fieldText(grid: Grid, field: FieldCell): string {
  return field.inline ?? cellText(grid[field.r]?.[field.valueColumn]);
}
