import type { IndicatorValue } from "../model/analysis";
import * as chars from "../model/chars";

// Read once from chars.ts: under tsx every use of an imported name is a getter call (README, "Speed").
const {
  COMMA,
  DIGIT_ZERO,
  FULLWIDTH_DIGIT_ZERO,
  FULLWIDTH_LEFT_PAREN,
  FULLWIDTH_PERCENT,
  FULLWIDTH_PERIOD,
  FULLWIDTH_RIGHT_PAREN,
  HYPHEN_MINUS,
  isDigit,
  isFullWidthDigit,
  LEFT_PAREN,
  PERCENT,
  PERIOD,
  RIGHT_PAREN,
} = chars;

type Op = IndicatorValue["op"];

/**
 * Comparison written before the number, longest first so that `>=` wins over `>` and 不低于 over 低于.
 * Full-width `＞ ＝ ＜` are what the finance systems print; the words are how clerks write them.
 */
const PREFIXES: readonly (readonly [string, Op])[] = (
  [
    ["大于或等于", ">="],
    ["大于等于", ">="],
    ["不低于", ">="],
    ["不少于", ">="],
    ["不小于", ">="],
    ["至少", ">="],
    ["小于或等于", "<="],
    ["小于等于", "<="],
    ["不高于", "<="],
    ["不超过", "<="],
    ["不多于", "<="],
    ["不大于", "<="],
    ["最多", "<="],
    ["大于", ">"],
    ["高于", ">"],
    ["超过", ">"],
    ["多于", ">"],
    ["小于", "<"],
    ["低于", "<"],
    ["少于", "<"],
    ["等于", "="],
    [">=", ">="],
    ["＞＝", ">="],
    ["＞=", ">="],
    [">＝", ">="],
    ["≥", ">="],
    ["≧", ">="],
    ["⩾", ">="],
    ["<=", "<="],
    ["＜＝", "<="],
    ["＜=", "<="],
    ["<＝", "<="],
    ["≤", "<="],
    ["≦", "<="],
    ["⩽", "<="],
    [">", ">"],
    ["＞", ">"],
    ["<", "<"],
    ["＜", "<"],
    ["=", "="],
    ["＝", "="],
    ["﹦", "="],
  ] as const
)
  .slice()
  .sort((a, b) => b[0].length - a[0].length);

/** PREFIXES grouped by first character code, so a value is compared with a handful of prefixes, not forty. */
const PREFIXES_BY_FIRST = new Map<number, (readonly [string, Op])[]>();
for (const entry of PREFIXES) {
  const first = entry[0].charCodeAt(0);
  const list = PREFIXES_BY_FIRST.get(first) ?? [];
  list.push(entry);
  PREFIXES_BY_FIRST.set(first, list);
}

/** Comparison written after the number: `95%以上`, `0.5小时以内`, `5%以下`. */
const SUFFIXES: readonly (readonly [string, Op])[] = [
  ["及以上", ">="],
  ["或以上", ">="],
  ["以上", ">="],
  ["及以下", "<="],
  ["或以下", "<="],
  ["以下", "<="],
  ["以内", "<="],
];

/** Between the two ends of a range: `20-35次`, `20～35次`, `20至35次`, `20~35`, `20—35`. */
const RANGE_SEPARATORS = ["-", "－", "～", "~", "至", "—", "–", "到"];

/** A unit is short text without digits or sentence punctuation: %, 人, 元/人, 万份, 季度, 小时. */
const MAX_UNIT_LENGTH = 8;
/** Digits (ASCII and full-width) and sentence punctuation `，,。；;：:、` and space never sit in a unit. */
const NOT_IN_UNIT = new Set(
  [..."0123456789０１２３４５６７８９，,。；;：:、 "].map((ch) => ch.charCodeAt(0)),
);

/** Full-width digits, point or percent sign: `１００％`, `０．５`. */
function isFullWidthNumberCode(c: number): boolean {
  return isFullWidthDigit(c) || c === FULLWIDTH_PERIOD || c === FULLWIDTH_PERCENT;
}

