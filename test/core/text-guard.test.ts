import { needsTextGuard } from "../../src/core/plan/text-guard";
import { STRINGS_EXCEL_WOULD_REINTERPRET } from "../../testing/reinterpreted-strings";

describe("needsTextGuard", () => {
  test.each([...STRINGS_EXCEL_WOULD_REINTERPRET, "false", "3/4", "12:30", "50%", "#N/A", " 12"])(
    "%j is guarded",
    (s) => expect(needsTextGuard(s)).toBe(true),
  );

  test.each(["", "报废小车数量", "≥95%", "36人", "合法合规", "大于95", "20-35次", "TRUEST"])(
    "%j is left alone",
    (s) => expect(needsTextGuard(s)).toBe(false),
  );
});
