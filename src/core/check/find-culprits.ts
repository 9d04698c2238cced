/**
 * Which amounts to change: the Fellegi–Holt principle of error localisation that statistics offices use. From a
 * table's broken total equations, find the fewest cells whose change makes every equation hold. One wrong
 * source cell breaks its row and its column, and is the one cell to change; a wrong subtotal breaks its group
 * and the grand total, and is the one to change; the totals that disagree only because of it are bystanders.
 *
 * It works on the equations alone (total-equation.ts), so it serves every layout. It explains the sums only: a
 * bound or a ratio that is broken is its own issue (check-equations.ts), and is left out of the search (as a
 * skipped equation is), so that no cell is blamed for it. The sums are linear with
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
import { unitsAt, type ExactDecimal } from "../model/exact-decimal";
import { solveIntegerSystem, type IntegerRow } from "./solve-integer-system";
import { isSumEquation, type Equation, type EquationCell, type TotalEquation } from "../model/total-equation";

/** The largest explanation looked for. */
export const MAX_CULPRITS = 3;
/** Search nodes per group of broken equations; a table of real size needs a few hundred. */
const NODE_BUDGET = 20_000;
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
  equations: readonly Equation[],
  options: CulpritOptions = {},
  evaluation: EquationStates = evaluateEquations(equations, options),
): CulpritGroup[] {
  const { states, broken } = sumsOnly(equations, evaluation);
  if (broken.length === 0) return [];
  const graph = new EquationGraph(equations, states);
  const search = new CulpritSearch(graph, options.nodeBudget ?? NODE_BUDGET);
  const brokenIndexes = broken.map((b) => b.index);

  // Each group is searched on its own. An explanation that reaches into another group's broken equations
  // explains them together: the two merge (even when the other was searched already) and are searched again.
  const groups = sharedCellGroups(graph, brokenIndexes);
  const owner = new Map<number, number>();
  groups.forEach((g, i) => g.forEach((e) => owner.set(e, i)));
  const results = new Map<number, Grouped[]>();
  const pending = groups.map((_, i) => i);
  while (pending.length > 0) {
    const id = pending.shift()!;
    if (results.has(id) || groups[id]!.length === 0) continue;
    const required = new Set(groups[id]);
    const result = search.explain(required);
    if (result.reached.size === 0 || result.verdict === "too-many") {
      results.set(
        id,
        result.verdict === "too-many"
          ? explainTooMany(graph, search, groups[id]!, result)
          : [{ broken: groups[id]!, result }],
      );
      continue;
    }
    for (const e of result.reached) {
      const other = owner.get(e)!;
      if (other === id) continue;
      results.delete(other);
      for (const m of groups[other]!) owner.set(m, id);
      groups[id] = [...groups[id]!, ...groups[other]!];
      groups[other] = [];
    }
    pending.unshift(id);
  }
  return [...results.values()]
    .flat()
    .map(({ broken: b, result }) => ({
      broken: [...b].sort((x, y) => x - y),
      verdict: result.verdict,
      explanations: result.explanations,
      explanationCount: result.count,
    }))
    .sort((a, b) => a.broken[0]! - b.broken[0]!);
}

/** The evaluation with every equation that is not a sum taken as skipped (as is, when all are sums). */
function sumsOnly(equations: readonly Equation[], evaluation: EquationStates): EquationStates {
  if (equations.every(isSumEquation)) return evaluation;
  return {
    states: evaluation.states.map((state, e) => (isSumEquation(equations[e]!) ? state : "skipped")),
    broken: evaluation.broken.filter((b) => isSumEquation(b.equation)),
  };
}

interface Grouped {
  readonly broken: readonly number[];
  readonly result: SearchResult;
}

/** Equations of a group that could be hubs: the few sharing the most cells with the group's others. */
const HUB_CANDIDATES = 8;

function hubCandidates(graph: EquationGraph, part: readonly number[]): number[] {
  const uses = new Map<EquationCell, number>();
  for (const e of part) graph.forEachCell(e, (c) => uses.set(c, (uses.get(c) ?? 0) + 1));
  const shared = part.map((e) => {
    let n = 0;
    graph.forEachCell(e, (c) => (n += uses.get(c)! > 1 ? 1 : 0));
    return { e, n };
  });
  return shared
    .filter((x) => x.n > 1)
    .sort((a, b) => b.n - a.n || a.e - b.e)
    .slice(0, HUB_CANDIDATES)
    .map((x) => x.e);
}

