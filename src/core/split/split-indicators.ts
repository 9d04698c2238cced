import type { Level, SpanKind, TextSpan } from "../model/analysis";
import * as chars from "../model/chars";
import {
  cachedLevel,
  frameworkCode,
  level1Of,
  LEVEL1_FIRST_CHARS,
  LEVEL2_FIRST_CHARS,
  level2BelongsTo,
  matchLevelLabel,
} from "./map-level";
import type { LeftoverText, SplitItem, SplitResult } from "./split-item";
import { splitWellFormedItems } from "./split-well-formed-items";
import { stripNoise, toOriginalEnd, toOriginalOffset, type StrippedText } from "./strip-noise";

// Read once from chars.ts: under tsx every use of an imported name is a getter call (README, "Speed").
const {
  FULLWIDTH_LEFT_PAREN,
  FULLWIDTH_PERIOD,
  FULLWIDTH_RIGHT_PAREN,
  IDEOGRAPHIC_COMMA,
  isColon,
  isDigit,
  isFieldSeparator,
  LEFT_PAREN,
  PERIOD,
  RIGHT_PAREN,
} = chars;

export type { LeftoverText, SplitItem, SplitResult } from "./split-item";

/**
 * Splits one cell's run-on indicator text into items and fields:
 *
 *   1、1-产出指标：11-数量指标：报废小车数量；实施周期指标值：1；年度指标值：1。2、…
 *   seq level1      level2      name          label        value label      value
 *
 * The parser reads the clean text (markup and whitespace removed, see strip-noise.ts) with forward scans and
 * fixed-size look-aheads only, so a cell of any length is read in linear time. Every character of the cell
 * ends up in a span (field, label, separator, markup, goal or unparsed), and concatenating the spans gives the
 * cell back.
 *
 * Two shortcuts come first: a cell of nothing but well-formed items is read by one regex
 * (split-well-formed-items.ts), and goal prose without markup or a numbered item is its own goal. Both answer
 * exactly what the scanner would, or leave the cell to it. traceSpans runs the scanner alone and also returns
 * the span of every character (the "nothing lost" view the tests check).
 */

export interface SplitOptions {
  /**
   * "indicators" (the 绩效指标 cell): text before the first item is unparsed.
   * "goal" (the 绩效目标 cell): text before the first item is the goal; items after it are misplaced
   * indicators. Only numbered items (`1、产出指标：`) start an item there, so goal prose is never split.
   */
  readonly mode?: "indicators" | "goal";
}

/** The scanner's split with every character of the text in a span, in order. */
export interface TracedSplit extends SplitResult {
  readonly spans: readonly TextSpan[];
}

const PERIOD_LABEL = "实施周期指标值";
const ANNUAL_LABEL = "年度指标值";
const MAX_SEQ_DIGITS = 4;

/** All start offsets of `needle` in `text`, in order (one indexOf pass). */
function occurrences(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) found.push(at);
  return found;
}

/** A cursor over sorted offsets that only moves forward: the first offset ≥ pos, or -1. */
class ForwardCursor {
  private index = 0;
  constructor(private readonly offsets: readonly number[]) {}
  firstAtOrAfter(pos: number): number {
    while (this.index < this.offsets.length && this.offsets[this.index]! < pos) this.index++;
    return this.index < this.offsets.length ? this.offsets[this.index]! : -1;
  }
}

interface ItemHead {
  readonly start: number;
  /** The item number as written (`1、`, `1.`, `（1）`, `①` → 1); null when there is none. */
  readonly seq: number | null;
  /** Where the number's digits (or its circled numeral) are; both `start` when there is no number. */
  readonly seqStart: number;
  readonly seqEnd: number;
  /** Where the level-1 label starts and the index of its colon. */
  readonly level1Start: number;
  readonly level1Colon: number;
  /** 2 when the item is led by its level-2 label (`数量指标：培训人数≥100人`): the label above is that level-2. */
  readonly depth?: 2;
}

/** ① (U+2460) … ⑳ (U+2473): circled item numbers 1–20. */
const CIRCLED_ONE = 0x2460;
const CIRCLED_TWENTY = 0x2473;

