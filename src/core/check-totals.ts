import {
  AMOUNT_ROLES,
  type AmountCell,
  type AmountCells,
  type AmountRole,
  type ParsedTable,
} from "./analysis";
import { parseCellAddress, columnLetter } from "./cell-address";
import { readTolerance } from "./analyze-options";
import { commonDecimals, fromScaledInteger, toScaledInteger } from "./decimal-amount";
import { DEFAULT_SEVERITY, type IssueDetails, type IssueDraft } from "./issue";

export interface TotalCheckOptions {
  /** Absolute tolerance in the table's amount unit; default: half the last displayed digit. */
  readonly tolerance?: number;
}

/** The columns that add up to 总计 on every row. */
const PART_ROLES: readonly Exclude<AmountRole, "total">[] = ["fiscal", "specialAccount", "other"];

/**
 * Reconciles every total of the table:
 * - row-total: on every row with amounts (合计, unit rows, projects), 总计 = 财政拨款 + 财政专户拨款 + 其他资金;
 * - group-total: per amount column, a unit row = the sum of its projects;
 * - grand-total: per amount column, 合计 = the sum of the unit rows (plus projects outside any unit), or of
 *   the projects when the table has no unit rows. A unit row without any amount is a heading, not a subtotal.
 * Amounts are compared as integers of the finest displayed digit of the equation; an equation with an amount
 * that is not a number is skipped (the parser has reported that cell). Each issue points at the total being
 * checked and lists every cell of the equation in details.cells.
 */
export function checkTotals(parsed: ParsedTable, options: TotalCheckOptions = {}): IssueDraft[] {
  const columns = parsed.table?.columns;
  // A role whose column is missing from the table has empty cells (value 0); leave it out of the equations.
  const present = (role: AmountRole): boolean => columns === undefined || columns[role] !== undefined;
  const read = readTolerance(options.tolerance);
  const tolerance = read.ok ? read.value : undefined;
  const issues: IssueDraft[] = [];
  const parts = PART_ROLES.filter(present);

  const checkRow = (cells: AmountCells, details: () => IssueDetails): void => {
    if (!present("total")) return;
    const addends = parts.map((r) => cells[r]);
    const issue = reconcile("row-total", cells.total, addends, tolerance, () => ({
      ...details(),
      amountColumn: "total",
    }));
    if (issue) issues.push(issue);
  };

  // Details are built only when an equation fails: this runs once per row of the table.
  if (parsed.grandTotal) checkRow(parsed.grandTotal.amountCells, () => ({}));
  for (const unit of parsed.units) checkRow(unit.amountCells, () => ({ unit: unit.name }));
  for (const project of parsed.projects) {
    checkRow(project.amountCells, () => ({
      project: project.name,
      ...(project.unit !== null ? { unit: project.unit } : {}),
    }));
  }

  // A unit row with no amount at all is a heading, not a subtotal: its projects count directly in 合计.
  const subtotals = parsed.units.filter((u) => AMOUNT_ROLES.some((r) => u.amountCells[r].raw !== null));
  for (const unit of subtotals) {
    const projects = unit.projectIndexes.flatMap((i) => parsed.projects[i] ?? []);
    // A unit row with no project under it has nothing to reconcile against.
    if (projects.length === 0) continue;
    for (const role of AMOUNT_ROLES.filter(present)) {
      const issue = reconcile(
        "group-total",
        unit.amountCells[role],
        projects.map((p) => p.amountCells[role]),
        tolerance,
        () => ({ unit: unit.name, amountColumn: role }),
      );
      if (issue) issues.push(issue);
    }
  }

  const grand = parsed.grandTotal;
  if (grand) {
    // The unit subtotals, plus every project no subtotal covers (above the first unit row, or under a unit
    // heading without amounts); with no unit rows, that is all the projects.
    const covered = new Set(subtotals.flatMap((u) => u.projectIndexes));
    const addends = [
      ...subtotals.map((u) => u.amountCells),
      ...parsed.projects.filter((_, i) => !covered.has(i)).map((p) => p.amountCells),
    ];
    if (addends.length > 0) {
      for (const role of AMOUNT_ROLES.filter(present)) {
        const issue = reconcile(
          "grand-total",
          grand.amountCells[role],
          addends.map((cells) => cells[role]),
          tolerance,
          () => ({ amountColumn: role }),
        );
        if (issue) issues.push(issue);
      }
    }
  }
  return issues;
}

/** target = Σ addends within the tolerance, or an issue at the target's cell. */
function reconcile(
  rule: "row-total" | "group-total" | "grand-total",
  target: AmountCell,
  addends: readonly AmountCell[],
  tolerance: number | undefined,
  details: () => IssueDetails,
): IssueDraft | null {
  if (target.value === null) return null;
  let expected = 0;
  const decimals = commonDecimals([target.decimals, ...addends.map((a) => a.decimals)]);
  for (const a of addends) {
    if (a.value === null) return null;
    expected += toScaledInteger(a.value, decimals);
  }
  const actual = toScaledInteger(target.value, decimals);
  // Default: half the last displayed digit, i.e. half a unit; integers then differ by at least one unit.
  const allowed = tolerance === undefined ? 0.5 : tolerance * 10 ** decimals;
  // The epsilon absorbs the float error of tolerance × 10^decimals (0.01 × 100 = 1.0000000000000002).
  if (Math.abs(expected - actual) <= allowed + 1e-9) return null;
  const address = parseCellAddress(target.cell);
  return {
    rule,
    severity: DEFAULT_SEVERITY[rule],
    row: address?.row ?? null,
    column: address ? columnLetter(address.column) : null,
    cell: address ? target.cell : null,
    expected: fromScaledInteger(expected, decimals),
    actual: fromScaledInteger(actual, decimals),
    details: { ...details(), cells: [target.cell, ...addends.map((a) => a.cell)] },
  };
}
