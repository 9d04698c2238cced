/**
 * The sample pasted into a sheet called 目标表 of a fake workbook, with the clerk's own fills on cells the check
 * will mark: a plain colour, Excel's "Bad" red (the marks' own colour), a yellow under a red 50% gray pattern, and
 * a tinted blue; the other marked cells have no fill. For the tests of the run record between the add-in and the
 * CLI, where every one of these must come back.
 */
import { analyzeTable } from "../../src/core/analyze-table";
import { buildPlan } from "../../src/core/plan/build-plan";
import { parseCellAddress } from "../../src/core/model/cell-address";
import { loadSampleGrid } from "../sample";
import { FakeWorkbook, type ApiLevel, type FakeFill } from "./workbook-model";

export const CLERK_FILLS: readonly FakeFill[] = [
  { color: "#00B050", pattern: "Solid" },
  { color: "#FFC7CE", pattern: "Solid" },
  { color: "#FFFF00", pattern: "Gray50", patternColor: "#FF0000" },
  { color: "#4472C4", pattern: "Solid", tintAndShade: -0.25 },
];

export const SOURCE_SHEET = "目标表";

export function clerkWorkbook(level: ApiLevel): { model: FakeWorkbook; marked: string[] } {
  const model = new FakeWorkbook(level);
  const sheet = model.activeSheet;
  sheet.name = SOURCE_SHEET;
  const grid = loadSampleGrid();
  sheet.putGrid(grid);
  const plan = buildPlan(analyzeTable(grid), { sourceSheet: SOURCE_SHEET, locale: "zh-CN" });
  const marked = plan.marks.map((m) => m.cell);
  CLERK_FILLS.forEach((fill, i) => {
    const { row, column } = parseCellAddress(marked[i]!)!;
    sheet.touch(row, column).fill = fill;
  });
  return { model, marked };
}
