/**
 * The Office.js shell on the 70,000-indicator synthetic table, through the fake host at ExcelApi 1.1, 1.7 and
 * 1.9: wall time of the whole run, syncs, and the largest and total request sizes. Prints one JSON line.
 * Run: npm run bench:excel
 */
import { loadSampleGrid } from "../testing/sample";
import { installFakeOffice } from "../testing/fake-excel/fake-office-js";
import { FakeWorkbook, type ApiLevel } from "../testing/fake-excel/workbook-model";
import { runNormalizer } from "../src/excel/run-normalizer";
import { buildSyntheticGrid } from "./synthetic-table";

async function main(): Promise<void> {
  const grid = buildSyntheticGrid(loadSampleGrid(), 10_000);
  const results: Record<string, unknown> = {};
  for (const level of ["1.1", "1.7", "1.9"] as ApiLevel[]) {
    const model = installFakeOffice(new FakeWorkbook(level));
    model.activeSheet.putGrid(grid);
    const start = performance.now();
    const outcome = await runNormalizer({ locale: "zh-CN" });
    const ms = Math.round(performance.now() - start);
    const indicators = outcome.kind === "done" ? outcome.summary.indicators : 0;
    results[level] = {
      ms,
      indicators,
      syncs: model.syncCount,
      largestRequestBytes: model.largestRequestBytes,
      totalRequestBytes: model.syncs.reduce((n, s) => n + s.bytes, 0),
    };
  }
  console.log(JSON.stringify({ bench: "excel-shell-synthetic-10000-projects", ...results }));
}

void main();
