import { columnLetter, compareColumnLetters, type SheetCell } from "./cell-address";

/**
 * Problems in the input are data. Each issue carries a stable rule id from this closed list, a severity, the
 * cell it points at, and the figures behind it; the sentence a user reads is added last, from the message
 * table of their language (see messages/).
 */
/** The rules only a self-evaluation table (绩效自评表) raises (check/check-self-evaluation.ts). */
export const SELF_EVALUATION_RULE_IDS = [
  "score-over-weight",
  "weight-sum",
  "score-total",
  "budget-score",
  "full-marks-missed",
  "deducted-but-met",
  "missing-deviation-reason",
  "grade-mismatch",
  "actual-not-number",
  "score-not-number",
] as const;

export const RULE_IDS = [
  "wrong-amount",
  "row-total",
  "group-total",
  "subtotal",
  "grand-total",
  "part-over-total",
  "wrong-ratio",
  "level-mismatch",
  "missing-value",
  "sequence",
  "unparsed",
  "misplaced-indicators",
  "markup",
  "missing-category",
  "quantity-not-numeric",
  "period-is-definition",
  "suspicious-value",
  "amount-not-number",
  "duplicate-project",
  "empty-project",
  "no-table",
  "invalid-character",
  "weight-total",
  "bad-date-range",
  "uncomputed-formula",
  "invalid-bytes",
  "partial-paste",
  "duplicate-rows",
  "doubled-table",
  "rounding-gap",
  "digits-lost",
  ...SELF_EVALUATION_RULE_IDS,
] as const;

export type RuleId = (typeof RULE_IDS)[number];

export type Severity = "error" | "warning" | "info";

export const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/** Default severities; `missing-category` is info when only 满意度 is missing (decided where it fires). */
export const DEFAULT_SEVERITY: Readonly<Record<RuleId, Severity>> = {
  "wrong-amount": "error",
  "row-total": "error",
  "group-total": "error",
  subtotal: "error",
  "grand-total": "error",
  "part-over-total": "error",
  "wrong-ratio": "error",
  "level-mismatch": "error",
  "missing-value": "error",
  sequence: "warning",
  unparsed: "error",
  "misplaced-indicators": "warning",
  markup: "info",
  "missing-category": "warning",
  "quantity-not-numeric": "warning",
  "period-is-definition": "info",
  "suspicious-value": "warning",
  "amount-not-number": "error",
  "duplicate-project": "warning",
  "empty-project": "error",
  "no-table": "error",
  "invalid-character": "warning",
  "weight-total": "warning",
  "bad-date-range": "warning",
  "uncomputed-formula": "info",
  "invalid-bytes": "warning",
  // The explanations of broken totals (check/explain-gaps.ts): a paste cut short is the paste's error, not a
  // total's; rows counted once and rounding leave every amount right, so they are for the clerk to confirm.
  "partial-paste": "error",
  "duplicate-rows": "warning",
  "doubled-table": "warning",
  "rounding-gap": "warning",
  // A number of more than 15 digits (a 项目代码 typed or pasted as a number): Excel kept 15 (find-lost-digits.ts).
  "digits-lost": "warning",
  // A self-evaluation's scores are wrong numbers (errors); a deduction on a target that was met, a miss without a
  // reason, and an actual in words where a number was set are for the clerk to look at (warnings). weight-sum is
  // a warning where the form states no total and 100 is assumed (decided where it fires).
  "score-over-weight": "error",
  "weight-sum": "error",
  "score-total": "error",
  "budget-score": "error",
  "full-marks-missed": "error",
  "deducted-but-met": "warning",
  "missing-deviation-reason": "warning",
  "grade-mismatch": "error",
  "actual-not-number": "warning",
  "score-not-number": "error",
};

/**
 * Facts a message may quote: every field any rule has, all optional, as a reader of any issue sees them. Which
 * ones a rule has is IssueDetailsByRule (below): makeIssue takes those, and the rule's message functions see
 * exactly those. Raw text is quoted as found, never repaired.
 */
