/**
 * A re-run replaces the tool's own sheets (指标明细, 校验结果) whole. A clerk who typed into a column of their own
 * beside the tool's (处理意见 next to 校验结果's columns) would lose it without a word: this finds such columns, so
 * the summary can say so (the input file keeps them: the output is a new file).
 */
import { columnLetter, type Plan } from "../core";
import { readSharedStrings, readSheetGrid } from "./read-sheet-grid";
import type { RunRecord } from "./run-record";
import { REL_TYPES, relTypeIs, resolveTarget, type XlsxPackage } from "./xlsx-package";

export interface ClerkColumns {
  /** The replaced sheet's name. */
  readonly sheet: string;
  /** Columns past the tool's own that hold something: `H`, `I`. */
  readonly columns: readonly string[];
}

export async function clerkColumnsOfReplacedSheets(
  pkg: XlsxPackage,
  record: RunRecord,
  sourceSheet: string,
  plan: Plan,
): Promise<ClerkColumns[]> {
  const found: ClerkColumns[] = [];
  let shared: string[] | null = null;
  for (const own of record.ownSheets) {
    if (own.name === sourceSheet) continue;
    const sheet = pkg.sheets.find((s) => s.name === own.name);
    const width = plan.sheets.find((s) => s.key === own.key)?.columns.length;
    if (!sheet?.path || width === undefined) continue;
    if (shared === null) {
      const rel = pkg.workbookRels.find((r) => relTypeIs(r.type, REL_TYPES.sharedStrings));
      shared = await readSharedStrings(pkg, rel ? resolveTarget(pkg.workbookPath, rel.target) : null);
    }
    const { grid } = await readSheetGrid(pkg, sheet.path, shared);
    const columns = new Set<number>();
    for (const row of grid)
      for (let c = width; c < row.length; c++) {
        const value = row[c];
        if (value !== null && value !== undefined && value !== "") columns.add(c + 1);
      }
    if (columns.size > 0)
      found.push({ sheet: own.name, columns: [...columns].sort((a, b) => a - b).map(columnLetter) });
  }
  return found;
}
