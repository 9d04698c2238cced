// npm run release -- --url https://HOST/PATH/ [--out DIR] [--wps-local-dir DIR]
//
// Everything a unit's IT carries into an intranet, built here (where npm works) and usable there without internet or
// Node.js 20, as one folder and the same folder zipped: release/indicator-normalizer-<version>[.zip].
//
//   web/                  copy as it is to the server, so that https://HOST/PATH/ serves it:
//     index.html            a page of links, to check the hosting (and to reach each form)
//     excel/                the Excel add-in (dist/, office.js served from it: OFFICE_JS=local)
//     wps/                  the WPS add-in: its folder, its .7z, publish.html, jsplugins.xml (online mode) and
//                           jsplugins-offline.xml (offline mode: the .7z downloaded from the server)
//     offline/              the offline page
//   manifest.xml          the Excel add-in's manifest, URLs on https://HOST/PATH/excel/ (shared-folder catalog,
//                         Microsoft 365 central deployment, sideloading)
//   wps-local/            the fully offline WPS route: the .7z and a jsplugins.xml that point at a folder on the
//                         PC itself (--wps-local-dir, default C:\indicator-normalizer\wps), with oem.ini's lines
//   offline-page/         the offline page again, for a USB stick or a shared drive
//   cli/                  the command line as one file for Node.js 18 or later (no npm install), with the sample
//   docs/                 the Chinese guides (deployment, the clerk's guide, WPS) and the English add-in notes
//   README.txt            what is where, in Chinese; SHA256SUMS.txt
//
// The four builds are cached in .tmp/release-cache/, keyed by a hash of the sources that go into them (and the URL
// for the two that embed it): a second release of the same sources only copies and zips.
import { createHash } from "crypto";
import { execFileSync } from "child_process";
import { build } from "esbuild";
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "fs";
import { zipSync } from "fflate";
import { dirname, join, relative, resolve, sep } from "path";
import { fileURLToPath } from "url";
import { buildOffline, PAGE_NAME } from "./build-offline.mjs";
import { ADDON_NAME, buildWps, jspluginsXml } from "./build-wps.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const PACKAGE = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
export const RELEASE_NAME = `indicator-normalizer-${PACKAGE.version}`;
const DEFAULT_WPS_LOCAL_DIR = "C:\\indicator-normalizer\\wps";
/** The guides that go into docs/: the repo's file → the release's file. */
const GUIDES = [
  ["docs/部署说明.md", "部署说明.md"],
  ["docs/使用说明.md", "使用说明.md"],
  ["docs/wps.md", "WPS说明.md"],
  ["docs/marks-record.md", "marks-record.md"],
  ["docs/add-in.md", "add-in.md"],
];

