/**
 * `npm run dev-server` serves the development build: it must run under the pages' own Content-Security-Policy,
 * which has no 'unsafe-eval' (an eval-based source map would leave the pane blank). Builds in development mode,
 * loads the pane in Chromium with the fake host, and runs it on the sample.
 */
import type { Server } from "http";
import { join } from "path";
import type { Browser } from "playwright-core";
import { loadSampleGrid } from "../../testing/sample";
import type { FakeWorkbook } from "../../testing/fake-excel/workbook-model";
import {
  bundleFakeHost,
  launchChromium,
  openPane,
  ROOT,
  runWebpack,
  serve,
} from "../../testing/pane-harness";

jest.setTimeout(120_000);

let server: Server;
let origin: string;
let browser: Browser;
let dist: string;

beforeAll(async () => {
  dist = runWebpack(join(ROOT, ".tmp", "dev-build"), { OFFICE_JS: "cdn" }, "development");
  ({ server, origin } = await serve(dist));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

test("the development build runs in the pane under its CSP, with no eval", async () => {
  const { page } = await openPane(browser, origin, bundleFakeHost());
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|unsafe-eval/i.test(m.text())) violations.push(m.text());
  });
  await page.evaluate(
    (grid) => (window as unknown as { __fakeExcel: FakeWorkbook }).__fakeExcel.activeSheet.putGrid(grid),
    loadSampleGrid(),
  );
  await page.click("#run");
  await page.waitForSelector("#verdict");
  expect(await page.textContent("#verdict")).toMatch(/错误/);
  expect(violations).toEqual([]);
  // The bundle is the development one (not minified), and its source map is a separate file, not eval.
  const script = await (await page.request.get(`${origin}/taskpane.js`)).text();
  expect(script).not.toMatch(/\beval\(/);
  expect(script).toMatch(/sourceMappingURL=taskpane\.js\.map/);
  await page.close();
});
