/**
 * What the ribbon's one-click run tells the clerk, as data small enough to travel in the result dialog's URL, and
 * its wording. Pure: commands.ts makes the report, dialog.ts shows it.
 */
import { describeVerdict, type Locale, type Messages } from "../core";
import type { RunOutcome } from "../workbook/run-outcome";
import { describeOfficeError } from "../taskpane/describe-office-error";
import { marksNotes, refusal } from "../taskpane/describe-outcome";
import type { PaneMessages } from "../taskpane/messages";

export type RibbonReport =
  | {
      readonly kind: "done";
      readonly projects: number;
      readonly indicators: number;
      /** Total equations checked (absent in a report of an older add-in). */
      readonly equations?: number;
      readonly errors: number;
      readonly warnings: number;
      /** The sheet the run showed (校验结果 when there are errors, else 指标明细). */
      readonly sheet: string;
      readonly selectionIgnored: boolean;
      readonly marksLeftAlone: number;
      readonly marksColourLost?: number;
      readonly marksUnreadable?: number;
    }
  | Exclude<RunOutcome, { kind: "done" }>
  /** Office failed the run: its error code ("AccessDenied", "InvalidOperationInCellEditMode", …). */
  | { readonly kind: "failed"; readonly code: string };

export function reportOf(outcome: RunOutcome): RibbonReport {
  if (outcome.kind !== "done") return outcome;
  const s = outcome.summary;
  return {
    kind: "done",
    projects: s.projects,
    indicators: s.indicators,
    equations: s.equations,
    errors: s.errors,
    warnings: s.warnings,
    sheet: s.activatedName ?? s.sourceSheet,
    selectionIgnored: s.selectionIgnored,
    marksLeftAlone: s.marksLeftAlone,
    marksColourLost: s.marksColourLost,
    marksUnreadable: s.marksUnreadable,
  };
}

export function failureReport(error: unknown): RibbonReport {
  const code = (error as { code?: unknown } | null)?.code;
  return {
    kind: "failed",
    code: typeof code === "string" ? code : error instanceof Error ? error.name : "Error",
  };
}

/** "?lang=zh-CN&report=…": the dialog page's query string. */
export function encodeReport(report: RibbonReport, locale: Locale): string {
  return `?lang=${locale}&report=${encodeURIComponent(JSON.stringify(report))}`;
}

/** Reads the query string back; null when it is not a report this code wrote. */
export function decodeReport(search: string): { report: RibbonReport; locale: Locale } | null {
  const params: Record<string, string> = {};
  for (const pair of search.replace(/^\?/, "").split("&")) {
    const at = pair.indexOf("=");
    if (at > 0) params[pair.slice(0, at)] = decodeURIComponent(pair.slice(at + 1));
  }
  try {
    const report = JSON.parse(params.report ?? "") as RibbonReport;
    const kinds = [
      "done",
      "empty",
      "no-table",
      "table-elsewhere",
      "own-sheet",
      "protected",
      "busy",
      "failed",
    ];
    if (!report || typeof report !== "object" || !kinds.includes(report.kind)) return null;
    return { report, locale: params.lang === "en-US" ? "en-US" : "zh-CN" };
  } catch {
    return null;
  }
}

/**
 * The dialog's three lines: the verdict, where the results are, what to do next. The verdict of a run without
 * errors says what was checked, in the wording every shell shares (describeVerdict, from `m`).
 */
export function describeReport(
  report: RibbonReport,
  pane: PaneMessages,
  m: Pick<Messages, "verdict">,
): { readonly verdict: string; readonly where: string; readonly next: string } {
  switch (report.kind) {
    case "done": {
      const verdict =
        describeVerdict({ ...report, equations: report.equations ?? 0 }, m) ?? pane.hasErrors(report.errors);
      const notes = [pane.ribbonWhere(report.sheet)];
      if (report.selectionIgnored) notes.push(pane.selectionIgnored);
      const marks = {
        leftAlone: report.marksLeftAlone,
        colourLost: report.marksColourLost,
        unreadable: report.marksUnreadable,
      };
      notes.push(...marksNotes(marks, pane));
      const counts = pane.ribbonCounts(report.projects, report.indicators, report.errors, report.warnings);
      const next =
        report.errors > 0
          ? pane.ribbonNextErrors
          : report.warnings > 0
            ? pane.ribbonNextMarks
            : pane.ribbonNextClean;
      return { verdict: `${verdict} ${counts}`, where: notes.join(" "), next };
    }
    case "failed":
      return {
        verdict: pane.ribbonFailed,
        where: "",
        next: describeOfficeError({ code: report.code }, pane),
      };
    default:
      return { verdict: refusal(report, pane), where: "", next: "" };
  }
}
