import type { Analysis } from "./analysis";

/** What a summary shows of an analysis: the CLI's lines, the pane's figures and the ribbon's dialog. */
export interface AnalysisCounts {
  readonly projects: number;
  /** Distinct unit names: unit rows and the units projects name. */
  readonly units: number;
  readonly indicators: number;
  /** Total equations checked (held or broken; not those skipped for a cell that is no number). */
  readonly equations: number;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
}

export function countAnalysis(analysis: Analysis): AnalysisCounts {
  const units = new Set<string>();
  for (const u of analysis.units) units.add(u.name);
  for (const p of analysis.projects) if (p.unit !== null) units.add(p.unit);
  let indicators = 0;
  for (const p of analysis.projects) indicators += p.indicators.length;
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const issue of analysis.issues) {
    if (issue.severity === "error") errors++;
    else if (issue.severity === "warning") warnings++;
    else infos++;
  }
  const equations = analysis.checkedEquations ?? 0;
  return {
    projects: analysis.projects.length,
    units: units.size,
    indicators,
    equations,
    errors,
    warnings,
    infos,
  };
}
