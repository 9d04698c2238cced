/**
 * Units as the comparison sees them: the same unit written two ways is one unit (`%` and `百分比`), and units of
 * one dimension convert exactly (`万元` = 10,000 `元`, `年` = 12 `月`), so that `≤50万元` → `≤500000元` is a
 * change of unit that keeps the quantity, never a change of magnitude.
 */

/** Spellings of one unit (after full-width folding): what the value parser may return for each. */
const SAME_UNIT: Readonly<Record<string, string>> = {
  "％": "%",
  百分比: "%",
  百分率: "%",
  "‰": "‰",
  个月: "月",
  日: "天",
  公斤: "千克",
  千米: "公里",
  平方千米: "平方公里",
};

/** Dimension and factor to its base unit: amounts in 元, time in 月 or 天, weight in 克, length in 米 … */
const SCALES: Readonly<Record<string, readonly [string, number]>> = {
  元: ["money", 1],
  千元: ["money", 1e3],
  万元: ["money", 1e4],
  百万元: ["money", 1e6],
  亿元: ["money", 1e8],
  年: ["months", 12],
  季度: ["months", 3],
  月: ["months", 1],
  天: ["days", 1],
  小时: ["days", 1 / 24],
  吨: ["weight", 1e6],
  千克: ["weight", 1e3],
  克: ["weight", 1],
  公里: ["length", 1e3],
  米: ["length", 1],
  厘米: ["length", 0.01],
  平方公里: ["area", 1e6],
  公顷: ["area", 1e4],
  亩: ["area", 10000 / 15],
  平方米: ["area", 1],
  "%": ["ratio", 1],
  "‰": ["ratio", 0.1],
};

/** The unit as compared: blanks dropped, one spelling per unit; null for no unit. */
export function normalizeUnit(unit: string | null): string | null {
  if (unit === null) return null;
  const trimmed = unit.replace(/\s+/g, "");
  if (trimmed === "") return null;
  return SAME_UNIT[trimmed] ?? trimmed;
}

/** Dimension and factor of a unit; a counted thing prefixed with 万 or 亿 (`万人次`) scales its bare unit. */
function scaleOf(unit: string): readonly [string, number] | null {
  const known = SCALES[unit];
  if (known) return known;
  const prefix = unit.charAt(0);
  const factor = prefix === "万" ? 1e4 : prefix === "亿" ? 1e8 : prefix === "千" ? 1e3 : null;
  if (factor !== null && unit.length > 1) {
    const bare = normalizeUnit(unit.slice(1))!;
    const inner = SCALES[bare];
    return inner ? [inner[0], inner[1] * factor] : [`count:${bare}`, factor];
  }
  return [`count:${unit}`, 1];
}

/**
 * Whether `a` in `unitA` is the same quantity as `b` in `unitB` (units of one dimension, exactly converted;
 * a relative tolerance of 1e-9 absorbs the float products of 亩's 10000/15).
 */
export function sameQuantity(a: number, unitA: string, b: number, unitB: string): boolean {
  const x = scaleOf(unitA);
  const y = scaleOf(unitB);
  if (!x || !y || x[0] !== y[0]) return false;
  const left = a * x[1];
  const right = b * y[1];
  return Math.abs(left - right) <= 1e-9 * Math.max(Math.abs(left), Math.abs(right), 1);
}

/** `value` in its dimension's base unit (`18` 万元 → 180,000 元); as it is for a unit of no known scale. */
export function inBaseUnit(value: number, unit: string): number {
  return value * (scaleOf(normalizeUnit(unit) ?? unit)?.[1] ?? 1);
}
