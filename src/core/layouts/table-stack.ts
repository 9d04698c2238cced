/**
 * Where the tables of one layout are on a sheet, whatever the layout: header rows found by their names, split
 * into side-by-side tables when a row names the same column twice, and stacked tables told apart from a header
 * repeated at a page break. Every layout's locate step finds its header rows with its own names and then asks
 * this module where each table starts and ends.
 *
 * - **Side by side.** `项目名称 … 绩效指标 | 项目名称 … 绩效指标` on one row is two tables: a role named a second
 *   time starts the next table.
 * - **Stacked.** A header below a table starts a new table when title lines (`项目支出绩效目标表`, `部门名称：…`,
 *   `单位：万元`) come before it or a 合计 row right after it; the earlier table ends where those title lines
 *   begin. The same header again with neither is a page break of a pasted PDF: one table, a second header row.
 */
import { isGrandTotalLabel } from "../classify/classify-rows";
import { withoutWhitespace } from "../model/chars";
import { cellText, type CellValue, type Grid } from "../model/grid";
import { parseAmount } from "../model/parse-amount";
import { headerKey } from "../locate/table-heading";

/** The header cells of one table on one row: each role's grid column, and the columns the table takes. */
export interface HeaderGroup<R extends string> {
  /** Grid row. */
  readonly row: number;
  readonly roles: ReadonlyMap<R, number>;
  /** Grid columns [columnStart, columnEnd) of the table. */
  readonly columnStart: number;
  readonly columnEnd: number;
}

/** Header names that come before a table's first named column: 序号, 编号, 项目编码 (they belong to the table on their right). */
function leadsATable(text: string): boolean {
  const key = headerKey(text);
  return key === "序号" || key === "编号" || key.endsWith("编码") || key.endsWith("代码");
}

/**
 * The header groups of a row: cells left to right, a role seen a second time starting the next group. Cells
 * without a role between two groups go to the group on their left (备注), except a blank column (a gap between
 * the tables) and 序号-like names (the right-hand table's first column).
 */
export function headerGroupsOf<R extends string>(
  row: readonly CellValue[] | undefined,
  r: number,
  roleOf: (text: string) => R | null,
): HeaderGroup<R>[] {
  if (!row) return [];
  const groups: { roles: Map<R, number>; first: number; last: number }[] = [];
  let current: { roles: Map<R, number>; first: number; last: number } | null = null;
  for (let c = 0; c < row.length; c++) {
    const cell = row[c];
    if (typeof cell !== "string") continue;
    const role = roleOf(cell);
    if (role === null) continue;
    if (current === null || current.roles.has(role)) {
      current = { roles: new Map(), first: c, last: c };
      groups.push(current);
    }
    current.roles.set(role, c);
    current.last = c;
  }
  const out: HeaderGroup<R>[] = [];
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g]!;
    const next = groups[g + 1];
    let start = group.first;
    // Leading cells without a role (序号, 项目编码) belong to this group, back to the previous group's end.
    const floor = g === 0 ? 0 : groups[g - 1]!.last + 1;
    while (
      start > floor &&
      cellText(row[start - 1]) !== "" &&
      (g === 0 || leadsATable(cellText(row[start - 1])))
    )
      start--;
    // The last table on the row runs to the sheet's last column (data rows may be longer than the header).
    let end = next ? next.first : Number.MAX_SAFE_INTEGER;
    if (next) {
      // Up to a blank column or a 序号-like name: both belong to the next table or to neither.
      for (let c = group.last + 1; c < next.first; c++) {
        const text = cellText(row[c]);
        if (text === "" || leadsATable(text)) {
          end = c;
          break;
        }
      }
    }
    out.push({ row: r, roles: group.roles, columnStart: start, columnEnd: end });
  }
  return out;
}

/** A header a layout found, as the stacking rules need it. */
export interface FoundHeader {
  /** Grid rows of the header (one, or two under a merged 资金来源). */
  readonly rows: readonly number[];
  readonly columnStart: number;
  readonly columnEnd: number;
  /** What makes two headers "the same header again": the roles and their columns, as a string. */
  readonly signature: string;
}

/** Where one table is: grid rows [start, end), with the repeats of its header inside it. */
export interface StackedTable<H extends FoundHeader> {
  readonly header: H;
  readonly start: number;
  readonly end: number;
  /** Grid rows inside the body that repeat the header (a page break of a pasted PDF). */
  readonly repeatedHeaders: readonly number[];
}

/** At most this many title lines (not counting blanks) above a stacked table's header. */
const MAX_TITLE_LINES = 6;

