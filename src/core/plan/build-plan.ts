import {
  sheetOfProject,
  sheetsOf,
  type Analysis,
  type DetailColumn,
  type Indicator,
  type IndicatorValue,
} from "../model/analysis";
import { cellAddress, parseCellAddress } from "../model/cell-address";
import { fitCellText, MAX_CELL_TEXT } from "./fit-cell-text";
import { sortIssues, type Issue } from "../model/issue";
import {
  localizeFindings,
  messagesFor,
  type LocalizedFinding,
  type Locale,
  type Messages,
} from "../messages";
import { isChangeToCheck, type Comparison } from "../compare/finding";
import {
  MARK_COLORS,
  MARK_ORDER,
  type MarkKind,
  type Plan,
  type PlanCell,
  type PlanColumn,
  type PlanFill,
  type PlanMark,
  type PlanNote,
  type PlanPrint,
  type PlanSheet,
  type PlanSheetKey,
  type PlanTruncation,
} from "./plan";
import { fitColumnWidths, fitRowHeights, type WidthLimits } from "./plan-layout";
import { quoteSheetName, uniqueSheetName } from "./sheet-name";

export interface BuildPlanOptions {
  /** Name of the analysed sheet: marks go there and links point there. */
  readonly sourceSheet: string;
  readonly locale: Locale;
  /** Names of sheets in the workbook that are not the tool's own: the new sheets must not take them. */
  readonly avoidSheetNames?: readonly string[];
  /** Names of tables in the workbook that are not the tool's own (table names are workbook-wide). */
  readonly avoidTableNames?: readonly string[];
  /**
   * This table against last year's (compareTables): adds the 年度对比 sheet, one row per finding, and marks the
   * changed cells of this year's table in the change colour with a note saying what changed.
   */
  readonly comparison?: Comparison;
}

const TEXT = "@";
const NUMBER = "General";

/** Table names are identifiers: ASCII keeps them valid in every Excel language. */
const TABLE_NAMES: Readonly<Record<PlanSheetKey, string>> = {
  detail: "IndicatorDetail",
  checks: "CheckResults",
  compare: "YearOverYear",
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

  const print = printSetup(messages);
  const extra = layoutDetailColumns(analysis);
  const detail = laidOut(
    "detail",
    detailName,
    detailColumns(messages, extra),
    detailRows(analysis, issues, options.sourceSheet, messages, fit("detail"), extra),
    { name: uniqueTableName(TABLE_NAMES.detail, options.avoidTableNames), style: "TableStyleMedium2" },
    [],
    print,
  );
  const checks = laidOut(
    "checks",
    checksName,
    CHECK_COLUMNS.map((c) => ({ header: messages.checkColumns[c.key], ...c })),
    checkRows(issues, options.sourceSheet, messages, fit("checks")),
    // With no issue the sheet holds one sentence, not a table of one fake row.
    issues.length > 0
      ? { name: uniqueTableName(TABLE_NAMES.checks, options.avoidTableNames), style: "TableStyleMedium2" }
      : null,
    severityFills(issues),
    print,
  );
  const hasErrors = issues.some((i) => i.severity === "error");
  const findings = options.comparison ? localizeFindings(options.comparison.findings, options.locale) : null;
  const sheets = [detail, checks];
  if (findings !== null) {
    // A target table against its self-evaluation: its own sheet name and the two tables' names as headers.
    const against = options.comparison!.against === undefined ? null : options.comparison!;
    const own = messages.compare.selfEvaluation;
    const headers =
      against === null ? messages.compare.columns : { ...messages.compare.columns, ...own.columns(against) };
    const compareName = uniqueSheetName(against === null ? messages.compare.sheet : own.sheet, [
      ...avoid,
      detailName,
      checksName,
    ]);
    sheets.push(
      laidOut(
        "compare",
        compareName,
        COMPARE_COLUMNS.map((c) => ({ header: headers[c.key], ...c })),
        compareRows(findings, options.sourceSheet, messages, fit("compare"), against),
        findings.length > 0
          ? {
              name: uniqueTableName(TABLE_NAMES.compare, options.avoidTableNames),
              style: "TableStyleMedium2",
            }
          : null,
        [],
        print,
      ),
    );
  }
  const changed = (findings ?? []).filter((f) => isChangeToCheck(f) && f.thisPlace !== null);
  const marks = marksFor(issues, options.sourceSheet, changed);
  return {
    sourceSheet: options.sourceSheet,
    sheets,
    marks,
    notes: notesFor(marks, issues, messages, checksName, options.sourceSheet, changed),
    noteAuthor: messages.notes.author,
    commentTag: messages.notes.commentTag,
    activate: hasErrors ? "checks" : "detail",
    ...(truncated.length > 0 ? { truncated } : {}),
  };
}

