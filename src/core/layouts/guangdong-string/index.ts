/**
 * The Guangdong string layout, the first the core reads: one row per project under a header 项目名称 · 总计 ·
 * 财政拨款 · 财政专户拨款 · 其他资金 · 绩效目标 · 绩效指标, units (资金使用单位) and a 合计 row above their
 * projects, and each project's indicators run on in one cell (`1、1-产出指标：11-数量指标：…。2、…`), as
 * Guangdong's finance system prints them and samples/baiyun-2024.tsv shows.
 */
import { classifyRows } from "../../classify-rows";
import { registerLayout } from "../layout";
import { GuangdongCells } from "./cells";
import { locateGuangdongTables } from "./locate";
import { readGuangdongTable } from "./read";

export const guangdongString = registerLayout({
  id: "guangdong-string",
  locate: locateGuangdongTables,
  classify: (grid, table) =>
    classifyRows(new GuangdongCells(grid, table), {
      start: table.start,
      headerRows: table.headerRows,
      repeatedHeaders: table.repeatedHeaders,
      bodyStart: table.bodyStart,
      end: table.end,
      originRow: table.origin.row,
    }),
  read: readGuangdongTable,
});