/** `项目支出绩效目标表`, `部门名称：…`, `单位：万元`, `（2024年）`: a line that titles a table. Examples in the test. */
const TITLE_WORDS = /绩效目标表|目标申报表|部门名称|单位名称|部门[：:]|单位[：:]|金额单位|^[（(]?\d{4}年/;

/**
 * A line above a header that belongs to that header's table: one or two short text cells within the columns,
 * no amount, and a title's words; or one short line in the label column or left of it (a department's name
 * written alone: a continuation of the table above has its text further right).
 */
export function isTitleLine(
  row: readonly CellValue[] | undefined,
  columnStart: number,
  columnEnd: number,
  labelColumn: number,
): boolean {
  if (!row) return false;
  const texts: string[] = [];
  let lastColumn = -1;
  for (let c = columnStart; c < Math.min(columnEnd, row.length); c++) {
    const cell = row[c];
    if (cell === null || cell === undefined) continue;
    if (typeof cell !== "string") return false;
    const text = cell.trim();
    if (text === "") continue;
    if (parseAmount(text).value !== null) return false;
    texts.push(text);
    lastColumn = c;
  }
  if (texts.length === 0 || texts.length > 2) return false;
  const joined = texts.join(" ");
  if (TITLE_WORDS.test(withoutWhitespace(joined))) return true;
  return (
    texts.length === 1 && lastColumn <= labelColumn && joined.length <= 40 && !/[、：:；;。]/.test(joined)
  );
}

function isBlankIn(row: readonly CellValue[] | undefined, columnStart: number, columnEnd: number): boolean {
  if (!row) return true;
  for (let c = columnStart; c < Math.min(columnEnd, row.length); c++)
    if (cellText(row[c]) !== "") return false;
  return true;
}

function overlaps(a: FoundHeader, b: FoundHeader): boolean {
  return a.columnStart < b.columnEnd && b.columnStart < a.columnEnd;
}

/**
 * Arranges a layout's headers into tables (see the top of this file). `headers` are in any order; the result
 * is in sheet order (top to bottom, then left to right). `labelColumn` is the grid column where a header's 合计
 * row would say 合计 (its name column), to tell a new table from a repeated header.
 */
export function stackTables<H extends FoundHeader>(
  grid: Grid,
  headers: readonly H[],
  labelColumn: (header: H) => number,
): StackedTable<H>[] {
  const sorted = [...headers].sort((a, b) => a.rows[0]! - b.rows[0]! || a.columnStart - b.columnStart);
  const tables: { header: H; start: number; end: number; repeatedHeaders: number[]; lastHeader: number }[] =
    [];
  for (const header of sorted) {
    const first = header.rows[0]!;
    const last = header.rows[header.rows.length - 1]!;
    // The table above in these columns: the one starting at the same column, else the last that overlaps.
    let previous: (typeof tables)[number] | undefined;
    for (let t = tables.length - 1; t >= 0; t--) {
      const table = tables[t]!;
      if (!overlaps(table.header, header)) continue;
      if (table.header.columnStart === header.columnStart) {
        previous = table;
        break;
      }
      previous ??= table;
    }
    // Title lines above this header, back to the previous table's last header row at most.
    const floor = previous ? previous.lastHeader + 1 : 0;
    let start = first;
    let titles = 0;
    for (let r = first - 1; r >= floor; r--) {
      if (isBlankIn(grid[r], header.columnStart, header.columnEnd)) continue;
      if (
        titles >= MAX_TITLE_LINES ||
        !isTitleLine(grid[r], header.columnStart, header.columnEnd, labelColumn(header))
      )
        break;
      titles++;
      start = r;
    }
    if (previous) {
      const repeat =
        previous.header.signature === header.signature &&
        titles === 0 &&
        !startsWithGrandTotal(grid, last + 1, labelColumn(header), header);
      if (repeat) {
        previous.repeatedHeaders.push(...header.rows);
        previous.lastHeader = last;
        continue;
      }
    } else start = 0; // the first table in these columns takes every line above it as its titles
    for (const table of tables) if (overlaps(table.header, header) && table.end > start) table.end = start;
    tables.push({ header, start, end: grid.length, repeatedHeaders: [], lastHeader: last });
  }
  return tables
    .map(({ header, start, end, repeatedHeaders }) => ({ header, start, end, repeatedHeaders }))
    .sort((a, b) => a.start - b.start || a.header.columnStart - b.header.columnStart);
}

/** The first non-blank row from `r` (in the header's columns) says 合计 in the label column. */
function startsWithGrandTotal(grid: Grid, r: number, column: number, header: FoundHeader): boolean {
  for (let k = r; k < grid.length; k++) {
    if (isBlankIn(grid[k], header.columnStart, header.columnEnd)) continue;
    return isGrandTotalLabel(cellText(grid[k]?.[column]));
  }
  return false;
}
