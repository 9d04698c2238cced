/**
 * Rates damaged on their way into the table, wherever they sit in a value: a `≥` read as `2` by OCR (`292%` for
 * `≥92%`), a score glued to the value (`985%` for `98%` and a score of 5, `210010` for `≥100` and 10). A bare
 * value is judged whole by check-indicators.ts; inside a sentence (`完成率达985%以上。`) each percentage is looked
 * at here. Growth and caps may pass 100% (`同比增长150%`, `≤120%`); completion rates and satisfaction cannot.
 */

/** A damaged part of a value, and what it probably was when that can be told. */
export interface DamagedRate {
  readonly fragment: string;
  readonly probable: string | null;
}

/**
 * A number followed by a percent sign, with up to eight characters before it for context. Examples:
 * `完成率达985%` (context `完成率达`), `满意度≥ 297 ％`, `增长150%`.
 */
const PERCENT_IN_TEXT = /([^\d.]{0,8}?)(\d+(?:\.\d+)?)\s*[%％]/g;

/**
 * What may pass 100% (growth, a cap, a rise). Examples: `同比增长`, `不超过`, `≤`, `提高`, `小于`; not `不低于`
 * (a lower bound, as a rate's target is).
 */
const MAY_EXCEED = /增长|增加|提高|提升|增幅|涨幅|上涨|同比|环比|超过|高于|小于|[≤<＜]|以内/;

/** Says the rate is a rate: `完成率`, `满意度`, `合格率达`. */
const RATE_WORD = /率|满意度/;

/** Says the target is a lower bound. Examples: `不低于`, `≥`, `>=`, `至少`, `达到` (and `以上` after). */
const LOWER_BOUND = /不低于|不少于|[≥＞>]=?|＞＝|至少|达到?/;

/** The first percentage above 100 in a sentence about a rate, or null. `name` is the indicator's name. */
export function damagedRateInText(text: string, name: string): DamagedRate | null {
  const rateName = RATE_WORD.test(name) || /[（(]\s*[%％]\s*[)）]/.test(name);
  PERCENT_IN_TEXT.lastIndex = 0;
  for (let m = PERCENT_IN_TEXT.exec(text); m !== null; m = PERCENT_IN_TEXT.exec(text)) {
    const before = m[1]!;
    const digits = m[2]!;
    if (Number(digits) <= 100) continue;
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 2);
    if (MAY_EXCEED.test(before) || /^(以内|以下)/.test(after)) continue;
    if (!rateName && !RATE_WORD.test(before)) continue;
    const lower = LOWER_BOUND.test(before) || /^以上/.test(after);
    return {
      fragment: text.slice(m.index + before.length, m.index + m[0].length),
      probable: probableRate(digits, lower, true),
    };
  }
  return null;
}

/**
 * What a rate above 100 probably was: `292` → `≥92`, `2100` → `≥100` (a `≥` read as `2`); `985` → `98` (a score
 * glued after it), `210010` → `≥100` (both); null when neither reading gives a plausible target (50 to 100).
 * `lower`: the text says the target is a lower bound. `percent`: write the `%`.
 */
export function probableRate(digits: string, lower: boolean, percent: boolean): string | null {
  const write = (value: string, atLeast: boolean): string =>
    `${atLeast ? "≥" : ""}${value}${percent ? "%" : ""}`;
  const whole = digits.split(".")[0]!;
  if (whole.length >= 3 && whole.charAt(0) === "2") {
    const rest = digits.slice(1);
    if (plausible(rest)) return write(rest, true);
    const glued = gluedPrefix(whole.slice(1));
    if (glued !== null) return write(glued, true);
  }
  const glued = gluedPrefix(whole);
  return glued === null ? null : write(glued, lower);
}

/** The longest leading digits of a glued value that make a plausible rate: `985` → `98`, `10010` → `100`. */
function gluedPrefix(whole: string): string | null {
  for (let end = whole.length - 1; end >= 2; end--) {
    const prefix = whole.slice(0, end);
    if (plausible(prefix)) return prefix;
  }
  return null;
}

/** A rate target as tables write them: 50 to 100, no leading zero. */
function plausible(digits: string): boolean {
  if (digits === "" || (digits.charAt(0) === "0" && digits.charAt(1) !== ".")) return false;
  const value = Number(digits);
  return Number.isFinite(value) && value >= 50 && value <= 100;
}
