/**
 * docs/打印-指标明细.png and docs/打印-校验结果.png: the first printed page of each of the tool's sheets, as
 * LibreOffice prints the demo's output (the sample, normalized) with the sheets' own print setup (landscape A4,
 * one page wide, header repeated, footer). Needs soffice and pdftoppm. Run: npm run print-sheets
 */
import { execFileSync } from "child_process";
import { copyFileSync, mkdtempSync, readdirSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";

const ROOT = join(__dirname, "..");
const SHEETS = ["指标明细", "校验结果"];

function main(): void {
  execFileSync("node", [join(ROOT, "dist-cli", "indicator-normalizer.js"), "demo"], { cwd: ROOT });
  const dir = mkdtempSync(join(tmpdir(), "print-"));
  const workbook = join(ROOT, "out", "baiyun-2024.normalized.xlsx");
  execFileSync("soffice", ["--headless", "--convert-to", "pdf", "--outdir", dir, workbook], {
    stdio: "ignore",
  });
  const pdf = join(dir, "baiyun-2024.normalized.pdf");
  // Which page each sheet starts on: the footer names the sheet (&A) on every page.
  const pages = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).split("\f");
  for (const sheet of SHEETS) {
    const page = pages.findIndex((text) => text.trimEnd().split("\n").pop()!.trim().startsWith(sheet)) + 1;
    if (page === 0) throw new Error(`no printed page of ${sheet}`);
    const prefix = join(dir, sheet);
    execFileSync("pdftoppm", ["-png", "-r", "90", "-f", String(page), "-l", String(page), pdf, prefix]);
    const png = readdirSync(dir).find((f) => f.startsWith(sheet) && f.endsWith(".png"))!;
    const target = join(ROOT, "docs", `打印-${sheet}.png`);
    copyFileSync(join(dir, png), target);
    console.log(`${target} (page ${page} of ${pages.length - 1})`);
  }
}

main();
