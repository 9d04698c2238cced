/**
 * Shared by the browser tests and `npm run screenshot`: build the add-in into .tmp/, serve it on 127.0.0.1,
 * bundle the fake Excel host, and open the task pane in Debian's Chromium with office.js routed to the fake.
 */
import { execFileSync } from "child_process";
import { existsSync, readFileSync } from "fs";
import { createServer, type Server } from "http";
import type { AddressInfo } from "net";
import { extname, join, normalize } from "path";
import { buildSync } from "esbuild";
import { chromium, type Browser, type Page } from "playwright-core";

export const ROOT = join(__dirname, "..");
export const CHROMIUM = "/usr/bin/chromium";
export const CDN_OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OUT = join(ROOT, ".tmp", "browser-dist");

/** Runs webpack with the project's config into `out`; a failure carries webpack's own output. */
export function runWebpack(
  out: string,
  env: Record<string, string> = {},
  mode: "production" | "development" = "production",
  /** More `--env` flags: `["wps"]` builds the WPS 加载项 (webpack.config.js). */
  moreEnv: readonly string[] = [],
): string {
  try {
    execFileSync(
      process.execPath,
      [
        join(ROOT, "node_modules", "webpack", "bin", "webpack.js"),
        "--mode",
        mode,
        "--env",
        `outputPath=${out}`,
        ...moreEnv.flatMap((e) => ["--env", e]),
      ],
      { cwd: ROOT, stdio: "pipe", env: { ...process.env, ...env } },
    );
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
    const output = `${stdout?.toString() ?? ""}${stderr?.toString() ?? ""}`;
    throw new Error(
      `webpack failed:\n${
        output
          .split("\n")
          .filter((l) => /error/i.test(l))
          .join("\n") || output
      }`,
    );
  }
  return out;
}

/**
 * The production build into .tmp/browser-dist (the same config `npm run build` uses), with office.js named at
 * Microsoft's CDN (OFFICE_JS=cdn): openPane answers that URL with the fake host, and the build skips copying
 * 40 MB of office.js it would not use.
 */
export function buildAddin(): string {
  return runWebpack(OUT, { OFFICE_JS: "cdn" });
}

/** The fake host bundled for the page, as one script. */
export function bundleFakeHost(): string {
  const result = buildSync({
    entryPoints: [join(ROOT, "testing", "fake-excel", "browser-entry.ts")],
    bundle: true,
    write: false,
    format: "iife",
    target: "es2020",
    platform: "browser",
  });
  return result.outputFiles[0]!.text;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml",
  ".map": "application/json",
};

/** Serves a directory on 127.0.0.1 at a free port. */
export async function serve(directory: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname));
    const file = join(directory, path);
    if (!file.startsWith(directory) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    response.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { server, origin: `http://127.0.0.1:${port}` };
}

/** Launches /usr/bin/chromium; throws (never skips) when it is missing. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

export interface PaneOptions {
  readonly level?: "1.1" | "1.7" | "1.9";
  readonly lang?: string;
  readonly width?: number;
  /** The webview's own language (navigator.language); zh-CN, as on a clerk's PC, unless given. */
  readonly locale?: string;
  /** The page to open (taskpane.html by default; dialog.html for the ribbon's result). */
  readonly page?: string;
  /** Extra query parameters for the page. */
  readonly query?: Record<string, string>;
  /** Answers for some URLs, by path ("/taskpane.js") or the CDN office.js URL: to break a page on purpose. */
  readonly replace?: Record<string, { readonly status: number; readonly body: string }>;
}

/**
 * Opens taskpane.html at the pane's width with office.js answered by the fake host; every other outside
 * request is refused, so a page that needed the internet would fail here.
 */
export async function openPane(
  browser: Browser,
  origin: string,
  fakeHost: string,
  options: PaneOptions = {},
): Promise<{ page: Page; outsideRequests: string[] }> {
  const page = await browser.newPage({
    viewport: { width: options.width ?? 320, height: 900 },
    locale: options.locale ?? "zh-CN",
  });
  const outsideRequests: string[] = [];
  await page.route("**/*", async (route) => {
    const url = route.request().url();
    const replaced = options.replace?.[url] ?? options.replace?.[new URL(url).pathname];
    if (replaced)
      return route.fulfill({ status: replaced.status, contentType: "text/javascript", body: replaced.body });
    if (url === CDN_OFFICE_JS)
      return route.fulfill({ status: 200, contentType: "text/javascript", body: fakeHost });
    if (url.startsWith(origin)) return route.continue();
    outsideRequests.push(url);
    return route.abort();
  });
  const query = new URLSearchParams({
    level: options.level ?? "1.9",
    lang: options.lang ?? "zh-CN",
    ...options.query,
  });
  await page.goto(`${origin}/${options.page ?? "taskpane.html"}?${query.toString()}`);
  await page.waitForLoadState("load");
  if (!options.page && !options.replace)
    await page.waitForFunction(() => document.getElementById("run")?.textContent !== "");
  return { page, outsideRequests };
}
