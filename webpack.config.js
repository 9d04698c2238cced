/**
 * Builds the add-in into dist/: taskpane.html, commands.html and dialog.html with their bundles, help.html, the
 * icons, and manifest.xml with every URL pointing at the base URL.
 *   ADDIN_BASE_URL  where dist/ is served (default https://localhost:3000, the dev server)
 *   OFFICE_JS       where the pages load office.js from:
 *                   local (the default) the pinned copy of @microsoft/office-js, copied into dist/office-js/: a
 *                         government intranet cannot reach Microsoft's CDN, and the CDN's office.js is no longer
 *                         tested on Trident (Microsoft's "Support older Microsoft webviews and Office versions")
 *                   cdn   Microsoft's CDN (appsforoffice.microsoft.com), for PCs with internet that want
 *                         Microsoft's latest fixes without a rebuild
 *
 * Every script we emit is ES5: volume-licensed Office 2016/2019 runs add-ins in Internet Explorer 11's engine
 * (Microsoft's "Browsers and webview controls used by Office Add-ins"). TypeScript only strips types (ts-loader,
 * transpileOnly); Babel's preset-env then lowers the syntax for IE 11 and, in "usage" mode, imports from core-js
 * exactly the built-ins each module uses (Promise for async code, Map/Set from iterables, Array.from,
 * String#includes, …). Usage mode rather than a hand-picked list because the core changes often: a new
 * Object.entries there is polyfilled without anyone remembering to. test/browser/build.test.ts parses every
 * emitted script with acorn at ecmaVersion 5.
 */
const path = require("path");
const fs = require("fs");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { placeholderWarning } = require("./scripts/placeholder-url.cjs");

const DEV_BASE_URL = "https://localhost:3000";
const CDN_OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const NO_POLYFILLS = /src[\\/]taskpane[\\/](pane-guard\.ts|bundle-started\.ts|messages[\\/])/;

/** OFFICE_JS: "local" (or unset) or "cdn"; anything else is a typo worth stopping the build for. */
function officeJsFromEnv() {
  const choice = (process.env.OFFICE_JS || "local").toLowerCase();
  if (choice !== "local" && choice !== "cdn")
    throw new Error(`OFFICE_JS must be local or cdn, got ${choice}`);
  return choice;
}