/** A numbered item's head when a level-1 label starts at `labelStart`, else null. */
function numberedHead(
  clean: string,
  start: number,
  seqStart: number,
  seqEnd: number,
  seq: number,
  labelStart: number,
  allowUnknownCoded: boolean,
): ItemHead | null {
  const colon = matchLevelLabel(clean, labelStart, 1, allowUnknownCoded);
  if (colon >= 0) return { start, seq, seqStart, seqEnd, level1Start: labelStart, level1Colon: colon };
  // `1.数量指标：…`: an item led by its level-2.
  const colon2 = matchLevelLabel(clean, labelStart, 2);
  return colon2 < 0
    ? null
    : { start, seq, seqStart, seqEnd, level1Start: labelStart, level1Colon: colon2, depth: 2 };
}

/**
 * Does an item start at clean offset `pos`? A numbered item: `1、1-产出指标：`, `12、产出指标(50分)：`,
 * `1.产出指标：` or `1．…` (so `1.1-产出指标：` is item 1 with the level `1-产出指标`), `（1）产出指标：`,
 * `(1)…`, `①产出指标：`; in indicator mode also an unnumbered `1-产出指标：` / `产出指标：`. After `、`, a
 * bracket or a circled numeral a coded unknown label counts (`1、1-产出类：`); after `1.` only a known name
 * does (`1.5-2小时：` is not an item). Bounded look-ahead.
 */
function itemHeadAt(clean: string, pos: number, goalMode: boolean): ItemHead | null {
  const c = clean.charCodeAt(pos);
  if (c >= CIRCLED_ONE && c <= CIRCLED_TWENTY) {
    return numberedHead(clean, pos, pos, pos + 1, c - CIRCLED_ONE + 1, pos + 1, true);
  }
  if (c === LEFT_PAREN || c === FULLWIDTH_LEFT_PAREN) {
    let i = pos + 1;
    while (i - pos <= MAX_SEQ_DIGITS && isDigit(clean.charCodeAt(i))) i++;
    const close = clean.charCodeAt(i);
    if (i === pos + 1 || i - pos > MAX_SEQ_DIGITS + 1) return null;
    if (close !== RIGHT_PAREN && close !== FULLWIDTH_RIGHT_PAREN) return null;
    return numberedHead(clean, pos, pos + 1, i, Number(clean.slice(pos + 1, i)), i + 1, true);
  }
  let i = pos;
  while (i - pos <= MAX_SEQ_DIGITS && isDigit(clean.charCodeAt(i))) i++;
  if (i > pos && i - pos <= MAX_SEQ_DIGITS) {
    const after = clean.charCodeAt(i);
    // `1、` followed by anything but a label is no item, numbered or not.
    if (after === IDEOGRAPHIC_COMMA)
      return numberedHead(clean, pos, pos, i, Number(clean.slice(pos, i)), i + 1, true);
    if (after === PERIOD || after === FULLWIDTH_PERIOD) {
      const head = numberedHead(clean, pos, pos, i, Number(clean.slice(pos, i)), i + 1, false);
      if (head !== null) return head;
    }
  }
  if (goalMode) return null;
  const colon = matchLevelLabel(clean, pos, 1);
  if (colon >= 0)
    return { start: pos, seq: null, seqStart: pos, seqEnd: pos, level1Start: pos, level1Colon: colon };
  const colon2 = matchLevelLabel(clean, pos, 2);
  return colon2 < 0
    ? null
    : { start: pos, seq: null, seqStart: pos, seqEnd: pos, level1Start: pos, level1Colon: colon2, depth: 2 };
}

/**
 * A sentence or clause end (。 . ； ; ！ !) followed by what can begin an item: a digit, a bracket, a circled
 * numeral or the first character of a level-1 or level-2 label. Matches `。2` in `…：1。2、1-产出指标`, `；产` in
 * `…；产出指标：`, `；（` in `…；（2）产出指标：`, `；质` in `…；质量指标：`; not `；实` in `；实施周期指标值`.
 * One character and a look-ahead of one: linear, no backtracking.
 */
const HEAD_AFTER_SENTENCE_END = new RegExp(
  `[。.；;！!](?=[0-9(（\\u2460-\\u2473${[...new Set([...LEVEL1_FIRST_CHARS, ...LEVEL2_FIRST_CHARS])].join("")}])`,
  "g",
);

/**
 * Item starts at sentence boundaries: the start, after `。`/`；`, or after markup or whitespace (a segment
 * start). The regex jumps from one candidate to the next, so only those positions are examined.
 */
