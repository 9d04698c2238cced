/**
 * The names of the run record (docs/marks-record.md) and how to read a defined name's reference: all the record's
 * readers share them, the CLI's package reader (run-record.ts) and the add-ins', which must not pull the package
 * code into their bundles (the WPS pane reads the record through the ET object model: src/wps/et-record.ts).
 */
import { parseCellAddress } from "../core/cell-address";
import type { Severity } from "../core/issue";
import type { PlanSheetKey } from "../core/plan";
import { unquoteSheetName } from "../core/sheet-name";

export const OWN_NAME_PREFIX = "IndicatorNormalizer.";
export const SHEET_NAME_KEYS: Readonly<Record<PlanSheetKey, string>> = {
  detail: `${OWN_NAME_PREFIX}Detail`,
  checks: `${OWN_NAME_PREFIX}Checks`,
};
/** The sheet the marks are on. */
export const SOURCE_NAME = `${OWN_NAME_PREFIX}Source`;
/** Written by versions before the record existed: the marked cells, recognised by their mark colour. */
export const LEGACY_MARKS_NAME = `${OWN_NAME_PREFIX}Marks`;
export const RECORD_NAMESPACE = "urn:indicator-normalizer:run:1";

export type MarkSeverity = Exclude<Severity, "info">;

/** `'指标明细'!$A$1` → { sheet: "指标明细", cell: "A1" }; also each area of a union. */
export function splitReferences(formula: string): { sheet: string; cell: string }[] {
  const refs: { sheet: string; cell: string }[] = [];
  // Areas of a union: `'a''b'!$A$1` or `Sheet1!$B$2:$C$3`, separated by commas outside quotes. Examples:
  // `'指标明细'!$A$1`, `Sheet1!$G$20,Sheet1!$G$22`.
  const area = /('(?:[^']|'')+'|[^,!']+)!(\$?[A-Za-z]{1,3}\$?\d+)(?::\$?[A-Za-z]{1,3}\$?\d+)?/g;
  for (const match of formula.matchAll(area)) {
    const cell = match[2]!.replace(/\$/g, "").toUpperCase();
    if (parseCellAddress(cell)) refs.push({ sheet: unquoteSheetName(match[1]!), cell });
  }
  return refs;
}
