import type { ParsedTable } from "./analysis";
import type { IssueDraft } from "./issue";

export interface TotalCheckOptions {
  /** Absolute tolerance in the table's amount unit; default: half the last displayed digit. */
  readonly tolerance?: number;
}

/** STUB (being written): row-total, group-total, grand-total. */
export function checkTotals(_parsed: ParsedTable, _options: TotalCheckOptions = {}): IssueDraft[] {
  return [];
}
