/**
 * npm run bench:batch — the reviewer's batch: `check FOLDER --summary 汇总.xlsx` on 80 departments' workbooks
 * (5 to 104 projects each, made from the sample's, a few amounts changed in every fourth), whole processes of the
 * built command line (dist-cli/), BENCH_RUNS times (default 3), the fastest kept. Target: wallMs ≤ 2,000.
 * Prints ONE JSON line: files, projects, problems (rows of the summary), wallMs (fastest), runsMs, load.
 */
import { spawnSync } from "child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "fs";
import { loadavg, tmpdir } from "os";
import { join } from "path";
import { analyzeTable } from "../src/core/analyze-table";
import type { CellValue } from "../src/core/model/grid";
import { nodeZipCodec } from "../src/xlsx/node-zip-codec";
import { readDelimitedText } from "../src/xlsx/read-delimited-text";
import { textPackage } from "../src/xlsx/text-package";
import { buildSyntheticGrid } from "./synthetic-table";

const FILES = Number(process.env.BENCH_FILES ?? 80);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const ROOT = join(__dirname, "..");
const CLI = join(ROOT, "dist-cli", "indicator-normalizer.js");

async function main(): Promise<void> {
  const sample = readDelimitedText(readFileSync(join(ROOT, "samples", "baiyun-2024.tsv"), "utf8"), "\t");
  const dir = mkdtempSync(join(tmpdir(), "bench-batch-"));
  const inbox = join(dir, "收到的表");
  let projects = 0;
  try {
    spawnSync("mkdir", ["-p", inbox]);
    for (let i = 0; i < FILES; i++) {
      const count = 5 + ((i * 37) % 100);
      const grid: CellValue[][] = buildSyntheticGrid(sample, count);
      // Every fourth department sends a table whose totals do not add up.
      if (i % 4 === 0) grid[11]![1] = "9,999.99";
      const analysis = analyzeTable(grid, { locale: "zh-CN" });
      projects += analysis.projects.length;
      const bytes = await textPackage("目标表", grid, analysis, (n) => `（${n}）`, nodeZipCodec);
      writeFileSync(join(inbox, `部门${String(i + 1).padStart(2, "0")}.xlsx`), bytes);
    }
    const runsMs: number[] = [];
    let problems = 0;
    for (let run = 0; run < RUNS; run++) {
      const summary = join(dir, `汇总${run}.xlsx`);
      const t0 = performance.now();
      const result = spawnSync(process.execPath, [CLI, "check", inbox, "--summary", summary], {
        encoding: "utf8",
      });
      runsMs.push(Math.round(performance.now() - t0));
      if (result.status !== 1 || statSync(summary).size === 0)
        throw new Error(`check failed: ${result.stderr}`);
      // "汇总已写入 …：80 个文件，2,838 个问题。": the count has thousands separators (as every count the CLI
      // prints); reading only the digits after the last comma gave 838 for 2,838.
      const counted = /(\d{1,3}(?:,\d{3})*|\d+) 个问题/.exec(result.stdout)?.[1];
      if (counted === undefined) throw new Error(`no problem count in: ${result.stdout}`);
      problems = Number(counted.replace(/,/g, ""));
    }
    console.log(
      JSON.stringify({
        bench: "batch",
        files: FILES,
        projects,
        problems,
        wallMs: Math.min(...runsMs),
        runsMs,
        targetMs: 2000,
        load: Number(loadavg()[0]!.toFixed(2)),
      }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
