import type ExcelJS from "exceljs";
import type { CellValue } from "../core/grid";

/** Excel's day 0 (1899-12-30, which absorbs the 1900 leap-year bug for dates after February 1900). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/**
 * A cell as Excel itself holds it, the way Office.js `range.values` hands it to the add-in: rich text as its
 * plain text, a formula as its cached result, a hyperlink as its text, a date as its serial number, an error
 * as its literal (`#N/A`). So the CLI and the add-in analyse the same grid.
 */
export function excelCellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value === "" ? null : value;
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return (value.getTime() - EXCEL_EPOCH_MS) / 86_400_000;
  if ("richText" in value) return excelCellValue(value.richText.map((run) => run.text).join(""));
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as { result?: unknown }).result;
    if (result === undefined || result === null) return null;
    if (typeof result === "object" && !(result instanceof Date) && "error" in result)
      return String((result as { error: unknown }).error);
    return excelCellValue(result as ExcelJS.CellValue);
  }
  if ("hyperlink" in value) return excelCellValue(value.text as ExcelJS.CellValue);
  if ("error" in value) return String(value.error);
  return null;
}
