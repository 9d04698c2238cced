/** Helpers for tests of the package writer: parts in and out of a zip, cell styles, strict XML parsing. */
import { unzipSync, zipSync } from "fflate";
import { SaxesParser } from "saxes";
import { spawnSync } from "child_process";
import { existsSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { tempFolder } from "../../testing/temp-folder";

export function unzipParts(bytes: Uint8Array): Map<string, Uint8Array> {
  return new Map(Object.entries(unzipSync(bytes)));
}

export function zipParts(parts: ReadonlyMap<string, Uint8Array>): Uint8Array {
  return zipSync(Object.fromEntries(parts));
}

export function partText(parts: ReadonlyMap<string, Uint8Array>, name: string): string {
  const bytes = parts.get(name);
  if (!bytes) throw new Error(`no part ${name}; parts: ${[...parts.keys()].join(", ")}`);
  return new TextDecoder().decode(bytes);
}

/** The same package with one part's text replaced. */
export function withPart(bytes: Uint8Array, name: string, edit: (text: string) => string): Uint8Array {
  const parts = unzipParts(bytes);
  parts.set(name, new TextEncoder().encode(edit(partText(parts, name))));
  return zipParts(parts);
}

/** `s` of every `<c>` in a sheet's XML, by address (0 when absent). */
export function cellStyles(sheetXml: string): Map<string, number> {
  const styles = new Map<string, number>();
  for (const match of sheetXml.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)\/?>/g)) {
    const s = /\ss="(\d+)"/.exec(match[2]!);
    styles.set(match[1]!, s ? Number(s[1]) : 0);
  }
  return styles;
}

/** Throws unless the text is well-formed XML 1.0 (saxes is a conforming, strict parser). */
export function assertWellFormed(xml: string, name = "part"): void {
  const parser = new SaxesParser({ xmlns: true });
  parser.on("error", (error) => {
    throw new Error(`${name} is not well-formed: ${error.message}`);
  });
  parser.write(xml).close();
}

/** The workbook part of the i-th sheet named in workbook.xml, through the relationships. */
export function sheetPartOf(parts: ReadonlyMap<string, Uint8Array>, sheetName: string): string {
  const workbook = partText(parts, "xl/workbook.xml");
  const sheet = new RegExp(`<sheet [^>]*name="${sheetName}"[^>]*r:id="([^"]+)"`).exec(workbook);
  if (!sheet) throw new Error(`no sheet ${sheetName}`);
  const rels = partText(parts, "xl/_rels/workbook.xml.rels");
  const rel =
    new RegExp(`<Relationship Id="${sheet[1]}"[^>]*Target="([^"]+)"`).exec(rels) ??
    new RegExp(`<Relationship [^>]*Target="([^"]+)"[^>]*Id="${sheet[1]}"`).exec(rels);
  const target = rel![1]!;
  return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
}

/** Runs LibreOffice headless on the file: a conversion to `format` (csv, pdf, xlsx), in a profile of its own. */
function libreOfficeConvert(
  bytes: Uint8Array,
  format: string,
  output: string,
): { path: string | null; log: string } {
  const dir = tempFolder("lo-");
  const input = join(dir, "book.xlsx");
  writeFileSync(input, bytes);
  const outdir = join(dir, "out");
  const result = spawnSync(
    "soffice",
    [
      "--headless",
      "--norestore",
      `-env:UserInstallation=file://${dir}/profile`,
      "--convert-to",
      format,
      "--outdir",
      outdir,
      input,
    ],
    { encoding: "utf8", timeout: 120_000 },
  );
  const made = result.status === 0 && existsSync(join(outdir, output)) ? join(outdir, output) : null;
  return { path: made, log: `${result.stdout}${result.stderr}${result.error?.message ?? ""}` };
}

/** Whether LibreOffice opens the file: headless conversion to CSV succeeds and writes the file. */
export function libreOfficeOpens(bytes: Uint8Array): { ok: boolean; output: string } {
  const converted = libreOfficeConvert(bytes, "csv", "book.csv");
  return { ok: converted.path !== null, output: converted.log };
}

/**
 * The workbook as LibreOffice prints it (to PDF), each page's text as pdftotext (poppler-utils) lays it out.
 */
export function libreOfficePrints(bytes: Uint8Array): string[] {
  const converted = libreOfficeConvert(bytes, "pdf", "book.pdf");
  if (!converted.path) throw new Error(`LibreOffice could not print the workbook: ${converted.log}`);
  const text = spawnSync("pdftotext", ["-layout", converted.path, "-"], { encoding: "utf8" });
  if (text.status !== 0) throw new Error(`pdftotext failed: ${text.stderr}`);
  return text.stdout.split("\f").filter((page) => page.trim() !== "");
}

/** The workbook as LibreOffice saves it (as a clerk's LibreOffice would, renumbering every format). */
export function libreOfficeSaves(bytes: Uint8Array): Uint8Array {
  const converted = libreOfficeConvert(bytes, "xlsx:Calc MS Excel 2007 XML", "book.xlsx");
  if (!converted.path) throw new Error(`LibreOffice could not save the workbook: ${converted.log}`);
  return new Uint8Array(readFileSync(converted.path));
}

/**
 * Page `page` of the workbook as LibreOffice prints it to PDF, rasterised in grey as a black-and-white printer
 * would see it (pdftoppm -gray, `dpi` dots per inch): width, height and one byte per pixel (0 black, 255 white).
 */
export function libreOfficePrintsGrey(
  bytes: Uint8Array,
  page = 1,
  dpi = 50,
): { width: number; height: number; pixels: Uint8Array } {
  const converted = libreOfficeConvert(bytes, "pdf", "book.pdf");
  if (!converted.path) throw new Error(`LibreOffice could not print the workbook: ${converted.log}`);
  const raster = spawnSync(
    "pdftoppm",
    ["-gray", "-r", String(dpi), "-f", String(page), "-l", String(page), converted.path],
    { maxBuffer: 1 << 26 },
  );
  if (raster.status !== 0) throw new Error(`pdftoppm failed: ${raster.stderr.toString()}`);
  // A binary PGM: "P5 <width> <height> <max>" and one whitespace, then the pixels.
  const head = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(raster.stdout.subarray(0, 64).toString("latin1"));
  if (!head) throw new Error("pdftoppm did not write a PGM");
  const width = Number(head[1]);
  const height = Number(head[2]);
  return {
    width,
    height,
    pixels: new Uint8Array(raster.stdout.subarray(head[0].length, head[0].length + width * height)),
  };
}
