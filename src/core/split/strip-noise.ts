/**
 * Separates the characters that carry meaning in a cell from the noise that pasting adds: HTML remnants
 * (`<p>`, `</p>`, `<br/>`, `&nbsp;`) and whitespace (space, tab, line breaks, NBSP, U+3000). The parser reads
 * the clean text; the noise is kept as runs so that every character of the cell can be accounted for.
 * One forward pass; a tag is looked for at most MAX_TAG_LENGTH characters ahead, so the work stays linear.
 */

import * as chars from "../model/chars";

// Read once from chars.ts: under tsx every use of an imported name is a getter call (README, "Speed").
const { AMPERSAND, isAsciiLetter, isDigit, isWhitespace, LESS_THAN } = chars;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;

export type NoiseKind = "markup" | "whitespace";

export interface NoiseRun {
  readonly kind: NoiseKind;
  /** Offsets in the original text. */
  readonly start: number;
  readonly end: number;
}

/** A run of meaningful characters: clean[cleanStart, cleanStart + length) = text[start, start + length). */
export interface CleanSegment {
  readonly cleanStart: number;
  readonly start: number;
  readonly length: number;
}

export interface StrippedText {
  readonly text: string;
  readonly clean: string;
  readonly segments: readonly CleanSegment[];
  readonly noise: readonly NoiseRun[];
}

/** A character that may start noise: `<`, `&` or any whitespace chars.isWhitespace knows (`<p>`, `&nbsp;`, `U+3000`). */
const NOISE_START = /[<&\s\u00a0\u3000\u2002\u2003\u2009\u200b\ufeff]/;

const MAX_TAG_LENGTH = 256;
const MAX_ENTITY_LENGTH = 10;

/** A–Z, a–z, 0–9 at `i` (false past the end). */
function isAsciiAlnumAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return isAsciiLetter(c) || isDigit(c);
}

/** End of an HTML tag starting at `pos` (`<p>`, `</p>`, `<br/>`, `<span style="x">`, `<!-- -->`), or -1. */
function tagEnd(text: string, pos: number): number {
  const next = text[pos + 1];
  const opener = next === "/" || next === "!" ? pos + 2 : pos + 1;
  if (!isAsciiLetter(text.charCodeAt(opener)) && !(next === "!" && text[opener] === "-")) return -1;
  const limit = Math.min(text.length, pos + MAX_TAG_LENGTH);
  for (let i = pos + 1; i < limit; i++) {
    const ch = text[i];
    if (ch === ">") return i + 1;
    if (ch === "<" || ch === "\n") return -1;
  }
  return -1;
}

/** End of an HTML entity at `pos` (`&nbsp;`, `&amp;`, `&#160;`, `&#x3000;`), or -1. */
function entityEnd(text: string, pos: number): number {
  const limit = Math.min(text.length, pos + MAX_ENTITY_LENGTH);
  let i = pos + 1;
  if (text[i] === "#") i++;
  const bodyStart = i;
  while (i < limit && isAsciiAlnumAt(text, i)) i++;
  return i > bodyStart && text[i] === ";" ? i + 1 : -1;
}

/**
 * Splits text into clean segments and noise runs. Whitespace between two ASCII letters or digits
 * (`Windows Server`, `E9 管理` keeps nothing, `3 000` keeps the space) is content, not noise, unless it holds
 * a line break.
 */
export function stripNoise(text: string): StrippedText {
  // Most cells hold no markup or whitespace at all: one regex test (a single linear scan) settles them.
  if (!NOISE_START.test(text)) {
    return {
      text,
      clean: text,
      segments: text === "" ? [] : [{ cleanStart: 0, start: 0, length: text.length }],
      noise: [],
    };
  }
  const out = new StrippedBuilder(text);
  let i = 0;
  const n = text.length;
  // Character codes, not one-character strings (README, "Speed").
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === LESS_THAN || c === AMPERSAND) {
      const end = c === LESS_THAN ? tagEnd(text, i) : entityEnd(text, i);
      if (end > 0) {
        out.addNoise("markup", i, end);
        i = end;
        continue;
      }
    } else if (isWhitespace(c)) {
      let end = i + 1;
      let lineBreak = c === LINE_FEED || c === CARRIAGE_RETURN;
      while (end < n && isWhitespace(text.charCodeAt(end))) {
        const d = text.charCodeAt(end);
        if (d === LINE_FEED || d === CARRIAGE_RETURN) lineBreak = true;
        end++;
      }
      // A line break is never content: items may be separated by nothing else (`…年度指标值：100⏎2、…`).
      const between =
        !lineBreak &&
        i > 0 &&
        isAsciiAlnumAt(text, i - 1) &&
        isAsciiAlnumAt(text, end) &&
        out.segmentStart < i;
      if (!between) out.addNoise("whitespace", i, end);
      i = end;
      continue;
    }
    i++;
  }
  return out.finish();
}

/** Collects segments and noise runs (a class rather than closures: one object per cell, nothing per call). */
class StrippedBuilder {
  private readonly segments: CleanSegment[] = [];
  private readonly noise: NoiseRun[] = [];
  private clean = "";
  /** Where the current clean segment began. */
  segmentStart = 0;

  constructor(private readonly text: string) {}

  /** Noise at [start, end): closes the clean segment before it, merges with a touching run of its kind. */
  addNoise(kind: NoiseKind, start: number, end: number): void {
    this.closeSegment(start);
    const last = this.noise[this.noise.length - 1];
    if (last && last.kind === kind && last.end === start)
      this.noise[this.noise.length - 1] = { kind, start: last.start, end };
    else this.noise.push({ kind, start, end });
    this.segmentStart = end;
  }

  finish(): StrippedText {
    this.closeSegment(this.text.length);
    return { text: this.text, clean: this.clean, segments: this.segments, noise: this.noise };
  }

  private closeSegment(end: number): void {
    if (end > this.segmentStart) {
      this.segments.push({
        cleanStart: this.clean.length,
        start: this.segmentStart,
        length: end - this.segmentStart,
      });
      this.clean += this.text.slice(this.segmentStart, end);
    }
  }
}

/**
 * Maps a clean offset to the original offset of that character; `clean.length` maps to the end of the last
 * segment. Segments are searched by bisection.
 */
export function toOriginalOffset(stripped: StrippedText, cleanOffset: number): number {
  const segs = stripped.segments;
  if (segs.length === 0) return 0;
  let lo = 0;
  let hi = segs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segs[mid]!.cleanStart <= cleanOffset) lo = mid;
    else hi = mid - 1;
  }
  const seg = segs[lo]!;
  return seg.start + Math.min(cleanOffset - seg.cleanStart, seg.length);
}

/** Original offset just past the clean character before `cleanEnd` (so trailing noise is excluded). */
export function toOriginalEnd(stripped: StrippedText, cleanEnd: number): number {
  return cleanEnd <= 0 ? toOriginalOffset(stripped, 0) : toOriginalOffset(stripped, cleanEnd - 1) + 1;
}
