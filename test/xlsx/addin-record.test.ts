/**
 * The run record from the CLI's side, on a workbook the add-in ran in: the add-in's output is made by the
 * add-in's own code on the fake Excel host and saved as .xlsx with the fake's cells, fills, names and custom XML
 * part. `normalize` then replaces the add-in's sheets (no `指标明细 (2)`) and gives each marked cell back the
 * clerk's fill from the add-in's previousPattern/previousColor (patterned and tinted ones too), also after the
 * clerk inserted a row in Excel; and the add-in, on the CLI's output, clears back to the clerk's fills.
 */
import { written } from "../../testing/written-workbook";
import { cellAddress, parseCellAddress } from "../../src/core/model/cell-address";
import { clearMarks, runNormalizer } from "../../src/excel/run-normalizer";
import { nodeZipCodec } from "../../src/xlsx/node-zip-codec";
import { normalizeInput } from "../../src/xlsx/normalize-workbook";
import { readInputBytes } from "../../src/xlsx/read-input";
import { clerkWorkbook, CLERK_FILLS, SOURCE_SHEET } from "../../testing/fake-excel/clerk-workbook";
import { installFakeOffice } from "../../testing/fake-excel/fake-office-js";
import { fakeFromXlsx, xlsxFromFake } from "../../testing/fake-excel/workbook-file";
import { partText, unzipParts } from "./package-helpers";

jest.setTimeout(60_000);

async function cliNormalize(bytes: Uint8Array) {
  const input = await readInputBytes("book.xlsx", bytes, { codec: nodeZipCodec });
  return written(await normalizeInput(input, { locale: "zh-CN", codec: nodeZipCodec }));
}

/** The CLI's record: each mark's attributes, by cell. */
function cliRecord(bytes: Uint8Array): Map<string, Record<string, string>> {
  const parts = unzipParts(bytes);
  const item = [...parts.keys()].find((n) => /^customXml\/item\d+\.xml$/.test(n))!;
  const marks = new Map<string, Record<string, string>>();
  for (const tag of partText(parts, item).matchAll(/<mark\b([^>]*?)\/?>/g)) {
    const attrs = Object.fromEntries([...tag[1]!.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
    marks.set(attrs.cell!, attrs);
  }
  return marks;
}

function sheetNames(bytes: Uint8Array): string[] {
  const workbook = partText(unzipParts(bytes), "xl/workbook.xml");
  return [...workbook.matchAll(/<sheet [^>]*?name="([^"]+)"/g)].map((m) => m[1]!);
}

/** `cell` moved down by `rows`. */
function below(cell: string, rows: number): string {
  const { row, column } = parseCellAddress(cell)!;
  return cellAddress(row + rows, column);
}

describe.each([
  ["as the add-in left it", 0],
  ["after the clerk inserted a row above the table in Excel", 1],
])("the CLI on a workbook the add-in ran in, %s", (_, inserted) => {
  test("replaces the add-in's sheets and restores every mark from its previous pattern and colour", async () => {
    const { model, marked } = clerkWorkbook("1.9");
    const original = new Map(model.activeSheet.fills());
    installFakeOffice(model);
    const run = await runNormalizer({ locale: "zh-CN" });
    expect(run.kind).toBe("done");
    expect(model.customXmlParts[0]!.xml).toContain('tool="addin"');
    if (inserted) model.sheetByName(SOURCE_SHEET)!.shiftRows(1, inserted);

    const cli = await cliNormalize(await xlsxFromFake(model));
    expect(sheetNames(cli.bytes)).toEqual([SOURCE_SHEET, "指标明细", "校验结果"]);
    expect(cli.marksLeft).toBe(0);
    // The CLI marked the same cells again; what it recorded as under each is the clerk's fill, not a mark.
    const record = cliRecord(cli.bytes);
    const expected: Record<string, string>[] = [
      { previousPattern: "solid", previousColor: "#00B050" },
      { previousPattern: "solid", previousColor: "#FFC7CE" },
      { previousPattern: "mediumGray", previousColor: "#FF0000", previousBackground: "#FFFF00" },
      { previousPattern: "solid", previousColor: "#4472C4", previousTint: "-0.25" },
    ];
    expected.forEach((attrs, i) =>
      expect(record.get(below(marked[i]!, inserted))).toMatchObject({
        cell: below(marked[i]!, inserted),
        ...attrs,
      }),
    );
    for (const cell of marked.slice(CLERK_FILLS.length))
      expect(record.get(below(cell, inserted))).toMatchObject({ previousPattern: "none" });

    // Back in Excel, 清除标记 on the CLI's output gives every cell the clerk's fill again.
    const back = installFakeOffice(await fakeFromXlsx(cli.bytes, "1.9"));
    const cleared = await clearMarks();
    expect(cleared).toMatchObject({ restored: marked.length, leftAlone: 0 });
    const fills = back.sheetByName(SOURCE_SHEET)!.fills();
    // The tint too: the CLI wrote it into styles.xml and its record (previousTint), and the add-in sets it back.
    for (const [cell, fill] of original)
      expect([cell, fills.get(below(cell, inserted))]).toEqual([cell, fill]);
    expect(fills.size).toBe(original.size);
  });
});
