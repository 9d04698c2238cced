/**
 * How Excel takes text pasted (or typed) into a General cell, for the fake host: what the cell then holds, the
 * number format Excel gives it, and what it shows (Range.text). A clerk's table reaches the add-in this way, not as
 * the text they copied. Each behaviour with its source:
 *
 * - `2,476.54` → the number 2476.54 with the comma format `#,##0.00` (`123,456` → `#,##0`). "If you type 123,456
 *   in a cell, Excel applies the comma format without decimal places. If you type 123,456.00, Excel formats the
 *   cell with the comma format including two decimal places." (Microsoft Excel 2013 Inside Out, "Understanding the
 *   General format", http://jabsto.com/Tutorial/topic-25/Microsoft-Excel-2013-345.html). `23%` → 0.23 with `0%`
 *   (the same page).
 * - Dates become serial numbers with a date format: `2024-01-03` → 45294; `1-3` → 3 January of this year. "When
 *   you type an entry like 1-2 or 3/4, Excel's default General format interprets these as month-day … values and
 *   applies a Date format … the underlying cell value becomes a serial date number"
 *   (https://wisechecker.com/stop-excel-changing-numbers-to-dates-fix-cell-format/); "date formats take precedence
 *   over fraction formats" (Inside Out, above). The formats are those Chinese Excel shows: `yyyy/m/d` for a full
 *   date, `m"月"d"日"` for a month and day (built-in ids 14 and 58, src/workbook/display-number.ts).
 * - More than 15 digits: "Excel stores only 15 significant digits in a number and changes digits after the
 *   fifteenth place to zeros" (KB 269370, http://support.microsoft.com/kb/269370/en-us): a 20-digit 项目代码 is
 *   kept as 12345678901234500000. General shows a number of more than 11 characters in exponential notation: "The
 *   General number format displays up to 11 numeric characters … Adding more numbers to the left of the decimal
 *   point causes the number to appear in exponential notation" (KB 65903,
 *   https://mskb.pkisolutions.com/kb/65903): Range.text is `1.23457E+19`.
 * - A leading apostrophe keeps the text as typed, without the apostrophe (KB 269370's workaround).
 *
 * Formats a clerk's template may carry are modelled where the cell is written (FakeSheet.putFormatted):
 * `[$-804]` (the Chinese locale) and `[DBNum1]` (Chinese numerals: `[DBNum1][$-804]General` shows 123 as
 * 一百二十三, `[DBNum2]` as 壹佰贰拾叁: https://stackoverflow.com/questions/54965433/whats-the-full-name-of-dbnum).
 */
export interface PastedCell {
  readonly value: string | number;
  readonly numberFormat: string;
  /** What the cell shows (Range.text). */
  readonly text: string;
}

/** Days from Excel's day 0 (1899-12-30, counting the 1900 leap-year bug) to 1970-01-01. */
const UNIX_EPOCH_SERIAL = 25569;

/** The serial number of a date (Excel's 1900 date system). */
export function dateSerial(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / 86_400_000 + UNIX_EPOCH_SERIAL;
}

function validDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** A number as General shows it: up to 11 characters, else exponential with six significant digits. */
export function generalText(n: number): string {
  const plain = String(n);
  if (plain.length <= 11 && !/e/i.test(plain)) return plain;
  if (Math.abs(n) < 1e11 && Math.abs(n) >= 1e-4) {
    // A long fraction: rounded to fit 11 characters.
    const whole = String(Math.trunc(Math.abs(n))).length + (n < 0 ? 1 : 0);
    return String(Number(n.toFixed(Math.max(0, 10 - whole))));
  }
  const [mantissa, exponent] = n.toExponential(5).split("e");
  const digits = String(Number(mantissa));
  const power = Number(exponent);
  return `${digits}E${power < 0 ? "-" : "+"}${String(Math.abs(power)).padStart(2, "0")}`;
}

/** Keeps 15 significant digits of a digit string, the rest zeros (KB 269370), as the number Excel stores. */
function fifteenDigits(digits: string, fraction: string): number {
  const all = digits.replace(/^0+/, "");
  if (all.length <= 15) return Number(fraction === "" ? digits : `${digits}.${fraction}`);
  return Number(all.slice(0, 15) + "0".repeat(all.length - 15));
}

