import { readFileSync } from "fs";
import { join } from "path";
import { buildSyntheticGrid } from "../../bench/synthetic-table";
import { ANALYSIS_SLICE_UNITS, type Plan } from "../../src/core";
import { readDelimitedText } from "../../src/xlsx/read-delimited-text";
import {
  runOnHostAsync,
  runOnHostSync,
  type ActiveRead,
  type HostSheet,
  type PreviousWork,
  type RunPort,
  type SheetRead,
} from "../../src/workbook/run-on-host";

/** The sample table as a grid (the demo's own). */
function sampleGrid() {
  const text = readFileSync(join(__dirname, "..", "..", "samples", "baiyun-2024.tsv"), "utf8");
  return readDelimitedText(text, "\t");
}

/** A host of three sheets where the previous run made 指标明细 and 校验结果 from 目标表; `calls` lists what ran. */
function fakePort(options: { active: string; grid?: boolean; failApply?: boolean; finder?: string | null }) {
  const calls: string[] = [];
  const sheets = ["目标表", "指标明细", "校验结果", "别的表"].map((name) => ({ key: `id-${name}`, name }));
  const read = (name: string, grid: boolean): SheetRead => ({
    sheet: { key: `id-${name}`, name },
    grid: grid ? sampleGrid() : null,
    origin: { row: 1, column: 1 },
    selectionIgnored: false,
    protected: false,
  });
  const previous: PreviousWork = {
    ownSheets: ["id-指标明细", "id-校验结果"],
    ownTables: ["指标明细表"],
    lastSource: "id-目标表",
    marksUnreadable: 2,
  };
  const port: RunPort<"sync"> = {
    readActive: (): ActiveRead => {
      calls.push("readActive");
      return { ...read(options.active, options.grid ?? true), sheets, tables: ["指标明细表", "Mine"] };
    },
    readPrevious: () => {
      calls.push("readPrevious");
      return previous;
    },
    readSheet: (key) => {
      calls.push(`readSheet ${key}`);
      return read(key.slice(3), true);
    },
    apply: (plan) => {
      calls.push(`apply ${plan.sheets.map((s) => s.name).join(",")}`);
      if (options.failApply) throw new Error("Excel failed");
      return { marksLeftAlone: 1, marksColourLost: 0, commentsSkipped: 3 };
    },
    writeRecord: (_plan, source, failed) => {
      calls.push(`writeRecord ${source.sheet.name}${failed ? " failed" : ""}`);
    },
  };
  if (options.finder !== undefined)
    port.findTableElsewhere = (except) => {
      calls.push(`findTableElsewhere ${except.join(",")}`);
      return options.finder!;
    };
  return { port, calls };
}

test("a run from the tool's own sheet analyses the last source, replaces the tool's sheets and records them", () => {
  const { port, calls } = fakePort({ active: "校验结果" });
  const outcome = runOnHostSync(port, { locale: "zh-CN" });
  expect(calls).toEqual([
    "readActive",
    "readPrevious",
    "readSheet id-目标表",
    "apply 指标明细,校验结果",
    "writeRecord 目标表",
  ]);
  expect(outcome).toMatchObject({
    kind: "done",
    summary: { sourceSheet: "目标表", marksLeftAlone: 1, marksUnreadable: 2, commentsSkipped: 3 },
  });
});

test("a failed apply is still recorded, and the host's error is the one thrown", async () => {
  const { port, calls } = fakePort({ active: "目标表", failApply: true });
  const asyncPort = Object.fromEntries(
    Object.entries(port).map(([op, method]) => [
      op,
      (...args: unknown[]) => Promise.resolve().then(() => (method as (...a: unknown[]) => unknown)(...args)),
    ]),
  ) as unknown as RunPort<"async">;
  await expect(runOnHostAsync(asyncPort, { locale: "zh-CN" })).rejects.toThrow("Excel failed");
  expect(calls.slice(-2)).toEqual(["apply 指标明细,校验结果", "writeRecord 目标表 failed"]);
});

test("no table here: a host that looks elsewhere names the sheet that has one, and nothing is written", () => {
  const { port, calls } = fakePort({ active: "别的表", grid: false, finder: "目标表" });
  expect(runOnHostSync(port, { locale: "zh-CN" })).toEqual({
    kind: "table-elsewhere",
    sheet: "别的表",
    found: "目标表",
  });
  expect(calls).toEqual([
    "readActive",
    "readPrevious",
    "findTableElsewhere id-别的表,id-指标明细,id-校验结果",
  ]);
  const quiet = fakePort({ active: "别的表", grid: false });
  expect(runOnHostSync(quiet.port, { locale: "zh-CN" })).toEqual({ kind: "empty", sheet: "别的表" });
});

test("a host that pauses gets a pause between the analysis's slices and the plan's, with the per cent done", async () => {
  const { port, calls } = fakePort({ active: "目标表" });
  const big = buildSyntheticGrid(sampleGrid(), 2_000);
  const asyncPort = {
    ...port,
    readActive: () => Promise.resolve({ ...port.readActive(), grid: big }),
    readPrevious: (sheets: readonly HostSheet[]) => Promise.resolve(port.readPrevious(sheets)),
    apply: (plan: Plan, source: SheetRead) => Promise.resolve(port.apply(plan, source)),
    writeRecord: (plan: Plan, source: SheetRead, failed: boolean) =>
      Promise.resolve(port.writeRecord(plan, source, failed)),
    pause: () => {
      calls.push("pause");
      return Promise.resolve();
    },
  } as unknown as RunPort<"async">;
  const percents: number[] = [];
  const outcome = await runOnHostAsync(asyncPort, {
    locale: "zh-CN",
    onProgress: (p) => {
      if (p.stage === "checking" && p.percent !== undefined) percents.push(p.percent);
    },
  });
  expect(outcome).toMatchObject({ kind: "done", summary: { projects: 2_000 } });
  const pauses = calls.filter((c) => c === "pause").length;
  // 2,000 projects of about 7 indicators, split then checked, at ANALYSIS_SLICE_UNITS a slice; then the plan.
  expect(pauses).toBeGreaterThan((2 * 14_000) / ANALYSIS_SLICE_UNITS);
  expect(calls.indexOf("pause")).toBeLessThan(calls.findIndex((c) => c.startsWith("apply")));
  expect(percents.length).toBeGreaterThan(10);
  expect([...percents].sort((a, b) => a - b)).toEqual(percents);
  expect(percents[percents.length - 1]).toBeGreaterThanOrEqual(90);
});
