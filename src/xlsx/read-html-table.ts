/**
 * HTML tables → the grid the core reads, as Excel lays out a pasted web table: a cell spanning rows or columns
 * (rowspan / colspan) keeps its text in its top-left cell and leaves the others empty, exactly like a merged cell
 * read from an .xlsx. Reads a saved page (.html / .htm) and the `text/html` a browser, Excel or WPS puts on the
 * clipboard (which keeps merged cells; the plain text does not). Several tables are stacked, a blank row apart;
 * each line of text outside them (a title, `单位：万元`) is a row of its own, as Excel opens a page; a portal's
 * layout table is looked through to the tables in its cells.
 *
 * A small forward scanner, no DOM: it runs in Node, in a worker and in the offline page alike, and never builds
 * a tree (a published page can be megabytes of markup around one table). Script, style, title and `<xml>` bodies
 * and comments are skipped; `<br>` and the end of a paragraph inside a cell are line breaks; entities are decoded.
 * Two passes: the first counts each table's cells to tell layout tables from data tables (findLayoutTables).
 */
import type { CellValue, Grid } from "../core";
import { EXCEL_MAX_COLUMNS } from "./package-limits";

// One tag or comment: `<td colspan="2">`, `</tr>`, `<br/>`, a comment, `<![if !supportMisalignedColumns]>`. The
// comment's opener is written `<!-{2}`: the offline page inlines this code in a <script>, where the literal
// opener would start an HTML comment.
const TOKEN = /<!-{2}[\s\S]*?-{2}>|<!\[[\s\S]*?\]>|<!?[a-zA-Z/][^>]*>/g;
// A tag's name: `<td …` → td, `</TR>` → tr.
const TAG_NAME = /^<\/?([a-zA-Z][a-zA-Z0-9:]*)/;
// A span attribute, after a blank (not `data-colspan="3"`, which a table plugin keeps for itself), its number
// perhaps after blanks inside the quotes, as browsers read it: `colspan="2"`, `rowspan=3`, `ROWSPAN=' 4'`.
const SPAN = (name: string) => new RegExp(`\\s${name}\\s*=\\s*["']?\\s*([0-9]+)`, "i");
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

/** Blank text between tags: spaces, line ends, `&nbsp;` (`<p>&nbsp;</p>`), Word's `&#12288;`. */
const BLANK = /^(?:[\s\u00a0\u3000]|&nbsp;|&#160;|&#12288;)*$/;

/**
 * A line ends in a cell: at a `<br>` (`fromBr`), or at a paragraph's, division's or item's end. As a browser
 * shows it, a `<br>` right before the end of its paragraph makes no empty line (`<p>a<br></p><p>b</p>` is two
 * lines); an empty paragraph does (`<p>a</p><p>&nbsp;</p><p>b</p>` is three, the middle one empty).
 */
function breakLine(target: { text: string; brOpen?: boolean }, fromBr: boolean): void {
  const tail = target.text.slice(target.text.lastIndexOf(LINE_BREAK) + 1);
  if (!fromBr && target.brOpen === true && BLANK.test(tail)) {
    target.brOpen = false;
    return;
  }
  target.text += LINE_BREAK;
  target.brOpen = fromBr;
}

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

/** One tag of the page, as the scanner reports it. */
interface Tag {
  readonly name: string;
  readonly closing: boolean;
  readonly token: string;
}

/**
 * Elements whose content is no table text: scripts, styles, the window title, and the `<xml>` data islands Word
 * and Excel write into the page's head (`<xml><x:ExcelWorkbook>…<x:Name>Sheet1</x:Name>…</xml>`).
 */
const SKIPPED = new Set(["script", "style", "title", "xml", "noscript", "template"]);

/**
 * The page's tags in order, with the text between them (`text(from, to)`): comments and conditional comments
 * (Word's `<!-{2}[if gte mso 9]>…<![endif]-{2}>`, `<![if !supportMisalignedColumns]>`) and skipped elements' bodies left out.
 */
function scanMarkup(
  html: string,
  onTag: (tag: Tag) => void,
  onText: (from: number, to: number) => void,
): void {
  let skipUntil: string | null = null;
  let last = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(html); m !== null; m = TOKEN.exec(html)) {
    if (skipUntil === null && m.index > last) onText(last, m.index);
    last = m.index + m[0].length;
    const token = m[0];
    if (token.startsWith("<!")) continue;
    const name = (TAG_NAME.exec(token)?.[1] ?? "").toLowerCase();
    const closing = token[1] === "/";
    if (skipUntil !== null) {
      if (closing && name === skipUntil) skipUntil = null;
      continue;
    }
    if (!closing && SKIPPED.has(name) && !token.endsWith("/>")) {
      skipUntil = name;
      continue;
    }
    onTag({ name, closing, token });
  }
  if (skipUntil === null && last < html.length) onText(last, html.length);
}

