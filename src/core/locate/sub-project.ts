/**
 * A grid with one value column per sub-project (issue #19): a project that funds several schools, villages or
 * works states each indicator once and its value for each of them, side by side. Real forms write it two ways:
 *
 * - one 指标值 header over a second header row of names: `指标值` spanning `一中 | 二中 | 实验小学`;
 * - the names in the value headers themselves: `指标值（一中） | 指标值（二中）`, `一中指标值 | 二中指标值`.
 *
 * Such a column is one indicator per sub-project, not a choice of this year's column: what tells them apart from
 * the column groups of two horizons (中期 | 年度, 上年实际 | 预期, 2024年 | 2025年) is meaning. A sub-project's name
 * says no horizon (horizonOf), names no grid or form role, and is no unit, score or value (`%`, `50分`, `≥95%`).
 */
import { normalizeLabel } from "./normalize-label";
import { formRole, gridRole, horizonOf, listedGridRole } from "./vocabulary";

/** Longest sub-project name read from a header (a school's or a village's full name fits). */
const MAX_NAME_LENGTH = 20;

/**
 * A unit, score or kind of value, never a sub-project: `%`, `万元`, `平方米`, `50分`, `定量`, `单位:人`. Matches
 * `%`, `万元`, `个`, `30分`; not `一中`, `城关镇`.
 */
const NOT_A_NAME =
  /^(?:%|‰|[万亿千百]?元|[0-9.]+分?|分|个|人|人次|次|天|日|年|月|台|套|件|项|户|座|所|处|间|[平立]方米|米|千米|公里|亩|公顷|吨|小时|万人|定量|定性|单位.*|计量单位|备注|合计|小计|总计)$/;
/** A value or a comparison, not a name: `≥95%`, `<=3`, `100`, `不低于90%`. */
const VALUE_LIKE = /[≥≤<>=＞＜＝]|^[0-9.,%]+$|^不(?:低于|少于|高于|超过)/;
/** A value word a header ends in after a sub-project's name: `一中指标值` → 一中, `A标段目标值` → A标段. */
const VALUE_SUFFIX = /^(.+?)(?:年度)?(?:指标值|目标值)$/;

/**
 * A column of the whole project beside its sub-projects' (`合计 | 一中 | 二中`): its indicator keeps the plain name.
 * Matches `合计`, `小计`, `项目合计`, `全项目`; not `一中`.
 */
const WHOLE_PROJECT = /^(?:项目)?(?:合计|小计|总计|汇总|整体)$|^全项目$/;

/** A header naming the whole project among sub-project columns: `合计`, `指标值（合计）`, `合计指标值`. */
export function isWholeProject(text: string): boolean {
  const { key, remarks } = normalizeLabel(text);
  if (WHOLE_PROJECT.test(key)) return true;
  if (remarks.length === 1 && gridRole(key) === "value") return WHOLE_PROJECT.test(remarks[0]!.trim());
  const m = VALUE_SUFFIX.exec(key);
  return m !== null && remarks.length === 0 && WHOLE_PROJECT.test(m[1]!);
}

/** The text of a cell named as a sub-project: short, no horizon, no role, no unit, score or value. */
export function isSubProjectName(text: string): boolean {
  const { key, remarks } = normalizeLabel(text);
  if (key === "" || key.length > MAX_NAME_LENGTH || remarks.length > 0) return false;
  if (NOT_A_NAME.test(key) || VALUE_LIKE.test(key)) return false;
  if (horizonOf(key) !== null || /[0-9]{4}/.test(key)) return false;
  return gridRole(key) === null && formRole(key) === null;
}

/**
 * The sub-project a value header names, or null: `指标值（一中）` → 一中, `一中指标值` → 一中, `年度指标值（实验小学）` →
 * 实验小学; `指标值（%）`, `指标值（2024年）`, `中期指标值`, `指标值` → null.
 */
export function subProjectOfHeader(text: string): string | null {
  if (text.length > 30) return null;
  const { key, remarks } = normalizeLabel(text);
  if (remarks.length === 1 && gridRole(key) === "value" && horizonOf(key) !== "other") {
    const name = remarks[0]!;
    return isSubProjectName(name) ? name.trim() : null;
  }
  // `计划指标值` is a listed value header; `一中指标值` is not, and names 一中.
  if (remarks.length > 0 || listedGridRole(key) !== null) return null;
  const m = VALUE_SUFFIX.exec(key);
  return m && isSubProjectName(m[1]!) ? m[1]! : null;
}

/**
 * An indicator's name for one sub-project: `新建校舍面积` → `新建校舍面积（一中）`. A unit or placeholder the name
 * ends in stays at its end, where the value's reading looks for it: `合格率(%)` → `合格率（一中）(%)`.
 */
export function nameForSubProject(name: string, subProject: string): string {
  // The name's last bracketed part, at its end: `(%)` in `合格率(%)`, `（≥**人）` in `培训人数（≥**人）`.
  const m = /[（(][^（）()]*[)）]\s*$/.exec(name);
  const at = m && m.index > 0 ? m.index : name.length;
  return `${name.slice(0, at)}（${subProject}）${name.slice(at)}`;
}
