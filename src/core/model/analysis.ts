import type { SheetCell } from "./cell-address";
import type { Issue, IssueDraft } from "./issue";
import type { LayoutId } from "../layouts/layout-id";
import type { Equation } from "./total-equation";

/**
 * The budget table's four amount columns: the amount keys of every layout that declares none of its own (the
 * string layouts, the department table, the project form). A layout of another kind of table declares its own
 * amount columns (TableModel.amountColumns): the model is keyed by whatever the layout names.
 */
export type AmountRole = "total" | "fiscal" | "specialAccount" | "other";
export const AMOUNT_ROLES: readonly AmountRole[] = ["total", "fiscal", "specialAccount", "other"];

/**
 * Every column role the locators can recognise: the string layouts' (name, amounts, goal, indicators) and the
 * columnar layouts' own (the unit, and an indicator's fields one per column).
 */
export type ColumnRole =
  | "name"
  | AmountRole
  | "goal"
  | "indicators"
  | "unit"
  | "level1"
  | "level2"
  | "indicatorName"
  | "op"
  | "value"
  | "period"
  | "measure"
  | "weight"
  | "direction";

/** One amount cell: the parsed number beside the raw value. */
export interface AmountCell {
  /** A1 address of the cell (present even when the column is missing from the table: then raw is null). */
  readonly cell: string;
  /** The value as read: text such as "2,476.54", a number, or null for an empty cell. */
  readonly raw: string | number | null;
  /** The number; 0 for an empty cell; null when the text is not a number (an amount-not-number issue). */
  readonly value: number | null;
  /** Decimal places as displayed ("495.00" → 2, 18 → 0); used for the reconciliation tolerance. */
  readonly decimals: number;
}

/** A row's amount cells by the keys its layout names (the budget table's: AmountRole), in the table's order. */
export type AmountCells = Readonly<Record<string, AmountCell>>;
/** A row's amounts by the same keys. */
export type Amounts = Readonly<Record<string, number | null>>;
/** The amount cells of a budget table's row: all four, always (an absent column's cell has raw null). */
export type BudgetAmountCells = Readonly<Record<AmountRole, AmountCell>>;

/** The numbers of a row's amount cells, by the same keys in the same order. */
export function amountsOf(cells: AmountCells): Amounts {
  const amounts: Record<string, number | null> = {};
  for (const key in cells) amounts[key] = cells[key]!.value;
  return amounts;
}

/** One amount column a layout declares: its key in Amounts, and its name as the table writes it (its header). */
export interface AmountColumn {
  readonly key: string;
  readonly label: string;
}

/** A column 指标明细 shows beside its common ones, declared by a layout: its key in Indicator.extra and header. */
export interface DetailColumn {
  readonly key: string;
  /** The header as the table writes it (`实际完成值`, `分值`, `得分`). */
  readonly label: string;
  /** A number column (shown as a number) or text (kept as text). */
  readonly kind: "number" | "text";
}

/**
 * What a layout declares about its kind of table beyond the budget table's defaults, carried with the table so that
 * the checks, the messages and the plan need not know the layout. Absent: a budget table (AMOUNT_ROLES, and the
 * common detail columns).
 */
export interface TableModel {
  /** Its amount columns, in table order. */
  readonly amountColumns: readonly AmountColumn[];
  /** Columns 指标明细 adds after the common ones (before 问题 and 来源), read from each Indicator.extra. */
  readonly detailColumns?: readonly DetailColumn[];
}

