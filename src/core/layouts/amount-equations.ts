/**
 * The total equations of the columnar layouts, made from the amount cells they read wherever those cells are
 * (a department table's rows, a project form's header block):
 * - row-total: 总计 (预算数, 资金总额) = the parts the table states (财政拨款/预算资金, 自有资金, 其他), on every
 *   row or form that has them;
 * - group-total: each department or unit row = the sum of its projects' amounts, per amount column;
 * - grand-total: 合计 = the departments and units with amounts that cover the projects (the highest level that
 *   has an amount), plus the projects none covers.
 * Each amount cell is one EquationCell in every equation it takes part in.
 */
import {
  AMOUNT_ROLES,
  type AmountCells,
  type AmountRole,
  type GrandTotalRow,
  type UnitRow,
} from "../model/analysis";
import { parseCellAddress } from "../model/cell-address";
import type { IssueDetails } from "../model/issue";
import { equationCell, type EquationCell, type TotalEquation } from "../model/total-equation";

/** A row (or form) with amounts, and which of its amount cells the table has. */
export interface AmountHolder {
  readonly amountCells: AmountCells;
}

export interface AmountTree {
  /** The amount roles the table has a cell for. */
  readonly present: readonly AmountRole[];
  readonly grandTotal: GrandTotalRow | null;
  /** Department and unit rows; `level` 0 is the highest (a department over its units). */
  readonly groups: readonly { readonly unit: UnitRow; readonly level: number }[];
  readonly projects: readonly (AmountHolder & { readonly name: string; readonly unit: string | null })[];
  /** The names the table gives its amounts (a form's 资金总额, 自有资金; a department's 预算数): its messages follow. */
  readonly names: NonNullable<IssueDetails["amountNames"]>;
}

const PARTS: readonly AmountRole[] = ["fiscal", "specialAccount", "other"];

/** The equation cells of one holder, by role (only the roles present), made once. */
function cellsOf(holder: AmountHolder, present: readonly AmountRole[]): Map<AmountRole, EquationCell> {
  const cells = new Map<AmountRole, EquationCell>();
  for (const role of present) {
    // A budget table's rows hold all four amount cells (BudgetAmountCells).
    const amount = holder.amountCells[role]!;
    const at = parseCellAddress(amount.cell);
    if (at === null) continue;
    cells.set(role, equationCell(at.row, at.column, amount.cell, amount.value, amount.decimals, amount.raw));
  }
  return cells;
}

function hasAnyAmount(holder: AmountHolder, present: readonly AmountRole[]): boolean {
  return present.some((role) => holder.amountCells[role]!.raw !== null);
}

export function amountEquations(tree: AmountTree): TotalEquation[] {
  const present = AMOUNT_ROLES.filter((role) => tree.present.includes(role));
  const parts = PARTS.filter((role) => present.includes(role));
  const grand = tree.grandTotal ? cellsOf(tree.grandTotal, present) : null;
  const groups = tree.groups.map((g) => cellsOf(g.unit, present));
  const projects = tree.projects.map((p) => cellsOf(p, present));
  const equations: TotalEquation[] = [];

  const rowEquation = (cells: Map<AmountRole, EquationCell>, details: IssueDetails, projectIndex: number) => {
    const target = cells.get("total");
    if (target === undefined || parts.length === 0) return;
    const addends = parts.flatMap((role) => (cells.has(role) ? [cells.get(role)!] : []));
    equations.push({
      rule: "row-total",
      target,
      addends,
      details: Object.assign({}, details, {
        amountColumn: "total" as const,
        parts: parts.filter((role) => cells.has(role)),
        amountNames: tree.names,
      }),
      ...(projectIndex >= 0 ? { about: { projectIndex } } : {}),
    });
  };
  if (grand && tree.grandTotal && hasAnyAmount(tree.grandTotal, present)) rowEquation(grand, {}, -1);
  tree.groups.forEach((g, i) => {
    if (hasAnyAmount(g.unit, present)) rowEquation(groups[i]!, { unit: g.unit.name }, -1);
  });
  tree.projects.forEach((p, i) => {
    if (!hasAnyAmount(p, present)) return;
    rowEquation(projects[i]!, p.unit === null ? { project: p.name } : { project: p.name, unit: p.unit }, i);
  });

  // Each department or unit row with an amount = Σ its projects.
  tree.groups.forEach((g, i) => {
    if (!hasAnyAmount(g.unit, present) || g.unit.projectIndexes.length === 0) return;
    for (const role of present) {
      const target = groups[i]!.get(role);
      if (!target) continue;
      equations.push({
        rule: "group-total",
        target,
        addends: g.unit.projectIndexes.map((p) => projects[p]!.get(role)!),
        details: { unit: g.unit.name, amountColumn: role, amountNames: tree.names },
      });
    }
  });

  // 合计 = the highest groups with amounts, plus the projects no such group covers.
  if (grand && tree.grandTotal && hasAnyAmount(tree.grandTotal, present)) {
    const covered = new Set<number>();
    const top: number[] = [];
    const byLevel = tree.groups.map((g, i) => ({ g, i })).sort((a, b) => a.g.level - b.g.level || a.i - b.i);
    for (const { g, i } of byLevel) {
      if (!hasAnyAmount(g.unit, present) || g.unit.projectIndexes.length === 0) continue;
      if (g.unit.projectIndexes.some((p) => covered.has(p))) continue;
      top.push(i);
      for (const p of g.unit.projectIndexes) covered.add(p);
    }
    top.sort((a, b) => a - b);
    for (const role of present) {
      const target = grand.get(role);
      if (!target) continue;
      const addends = [
        ...top.map((i) => groups[i]!.get(role)!),
        ...projects.flatMap((cells, p) => (covered.has(p) ? [] : [cells.get(role)!])),
      ];
      if (addends.length === 0) continue;
      equations.push({
        rule: "grand-total",
        target,
        addends,
        details: { amountColumn: role, amountNames: tree.names },
      });
    }
  }
  return equations;
}
