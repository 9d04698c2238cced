/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  // The builds the suites start share one webpack cache (testing/webpack-cache-for-tests.ts).
  setupFiles: ["<rootDir>/testing/webpack-cache-for-tests.ts"],
  transform: {
    "^.+\\.ts$": ["ts-jest", { isolatedModules: true, tsconfig: "tsconfig.json" }],
  },
};
