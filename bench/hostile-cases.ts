/**
 * The hostile inputs of issue #25 that cost time or memory, made as files: each is small (well under 10 MB) and
 * was measured taking tens of seconds to minutes, or gigabytes, before the fixes. bench-hostile.ts runs the
 * command line on each.
 */
import { writeFileSync } from "fs";
import { join } from "path";
import type { CellValue } from "../src/core/model/grid";
import { loadSampleGrid } from "../testing/sample";
import { rawRows, rawWorkbook, type RawCell } from "../testing/raw-workbook";
import { buildSyntheticGrid } from "./synthetic-table";

export interface HostileCase {
  readonly name: string;
  readonly file: string;
  /** The command line's arguments after the file: `check`, `normalize -o`, `normalize --json`. */
  readonly command: "check" | "normalize" | "json";
}

function tsv(grid: readonly (readonly CellValue[])[]): string {
  return grid.map((row) => row.map((v) => (v === null ? "" : String(v))).join("\t")).join("\n") + "\n";
}

/** The synthetic table with one amount column (财政拨款) pasted one row low: every total breaks. */
function shiftedColumn(projects: number): CellValue[][] {
  const grid = buildSyntheticGrid(loadSampleGrid(), projects).map((row) => [...row]);
  const first = 9; // the 合计 row: the body starts here
  for (let r = grid.length - 1; r > first; r--) grid[r]![2] = grid[r - 1]![2] ?? null;
  grid[first]![2] = null;
  return grid;
}

const HEADER = ["项目名称", "总计", "财政拨款", "绩效目标", "绩效指标"];
const INDICATORS = "1、1-产出指标：11-数量指标：车辆数；实施周期指标值：1；年度指标值：1。";

/** Rows with a name and amounts but no goal or indicators (each a project lacking them, or a unit). */
function withoutIndicators(rows: number): CellValue[][] {
  const grid: CellValue[][] = [HEADER, ["合计", `${rows * 12}.00`, `${rows * 12}.00`]];
  for (let k = 0; k < rows; k++) grid.push([`无指标项目${k + 1}`, "12.00", "12.00"]);
  return grid;
}

/** Small projects, as many as fit: what a limit on the table's size must keep under 1 GB. */
function manySmallProjects(projects: number): CellValue[][] {
  const grid: CellValue[][] = [HEADER, ["合计", `${projects}.00`, `${projects}.00`]];
  for (let k = 0; k < projects; k++) grid.push([`项目${k + 1}`, "1.00", "1.00", "完成", INDICATORS]);
  return grid;
}

function xlsx(grid: readonly (readonly CellValue[])[], extraSheetXml = ""): Uint8Array {
  const rows = rawRows(grid.map((row) => row.map((v): RawCell => (typeof v === "boolean" ? String(v) : v))));
  const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  return rawWorkbook({
    sheet: `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>${rows}</sheetData>${extraSheetXml}</worksheet>`,
  });
}

/** A table whose 合计 is the last of a chain of 5,000 formulas saved without results, each 5,000 parentheses deep. */
function formulaChain(length: number): Uint8Array {
  const rows: RawCell[][] = [
    HEADER,
    ["合计", { f: `${"(".repeat(length)}B3${")".repeat(length)}` }, 1],
    ["甲", 1, 1, "完成", INDICATORS],
  ];
  for (let k = 0; k < length; k++) rows.push([null, null, null, null, null, { f: `F${k + 5}+0` }]);
  return rawWorkbook({ sheet: rawRows(rows) });
}

/** Writes every case into `dir`; returns them in the order they are run. */
export function writeHostileCases(dir: string): HostileCase[] {
  const cases: HostileCase[] = [];
  const add = (
    name: string,
    file: string,
    data: string | Uint8Array,
    command: HostileCase["command"],
  ): void => {
    writeFileSync(join(dir, file), data);
    cases.push({ name, file, command });
  };
  add("shiftedColumn12k", "shifted-12k.xlsx", xlsx(shiftedColumn(12_000)), "normalize");
  add("shiftedColumnJson6k", "shifted-6k.tsv", tsv(shiftedColumn(6_000)), "json");
  add("noIndicatorsTsv", "no-indicators.tsv", tsv(withoutIndicators(10_000)), "check");
  add("noIndicatorsXlsx", "no-indicators.xlsx", xlsx(withoutIndicators(49_000)), "check");
  const merges = `<mergeCells count="50000">${'<mergeCell ref="C3:E10000"/>'.repeat(50_000)}</mergeCells>`;
  add("mergedRange50k", "merged.xlsx", xlsx(manySmallProjects(10_000), merges), "check");
  // As large as the limits allow (50,000 rows): the most memory a table of small projects can take.
  add("smallProjectsTsv", "small-projects.tsv", tsv(manySmallProjects(49_990)), "normalize");
  add("smallProjectsXlsx", "small-projects.xlsx", xlsx(manySmallProjects(49_990)), "normalize");
  add("smallProjectsOverLimit", "small-projects-100k.xlsx", xlsx(manySmallProjects(100_000)), "normalize");
  add("formulaChain5k", "formula-chain.xlsx", formulaChain(5_000), "check");
  return cases;
}
