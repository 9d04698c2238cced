import type { ParsedTable } from "./analysis";
import type { IssueDraft } from "./issue";

/** STUB (being written): the indicator rules of the issue list. */
export function checkIndicators(_parsed: ParsedTable): IssueDraft[] {
  return [];
}
