/**
 * The offline page (one HTML file, opened from a shared drive or a USB stick in any Chromium browser): paste the
 * table or pick a file, read the verdict, the counts and the issues, and download the workbook the CLI would
 * write. Nothing is sent anywhere: the page has no network code, and its Content-Security-Policy forbids every
 * connection (scripts/build-offline.mjs). Text from cells is set with textContent only, as in the pane.
 */
import {
  isChangeToCheck,
  readTolerance,
  messagesFor,
  parseCellAddress,
  resolveLocale,
  type Locale,
  type Origin,
} from "../core";
import { paneMessagesFor } from "../taskpane/messages";
import { renderSummary } from "../taskpane/pane-view";
import { summaryWorkbook } from "../xlsx/batch-summary";
import { batchSummaryMessagesFor } from "../xlsx/messages";
import { AnalysisRunner, serveInWorker, type WorkerScope } from "./analysis-worker";
import type { BatchEntry } from "./check-files";
import { offlineMessagesFor, type OfflineMessages } from "./messages";
import { renderPageIssues } from "./render-page-issues";
import {
  pastedHtmlInput,
  pastedInput,
  type OfflineInput,
  type ShownOutcome,
  type ShownResult,
} from "./run-offline";

/**
 * The page's own script, read while it runs (document.currentScript is null afterwards): the worker is started
 * from it. Null inside the worker, which has no document.
 */
const OWN_SCRIPT: string | null =
  typeof document === "undefined" ? null : (document.currentScript?.textContent ?? null);

/** Counts as the whole page writes them: 10,000 with a thousands separator, as in every sentence. */
function formatCount(n: number): string {
  return n.toLocaleString("en-US");
}

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
  readonly legacy: HTMLElement;
  readonly helpLink: HTMLAnchorElement;
  readonly originField: HTMLElement;
  readonly originLabel: HTMLElement;
  readonly origin: HTMLInputElement;
  readonly originHint: HTMLElement;
  readonly batch: HTMLElement;
  readonly batchHeading: HTMLElement;
  readonly batchList: HTMLElement;
  readonly downloadSummary: HTMLButtonElement;
  readonly downloadSummaryHint: HTMLElement;
  readonly lastYearLabel: HTMLElement;
  readonly lastPaste: HTMLTextAreaElement;
  readonly lastFile: HTMLInputElement;
  readonly lastYearHint: HTMLElement;
  readonly changes: HTMLElement;
  readonly changesHeading: HTMLElement;
  readonly changesList: HTMLElement;
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
    legacy: byId(doc, "legacy-browser"),
    helpLink: byId(doc, "help-link"),
    originField: byId(doc, "origin-field"),
    originLabel: byId(doc, "origin-label"),
    origin: byId(doc, "origin"),
    originHint: byId(doc, "origin-hint"),
    batch: byId(doc, "batch"),
    batchHeading: byId(doc, "batch-heading"),
    batchList: byId(doc, "batch-list"),
    downloadSummary: byId(doc, "download-summary"),
    downloadSummaryHint: byId(doc, "download-summary-hint"),
    lastYearLabel: byId(doc, "last-year-label"),
    lastPaste: byId(doc, "last-paste"),
    lastFile: byId(doc, "last-file"),
    lastYearHint: byId(doc, "last-year-hint"),
    changes: byId(doc, "changes"),
    changesHeading: byId(doc, "changes-heading"),
    changesList: byId(doc, "changes-list"),
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
  ui.helpLink.textContent = page.helpLink;
  ui.originLabel.textContent = page.originLabel;
  ui.origin.placeholder = page.originPlaceholder;
  ui.originHint.textContent = page.originHint;
  ui.downloadSummary.textContent = page.downloadSummary;
  ui.lastYearLabel.textContent = page.lastYearLabel;
  ui.lastPaste.placeholder = page.lastYearPastePlaceholder;
  ui.lastYearHint.textContent = page.lastYearHint;
  // The script runs, so this is not Internet Explorer: the notice for compatibility mode goes.
  ui.legacy.hidden = true;
}

