/**
 * `npm run build:wps` as IT gets it: the add-in folder (ES5 scripts, a pane with no office.js, ribbon.xml without
 * an XML declaration), its ribbon callbacks (synchronous: they only open the pane), the .7z for offline mode, the
 * jsplugins.xml lists and oem.ini settings for unit-wide deployment, and the publish page talking to WPS's local
 * service. Then the pane itself in Chromium, over file:// as WPS loads an unpacked add-in, with the fake ET host as
 * window.Application: run, click an issue, clear the marks.
 */
import { path7za } from "7zip-bin";
import { parse } from "acorn";
import { buildSync } from "esbuild";
import { execFileSync } from "child_process";
import { chmodSync, copyFileSync, existsSync, readdirSync, readFileSync } from "fs";
import { join, relative } from "path";
import { pathToFileURL } from "url";
import { runInNewContext } from "vm";
import type { Browser, Page } from "playwright-core";
import { analyzeTable } from "../../src/core/analyze-table";
import { wpsZhCN } from "../../src/wps/messages/zh-CN";
import { TASK_PANE_KEY } from "../../src/wps/ribbon-actions";
import type { EtBookModel } from "../../testing/fake-et/et-model";
import { fakeEtApplication } from "../../testing/fake-et/fake-et";
import { launchChromium, ROOT } from "../../testing/pane-harness";
import { loadSampleGrid } from "../../testing/sample";
import { assertWellFormed } from "../xlsx/package-helpers";
import { tempFolder } from "../../testing/temp-folder";

jest.setTimeout(180_000);

const OUT = join(ROOT, ".tmp", "wps-build");
const FOLDER = join(OUT, "indicator-normalizer");
const URL_BASE = "https://intranet.example.gov.cn/wps/";
const version = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version as string;

let browser: Browser;

beforeAll(async () => {
  execFileSync(process.execPath, [join(ROOT, "scripts", "build-wps.mjs"), OUT], {
    cwd: ROOT,
    stdio: "pipe",
    env: { ...process.env, WPS_ADDIN_URL: URL_BASE },
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

const read = (file: string) => readFileSync(join(OUT, file), "utf8");

test("the add-in folder: the ribbon page, ribbon.xml, the pane without office.js, every script ES5", () => {
  const files = readdirSync(FOLDER, { recursive: true, encoding: "utf8" }).sort();
  expect(files).toEqual(
    expect.arrayContaining([
      "index.html",
      "manifest.xml",
      "ribbon.js",
      "ribbon.xml",
      "taskpane.html",
      "taskpane.js",
      "pane-guard.js",
      "taskpane.css",
      "help.html",
      "assets/icon-32.png",
    ]),
  );
  for (const script of files.filter((f) => f.endsWith(".js"))) {
    const source = readFileSync(join(FOLDER, script), "utf8");
    expect(() => parse(source, { ecmaVersion: 5, sourceType: "script" })).not.toThrow();
  }
  const pane = readFileSync(join(FOLDER, "taskpane.html"), "utf8");
  expect(pane).not.toMatch(/office\.js/);
  expect(pane).not.toMatch(/(src|href)="?https?:/);
  expect([...pane.matchAll(/<script[^>]*src="?([^"\s>]+)/g)].map((m) => m[1])).toEqual([
    "pane-guard.js",
    "taskpane.js",
  ]);
  expect(readFileSync(join(FOLDER, "index.html"), "utf8")).toMatch(/<script src="?ribbon\.js"?>/);
  // wpsjs's manifest: WPS fetches it with ribbon.xml whenever 表格 starts.
  const manifest = readFileSync(join(FOLDER, "manifest.xml"), "utf8");
  assertWellFormed(manifest, "manifest.xml");
  expect(manifest).toContain("<Name>indicator-normalizer</Name>");
});

test("ribbon.xml: no XML declaration (the publish check refuses one), well-formed, the two buttons and their callbacks", () => {
  const xml = readFileSync(join(FOLDER, "ribbon.xml"), "utf8");
  expect(xml.startsWith("<customUI ")).toBe(true);
  expect(xml).not.toMatch(/<\?xml/);
  assertWellFormed(xml, "ribbon.xml");
  const buttons = [...xml.matchAll(/<button ([^>]*)\/>/g)].map((m) => ({
    id: /id="([^"]+)"/.exec(m[1]!)![1],
    label: /label="([^"]+)"/.exec(m[1]!)![1],
    onAction: /onAction="([^"]+)"/.exec(m[1]!)![1],
  }));
  expect(buttons).toEqual([
    { id: "btnNormalize", label: wpsZhCN.normalize, onAction: "OnAction" },
    { id: "btnClearMarks", label: wpsZhCN.clearMarks, onAction: "OnAction" },
  ]);
  expect(xml).toContain(`label="${wpsZhCN.tab}"`);
  expect(xml).toContain(`label="${wpsZhCN.group}"`);
  // Every callback ribbon.xml names is a function on the ribbon page's global object.
  const globals = loadRibbon(null).window;
  for (const name of new Set([...xml.matchAll(/(?:onLoad|onAction|getImage)="([^"]+)"/g)].map((m) => m[1]!)))
    expect(typeof globals[name]).toBe("function");
});

