// npm run build:cli (also run by `npm ci` through the prepare script): the command line as compiled files, so a
// run starts node on plain JavaScript, with no TypeScript compiler at run time:
// - cli-main.js: the command line (src/cli/main.ts) as one file;
// - indicator-normalizer.js: what users run; it loads cli-main.js with V8's code cache (launch-with-code-cache.ts);
// - cli-main.js.cache: that cache, made by running the built command once on the sample (in this Node version).
// `node scripts/build-cli.mjs DIR` builds into DIR instead of dist-cli/ (the tests do). `--if-stale` (npm run cli,
// npm run demo) builds only when a source is newer than the last build, so a run does not pay 1.3 s to rebuild.
import { spawnSync } from "child_process";
import { build } from "esbuild";
import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync } from "fs";
import { tmpdir } from "os";
import { dirname, join, resolve } from "path";
import { fileURLToPath } from "url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const ifStale = args.includes("--if-stale");
const outdir = resolve(args.find((a) => !a.startsWith("--")) ?? join(root, "dist-cli"));
const common = { bundle: true, platform: "node", target: "node20", logLevel: "warning" };
const cache = join(outdir, "cli-main.js.cache");

/** The newest modification time among what the bundle is made of (the cache is the build's last file). */
function newestSource() {
  let newest = 0;
  const visit = (path) => {
    const stat = statSync(path);
    if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const path of ["src", "package.json", "package-lock.json", "scripts/build-cli.mjs"])
    visit(join(root, path));
  return newest;
}

function builtAt() {
  try {
    return statSync(cache).mtimeMs;
  } catch {
    return 0;
  }
}

if (ifStale && builtAt() > newestSource()) process.exit(0);

// The cache of an earlier bundle, and the map the single-file build left beside the launcher.
for (const stale of [cache, join(outdir, "indicator-normalizer.js.map")]) rmSync(stale, { force: true });
await build({
  ...common,
  entryPoints: [join(root, "src/cli/main.ts")],
  outfile: join(outdir, "cli-main.js"),
  sourcemap: "linked",
});
await build({
  ...common,
  entryPoints: [join(root, "src/cli/launch-with-code-cache.ts")],
  outfile: join(outdir, "indicator-normalizer.js"),
  // package.json's bin: `npx indicator-normalizer` and an installed command run it directly.
  banner: { js: "#!/usr/bin/env node" },
});
chmodSync(join(outdir, "indicator-normalizer.js"), 0o755);

// The cache holds the bytecode of every function a run compiled: a check of the sample as a workbook (so
// reading .xlsx, the analysis and the summary) covers what `check` runs.
const work = mkdtempSync(join(tmpdir(), "build-cli-"));
const cli = join(outdir, "indicator-normalizer.js");
const sample = join(root, "samples", "baiyun-2024.tsv");
const workbook = join(work, "sample.xlsx");
const run = (args, env = {}) => {
  const result = spawnSync(process.execPath, [cli, ...args], {
    env: { ...process.env, ...env },
    encoding: "utf8",
  });
  // Exit 1 is the sample's own errors; anything else is a broken build.
  if (result.status !== 0 && result.status !== 1) throw new Error(`${args.join(" ")}: ${result.stderr}`);
};
try {
  run(["normalize", sample, "-o", workbook]);
  run(["check", workbook, sample], { INDICATOR_NORMALIZER_WRITE_CODE_CACHE: cache });
} finally {
  rmSync(work, { recursive: true, force: true });
}
