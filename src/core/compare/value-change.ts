/**
 * What changed between last year's value of one indicator and this year's, as a reviewer would name it: a sign
 * lost or changed, a unit changed, a number moved by a factor of ten, a number that became words. An ordinary
 * new target (`≥95%` → `≥96%`) or reworded text is not a finding: targets are meant to move.
 */
import type { IndicatorValue } from "../model/analysis";
import type { FindingKind } from "./finding";
import { normalizeUnit } from "./unit-scale";

type ValueChangeKind = Extract<
  FindingKind,
  "op-lost" | "op-changed" | "unit-changed" | "magnitude" | "kind-changed"
>;

/** What a value is: words, a date or period, or a quantity (a number with its sign, or a range). */
type Shape = "text" | "date" | "quantity";

/**
 * A date or a period of dates: a year with 年; a month (1–12) with 份 底 初 中 末 前 or a day after it; a
 * year-month with a separator. A count of months (`24月`, `6个月`) is a quantity, not a date.
 * Matches: `2024年`, `12月底前`, `6月30日`, `2024.06`, `2024-12`.
 */
const DATE =
  /(?:19|20)\d\d\s*年|(?:^|\D)(?:0?[1-9]|1[0-2])\s*月(?:份|底|初|中|末|前|\d)|(?:19|20)\d\d[-./](?:0?[1-9]|1[0-2])(?!\d)/;

function isYear(n: number | null): boolean {
  return n !== null && Number.isInteger(n) && n >= 1900 && n <= 2100;
}

function shapeOf(v: IndicatorValue): Shape {
  if (DATE.test(v.raw)) return "date";
  // `2024-2025` parses as a range of two years: a period, not a quantity.
  if (v.op === "range" && v.unit === null && isYear(v.value) && isYear(v.upper)) return "date";
  return v.op === "text" ? "text" : "quantity";
}

/**
 * The value's own sign, as written: `=` counts only when written (`＝95%`, `等于95`); a bare `95%` has none.
 * Matches of the written-equals test: `=95`, `＝95%`, `等于100`.
 */
const WRITTEN_EQUALS = /[=＝﹦]|等于/;

function writtenSign(v: IndicatorValue): IndicatorValue["op"] | null {
  if (v.op === "range" || v.op === "text") return null;
  if (v.op === "=") return WRITTEN_EQUALS.test(v.raw) ? "=" : null;
  return v.op;
}

/** The unit the value itself writes (`95%`), not one the parser took from the name (`合格率(%)`). */
function writtenUnit(v: IndicatorValue): string | null {
  if (v.unit === null) return null;
  return v.raw.indexOf(v.unit) >= 0 ? normalizeUnit(v.unit) : null;
}

/** The kinds of change from `last` to `current` (none when both are the same or the change is an ordinary one). */
export function valueChanges(last: IndicatorValue, current: IndicatorValue): ValueChangeKind[] {
  if (last.raw.replace(/\s+/g, "") === current.raw.replace(/\s+/g, "")) return [];
  const shapeLast = shapeOf(last);
  const shapeThis = shapeOf(current);
  if (shapeLast !== shapeThis) return ["kind-changed"];
  if (shapeLast !== "quantity") return [];

  const kinds: ValueChangeKind[] = [];
  const signLast = writtenSign(last);
  const signThis = writtenSign(current);
  if (signLast !== null && signLast !== "=" && signThis === null && current.op !== "range")
    kinds.push("op-lost");
  else if (signThis !== null && signLast !== signThis && last.op !== "range") kinds.push("op-changed");

  const unitLast = writtenUnit(last);
  const unitThis = writtenUnit(current);
  if (unitLast !== unitThis) {
    // A change of scale that keeps the quantity (`50万元` → `500000元`) and any other change of unit alike:
    // the unit is what the reviewer must check, never the size of the number.
    kinds.push("unit-changed");
    return kinds;
  }
  if (last.value !== null && current.value !== null && last.value !== 0 && current.value !== 0) {
    const ratio = Math.abs(current.value / last.value);
    if (ratio >= 10 || ratio <= 0.1) kinds.push("magnitude");
  }
  return kinds;
}
