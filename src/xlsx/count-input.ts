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
  checkSelfEvaluation,
  makeIssue,
  noTableIssue,
  findTables,
  localizeIssues,
  reconcileTotalsCounted,
  outsideRepeatedRows,
  selfEvaluationEquations,
  settleCheckOptions,
  tableFingerprint,
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
  equations = 0;
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

  /** Total equations checked in a table. */
  checked(equations: number): void {
    this.equations += equations;
  }

  counts(): AnalysisCounts {
    const { projects, indicators, equations, errors, warnings, infos } = this;
    return { projects, units: this.units.size, indicators, equations, errors, warnings, infos };
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
    // A table that repeats an earlier one on the sheet counts as one warning (analyze-table's reportRepeatedTables).
    const seen = new Set<string>();
    for (const found of sheet.tables ?? findTables(sheet.grid, sheet.origin ?? A1_ORIGIN)) {
      tables++;
      const read = found.read(found.classify());
      const fingerprint = tableFingerprint(read);
      const repeat = read.projects.length > 0 && seen.has(fingerprint);
      seen.add(fingerprint);
      if (repeat) tally.issues([makeIssue("doubled-table", null, {})]);
      countTable(read, settings, partProjects, tally, !repeat);
    }
  }
  const noTable = tables === 0 ? noTableIssue(input.sheets) : null;
  if (noTable) tally.issues([noTable]);
  for (const sheet of input.sheets) tally.issues(findInvalidCharacters(sheet.grid, sheet.origin));
  for (const b of input.invalidBytes ?? [])
    tally.issues([makeIssue("invalid-bytes", null, { byteOffset: b.byteOffset })]);
  // No table: check counts the file as one with an error, and says what it looked for.
  if (noTable) return { ...tally.counts(), noTable: localizeIssues([noTable], options.locale)[0]!.message };
  return tally.counts();
}

/**
 * One table as analyze-table's readFound and checkTable take it, its projects a part at a time. A table that
 * repeats an earlier one (`checked` false) counts its projects and indicators, not its issues or equations.
 */
function countTable(
  read: TableRead,
  settings: CheckSettings,
  partProjects: number,
  tally: Tally,
  checked = true,
): void {
  for (const unit of read.units) tally.units.add(unit.name);
  if (read.selfEvaluations !== undefined) {
    countSelfEvaluation(read, settings, tally, checked);
    return;
  }
  // The totals as the analysis reports them: the cells to change, not every total they upset; rows present
  // twice once, and nothing else on them.
  const totals = checked ? reconcileTotalsCounted(read, settings) : null;
  const kept = outsideRepeatedRows(totals?.issues ?? []);
  const count = (drafts: readonly IssueDraft[]): void => {
    if (checked) tally.issues(drafts.filter(kept));
  };
  if (totals !== null) {
    tally.checked(totals.checked);
    count(read.issues);
    count(totals.issues);
  }
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
    count(parsed.issues);
    if (checked) count(checkIndicators(parsed, { projectNamesSeen }));
  }
}

/**
 * A self-evaluation table (绩效自评表), checked whole as analyze-table checks it: its scores are equations and rules
 * over its split indicators (check-self-evaluation.ts), and a form holds a project or a few, so no part is needed.
 */
function countSelfEvaluation(read: TableRead, settings: CheckSettings, tally: Tally, checked: boolean): void {
  const split = splitTable(read);
  const parsed = { ...split, equations: [...split.equations, ...selfEvaluationEquations(split)] };
  for (const project of parsed.projects) {
    tally.projects++;
    tally.indicators += project.indicators.length;
    if (project.unit !== null) tally.units.add(project.unit);
  }
  if (!checked) return;
  const totals = reconcileTotalsCounted(parsed, settings);
  tally.checked(totals.checked);
  const kept = outsideRepeatedRows(totals.issues);
  const drafts = [
    ...parsed.issues,
    ...totals.issues,
    ...checkIndicators(parsed),
    ...checkSelfEvaluation(parsed),
  ];
  tally.issues(drafts.filter(kept));
}