/** ribbon.js as WPS runs it: in the main page, with window.Application (or none), at the folder's index.html. */
function loadRibbon(application: unknown): { window: Record<string, (...args: unknown[]) => unknown> } {
  const window: Record<string, unknown> = {
    location: { href: `${URL_BASE}indicator-normalizer/index.html` },
    ...(application ? { Application: application } : {}),
  };
  window.window = window;
  runInNewContext(readFileSync(join(FOLDER, "ribbon.js"), "utf8"), window);
  return { window: window as Record<string, (...args: unknown[]) => unknown> };
}

test("ribbon callbacks are synchronous: each click opens the one task pane at the action, and returns at once", () => {
  const { fake } = fakeEtApplication();
  const ribbon = loadRibbon(fake).window;
  expect(ribbon.OnAddinLoad!({})).toBe(true);
  const first = ribbon.OnAction!({ Id: "btnNormalize" });
  // Not a promise: WPS 12.1 builds broke on async callbacks.
  expect(first).toBe(true);
  expect(fake.taskPanes).toHaveLength(1);
  const pane = fake.taskPanes[0]!;
  expect(pane.url).toMatch(
    new RegExp(`^${URL_BASE}indicator-normalizer/taskpane\\.html\\?action=run&t=\\d+$`),
  );
  expect(pane.Visible).toBe(true);
  expect(fake.storage.get(TASK_PANE_KEY)).toBe(pane.ID);
  pane.Visible = false;
  expect(ribbon.OnAction!({ Id: "btnClearMarks" })).toBe(true);
  expect(fake.taskPanes).toHaveLength(1);
  expect(pane.navigations).toEqual([expect.stringMatching(/taskpane\.html\?action=clear&t=\d+$/)]);
  expect(pane.Visible).toBe(true);
  expect(ribbon.OnAction!({ Id: "somethingElse" })).toBe(false);
  const image = ribbon.GetImage!({ Id: "btnNormalize" }) as string;
  expect(existsSync(join(FOLDER, image))).toBe(true);
  // Outside WPS the callbacks do nothing (and say so).
  expect(loadRibbon(null).window.OnAction!({ Id: "btnNormalize" })).toBe(false);
});

test("the offline package: the folder as indicator-normalizer_<version>/ inside indicator-normalizer.7z", () => {
  const work = tempFolder("7za-");
  const bin = join(work, "7za");
  copyFileSync(path7za, bin);
  chmodSync(bin, 0o755);
  const listing = execFileSync(bin, ["l", "-ba", join(OUT, "indicator-normalizer.7z")], { encoding: "utf8" });
  const names = listing
    .split("\n")
    .map((line) => line.trim().split(/\s+/).pop()!)
    .filter(Boolean);
  for (const file of ["index.html", "ribbon.xml", "ribbon.js", "taskpane.html", "taskpane.js"])
    expect(names).toContain(`indicator-normalizer_${version}/${file}`);
});

