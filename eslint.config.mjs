// ESLint flat config: Office add-in rules, typescript-eslint, Prettier, and the purity fence around src/core.
import officeAddins from "eslint-plugin-office-addins";
import tseslint from "typescript-eslint";

const nodeAndBrowserGlobals = {
  console: "readonly",
  process: "readonly",
  Buffer: "readonly",
  require: "readonly",
  module: "writable",
  __dirname: "readonly",
  setTimeout: "readonly",
  clearTimeout: "readonly",
  setInterval: "readonly",
  clearInterval: "readonly",
  setImmediate: "readonly",
  TextDecoder: "readonly",
  TextEncoder: "readonly",
  URL: "readonly",
  performance: "readonly",
  globalThis: "readonly",
  window: "readonly",
  document: "readonly",
  navigator: "readonly",
  localStorage: "readonly",
  HTMLElement: "readonly",
  Office: "readonly",
  Excel: "readonly",
  OfficeExtension: "readonly",
};

// The plugin's recommended config bundles its own, older copy of the @typescript-eslint plugin and parser; drop
// those so the project's typescript-eslint (which the TypeScript version needs) supplies both.
const officeRecommended = officeAddins.configs.recommended.map((config) => {
  if (!config.plugins || !config.plugins["@typescript-eslint"]) return config;
  const { "@typescript-eslint": _bundled, ...plugins } = config.plugins;
  const { parser: _parser, ...languageOptions } = config.languageOptions ?? {};
  return { ...config, plugins, languageOptions };
});

// et-jsapi-declare declares WPS's Application as the globals `Application` and `wps`: only src/wps/wps-host.ts reaches
// for them, so everything else can run against the fake ET host.
const WPS_GLOBALS = ["Application", "wps"].map((name) => ({
  name,
  message: "Reach WPS through wpsApplication() in src/wps/wps-host.ts.",
}));

// What the pure layers (src/core, src/workbook) never import: the file system, ExcelJS, processes, or a shell.
const IMPURE_PATHS = ["fs", "node:fs", "path", "node:path", "exceljs", "child_process", "node:child_process"];
const IMPURE_PATTERNS = [
  "fs/*",
  "node:*",
  ...["excel", "xlsx", "taskpane", "cli", "commands", "wps", "offline"].map((shell) => `**/${shell}/*`),
];

export default [
  { ignores: ["dist/", "dist-*/", "coverage/", "node_modules/", "out/", ".tmp/"] },
  ...tseslint.configs.recommended,
  ...officeRecommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: nodeAndBrowserGlobals },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["**/*.ts"],
    // TypeScript's own checker reports undefined names with the right types; ESLint's copy misfires on jest globals.
    rules: { "no-undef": "off" },
  },
  {
    // CommonJS config files are loaded by jest/webpack with require().
    files: ["**/*.js", "**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // The functional core and the shells' shared workbook layer stay pure: no Office.js, no DOM, no file system,
    // no ExcelJS, no shell (the workbook layer imports only the core).
    files: ["src/core/**/*.ts", "src/workbook/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { paths: IMPURE_PATHS, patterns: [{ group: IMPURE_PATTERNS }] }],
      "no-restricted-globals": [
        "error",
        "Office",
        "Excel",
        "OfficeExtension",
        "document",
        "window",
        "navigator",
        "localStorage",
        "process",
        "Buffer",
        "require",
        ...WPS_GLOBALS,
      ],
    },
  },
  {
    // What the pages run must work in Internet Explorer 11 (Office 2016/2019 volume-licensed). Babel and core-js
    // supply the language (webpack.config.js); these DOM and web APIs no polyfill there supplies.
    files: ["src/taskpane/**/*.ts", "src/commands/**/*.ts", "src/excel/**/*.ts"],
    rules: {
      "no-restricted-globals": [
        "error",
        { name: "TextEncoder", message: "IE 11 has no TextEncoder: count UTF-8 bytes by hand." },
        { name: "fetch", message: "IE 11 has no fetch." },
        { name: "URLSearchParams", message: "IE 11 has no URLSearchParams." },
        { name: "URL", message: "IE 11 has no URL constructor." },
        ...WPS_GLOBALS,
      ],
      "no-restricted-properties": [
        "error",
        ...[
          "append",
          "prepend",
          "replaceChildren",
          "closest",
          "before",
          "after",
          "replaceWith",
          "toggleAttribute",
        ].map((property) => ({
          property,
          message: `IE 11 lacks Element.${property}: use appendChild/removeChild.`,
        })),
      ],
    },
  },
  {
    // The rest of src (the IE 11 and core blocks above list the same names with their own).
    files: ["src/**/*.ts"],
    ignores: [
      "src/core/**",
      "src/workbook/**",
      "src/taskpane/**",
      "src/commands/**",
      "src/excel/**",
      "src/wps/wps-host.ts",
    ],
    rules: { "no-restricted-globals": ["error", ...WPS_GLOBALS] },
  },
  {
    // The shells reach the core through its one entry (src/core/index.ts), so what they depend on is listed there.
    files: ["src/**/*.ts"],
    ignores: ["src/core/**", "src/workbook/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["**/core/*"], message: "Import the core from src/core (its index.ts)." }] },
      ],
    },
  },
  {
    // The workbook layer: pure, and it too reaches the core through its entry.
    files: ["src/workbook/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: IMPURE_PATHS,
          patterns: [
            { group: IMPURE_PATTERNS },
            { group: ["**/core/*"], message: "Import the core from src/core (its index.ts)." },
          ],
        },
      ],
    },
  },
  {
    // Only src/excel calls Excel.run.
    files: ["src/**/*.ts"],
    ignores: ["src/excel/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "MemberExpression[object.name='Excel'][property.name='run']",
          message: "Only src/excel calls Excel.run.",
        },
      ],
    },
  },
];
