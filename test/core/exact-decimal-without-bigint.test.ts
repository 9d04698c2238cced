/**
 * Exact decimals on an engine without BigInt (Internet Explorer 11 and EdgeHTML, where volume-licensed Office
 * runs the add-in): the core is loaded afresh with `BigInt` replaced by a tripwire, and must give the result a
 * modern engine gives, calling it never. The two inputs that once reached BigInt outside its guard
 * ("Excel 报告错误（ReferenceError）" in the pane, issue #20): the exact-decimals fixture (amounts beyond 2^53 and
 * with seven decimals, from their text) and a 元 table of about 9×10^9 whose totals carry float noise (a double at
 * that size has six decimals of noise, and a sum of them overflows a double's integers).
 */
import { join } from "path";
import { readFileSync } from "fs";
import type { Analysis } from "../../src/core/model/analysis";
import type { FixtureResult } from "../fixtures/fixture-result";

const FIXTURE = join(__dirname, "..", "fixtures", "tables", "exact-decimals.tsv");

type Grid = (string | number | null)[][];

const INDICATORS =
  "1、产出指标：数量指标：项目个数；年度指标值：1个。2、效益指标：社会效益指标：服务质量；年度指标值：提升。";

/**
 * A 元 table near 9×10^9: unit and grand totals are float sums of their projects, so they carry the noise a
 * formula's result has (9123456789.12 + 876543210.77 = 9999999999.890001); `wrongBy` puts one project's total
 * off by a cent.
 */
function billionYuanTable(wrongBy: number): Grid {
  const projects: [string, number][] = [
    ["轨道交通建设", 9123456789.12],
    ["保障性住房", 876543210.77],
    ["水利设施", 3.11],
  ];
  const unitTotal = projects.reduce((s, [, a]) => s + a, 0);
  const grid: Grid = [
    ["项目支出绩效目标表"],
    ["单位：元"],
    ["项目名称（资金使用单位）", "总计", "财政拨款", "财政专户拨款", "其他资金", "绩效目标", "绩效指标"],
    ["合计", unitTotal, unitTotal, null, null, null, null],
    ["某市建设局", unitTotal, unitTotal, null, null, null, null],
  ];
  projects.forEach(([name, a], i) =>
    grid.push([name, i === 0 ? a + wrongBy : a, a, null, null, "按期完成", INDICATORS]),
  );
  return grid;
}

interface Loaded {
  readonly fixtureResult: (path: string) => Promise<FixtureResult>;
  readonly analyzeTable: (grid: Grid, options: { locale: "zh-CN" }) => Analysis;
}

/** The core and the file shell loaded in a fresh module registry while `bigInt` stands in for BigInt. */
function loadWith(bigInt: unknown): Loaded {
  const global = globalThis as { BigInt?: unknown };
  const saved = global.BigInt;
  global.BigInt = bigInt;
  if (bigInt === undefined) delete global.BigInt;
  let loaded: Loaded | undefined;
  try {
    jest.isolateModules(() => {
      loaded = {
        /* eslint-disable @typescript-eslint/no-require-imports -- a fresh copy per engine, loaded after BigInt went */
        fixtureResult: (require("../fixtures/fixture-result") as typeof import("../fixtures/fixture-result"))
          .fixtureResult,
        analyzeTable: (
          require("../../src/core/analyze-table") as typeof import("../../src/core/analyze-table")
        ).analyzeTable,
        /* eslint-enable @typescript-eslint/no-require-imports */
      };
    });
  } finally {
    global.BigInt = saved;
  }
  return loaded!;
}

/** Runs `work` with BigInt gone from the global object, counting every use of it. */
async function withoutBigInt<T>(
  work: (core: Loaded) => Promise<T> | T,
): Promise<{ result: T; uses: string[] }> {
  const uses: string[] = [];
  const global = globalThis as { BigInt?: unknown };
  const saved = global.BigInt;
  const core = loadWith(undefined);
  // The tripwire: present only while the work runs, so that loading saw no BigInt (typeof BigInt === "undefined").
  Object.defineProperty(globalThis, "BigInt", {
    configurable: true,
    get() {
      uses.push(new Error("BigInt read").stack ?? "BigInt read");
      return undefined;
    },
  });
  try {
    return { result: await work(core), uses };
  } finally {
    Object.defineProperty(globalThis, "BigInt", { configurable: true, writable: true, value: saved });
  }
}

describe("exact decimals without BigInt", () => {
  test("the exact-decimals fixture gives its hand-checked result, and BigInt is never touched", async () => {
    const expected = JSON.parse(readFileSync(`${FIXTURE}.expected.json`, "utf8")) as FixtureResult & {
      about?: string;
      cells?: unknown;
    };
    const { about: _about, cells: _cells, ...result } = expected;
    const run = await withoutBigInt((core) => core.fixtureResult(FIXTURE));
    expect(run.uses).toEqual([]);
    expect(run.result).toEqual(result);
    expect(run.result.issues.length).toBeGreaterThan(0);
  });

  test.each<[string, number, string[]]>([
    ["a clean table near 9×10^9 元 has no amount issue", 0, []],
    ["a cent off on a project near 9×10^9 元 is the one error", 0.01, ["wrong-amount B6"]],
  ])("%s", async (_label, wrongBy, expectedIssues) => {
    const grid = billionYuanTable(wrongBy);
    // The noise is real: 13 decimals' worth of float error beyond the cents.
    expect(String(grid[3]![1])).toMatch(/\.\d{5,}$/);
    const modern = loadWith(BigInt).analyzeTable(grid, { locale: "zh-CN" });
    const run = await withoutBigInt((core) => core.analyzeTable(grid, { locale: "zh-CN" }));
    expect(run.uses).toEqual([]);
    const amountIssues = (a: Analysis): string[] =>
      a.issues.filter((i) => i.severity === "error").map((i) => `${i.rule} ${i.cell}`);
    expect(amountIssues(run.result)).toEqual(amountIssues(modern));
    expect(JSON.stringify(run.result.issues)).toBe(JSON.stringify(modern.issues));
    expect(amountIssues(run.result)).toEqual(expectedIssues);
  });
});
