/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  // The webview's DOMParser, which node lacks (the add-in parses its run record with it).
  // The builds the suites start share one webpack cache (testing/webpack-cache-for-tests.ts).
  setupFiles: ["<rootDir>/testing/install-dom-parser.ts", "<rootDir>/testing/webpack-cache-for-tests.ts"],
  transform: {
    "^.+\\.ts$": ["ts-jest", { isolatedModules: true, tsconfig: "tsconfig.json" }],
  },
};
