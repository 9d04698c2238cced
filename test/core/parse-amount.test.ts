import { parseAmount } from "../../src/core/model/parse-amount";

describe("parseAmount", () => {
  test.each<[string | number | boolean | null, string | number | null, number | null, number]>([
    [null, null, 0, 0],
    ["", null, 0, 0],
    ["  ", "  ", 0, 0],
    ["495.00", "495.00", 495, 2],
    ["2,476.54", "2,476.54", 2476.54, 2],
    ["1,963.53", "1,963.53", 1963.53, 2],
    ["１８．００", "１８．００", 18, 2],
    [" 18 ", " 18 ", 18, 0],
    ["-3.5", "-3.5", -3.5, 1],
    [18, 18, 18, 0],
    [18.5, 18.5, 18.5, 1],
    [1e-7, 1e-7, 1e-7, 7],
    ["495元", "495元", null, 0],
    ["1,2", "1,2", null, 0],
    ["待定", "待定", null, 0],
    [true, "true", null, 0],
    [Number.NaN, Number.NaN, null, 0],
  ])("%p → raw %p value %p decimals %p", (cell, raw, value, decimals) => {
    expect(parseAmount(cell)).toEqual({ raw, value, decimals });
  });
});
