import type { Analysis, Indicator, IndicatorValue, Project } from "./analysis";
import { cellAddress } from "./cell-address";
import { fitCellText, MAX_CELL_TEXT } from "./fit-cell-text";
import { SEVERITY_ORDER, sortIssues, type Issue, type Severity } from "./issue";
import { messagesFor, type Locale, type Messages } from "./messages";
import {
  MARK_COLORS,
  type Plan,
  type PlanCell,
  type PlanColumn,
  type PlanMark,
  type PlanSheet,
  type PlanSheetKey,
  type PlanTruncation,
} from "./plan";
import { uniqueSheetName } from "./sheet-name";

export interface BuildPlanOptions {
  /** Name of the analysed sheet: marks go there and links point there. */
  readonly sourceSheet: string;
  readonly locale: Locale;
  /** Names of sheets in the workbook that are not the tool's own: the new sheets must not take them. */
  readonly avoidSheetNames?: readonly string[];
  /** Names of tables in the workbook that are not the tool's own (table names are workbook-wide). */
  readonly avoidTableNames?: readonly string[];
}

const TEXT = "@";
const NUMBER = "General";

/** Table names are identifiers: ASCII keeps them valid in every Excel language. */
const TABLE_NAMES: Readonly<Record<PlanSheetKey, string>> = {
  detail: "IndicatorDetail",
  checks: "CheckResults",
};

/** The sheets and marks to write, as data. Pure: the same analysis and options give the same plan. */
export function buildPlan(analysis: Analysis, options: BuildPlanOptions): Plan {
  const messages = messagesFor(options.locale);
  const avoid = [options.sourceSheet, ...(options.avoidSheetNames ?? [])];
  const detailName = uniqueSheetName(messages.sheets.detail, avoid);
  const checksName = uniqueSheetName(messages.sheets.checks, [...avoid, detailName]);
  const issues = sortIssues(analysis.issues);
  const truncated: PlanTruncation[] = [];
  const fit = fitter(messages, truncated);

  const detail: PlanSheet = {
    key: "detail",
    name: detailName,
    columns: detailColumns(messages),
    rows: detailRows(analysis, issues, options.sourceSheet, messages, fit("detail")),
    table: { name: uniqueTableName(TABLE_NAMES.detail, options.avoidTableNames), style: "TableStyleMedium2" },
    freezeRows: 1,
  };
  const checks: PlanSheet = {
    key: "checks",
    name: checksName,
    columns: checkColumns(messages),
    rows: checkRows(issues, options.sourceSheet, messages, fit("checks")),
    // With no issue the sheet holds one sentence, not a table of one fake row.
    table:
      issues.length > 0
        ? { name: uniqueTableName(TABLE_NAMES.checks, options.avoidTableNames), style: "TableStyleMedium2" }
        : null,
    freezeRows: 1,
  };
  const hasErrors = issues.some((i) => i.severity === "error");
  return {
    sourceSheet: options.sourceSheet,
    sheets: [detail, checks],
    marks: marksFor(issues),
    activate: hasErrors ? "checks" : "detail",
    ...(truncated.length > 0 ? { truncated } : {}),
  };
}

function uniqueTableName(wanted: string, avoid: readonly string[] = []): string {
  const taken = new Set(avoid.map((n) => n.toLowerCase()));
  if (!taken.has(wanted.toLowerCase())) return wanted;
  for (let n = 2; ; n++) if (!taken.has(`${wanted}${n}`.toLowerCase())) return `${wanted}${n}`;
}

function column(header: string, width: number, numberFormat: string, wrap: boolean): PlanColumn {
  return { header, width, numberFormat, wrap };
}

function detailColumns(m: Messages): PlanColumn[] {
  const c = m.detailColumns;
  return [
    column(c.unit, 24, TEXT, true),
    column(c.project, 28, TEXT, true),
    column(c.seq, 6, NUMBER, false),
    column(c.level1, 12, TEXT, false),
    column(c.level2, 14, TEXT, false),
    column(c.name, 32, TEXT, true),
    column(c.period, 22, TEXT, true),
    column(c.annual, 22, TEXT, true),
    column(c.op, 8, TEXT, false),
    column(c.value, 10, NUMBER, false),
    column(c.upper, 10, NUMBER, false),
    column(c.measureUnit, 10, TEXT, false),
    column(c.problems, 48, TEXT, true),
    column(c.source, 10, TEXT, false),
  ];
}

function checkColumns(m: Messages): PlanColumn[] {
  const c = m.checkColumns;
  return [
    column(c.severity, 10, TEXT, false),
    column(c.rule, 22, TEXT, false),
    column(c.cell, 10, TEXT, false),
    column(c.message, 90, TEXT, true),
  ];
}