function findItemHeads(stripped: StrippedText, goalMode: boolean): ItemHead[] {
  const { clean, segments } = stripped;
  const heads: ItemHead[] = [];
  const pattern = HEAD_AFTER_SENTENCE_END;
  pattern.lastIndex = 0;
  let match = pattern.exec(clean);
  let segment = 1;
  let previous = -1;
  for (let pos = 0; pos < clean.length;) {
    while (segment < segments.length && segments[segment]!.cleanStart <= pos) segment++;
    const fromSegment = segment < segments.length ? segments[segment]!.cleanStart : clean.length;
    // Inside the head just found (`1、 1-产出指标：`): the label after the number is not a second item.
    const last = heads[heads.length - 1];
    if (pos > previous && !(last && pos <= last.level1Colon)) {
      const head = itemHeadAt(clean, pos, goalMode);
      // An item number does not run over a line break: in `…：2.5⏎3.效益指标：` the item is 3, not 53.
      if (head && head.seqEnd <= fromSegment) heads.push(head);
    }
    previous = pos;
    while (match && match.index + 1 <= pos) match = pattern.exec(clean);
    const fromSentence = match ? match.index + 1 : clean.length;
    pos = Math.min(fromSentence, fromSegment);
  }
  return heads;
}

/**
 * What a goal cell needs the scanner for: markup (`<p>`, `&nbsp;`), a zero-width space (noise that trim()
 * keeps), or what may number an item: `、`, `.` or `．` after a digit or a blank (`1、产出指标：`, `1 、`,
 * `1.产出指标：`), a bracket before a digit or a blank (`（1）`), a circled numeral (`①`). Matches `<`, `&`,
 * `2、`, `5.`, `（1`, `①`; not the `、` of `视频会、现场会` nor `（含`.
 */
