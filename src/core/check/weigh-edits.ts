/**
 * The culprit finder explains the sums (find-culprits.ts); a self-evaluation's bounds (得分 ≤ 分值) and ratios
 * (执行率 = 执行数 / 预算数) are edits too, in the same Fellegi–Holt sense: the fewest changes that make every edit
 * hold. When a broken sum has several smallest explanations (a 总分 off from its 得分: the 总分, or any one 得分),
 * these edits decide among them:
 * - an explanation that breaks a bound or ratio that held, or leaves a broken one on its cells broken, needs a
 *   further change, so it is not a smallest one once they count;
 * - an explanation that repairs a broken bound or ratio explains two edits with one change: when the broken ones
 *   that touch the candidates are repaired by exactly one explanation, that one is the answer (a 得分 of 36 under
 *   a 分值 of 30, the 总分 six points short of the sum: change the 得分, not the 总分; a mistyped 执行数 that
 *   breaks its column's sum and the 执行率: change the 执行数, not the rate).
 * A broken bound or ratio a unique explanation repairs is then no issue of its own: its cells are right once the
 * explanation's cell is changed (telling the clerk to change the rate would blame a right number).
 * Only explanations fully known are weighed (the finder keeps the first 50 of very many); a group whose
 * candidates touch no such edit is left as it is. A target table's bounds (其中 ≤ 资金总额) are not weighed: its
 * verdicts stay as they were.
 */
import { compareBound, roundedRatio, sameAmount, type ExactDecimal } from "../model/exact-decimal";
import type { BoundEquation, Equation, EquationCell, RatioEquation } from "../model/total-equation";
import type { CulpritChange, CulpritGroup } from "./find-culprits";

/** The edits weighed: a self-evaluation's bounds, and ratios. */
type Edit = BoundEquation | RatioEquation;

export interface WeighedGroups {
  readonly groups: CulpritGroup[];
  /** Broken bounds and ratios a unique explanation repairs: not reported on their own. */
  readonly repaired: ReadonlySet<Equation>;
}

/** The groups, each ambiguous one narrowed by the edits on its candidates' cells (unique when one is left). */
export function weighEdits(groups: readonly CulpritGroup[], equations: readonly Equation[]): WeighedGroups {
  // By address: a layout's amount equations and the self-evaluation's ratio hold the same cell as two objects.
  const edits = new Map<string, Edit[]>();
  for (const equation of equations) {
    if (!(
      equation.kind === "ratio" ||
      (equation.kind === "at-most" && equation.rule === "score-over-weight")
    ))
      continue;
    for (const cell of editCells(equation)) {
      const list = edits.get(cell.address);
      if (list === undefined) edits.set(cell.address, [equation]);
      else list.push(equation);
    }
  }
  const repaired = new Set<Equation>();
  if (edits.size === 0) return { groups: [...groups], repaired };
  const weightSums = new Set<number>();
  equations.forEach((e, index) => {
    if (e.rule === "weight-sum") weightSums.add(index);
  });
  const weighed = groups.map((group) => narrowed(group, edits, repaired, weightSums));
  return { groups: weighed, repaired };
}

function editCells(edit: Edit): EquationCell[] {
  return edit.kind === "ratio"
    ? [edit.target, edit.numerator, edit.denominator]
    : [...edit.parts, edit.total];
}

function narrowed(
  group: CulpritGroup,
  edits: ReadonlyMap<string, readonly Edit[]>,
  repaired: Set<Equation>,
  weightSums: ReadonlySet<number>,
): CulpritGroup {
  const touchedBy = (explanation: readonly CulpritChange[]): Set<Edit> => {
    const touched = new Set<Edit>();
    for (const change of explanation) for (const e of edits.get(change.cell.address) ?? []) touched.add(e);
    return touched;
  };
  if (group.verdict === "unique") {
    // A unique explanation that repairs a broken edit: that edit's issue would blame a right cell.
    const changed = changesOf(group.explanations[0]!);
    for (const e of touchedBy(group.explanations[0]!))
      if (!holds(e, new Map()) && holds(e, changed)) repaired.add(e);
    return group;
  }
  if (group.verdict !== "ambiguous" || group.explanationCount !== group.explanations.length) return group;
  // Σ 分值 against the form's stated total is left as it is: the bounds would always clear the total (a 分值
  // lowered falls under its 得分), and a stated 100 is the form's, rarely the clerk's mistake.
  if (group.broken.some((index) => weightSums.has(index))) return group;
  const touched = new Set<Edit>();
  for (const explanation of group.explanations) for (const e of touchedBy(explanation)) touched.add(e);
  if (touched.size === 0) return group;
  const broken = [...touched].filter((e) => !holds(e, new Map()));
  const kept = group.explanations.filter((explanation) => {
    const changed = changesOf(explanation);
    // Every edit this explanation touches holds after it, and so does every broken edit of the group.
    for (const e of touched) {
      const mine = editCells(e).some((c) => changed.has(c.address));
      if ((mine || broken.includes(e)) && !holds(e, changed)) return false;
    }
    return true;
  });
  if (kept.length === 0 || kept.length === group.explanations.length) return group;
  if (kept.length === 1) for (const e of broken) repaired.add(e);
  return {
    broken: group.broken,
    verdict: kept.length === 1 ? "unique" : "ambiguous",
    explanations: kept,
    explanationCount: kept.length,
  };
}

function changesOf(explanation: readonly CulpritChange[]): ReadonlyMap<string, ExactDecimal> {
  return new Map(explanation.map((c) => [c.cell.address, c.to] as const));
}

/** Whether an edit holds with some of its cells changed (one it cannot work out holds: it is skipped). */
function holds(edit: Edit, changed: ReadonlyMap<string, ExactDecimal>): boolean {
  const value = (cell: EquationCell): ExactDecimal | null => changed.get(cell.address) ?? cell.amount;
  if (edit.kind === "ratio") {
    const [target, numerator, denominator] = [
      value(edit.target),
      value(edit.numerator),
      value(edit.denominator),
    ];
    if (target === null || numerator === null || denominator === null) return true;
    const expected = roundedRatio(numerator, denominator, edit.rounding.decimals, edit.rounding.percent);
    return expected === null || sameAmount(expected, target);
  }
  const total = value(edit.total);
  const parts: ExactDecimal[] = [];
  for (const cell of edit.parts) {
    const part = value(cell);
    if (part === null) return true;
    parts.push(part);
  }
  return total === null || compareBound(total, parts, undefined) === null;
}
