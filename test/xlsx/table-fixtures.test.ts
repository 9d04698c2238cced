/**
 * Every table fixture of test/fixtures/tables (written by test/fixtures/make-fixtures.ts) read as the CLI reads
 * it: the tables found, the 指标明细 rows, the issues and the marks are those of its NAME.expected.json, each
 * checked by hand (its "about" says what the fixture shows); "cells" pins what the file shell hands the core for
 * the cells that matter (formulas worked out, numbers as displayed, a stray byte).
 */
import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { parseCellAddress } from "../../src/core/model/cell-address";
import { readInput } from "../../src/xlsx/read-input";
import { fixtureResult, type FixtureResult } from "../fixtures/fixture-result";

const DIR = join(__dirname, "..", "fixtures", "tables");
const FIXTURES = readdirSync(DIR).filter((f) => !f.endsWith(".json"));

interface Expected extends FixtureResult {
  readonly about: string;
  readonly cells?: Readonly<Record<string, string | number | null>>;
}

describe("table fixtures", () => {
  test("every fixture has its expected result, and there are several per shape", () => {
    for (const f of FIXTURES) expect(readdirSync(DIR)).toContain(`${f}.expected.json`);
    expect(FIXTURES.length).toBeGreaterThanOrEqual(15);
  });

  test.each(FIXTURES)("%s", async (file) => {
    const expected = JSON.parse(readFileSync(join(DIR, `${file}.expected.json`), "utf8")) as Expected;
    const { about: _about, cells, ...result } = expected;
    expect(await fixtureResult(join(DIR, file))).toEqual(result);
    if (cells) {
      const input = await readInput(join(DIR, file));
      for (const [address, value] of Object.entries(cells)) {
        const at = parseCellAddress(address)!;
        expect([address, input.grid[at.row - 1]?.[at.column - 1] ?? null]).toEqual([address, value]);
      }
    }
  });
});
