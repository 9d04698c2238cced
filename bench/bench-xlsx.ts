/**
 * npm run bench:xlsx — the .xlsx shell on the 70,000-indicator synthetic table (10,000 projects made from the
 * sample's): grid → analysis → plan → workbook → bytes. Prints ONE JSON line:
 * - totalMs: the whole run (target ≤ 15 s); coreMs: analysis and plan (npm run bench measures the core);
 * - shellMs: building the workbook (source sheet, marks, plan sheets) and writing the bytes;
 * - bareMs: a bare ExcelJS write of the same cell values (no formats, table, links, marks or freeze);
 * - ratio = shellMs / bareMs (target ≤ 1.5); peakRssMB: the process's peak resident memory after our run.
 */
import ExcelJS from "exceljs";
import { readFileSync } from "fs";
import { join } from "path";
import type { CellValue } from "../src/core/grid";
import type { PlanCell } from "../src/core/plan";
import { readDelimitedText } from "../src/core/read-delimited-text";
import { analyzeTable } from "../src/core/analyze-table";
import { buildPlan } from "../src/core/build-plan";
import { applyPlan } from "../src/xlsx/apply-plan";
import { gridInput } from "../src/xlsx/read-input";
import { buildSyntheticGrid } from "./synthetic-table";

const PROJECTS = Number(process.env.BENCH_PROJECTS ?? 10_000);
const sample = readDelimitedText(
  readFileSync(join(__dirname, "..", "test", "fixtures", "baiyun-2024.tsv"), "utf8"),
  "\t",
);

async function ours(grid: CellValue[][]) {
  const t0 = performance.now();
  const input = gridInput("synthetic.tsv", grid);
  const t1 = performance.now();
  const analysis = analyzeTable(input.grid, { origin: input.origin, locale: "zh-CN" });
  const plan = buildPlan(analysis, { sourceSheet: input.sheetName, locale: "zh-CN", avoidSheetNames: [] });
  const t2 = performance.now();
  applyPlan(input.workbook, plan);
  const bytes = await input.workbook.xlsx.writeBuffer();
  const t3 = performance.now();
  return {
    analysis,
    plan,
    bytes: bytes.byteLength,
    totalMs: t3 - t0,
    coreMs: t2 - t1,
    // What the bare write is compared with: building the workbook (source sheet, plan sheets) and writing it.
    shellMs: t1 - t0 + (t3 - t2),
  };
}

/** The same values, plainly: the source grid, and each plan sheet's header and rows (links as their text). */
async function bare(
  grid: CellValue[][],
  sheets: { name: string; header: string[]; rows: readonly (readonly PlanCell[])[] }[],
) {
  const t0 = performance.now();
  const workbook = new ExcelJS.Workbook();
  const source = workbook.addWorksheet("synthetic");
  for (const row of grid) source.addRow(row.map((v) => v));
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name);
    ws.addRow(sheet.header);
    for (const row of sheet.rows)
      ws.addRow(row.map((c) => (c !== null && typeof c === "object" ? c.text : c)));
  }
  const bytes = await workbook.xlsx.writeBuffer();
  return { ms: performance.now() - t0, bytes: bytes.byteLength };
}

async function main(): Promise<void> {
  // Warm the JIT on a small table so neither side pays for compilation in the measured run.
  const warm = await ours(buildSyntheticGrid(sample, 200));
  await bare(
    buildSyntheticGrid(sample, 200),
    warm.plan.sheets.map((s) => ({ name: s.name, header: s.columns.map((c) => c.header), rows: s.rows })),
  );

  const grid = buildSyntheticGrid(sample, PROJECTS);
  const run = await ours(grid);
  const peakRssMB = process.resourceUsage().maxRSS / 1024;
  const plain = await bare(
    grid,
    run.plan.sheets.map((s) => ({ name: s.name, header: s.columns.map((c) => c.header), rows: s.rows })),
  );
  const indicators = run.analysis.projects.reduce((n, p) => n + p.indicators.length, 0);
  console.log(
    JSON.stringify({
      bench: "xlsx",
      projects: run.analysis.projects.length,
      indicators,
      issues: run.analysis.issues.length,
      totalMs: Math.round(run.totalMs),
      coreMs: Math.round(run.coreMs),
      shellMs: Math.round(run.shellMs),
      bareMs: Math.round(plain.ms),
      ratio: Number((run.shellMs / plain.ms).toFixed(2)),
      peakRssMB: Math.round(peakRssMB),
      bytes: run.bytes,
      bareBytes: plain.bytes,
      targetMs: 15000,
      targetRatio: 1.5,
    }),
  );
}

void main();
