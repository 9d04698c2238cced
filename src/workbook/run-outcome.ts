/**
 * What a run answers in every host (Excel through Office.js, WPS 表格 through ET, and the pane that shows both):
 * the request, its progress, the outcome and the summary, and what clearing the marks did. Pure: the adapters
 * fill these in, the pane and the ribbon word them.
 */
import {
  countAnalysis,
  messagesFor,
  type Analysis,
  type Issue,
  type Locale,
  type PlanSheetKey,
} from "../core";

/** What the pane asks of a run, in any host. */
export interface RunRequest {
  readonly locale: Locale;
  /** Reconciliation tolerance in the table's amount unit; the core's default when absent. */
  readonly tolerance?: number;
  readonly onProgress?: (progress: RunProgress) => void;
  /**
   * The sheet that holds last year's table (与上年对比): the run also writes 年度对比 and marks what changed
   * (compareTables). By the name the clerk picked.
   */
  readonly compareWithSheet?: string;
}

export type RunProgress =
  | { readonly stage: "reading" }
  | { readonly stage: "checking"; readonly rows: number }
  | { readonly stage: "writing"; readonly rowsWritten: number; readonly rowsTotal: number };

export interface RunSummary {
  readonly sourceSheet: string;
  readonly projects: number;
  readonly indicators: number;
  /** Total equations checked: the verdict says how many agree (describeVerdict). */
  readonly equations: number;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  readonly issues: readonly Issue[];
  /** The sheet shown after the run. */
  readonly activated: PlanSheetKey;
  readonly activatedName: string | null;
  /** Cells whose text was cut at Excel's 32,767-character limit (each holds a visible note). */
  readonly truncated: number;
  /** Several areas were selected: the whole used range was analysed instead. */
  readonly selectionIgnored: boolean;
  /** Marks of the previous run left in place because their cell's fill had changed since (see clearMarks). */
  readonly marksLeftAlone: number;
  /** Marks of a CLI run whose cell had a theme or indexed colour, which Office.js cannot set: fill cleared. */
  readonly marksColourLost: number;
  /** Marks the record lists that this Excel cannot read (below ExcelApi 1.5): left in place. */
  readonly marksUnreadable: number;
  /** Marked cells that kept the clerk's comment or note and got no comment of the add-in's. */
  readonly commentsSkipped: number;
  /** Excel refused the print setup: the run is complete, the new sheets print with Excel's defaults. */
  readonly printSetupSkipped?: boolean;
  /** Conditional formats of the clerk's lie over marked cells (ExcelApi 1.6): their fill may hide the marks. */
  readonly conditionalFormatsOverMarks?: boolean;
  /** With 与上年对比: the changes to check (added indicators aside) and the year-over-year sheet's name. */
  readonly comparison?: {
    readonly changes: number;
    readonly sheetName: string;
    /** The two tables were a target table and its self-evaluation (the status line says so). */
    readonly againstSelfEvaluation?: true;
  };
}

export type RunOutcome =
  | { readonly kind: "done"; readonly summary: RunSummary }
  /** Nothing on the sheet (or in the selection) to analyse. */
  | { readonly kind: "empty"; readonly sheet: string }
  /**
   * No table on the sheet: nothing was added to the workbook. What was looked for and what to do, in the
   * user's language (the core's no-table message and advice).
   */
  | { readonly kind: "no-table"; readonly sheet: string; readonly lookedFor: string; readonly advice: string }
  /** No table on the active sheet, but one on another: nothing was written; the clerk is told which to open. */
  | { readonly kind: "table-elsewhere"; readonly sheet: string; readonly found: string }
  /** The active sheet is one the add-in wrote: running on it would delete it. */
  | { readonly kind: "own-sheet"; readonly sheet: string }
  /** The sheet is protected: nothing was changed. */
  | { readonly kind: "protected"; readonly sheet: string }
  /** Another run (the pane's or the ribbon's) is still going. */
  | { readonly kind: "busy" }
  /** 与上年对比 named a sheet that is gone, or one that holds no table: nothing was written. */
  | { readonly kind: "compare-sheet-missing"; readonly sheet: string }
  | { readonly kind: "compare-no-table"; readonly sheet: string };

export interface ClearResult {
  /** Cells whose previous fill was put back. */
  readonly restored: number;
  /** Cells left alone: the clerk refilled them since the run, or rows inserted or deleted moved them. */
  readonly leftAlone: number;
  /** Of the restored, cells whose previous colour Office.js cannot set (theme or indexed): fill cleared. */
  readonly colourLost: number;
  /** Marks the record lists that this Excel cannot read (below ExcelApi 1.5): left in place. */
  readonly unreadable: number;
}

/** The outcome of an analysis that found no table: what was looked for and what to do (every host's shell). */
export function noTableOutcome(
  analysis: Analysis,
  sheet: string,
  locale: Locale,
): Extract<RunOutcome, { kind: "no-table" }> {
  const issue = analysis.issues.find((i) => i.rule === "no-table");
  return {
    kind: "no-table",
    sheet,
    lookedFor: issue?.message ?? "",
    advice: issue ? messagesFor(locale).advice[issue.rule](issue) : "",
  };
}

export function summarize(
  analysis: Analysis,
  sourceSheet: string,
  activated: PlanSheetKey,
  activatedName: string | null,
): RunSummary {
  const counts = countAnalysis(analysis);
  return {
    sourceSheet,
    projects: counts.projects,
    indicators: counts.indicators,
    equations: counts.equations,
    errors: counts.errors,
    warnings: counts.warnings,
    infos: counts.infos,
    issues: analysis.issues,
    activated,
    activatedName,
    truncated: 0,
    selectionIgnored: false,
    marksLeftAlone: 0,
    marksColourLost: 0,
    marksUnreadable: 0,
    commentsSkipped: 0,
  };
}