/**
 * Which tables (by the order they open) lay out the page rather than hold data: a table holding a nested table
 * with more cells than it has itself (a portal's frame: a banner cell, a menu cell, and the cell holding the
 * published table), or with more than NESTED_CELLS (a frame whose footer of links outnumbers a small form's
 * cells). A data table with a small table inside one of its cells (a goal a row) stays a data table, the small
 * one's text joining that cell.
 */
function findLayoutTables(html: string): boolean[] {
  const layout: boolean[] = [];
  const open: { id: number; own: number; largestChild: number; children: number }[] = [];
  let next = 0;
  const close = () => {
    const table = open.pop()!;
    layout[table.id] = table.largestChild > Math.min(table.own, NESTED_CELLS);
    const total = table.own + table.children;
    const parent = open[open.length - 1];
    if (parent) {
      parent.children += total;
      parent.largestChild = Math.max(parent.largestChild, total);
    }
  };
  scanMarkup(
    html,
    ({ name, closing }) => {
      if (name === "table") {
        if (!closing) open.push({ id: next++, own: 0, largestChild: 0, children: 0 });
        else if (open.length > 0) close();
      } else if (!closing && (name === "td" || name === "th") && open.length > 0)
        open[open.length - 1]!.own++;
    },
    () => undefined,
  );
  while (open.length > 0) close();
  return layout;
}

/** A nested table of more cells than this is a table of its own, even in a table of more cells (a form has 30+). */
const NESTED_CELLS = 20;

/** A merged range of a table being read: its rows [top, bottom] and columns [left, right], 0-based. */
interface Span {
  top: number;
  bottom: number;
  readonly left: number;
  readonly right: number;
  /** The first row of the row group (thead, tbody, tfoot) it started in. */
  readonly group: number;
  /** `rowspan="0"`: down to the end of its row group. */
  readonly toGroupEnd: boolean;
}

/** A cell read, not yet placed: its row's cells are placed together when the row ends. */
interface PendingCell {
  text: string;
  /** A `<br>` ended the last line and nothing but blanks came after it (see breakLine). */
  brOpen?: boolean;
  readonly colspan: number;
  /** 0: to the end of the row group (`rowspan="0"`). */
  readonly rowspan: number;
}

/** One data table being read. */
class TableReader {
  readonly rows: CellValue[][] = [];
  private spans: Span[] = [];
  private groupStart = 0;
  private width = 0;
  private row: PendingCell[] | null = null;
  cell: PendingCell | null = null;
  caption: string | null = null;
  captionText: { text: string; brOpen?: boolean } | null = null;
  /** Text inside the table but in no cell (`<table>说明<tr>…`): a browser shows it above the table. */
  stray = "";

  endCaption(): void {
    if (this.captionText === null) return;
    // A second caption (a parse error browsers show anyway) is kept after the first: no word is lost.
    const text = cellTextOf(this.captionText.text);
    this.caption =
      this.caption === null || this.caption === ""
        ? text
        : text === ""
          ? this.caption
          : `${this.caption}\n${text}`;
    this.captionText = null;
  }

