/**
 * `npm run release -- --url …` as the unit's IT gets it: one zip whose every address is the URL given (no
 * localhost:3000, no example domain), office.js inside it, the WPS lists for the server and for the fully offline
 * route, the command line running from the unpacked zip with no node_modules, the Chinese guides, and checksums
 * that match. The builds are cached by the release script (.tmp/release-cache), so a second run only assembles.
 */
import { parse } from "acorn";
import { spawnSync } from "child_process";
import { createHash } from "crypto";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import { unzipSync } from "fflate";
import { dirname, join } from "path";
import { tempFolder } from "../../testing/temp-folder";

jest.setTimeout(600_000);

const ROOT = join(__dirname, "..", "..");
const OUT = join(ROOT, ".tmp", "release-test");
const URL_BASE = "https://addins.dw.test.gov.cn/jixiao/";
const version = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version as string;
const NAME = `indicator-normalizer-${version}`;
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the build scripts' helper is CommonJS
const { placeholderWarning } = require("../../scripts/placeholder-url.cjs") as {
  placeholderWarning: (what: string, url: string, variable: string) => string | null;
};

function release(args: string[]) {
  return spawnSync(process.execPath, [join(ROOT, "scripts", "release.mjs"), ...args], {
    cwd: ROOT,
    encoding: "utf8",
  });
}

let files: Record<string, Uint8Array>;
const text = (name: string): string =>
  new TextDecoder().decode(files[`${NAME}/${name}`]!).replace(/^\ufeff/, "");

beforeAll(() => {
  rmSync(OUT, { recursive: true, force: true });
  const run = release(["--url", URL_BASE.slice(0, -1), "--out", OUT]);
  if (run.status !== 0) throw new Error(run.stderr);
  files = unzipSync(readFileSync(join(OUT, `${NAME}.zip`)));
});

test("the zip holds every form under one folder", () => {
  const names = Object.keys(files);
  expect(names.every((n) => n.startsWith(`${NAME}/`))).toBe(true);
  expect(names).toEqual(
    expect.arrayContaining(
      [
        "README.txt",
        "SHA256SUMS.txt",
        "manifest.xml",
        "excel-catalog.reg",
        "web/index.html",
        "web/web.config",
        "web/excel/manifest.xml",
        "web/excel/taskpane.html",
        "web/excel/taskpane.js",
        "web/excel/help.html",
        "web/excel/office-js/office.js",
        "web/wps/indicator-normalizer/ribbon.xml",
        "web/wps/indicator-normalizer/taskpane.html",
        "web/wps/indicator-normalizer.7z",
        "web/wps/publish.html",
        "web/wps/jsplugins.xml",
        "web/wps/jsplugins-offline.xml",
        "web/offline/indicator-normalizer.html",
        "web-wps-oem.ini.example",
        "wps-local/indicator-normalizer.7z",
        "wps-local/jsplugins.xml",
        "wps-local/oem.ini.example",
        "offline-page/indicator-normalizer.html",
        "cli/indicator-normalizer.cjs",
        "cli/package.json",
        "cli/samples/baiyun-2024.tsv",
        "docs/部署说明.md",
        "docs/使用说明.md",
        "docs/WPS说明.md",
      ].map((n) => `${NAME}/${n}`),
    ),
  );
});

test("every address is the URL given: no placeholder left in any text file", () => {
  for (const [name, bytes] of Object.entries(files)) {
    // The guides may mention the placeholders (the developer's section); what gets deployed must not.
    if (!/\.(xml|html|js|cjs|txt|ini|example|config|json)$/.test(name) || name.includes("/office-js/"))
      continue;
    const content = new TextDecoder().decode(bytes);
    expect([name, content.includes("localhost:3000")]).toEqual([name, false]);
    expect([name, content.includes("wps.example.gov.cn")]).toEqual([name, false]);
  }
  const manifest = text("manifest.xml");
  const urls = [...manifest.matchAll(/(?:DefaultValue|Value)="(https?:[^"]+)"/g)].map((m) => m[1]!);
  expect(urls.length).toBeGreaterThan(5);
  for (const url of urls) expect(url.startsWith(`${URL_BASE}excel/`)).toBe(true);
  expect(manifest).toContain(`${URL_BASE}excel/taskpane.html`);
  expect(text("web/excel/manifest.xml")).toBe(manifest);
});

