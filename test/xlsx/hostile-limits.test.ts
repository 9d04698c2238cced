/** Issue #25: the table limits bound the whole workbook's sheets together, and rows are limited too. */
import { DEFAULT_LIMITS } from "../../src/xlsx/package-limits";
import { readInputBytes } from "../../src/xlsx/read-input";
import { rawRows, rawWorkbook } from "../../testing/raw-workbook";

const INDICATORS = "1、1-产出指标：11-数量指标：车辆数；实施周期指标值：1；年度指标值：1。";
const table = (projects: number): string =>
  rawRows([
    ["项目名称", "总计", "绩效目标", "绩效指标"],
    ...Array.from({ length: projects }, (_, k) => [`项目${k + 1}`, 1, "完成", INDICATORS]),
  ]);

test.each([
  ["rows", { tableRows: 12 }, "table-rows|12|"],
  ["characters", { tableText: 400 }, "table-text|400|"],
])("four sheets each inside the %s limit, together over it, are refused", async (_label, limit, detail) => {
  // Each sheet: a header and 4 projects, 5 rows and about 260 characters.
  const bytes = rawWorkbook({ sheet: table(4), moreSheets: [table(4), table(4), table(4)] });
  const limits = { ...DEFAULT_LIMITS, ...limit };
  await expect(
    readInputBytes("four.xlsx", rawWorkbook({ sheet: table(4) }), { limits }),
  ).resolves.toBeDefined();
  await expect(readInputBytes("four.xlsx", bytes, { limits })).rejects.toMatchObject({
    reason: "too-large",
    detail,
  });
});

test("a text file over the rows limit is refused", async () => {
  const text = `项目名称\t总计\n${"甲\t1\n".repeat(DEFAULT_LIMITS.tableRows)}`;
  await expect(readInputBytes("t.tsv", new TextEncoder().encode(text))).rejects.toMatchObject({
    reason: "too-large",
    detail: `table-rows|${DEFAULT_LIMITS.tableRows}|`,
  });
});
