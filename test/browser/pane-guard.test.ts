/**
 * Where the webview cannot run the pane, the clerk reads why instead of a blank pane: the built taskpane.html in
 * Chromium with its bundle broken (as Trident meets syntax it cannot parse), office.js unreachable (an intranet
 * without Microsoft's CDN), and an engine without ES5's Object.defineProperty (Internet Explorer 8's).
 */
import type { Server } from "http";
import type { Browser } from "playwright-core";
import { paneMessagesFor } from "../../src/taskpane/messages";
import {
  buildAddin,
  bundleFakeHost,
  CDN_OFFICE_JS,
  launchChromium,
  openPane,
  serve,
  type PaneOptions,
} from "../../testing/pane-harness";

jest.setTimeout(120_000);

let server: Server;
let origin: string;
let browser: Browser;
let fakeHost: string;

beforeAll(async () => {
  const dist = buildAddin();
  fakeHost = bundleFakeHost();
  ({ server, origin } = await serve(dist));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

const zh = paneMessagesFor("zh-CN");
const en = paneMessagesFor("en-US");

async function guardMessage(options: PaneOptions): Promise<string> {
  const { page: pane } = await openPane(browser, origin, fakeHost, options);
  await pane.waitForSelector("#unsupported:not([hidden])");
  expect(await pane.isVisible("#app")).toBe(false);
  const text = (await pane.textContent("#unsupported")) ?? "";
  await pane.close();
  return text;
}

test("a bundle the webview cannot parse: a message in Chinese, not a blank pane", async () => {
  const text = await guardMessage({ replace: { "/taskpane.js": { status: 200, body: "let x = ;" } } });
  expect(text).toMatch(/^面板未能启动（.+）：请关闭面板后重新打开/);
});

test("the same in English when Office is in English", async () => {
  const text = await guardMessage({
    lang: "en-US",
    replace: { "/taskpane.js": { status: 200, body: "let x = ;" } },
  });
  expect(text).toMatch(/^The pane could not start \(.+\)/);
});

test("a missing bundle (404) is a message too", async () => {
  const text = await guardMessage({ replace: { "/taskpane.js": { status: 404, body: "" } } });
  expect(text).toBe(zh.bundleFailed("not started"));
});

test("office.js unreachable: says so and what the administrator can do", async () => {
  const text = await guardMessage({ replace: { [CDN_OFFICE_JS]: { status: 404, body: "" } } });
  expect(text).toBe(zh.officeJsMissing);
});

test("an engine without ES5 (Object.defineProperty only for DOM objects, as in IE 8)", async () => {
  const context = await browser.newContext({ viewport: { width: 320, height: 600 }, locale: "zh-CN" });
  await context.addInitScript(() => {
    const original = Object.defineProperty;
    Object.defineProperty = function <T>(target: T, key: PropertyKey, descriptor: PropertyDescriptor): T {
      if (!(target instanceof Node)) throw new TypeError("Object.defineProperty: not a DOM object");
      return original(target, key, descriptor);
    };
  });
  const probe = await context.newPage();
  await probe.route("**/*", (route) =>
    route.request().url() === CDN_OFFICE_JS
      ? route.fulfill({ status: 200, contentType: "text/javascript", body: fakeHost })
      : route.request().url().startsWith(origin)
        ? route.continue()
        : route.abort(),
  );
  await probe.goto(`${origin}/taskpane.html?lang=en-US`);
  await probe.waitForSelector("#unsupported:not([hidden])");
  expect(await probe.textContent("#unsupported")).toBe(en.unsupportedWebview);
  await context.close();
});

test("a pane that runs shows no guard message", async () => {
  const { page } = await openPane(browser, origin, fakeHost);
  await page.waitForFunction(() => document.documentElement.getAttribute("data-bundle-started") === "true");
  expect(await page.isHidden("#unsupported")).toBe(true);
  expect(await page.isVisible("#app")).toBe(true);
  await page.close();
});
