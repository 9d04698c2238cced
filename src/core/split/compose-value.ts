/**
 * An indicator value written in parts, as the columnar layouts and the one-segment-per-indicator dialect write
 * it: a comparison (指标性质 / 运算符号 / 计算符号: `≥`, `＞＝`, `定性`), a number or text (指标值) and a unit
 * (计量单位 / 度量单位). Joined into the one string the value parser reads, as a clerk would write it: `≥` `20`
 * `台` → `≥20台`; `定性` `提升` → `提升`; `＝` `100` `%` → `100%`. Nothing is repaired: a value that already
 * carries its comparison or unit keeps it, and an empty value stays missing (null).
 */

/** Comparison words and signs as the finance systems write them → the sign put before the number. */
const COMPARISONS: Readonly<Record<string, string>> = {
  "≥": "≥",
  "＞＝": "≥",
  ">=": "≥",
  大于等于: "≥",
  不小于: "≥",
  "≤": "≤",
  "＜＝": "≤",
  "<=": "≤",
  小于等于: "≤",
  不大于: "≤",
  "＞": "＞",
  ">": "＞",
  大于: "＞",
  "＜": "＜",
  "<": "＜",
  小于: "＜",
  // Equality and qualitative values are written as the value alone.
  "＝": "",
  "=": "",
  等于: "",
  定性: "",
  定量: "",
  // Look-alikes and words as clerks type them in a 计算符号 column.
  "≧": "≥",
  "⩾": "≥",
  "＞=": "≥",
  不低于: "≥",
  不少于: "≥",
  "≦": "≤",
  "⩽": "≤",
  "＜=": "≤",
  不高于: "≤",
  不超过: "≤",
  "﹦": "",
  "〓": "",
};

/**
 * A value that states its own comparison: `≥95%`, `不低于90%`, `大于99`, `＝100%`. Examples of matches:
 * `≥95%`, `不少于3个`, `≤0.5小时`; no match: `95%`, `提升`.
 */
const HAS_COMPARISON =
  /^(?:[≥≤><＞＜=＝≧≦⩾⩽﹦]|不低于|不少于|不高于|不超过|不大于|不小于|大于|小于|高于|低于|至少|超过)/;

/** A value whose last character is a digit: `20`, `≥95`, `0.5`; not `20台`, `95%`, `提升`. */
const ENDS_WITH_NUMBER = /[0-9０-９]$/;

/** The comparison column's text → the sign to write before the value ("" for none), or null when unknown. */
export function comparisonSign(op: string): string | null {
  const key = op.replace(/\s+/g, "");
  return key === "" ? "" : (COMPARISONS[key] ?? null);
}

/**
 * The value a clerk reads from the three cells: comparison + value + unit. Null when the value is empty. An
 * unknown comparison word is kept before the value, so that nothing written is lost.
 */
export function composeValue(op: string, value: string, unit: string): string | null {
  const v = value.trim();
  if (v === "") return null;
  const sign = comparisonSign(op);
  const prefix = HAS_COMPARISON.test(v) ? "" : sign === null ? op.trim() : sign;
  const u = unit.trim();
  // A value that already ends in a unit or is text keeps it: `28.8万元` under a 计量单位 of `%`, `应保尽保` under `%`
  // (as published) stay as written; only a bare number takes the column's unit.
  const suffix = u === "" || v.endsWith(u) || !ENDS_WITH_NUMBER.test(v) ? "" : u;
  return `${prefix}${v}${suffix}`;
}
