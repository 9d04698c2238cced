import type { Analysis } from "../core/analysis";
import type { Messages } from "../core/messages";

export interface AnalysisCounts {
  readonly projects: number;
  readonly units: number;
  readonly indicators: number;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
}

export function countAnalysis(analysis: Analysis): AnalysisCounts {
  const units = new Set<string>();
  for (const u of analysis.units) units.add(u.name);
  for (const p of analysis.projects) if (p.unit !== null) units.add(p.unit);
  const bySeverity = (s: string): number => analysis.issues.filter((i) => i.severity === s).length;
  return {
    projects: analysis.projects.length,
    units: units.size,
    indicators: analysis.projects.reduce((n, p) => n + p.indicators.length, 0),
    errors: bySeverity("error"),
    warnings: bySeverity("warning"),
    infos: bySeverity("info"),
  };
}

export function describeCounts(c: AnalysisCounts, m: Messages["cli"]): { counts: string; issues: string } {
  return {
    counts: m.counts(c.projects, c.units, c.indicators),
    issues: m.issueCounts(c.errors, c.warnings, c.infos),
  };
}