export interface TableInfo {
  /** The layout that recognised and read the table (layouts/layout-id.ts). */
  readonly layout: LayoutId;
  readonly title: string | null;
  readonly department: string | null;
  readonly amountUnit: "万元" | "元" | null;
  /** Sheet row of the header; the last header row when the header spans two rows. */
  readonly headerRow: number;
  /** All header rows (one or two). */
  readonly headerRows: readonly number[];
  /** Sheet column (1-based) of each recognised role. */
  readonly columns: Readonly<Partial<Record<ColumnRole, number>>>;
  /** What the layout declares of its kind of table; absent for a budget table (every layout before TableModel). */
  readonly model?: TableModel;
  /** Which of several value columns was read as this year's target, and why (a form's grid; absent: one column). */
  readonly valueColumn?: ValueColumnChoice;
  /**
   * A grid with one value column per sub-project (`指标值` over `一中 | 二中`): each one's name and sheet column
   * (1-based). Each row is then one indicator per sub-project, named with it (`新建校舍面积（一中）`).
   */
  readonly subProjects?: readonly {
    readonly name: string;
    readonly column: number;
    /** The whole project's column among them (`合计`), whose indicators keep their plain names. */
    readonly whole?: boolean;
  }[];
}

/**
 * This year's value column where a grid has several (中期 / 年度, 实施周期 / 年度, 指标值 / 实际完成值): the header
 * read, the ones left, and whether the choice was by meaning (年度, 当年, 本年, 预期, 目标 over 中期, 长期, 实际,
 * 上年) or ambiguous (nothing said which: the first was read, and the result says so).
 */
export interface ValueColumnChoice {
  /** The header of the column read, as written, and its sheet column (1-based). */
  readonly header: string;
  readonly column: number;
  /** The other value columns' headers, as written. */
  readonly others: readonly string[];
  readonly ambiguous: boolean;
}

/** A parsed indicator value: 年度指标值 or 实施周期指标值. */
export interface IndicatorValue {
  readonly op: ">=" | "<=" | ">" | "<" | "=" | "range" | "text";
  readonly value: number | null;
  /** Upper end of a range. */
  readonly upper: number | null;
  readonly unit: string | null;
  /** The value exactly as written (after whitespace and markup cleanup). */
  readonly raw: string;
}

/** A framework level as recognised in the text. */
export interface Level {
  /** Framework code ("1", "11", …): as written when written, else from the name; null when unknown. */
  readonly code: string | null;
  /** Canonical framework name ("产出指标", "数量指标", …); null when the label is not in the framework. */
  readonly name: string | null;
  /** The label as written, e.g. "1-产出指标", "社会效益", "产出指标(50分)". */
  readonly written: string;
  /** Code as written in the text, null when the label had no code. */
  readonly writtenCode: string | null;
}

/** Which part of an indicator string a span of characters belongs to. */
export type SpanKind =
  | "goal"
  | "seq"
  | "level1"
  | "level2"
  | "name"
  | "period"
  | "annual"
  | "label"
  | "separator"
  | "markup"
  | "unparsed";

