/**
 * Which amounts to change: the Fellegi–Holt principle of error localisation that statistics offices use. From a
 * table's broken total equations, find the fewest cells whose change makes every equation hold. One wrong
 * source cell breaks its row and its column, and is the one cell to change; a wrong subtotal breaks its group
 * and the grand total, and is the one to change; the totals that disagree only because of it are bystanders.
 *
 * It works on the equations alone (total-equation.ts), so it serves every layout. The equations are linear with
 * coefficients ±1 (target − Σ addends = 0), so a set S of cells explains the broken equations when
 * - every broken equation has a cell in S, and
 * - the equations that touch S, with every other cell kept as it is, have one solution in whole units of the
 *   last displayed digit, in which every cell of S changes and no amount turns negative.
 * An equation not touched by S keeps its value: it must hold already.
 *
 * The search (why not an integer-programming package: the sets are at most three cells, and the structure prunes
 * almost everything; a package would solve one big program per table instead of a few tiny systems, and none on
 * npm is both maintained and pure ES5 JavaScript for the add-in's Internet Explorer engine):
 * - the broken equations are split into groups that share cells; each group is searched on its own, and two
 *   groups merge when the explanation of one reaches into the other (a value moved between two columns of one
 *   project breaks two column totals that share no cell, and is one explanation);
 * - sets of 1, then 2, then 3 cells are built requirement by requirement: a broken equation not yet touched needs
 *   one of its cells; an equation that holds and is touched by one cell of S needs a second one (a changed cell
 *   in a holding equation must be balanced inside it). The requirement with the fewest cells is branched on;
 * - each complete set is solved exactly (solve-integer-system.ts), with plain numbers (no BigInt in IE11).
 * A node budget bounds the work on a pathological table; past it, or past three cells, the verdict is
 * "too-many": the broken totals are reported as they are.
 */
import { evaluateEquations, type EquationCheckOptions, type EquationStates } from "./check-equations";
import { unitsAt, type ExactDecimal } from "./exact-decimal";
import { solveIntegerSystem, type IntegerRow } from "./solve-integer-system";
import type { EquationCell, TotalEquation } from "./total-equation";

/** The largest explanation looked for. */
export const MAX_CULPRITS = 3;
/** Search nodes per group of broken equations; a table of real size needs a few hundred. */
const NODE_BUDGET = 200_000;
/** Explanations kept per group beyond the first: enough to name them, and to count them. */
const MAX_EXPLANATIONS = 50;
/** The largest number of units an amount may have here: the solve's growth stays within 2^53. */
const MAX_UNITS = 2 ** 46;

/** One cell to change: its value now and the value that makes every equation hold, both at `to.scale`. */
export interface CulpritChange {
  readonly cell: EquationCell;
  readonly from: ExactDecimal;
  readonly to: ExactDecimal;
}

/** One smallest set of changes, in sheet order (row, then column). */
export type Explanation = readonly CulpritChange[];

export interface CulpritGroup {
  /** The broken equations this group explains (their indexes in the list searched, ascending). */
  readonly broken: readonly number[];
  /**
   * unique: one smallest explanation, of at most three cells. ambiguous: several of the same size (the first
   * MAX_EXPLANATIONS are kept). too-many: none with three cells or fewer, or not decided within the budget.
   */
  readonly verdict: "unique" | "ambiguous" | "too-many";
  readonly explanations: readonly Explanation[];
  /** How many smallest explanations were found (more than kept when there are very many). */
  readonly explanationCount: number;
}

export interface CulpritOptions extends EquationCheckOptions {
  /** For tests and benchmarks: a smaller search budget. */
  readonly nodeBudget?: number;
}

