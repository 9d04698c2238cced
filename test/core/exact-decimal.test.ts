import {
  compareBound,
  compareSum,
  exactDecimal,
  exactDecimalFromText,
  needsExactText,
  sameAmount,
  toNumber,
  unitsAt,
  type ExactDecimal,
} from "../../src/core/model/exact-decimal";

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

describe("exact decimals to the limit, from a cell's text", () => {
  test("an amount a double holds is the ordinary form", () => {
    expect(exactDecimalFromText("1,234.50")).toEqual(d(123450, 2));
    expect(exactDecimalFromText("１８")).toEqual(d(18, 0));
    expect(exactDecimalFromText("abc")).toBeNull();
  });

  test("integers beyond 2^53 are compared exactly: one unit off is found, an exact sum holds", () => {
    const big = exactDecimalFromText("12345678901234567890")!;
    expect(big.big).toBe("12345678901234567890");
    const parts = [exactDecimalFromText("12345678901234567000")!, exactDecimalFromText("890")!];
    expect(compareSum(big, parts, undefined)).toBeNull();
    const off = [exactDecimalFromText("12345678901234567000")!, exactDecimalFromText("889")!];
    // As doubles, both sums are the same number: only exact digits tell them apart.
    expect(Number("12345678901234567000") + 889).toBe(Number("12345678901234567890"));
    const broken = compareSum(big, off, undefined);
    expect(broken?.expected.big).toBe("12345678901234567889");
  });

  test("seven or more decimals are compared at their own place, not rounded to six", () => {
    const total = exactDecimalFromText("0.3000001")!;
    expect(total).toMatchObject({ scale: 7 });
    expect(
      compareSum(total, [exactDecimalFromText("0.1")!, exactDecimalFromText("0.2000001")!], undefined),
    ).toBeNull();
    const broken = compareSum(total, [exactDecimalFromText("0.1")!, exactDecimalFromText("0.2")!], undefined);
    expect(broken && [toNumber(broken.expected), toNumber(broken.actual)]).toEqual([0.3, 0.3000001]);
  });

  test("needsExactText: only amounts a double cannot hold exactly", () => {
    expect(needsExactText(2476.54, 2)).toBe(false);
    expect(needsExactText(0.1234567, 7)).toBe(true);
    expect(needsExactText(12345678901234567000, 0)).toBe(true);
  });
});

describe("bounds and sameness beyond a double, in digits (no BigInt)", () => {
  const big = (text: string): ExactDecimal => exactDecimalFromText(text)!;

  test("parts over a total past 2^53 are found, also when the longer number sorts first as text", () => {
    // As text "100…" < "999…"; as numbers the parts are larger.
    expect(
      compareBound(big("99999999999999999999"), [big("100000000000000000000")], undefined),
    ).not.toBeNull();
    expect(compareBound(big("100000000000000000000"), [big("99999999999999999999")], undefined)).toBeNull();
  });

  test("the same amount at two scales is the same; one unit apart is not", () => {
    expect(sameAmount(big("12345678901234567890"), big("12345678901234567890.00"))).toBe(true);
    expect(sameAmount(big("12345678901234567890"), big("12345678901234567891"))).toBe(false);
  });
});
