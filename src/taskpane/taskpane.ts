/**
 * The task pane: run on the active sheet with progress, the summary and the issue list (click to select the
 * cell), clear marks, and the tolerance. Language from Office.context.displayLanguage (zh-CN unless English).
 */
import { messagesFor, resolveLocale, type Locale } from "../core/messages";
import { paneMessagesFor } from "./messages";
import { clearMarks, runNormalizer, selectCell } from "../excel/run-normalizer";
import { clearedText, marksNotes, refusal } from "./describe-outcome";
import { markBundleStarted } from "./bundle-started";
import { describeOfficeError } from "./describe-office-error";
import {
  findElements,
  progressText,
  readTolerance,
  renderIssues,
  renderLabels,
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

function mountPane(doc: Document, locale: Locale): void {
  const m = messagesFor(locale);
  const pane = paneMessagesFor(locale);
  const ui: PaneElements = findElements(doc);
  renderLabels(doc, ui, pane, locale);
  ui.tolerance.value = recallTolerance();
  ui.tolerance.addEventListener("change", () => rememberTolerance(ui.tolerance.value));

  const busy = (on: boolean): void => {
    ui.run.disabled = on;
    ui.clearMarks.disabled = on;
    doc.body.setAttribute("aria-busy", String(on));
  };

  ui.run.addEventListener("click", async () => {
    busy(true);
    showAlert(ui, null);
    const tolerance = readTolerance(ui.tolerance);
    try {
      const outcome = await runNormalizer({
        locale,
        tolerance: tolerance.value,
        onProgress: (p) => showStatus(ui, progressText(p, pane)),
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
        showStatus(ui, notes.join(" "));
        renderSummary(doc, ui, summary, pane);
        renderIssues(doc, ui, summary.issues, m, pane, (issue) => {
          if (!issue.cell) return;
          selectCell(summary.sourceSheet, issue.cell).catch((error: unknown) =>
            showAlert(ui, describeOfficeError(error, pane)),
          );
        });
      }
    } catch (error) {
      showStatus(ui, "");
      showAlert(ui, describeOfficeError(error, pane));
    } finally {
      busy(false);
    }
  });

  ui.clearMarks.addEventListener("click", async () => {
    busy(true);
    showAlert(ui, null);
    try {
      const cleared = await clearMarks();
      if (cleared === null) showAlert(ui, pane.busy);
      else showStatus(ui, clearedText(cleared, pane));
    } catch (error) {
      showAlert(ui, describeOfficeError(error, pane));
    } finally {
      busy(false);
    }
  });
}

markBundleStarted(document);

Office.onReady(() => {
  mountPane(document, resolveLocale(Office.context.displayLanguage));
});