test("jsplugins.xml (online and offline) and the oem.ini settings, in the wpsjs formats, for the unit's server", () => {
  const online = read("jsplugins.xml");
  const offline = read("jsplugins-offline.xml");
  assertWellFormed(online, "jsplugins.xml");
  assertWellFormed(offline, "jsplugins-offline.xml");
  expect(online).toContain(
    `<jspluginonline name="indicator-normalizer" type="et" url="${URL_BASE}indicator-normalizer/"/>`,
  );
  expect(offline).toContain(
    `<jsplugin name="indicator-normalizer" type="et" url="${URL_BASE}indicator-normalizer.7z" version="${version}" enable="true"/>`,
  );
  const ini = read("oem.ini.example");
  expect(ini.split("\n").filter((l) => !l.startsWith(";") && l !== "")).toEqual([
    "[Support]",
    "JsApiPlugin=true",
    "[Server]",
    `JSPluginsServer=${URL_BASE}jsplugins.xml`,
  ]);
  expect(ini).toContain("/opt/apps/cn.wps.wps-office-pro/files/kingsoft/wps-office/office6/cfgs/oem.ini");
  expect(ini).toContain("/opt/kingsoft/wps-office/office6/cfgs/oem.ini");
  // ASCII only: WPS on Windows may read oem.ini in the system code page.
  expect([...ini].filter((c) => c.charCodeAt(0) > 0x7f)).toEqual([]);
});

test("publish.html installs through WPS's local service: the command wpsjs's page sends, base64 JSON", async () => {
  const page = await browser.newPage();
  const received: { path: string; body: string }[] = [];
  await page.route(/^http:\/\/(127\.0\.0\.1|localhost):58890\//, (route) => {
    const request = route.request();
    const path = new URL(request.url()).pathname;
    received.push({ path, body: request.postData() ?? "" });
    const body = path === "/version" ? "1.0.3" : path === "/publishlist" ? "[]" : "OK";
    return route.fulfill({ status: 200, body, headers: { "access-control-allow-origin": "*" } });
  });
  await page.goto(pathToFileURL(join(OUT, "publish.html")).href);
  await page.waitForFunction(() => document.querySelectorAll("#addons button").length === 2);
  expect(
    await page.$$eval("#addons tr", (rows: HTMLTableRowElement[]) =>
      rows.map((r) => [...r.cells].slice(0, 4).map((c) => c.textContent)),
    ),
  ).toEqual([
    ["indicator-normalizer", "表格", "在线", `${URL_BASE}indicator-normalizer/`],
    ["indicator-normalizer", "表格", "离线（.7z）", `${URL_BASE}indicator-normalizer.7z`],
  ]);
  await page.click("#addons tr:first-child button");
  await page.waitForFunction(() => /已安装/.test(document.querySelector("#addons tr .status")!.textContent!));
  const install = received.find((r) => r.path === "/deployaddons/runParams")!;
  expect(JSON.parse(Buffer.from(install.body, "base64").toString("utf8"))).toEqual({
    cmd: "enable",
    name: "indicator-normalizer",
    url: `${URL_BASE}indicator-normalizer/`,
    addonType: "et",
    online: "true",
    customDomain: "",
  });
  expect(await page.textContent("#addons tr:first-child button")).toBe("卸载");
  await page.close();
});

/** The fake ET host as one script for the page: window.Application and window.__etModel. */
function fakeEtScript(): string {
  return buildSync({
    entryPoints: [join(ROOT, "testing", "fake-et", "browser-entry.ts")],
    bundle: true,
    write: false,
    format: "iife",
    target: "es2020",
    platform: "browser",
  }).outputFiles[0]!.text;
}

type EtWindow = { __etModel: EtBookModel };

async function openWpsPane(query: string): Promise<{ page: Page; requests: string[] }> {
  const page = await browser.newPage({ viewport: { width: 360, height: 900 }, locale: "zh-CN" });
  const requests: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.addInitScript(
    `${fakeEtScript()}\nwindow.__etModel.activeSheet.putGrid(${JSON.stringify(loadSampleGrid())});`,
  );
  await page.goto(`${pathToFileURL(join(FOLDER, "taskpane.html")).href}${query}`);
  return { page, requests };
}

