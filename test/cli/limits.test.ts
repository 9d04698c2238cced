/**
 * Files over a limit exit 2 with one line saying which limit, in bounded memory, never by running out of it:
 * a zip bomb (refused from the zip directory before inflating), a part larger than its directory says, rows
 * and text past Excel's limits, and tables of 300,000 and 1,000,000 rows. A batch `check` goes on past them.
 */
import { Zip, type ZipInputFile } from "fflate";
import { copyFileSync, readFileSync, rmSync, writeFileSync } from "fs";
import { join } from "path";
import { constants, deflateRawSync } from "zlib";
import { nodeZipCodec } from "../../src/xlsx/node-zip-codec";
import { DeflatedPart, writeZip, type OutputPart } from "../../src/xlsx/write-zip";
import { SAMPLE_PATH } from "../../testing/sample";
import { buildCli, runBuiltCli } from "./built-cli";
import { tempFolder } from "../../testing/temp-folder";

const dir = tempFolder("limits-");
let cli: string;

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const encoder = new TextEncoder();

/** The parts of a one-sheet package around the sheet and shared strings given. */
function packageParts(sheet: OutputPart, shared: string[]): OutputPart[] {
  const text = (name: string, xml: string): OutputPart => ({ kind: "new", name, data: encoder.encode(xml) });
  return [
    text(
      "[Content_Types].xml",
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    ),
    text(
      "_rels/.rels",
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    text(
      "xl/workbook.xml",
      `<workbook xmlns="${MAIN}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="表" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    text(
      "xl/_rels/workbook.xml.rels",
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    ),
    text(
      "xl/sharedStrings.xml",
      `<sst xmlns="${MAIN}">${shared.map((s) => `<si><t>${s}</t></si>`).join("")}</sst>`,
    ),
    sheet,
  ];
}

/** A sheet of `rows` rows, written a megabyte at a time: the header, then project rows of the sample's kind. */
async function tableFile(name: string, rows: number): Promise<string> {
  const lines = readFileSync(SAMPLE_PATH, "utf8").split(/\r?\n/);
  const project = lines[11]!.split("\t");
  const shared = ["项目名称", "总计", "财政拨款", "绩效目标", "绩效指标", project[5]!, project[6]!];
  const part = new DeflatedPart(nodeZipCodec);
  let xml = `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="F1" t="s"><v>3</v></c><c r="G1" t="s"><v>4</v></c></row>`;
  for (let r = 2; r <= rows; r++) {
    xml += `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>项目${r}</t></is></c><c r="B${r}"><v>18</v></c><c r="C${r}"><v>18</v></c><c r="F${r}" t="s"><v>5</v></c><c r="G${r}" t="s"><v>6</v></c></row>`;
    if (xml.length > 1 << 20) {
      part.add(encoder.encode(xml));
      xml = "";
    }
  }
  part.add(encoder.encode(`${xml}</sheetData></worksheet>`));
  const path = join(dir, name);
  writeFileSync(
    path,
    await writeZip(
      packageParts({ kind: "deflated", name: "xl/worksheets/sheet1.xml", part }, shared),
      nodeZipCodec,
    ),
  );
  return path;
}

/**
 * A package whose sheet is a deflate stream of `copies` × 64 MB of zeros (about 64 KB each compressed), declared
 * in the directory as `declared` bytes: the true size for a plain bomb, a small one for a lying directory.
 */
function bombFile(name: string, copies: number, declared: (trueSize: number) => number): string {
  const piece = deflateRawSync(Buffer.alloc(64 << 20), { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  for (const part of packageParts(
    { kind: "new", name: "xl/worksheets/sheet1.xml", data: new Uint8Array(0) },
    ["x"],
  )) {
    if (part.kind !== "new") continue;
    const file: ZipInputFile = {
      filename: part.name,
      size: part.name.endsWith("sheet1.xml") ? declared(copies * (64 << 20)) : part.data.length,
      crc: 0,
      compression: part.name.endsWith("sheet1.xml") ? 8 : 0,
    };
    zip.add(file);
    if (part.name.endsWith("sheet1.xml")) {
      for (let i = 0; i < copies; i++) file.ondata!(null, piece, false);
      file.ondata!(null, Uint8Array.of(0x03, 0x00), true);
    } else file.ondata!(null, part.data as Uint8Array<ArrayBuffer>, true);
  }
  zip.end();
  const path = join(dir, name);
  writeFileSync(path, Buffer.concat(chunks));
  return path;
}

beforeAll(async () => {
  cli = await buildCli();
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function expectOneLine(stderr: string, pattern: RegExp): void {
  expect(stderr.trimEnd().split("\n")).toHaveLength(1);
  expect(stderr).toMatch(pattern);
}

test("a zip bomb is refused from its directory, before inflating: exit 2, one line, little memory", () => {
  const bomb = bombFile("bomb.xlsx", 20, (size) => size);
  const run = runBuiltCli(cli, ["check", bomb, "--lang", "en"]);
  expect(run.status).toBe(2);
  expect(run.stdout).toMatch(
    /bomb\.xlsx: cannot be read\. .*more than 1,073,741,824 bytes \(possibly a zip bomb\)/,
  );
  expect(run.peakRssMB).toBeLessThan(150);
}, 60_000);

test("a part that inflates past the size its directory declares is refused while inflating", () => {
  const liar = bombFile("liar.xlsx", 20, () => 1000);
  const run = runBuiltCli(cli, ["normalize", liar, "--json", "--lang", "en"]);
  expect(run.status).toBe(2);
  expectOneLine(run.stderr, /liar\.xlsx is not a valid \.xlsx file/);
  expect(run.peakRssMB).toBeLessThan(150);
}, 60_000);

test.each([
  ["300,000", 300_000],
  ["1,000,000", 1_000_000],
])(
  "a table of %s rows exits 2 at the table limit, within 250 MB",
  async (_label, rows) => {
    const path = await tableFile(`rows-${rows}.xlsx`, rows);
    const run = runBuiltCli(cli, ["normalize", path, "-o", join(dir, "out.xlsx"), "--lang", "en"]);
    expect(run.status).toBe(2);
    expectOneLine(run.stderr, /holds more than 12,000,000 characters of text: split it into several files/);
    expect(run.peakRssMB).toBeLessThanOrEqual(250);
  },
  120_000,
);

test("a row past Excel's last row, and a cell past its 32,767 characters, are refused", async () => {
  const sheet = (data: string): OutputPart => ({
    kind: "new",
    name: "xl/worksheets/sheet1.xml",
    data: encoder.encode(`<worksheet xmlns="${MAIN}"><sheetData>${data}</sheetData></worksheet>`),
  });
  const rows = join(dir, "rows.xlsx");
  writeFileSync(
    rows,
    await writeZip(
      packageParts(sheet('<row r="1048577"><c r="A1048577"><v>1</v></c></row>'), []),
      nodeZipCodec,
    ),
  );
  const long = join(dir, "long.xlsx");
  writeFileSync(
    long,
    await writeZip(
      packageParts(sheet('<row r="3"><c r="B3" t="s"><v>0</v></c></row>'), ["长".repeat(32768)]),
      nodeZipCodec,
    ),
  );
  const a = runBuiltCli(cli, ["normalize", rows, "--json", "--lang", "en"]);
  expect(a.status).toBe(2);
  expectOneLine(a.stderr, /has row 1048577, past Excel's limit of 1,048,576 rows/);
  const b = runBuiltCli(cli, ["normalize", long, "--json", "--lang", "en"]);
  expect(b.status).toBe(2);
  expectOneLine(b.stderr, /Cell B3 of .*long\.xlsx holds more than Excel's 32,767 characters per cell/);
});

test("check goes on past bad files in the middle of a batch and prints the total line", () => {
  copyFileSync(SAMPLE_PATH, join(dir, "a.tsv"));
  copyFileSync(SAMPLE_PATH, join(dir, "b.tsv"));
  bombFile("bomb2.xlsx", 20, (size) => size);
  writeFileSync(join(dir, "broken.xlsx"), "PK\u0003\u0004 not really a zip");
  const run = runBuiltCli(cli, ["check", "a.tsv", "bomb2.xlsx", "broken.xlsx", "b.tsv"], dir);
  expect(run.status).toBe(2);
  const lines = run.stdout.trimEnd().split("\n");
  expect(lines).toHaveLength(5);
  expect(lines[0]).toMatch(/^a\.tsv：19 个项目/);
  expect(lines[1]).toMatch(/^bomb2\.xlsx：无法读取。/);
  expect(lines[2]).toMatch(/^broken\.xlsx：无法读取。/);
  expect(lines[3]).toMatch(/^b\.tsv：19 个项目/);
  expect(lines[4]).toMatch(/^合计 4 个文件：.*；2 个无法读取$/);
});
