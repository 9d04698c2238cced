import { AMOUNT_ROLES, type AmountRole, type ColumnRole } from "../../model/analysis";
import { cellText, type Grid, type Origin } from "../../model/grid";
import { readTitleLines } from "../../locate/table-heading";
import { budgetColumnRole } from "../../locate/vocabulary";
import {
  INDICATOR_FIELD_ROLES,
  indicatorRole,
  shiftLevelColumns,
  splitValueColumns,
  type IndicatorRole,
} from "../indicator-rows";
import type { LocatedTable } from "../layout";
import { headerGroupsOf, stackTables, type FoundHeader } from "../table-stack";

/** The roles of a department table's columns. */
export type DepartmentRole = Extract<ColumnRole, "unit" | "name" | AmountRole | "goal"> | IndicatorRole;

/** What the department layout found: the common facts, and the grid column of each role. */
export interface DepartmentTable extends LocatedTable {
  readonly repeatedHeaders: readonly number[];
  readonly bodyStart: number;
  readonly gridColumns: Readonly<Partial<Record<DepartmentRole, number>>>;
}

/**
 * The role of a department table's header cell: the indicator columns (indicator-rows.ts), then 单位名称 (unit),
 * 项目名称 (name), 预算数 and its synonyms (total), 财政拨款 / 专户 / 其他 (parts), 年度目标 / 绩效目标 (goal), by the
 * vocabulary (locate/vocabulary.ts, DEPARTMENT_TABLE_WORDS). `afterValue`: a 指标值 column is to the left (a bare
 * 单位 is then the unit of measure).
 */
function departmentRole(text: string, afterValue: boolean): DepartmentRole | null {
  if (text.trim() === "") return null;
  const indicator = indicatorRole(text, afterValue);
  if (indicator !== null) return indicator;
  const role = budgetColumnRole(text, "department");
  return role === "indicators" ? null : role;
}

interface DepartmentHeader extends FoundHeader {
  readonly roles: ReadonlyMap<DepartmentRole, number>;
}

/**
 * Every department table: a header row naming a 项目名称 column, a 三级指标 (or 指标名称) column, a 指标值 column
 * and a 一级 or 二级指标 column, the other columns found by their names wherever they are. Scored by the roles it
 * names, so it wins over the string layout, which recognises a few of the same names.
 */
/**
 * A second header row under a merged 资金来源 (`资金来源` over `财政拨款 | 其他资金`): the amount columns it names, when
 * the row names nothing else and leaves the project and indicator columns empty; else null.
 */
function amountsNamedBelow(
  grid: Grid,
  r: number,
  columnStart: number,
  columnEnd: number,
  roles: ReadonlyMap<DepartmentRole, number>,
): Map<DepartmentRole, number> | null {
  const below = grid[r + 1];
  if (!below) return null;
  for (const role of ["name", "indicatorName", "value"] as const)
    if (cellText(below[roles.get(role)!]) !== "") return null;
  const found = new Map<DepartmentRole, number>();
  for (let c = columnStart; c < Math.min(columnEnd, below.length); c++) {
    const text = cellText(below[c]);
    if (text === "") continue;
    const role = budgetColumnRole(text, "department");
    const amount = AMOUNT_ROLES.find((a) => a === role);
    if (amount === undefined || roles.has(amount) || found.has(amount)) return null;
    found.set(amount, c);
  }
  return found.size > 0 ? found : null;
}

/**
 * `指标值` over `≥ | 20 | 台` with no header for the cells right of it: read as 指标性质 | 指标值 | 度量单位
 * (indicator-rows.ts, splitValueColumns). `r` is the (first) header row.
 */
function splitValueRoles(
  grid: Grid,
  roles: ReadonlyMap<DepartmentRole, number>,
  r: number,
): ReadonlyMap<DepartmentRole, number> {
  if (!roles.has("value") || roles.has("op")) return roles;
  const columns: Partial<Record<IndicatorRole, number>> = {};
  for (const [role, c] of roles) if (isIndicatorRole(role)) columns[role] = c;
  const before = columns.value;
  splitValueColumns(grid, columns, r, r + 1, Math.min(grid.length, r + 1 + SHIFT_SAMPLE_ROWS));
  if (columns.value === before) return roles;
  const split = new Map(roles);
  split.set("op", columns.op!);
  split.set("value", columns.value!);
  if (columns.measure !== undefined) split.set("measure", columns.measure);
  return split;
}

