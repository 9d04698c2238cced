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

/** Working out the pending formulas of one grid, each once (a chain of them is followed; a cycle is not read). */
class Evaluator {
  private readonly pending = new Map<string, PendingFormula>();
  /** Per grid row, the rightmost pending formula's column: such cells hold no value, so rows may stop short of them. */
  private readonly pendingRight = new Map<number, number>();
  private readonly done = new Map<string, ExactDecimal | null>();
  private readonly busy = new Set<string>();

  constructor(
    private readonly grid: readonly (readonly CellValue[])[],
    formulas: readonly PendingFormula[],
  ) {
    for (const f of formulas) {
      this.pending.set(`${f.r}:${f.c}`, f);
      this.pendingRight.set(f.r, Math.max(this.pendingRight.get(f.r) ?? -1, f.c));
    }
  }

  /** The formula's value, or null when it cannot be worked out. */
  value(f: PendingFormula): ExactDecimal | null {
    const key = `${f.r}:${f.c}`;
    const known = this.done.get(key);
    if (known !== undefined) return known;
    if (this.busy.has(key)) throw new NotEvaluable("cycle");
    this.busy.add(key);
    let result: ExactDecimal | null;
    try {
      const tokens = tokenize(f.formula);
      if (tokens === null) throw new NotEvaluable("not a sum");
      const parser = new Parser(tokens, this);
      result = parser.expression();
      if (!parser.atEnd()) throw new NotEvaluable("trailing tokens");
    } catch (error) {
      if (!(error instanceof NotEvaluable)) throw error;
      result = null;
    }
    this.busy.delete(key);
    this.done.set(key, result);
    return result;
  }

  /** A cell's number for `+`/`-` (numeric text read, TRUE as 1), or for SUM (`inRange`: text and logicals left out). */
  cell(r: number, c: number, inRange: boolean): ExactDecimal | null {
    const formula = this.pending.get(`${r}:${c}`);
    if (formula) {
      const value = this.value(formula);
      if (value === null) throw new NotEvaluable("depends on a formula not worked out");
      return value;
    }
    const v = this.grid[r]?.[c] ?? null;
    if (v === null) return inRange ? null : exactDecimal(0, 0);
    if (typeof v === "boolean") return inRange ? null : exactDecimal(v ? 1 : 0, 0);
    if (typeof v === "number") {
      const parsed = parseAmount(v);
      return exactDecimal(v, parsed.decimals);
    }
    if (v.startsWith("#")) throw new NotEvaluable("an error value");
    if (inRange) return null;
    const parsed = parseAmount(v);
    if (parsed.value === null) throw new NotEvaluable("text in arithmetic");
    return exactDecimal(parsed.value, parsed.decimals);
  }

  /** Σ of a range's numbers (only the cells the grid has: the rest are empty). */
  range(r1: number, c1: number, r2: number, c2: number): ExactDecimal {
    const parts: ExactDecimal[] = [];
    const bottom = Math.min(Math.max(r1, r2), this.grid.length - 1);
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
}

/** Recursive descent over the tokens: expression := term (± term)*; term := ± term | primary. */
class Parser {
  private at = 0;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly cells: Evaluator,
  ) {}

  atEnd(): boolean {
    return this.at === this.tokens.length;
  }

  private peekOp(text: string): boolean {
    const t = this.tokens[this.at];
    return t !== undefined && t.kind === "op" && t.text === text;
  }

  private expect(text: string): void {
    if (!this.peekOp(text)) throw new NotEvaluable(`expected ${text}`);
    this.at++;
  }

  expression(): ExactDecimal {
    let value = this.term();
    while (this.peekOp("+") || this.peekOp("-")) {
      const minus = this.peekOp("-");
      this.at++;
      const next = this.term();
      value = sumDecimals([value, minus ? negateDecimal(next) : next]);
    }
    return value;
  }

  private term(): ExactDecimal {
    if (this.peekOp("-")) {
      this.at++;
      return negateDecimal(this.term());
    }
    if (this.peekOp("+")) {
      this.at++;
      return this.term();
    }
    return this.primary();
  }

  private primary(): ExactDecimal {
    const t = this.tokens[this.at++];
    if (t === undefined) throw new NotEvaluable("unexpected end");
    switch (t.kind) {
      case "number": {
        const parsed = parseAmount(t.text);
        if (parsed.value === null) throw new NotEvaluable("number");
        return exactDecimal(parsed.value, parsed.decimals);
      }
      case "ref":
        if (this.peekOp(":")) throw new NotEvaluable("a range outside SUM");
        return this.cells.cell(t.r, t.c, false) ?? exactDecimal(0, 0);
      case "sum": {
        this.expect("(");
        const parts: ExactDecimal[] = [];
        if (!this.peekOp(")")) {
          parts.push(this.argument());
          while (this.peekOp(",")) {
            this.at++;
            parts.push(this.argument());
          }
        }
        this.expect(")");
        return sumDecimals(parts);
      }
      case "op":
        if (t.text === "(") {
          const value = this.expression();
          this.expect(")");
          return value;
        }
        throw new NotEvaluable(`unexpected ${t.text}`);
    }
  }

  /** A SUM argument: a range (`B3:B9`), a single cell (its text left out, as Excel's SUM does), or an expression. */
  private argument(): ExactDecimal {
    const t = this.tokens[this.at];
    const after = this.tokens[this.at + 1];
    if (t?.kind === "ref" && after?.kind === "op" && after.text === ":") {
      const end = this.tokens[this.at + 2];
      if (end?.kind !== "ref") throw new NotEvaluable("range");
      this.at += 3;
      return this.cells.range(t.r, t.c, end.r, end.c);
    }
    if (
      t?.kind === "ref" &&
      (after === undefined || (after.kind === "op" && (after.text === "," || after.text === ")")))
    ) {
      this.at++;
      return this.cells.cell(t.r, t.c, true) ?? exactDecimal(0, 0);
    }
    return this.expression();
  }
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
): void {
  const evaluator = new Evaluator(grid, formulas);
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
