import fc from "fast-check";
import { formatCount } from "../../src/cli/messages/zh-CN";

describe("formatCount", () => {
  it.each([
    [0, "0"],
    [7, "7"],
    [999, "999"],
    [1000, "1,000"],
    [2838, "2,838"],
    [69465, "69,465"],
    [100000, "100,000"],
    [1234567, "1,234,567"],
    [-1000, "-1,000"],
    [1.5, "1.5"],
  ])("%p → %p", (count, shown) => {
    expect(formatCount(count)).toBe(shown);
  });

  it("groups every integer as en-US toLocaleString does", () => {
    fc.assert(
      fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (n) => {
        expect(formatCount(n)).toBe(n.toLocaleString("en-US"));
      }),
    );
  });
});
