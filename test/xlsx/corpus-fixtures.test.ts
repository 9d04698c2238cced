/**
 * The real published target tables of ../shared/corpus, rebuilt as the .xlsx a clerk holds
 * (test/fixtures/make-corpus-fixtures.ts), read as the CLI reads them. Each NAME.xlsx.expected.json is checked by
 * hand: the tables found, the 指标明细 rows, the issues and marks, this year's value column (`valueColumn`) and
 * every funding equation (`funding`: `total = part + part`). Its `about` says what the table shows and where the
 * excerpt was cut. The suite prints "corpus tables read right N/M".
 *
 * No table as published gets a false error: every error of a fixture is one its expected result lists under
 * `errorsFromTheCut` (a value the excerpt lost, not the table). And a wrong amount seeded into any funding cell is
 * found, its cell named.
 */
import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { analyzeTable, parseTable } from "../../src/core/analyze-table";
import { parseCellAddress } from "../../src/core/model/cell-address";
import type { CellValue, Grid } from "../../src/core/model/grid";
import { readInput } from "../../src/xlsx/read-input";
import { normalizeInput } from "../../src/xlsx/normalize-workbook";
import { DEFAULT_LIMITS } from "../../src/xlsx/package-limits";
import { openPackage } from "../../src/xlsx/xlsx-package";
import { fflateCodec } from "../../src/xlsx/zip-codec";
import { fixtureResult, type FixtureResult } from "../fixtures/fixture-result";

const DIR = join(__dirname, "..", "fixtures", "corpus");
const FIXTURES = readdirSync(DIR).filter((f) => f.endsWith(".xlsx"));

interface Expected extends FixtureResult {
  readonly about: string;
  readonly valueColumn: string | null;
  readonly funding: readonly string[];
  readonly errorsFromTheCut?: readonly string[];
}

interface Read extends FixtureResult {
  readonly valueColumn: string | null;
  readonly funding: readonly string[];
}

async function read(file: string): Promise<{ result: Read; grid: Grid }> {
  const path = join(DIR, file);
  const input = await readInput(path);
  const parsed = parseTable(input.grid, input.origin);
  const choice = parsed.table?.valueColumn;
  const funding = parsed.equations.flatMap((e) =>
    "addends" in e ? [`${e.target.address} = ${e.addends.map((a) => a.address).join(" + ")}`] : [],
  );
  const valueColumn = choice
    ? `${choice.header} (column ${choice.column}) over ${choice.others.join(", ")}${choice.ambiguous ? ", ambiguous" : ""}`
    : null;
  return { result: { ...(await fixtureResult(path)), valueColumn, funding }, grid: input.grid };
}

const right: string[] = [];

afterAll(() => {
  // The figure the issue asks for, printed with the suite.
  console.log(`corpus tables read right ${right.length}/${FIXTURES.length}`);
});

describe("the corpus's target tables", () => {
  test("every corpus fixture has its hand-checked result", () => {
    for (const f of FIXTURES) expect(readdirSync(DIR)).toContain(`${f}.expected.json`);
    expect(FIXTURES.length).toBe(15);
  });

  test.each(FIXTURES)("%s is read as checked by hand, with no false error", async (file) => {
    const expected = JSON.parse(readFileSync(join(DIR, `${file}.expected.json`), "utf8")) as Expected;
    const { about: _about, errorsFromTheCut = [], ...wanted } = expected;
    const { result } = await read(file);
    expect(result).toEqual(wanted);
    const errors = result.issues.filter((i) => i.startsWith("error ")).map((i) => i.split(" ")[1]!);
    expect(errorsFromTheCut).toEqual(expect.arrayContaining(errors));
    right.push(file);
  });
});

/** The cell's value with its last number one unit (of its last decimal) higher: `189.8万` → `189.9万`, 936 → 937. */
/**
 * A wrong amount: the cell's last shown digit raised by 9 units (a mistyped digit). A raise of 1 unit in a form
 * shown in whole 万元 is within what rounding its parts could make (尾差), which #22 reports as a rounding warning,
 * not as a wrong cell.
 */
function seeded(cell: CellValue | undefined): CellValue {
  if (typeof cell === "number") return cell + 9;
  const text = String(cell ?? "");
  const m = /([0-9]+)(\.([0-9]+))?(?!.*[0-9])/.exec(text);
  if (!m) return "1";
  const decimals = m[3]?.length ?? 0;
  const bumped = (Number(m[0]) + 9 * 10 ** -decimals).toFixed(decimals);
  return text.slice(0, m.index) + bumped + text.slice(m.index + m[0].length);
}

