/**
 * Target tables as finance-disclosure sites publish them, saved from the browser or exported by Word, Excel or a
 * system: each page is read into the grid a clerk sees when Excel opens it (every cell in its row and column,
 * merged cells as Excel leaves them, each line of text outside the tables in a row of its own), and the analysis
 * of the page is the analysis of the same cells in an .xlsx workbook.
 *
 * The markup is what such pages hold: a portal's layout table around the data table, Word's `<o:p>`, `mso-`
 * styles and `<!--[if gte mso 9]><xml>` islands, Excel's `x:num` / `x:str` cells and `<br>` inside a cell,
 * a CMS's `<caption>`, `<thead>`/`<tbody>` with a rowspan running past its `</tbody>`, GBK pages declared in
 * `<meta http-equiv>` or not declared at all, UTF-8 with a byte-order mark, a UTF-16 page named .xls, a UI kit's
 * header and body as two tables, and pages saved as one file (MHTML: Chrome's .mhtml, Excel's .mht, an .xls).
 * Every table is built here, cell by cell, from shapes the fixtures show; none is a copy of a published file.
 */
import fc from "fast-check";
import { writeFileSync } from "fs";
import { join } from "path";
import type { CellValue } from "../../src/core";
import { readHtmlTables } from "../../src/xlsx/read-html-table";
import { InputError } from "../../src/xlsx/input-error";
import { analyzeInput } from "../../src/xlsx/normalize-workbook";
import { readInput } from "../../src/xlsx/read-input";
import { sniffWorkbook } from "../../src/xlsx/sniff-workbook";
import { fixtureResult, type FixtureResult } from "../fixtures/fixture-result";
import { write, type Cell, type Fixture } from "../fixtures/make-corpus-fixtures";
import { tempFolder } from "../../testing/temp-folder";

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

/** A department's table, one row per indicator, the project's cells merged down its indicator rows (元). */
const DEPARTMENT: Fixture = {
  file: "department.xlsx",
  sheet: "Sheet1",
  rows: [
    ["2024年部门项目支出绩效目标表"],
    ["部门：某区卫生健康局\u3000\u3000\u3000\u3000金额单位：元"],
    [
      "单位名称",
      "项目名称",
      "预算数",
      "年度目标",
      "一级指标",
      "二级指标",
      "三级指标",
      "指标性质",
      "指标值",
      "度量单位",
      "权重",
      "指标方向性",
    ],
    [
      "某区疾病预防控制中心",
      "疫苗冷链设备购置",
      money(800000),
      "完成冷链设备更新",
      "产出指标",
      "数量指标",
      "购置冷藏设备",
      "≥",
      "20",
      "台",
      "20",
      "正向指标",
    ],
    [n, n, n, n, n, "质量指标", "设备验收合格率", "＝", "100", "%", "20", "正向指标"],
    [n, n, n, n, n, "时效指标", "完成采购时间", "≤", "10", "月", "10", "反向指标"],
    [n, n, n, n, "效益指标", "社会效益指标", "疫苗储存安全", "定性", "明显提升", n, "30", "正向指标"],
    [n, n, n, n, "满意度指标", "服务对象满意度指标", "接种单位满意度", "≥", "90", "%", "20", "正向指标"],
    [
      n,
      "健康宣传",
      money(200000),
      "开展健康宣传",
      "产出指标",
      "数量指标",
      "宣传活动场次",
      "≥",
      "12",
      "场",
      "50",
      "正向指标",
    ],
    [n, n, n, n, "效益指标", "社会效益指标", "居民健康知识知晓率", "≥", "92", "%", "50", "正向指标"],
  ],
  merges: ["A1:L1", "A2:L2", "A4:A10", "B4:B8", "C4:C8", "D4:D8", "E4:E6", "B9:B10", "C9:C10", "D9:D10"],
};

/**
 * Case 2: the department's table as Word saves it "as Web Page" (GB2312): an `<xml>` island in a conditional
 * comment, `<p class=MsoNormal>` in every cell with `<span lang=EN-US>` and `<o:p></o:p>`, `mso-` styles,
 * `mso-spacerun` full-width spaces, and the row of empty cells Word adds for misaligned columns.
 */
function wordPage(): string {
  const td = (cell: MarkupCell) => {
    const text = shown(cell.value);
    const span =
      text === null ? "<o:p>&nbsp;</o:p>" : `${escapeHtml(text)}<span lang=EN-US><o:p></o:p></span>`;
    return `  <td width=64${spanAttributes(cell, "")} valign=top style='width:48.0pt;border:solid windowtext 1.0pt;
  mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt'>
  <p class=MsoNormal align=center style='text-align:center'><span style='font-size:9.0pt;
  font-family:仿宋_GB2312;mso-hansi-font-family:宋体'>${span}</span></p>
  </td>`;
  };
  const rows = markupRows(DEPARTMENT, 2).map(
    (row, k) => ` <tr style='mso-yfti-irow:${k};height:15.6pt'>\n${row.map(td).join("\n")}\n </tr>`,
  );
  const spacer = ` <![if !supportMisalignedColumns]>\n <tr height=0>\n${'  <td width=64 style="border:none"></td>\n'.repeat(12)} </tr>\n <![endif]>`;
  return `<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word"
xmlns="http://www.w3.org/TR/REC-html40">

<head>
<meta http-equiv=Content-Type content="text/html; charset=gb2312">
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15">
<title>2024年部门项目支出绩效目标表</title>
<!--[if gte mso 9]><xml>
 <o:DocumentProperties>
  <o:Author>财政局</o:Author>
  <o:Pages>1</o:Pages>
 </o:DocumentProperties>
</xml><![endif]-->
<style>
<!--
 /* Style Definitions */
 p.MsoNormal {mso-style-parent:""; margin:0cm; font-size:10.5pt; font-family:"Times New Roman";}
-->
</style>
</head>

<body lang=ZH-CN style='tab-interval:21.0pt;text-justify-trim:punctuation'>

<div class=Section1 style='layout-grid:15.6pt'>

<p class=MsoNormal align=center style='text-align:center'><b><span
style='font-size:18.0pt;font-family:方正小标宋简体'>2024<span lang=EN-US>年部门项目支出绩效目标表</span><span lang=EN-US><o:p></o:p></span></span></b></p>

<p class=MsoNormal><span style='font-family:仿宋_GB2312'>部门：某区卫生健康局<span
style='mso-spacerun:yes'>\u3000\u3000\u3000\u3000</span>金额单位：元<span lang=EN-US><o:p></o:p></span></span></p>

<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0
 style='border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;
 mso-yfti-tbllook:480;mso-padding-alt:0cm 5.4pt 0cm 5.4pt'>
${rows.join("\n")}
${spacer}
</table>

<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>

</div>

</body>

</html>
`;
}

