/**
 * The classify stage for tables with one row per project (the string layouts): every row of the table is a
 * title line, a header row, the 合计 row, a unit (资金使用单位) row, a 小计 row, a project, the continuation of a
 * project's multi-line cell, a blank row or a note. The rules are the same whatever the columns are; a layout
 * answers the questions of BodyRowFacts from its own columns.
 */
import type { ClassifiedRow, RowKind } from "../model/analysis";
import { withoutWhitespace } from "../model/chars";
import { compareSum, sumDecimals, type ExactDecimal } from "../model/exact-decimal";

/** What the rules ask about a body row (r: the grid row index). */
export interface BodyRowFacts {
  /** No cell of the row (within the table's columns) holds anything. */
  isBlank(r: number): boolean;
  /** The trimmed text of the row's name cell. */
  name(r: number): string;
  /** Any amount cell of the row holds something. */
  hasAmounts(r: number): boolean;
  /** The goal or indicator cell of the row holds text. */
  hasText(r: number): boolean;
  /** The first non-empty cell text of the row (within the table's columns), where a note (`注：…`) would start. */
  firstText(r: number): string;
  /** The row's total (its 总计, else its first amount column), exact; null when empty or not a number. */
  total(r: number): ExactDecimal | null;
}

/** Where the table's rows are: grid indexes, and the sheet row of grid row 0. */
export interface TableRows {
  /** First grid row of the table (its title lines start here). */
  readonly start: number;
  /** Grid rows of the header (one, or two under a merged 资金来源). */
  readonly headerRows: readonly number[];
  /** Grid rows in the body that repeat the header (a page break of a pasted PDF). */
  readonly repeatedHeaders?: readonly number[];
  /** First body row: the one after the last header row. */
  readonly bodyStart: number;
  /** End of the table (exclusive). */
  readonly end: number;
  /** Sheet row of grid row 0. */
  readonly originRow: number;
}

/** 合计 / 总计 in the name column: the grand total row (spaces inside are ignored: `合 计`). */
const GRAND_TOTAL_NAMES = new Set(["合计", "总计", "总合计", "全部合计", "合计数"]);

/** A row of text outside the table body: `注：…`, `备注：…`, `说明：…`. */
export function isNoteText(text: string): boolean {
  return /^(?:注|备注|说明|附注)\s*[：:]/.test(text); // 注：单位为万元 · 备注:… · 说明 ：…
}

/** `合计`, `合 计`, `总计`: the grand total's label. */
export function isGrandTotalLabel(text: string): boolean {
  return text.length <= 8 && GRAND_TOTAL_NAMES.has(withoutWhitespace(text));
}

/** `小计`, `小 计`, `单位小计`, `小计：`: a subtotal of the projects above it. */
export function isSubtotalLabel(text: string): boolean {
  if (text.length > 16) return false;
  const key = withoutWhitespace(text).replace(/[：:]$/, "");
  return key.endsWith("小计") && key.length <= 10;
}

/** Empty name and amounts, text in the goal or indicator column: a multi-line cell split by the paste. */
function isContinuationShaped(facts: BodyRowFacts, r: number): boolean {
  return facts.name(r) === "" && !facts.hasAmounts(r) && facts.hasText(r);
}

/**
 * The kind of body row r; `end` bounds the look-ahead of a unit row. A row whose goal or indicator cell holds
 * text is a project or a continuation whatever its name says (`说明会经费`, `合计软件维护`, a continuation that
 * starts `注：`); 合计, 小计 and notes are rows without such text.
 */
export function classifyBodyRow(facts: BodyRowFacts, r: number, end: number): RowKind {
  if (facts.isBlank(r)) return "blank";
  if (isContinuationShaped(facts, r)) return "continuation";
  const name = facts.name(r);
  const hasText = facts.hasText(r);
  const hasAmounts = facts.hasAmounts(r);
  if (!hasText) {
    // With a 序号 column first, 合计 may be written there rather than in the name column.
    const label = name !== "" ? name : facts.firstText(r);
    if (isGrandTotalLabel(label)) return "grand-total";
    if (isSubtotalLabel(label)) return "subtotal";
    if (!hasAmounts && isNoteText(facts.firstText(r))) return "note";
  }
  if (name === "" && !hasAmounts) return "note"; // text only in columns outside the table
  if (name !== "" && !hasText) {
    // A name with no goal or indicators is a unit row, unless its goal starts on the next rows.
    let next = r + 1;
    while (next < end && facts.isBlank(next)) next++;
    return next < end && isContinuationShaped(facts, next) ? "project" : "unit";
  }
  return "project";
}

