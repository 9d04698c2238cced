/**
 * What `check` prints of a file, without keeping the analysis it counts: countAnalysis(analyzeInput(…)), worked
 * out with the same core stages (locate, classify, read, split, check) but with each table's projects split and
 * checked a part at a time and then dropped, and its issues counted by severity, never worded or sorted. At
 * 10,000 projects the kept analysis (indicators, worded issues) was half the heap and most of what the garbage
 * collector copied. test/xlsx/count-input.test.ts holds it equal to countAnalysis(analyzeInput(…)).
 */
import {
  A1_ORIGIN,
  checkIndicators,
  makeIssue,
  findTables,
  localizeIssues,
  reconcileTotals,
  settleCheckOptions,
  splitTable,
  type CheckSettings,
  type TableRead,
  type AnalysisCounts,
  type IssueDraft,
} from "../core";
import { findInvalidCharacters } from "./find-invalid-characters";
import type { AnalyzeInputOptions } from "./normalize-workbook";
import type { InputTable } from "./read-input";

/** Projects split and checked at once: small enough that their indicators die young. */
const PART_PROJECTS = 256;

/** Issues by severity, and the table's figures. */
class Tally {
  projects = 0;
  indicators = 0;
  readonly units = new Set<string>();
  errors = 0;
  warnings = 0;
  infos = 0;

  issues(drafts: readonly IssueDraft[]): void {
    for (const d of drafts) {
      if (d.severity === "error") this.errors++;
      else if (d.severity === "warning") this.warnings++;
      else this.infos++;
    }
  }

  counts(): AnalysisCounts {
    const { projects, indicators, errors, warnings, infos } = this;
    return { projects, units: this.units.size, indicators, errors, warnings, infos };
  }
}

export function countInput(
  input: InputTable,
  options: AnalyzeInputOptions,
  partProjects = PART_PROJECTS,
): AnalysisCounts & { readonly noTable?: string } {
  const tally = new Tally();
  const settings = settleCheckOptions(options);
  let tables = 0;
  for (const sheet of input.sheets) {
    for (const found of sheet.tables ?? findTables(sheet.grid, sheet.origin ?? A1_ORIGIN)) {
      tables++;
      countTable(found.read(found.classify()), settings, partProjects, tally);
    }
  }
  const noTable = tables === 0 ? makeIssue("no-table", null, {}) : null;
  if (noTable) tally.issues([noTable]);
  for (const sheet of input.sheets) tally.issues(findInvalidCharacters(sheet.grid, sheet.origin));
  for (const b of input.invalidBytes ?? [])
    tally.issues([makeIssue("invalid-bytes", null, { byteOffset: b.byteOffset })]);
  // No table: check counts the file as one with an error, and says what it looked for.
  if (noTable) return { ...tally.counts(), noTable: localizeIssues([noTable], options.locale)[0]!.message };
  return tally.counts();
}

/** One table as analyze-table's readFound and checkTable take it, its projects a part at a time. */
function countTable(read: TableRead, settings: CheckSettings, partProjects: number, tally: Tally): void {
  for (const unit of read.units) tally.units.add(unit.name);
  tally.issues(read.issues);
  // The totals as the analysis reports them: the cells to change, not every total they upset.
  tally.issues(reconcileTotals(read, settings));
  const projectNamesSeen = new Map<string | null, Map<string, number>>();
  for (let start = 0; start < read.projects.length; start += partProjects) {
    const part = {
      ...read,
      projects: read.projects.slice(start, start + partProjects),
      issues: [],
      equations: [],
    };
    const parsed = splitTable(part);
    for (const project of parsed.projects) {
      tally.projects++;
      tally.indicators += project.indicators.length;
      if (project.unit !== null) tally.units.add(project.unit);
    }
    tally.issues(parsed.issues);
    tally.issues(checkIndicators(parsed, { projectNamesSeen }));
  }
}