/** A run of characters of the (joined) cell text. Concatenating all spans' text gives back the text. */
export interface TextSpan {
  readonly kind: SpanKind;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface Indicator {
  /** Sheet row of the cell the item starts in. */
  readonly row: number;
  /** A1 address of that cell (the 绩效指标 cell, or the 绩效目标 cell for misplaced indicators). */
  readonly cell: string;
  /** Item number as written; null when missing. */
  readonly seq: number | null;
  readonly level1: Level | null;
  readonly level2: Level | null;
  /** 三级指标: the indicator name. */
  readonly name: string;
  /** 实施周期指标值 as written; null when the field is missing. */
  readonly periodValue: string | null;
  /** 年度指标值 as written; null when the field is missing. */
  readonly annualValue: string | null;
  readonly period: IndicatorValue | null;
  readonly annual: IndicatorValue | null;
  /** The item's whole text as written in the cell. */
  readonly raw: string;
  /** Stated only in a form's long-term grid (长期绩效指标), with no row this year: no annual target is missing. */
  readonly periodOnly?: true;
  /** The values of the layout's own detail columns (TableModel.detailColumns), by key; absent in a budget table. */
  readonly extra?: Readonly<Record<string, string | number | null>>;
}

export interface Project {
  readonly row: number;
  /** Name of the unit (资金使用单位) the project sits under; null when the table has no unit rows. */
  readonly unit: string | null;
  readonly name: string;
  /** A1 of the name cell. */
  readonly nameCell: string;
  readonly amounts: Amounts;
  readonly amountCells: AmountCells;
  /** 绩效目标 text, without any indicator text found in it. */
  readonly goal: string;
  readonly indicators: readonly Indicator[];
  /** Sheet rows of continuation rows joined to this project. */
  readonly continuationRows: readonly number[];
}

export interface UnitRow {
  readonly row: number;
  readonly name: string;
  readonly nameCell: string;
  readonly amounts: Amounts;
  readonly amountCells: AmountCells;
  /** Indexes into Analysis.projects of the projects under this unit. */
  readonly projectIndexes: readonly number[];
}

export interface GrandTotalRow {
  readonly row: number;
  readonly amounts: Amounts;
  readonly amountCells: AmountCells;
}

export type RowKind =
  "title" | "header" | "grand-total" | "unit" | "subtotal" | "project" | "continuation" | "blank" | "note";

export interface ClassifiedRow {
  readonly row: number;
  readonly kind: RowKind;
}

/*
 * The read stage's model: what a layout reads from its rows before any indicator text is split. The split
 * stage (split-table.ts) turns it into the ParsedTable below.
 */

/** One piece of a multi-row text: the cell's text as pasted and the sheet row it came from. */
export interface TextPiece {
  readonly row: number;
  readonly text: string;
}

/**
 * A project's text that holds indicators, as one column's cells over the project's rows (a multi-line cell
 * pasted as several rows): numbered items in one string (`1、1-产出指标：…。2、…`), or one segment per indicator
 * in the other string dialect (`一级指标：产出指标,二级指标：数量指标,三级指标：…,指标值：20,计量单位：台;`).
 */
export interface IndicatorText {
  /**
   * "indicators": the 绩效指标 cell; text before the first item is unparsed. "goal": the 绩效目标 cell; text
   * before the first item is the goal, and items after it are misplaced indicators. "segments": the 绩效指标 cell
   * in the one-segment-per-indicator dialect (split-indicator-segments.ts).
   */
  readonly role: "goal" | "indicators" | "segments";
  /** Sheet column of the cells. */
  readonly column: number;
  readonly pieces: readonly TextPiece[];
}

/** Where an indicator is on the sheet: its cell, and in a columnar layout the cells of its value and level label. */
export interface IndicatorPlace extends SheetCell {
  /** The cell of its value (指标值), where a missing or suspicious value is marked. */
  readonly valueCell?: SheetCell;
  /** The cell of its 实施周期指标值 when that is not in the value's row (a form's long-term grid). */
  readonly periodCell?: SheetCell;
  /** The cell that holds its level-2 label (or level-1, when that is the one in doubt), merged cells filled. */
  readonly levelCell?: SheetCell;
}

/** One indicator of a columnar layout, read from its row: its fields already apart, merged levels filled. */
export interface RowIndicator {
  readonly seq: number | null;
  /** Level labels as written (filled down from the merged cell above), or null. */
  readonly level1: string | null;
  readonly level2: string | null;
  readonly name: string;
  readonly periodValue: string | null;
  /** The value as the row writes it, comparison and unit joined to it: `≥20台`, `提升`. */
  readonly annualValue: string | null;
  /** The row's indicator cells as written, joined with ` | `. */
  readonly raw: string;
  /** Stated only in a form's long-term grid (长期绩效指标), with no row this year: no annual target is missing. */
  readonly periodOnly?: true;
  /** Its 三级指标 cell (Indicator.cell), with its value and level cells. */
  readonly place: IndicatorPlace;
  /** Its values of the layout's own detail columns (TableModel.detailColumns), by key; absent in a budget table. */
  readonly extra?: Readonly<Record<string, string | number | null>>;
}

/** The indicators of a project in a columnar layout: one per row. */
export interface IndicatorRows {
  readonly role: "rows";
  readonly items: readonly RowIndicator[];
}

/** Whatever holds a project's indicators, as the layout read it; split-table.ts has a splitter for each. */
export type IndicatorSource = IndicatorText | IndicatorRows;

/** A project as read, before its indicator texts are split: the Project without its goal and indicators. */
export interface ProjectRead extends Pick<
  Project,
  "row" | "unit" | "name" | "nameCell" | "amountCells" | "continuationRows"
> {
  /** Its indicator texts, in the order to split them (the goal cell first). */
  readonly texts: readonly IndicatorSource[];
}

/*
 * A self-evaluation table (绩效自评表): what its layout reads beyond a target table's indicators, for the checks of
 * its scores and budget execution (check/check-self-evaluation.ts). The indicators themselves are read as in a
 * target table (their 年度指标值 is the target), and each one's 实际完成值 / 分值 / 得分 / 偏差原因 are also in
 * Indicator.extra for 指标明细 (TableModel.detailColumns).
 */

/** A number cell of a self-evaluation table as read (分值, 得分, 执行率, 总分): the raw value beside the number. */
export interface ScoreCell extends SheetCell {
  /** The value as read: text such as "8.00", "100%", "分", a number, or null for an empty cell. */
  readonly raw: string | number | null;
  /** The number (a percentage's number without its %: "93%" → 93); null when empty or not a number. */
  readonly value: number | null;
  /** Decimal places as displayed ("9.34" → 2). */
  readonly decimals: number;
  /** The cell writes a percentage (`100%`, or a number under a `(%)` header): value is in percent. */
  readonly percent?: true;
}

/** A text cell of a self-evaluation table as read (实际完成值, 偏差原因, 评价等级). */
export interface NoteCell extends SheetCell {
  /** The text as written, trimmed; "" for an empty cell. */
  readonly text: string;
}

/** One indicator row's self-evaluation, beside the indicator it belongs to. */
export interface ScoredIndicator {
  /** Index of the indicator in its project's indicators (Project.indicators, the issue's about.itemIndex). */
  readonly itemIndex: number;
  /** 实际完成值 / 全年完成值 as written (parse it with parseValue like a target); null when the table has no column. */
  readonly actual: NoteCell | null;
  /** 分值 / 权重 / 指标分值; null when the table has no column. */
  readonly weight: ScoreCell | null;
  /** 得分 / 自评得分; null when the table has no column. */
  readonly score: ScoreCell | null;
  /** 偏差原因分析及改进措施 / 未完成原因; null when the table has no column. */
  readonly reason: NoteCell | null;
}

/**
 * The scored budget-execution row of a self-evaluation (预算执行率 with its 分值/权重 and 得分): the rate as the
 * form writes it, the amounts it is computed from, and the scoring rule when the form states one (Hubei's
 * `得分(分*执行率)`, Yunnan's and Sichuan's 10 分 for 执行率): `weight-times-rate` = min(分值 × 执行率, 分值).
 */
export interface BudgetExecution {
  /** 执行率 as written; null when the form has none. */
  readonly rate: ScoreCell | null;
  /** 执行数 (全年执行数 / 预算执行数 / 资金执行情况) of the total row. */
  readonly spent: ScoreCell | null;
  /** The 预算数 the rate divides by: 全年预算数 / 调整后预算数 when the form has one, else 年初预算数 / 预算数. */
  readonly budget: ScoreCell | null;
  readonly weight: ScoreCell | null;
  readonly score: ScoreCell | null;
  /** How the form says the budget score is computed; null when it does not say. */
  readonly scoreRule: "weight-times-rate" | null;
}

/** A grade band the table states (`优: 90–100`), or the national default (优 ≥ 90, 良 80–90, 中 60–80, 差 < 60). */
export interface GradeBand {
  /** The grade as written: 优, 良, 中, 差 (or 优秀, 良好, 合格, 不合格…). */
  readonly grade: string;
  /** The lowest total that earns it (inclusive). */
  readonly from: number;
}

/** One project's self-evaluation. */
export interface SelfEvaluation {
  /** Index of the project in TableRead.projects (the issue's about.projectIndex). */
  readonly projectIndex: number;
  /** Its indicator rows, in indicator order; an indicator with no scored row is absent. */
  readonly indicators: readonly ScoredIndicator[];
  /** The scored budget-execution row; null when the form has no budget block. */
  readonly budget: BudgetExecution | null;
  /**
   * The total the 分值 must add up to, as the form states it: a 合计 row's 分值 cell, or a number in a header
   * (`绩效指标(90分)`, `产出指标(50分)` are part totals, not this); null when the form states none (then 100 is
   * assumed by the check, with the budget row's 分值 counted in).
   */
  readonly weightTotal: ScoreCell | null;
  /** 总分 / 自评总分 / 合计得分; null when the form has none. */
  readonly totalScore: ScoreCell | null;
  /** 评价等级 / 自评等级; null when the form has none. */
  readonly grade: NoteCell | null;
  /** Grade bands the table itself states; absent: the national default. */
  readonly gradeBands?: readonly GradeBand[];
}

/** What a layout's read step gives: the table's rows read into the common model, and its total equations. */
export interface TableRead {
  readonly table: TableInfo;
  readonly grandTotal: GrandTotalRow | null;
  readonly units: readonly UnitRow[];
  readonly projects: readonly ProjectRead[];
  readonly rows: readonly ClassifiedRow[];
  /** The parser's own issues (no-table, amount-not-number, unparsed, markup, misplaced-indicators). */
  readonly issues: readonly IssueDraft[];
  /** The layout's equations (sums, bounds, ratios: total-equation.ts), for the checks and the culprit finder. */
  readonly equations: readonly Equation[];
  /** A self-evaluation table's scores and budget execution, one per project that has them; absent otherwise. */
  readonly selfEvaluations?: readonly SelfEvaluation[];
}

/** What parsing found, before the checks run: the read table with its indicator texts split. */
export interface ParsedTable extends Omit<TableRead, "table" | "projects"> {
  /** null when no layout recognised the grid (the issues then hold one no-table). */
  readonly table: TableInfo | null;
  readonly projects: readonly Project[];
  /**
   * Where each indicator sits, by the same reference issues carry: indicatorCells[projectIndex][itemIndex].
   * Items of one cell share one SheetCell. (Indicator.cell is its address; this adds the row and column numbers,
   * and in a columnar layout the cells of its value and level.)
   */
  readonly indicatorCells: readonly (readonly IndicatorPlace[])[];
}

/**
 * One table of an analysis that read several (stacked or side by side on a sheet, or on several sheets). The
 * analysis lists every table's projects, units and rows one table after the other; `table` and `grandTotal` of
 * the analysis are its first table's, so an analysis of one table reads as it always has.
 */
export interface AnalysisTable {
  /** The sheet the table is on; absent when the analysis read one sheet. */
  readonly sheet?: string;
  readonly table: TableInfo;
  readonly grandTotal: GrandTotalRow | null;
  /** Its projects are projects[projectStart, projectEnd) of the analysis, its units units[unitStart, unitEnd). */
  readonly projectStart: number;
  readonly projectEnd: number;
  readonly unitStart: number;
  readonly unitEnd: number;
}

/** The core's result and the CLI's --json output. */
export interface Analysis extends Omit<
  ParsedTable,
  "issues" | "equations" | "indicatorCells" | "selfEvaluations"
> {
  readonly issues: readonly Issue[];
  /** Present when the analysis read more than one table: each table, in sheet order (see AnalysisTable). */
  readonly tables?: readonly AnalysisTable[];
  /** How many total equations were checked (held or broken), for the verdict's "N 个等式全部相符". */
  readonly checkedEquations?: number;
}

/** The sheet of the table a project belongs to, or undefined when the analysis read one sheet. */
export function sheetOfProject(analysis: Pick<Analysis, "tables">, projectIndex: number): string | undefined {
  const tables = analysis.tables;
  if (tables === undefined) return undefined;
  for (const t of tables) if (projectIndex >= t.projectStart && projectIndex < t.projectEnd) return t.sheet;
  return undefined;
}

/** The sheets an analysis read, in order (empty when it read one sheet): issues are sorted sheet by sheet. */
export function sheetsOf(analysis: Pick<Analysis, "tables">): string[] {
  const sheets: string[] = [];
  for (const t of analysis.tables ?? [])
    if (t.sheet !== undefined && !sheets.includes(t.sheet)) sheets.push(t.sheet);
  return sheets;
}
