import type { SheetCell } from "../model/cell-address";
import { makeIssue, type IssueDetails, type IssueDraft, type IssueSubject } from "../model/issue";
import type { ParsedAmount } from "../model/parse-amount";

/**
 * The issue of an amount cell that is not a number, for every layout's reader: a formula the file shell could
 * not work out (its text, `=VLOOKUP(…)`) is a note that its equations were not checked (uncomputed-formula);
 * anything else is amount-not-number. Null for a number. The equations skip such a cell either way.
 */
export function amountIssue(
  parsed: ParsedAmount,
  at: SheetCell,
  details: IssueDetails,
  about: IssueSubject | undefined,
): IssueDraft | null {
  if (parsed.value !== null) return null;
  const raw = parsed.raw;
  if (typeof raw === "string" && raw.startsWith("=")) {
    return makeIssue("uncomputed-formula", at, Object.assign({}, details, { formula: raw }), { about });
  }
  const actual = typeof raw === "number" ? raw : String(raw);
  return makeIssue("amount-not-number", at, details, { about, actual });
}
