import { written, type WrittenWorkbook } from "../../testing/written-workbook";
import ExcelJS from "exceljs";
import { readFileSync } from "fs";
import { needsTextGuard } from "../../src/core/plan/text-guard";
import { nodeZipCodec } from "../../src/xlsx/node-zip-codec";
import { normalizeInput } from "../../src/xlsx/normalize-workbook";
import { readInput } from "../../src/xlsx/read-input";
import { SAMPLE_PATH } from "../../testing/sample";
import { partText, sheetPartOf, unzipParts } from "./package-helpers";
import { cellColorOf } from "../../testing/cell-fill";

/** The bundled sample, normalized and written as the demo does, then read back as a user's Excel would. */
let result: WrittenWorkbook;
let book: ExcelJS.Workbook;
const sampleBytes = readFileSync(SAMPLE_PATH);

beforeAll(async () => {
  result = written(
    await normalizeInput(await readInput(SAMPLE_PATH), { locale: "zh-CN", codec: nodeZipCodec }),
  );
  book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(result.bytes) as unknown as ArrayBuffer); // ExcelJS types predate Node's generic Buffer
});

test("the sample file is untouched", () => {
  expect(readFileSync(SAMPLE_PATH).equals(sampleBytes)).toBe(true);
});

test("指标明细 holds the 132 indicators as a filtered table under a frozen header", () => {
  const detail = book.getWorksheet("指标明细")!;
  expect(detail.actualRowCount).toBe(1 + 132);
  const table = detail.getTable("IndicatorDetail") as unknown as { model: { tableRef: string } };
  expect(table.model.tableRef).toBe("A1:N133");
  expect(detail.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
});

test("every 来源 link jumps to the source cell the indicator came from (an internal link: a location, no relationship)", () => {
  const detail = book.getWorksheet("指标明细")!;
  const source = book.getWorksheet("baiyun-2024")!;
  const parts = unzipParts(result.bytes);
  const links = new Map(
    [
      ...partText(parts, sheetPartOf(parts, "指标明细")).matchAll(
        /<hyperlink ref="([A-Z]+\d+)" location="([^"]+)"/g,
      ),
    ].map((m) => [m[1], m[2]]),
  );
  const cells = result.analysis.projects.flatMap((p) => p.indicators.map((i) => i.cell));
  cells.forEach((cell, i) => {
    expect(detail.getCell(i + 2, 14).value).toBe(cell);
    expect(links.get(`N${i + 2}`)).toBe(`'baiyun-2024'!${cell}`);
    expect(typeof source.getCell(cell).value).toBe("string");
  });
});

test("the flagged source cells carry the mark of their worst issue, and no other cell is filled", () => {
  const source = book.getWorksheet("baiyun-2024")!;
  const expected = new Map<string, string>();
  const rank = { error: 0, warning: 1, info: 2 };
  for (const issue of [...result.analysis.issues].sort((a, b) => rank[a.severity] - rank[b.severity]))
    if (issue.cell && issue.severity !== "info" && !expected.has(issue.cell))
      expected.set(issue.cell, issue.severity === "error" ? "FFFFC7CE" : "FFFFEB9C");
  const filled = new Map<string, string>();
  source.eachRow((row) =>
    row.eachCell((cell) => {
      const color = cellColorOf(cell);
      if (color) filled.set(cell.address, color);
    }),
  );
  expect(filled).toEqual(expected);
  // As a clerk sees the sample: the two errors red, the two warned cells yellow (F34 has both: red wins).
  expect(Object.fromEntries(filled)).toEqual({
    G20: "FFFFEB9C",
    G22: "FFFFEB9C",
    G25: "FFFFC7CE",
    F34: "FFFFC7CE",
  });
});

test("values Excel would reinterpret keep the text format and read back unchanged", () => {
  const detail = book.getWorksheet("指标明细")!;
  let guarded = 0;
  detail.eachRow((row, r) => {
    if (r === 1) return;
    row.eachCell((cell, c) => {
      const planned = result.plan.sheets[0]!.rows[r - 2]![c - 1];
      if (typeof planned === "string" && needsTextGuard(planned)) {
        guarded++;
        expect([cell.value, cell.numFmt]).toEqual([planned, "@"]);
      }
    });
  });
  expect(guarded).toBeGreaterThan(0); // 20-35次 and the like are in the sample
});
