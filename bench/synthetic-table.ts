/**
 * A large table made from the sample, for benchmarks and load tests: N projects copied round-robin from the
 * sample's 19, under units of 20 projects each, every total recomputed so the clean table reconciles.
 * Amounts are written as text with two decimals, the way the sample arrives.
 */
import type { CellValue } from "../src/core/model/grid";

/** Rows 1..9 of the sample (title lines, header) stay as they are; a new 合计 row, then units and projects. */
export function buildSyntheticGrid(
  sample: readonly (readonly CellValue[])[],
  projectCount: number,
): CellValue[][] {
  const header = sample.slice(0, 9).map((r) => [...r]);
  // Project rows of the sample: seven columns, a name, and indicator text in the goal or indicator column.
  const projects = sample.filter(
    (r, i) => i > 9 && typeof r[0] === "string" && (typeof r[6] === "string" || typeof r[5] === "string"),
  );
  const toCents = (v: CellValue | undefined): number =>
    typeof v === "string" ? Math.round(Number(v.replace(/,/g, "")) * 100) : 0;
  const money = (cents: number): string =>
    (cents / 100).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const body: CellValue[][] = [];
  let grand = 0;
  for (let start = 0, unit = 1; start < projectCount; start += 20, unit++) {
    const unitRow: CellValue[] = [`合成单位${unit}`, null, null, null, null, null, null];
    body.push(unitRow);
    let unitSum = 0;
    for (let k = start; k < Math.min(projectCount, start + 20); k++) {
      const p = projects[k % projects.length]!;
      const cents = toCents(p[1]);
      unitSum += cents;
      body.push([
        `${String(p[0])}-${k + 1}`,
        money(cents),
        money(cents),
        null,
        null,
        p[5] ?? null,
        p[6] ?? null,
      ]);
    }
    unitRow[1] = money(unitSum);
    unitRow[2] = money(unitSum);
    grand += unitSum;
  }
  return [...header, ["合计", money(grand), money(grand), null, null, null, null], ...body];
}