/** A column as the plan lays it out: its content decides its width within these limits. */
interface ColumnSpec<K extends string> extends WidthLimits {
  readonly key: K;
  readonly numberFormat: string;
  readonly wrap: boolean;
}

function laidOut(
  key: PlanSheetKey,
  name: string,
  specs: readonly (ColumnSpec<string> & { readonly header: string })[],
  rows: PlanCell[][],
  table: PlanSheet["table"],
  fills: readonly PlanFill[],
  print: PlanPrint,
): PlanSheet {
  // The one sentence of a clean checks sheet spans the row: it does not widen the severity column.
  const measured = table === null && rows.length === 1 ? [] : rows;
  const widths = fitColumnWidths(
    specs.map((c) => c.header),
    measured,
    specs,
  );
  const columns: PlanColumn[] = specs.map((c, i) => ({
    header: c.header,
    width: widths[i]!,
    numberFormat: c.numberFormat,
    wrap: c.wrap,
  }));
  return {
    key,
    name,
    columns,
    rows,
    table,
    freezeRows: 1,
    rowHeights: fitRowHeights(
      measured,
      widths,
      specs.map((c) => c.wrap),
    ),
    fills,
    print,
  };
}

/** Landscape A4, every column on one page wide, the header on every page, the sheet's name and page below. */
function printSetup(m: Messages): PlanPrint {
  return {
    orientation: "landscape",
    fitToPagesWide: 1,
    repeatRows: 1,
    paper: "A4",
    footer: { left: m.print.footerLeft, right: m.print.footerRight },
  };
}

function uniqueTableName(wanted: string, avoid: readonly string[] = []): string {
  const taken = new Set(avoid.map((n) => n.toLowerCase()));
  if (!taken.has(wanted.toLowerCase())) return wanted;
  for (let n = 2; ; n++) if (!taken.has(`${wanted}${n}`.toLowerCase())) return `${wanted}${n}`;
}

/**
 * The columns of 指标明细: widths within these limits, wide enough for their content (二级指标 holds
 * 服务对象满意度指标, 18 units), and long text wraps. The limits keep the sheet readable when printed on one page
 * wide (about 200 units in all).
 */
const DETAIL_COLUMNS: readonly ColumnSpec<keyof Messages["detailColumns"]>[] = [
  { key: "unit", min: 10, max: 16, numberFormat: TEXT, wrap: true },
  { key: "project", min: 10, max: 20, numberFormat: TEXT, wrap: true },
  { key: "seq", min: 5, max: 6, numberFormat: NUMBER, wrap: false },
  { key: "level1", min: 8, max: 14, numberFormat: TEXT, wrap: true },
  { key: "level2", min: 8, max: 20, numberFormat: TEXT, wrap: true },
  { key: "name", min: 10, max: 24, numberFormat: TEXT, wrap: true },
  { key: "period", min: 10, max: 16, numberFormat: TEXT, wrap: true },
  { key: "annual", min: 10, max: 16, numberFormat: TEXT, wrap: true },
  { key: "op", min: 6, max: 8, numberFormat: TEXT, wrap: false },
  { key: "value", min: 6, max: 10, numberFormat: NUMBER, wrap: false },
  { key: "upper", min: 6, max: 10, numberFormat: NUMBER, wrap: false },
  { key: "measureUnit", min: 6, max: 10, numberFormat: TEXT, wrap: true },
  { key: "problems", min: 10, max: 40, numberFormat: TEXT, wrap: true },
  { key: "source", min: 6, max: 8, numberFormat: TEXT, wrap: false },
];

/** Where a layout's own detail columns go: after the common ones that describe the indicator, before 问题 and 来源. */
const EXTRA_AT = DETAIL_COLUMNS.map((c) => c.key).indexOf("problems");

/**
 * The detail columns the tables' layouts declare (TableModel.detailColumns: a self-evaluation table's 实际完成值,
 * 分值, 得分), each once, in the order first declared; none for a budget table.
 */
function layoutDetailColumns(analysis: Analysis): readonly DetailColumn[] {
  const models = analysis.tables ? analysis.tables.map((t) => t.table.model) : [analysis.table?.model];
  const columns: DetailColumn[] = [];
  for (const model of models)
    for (const column of model?.detailColumns ?? [])
      if (!columns.some((c) => c.key === column.key)) columns.push(column);
  return columns;
}

/** The columns of 指标明细: the common ones (in the user's language), a layout's own (its headers) among them. */
function detailColumns(
  messages: Messages,
  extra: readonly DetailColumn[],
): (ColumnSpec<string> & { readonly header: string })[] {
  const common = DETAIL_COLUMNS.map((c) => ({ header: messages.detailColumns[c.key], ...c }));
  const own = extra.map((c) => ({
    header: c.label,
    key: `extra:${c.key}`,
    min: 6,
    max: c.kind === "number" ? 10 : 20,
    numberFormat: c.kind === "number" ? NUMBER : TEXT,
    wrap: c.kind === "text",
  }));
  return [...common.slice(0, EXTRA_AT), ...own, ...common.slice(EXTRA_AT)];
}

