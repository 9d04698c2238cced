/**
 * Target tables as finance-disclosure sites publish them, saved from the browser or exported by Word, Excel or a
 * system: each page is read into the grid a clerk sees when Excel opens it (every cell in its row and column,
 * merged cells as Excel leaves them, each line of text outside the tables in a row of its own), and the analysis
 * of the page is the analysis of the same cells in an .xlsx workbook.
 *
 * The markup is what such pages hold: a portal's layout table around the data table, Word's `<o:p>`, `mso-`
 * styles and `<!--[if gte mso 9]><xml>` islands, Excel's `x:num` / `x:str` cells and `<br>` inside a cell,
 * a CMS's `<caption>`, `<thead>`/`<tbody>` with a rowspan running past its `</tbody>`, GBK pages declared in
 * `<meta http-equiv>` or not declared at all, UTF-8 with a byte-order mark, a UTF-16 page named .xls.
 */
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import type { CellValue, Grid } from "../../src/core";
import { readInput } from "../../src/xlsx/read-input";
import { fixtureResult, type FixtureResult } from "../fixtures/fixture-result";
import { write, type Cell, type Fixture } from "../fixtures/make-corpus-fixtures";

const n = null;
/** `1,234.56`: an amount shown with thousands separators and two decimals. */
const money = (value: number) => ({ n: value, f: "#,##0.00" });
/** `120.00`: an amount shown with two decimals. */
const d2 = (value: number) => ({ n: value, f: "0.00" });

/** A cell as the page shows it (and as the grid read from the page holds it). */
function shown(value: Cell): string | null {
  if (value === null) return null;
  if (typeof value !== "object") return String(value);
  if (value.f === "0%") return `${Math.round(value.n * 100)}%`;
  const fixed = value.n.toFixed(2);
  return value.f === "#,##0.00" ? fixed.replace(/\B(?=(\d{3})+\.)/g, ",") : fixed;
}

/** `B3` → row 2, column 1 (0-based). */
function at(a1: string): { r: number; c: number } {
  const m = /^([A-Z]+)([0-9]+)$/.exec(a1)!;
  return { r: Number(m[2]) - 1, c: m[1]!.split("").reduce((k, ch) => k * 26 + ch.charCodeAt(0) - 64, 0) - 1 };
}

/** One cell of a table to write as markup: where it is, what it holds and how far it spans. */
interface MarkupCell {
  readonly r: number;
  readonly c: number;
  readonly value: Cell;
  readonly rowspan: number;
  readonly colspan: number;
}

/** The table rows [from, to) of a fixture as `<td>` cells, merged ranges as one cell with rowspan/colspan. */
function markupRows(fixture: Fixture, from = 0, to = fixture.rows.length): MarkupCell[][] {
  const spans = new Map<string, { rows: number; columns: number }>();
  const covered = new Set<string>();
  for (const range of fixture.merges) {
    const [a, b] = range.split(":").map(at) as [{ r: number; c: number }, { r: number; c: number }];
    spans.set(`${a.r},${a.c}`, { rows: b.r - a.r + 1, columns: b.c - a.c + 1 });
    for (let r = a.r; r <= b.r; r++)
      for (let c = a.c; c <= b.c; c++) if (r !== a.r || c !== a.c) covered.add(`${r},${c}`);
  }
  const width = Math.max(
    ...fixture.rows.slice(from, to).map((row) => row.length),
    ...[...spans].map(([k, s]) => Number(k.split(",")[1]) + s.columns),
  );
  const out: MarkupCell[][] = [];
  for (let r = from; r < to; r++) {
    const cells: MarkupCell[] = [];
    for (let c = 0; c < width; c++) {
      if (covered.has(`${r},${c}`)) continue;
      const span = spans.get(`${r},${c}`) ?? { rows: 1, columns: 1 };
      cells.push({ r, c, value: fixture.rows[r]![c] ?? null, rowspan: span.rows, colspan: span.columns });
    }
    out.push(cells);
  }
  return out;
}

/** ` rowspan="3" colspan="2"` for a merged cell, "" for one cell. */
const spanAttributes = (cell: MarkupCell, quote = '"'): string =>
  (cell.rowspan > 1 ? ` rowspan=${quote}${cell.rowspan}${quote}` : "") +
  (cell.colspan > 1 ? ` colspan=${quote}${cell.colspan}${quote}` : "");

