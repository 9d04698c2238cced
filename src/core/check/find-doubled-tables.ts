/**
 * The whole table pasted twice (title, header, 合计 and every row again): read as two tables, each of which
 * checks out the same, it would double every finding and say nothing of the repeat. A table whose 合计, units and
 * projects (names and amounts) are those of an earlier table on the same sheet is reported once, as a repeat.
 */
import type { AmountCells, GrandTotalRow, ParsedTable } from "../model/analysis";
import { sheetCell } from "../model/cell-address";
import { withoutWhitespace } from "../model/chars";
import { makeIssue, type IssueDraft } from "../model/issue";

/** What a table holds, as one string: equal for a table and its repeat, different for any two others. */
export function tableFingerprint(table: {
  readonly grandTotal: Pick<GrandTotalRow, "amountCells"> | null;
  readonly units: readonly { readonly name: string; readonly amountCells: AmountCells }[];
  readonly projects: readonly {
    readonly unit: string | null;
    readonly name: string;
    readonly amountCells: AmountCells;
  }[];
}): string {
  const amounts = (cells: AmountCells): string => {
    let key = "";
    for (const column in cells) key += `${cells[column]!.value},`;
    return key;
  };
  const parts: string[] = [table.grandTotal ? amounts(table.grandTotal.amountCells) : ""];
  for (const unit of table.units) parts.push(`u${withoutWhitespace(unit.name)}|${amounts(unit.amountCells)}`);
  for (const project of table.projects)
    parts.push(`p${project.unit ?? ""}|${withoutWhitespace(project.name)}|${amounts(project.amountCells)}`);
  return parts.join("\u0001");
}

type TableRows = Pick<ParsedTable, "table" | "rows">;

/** The issue of a table that repeats an earlier one: at the repeat's header, naming both tables' rows. */
export function doubledTableIssue(repeat: TableRows, original: TableRows): IssueDraft {
  const span = (t: TableRows): { from: number; to: number } => {
    const from = t.table?.headerRows[0] ?? t.rows[0]?.row ?? 1;
    let to = from;
    for (const r of t.rows) if (r.kind !== "blank" && r.row > to) to = r.row;
    return { from, to };
  };
  const repeated = span(repeat);
  return makeIssue("doubled-table", sheetCell(repeated.from, repeat.table?.columns.name ?? 1), {
    repeated,
    original: span(original),
  });
}