function isIndicatorRole(role: DepartmentRole): role is IndicatorRole {
  return INDICATOR_FIELD_ROLES.includes(role as IndicatorRole) || role === "direction";
}

/** Rows of the body looked at to tell level columns headed one level too high. */
const SHIFT_SAMPLE_ROWS = 200;

/**
 * `一级指标 | 二级指标` holding 数量指标 | the indicator's name, with no 三级指标 column: read one level down
 * (indicator-rows.ts, shiftLevelColumns).
 */
function shiftedLevelRoles(
  grid: Grid,
  roles: ReadonlyMap<DepartmentRole, number>,
  from: number,
): ReadonlyMap<DepartmentRole, number> {
  const columns: Partial<Record<IndicatorRole, number>> = {
    level1: roles.get("level1")!,
    level2: roles.get("level2")!,
  };
  shiftLevelColumns(grid, columns, from, Math.min(grid.length, from + SHIFT_SAMPLE_ROWS));
  if (columns.indicatorName === undefined) return roles;
  const shifted = new Map(roles);
  shifted.delete("level1");
  shifted.set("level2", columns.level2!);
  shifted.set("indicatorName", columns.indicatorName);
  return shifted;
}

export function locateDepartmentTables(grid: Grid, origin: Origin): DepartmentTable[] {
  const headers: DepartmentHeader[] = [];
  for (let r = 0; r < grid.length; r++) {
    const row = grid[r];
    if (!row || !row.some((cell) => typeof cell === "string" && cell.includes("指标") && cell.length < 20))
      continue;
    let afterValue = false;
    const roleOf = (text: string): DepartmentRole | null => {
      const role = departmentRole(text, afterValue);
      if (role === "value") afterValue = true;
      return role;
    };
    for (const group of headerGroupsOf(row, r, roleOf)) {
      const roles =
        !group.roles.has("indicatorName") && group.roles.has("level1") && group.roles.has("level2")
          ? shiftedLevelRoles(grid, group.roles, r + 1)
          : group.roles;
      if (!roles.has("name") || !roles.has("indicatorName") || !roles.has("value")) continue;
      if (!roles.has("level1") && !roles.has("level2")) continue;
      const below = amountsNamedBelow(grid, r, group.columnStart, group.columnEnd, roles);
      const named = splitValueRoles(grid, below === null ? roles : new Map([...roles, ...below]), r);
      const signature = [...named].map(([role, c]) => `${role}@${c}`).join(",");
      headers.push({
        rows: below === null ? [r] : [r, r + 1],
        columnStart: group.columnStart,
        columnEnd: group.columnEnd,
        signature,
        roles: named,
      });
    }
  }
  const labelColumn = (h: DepartmentHeader): number => h.roles.get("unit") ?? h.roles.get("name")!;
  return stackTables(grid, headers, labelColumn).map(({ header, start, end, repeatedHeaders }) => {
    const headerRow = header.rows[0]!;
    const heading = readTitleLines(grid, start, headerRow, header.rows, header.columnStart, header.columnEnd);
    const gridColumns: Partial<Record<DepartmentRole, number>> = {};
    const columns: Partial<Record<ColumnRole, number>> = {};
    for (const [role, c] of header.roles) {
      gridColumns[role] = c;
      columns[role] = origin.column + c;
    }
    return {
      layout: "department-columns",
      origin,
      info: {
        layout: "department-columns",
        title: heading.title,
        department: heading.department,
        amountUnit: heading.amountUnit,
        headerRow: origin.row + header.rows[header.rows.length - 1]!,
        headerRows: header.rows.map((r) => origin.row + r),
        columns,
      },
      // Above the string layout's score for the same header (it recognises at most seven names).
      score: 8 + header.roles.size,
      start,
      end,
      columnStart: header.columnStart,
      columnEnd: header.columnEnd,
      headerRows: header.rows,
      repeatedHeaders,
      bodyStart: header.rows[header.rows.length - 1]! + 1,
      gridColumns,
    };
  });
}
