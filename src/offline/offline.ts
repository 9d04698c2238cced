/**
 * The offline page (one HTML file, opened from a shared drive or a USB stick in any Chromium browser): paste the
 * table or pick a file, read the verdict, the counts and the issues, and download the workbook the CLI would
 * write. Nothing is sent anywhere: the page has no network code, and its Content-Security-Policy forbids every
 * connection (scripts/build-offline.mjs). Text from cells is set with textContent only, as in the pane.
 */
import { readTolerance, messagesFor, resolveLocale, type Locale } from "../core";
import { paneMessagesFor } from "../taskpane/messages";
import { renderIssues, renderSummary } from "../taskpane/pane-view";
import { offlineMessagesFor, type OfflineMessages } from "./messages";
import {
  checkInput,
  pastedHtmlInput,
  pastedInput,
  type OfflineInput,
  type OfflineOutcome,
} from "./run-offline";

/** Pasted text longer than this is kept aside rather than shown in the box (a textarea that big is slow). */
const SHOWN_PASTE_CHARS = 200_000;

interface PageElements {
  readonly title: HTMLElement;
  readonly privacy: HTMLElement;
  readonly intro: HTMLElement;
  readonly pasteLabel: HTMLElement;
  readonly paste: HTMLTextAreaElement;
  readonly pasteNote: HTMLElement;
  readonly fileLabel: HTMLElement;
  readonly file: HTMLInputElement;
  readonly sheetField: HTMLElement;
  readonly sheetLabel: HTMLElement;
  readonly sheet: HTMLSelectElement;
  readonly toleranceLabel: HTMLElement;
  readonly tolerance: HTMLInputElement;
  readonly toleranceHint: HTMLElement;
  readonly check: HTMLButtonElement;
  readonly reset: HTMLButtonElement;
  readonly status: HTMLElement;
  readonly alert: HTMLElement;
  readonly result: HTMLElement;
  readonly summary: HTMLElement;
  readonly download: HTMLButtonElement;
  readonly downloadHint: HTMLElement;
  readonly issues: HTMLElement;
}

function byId<T extends HTMLElement>(doc: Document, id: string): T {
  const element = doc.getElementById(id);
  if (!element) throw new Error(`offline.html lacks #${id}`);
  return element as T;
}

function findElements(doc: Document): PageElements {
  return {
    title: byId(doc, "title"),
    privacy: byId(doc, "privacy"),
    intro: byId(doc, "intro"),
    pasteLabel: byId(doc, "paste-label"),
    paste: byId(doc, "paste"),
    pasteNote: byId(doc, "paste-note"),
    fileLabel: byId(doc, "file-label"),
    file: byId(doc, "file"),
    sheetField: byId(doc, "sheet-field"),
    sheetLabel: byId(doc, "sheet-label"),
    sheet: byId(doc, "sheet"),
    toleranceLabel: byId(doc, "tolerance-label"),
    tolerance: byId(doc, "tolerance"),
    toleranceHint: byId(doc, "tolerance-hint"),
    check: byId(doc, "check"),
    reset: byId(doc, "reset"),
    status: byId(doc, "status"),
    alert: byId(doc, "alert"),
    result: byId(doc, "result"),
    summary: byId(doc, "summary"),
    download: byId(doc, "download"),
    downloadHint: byId(doc, "download-hint"),
    issues: byId(doc, "issues"),
  };
}

function renderLabels(doc: Document, ui: PageElements, page: OfflineMessages, locale: Locale): void {
  const pane = paneMessagesFor(locale);
  doc.documentElement.lang = locale;
  doc.title = page.title;
  ui.title.textContent = page.title;
  ui.privacy.textContent = page.privacy;
  ui.intro.textContent = page.intro;
  ui.pasteLabel.textContent = page.pasteLabel;
  ui.paste.placeholder = page.pastePlaceholder;
  ui.fileLabel.textContent = page.fileLabel;
  ui.sheetLabel.textContent = page.sheetLabel;
  ui.toleranceLabel.textContent = pane.tolerance;
  ui.toleranceHint.textContent = pane.toleranceHint;
  ui.check.textContent = page.check;
  ui.reset.textContent = page.reset;
  ui.download.textContent = page.download;
}

/** The file's bytes; FileReader rather than Blob.arrayBuffer, which Chromium before 76 lacks. */
function readFileBytes(file: File): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error("FileReader failed"));
    reader.readAsArrayBuffer(file);
  });
}

/** Offers bytes as a download: a link to a blob, clicked, then let go. */
function saveBytes(doc: Document, name: string, type: string, bytes: Uint8Array): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const link = doc.createElement("a");
  link.href = url;
  link.download = name;
  doc.body.appendChild(link);
  link.click();
  doc.body.removeChild(link);
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function countLines(text: string): number {
  let lines = text.length > 0 && !/[\r\n]$/.test(text) ? 1 : 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 || (ch === 13 && text.charCodeAt(i + 1) !== 10)) lines++;
  }
  return lines;
}