/** Broken equations that share a cell, as groups (union-find over the cells), in equation order. */
function sharedCellGroups(
  graph: EquationGraph,
  brokenIndexes: readonly number[],
  skip?: ReadonlySet<number>,
): number[][] {
  const list = skip ? brokenIndexes.filter((e) => !skip.has(e)) : brokenIndexes;
  const group = new UnionFind(list.length);
  const firstOf = new Map<EquationCell, number>();
  list.forEach((e, i) =>
    graph.forEachCell(e, (cell) => {
      const other = firstOf.get(cell);
      if (other === undefined) firstOf.set(cell, i);
      else group.union(other, i);
    }),
  );
  const byRoot = new Map<number, number[]>();
  list.forEach((e, i) => {
    const root = group.find(i);
    const members = byRoot.get(root);
    if (members === undefined) byRoot.set(root, [e]);
    else members.push(e);
  });
  return [...byRoot.values()];
}

/** A group that needs more than three cells: split at its hubs when it has any, else reported as it is. */
function explainTooMany(
  graph: EquationGraph,
  search: CulpritSearch,
  group: readonly number[],
  result: SearchResult,
): Grouped[] {
  if (group.length < 2) return [{ broken: group, result }];
  return splitAtHubs(graph, search, group) ?? [{ broken: group, result }];
}

/**
 * Several independent wrong amounts whose totals meet in one broken equation (the 合计 of a column adds every
 * unit: a wrong subtotal in each of four units breaks it once) form one group that needs more than three cells.
 * Such an equation is a hub: without it the group falls apart. Each part is then explained on its own, the hubs
 * free to change; the parts' changes must then add up to exactly what each hub lacks. When they do, every part's
 * explanation stands and the hubs are among the totals it repairs; when a part has no unique explanation, or the
 * sums miss, the hubs are reported as they are. Null when the group has no hub.
 */
function splitAtHubs(
  graph: EquationGraph,
  search: CulpritSearch,
  group: readonly number[],
): Grouped[] | null {
  const hubs = new Set<number>();
  let parts: number[][] = [group.slice()];
  // A part's explanation, worked out once: a hub chosen later lies in another part, shares no cell with this one
  // (else the two would be one part), so the search of this part never meets it. Re-explaining every part after
  // each split made a table of thousands of broken totals quadratic.
  const explanations = new Map<readonly number[], SearchResult>();
  const explainPart = (p: readonly number[]): SearchResult => {
    let result = explanations.get(p);
    if (result === undefined) explanations.set(p, (result = search.explain(new Set(p), hubs)));
    return result;
  };
  for (;;) {
    // The hub that splits the largest part into the most pieces.
    const largest = parts.reduce((a, b) => (b.length > a.length ? b : a));
    if (largest.length < 2) break;
    let best: { hub: number; pieces: number[][] } | null = null;
    for (const candidate of hubCandidates(graph, largest)) {
      const pieces = sharedCellGroups(graph, largest, new Set([candidate]));
      if (pieces.length > 1 && (best === null || pieces.length > best.pieces.length))
        best = { hub: candidate, pieces };
    }
    if (best === null) break;
    hubs.add(best.hub);
    parts = [...parts.filter((p) => p !== largest), ...best.pieces];
    const unresolved = parts.filter((p) => explainPart(p).verdict === "too-many");
    if (unresolved.length === 0 || unresolved.every((p) => p.length === 1)) break;
  }
  if (hubs.size === 0) return null;
  const explained = parts.map((p) => ({ broken: p, result: explainPart(p) }));
  // The hubs hold when the unique parts' changes make up exactly what each lacks, in the finest digit any of
  // their cells or changes shows.
  let verified = explained.every((p) => p.result.verdict === "unique");
  const changes = verified ? explained.flatMap((p) => p.result.explanations[0]!) : [];
  for (const hub of hubs) {
    if (!verified) break;
    let scale = 0;
    graph.forEachCell(hub, (c) => (scale = Math.max(scale, c.amount!.scale)));
    for (const change of changes) scale = Math.max(scale, change.to.scale);
    let rest = graph.residualUnits(hub, scale);
    for (const change of changes) {
      const sign = graph.coefficient(hub, change.cell);
      if (sign !== 0) rest += sign * (unitsAt(change.to, scale) - unitsAt(change.from, scale));
    }
    if (rest !== 0) verified = false;
  }
  const out: Grouped[] = explained.map((part) => {
    if (!verified || part.result.verdict !== "unique") return part;
    // The hubs this part's change reaches are among the totals it repairs.
    const reached = [...hubs].filter((hub) =>
      part.result.explanations[0]!.some((change) => graph.coefficient(hub, change.cell) !== 0),
    );
    return { broken: [...part.broken, ...reached], result: part.result };
  });
  if (!verified) for (const hub of hubs) out.push({ broken: [hub], result: TOO_MANY });
  return out;
}

