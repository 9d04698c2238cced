/**
 * Rows missing at the edge of the paste. A clerk who selects too little copies a table that starts or ends inside
 * a unit's block: the totals above the cut are right, and the rows they add up are not all there. Read that way:
 * - at the end: the table's last row is a project (nothing after it closes the table), and the broken totals of
 *   the 合计 and of the last unit are each larger than their parts, on a row whose own 总计 = parts holds, and by a
 *   gap that is itself a whole row's worth (its 总计 gap is the sum of its parts' gaps: a table of one amount
 *   column cannot tell missing rows from a wrong total, and is left to the culprit finder); or the last row is a
 *   unit row with an amount and no project under it;
 * - at the start (the string layouts, whose tables always open with 合计): no 合计 row although unit rows carry
 *   amounts; an error when the first row is a project with no unit above it, else a warning.
 * One wrong amount cannot look like that: it breaks its own row, or a total in one direction only.
 */
import type { ClassifiedRow, GrandTotalRow, UnitRow } from "../model/analysis";
import type { LayoutId } from "../layouts/layout-id";
import type { EquationStates } from "./check-equations";
import { gapUnits, type BrokenSum } from "./rounding-gaps";
import { isSumEquation, type Equation } from "../model/total-equation";

export interface PasteCutSource {
  readonly layout: LayoutId | undefined;
  readonly rows: readonly ClassifiedRow[];
  readonly grandTotal: GrandTotalRow | null;
  readonly units: readonly Pick<UnitRow, "row" | "name" | "amountCells" | "projectIndexes">[];
  readonly projects: readonly { readonly row: number; readonly name: string }[];
}

export interface PasteCut {
  readonly edge: "start" | "end";
  /** The sheet row of the table's first or last row. */
  readonly edgeRow: number;
  /** The project on that row (or the first or last project), and the unit on it when it is a unit row. */
  readonly project?: string;
  readonly unit?: string;
  /** The broken totals the missing rows account for. */
  readonly explained: readonly BrokenSum[];
  readonly noGrandTotal?: true;
  readonly severity: "error" | "warning";
}

/** Rows that are the table's body (not its title, header, notes or blank rows). */
const BODY_KINDS: ReadonlySet<ClassifiedRow["kind"]> = new Set([
  "grand-total",
  "unit",
  "subtotal",
  "project",
  "continuation",
]);

/** The string layouts: a table always opens with 合计, so a table without one was cut at its start. */
const OPENS_WITH_GRAND_TOTAL: ReadonlySet<LayoutId | undefined> = new Set([
  "guangdong-string",
  "indicator-segments",
]);

export function findPasteCut(
  source: PasteCutSource,
  equations: readonly Equation[],
  states: EquationStates["states"],
  broken: readonly BrokenSum[],
): PasteCut | null {
  const filled = source.rows.filter((r) => r.kind !== "blank");
  return endCut(source, filled, equations, states, broken) ?? startCut(source, filled);
}

function endCut(
  source: PasteCutSource,
  filled: readonly ClassifiedRow[],
  equations: readonly Equation[],
  states: EquationStates["states"],
  broken: readonly BrokenSum[],
): PasteCut | null {
  const last = filled[filled.length - 1];
  if (last === undefined) return null;
  if (last.kind === "unit") {
    // A unit row with an amount and nothing under it: its projects were left behind.
    const unit = source.units.find((u) => u.row === last.row);
    const total = unit ? Object.values(unit.amountCells).some((c) => c.value !== null && c.value > 0) : false;
    if (!unit || !total || unit.projectIndexes.length > 0) return null;
    return { edge: "end", edgeRow: last.row, unit: unit.name, explained: [], severity: "error" };
  }
  if ((last.kind !== "project" && last.kind !== "continuation") || broken.length === 0) return null;
  const lastProject = source.projects.length - 1;
  if (lastProject < 0) return null;
  const edgeUnit = source.units.find((u) => u.projectIndexes.includes(lastProject));
  const grandRow = source.grandTotal?.row;
  const edgeRows = new Set<number>();
  if (grandRow !== undefined) edgeRows.add(grandRow);
  if (edgeUnit !== undefined) edgeRows.add(edgeUnit.row);
  // The broken totals of the 合计 and the last unit (others are left to the culprit finder): each must be larger
  // than its parts.
  const atEdge = broken.filter((b) => {
    const rule = b.equation.rule;
    return (rule === "grand-total" || rule === "group-total") && edgeRows.has(b.equation.target.row);
  });
  if (atEdge.length === 0) return null;
  for (const b of atEdge) {
    const gap = gapUnits(b);
    if (gap === null || gap <= 0) return null;
  }
  // The rows of those totals must add up across (their own 总计 = parts holds), and each gap be a whole row's.
  const targetRows = new Set(atEdge.map((b) => b.equation.target.row));
  for (const row of targetRows) if (!rowBalanced(row, equations, states, atEdge)) return null;
  return {
    edge: "end",
    edgeRow: last.row,
    project: source.projects[lastProject]!.name,
    explained: atEdge,
    severity: "error",
  };
}

/**
 * The row's own equation holds, and the gaps of its column totals add up like a row: 总计's = Σ parts'. A table
 * with a 总计 column and no parts (or parts and no 总计) cannot show that.
 */
function rowBalanced(
  row: number,
  equations: readonly Equation[],
  states: EquationStates["states"],
  broken: readonly BrokenSum[],
): boolean {
  const gaps = new Map<string, number>();
  for (const b of broken) {
    if (b.equation.target.row !== row) continue;
    const role = b.equation.details.amountColumn ?? "total";
    gaps.set(role, gapUnits(b)! / 10 ** b.actual.scale);
  }
  let hasTotal = false;
  let parts = 0;
  for (let i = 0; i < equations.length; i++) {
    const e = equations[i]!;
    if (!isSumEquation(e) || e.target.row !== row) continue;
    if (e.rule === "row-total" && states[i] === "broken") return false;
    if (e.rule === "group-total" || e.rule === "grand-total") {
      if ((e.details.amountColumn ?? "total") === "total") hasTotal = true;
      else parts++;
    }
  }
  // With no parts to add up across there is nothing to tell missing rows from one wrong total: no explanation.
  if (!hasTotal || parts === 0) return false;
  let sumOfParts = 0;
  for (const [role, gap] of gaps) if (role !== "total") sumOfParts += gap;
  // Missing rows add up exactly, each on its own row; the epsilon is the float error of the division above.
  return Math.abs((gaps.get("total") ?? 0) - sumOfParts) <= 1e-9 * Math.max(1, Math.abs(sumOfParts));
}

function startCut(source: PasteCutSource, filled: readonly ClassifiedRow[]): PasteCut | null {
  if (!OPENS_WITH_GRAND_TOTAL.has(source.layout) || source.grandTotal !== null) return null;
  const unitsWithAmounts = source.units.some((u) =>
    Object.values(u.amountCells).some((c) => c.value !== null && c.value !== 0),
  );
  if (!unitsWithAmounts) return null;
  const first = filled.find((r) => BODY_KINDS.has(r.kind));
  if (first === undefined) return null;
  if (first.kind === "project" || first.kind === "continuation") {
    const project = source.projects[0];
    return {
      edge: "start",
      edgeRow: first.row,
      ...(project ? { project: project.name } : {}),
      explained: [],
      noGrandTotal: true,
      severity: "error",
    };
  }
  const unit = source.units.find((u) => u.row === first.row);
  return {
    edge: "start",
    edgeRow: first.row,
    ...(unit ? { unit: unit.name } : {}),
    explained: [],
    noGrandTotal: true,
    severity: "warning",
  };
}
