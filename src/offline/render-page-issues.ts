/**
 * The page's issue list: per severity (errors, warnings, then notes folded away), each problem's place, its message
 * and, under it, its 处理建议 as 校验结果 words it. The page has no sheet to jump to, so the items are plain list
 * items, not buttons. While a paste's start cell is unknown the place names the project's (or unit's) row before
 * the address, which counts from A1. A group shows its first GROUP_PAGE items and a button for the next ones, so
 * that thousands of problems never hold the page for long.
 */
import type { Issue, Messages, Severity } from "../core";
import type { PaneMessages } from "../taskpane/messages";
import { element } from "../taskpane/pane-view";
import type { OfflineMessages } from "./messages";

const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];
const GROUP_PAGE = 200;

/** Where a problem is: its cell, after its project's or unit's row while the addresses may not be the clerk's. */
export function issuePlace(
  issue: Issue,
  projectNames: readonly string[],
  originKnown: boolean,
  page: OfflineMessages,
  wholeSheet: string,
): string {
  const cell = issue.cell ?? wholeSheet;
  if (originKnown || issue.cell === null) return cell;
  const project =
    issue.details.project ?? (issue.about !== undefined ? projectNames[issue.about.projectIndex] : undefined);
  if (project) return `${page.projectRow(project)} ${cell}`;
  if (issue.details.unit) return `${page.unitRow(issue.details.unit)} ${cell}`;
  return cell;
}

export interface IssueListOptions {
  readonly originKnown: boolean;
  readonly m: Messages;
  readonly pane: PaneMessages;
  readonly page: OfflineMessages;
}

export function renderPageIssues(
  doc: Document,
  container: HTMLElement,
  result: { readonly issues: readonly Issue[]; readonly projectNames: readonly string[] },
  options: IssueListOptions,
): void {
  const { m, pane, page, originKnown } = options;
  while (container.lastChild) container.removeChild(container.lastChild);
  const issues = result.issues;
  if (issues.length === 0) {
    container.hidden = true;
    return;
  }
  container.appendChild(element(doc, "h2", undefined, pane.issuesHeading));
  container.appendChild(
    element(doc, "p", "hint", originKnown ? page.issueHint : page.issueHintUnknownOrigin),
  );
  for (const severity of SEVERITIES) {
    const group = issues.filter((i) => i.severity === severity);
    if (group.length === 0) continue;
    const section = element(
      doc,
      severity === "info" ? "details" : "section",
      `issue-group issue-group-${severity}`,
    );
    const heading = element(doc, "h3", undefined, `${m.severity[severity]} (${group.length})`);
    heading.id = `issues-${severity}`;
    const list = element(doc, "ul", "issue-list");
    list.setAttribute("aria-labelledby", heading.id);
    let shown = 0;
    const more = element(doc, "button", "secondary show-more");
    more.type = "button";
    const showNext = (): void => {
      const end = Math.min(group.length, shown + GROUP_PAGE);
      for (; shown < end; shown++) {
        const issue = group[shown]!;
        // The severity word stays in each item, so a black-and-white print still tells errors from warnings.
        const item = element(doc, "li", `issue issue-${severity}`);
        const place = element(
          doc,
          "span",
          "issue-cell",
          issuePlace(issue, result.projectNames, originKnown, page, pane.wholeSheet),
        );
        const message = element(doc, "span", "issue-message", issue.message);
        const advice = element(doc, "span", "issue-advice");
        advice.appendChild(element(doc, "span", "issue-advice-label", page.adviceLabel));
        advice.appendChild(doc.createTextNode(m.advice[issue.rule](issue)));
        item.appendChild(place);
        item.appendChild(message);
        item.appendChild(advice);
        list.appendChild(item);
      }
      const left = group.length - shown;
      more.textContent = page.showMore(Math.min(left, GROUP_PAGE));
      more.hidden = left === 0;
    };
    more.addEventListener("click", showNext);
    showNext();
    if (severity === "info") {
      const summary = element(doc, "summary");
      summary.appendChild(heading);
      section.appendChild(summary);
    } else section.appendChild(heading);
    section.appendChild(list);
    section.appendChild(more);
    container.appendChild(section);
  }
  container.hidden = false;
}
