/** The pane in WPS 表格: its actions through the ET object model (src/wps), and WPS's own wording. */
import type { Locale } from "../../core";
import { wpsMessagesFor } from "../../wps/messages";
import { clearMarksEt, listSheetNamesEt, runNormalizerEt, selectCellEt } from "../../wps/run-et";
import { wpsApplication, type WpsApplication } from "../../wps/wps-host";
import type { PaneHost } from "../pane-host";

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
    listSheets: () => later(() => listSheetNamesEt(app)),
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

/** The WPS host when the page runs inside WPS 表格 (ET's Application is there), else null. */
export function wpsPaneHost(win: Window): PaneHost | null {
  const app = wpsApplication(win);
  return app ? etPaneHost(app) : null;
}

/** Neither Excel nor WPS: where to open the pane instead. */
export function notInHostText(locale: Locale): string {
  return wpsMessagesFor(locale).notInHost;
}