type Fit = (text: string, row: number, column: number) => string;

/**
 * Excel refuses a cell longer than 32,767 characters. Such text keeps its start plus a visible note saying the
 * whole length, and the cell is listed in plan.truncated, so nothing is cut silently. `row` and `column` are
 * 0-based in the data rows; the header is sheet row 1.
 */
function fitter(messages: Messages, truncated: PlanTruncation[]): (sheet: PlanSheetKey) => Fit {
  return (sheet) => (text, row, col) => {
    if (text.length <= MAX_CELL_TEXT) return text;
    truncated.push({ sheet, cell: cellAddress(row + 2, col + 1), length: text.length });
    return fitCellText(text, messages.checks.truncated);
  };
}

/** The parsed value that the 比较/数值/上限/计量单位 columns show: the annual target, else the period one. */
function shownValue(indicator: Indicator): IndicatorValue | null {
  return indicator.annual ?? indicator.period;
}

function levelText(level: Indicator["level1"]): string | null {
  if (!level) return null;
  return level.name ?? level.written;
}

/**
 * Issues that belong to one indicator row: those at its cell naming its item (by 序号, or by name when the
 * item has no number), and those at its cell naming no item at all (they concern the whole cell).
 */
function issuesByIndicator(issues: readonly Issue[]): (indicator: Indicator) => Issue[] {
  const byCell = new Map<string, Issue[]>();
  for (const issue of issues) {
    if (issue.cell === null) continue;
    const list = byCell.get(issue.cell);
    if (list) list.push(issue);
    else byCell.set(issue.cell, [issue]);
  }
  return (indicator) =>
    (byCell.get(indicator.cell) ?? []).filter((issue) => {
      const { seq, indicator: name } = issue.details;
      if (seq === undefined && name === undefined) return true;
      if (seq !== undefined && indicator.seq !== null) return seq === indicator.seq;
      return name !== undefined && name === indicator.name;
    });
}

function detailRows(
  analysis: Analysis,
  issues: readonly Issue[],
  sourceSheet: string,
  m: Messages,
  fit: Fit,
): PlanCell[][] {
  const issuesOf = issuesByIndicator(issues);
  const rows: PlanCell[][] = [];
  const text = (value: string | null, col: number): string | null =>
    value === null || value === "" ? null : fit(value, rows.length, col);
  const addRow = (project: Project, indicator: Indicator): void => {
    const value = shownValue(indicator);
    const problems = issuesOf(indicator)
      .map((i) => i.message)
      .join("\n");
    rows.push([
      text(project.unit, 0),
      text(project.name, 1),
      indicator.seq,
      text(levelText(indicator.level1), 3),
      text(levelText(indicator.level2), 4),
      text(indicator.name, 5),
      text(indicator.periodValue, 6),
      text(indicator.annualValue, 7),
      value ? m.comparisons[value.op] : null,
      value?.value ?? null,
      value?.upper ?? null,
      text(value?.unit ?? null, 11),
      text(problems, 12),
      { text: indicator.cell, link: { sheet: sourceSheet, cell: indicator.cell } },
    ]);
  };
  for (const project of analysis.projects)
    for (const indicator of project.indicators) addRow(project, indicator);
  return rows;
}

function checkRows(issues: readonly Issue[], sourceSheet: string, m: Messages, fit: Fit): PlanCell[][] {
  if (issues.length === 0) return [[m.checks.noIssues, null, null, null]];
  return issues.map((issue, index) => [
    m.severity[issue.severity],
    issue.rule,
    issue.cell === null ? null : { text: issue.cell, link: { sheet: sourceSheet, cell: issue.cell } },
    fit(issue.message, index, 3),
  ]);
}

/** One mark per flagged cell, the worst severity winning; info is not marked. Sorted by row, then column. */
function marksFor(issues: readonly Issue[]): PlanMark[] {
  const worst = new Map<string, { severity: Exclude<Severity, "info">; row: number; column: string }>();
  for (const issue of issues) {
    if (issue.cell === null || issue.severity === "info") continue;
    const previous = worst.get(issue.cell);
    if (previous && SEVERITY_ORDER[previous.severity] <= SEVERITY_ORDER[issue.severity]) continue;
    worst.set(issue.cell, { severity: issue.severity, row: issue.row ?? 0, column: issue.column ?? "" });
  }
  return [...worst.entries()]
    .sort(
      ([, a], [, b]) =>
        a.row - b.row || a.column.length - b.column.length || a.column.localeCompare(b.column),
    )
    .map(([cell, { severity }]) => ({ cell, severity, color: MARK_COLORS[severity] }));
}