/** The department's table as Word's page shows it: the title and 部门 lines are paragraphs, not merged cells. */
const WORD: Fixture = {
  ...DEPARTMENT,
  merges: DEPARTMENT.merges.filter((m) => !m.endsWith("1") && !m.startsWith("A2")),
};

/** Guangdong's string table: one row per project, its indicators written in one cell, a line each (万元). */
const STRINGS: Fixture = {
  file: "strings.xlsx",
  sheet: "Sheet1",
  rows: [
    ["项目支出绩效目标表"],
    ["部门名称：某区文化广电旅游体育局"],
    ["单位：万元"],
    ["序号", "项目名称", "总计", "财政拨款", "其他资金", "绩效目标", "绩效指标", "备注"],
    ["合计", n, d2(1350.5), d2(1300.5), d2(50)],
    [
      "1",
      "公共文化服务体系建设",
      d2(1000.5),
      d2(1000.5),
      n,
      "完善公共文化服务设施",
      "1.1-产出指标：11-数量指标：送戏下乡场次；年度指标值：≥120场\n2.1-产出指标：12-质量指标：活动验收合格率（%）；年度指标值：100\n3.2-效益指标：22-社会效益指标：群众文化获得感；年度指标值：明显提升",
    ],
    [
      "2",
      "全民健身赛事",
      d2(350),
      d2(300),
      d2(50),
      "举办全民健身赛事",
      "1.1-产出指标：11-数量指标：赛事场次；年度指标值：≥8场\n3.2-效益指标：22-社会效益指标：参赛人数；年度指标值：≥5000人次",
      "含社会赞助",
    ],
  ],
  merges: ["A1:H1", "A2:H2", "A3:H3", "A5:B5"],
};

/**
 * Case 3: the string table as Excel saves it "as Web Page", named .xls as systems export it (GB2312): the
 * `<xml>` island naming the sheet, a `<style>` of `mso-number-format`s inside a comment, `x:num` amounts and
 * `x:str` texts, Alt+Enter line breaks as `<br style='mso-data-placement:same-cell;'/>`, `<col>` widths.
 */
function excelPage(): string {
  const td = (cell: MarkupCell) => {
    const text = shown(cell.value);
    const attrs = `${spanAttributes(cell, "")}`;
    if (text === null) return `  <td class=xl66${attrs}>&nbsp;</td>`;
    if (typeof cell.value === "object" && cell.value !== null)
      return `  <td class=xl67 align=right${attrs} x:num="${cell.value.n}">${text} </td>`;
    const body = escapeHtml(text).replace(/\n/g, "<br style='mso-data-placement:same-cell;' />");
    return `  <td class=xl65${attrs} style='white-space:normal'${text.includes("\n") ? ` x:str="${escapeHtml(text).replace(/\n/g, "&#10;")}"` : ""}>${body}</td>`;
  };
  const rows = markupRows(STRINGS).map(
    (row) =>
      ` <tr height=36 style='mso-height-source:userset;height:27.0pt'>\n${row.map(td).join("\n")}\n </tr>`,
  );
  return `<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:x="urn:schemas-microsoft-com:office:excel"
xmlns="http://www.w3.org/TR/REC-html40">

<head>
<meta http-equiv=Content-Type content="text/html; charset=gb2312">
<meta name=ProgId content=Excel.Sheet>
<meta name=Generator content="Microsoft Excel 15">
<link rel=File-List href="绩效目标表.files/filelist.xml">
<style id="绩效目标表_Styles">
<!--table
	{mso-displayed-decimal-separator:"\\.";
	mso-displayed-thousand-separator:"\\,";}
.xl65
	{mso-style-parent:style0;
	mso-number-format:"\\@";
	text-align:left;
	white-space:normal;}
.xl67
	{mso-style-parent:style0;
	mso-number-format:"0\\.00_ ";}
-->
</style>
<!--[if gte mso 9]><xml>
 <x:ExcelWorkbook>
  <x:ExcelWorksheets>
   <x:ExcelWorksheet>
    <x:Name>Sheet1</x:Name>
    <x:WorksheetOptions><x:Selected/></x:WorksheetOptions>
   </x:ExcelWorksheet>
  </x:ExcelWorksheets>
 </x:ExcelWorkbook>
</xml><![endif]-->
</head>

<body link="#0563C1" vlink="#954F72">

<table border=0 cellpadding=0 cellspacing=0 width=864 style='border-collapse:
 collapse;table-layout:fixed;width:648pt'>
 <col width=72 style='width:54pt'>
 <col width=72 span=7 style='mso-width-source:userset;width:54pt'>
${rows.join("\n")}
 <![if supportMisalignedColumns]>
 <tr height=0 style='display:none'>
  <td width=72 style='width:54pt'></td>
 </tr>
 <![endif]>
</table>

</body>

</html>
`;
}

/**
 * Case 4: a CMS page (UTF-8, `<meta charset>`): the title in `<caption>`, the year in a `<thead>` of `<th>`,
 * the form split in `<tbody>`s with the 绩效指标 rowspan running on past its `</tbody>` (as the author meant:
 * the rows below leave its column free), `colspan="0"` (one column, as browsers read it), `rowspan="0"`.
 */
