export { countAnalysis, type AnalysisCounts } from "../core";
import type { AnalysisCounts } from "../core";
import type { CliMessages } from "./messages";

export function describeCounts(c: AnalysisCounts, m: CliMessages): { counts: string; issues: string } {
  return {
    counts: m.counts(c.projects, c.units, c.indicators),
    issues: m.issueCounts(c.errors, c.warnings, c.infos),
  };
}
