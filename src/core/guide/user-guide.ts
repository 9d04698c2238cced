/**
 * The clerk's guide, written from the message tables so that it never drifts from what the tool says:
 * what it does and how to run it, the marks, which amount to change, each rule with an example (its message and
 * advice as the tool writes them), and each column of the two sheets. As Markdown for docs/使用说明.md
 * (scripts/write-guide.ts, checked by a test) and as HTML for the add-in's help page.
 */
import { DEFAULT_SEVERITY, RULE_IDS, type RuleId } from "../model/issue";
import { messagesFor, type Locale, type Messages } from "../messages";
import { RULE_EXAMPLES } from "./rule-examples";
import { FINDING_KINDS } from "../compare/finding";
import { FINDING_EXAMPLES } from "./finding-examples";

/** One block of the guide: a heading, paragraphs and lists, or a table. */
type Block =
  | { readonly kind: "h1" | "h2" | "h3"; readonly text: string }
  | { readonly kind: "p"; readonly text: string }
  | { readonly kind: "lines"; readonly lines: readonly string[] }
  | {
      readonly kind: "table";
      readonly header: readonly string[];
      readonly rows: readonly (readonly string[])[];
    };

function blocks(locale: Locale): Block[] {
  const m = messagesFor(locale);
  const g = m.guide;
  const out: Block[] = [
    { kind: "h1", text: g.title },
    { kind: "p", text: g.generated },
    { kind: "h2", text: g.whatTitle },
    { kind: "lines", lines: g.what },
    { kind: "h2", text: g.howTitle },
    { kind: "lines", lines: g.how },
    { kind: "h2", text: g.marksTitle },
    { kind: "lines", lines: g.marks },
    { kind: "h2", text: g.amountsTitle },
    { kind: "lines", lines: g.amounts },
    { kind: "h2", text: g.rulesTitle },
  ];
  for (const rule of RULE_IDS) out.push(...ruleBlocks(rule, m));
  out.push(
    { kind: "h2", text: g.detailTitle },
    columnTable(m, m.detailColumns, m.detailColumnNotes),
    { kind: "h2", text: g.checksTitle },
    columnTable(m, m.checkColumns, m.checkColumnNotes),
    { kind: "h2", text: g.printTitle },
    { kind: "lines", lines: g.print },
    { kind: "h2", text: m.compare.guideTitle },
    { kind: "lines", lines: m.compare.guideIntro },
  );
  for (const kind of FINDING_KINDS) {
    const example = FINDING_EXAMPLES[kind];
    out.push(
      { kind: "h3", text: `${m.compare.names[kind]}（${kind}）` },
      {
        kind: "lines",
        lines: [
          `- ${m.guide.ruleHeadings.example}：${m.compare.messages[kind](example)}`,
          `- ${m.guide.ruleHeadings.advice}：${m.compare.advice[kind](example)}`,
        ],
      },
    );
  }
  return out;
}

function ruleBlocks(rule: RuleId, m: Messages): Block[] {
  const h = m.guide.ruleHeadings;
  const example = RULE_EXAMPLES[rule];
  return [
    { kind: "h3", text: `${m.ruleNames[rule]}（${rule}）` },
    {
      kind: "lines",
      lines: [
        `- ${h.meaning}：${m.ruleMeanings[rule]}`,
        `- ${h.severity}：${m.severity[DEFAULT_SEVERITY[rule]]}`,
        `- ${h.example}：${m.issues[rule](example)}`,
        `- ${h.advice}：${m.advice[rule](example)}`,
      ],
    },
  ];
}

function columnTable<K extends string>(
  m: Messages,
  headers: Readonly<Record<K, string>>,
  notes: Readonly<Record<K, string>>,
): Block {
  const keys = Object.keys(headers) as K[];
  return {
    kind: "table",
    header: [m.guide.columnHeadings.column, m.guide.columnHeadings.meaning],
    rows: keys.map((k) => [headers[k], notes[k]]),
  };
}

/** Markdown: `|` in a cell escaped; a line of a list stays one line. */
export function userGuideMarkdown(locale: Locale): string {
  const cell = (text: string): string => text.replace(/\|/g, "\\|");
  const parts = blocks(locale).map((b) => {
    switch (b.kind) {
      case "h1":
        return `# ${b.text}`;
      case "h2":
        return `## ${b.text}`;
      case "h3":
        return `### ${b.text}`;
      case "p":
        return b.text;
      case "lines":
        return markdownLines(b.lines);
      case "table":
        return [
          `| ${b.header.map(cell).join(" | ")} |`,
          `| ${b.header.map(() => "---").join(" | ")} |`,
          ...b.rows.map((r) => `| ${r.map(cell).join(" | ")} |`),
        ].join("\n");
    }
  });
  return `${parts.join("\n\n")}\n`;
}

/** Lines as Markdown: a list's items together, a blank line between a list and a paragraph (else it joins). */
function markdownLines(lines: readonly string[]): string {
  const out: string[] = [];
  let previousIsItem: boolean | null = null;
  for (const line of lines) {
    const isItem = LIST_ITEM.test(line);
    if (previousIsItem !== null && (isItem !== previousIsItem || !isItem)) out.push("");
    out.push(line);
    previousIsItem = isItem;
  }
  return out.join("\n");
}

/** A list item line. Examples: "- 红色：错误", "3. 先看「校验结果」". */
const LIST_ITEM = /^(?:-|\d+\.)\s/;

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** `code` spans of the Markdown as <code>, the rest escaped. Example: "运行 `npm run demo`" → "运行 <code>npm run demo</code>". */
function inline(text: string): string {
  return text
    .split("`")
    .map((piece, i) => (i % 2 === 1 ? `<code>${escapeHtml(piece)}</code>` : escapeHtml(piece)))
    .join("");
}

/**
 * The same guide as an HTML fragment for the help page: lists whose lines start with "- " or "1. " become <ul> and
 * <ol>, other lines paragraphs. Every text is escaped (the page's CSP allows no inline script anyway).
 */
export function userGuideHtml(locale: Locale): string {
  const html = blocks(locale).map((b) => {
    switch (b.kind) {
      case "h1":
      case "h2":
      case "h3":
        return `<${b.kind}>${inline(b.text)}</${b.kind}>`;
      case "p":
        return `<p>${inline(b.text)}</p>`;
      case "lines":
        return linesHtml(b.lines);
      case "table":
        return (
          `<table><thead><tr>${b.header.map((h) => `<th>${inline(h)}</th>`).join("")}</tr></thead><tbody>` +
          b.rows.map((r) => `<tr>${r.map((c) => `<td>${inline(c)}</td>`).join("")}</tr>`).join("") +
          "</tbody></table>"
        );
    }
  });
  return `${html.join("\n")}\n`;
}

function linesHtml(lines: readonly string[]): string {
  const out: string[] = [];
  let list: "ul" | "ol" | null = null;
  const close = (): void => {
    if (list) out.push(`</${list}>`);
    list = null;
  };
  for (const line of lines) {
    // Examples: "- 红色：错误", "3. 先看「校验结果」".
    const item = /^(?:(-)|\d+\.)\s+(.*)$/.exec(line);
    if (!item) {
      close();
      out.push(`<p>${inline(line)}</p>`);
      continue;
    }
    const kind = item[1] ? "ul" : "ol";
    if (list !== kind) {
      close();
      out.push(`<${kind}>`);
      list = kind;
    }
    out.push(`<li>${inline(item[2]!)}</li>`);
  }
  close();
  return out.join("");
}