test("office.js comes from the add-in's own folder, and no page names an outside host", () => {
  const pane = text("web/excel/taskpane.html");
  expect(pane).toMatch(/<script[^>]+src="?office-js\/office\.js/);
  expect(pane).not.toMatch(/appsforoffice\.microsoft\.com/);
  expect(pane).not.toMatch(/(src|href)="?https?:/);
});

test("WPS: jsplugins.xml for the server (online and .7z) and for the fully offline route (a local file)", () => {
  expect(text("web/wps/jsplugins.xml")).toContain(
    `<jspluginonline name="indicator-normalizer" type="et" url="${URL_BASE}wps/indicator-normalizer/"/>`,
  );
  expect(text("web/wps/jsplugins-offline.xml")).toContain(`url="${URL_BASE}wps/indicator-normalizer.7z"`);
  const local = text("wps-local/jsplugins.xml");
  expect(local).toContain(
    `url="file:///C:/indicator-normalizer/wps/indicator-normalizer.7z" version="${version}" enable="true"`,
  );
  expect(local).not.toContain("https:");
  expect(text("wps-local/oem.ini.example")).toContain(
    "JSPluginsServer=C:\\indicator-normalizer\\wps\\jsplugins.xml",
  );
  expect(text("web-wps-oem.ini.example")).toContain(`JSPluginsServer=${URL_BASE}wps/jsplugins.xml`);
  // oem.ini may be read in the system code page: the lines to merge are ASCII.
  expect(/^[\t\r\n -~]*$/.test(text("wps-local/oem.ini.example"))).toBe(true);
  expect(text("web/wps/publish.html")).toContain(`${URL_BASE}wps/indicator-normalizer/`);
  expect(Buffer.from(files[`${NAME}/wps-local/indicator-normalizer.7z`]!).subarray(0, 6)).toEqual(
    Buffer.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]),
  );
});

test("each host's help is its own: WPS's names its tab and buttons, Excel's the Home tab", () => {
  const wps = text("web/wps/indicator-normalizer/help.html");
  expect(wps).toContain("“绩效指标”选项卡");
  expect(wps).not.toContain("“开始”选项卡");
  expect(text("web/excel/help.html")).toContain("“开始”选项卡");
  expect(text("web/offline/indicator-normalizer.html")).toContain("在离线页面中使用（不需要安装）");
});

test("the shared-folder catalog as a registry file regedit reads (UTF-16 with a byte-order mark)", () => {
  const bytes = Buffer.from(files[`${NAME}/excel-catalog.reg`]!);
  expect([...bytes.subarray(0, 2)]).toEqual([0xff, 0xfe]);
  const reg = bytes.subarray(2).toString("utf16le");
  expect(reg.startsWith("Windows Registry Editor Version 5.00\r\n")).toBe(true);
  expect(reg).toMatch(
    /\[HKEY_CURRENT_USER\\Software\\Microsoft\\Office\\16\.0\\WEF\\TrustedCatalogs\\\{[0-9A-F-]{36}\}\]/,
  );
  expect(reg).toContain('"Url"="\\\\\\\\fileserver\\\\addins"');
  expect(reg).toContain('"Flags"=dword:00000001');
});