export interface IssueDetails {
  /** Project name (项目名称) the issue belongs to. */
  readonly project?: string;
  /** Unit name (资金使用单位). */
  readonly unit?: string;
  /** The amount is on the unit's 小计 row, not on the unit's own row. */
  readonly subtotalRow?: true;
  /** Indicator item number as written (序号). */
  readonly seq?: number;
  /** Indicator name (三级指标). */
  readonly indicator?: string;
  /** Leftover, quoted or offending text. */
  readonly text?: string;
  /** Which field: "period" (实施周期指标值) or "annual" (年度指标值). */
  readonly field?: "period" | "annual";
  /**
   * Amount column, for total and amount issues: its key (AmountRole in a budget table, the messages name it; a
   * layout's own key otherwise, named by amountLabel).
   */
  readonly amountColumn?: string;
  /** A layout's own amount column (TableModel.amountColumns): its name as the table writes it. */
  readonly amountLabel?: string;
  /** Level-1 and level-2 labels as written. */
  readonly level1?: string;
  readonly level2?: string;
  /** Missing category for missing-category: "output" (产出), "outcome" (效益), "satisfaction" (满意度). */
  readonly category?: "output" | "outcome" | "satisfaction";
  /** Sequence problems: the number expected next. */
  readonly expectedSeq?: number;
  /** Cells (A1) whose values make up the failed equation, the flagged cell included. */
  readonly cells?: readonly string[];
  /** row-total of a columnar layout: the parts its total adds up, in table order (the string layout has all three). */
  readonly parts?: readonly string[];
  /** Amount issues of a columnar layout: the names its amounts go by (a form's 资金总额, 自有资金; a department's 预算数). */
  readonly amountNames?: "form" | "department";
  /** How the table writes amounts: the messages quote expected and actual that way (`1,963.53 万元`). */
  readonly amountFormat?: AmountFormat;
  /** wrong-amount: the totals that agree once the cell is changed (find-culprits.ts). */
  readonly repairs?: readonly RepairedTotal[];
  /** wrong-amount: the totals that disagree only because of this cell (and its partners): marked lightly. */
  readonly consequences?: readonly string[];
  /** wrong-amount: the other cells (A1) to change together with this one. */
  readonly partners?: readonly string[];
  /** A broken total whose cause is not one set of three cells or fewer: the candidates, or none. */
  readonly culprits?: CulpritCandidates;
  /** level-mismatch: what disagrees (see check-indicators.ts), and what the framework expects. */
  readonly mismatch?: "level1-code" | "level2-code" | "level2-parent";
  /** level-mismatch: the framework's code for the name, or the level-1 the level-2 belongs to (`3-满意度指标`). */
  readonly expectedLevel?: string;
  /** missing-category: the categories the project does have. */
  readonly present?: readonly ("output" | "outcome" | "satisfaction")[];
  /** suspicious-value: why the value looks wrong. */
  readonly reason?: "placeholder" | "reversed-range" | "over-100";
  /** duplicate-project: the row of the project's first occurrence. */
  readonly firstRow?: number;
  /** A formula as written in the cell (uncomputed-formula). */
  readonly formula?: string;
  /** Byte offset in the file of the first bytes that are not valid UTF-8 (invalid-bytes), 0-based. */
  readonly byteOffset?: number;
  /** no-table: what was seen instead (locate/what-was-seen.ts), at firstRow, its labels in text. */
  readonly seen?: "grid-without-name" | "form-without-grid";
  /** part-over-total: the parts' names as the table writes them (`得分`), and the total's (`分值`). */
  readonly partLabels?: readonly string[];
  readonly totalLabel?: string;
  /** wrong-ratio: the names of the ratio's cells as the table writes them (`执行率`, `执行数`, `预算数`). */
  readonly targetLabel?: string;
  readonly numeratorLabel?: string;
  readonly denominatorLabel?: string;
  /** wrong-ratio: how the table shows the ratio (its decimals; a percentage or a plain figure). */
  readonly rounding?: { readonly decimals: number; readonly percent: boolean };
  /** suspicious-value: the damaged part of the value (`985%` in `完成率达985%以上。`). */
  readonly fragment?: string;
  /** suspicious-value: what the damaged part probably was (`≥98%`). */
  readonly probable?: string;
  /** suspicious-value over 100%: the value writes its own comparison (`≥800%`): no sign was lost. */
  readonly signWritten?: true;
  /** partial-paste: the edge of the paste that looks cut, and the sheet row of the table's first or last row. */
  readonly edge?: "start" | "end";
  readonly edgeRow?: number;
  /** partial-paste: the table has no 合计 row (and nothing else says where it was cut). */
  readonly noGrandTotal?: true;
  /** partial-paste, rounding-gap, duplicate-rows: the totals explained, each with target − Σ parts. */
  readonly gaps?: readonly ExplainedGap[];
  /** duplicate-rows, doubled-table: the rows present twice (sheet rows) and the rows they repeat. */
  readonly repeated?: RowSpan;
  readonly original?: RowSpan;
  /** duplicate-rows: the body repeats after a header row repeated at this sheet row. */
  readonly headerRow?: number;
  /** A self-evaluation's figures are points (分), not money: the messages write them so (`8 分`). */
  readonly scores?: true;
  /** A self-evaluation indicator's 年度指标值 as written (the target its actual is judged against). */
  readonly target?: string;
  /** A self-evaluation indicator's 实际完成值 as written. */
  readonly actualText?: string;
  /** An indicator's 分值 (full marks), for the messages of its 得分. */
  readonly weight?: number;
  /** weight-sum: the total was not stated; 100 is assumed. */
  readonly assumedTotal?: true;
  /** budget-score: the 执行率 the score was worked out from, in percent, and the 分值 it multiplies. */
  readonly rate?: number;
  /** grade-mismatch: the 总分 the grade should follow, and the bands it was judged by (`优 ≥ 90`…). */
  readonly totalScore?: number;
  readonly bands?: readonly { readonly grade: string; readonly from: number }[];
}

