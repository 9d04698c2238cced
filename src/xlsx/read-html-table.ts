/**
 * HTML tables → the grid the core reads, as Excel lays out a pasted web table: a cell spanning rows or columns
 * (rowspan / colspan) keeps its text in its top-left cell and leaves the others empty, exactly like a merged cell
 * read from an .xlsx. Reads a saved page (.html / .htm) and the `text/html` a browser, Excel or WPS puts on the
 * clipboard (which keeps merged cells; the plain text does not). Several tables are stacked, a blank row apart.
 *
 * A small forward scanner, no DOM: it runs in Node, in a worker and in the offline page alike, and never builds
 * a tree (a published page can be megabytes of markup around one table). Script and style bodies and comments
 * are skipped; `<br>` and the end of a paragraph inside a cell are line breaks; entities are decoded.
 */
import type { CellValue, Grid } from "../core";

// One tag or comment: `<td colspan="2">`, `</tr>`, `<br/>`, a comment, `<![if !supportMisalignedColumns]>`. The
// comment's opener is written `<!-{2}`: the offline page inlines this code in a <script>, where the literal
// opener would start an HTML comment.
const TOKEN = /<!-{2}[\s\S]*?-{2}>|<!\[[\s\S]*?\]>|<!?[a-zA-Z/][^>]*>/g;
// A tag's name: `<td …` → td, `</TR>` → tr.
const TAG_NAME = /^<\/?([a-zA-Z][a-zA-Z0-9:]*)/;
// A span attribute: `colspan="2"`, `rowspan=3`, `ROWSPAN='4'`.
const SPAN = (name: string) => new RegExp(`\\b${name}\\s*=\\s*["']?([0-9]+)`, "i");
const COLSPAN = SPAN("colspan");
const ROWSPAN = SPAN("rowspan");
/** Spans beyond this are damage, not a table (Excel's own limit is far above any form's). */
const MAX_SPAN = 1000;

const NAMED: Readonly<Record<string, string>> = {
  nbsp: " ",
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  ensp: " ",
  emsp: " ",
  thinsp: " ",
  ge: "≥",
  le: "≤",
  ne: "≠",
  times: "×",
  divide: "÷",
  middot: "·",
  hellip: "…",
  mdash: "—",
  ndash: "–",
  ldquo: "“",
  rdquo: "”",
  lsquo: "‘",
  rsquo: "’",
  yen: "¥",
  permil: "‰",
  plusmn: "±",
};

/** `&ge;95&#37;` → `≥95%`; an unknown entity stays as written. */
export function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  // An entity: `&nbsp;`, `&#8805;`, `&#x2265;`.
  return text.replace(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});/g, (all, body: string) => {
    if (body.startsWith("#")) {
      const code =
        body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (!(code > 0 && code <= 0x10ffff)) return all;
      // String.fromCodePoint is not in IE11: a code point beyond the BMP is written as its surrogate pair.
      if (code <= 0xffff) return String.fromCharCode(code);
      const c = code - 0x10000;
      return String.fromCharCode(0xd800 + (c >> 10), 0xdc00 + (c & 0x3ff));
    }
    return NAMED[body.toLowerCase()] ?? all;
  });
}

/** A `<br>` or a paragraph's end inside a cell, kept apart from the markup's own line breaks (which are blanks). */
const LINE_BREAK = "\u2028";

/** A cell's text as a clerk sees it: entities decoded, runs of blanks one space, lines trimmed. */
function cellTextOf(raw: string): string {
  return decodeEntities(raw.replace(/[ \t\r\n\f]+/g, " "))
    .replace(/\u2028/g, "\n")
    .replace(/\u00a0/g, " ")
    .split("\n")
    .map((line) => line.replace(/ {2,}/g, " ").trim())
    .join("\n")
    .replace(/^\n+|\n+$/g, "");
}

/** Every table of the page, stacked top to bottom with a blank row between two tables. */
export function readHtmlTables(html: string): Grid {
  const out: CellValue[][] = [];
  let table: { rows: CellValue[][]; taken: Set<string>; r: number; c: number } | null = null;
  let depth = 0;
  let cell: { text: string; colspan: number; rowspan: number } | null = null;
  let skipUntil: string | null = null;
  let last = 0;

  const flushText = (end: number) => {
    if (cell !== null && skipUntil === null) cell.text += html.slice(last, end);
  };
  const endCell = () => {
    if (table === null || cell === null) return;
    const { rows, taken } = table;
    while (taken.has(`${table.r},${table.c}`)) table.c++;
    const text = cellTextOf(cell.text);
    while (rows.length <= table.r) rows.push([]);
    const row = rows[table.r]!;
    while (row.length < table.c) row.push(null);
    row[table.c] = text === "" ? null : text;
    for (let dr = 0; dr < cell.rowspan; dr++)
      for (let dc = 0; dc < cell.colspan; dc++) taken.add(`${table.r + dr},${table.c + dc}`);
    table.c += cell.colspan;
    cell = null;
  };
  const endTable = () => {
    endCell();
    if (table === null) return;
    if (table.rows.length > 0) {
      if (out.length > 0) out.push([]);
      for (const row of table.rows) out.push(row);
    }
    table = null;
  };

  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(html); m !== null; m = TOKEN.exec(html)) {
    flushText(m.index);
    last = m.index + m[0].length;
    const token = m[0];
    if (token.startsWith("<!")) continue;
    const name = (TAG_NAME.exec(token)?.[1] ?? "").toLowerCase();
    const closing = token[1] === "/";
    if (skipUntil !== null) {
      if (closing && name === skipUntil) skipUntil = null;
      continue;
    }
    if (!closing && (name === "script" || name === "style")) {
      skipUntil = name;
      continue;
    }
    if (name === "table") {
      if (closing) {
        depth = Math.max(0, depth - 1);
        if (depth === 0) endTable();
      } else if (++depth === 1) table = { rows: [], taken: new Set(), r: -1, c: 0 };
      continue;
    }
    if (table === null || depth !== 1) {
      // Inside a nested table: its text joins the outer cell's.
      if (cell !== null && (name === "br" || ((name === "p" || name === "div" || name === "tr") && closing)))
        cell.text += LINE_BREAK;
      continue;
    }
    if (name === "tr") {
      endCell();
      if (!closing) {
        table.r++;
        table.c = 0;
      }
    } else if (name === "td" || name === "th") {
      endCell();
      if (!closing) {
        if (table.r < 0) table.r = 0;
        const span = (re: RegExp) => Math.min(MAX_SPAN, Math.max(1, Number(re.exec(token)?.[1] ?? 1)));
        cell = { text: "", colspan: span(COLSPAN), rowspan: span(ROWSPAN) };
      }
    } else if (
      cell !== null &&
      (name === "br" || ((name === "p" || name === "div" || name === "li") && closing))
    ) {
      cell.text += LINE_BREAK;
    }
  }
  flushText(html.length);
  endTable();
  return out;
}