/** Full-width digits and point as ASCII, so that `１００％` reads as 100 %. */
function toHalfWidth(text: string): string {
  // A value is a few characters long: a plain loop settles most of them without building a string.
  let i = 0;
  while (i < text.length && !isFullWidthNumberCode(text.charCodeAt(i))) i++;
  if (i === text.length) return text;
  let out = "";
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if (isFullWidthDigit(c)) out += String.fromCharCode(c - FULLWIDTH_DIGIT_ZERO + DIGIT_ZERO);
    else if (ch === "．") out += ".";
    else if (ch === "％") out += "%";
    else out += ch;
  }
  return out;
}

function isDigitAt(text: string, i: number): boolean {
  return isDigit(text.charCodeAt(i));
}

function threeDigitsAt(text: string, i: number): boolean {
  return isDigitAt(text, i) && isDigitAt(text, i + 1) && isDigitAt(text, i + 2) && !isDigitAt(text, i + 3);
}

/**
 * Reads a number at `pos`: digits with optional thousands groups and decimals, e.g. `95`, `0.5`, `2,000`.
 * Returns the number and where it ends, or null. A single forward scan.
 */
function readNumber(text: string, pos: number): { value: number; end: number } | null {
  let i = pos;
  if (i === 0 && text.charCodeAt(0) === HYPHEN_MINUS) i++;
  const digitsStart = i;
  let hasGroups = false;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (isDigit(c)) i++;
    else if (c === COMMA && i > digitsStart && threeDigitsAt(text, i + 1)) {
      // Thousands separator only when exactly three digits follow: `2,000` (not `1,2`).
      hasGroups = true;
      i++;
    } else break;
  }
  if (i === digitsStart) return null;
  if (text.charCodeAt(i) === PERIOD && isDigitAt(text, i + 1)) {
    i++;
    while (isDigitAt(text, i)) i++;
  }
  const number = text.slice(digitsStart, i);
  const value = Number((pos < digitsStart ? "-" : "") + (hasGroups ? number.replace(/,/g, "") : number));
  return Number.isFinite(value) ? { value, end: i } : null;
}

function isUnit(text: string): boolean {
  if (text.length === 0 || text.length > MAX_UNIT_LENGTH) return false;
  for (let i = 0; i < text.length; i++) if (NOT_IN_UNIT.has(text.charCodeAt(i))) return false;
  return true;
}

/** `目标群体满意率（%）`, `验收合格率(%)` → "%": the unit a bare number takes from the indicator's name. */
function unitFromName(name: string): string | null {
  // The name ends in `（%）`, `(%)`, `（％）` …, blanks after it allowed (character codes: this runs per value).
  const trimmed = name.trimEnd();
  const n = trimmed.length;
  if (n < 3) return null;
  const close = trimmed.charCodeAt(n - 1);
  const percent = trimmed.charCodeAt(n - 2);
  const open = trimmed.charCodeAt(n - 3);
  return (close === FULLWIDTH_RIGHT_PAREN || close === RIGHT_PAREN) &&
    (percent === PERCENT || percent === FULLWIDTH_PERCENT) &&
    (open === FULLWIDTH_LEFT_PAREN || open === LEFT_PAREN)
    ? "%"
    : null;
}

/**
 * `number unit?` or `number unit? sep number unit?` filling the whole text, else null.
 * Examples: `36人` → 36 人; `3000元/人`; `90 %`; `20-35次` → range 20..35 次; `20次-35次`; `20 - 35 次`.
 */
function readQuantity(text: string): { value: number; upper: number | null; unit: string | null } | null {
  const first = readNumber(text, 0);
  if (!first) return null;
  // A blank between the number and its unit is how some forms and typed cells write it: `90 %`, `100 人`.
  const rest = text.slice(first.end).trimStart();
  if (rest === "") return { value: first.value, upper: null, unit: null };
  if (isUnit(rest)) return { value: first.value, upper: null, unit: rest };
  // A range: find the separator after the first number (and its optional unit), then a second quantity.
  for (const sep of RANGE_SEPARATORS) {
    const at = rest.indexOf(sep);
    if (at < 0) continue;
    const unit1 = rest.slice(0, at).trimEnd();
    if (unit1 !== "" && !isUnit(unit1)) continue;
    const tail = rest.slice(at + sep.length).trimStart();
    const second = readNumber(tail, 0);
    if (!second || tail[0] === "-") continue;
    const unit2 = tail.slice(second.end).trimStart();
    if (unit2 !== "" && !isUnit(unit2)) continue;
    if (unit1 !== "" && unit2 !== "" && unit1 !== unit2) continue;
    return { value: first.value, upper: second.value, unit: unit2 || unit1 || null };
  }
  return null;
}