/** The groups of broken equations and their explanations, in the order of their first broken equation. */
export function findCulprits(
  equations: readonly TotalEquation[],
  options: CulpritOptions = {},
  evaluation: EquationStates = evaluateEquations(equations, options),
): CulpritGroup[] {
  const { states, broken } = evaluation;
  if (broken.length === 0) return [];
  const graph = new EquationGraph(equations, states);
  const search = new CulpritSearch(graph, options.nodeBudget ?? NODE_BUDGET);

  // Groups of broken equations that share a cell (union-find over the cells).
  const brokenIndexes = broken.map((b) => b.index);
  const group = new UnionFind(equations.length);
  const firstBrokenOf = new Map<number, number>();
  for (const e of brokenIndexes) {
    for (const c of graph.cellsOf[e]!) {
      const other = firstBrokenOf.get(c);
      if (other === undefined) firstBrokenOf.set(c, e);
      else group.union(other, e);
    }
  }
  const members = (): Map<number, number[]> => {
    const byRoot = new Map<number, number[]>();
    for (const e of brokenIndexes) {
      const root = group.find(e);
      const list = byRoot.get(root);
      if (list === undefined) byRoot.set(root, [e]);
      else list.push(e);
    }
    return byRoot;
  };

  // Each group is searched on its own. An explanation that reaches into another group's broken equations
  // explains them together: the two merge (even when the other was searched already) and are searched again,
  // until no smallest explanation reaches outside its group.
  const results = new Map<number, SearchResult>();
  let byRoot = members();
  for (let pending = [...byRoot.keys()]; pending.length > 0;) {
    const root = group.find(pending.shift()!);
    if (results.has(root)) continue;
    const result = search.explain(new Set(byRoot.get(root)!));
    if (result.reached.size === 0 || result.verdict === "too-many") {
      results.set(root, result);
      continue;
    }
    for (const other of result.reached) {
      results.delete(group.find(other));
      group.union(root, other);
    }
    byRoot = members();
    pending.unshift(group.find(root));
  }
  return [...results.entries()]
    .map(([root, result]) => ({
      broken: byRoot.get(root)!,
      verdict: result.verdict,
      explanations: result.explanations,
      explanationCount: result.count,
    }))
    .sort((a, b) => a.broken[0]! - b.broken[0]!);
}

/** The equations as a graph: cells (numbered) ↔ equations, with each equation's coefficients and state. */
class EquationGraph {
  readonly cells: EquationCell[] = [];
  /** Per equation: its cells' numbers (target first); empty for a skipped equation. */
  readonly cellsOf: number[][] = [];
  /** Per equation: +1 for the target, −1 for each addend, parallel to cellsOf. */
  readonly coefficientsOf: number[][] = [];
  /** Per cell: the equations it is in (skipped ones left out), ascending. */
  readonly equationsOf: number[][] = [];
  /** The most equations any cell is in: one cell can meet at most this many requirements. */
  readonly maxDegree: number;

  constructor(
    readonly equations: readonly TotalEquation[],
    readonly states: readonly ("held" | "broken" | "skipped")[],
  ) {
    const numbers = new Map<EquationCell, number>();
    const numberOf = (cell: EquationCell): number => {
      let n = numbers.get(cell);
      if (n === undefined) {
        n = this.cells.length;
        numbers.set(cell, n);
        this.cells.push(cell);
        this.equationsOf.push([]);
      }
      return n;
    };
    let maxDegree = 1;
    for (let e = 0; e < equations.length; e++) {
      const cells: number[] = [];
      const coefficients: number[] = [];
      if (states[e] !== "skipped") {
        const equation = equations[e]!;
        cells.push(numberOf(equation.target));
        coefficients.push(1);
        for (const addend of equation.addends) {
          cells.push(numberOf(addend));
          coefficients.push(-1);
        }
        for (const c of cells) {
          const list = this.equationsOf[c]!;
          if (list[list.length - 1] !== e) list.push(e);
          if (list.length > maxDegree) maxDegree = list.length;
        }
      }
      this.cellsOf.push(cells);
      this.coefficientsOf.push(coefficients);
    }
    this.maxDegree = maxDegree;
  }
}

interface SearchResult {
  readonly verdict: CulpritGroup["verdict"];
  readonly explanations: Explanation[];
  readonly count: number;
  /** Broken equations outside the required set that some smallest explanation touches. */
  readonly reached: ReadonlySet<number>;
}

class CulpritSearch {
  private nodes = 0;
  private required: ReadonlySet<number> = new Set();
  private seen = new Set<string>();
  private found: Explanation[] = [];
  private count = 0;
  private reached = new Set<number>();
  private overflow = false;

  constructor(
    private readonly graph: EquationGraph,
    private readonly budget: number,
  ) {}

  /** The smallest explanations of the `required` broken equations: sets of 1, then 2, then 3 cells. */
  explain(required: ReadonlySet<number>): SearchResult {
    this.required = required;
    this.nodes = 0;
    this.overflow = false;
    for (let size = 1; size <= MAX_CULPRITS; size++) {
      this.seen = new Set();
      this.found = [];
      this.count = 0;
      this.reached = new Set();
      this.visit([], size);
      if (this.nodes > this.budget || this.overflow) break;
      if (this.count > 0) {
        return {
          verdict: this.count === 1 ? "unique" : "ambiguous",
          explanations: this.found,
          count: this.count,
          reached: this.reached,
        };
      }
    }
    return { verdict: "too-many", explanations: [], count: 0, reached: new Set() };
  }

