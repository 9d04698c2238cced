// npm run build:offline: the offline page as ONE self-contained HTML file, dist-offline/indicator-normalizer.html,
// for clerks who cannot install anything (WPS users, locked-down PCs). A clerk opens it from a shared drive or a USB
// stick in any Chromium-based browser (360, 奇安信, Chrome, Edge):
// - everything inline, as classic scripts and styles: `file://` blocks `type="module"` and any file next to the page;
// - the bundle is compiled like the add-in's (ts-loader, then Babel with core-js in usage mode, webpack.config.js),
//   for Chromium 64, the first with all of ES2018: its syntax is ES2018 (test/offline/build-offline.test.ts parses it
//   with acorn at ecmaVersion 2018) and later built-ins come from core-js;
// - a Content-Security-Policy that allows only the page's own script and style (by hash) and no connection at all.
// `node scripts/build-offline.mjs <out-dir>` builds elsewhere (the tests build into .tmp/).
import { createHash } from "crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { createRequire } from "module";
import { tmpdir } from "os";
import { dirname, join, relative, resolve } from "path";
import { fileURLToPath } from "url";

const require = createRequire(import.meta.url);
const webpack = require("webpack");
// webpack's own minimizer (its default one, a dependency of webpack), told to keep licence comments in the file.
const MinimizerPlugin = require("minimizer-webpack-plugin");
const { babelOptions, loaders, persistentCache } = require("../webpack.config.js");

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const PAGE_NAME = "indicator-normalizer.html";
/** Chromium 64 (January 2018) is the first with every ES2018 feature (regex lookbehind, named groups, s flag). */
const TARGETS = { chrome: "64" };

function bundle(outDir) {
  const config = {
    mode: "production",
    context: ROOT,
    devtool: false,
    cache: persistentCache("production-no-maps"),
    target: ["web", "es2018"],
    entry: { offline: "./src/offline/offline.ts" },
    output: { path: outDir, filename: "[name].js", clean: true },
    resolve: {
      extensions: [".ts", ".js"],
      // src/xlsx/read-input.ts also reads files from disk (the CLI's readInput) and names them with `path`; the page
      // reads bytes only (readInputBytes), so `fs` and Node's zlib are never called and `path` is a POSIX copy.
      fallback: { fs: false, zlib: false, path: join(ROOT, "src", "offline", "posix-path.ts") },
    },
    module: {
      rules: [{ test: /\.ts$/, exclude: /node_modules/, use: loaders(babelOptions("usage", TARGETS)) }],
    },
    // One file: no licence comments moved to a side file (the page must stand alone), no split chunks.
    optimization: {
      minimizer: [new MinimizerPlugin({ minify: MinimizerPlugin.terserMinify, extractComments: false })],
      splitChunks: false,
    },
    performance: { hints: false },
  };
  return new Promise((resolvePromise, reject) => {
    const compiler = webpack(config, (error, stats) => {
      if (error) return reject(error);
      if (stats.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      // Closing writes the persistent cache (when WEBPACK_CACHE_DIR asks for one) before the process ends.
      compiler.close((closeError) => {
        if (closeError) return reject(closeError);
        resolvePromise(readFileSync(join(outDir, "offline.js"), "utf8"));
      });
    });
  });
}

function sha256(text) {
  return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}

/**
 * A classic inline script ends at the first `</script` in it, whatever the JavaScript means there: in a string or a
 * regular expression `<\/script` means the same, so that is what it becomes. `<!--` would put the HTML parser into its
 * "escaped" script state; the bundle has none, and the build says so if one ever appears.
 */
function inlineScript(js) {
  if (js.includes("<!--")) throw new Error("the offline bundle contains `<!--`: it cannot be inlined as is");
  return js.replace(/<\/(script)/gi, "<\\/$1");
}

export async function buildOffline(outDir = join(ROOT, "dist-offline")) {
  const work = mkdtempSync(join(tmpdir(), "offline-bundle-"));
  try {
    const script = inlineScript(await bundle(work));
    const style = [
      readFileSync(join(ROOT, "src", "taskpane", "taskpane.css"), "utf8"),
      readFileSync(join(ROOT, "src", "offline", "offline.css"), "utf8"),
    ].join("\n");
    if (/<\/style/i.test(style)) throw new Error("a stylesheet contains `</style`");
    const csp = [
      "default-src 'none'",
      `script-src ${sha256(script)}`,
      `style-src ${sha256(style)}`,
      "img-src data:",
      "connect-src 'none'",
      "form-action 'none'",
      "base-uri 'none'",
    ].join("; ");
    // The whole element's text is replaced, whatever the template's indentation (and the `;` Prettier puts after the
    // placeholder), so that what the browser hashes is exactly what was hashed here. Function replacers: the bundle
    // is full of `$&`-like sequences a replacement string would interpret.
    const html = readFileSync(join(ROOT, "src", "offline", "offline.html"), "utf8")
      .replace(/<style>\s*__STYLE__\s*<\/style>/, () => `<style>${style}</style>`)
      .replace(/<script>\s*__SCRIPT__;?\s*<\/script>/, () => `<script>${script}</script>`)
      .replace("__CSP__", () => csp);
    if (/__(STYLE|SCRIPT|CSP)__/.test(html)) throw new Error("offline.html: a placeholder was not filled in");
    mkdirSync(outDir, { recursive: true });
    const page = join(outDir, PAGE_NAME);
    writeFileSync(page, html);
    return { page, bytes: Buffer.byteLength(html), scriptBytes: Buffer.byteLength(script) };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = process.argv[2] ? resolve(process.argv[2]) : undefined;
  const built = await buildOffline(out);
  console.log(
    `${relative(process.cwd(), built.page)}: ${(built.bytes / 1024).toFixed(0)} KB (script ${(built.scriptBytes / 1024).toFixed(0)} KB)`,
  );
}
