import type { Grid, Origin } from "./grid";
import { LAYOUTS } from "./layouts";
import type { FoundTable, RegisteredLayout } from "./layouts/layout";

/**
 * The locate stage: asks every layout where it finds tables in the grid, and returns them all, best first (the
 * highest score; between equal scores, the earlier layout in the registry, then the table higher on the sheet).
 */
export function locateTables(
  grid: Grid,
  origin: Origin,
  layouts: readonly RegisteredLayout[] = LAYOUTS,
): FoundTable[] {
  const found: { table: FoundTable; order: number }[] = [];
  layouts.forEach((layout, order) => {
    for (const table of layout.find(grid, origin)) found.push({ table, order });
  });
  return found
    .sort(
      (a, b) =>
        b.table.located.score - a.table.located.score ||
        a.order - b.order ||
        a.table.located.start - b.table.located.start,
    )
    .map((f) => f.table);
}

/** The table the analysis reads: the best that any layout found, or null when none recognises the grid. */
export function locateTable(
  grid: Grid,
  origin: Origin,
  layouts: readonly RegisteredLayout[] = LAYOUTS,
): FoundTable | null {
  return locateTables(grid, origin, layouts)[0] ?? null;
}
