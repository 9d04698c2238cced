/**
 * Formulas with no saved result, as openpyxl, pandas and other scripts write them (Excel saves a result with
 * every formula; these tools save the formula alone). Read as empty, such a total would be 0 and every
 * equation it is in would break. The ones that are sums and differences of the sheet's cells are worked out
 * here as Excel would (`SUM(B3:B9)`, `B3+B4-B5`, `SUM(B3,B5)-B4`, with parentheses and numbers); any other is
 * given to the core as its formula text (`=VLOOKUP(…)`), which the core reads as "not computed": the equations
 * it is in are skipped, with a note naming the cell (rule uncomputed-formula).
 *
 * As Excel does: SUM leaves out text and logical values in its ranges; `+` and `-` read a number written as
 * text and count TRUE as 1, and fail on other text; an empty cell is 0. The arithmetic is exact (exact-decimal).
 */
import {
  parseCellAddress,
  parseAmount,
  exactDecimal,
  negateDecimal,
  sumDecimals,
  toNumber,
  type ExactDecimal,
  type CellValue,
} from "../core";

/** A formula cell without a saved result: grid row and column (0-based) and the formula as stored. */
export interface PendingFormula {
  readonly r: number;
  readonly c: number;
  readonly formula: string;
}

/** Thrown inside the evaluator only, for a formula it does not read; caught before settleFormulas returns. */
class NotEvaluable extends Error {}

/** One token of a formula. */
type Token =
  | { readonly kind: "number"; readonly text: string }
  | { readonly kind: "ref"; readonly r: number; readonly c: number }
  | { readonly kind: "sum" }
  | { readonly kind: "op"; readonly text: "+" | "-" | "(" | ")" | "," | ":" };

/**
 * A formula's tokens, or null when it holds anything else (another function, another sheet, a name, text).
 * The reference pattern matches `B3`, `$B$3`, `aa10`; the number pattern `12`, `0.5`, `1.5E3`.
 */