/** The columns of 校验结果; the rule id last and narrow, for filtering and for the JSON's readers. */
const CHECK_COLUMNS: readonly ColumnSpec<keyof Messages["checkColumns"]>[] = [
  { key: "severity", min: 6, max: 10, numberFormat: TEXT, wrap: false },
  { key: "rule", min: 8, max: 16, numberFormat: TEXT, wrap: true },
  { key: "cell", min: 6, max: 8, numberFormat: TEXT, wrap: false },
  { key: "message", min: 20, max: 60, numberFormat: TEXT, wrap: true },
  { key: "advice", min: 16, max: 40, numberFormat: TEXT, wrap: true },
  { key: "ruleId", min: 8, max: 22, numberFormat: TEXT, wrap: false },
];

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
  extra: readonly DetailColumn[],
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
      const row: PlanCell[] = [
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
      ];
      for (const column of extra) {
        const cell = indicator.extra?.[column.key] ?? null;
        row.push(typeof cell === "string" ? text(cell, row.length) : cell);
      }
      row.push(
        text(problems.of(projectIndex, itemIndex, indicator), row.length),
        sourceLink(sheetOfProject(analysis, projectIndex), sourceSheet, indicator.cell),
      );
      rows.push(row);
    }
  }
  return rows;
}

function checkRows(issues: readonly Issue[], sourceSheet: string, m: Messages, fit: Fit): PlanCell[][] {
  if (issues.length === 0) return [[m.checks.noIssues, null, null, null, null, null]];
  return issues.map((issue, index) => [
    m.severity[issue.severity],
    m.ruleNames[issue.rule],
    issue.cell === null ? null : sourceLink(issue.sheet, sourceSheet, issue.cell),
    fit(issue.message, index, 3),
    fit(m.advice[issue.rule](issue), index, 4),
    issue.rule,
  ]);
}

const COMPARE_COLUMNS: readonly ColumnSpec<keyof Messages["compare"]["columns"]>[] = [
  { key: "project", numberFormat: TEXT, wrap: true, min: 12, max: 30 },
  { key: "indicator", numberFormat: TEXT, wrap: true, min: 10, max: 24 },
  { key: "kind", numberFormat: TEXT, wrap: false, min: 8, max: 18 },
  { key: "last", numberFormat: TEXT, wrap: true, min: 8, max: 20 },
  { key: "current", numberFormat: TEXT, wrap: true, min: 8, max: 20 },
  { key: "cell", numberFormat: TEXT, wrap: false, min: 8, max: 16 },
  { key: "message", numberFormat: TEXT, wrap: true, min: 20, max: 60 },
  { key: "advice", numberFormat: TEXT, wrap: true, min: 16, max: 40 },
];

/**
 * 年度对比: one row per finding, this year's cell as a link (last year's address as text for an indicator only
 * last year has); with no finding, one sentence saying so.
 */
function compareRows(
  findings: readonly LocalizedFinding[],
  sourceSheet: string,
  m: Messages,
  fit: Fit,
  against: Comparison | null,
): PlanCell[][] {
  const own = m.compare.selfEvaluation;
  const none = against === null ? m.compare.none : own.none;
  if (findings.length === 0) return [[none, null, null, null, null, null, null, null]];
  return findings.map((f, index) => [
    fit(f.project, index, 0),
    f.indicator === null ? null : fit(f.indicator, index, 1),
    f.name,
    f.last === null ? null : fit(f.last, index, 3),
    f.this === null ? null : fit(f.this, index, 4),
    f.thisPlace !== null
      ? sourceLink(f.thisPlace.sheet, sourceSheet, f.thisPlace.cell)
      : f.lastPlace !== null
        ? against === null
          ? m.compare.lastCell(f.lastPlace.cell)
          : own.lastCell(f.lastPlace.cell, against)
        : null,
    fit(f.message, index, 6),
    fit(f.advice, index, 7),
  ]);
}

