/**
 * The Guangdong string layout, the first the core reads: one row per project under a header 项目名称 · 总计 ·
 * 财政拨款 · 财政专户拨款 · 其他资金 · 绩效目标 · 绩效指标, units (资金使用单位) and a 合计 row above their
 * projects, and each project's indicators run on in one cell (`1、1-产出指标：11-数量指标：…。2、…`), as
 * Guangdong's finance system prints them and samples/baiyun-2024.tsv shows.
 */
import type { ClassifiedRow } from "../../model/analysis";
import { classifyRows } from "../../classify/classify-rows";
import type { Grid } from "../../model/grid";
import { registerLayout } from "../layout";
import { GuangdongCells } from "./cells";
import { locateGuangdongTables, type GuangdongTable } from "./locate";
import { readGuangdongTable } from "./read";

/** The kind of every row of a Guangdong table (the string layouts' shared rules, classify-rows.ts). */
export function classifyGuangdongRows(grid: Grid, table: GuangdongTable): ClassifiedRow[] {
  return classifyRows(new GuangdongCells(grid, table), {
    start: table.start,
    headerRows: table.headerRows,
    repeatedHeaders: table.repeatedHeaders,
    bodyStart: table.bodyStart,
    end: table.end,
    originRow: table.origin.row,
  });
}

export const guangdongString = registerLayout({
  id: "guangdong-string",
  locate: locateGuangdongTables,
  classify: classifyGuangdongRows,
  read: readGuangdongTable,
});
