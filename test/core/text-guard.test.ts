import { needsTextGuard } from "../../src/core/text-guard";

describe("needsTextGuard", () => {
  test.each([
    "1-3",
    "2023.10",
    "001",
    "=SUM(A1)",
    "＝100%",
    "+10%",
    "-",
    "-5%",
    "@备注",
    "TRUE",
    "false",
    "1E3",
    "110101199001011234",
    "3/4",
    "12:30",
    "50%",
    "#N/A",
    " 12",
  ])("%j is guarded", (s) => expect(needsTextGuard(s)).toBe(true));

  test.each(["", "报废小车数量", "≥95%", "36人", "合法合规", "大于95", "20-35次", "TRUEST"])(
    "%j is left alone",
    (s) => expect(needsTextGuard(s)).toBe(false),
  );
});