describe("a wrong amount seeded into a corpus form's funding is found, its cell named", () => {
  const cases: [string, string][] = [];
  for (const file of FIXTURES) {
    const expected = JSON.parse(readFileSync(join(DIR, `${file}.expected.json`), "utf8")) as Expected;
    for (const equation of expected.funding)
      for (const address of equation.split(/ = | \+ /)) cases.push([file, address]);
  }

  test("there are seeded cases on several forms", () => {
    expect(new Set(cases.map(([file]) => file)).size).toBeGreaterThanOrEqual(3);
  });

  test.each(cases)("%s: %s changed", async (file, address) => {
    const { grid } = await read(file);
    const at = parseCellAddress(address)!;
    const changed = grid.map((row) => [...row]);
    while (changed.length < at.row) changed.push([]);
    changed[at.row - 1]![at.column - 1] = seeded(grid[at.row - 1]?.[at.column - 1]);
    const analysis = analyzeTable(changed);
    const errors = analysis.issues.filter((i) => i.severity === "error");
    expect(errors.length).toBeGreaterThan(0);
    const named = errors.some((i) => i.cell === address || (i.details.cells ?? []).includes(address));
    expect([address, named]).toEqual([address, true]);
  });
});

test("a last-digit slip in a form shown in whole 万元 is within rounding: a 尾差 warning on the total, no cell blamed", async () => {
  const { grid } = await read("anhui-huaibei-2025.xlsx");
  const changed = grid.map((row) => [...row]);
  changed[7]![2] = 1; // 上年结转 0 → 1: 5 + 1 against a total of 5
  const issues = analyzeTable(changed).issues.filter((i) => i.severity !== "info");
  expect(issues.map((i) => `${i.severity} ${i.rule} ${i.cell}`)).toEqual(["warning rounding-gap C6"]);
});

describe("the same tables as web pages (.html, merged cells as rowspan/colspan), .ods and .xls read as their .xlsx", () => {
  /** The result without sheet names: a page's sheet is named after its file. */
  const unsheeted = (r: FixtureResult): FixtureResult => {
    const strip = (line: string) => line.replace(/[^ |!]+!/g, "");
    return {
      tables: r.tables.map((t) => t.replace(/^[^|]+\| /, "")),
      detail: r.detail.map(strip),
      issues: r.issues.map(strip),
      marks: r.marks.map(strip),
    };
  };
  test.each(FIXTURES)("%s", async (file) => {
    const page = join(DIR, "html", file.replace(/\.xlsx$/, ".html"));
    expect(unsheeted(await fixtureResult(page))).toEqual(unsheeted(await fixtureResult(join(DIR, file))));
  });
  test.each(FIXTURES)("%s as LibreOffice saves it (.ods)", async (file) => {
    const ods = join(DIR, "ods", file.replace(/\.xlsx$/, ".ods"));
    expect(unsheeted(await fixtureResult(ods))).toEqual(unsheeted(await fixtureResult(join(DIR, file))));
  });
  test.each(FIXTURES)("%s as Excel 97-2003 (.xls, saved by LibreOffice)", async (file) => {
    const xls = join(DIR, "xls", file.replace(/\.xlsx$/, ".xls"));
    expect(unsheeted(await fixtureResult(xls))).toEqual(unsheeted(await fixtureResult(join(DIR, file))));
  });
});

describe("a workbook of several sheets (a cover, then two forms) reads every sheet with a table in each format", () => {
  const file = join(DIR, "sheets", "two-forms.xlsx");
  test("the .xlsx: both forms, each naming its sheet, the cover left out", async () => {
    const result = await fixtureResult(file);
    expect(result.tables).toEqual(["淮北 | project-form | 11 | 1", "青山 | project-form | 16 | 1"]);
    expect(result.detail.length).toBeGreaterThan(10);
    expect(result.detail.every((line) => / \| (淮北|青山)!/.test(line))).toBe(true);
  });
  test.each(["ods", "xls"])("its .%s copy gives the same analysis, sheet names included", async (format) => {
    const copy = join(DIR, "sheets", `two-forms.${format}`);
    expect(await fixtureResult(copy)).toEqual(await fixtureResult(file));
  });
  test.each(["ods", "xls"])(
    "its .%s copy's output workbook holds both sheets, each form's marks on it",
    async (format) => {
      const input = await readInput(join(DIR, "sheets", `two-forms.${format}`));
      expect(input.sheets.map((s) => [s.name, s.index])).toEqual([
        ["淮北", 1],
        ["青山", 2],
      ]);
      const written = await normalizeInput(input, { locale: "zh-CN" });
      const output = await readInput(join(DIR, "sheets", "two-forms.xlsx"));
      expect(written.bytes).not.toBeNull();
      const names = openPackage("out.xlsx", written.bytes!, fflateCodec, DEFAULT_LIMITS).sheets.map(
        (s) => s.name,
      );
      expect(names.slice(0, 2)).toEqual(["淮北", "青山"]);
      expect(written.analysis.tables?.map((t) => t.sheet)).toEqual(output.sheets.map((s) => s.name));
    },
  );
});
