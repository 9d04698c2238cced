/**
 * Builds the add-in into dist/: taskpane.html + commands.html with their bundles, the icons, and manifest.xml
 * with every URL pointing at the base URL.
 *   ADDIN_BASE_URL  where dist/ is served (default https://localhost:3000, the dev server)
 *   OFFICE_JS=local serve office.js from dist/office-js/ (from @microsoft/office-js) instead of Microsoft's CDN,
 *                   for intranets without internet
 */
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const DEV_BASE_URL = "https://localhost:3000";
const CDN_OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

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

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode || "production";
  // The dev server speaks HTTPS with the Office dev certificate (trusted once by `npx office-addin-dev-certs install`).
  const https = env.WEBPACK_SERVE
    ? { type: "https", options: await require("office-addin-dev-certs").getHttpsServerOptions() }
    : undefined;
  const baseUrl = baseUrlFromEnv();
  const localOfficeJs = process.env.OFFICE_JS === "local";
  const officeJs = localOfficeJs ? "office-js/office.js" : CDN_OFFICE_JS;
  const csp = contentSecurityPolicy(localOfficeJs);
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
    devtool: mode === "production" ? "source-map" : "eval-source-map",
    entry: {
      taskpane: "./src/taskpane/taskpane.ts",
      commands: "./src/commands/commands.ts",
    },
    output: {
      // `--env outputPath=…` builds elsewhere (the browser tests build into .tmp/, leaving dist/ alone).
      path: env.outputPath ? path.resolve(env.outputPath) : path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          // npm test type-checks with tsc; the build only transpiles.
          use: { loader: "ts-loader", options: { transpileOnly: true } },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        scriptLoading: "defer",
        minify: false,
        csp,
        officeJs,
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
        scriptLoading: "defer",
        minify: false,
        csp,
        officeJs,
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
