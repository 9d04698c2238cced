import type ExcelJS from "exceljs";

/**
 * A cell's colour as ExcelJS reads it back, "AARRGGBB": a solid fill's colour is its fgColor; under a pattern (the
 * marks of warnings, consequences and changes, MARK_PATTERNS) the cell's colour is the bgColor and the fgColor is
 * the pattern's. Undefined for no fill.
 */
export function cellColorOf(cell: ExcelJS.Cell): string | undefined {
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  if (!fill || fill.type !== "pattern" || fill.pattern === "none") return undefined;
  return fill.pattern === "solid" ? fill.fgColor?.argb : fill.bgColor?.argb;
}

/** The fill's pattern ("solid", "lightUp", …) and, under a pattern, the pattern's colour: "lightUp FF9C6500". */
export function cellPatternOf(cell: ExcelJS.Cell): string | undefined {
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  if (!fill || fill.type !== "pattern") return undefined;
  return fill.pattern === "solid" ? "solid" : `${fill.pattern} ${fill.fgColor?.argb ?? ""}`;
}
