import type { Grid, Origin } from "../model/grid";
import { LAYOUTS } from "../layouts";
import type { FoundTable, RegisteredLayout } from "../layouts/layout";

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

/** The best table any layout found, or null when none recognises the grid. */
export function locateTable(
  grid: Grid,
  origin: Origin,
  layouts: readonly RegisteredLayout[] = LAYOUTS,
): FoundTable | null {
  return locateTables(grid, origin, layouts)[0] ?? null;
}

/** The header rows × columns of a located table. */
function headerBox(table: FoundTable): { top: number; bottom: number; left: number; right: number } {
  const { headerRows, columnStart, columnEnd } = table.located;
  return {
    top: headerRows[0]!,
    bottom: headerRows[headerRows.length - 1]!,
    left: columnStart,
    right: columnEnd,
  };
}

function columnsOverlap(a: FoundTable, b: FoundTable): boolean {
  return a.located.columnStart < b.located.columnEnd && b.located.columnStart < a.located.columnEnd;
}

/**
 * Every table of the grid, each read once, in sheet order (top to bottom, then left to right). Where two
 * layouts recognise the same header, the better one reads it (as locateTable decides); a table whose header lies
 * in another table's rows ends that table where it begins (its title lines included), so that stacked tables
 * of different layouts are each read by their own layout.
 */
export function findTables(
  grid: Grid,
  origin: Origin,
  layouts: readonly RegisteredLayout[] = LAYOUTS,
): FoundTable[] {
  const chosen: FoundTable[] = [];
  for (const table of locateTables(grid, origin, layouts)) {
    const box = headerBox(table);
    const clash = chosen.some((other) => {
      const o = headerBox(other);
      return box.top <= o.bottom && o.top <= box.bottom && box.left < o.right && o.left < box.right;
    });
    if (!clash) chosen.push(table);
  }
  chosen.sort(
    (a, b) =>
      a.located.headerRows[0]! - b.located.headerRows[0]! || a.located.columnStart - b.located.columnStart,
  );
  // Stacked: each table ends where the next one in its columns begins, but never before its own body.
  const out = [...chosen];
  for (let i = 0; i < out.length; i++) {
    for (let j = i + 1; j < out.length; j++) {
      const a = out[i]!;
      const b = out[j]!;
      if (!columnsOverlap(a, b)) continue;
      const aBody = headerBox(a).bottom + 1;
      const bHeader = headerBox(b).top;
      if (b.located.start >= a.located.end) continue;
      const cut = Math.max(aBody, Math.min(b.located.start, bHeader));
      const bStart = Math.max(b.located.start, cut);
      if (cut < a.located.end) out[i] = a.within(a.located.start, cut);
      if (bStart !== b.located.start) out[j] = b.within(bStart, b.located.end);
    }
  }
  return out;
}
