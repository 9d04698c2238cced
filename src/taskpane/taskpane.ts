/**
 * The task pane: run on the active sheet with progress, the summary and the issue list (click to select the
 * cell), clear marks, and the tolerance. The same pane in Excel and in WPS 表格: at start it finds its host
 * (./pane-host.ts, one file per host in ./hosts) and drives that host's actions. Language from Office.context.displayLanguage in Excel,
 * from the webview in WPS (zh-CN unless English).
 */
import { messagesFor, type Locale } from "../core";
import { paneMessagesFor } from "./messages";
import { excelPaneHost } from "./hosts/excel";
import { notInHostText, wpsPaneHost } from "./hosts/wps";
import { startPane, type PaneHost } from "./pane-host";
import { clearedText, marksNotes, refusal } from "./describe-outcome";
import { markBundleStarted } from "./bundle-started";
import {
  findElements,
  progressText,
  readTolerance,
  renderIssues,
  renderLabels,
  renderSheetChoices,
  renderSummary,
  showAlert,
  showStatus,
  type PaneElements,
} from "./pane-view";

const TOLERANCE_KEY = "indicatorNormalizer.tolerance";

function rememberTolerance(text: string): void {
  try {
    localStorage.setItem(TOLERANCE_KEY, text);
  } catch {
    // Storage can be off in locked-down browsers; the setting then lasts for this session only.
  }
}

function recallTolerance(): string {
  try {
    return localStorage.getItem(TOLERANCE_KEY) ?? "";
  } catch {
    return "";
  }
}

/** The action the WPS ribbon asked for when it opened the pane (`taskpane.html?action=run`), if any. */
function requestedAction(search: string): "run" | "clear" | null {
  // Examples: "?action=run", "?t=1700000000000&action=clear".
  const match = /[?&]action=(run|clear)(?:&|$)/.exec(search);
  return match ? (match[1] as "run" | "clear") : null;
}

function mountPane(doc: Document, locale: Locale, host: PaneHost): void {
  const m = messagesFor(locale);
  const pane = paneMessagesFor(locale);
  const ui: PaneElements = findElements(doc);
  renderLabels(doc, ui, pane, locale);
  ui.tolerance.value = recallTolerance();
  ui.tolerance.addEventListener("change", () => rememberTolerance(ui.tolerance.value));
  // The sheets to compare with, listed when the pane opens and again whenever the clerk opens the list.
  const listSheets = (): void => {
    host
      .listSheets()
      .then((names) => renderSheetChoices(doc, ui.compareSheet, names, pane))
      .catch(() => undefined);
  };
  listSheets();
  ui.compareSheet.addEventListener("focus", listSheets);

  const busy = (on: boolean): void => {
    ui.run.disabled = on;
    ui.clearMarks.disabled = on;
    ui.compareSheet.disabled = on;
    doc.body.setAttribute("aria-busy", String(on));
  };

  ui.run.addEventListener("click", async () => {
    busy(true);
    showAlert(ui, null);
    const tolerance = readTolerance(ui.tolerance);
    try {
      const compareWith = ui.compareSheet.value;
      const outcome = await host.run({
        locale,
        tolerance: tolerance.value,
        onProgress: (p) => showStatus(ui, progressText(p, pane)),
        ...(compareWith !== "" ? { compareWithSheet: compareWith } : {}),
      });
      if (outcome.kind !== "done") {
        showStatus(ui, "");
        showAlert(ui, refusal(outcome, pane));
      } else {
        const { summary } = outcome;
        const notes = [pane.done(summary.activatedName ?? summary.sourceSheet)];
        if (!tolerance.valid) notes.push(pane.toleranceInvalid);
        if (summary.truncated > 0) notes.push(pane.truncated(summary.truncated));
        if (summary.selectionIgnored) notes.push(pane.selectionIgnored);
        notes.push(
          ...marksNotes(
            {
              leftAlone: summary.marksLeftAlone,
              colourLost: summary.marksColourLost,
              unreadable: summary.marksUnreadable,
            },
            pane,
          ),
        );
        if (summary.commentsSkipped > 0) notes.push(pane.commentsSkipped(summary.commentsSkipped));
        if (summary.printSetupSkipped) notes.push(pane.printSetupSkipped);
        if (summary.conditionalFormatsOverMarks) notes.push(pane.conditionalFormatsOverMarks);
        if (summary.comparison)
          notes.push(
            pane.compared(
              summary.comparison.changes,
              summary.comparison.sheetName,
              summary.comparison.againstSelfEvaluation === true,
            ),
          );
        notes.push(...host.notes(outcome, locale));
        showStatus(ui, notes.join(" "));
        renderSummary(doc, ui, summary, pane, m);
        renderIssues(doc, ui, summary.issues, m, pane, (issue) => {
          if (!issue.cell) return;
          host
            .select(summary.sourceSheet, issue.cell)
            .catch((error: unknown) => showAlert(ui, host.describeError(error, pane, locale)));
        });
      }
    } catch (error) {
      showStatus(ui, "");
      showAlert(ui, host.describeError(error, pane, locale));
    } finally {
      busy(false);
    }
  });

  ui.clearMarks.addEventListener("click", async () => {
    busy(true);
    showAlert(ui, null);
    try {
      const cleared = await host.clear();
      if (cleared === null) showAlert(ui, pane.busy);
      else showStatus(ui, clearedText(cleared, pane));
    } catch (error) {
      showAlert(ui, host.describeError(error, pane, locale));
    } finally {
      busy(false);
    }
  });

  // The WPS ribbon's buttons open the pane with the action to take: the ribbon's own callbacks stay synchronous.
  const action = requestedAction(doc.location ? doc.location.search : "");
  if (action === "run") ui.run.click();
  else if (action === "clear") ui.clearMarks.click();
}

/** Neither Excel nor WPS: where to open the pane instead, in place of the pane. */
function showOutside(doc: Document, locale: Locale): void {
  const box = doc.getElementById("unsupported");
  const app = doc.getElementById("app");
  if (!box || !app) return;
  box.textContent = notInHostText(locale);
  box.removeAttribute("hidden");
  app.style.display = "none";
}

markBundleStarted(document);

startPane(window, {
  wps: wpsPaneHost(window),
  office: excelPaneHost,
  mount: (host, locale) => mountPane(document, locale, host),
  outside: (locale) => showOutside(document, locale),
});
