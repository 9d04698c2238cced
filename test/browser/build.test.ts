/**
 * The production build: manifest URLs follow ADDIN_BASE_URL; the default page loads office.js from Microsoft's
 * CDN and nothing else from outside; OFFICE_JS=local serves office.js from dist/ with a CSP naming no outside host.
 */
import { existsSync, readFileSync } from "fs";
import { join } from "path";
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

test("the CDN build: manifest on the base URL, office.js from Microsoft, nothing else from outside", () => {
  const out = build("build-cdn", {
    ADDIN_BASE_URL: "https://addins.example.gov.cn/indicators/",
    OFFICE_JS: "",
  });
  const manifest = readFileSync(join(out, "manifest.xml"), "utf8");
  expect(manifest).not.toContain("localhost");
  expect(manifest).toContain("https://addins.example.gov.cn/indicators/taskpane.html");
  for (const page of ["taskpane.html", "commands.html"]) {
    const html = readFileSync(join(out, page), "utf8");
    const outside = resources(html).filter((r) => /^[a-z]+:/i.test(r));
    expect(outside).toEqual(["https://appsforoffice.microsoft.com/lib/1/hosted/office.js"]);
    expect(csp(html)).toMatch(/script-src 'self' https:\/\/appsforoffice\.microsoft\.com/);
    expect(csp(html)).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    // No inline script: every <script> has a src.
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
  }
  for (const size of [16, 32, 64, 80]) expect(existsSync(join(out, "assets", `icon-${size}.png`))).toBe(true);
});

test("OFFICE_JS=local: office.js is served from dist/ and the CSP names no outside host", () => {
  const out = build("build-local", { OFFICE_JS: "local" });
  const html = readFileSync(join(out, "taskpane.html"), "utf8");
  expect(resources(html).filter((r) => /^[a-z]+:/i.test(r))).toEqual([]);
  expect(resources(html)).toContain("office-js/office.js");
  expect(csp(html)).not.toMatch(/https?:/);
  expect(existsSync(join(out, "office-js", "office.js"))).toBe(true);
  expect(existsSync(join(out, "office-js", "excel-win32-16.01.js"))).toBe(true);
});

test("a base URL that is not HTTPS is refused", () => {
  expect(() => build("build-http", { ADDIN_BASE_URL: "http://intranet/addin" })).toThrow();
});
