import {
  AMOUNT_ROLES,
  type AmountCells,
  type AmountRole,
  type ColumnRole,
  type GrandTotalRow,
  type UnitRow,
} from "../../analysis";
import * as decimal from "../../exact-decimal";
import type { IssueDetails, IssueSubject } from "../../issue";
import type { EquationCell, TotalEquation } from "../../total-equation";

/** What the equations are made of: the table's amount columns and its rows with amounts. */
export interface GuangdongTotals {
  /** Sheet column of each role; an amount role without a column is left out of every equation. */
  readonly columns: Readonly<Partial<Record<ColumnRole, number>>>;
  readonly grandTotal: GrandTotalRow | null;
  readonly units: readonly UnitRow[];
  readonly projects: readonly {
    readonly name: string;
    readonly unit: string | null;
    readonly row: number;
    readonly amountCells: AmountCells;
  }[];
}

// Read once: under tsx every use of an imported name is a getter call (README, "Speed").
const { exactDecimal } = decimal;

/** The columns that add up to 总计 on every row. */
const PART_ROLES: readonly Exclude<AmountRole, "total">[] = ["fiscal", "specialAccount", "other"];

/**
 * The totals of a Guangdong table, as equations:
 * - row-total: on every row with amounts (合计, unit rows, projects), 总计 = 财政拨款 + 财政专户拨款 + 其他资金;
 * - group-total: per amount column, a unit row = the sum of its projects;
 * - grand-total: per amount column, 合计 = the sum of the unit rows (plus projects outside any unit), or of
 *   the projects when the table has no unit rows. A unit row without any amount is a heading, not a subtotal.
 * Each amount cell is one EquationCell, shared by its row's equation and its column's.
 */
export function guangdongEquations(totals: GuangdongTotals): TotalEquation[] {
  const cells = new EquationCells(totals.columns);
  const grand = totals.grandTotal;
  const grandCells = grand ? cells.ofRow(grand.row, grand.amountCells) : null;
  const unitCells = totals.units.map((u) => cells.ofRow(u.row, u.amountCells));
  const projectCells = totals.projects.map((p) => cells.ofRow(p.row, p.amountCells));

  const equations: TotalEquation[] = [];
  if (grandCells) cells.rowEquation(grandCells, { amountColumn: "total" }, undefined, equations);
  for (let i = 0; i < totals.units.length; i++) {
    const details = { unit: totals.units[i]!.name, amountColumn: "total" } as const;
    cells.rowEquation(unitCells[i]!, details, undefined, equations);
  }
  for (let i = 0; i < totals.projects.length; i++) {
    const project = totals.projects[i]!;
    const details: IssueDetails =
      project.unit !== null
        ? { project: project.name, unit: project.unit, amountColumn: "total" }
        : { project: project.name, amountColumn: "total" };
    cells.rowEquation(projectCells[i]!, details, { projectIndex: i }, equations);
  }

  // A unit row with no amount at all is a heading, not a subtotal: its projects count directly in 合计.
  const subtotals = totals.units.flatMap((unit, i) =>
    AMOUNT_ROLES.some((role) => unit.amountCells[role].raw !== null) ? [i] : [],
  );
  for (const u of subtotals) {
    const unit = totals.units[u]!;
    const projects = unit.projectIndexes.filter((i) => i < projectCells.length);
    // A unit row with no project under it has nothing to reconcile against.
    if (projects.length === 0) continue;
    for (const role of cells.present) {
      equations.push({
        rule: "group-total",
        target: unitCells[u]![role]!,
        addends: projects.map((i) => projectCells[i]![role]!),
        details: { unit: unit.name, amountColumn: role },
      });
    }
  }

  if (grandCells) {
    // The unit subtotals, plus every project no subtotal covers (above the first unit row, or under a unit
    // heading without amounts); with no unit rows, that is all the projects.
    const covered = new Set(subtotals.flatMap((u) => totals.units[u]!.projectIndexes));
    const addends = [
      ...subtotals.map((u) => unitCells[u]!),
      ...projectCells.filter((_, i) => !covered.has(i)),
    ];
    if (addends.length > 0) {
      for (const role of cells.present) {
        equations.push({
          rule: "grand-total",
          target: grandCells[role]!,
          addends: addends.map((rowCells) => rowCells[role]!),
          details: { amountColumn: role },
        });
      }
    }
  }
  return equations;
}

/** A row's equation cells by amount role; roles without a column are absent. */
type RowCells = Partial<Record<AmountRole, EquationCell>>;

/** Makes the equation cells of each row once, and its row equation (a class: no closure per row). */
class EquationCells {
  /** Amount roles with a column in the table. */
  readonly present: readonly AmountRole[];
  /** The roles that add up to 总计 and have a column. */
  private readonly parts: readonly AmountRole[];

  constructor(private readonly columns: GuangdongTotals["columns"]) {
    this.present = AMOUNT_ROLES.filter((role) => columns[role] !== undefined);
    this.parts = PART_ROLES.filter((role) => columns[role] !== undefined);
  }

  ofRow(row: number, amountCells: AmountCells): RowCells {
    const cells: RowCells = {};
    for (const role of this.present) {
      const cell = amountCells[role];
      cells[role] = {
        row,
        column: this.columns[role]!,
        address: cell.cell,
        amount: cell.value === null ? null : exactDecimal(cell.value, cell.decimals),
      };
    }
    return cells;
  }

  /**
   * 总计 = the parts, when the table has a 总计 column and at least one part column (a table of 金额合计 alone
   * states no sources to add up: its 总计 is not 0).
   */
  rowEquation(
    cells: RowCells,
    details: IssueDetails,
    about: IssueSubject | undefined,
    into: TotalEquation[],
  ): void {
    const total = cells.total;
    if (total === undefined || this.parts.length === 0) return;
    const addends: EquationCell[] = [];
    for (const role of this.parts) addends.push(cells[role]!);
    into.push(
      about === undefined
        ? { rule: "row-total", target: total, addends, details }
        : { rule: "row-total", target: total, addends, details, about },
    );
  }
}
