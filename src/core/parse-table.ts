import type { ParsedTable } from "./analysis";
import { A1_ORIGIN, type Grid, type Origin } from "./grid";

/** STUB (being written): locate the table, classify rows, split indicators. */
export function parseTable(_grid: Grid, _origin: Origin = A1_ORIGIN): ParsedTable {
  return { table: null, grandTotal: null, units: [], projects: [], rows: [], issues: [] };
}