/** Sheet rows from `from` to `to`, both included. */
export interface RowSpan {
  readonly from: number;
  readonly to: number;
}

/** A total an explanation accounts for, and by how much it differs from its parts (target − Σ parts). */
export interface ExplainedGap extends RepairedTotal {
  readonly gap: number | string;
}

/** The facts of IssueDetails named by `K`: one rule's details (IssueDetailsByRule). */
type Facts<K extends keyof IssueDetails> = Pick<IssueDetails, K>;
/** Whose row: the project and its unit. */
type RowFacts = "project" | "unit";
/** Which indicator: its project, unit, item number and name. */
type IndicatorFacts = RowFacts | "seq" | "indicator";
/** Which amount: its column by key (and by the table's name for a layout's own column, or the layout's names). */
type AmountFacts = "amountColumn" | "amountLabel" | "amountNames";
/** A broken sum: whose row, which column, what it adds up, how the table writes amounts, the candidates. */
type TotalFacts =
  RowFacts | AmountFacts | "subtotalRow" | "parts" | "cells" | "amountFormat" | "culprits" | "totalLabel";

/**
 * The details of each rule: the facts IssueDetails holds that the rule's issues carry and its messages quote. A
 * message function for a rule sees exactly these (messages/zh-CN.ts RuleMessages); makeIssue takes them.
 */