/** Every row of the table in order: title lines and header, then the body rows. */
export function classifyRows(facts: BodyRowFacts, table: TableRows): ClassifiedRow[] {
  const headerRows = new Set(table.headerRows);
  const kinds: RowKind[] = [];
  for (let r = table.start; r < table.bodyStart; r++) {
    kinds.push(headerRows.has(r) ? "header" : facts.isBlank(r) ? "blank" : "title");
  }
  const repeated = new Set(table.repeatedHeaders ?? []);
  for (let r = table.bodyStart; r < table.end; r++)
    kinds.push(repeated.has(r) ? "header" : classifyBodyRow(facts, r, table.end));
  resolveUnitRows(facts, kinds, table.start);
  return kinds.map((kind, k) => ({ row: table.originRow + table.start + k, kind }));
}

/**
 * A row with a name and amounts but no goal or indicators is a unit (资金使用单位) or a project that lacks its
 * indicators: the layout alone cannot tell. The totals can, and a project without indicators is a project with an
 * issue, never a unit, unless its amounts are the sum of the rows below it:
 * - a row with no project below it (the next rows are such rows, or the table ends) cannot be the sum of anything:
 *   it is a project, unless it heads unit rows (a department right above its units, whose sum the culprits check)
 *   or it is the table's last row below projects (a paste cut after a unit's row: the cut-paste explanation);
 * - a unit row whose subtotal holds is a unit;
 * - any other is read the way that leaves less wrong: the equations it takes part in that break (its own subtotal,
 *   the unit above it, the 合计), plus one for the "no indicators" a project reading reports; a tie stays a unit
 *   (its own subtotal is then reported broken).
 *   So an empty project inside a unit is a project with its own issue, not a unit that makes a clean table's
 *   totals look wrong, and a unit whose subtotal is stale stays a unit. A row becomes a project outside every unit
 *   only in a table where no unit row adds up (a table without units).
 * `kinds[k]` is grid row start + k. Linear in the rows: the first rule is decided bottom-up in one pass, the others
 * top to bottom in one pass with running sums (each decision seen by the next).
 */
