import { composeValue } from "./compose-value";
import { cachedLevel } from "./map-level";
import type { LeftoverText, SplitItem, SplitResult } from "./split-item";

/**
 * Splits a cell in the other string dialect, one segment per indicator, as some provinces' systems write it:
 *
 *   一级指标：产出指标,二级指标：数量指标,三级指标：购置台数,运算符号：≥,指标值：20,计量单位：台;一级指标：…
 *
 * Fields are found by their labels (a label at the start, after a separator or a blank, then `：` or `:`); a
 * field's value runs to the next label, so values may hold commas (`满意,得满分`). A segment starts at 一级指标,
 * at the first label after `;`/`；`, or where a label repeats; in a cell whose fields are parted by `;` alone
 * (`一级指标:产出指标;二级指标:数量指标;三级指标:购置台数;指标值:≥20台`, one indicator a line) a line break ends a
 * segment instead. The comparison, value and unit are joined into the
 * annual value (`≥20台`). One regex pass over the labels, then one pass over the matches: linear.
 */

type Field = "level1" | "level2" | "name" | "op" | "value" | "period" | "unit" | "weight" | "direction";

const FIELD_OF: Readonly<Record<string, Field>> = {
  一级指标: "level1",
  二级指标: "level2",
  三级指标: "name",
  三级指标名称: "name",
  指标名称: "name",
  运算符号: "op",
  计算符号: "op",
  比较符号: "op",
  指标性质: "op",
  指标值: "value",
  年度指标值: "value",
  实施周期指标值: "period",
  计量单位: "unit",
  度量单位: "unit",
  权重: "weight",
  分值: "weight",
  指标方向: "direction",
  指标方向性: "direction",
};

/**
 * A field label and its colon. Longer labels come first so that `三级指标名称：` is not read as `三级指标`.
 * Matches `一级指标：`, `指标值:`, `计量单位 ：`; in `实施周期指标值：` it matches the whole label (tried first).
 * Literal alternatives and one bounded run of blanks: no backtracking beyond that run.
 */
const LABEL = new RegExp(
  `(${Object.keys(FIELD_OF)
    .sort((a, b) => b.length - a.length)
    .join("|")})[ \\t\\u3000]*[：:]`,
  "g",
);

/** A separator between fields or segments, or a blank: what may come before a label. */
function isBoundary(text: string, at: number): boolean {
  if (at === 0) return true;
  const c = text[at - 1]!;
  return /[,，;；、。\s]/.test(c);
}

/** `；` or `;`: the end of a segment. */
function isSegmentEnd(c: string): boolean {
  return c === ";" || c === "；";
}

/** Does this cell hold the dialect? Its first label is one of its own (a quick test for the layout). */
export function holdsIndicatorSegments(text: string): boolean {
  const at = text.indexOf("一级指标");
  if (at < 0) return false;
  LABEL.lastIndex = at;
  const first = LABEL.exec(text);
  return first !== null && first.index === at && text.includes("指标值", at);
}

interface FieldMatch {
  readonly field: Field;
  readonly start: number;
  /** Where the value starts (after the colon). */
  readonly valueStart: number;
}

/** Splits one cell of the dialect (see the top of this file). */
export function splitIndicatorSegments(text: string): SplitResult {
  const matches: FieldMatch[] = [];
  const pattern = LABEL;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    if (!isBoundary(text, m.index)) continue;
    matches.push({ field: FIELD_OF[m[1]!]!, start: m.index, valueStart: m.index + m[0].length });
  }
  const items: SplitItem[] = [];
  const unparsed: LeftoverText[] = [];
  const lead = matches.length > 0 ? matches[0]!.start : text.length;
  if (text.slice(0, lead).trim() !== "") {
    const start = text.length - text.trimStart().length;
    unparsed.push({ start, end: lead, text: text.slice(start, lead).trim() });
  }

  // Where each value ends (its trailing separators and blanks left out), and what parts it from the next label.
  const ends = matches.map((match, k) => {
    const next = k + 1 < matches.length ? matches[k + 1]!.start : text.length;
    let end = next;
    while (end > match.valueStart && /[,，;；\s]/.test(text[end - 1]!)) end--;
    return end;
  });
  const gaps = matches.slice(0, -1).map((_, k) => text.slice(ends[k]!, matches[k + 1]!.start));
  // A cell that parts its fields by `;` alone (`一级指标:产出指标;二级指标:数量指标;…`, an indicator a line): there
  // a `;` is no segment end, and a line break is.
  const semicolonFields = gaps.some((g) => /[;；]/.test(g)) && !gaps.some((g) => /[,，]/.test(g));
  let segment: Map<Field, string> | null = null;
  let segmentStart = 0;
  let segmentEnd = 0;
  const close = (): void => {
    if (segment !== null) items.push(itemOf(segment, text, segmentStart, segmentEnd));
    segment = null;
  };
  for (let k = 0; k < matches.length; k++) {
    const match = matches[k]!;
    const next = k + 1 < matches.length ? matches[k + 1]!.start : text.length;
    // The value runs to the next label, its trailing separators and blanks left out.
    const end = ends[k]!;
    const gap = text.slice(end, next);
    const endsSegment = semicolonFields ? /[\r\n]/.test(gap) : gap.split("").some(isSegmentEnd);
    const current: Map<Field, string> | null = segment;
    if (current === null || match.field === "level1" || current.has(match.field)) {
      close();
      segment = new Map();
      segmentStart = match.start;
    }
    segment!.set(match.field, text.slice(match.valueStart, end).trim());
    segmentEnd = endsSegment || next === text.length ? next : end;
    if (endsSegment) close();
  }
  close();
  return { items, goal: "", unparsed, markup: [] };
}

function itemOf(fields: ReadonlyMap<Field, string>, text: string, start: number, end: number): SplitItem {
  const get = (field: Field): string => fields.get(field) ?? "";
  const level1 = get("level1");
  const level2 = get("level2");
  const rawEnd = trimEnd(text, start, end);
  return {
    start,
    end: rawEnd,
    seq: null,
    level1: level1 === "" ? null : cachedLevel(level1, 1),
    level2: level2 === "" ? null : cachedLevel(level2, 2),
    name: get("name"),
    periodValue: composeValue(get("op"), get("period"), get("unit")),
    annualValue: composeValue(get("op"), get("value"), get("unit")),
    raw: text.slice(start, rawEnd),
  };
}

/** End of [start, end) without trailing blanks. */
function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(text[e - 1]!)) e--;
  return e;
}
