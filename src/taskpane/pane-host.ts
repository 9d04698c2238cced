/**
 * What the task pane needs from the program it runs in, and which one that is: Excel (Office.js, src/excel), WPS
 * 表格 (the ET object model, src/wps) or neither (a plain browser: the pane says where to open it). The pane's
 * code is the same in Excel and WPS; only these four actions differ.
 */
import { resolveLocale, type Locale } from "../core";
import type { ClearResult, RunOptions, RunOutcome } from "../excel/run-normalizer";
import type { PaneMessages } from "./messages";
import { wpsMessagesFor } from "../wps/messages";
import { clearMarksEt, runNormalizerEt, selectCellEt } from "../wps/run-et";
import { wpsApplication, type WpsApplication } from "../wps/wps-host";

export interface PaneHost {
  readonly kind: "office" | "wps";
  run(options: Pick<RunOptions, "locale" | "tolerance" | "onProgress">): Promise<RunOutcome>;
  /** Null when another run holds the lock. */
  clear(): Promise<ClearResult | null>;
  select(sheet: string, cell: string): Promise<void>;
  /** A failure in the user's words. */
  describeError(error: unknown, pane: PaneMessages, locale: Locale): string;
  /** What the pane adds after a run in this host (WPS: the features this build lacked). */
  notes(outcome: RunOutcome, locale: Locale): string[];
}

/** ET's synchronous calls as the promises the pane awaits; a throw becomes a rejection. */
function later<T>(work: () => T): Promise<T> {
  try {
    return Promise.resolve(work());
  } catch (error) {
    return Promise.reject(error);
  }
}

export function etPaneHost(app: WpsApplication): PaneHost {
  return {
    kind: "wps",
    run: (options) => later(() => runNormalizerEt(app, options)),
    clear: () => later(() => clearMarksEt(app)),
    select: (sheet, cell) => later(() => selectCellEt(app, sheet, cell)),
    describeError: (error, _pane, locale) =>
      wpsMessagesFor(locale).wpsError(error instanceof Error ? error.message : String(error)),
    notes: (outcome, locale) => {
      const skipped = (outcome as { skipped?: readonly string[] }).skipped ?? [];
      const m = wpsMessagesFor(locale);
      const features = skipped.filter((f) => f !== "record");
      return [
        ...(features.length > 0
          ? [m.skipped(features.map((f) => m.features[f] ?? f).join(m.featureJoin))]
          : []),
        ...(skipped.includes("record") ? [m.recordInSession] : []),
      ];
    },
  };
}

export interface PaneStart {
  /** Excel's actions (src/excel), given by the pane so this module does not load Office code itself. */
  readonly office: PaneHost;
  readonly mount: (host: PaneHost, locale: Locale) => void;
  /** Neither Excel nor WPS: say where to open the pane. */
  readonly outside: (locale: Locale) => void;
}

/**
 * Picks the host once the page has loaded: WPS when ET's Application is there (WPS loads no office.js); Excel
 * when Office.js reports a host; a plain browser otherwise.
 */
export function startPane(win: Window, start: PaneStart): void {
  const browserLocale = resolveLocale(win.navigator.language);
  const app = wpsApplication(win);
  if (app) {
    start.mount(etPaneHost(app), browserLocale);
    return;
  }
  const office = (win as Window & { Office?: typeof Office }).Office;
  if (!office || typeof office.onReady !== "function") {
    start.outside(browserLocale);
    return;
  }
  office.onReady((info) => {
    if (info && info.host) start.mount(start.office, resolveLocale(office.context.displayLanguage));
    else start.outside(browserLocale);
  });
}
