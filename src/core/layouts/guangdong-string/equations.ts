import {
  AMOUNT_ROLES,
  type AmountCells,
  type AmountRole,
  type ColumnRole,
  type GrandTotalRow,
  type UnitRow,
} from "../../model/analysis";
import type { IssueDetails, IssueSubject } from "../../model/issue";
import * as totalEquation from "../../model/total-equation";
import type { EquationCell, TotalEquation } from "../../model/total-equation";

/** What the equations are made of: the table's amount columns and its rows with amounts. */
export interface GuangdongTotals {
  /** Sheet column of each role; an amount role without a column is left out of every equation. */
  readonly columns: Readonly<Partial<Record<ColumnRole, number>>>;
  readonly grandTotal: GrandTotalRow | null;
  readonly units: readonly UnitRow[];
  /** 小计 rows, each with the projects above it that it adds up. */
  readonly subtotals?: readonly SubtotalRow[];
  readonly projects: readonly {
    readonly name: string;
    readonly unit: string | null;
    readonly row: number;
    readonly amountCells: AmountCells;
  }[];
}

/** A 小计 row: the subtotal of the projects above it, back to the previous 小计 or unit row. */
export interface SubtotalRow {
  readonly row: number;
  /** The unit it sits under, if any. */
  readonly unit: string | null;
  readonly amountCells: AmountCells;
  /** Indexes of the projects it adds up. */
  readonly projectIndexes: readonly number[];
}

// Read once: under tsx every use of an imported name is a getter call (README, "Speed").
const { equationCell } = totalEquation;

/** The columns that add up to 总计 on every row. */
const PART_ROLES: readonly Exclude<AmountRole, "total">[] = ["fiscal", "specialAccount", "other"];

/** A row with amounts, as the equations need it. */
interface AmountRow {
  readonly row: number;
  readonly amountCells: AmountCells;
}

/**
 * The totals of a Guangdong table, as equations:
 * - row-total: on every row with amounts (合计, unit rows, projects), 总计 = 财政拨款 + 财政专户拨款 + 其他资金;
 * - group-total: per amount column, a unit row = the sum of its projects;
 * - subtotal: per amount column, a 小计 row = the sum of the projects above it, back to the previous 小计 or
 *   unit row;
 * - grand-total: per amount column, 合计 = the sum of the unit rows (plus projects outside any unit), or of
 *   the projects when the table has no unit rows; a 小计 stands for its projects when no unit row with amounts
 *   covers them. A unit row without any amount is a heading, not a subtotal.
 * Each amount cell is one EquationCell, shared by its row's equation and its column's.
 */
export function guangdongEquations(totals: GuangdongTotals): TotalEquation[] {
  const cells = new EquationCells(totals.columns);
  const grand = totals.grandTotal;
  const grandRow = grand ? cells.addRow(grand) : -1;
  const unitRows = totals.units.map((u) => cells.addRow(u));
  const subtotalRows = (totals.subtotals ?? []).map((s) => cells.addRow(s));
  const projectRows = totals.projects.map((p) => cells.addRow(p));

  const equations: TotalEquation[] = [];
  if (grand) cells.rowEquation(grandRow, null, null, -1, equations);
  for (let i = 0; i < totals.units.length; i++) {
    cells.rowEquation(unitRows[i]!, null, totals.units[i]!.name, -1, equations);
  }
  const subtotals = totals.subtotals ?? [];
  for (let i = 0; i < subtotals.length; i++) {
    cells.rowEquation(subtotalRows[i]!, null, subtotals[i]!.unit, -1, equations);
  }
  for (let i = 0; i < totals.projects.length; i++) {
    const project = totals.projects[i]!;
    cells.rowEquation(projectRows[i]!, project.name, project.unit, i, equations);
  }

  for (let i = 0; i < subtotals.length; i++) {
    const subtotal = subtotals[i]!;
    if (subtotal.projectIndexes.length === 0) continue;
    for (const role of cells.present) {
      equations.push({
        rule: "subtotal",
        target: cells.at(subtotalRows[i]!, role),
        addends: subtotal.projectIndexes.map((p) => cells.at(projectRows[p]!, role)),
        details:
          subtotal.unit === null ? { amountColumn: role } : { unit: subtotal.unit, amountColumn: role },
      });
    }
  }

  // A unit row with no amount at all is a heading, not a subtotal: its projects count directly in 合计.
  const unitTotals = totals.units.flatMap((unit, i) =>
    AMOUNT_ROLES.some((role) => unit.amountCells[role]!.raw !== null) ? [i] : [],
  );
  for (const u of unitTotals) {
    const unit = totals.units[u]!;
    const projects = unit.projectIndexes.filter((i) => i < projectRows.length).map((i) => projectRows[i]!);
    // A unit row with no project under it has nothing to reconcile against.
    if (projects.length === 0) continue;
    for (const role of cells.present) {
      equations.push({
        rule: "group-total",
        target: cells.at(unitRows[u]!, role),
        addends: projects.map((row) => cells.at(row, role)),
        details: { unit: unit.name, amountColumn: role },
      });
    }
  }

  if (grand) {
    // The unit subtotals, then the 小计 rows of projects no unit row covers, plus every project neither covers
    // (above the first unit row, or under a unit heading without amounts); with no unit rows and no 小计, that is
    // all the projects.
    const covered = new Set(unitTotals.flatMap((u) => totals.units[u]!.projectIndexes));
    const standing = subtotals.flatMap((s, i) =>
      s.projectIndexes.length > 0 && !s.projectIndexes.some((p) => covered.has(p)) ? [i] : [],
    );
    for (const i of standing) for (const p of subtotals[i]!.projectIndexes) covered.add(p);
    const addends = [
      ...unitTotals.map((u) => unitRows[u]!),
      ...standing.map((i) => subtotalRows[i]!),
      ...projectRows.filter((_, i) => !covered.has(i)),
    ];
    if (addends.length > 0) {
      for (const role of cells.present) {
        equations.push({
          rule: "grand-total",
          target: cells.at(grandRow, role),
          addends: addends.map((row) => cells.at(row, role)),
          details: { amountColumn: role },
        });
      }
    }
  }
  return equations;
}