  startCell(token: string): void {
    this.endCell();
    if (this.row === null) this.row = [];
    const span = (re: RegExp, least: number) =>
      Math.min(MAX_SPAN, Math.max(least, Number(re.exec(token)?.[1] ?? 1)));
    // colspan="0" is one column (HTML5, as browsers read it); rowspan="0" runs to the end of the row group.
    this.cell = { text: "", colspan: span(COLSPAN, 1), rowspan: span(ROWSPAN, 0) };
  }

  endCell(): void {
    if (this.cell === null) return;
    this.row?.push(this.cell);
    this.cell = null;
  }

  startRow(): void {
    this.endRow();
    this.row = [];
  }

  /**
   * Places the row's cells left to right, past the columns that merged ranges from rows above cover. A range
   * from an earlier row group (a rowspan running past its </tbody>) keeps covering when the rows below leave
   * room for it, as the author meant; when a row fills the table's width without it, the range stops there, as
   * a browser stops it, rather than push that row's cells right.
   */
  endRow(): void {
    this.endCell();
    const cells = this.row;
    if (cells === null) return;
    this.row = null;
    const r = this.rows.length;
    this.spans = this.spans.filter((s) => s.bottom >= r);
    const own = cells.reduce((n, cell) => n + cell.colspan, 0);
    const covering = this.spans.filter((s) => s.top < r);
    const width = (list: Span[]) => list.reduce((n, s) => n + s.right - s.left + 1, 0);
    const carried = covering.filter((s) => s.group < this.groupStart);
    if (carried.length > 0) {
      const inGroup = width(covering) - width(carried);
      if (own + inGroup + width(carried) > this.width && own + inGroup <= this.width) {
        for (const s of carried) s.bottom = r - 1;
        this.spans = this.spans.filter((s) => s.bottom >= r);
      }
    }
    // The ranges covering this row, left to right: a cell goes past each one it would fall in (ranges, not
    // columns, are walked: a page of rowspan=1000 colspan=1000 cells costs what its cells do).
    const cover = this.spans.filter((s) => s.top < r).sort((a, b) => a.left - b.left);
    let k = 0;
    const out: CellValue[] = [];
    let c = 0;
    for (const cell of cells) {
      for (;;) {
        while (k < cover.length && cover[k]!.right < c) k++;
        if (k < cover.length && cover[k]!.left <= c) c = cover[k]!.right + 1;
        else break;
      }
      // A cell past Excel's last column is put just past it and the row ends there: the page is then refused as
      // too wide (checkGridLimits) without a row of a million empty cells first, and no cell is dropped unseen.
      if (c > EXCEL_MAX_COLUMNS) c = EXCEL_MAX_COLUMNS;
      const text = cellTextOf(cell.text);
      while (out.length < c) out.push(null);
      out[c] = text === "" ? null : text;
      if (cell.rowspan !== 1 || cell.colspan > 1)
        this.spans.push({
          top: r,
          bottom: cell.rowspan === 0 ? r + MAX_SPAN - 1 : r + cell.rowspan - 1,
          left: c,
          right: c + cell.colspan - 1,
          group: this.groupStart,
          toGroupEnd: cell.rowspan === 0,
        });
      c += cell.colspan;
      if (c > EXCEL_MAX_COLUMNS) break;
    }
    let end = c;
    for (const s of this.spans) if (s.top <= r) end = Math.max(end, s.right + 1);
    this.width = Math.max(this.width, end);
    this.rows.push(out);
  }

  /** A row group (thead, tbody, tfoot) starts or ends: a `rowspan="0"` ends with it. */
  endGroup(): void {
    this.endRow();
    const last = this.rows.length - 1;
    for (const s of this.spans) if (s.toGroupEnd) s.bottom = Math.min(s.bottom, last);
    this.groupStart = this.rows.length;
  }

  /**
   * The table's rows, its caption (the title a page may put there) first, empty rows at its end left out; text
   * written in the table but in no cell above them all, where a browser shows it.
   */
  finish(): CellValue[][] {
    this.endCaption();
    this.endRow();
    const rows = this.rows;
    while (rows.length > 0 && rows[rows.length - 1]!.every((v) => v === null)) rows.pop();
    if (this.caption !== null && this.caption !== "") rows.unshift([this.caption]);
    const stray = cellTextOf(this.stray);
    if (stray !== "") rows.unshift([stray]);
    return rows;
  }
}

