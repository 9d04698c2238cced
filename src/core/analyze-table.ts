import type { Analysis } from "./analysis";
import { checkIndicators } from "./check-indicators";
import { checkTotals } from "./check-totals";
import { A1_ORIGIN, type Grid, type Origin } from "./grid";
import { sortIssues } from "./issue";
import { localizeIssues, type Locale } from "./messages";
import { parseTable } from "./parse-table";

export interface AnalyzeOptions {
  /** Sheet position of grid[0][0]; A1 by default. */
  readonly origin?: Origin;
  /** Language of the issue messages; zh-CN by default. */
  readonly locale?: Locale;
  /** Tolerance for total reconciliation, in the table's amount unit; default half the last displayed digit. */
  readonly tolerance?: number;
}

/** The core's one entry point: a grid of cells in, the analysis of DESIGN.md out. Never throws on input. */
export function analyzeTable(grid: Grid, options: AnalyzeOptions = {}): Analysis {
  const parsed = parseTable(grid, options.origin ?? A1_ORIGIN);
  const drafts = [
    ...parsed.issues,
    ...checkTotals(parsed, { tolerance: options.tolerance }),
    ...checkIndicators(parsed),
  ];
  return { ...parsed, issues: localizeIssues(sortIssues(drafts), options.locale ?? "zh-CN") };
}
