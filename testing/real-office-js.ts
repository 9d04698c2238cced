/**
 * Microsoft's Office.js, for real, in Debian's Chromium: loads @microsoft/office-js's excel-web-16.00.js (the
 * library Excel on the web runs) into a blank page, sends nothing anywhere (a custom send function hands each
 * serialized request to the RichApi responder), and runs the add-in's shell on it. Used by
 * test/browser/request-size.test.ts and `npm run bench:excel`.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { buildSync } from "esbuild";
import type { Browser, Page } from "playwright-core";
import type { CellValue } from "../src/core/model/grid";
import type { ScenarioGrid, ScenarioResult } from "./fake-excel/real-office-entry";
import type { ApiLevel } from "./fake-excel/workbook-model";
import { launchChromium, ROOT } from "./pane-harness";

export type { ScenarioGrid, ScenarioResult } from "./fake-excel/real-office-entry";

export const OFFICE_JS_FILE = join(
  ROOT,
  "node_modules",
  "@microsoft",
  "office-js",
  "dist",
  "excel-web-16.00.js",
);

function bundleEntry(): string {
  const result = buildSync({
    entryPoints: [join(ROOT, "testing", "fake-excel", "real-office-entry.ts")],
    bundle: true,
    write: false,
    format: "iife",
    target: "es2020",
    platform: "browser",
  });
  return result.outputFiles[0]!.text;
}

export class RealOfficePage {
  private constructor(
    private readonly browser: Browser,
    private readonly page: Page,
  ) {}

  static async open(): Promise<RealOfficePage> {
    const browser = await launchChromium();
    const page = await browser.newPage();
    // Nothing leaves the page: Office.js's own lookups (telemetry, strings) are refused.
    await page.route("**/*", (route) => route.abort());
    await page.setContent("<!doctype html><html><head></head><body></body></html>");
    await page.addScriptTag({ content: readFileSync(OFFICE_JS_FILE, "utf8") });
    await page.addScriptTag({ content: bundleEntry() });
    return new RealOfficePage(browser, page);
  }

  scenario(level: ApiLevel, sample: CellValue[][], grid: ScenarioGrid): Promise<ScenarioResult> {
    return this.page.evaluate(
      ({ level, sample, grid }) =>
        (
          window as unknown as {
            __realOffice: {
              scenario(l: ApiLevel, s: CellValue[][], g: ScenarioGrid): Promise<ScenarioResult>;
            };
          }
        ).__realOffice.scenario(level, sample, grid),
      { level, sample, grid },
    );
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}
