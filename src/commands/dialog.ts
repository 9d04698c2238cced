/**
 * The ribbon's result dialog (dialog.html, opened by commands.ts with displayDialogAsync): reads the report from
 * its own URL and shows it; 确定 tells the function file, which closes the dialog and completes its event.
 */
import { markBundleStarted } from "../taskpane/bundle-started";
import { messagesFor } from "../core";
import { paneMessagesFor } from "../taskpane/messages";
import { decodeReport, describeReport } from "./ribbon-report";
import { pageStorage } from "./page-storage";

function setText(id: string, text: string): void {
  const element = document.getElementById(id);
  if (!element) return;
  element.textContent = text;
  element.hidden = text === "";
}

function show(): void {
  const decoded = decodeReport(location.search, pageStorage());
  const locale = decoded?.locale ?? "zh-CN";
  const pane = paneMessagesFor(locale);
  document.documentElement.lang = locale;
  document.title = pane.title;
  setText("title", pane.title);
  setText("close", pane.dialogClose);
  const lines = decoded
    ? describeReport(decoded.report, pane, messagesFor(locale))
    : { verdict: pane.ribbonFailed, where: "", next: pane.officeErrorUnknown("dialog") };
  setText("verdict", lines.verdict);
  setText("where", lines.where);
  setText("next", lines.next);
  const verdict = document.getElementById("verdict");
  if (verdict && decoded?.report.kind === "done")
    verdict.className = decoded.report.errors === 0 ? "verdict verdict-clean" : "verdict verdict-errors";
  document.getElementById("close")?.addEventListener("click", () => Office.context.ui.messageParent("close"));
}

markBundleStarted(document);

Office.onReady(show);
