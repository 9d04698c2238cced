/**
 * What the task pane needs from the program it runs in, and which one that is: Excel (Office.js, src/excel), WPS
 * 表格 (the ET object model, src/wps) or neither (a plain browser: the pane says where to open it). The pane's
 * code is the same in every host; only these actions differ, one small file per host in ./hosts (as the
 * Office-Addin-TaskPane template keeps one file per host), so a new host is one more file there.
 */
import { resolveLocale, type Locale } from "../core";
import type { ClearResult, RunOutcome, RunRequest } from "../workbook/run-outcome";
import type { PaneMessages } from "./messages";

export interface PaneHost {
  readonly kind: "office" | "wps";
  run(options: RunRequest): Promise<RunOutcome>;
  /** Null when another run holds the lock. */
  clear(): Promise<ClearResult | null>;
  select(sheet: string, cell: string): Promise<void>;
  /** The worksheets' names, in tab order (the 与上年对比 list). */
  listSheets(): Promise<string[]>;
  /** A failure in the user's words. */
  describeError(error: unknown, pane: PaneMessages, locale: Locale): string;
  /** What the pane adds after a run in this host (WPS: the features this build lacked). */
  notes(outcome: RunOutcome, locale: Locale): string[];
}

export interface PaneStart {
  /** WPS's actions when the page runs inside WPS 表格 (ET's Application is there), else null. */
  readonly wps: PaneHost | null;
  /** Excel's actions (src/excel), chosen once Office.js reports a host. */
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
  if (start.wps) {
    start.mount(start.wps, browserLocale);
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