const MAY_HOLD_MARKUP_OR_ITEM = /[<&\u200b\u2460-\u2473]|[0-9\s][、.．]|[(（][0-9\s]/;

interface LogicalSpan {
  readonly kind: SpanKind;
  readonly start: number;
  readonly end: number;
}

/**
 * Collects clean-text spans in order. It never lets spans overlap (a separator already claimed is not claimed
 * again) and fills any gap with a separator, so the spans tile the text whatever the item looked like.
 */
class SpanCollector {
  readonly spans: LogicalSpan[] = [];
  private cursor = 0;
  add(kind: SpanKind, start: number, end: number): void {
    const s = Math.max(start, this.cursor);
    if (end <= s) return;
    if (s > this.cursor) this.spans.push({ kind: "separator", start: this.cursor, end: s });
    this.spans.push({ kind, start: s, end });
    this.cursor = end;
  }
}

/** Moves `end` back over field separators (`；`, `：`, `。`) and returns the new end. */
function trimSeparators(clean: string, start: number, end: number): number {
  let e = end;
  while (e > start && isFieldSeparator(clean.charCodeAt(e - 1))) e--;
  return e;
}

type PushSpan = (kind: SpanKind, start: number, end: number) => void;

/**
 * A value label and its value: `实施周期指标值：100%；` up to `next` (the other label or the item's end).
 * Returns the value, or null when it is empty.
 */
function readValue(
  clean: string,
  push: PushSpan,
  bodyEnd: number,
  kind: "period" | "annual",
  at: number,
  labelLength: number,
  next: number,
): string | null {
  const labelEnd = Math.min(at + labelLength, next);
  push("label", at, labelEnd);
  const valueStart = labelEnd < next && isColon(clean.charCodeAt(labelEnd)) ? labelEnd + 1 : labelEnd;
  push("separator", labelEnd, valueStart);
  const valueEnd = next === bodyEnd ? bodyEnd : trimSeparators(clean, valueStart, next);
  push(kind, valueStart, valueEnd);
  push("separator", valueEnd, next);
  return valueEnd > valueStart ? clean.slice(valueStart, valueEnd) : null;
}

function noSpan(_kind: SpanKind, _start: number, _end: number): void {}

/**
 * The last colon of an item's name with a name before it and a value after it, or -1: in `购置台数：≥20台` the
 * colon before `≥20台`. A name and a value, never a colon at either end (`购置台数：`).
 */
function lastColon(clean: string, start: number, end: number): number {
  for (let i = end - 2; i > start; i--) if (isColon(clean.charCodeAt(i))) return i;
  return -1;
}

/**
 * Where a value written straight after its name starts: its comparison sign or words, outside brackets and not
 * at the name's start. `≥` in `培训人数≥100人`, `不低于` in `群众满意度不低于90%`; not the `≥` of `培训班数（≥3人）`.
 * Returns -1 when there is none.
 */
const COMPARISON = /[≥≤＞＜><=＝]|不低于|不少于|不高于|不超过/g;

function comparisonAt(clean: string, start: number, end: number): number {
  COMPARISON.lastIndex = start + 1;
  for (let m = COMPARISON.exec(clean); m !== null && m.index < end; m = COMPARISON.exec(clean)) {
    const before = clean.slice(start, m.index);
    const opened = (before.match(/[（(]/g) ?? []).length;
    const closed = (before.match(/[)）]/g) ?? []).length;
    if (opened === closed) return m.index;
  }
  return -1;
}

/**
 * A quantity ending the text, after a name of two characters or more: `100%` in `验收合格率100%`, `100人次` in
 * `培训100人次`, `3.5万元` in `项目成本3.5万元`; not `2024年度培训` (no unit at the end), not `第3季度`.
 */
const TRAILING_QUANTITY =
  /[^0-9.．](?:[0-9]+(?:\.[0-9]+)?)(?:%|％|‰|人次|万人|万元|平方米|公里|小时|分钟|[个人次台套件项户座所处天日元吨亩米辆本份场期家条])?$/;

/**
 * A qualitative target ending the text with no blank before it, a degree word then a change, after a name of two
 * characters or more: `明显提升` in `基层诊疗能力明显提升`, `有所改善` in `群众出行条件有所改善`, `进一步增强` in
 * `服务能力进一步增强`; not `能力提升` (no degree word: that is a name), not `持续改善比例`.
 */
const TRAILING_QUALITATIVE =
  /..(?:明显|显著|有所|进一步|大幅|稳步|逐步|持续|不断|得到|全面|有效)(?:提升|提高|改善|增强|增加|加强|优化|完善|降低|减少|下降|缓解|好转)$/;

/**
 * Where a value written straight after its name starts: its comparison, else a quantity ending it, else a
 * qualitative target after a blank or, with no blank, one led by a degree word; else -1.
 */
function valueAfterName(clean: string, start: number, end: number, stripped: StrippedText): number {
  const sign = comparisonAt(clean, start, end);
  if (sign >= 0) return sign;
  const body = clean.slice(start, end);
  const m = TRAILING_QUANTITY.exec(body);
  if (m !== null && m.index >= 1) return start + m.index + 1;
  const blank = qualitativeAfterBlank(stripped, start, end);
  if (blank >= 0) return blank;
  const q = TRAILING_QUALITATIVE.exec(body);
  return q === null ? -1 : start + q.index + 2;
}

/**
 * A qualitative target a blank parts from its name, as PDFs and web pages lay them out: `提升` in `服务能力 提升`,
 * `明显改善` in `村容村貌 明显改善`, `按时完成` in `完成时间 按时完成`; not `及检疫率` in `屠宰率 及检疫率` (a name a
 * line break cut).
 */
const QUALITATIVE =
  /^(?:有所|明显|显著|逐步|不断|持续|进一步|全面|按时|按期|如期|基本)?(?:提升|提高|改善|增强|增加|降低|减少|下降|完成|达标|合格|良好|及时|稳定|规范|有效|优良|长期|显著)$/;

/** Where a qualitative target after the name's last blank starts (see QUALITATIVE), or -1. */
function qualitativeAfterBlank(stripped: StrippedText, start: number, end: number): number {
  const { clean, segments } = stripped;
  for (let k = segments.length - 1; k > 0; k--) {
    const at = segments[k]!.cleanStart;
    if (at >= end) continue;
    if (at <= start + 1) break;
    return QUALITATIVE.test(clean.slice(at, end)) ? at : -1;
  }
  return -1;
}

/**
 * A value label of another wording right before `colon`, after a separator: `指标值`, `年度目标值`, `预期值`, `计划值`.
 * Matches `指标值` in `购置台数；指标值`, `目标值` in `合格率,目标值`; not `购置台数`. Returns where it starts, or -1.
 */
const OTHER_VALUE_LABEL = /[；;，,](?:年度)?(?:指标值|目标值|预期值|计划值)$/;

function otherValueLabel(clean: string, start: number, colon: number): number {
  const m = OTHER_VALUE_LABEL.exec(clean.slice(start, colon));
  return m === null ? -1 : start + m.index + 1;
}

/**
 * A label that is a level-2's name as the framework writes it and, at level 1, only another name of a different
 * level-1: `服务对象满意度指标` (level-1 满意度指标); not `满意度指标` nor `成本指标` (each a level-1's own name).
 */
function namesLevel2Itself(label: string): boolean {
  const asLevel2 = cachedLevel(label, 2);
  const asLevel1 = cachedLevel(label, 1);
  if (asLevel2.name === null || asLevel1.name === null || asLevel2.name === asLevel1.name) return false;
  const bare = (name: string) => (name.endsWith("指标") ? name.slice(0, -2) : name);
  const written = bare(label.trim());
  return written === bare(asLevel2.name) && written !== bare(asLevel1.name);
}

function parseItem(
  stripped: StrippedText,
  head: ItemHead,
  end: number,
  periodLabels: ForwardCursor,
  annualLabels: ForwardCursor,
  out: SpanCollector | null,
): SplitItem {
  const { clean, text } = stripped;
  // Spans are only collected for traceSpans; a plain function, no closure per item (README, "Speed").
  const push =
    out === null ? noSpan : (kind: SpanKind, s: number, e: number) => out.add(kind, s, Math.min(e, end));
  const bodyEnd = trimSeparators(clean, head.start, end);

  const seq = head.seq;
  push("separator", head.start, head.seqStart);
  push("seq", head.seqStart, head.seqEnd);
  push("separator", head.seqEnd, head.level1Start);
  // An item led by its level-2 (`数量指标：…`) takes the level-1 that level-2 belongs to; so does one led by a
  // label that is a level-2's own name and only an old alias of a level-1 (`服务对象满意度指标：满意度≥85%`, no
  // level-2 after it), while `满意度指标：…` and `成本指标：…` stay level-1s.
  const label = clean.slice(head.level1Start, head.level1Colon);
  const ledBy =
    head.depth === 2 ||
    (namesLevel2Itself(label) && matchLevelLabel(clean, head.level1Colon + 1, 2, true) < 0)
      ? cachedLevel(label, 2)
      : null;
  const level1 = ledBy !== null ? level1Of(ledBy) : cachedLevel(label, 1);
  push(ledBy !== null ? "level2" : "level1", head.level1Start, head.level1Colon);
  push("separator", head.level1Colon, head.level1Colon + 1);
  let p = Math.min(head.level1Colon + 1, bodyEnd);

  let level2: Level | null = ledBy;
  const colon2 = ledBy !== null ? -1 : matchLevelLabel(clean, p, 2, true);
  if (colon2 >= 0 && colon2 < bodyEnd) {
    level2 = cachedLevel(clean.slice(p, colon2), 2);
    push("level2", p, colon2);
    push("separator", colon2, colon2 + 1);
    p = colon2 + 1;
  }

  // The two value labels, in the order written (usually 实施周期指标值 first); -1 when absent.
  const periodFound = periodLabels.firstAtOrAfter(p);
  const annualFound = annualLabels.firstAtOrAfter(p);
  const periodAt = periodFound >= 0 && periodFound < bodyEnd ? periodFound : -1;
  const annualAt = annualFound >= 0 && annualFound < bodyEnd ? annualFound : -1;
  const firstLabel = periodAt < 0 ? annualAt : annualAt < 0 ? periodAt : Math.min(periodAt, annualAt);

  // No value label: a value after the name's own colon is this year's (`产出指标：数量指标：购置台数：≥20台。`).
  const bareColon = firstLabel < 0 ? lastColon(clean, p, bodyEnd) : -1;
  // Or after a label of another wording: `购置台数；指标值：≥20台`, `…，目标值：100%`.
  const otherLabel = bareColon >= 0 ? otherValueLabel(clean, p, bareColon) : -1;
  // Or none at all: the value starts at its comparison (`培训人数≥100人`, `群众满意度不低于90%`).
  const signAt = firstLabel < 0 && bareColon < 0 ? valueAfterName(clean, p, bodyEnd, stripped) : -1;
  const nameEnd =
    firstLabel >= 0
      ? firstLabel
      : otherLabel >= 0
        ? otherLabel
        : bareColon >= 0
          ? bareColon
          : signAt >= 0
            ? signAt
            : bodyEnd;
  const nameTrimmed = trimSeparators(clean, p, nameEnd);
  const name = clean.slice(p, nameTrimmed);
  push("name", p, nameTrimmed);
  push("separator", nameTrimmed, nameEnd);
  if (otherLabel >= 0) push("label", otherLabel, bareColon);

  let periodValue: string | null = null;
  let annualValue: string | null = null;
  if (bareColon >= 0) {
    push("separator", bareColon, bareColon + 1);
    push("annual", bareColon + 1, bodyEnd);
    annualValue = clean.slice(bareColon + 1, bodyEnd);
  } else if (signAt >= 0) {
    push("annual", signAt, bodyEnd);
    annualValue = clean.slice(signAt, bodyEnd);
  } else if (periodAt >= 0 && (annualAt < 0 || periodAt < annualAt)) {
    periodValue = readValue(
      clean,
      push,
      bodyEnd,
      "period",
      periodAt,
      PERIOD_LABEL.length,
      annualAt >= 0 ? annualAt : bodyEnd,
    );
    if (annualAt >= 0)
      annualValue = readValue(clean, push, bodyEnd, "annual", annualAt, ANNUAL_LABEL.length, bodyEnd);
  } else if (annualAt >= 0) {
    annualValue = readValue(
      clean,
      push,
      bodyEnd,
      "annual",
      annualAt,
      ANNUAL_LABEL.length,
      periodAt >= 0 ? periodAt : bodyEnd,
    );
    if (periodAt >= 0)
      periodValue = readValue(clean, push, bodyEnd, "period", periodAt, PERIOD_LABEL.length, bodyEnd);
  }
  push("separator", bodyEnd, end);

  const start = toOriginalOffset(stripped, head.start);
  const rawEnd = toOriginalEnd(stripped, end);
  return {
    start,
    end: rawEnd,
    seq,
    level1,
    level2,
    name,
    periodValue,
    annualValue,
    raw: text.slice(start, rawEnd),
  };
}

/** The next head starts an item under a heading: led by a level-2, or by a label that is a level-2 of it. */
function startsLevel2Item(next: ItemHead | undefined, heading: Level | null, clean: string): boolean {
  if (next === undefined || heading === null) return false;
  if (next.depth === 2) return true;
  return isLevel2Of(heading, clean.slice(next.level1Start, next.level1Colon));
}

/** A label that names a level-2 of the heading's level-1 (`服务对象满意度指标` of 满意度指标). */
function isLevel2Of(heading: Level, written: string): boolean {
  const code = frameworkCode(written.replace(/^[0-9]+[-－—–_.．、]?/, ""), 2);
  return heading.code !== null && code !== null && level2BelongsTo(heading.code, code);
}

/** An item read as led by its level-1 whose label is a level-2 of the heading above it: re-read as that. */
function asLevel2Under(heading: Level, item: SplitItem): SplitItem | null {
  const label = item.level1;
  if (label === null || item.level2 !== null || !isLevel2Of(heading, label.written)) return null;
  return { ...item, level1: heading, level2: cachedLevel(label.written, 2) };
}

/** An item that is only its level-1 label: no level-2, name or value. */
function isBareLabel(item: SplitItem): boolean {
  return item.level2 === null && item.name === "" && item.periodValue === null && item.annualValue === null;
}

/** Turns clean-text spans into spans of the original text, with the noise between them as its own spans. */
function toOriginalSpans(stripped: StrippedText, logical: readonly LogicalSpan[]): TextSpan[] {
  const { text, segments, noise } = stripped;
  const spans: TextSpan[] = [];
  let noiseIndex = 0;
  const emit = (kind: SpanKind, start: number, end: number): void => {
    while (noiseIndex < noise.length && noise[noiseIndex]!.start < start) {
      const run = noise[noiseIndex++]!;
      const runKind: SpanKind = run.kind === "markup" ? "markup" : "separator";
      spans.push({ kind: runKind, start: run.start, end: run.end, text: text.slice(run.start, run.end) });
    }
    spans.push({ kind, start, end, text: text.slice(start, end) });
  };
  let seg = 0;
  for (const span of logical) {
    let pos = span.start;
    while (pos < span.end) {
      while (seg < segments.length - 1 && segments[seg]!.cleanStart + segments[seg]!.length <= pos) seg++;
      const s = segments[seg]!;
      const pieceEnd = Math.min(span.end, s.cleanStart + s.length);
      const origStart = s.start + (pos - s.cleanStart);
      emit(span.kind, origStart, origStart + (pieceEnd - pos));
      pos = pieceEnd;
    }
  }
  emit("separator", text.length, text.length);
  spans.pop();
  return spans;
}

/** The original text of [start, end) with markup runs left out, trimmed: the goal as a clerk reads it. */
function withoutMarkup(stripped: StrippedText, start: number, end: number): string {
  let out = "";
  let pos = start;
  for (const run of stripped.noise) {
    if (run.kind !== "markup" || run.end <= start) continue;
    if (run.start >= end) break;
    out += stripped.text.slice(pos, Math.max(pos, run.start));
    pos = Math.max(pos, run.end);
  }
  out += stripped.text.slice(pos, Math.max(pos, end));
  return out.trim();
}

/** Splits one cell's indicator text into items and fields (see the top of this file). */
export function splitIndicators(text: string, options: SplitOptions = {}): SplitResult {
  const goalMode = options.mode === "goal";
  // Most indicator cells are nothing but well-formed items: one regex pass reads them (see the fast path).
  if (!goalMode) {
    const items = splitWellFormedItems(text);
    if (items !== null) return { items, goal: "", unparsed: [], markup: [] };
  } else if (!MAY_HOLD_MARKUP_OR_ITEM.test(text)) {
    // Goal prose with no markup and no numbered item: the goal is the text, trimmed.
    return { items: [], goal: text.trim(), unparsed: [], markup: [] };
  }
  return scan(text, goalMode, null).split;
}

/**
 * The general scanner's split of the text (no shortcut taken) with the span of every character: concatenating
 * the spans' text gives the text back. For the tests and for anyone who wants to see how a cell was read.
 */
export function traceSpans(text: string, options: SplitOptions = {}): TracedSplit {
  const collector = new SpanCollector();
  const { split, stripped } = scan(text, options.mode === "goal", collector);
  return { ...split, spans: toOriginalSpans(stripped, collector.spans) };
}

/** The general scanner: item heads at sentence boundaries, then each item's fields; spans when collected. */
function scan(
  text: string,
  goalMode: boolean,
  logical: SpanCollector | null,
): { split: SplitResult; stripped: StrippedText } {
  const stripped = stripNoise(text);
  const { clean } = stripped;
  const heads = findItemHeads(stripped, goalMode);
  const unparsed: LeftoverText[] = [];

  const leadEnd = heads.length > 0 ? heads[0]!.start : clean.length;
  let goal = "";
  if (leadEnd > 0) {
    if (goalMode) {
      goal = withoutMarkup(stripped, 0, toOriginalEnd(stripped, leadEnd));
      logical?.add("goal", 0, leadEnd);
    } else {
      const start = toOriginalOffset(stripped, 0);
      const end = toOriginalEnd(stripped, leadEnd);
      unparsed.push({ start, end, text: text.slice(start, end) });
      logical?.add("unparsed", 0, leadEnd);
    }
  }

  const periodLabels = new ForwardCursor(occurrences(clean, PERIOD_LABEL));
  const annualLabels = new ForwardCursor(occurrences(clean, ANNUAL_LABEL));
  const items: SplitItem[] = [];
  // A level-1 written alone as a heading over items led by their level-2s (`产出指标：⏎数量指标：…⏎质量指标：…`):
  // no item itself, its level-1 theirs.
  let heading: Level | null = null;
  for (let k = 0; k < heads.length; k++) {
    const head = heads[k]!;
    const end = k + 1 < heads.length ? heads[k + 1]!.start : clean.length;
    const item = parseItem(stripped, head, end, periodLabels, annualLabels, logical);
    // Under a heading, a label of both levels (`服务对象满意度指标：` under `满意度指标：`) is the item's level-2.
    const under = head.depth !== 2 && heading !== null ? asLevel2Under(heading, item) : null;
    if (under !== null) {
      items.push(under);
      continue;
    }
    if (head.depth !== 2) heading = null;
    if (
      head.depth !== 2 &&
      isBareLabel(item) &&
      startsLevel2Item(heads[k + 1], item.level1, stripped.clean)
    ) {
      heading = item.level1;
      continue;
    }
    items.push(head.depth === 2 && heading !== null ? { ...item, level1: heading } : item);
  }

  const markup = stripped.noise.filter((run) => run.kind === "markup");
  return { split: { items, goal, unparsed, markup }, stripped };
}
