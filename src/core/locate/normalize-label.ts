/**
 * One label normaliser for every layout: a header or form label as real tables write it → the key the
 * vocabulary (vocabulary.ts) is matched on. Real tables word, space, number and decorate every label
 * differently (../shared/corpus): `总 体 目 标`, `★项目名称`, `*指标值`, `年度资金总额:`, `一、项目名称`,
 * `产出指标(50分)`, `主管部门(单位)名称`, `项目资金(万元)`, `二级指标⏎` all name one thing each.
 *
 * Steps, in order:
 * 1. compatibility folding (NFKC for the characters labels use, done by table so that IE11, which has no
 *    String#normalize, gives the same key): full-width ASCII `：（）＊１` → `:()*1`, small forms `﹕﹦`, circled
 *    and parenthesised numbers `①⑴` → `1(1)`, `㈠` → `(一)`;
 * 2. every whitespace removed (spaces between letters, line breaks, NBSP, U+3000);
 * 3. markers: `★ ☆ * ※ ● ◆ ▲ △ √ □ ■` anywhere, `(必填)` / `(选填)`;
 * 4. leading numbering: `一、` `1.` `1、` `(一)` `(1)` `第一` `1)`;
 * 5. every bracketed part: `(万元)` `(元)` `(%)` `(50分)` `(单位)` `(盖章)` `(或计划水平)`;
 * 6. a trailing colon.
 * The bracketed parts are kept apart (`remarks`), so that a unit written in a label (`项目资金（万元）`) is not lost.
 */

/** Full-width and compatibility forms → what NFKC makes of them, for the code points labels use. */
function foldChar(code: number): string | null {
  // Full-width ASCII ！..～ → ! .. ~ (`：` → `:`, `（` → `(`, `１` → `1`).
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  // Small form variants, as some fonts and OCR write them: ﹐﹑﹒﹔﹕﹖﹗ ﹙﹚ ﹝﹞ ﹟﹠﹡﹢﹣﹤﹥﹦ ﹨﹩﹪﹫.
  const small = SMALL_FORMS[code - 0xfe50];
  if (code >= 0xfe50 && code <= 0xfe6b && small !== undefined && small !== "") return small;
  // ① .. ⑳ → 1 .. 20; ⑴ .. ⒇ → (1) .. (20); ⒈ .. ⒛ → 1. .. 20.
  if (code >= 0x2460 && code <= 0x2473) return String(code - 0x2460 + 1);
  if (code >= 0x2474 && code <= 0x2487) return `(${code - 0x2474 + 1})`;
  if (code >= 0x2488 && code <= 0x249b) return `${code - 0x2488 + 1}.`;
  // ㈠ .. ㈩ → (一) .. (十).
  if (code >= 0x3220 && code <= 0x3229) return `(${CHINESE_DIGITS[code - 0x3220]!})`;
  if (code === 0x3000) return " ";
  return null;
}

const SMALL_FORMS: readonly string[] = [
  ",",
  "、",
  ".",
  "",
  ";",
  ":",
  "?",
  "!",
  "—",
  "(",
  ")",
  "{",
  "}",
  "〔",
  "〕",
  "#",
  "&",
  "*",
  "+",
  "-",
  "<",
  ">",
  "=",
  "",
  "\\",
  "$",
  "%",
  "@",
];
const CHINESE_DIGITS = "一二三四五六七八九十";

/** NFKC for the characters of labels and values (see foldChar), the same in every engine. */
export function foldCompatibility(text: string): string {
  let out: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const folded = foldChar(text.charCodeAt(i));
    if (folded === null) {
      if (out !== null) out += text[i];
      continue;
    }
    if (out === null) out = text.slice(0, i);
    out += folded;
  }
  return out ?? text;
}

// Whitespace of any kind, including line breaks inside a cell and NBSP: `总 体 目 标`, `产出⏎指标`.
const WHITESPACE = /[\s\u00a0\u3000\u200b\ufeff]+/g;
// Markers a form puts on a label: `★项目名称`, `*指标值`, `※`, a ticked or empty box `√ □`.
const MARKERS = /[★☆*※●◆▲△■□√✔✓]/g;
// A required/optional remark: `(必填)`, `(选填)`, `(必录)`.
const REQUIRED = /\((?:必填|选填|必录|必选|可选)\)/g;
// Leading numbering: `一、` `十二、` `1.` `1、` `12)` `(一)` `(1)` `第一` `第1` — e.g. `一、项目名称`, `(二)总体目标`.
const NUMBERING =
  /^(?:\([0-9一二三四五六七八九十]{1,3}\)|[0-9]{1,3}[.、)]|[一二三四五六七八九十]{1,3}[、.]|第[0-9一二三四五六七八九十]{1,3}[、.:]?)/;
// A bracketed part: `(万元)`, `(50分)`, `(单位)` — the innermost first, so `(含(项目)概况)` goes in two passes.
const BRACKETED = /\(([^()]*)\)/g;
// Square brackets that hold a code before a name are not remarks (`[077]淮北市…` is a value, not a label).
const TRAILING_COLON = /[:：]+$/;

/** A label normalised: its key, and the bracketed remarks taken out of it (`万元`, `50分`, `%`). */
export interface NormalizedLabel {
  readonly key: string;
  readonly remarks: readonly string[];
}

/**
 * A label → its key and remarks. `总 体 目 标` → 总体目标; `★项目名称:` → 项目名称; `一、项目资金（万元）` →
 * 项目资金 with remark 万元; `产出指标(50分)` → 产出指标 with remark 50分; `*评(扣)分标准` → 评分标准 (a remark 扣).
 */
export function normalizeLabel(text: string): NormalizedLabel {
  let key = foldCompatibility(text).replace(WHITESPACE, "").replace(REQUIRED, "").replace(MARKERS, "");
  const remarks: string[] = [];
  for (let pass = 0; pass < 3 && key.includes("("); pass++) {
    key = key.replace(BRACKETED, (_all, inner: string) => {
      if (inner !== "") remarks.push(inner);
      return "";
    });
  }
  key = key.replace(TRAILING_COLON, "");
  const numbered = NUMBERING.exec(key);
  if (numbered && numbered[0].length < key.length) key = key.slice(numbered[0].length);
  return { key: key.replace(/[()（）]/g, ""), remarks };
}

/** The key alone (normalizeLabel(text).key). */
export function labelKey(text: string): string {
  return normalizeLabel(text).key;
}

/**
 * The key without a trailing 指标 (when something is left): `产出指标` → 产出, `三级指标` → 三级, `一级` stays
 * 一级. Level names and grid headers are compared this way too (`社会效益` = `社会效益指标`, a cut `一级` = 一级指标).
 * A trailing 值 is not cut: 年度目标 (a form's goal) and 年度目标值 (a grid's value column) are different things.
 */
export function stemKey(key: string): string {
  return key.length > 2 && key.endsWith("指标") ? key.slice(0, -2) : key;
}
