/** The command line as users run it: the esbuild bundle, built once per test file into a temp folder. */
import { build } from "esbuild";
import { spawnSync, type SpawnSyncReturns } from "child_process";
import { join } from "path";
import { tempFolder } from "../../testing/temp-folder";

const ROOT = join(__dirname, "..", "..");
const PEAK_RSS = join(__dirname, "report-peak-rss.cjs");

export async function buildCli(): Promise<string> {
  const outfile = join(tempFolder("cli-bundle-"), "indicator-normalizer.js");
  await build({
    entryPoints: [join(ROOT, "src", "cli", "main.ts")],
    bundle: true,
    platform: "node",
    target: "node20",
    outfile,
    logLevel: "silent",
  });
  return outfile;
}

export interface CliRun extends SpawnSyncReturns<string> {
  /** Peak resident memory of the process, in MB. */
  readonly peakRssMB: number;
}

/** Runs the bundle in its own process; the preload reports the process's peak RSS on stderr's last line. */
export function runBuiltCli(bundle: string, args: string[], cwd = ROOT): CliRun {
  const result = spawnSync(process.execPath, ["-r", PEAK_RSS, bundle, ...args], { cwd, encoding: "utf8" });
  const lines = result.stderr.split("\n");
  const marker = lines.findIndex((l) => l.startsWith("peak-rss-kb "));
  const peakRssMB = marker >= 0 ? Number(lines[marker]!.slice(12)) / 1024 : NaN;
  const stderr = lines.filter((_l, i) => i !== marker).join("\n");
  return { ...result, stderr, peakRssMB };
}