export function resolveUnitRows(
  facts: Pick<BodyRowFacts, "total" | "hasAmounts">,
  kinds: RowKind[],
  start: number,
): void {
  // A unit or 合计 row without any amount is a heading: no amount (a project's empty amount is 0).
  const amount = (k: number): ExactDecimal | null =>
    kinds[k] === "project" || facts.hasAmounts(start + k) ? facts.total(start + k) : null;
  const n = kinds.length;
  // 1. Bottom-up: a row with amounts and no project under it is a project, unless it heads unit rows (the next
  // row that counts is a unit row kept as one: a department, whose sum the culprits check).
  let projectBelow = false;
  /** The kind of the nearest row below that is a project, unit or 合计 (blank rows, notes and continuations aside). */
  let below: RowKind | null = null;
  // The last row of a table that has projects above it stays a unit: a paste cut right after a unit's row
  // (its projects left out) reads as that, and the cut-paste explanation says so instead of blaming the totals.
  const firstProject = kinds.indexOf("project");
  for (let k = n - 1; k >= 0; k--) {
    const kind = kinds[k];
    if (kind === "grand-total") {
      projectBelow = false;
      below = kind;
    } else if (kind === "project") {
      projectBelow = true;
      below = kind;
    } else if (kind === "unit") {
      const cutAfterUnit = below === null && firstProject >= 0 && firstProject < k;
      if (amount(k) !== null && !projectBelow && below !== "unit" && !cutAfterUnit) {
        kinds[k] = "project";
        projectBelow = true;
        below = "project";
      } else {
        projectBelow = false;
        below = "unit";
      }
    }
  }

  // 2. Top-down, with what each decision needs kept as running sums.
  // Σ of the projects from each unit row to the next unit or 合计 (rows below a unit are not changed by step 2).
  const groupSum: (ExactDecimal | null)[] = new Array<ExactDecimal | null>(n).fill(null);
  let running: ExactDecimal[] = [];
  let runningValid = true;
  for (let k = n - 1; k >= 0; k--) {
    const kind = kinds[k];
    if (kind === "unit" || kind === "grand-total") {
      groupSum[k] = runningValid ? sumDecimals(running) : null;
      running = [];
      runningValid = true;
    } else if (kind === "project") {
      const value = amount(k);
      if (value === null) runningValid = false;
      else running.push(value);
    }
  }
  const doubtful = new Set<number>();
  let confirmed = 0;
  for (let u = 0; u < n; u++) {
    if (kinds[u] !== "unit") continue;
    const own = amount(u);
    const below = groupSum[u] ?? null;
    if (own === null || below === null) continue;
    if (broken(own, [below]) === 0) confirmed++;
    else doubtful.add(u);
  }
  if (doubtful.size === 0) return;
  let grand: ExactDecimal | null = null;
  for (let k = 0; k < n && grand === null; k++) if (kinds[k] === "grand-total") grand = amount(k);
  // What the 合计 adds up as the rows are classified now: units with amounts, and projects under none.
  let grandSum: ExactDecimal | null = grandSumOf(kinds, amount);

  // The nearest unit row above (-1 when it is a heading without amounts), and the projects in its group so far
  // (a group ends at the next unit or 合计 row).
  let parent = -1;
  let parentSum: ExactDecimal = ZERO;
  let parentValid = true;
  let parentOpen = false;
  for (let u = 0; u < n; u++) {
    const kind = kinds[u];
    if (kind === "grand-total") {
      parentOpen = false;
      continue;
    }
    if (kind === "project") {
      const value = amount(u);
      if (!parentOpen) continue;
      if (value === null) parentValid = false;
      else parentSum = sumDecimals([parentSum, value]);
      continue;
    }
    if (kind !== "unit") continue;
    const own = amount(u);
    const ownGroup = groupSum[u] ?? null;
    const parentAmount = parent < 0 ? null : amount(parent);
    const parentGroup = parent >= 0 && parentValid ? parentSum : null;
    let asProject = Number.POSITIVE_INFINITY;
    let asUnit = 0;
    if (doubtful.has(u) && own !== null && ownGroup !== null && grandSum !== null) {
      asUnit = broken(own, [ownGroup]) + broken(grand, [grandSum]);
      // The "no indicators" issue a project reading adds.
      asProject = 1;
      if (parentAmount !== null && parentGroup !== null) {
        asUnit += broken(parentAmount, [parentGroup]);
        // A project of the unit above: that unit gains it and the projects below it; the 合计 loses it as a unit
        // (its projects count through the unit above now).
        asProject += broken(parentAmount, [parentGroup, own, ownGroup]);
        asProject += broken(grand, [grandSum, negate(own)]);
      } else if (confirmed === 0) {
        // No unit above and none that adds up: it and the projects below it count in 合计 directly.
        asProject += broken(grand, [grandSum, ownGroup]);
      } else asProject = Number.POSITIVE_INFINITY;
    }
    if (asProject < asUnit) {
      kinds[u] = "project";
      grandSum =
        parentAmount !== null && parentGroup !== null
          ? sumDecimals([grandSum!, negate(own!)])
          : sumDecimals([grandSum!, ownGroup!]);
      // It counts in the unit above now, and so do the projects below it, met next.
      if (parentOpen) parentSum = sumDecimals([parentSum, own!]);
      continue;
    }
    // A unit: the next rows are its own.
    parent = own !== null ? u : -1;
    parentSum = ZERO;
    parentValid = true;
    parentOpen = true;
  }
}

const ZERO: ExactDecimal = { units: 0, scale: 0 };

function grandSumOf(
  kinds: readonly RowKind[],
  amount: (k: number) => ExactDecimal | null,
): ExactDecimal | null {
  const parts: ExactDecimal[] = [];
  let covered = false;
  for (let k = 0; k < kinds.length; k++) {
    const kind = kinds[k];
    if (kind === "unit") {
      const value = amount(k);
      covered = value !== null;
      if (value !== null) parts.push(value);
    } else if (kind === "project" && !covered) {
      const value = amount(k);
      if (value === null) return null;
      parts.push(value);
    }
  }
  return sumDecimals(parts);
}

/** 1 when target ≠ Σ addends (to half the last displayed digit), else 0; 0 when there is no target. */
function broken(target: ExactDecimal | null, addends: readonly ExactDecimal[]): number {
  return target !== null && compareSum(target, addends, undefined) !== null ? 1 : 0;
}

function negate(amount: ExactDecimal): ExactDecimal {
  return { units: -amount.units, scale: amount.scale };
}
