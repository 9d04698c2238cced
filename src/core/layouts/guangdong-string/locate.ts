import type { ColumnRole } from "../../model/analysis";
import { cellText, type Grid, type Origin } from "../../model/grid";
import { readTitleLines } from "../../locate/table-heading";
import { budgetColumnRole, gridRole } from "../../locate/vocabulary";
import type { LocatedTable } from "../layout";
import { headerGroupsOf, stackTables, type FoundHeader, type HeaderGroup } from "../table-stack";

/** What the Guangdong string layout found: the common facts, and the grid column of each role. */
export interface GuangdongTable extends LocatedTable {
  /** Grid rows of the header (one, or two under a merged 资金来源). */
  readonly headerRows: readonly number[];
  /** Grid rows inside the body that repeat the header (a page break of a pasted PDF). */
  readonly repeatedHeaders: readonly number[];
  /** First body row: the one after the last header row. */
  readonly bodyStart: number;
  /** Grid column index (0-based) of each role found. */
  readonly gridColumns: Readonly<Partial<Record<ColumnRole, number>>>;
}

const AMOUNT_ROLES: readonly ColumnRole[] = ["total", "fiscal", "specialAccount", "other"];

/**
 * The role of a header cell by the vocabulary (locate/vocabulary.ts, STRING_TABLE_WORDS): 项目名称（资金使用单位）,
 * 总计/金额合计, 财政拨款, 财政专户拨款/财政专户管理资金, 其他资金, 绩效目标/年度绩效目标, 绩效指标/年度绩效指标.
 */
export function headerRole(text: string): ColumnRole | null {
  const role = budgetColumnRole(text, "string");
  if (role === "unit") return null;
  // A grid's columns are no string table's: 一级指标 is a level, not the 绩效指标 cell; 年度目标值 a value, not the
  // 绩效目标 cell (a department table whose value header the grid words miss is not read as a string table).
  if (role === "indicators" || role === "goal") {
    const grid = gridRole(text);
    if (role === "indicators" && (grid === "level1" || grid === "level2" || grid === "level3")) return null;
    if (role === "goal" && (grid === "value" || grid === "period" || grid === "actual")) return null;
  }
  return role;
}

/**
 * Every name column's word holds 项 or 称 (项目, 项目名称, 单位名称: STRING_TABLE_WORDS.name, letter-spaced too): a quick look that spares the label
 * normaliser the body's cells, every row of a long table being asked whether it is a header (README, "Speed").
 */
function mayNameProjects(cell: string): boolean {
  return cell.includes("项") || cell.includes("称");
}

interface GuangdongHeader extends FoundHeader {
  readonly roles: ReadonlyMap<ColumnRole, number>;
}

/**
 * A header group that names a 项目名称 column and a 绩效目标 or 绩效指标 column, with the amount columns named
 * on the row below under a merged 资金来源 when there are any.
 */
function headerOf(grid: Grid, group: HeaderGroup<ColumnRole>): GuangdongHeader | null {
  if (!group.roles.has("name") || !(group.roles.has("indicators") || group.roles.has("goal"))) return null;
  const roles = new Map(group.roles);
  const rows = [group.row];
  const nameColumn = roles.get("name")!;
  const below = grid[group.row + 1];
  if (below && cellText(below[nameColumn]) === "") {
    const added: [ColumnRole, number][] = [];
    for (let c = group.columnStart; c < Math.min(group.columnEnd, below.length); c++) {
      const cell = below[c];
      if (typeof cell !== "string") continue;
      const role = headerRole(cell);
      if (role && AMOUNT_ROLES.includes(role) && !roles.has(role) && !added.some(([r]) => r === role))
        added.push([role, c]);
    }
    if (added.length > 0) {
      for (const [role, c] of added) roles.set(role, c);
      rows.push(group.row + 1);
    }
  }
  const signature = [...roles].map(([role, c]) => `${role}@${c}`).join(",");
  return { rows, columnStart: group.columnStart, columnEnd: group.columnEnd, signature, roles };
}

/**
 * Finds every header row (a row naming a 项目名称 column and a 绩效目标 or 绩效指标 column; two tables side by
 * side on one row are two headers), a second header row under a merged 资金来源, the column of each role, and the
 * title lines above each header; table-stack.ts says where each table ends.
 */
export function locateGuangdongTables(grid: Grid, origin: Origin): GuangdongTable[] {
  // The one-segment-per-indicator layout asks for the same tables: found once per grid and origin.
  const cached = located.get(grid);
  if (cached && cached.origin === origin) return cached.tables;
  const tables = findGuangdongTables(grid, origin);
  located.set(grid, { origin, tables });
  return tables;
}

const located = new WeakMap<Grid, { origin: Origin; tables: GuangdongTable[] }>();

function findGuangdongTables(grid: Grid, origin: Origin): GuangdongTable[] {
  const headers: GuangdongHeader[] = [];
  for (let r = 0; r < grid.length; r++) {
    const row = grid[r];
    // Most rows name no role at all: a quick look before splitting into groups.
    if (
      !row ||
      !row.some(
        (cell) =>
          typeof cell === "string" &&
          cell.length < 40 &&
          mayNameProjects(cell) &&
          headerRole(cell) === "name",
      )
    )
      continue;
    for (const group of headerGroupsOf(row, r, headerRole)) {
      const header = headerOf(grid, group);
      if (header) headers.push(header);
    }
  }
  return stackTables(grid, headers, (h) => h.roles.get("name")!).map(
    ({ header, start, end, repeatedHeaders }) => {
      const headerRows = header.rows;
      const lastHeaderIndex = headerRows[headerRows.length - 1]!;
      const heading = readTitleLines(
        grid,
        start,
        headerRows[0]!,
        headerRows,
        header.columnStart,
        header.columnEnd,
      );
      const gridColumns: Partial<Record<ColumnRole, number>> = {};
      const columns: Partial<Record<ColumnRole, number>> = {};
      for (const [role, c] of header.roles) {
        gridColumns[role] = c;
        columns[role] = origin.column + c;
      }
      return {
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
        score: header.roles.size,
        start,
        end,
        columnStart: header.columnStart,
        columnEnd: header.columnEnd,
        headerRows,
        repeatedHeaders,
        bodyStart: lastHeaderIndex + 1,
        gridColumns,
      };
    },
  );
}
