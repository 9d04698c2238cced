/**
 * npm run bench:e2e — what a user waits for: whole processes on a 10,000-project .xlsx (the synthetic table of
 * bench/synthetic-table.ts, amounts as numbers, totals recomputed), side by side with the Python peer
 * (bench/peer-indicators.py: openpyxl read-only, a regex split, a write-only sheet). Each command runs
 * BENCH_RUNS times (default 3), alternating ours and the peer's, and the median run of each is reported (wall time,
 * CPU time and peak memory each the median of its own figures), as the targets are stated; the CPU ratio is
 * the steadier one when other processes share the machine's two cores. Peak RSS comes from /usr/bin/time (GNU
 * time's %M).
 * Prints ONE JSON line; targets: ours ≤ 0.5 × the peer's time for check and normalize, peak RSS ≤ 250 MB.
 *
 * Needs `npm run build:cli` (npm ci runs it) and Debian's /usr/bin/python3 with python3-openpyxl.
 */
import { spawnSync } from "child_process";
import ExcelJS from "exceljs";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "fs";
import { loadavg, tmpdir } from "os";
import { join } from "path";
import type { CellValue } from "../src/core/model/grid";
import { readDelimitedText } from "../src/xlsx/read-delimited-text";
import { buildSyntheticGrid } from "./synthetic-table";

const ROOT = join(__dirname, "..");
const CLI = join(ROOT, "dist-cli", "indicator-normalizer.js");
const PEER = join(__dirname, "peer-indicators.py");
const PYTHON = process.env.BENCH_PYTHON ?? "/usr/bin/python3";
const PROJECTS = Number(process.env.BENCH_PROJECTS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

/** The synthetic table with its amounts as numbers, as a finance system's export holds them. */
async function writeTable(path: string): Promise<void> {
  const sample = readDelimitedText(readFileSync(join(ROOT, "samples", "baiyun-2024.tsv"), "utf8"), "\t");
  const grid = buildSyntheticGrid(sample, PROJECTS);
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
  const sheet = book.addWorksheet("目标表");
  const amount = (v: CellValue, c: number): CellValue =>
    c >= 1 && c <= 4 && typeof v === "string" && /^-?[\d,]+(\.\d+)?$/.test(v)
      ? Number(v.replace(/,/g, ""))
      : v;
  for (const row of grid) sheet.addRow(row.map(amount)).commit();
  sheet.commit();
  await book.commit();
}

interface Measured {
  ms: number;
  rssMB: number;
  cpuMs: number;
}

/** One whole process under GNU time: wall time, CPU time and peak resident memory. */
function measure(command: string, args: string[]): Measured {
  const result = spawnSync("/usr/bin/time", ["-f", "%e %U %S %M", command, ...args], { encoding: "utf8" });
  if (result.status !== 0 && result.status !== 1)
    throw new Error(`${command} ${args.join(" ")} failed: ${result.stderr}`);
  const last = result.stderr.trim().split("\n").pop()!.split(" ").map(Number);
  const [wall, user, system, rssKB] = last as [number, number, number, number];
  return { ms: wall * 1000, cpuMs: (user + system) * 1000, rssMB: rssKB / 1024 };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Each figure's median over the runs (a run slowed by another process moves the median less than the mean). */
function medianOf(runs: Measured[]): Measured {
  return {
    ms: median(runs.map((r) => r.ms)),
    cpuMs: median(runs.map((r) => r.cpuMs)),
    rssMB: median(runs.map((r) => r.rssMB)),
  };
}

async function main(): Promise<void> {
  if (!existsSync(CLI)) throw new Error("run npm run build:cli first");
  const dir = mkdtempSync(join(tmpdir(), "bench-e2e-"));
  const table = join(dir, "table.xlsx");
  await writeTable(table);
  const commands = {
    oursCheck: () => measure(process.execPath, [CLI, "check", table]),
    peerCheck: () => measure(PYTHON, [PEER, "check", table]),
    oursNormalize: () => measure(process.execPath, [CLI, "normalize", table, "-o", join(dir, "ours.xlsx")]),
    peerNormalize: () => measure(PYTHON, [PEER, "normalize", table, join(dir, "peer.xlsx")]),
  };
  const runs: Record<keyof typeof commands, Measured[]> = {
    oursCheck: [],
    peerCheck: [],
    oursNormalize: [],
    peerNormalize: [],
  };
  for (let i = 0; i < RUNS; i++)
    for (const [name, run] of Object.entries(commands)) runs[name as keyof typeof commands].push(run());
  const b = Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, medianOf(v)])) as Record<
    keyof typeof commands,
    Measured
  >;
  const indicators = Number(spawnSync(PYTHON, [PEER, "check", table], { encoding: "utf8" }).stdout.trim());
  rmSync(dir, { recursive: true, force: true });
  const round = (n: number): number => Math.round(n);
  const side = (ours: Measured, peer: Measured) => ({
    oursMs: round(ours.ms),
    peerMs: round(peer.ms),
    ratio: Number((ours.ms / peer.ms).toFixed(2)),
    oursCpuMs: round(ours.cpuMs),
    peerCpuMs: round(peer.cpuMs),
    cpuRatio: Number((ours.cpuMs / peer.cpuMs).toFixed(2)),
    oursPeakRssMB: round(ours.rssMB),
    peerPeakRssMB: round(peer.rssMB),
  });
  console.log(
    JSON.stringify({
      bench: "e2e",
      projects: PROJECTS,
      peerIndicators: indicators,
      runs: RUNS,
      check: side(b.oursCheck, b.peerCheck),
      normalize: side(b.oursNormalize, b.peerNormalize),
      met: {
        check: b.oursCheck.ms <= 0.5 * b.peerCheck.ms,
        normalize: b.oursNormalize.ms <= 0.5 * b.peerNormalize.ms && b.oursNormalize.rssMB <= 250,
      },
      loadAverage: Number((loadavg()[0] ?? 0).toFixed(1)),
      targetRatio: 0.5,
      targetPeakRssMB: 250,
    }),
  );
}

void main();