test("the command line is one file that runs from the unpacked zip, with no node_modules", () => {
  const cli = new TextDecoder().decode(files[`${NAME}/cli/indicator-normalizer.cjs`]!);
  // Node 18 runs ES2022; the bundle is lowered to it (esbuild target node18).
  expect(() => parse(cli.replace(/^#!.*/, ""), { ecmaVersion: 2022, sourceType: "script" })).not.toThrow();
  expect(cli).not.toMatch(/require\("(exceljs|fflate|saxes)"\)/);
  const work = tempFolder("release-cli-");
  try {
    for (const [name, bytes] of Object.entries(files)) {
      if (!name.startsWith(`${NAME}/cli/`)) continue;
      const to = join(work, name);
      mkdirSync(dirname(to), { recursive: true });
      writeFileSync(to, bytes);
    }
    const folder = join(work, NAME, "cli");
    const demo = spawnSync(process.execPath, ["indicator-normalizer.cjs", "demo"], {
      cwd: folder,
      encoding: "utf8",
    });
    expect(demo.stderr).toBe("");
    expect(demo.status).toBe(0);
    expect(
      readFileSync(join(folder, "out", "baiyun-2024.normalized.xlsx"))
        .subarray(0, 2)
        .toString(),
    ).toBe("PK");
    const check = spawnSync(
      process.execPath,
      [join(folder, "indicator-normalizer.cjs"), "check", "samples"],
      {
        cwd: folder,
        encoding: "utf8",
      },
    );
    expect(check.stdout).toMatch(/baiyun-2024\.tsv/);

    // What Node 18 lacks and Node 20 has, taken away: zlib.crc32 (Node 20.15) and the global Web Crypto (Node
    // 19). `npm run release:verify` runs the file on Node 18 itself; this keeps the two known gaps closed in
    // npm test.
    const node18 = join(work, "as-node-18.cjs");
    writeFileSync(node18, 'delete require("zlib").crc32;\ndelete globalThis.crypto;\n');
    const asNode18 = spawnSync(
      process.execPath,
      ["-r", node18, "indicator-normalizer.cjs", "normalize", "samples/baiyun-2024.tsv", "-o", "18.xlsx"],
      { cwd: folder, encoding: "utf8" },
    );
    expect(asNode18.stderr).toBe("");
    expect(asNode18.status).toBe(0);
    expect(readFileSync(join(folder, "18.xlsx")).subarray(0, 2).toString()).toBe("PK");
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

test("the checksums match the files, and the guides are the repo's", () => {
  const sums = text("SHA256SUMS.txt").trim().split("\n");
  expect(sums.length).toBe(Object.keys(files).length - 1);
  for (const line of sums) {
    const [hash, name] = line.split("  ") as [string, string];
    expect([name, createHash("sha256").update(files[`${NAME}/${name}`]!).digest("hex")]).toEqual([
      name,
      hash,
    ]);
  }
  expect(text("docs/部署说明.md")).toBe(readFileSync(join(ROOT, "docs", "部署说明.md"), "utf8"));
  expect(text("README.txt")).toContain(URL_BASE);
});

test("a second release of the same sources reuses every build", () => {
  const again = release(["--url", URL_BASE, "--out", OUT]);
  expect(again.status).toBe(0);
  expect(again.stdout).toContain("reused cached builds: offline, excel, wps, cli");
});

test.each([
  [["--url", "http://addins.dw.gov.cn/"], /https:\/\//],
  [["--url", "https://addins.dw.gov.cn/?x=1"], /without query/],
  [[], /missing --url/],
  [["--url", URL_BASE, "--wps-local-dir", "relative\\dir"], /absolute path/],
  [["--url", URL_BASE, "--bogus"], /unknown argument --bogus/],
])("release %j is refused with a reason", (args, reason) => {
  const run = release(args);
  expect(run.status).toBe(1);
  expect(run.stderr).toMatch(reason);
});

test.each([
  ["https://localhost:3000", true],
  ["https://wps.example.gov.cn/jsaddons/", true],
  ["https://addins.dw.gov.cn/indicators", false],
])("a plain build with %s warns loudly: %s", (url, warns) => {
  const warning = placeholderWarning("dist/manifest.xml", url, "ADDIN_BASE_URL");
  expect(warning !== null).toBe(warns);
  if (warning) expect(warning).toMatch(/ADDIN_BASE_URL=.*npm run release -- --url/s);
});
