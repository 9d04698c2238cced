/**
 * dist-cli/indicator-normalizer.js: what `node dist-cli/indicator-normalizer.js …` runs. It loads the compiled
 * command line (cli-main.js, the bundle of main.ts) with V8's code cache (cli-main.js.cache, made by
 * `npm run build:cli`), so a run deserialises the bytecode of the functions a run uses instead of parsing and
 * compiling them again: 30 ms of the ~120 ms a small `check` takes beyond Node's own start (loaded machine).
 *
 * A cache V8 refuses (another Node version, other V8 flags, a bundle rebuilt without it) or a missing one only
 * costs that saving: the bundle is then compiled as `node cli-main.js` would compile it.
 */
import { createHash } from "crypto";
import { readFileSync, writeFileSync } from "fs";
import { createRequire } from "module";
import { join } from "path";
import { Script } from "vm";

const BUNDLE = join(__dirname, "cli-main.js");
const CACHE = `${BUNDLE}.cache`;
/** Set by the build only: write the cache of this run's compiled functions to this path on exit. */
const WRITE_CACHE = process.env.INDICATOR_NORMALIZER_WRITE_CODE_CACHE;
const HASH_BYTES = 32;

const source = readFileSync(BUNDLE, "utf8");
// The cache starts with the SHA-256 of the bundle it was made from: V8's own check compares only the source's
// length, and bytecode of another bundle of the same length would run the wrong code. (About 1 ms.)
const sourceHash = createHash("sha256").update(source).digest();

function readCache(): Buffer | undefined {
  if (WRITE_CACHE !== undefined) return undefined;
  let cache: Buffer;
  try {
    cache = readFileSync(CACHE);
  } catch {
    return undefined;
  }
  return cache.subarray(0, HASH_BYTES).equals(sourceHash) ? cache.subarray(HASH_BYTES) : undefined;
}

// Node's own CommonJS wrapper, on the bundle's first line so that its line numbers stay those of the source map.
const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
  filename: BUNDLE,
  cachedData: readCache(),
});
if (WRITE_CACHE !== undefined)
  process.once("exit", () =>
    writeFileSync(WRITE_CACHE, Buffer.concat([sourceHash, script.createCachedData()])),
  );
const run = script.runInThisContext() as (
  exports: object,
  require: NodeJS.Require,
  module: { exports: object },
  filename: string,
  dirname: string,
) => void;
const bundleModule = { exports: {} };
run(bundleModule.exports, createRequire(BUNDLE), bundleModule, BUNDLE, __dirname);
