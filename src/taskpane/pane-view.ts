/**
 * The task pane's DOM. Every piece of text, and above all anything that came from a cell, is set with
 * textContent: nothing reaches innerHTML, so a cell holding `<img src=x onerror=alert(1)>` shows as text.
 * DOM calls are the ones Internet Explorer 11 has (appendChild, not append or replaceChildren): no polyfill
 * supplies those, and ESLint forbids them here.
 */
import {
  describeVerdict,
  readTolerance as readCoreTolerance,
  type Issue,
  type Severity,
  type Messages,
} from "../core";
import type { PaneMessages } from "./messages";
import type { RunProgress, RunSummary } from "../workbook/run-outcome";

export interface PaneElements {
  readonly title: HTMLElement;
  readonly intro: HTMLElement;
  readonly guideLink: HTMLAnchorElement;
  readonly run: HTMLButtonElement;
  readonly clearMarks: HTMLButtonElement;
  readonly toleranceLabel: HTMLElement;
  readonly tolerance: HTMLInputElement;
  readonly toleranceHint: HTMLElement;
  readonly compareLabel: HTMLElement;
  readonly compareSheet: HTMLSelectElement;
  readonly compareHint: HTMLElement;
  readonly status: HTMLElement;
  readonly alert: HTMLElement;
  readonly summary: HTMLElement;
  readonly issues: HTMLElement;
}

function byId<T extends HTMLElement>(doc: Document, id: string): T {
  const element = doc.getElementById(id);
  if (!element) throw new Error(`taskpane.html lacks #${id}`);
  return element as T;
}

export function findElements(doc: Document): PaneElements {
  return {
    title: byId(doc, "title"),
    intro: byId(doc, "intro"),
    guideLink: byId(doc, "guide-link"),
    run: byId(doc, "run"),
    clearMarks: byId(doc, "clear-marks"),
    toleranceLabel: byId(doc, "tolerance-label"),
    tolerance: byId(doc, "tolerance"),
    toleranceHint: byId(doc, "tolerance-hint"),
    compareLabel: byId(doc, "compare-label"),
    compareSheet: byId(doc, "compare-sheet"),
    compareHint: byId(doc, "compare-hint"),
    status: byId(doc, "status"),
    alert: byId(doc, "alert"),
    summary: byId(doc, "summary"),
    issues: byId(doc, "issues"),
  };
}

/** Fills the static labels in the user's language. */
export function renderLabels(doc: Document, ui: PaneElements, pane: PaneMessages, locale: string): void {
  doc.documentElement.lang = locale;
  doc.title = pane.title;
  ui.title.textContent = pane.title;
  ui.intro.textContent = pane.intro;
  ui.guideLink.textContent = pane.guide;
  ui.run.textContent = pane.run;
  ui.clearMarks.textContent = pane.clearMarks;
  ui.toleranceLabel.textContent = pane.tolerance;
  ui.toleranceHint.textContent = pane.toleranceHint;
  ui.compareLabel.textContent = pane.compareLabel;
  ui.compareHint.textContent = pane.compareHint;
}

/**
 * The 与上年对比 list: "no comparison" first, then every sheet of the workbook in tab order (the run says so if
 * the clerk picks one without a table). Keeps the clerk's choice while that sheet is still there.
 */
export function renderSheetChoices(
  doc: Document,
  select: HTMLSelectElement,
  sheets: readonly string[],
  pane: PaneMessages,
): void {
  const chosen = select.value;
  while (select.firstChild) select.removeChild(select.firstChild);
  const none = doc.createElement("option");
  none.value = "";
  none.textContent = pane.compareNone;
  select.appendChild(none);
  for (const name of sheets) {
    const option = doc.createElement("option");
    option.value = name;
    option.textContent = name;
    select.appendChild(option);
  }
  select.value = sheets.indexOf(chosen) >= 0 ? chosen : "";
}

export function progressText(progress: RunProgress, pane: PaneMessages): string {
  switch (progress.stage) {
    case "reading":
      return pane.reading;
    case "checking":
      return pane.checking(progress.rows, progress.percent);
    case "writing":
      return pane.writing(progress.rowsWritten, progress.rowsTotal);
  }
}

export function showStatus(ui: PaneElements, text: string): void {
  ui.status.textContent = text;
}

/** A failure or a refusal: shown in the alert region, which screen readers announce. */
export function showAlert(ui: PaneElements, text: string | null): void {
  ui.alert.textContent = text ?? "";
  ui.alert.hidden = text === null;
}