/**
 * What a General cell holds after `text` is pasted into it, `year` being this year (for `1-3`).
 * Examples: `2,476.54` → 2476.54 `#,##0.00`; `2024-01-03` → 45294 `yyyy/m/d`; `1-3` → a serial `m"月"d"日"`;
 * `12345678901234567890` → 12345678901234500000 shown `1.23457E+19`; `'0012` → the text `0012`.
 */
export function pasteIntoGeneral(text: string, year: number): PastedCell {
  if (text.startsWith("'")) return { value: text.slice(1), numberFormat: "General", text: text.slice(1) };
  const t = text.trim();
  // Grouped thousands: `2,476.54`, `-1,000`, `12,345,678.9`.
  let m = /^(-?)(\d{1,3}(?:,\d{3})+)(?:\.(\d+))?$/.exec(t);
  if (m) {
    const value = Number(`${m[1]}${m[2]!.replace(/,/g, "")}${m[3] ? `.${m[3]}` : ""}`);
    const numberFormat = m[3] ? "#,##0.00" : "#,##0";
    const shown = value.toLocaleString("en-US", {
      minimumFractionDigits: m[3] ? 2 : 0,
      maximumFractionDigits: m[3] ? 2 : 0,
    });
    return { value, numberFormat, text: shown };
  }
  // A plain number: `495`, `-3.5`, `0012`, `12345678901234567890`.
  m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(t);
  if (m) {
    const magnitude = fifteenDigits(m[2]!, m[3] ?? "");
    const value = m[1] ? -magnitude : magnitude;
    return { value, numberFormat: "General", text: generalText(value) };
  }
  // A percentage: `23%`, `8.5%`.
  m = /^(-?\d+(?:\.(\d+))?)%$/.exec(t);
  if (m) {
    const value = Number(m[1]) / 100;
    return { value, numberFormat: m[2] ? "0.00%" : "0%", text: t };
  }
  // A full date: `2024-01-03`, `2024/1/3`, `2024年1月3日`.
  m = /^(\d{4})(?:[-/](\d{1,2})[-/](\d{1,2})|年(\d{1,2})月(\d{1,2})日)$/.exec(t);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2] ?? m[4]), Number(m[3] ?? m[5])];
    if (validDate(y, mo, d)) {
      const chinese = m[4] !== undefined;
      return {
        value: dateSerial(y, mo, d),
        numberFormat: chinese ? 'yyyy"年"m"月"d"日"' : "yyyy/m/d",
        text: chinese ? `${y}年${mo}月${d}日` : `${y}/${mo}/${d}`,
      };
    }
  }
  // A month and a day of this year: `1-3`, `12/31`.
  m = /^(\d{1,2})[-/](\d{1,2})$/.exec(t);
  if (m && validDate(year, Number(m[1]), Number(m[2]))) {
    const [mo, d] = [Number(m[1]), Number(m[2])];
    return { value: dateSerial(year, mo, d), numberFormat: 'm"月"d"日"', text: `${mo}月${d}日` };
  }
  return { value: text, numberFormat: "General", text };
}

const CHINESE_DIGITS = "〇一二三四五六七八九";
const FINANCIAL_DIGITS = "零壹贰叁肆伍陆柒捌玖";

/**
 * An integer as [DBNum1] (一百二十三) or [DBNum2] (壹佰贰拾叁) shows it, for the fake's Range.text; integers
 * below 10,000, which is all the fake's tests write this way.
 */
export function chineseNumeral(n: number, financial: boolean): string {
  const digits = financial ? FINANCIAL_DIGITS : CHINESE_DIGITS;
  const units = financial ? ["", "拾", "佰", "仟"] : ["", "十", "百", "千"];
  if (!Number.isInteger(n) || n < 0 || n >= 10_000) return String(n);
  if (n === 0) return financial ? "零" : "〇";
  const written = String(n);
  let out = "";
  let zero = false;
  for (let i = 0; i < written.length; i++) {
    const d = Number(written[i]);
    const unit = units[written.length - 1 - i]!;
    if (d === 0) {
      zero = true;
      continue;
    }
    if (zero && out !== "") out += financial ? "零" : "〇";
    zero = false;
    out += digits[d]! + unit;
  }
  return !financial && out.startsWith("一十") ? out.slice(1) : out;
}
