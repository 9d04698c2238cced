/**
 * docs/taskpane.png: the task pane at its usual 320 px width after a run on the bundled sample, in the built
 * add-in, with the fake Excel host standing in for Excel. Run: npm run screenshot
 */
import { join } from "path";
import { loadSampleGrid } from "../testing/sample";
import type { FakeWorkbook } from "../testing/fake-excel/workbook-model";
import { buildAddin, bundleFakeHost, launchChromium, openPane, ROOT, serve } from "../testing/pane-harness";

async function main(): Promise<void> {
  const { server, origin } = await serve(buildAddin());
  const browser = await launchChromium();
  try {
    const { page } = await openPane(browser, origin, bundleFakeHost(), { width: 320 });
    await page.evaluate(
      (grid) => (window as unknown as { __fakeExcel: FakeWorkbook }).__fakeExcel.activeSheet.putGrid(grid),
      loadSampleGrid(),
    );
    await page.click("#run");
    await page.waitForSelector("#verdict");
    const file = join(ROOT, "docs", "taskpane.png");
    await page.screenshot({ path: file, fullPage: true });
    console.log(file);
  } finally {
    await browser.close();
    server.close();
  }
}

void main();
