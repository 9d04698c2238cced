/**
 * What a grid holds when no layout found a table in it, so that "no table" says what it saw instead of only what
 * it looked for (issue #19): an indicator grid's header with no project name above it, or a form's name label
 * with no indicator grid below it.
 */
import { cellText, type Grid, type Origin } from "../model/grid";
import { formRole, gridRole } from "./vocabulary";

/** A table's part seen without the rest: its sheet row and its labels as written (`二级指标、三级指标、指标值`). */
export interface SeenInstead {
  readonly seen: "grid-without-name" | "form-without-grid";
  readonly row: number;
  readonly labels: string;
}

const LEVELS = new Set(["level1", "level2", "level3"]);

/** The first grid header (two level columns and a value column), else the first name label with a value. */
export function whatWasSeen(grid: Grid, origin: Origin): SeenInstead | null {
  let name: SeenInstead | null = null;
  for (let r = 0; r < grid.length; r++) {
    const row = grid[r] ?? [];
    const headers: string[] = [];
    let levels = 0;
    let value = false;
    for (let c = 0; c < row.length; c++) {
      const text = cellText(row[c]);
      if (text === "" || text.length > 30) continue;
      const role = gridRole(text);
      if (role !== null) {
        headers.push(text);
        if (LEVELS.has(role)) levels++;
        if (role === "value" || role === "period") value = true;
      } else if (name === null && formRole(text) === "name" && cellText(row[c + 1]) !== "") {
        name = { seen: "form-without-grid", row: origin.row + r, labels: text };
      }
    }
    if (levels >= 2 && value)
      return { seen: "grid-without-name", row: origin.row + r, labels: headers.join("、") };
  }
  return name;
}