/**
 * The equation cells of every row with amounts, made once, in one flat list (four per row, by AMOUNT_ROLES), and
 * the rows' own equations (a class: no closure per row).
 */
class EquationCells {
  /** Amount roles with a column in the table. */
  readonly present: readonly AmountRole[];
  /** The roles that add up to 总计 and have a column. */
  private readonly parts: readonly AmountRole[];
  private readonly cells: (EquationCell | undefined)[] = [];

  constructor(private readonly columns: GuangdongTotals["columns"]) {
    this.present = AMOUNT_ROLES.filter((role) => columns[role] !== undefined);
    this.parts = PART_ROLES.filter((role) => columns[role] !== undefined);
  }

  /** Makes the row's cells; returns the row's number in this list. */
  addRow({ row, amountCells }: AmountRow): number {
    const index = this.cells.length / ROLE_COUNT;
    for (const role of AMOUNT_ROLES) {
      const column = this.columns[role];
      // A budget table's rows hold all four amount cells (BudgetAmountCells).
      const cell = amountCells[role]!;
      this.cells.push(
        column === undefined
          ? undefined
          : equationCell(row, column, cell.cell, cell.value, cell.decimals, cell.raw),
      );
    }
    return index;
  }

  /** The cell of a role (one with a column) of a row added before. */
  at(row: number, role: AmountRole): EquationCell {
    return this.cells[row * ROLE_COUNT + ROLE_INDEX[role]]!;
  }

  /**
   * 总计 = the parts, when the table has a 总计 column and at least one part column (a table of 金额合计 alone
   * states no sources to add up: its 总计 is not 0). `project` and `projectIndex` (else -1) are the row's
   * project; `unit` is the unit the row is or belongs to.
   */
  rowEquation(
    row: number,
    project: string | null,
    unit: string | null,
    projectIndex: number,
    into: TotalEquation[],
  ): void {
    if (this.columns.total === undefined || this.parts.length === 0) return;
    // Exactly sized (an array grown by push keeps room for 17): one per row, kept with the analysis.
    const parts = this.parts;
    const addends = new Array<EquationCell>(parts.length);
    for (let k = 0; k < parts.length; k++) addends[k] = this.at(row, parts[k]!);
    into.push(new RowEquation(this.at(row, "total"), addends, project, unit, projectIndex));
  }
}

const ROLE_COUNT = AMOUNT_ROLES.length;
const ROLE_INDEX: Readonly<Record<AmountRole, number>> = { total: 0, fiscal: 1, specialAccount: 2, other: 3 };

/**
 * A row's 总计 = its parts. Its details and subject are made only when asked for, i.e. when the equation is
 * broken: a table has one of these per row, and most hold (README, "Speed"). It keeps the names, not the row
 * objects, so that the read rows are not kept alive by the analysis.
 */
class RowEquation implements TotalEquation {
  readonly rule = "row-total";

  constructor(
    readonly target: EquationCell,
    readonly addends: readonly EquationCell[],
    private readonly project: string | null,
    private readonly unit: string | null,
    private readonly projectIndex: number,
  ) {}

  get details(): IssueDetails {
    const { project, unit } = this;
    if (project === null) return unit === null ? { amountColumn: "total" } : { unit, amountColumn: "total" };
    return unit === null ? { project, amountColumn: "total" } : { project, unit, amountColumn: "total" };
  }

  get about(): IssueSubject | undefined {
    return this.projectIndex < 0 ? undefined : { projectIndex: this.projectIndex };
  }
}