const TOO_MANY: SearchResult = { verdict: "too-many", explanations: [], count: 0, reached: new Set() };

/** The equations as a graph: each cell ↔ the equations it is in, with each equation's state. */
class EquationGraph {
  /** Per cell: the equations it is in (skipped ones left out), ascending. */
  private readonly byCell = new Map<EquationCell, number[]>();
  /** The most equations any cell is in: one cell can meet at most this many requirements. */
  readonly maxDegree: number;

  /** The sums; another kind of equation is always skipped (sumsOnly), and never looked at here. */
  readonly equations: readonly TotalEquation[];

  constructor(
    equations: readonly Equation[],
    readonly states: readonly ("held" | "broken" | "skipped")[],
  ) {
    this.equations = equations as readonly TotalEquation[];
    let maxDegree = 1;
    const add = (cell: EquationCell, e: number): void => {
      const list = this.byCell.get(cell);
      if (list === undefined) this.byCell.set(cell, [e]);
      else if (list[list.length - 1] !== e) {
        list.push(e);
        if (list.length > maxDegree) maxDegree = list.length;
      }
    };
    for (let e = 0; e < equations.length; e++) {
      if (states[e] === "skipped") continue;
      const equation = this.equations[e]!;
      add(equation.target, e);
      for (const addend of equation.addends) add(addend, e);
    }
    this.maxDegree = maxDegree;
  }

  equationsOf(cell: EquationCell): readonly number[] {
    return this.byCell.get(cell) ?? [];
  }

  /** How many cells an equation has. */
  size(e: number): number {
    return this.equations[e]!.addends.length + 1;
  }

  forEachCell(e: number, visit: (cell: EquationCell, sign: number) => void): void {
    const equation = this.equations[e]!;
    visit(equation.target, 1);
    for (const addend of equation.addends) visit(addend, -1);
  }

  /** The cell's coefficient in the equation: +1 as its target, −1 per time it is an addend, 0 when absent. */
  coefficient(e: number, cell: EquationCell): number {
    if (this.size(e) > LONG_EQUATION) return this.coefficientsOf(e).get(cell) ?? 0;
    let sign = 0;
    this.forEachCell(e, (c, s) => {
      if (c === cell) sign += s;
    });
    return sign;
  }

  /** target − Σ addends, in units of 10^-scale (worked out once per equation and scale). */
  residualUnits(e: number, scale: number): number {
    // Scales stay small (a few decimals); a larger one is not kept.
    const key = scale < 32 ? e * 32 + scale : -1;
    const known = this.residuals.get(key);
    if (known !== undefined) return known;
    let residual = 0;
    this.forEachCell(e, (c, s) => (residual += s * unitsAt(c.amount!, scale)));
    if (key >= 0) this.residuals.set(key, residual);
    return residual;
  }

  /** The finest digit any cell of the equation shows (worked out once). */
  maxScale(e: number): number {
    let scale = this.scales.get(e);
    if (scale === undefined) {
      let finest = 0;
      this.forEachCell(e, (c) => (finest = Math.max(finest, c.amount!.scale)));
      this.scales.set(e, (scale = finest));
    }
    return scale;
  }

