/**
 * The other string dialect (DOMAIN.md, "Other layouts"): the Guangdong table's columns, but each project's
 * 绩效指标 cell holds one segment per indicator, `一级指标：产出指标,二级指标：数量指标,三级指标：购置台数,
 * 运算符号：≥,指标值：20,计量单位：台;`, as some provinces' systems write it. The table is found and read as the
 * string layout finds and reads it; its indicator cells are split by split-indicator-segments.ts.
 */
import { cellText, type Grid } from "../../model/grid";
import { holdsIndicatorSegments } from "../../split/split-indicator-segments";
import { classifyGuangdongRows } from "../guangdong-string";
import { locateGuangdongTables, type GuangdongTable } from "../guangdong-string/locate";
import { readGuangdongTable } from "../guangdong-string/read";
import { registerLayout } from "../layout";

/** Cells looked at to tell the dialect: enough to decide, few enough to stay cheap on a large table. */
const SAMPLE_CELLS = 20;

/** Most of the first indicator cells of the table hold the dialect. */
function holdsSegments(grid: Grid, table: GuangdongTable): boolean {
  const column = table.gridColumns.indicators;
  if (column === undefined) return false;
  let seen = 0;
  let segments = 0;
  for (let r = table.bodyStart; r < table.end && seen < SAMPLE_CELLS; r++) {
    const text = cellText(grid[r]?.[column]);
    if (text === "") continue;
    seen++;
    if (holdsIndicatorSegments(text)) segments++;
  }
  return seen > 0 && segments * 2 > seen;
}

export const indicatorSegments = registerLayout({
  id: "indicator-segments",
  locate: (grid, origin): GuangdongTable[] =>
    locateGuangdongTables(grid, origin)
      .filter((table) => holdsSegments(grid, table))
      .map((table) => ({
        ...table,
        layout: "indicator-segments",
        info: { ...table.info, layout: "indicator-segments" },
        // Above the string layout, which finds the same header.
        score: table.score + 1,
      })),
  classify: classifyGuangdongRows,
  read: readGuangdongTable,
});