/** The severity cells of 校验结果, coloured like the marks (info keeps no fill, as it marks nothing). */
function severityFills(issues: readonly Issue[]): PlanFill[] {
  const fills: PlanFill[] = [];
  issues.forEach((issue, row) => {
    if (issue.severity !== "info") fills.push({ row, column: 0, color: MARK_COLORS[issue.severity] });
  });
  return fills;
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

/** A marked cell: where it is, and the key that tells it apart from a cell of the same address on another sheet. */
interface MarkedCell {
  severity: MarkKind;
  readonly sheet: string | undefined;
  readonly cell: string;
  readonly row: number;
  readonly column: number;
}

function cellKey(sheet: string | undefined, cell: string): string {
  return sheet === undefined ? cell : `${sheet}!${cell}`;
}

/**
 * One mark per flagged cell, the worst winning: errors and warnings at their cells (info is not marked), and the
 * totals a wrong amount upsets as consequences. Sorted by sheet (the source sheet first), then row, then column.
 * A mark on another sheet than the source (an analysis of several) names it.
 */
function marksFor(
  issues: readonly Issue[],
  sourceSheet: string,
  changed: readonly LocalizedFinding[] = [],
): PlanMark[] {
  const worst = new Map<string, MarkedCell>();
  const sheets: (string | undefined)[] = [undefined, sourceSheet];
  const mark = (sheet: string | undefined, cell: string, kind: MarkKind): void => {
    const key = cellKey(sheet, cell);
    const previous = worst.get(key);
    if (previous !== undefined) {
      if (MARK_ORDER[kind] < MARK_ORDER[previous.severity]) previous.severity = kind;
      return;
    }
    const at = parseCellAddress(cell) ?? { row: 0, column: 0 };
    worst.set(key, { severity: kind, sheet, cell, row: at.row, column: at.column });
  };
  for (const issue of issues) {
    if (issue.cell === null || issue.severity === "info") continue;
    if (!sheets.includes(issue.sheet)) sheets.push(issue.sheet);
    mark(issue.sheet, issue.cell, issue.severity);
    for (const cell of issue.details.consequences ?? []) mark(issue.sheet, cell, "consequence");
  }
  for (const f of changed) {
    if (!sheets.includes(f.thisPlace!.sheet)) sheets.push(f.thisPlace!.sheet);
    mark(f.thisPlace!.sheet, f.thisPlace!.cell, "change");
  }
  const rank = (sheet: string | undefined): number => (sheet === undefined ? 0 : sheets.indexOf(sheet));
  return [...worst.values()]
    .sort((a, b) => rank(a.sheet) - rank(b.sheet) || a.row - b.row || a.column - b.column)
    .map(({ cell, sheet, severity }) =>
      sheet === undefined || sheet === sourceSheet
        ? { cell, severity, color: MARK_COLORS[severity] }
        : { cell, sheet, severity, color: MARK_COLORS[severity] },
    );
}

/** Messages a note holds before it refers to the checks sheet, and its length. */
const NOTE_MESSAGES = 6;
const NOTE_LENGTH = 1000;

/**
 * A note per marked cell: the messages of its errors and warnings (what is wrong with which item), or, on a
 * consequence, the cells whose change repairs it.
 */
function notesFor(
  marks: readonly PlanMark[],
  issues: readonly Issue[],
  m: Messages,
  checksSheet: string,
  sourceSheet: string,
  changed: readonly LocalizedFinding[] = [],
): PlanNote[] {
  const messages = new Map<string, string[]>();
  const causes = new Map<string, string[]>();
  // Issues name their sheet only in an analysis of several sheets; marks omit the source sheet's name.
  const keyOf = (sheet: string | undefined, cell: string): string =>
    cellKey(sheet === sourceSheet ? undefined : sheet, cell);
  for (const issue of issues) {
    if (issue.cell === null || issue.severity === "info") continue;
    pushTo(messages, keyOf(issue.sheet, issue.cell), issue.message);
    for (const cell of issue.details.consequences ?? []) pushTo(causes, keyOf(issue.sheet, cell), issue.cell);
  }
  // A changed cell's note says what changed since last year (a cell with an issue shows its issues instead).
  for (const f of changed) pushTo(messages, keyOf(f.thisPlace!.sheet, f.thisPlace!.cell), f.message);
  return marks.map((mark) => {
    const key = keyOf(mark.sheet, mark.cell);
    const at = mark.sheet === undefined ? {} : { sheet: mark.sheet };
    if (mark.severity === "consequence")
      return { cell: mark.cell, ...at, text: m.notes.consequence(unique(causes.get(key) ?? []).join("、")) };
    const all = messages.get(key) ?? [];
    let text = "";
    let shown = 0;
    for (const message of all) {
      if (shown === NOTE_MESSAGES || text.length + message.length > NOTE_LENGTH) break;
      text += (shown > 0 ? "\n" : "") + message;
      shown++;
    }
    if (shown === 0 && all.length > 0) text = fitNote(all[0]!);
    if (shown < all.length) text += `\n${m.notes.more(all.length - Math.max(shown, 1), checksSheet)}`;
    return { cell: mark.cell, ...at, text };
  });
}

function fitNote(message: string): string {
  return message.length > NOTE_LENGTH ? `${message.slice(0, NOTE_LENGTH)}…` : message;
}

function pushTo(lists: Map<string, string[]>, key: string, value: string): void {
  const list = lists.get(key);
  if (list === undefined) lists.set(key, [value]);
  else list.push(value);
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}
