/**
 * How alike two names or goals are, for pairing a renamed project or indicator with last year's: names are
 * compared with full-width forms folded, without blanks and punctuation, then by the share of character pairs they have in
 * common (Dice's coefficient on bigrams), which tolerates an inserted or changed word in a Chinese name.
 */

/**
 * Blanks, ASCII punctuation, CJK punctuation (U+3000–U+303F) and the full-width forms of ASCII punctuation.
 * Spelled out instead of `\p{P}`: the pane runs on IE11, whose RegExp has no `u` flag (String#normalize is
 * missing there too, so full-width letters and digits are folded by hand below).
 * Matches: ` `, `（`, `」`, `：`, `%`.
 */
const IGNORED =
  /[\s!-/:-@[-`{-~\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2018-\u201f]+/g;

/** Full-width letters and digits (U+FF10–U+FF5A) → ASCII, as NFKC would. */
function foldFullWidth(text: string): string {
  return text.replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g, (c) =>
    String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
}

/**
 * A name as compared: full-width folded, no blanks, no punctuation or brackets.
 * `「 验收 合格率 」` → `验收合格率`; `（１）设备购置数量：` → `1设备购置数量`.
 */
export function comparableText(text: string): string {
  return foldFullWidth(text).replace(IGNORED, "");
}

function bigrams(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  if (text.length === 1) counts.set(text, 1);
  for (let i = 0; i + 1 < text.length; i++) {
    const pair = text.slice(i, i + 2);
    counts.set(pair, (counts.get(pair) ?? 0) + 1);
  }
  return counts;
}

/** 1 for the same text, 0 for nothing in common: `设备购置数量` / `设备采购数量` → 0.4. */
export function textSimilarity(a: string, b: string): number {
  const x = comparableText(a);
  const y = comparableText(b);
  if (x === y) return x === "" ? 0 : 1;
  if (x === "" || y === "") return 0;
  const left = bigrams(x);
  const right = bigrams(y);
  let shared = 0;
  let total = 0;
  for (const n of left.values()) total += n;
  for (const [pair, n] of right) {
    total += n;
    shared += Math.min(n, left.get(pair) ?? 0);
  }
  return (2 * shared) / total;
}