export function parseReleaseArgs(argv) {
  const options = { url: null, out: join(ROOT, "release"), wpsLocalDir: DEFAULT_WPS_LOCAL_DIR };
  for (let i = 0; i < argv.length; i++) {
    const [name, inline] = argv[i].split(/=(.*)/s);
    const value = () => inline ?? argv[++i];
    if (name === "--url") options.url = value();
    else if (name === "--out") options.out = resolve(value());
    else if (name === "--wps-local-dir") options.wpsLocalDir = value();
    else throw new Error(`unknown argument ${argv[i]} (usage: npm run release -- --url https://HOST/PATH/)`);
  }
  if (!options.url) throw new Error("missing --url https://HOST/PATH/: where web/ will be served");
  // Office loads add-ins over HTTPS only (and WPS is happy with it): the URL is where web/ is copied to.
  if (!/^https:\/\/[^/?#\s]+(\/[^?#\s]*)?$/.test(options.url))
    throw new Error(`--url must be an https:// address without query or fragment, got ${options.url}`);
  if (!options.url.endsWith("/")) options.url += "/";
  if (!/^([A-Za-z]:\\|\/)/.test(options.wpsLocalDir))
    throw new Error(`--wps-local-dir must be an absolute path (C:\\… or /…), got ${options.wpsLocalDir}`);
  return options;
}

/** Every file under `dir`, as paths relative to it with `/`, sorted. */
function listFiles(dir) {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => statSync(join(dir, file)).isFile())
    .map((file) => file.split(sep).join("/"))
    .sort();
}

/** What the builds are made of: a change to any of these makes every cached build stale. */
function sourceHash() {
  const hash = createHash("sha256");
  const inputs = ["package.json", "package-lock.json", "webpack.config.js", "manifest.xml"];
  for (const dir of ["src", "assets", "scripts", "samples"])
    for (const file of listFiles(join(ROOT, dir))) inputs.push(`${dir}/${file}`);
  for (const file of inputs)
    hash
      .update(`${file}\0`)
      .update(readFileSync(join(ROOT, file)))
      .update("\0");
  return hash.digest("hex").slice(0, 16);
}

/**
 * A build in the cache: made once into a temp folder, renamed into place when complete. `key` starts with the
 * build's kind (`excel-…`); the kind's older builds are removed, so the cache holds one of each.
 */
async function cached(cacheDir, key, make) {
  const dir = join(cacheDir, key);
  if (existsSync(dir)) return { dir, reused: true };
  const kind = `${key.split("-")[0]}-`;
  if (existsSync(cacheDir))
    for (const old of readdirSync(cacheDir))
      if (old.startsWith(kind)) rmSync(join(cacheDir, old), { recursive: true, force: true });
  const work = `${dir}.partial`;
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  await make(work);
  renameSync(work, dir);
  return { dir, reused: false };
}

function webpackExcel(outDir, baseUrl) {
  try {
    execFileSync(
      process.execPath,
      [
        join(ROOT, "node_modules", "webpack", "bin", "webpack.js"),
        "--mode",
        "production",
        "--env",
        `outputPath=${outDir}`,
      ],
      { cwd: ROOT, stdio: "pipe", env: { ...process.env, ADDIN_BASE_URL: baseUrl, OFFICE_JS: "local" } },
    );
  } catch (error) {
    throw new Error(`webpack failed:\n${error.stdout?.toString() ?? ""}${error.stderr?.toString() ?? ""}`);
  }
}

/** The command line as one CommonJS file for Node.js 18+ (no code cache: that is tied to one Node version). */
async function buildCliFile(outDir) {
  await build({
    entryPoints: [join(ROOT, "src", "cli", "main.ts")],
    bundle: true,
    platform: "node",
    target: "node18",
    outfile: join(outDir, "indicator-normalizer.cjs"),
    logLevel: "warning",
    banner: { js: "#!/usr/bin/env node" },
  });
}

/** `C:\a\b` → `file:///C:/a/b/`; `/opt/a` → `file:///opt/a/`. */
export function folderUrl(path) {
  const slashed = path.replace(/\\/g, "/").replace(/\/+$/, "");
  return `file://${slashed.startsWith("/") ? "" : "/"}${encodeURI(slashed)}/`;
}

/** Text for Windows Notepad: CRLF line ends, and a byte-order mark when it is not ASCII (else Notepad may guess GBK). */
function windowsText(lines) {
  const text = `${lines.join("\r\n")}\r\n`;
  const ascii = Buffer.byteLength(text, "utf8") === text.length;
  return ascii ? text : `\ufeff${text}`;
}

function escapeHtml(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** web/index.html: links to every form, so that opening https://HOST/PATH/ shows the hosting works. */
function indexPage(url) {
  const links = [
    ["offline/" + PAGE_NAME, "离线页面（粘贴或选择文件即可检查，不需要安装）"],
    ["excel/help.html", "Excel 加载项的使用说明（能打开说明 Excel 加载项的文件已就位）"],
    ["excel/taskpane.html", "Excel 加载项的任务窗格（在浏览器里打开只显示提示，这是正常的）"],
    ["wps/publish.html", "WPS 加载项：在本机安装（单台电脑）"],
    ["wps/jsplugins.xml", "WPS 加载项清单（oem.ini 的 JSPluginsServer 填这个地址）"],
    [`wps/${ADDON_NAME}/ribbon.xml`, "WPS 加载项的功能区定义（应显示以 <customUI 开头的文本）"],
  ];
  return [
    "<!doctype html>",
    '<html lang="zh-CN"><head><meta charset="utf-8">',
    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
    "<title>绩效指标规范化：部署检查页</title>",
    '<style>body{font:15px/1.7 "Microsoft YaHei",sans-serif;margin:24px}code{background:#f3f3f3}</style>',
    "</head><body>",
    `<h1>绩效指标规范化 ${escapeHtml(PACKAGE.version)}</h1>`,
    `<p>本页地址应为 <code>${escapeHtml(url)}</code>。下面每个链接都应能打开；打不开的，见 部署说明.md 的“检查”一节。</p>`,
    "<ul>",
    ...links.map(([href, text]) => `<li><a href="${escapeHtml(href)}">${escapeHtml(text)}</a></li>`),
    "</ul>",
    `<p>Excel 加载项清单：<code>${escapeHtml(url)}excel/manifest.xml</code></p>`,
    "</body></html>",
    "",
  ].join("\n");
}

function readmeText(options, wpsUrl) {
  return windowsText([
    `绩效指标规范化 ${PACKAGE.version}（为 ${options.url} 构建）`,
    "",
    "详细步骤见 docs\\部署说明.md（部署、证书、检查）和 docs\\使用说明.md（给经办人员）。",
    "",
    "web\\           整个复制到网站，使 " + options.url + " 指向它（IIS 或 nginx，HTTPS）。",
    "                打开 " + options.url + " 应看到部署检查页。",
    "  excel\\        Excel 加载项（office.js 在本地，不需要外网）",
    "  wps\\          WPS 加载项（在线模式 jsplugins.xml、离线模式 jsplugins-offline.xml、publish.html）",
    "  offline\\      离线页面",
    "manifest.xml    Excel 加载项清单：放进共享文件夹目录，或上传到 Microsoft 365 管理中心",
    `wps-local\\     WPS 完全离线安装：把本文件夹内容复制到每台电脑的 ${options.wpsLocalDir}`,
    "                再按 oem.ini.example 修改 oem.ini（不需要任何服务器）",
    "offline-page\\  离线页面（一个 HTML 文件，可放 U 盘或共享盘，用 Chromium 内核浏览器打开）",
    "cli\\           命令行工具，一个文件，需要 Node.js 18 或更高版本：",
    "                node cli\\indicator-normalizer.cjs check 文件夹 --summary 汇总.xlsx",
    "docs\\          中文说明",
    "",
    `WPS 加载项在线地址：${wpsUrl}`,
    "各文件的 SHA-256 见 SHA256SUMS.txt。",
  ]);
}

/**
 * IIS reads web.config from the folder: it knows no .7z (404.3 without a MIME type; `remove` first, so a server
 * that does know it does not fail on a duplicate), and `no-cache` makes an updated release show at once.
 */
const IIS_WEB_CONFIG = `<?xml version="1.0" encoding="UTF-8"?>
<configuration>
  <system.webServer>
    <staticContent>
      <remove fileExtension=".7z" />
      <mimeMap fileExtension=".7z" mimeType="application/x-7z-compressed" />
      <clientCache cacheControlMode="DisableCache" />
    </staticContent>
  </system.webServer>
</configuration>
`;

/** The catalog's id in the registry: fixed, so that importing the file again updates the same entry. */
const CATALOG_ID = "{6E4B1D2A-3C5F-4A7B-9D8E-2F1A0B3C4D5E}";

/**
 * excel-catalog.reg: the Trusted Add-in Catalogs entry Excel's Trust Center writes (Microsoft's "Create a network
 * shared folder catalog for task pane and content add-ins"): Id, Url (the share) and Flags=1 (show in menu).
 * regedit reads UTF-16 with a byte-order mark.
 */
function catalogRegistryFile() {
  const key = `HKEY_CURRENT_USER\\Software\\Microsoft\\Office\\16.0\\WEF\\TrustedCatalogs\\${CATALOG_ID}`;
  const text = [
    "Windows Registry Editor Version 5.00",
    "",
    "; 绩效指标规范化: the shared folder holding manifest.xml as a trusted add-in catalog (show in menu).",
    "; Change \\\\fileserver\\addins below to your share (every backslash doubled), then import this file.",
    `[${key}]`,
    `"Id"="${CATALOG_ID}"`,
    '"Url"="\\\\\\\\fileserver\\\\addins"',
    '"Flags"=dword:00000001',
    "",
  ].join("\r\n");
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
}

/** Copies the builds into the release folder and writes the files that depend on the URL. */
function assemble(folder, builds, options) {
  const web = join(folder, "web");
  const wpsUrl = `${options.url}wps/`;
  cpSync(builds.excel, join(web, "excel"), { recursive: true });
  cpSync(builds.wps, join(web, "wps"), { recursive: true });
  // oem.ini for the server route belongs beside the other IT files, not on the web server.
  rmSync(join(web, "wps", "oem.ini.example"));
  mkdirSync(join(web, "offline"), { recursive: true });
  copyFileSync(join(builds.offline, PAGE_NAME), join(web, "offline", PAGE_NAME));
  writeFileSync(join(web, "index.html"), indexPage(options.url));
  writeFileSync(join(web, "web.config"), IIS_WEB_CONFIG);
  copyFileSync(join(web, "excel", "manifest.xml"), join(folder, "manifest.xml"));
  writeFileSync(join(folder, "excel-catalog.reg"), catalogRegistryFile());

  // The fully offline WPS route: WPS reads jsplugins.xml from a local path (oem.ini) and the .7z from a file:// URL.
  const local = join(folder, "wps-local");
  mkdirSync(local, { recursive: true });
  copyFileSync(join(builds.wps, `${ADDON_NAME}.7z`), join(local, `${ADDON_NAME}.7z`));
  const localUrl = folderUrl(options.wpsLocalDir);
  const localSep = options.wpsLocalDir.includes("\\") ? "\\" : "/";
  const localDir = options.wpsLocalDir.replace(/[\\/]+$/, "");
  writeFileSync(
    join(local, "jsplugins.xml"),
    jspluginsXml({ online: "false", url: `${localUrl}${ADDON_NAME}.7z`, version: PACKAGE.version }),
  );
  const oemLines = (server) => ["[Support]", "JsApiPlugin=true", "[Server]", `JSPluginsServer=${server}`];
  writeFileSync(
    join(local, "oem.ini.example"),
    windowsText([
      `; WPS fully offline: copy this folder's files to ${localDir} on each PC, then merge these lines into`,
      // ASCII only: WPS on Windows may read oem.ini in the system code page (as build-wps.mjs says).
      "; oem.ini (administrator rights) and restart WPS. Where oem.ini is: the deployment guide in docs.",
      ...oemLines(`${localDir}${localSep}jsplugins.xml`),
    ]),
  );
  writeFileSync(
    join(folder, "web-wps-oem.ini.example"),
    windowsText([
      "; WPS from the server: merge these lines into oem.ini (administrator rights) and restart WPS.",
      ...oemLines(`${wpsUrl}jsplugins.xml`),
    ]),
  );

  mkdirSync(join(folder, "offline-page"), { recursive: true });
  copyFileSync(join(builds.offline, PAGE_NAME), join(folder, "offline-page", PAGE_NAME));

  const cli = join(folder, "cli");
  mkdirSync(join(cli, "samples"), { recursive: true });
  copyFileSync(join(builds.cli, "indicator-normalizer.cjs"), join(cli, "indicator-normalizer.cjs"));
  copyFileSync(join(ROOT, "samples", "baiyun-2024.tsv"), join(cli, "samples", "baiyun-2024.tsv"));
  // package.json makes the folder the CLI's project root (demo reads samples/, writes out/) and installable
  // offline: `npm install -g .\cli` gives the indicator-normalizer command.
  writeFileSync(
    join(cli, "package.json"),
    `${JSON.stringify(
      {
        name: PACKAGE.name,
        version: PACKAGE.version,
        description: PACKAGE.description,
        license: PACKAGE.license,
        engines: { node: ">=18" },
        bin: { "indicator-normalizer": "indicator-normalizer.cjs" },
      },
      null,
      2,
    )}\n`,
  );

  mkdirSync(join(folder, "docs"), { recursive: true });
  for (const [from, to] of GUIDES) copyFileSync(join(ROOT, from), join(folder, "docs", to));
  writeFileSync(join(folder, "README.txt"), readmeText(options, wpsUrl));

  const sums = listFiles(folder).map(
    (file) =>
      `${createHash("sha256")
        .update(readFileSync(join(folder, file)))
        .digest("hex")}  ${file}`,
  );
  writeFileSync(join(folder, "SHA256SUMS.txt"), `${sums.join("\n")}\n`);
}

/** The folder as a zip whose entries start with the folder's name (fflate marks non-ASCII names as UTF-8). */
function zipFolder(folder, zipPath) {
  const name = folder.split(sep).pop();
  const entries = {};
  for (const file of listFiles(folder)) {
    // The .7z and the images are compressed already.
    const stored = /\.(7z|png|zip)$/.test(file);
    entries[`${name}/${file}`] = [readFileSync(join(folder, file)), { level: stored ? 0 : 9 }];
  }
  writeFileSync(zipPath, zipSync(entries, { mtime: new Date("2020-01-01T00:00:00Z") }));
}

export async function release(options) {
  const hash = sourceHash();
  const cacheDir = join(ROOT, ".tmp", "release-cache");
  const urlKey = createHash("sha256").update(options.url).digest("hex").slice(0, 8);
  const steps = {
    offline: await cached(cacheDir, `offline-${hash}`, (dir) => buildOffline(dir)),
    excel: await cached(cacheDir, `excel-${hash}-${urlKey}`, (dir) =>
      webpackExcel(dir, `${options.url}excel`),
    ),
    wps: await cached(cacheDir, `wps-${hash}-${urlKey}`, (dir) => {
      const before = process.env.WPS_ADDIN_URL;
      process.env.WPS_ADDIN_URL = `${options.url}wps/`;
      try {
        buildWps(dir);
      } finally {
        if (before === undefined) delete process.env.WPS_ADDIN_URL;
        else process.env.WPS_ADDIN_URL = before;
      }
    }),
    cli: await cached(cacheDir, `cli-${hash}`, (dir) => buildCliFile(dir)),
  };
  const builds = Object.fromEntries(Object.entries(steps).map(([kind, step]) => [kind, step.dir]));
  const folder = join(options.out, RELEASE_NAME);
  const zipPath = `${folder}.zip`;
  rmSync(folder, { recursive: true, force: true });
  rmSync(zipPath, { force: true });
  mkdirSync(folder, { recursive: true });
  assemble(folder, builds, options);
  zipFolder(folder, zipPath);
  const reused = Object.entries(steps)
    .filter(([, step]) => step.reused)
    .map(([kind]) => kind);
  return { folder, zip: zipPath, reused };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const options = parseReleaseArgs(process.argv.slice(2));
    const result = await release(options);
    const at = (path) => relative(process.cwd(), path) || ".";
    console.log(
      [
        `${at(result.folder)}/ and ${at(result.zip)} (${(statSync(result.zip).size / 1048576).toFixed(1)} MB)`,
        `  copy web/ to ${options.url}; open it to check: every link on that page must open`,
        `  Excel: manifest.xml → ${options.url}excel/ · WPS: ${options.url}wps/jsplugins.xml · offline: wps-local/`,
        result.reused.length
          ? `  reused cached builds: ${result.reused.join(", ")}`
          : "  built everything afresh",
      ].join("\n"),
    );
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}