  private visit(set: readonly number[], size: number): void {
    if (++this.nodes > this.budget || this.overflow) return;
    const key = set.length < 2 ? String(set[0] ?? "") : [...set].sort((a, b) => a - b).join(",");
    if (this.seen.has(key)) return;
    this.seen.add(key);

    const { graph } = this;
    // How many cells of the set each equation it touches has.
    const touches = new Map<number, number>();
    for (const c of set) for (const e of graph.equationsOf[c]!) touches.set(e, (touches.get(e) ?? 0) + 1);
    // Requirements: a required broken equation not touched; a holding equation touched by one cell only.
    let requirements = 0;
    let best = -1;
    let bestOptions = Infinity;
    const consider = (e: number): void => {
      requirements++;
      const options = graph.cellsOf[e]!.length;
      if (options < bestOptions) {
        best = e;
        bestOptions = options;
      }
    };
    for (const e of this.required) if (!touches.has(e)) consider(e);
    for (const [e, n] of touches) if (n === 1 && graph.states[e] === "held") consider(e);

    if (requirements === 0) {
      this.solve(set, touches);
      return;
    }
    const room = size - set.length;
    // Each further cell meets at most maxDegree requirements.
    if (room === 0 || requirements > room * graph.maxDegree) return;
    for (const c of graph.cellsOf[best]!) {
      if (set.includes(c)) continue;
      this.visit([...set, c], size);
      if (this.nodes > this.budget || this.overflow) return;
    }
  }

  /** Solves the equations the set touches for the set's changes; records an explanation when they fit. */
  private solve(set: readonly number[], touches: ReadonlyMap<number, number>): void {
    const { graph } = this;
    // Every amount in whole units of the finest digit any of these equations shows.
    let scale = 0;
    for (const e of touches.keys())
      for (const c of graph.cellsOf[e]!) scale = Math.max(scale, graph.cells[c]!.amount!.scale);
    const units = (c: number): number => unitsAt(graph.cells[c]!.amount!, scale);
    const rows: IntegerRow[] = [];
    for (const e of touches.keys()) {
      const cells = graph.cellsOf[e]!;
      const signs = graph.coefficientsOf[e]!;
      const coefficients = set.map(() => 0);
      let residual = 0;
      for (let k = 0; k < cells.length; k++) {
        const c = cells[k]!;
        const at = set.indexOf(c);
        if (at >= 0) coefficients[at] = coefficients[at]! + signs[k]!;
        residual += signs[k]! * units(c);
      }
      if (Math.abs(residual) > MAX_UNITS) {
        this.overflow = true;
        return;
      }
      // A broken equation must come out exact; a holding one keeps its residual (within the tolerance).
      rows.push({ coefficients, rhs: graph.states[e] === "broken" ? -residual : 0 });
    }
    const solution = solveIntegerSystem(rows, set.length);
    if (solution.kind === "overflow") this.overflow = true;
    if (solution.kind !== "unique") return;
    const changes: CulpritChange[] = [];
    for (let k = 0; k < set.length; k++) {
      const delta = solution.values[k]!;
      // A cell that keeps its value is not part of a smallest explanation.
      if (delta === 0) return;
      const cell = graph.cells[set[k]!]!;
      const now = units(set[k]!);
      // A repair never turns an amount negative (a negative amount stays allowed to change).
      if (now >= 0 && now + delta < 0) return;
      changes.push({ cell, from: { units: now, scale }, to: { units: now + delta, scale } });
    }
    changes.sort((a, b) => a.cell.row - b.cell.row || a.cell.column - b.cell.column);
    this.count++;
    if (this.found.length < MAX_EXPLANATIONS) this.found.push(changes);
    for (const e of touches.keys())
      if (graph.states[e] === "broken" && !this.required.has(e)) this.reached.add(e);
  }
}

class UnionFind {
  private readonly parent: number[];
  constructor(size: number) {
    this.parent = Array.from({ length: size }, (_, i) => i);
  }
  find(x: number): number {
    let root = x;
    while (this.parent[root] !== root) root = this.parent[root]!;
    while (this.parent[x] !== root) [this.parent[x], x] = [root, this.parent[x]!];
    return root;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}
