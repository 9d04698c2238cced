// npm run build:wps: the WPS 加载项 for 表格 (ET), in the formats the wpsjs tool uses (its `build` and `publish`
// commands; read from the npm package wpsjs 2.2.3, not run: they download and prompt), into dist-wps/:
//   indicator-normalizer/          the add-in folder (online mode): index.html + ribbon.js + ribbon.xml, the task pane
//                                   (taskpane.html + its scripts, no office.js), help.html, icons. Copy it to an
//                                   intranet server at WPS_ADDIN_URL.
//   indicator-normalizer.7z        the same folder as indicator-normalizer_<version>/ (offline mode: WPS downloads
//                                   and unpacks it into its jsaddons folder).
//   publish.html                   the install page for one PC (WPS's local service, 127.0.0.1:58890).
//   jsplugins.xml                  the unit-wide list for oem.ini's JSPluginsServer, online mode;
//   jsplugins-offline.xml          the same, offline mode (the .7z);
//   oem.ini.example                the two settings oem.ini needs, with where oem.ini lives on Windows, 统信UOS, 麒麟.
// WPS_ADDIN_URL (default https://wps.example.gov.cn/jsaddons/) is where the folder and the .7z are served from.
// `node scripts/build-wps.mjs <out-dir>` builds elsewhere (the tests build into .tmp/).
import { execFileSync } from "child_process";
import {
  chmodSync,
  copyFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "fs";
import { createRequire } from "module";
import { tmpdir } from "os";
import { dirname, join, relative, resolve } from "path";
import { fileURLToPath } from "url";

const require = createRequire(import.meta.url);
const { placeholderWarning } = require("./placeholder-url.cjs");
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const ADDON_NAME = "indicator-normalizer";
const DEFAULT_URL = "https://wps.example.gov.cn/jsaddons/";

function addinUrl() {
  const url = process.env.WPS_ADDIN_URL || DEFAULT_URL;
  if (!/^(https?|file):\/\//.test(url))
    throw new Error(`WPS_ADDIN_URL must be an http(s):// or file:// URL, got ${url}`);
  // wpsjs publish insists on the trailing slash: the folder is `${url}${name}/`, the archive `${url}${name}.7z`.
  return url.endsWith("/") ? url : `${url}/`;
}

function webpack(outDir) {
  try {
    execFileSync(
      process.execPath,
      [
        join(ROOT, "node_modules", "webpack", "bin", "webpack.js"),
        "--mode",
        "production",
        "--env",
        "wps",
        "--env",
        `outputPath=${outDir}`,
      ],
      { cwd: ROOT, stdio: "pipe" },
    );
  } catch (error) {
    throw new Error(`webpack failed:\n${error.stdout?.toString() ?? ""}${error.stderr?.toString() ?? ""}`);
  }
}

/** 7-Zip from the npm package 7zip-bin, which ships without the execute bit: a runnable copy in a temp folder. */
function sevenZip(work) {
  const bin = join(work, "7za");
  copyFileSync(require("7zip-bin").path7za, bin);
  chmodSync(bin, 0o755);
  return bin;
}

function xmlAttribute(text) {
  return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}

/** jsplugins.xml as wpsjs writes it for oem.ini's JSPluginsServer: online mode lists the folder, offline the .7z. */
export function jspluginsXml(entry) {
  const item =
    entry.online === "true"
      ? `<jspluginonline name="${ADDON_NAME}" type="et" url="${xmlAttribute(entry.url)}"/>`
      : `<jsplugin name="${ADDON_NAME}" type="et" url="${xmlAttribute(entry.url)}" version="${entry.version}" enable="true"/>`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<jsplugins>\n  ${item}\n</jsplugins>\n`;
}

export function buildWps(outDir = join(ROOT, "dist-wps")) {
  const url = addinUrl();
  const warning = placeholderWarning("dist-wps/ (publish.html, jsplugins.xml)", url, "WPS_ADDIN_URL");
  if (warning) process.stderr.write(warning);
  const version = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version;
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const folder = join(outDir, ADDON_NAME);
  webpack(folder);

  // Offline mode: wpsjs `build` packs the folder as <name>_<version>/ inside <name>.7z.
  const work = mkdtempSync(join(tmpdir(), "wps-7z-"));
  try {
    const versioned = join(work, `${ADDON_NAME}_${version}`);
    cpSync(folder, versioned, { recursive: true });
    execFileSync(sevenZip(work), ["a", "-t7z", "-bd", join(outDir, `${ADDON_NAME}.7z`), versioned], {
      stdio: "pipe",
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }

  const online = {
    name: ADDON_NAME,
    addonType: "et",
    online: "true",
    url: `${url}${ADDON_NAME}/`,
    customDomain: "",
  };
  const offline = {
    name: ADDON_NAME,
    addonType: "et",
    online: "false",
    url: `${url}${ADDON_NAME}.7z`,
    version,
    customDomain: "",
  };
  // publish.html: the list wpsjs `publish` writes into its page (PUBLISH_REPLACE_STRING), ours in our own page.
  const publish = readFileSync(join(ROOT, "src", "wps", "publish.html"), "utf8").replace("__ADDONS__", () =>
    JSON.stringify([online, offline]).replace(/</g, "\\u003c"),
  );
  writeFileSync(join(outDir, "publish.html"), publish);

  writeFileSync(join(outDir, "jsplugins.xml"), jspluginsXml(online));
  writeFileSync(join(outDir, "jsplugins-offline.xml"), jspluginsXml(offline));
  writeFileSync(
    join(outDir, "oem.ini.example"),
    [
      // ASCII comments only: WPS on Windows may read oem.ini in the system code page.
      "; Merge these two sections into the oem.ini of each PC's WPS (administrator rights), then restart WPS.",
      "; Where oem.ini is (the paths the wpsjs tool looks in):",
      ";   Windows: <WPS install folder>\\<version>\\office6\\cfgs\\oem.ini",
      ";   Kylin and other deb/rpm installs: /opt/kingsoft/wps-office/office6/cfgs/oem.ini",
      ";   UOS (app store package): /opt/apps/cn.wps.wps-office-pro/files/kingsoft/wps-office/office6/cfgs/oem.ini",
      "[Support]",
      "JsApiPlugin=true",
      "[Server]",
      `JSPluginsServer=${url}jsplugins.xml`,
      "",
    ].join("\n"),
  );
  return { outDir, folder, url, version };
}

function sizeOf(file) {
  return `${(statSync(file).size / 1024).toFixed(0)} KB`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const built = buildWps(process.argv[2] ? resolve(process.argv[2]) : undefined);
  const at = (name) => relative(process.cwd(), join(built.outDir, name));
  console.log(
    [
      `${at(ADDON_NAME)}/: taskpane.js ${sizeOf(join(built.folder, "taskpane.js"))}, ribbon.js ${sizeOf(join(built.folder, "ribbon.js"))}`,
      `${at(`${ADDON_NAME}.7z`)}: ${sizeOf(join(built.outDir, `${ADDON_NAME}.7z`))}`,
      `${at("publish.html")}, ${at("jsplugins.xml")}, ${at("jsplugins-offline.xml")}, ${at("oem.ini.example")} for ${built.url}`,
    ].join("\n"),
  );
}
