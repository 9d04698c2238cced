import fc from "fast-check";
import {
  isValidSheetName,
  quoteSheetName,
  unquoteSheetName,
  sanitizeSheetName,
  uniqueSheetName,
} from "../../src/core/plan/sheet-name";

describe("sanitizeSheetName", () => {
  test.each([
    ["指标明细", "指标明细"],
    ["a:b\\c/d?e*f[g]h", "a_b_c_d_e_f_g_h"],
    ["全角：＼／？＊［］", "全角_______"],
    ["'quoted'", "quoted"],
    ["''", "Sheet"],
    ["   ", "Sheet"],
    ["History", "History_"],
    ["history", "history_"],
    ["x".repeat(40), "x".repeat(31)],
    // An emoji is two UTF-16 units: a cut must not leave half of it.
    ["a".repeat(30) + "😀", "a".repeat(30)],
    [
      "2024年度项目支出绩效目标表（含转移支付项目）广州市白云区人民政府",
      "2024年度项目支出绩效目标表（含转移支付项目）广州市白云区人",
    ],
  ])("%j → %j", (wanted, expected) => {
    expect(sanitizeSheetName(wanted)).toBe(expected);
  });
});

describe("uniqueSheetName", () => {
  test("keeps the wanted name when it is free", () => {
    expect(uniqueSheetName("指标明细", ["Sheet1"])).toBe("指标明细");
  });
  test("a user's own sheet of the same name, in any case, makes it pick another", () => {
    expect(uniqueSheetName("指标明细", ["指标明细"])).toBe("指标明细 (2)");
    expect(uniqueSheetName("Indicators", ["INDICATORS", "indicators (2)"])).toBe("Indicators (3)");
  });
  test("the suffix fits in 31 characters", () => {
    const long = "y".repeat(31);
    const name = uniqueSheetName(long, [long]);
    expect(name).toBe("y".repeat(27) + " (2)");
  });
  test("property: always valid, never one of the avoided names", () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.string(), { maxLength: 5 }), (wanted, avoid) => {
        const name = uniqueSheetName(wanted, avoid);
        expect(isValidSheetName(name)).toBe(true);
        expect(avoid.map((a) => a.toLowerCase())).not.toContain(name.toLowerCase());
      }),
    );
  });
});

test("quoteSheetName doubles apostrophes", () => {
  expect(quoteSheetName("It's")).toBe("'It''s'");
  expect(quoteSheetName("指标明细")).toBe("'指标明细'");
});

test.each([
  ["'O''Brien'", "O'Brien"],
  ["Sheet1", "Sheet1"],
  ["'指标明细'", "指标明细"],
  ["'", "'"],
])("unquoteSheetName(%j) → %j, the inverse of quoteSheetName", (part, name) => {
  expect(unquoteSheetName(part)).toBe(name);
  if (part.startsWith("'") && part.length > 1) expect(quoteSheetName(name)).toBe(part);
});