function baseUrlFromEnv() {
  const url = (process.env.ADDIN_BASE_URL || DEV_BASE_URL).replace(/\/+$/, "");
  if (!/^https:\/\//.test(url)) throw new Error(`ADDIN_BASE_URL must be an https:// URL, got ${url}`);
  return url;
}

/** Office.js on the web injects inline styles, hence 'unsafe-inline' for styles only; scripts are never inline. */
function contentSecurityPolicy(localOfficeJs) {
  const office = localOfficeJs ? "" : " https://appsforoffice.microsoft.com https://ajax.aspnetcdn.com";
  return [
    "default-src 'self'",
    `script-src 'self'${office}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    `connect-src 'self'${office}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join("; ");
}

/**
 * Usage mode sees only names, not types, so it also pulls in polyfills for calls that merely share a name with a
 * built-in. These the code never uses (lift one if it starts to):
 * - iterator helpers (ES2025): every .map/.filter/.some would bring them in; ours are all on arrays;
 * - the Annex B HTML string methods: `.link` and `.bold` here are a plan cell's link and font.bold;
 * - the ES2025 Set methods and Map upsert, which `new Set`/`new Map` bring in.
 */
const UNUSED_BUILT_INS = [
  /^es(next)?\.iterator\./,
  /^es\.string\.(anchor|big|blink|bold|fixed|fontcolor|fontsize|italics|link|small|strike|sub|sup)$/,
  /^es(next)?\.set\.(union|intersection|difference|symmetric-difference|is-subset-of|is-superset-of|is-disjoint-from)/,
  /^es(next)?\.map\.get-or-insert/,
];

/**
 * Babel after TypeScript: lower the syntax for `targets` (IE 11 for the add-in); with "usage", import the core-js
 * modules the code uses. The offline page (scripts/build-offline.mjs) builds with the same options for Chromium.
 */
function babelOptions(useBuiltIns, targets = { ie: "11" }) {
  return {
    babelrc: false,
    configFile: false,
    // ts-loader's output is ES modules; core-js's own files (imported by usage mode) are CommonJS.
    sourceType: "unambiguous",
    presets: [
      [
        "@babel/preset-env",
        {
          targets,
          useBuiltIns,
          ...(useBuiltIns
            ? { corejs: require("core-js/package.json").version, exclude: UNUSED_BUILT_INS }
            : {}),
          bugfixes: true,
          modules: false,
        },
      ],
    ],
  };
}

/** Loaders run bottom-up: ts-loader strips the types (npm test type-checks with tsc), then Babel. */
function loaders(babel) {
  return [
    { loader: "babel-loader", options: babel },
    {
      loader: "ts-loader",
      options: {
        transpileOnly: true,
        compilerOptions: { module: "esnext", target: "es2020", sourceMap: true },
      },
    },
  ];
}

/** One page: its template, the scripts it loads in order (the guard first, not deferred), and the page options. */
function page(name, template, scripts, options) {
  return new HtmlWebpackPlugin({
    filename: `${name}.html`,
    template,
    chunks: scripts,
    chunksSortMode: "manual",
    inject: false,
    minify: false,
    ...options,
  });
}

/** TypeScript through Babel; the guard and what it imports without polyfills. */
function moduleRules() {
  return {
    rules: [
      {
        test: /\.ts$/,
        exclude: /node_modules/,
        oneOf: [
          // The guard and what it imports (the wording tables, plain strings) get no polyfills: the guard must
          // run exactly where those would fail (src/taskpane/pane-guard.ts).
          { test: NO_POLYFILLS, use: loaders(babelOptions(false)) },
          { use: loaders(babelOptions("usage")) },
        ],
      },
    ],
  };
}

/**
 * `--env wps`: the WPS 加载项 (scripts/build-wps.mjs packs it): the same task pane, without office.js (WPS runs
 * none; the pane finds WPS's Application itself), the ribbon's page (index.html + ribbon.js, whose callbacks WPS
 * calls by name) and ribbon.xml. Every script is ES5 like the Office build: WPS's own Chromium varies by build, and
 * ES5 runs in all of them. Served from an intranet server or unpacked from a .7z into WPS's jsaddons folder, so
 * its pages ask for nothing but their own files.
 */
/**
 * The tests build the same modules several times (the CDN, local and development builds, the WPS folder, the
 * offline page); WEBPACK_CACHE_DIR gives each build webpack's persistent cache there, so a module compiled once is
 * not compiled again. Plain `npm run build` sets nothing and caches nothing. One cache per mode and source-map
 * setting: the minifier's cached output is keyed by the script, not by whether a map was asked for, so a build
 * without maps (WPS, the offline page) sharing a cache with one that has them left the latter without .map files.
 */
function persistentCache(name) {
  const directory = process.env.WEBPACK_CACHE_DIR;
  if (!directory) return false;
  return {
    type: "filesystem",
    cacheDirectory: path.resolve(directory),
    name,
    // The config file itself and the Babel settings it holds: a change there must not reuse old results.
    buildDependencies: { config: [path.join(__dirname, "webpack.config.js")] },
  };
}

function wpsConfig(env, mode) {
  const pageOptions = {
    csp: [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "connect-src 'none'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'none'",
    ].join("; "),
    officeJs: null,
  };
  return {
    mode,
    devtool: false,
    cache: persistentCache(`${mode}-no-maps`),
    target: ["web", "es5"],
    entry: {
      "pane-guard": "./src/taskpane/pane-guard.ts",
      taskpane: "./src/taskpane/taskpane.ts",
      ribbon: "./src/wps/ribbon.ts",
    },
    output: {
      path: path.resolve(env.outputPath || path.join(__dirname, "dist-wps", "indicator-normalizer")),
      filename: "[name].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".js"] },
    module: moduleRules(),
    plugins: [
      page("taskpane", "./src/taskpane/taskpane.html", ["pane-guard", "taskpane"], pageOptions),
      page("index", "./src/wps/index.html", ["ribbon"], pageOptions),
      // WPS's own help: its tab and buttons (src/wps/guide.generated.html, by `npm run guide`), not Excel's.
      page("help", "./src/wps/help.html", [], {
        ...pageOptions,
        guide: fs.readFileSync(path.join(__dirname, "src/wps/guide.generated.html"), "utf8"),
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/taskpane/taskpane.css", to: "taskpane.css" },
          { from: "src/wps/ribbon.xml", to: "ribbon.xml" },
          // wpsjs's template has one; WPS asks for it beside ribbon.xml each time 表格 starts.
          { from: "src/wps/manifest.xml", to: "manifest.xml" },
        ],
      }),
    ],
    performance: { hints: false },
  };
}

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode || "production";
  if (env.wps) return wpsConfig(env, mode);
  // The dev server speaks HTTPS with the Office dev certificate (trusted once by `npx office-addin-dev-certs install`).
  const https = env.WEBPACK_SERVE
    ? { type: "https", options: await require("office-addin-dev-certs").getHttpsServerOptions() }
    : undefined;
  const baseUrl = baseUrlFromEnv();
  // A production build for the dev server's address is a build nobody else can load: say so loudly.
  const warning = env.WEBPACK_SERVE
    ? null
    : placeholderWarning("dist/manifest.xml", baseUrl, "ADDIN_BASE_URL");
  if (warning) process.stderr.write(warning);
  const localOfficeJs = officeJsFromEnv() === "local";
  const officeJs = localOfficeJs ? "office-js/office.js" : CDN_OFFICE_JS;
  const pageOptions = { csp: contentSecurityPolicy(localOfficeJs), officeJs };
  const copies = [
    { from: "assets/*.png", to: "assets/[name][ext]" },
    { from: "src/taskpane/taskpane.css", to: "taskpane.css" },
    {
      from: "manifest.xml",
      to: "manifest.xml",
      transform: (content) => content.toString().split(DEV_BASE_URL).join(baseUrl),
    },
  ];
  if (localOfficeJs) {
    // The release scripts only: the .debug.js twins double the size for nothing in production.
    copies.push({
      from: "node_modules/@microsoft/office-js/dist",
      to: "office-js",
      globOptions: { ignore: ["**/*.debug.js", "**/*.d.ts"] },
      // Already minified by Microsoft; without this Terser would spend minutes re-minifying 40 MB.
      info: { minimized: true },
    });
  }
  return {
    mode,
    // Never an eval-based source map: the pages' Content-Security-Policy has no 'unsafe-eval', so the
    // development build would be blocked (test/browser/dev-build.test.ts loads it).
    devtool: "source-map",
    cache: persistentCache(`${mode}-maps`),
    // "es5" makes webpack's own runtime code ES5 too (no arrow functions in the chunk loader).
    target: ["web", "es5"],
    entry: {
      "pane-guard": "./src/taskpane/pane-guard.ts",
      taskpane: "./src/taskpane/taskpane.ts",
      commands: "./src/commands/commands.ts",
      dialog: "./src/commands/dialog.ts",
    },
    output: {
      // `--env outputPath=…` builds elsewhere (the browser tests build into .tmp/, leaving dist/ alone).
      path: env.outputPath ? path.resolve(env.outputPath) : path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".js"] },
    module: moduleRules(),
    plugins: [
      page("taskpane", "./src/taskpane/taskpane.html", ["pane-guard", "taskpane"], pageOptions),
      page("commands", "./src/commands/commands.html", ["commands"], pageOptions),
      page("dialog", "./src/commands/dialog.html", ["pane-guard", "dialog"], pageOptions),
      // The manifest's SupportUrl and the pane's 使用说明: a static page, no script, with the clerk's guide written
      // from the message tables (src/taskpane/guide.generated.html, by `npm run guide`).
      page("help", "./src/taskpane/help.html", [], {
        ...pageOptions,
        guide: fs.readFileSync(path.join(__dirname, "src/taskpane/guide.generated.html"), "utf8"),
      }),
      new CopyWebpackPlugin({ patterns: copies }),
    ],
    performance: { hints: false },
    devServer: {
      port: 3000,
      server: https,
      headers: { "Access-Control-Allow-Origin": "*" },
      static: { directory: path.resolve(__dirname, "dist") },
    },
  };
};

// Shared with the other builds (scripts/build-offline.mjs), so every bundle is compiled the same way.
module.exports.babelOptions = babelOptions;
module.exports.loaders = loaders;
module.exports.persistentCache = persistentCache;
