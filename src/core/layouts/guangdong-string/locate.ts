import type { ColumnRole } from "../../analysis";
import { cellText, type CellValue, type Grid, type Origin } from "../../grid";
import { headerKey, readTitleLines } from "../../table-heading";
import type { LocatedTable } from "../layout";

/** What the Guangdong string layout found: the common facts, and the grid column of each role. */
export interface GuangdongTable extends LocatedTable {
  /** Grid rows of the header (one, or two under a merged 资金来源). */
  readonly headerRows: readonly number[];
  /** First body row: the one after the last header row. */
  readonly bodyStart: number;
  /** Grid column index (0-based) of each role found. */
  readonly gridColumns: Readonly<Partial<Record<ColumnRole, number>>>;
}

const TOTAL_NAMES = new Set([
  "总计",
  "合计",
  "金额合计",
  "资金合计",
  "预算合计",
  "总金额",
  "资金总额",
  "预算总额",
  "预算金额",
  "金额",
  "预算数",
  "小计",
]);

const AMOUNT_ROLES: readonly ColumnRole[] = ["total", "fiscal", "specialAccount", "other"];

/**
 * The role of a header cell by its name or a synonym: 项目名称（资金使用单位）, 总计/金额合计,
 * 财政拨款, 财政专户拨款/财政专户管理资金, 其他资金, 绩效目标/年度绩效目标, 绩效指标/年度绩效指标.
 */
export function headerRole(text: string): ColumnRole | null {
  const key = headerKey(text);
  if (key === "") return null;
  if (key.includes("名称") && (key.includes("项目") || key.includes("单位"))) return "name";
  if (key === "项目") return "name";
  if (key.includes("专户")) return "specialAccount";
  if (key.startsWith("财政拨款") || key === "一般公共预算" || key === "财政资金") return "fiscal";
  if (key.startsWith("其他") || key.startsWith("其它")) return "other";
  if (TOTAL_NAMES.has(key)) return "total";
  if (key.includes("指标")) return "indicators";
  if (key.includes("目标")) return "goal";
  return null;
}

function rolesOf(row: readonly CellValue[] | undefined): Map<ColumnRole, number> {
  const roles = new Map<ColumnRole, number>();
  if (!row) return roles;
  for (let c = 0; c < row.length; c++) {
    const cell = row[c];
    if (typeof cell !== "string") continue;
    const role = headerRole(cell);
    if (role && !roles.has(role)) roles.set(role, c);
  }
  return roles;
}

/**
 * Finds the header row (the first row naming a 项目名称 column and a 绩效目标 or 绩效指标 column), a second
 * header row under a merged 资金来源, the column of each role, and the title lines above the header. The table
 * runs to the end of the grid: today one table per grid (a second header below would be read as a project).
 */
export function locateGuangdongTables(grid: Grid, origin: Origin): GuangdongTable[] {
  let headerIndex = -1;
  let roles = new Map<ColumnRole, number>();
  for (let r = 0; r < grid.length; r++) {
    const found = rolesOf(grid[r]);
    if (found.has("name") && (found.has("indicators") || found.has("goal"))) {
      headerIndex = r;
      roles = found;
      break;
    }
  }
  if (headerIndex < 0) return [];

  // A header split over two rows: the amount columns named on the row below, under a merged 资金来源.
  const headerRows = [headerIndex];
  const below = rolesOf(grid[headerIndex + 1]);
  const nameColumn = roles.get("name")!;
  const newAmounts = AMOUNT_ROLES.filter((role) => below.has(role) && !roles.has(role));
  if (newAmounts.length > 0 && cellText(grid[headerIndex + 1]?.[nameColumn]) === "") {
    for (const role of newAmounts) roles.set(role, below.get(role)!);
    headerRows.push(headerIndex + 1);
  }

  const heading = readTitleLines(grid, 0, headerIndex, headerRows);
  const gridColumns: Partial<Record<ColumnRole, number>> = {};
  const columns: Partial<Record<ColumnRole, number>> = {};
  for (const [role, c] of roles) {
    gridColumns[role] = c;
    columns[role] = origin.column + c;
  }
  const lastHeaderIndex = headerRows[headerRows.length - 1]!;
  return [
    {
      layout: "guangdong-string",
      origin,
      info: {
        layout: "guangdong-string",
        title: heading.title,
        department: heading.department,
        amountUnit: heading.amountUnit,
        headerRow: origin.row + lastHeaderIndex,
        headerRows: headerRows.map((r) => origin.row + r),
        columns,
      },
      score: roles.size,
      start: 0,
      end: grid.length,
      headerRows,
      bodyStart: lastHeaderIndex + 1,
      gridColumns,
    },
  ];
}
