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
  // Rows are bucketed by their amounts first (cheap, and almost every bucket holds one row); names are compared
  // only within a bucket. README, "Speed": this runs on every table with a broken total, at 10,000 projects too.
  const buckets = new Map<string, { kind: "unit" | "project"; row: NamedAmountRow; unit: string | null }[]>();
  const visit = (kind: "unit" | "project", row: NamedAmountRow, unit: string | null): void => {
    // The amounts in the layout's column order (the same for every row of a table), as one key.
    const a = row.amountCells;
    let key = "";
    let carries = false;
    for (const column in a) {
      const value = a[column]!.value;
      if (value) carries = true;
      key += `${value}|`;
    }
    // Only rows that carry an amount: a heading repeated is no doubled money.
    if (!carries) return;
    const bucket = buckets.get(key);
    if (bucket === undefined) buckets.set(key, [{ kind, row, unit }]);
    else bucket.push({ kind, row, unit });
  };
  for (const unit of units) visit("unit", unit, null);
  for (const project of projects) visit("project", project, project.unit);
  const found: DuplicateRow[] = [];
  for (const bucket of buckets.values()) {
    if (bucket.length < 2) continue;
    const first = new Map<string, number>();
    for (const { kind, row, unit } of bucket) {
      const key = `${kind}\u0001${unit ?? ""}\u0001${withoutWhitespace(row.name)}`;
      const firstRow = first.get(key);
      if (firstRow === undefined) {
        first.set(key, row.row);
        continue;
      }
      const a = row.amountCells;
      found.push({
        kind,
        row: row.row,
        firstRow,
        name: row.name,
        unit,
        nameCell: row.nameCell,
        amountAddresses: Object.keys(a).map((column) => a[column]!.cell),
      });
    }
  }
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