export interface IssueDetailsByRule {
  "wrong-amount": Facts<
    TotalFacts | "repairs" | "consequences" | "partners" | "amountLabel" | "scores" | "indicator"
  >;
  "row-total": Facts<TotalFacts>;
  "group-total": Facts<TotalFacts>;
  subtotal: Facts<TotalFacts>;
  "grand-total": Facts<TotalFacts>;
  "part-over-total": Facts<RowFacts | "partLabels" | "totalLabel" | "cells">;
  "wrong-ratio": Facts<
    RowFacts | "targetLabel" | "numeratorLabel" | "denominatorLabel" | "rounding" | "cells"
  >;
  "level-mismatch": Facts<IndicatorFacts | "level1" | "level2" | "mismatch" | "expectedLevel">;
  "missing-value": Facts<IndicatorFacts | "field" | "text">;
  sequence: Facts<IndicatorFacts | "expectedSeq">;
  unparsed: Facts<RowFacts | "text">;
  "misplaced-indicators": Facts<RowFacts>;
  markup: Facts<RowFacts | "text">;
  "missing-category": Facts<RowFacts | "category" | "present">;
  "quantity-not-numeric": Facts<IndicatorFacts | "field" | "text">;
  "period-is-definition": Facts<IndicatorFacts | "field" | "text">;
  "suspicious-value": Facts<
    IndicatorFacts | "field" | "text" | "reason" | "fragment" | "probable" | "signWritten"
  >;
  "amount-not-number": Facts<RowFacts | AmountFacts>;
  "duplicate-project": Facts<RowFacts | "firstRow">;
  "empty-project": Facts<RowFacts>;
  /** Nothing to quote (an empty object literal; `{}` as a type would take anything). */
  "no-table": Facts<"seen" | "firstRow" | "text">;
  "invalid-character": Facts<RowFacts | "text">;
  "weight-total": Facts<RowFacts | "cells">;
  "bad-date-range": Facts<RowFacts | "text">;
  "uncomputed-formula": Facts<RowFacts | AmountFacts | "formula">;
  "invalid-bytes": Facts<"byteOffset">;
  "partial-paste": Facts<
    RowFacts | AmountFacts | "edge" | "edgeRow" | "noGrandTotal" | "gaps" | "cells" | "amountFormat"
  >;
  "duplicate-rows": Facts<RowFacts | "firstRow" | "repeated" | "original" | "headerRow" | "cells">;
  "doubled-table": Facts<"repeated" | "original">;
  "rounding-gap": Facts<TotalFacts | "gaps" | "scores">;
  /** The number as the cell holds it now (its digits after the 15th are zeros, or it is shown as 1.23457E+19). */
  "digits-lost": Facts<"text">;
  "score-over-weight": Facts<IndicatorFacts | "partLabels" | "totalLabel" | "cells" | "scores">;
  "weight-sum": Facts<
    RowFacts | AmountFacts | "parts" | "cells" | "culprits" | "amountFormat" | "scores" | "assumedTotal"
  >;
  "score-total": Facts<RowFacts | AmountFacts | "parts" | "cells" | "culprits" | "amountFormat" | "scores">;
  "budget-score": Facts<RowFacts | "rate" | "weight" | "cells" | "scores">;
  "full-marks-missed": Facts<IndicatorFacts | "target" | "actualText" | "weight" | "cells">;
  "deducted-but-met": Facts<IndicatorFacts | "target" | "actualText" | "weight" | "cells">;
  "missing-deviation-reason": Facts<IndicatorFacts | "target" | "actualText">;
  "grade-mismatch": Facts<RowFacts | "totalScore" | "bands" | "cells">;
  "actual-not-number": Facts<IndicatorFacts | "target" | "actualText">;
  "score-not-number": Facts<IndicatorFacts | "amountLabel" | "text">;
}

/** An issue of one rule, its details typed by the rule (what that rule's message functions take). */
export type IssueDraftOf<R extends RuleId> = Omit<IssueDraft, "rule" | "details"> & {
  readonly rule: R;
  readonly details: IssueDetailsByRule[R];
};

/** Decimals, thousands separator and unit of the table's amounts. */
export interface AmountFormat {
  readonly decimals: number;
  readonly grouping: boolean;
  readonly unit: "万元" | "元" | null;
}

/** A total equation that a change repairs: its rule, its target cell, and what it adds up. */
export interface RepairedTotal {
  readonly rule: "row-total" | "group-total" | "subtotal" | "grand-total" | "score-total" | "weight-sum";
  readonly cell: string;
  readonly amountColumn?: IssueDetails["amountColumn"];
  readonly unit?: string;
  readonly project?: string;
}

