import type { AnalysisCounts } from "../model/count-analysis";
import type { Messages } from "./zh-CN";

/**
 * The verdict of a run without errors, saying what was checked ("合计已核对：N 个等式全部相符；指标 M 条，未发现问题"),
 * or null when there are errors (each shell says how many, in its own words).
 */
export function describeVerdict(
  counts: Pick<AnalysisCounts, "equations" | "indicators" | "errors" | "warnings">,
  m: Pick<Messages, "verdict">,
): string | null {
  if (counts.errors > 0) return null;
  return counts.warnings > 0
    ? m.verdict.warnings(counts.equations, counts.indicators, counts.warnings)
    : m.verdict.clean(counts.equations, counts.indicators);
}
