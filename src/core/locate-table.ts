import type { ColumnRole, TableInfo } from "./analysis";
import type { CellValue, Grid, Origin } from "./grid";

/** The text of a cell, trimmed ("" for an empty cell); numbers as they print. */
export function cellText(cell: CellValue | undefined): string {
  if (cell === null || cell === undefined) return "";
  return (typeof cell === "string" ? cell : String(cell)).trim();
}

/** Header text compared without whitespace or a unit remark: `总计（万元）` → `总计`, `绩效 目标` → `绩效目标`. */
function headerKey(text: string): string {
  let key = "";
  for (const ch of text) if (ch.trim() !== "" && ch !== "\u3000") key += ch;
  const open = Math.max(key.lastIndexOf("（"), key.lastIndexOf("("));
  if (open > 0 && /[万元]/.test(key.slice(open)) && !key.startsWith("项目")) key = key.slice(0, open);
  return key;
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

export interface LocatedTable {
  readonly info: TableInfo;
  /** Grid index of the last header row; data rows follow. */
  readonly lastHeaderIndex: number;
  /** Grid column index (0-based) of each role found. */
  readonly gridColumns: Readonly<Partial<Record<ColumnRole, number>>>;
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

const AMOUNT_ROLES: readonly ColumnRole[] = ["total", "fiscal", "specialAccount", "other"];

/** `单位：万元`, `金额单位:元`, `总计（万元）` → the amount unit, or null. */
function amountUnitIn(text: string): "万元" | "元" | null {
  const at = text.indexOf("单位");
  if (at >= 0) {
    let i = at + 2;
    if (text[i] === "：" || text[i] === ":") {
      i++;
      while (text[i] === " " || text[i] === "\u3000") i++;
      if (text.startsWith("万元", i)) return "万元";
      if (text.startsWith("元", i)) return "元";
    }
  }
  return null;
}

/** `部门名称：广州市白云区人民政府办公室（部门）` → the text after the label, or null. */
function departmentIn(text: string): string | null {
  for (const label of ["部门名称", "部门"]) {
    if (!text.startsWith(label)) continue;
    const sep = text[label.length];
    if (sep === "：" || sep === ":") return text.slice(label.length + 1).trim() || null;
  }
  return null;
}

/**
 * Finds the header row (the first row naming a 项目名称 column and a 绩效目标 or 绩效指标 column), a second
 * header row under a merged 资金来源, the column of each role, and the title lines above the header.
 * Returns null when the grid holds no such table.
 */
export function locateTable(grid: Grid, origin: Origin): LocatedTable | null {
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
  if (headerIndex < 0) return null;

  // A header split over two rows: the amount columns named on the row below, under a merged 资金来源.
  const headerRows = [headerIndex];
  const below = rolesOf(grid[headerIndex + 1]);
  const nameColumn = roles.get("name")!;
  const newAmounts = AMOUNT_ROLES.filter((role) => below.has(role) && !roles.has(role));
  if (newAmounts.length > 0 && cellText(grid[headerIndex + 1]?.[nameColumn]) === "") {
    for (const role of newAmounts) roles.set(role, below.get(role)!);
    headerRows.push(headerIndex + 1);
  }

  let title: string | null = null;
  let fallbackTitle: string | null = null;
  let department: string | null = null;
  let amountUnit: "万元" | "元" | null = null;
  for (let r = 0; r < headerIndex; r++) {
    for (const cell of grid[r] ?? []) {
      const text = cellText(cell);
      if (text === "") continue;
      const dept = departmentIn(text);
      const unit = amountUnitIn(text);
      if (dept !== null) department ??= dept;
      if (unit !== null) amountUnit ??= unit;
      if (dept === null && unit === null) {
        if (text.includes("绩效目标表")) title ??= text;
        fallbackTitle ??= text;
      }
    }
  }
  if (amountUnit === null) {
    for (const r of headerRows) {
      for (const cell of grid[r] ?? []) {
        const text = cellText(cell);
        if (text.includes("万元")) amountUnit ??= "万元";
        else if (/[（(]元[）)]/.test(text)) amountUnit ??= "元"; // `总计（元）`, `金额(元)`
      }
    }
  }

  const gridColumns: Partial<Record<ColumnRole, number>> = {};
  const columns: Partial<Record<ColumnRole, number>> = {};
  for (const [role, c] of roles) {
    gridColumns[role] = c;
    columns[role] = origin.column + c;
  }
  const lastHeaderIndex = headerRows[headerRows.length - 1]!;
  return {
    info: {
      title: title ?? fallbackTitle,
      department,
      amountUnit,
      headerRow: origin.row + lastHeaderIndex,
      headerRows: headerRows.map((r) => origin.row + r),
      columns,
    },
    lastHeaderIndex,
    gridColumns,
  };
}