/**
 * The smallest explanations of a broken total when it is not unique: "ambiguous", with up to a few candidate
 * sets of cells and how many there are in all; or "too-many" (more than three cells), with none.
 */
export interface CulpritCandidates {
  readonly verdict: "ambiguous" | "too-many";
  readonly candidates: readonly (readonly string[])[];
  readonly count: number;
}

/**
 * What an issue is about, by position in the analysis: `projects[projectIndex]`, and with `itemIndex` its
 * indicator `projects[projectIndex].indicators[itemIndex]`. The plan attaches an issue to its indicator's row by
 * this reference, never by matching cells or names.
 */
export interface IssueSubject {
  readonly projectIndex: number;
  readonly itemIndex?: number;
}

export interface Issue {
  readonly rule: RuleId;
  readonly severity: Severity;
  /** The sheet of the cell, when the analysis read tables on more than one sheet. */
  readonly sheet?: string;
  /** Sheet row (1-based) of the cell the issue points at; null only for whole-sheet issues. */
  readonly row: number | null;
  /** Column letter of that cell. */
  readonly column: string | null;
  /** A1 address of that cell. */
  readonly cell: string | null;
  /** The project or indicator the issue is about; absent for unit rows, the 合计 row and the whole sheet. */
  readonly about?: IssueSubject;
  readonly expected?: number | string | null;
  readonly actual?: number | string | null;
  readonly details: IssueDetails;
  /** The sentence in the user's language; filled by localizeIssues(). */
  readonly message: string;
}

/** An issue before its message is written. */
export type IssueDraft = Omit<Issue, "message">;

/** What an issue may add to its rule, cell and details. */
export interface IssueExtras {
  /** Instead of the rule's default severity. */
  readonly severity?: Severity;
  readonly about?: IssueSubject;
  readonly expected?: number | string | null;
  readonly actual?: number | string | null;
}

/**
 * The one way an issue is made: row, column letter and A1 address come from the cell's numbers, once; a
 * whole-sheet issue (no-table) has no cell. Fields are always set in the same order, so that every issue has
 * the same shape in the JSON.
 */
export function makeIssue<R extends RuleId>(
  rule: R,
  at: SheetCell | null,
  details: IssueDetailsByRule[R],
  extras: IssueExtras = {},
): IssueDraft {
  const severity = extras.severity ?? DEFAULT_SEVERITY[rule];
  const row = at === null ? null : at.row;
  const column = at === null ? null : columnLetter(at.column);
  const cell = at === null ? null : at.address;
  if (extras.about === undefined && extras.expected === undefined && extras.actual === undefined) {
    return { rule, severity, row, column, cell, details };
  }
  // Optional fields only when present, always in this order, details last.
  const issue: { -readonly [K in keyof IssueDraft]?: IssueDraft[K] } = { rule, severity, row, column, cell };
  if (extras.about !== undefined) issue.about = extras.about;
  if (extras.expected !== undefined) issue.expected = extras.expected;
  if (extras.actual !== undefined) issue.actual = extras.actual;
  issue.details = details;
  return issue as IssueDraft;
}

/**
 * Errors first, then warnings, then info; within a severity, sheet by sheet (in the order of `sheets`, for an
 * analysis of several sheets), then in sheet order (row, then column). Stable.
 */
export function sortIssues<T extends IssueDraft>(issues: readonly T[], sheets: readonly string[] = []): T[] {
  const rank = (issue: T): number => (issue.sheet === undefined ? -1 : sheets.indexOf(issue.sheet));
  return [...issues].sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      (sheets.length > 0 ? rank(a) - rank(b) : 0) ||
      (a.row ?? 0) - (b.row ?? 0) ||
      compareColumnLetters(a.column ?? "", b.column ?? ""),
  );
}

/** The issue with its sheet named, the field in its place (after severity), for an analysis of several sheets. */
export function issueOnSheet<T extends IssueDraft>(issue: T, sheet: string): T {
  const { rule, severity, ...rest } = issue;
  return { rule, severity, sheet, ...rest } as unknown as T;
}