/** The start cell the clerk typed: null when blank (unknown: count from A1), or "invalid" when not an address. */
function readOrigin(text: string): Origin | null | "invalid" {
  if (text.trim() === "") return null;
  return parseCellAddress(text) ?? "invalid";
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
  const runner = new AnalysisRunner(OWN_SCRIPT);
  // The verdict's advice fits the page (there is no 再运行 here), and its counts are written as everywhere else.
  const paneOnPage = { ...pane, hasErrors: page.hasErrors };

  /** The input the next check reads: a picked file, or a paste too long to show in the box. */
  let chosen: OfflineInput | null = null;
  /** Last year's table from a picked file (a paste in its box is read when the check starts). */
  let lastYearFile: OfflineInput | null = null;
  let lastYearReading: Promise<void> = Promise.resolve();
  /** Several picked files: checked together, with a summary to download. */
  let chosenMany: OfflineInput[] | null = null;
  let last: ShownResult | null = null;
  let batch: BatchEntry[] | null = null;
  /** The start cell as typed for the last check. */
  let checkedOrigin = "";

  const showAlert = (text: string | null): void => {
    ui.alert.textContent = text ?? "";
    ui.alert.hidden = text === null;
  };
  const busy = (on: boolean): void => {
    ui.check.disabled = on;
    ui.reset.disabled = on;
    ui.download.disabled = on;
    ui.downloadSummary.disabled = on;
    doc.body.setAttribute("aria-busy", String(on));
  };
  const clearResult = (): void => {
    last = null;
    batch = null;
    ui.result.hidden = true;
    ui.batch.hidden = true;
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

  /** A status line that shows the page is alive: the seconds tick while the worker checks. */
  const ticker = (): (() => void) => {
    const started = Date.now();
    ui.status.textContent = page.checking;
    const timer = setInterval(() => {
      ui.status.textContent = page.checkingSeconds(Math.round((Date.now() - started) / 1000));
    }, 1000);
    return () => clearInterval(timer);
  };

  /** Last year's table, when the clerk gave one: the picked file, else the box's paste. */
  const lastYearOption = (): { lastYear?: OfflineInput } => {
    if (lastYearFile) return { lastYear: lastYearFile };
    const text = ui.lastPaste.value;
    return text.trim() !== ""
      ? { lastYear: { ...pastedInput(text, locale), name: `${page.lastYearPasted}.tsv` } }
      : {};
  };

  const toleranceOption = (): { tolerance?: number } => {
    const tolerance = readTolerance(ui.tolerance.value);
    return tolerance.ok && tolerance.value !== undefined ? { tolerance: tolerance.value } : {};
  };

  const render = (outcome: ShownOutcome, input: OfflineInput, originNote: string | null): void => {
    if (outcome.kind === "failed") {
      ui.status.textContent = "";
      showAlert(outcome.message);
      return;
    }
    last = outcome;
    const tolerance = readTolerance(ui.tolerance.value);
    const notes = [input.pasted ? page.checkedPaste : page.checkedFile(input.name, outcome.sheetName)];
    if (originNote) notes.push(originNote);
    if (!tolerance.ok) notes.push(pane.toleranceInvalid);
    if (outcome.truncated > 0) notes.push(page.truncated(outcome.truncated));
    if (outcome.marksLeft > 0) notes.push(page.marksLeft(outcome.marksLeft));
    ui.status.textContent = notes.join(" ");
    if (!input.pasted) showSheets(outcome.sheetNames, outcome.sheetName);
    renderSummary(doc, ui, outcome.counts, paneOnPage, m);
    for (const dd of Array.from(ui.summary.querySelectorAll("dd")))
      dd.textContent = formatCount(Number(dd.textContent));
    const [detail, checks] = outcome.sheetsWritten;
    ui.downloadHint.textContent = page.downloadHint(outcome.download.name, detail ?? "", checks ?? "");
    // A file's addresses are its cells; a paste's are the clerk's once she has said where the copy started.
    const originKnown = !input.pasted || readOrigin(ui.origin.value) !== null;
    renderPageIssues(doc, ui.issues, outcome, { originKnown, m, pane, page });
    renderChanges(outcome.findings);
    ui.result.hidden = false;
  };

  /** What changed since last year, one line each (the download's 年度对比 has the cells and advice). */
  const renderChanges = (findings: ShownResult["findings"]): void => {
    while (ui.changesList.lastChild) ui.changesList.removeChild(ui.changesList.lastChild);
    ui.changes.hidden = findings === undefined;
    if (findings === undefined) return;
    ui.changesHeading.textContent = page.compared(
      findings.filter(isChangeToCheck).length,
      findings.some((f) => f.against === "self-evaluation"),
    );
    for (const f of findings) {
      const item = doc.createElement("li");
      const place = f.thisPlace ?? f.lastPlace;
      item.textContent = `［${f.name}］${place ? `${place.cell} ` : ""}${f.message}`;
      ui.changesList.appendChild(item);
    }
  };

  const renderBatch = (entries: BatchEntry[]): void => {
    batch = entries;
    ui.status.textContent = "";
    ui.batchHeading.textContent = page.batchHeading(entries.length);
    while (ui.batchList.lastChild) ui.batchList.removeChild(ui.batchList.lastChild);
    for (const entry of entries) {
      const s = entry.summary;
      const row = doc.createElement("tr");
      row.className = `batch-${s.verdict}`;
      const cells = [
        entry.name,
        // The verdict in words, not only the row's colour (black-and-white print, colour blindness).
        batchSummaryMessagesFor(locale).verdicts[s.verdict],
        s.verdict === "unreadable"
          ? s.note
          : `${formatCount(s.errors)} / ${formatCount(s.warnings)} / ${formatCount(s.infos)}`,
      ];
      for (const text of cells) {
        const cell = doc.createElement("td");
        cell.textContent = text;
        row.appendChild(cell);
      }
      const action = doc.createElement("td");
      if (entry.download) {
        const button = doc.createElement("button");
        button.type = "button";
        button.className = "secondary";
        button.textContent = page.downloadOne;
        const download = entry.download;
        button.addEventListener("click", () => saveBytes(doc, download.name, download.type, download.bytes));
        action.appendChild(button);
      }
      row.appendChild(action);
      ui.batchList.appendChild(row);
    }
    ui.downloadSummaryHint.textContent = page.downloadSummaryHint(`${page.summaryName}.xlsx`);
    ui.batch.hidden = false;
  };

  const run = (sheet?: string): void => {
    if (chosenMany) {
      runMany(chosenMany);
      return;
    }
    const text = ui.paste.value;
    const input = chosen ?? (text.trim() !== "" ? pastedInput(text, locale) : null);
    clearResult();
    if (!input) {
      showAlert(page.nothingToCheck);
      return;
    }
    checkedOrigin = ui.origin.value.trim();
    const origin = input.pasted ? readOrigin(ui.origin.value) : null;
    const originNote = origin === "invalid" ? page.originInvalid(ui.origin.value.trim()) : null;
    busy(true);
    const stop = ticker();
    // A last-year file still being read is waited for: a quick paste right after picking it still compares.
    lastYearReading
      .then(() =>
        runner.check(input, {
          locale,
          ...lastYearOption(),
          ...toleranceOption(),
          ...(sheet !== undefined ? { sheet } : {}),
          ...(origin !== null && origin !== "invalid" ? { origin } : {}),
        }),
      )
      .then((outcome) => {
        stop();
        render(outcome, input, originNote);
      })
      .catch((error: unknown) => {
        stop();
        showAlert(page.failed(String(error)));
      })
      .then(() => busy(false));
  };

  const runMany = (inputs: OfflineInput[]): void => {
    clearResult();
    busy(true);
    runner
      .checkMany(inputs, { locale, ...toleranceOption() }, (done, total, name) => {
        ui.status.textContent = done < total ? page.checkingFile(done + 1, total, name) : "";
      })
      .then(renderBatch)
      .catch((error: unknown) => showAlert(page.failed(String(error))))
      .then(() => busy(false));
  };

  const forgetFile = (): void => {
    ui.file.value = "";
    chosenMany = null;
    ui.sheetField.hidden = true;
    // The start cell is a paste's: a file's cells are where they are.
    ui.originField.hidden = false;
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
    const files = Array.from(ui.file.files ?? []);
    if (files.length === 0) return;
    clearResult();
    Promise.all(files.map(readFileBytes)).then(
      (contents) => {
        ui.paste.value = "";
        ui.pasteNote.hidden = true;
        ui.originField.hidden = true;
        const inputs = files.map((file, k): OfflineInput => ({
          name: file.name,
          bytes: contents[k]!,
          pasted: false,
        }));
        if (inputs.length === 1) {
          chosenMany = null;
          chosen = inputs[0]!;
        } else {
          chosen = null;
          chosenMany = inputs;
          ui.sheetField.hidden = true;
        }
        run();
      },
      (error: unknown) => showAlert(page.failed(String(error))),
    );
  });
  // A new start cell re-checks the paste, so its addresses follow at once (only when it changed since that check:
  // leaving the box to click 下载结果 fires another change, which must not start a check and clear the result).
  ui.origin.addEventListener("change", () => {
    if (ui.origin.value.trim() === checkedOrigin) return;
    if (chosenMany === null && (chosen?.pasted || (chosen === null && ui.paste.value.trim() !== ""))) run();
  });
  ui.lastFile.addEventListener("change", () => {
    const file = ui.lastFile.files?.[0];
    if (!file) {
      lastYearFile = null;
      return;
    }
    lastYearReading = readFileBytes(file).then(
      (bytes) => {
        lastYearFile = { name: file.name, bytes, pasted: false };
        ui.lastPaste.value = "";
      },
      (error: unknown) => showAlert(page.failed(String(error))),
    );
  });
  ui.lastPaste.addEventListener("input", () => {
    // Typing or pasting in the box: the box is last year's table now.
    lastYearFile = null;
    ui.lastFile.value = "";
  });
  ui.sheet.addEventListener("change", () => run(ui.sheet.value));
  ui.check.addEventListener("click", () => run(ui.sheetField.hidden ? undefined : ui.sheet.value));
  ui.reset.addEventListener("click", () => {
    chosen = null;
    lastYearFile = null;
    ui.lastFile.value = "";
    ui.lastPaste.value = "";
    ui.paste.value = "";
    ui.pasteNote.hidden = true;
    forgetFile();
    clearResult();
    ui.paste.focus();
  });
  ui.download.addEventListener("click", () => {
    if (last) saveBytes(doc, last.download.name, last.download.type, last.download.bytes);
  });
  ui.downloadSummary.addEventListener("click", () => {
    if (!batch) return;
    const bytes = summaryWorkbook(
      batch.map((e) => e.summary),
      locale,
    );
    saveBytes(
      doc,
      `${page.summaryName}.xlsx`,
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      bytes,
    );
  });
}

// The same script is the page and, started again from its own text, the worker that does the work.
if (typeof document === "undefined") serveInWorker(self as unknown as WorkerScope);
else mountPage(document, resolveLocale(navigator.language));