function tokenize(formula: string): Token[] | null {
  const tokens: Token[] = [];
  const text = formula.startsWith("=") ? formula.slice(1) : formula;
  const pattern =
    /\s+|(SUM)\s*\(|(\$?[A-Za-z]{1,3}\$?[0-9]{1,7})(?![A-Za-z0-9_!(])|([0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)|([-+(),:])/iy;
  let at = 0;
  while (at < text.length) {
    pattern.lastIndex = at;
    const m = pattern.exec(text);
    if (m === null) return null;
    at = pattern.lastIndex;
    if (m[1] !== undefined) {
      tokens.push({ kind: "sum" });
      tokens.push({ kind: "op", text: "(" });
    } else if (m[2] !== undefined) {
      const ref = parseCellAddress(m[2]);
      if (ref === null) return null;
      tokens.push({ kind: "ref", r: ref.row - 1, c: ref.column - 1 });
    } else if (m[3] !== undefined) tokens.push({ kind: "number", text: m[3] });
    else if (m[4] !== undefined) tokens.push({ kind: "op", text: m[4] as "+" | "-" | "(" | ")" | "," | ":" });
  }
  return tokens;
}

/** A grid cell as one number key (columns stay under 2^14, rows under 2^20). */
function cellKey(r: number, c: number): number {
  return r * 16_384 + c;
}

/**
 * Working out the pending formulas of one grid, each once. A chain of formulas is followed (a cycle is not
 * read) with an explicit stack, and each formula is read in one forward pass with a stack of parentheses, so a
 * chain of 5,000 formulas or 5,000 nested parentheses costs memory, never the call stack.
 */
class Evaluator {
  private readonly pending = new Map<number, PendingFormula>();
  /** Per grid row, the columns of its pending formulas (a range looks its formulas up by row). */
  private readonly pendingInRow = new Map<number, number[]>();
  /** Per grid row, the rightmost pending formula's column: such cells hold no value, so rows may stop short of them. */
  private readonly pendingRight = new Map<number, number>();
  private readonly done = new Map<number, ExactDecimal | null>();
  private readonly tokens = new Map<number, Token[] | null>();
  /** The last grid row a range reaches: the grid's, or a pending formula's below it. */
  private lastRow: number;

  constructor(
    private readonly grid: readonly (readonly CellValue[])[],
    formulas: readonly PendingFormula[],
    /** The number a cell holds where the grid has the text its format displays (`100.126` shown as `100.13`). */
    private readonly numberAt: (r: number, c: number) => number | undefined,
  ) {
    this.lastRow = grid.length - 1;
    for (const f of formulas) {
      this.lastRow = Math.max(this.lastRow, f.r);
      this.pending.set(cellKey(f.r, f.c), f);
      const row = this.pendingInRow.get(f.r);
      if (row === undefined) this.pendingInRow.set(f.r, [f.c]);
      else row.push(f.c);
      this.pendingRight.set(f.r, Math.max(this.pendingRight.get(f.r) ?? -1, f.c));
    }
  }

  /** The formula's value, or null when it cannot be worked out (its chain is worked out first, without recursion). */
  value(root: PendingFormula): ExactDecimal | null {
    const rootKey = cellKey(root.r, root.c);
    const known = this.done.get(rootKey);
    if (known !== undefined) return known;
    // Depth-first over the formulas it depends on: a formula is read once all of its own are worked out; one met
    // again while its own are still open is a cycle, and does not get worked out.
    const stack: PendingFormula[] = [root];
    const open = new Set<number>();
    while (stack.length > 0) {
      const f = stack[stack.length - 1]!;
      const key = cellKey(f.r, f.c);
      if (this.done.has(key)) {
        stack.pop();
        continue;
      }
      const tokens = this.tokensOf(key, f);
      if (tokens === null) {
        this.finish(key, null, open, stack);
        continue;
      }
      if (!open.has(key)) {
        open.add(key);
        let cycle = false;
        const before = stack.length;
        for (const dependency of this.dependencies(tokens)) {
          const depKey = cellKey(dependency.r, dependency.c);
          if (this.done.has(depKey)) continue;
          if (open.has(depKey)) {
            cycle = true;
            break;
          }
          stack.push(dependency);
        }
        if (cycle) {
          stack.length = before;
          this.finish(key, null, open, stack);
        }
        continue;
      }
      let result: ExactDecimal | null;
      try {
        result = this.evaluate(tokens);
      } catch (error) {
        if (!(error instanceof NotEvaluable)) throw error;
        result = null;
      }
      this.finish(key, result, open, stack);
    }
    return this.done.get(rootKey) ?? null;
  }

  private finish(key: number, result: ExactDecimal | null, open: Set<number>, stack: PendingFormula[]): void {
    this.done.set(key, result);
    open.delete(key);
    stack.pop();
  }

  private tokensOf(key: number, f: PendingFormula): Token[] | null {
    let tokens = this.tokens.get(key);
    if (tokens === undefined) {
      tokens = tokenize(f.formula);
      this.tokens.set(key, tokens);
    }
    return tokens;
  }

  /** The pending formulas a formula's references and ranges reach. */
  private dependencies(tokens: readonly Token[]): PendingFormula[] {
    const found: PendingFormula[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (t.kind !== "ref") continue;
      const colon = tokens[i + 1];
      const end = tokens[i + 2];
      if (colon?.kind === "op" && colon.text === ":" && end?.kind === "ref") {
        const bottom = Math.min(Math.max(t.r, end.r), this.lastRow);
        const left = Math.min(t.c, end.c);
        const right = Math.max(t.c, end.c);
        for (let r = Math.min(t.r, end.r); r <= bottom; r++)
          for (const c of this.pendingInRow.get(r) ?? [])
            if (c >= left && c <= right) found.push(this.pending.get(cellKey(r, c))!);
        i += 2;
        continue;
      }
      const f = this.pending.get(cellKey(t.r, t.c));
      if (f !== undefined) found.push(f);
    }
    return found;
  }

  /** A cell's number for `+`/`-` (numeric text read, TRUE as 1), or for SUM (`inRange`: text and logicals left out). */
  cell(r: number, c: number, inRange: boolean): ExactDecimal | null {
    const key = cellKey(r, c);
    if (this.pending.has(key)) {
      const value = this.done.get(key);
      if (value === undefined || value === null)
        throw new NotEvaluable("depends on a formula not worked out");
      return value;
    }
    const v = this.grid[r]?.[c] ?? null;
    if (v === null) return inRange ? null : exactDecimal(0, 0);
    if (typeof v === "boolean") return inRange ? null : exactDecimal(v ? 1 : 0, 0);
    if (typeof v === "number") return numberDecimal(v);
    // A number its format shows with fewer digits (or as a percentage or a date): Excel adds the number.
    const hidden = this.numberAt(r, c);
    if (hidden !== undefined) return numberDecimal(hidden);
    if (v.startsWith("#")) throw new NotEvaluable("an error value");
    if (inRange) return null;
    const parsed = parseAmount(v);
    if (parsed.value === null) throw new NotEvaluable("text in arithmetic");
    return exactDecimal(parsed.value, parsed.decimals);
  }

  /** Σ of a range's numbers (only the cells the grid has: the rest are empty). */
  range(r1: number, c1: number, r2: number, c2: number): ExactDecimal {
    const parts: ExactDecimal[] = [];
    const bottom = Math.min(Math.max(r1, r2), this.lastRow);
    for (let r = Math.min(r1, r2); r <= bottom; r++) {
      const length = this.grid[r]?.length ?? 0;
      const right = Math.min(Math.max(c1, c2), Math.max(length - 1, this.pendingRight.get(r) ?? -1));
      for (let c = Math.min(c1, c2); c <= right; c++) {
        const value = this.cell(r, c, true);
        if (value !== null) parts.push(value);
      }
    }
    return sumDecimals(parts);
  }

  /**
   * One formula's value, its tokens read left to right: with only + and -, the value is the sum of its terms,
   * each with the sign of the minuses before it and of the parentheses around it. A stack holds the sign of each
   * open parenthesis and whether it is a SUM's. Grammar: expression := term (± term)*; term := ± term | primary;
   * primary := number | ref | ( expression ) | SUM( [argument (, argument)*] ); an argument is a range, a lone
   * reference (its text left out, as Excel's SUM does) or an expression.
   */
  private evaluate(tokens: readonly Token[]): ExactDecimal {
    const terms: ExactDecimal[] = [];
    /** Signs of the open parentheses (1 or -1), and whether each is a SUM's. */
    const signs: number[] = [];
    const isSum: boolean[] = [];
    let sign = 1;
    /** The sign of the term being read: the open parentheses' times the unary minuses before it. */
    let unary = 1;
    let operand = true;
    /** Right after a SUM's `(` or `,`, with no sign yet: where a range or a lone reference may stand. */
    let argumentStart = false;
    /** A range was the last argument: only `,` or `)` may follow. */
    let afterRange = false;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (operand) {
        const next = tokens[i + 1];
        const nextOp = next?.kind === "op" ? next.text : null;
        if (t.kind === "number") {
          const parsed = parseAmount(t.text);
          if (parsed.value === null) throw new NotEvaluable("number");
          terms.push(signed(exactDecimal(parsed.value, parsed.decimals), sign * unary));
        } else if (t.kind === "ref") {
          if (nextOp === ":") {
            const end = tokens[i + 2];
            if (!argumentStart || end?.kind !== "ref") throw new NotEvaluable("a range outside SUM");
            terms.push(signed(this.range(t.r, t.c, end.r, end.c), sign));
            i += 2;
            afterRange = true;
          } else {
            const lone = argumentStart && (next === undefined || nextOp === "," || nextOp === ")");
            const value = this.cell(t.r, t.c, lone) ?? exactDecimal(0, 0);
            terms.push(signed(value, sign * unary));
          }
        } else if (t.kind === "sum" || (t.kind === "op" && t.text === "(")) {
          if (t.kind === "sum") {
            if (nextOp !== "(") throw new NotEvaluable("expected (");
            i++;
          }
          signs.push(sign);
          isSum.push(t.kind === "sum");
          sign *= unary;
          unary = 1;
          argumentStart = t.kind === "sum";
          if (
            argumentStart &&
            tokens[i + 1]?.kind === "op" &&
            (tokens[i + 1] as { text: string }).text === ")"
          ) {
            // SUM(): 0.
            i++;
            sign = signs.pop()!;
            isSum.pop();
            argumentStart = false;
            operand = false;
          }
          continue;
        } else if (t.kind === "op" && (t.text === "-" || t.text === "+")) {
          if (t.text === "-") unary = -unary;
          argumentStart = false;
          continue;
        } else throw new NotEvaluable("unexpected token");
        unary = 1;
        argumentStart = false;
        operand = false;
        continue;
      }
      if (t.kind !== "op") throw new NotEvaluable("expected an operator");
      if (afterRange && t.text !== "," && t.text !== ")") throw new NotEvaluable("a range in arithmetic");
      afterRange = false;
      if (t.text === "+" || t.text === "-") {
        unary = t.text === "-" ? -1 : 1;
        operand = true;
      } else if (t.text === ")") {
        if (signs.length === 0) throw new NotEvaluable("unbalanced )");
        sign = signs.pop()!;
        isSum.pop();
      } else if (t.text === ",") {
        if (isSum.length === 0 || !isSum[isSum.length - 1]) throw new NotEvaluable("a , outside SUM");
        unary = 1;
        operand = true;
        argumentStart = true;
      } else throw new NotEvaluable(`unexpected ${t.text}`);
    }
    if (operand || signs.length > 0) throw new NotEvaluable("unexpected end");
    return sumDecimals(terms);
  }
}

function numberDecimal(v: number): ExactDecimal {
  return exactDecimal(v, parseAmount(v).decimals);
}

function signed(amount: ExactDecimal, sign: number): ExactDecimal {
  return sign < 0 ? negateDecimal(amount) : amount;
}

/**
 * Settles every pending formula of a grid: `set(r, c, value)` receives the number Excel would show, or the
 * formula's text (`=VLOOKUP(…)`) when it is not a sum or difference of the sheet's cells (see the top of this
 * file).
 */
export function settleFormulas(
  grid: readonly (readonly CellValue[])[],
  formulas: readonly PendingFormula[],
  set: (r: number, c: number, value: number | string) => void,
  numberAt: (r: number, c: number) => number | undefined = () => undefined,
): void {
  const evaluator = new Evaluator(grid, formulas, numberAt);
  const results = formulas.map((f) => evaluator.value(f));
  formulas.forEach((f, k) => {
    const result = results[k];
    set(
      f.r,
      f.c,
      result === null || result === undefined ? `=${f.formula.replace(/^=/, "")}` : toNumber(result),
    );
  });
}
