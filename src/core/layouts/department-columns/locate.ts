import type { AmountRole, ColumnRole } from "../../model/analysis";
import type { Grid, Origin } from "../../model/grid";
import { headerKey, readTitleLines } from "../../locate/table-heading";
import { indicatorRole, type IndicatorRole } from "../indicator-rows";
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

/** 预算数 / 金额 / 项目金额 / 资金总额 / 年度资金总额 …: the project's amount. */
const AMOUNT_NAMES = new Set([
  "预算数",
  "金额",
  "项目金额",
  "资金总额",
  "年度资金总额",
  "预算金额",
  "预算总额",
  "合计",
  "总计",
  "金额合计",
  "年度预算数",
  "项目预算数",
  "预算资金",
]);

/**
 * The role of a department table's header cell: 单位名称 (unit), 项目名称 (name), 预算数 and its synonyms
 * (total), 财政拨款 / 专户 / 其他 (parts), 年度目标 / 绩效目标 (goal), and the indicator columns (indicator-rows.ts).
 * `afterValue`: a 指标值 column is to the left (a bare 单位 is then the unit of measure).
 */
function departmentRole(text: string, afterValue: boolean): DepartmentRole | null {
  const key = headerKey(text);
  if (key === "") return null;
  const indicator = indicatorRole(text, afterValue);
  if (indicator !== null) return indicator;
  if (key.includes("项目名称") || key === "项目") return "name";
  if (
    key === "单位" ||
    key.includes("单位名称") ||
    key.includes("部门名称") ||
    key === "预算单位" ||
    key === "资金使用单位" ||
    key === "部门（单位）" ||
    key === "部门(单位)"
  )
    return "unit";
  if (key.includes("专户")) return "specialAccount";
  if (key.startsWith("财政拨款") || key === "一般公共预算") return "fiscal";
  if (key.startsWith("其他") || key.startsWith("其它")) return "other";
  if (AMOUNT_NAMES.has(key)) return "total";
  if (key.includes("目标")) return "goal";
  return null;
}

interface DepartmentHeader extends FoundHeader {
  readonly roles: ReadonlyMap<DepartmentRole, number>;
}

/**
 * Every department table: a header row naming a 项目名称 column, a 三级指标 (or 指标名称) column, a 指标值 column
 * and a 一级 or 二级指标 column, the other columns found by their names wherever they are. Scored by the roles it
 * names, so it wins over the string layout, which recognises a few of the same names.
 */
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
      const roles = group.roles;
      if (!roles.has("name") || !roles.has("indicatorName") || !roles.has("value")) continue;
      if (!roles.has("level1") && !roles.has("level2")) continue;
      const signature = [...roles].map(([role, c]) => `${role}@${c}`).join(",");
      headers.push({
        rows: [r],
        columnStart: group.columnStart,
        columnEnd: group.columnEnd,
        signature,
        roles,
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
        headerRow: origin.row + headerRow,
        headerRows: [origin.row + headerRow],
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
      bodyStart: headerRow + 1,
      gridColumns,
    };
  });
}
