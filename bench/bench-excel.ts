/**
 * The Office.js shell at size, on Microsoft's own library: the 70,000-indicator synthetic table (10,000 projects)
 * and a table with 20,000 marked cells, each run and then cleared (清除标记) at ExcelApi 1.9, the level of Excel on
 * the web, where the 5 MB limit applies. Office.js (@microsoft/office-js's excel-web-16.00.js) runs in Debian's
 * Chromium and serializes every request as it would for Excel; the requests are answered from a fake workbook and
 * never sent. Prints one JSON line: per scenario, the largest request as Office.js serialized it (UTF-8 bytes, and
 * UTF-16 should a host count that way), the number of requests, the same run's largest request as the fake host
 * measures it, and the wall time of the run on the real library. Both largest requests must stay under 4 MB.
 * Run: npm run bench:excel
 */
import { REQUEST_BUDGET_BYTES } from "../src/excel/request-budget";
import { RealOfficePage, type ScenarioGrid, type ScenarioResult } from "../testing/real-office-js";
import { loadSampleGrid } from "../testing/sample";

const FOUR_MB = 4 * 1024 * 1024;

function figures(result: ScenarioResult) {
  const real = [...result.real.run, ...result.real.clear];
  const fake = [...result.fake.run, ...result.fake.clear];
  return {
    outcome: result.outcome,
    indicators: result.indicators,
    markedCells: result.marks,
    requests: real.length,
    largestRequestBytes: Math.max(...real.map((r) => r.bytes)),
    largestRequestUtf16Bytes: Math.max(...real.map((r) => r.utf16Bytes)),
    totalRequestBytes: real.reduce((n, r) => n + r.bytes, 0),
    fakeLargestRequestBytes: Math.max(...fake.map((r) => r.bytes)),
    msOnRealOfficeJs: result.ms,
  };
}

async function main(): Promise<void> {
  const scenarios: Record<string, ScenarioGrid> = {
    "indicators-70000": { kind: "synthetic", projects: 10_000 },
    "marked-cells-20000": { kind: "marked", rows: 10_000 },
  };
  const office = await RealOfficePage.open();
  const results: Record<string, ReturnType<typeof figures>> = {};
  try {
    for (const [name, grid] of Object.entries(scenarios))
      results[name] = figures(await office.scenario("1.9", loadSampleGrid(), grid));
  } finally {
    await office.close();
  }
  const underFourMb = Object.values(results).every(
    (r) => r.outcome === "done" && r.largestRequestBytes <= FOUR_MB && r.largestRequestUtf16Bytes <= FOUR_MB,
  );
  console.log(
    JSON.stringify({
      bench: "excel-shell-on-real-office-js",
      officeJs: "@microsoft/office-js excel-web-16.00.js",
      level: "1.9",
      budgetBytes: REQUEST_BUDGET_BYTES,
      ...results,
      underFourMb,
    }),
  );
  if (!underFourMb) process.exitCode = 1;
}

void main();
