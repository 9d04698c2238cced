/**
 * Rows present twice: a unit or project row whose name and amounts repeat an earlier row of its kind (a project
 * under the same unit). A clerk who pastes a selection twice, or a body again after a header repeated in the
 * middle, gets such rows; explain-gaps.ts counts them once where counting them twice is what breaks a total.
 */
import type { AmountCells, ClassifiedRow } from "../model/analysis";
import { withoutWhitespace } from "../model/chars";
import type { RowSpan } from "../model/issue";

/** A row with a name and amounts, as the duplicate search needs it. */
export interface NamedAmountRow {
  readonly row: number;
  readonly name: string;
  readonly nameCell: string;
  readonly amountCells: AmountCells;
}

/** A row that repeats an earlier one. */
export interface DuplicateRow {
  readonly kind: "unit" | "project";
  readonly row: number;
  /** The sheet row of the earlier row it repeats. */
  readonly firstRow: number;
  readonly name: string;
  readonly unit: string | null;
  readonly nameCell: string;
  /** A1 addresses of its amount cells: what counting it once leaves out of a total. */
  readonly amountAddresses: readonly string[];
}

/** The rows that repeat an earlier row, in sheet order. */
export function findDuplicateRows(
  units: readonly NamedAmountRow[],
  projects: readonly (NamedAmountRow & { readonly unit: string | null })[],
): DuplicateRow[] {
  const seen = new Map<string, number>();
  const found: DuplicateRow[] = [];
  const visit = (kind: "unit" | "project", row: NamedAmountRow, unit: string | null): void => {
    const amounts = row.amountCells;
    // Only rows that carry an amount: a heading repeated is no doubled money.
    if (!Object.values(amounts).some((c) => c.value !== null && c.value !== 0)) return;
    const key = [
      kind,
      unit ?? "",
      withoutWhitespace(row.name),
      amounts.total.value,
      amounts.fiscal.value,
      amounts.specialAccount.value,
      amounts.other.value,
    ].join("\u0001");
    const firstRow = seen.get(key);
    if (firstRow === undefined) {
      seen.set(key, row.row);
      return;
    }
    found.push({
      kind,
      row: row.row,
      firstRow,
      name: row.name,
      unit,
      nameCell: row.nameCell,
      amountAddresses: Object.values(amounts).map((c) => c.cell),
    });
  };
  for (const unit of units) visit("unit", unit, null);
  for (const project of projects) visit("project", project, project.unit);
  return found.sort((a, b) => a.row - b.row);
}

/** A run of repeated rows: consecutive rows that repeat consecutive earlier rows, in the same order. */
export interface RepeatedRun {
  readonly rows: readonly DuplicateRow[];
  readonly repeated: RowSpan;
  readonly original: RowSpan;
  /** A header row just above the run (blank rows between allowed): the body was pasted again under it. */
  readonly headerRow?: number;
}

/**
 * The repeated rows as runs. `amountRows` are the sheet rows of every row with amounts (合计, units, projects),
 * ascending: two repeated rows are in one run when nothing with amounts lies between them, nor between the rows
 * they repeat (a body pasted twice is one run; one project pasted twice is a run of one).
 */
export function repeatedRuns(
  duplicates: readonly DuplicateRow[],
  amountRows: readonly number[],
  rows: readonly ClassifiedRow[],
): RepeatedRun[] {
  const position = new Map(amountRows.map((row, i) => [row, i]));
  const runs: DuplicateRow[][] = [];
  for (const duplicate of duplicates) {
    const run = runs[runs.length - 1];
    const previous = run?.[run.length - 1];
    const next =
      previous !== undefined &&
      position.get(duplicate.row) === position.get(previous.row)! + 1 &&
      position.get(duplicate.firstRow) === position.get(previous.firstRow)! + 1;
    if (next) run!.push(duplicate);
    else runs.push([duplicate]);
  }
  const kinds = new Map(rows.map((r) => [r.row, r.kind]));
  return runs.map((run) => {
    const first = run[0]!;
    const last = run[run.length - 1]!;
    let above = first.row - 1;
    while (kinds.get(above) === "blank") above--;
    const header = kinds.get(above) === "header" ? above : undefined;
    const spans = {
      rows: run,
      repeated: { from: first.row, to: last.row },
      original: { from: first.firstRow, to: last.firstRow },
    };
    return header === undefined ? spans : { ...spans, headerRow: header };
  });
}
