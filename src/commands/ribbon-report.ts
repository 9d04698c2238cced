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

/**
 * The report travels by id: the function file keeps it in the add-in's local storage (the dialog is a page of
 * the same origin) and the dialog's URL names it, so the URL stays short whatever the report says. Internet
 * Explorer refuses URLs over 2,083 characters, and a no-table report's wording alone reached 1,858 encoded. The
 * URL also carries the report without its long texts, for a dialog that cannot read the storage (a webview that
 * keeps the dialog's storage apart): then only the no-table wording is cut short.
 */
export const REPORT_STORAGE_KEY = "indicatorNormalizer.ribbonReport";

/** The part of the Web Storage API the report needs (localStorage; a fake in tests). */
export interface ReportStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** How much of the no-table wording the URL keeps, in characters (each Chinese one is 9 encoded). */
const URL_TEXT_CHARS = 24;

function cut(text: string): string {
  return text.length > URL_TEXT_CHARS ? `${text.slice(0, URL_TEXT_CHARS)}…` : text;
}

/** The report with its unbounded texts cut: what the URL carries. Sheet names are at most 31 characters. */
function shortReport(report: RibbonReport): RibbonReport {
  return report.kind === "no-table"
    ? { ...report, lookedFor: cut(report.lookedFor), advice: cut(report.advice) }
    : report;
}

/** Keeps the report in storage under `id` (a failure is no error: the URL's copy serves then). */
export function storeReport(
  storage: ReportStorage | null,
  id: string,
  report: RibbonReport,
  locale: Locale,
): void {
  try {
    storage?.setItem(REPORT_STORAGE_KEY, JSON.stringify({ id, locale, report }));
  } catch {
    // Storage full or switched off (locked-down browsers): the dialog reads the URL's copy.
  }
}

/** "?lang=zh-CN&id=…&report=…": the dialog page's query string. */
export function encodeReport(report: RibbonReport, locale: Locale, id = ""): string {
  const short = encodeURIComponent(JSON.stringify(shortReport(report)));
  return `?lang=${locale}${id ? `&id=${encodeURIComponent(id)}` : ""}&report=${short}`;
}

const KINDS = ["done", "empty", "no-table", "table-elsewhere", "own-sheet", "protected", "busy", "failed"];

function isReport(value: unknown): value is RibbonReport {
  return (
    typeof value === "object" &&
    value !== null &&
    KINDS.includes((value as { kind?: unknown }).kind as string)
  );
}

/** The full report the function file stored under `id`, or null. */
function storedReport(storage: ReportStorage | null, id: string | undefined): RibbonReport | null {
  if (!storage || !id) return null;
  try {
    const stored = JSON.parse(storage.getItem(REPORT_STORAGE_KEY) ?? "null") as {
      id?: unknown;
      report?: unknown;
    } | null;
    return stored && stored.id === id && isReport(stored.report) ? stored.report : null;
  } catch {
    return null;
  }
}

/**
 * Reads the query string back, and the full report from storage when it is there; null when the URL holds no
 * report this code wrote.
 */
export function decodeReport(
  search: string,
  storage: ReportStorage | null = null,
): { report: RibbonReport; locale: Locale } | null {
  const params: Record<string, string> = {};
  for (const pair of search.replace(/^\?/, "").split("&")) {
    const at = pair.indexOf("=");
    if (at > 0) params[pair.slice(0, at)] = decodeURIComponent(pair.slice(at + 1));
  }
  const locale: Locale = params.lang === "en-US" ? "en-US" : "zh-CN";
  const stored = storedReport(storage, params.id);
  if (stored) return { report: stored, locale };
  try {
    const report = JSON.parse(params.report ?? "") as RibbonReport;
    return isReport(report) ? { report, locale } : null;
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
