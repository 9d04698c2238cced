/**
 * The request sizes the add-in's budget and the fake host's 5 MB check rely on, held to the real thing: the shell
 * runs on Microsoft's own Office.js (excel-web-16.00.js, in Chromium, requests answered from a fake workbook and
 * never sent), and again on the fake host alone; request by request, the fake's measure must match what Office.js
 * serialized. Office.js is exempt from nothing here: it is the reference.
 */
import type { CellValue } from "../../src/core/model/grid";
import { OPERATION_BYTES, REQUEST_BUDGET_BYTES } from "../../src/excel/request-budget";
import { RealOfficePage, type ScenarioGrid, type ScenarioResult } from "../../testing/real-office-js";
import { loadSampleGrid } from "../../testing/sample";

jest.setTimeout(240_000);

let office: RealOfficePage;
const sample: CellValue[][] = loadSampleGrid();

beforeAll(async () => {
  office = await RealOfficePage.open();
});

afterAll(async () => {
  await office?.close();
});

function bytes(result: ScenarioResult, which: "real" | "fake"): number[] {
  return [...result[which].run, ...result[which].clear].map((r) => r.bytes);
}

describe.each<[string, "1.7" | "1.9", ScenarioGrid]>([
  ["the sample at ExcelApi 1.9", "1.9", { kind: "sample" }],
  ["the sample at ExcelApi 1.7", "1.7", { kind: "sample" }],
  ["about 2,000 marked cells at ExcelApi 1.9", "1.9", { kind: "marked", rows: 1_000 }],
])("%s", (_, level, grid) => {
  let result: ScenarioResult;
  beforeAll(async () => {
    result = await office.scenario(level, sample, grid);
  });

  test("runs to the end on the real library, marking and clearing", () => {
    expect(result.outcome).toBe("done");
    expect(result.indicators + result.marks).toBeGreaterThan(0);
    expect(result.marks).toBeGreaterThan(0);
  });

  test("the fake host measures every request within 1% of what Office.js sent", () => {
    const real = bytes(result, "real");
    const fake = bytes(result, "fake");
    expect(fake.length).toBe(real.length);
    // Ids, and so their digits, differ a little between the two runs: 1% either way, small requests included
    // (the print setup's, about 2,900 bytes, names each new sheet by its id as Office.js does: becomeItemOf).
    const off = real.flatMap((r, i) => {
      const ratio = fake[i]! / r;
      return ratio < 0.99 || ratio > 1.01 ? [{ request: i, real: r, fake: fake[i] }] : [];
    });
    expect(off).toEqual([]);
    expect(Math.max(...real)).toBeLessThanOrEqual(REQUEST_BUDGET_BYTES);
  });
});

test("a per-cell fill load costs what the budget says, no less (about 600 bytes, not 200)", async () => {
  const result = await office.scenario("1.9", sample, { kind: "marked", rows: 1_500 });
  // 清除标记 reads the fill of every marked cell, one getRange().format.fill.load() each, then restores them
  // through a few multi-area ranges: nearly all its bytes are the per-cell loads.
  const clearBytes = result.real.clear.reduce((sum, r) => sum + r.bytes, 0);
  const perCell = clearBytes / result.marks;
  expect(perCell).toBeGreaterThan(500);
  expect(perCell).toBeLessThanOrEqual(OPERATION_BYTES.fillRead + "B1234".length + 20);
});