/**
 * Tags that end a line of the page's text outside its data tables: paragraphs, headings, list items, line breaks,
 * a layout table's cells and rows. `<span>`, `<font>`, `<b>`, `<a>` and Word's `<o:p>` run on within a line.
 */
const BLOCK = new Set(
  "p div br h1 h2 h3 h4 h5 h6 li ul ol dl dt dd tr td th table caption blockquote hr pre center section article header footer nav aside form address body".split(
    " ",
  ),
);

/**
 * The page as Excel opens it: every data table, its merged cells as Excel leaves them (text in the top-left cell,
 * the others empty), and each line of text outside the tables in a row of its own, in page order: the title, the
 * `部门：…` and `单位：万元` lines above a table are read as they are above a table in a workbook. Two tables one
 * right after the other have a blank row between them. Tables that lay the page out (findLayoutTables) are looked
 * through: their cells' lines and the tables in them are read in order.
 */
export function readHtmlTables(html: string): Grid {
  const out: CellValue[][] = [];
  const layout = findLayoutTables(html);
  /** For each table open: whether it is the data table being read (false: a layout table or one nested in data). */
  const open: boolean[] = [];
  let ordinal = 0;
  let table: TableReader | null = null;
  /** The text outside data tables since the last line's end. */
  let line = "";
  /** Whether the last thing read was a table (the next one gets a blank row before it). */
  let afterTable = false;

  const endLine = () => {
    const text = cellTextOf(line);
    line = "";
    if (text === "") return;
    out.push([text]);
    afterTable = false;
  };
  const endTable = () => {
    if (table === null) return;
    const rows = table.finish();
    table = null;
    if (rows.length === 0) return;
    if (afterTable) out.push([]);
    for (const row of rows) out.push(row);
    afterTable = true;
  };

  scanMarkup(
    html,
    ({ name, closing, token }) => {
      if (name === "table") {
        if (!closing) {
          const id = ordinal++;
          const data = table === null && layout[id] !== true;
          if (data) {
            endLine();
            table = new TableReader();
          }
          open.push(data);
        } else if (open.length > 0 && open.pop() === true) endTable();
        else if (table === null) endLine();
        return;
      }
      if (table === null) {
        if (BLOCK.has(name)) endLine();
        return;
      }
      const t: TableReader = table;
      if (open[open.length - 1] !== true) {
        // Inside a table nested in a data table's cell: its text joins that cell's.
        if (
          t.cell !== null &&
          (name === "br" || ((name === "p" || name === "div" || name === "tr") && closing))
        )
          breakLine(t.cell, name === "br");
        return;
      }
      // A caption left open ends at the table's first row, row group or cell, as a browser ends it.
      if (
        name === "caption" ||
        name === "tr" ||
        name === "td" ||
        name === "th" ||
        name === "thead" ||
        name === "tbody" ||
        name === "tfoot"
      )
        t.endCaption();
      if (name === "caption") {
        if (!closing) t.captionText = { text: "" };
      } else if (name === "tr") {
        if (closing) t.endRow();
        else t.startRow();
      } else if (name === "thead" || name === "tbody" || name === "tfoot") {
        t.endGroup();
      } else if (name === "td" || name === "th") {
        if (closing) t.endCell();
        else t.startCell(token);
      } else if (
        (t.cell !== null || t.captionText !== null) &&
        (name === "br" || ((name === "p" || name === "div" || name === "li") && closing))
      ) {
        breakLine((t.cell ?? t.captionText)!, name === "br");
      }
    },
    (from, to) => {
      if (table === null) {
        line += html.slice(from, to);
        return;
      }
      const t: TableReader = table;
      if (t.cell !== null) t.cell.text += html.slice(from, to);
      else if (t.captionText !== null) t.captionText.text += html.slice(from, to);
      else if (open[open.length - 1] === true) t.stray += html.slice(from, to);
    },
  );
  endTable();
  endLine();
  return out;
}
