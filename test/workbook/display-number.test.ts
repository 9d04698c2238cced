import { asDisplayed, displayedNumber } from "../../src/workbook/display-number";

describe("displayedNumber: what a cell with a number format shows", () => {
  test.each<[number, string, string | null]>([
    [1963.5333, "#,##0.00", "1,963.53"],
    [1963.5333, "0.00", "1963.53"],
    [18, "0.00", "18.00"],
    [1.005, "0.00", "1.01"], // Excel rounds the 15 digits it keeps, half away from zero
    [-2.5, "0", "-3"],
    [0.95, "0%", "95%"],
    [0.955, "0.0%", "95.5%"],
    [-1234.5, "#,##0.00;(#,##0.00)", "(1,234.50)"],
    [0, '0.00;-0.00;"-"', "-"],
    [12, '0.00"元"', "12.00元"],
    [1234.5, "[$¥-804]#,##0.00", "¥1,234.50"],
    [1234567, "#,##0,", "1,235"], // a trailing comma shows thousands
    [45292, "yyyy-mm-dd", "2024-01-01"],
    [45292, "yyyy/m/d", "2024/1/1"],
    [45292, 'yyyy"年"m"月"d"日"', "2024年1月1日"],
    [100, "General", null],
    [3, "[>100]0.00", null], // a condition: not read
    [0.5, "h:mm", null], // a time: not read
    [0.5, "# ?/?", null], // a fraction: not read
    [5, "@", null],
  ])("%d shown as %j is %j", (value, code, shown) => {
    expect(displayedNumber(value, code)).toBe(shown);
  });
});

describe("asDisplayed: a number as the core should read it", () => {
  test.each<[number, string | null, string | number]>([
    [1963.5333, "#,##0.00", "1,963.53"], // digits hidden: the number as shown
    [1963.53, "#,##0.00", 1963.53], // nothing hidden: the number itself
    [18, "0.00", 18],
    [0.95, "0%", "95%"], // a percentage reads as one
    [45292, "yyyy-mm-dd", "2024-01-01"], // a date as a date
    [-1234.5, "#,##0.00;(#,##0.00)", -1234.5], // accounting brackets hide nothing
    [0, '0.00;-0.00;"-"', 0], // a dash for nil: the number
    [12.345, '0.00"元"', "12.35"], // text around the number left out
    [59.6, "#,##0", "60"],
    [7, null, 7],
  ])("%d with %j → %j", (value, code, read) => {
    expect(asDisplayed(value, code)).toBe(read);
  });
});
