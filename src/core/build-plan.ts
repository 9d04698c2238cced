import { sheetOfProject, sheetsOf, type Analysis, type Indicator, type IndicatorValue } from "./analysis";
import { cellAddress, compareColumnLetters } from "./cell-address";
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
import { quoteSheetName, uniqueSheetName } from "./sheet-name";

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
  const issues = sortIssues(analysis.issues, sheetsOf(analysis));
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
    marks: marksFor(issues, options.sourceSheet),
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
 * The 问题 text of every indicator row, by the reference each issue carries (IssueSubject): an issue about an
 * item goes to that item's row; an issue about its project as a whole (markup, unparsed text, a missing
 * category) goes to the rows of the project's items in the cell it points at. Messages keep the issues' order.
 * Linear in issues and indicators: nothing is matched by cell or name across the table.
 */
class ProblemsByIndicator {
  /** projectIndex → itemIndex → positions in `issues`. */
  private readonly byItem = new Map<number, Map<number, number[]>>();
  /** projectIndex → cell → positions in `issues`. */
  private readonly byProjectCell = new Map<number, Map<string, number[]>>();

  constructor(private readonly issues: readonly Issue[]) {
    issues.forEach((issue, position) => {
      const about = issue.about;
      if (about === undefined) return;
      if (about.itemIndex !== undefined) push(this.byItem, about.projectIndex, about.itemIndex, position);
      else if (issue.cell !== null) push(this.byProjectCell, about.projectIndex, issue.cell, position);
    });
  }

  /** The messages of the item's issues and of its project's issues at its cell, one per line, in order. */
  of(projectIndex: number, itemIndex: number, indicator: Indicator): string {
    const own = this.byItem.get(projectIndex)?.get(itemIndex);
    const cell = this.byProjectCell.get(projectIndex)?.get(indicator.cell);
    if (own === undefined && cell === undefined) return "";
    const positions = own === undefined ? cell! : cell === undefined ? own : mergeSorted(own, cell);
    return positions.map((position) => this.issues[position]!.message).join("\n");
  }
}

function push<K>(lists: Map<number, Map<K, number[]>>, outer: number, key: K, position: number): void {
  let inner = lists.get(outer);
  if (inner === undefined) lists.set(outer, (inner = new Map()));
  const list = inner.get(key);
  if (list === undefined) inner.set(key, [position]);
  else list.push(position);
}

/** Two ascending lists of positions as one. */
function mergeSorted(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length)
    out.push(j >= b.length || (i < a.length && a[i]! < b[j]!) ? a[i++]! : b[j++]!);
  return out;
}

function detailRows(
  analysis: Analysis,
  issues: readonly Issue[],
  sourceSheet: string,
  m: Messages,
  fit: Fit,
): PlanCell[][] {
  const problems = new ProblemsByIndicator(issues);
  const rows: PlanCell[][] = [];
  const text = (value: string | null, col: number): string | null =>
    value === null || value === "" ? null : fit(value, rows.length, col);
  const projects = analysis.projects;
  for (let projectIndex = 0; projectIndex < projects.length; projectIndex++) {
    const project = projects[projectIndex]!;
    for (let itemIndex = 0; itemIndex < project.indicators.length; itemIndex++) {
      const indicator = project.indicators[itemIndex]!;
      const value = shownValue(indicator);
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
        text(problems.of(projectIndex, itemIndex, indicator), 12),
        sourceLink(sheetOfProject(analysis, projectIndex), sourceSheet, indicator.cell),
      ]);
    }
  }
  return rows;
}

function checkRows(issues: readonly Issue[], sourceSheet: string, m: Messages, fit: Fit): PlanCell[][] {
  if (issues.length === 0) return [[m.checks.noIssues, null, null, null]];
  return issues.map((issue, index) => [
    m.severity[issue.severity],
    issue.rule,
    issue.cell === null ? null : sourceLink(issue.sheet, sourceSheet, issue.cell),
    fit(issue.message, index, 3),
  ]);
}

/**
 * A link to a source cell; its text is the address, with the sheet's name when the analysis read several
 * sheets (`'部门表'!B5`), so that each row says where it came from.
 */
function sourceLink(sheet: string | undefined, sourceSheet: string, cell: string): PlanCell {
  return sheet === undefined
    ? { text: cell, link: { sheet: sourceSheet, cell } }
    : { text: `${quoteSheetName(sheet)}!${cell}`, link: { sheet, cell } };
}

/**
 * One mark per flagged cell, the worst severity winning; info is not marked. Sorted by sheet (the source sheet
 * first), then row, then column. A mark on another sheet than the source (an analysis of several) names it.
 */
function marksFor(issues: readonly Issue[], sourceSheet: string): PlanMark[] {
  const worst = new Map<
    string,
    {
      severity: Exclude<Severity, "info">;
      sheet: string | undefined;
      cell: string;
      row: number;
      column: string;
    }
  >();
  const sheets: (string | undefined)[] = [undefined, sourceSheet];
  for (const issue of issues) {
    if (issue.cell === null || issue.severity === "info") continue;
    if (!sheets.includes(issue.sheet)) sheets.push(issue.sheet);
    const key = issue.sheet === undefined ? issue.cell : `${issue.sheet}!${issue.cell}`;
    const previous = worst.get(key);
    if (previous && SEVERITY_ORDER[previous.severity] <= SEVERITY_ORDER[issue.severity]) continue;
    worst.set(key, {
      severity: issue.severity,
      sheet: issue.sheet,
      cell: issue.cell,
      row: issue.row ?? 0,
      column: issue.column ?? "",
    });
  }
  const rank = (sheet: string | undefined): number => (sheet === undefined ? 0 : sheets.indexOf(sheet));
  return [...worst.values()]
    .sort(
      (a, b) => rank(a.sheet) - rank(b.sheet) || a.row - b.row || compareColumnLetters(a.column, b.column),
    )
    .map(({ cell, sheet, severity }) =>
      sheet === undefined || sheet === sourceSheet
        ? { cell, severity, color: MARK_COLORS[severity] }
        : { cell, sheet, severity, color: MARK_COLORS[severity] },
    );
}