/** An estimate: `约2000人` → 2000人, `大约`, `近`, `预计`; `30人左右` → 30人. Not `约定` (no number). */
const ESTIMATE = /^(?:约|大约|近|预计)([0-9].*)$|^([0-9].*?)左右$/;
/** A rate per period: `每月1次` → 月 and 1次, `每年2期`, `每季度1次`, `每周不少于3次`. */
const PER_PERIOD = /^每(月|年|季度|季|周|天|日|学期|半年)(.+)$/;

function qualitative(raw: string): IndicatorValue {
  return { op: "text", value: null, upper: null, unit: null, raw };
}

/** The comparison word or sign `text` starts with, longest first (plain loops: this runs once per value). */
function findPrefix(text: string): readonly [string, Op] | undefined {
  const candidates = PREFIXES_BY_FIRST.get(text.charCodeAt(0));
  if (candidates === undefined) return undefined;
  for (const entry of candidates) if (text.startsWith(entry[0])) return entry;
  return undefined;
}

/** The comparison word `text` ends with (`以上`, `以内`, …); every one ends in 上, 下 or 内. */
function findSuffix(text: string): readonly [string, Op] | undefined {
  const last = text.charCodeAt(text.length - 1);
  if (last !== 0x4e0a && last !== 0x4e0b && last !== 0x5185) return undefined;
  for (const entry of SUFFIXES) if (text.endsWith(entry[0])) return entry;
  return undefined;
}

/**
 * A 年度指标值 or 实施周期指标值 as written → comparison, number, upper end and unit (DOMAIN.md's table).
 * Anything that is not wholly a comparison and a quantity is qualitative (op "text"): `合法合规`,
 * `不高于市场价格`, `绿化率90%`, `实际完成的工作量/计划完成的工作量`. Nothing is repaired; raw is kept.
 */
export function parseValue(raw: string, indicatorName: string): IndicatorValue {
  const text = toHalfWidth(raw.trim());
  if (text === "") return qualitative(raw);

  let op: Op | null = null;
  // An estimate (`约2000人`, `预计500人次`, `30人左右`) is the quantity it names; a rate per period (`每月1次`) is a
  // quantity whose unit says the period (次/月).
  const estimate = ESTIMATE.exec(text);
  const perPeriod = estimate === null ? PER_PERIOD.exec(text) : null;
  let body = estimate !== null ? (estimate[1] ?? estimate[2]!) : perPeriod !== null ? perPeriod[2]! : text;
  if (perPeriod !== null) {
    // `每月不少于2次`: the rate's own comparison and range are read as any value's.
    const inner = parseValue(body, indicatorName);
    return inner.op === "text" || inner.unit === null
      ? qualitative(raw)
      : { ...inner, unit: `${inner.unit}/${perPeriod[1]}`, raw };
  }
  const prefix = findPrefix(body);
  if (prefix) {
    op = prefix[1];
    body = body.slice(prefix[0].length).trim();
  }
  const suffix = op === null ? findSuffix(body) : undefined;
  if (suffix) {
    op = suffix[1];
    body = body.slice(0, -suffix[0].length).trim();
  }

  const quantity = readQuantity(body);
  if (!quantity) return qualitative(raw);
  if (quantity.upper !== null) {
    // A range with a comparison word in front (`不少于20-35次`) is not a shape the framework knows.
    if (op !== null) return qualitative(raw);
    return {
      op: "range",
      value: quantity.value,
      upper: quantity.upper,
      unit: quantity.unit ?? unitFromName(indicatorName),
      raw,
    };
  }
  return {
    op: op ?? "=",
    value: quantity.value,
    upper: null,
    unit: quantity.unit ?? unitFromName(indicatorName),
    raw,
  };
}
