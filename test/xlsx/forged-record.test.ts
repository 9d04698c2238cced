/**
 * A run record forged or grown past reason (#25): it is refused as unreadable rather than read whole, and `check`,
 * which writes nothing, does not read the record's part at all.
 */
import ExcelJS from "exceljs";
import { nodeZipCodec } from "../../src/xlsx/node-zip-codec";
import { readInputBytes } from "../../src/xlsx/read-input";
import { MAX_RECORD_MARKS } from "../../src/workbook/run-record";
import { RECORD_NAMESPACE } from "../../src/workbook/run-record-format";
import { unzipParts, zipParts } from "./package-helpers";

async function workbookWithRecord(marks: string): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet("目标表").getCell("A1").value = "项目名称";
  const parts = unzipParts(new Uint8Array(await book.xlsx.writeBuffer()));
  const record = `<run xmlns="${RECORD_NAMESPACE}" version="1" tool="cli"><marks sheet="目标表">${marks}</marks></run>`;
  parts.set("customXml/item1.xml", new TextEncoder().encode(record));
  return zipParts(parts);
}

const read = (bytes: Uint8Array, marks?: boolean) =>
  readInputBytes("book.xlsx", bytes, { codec: nodeZipCodec, ...(marks === undefined ? {} : { marks }) });

test("a record of a few marks is read; check's reading (marks: false) does not even look at the part", async () => {
  const bytes = await workbookWithRecord('<mark cell="B2" style="3" previousStyle="0"/><mark cell="C2"/>');
  const normalize = (await read(bytes)).record!;
  expect(normalize.marked[0]!.marks.map((m) => m.cell)).toEqual(["B2", "C2"]);
  expect(normalize.recordParts).toEqual(["customXml/item1.xml"]);
  const check = (await read(bytes, false)).record!;
  expect(check.marked).toEqual([]);
  expect(check.recordParts).toEqual([]);
});

test("a forged record of more than MAX_RECORD_MARKS marks is unreadable: no mark of it is taken", async () => {
  const bytes = await workbookWithRecord('<mark cell="B2"/>'.repeat(MAX_RECORD_MARKS + 1));
  const record = (await read(bytes)).record!;
  expect(record.marked).toEqual([]);
  // Still the tool's part: the next run replaces it rather than leaving a second record beside its own.
  expect(record.recordParts).toEqual(["customXml/item1.xml"]);
});
