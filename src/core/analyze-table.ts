import type { Analysis, ParsedTable } from "./analysis";
import { checkIndicators } from "./check-indicators";
import { A1_ORIGIN, type Grid, type Origin } from "./grid";
import { makeIssue, sortIssues } from "./issue";
import { locateTable } from "./locate-table";
import { localizeIssues, type Locale } from "./messages";
import { reconcileTotals } from "./reconcile-totals";
import { splitTable } from "./split-table";

export interface AnalyzeOptions {
  /** Sheet position of grid[0][0]; A1 by default. */
  readonly origin?: Origin;
  /** Language of the issue messages; zh-CN by default. */
  readonly locale?: Locale;
  /** Tolerance for total reconciliation, in the table's amount unit; default half the last displayed digit. */
  readonly tolerance?: number;
}

/**
 * The core's one entry point: a grid of cells in, the analysis of DESIGN.md out. Never throws on input.
 * The stages of DESIGN.md, in order: locate, classify, read and split (parseTable), then check (the totals name
 * the cells to change: reconcile-totals.ts). The last stage,
 * plan, is its own call (buildPlan), since the shells choose the sheet names and language it needs.
 */
export function analyzeTable(grid: Grid, options: AnalyzeOptions = {}): Analysis {
  const parsed = parseTable(grid, options.origin ?? A1_ORIGIN);
  const drafts = [
    ...parsed.issues,
    ...reconcileTotals(parsed, { tolerance: options.tolerance }),
    ...checkIndicators(parsed),
  ];
  const issues = localizeIssues(sortIssues(drafts), options.locale ?? "zh-CN");
  const { table, grandTotal, units, projects, rows } = parsed;
  return { table, grandTotal, units, projects, rows, issues };
}

/** The reading half of the analysis, before any check: locate, classify, read, split. */
export function parseTable(grid: Grid, origin: Origin = A1_ORIGIN): ParsedTable {
  const found = locateTable(grid, origin); // locate: the best table any layout recognises
  if (found === null) return noTable();
  const rows = found.classify(); // classify: every row's kind
  const read = found.read(rows); // read: projects, amounts, indicator texts, total equations
  return splitTable(read); // split: indicator texts → indicators with parsed values
}

function noTable(): ParsedTable {
  return {
    table: null,
    grandTotal: null,
    units: [],
    projects: [],
    rows: [],
    issues: [makeIssue("no-table", null, {})],
    equations: [],
    indicatorCells: [],
  };
}
