import { compareSum, exactDecimal, toNumber, unitsAt, type ExactDecimal } from "../../src/core/exact-decimal";

const d = (units: number, scale: number): ExactDecimal => ({ units, scale });

describe("exact decimals", () => {
  test.each<[number, number, ExactDecimal]>([
    [1963.53, 2, d(196353, 2)],
    [18, 0, d(18, 0)],
    [18, 2, d(1800, 2)],
    [0, 0, d(0, 0)],
    [-3.5, 1, d(-35, 1)],
    // A formula's float noise (13 decimals) is compared at six.
    [1963.5300000000002, 13, d(1963530000, 6)],
  ])("exactDecimal(%d, %i) = %j", (value, decimals, expected) => {
    expect(exactDecimal(value, decimals)).toEqual(expected);
  });

  test("rescaling to a finer place is exact, and toNumber reads it back as a clerk would", () => {
    expect(unitsAt(d(18, 0), 2)).toBe(1800);
    expect(unitsAt(d(196353, 2), 2)).toBe(196353);
    expect(toNumber(d(196353, 2))).toBe(1963.53);
    expect(toNumber(d(330, 2))).toBe(3.3);
  });

  test.each<[string, ExactDecimal, ExactDecimal[], number | undefined, [number, number] | null]>([
    ["a sum in cents that floats would miss", d(330, 2), [d(110, 2), d(220, 2)], undefined, null],
    ["one cent off, at the finest place shown", d(1800, 2), [d(1799, 2)], undefined, [17.99, 18]],
    ["one cent allowed", d(1800, 2), [d(1799, 2)], 0.01, null],
    ["18 against 17.6: the finest place is a tenth", d(18, 0), [d(176, 1)], undefined, [17.6, 18]],
    ["18 against 18.00", d(18, 0), [d(1800, 2)], undefined, null],
    ["no addend: the total must be 0", d(5, 0), [], undefined, [0, 5]],
  ])("compareSum: %s", (_label, target, addends, tolerance, broken) => {
    const result = compareSum(target, addends, tolerance);
    expect(result && [toNumber(result.expected), toNumber(result.actual)]).toEqual(broken);
  });
});
