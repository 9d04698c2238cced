import type { Analysis } from "../core";
import type { InputTable } from "../xlsx/read-input";
import type { CliMessages } from "./messages";
import { escapeName } from "./terminal-text";

/**
 * Which tables the CLI read, one line each (`表 1：工作表「目标表」第 9 行表头（…），19 个项目`): every table when
 * there are several, the sheet of a workbook's one table, nothing for a text file's one table (its file name
 * says it all).
 */
export function describeTables(analysis: Analysis, input: InputTable, m: CliMessages): string[] {
  const tables =
    analysis.tables ??
    (analysis.table
      ? [{ table: analysis.table, sheet: undefined, projectStart: 0, projectEnd: analysis.projects.length }]
      : []);
  // A workbook read into grids (.ods, .xls) with tables on several sheets names them as an .xlsx does.
  const workbook = input.kind === "xlsx" || input.sheets.length > 1;
  if (tables.length === 0 || (tables.length === 1 && !workbook)) return [];
  const line = (t: (typeof tables)[number], index: number | null): string =>
    m.tableRead(
      index,
      workbook ? escapeName(t.sheet ?? input.sheetName) : null,
      t.table.headerRow,
      m.layouts[t.table.layout] ?? t.table.layout,
      t.projectEnd - t.projectStart,
    );
  if (tables.length === 1) return [line(tables[0]!, null)];
  return [m.tablesRead(tables.length), ...tables.map((t, k) => `  ${line(t, k + 1)}`)];
}

/** The sheets a workbook's analysis read, when that is not simply its first sheet: `（工作表：A、B）`. */
export function describeSheets(input: InputTable, m: CliMessages): string {
  if (input.sheets.length === 1 && (input.kind !== "xlsx" || input.sheetIndex === firstVisible(input)))
    return "";
  return m.sheetsRead(input.sheets.map((s) => escapeName(s.name)));
}

function firstVisible(input: InputTable): number {
  const sheets = input.package?.sheets ?? [];
  const own = new Set(input.record?.ownSheets.map((s) => s.name) ?? []);
  const index = sheets.findIndex((s) => s.path !== null && s.state === "visible" && !own.has(s.name));
  return index < 0 ? 0 : index;
}
