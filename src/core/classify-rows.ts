/**
 * The classify stage for tables with one row per project (the string layouts): every row of the table is a
 * title line, a header row, the 合计 row, a unit (资金使用单位) row, a project, the continuation of a project's
 * multi-line cell, a blank row or a note. The rules are the same whatever the columns are; a layout answers the
 * questions of BodyRowFacts from its own columns.
 */
import type { ClassifiedRow, RowKind } from "./analysis";
import { withoutWhitespace } from "./chars";

/** What the rules ask about a body row (r: the grid row index). */
export interface BodyRowFacts {
  /** No cell of the row holds anything. */
  isBlank(r: number): boolean;
  /** The trimmed text of the row's name cell. */
  name(r: number): string;
  /** Any amount cell of the row holds something. */
  hasAmounts(r: number): boolean;
  /** The goal or indicator cell of the row holds text. */
  hasText(r: number): boolean;
  /** The first non-empty cell text of the row, where a note (`注：…`) would start. */
  firstText(r: number): string;
}

/** Where the table's rows are: grid indexes, and the sheet row of grid row 0. */
export interface TableRows {
  /** First grid row of the table (its title lines start here). */
  readonly start: number;
  /** Grid rows of the header (one, or two under a merged 资金来源). */
  readonly headerRows: readonly number[];
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
function isNoteText(text: string): boolean {
  return /^(?:注|备注|说明|附注)\s*[：:]/.test(text); // 注：单位为万元 · 备注:… · 说明 ：…
}

/** Empty name and amounts, text in the goal or indicator column: a multi-line cell split by the paste. */
function isContinuationShaped(facts: BodyRowFacts, r: number): boolean {
  return facts.name(r) === "" && !facts.hasAmounts(r) && facts.hasText(r);
}

/** The kind of body row r; `end` bounds the look-ahead of a unit row. */
export function classifyBodyRow(facts: BodyRowFacts, r: number, end: number): RowKind {
  if (facts.isBlank(r)) return "blank";
  const name = facts.name(r);
  if (isNoteText(facts.firstText(r))) return "note";
  if (name.length <= 8 && GRAND_TOTAL_NAMES.has(withoutWhitespace(name))) return "grand-total";
  if (isContinuationShaped(facts, r)) return "continuation";
  if (name === "" && !facts.hasAmounts(r)) return "note"; // text only in columns outside the table
  if (name !== "" && !facts.hasText(r)) {
    // A name with no goal or indicators is a unit row, unless its goal starts on the next rows.
    let next = r + 1;
    while (next < end && facts.isBlank(next)) next++;
    return next < end && isContinuationShaped(facts, next) ? "project" : "unit";
  }
  return "project";
}

/** Every row of the table in order: title lines and header, then the body rows. */
export function classifyRows(facts: BodyRowFacts, table: TableRows): ClassifiedRow[] {
  const rows: ClassifiedRow[] = [];
  const headerRows = new Set(table.headerRows);
  for (let r = table.start; r < table.bodyStart; r++) {
    const kind: RowKind = headerRows.has(r) ? "header" : facts.isBlank(r) ? "blank" : "title";
    rows.push({ row: table.originRow + r, kind });
  }
  for (let r = table.bodyStart; r < table.end; r++) {
    rows.push({ row: table.originRow + r, kind: classifyBodyRow(facts, r, table.end) });
  }
  return rows;
}
