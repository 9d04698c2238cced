/**
 * The production build: every script it emits parses as ES5 (Trident, the webview of Office 2016/2019
 * volume-licensed); manifest URLs follow ADDIN_BASE_URL; by default office.js is served from dist/ (an intranet
 * reaches no CDN) with a CSP naming no outside host; OFFICE_JS=cdn loads it from Microsoft's CDN and nothing else
 * from outside.
 */
import { parse } from "acorn";
import { existsSync, readdirSync, readFileSync } from "fs";
import { join, relative } from "path";
import { ROOT, runWebpack } from "../../testing/pane-harness";

jest.setTimeout(120_000);

function build(name: string, env: Record<string, string>): string {
  return runWebpack(join(ROOT, ".tmp", name), env);
}

function csp(html: string): string {
  // Quotes may be dropped by the HTML minifier: `http-equiv=Content-Security-Policy content="…"`.
  const match = /http-equiv="?Content-Security-Policy"? content="([^"]+)"/.exec(html);
  if (!match) throw new Error("no Content-Security-Policy");
  return match[1]!;
}

/** Every src/href of the page: `<script src="…">`, `<link href=taskpane.css>`. */
function resources(html: string): string[] {
  return [...html.matchAll(/\s(?:src|href)=(?:"([^"]+)"|([^\s>"]+))/g)].map((m) => (m[1] ?? m[2])!);
}

test("OFFICE_JS=cdn: manifest on the base URL, office.js from Microsoft, nothing else from outside", () => {
  const out = build("build-cdn", {
    ADDIN_BASE_URL: "https://addins.example.gov.cn/indicators/",
    OFFICE_JS: "cdn",
  });
  const manifest = readFileSync(join(out, "manifest.xml"), "utf8");
  expect(manifest).not.toContain("localhost");
  expect(manifest).toContain("https://addins.example.gov.cn/indicators/taskpane.html");
  for (const page of ["taskpane.html", "commands.html", "dialog.html"]) {
    const html = readFileSync(join(out, page), "utf8");
    const outside = resources(html).filter((r) => /^[a-z]+:/i.test(r));
    expect(outside).toEqual(["https://appsforoffice.microsoft.com/lib/1/hosted/office.js"]);
    expect(csp(html)).toMatch(/script-src 'self' https:\/\/appsforoffice\.microsoft\.com/);
    expect(csp(html)).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    // No inline script: every <script> has a src.
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    // Trident would otherwise pick an old document mode.
    expect(html).toMatch(/<meta http-equiv="?X-UA-Compatible"? content="IE=Edge"/);
  }
  expectEs5(out);
  expect(existsSync(join(out, "help.html"))).toBe(true);
  for (const size of [16, 32, 64, 80]) expect(existsSync(join(out, "assets", `icon-${size}.png`))).toBe(true);
});

test("by default (the intranet build) office.js is served from dist/ and no page names an outside host", () => {
  const out = build("build-local", { OFFICE_JS: "" });
  for (const page of ["taskpane.html", "commands.html", "dialog.html"]) {
    const html = readFileSync(join(out, page), "utf8");
    expect(resources(html).filter((r) => /^[a-z]+:/i.test(r))).toEqual([]);
    expect(resources(html)).toContain("office-js/office.js");
    expect(csp(html)).not.toMatch(/https?:/);
  }
  expect(existsSync(join(out, "office-js", "office.js"))).toBe(true);
  expect(existsSync(join(out, "office-js", "excel-win32-16.01.js"))).toBe(true);
});

test("a base URL that is not HTTPS is refused, and so is an OFFICE_JS that is neither local nor cdn", () => {
  expect(() => build("build-http", { ADDIN_BASE_URL: "http://intranet/addin" })).toThrow();
  expect(() => build("build-typo", { OFFICE_JS: "lokal" })).toThrow(/OFFICE_JS/);
});

/** Every .js under `dir` except Microsoft's office.js files (exempt: they ship their own builds per webview). */
function emittedScripts(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".js") && !f.startsWith("office-js"))
    .map((f) => join(dir, f));
}

function expectEs5(out: string): void {
  const scripts = emittedScripts(out);
  expect(scripts.map((f) => relative(out, f)).sort()).toEqual([
    "commands.js",
    "dialog.js",
    "pane-guard.js",
    "taskpane.js",
  ]);
  for (const file of scripts) {
    // acorn at ecmaVersion 5 rejects `let`, arrow functions, classes, template literals, `?.`, `??`, /u and /y.
    const parsed = (() => {
      try {
        parse(readFileSync(file, "utf8"), { ecmaVersion: 5, sourceType: "script" });
        return "ES5";
      } catch (error) {
        return String(error);
      }
    })();
    expect({ file: relative(out, file), parsed }).toEqual({ file: relative(out, file), parsed: "ES5" });
  }
  // The guard takes no polyfills (it must run where they would fail); the pane's bundle has Promise for IE 11.
  const sources = (name: string): string[] =>
    (JSON.parse(readFileSync(join(out, `${name}.map`), "utf8")) as { sources: string[] }).sources;
  expect(sources("pane-guard.js").filter((s) => s.includes("core-js"))).toEqual([]);
  expect(sources("taskpane.js")).toEqual(
    expect.arrayContaining([expect.stringMatching(/core-js\/modules\/es\.promise\.js$/)]),
  );
}
