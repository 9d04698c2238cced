import * as chars from "../model/chars";
import { LEVEL1_FIRST_CHARS, wholeLevelLabel } from "./map-level";
import type { SplitItem } from "./split-item";

// Read once from chars.ts: under tsx every use of an imported name is a getter call (README, "Speed").
const {
  FULLWIDTH_LEFT_PAREN,
  FULLWIDTH_PERIOD,
  IDEOGRAPHIC_COMMA,
  isDigit,
  isFieldSeparator,
  LEFT_PAREN,
  PERIOD,
} = chars;

/** The dashes a level code is written with (`1-产出指标`, `1－…`, `1—…`, `1–…`, `1_…`), as map-level reads them. */
const CODE_DASH_CODES = new Set([..."-－—–_"].map((ch) => ch.charCodeAt(0)));

/**
 * The fast path of splitIndicators for the cell most tables are made of: nothing but well-formed items,
 *
 *   1、1-产出指标：11-数量指标：报废小车数量；实施周期指标值：1；年度指标值：1。2、…
 *
 * with no markup, no whitespace and nothing before, between or after the items. One sticky regex reads an
 * item per match, so the whole cell costs one pass of the regex engine; each match is then checked against
 * the rules of the general scanner (split-indicators.ts), and the first thing the fast path cannot vouch for
 * sends the whole cell back to the scanner (the function returns null). A property test holds the two to the
 * same items whenever this one answers.
 */

/**
 * One well-formed item, all fields present, each separator a single character. Matches e.g.
 *   `1、1-产出指标：11-数量指标：报废小车数量；实施周期指标值：1；年度指标值：1。`
 *   `12、产出指标(50分):数量指标:会务保障次数（%）;实施周期指标值:≥95%;年度指标值:0.5小时以内.`
 * and not `1、产出指标：数量指标：A；实施周期指标值：满意，得满分；基本满意；年度指标值：…` (a `；` inside a
 * value) or anything with a space, NBSP, U+3000, `<` or `&` in it (noise: the scanner's job).
 * Groups: 1 seq, 2 level-1, 3 level-2, 4 name, 5 实施周期指标值, 6 年度指标值. No field class contains the
 * character that ends it, so the engine never backtracks.
 */
const WELL_FORMED_ITEM = new RegExp(
  [
    "([0-9]{1,4})、",
    "([^：:；;。！!、\\s\\u200b<&]{1,24})[：:]",
    "([^：:；;。.！!、\\s\\u200b<&]{1,24})[：:]",
    "([^：:；;。！!\\s\\u200b<&]*)[；;：:]",
    "实施周期指标值[：:]([^：:；;。！!\\s\\u200b<&]*)[；;]",
    "年度指标值[：:]([^：:；;。！!\\s\\u200b<&]*)[。.]",
  ].join(""),
  "y",
);

const LEVEL1_FIRST_CODES = new Set(LEVEL1_FIRST_CHARS.map((ch) => ch.charCodeAt(0)));

/** ( （ ① … ⑳: what starts a bracketed or circled item number (`（1）产出指标：`, `①产出指标：`). */
function opensItemNumber(c: number): boolean {
  return c === LEFT_PAREN || c === FULLWIDTH_LEFT_PAREN || (c >= 0x2460 && c <= 0x2473);
}

/** What may follow an item number's digits inside a name: `、`, `.`, `．` or a level code's dash (`1-产出`). */
function followsNumberInName(c: number): boolean {
  return c === IDEOGRAPHIC_COMMA || c === PERIOD || c === FULLWIDTH_PERIOD || CODE_DASH_CODES.has(c);
}

/**
 * Could the scanner see the start of another item inside this field? It looks after every sentence end
 * (here only `.` can occur) for an item number (`digits、`, `digits.`, `（`, `①`) or a level-1 label. Decimals
 * such as `99.5%` and `PM2.5` are safe; `1.2、…`, `x.（1）…` and `x.产出` are left to the scanner. A label
 * needs its colon, so most of these can only complete in a field that a colon may follow, the name; but a
 * coded label after `、`, a bracket or a circled numeral may run on past a value into the next item.
 */
function mayHideItemHead(field: string, colonMayFollow: boolean): boolean {
  for (let i = field.indexOf("."); i >= 0 && i + 1 < field.length; i = field.indexOf(".", i + 1)) {
    const next = field.charCodeAt(i + 1);
    if (opensItemNumber(next)) return true;
    if (colonMayFollow && LEVEL1_FIRST_CODES.has(next)) return true;
    let j = i + 1;
    while (j < field.length && j - i <= 5 && isDigit(field.charCodeAt(j))) j++;
    if (j === i + 1) continue;
    const after = field.charCodeAt(j);
    if (after === IDEOGRAPHIC_COMMA || (colonMayFollow && followsNumberInName(after))) return true;
  }
  return false;
}

/** A name or value the scanner reads exactly as the regex captured it. */
function isPlainField(field: string, colonMayFollow: boolean): boolean {
  // A value label inside a field would move the scanner's field boundaries: it takes the first label it finds.
  return (
    !isFieldSeparator(field.charCodeAt(field.length - 1)) &&
    !mayHideItemHead(field, colonMayFollow) &&
    !field.includes("指标值")
  );
}

/**
 * The items of a cell made only of well-formed items, or null when the cell needs the general scanner
 * (anything else: noise, a missing field, a `；` inside a value, text between items, an unknown label …).
 */
export function splitWellFormedItems(text: string): SplitItem[] | null {
  const items: SplitItem[] = [];
  const pattern = WELL_FORMED_ITEM;
  pattern.lastIndex = 0;
  while (pattern.lastIndex < text.length) {
    const start = pattern.lastIndex;
    const match = pattern.exec(text);
    if (match === null) return null;
    // Indexed reads, not array destructuring, which walks the iterator protocol (README, "Speed").
    const name = match[4]!;
    const period = match[5]!;
    const annual = match[6]!;
    const level1 = wholeLevelLabel(match[2]!, 1);
    const level2 = wholeLevelLabel(match[3]!, 2);
    if (
      level1 === null ||
      level2 === null ||
      !isPlainField(name, true) ||
      !isPlainField(period, false) ||
      !isPlainField(annual, false)
    ) {
      return null;
    }
    items.push({
      start,
      end: pattern.lastIndex,
      seq: Number(match[1]),
      level1,
      level2,
      name,
      periodValue: period === "" ? null : period,
      annualValue: annual === "" ? null : annual,
      raw: match[0],
    });
  }
  return items.length > 0 ? items : null;
}