function cmsPage(): string {
  const td = (cell: MarkupCell) => {
    const text = shown(cell.value);
    let attrs = spanAttributes(cell);
    if (cell.r === 8 && cell.c === 4) attrs = ' colspan="0"';
    if (cell.r === 15 && cell.c === 1) attrs = ' rowspan="0"';
    const tag = cell.r === 8 ? "th" : "td";
    return `<${tag}${attrs}>${text === null ? "" : escapeHtml(text)}</${tag}>`;
  };
  const rows = (from: number, to: number) =>
    markupRows(FORM, from, to)
      .map((row) => `<tr>${row.map(td).join("")}</tr>`)
      .join("\n");
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>项目支出绩效目标表</title><link rel="stylesheet" href="/css/article.css"></head>
<body><div class="article"><h1>某县农业农村局2024年项目支出绩效目标</h1>
<div class="content">
<table class="ke-zeroborder" border="1">
<caption>项目支出绩效目标表</caption>
<thead><tr><th colspan="5">（2024年度）</th></tr></thead>
<tbody>
${rows(2, 8)}
</tbody>
<tbody>
${rows(8, 9)}
</tbody>
<tbody>
${rows(9, 16)}
</tbody>
</table>
</div></div></body></html>
`;
}

/** The CMS page as Excel shows it: the heading line, then the form (its title the caption's row). */
const CMS: Fixture = {
  file: "cms.xlsx",
  sheet: "Sheet1",
  rows: [["某县农业农村局2024年项目支出绩效目标"], ...FORM.rows],
  merges: FORM.merges.filter((m) => m !== "A1:E1").map((range) => shiftRange(range, 1)),
};

/** A project's self-evaluation, as a township publishes it (万元). */
const SELF_EVALUATION: Fixture = {
  file: "self-evaluation.xlsx",
  sheet: "Sheet1",
  rows: [
    ["项目支出绩效自评表"],
    ["（2023年度）"],
    ["项目名称", "农村人居环境整治"],
    ["主管部门", "某镇人民政府", n, n, "实施单位", "某镇农业综合服务中心"],
    ["项目资金（万元）", n, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    [n, "年度资金总额", d2(150), d2(150), d2(142.5), "10", "95%", "9.5"],
    [n, "其中：当年财政拨款", d2(150), d2(150), d2(142.5)],
    [n, "上年结转资金"],
    [n, "其他资金"],
    ["年度总体目标", "预期目标", n, n, n, "实际完成情况"],
    [n, "完成12个村人居环境整治，改善村容村貌。", n, n, n, "完成12个村人居环境整治，村容村貌明显改善。"],
    [
      "绩效指标",
      "一级指标",
      "二级指标",
      "三级指标",
      "年度指标值",
      "实际完成值",
      "分值",
      "得分",
      "偏差原因分析及改进措施",
    ],
    [n, "产出指标", "数量指标", "整治村庄数量", "≥12个", "12个", "20", "20"],
    [n, n, "质量指标", "整治验收合格率", "≥95%", "100%", "20", "20"],
    [n, n, "时效指标", "完成时间", "2023年12月前", "2023年11月", "20", "20"],
    [n, "效益指标", "社会效益指标", "村容村貌改善", "明显改善", "明显改善", "20", "20"],
    [n, "满意度指标", "服务对象满意度指标", "村民满意度", "≥90%", "93%", "10", "10"],
    ["总分", n, n, n, n, n, "100", "99.5"],
  ],
  merges: [
    "A1:I1",
    "A2:I2",
    "B3:I3",
    "B4:D4",
    "F4:I4",
    "A5:A9",
    "A10:A11",
    "B10:E10",
    "F10:I10",
    "B11:E11",
    "F11:I11",
    "A12:A17",
    "B13:B15",
    "A18:F18",
  ],
};

/**
 * Case 5: the self-evaluation saved from a site that declares no charset at all (GBK bytes), `<td>&nbsp;</td>`
 * for every empty cell, amounts with a trailing `&nbsp;`, and the 绩效指标 rowspan running past the table's end
 * (rowspan="9" over six rows: the site counted rows it later deleted), then the 总分 row in a second table.
 */
function undeclaredPage(): string {
  const td = (cell: MarkupCell) => {
    const text = shown(cell.value);
    const attrs = cell.r === 11 && cell.c === 0 ? ' rowspan="9"' : spanAttributes(cell);
    return `<td${attrs}>${text === null ? "&nbsp;" : `${escapeHtml(text)}${typeof cell.value === "object" ? "&nbsp;" : ""}`}</td>`;
  };
  const rows = (from: number, to: number) =>
    markupRows(SELF_EVALUATION, from, to)
      .map((row) => `<tr>${row.map(td).join("")}</tr>`)
      .join("\r\n");
  return `<html><head><title>项目支出绩效自评表</title></head><body>\r\n<table border=1 cellspacing=0>\r\n${rows(0, 17)}\r\n</table>\r\n<table border=1 cellspacing=0>\r\n${rows(17, 18)}\r\n</table>\r\n</body></html>\r\n`;
}

/** The undeclared page as Excel shows it: the 总分 row a table of its own, a blank row above it. */
const UNDECLARED: Fixture = {
  ...SELF_EVALUATION,
  rows: [...SELF_EVALUATION.rows.slice(0, 17), [], ...SELF_EVALUATION.rows.slice(17)],
  merges: SELF_EVALUATION.merges.map((m) => (m === "A18:F18" ? "A19:F19" : m)),
};

/**
 * Case 6: the string table from a rich-text editor (UEditor), UTF-8 with a byte-order mark: `<th>` in a
 * `<thead>`, each indicator of the 绩效指标 cell its own `<p>`, amounts `1,350.50` with blanks around them,
 * `<td>&nbsp;</td>` and `<td><br></td>` for empty cells.
 */
function editorPage(): string {
  const td = (cell: MarkupCell) => {
    const text = shown(cell.value);
    const style = ' valign="top" style="word-break: break-all;"';
    if (text === null)
      return `<td${spanAttributes(cell)}${style}>${cell.c % 2 === 0 ? "&nbsp;" : "<br/>"}</td>`;
    const body = text
      .split("\n")
      .map((line) => `<p style="text-indent:0em">${escapeHtml(line)}</p>`)
      .join("");
    const number = typeof cell.value === "object" ? ` ${text.replace(/\B(?=(\d{3})+\.)/g, ",")}  ` : null;
    return `<td${spanAttributes(cell)}${style}>${number ?? body}</td>`;
  };
  const head = markupRows(EDITOR, 3, 4)[0]!.map((cell) => `<th>${escapeHtml(String(cell.value))}</th>`);
  const body = markupRows(EDITOR, 4).map(
    (row, k) => `<tr${k === 0 ? ' class="firstRow"' : ""}>${row.map(td).join("")}</tr>`,
  );
  return `<!DOCTYPE html><html><head><meta charset="UTF-8"><title>附件</title></head><body>
<p style="text-align: center;"><strong><span style="font-size: 20px;">项目支出绩效目标表</span></strong></p>
<p>部门名称：某区文化广电旅游体育局</p><p style="text-align: right;">单位：万元</p>
<table data-sort="sortDisabled" width="100%"><thead><tr>${head.join("")}</tr></thead><tbody>
${body.join("\n")}
</tbody></table><p><br/></p></body></html>`;
}

/** The editor's page as Excel shows it: the title, 部门 and 单位 lines are paragraphs, amounts with separators. */
const EDITOR: Fixture = {
  ...STRINGS,
  rows: STRINGS.rows.map((row) => row.map((v) => (typeof v === "object" && v !== null ? money(v.n) : v))),
  merges: ["A5:B5"],
};

/** Case 7: the form as Excel saves "Web Page" with the Unicode encoding (UTF-16, a byte-order mark), named .xls. */
function unicodePage(): string {
  const td = (cell: MarkupCell) => {
    const text = shown(cell.value);
    return `<td${spanAttributes(cell, "")}${typeof cell.value === "object" && cell.value !== null ? ` x:num="${cell.value.n}"` : ""}>${text === null ? "" : escapeHtml(text)}</td>`;
  };
  const rows = markupRows(FORM).map((row) => ` <tr height=19>\n  ${row.map(td).join("\n  ")}\n </tr>`);
  return `<html xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:x="urn:schemas-microsoft-com:office:excel"
xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv=Content-Type content="text/html; charset=unicode">
<meta name=ProgId content=Excel.Sheet>
</head>
<body>
<table x:str border=0 cellpadding=0 cellspacing=0>
${rows.join("\n")}
</table>
</body>
</html>
`;
}

/**
 * Case 8: two forms on one page, each a `<div>` with its title and 单位 lines above it, the first one's 年度绩效目标
 * written as a small table inside its cell (a goal a row), which is that cell's text, a line a row.
 */
function twoFormsPage(): string {
  const td = (cell: MarkupCell) => {
    const text = shown(cell.value);
    if (text !== null && text.includes("\n"))
      return `<td${spanAttributes(cell)}><table class="inner" width="100%">${text
        .split("\n")
        .map((line) => `<tr><td>${escapeHtml(line)}</td></tr>`)
        .join("")}</table></td>`;
    return `<td${spanAttributes(cell)}>${text === null ? "" : escapeHtml(text)}</td>`;
  };
  const table = (fixture: Fixture) =>
    `<table border="1">${markupRows(fixture)
      .map((row) => `<tr>${row.map(td).join("")}</tr>`)
      .join("\n")}</table>`;
  return `<html><head><meta http-equiv="content-type" content="text/html;charset=utf-8"></head><body>
<div class="form"><p>附件1</p><p>单位：万元</p>${table(FIRST_FORM)}</div>
<div class="form"><p>附件2</p><p>单位：万元</p>${table(SECOND_FORM)}</div>
</body></html>`;
}

/** The first of the two forms: its goal in two lines. */
const FIRST_FORM: Fixture = {
  ...FORM,
  rows: FORM.rows.map((row, r) =>
    r === 7 ? ["年度绩效目标", "目标1：完成高标准农田建设1.2万亩。\n目标2：提高粮食综合生产能力。"] : row,
  ),
};

/** The second form: another project of the bureau. */
const SECOND_FORM: Fixture = {
  ...FORM,
  rows: FORM.rows.map((row, r) =>
    r === 2
      ? ["项目名称", "农机购置补贴"]
      : r === 4
        ? ["项目资金（万元）", "年度资金总额", money(500)]
        : r === 5
          ? [n, "其中：财政拨款", money(500)]
          : r === 6
            ? [n, "其他资金", money(0)]
            : row,
  ),
};

/** The two forms as Excel shows the page: each form's 附件 and 单位 lines above it. */
const TWO_FORMS: Fixture = {
  file: "two-forms.xlsx",
  sheet: "Sheet1",
  rows: [["附件1"], ["单位：万元"], ...FIRST_FORM.rows, ["附件2"], ["单位：万元"], ...SECOND_FORM.rows],
  merges: [
    ...FORM.merges.map((range) => shiftRange(range, 2)),
    ...FORM.merges.map((range) => shiftRange(range, 4 + FORM.rows.length)),
  ],
};

/** Quoted-printable (RFC 2045): printable ASCII but `=` as is, other bytes `=XX`, lines of at most 76. */
function quotedPrintable(bytes: Uint8Array): string {
  let out = "";
  let line = "";
  for (const b of bytes) {
    const piece =
      b === 0x0a
        ? "\n"
        : b !== 0x3d && b >= 0x20 && b < 0x7f
          ? String.fromCharCode(b)
          : `=${b.toString(16).toUpperCase().padStart(2, "0")}`;
    if (piece === "\n") {
      out += `${line}\r\n`;
      line = "";
      continue;
    }
    if (line.length + piece.length > 75) {
      out += `${line}=\r\n`;
      line = "";
    }
    line += piece;
  }
  return out + line;
}

/**
 * Case 9: the portal page saved by Chrome as "网页，单个文件" (.mhtml): MIME headers, the page as UTF-8 in
 * quoted-printable (Chrome rewrites its charset), then its images as parts of their own.
 */
function chromeMhtml(): Uint8Array {
  const page = portalPage().replace('charset=gb2312" /', 'charset=UTF-8" /');
  const boundary = "----MultipartBoundary--q1zdN0R8WOkKf3ZmWbVL8ZHc2Yy6wDxc4dVqJ5ptIr----";
  return utf8(
    [
      "From: <Saved by Blink>",
      "Snapshot-Content-Location: http://www.example.gov.cn/zwgk/czyjs/202402/t20240205_1.html",
      "Subject: =?utf-8?Q?=E6=9F=90=E5=8E=BF?=",
      "Date: Mon, 5 Feb 2024 09:00:00 +0800",
      "MIME-Version: 1.0",
      "Content-Type: multipart/related;",
      '\ttype="text/html";',
      `\tboundary="${boundary}"`,
      "",
      "",
      `--${boundary}`,
      "Content-Type: text/html",
      "Content-ID: <frame-4F1C0D7A@mhtml.blink>",
      "Content-Transfer-Encoding: quoted-printable",
      "Content-Location: http://www.example.gov.cn/zwgk/czyjs/202402/t20240205_1.html",
      "",
      quotedPrintable(utf8(page)),
      `--${boundary}`,
      "Content-Type: image/jpeg",
      "Content-Transfer-Encoding: base64",
      "Content-Location: http://www.example.gov.cn/images/banner.jpg",
      "",
      "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8U",
      `--${boundary}--`,
      "",
    ].join("\r\n"),
  );
}

/**
 * Case 10: the department's table as Excel saves "单个文件网页" (.mht), one sheet: MIME-Version first, the sheet
 * in GB2312 quoted-printable; and the same bytes a system exported as .xls with the page in base64.
 */
function excelMht(transfer: "quoted-printable" | "base64"): Uint8Array {
  const page = wordPage();
  const boundary = "----=_NextPart_01DA5A2B.8C3F6E10";
  const body =
    transfer === "base64"
      ? Buffer.from(gbk(page)).toString("base64").replace(/.{76}/g, "$&\r\n")
      : quotedPrintable(gbk(page));
  const head = [
    "MIME-Version: 1.0",
    "X-Document-Type: Worksheet",
    `Content-Type: multipart/related; boundary="${boundary}"`,
    "",
    "此文档为“单个文件网页”，也称为“Web 档案”文件。",
    "",
    `--${boundary}`,
    "Content-Location: file:///C:/8C3F6E10/department.htm",
    `Content-Transfer-Encoding: ${transfer}`,
    'Content-Type: text/html; charset="gb2312"',
    "",
    "",
  ].join("\r\n");
  const tail = `\r\n\r\n--${boundary}\r\nContent-Location: file:///C:/8C3F6E10/department.files/filelist.xml\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Type: text/xml; charset="utf-8"\r\n\r\n<xml xmlns:o=3D"urn:schemas-microsoft-com:office:office">\r\n</xml>\r\n--${boundary}--\r\n`;
  const parts = [gbk(head), utf8(body), utf8(tail)];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * Case 11: the string table on a disclosure platform built with a UI kit (element-ui, layui): the header row and
 * the body are two tables (`el-table__header`, `el-table__body`) with their own `<colgroup>`, the cells' text in
 * `<div class="cell">`, the title lines in `<div>`s above.
 */
function uiKitPage(): string {
  const td = (cell: MarkupCell) => {
    const text = shown(cell.value);
    return `<td${spanAttributes(cell)} class="el-table_1_column_${cell.c + 1}"><div class="cell">${text === null ? "" : escapeHtml(text).replace(/\n/g, "<br>")}</div></td>`;
  };
  const rows = (from: number, to?: number) =>
    markupRows(STRINGS, from, to)
      .map((row) => `<tr class="el-table__row">${row.map(td).join("")}</tr>`)
      .join("");
  const cols = `<colgroup>${'<col width="120">'.repeat(8)}</colgroup>`;
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>预算公开平台</title><link href="/static/css/app.css" rel="stylesheet"></head>
<body><div id="app"><div class="page-title">项目支出绩效目标表</div><div class="sub">部门名称：某区文化广电旅游体育局</div><div class="sub">单位：万元</div>
<div class="el-table el-table--border"><div class="el-table__header-wrapper"><table cellspacing="0" cellpadding="0" border="0" class="el-table__header">${cols}<thead><tr>${markupRows(
    STRINGS,
    3,
    4,
  )[0]!
    .map((cell) => `<th class="is-leaf"><div class="cell">${escapeHtml(String(cell.value))}</div></th>`)
    .join("")}</tr></thead></table></div>
<div class="el-table__body-wrapper"><table cellspacing="0" cellpadding="0" border="0" class="el-table__body">${cols}<tbody>${rows(4)}</tbody></table></div></div></div>
<script src="/static/js/app.js"></script></body></html>`;
}

/** The UI kit's page as Excel shows it: the header table and the body table a blank row apart. */
const UI_KIT: Fixture = {
  ...STRINGS,
  rows: [...STRINGS.rows.slice(0, 4), [], ...STRINGS.rows.slice(4)],
  merges: ["A6:B6"],
};

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
  {
    about:
      "a department table Word saved as a web page (.htm, GB2312): <o:p>, mso- styles, <xml> island, spacer row",
    file: "department.htm",
    bytes: () => gbk(wordPage()),
    workbook: WORD,
    tables: ["department-columns | 3 | 2"],
  },
  {
    about:
      "a string table Excel saved as a web page, named .xls (GB2312): x:num, x:str, <br> in a cell, <col>",
    file: "strings.xls",
    bytes: () => gbk(excelPage()),
    workbook: STRINGS,
    tables: ["guangdong-string | 4 | 2"],
  },
  {
    about:
      "a CMS page (UTF-8 <meta charset>): <caption>, <thead>/<th>, a rowspan past </tbody>, colspan=0, rowspan=0",
    file: "cms.html",
    bytes: () => utf8(cmsPage()),
    workbook: CMS,
    tables: ["project-form | 10 | 1"],
  },
  {
    about:
      "a self-evaluation page with no charset (GBK): &nbsp; cells, a rowspan past the table's end, 总分 apart",
    file: "self-evaluation.html",
    bytes: () => gbk(undeclaredPage()),
    workbook: UNDECLARED,
    tables: ["self-evaluation-form | 12 | 1"],
  },
  {
    about:
      "a string table from a rich-text editor (UTF-8 with BOM): <thead><th>, <p> per indicator, 1,350.50",
    file: "strings.html",
    bytes: () => utf8WithBom(editorPage()),
    workbook: EDITOR,
    tables: ["guangdong-string | 4 | 2"],
  },
  {
    about: "a form Excel saved as a Unicode web page (UTF-16 with BOM), named .xls",
    file: "form-unicode.xls",
    bytes: () => utf16le(unicodePage()),
    workbook: FORM,
    tables: ["project-form | 9 | 1"],
  },
  {
    about:
      "two forms on one page, each with its 附件 and 单位 lines, a goal written as a table inside its cell",
    file: "two-forms.html",
    bytes: () => utf8(twoFormsPage()),
    workbook: TWO_FORMS,
    tables: ["project-form | 11 | 1", "project-form | 29 | 1"],
  },
  {
    about:
      "a string table on a UI-kit platform (element-ui): header and body two tables, <div class=cell>, <colgroup>",
    file: "ui-kit.html",
    bytes: () => utf8(uiKitPage()),
    workbook: UI_KIT,
    tables: ["guangdong-string | 4 | 2"],
  },
  {
    about: "the portal page saved by Chrome as one file (.mhtml: quoted-printable UTF-8, an image part)",
    file: "portal.mhtml",
    bytes: chromeMhtml,
    workbook: PORTAL,
    tables: ["project-form | 15 | 1"],
  },
  {
    about: "the department table as Excel's single-file web page (.mht, GB2312 quoted-printable)",
    file: "department.mht",
    bytes: () => excelMht("quoted-printable"),
    workbook: WORD,
    tables: ["department-columns | 3 | 2"],
  },
  {
    about: "a system's export that is a single-file web page named .xls (base64)",
    file: "department-export.xls",
    bytes: () => excelMht("base64"),
    workbook: WORD,
    tables: ["department-columns | 3 | 2"],
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

const dir = tempFolder("html-variants-");

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

describe("readHtmlTables: the structures behind those pages, one at a time", () => {
  test.each<[string, string, CellValue[][]]>([
    [
      "a second caption (as tag soup writes it) keeps its words after the first",
      "<table><caption><caption>项目</table>",
      [["项目"]],
    ],
    [
      "a rowspan past </tbody> keeps covering when the rows below leave its column free",
      "<table><tbody><tr><td rowspan=3>绩效指标</td><td>一级</td><td>三级</td></tr></tbody>" +
        "<tbody><tr><td>产出</td><td>面积</td></tr><tr><td>效益</td><td>增产</td></tr></tbody></table>",
      [
        ["绩效指标", "一级", "三级"],
        [null, "产出", "面积"],
        [null, "效益", "增产"],
      ],
    ],
    [
      "a rowspan past </tbody> stops where the rows below fill the table without it (as a browser shows them)",
      "<table><tbody><tr><td rowspan=4>项目资金</td><td>总额</td><td>100</td></tr><tr><td>拨款</td><td>100</td></tr></tbody>" +
        "<tbody><tr><td>年度目标</td><td>完成</td><td>x</td></tr></tbody></table>",
      [
        ["项目资金", "总额", "100"],
        [null, "拨款", "100"],
        ["年度目标", "完成", "x"],
      ],
    ],
    [
      "rowspan=0 runs to the end of its row group, and no further",
      "<table><tbody><tr><td rowspan=0>产出</td><td>a</td></tr><tr><td>b</td></tr></tbody>" +
        "<tbody><tr><td>效益</td><td>c</td></tr></tbody></table>",
      [
        ["产出", "a"],
        [null, "b"],
        ["效益", "c"],
      ],
    ],
    [
      "a plugin's data-colspan is not the cell's span; blanks inside the quotes are",
      '<table><tr><td data-colspan="3" colspan="1">a</td><td rowspan=" 2">b</td><td>c</td></tr><tr><td>d</td><td>e</td></tr></table>',
      [
        ["a", "b", "c"],
        ["d", null, "e"],
      ],
    ],
    [
      "text in a table but in no cell is a row above the table, where a browser shows it",
      "<table>注：单位为万元<caption>绩效目标表</caption><tr><td>a</td></tr></table>",
      [["注：单位为万元"], ["绩效目标表"], ["a"]],
    ],
    [
      "a caption left open ends at the first row, or at the table's end, its text kept",
      "<table><caption>绩效目标表<tr><td>a</td></tr></table><table><caption>单位：万元</table>",
      [["绩效目标表"], ["a"], [], ["单位：万元"]],
    ],
    ["colspan=0 is one column", "<table><tr><td colspan=0>a</td><td>b</td></tr></table>", [["a", "b"]]],
    [
      "<caption> is the table's first row, wherever it is written",
      "<table><tr><td>项目名称</td></tr><caption>项目支出<br>绩效目标表</caption></table>",
      [["项目支出\n绩效目标表"], ["项目名称"]],
    ],
    [
      "a layout table is looked through: its cells' lines and the data table in one of them",
      "<table><tr><td>导航</td><td><p>单位：万元</p><table><tr><td>项目名称</td><td>a</td></tr><tr><td>b</td><td>c</td></tr></table></td></tr></table>",
      [["导航"], ["单位：万元"], ["项目名称", "a"], ["b", "c"]],
    ],
    [
      "a layout table with more cells than the table in it (a footer of links) is looked through all the same",
      "<table><tr><td><table>" +
        "<tr><td>项目名称</td><td>a</td><td>b</td><td>c</td><td>d</td></tr>".repeat(5) +
        "</table></td></tr><tr>" +
        "<td>链接</td>".repeat(30) +
        "</tr></table>",
      [
        ...Array.from({ length: 5 }, () => ["项目名称", "a", "b", "c", "d"]),
        ...Array.from({ length: 30 }, () => ["链接"]),
      ],
    ],
    [
      "a cell's lines as a browser shows them: a <br> before its paragraph's end makes no empty line, <p>&nbsp;</p> does",
      "<table><tr><td><p>1.产出指标<br/></p><p>2.效益指标<br></p></td>" +
        "<td><div>（1）数量</div><div><br></div><div>（2）质量</div></td><td><p>目标1</p><p>&nbsp;</p><p>目标2</p></td></tr></table>",
      [["1.产出指标\n2.效益指标", "（1）数量\n\n（2）质量", "目标1\n\n目标2"]],
    ],
    [
      "a small table inside a data table's cell is that cell's text",
      "<table><tr><td>目标</td><td><table><tr><td>目标1</td></tr><tr><td>目标2</td></tr></table></td></tr><tr><td>a</td><td>b</td></tr></table>",
      [
        ["目标", "目标1\n目标2"],
        ["a", "b"],
      ],
    ],
    [
      "Word's and Excel's head: the <xml> island, the window title, a style in a comment: no text of theirs",
      "<head><title>表</title><!--[if gte mso 9]><xml><x:Name>Sheet1</x:Name></xml><![endif]--><xml><o:Pages>1</o:Pages></xml>" +
        '<style><!--td{mso-number-format:"\\@"}--></style></head><body><p class=MsoNormal>单位：元<o:p></o:p></p><table><tr><td>a</td></tr></table></body>',
      [["单位：元"], ["a"]],
    ],
  ])("%s", (_about, html, grid) => {
    expect(readHtmlTables(html)).toEqual(grid);
  });
});

describe("no cell lost or shifted, whatever the markup around the cells", () => {
  /** A cell's text: words, amounts, signs a page must escape, a line break inside. */
  const text = fc
    .array(fc.constantFrom("项目", "≥90%", "1,234.56", "<5", "&", "a b", "万元", "\n"), {
      minLength: 1,
      maxLength: 3,
    })
    .map((parts) => parts.join("").replace(/^\n+|\n+$/g, ""))
    .filter((t) => t !== "");
  /** A grid and merged ranges that do not overlap, a range's other cells empty. */
  const table = fc
    .record({
      rows: fc.integer({ min: 1, max: 7 }),
      columns: fc.integer({ min: 1, max: 6 }),
      cells: fc.array(fc.option(text, { nil: null }), { minLength: 42, maxLength: 42 }),
      merges: fc.array(
        fc.record({
          r: fc.nat(6),
          c: fc.nat(5),
          h: fc.integer({ min: 1, max: 4 }),
          w: fc.integer({ min: 1, max: 3 }),
        }),
        { maxLength: 4 },
      ),
      groups: fc.array(fc.nat(6), { maxLength: 3 }),
      wrap: fc.constantFrom("plain", "word", "cms", "layout"),
    })
    .map(({ rows, columns, cells, merges, groups, wrap }) => {
      const grid: (string | null)[][] = [];
      for (let r = 0; r < rows; r++) grid.push(cells.slice(r * 6, r * 6 + columns));
      const taken = new Set<string>();
      const ranges: string[] = [];
      const name = (r: number, c: number) => `${String.fromCharCode(65 + c)}${r + 1}`;
      for (const m of merges) {
        const bottom = Math.min(rows, m.r + m.h) - 1;
        const right = Math.min(columns, m.c + m.w) - 1;
        if (m.r >= rows || m.c >= columns || (bottom === m.r && right === m.c)) continue;
        let free = true;
        for (let r = m.r; r <= bottom; r++)
          for (let c = m.c; c <= right; c++) if (taken.has(`${r},${c}`)) free = false;
        if (!free) continue;
        for (let r = m.r; r <= bottom; r++)
          for (let c = m.c; c <= right; c++) {
            taken.add(`${r},${c}`);
            if (r !== m.r || c !== m.c) grid[r]![c] = null;
          }
        ranges.push(`${name(m.r, m.c)}:${name(bottom, right)}`);
      }
      return { fixture: { file: "p.xlsx", sheet: "S", rows: grid, merges: ranges } as Fixture, groups, wrap };
    });

  /** The table's markup in one of the dialects above; `<tbody>` breaks before the rows in `groups`. */
  function page({ fixture, groups, wrap }: { fixture: Fixture; groups: number[]; wrap: string }): string {
    const body = (t: string) =>
      escapeHtml(t)
        .split("\n")
        .map((line) =>
          wrap === "word"
            ? `<p class=MsoNormal><span lang=EN-US style='mso-bidi-font-size:10.5pt'>${line}<o:p></o:p></span></p>`
            : wrap === "cms"
              ? `<p><span style="font-family:宋体"><font size="2">&nbsp;${line}&nbsp;</font></span></p>`
              : line,
        )
        .join(wrap === "plain" || wrap === "layout" ? "<br>" : "");
    const rows = markupRows(fixture).map((row, k) => {
      const cells = row.map((cell) => {
        const t = shown(cell.value);
        return `<td${spanAttributes(cell)}>${t === null ? "&nbsp;" : body(t)}</td>`;
      });
      return `${groups.includes(k) && k > 0 ? "</tbody><tbody>" : ""}<tr>${cells.join("")}</tr>`;
    });
    const data = `<table border=1><tbody>${rows.join("\n")}</tbody></table>`;
    return wrap === "layout"
      ? `<table><tr><td><table><tr><td><a>首页</a></td></tr></table></td><td>${data}</td></tr></table>`
      : `<html><body>${data}</body></html>`;
  }

  test("a grid with merged ranges, written as any page writes it, reads back as that grid", () => {
    fc.assert(
      fc.property(table, (t) => {
        // A table of one or two cells in a frame of two is the frame's text (findLayoutTables): forms are larger.
        fc.pre(t.wrap !== "layout" || markupRows(t.fixture).flat().length > 2);
        const read = readHtmlTables(page(t)).map(trimRow);
        const expected = shownGrid(t.fixture);
        while (expected.length > 0 && expected[expected.length - 1]!.length === 0) expected.pop();
        expect(t.wrap === "layout" ? read.slice(2) : read).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});

test.each<[string, string]>([
  ["部门：某区卫生健康局\u3000\u3000\u3000\u3000金额单位：元", "某区卫生健康局"],
  ["部门：某区卫生健康局 单位：万元", "某区卫生健康局"],
  ["部门名称： 某区卫生健康局（本级）  填报日期：2024-01-05", "某区卫生健康局（本级）"],
  ["部门：某区卫生健康局", "某区卫生健康局"],
])(
  "the line above the table %j names the department %j, not the labels after it",
  async (line, department) => {
    const page = join(dir, "department-line.htm");
    writeFileSync(
      page,
      gbk(
        wordPage().replace(
          "部门：某区卫生健康局<span\nstyle='mso-spacerun:yes'>\u3000\u3000\u3000\u3000</span>金额单位：元",
          line,
        ),
      ),
    );
    const input = await readInput(page);
    expect(input.grid[1]).toEqual([line.replace(/ {2,}/g, " ")]);
    expect(analyzeInput(input, { locale: "zh-CN" }).table?.department).toBe(department);
  },
);

test("a page wider than Excel (spans of 1000 columns) is refused as too wide, fast, no cell dropped unseen", async () => {
  const page = join(dir, "wide.html");
  writeFileSync(
    page,
    `<table><tr>${"<td rowspan=1000 colspan=1000>x</td>".repeat(50)}</tr>${"<tr><td>y</td></tr>".repeat(1000)}</table>`,
  );
  const error = await readInput(page).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InputError);
  expect((error as InputError).message).toMatch(/column|列/);
});

test("any tag soup reads without a throw, and every word of a page without nested tables is in the grid (text in a table but in no cell above it, where a browser shows it)", () => {
  const piece = fc.constantFrom(
    "<table>",
    "</table>",
    "<tr>",
    "</tr>",
    "<td>",
    "</td>",
    "<th colspan=2>",
    "<td rowspan=0>",
    "<td rowspan=3>",
    "<tbody>",
    "</tbody>",
    "<thead>",
    "<caption>",
    "</caption>",
    "<br>",
    "<p>",
    "</p>",
    "<!--x-->",
    "<script>",
    "</script>",
    "<xml>",
    "</xml>",
    "&nbsp;",
    "项目",
    "指标",
    "<![if x]>",
    "<![endif]>",
    "<o:p>",
    "</o:p>",
  );
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
      const html = pieces.join("");
      const grid = readHtmlTables(html);
      const text = grid.flat().join("");
      // A page with no script, island or table nested in a table: every word is read somewhere.
      if (!/<script>|<xml>/.test(html)) {
        let depth = 0;
        let nested = false;
        for (const p of pieces) {
          if (p === "<table>") nested ||= ++depth > 1;
          if (p === "</table>") depth = Math.max(0, depth - 1);
        }
        if (!nested) expect(text.split("项目").length).toBe(html.split("项目").length);
      }
    }),
    { numRuns: 500 },
  );
});

test("a damaged single-file page is read as far as it goes or refused in a sentence, never a crash", async () => {
  const whole = excelMht("base64");
  // Cuts in the page's base64 body most of all: a body cut after 4n+1 digits is no whole base64.
  const body = Buffer.from(whole).indexOf("\r\n\r\n", Buffer.from(whole).indexOf("base64")) + 4;
  await fc.assert(
    fc.asyncProperty(
      fc.nat(whole.length - 1),
      fc.nat(255),
      fc.integer({ min: body, max: body + 400 }),
      async (at, byte, cut) => {
        const bytes = whole.slice(0, cut);
        if (at < bytes.length) bytes[at] = byte;
        const page = join(dir, "damaged.mht");
        writeFileSync(page, bytes);
        const result = await readInput(page).catch((e: unknown) => e);
        if (!(result instanceof InputError))
          expect(Array.isArray((result as { grid?: unknown }).grid)).toBe(true);
      },
    ),
    { numRuns: 100 },
  );
});

describe("what an .xls holds, told by its bytes: the web pages systems and Excel save under that name", () => {
  test.each<[string, Uint8Array]>([
    [
      "Excel's Unicode web page (UTF-16 LE with BOM)",
      utf16le('<html xmlns:x="urn:schemas-microsoft-com:office:excel">'),
    ],
    [
      "the same, big-endian",
      Uint8Array.from([0xfe, 0xff, 0, 0x3c, 0, 0x68, 0, 0x74, 0, 0x6d, 0, 0x6c, 0, 0x3e]),
    ],
    [
      "a system's export opening with its style",
      utf8('<style>td{mso-number-format:"\\@";}</style>\n<table><tr><td>项目名称</td></tr></table>'),
    ],
    [
      "an export opening with the window title",
      gbk("<title>项目支出绩效目标表</title><table><tr><td>项目名称</td></tr></table>"),
    ],
  ])("%s", (_about, bytes) => {
    expect(sniffWorkbook(bytes)).toBe("html");
  });
});