function mountPage(doc: Document, locale: Locale): void {
  const page = offlineMessagesFor(locale);
  const pane = paneMessagesFor(locale);
  const m = messagesFor(locale);
  const ui = findElements(doc);
  renderLabels(doc, ui, page, locale);

  /** The input the next check reads: a picked file, or a paste too long to show in the box. */
  let chosen: OfflineInput | null = null;
  let last: Extract<OfflineOutcome, { kind: "done" }> | null = null;

  const showAlert = (text: string | null): void => {
    ui.alert.textContent = text ?? "";
    ui.alert.hidden = text === null;
  };
  const busy = (on: boolean): void => {
    ui.check.disabled = on;
    ui.reset.disabled = on;
    ui.download.disabled = on;
    doc.body.setAttribute("aria-busy", String(on));
  };
  const clearResult = (): void => {
    last = null;
    ui.result.hidden = true;
    ui.status.textContent = "";
    showAlert(null);
  };

  const showSheets = (names: readonly string[], current: string): void => {
    while (ui.sheet.lastChild) ui.sheet.removeChild(ui.sheet.lastChild);
    for (const name of names) {
      const option = doc.createElement("option");
      option.value = name;
      option.textContent = name;
      option.selected = name === current;
      ui.sheet.appendChild(option);
    }
    ui.sheetField.hidden = names.length < 2;
  };

  const render = (outcome: OfflineOutcome, input: OfflineInput): void => {
    if (outcome.kind === "failed") {
      ui.status.textContent = "";
      showAlert(outcome.message);
      return;
    }
    last = outcome;
    const tolerance = readTolerance(ui.tolerance.value);
    const notes = [input.pasted ? page.checkedPaste : page.checkedFile(input.name, outcome.sheetName)];
    if (!tolerance.ok) notes.push(pane.toleranceInvalid);
    if (outcome.truncated > 0) notes.push(page.truncated(outcome.truncated));
    if (outcome.marksLeft > 0) notes.push(page.marksLeft(outcome.marksLeft));
    ui.status.textContent = notes.join(" ");
    if (!input.pasted) showSheets(outcome.sheetNames, outcome.sheetName);
    renderSummary(doc, ui, outcome.counts, pane, m);
    const [detail, checks] = outcome.plan.sheets;
    ui.downloadHint.textContent = page.downloadHint(
      outcome.download.name,
      detail?.name ?? "",
      checks?.name ?? "",
    );
    // The page has no sheet to select: the addresses are for the downloaded workbook's 校验结果.
    renderIssues(
      doc,
      ui,
      outcome.analysis.issues,
      m,
      { ...pane, issueHint: page.issueHint },
      () => undefined,
    );
    ui.result.hidden = false;
  };

  const run = (sheet?: string): void => {
    const text = ui.paste.value;
    const input = chosen ?? (text.trim() !== "" ? pastedInput(text, locale) : null);
    clearResult();
    if (!input) {
      showAlert(page.nothingToCheck);
      return;
    }
    const tolerance = readTolerance(ui.tolerance.value);
    busy(true);
    ui.status.textContent = page.checking;
    // A moment for the status to paint before the work, which runs on this thread.
    setTimeout(() => {
      checkInput(input, {
        locale,
        ...(tolerance.ok && tolerance.value !== undefined ? { tolerance: tolerance.value } : {}),
        ...(sheet !== undefined ? { sheet } : {}),
      })
        .then((outcome) => render(outcome, input))
        .catch((error: unknown) => showAlert(page.failed(String(error))))
        .then(() => busy(false));
    }, 30);
  };

  const forgetFile = (): void => {
    ui.file.value = "";
    ui.sheetField.hidden = true;
  };

  ui.paste.addEventListener("paste", (event) => {
    const text = event.clipboardData?.getData("text/plain") ?? "";
    // The page's table with its merged cells, when the clipboard has one (preferred over the plain text).
    const html = pastedHtmlInput(event.clipboardData?.getData("text/html") ?? "", locale);
    if (text === "" && html === null) return;
    // The clipboard's text exactly as WPS or Excel put it (line ends and all), not the box's normalised copy.
    event.preventDefault();
    forgetFile();
    if (text.length > SHOWN_PASTE_CHARS) {
      ui.paste.value = "";
      ui.pasteNote.textContent = page.pastedLarge(countLines(text), text.length);
      ui.pasteNote.hidden = false;
      chosen = html ?? pastedInput(text, locale);
    } else {
      ui.paste.value = text;
      ui.pasteNote.hidden = true;
      chosen = html ?? pastedInput(text, locale);
    }
    run();
  });
  ui.paste.addEventListener("input", () => {
    // Typing in the box: the box is the input now.
    chosen = null;
    ui.pasteNote.hidden = true;
    forgetFile();
  });
  ui.file.addEventListener("change", () => {
    const file = ui.file.files?.[0];
    if (!file) return;
    clearResult();
    readFileBytes(file).then(
      (bytes) => {
        ui.paste.value = "";
        ui.pasteNote.hidden = true;
        chosen = { name: file.name, bytes, pasted: false };
        run();
      },
      (error: unknown) => showAlert(page.failed(String(error))),
    );
  });
  ui.sheet.addEventListener("change", () => run(ui.sheet.value));
  ui.check.addEventListener("click", () => run(ui.sheetField.hidden ? undefined : ui.sheet.value));
  ui.reset.addEventListener("click", () => {
    chosen = null;
    ui.paste.value = "";
    ui.pasteNote.hidden = true;
    forgetFile();
    clearResult();
    ui.paste.focus();
  });
  ui.download.addEventListener("click", () => {
    if (last) saveBytes(doc, last.download.name, last.download.type, last.download.bytes);
  });
}

mountPage(document, resolveLocale(navigator.language));
