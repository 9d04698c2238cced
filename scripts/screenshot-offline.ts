/**
 * docs/offline.png: the offline page after a paste of the bundled sample, built as `npm run build:offline` builds
 * it and opened over file:// in Debian's Chromium. Run: npm run screenshot:offline
 */
import { execFileSync } from "child_process";
import { join } from "path";
import { pathToFileURL } from "url";
import { launchChromium, ROOT } from "../testing/pane-harness";
import { loadSampleText } from "../testing/sample";

async function main(): Promise<void> {
  const dist = join(ROOT, ".tmp", "offline-screenshot");
  execFileSync(process.execPath, [join(ROOT, "scripts", "build-offline.mjs"), dist], { stdio: "inherit" });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 960, height: 900 }, locale: "zh-CN" });
    await page.goto(pathToFileURL(join(dist, "indicator-normalizer.html")).href);
    await page.focus("#paste");
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.setData("text/plain", text);
      document
        .getElementById("paste")!
        .dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    }, loadSampleText());
    await page.waitForSelector("#verdict");
    const file = join(ROOT, "docs", "offline.png");
    // The page down to its 使用说明 (the guide below it is docs/使用说明.md's).
    const helpTop = await page.evaluate(() => document.getElementById("help")!.getBoundingClientRect().top);
    await page.screenshot({
      path: file,
      fullPage: true,
      clip: { x: 0, y: 0, width: 960, height: Math.ceil(helpTop) },
    });
    console.log(file);
  } finally {
    await browser.close();
  }
}

void main();