/** Removes every child (what replaceChildren() does where it exists). */
function clear(parent: HTMLElement): void {
  while (parent.lastChild) parent.removeChild(parent.lastChild);
}

function appendAll(parent: HTMLElement, ...children: HTMLElement[]): void {
  for (const child of children) parent.appendChild(child);
}

/** A new element with its class and text (the pane's and the offline page's lists are built with it). */
export function element<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const el = doc.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

/** The counts and the verdict: what was checked and that it agrees (describeVerdict), or how many errors to fix. */
export function renderSummary(
  doc: Document,
  ui: Pick<PaneElements, "summary">,
  summary: Pick<RunSummary, "projects" | "indicators" | "equations" | "errors" | "warnings">,
  pane: PaneMessages,
  m: Pick<Messages, "verdict">,
): void {
  clear(ui.summary);
  const verdict = element(
    doc,
    "p",
    summary.errors === 0 ? "verdict verdict-clean" : "verdict verdict-errors",
    describeVerdict(summary, m) ?? pane.hasErrors(summary.errors),
  );
  verdict.id = "verdict";
  const counts = element(doc, "dl", "counts");
  const entries: [string, number, string][] = [
    ["projects", summary.projects, pane.projects],
    ["indicators", summary.indicators, pane.indicators],
    ["errors", summary.errors, pane.errors],
    ["warnings", summary.warnings, pane.warnings],
  ];
  for (const [key, value, label] of entries) {
    const item = element(doc, "div", `count count-${key}`);
    appendAll(item, element(doc, "dt", undefined, label), element(doc, "dd", undefined, String(value)));
    item.dataset.count = key;
    counts.appendChild(item);
  }
  appendAll(ui.summary, verdict, counts);
  ui.summary.hidden = false;
}

const SEVERITIES: Severity[] = ["error", "warning", "info"];

/**
 * The issues grouped by severity, each a button: click, Enter or Space selects its cell in the source sheet.
 * The offline page shows the same list (src/offline), hence the narrow types of `ui` and of the summary.
 */
export function renderIssues(
  doc: Document,
  ui: Pick<PaneElements, "issues">,
  issues: readonly Issue[],
  m: Messages,
  pane: PaneMessages,
  onSelect: (issue: Issue) => void,
): void {
  clear(ui.issues);
  if (issues.length === 0) {
    ui.issues.hidden = true;
    return;
  }
  appendAll(
    ui.issues,
    element(doc, "h2", undefined, pane.issuesHeading),
    element(doc, "p", "hint", pane.issueHint),
  );
  for (const severity of SEVERITIES) {
    const group = issues.filter((i) => i.severity === severity);
    if (group.length === 0) continue;
    // Notes (info) are folded away so errors and warnings stay on the first screen; <details> opens by keyboard.
    const section = element(
      doc,
      severity === "info" ? "details" : "section",
      `issue-group issue-group-${severity}`,
    );
    const heading = element(doc, "h3", undefined, `${m.severity[severity]} (${group.length})`);
    heading.id = `issues-${severity}`;
    const list = element(doc, "ul", "issue-list");
    list.setAttribute("aria-labelledby", heading.id);
    for (const issue of group) {
      const button = element(doc, "button", `issue issue-${severity}`);
      button.type = "button";
      appendAll(
        button,
        element(doc, "span", "issue-cell", issue.cell ?? pane.wholeSheet),
        element(doc, "span", "issue-message", issue.message),
      );
      // A whole-table issue (a paste cut short) has no cell to select, yet is read like the rest: not greyed out
      // as a disabled button would be (IE11 cannot restyle those).
      if (issue.cell === null) button.setAttribute("aria-disabled", "true");
      else button.addEventListener("click", () => onSelect(issue));
      const item = element(doc, "li");
      item.appendChild(button);
      list.appendChild(item);
    }
    if (severity === "info") {
      const summary = element(doc, "summary");
      summary.appendChild(heading);
      appendAll(section, summary, list);
    } else appendAll(section, heading, list);
    ui.issues.appendChild(section);
  }
  ui.issues.hidden = false;
}

/** The tolerance box: empty → the core's default; a negative or non-number → default, with a note. */
export function readTolerance(input: HTMLInputElement): { value: number | undefined; valid: boolean } {
  const read = readCoreTolerance(input.value);
  return read.ok ? { value: read.value, valid: true } : { value: undefined, valid: false };
}
