/**
 * npm run bench:hostile: the command line on the hostile inputs of issue #25 (bench/hostile-cases.ts), each a
 * whole process, with its wall and CPU time (GNU time), peak resident memory (VmHWM, test/cli/report-peak-rss.cjs) and, for --json,
 * the size of what it printed. The goal: no input under 10 MB takes over 10 s or 1 GB. A case still running after
 * BENCH_TIMEOUT_S seconds (default 120) is stopped and reported as such. BENCH_CLI names another built command line
 * (a folder like dist-cli/) to compare with. Prints ONE JSON line.
 */
import { spawnSync } from "child_process";
import { mkdtempSync, rmSync, statSync } from "fs";
import { loadavg, tmpdir } from "os";
import { join, resolve } from "path";
import { writeHostileCases } from "./hostile-cases";

const root = join(__dirname, "..");
const cli = join(resolve(process.env.BENCH_CLI ?? join(root, "dist-cli")), "indicator-normalizer.js");
const timeoutMs = Number(process.env.BENCH_TIMEOUT_S ?? 120) * 1000;
const only = process.env.BENCH_ONLY?.split(",");
const dir = mkdtempSync(join(tmpdir(), "bench-hostile-"));

interface CaseResult {
  inputKB: number;
  ms: number;
  cpuMs: number | null;
  peakRssMB: number | null;
  exit: number | null;
  timedOut: boolean;
  stdoutKB?: number;
}

const results: Record<string, CaseResult> = {};
try {
  for (const c of writeHostileCases(dir)) {
    if (only && !only.includes(c.name)) continue;
    const file = join(dir, c.file);
    const args =
      c.command === "check"
        ? ["check", file]
        : c.command === "json"
          ? ["normalize", file, "--json"]
          : ["normalize", file, "-o", join(dir, `${c.name}.out.xlsx`)];
    const started = process.hrtime.bigint();
    // GNU time for the CPU time: on a shared machine the wall time says more about the others' load.
    const run = spawnSync(
      "/usr/bin/time",
      [
        "-f",
        "cpu-seconds %U %S",
        process.execPath,
        "-r",
        join(root, "test/cli/report-peak-rss.cjs"),
        cli,
        ...args,
      ],
      { encoding: "utf8", timeout: timeoutMs, maxBuffer: 1 << 30 },
    );
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const peak = /peak-rss-kb (\d+)/.exec(run.stderr ?? "");
    const cpu = /cpu-seconds ([\d.]+) ([\d.]+)/.exec(run.stderr ?? "");
    results[c.name] = {
      inputKB: Math.round(statSync(file).size / 1024),
      ms: Math.round(ms),
      cpuMs: cpu ? Math.round((Number(cpu[1]) + Number(cpu[2])) * 1000) : null,
      peakRssMB: peak ? Math.round(Number(peak[1]) / 1024) : null,
      exit: run.status,
      timedOut: run.error !== undefined || run.signal !== null,
      ...(c.command === "json" ? { stdoutKB: Math.round(Buffer.byteLength(run.stdout ?? "") / 1024) } : {}),
    };
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const all = Object.values(results);
const worstMs = Math.max(...all.map((r) => (r.timedOut ? Infinity : r.ms)));
const worstCpuMs = Math.max(...all.map((r) => r.cpuMs ?? Infinity));
const worstRssMB = Math.max(...all.map((r) => r.peakRssMB ?? Infinity));
const largestInputKB = Math.max(...all.map((r) => r.inputKB));
console.log(
  JSON.stringify({
    bench: "hostile",
    cases: results,
    largestInputKB,
    worstMs: Number.isFinite(worstMs) ? worstMs : null,
    worstCpuMs: Number.isFinite(worstCpuMs) ? worstCpuMs : null,
    worstRssMB: Number.isFinite(worstRssMB) ? worstRssMB : null,
    // Judged on CPU time (one core's worth), so that others' load on a shared machine does not decide it.
    withinBounds:
      Number.isFinite(worstMs) && worstCpuMs <= 10_000 && worstRssMB <= 1024 && largestInputKB < 10 * 1024,
    load: Number(loadavg()[0]!.toFixed(1)),
  }),
);
