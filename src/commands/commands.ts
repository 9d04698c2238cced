/**
 * The ribbon's one-click 规范化指标: the same run as the pane's button, on the active sheet, in the user's
 * language. Excel shows the sheet the plan chooses (校验结果 when there are errors, else 指标明细); then a small
 * dialog (DialogApi 1.1) says the verdict, where the results are and what to do next, or why nothing was done.
 *
 * Office ends a function command's runtime when it calls event.completed() or 5 minutes after the click,
 * whichever comes first; a dialog still open then stays until the clerk closes it (Microsoft's "Add-in commands"
 * and "Runtimes in Office Add-ins"). So the event is completed on every path: when the clerk closes the dialog,
 * when the dialog cannot be shown, or at the latest 4½ minutes after the click, leaving the dialog open.
 * Where there is no DialogApi 1.1 the sheet the run shows is the only answer. (Volume-licensed Office 2016 and
 * 2019 have no ribbon button at all: add-in commands need Office 2016 retail 1603 and later, or Office 2021.)
 */
import { resolveLocale, type Locale } from "../core";
import { runNormalizer } from "../excel/run-normalizer";
import { encodeReport, failureReport, reportOf, storeReport, type RibbonReport } from "./ribbon-report";
import { pageStorage } from "./page-storage";

/** Office's limit is 5 minutes from the click; 30 seconds of margin. */
export const COMPLETE_WITHIN_MS = 270_000;

/** The dialog's size, in percent of the Office window. */
const DIALOG_SIZE = { height: 40, width: 35 };

/** dialog.html next to this page: displayDialogAsync wants a page on the add-in's own domain. */
function dialogUrl(query: string): string {
  const here = typeof location === "undefined" ? "" : location.href;
  return `${here.replace(/[?#].*$/, "").replace(/[^/]*$/, "")}dialog.html${query}`;
}

/**
 * Shows the report and resolves when the clerk has closed it, when it cannot be shown, or at `deadline` (then
 * the dialog stays open).
 */
function showReport(report: RibbonReport, locale: Locale, deadline: number): Promise<void> {
  if (!Office.context.requirements.isSetSupported("DialogApi", "1.1")) return Promise.resolve();
  // An id per click: the dialog shows this click's report, never an older one left in storage.
  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  storeReport(pageStorage(), id, report, locale);
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, Math.max(0, deadline - Date.now()));
    const done = (): void => {
      clearTimeout(timer);
      resolve();
    };
    try {
      Office.context.ui.displayDialogAsync(
        dialogUrl(encodeReport(report, locale, id)),
        { ...DIALOG_SIZE, displayInIframe: true },
        (result) => {
          // 12007 (a dialog is already open), 12009 (the clerk refused it), …: the sheet shown says enough.
          if (result.status === Office.AsyncResultStatus.Failed) return done();
          const dialog = result.value;
          dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => {
            dialog.close();
            done();
          });
          // 12006: closed with its own ×; 12002/12003: the page did not load.
          dialog.addEventHandler(Office.EventType.DialogEventReceived, done);
        },
      );
    } catch {
      done();
    }
  });
}

export async function runFromRibbon(
  event: Office.AddinCommands.Event,
  completeWithinMs = COMPLETE_WITHIN_MS,
): Promise<void> {
  const deadline = Date.now() + completeWithinMs;
  try {
    const locale = resolveLocale(Office.context.displayLanguage);
    let report: RibbonReport;
    try {
      report = reportOf(await runNormalizer({ locale }));
    } catch (error) {
      // The console is where support looks; the clerk reads the dialog.
      console.error("normalizeIndicators failed", error);
      report = failureReport(error);
    }
    await showReport(report, locale, deadline);
  } finally {
    event.completed();
  }
}

export function normalizeIndicators(event: Office.AddinCommands.Event): Promise<void> {
  return runFromRibbon(event);
}

Office.onReady(() => {
  // The name is manifest.xml's FunctionName (test/manifest checks they match).
  Office.actions.associate("normalizeIndicators", normalizeIndicators);
});