const escapeHtml = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The grid the page must give: the fixture's cells as shown, merged ranges empty but their top-left cell. */
function shownGrid(fixture: Fixture): CellValue[][] {
  return fixture.rows.map((row) => trimRow(row.map(shown)));
}

function trimRow(row: readonly CellValue[]): CellValue[] {
  const out = [...row];
  while (out.length > 0 && out[out.length - 1] === null) out.pop();
  return out;
}

/**
 * GBK bytes of a text (what a Chinese Windows program saves as "gb2312"), by the decoder's own table: Node's
 * TextDecoder reads GBK but TextEncoder writes UTF-8 only.
 */
let gbkTable: Map<string, number[]> | null = null;
function gbk(text: string): Uint8Array {
  if (gbkTable === null) {
    gbkTable = new Map();
    const decoder = new TextDecoder("gbk");
    for (let lead = 0x81; lead <= 0xfe; lead++)
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const ch = decoder.decode(Uint8Array.of(lead, trail));
        if (ch.length === 1 && ch !== "\ufffd" && !gbkTable.has(ch)) gbkTable.set(ch, [lead, trail]);
      }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) bytes.push(code);
    else {
      const pair = gbkTable.get(ch);
      if (!pair) throw new Error(`not in GBK: ${ch}`);
      bytes.push(...pair);
    }
  }
  return Uint8Array.from(bytes);
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const utf8WithBom = (text: string): Uint8Array => utf8(`\ufeff${text}`);
function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out[0] = 0xff;
  out[1] = 0xfe;
  for (let k = 0; k < text.length; k++) {
    out[2 + 2 * k] = text.charCodeAt(k) & 0xff;
    out[3 + 2 * k] = text.charCodeAt(k) >> 8;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// The tables (their cells as a workbook holds them) and the pages that publish them.

/** A single-project form, as a county's agriculture bureau publishes it: amounts in 万元, with separators. */
const FORM: Fixture = {
  file: "form.xlsx",
  sheet: "Sheet1",
  rows: [
    ["项目支出绩效目标表"],
    ["（2024年度）"],
    ["项目名称", "高标准农田建设"],
    ["主管部门", "某县农业农村局", "实施单位", "某县农业技术推广中心"],
    ["项目资金（万元）", "年度资金总额", money(1234.56)],
    [n, "其中：财政拨款", money(1200)],
    [n, "其他资金", money(34.56)],
    ["年度绩效目标", "完成高标准农田建设1.2万亩，改善农业生产条件，提高粮食综合生产能力。"],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值"],
    [n, "产出指标", "数量指标", "新建高标准农田面积", "≥1.2万亩"],
    [n, n, "质量指标", "工程验收合格率", "≥95%"],
    [n, n, "时效指标", "项目完成时间", "2024年12月底前"],
    [n, n, "成本指标", "亩均建设成本", "≤1500元/亩"],
    [n, "效益指标", "经济效益指标", "亩均增产粮食", "≥50公斤"],
    [n, n, "可持续影响指标", "农田设施使用年限", "≥10年"],
    [n, "满意度指标", "服务对象满意度指标", "项目区农户满意度", "≥90%"],
  ],
  merges: [
    "A1:E1",
    "A2:E2",
    "B3:E3",
    "D4:E4",
    "A5:A7",
    "C5:E5",
    "C6:E6",
    "C7:E7",
    "B8:E8",
    "A9:A16",
    "B10:B13",
    "B14:B15",
  ],
};

/**
 * Case 1: a county portal's article page, GBK declared in `<meta http-equiv>`: a layout table (banner, a menu
 * table, the article cell, the footer), the article's title and date lines, `单位：万元` in a `<p>` above the
 * form, cells in `<p><span><font>` with `&nbsp;` and trailing blanks.
 */
function portalPage(): string {
  const td = (cell: MarkupCell) => {
    const text = shown(cell.value);
    const body =
      text === null
        ? "&nbsp;"
        : typeof cell.value === "object" && cell.value !== null
          ? `<p align="right"><span style="font-size:12px">${escapeHtml(text)}&nbsp; </span></p>`
          : `<p><span style="font-family:仿宋_GB2312"><font size="2">${escapeHtml(text)}</font></span></p>`;
    return `<td${spanAttributes(cell)} style="border:1px solid #000">${body}</td>`;
  };
  const rows = markupRows(FORM).map((row) => `<tr>\n${row.map(td).join("\n")}\n</tr>`);
  return `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />
<title>某县农业农村局2024年项目支出绩效目标表_某县人民政府门户网站</title>
<script type="text/javascript">document.write("<table><tr><td>广告</td></tr></table>");</script>
</head>
<body>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0">
  <tr><td colspan="2" class="banner"><img src="images/banner.jpg" alt="" /></td></tr>
  <tr>
    <td width="200" valign="top">
      <table width="100%"><tr><td><a href="/">首页</a></td></tr><tr><td><a href="/zwgk/">政务公开</a></td></tr></table>
    </td>
    <td valign="top">
      <div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 财政预决算</div>
      <div class="title">某县农业农村局2024年项目支出绩效目标表</div>
      <div class="info">发布时间：2024-02-05\u3000\u3000来源：县财政局</div>
      <div class="TRS_Editor">
        <p align="right"><span style="font-size:14px">单位：万元</span></p>
        <table border="1" cellspacing="0" cellpadding="0" width="100%" style="border-collapse:collapse">
${rows.join("\n")}
        </table>
      </div>
    </td>
  </tr>
  <tr><td colspan="2" class="footer">版权所有：某县人民政府办公室&nbsp;&nbsp;备案号：某ICP备12345678号</td></tr>
</table>
</body>
</html>
`;
}

/** The portal page as Excel shows it: the page's lines around the form, each in a row of its own. */
const PORTAL: Fixture = {
  file: "portal.xlsx",
  sheet: "Sheet1",
  rows: [
    ["首页"],
    ["政务公开"],
    ["当前位置：首页 > 政务公开 > 财政预决算"],
    ["某县农业农村局2024年项目支出绩效目标表"],
    ["发布时间：2024-02-05\u3000\u3000来源：县财政局"],
    ["单位：万元"],
    ...FORM.rows,
    ["版权所有：某县人民政府办公室 备案号：某ICP备12345678号"],
  ],
  merges: FORM.merges.map((range) => shiftRange(range, 6)),
};

/** `A1:E1` moved `by` rows down: `A7:E7`. */
function shiftRange(range: string, by: number): string {
  return range.replace(/([A-Z]+)([0-9]+)/g, (_all, col: string, row: string) => `${col}${Number(row) + by}`);
}

// ---------------------------------------------------------------------------------------------------------------

interface Variant {
  readonly about: string;
  /** The file's name: its extension picks the reader (.html, .htm, an .xls that is a page). */
  readonly file: string;
  readonly bytes: () => Uint8Array;
  /** The same cells as a workbook. */
  readonly workbook: Fixture;
  /** `layout | header row | projects` of each table the analysis finds. */
  readonly tables: readonly string[];
}

const VARIANTS: readonly Variant[] = [
  {
    about:
      "a portal page in GBK (meta http-equiv): layout table, menu table, title lines, 单位 line, <p><span><font>",
    file: "portal.html",
    bytes: () => gbk(portalPage()),
    workbook: PORTAL,
    tables: ["project-form | 15 | 1"],
  },
];

/** The result without sheet names: a page's sheet is named after its file. */
const unsheeted = (r: FixtureResult): FixtureResult => {
  const strip = (line: string) => line.replace(/[^ |!]+!/g, "");
  return {
    tables: r.tables.map((t) => t.replace(/^[^|]+\| /, "")),
    detail: r.detail.map(strip),
    issues: r.issues.map(strip),
    marks: r.marks.map(strip),
  };
};

const dir = mkdtempSync(join(tmpdir(), "html-variants-"));

describe("target tables as real sites publish them: the page reads as the clerk sees it, and as its .xlsx", () => {
  describe.each(VARIANTS)("$about", (variant) => {
    const page = join(dir, variant.file);
    beforeAll(() => writeFileSync(page, variant.bytes()));

    test("the grid: every cell in its row and column, merged cells as Excel leaves them", async () => {
      const { grid } = await readInput(page);
      expect(grid.map(trimRow)).toEqual(shownGrid(variant.workbook));
    });

    test("the analysis: the same tables, indicators, issues and marks as the workbook's", async () => {
      const workbook = join(dir, variant.file.replace(/\.[a-z]+$/, ".xlsx"));
      await write({ ...variant.workbook, file: variant.file.replace(/\.[a-z]+$/, ".xlsx") }, dir);
      const fromPage = unsheeted(await fixtureResult(page));
      expect(fromPage.tables).toEqual(variant.tables);
      expect(fromPage.issues.filter((i) => i.startsWith("error"))).toEqual([]);
      expect(fromPage).toEqual(unsheeted(await fixtureResult(workbook)));
    });
  });
});

export type { Grid };