  private readonly residuals = new Map<number, number>();
  private readonly scales = new Map<number, number>();
  private readonly coefficientMaps = new Map<number, Map<EquationCell, number>>();

  /** A long equation's coefficients by cell, so a solve touching a 合计 of thousands of cells does not scan it. */
  private coefficientsOf(e: number): Map<EquationCell, number> {
    let map = this.coefficientMaps.get(e);
    if (map === undefined) {
      map = new Map();
      const into = map;
      this.forEachCell(e, (c, s) => into.set(c, (into.get(c) ?? 0) + s));
      this.coefficientMaps.set(e, map);
    }
    return map;
  }
}

/** Equations with more cells than this are read through the graph's caches in a solve. */
const LONG_EQUATION = 16;

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
  /** Broken equations free to change (hubs): not required, not solved. */
  private free: ReadonlySet<number> = new Set();
  private seen = new Set<string>();
  private found: Explanation[] = [];
  private count = 0;
  private reached = new Set<number>();
  private overflow = false;
  /** Small numbers for the cells a search has put in a set (for the keys of sets seen). */
  private readonly ids = new Map<EquationCell, number>();

  constructor(
    private readonly graph: EquationGraph,
    private readonly budget: number,
  ) {}

  /** The smallest explanations of the `required` broken equations: sets of 1, then 2, then 3 cells. */
  explain(required: ReadonlySet<number>, free: ReadonlySet<number> = new Set()): SearchResult {
    this.required = required;
    this.free = free;
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
    return TOO_MANY;
  }

  private id(cell: EquationCell): number {
    let id = this.ids.get(cell);
    if (id === undefined) this.ids.set(cell, (id = this.ids.size));
    return id;
  }

  private visit(set: readonly EquationCell[], size: number): void {
    if (++this.nodes > this.budget || this.overflow) return;
    const key = set
      .map((c) => this.id(c))
      .sort((a, b) => a - b)
      .join(",");
    if (this.seen.has(key)) return;
    this.seen.add(key);

    const { graph } = this;
    // How many cells of the set each equation it touches has (free equations aside).
    const touches = new Map<number, number>();
    let touchedRequired = 0;
    for (const c of set)
      for (const e of graph.equationsOf(c)) {
        if (this.free.has(e)) continue;
        const n = touches.get(e);
        if (n === undefined && this.required.has(e)) touchedRequired++;
        touches.set(e, (n ?? 0) + 1);
      }
    // Each further cell meets at most maxDegree requirements: with more required equations untouched than the
    // room left can meet, nothing below this node explains them. Decided before looking at each of them, so a
    // group of thousands of broken totals (a column pasted one row low) costs a few nodes, not nodes × group.
    const room = size - set.length;
    if (this.required.size - touchedRequired > room * graph.maxDegree) return;
    // Requirements: a required broken equation not touched; a holding equation touched by one cell only.
    let requirements = 0;
    let best = -1;
    let bestOptions = Infinity;
    const consider = (e: number): void => {
      requirements++;
      const options = graph.size(e);
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
    // Each further cell meets at most maxDegree requirements.
    if (room === 0 || requirements > room * graph.maxDegree) return;
    const equation = graph.equations[best]!;
    for (const c of [equation.target, ...equation.addends]) {
      if (set.includes(c)) continue;
      this.visit([...set, c], size);
      if (this.nodes > this.budget || this.overflow) return;
    }
  }

  /** Solves the equations the set touches for the set's changes; records an explanation when they fit. */
  private solve(set: readonly EquationCell[], touches: ReadonlyMap<number, number>): void {
    const { graph } = this;
    // Every amount in whole units of the finest digit any of these equations shows.
    let scale = 0;
    for (const e of touches.keys()) scale = Math.max(scale, graph.maxScale(e));
    const rows: IntegerRow[] = [];
    for (const e of touches.keys()) {
      // The same sums as scanning the equation, from the graph's caches (a 合计 may have thousands of cells).
      const coefficients = set.map((c) => graph.coefficient(e, c));
      const residual = graph.residualUnits(e, scale);
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
      const cell = set[k]!;
      const now = unitsAt(cell.amount!, scale);
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