test("the pane in WPS: the ribbon's ?action=run runs on the sheet through ET; an issue selects its cell; 清除标记", async () => {
  const analysis = analyzeTable(loadSampleGrid());
  const errors = analysis.issues.filter((i) => i.severity === "error").length;
  const { page, requests } = await openWpsPane("?action=run&t=1");
  await page.waitForSelector("#verdict");
  expect(await page.isHidden("#unsupported")).toBe(true);
  expect(await page.textContent("#verdict")).toBe(`有 ${errors} 个错误：请修改原表后再运行。`);
  expect(await page.textContent('[data-count="indicators"] dd')).toBe("132");
  const book = await page.evaluate(() => {
    const model = (window as unknown as EtWindow).__etModel;
    return {
      sheets: model.sheets.map((s) => s.name),
      marks: [...model.sheets[0]!.fills().keys()].sort(),
      active: model.activeSheet.name,
    };
  });
  expect(book).toEqual({
    sheets: ["Sheet1", "指标明细", "校验结果"],
    marks: ["F34", "G20", "G22", "G25"],
    active: "校验结果",
  });

  await page.click("#issues button.issue-error");
  const selected = await page.evaluate(() => {
    const model = (window as unknown as EtWindow).__etModel;
    return [model.activeSheet.name, model.activeSheet.selection];
  });
  expect(selected).toEqual(["Sheet1", [{ top: 25, left: 7, bottom: 25, right: 7 }]]);

  await page.click("#clear-marks");
  await page.waitForFunction(() => /已清除/.test(document.getElementById("status")!.textContent!));
  expect(await page.evaluate(() => (window as unknown as EtWindow).__etModel.sheets[0]!.fills().size)).toBe(
    0,
  );
  // Only the folder's own files: no office.js, nothing from outside.
  const folder = pathToFileURL(FOLDER).href;
  expect(requests.filter((url) => !url.startsWith(`${folder}/`)).map((url) => relative(folder, url))).toEqual(
    [],
  );
  await page.close();
});

test("the same pane in a plain browser says where to open it instead of failing", async () => {
  const page = await browser.newPage({ locale: "zh-CN" });
  await page.goto(pathToFileURL(join(FOLDER, "taskpane.html")).href);
  await page.waitForSelector("#unsupported:not([hidden])");
  expect(await page.textContent("#unsupported")).toBe(wpsZhCN.notInHost);
  expect(await page.isHidden("#app")).toBe(true);
  await page.close();
});

test("publish.html: a service without its subserver gets WPS started and is asked again; on Windows one serverId per user", async () => {
  const page = await browser.newPage({
    userAgent:
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36",
  });
  const received: { path: string; body: string }[] = [];
  let versions = 0;
  await page.route(/^http:\/\/(127\.0\.0\.1|localhost):58890\//, (route) => {
    const request = route.request();
    const path = new URL(request.url()).pathname;
    received.push({ path, body: request.postData() ?? "" });
    // wpsjsrpcsdk's reply while WPS's subserver is down: {"data": "Subserver not available."}.
    const body =
      path === "/version"
        ? versions++ === 0
          ? '{"data": "Subserver not available."}'
          : "1.0.3"
        : path === "/publishlist"
          ? "[]"
          : "OK";
    return route.fulfill({ status: 200, body, headers: { "access-control-allow-origin": "*" } });
  });
  await page.goto(pathToFileURL(join(OUT, "publish.html")).href);
  await page.waitForFunction(() => document.querySelectorAll("#addons button").length === 2);
  await page.waitForTimeout(4_000);
  const versionCalls = received.filter((r) => r.path === "/version");
  expect(versionCalls.length).toBe(2);
  const ids = versionCalls.map((r) => (JSON.parse(r.body) as { serverId?: string }).serverId);
  expect(ids[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  expect(ids[1]).toBe(ids[0]);
  expect(received.some((r) => r.path === "/publishlist")).toBe(true);
  expect(await page.textContent("#service")).toBe("");
  await page.close();
});

test("publish.html: WPS's service unreachable is told with what to do, never a bare 'unreachable'", async () => {
  const page = await browser.newPage();
  await page.route(/^http:\/\/(127\.0\.0\.1|localhost):58890\//, (route) => route.abort("connectionrefused"));
  await page.goto(pathToFileURL(join(OUT, "publish.html")).href);
  await page.waitForFunction(() => document.getElementById("service")!.textContent !== "", undefined, {
    timeout: 20_000,
  });
  const told = (await page.textContent("#service"))!;
  expect(told).toMatch(/没有连上本机 WPS 的加载项服务.*打开 WPS Office.*本地网络/);
  expect(told).not.toMatch(/unreachable/i);
  await page.click("#addons tr:first-child button");
  await page.waitForFunction(
    () => /没有连上/.test(document.querySelector("#addons tr .status")!.textContent!),
    undefined,
    {
      timeout: 20_000,
    },
  );
  await page.close();
});
