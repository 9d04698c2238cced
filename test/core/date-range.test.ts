import { isDateRange } from "../../src/core/split/date-range";

describe("isDateRange: 项目起止时间 as forms write it", () => {
  test.each([
    "2024年1月-2024年12月",
    "2024.01-2024.12",
    "2024-01-01至2024-12-31",
    "202401-202412",
    "2024-2026",
    "2024年-长期",
    "2024年",
    "2024年度",
    "2024年1月1日—2024年12月31日",
    "2024/1/1~2024/12/31",
    " 2024年1月 - 2024年12月 ",
    // Within one year, the end naming only its month; a whole year; an open-ended project.
    "2024年1-12月",
    "2024年01月至12月",
    "2024年1月~12月",
    "2024年全年",
    "长期",
    "常年",
  ])("%j is a date range", (text) => {
    expect(isDateRange(text)).toBe(true);
  });

  test.each([
    "20246-202516", // digits lost and run together
    "2024年13月-2024年12月", // no 13th month
    "2025-2024", // ends before it starts
    "一年",
    "",
    "2024年1月-",
    "2024年12-1月", // ends before it starts
    "2024年1-13月",
    "1年", // a duration, not when
  ])("%j is not", (text) => {
    expect(isDateRange(text)).toBe(false);
  });
});
