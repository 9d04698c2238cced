/**
 * A project's 项目起止时间 as forms write it: a date range (`2024年1月-2024年12月`, `2024.01-2024.12`,
 * `2024-01-01至2024-12-31`, `202401-202412`, `2024-2026`, `2024年-长期`, `2024年1-12月`), a single year (`2024年`,
 * `2024年度`), a whole year (`2024年全年`) or an open-ended project (`长期`, `常年`).
 * Damage such as `20246-202516` (digits lost or run together) is not one. Linear: the text is tried at each
 * range separator, a handful of characters.
 */

/**
 * A date as one number yyyymmdd, or null when it is not a date. A month or day not given counts as 0 for the
 * start of a range and 99 for its end, so that `2024年1月-2024年` is in order.
 */
function dateValue(text: string, missing = 0): number | null {
  // `2024年1月1日`, `2024年1月`, `2024年`, `2024年度`.
  let m = /^(\d{4})年(?:度|(\d{1,2})月(?:(\d{1,2})日)?)?$/.exec(text);
  // `2024.1.1`, `2024-01`, `2024/1/1`, `2024．01`.
  m ??= /^(\d{4})[.\-/．](\d{1,2})(?:[.\-/．](\d{1,2}))?$/.exec(text);
  // `2024`, `202401`, `20240101`.
  m ??= /^(\d{4})(?:(\d{2})(\d{2})?)?$/.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = m[2] === undefined ? missing : Number(m[2]);
  const day = m[3] === undefined ? missing : Number(m[3]);
  if (year < 1900 || year > 2199) return null;
  if (m[2] !== undefined && (month < 1 || month > 12)) return null;
  if (m[3] !== undefined && (day < 1 || day > 31)) return null;
  return year * 10_000 + month * 100 + day;
}

/** What may stand for the end of an open-ended project. */
const OPEN_END = new Set(["长期", "至今", "持续", "长期性"]);

/** `-`, `－`, `—`, `–`, `~`, `～`, `至`, `到`: between the two dates of a range. */
function isRangeSeparator(c: string): boolean {
  return "-－—–~～至到".includes(c);
}

/**
 * A range within one year, its end naming only a month: `2024年1-12月`, `2024年01月至12月`, `2024年1月~12月`, and a
 * whole year or an open-ended project: `2024年全年`, `全年`, `长期`, `常年`. Not `2024年13月`, `20246-202516`.
 */
const WITHIN_ONE_YEAR = /^(\d{4})年(\d{1,2})月?[-－—–~～至到](\d{1,2})月(?:底)?$/;
const WHOLE_OR_OPEN = /^(?:(?:\d{4}年)?全年|长期|常年|持续|长期性|常态化)$/;

/** Is the text a date range or a single year or date (see the top of this file)? */
export function isDateRange(raw: string): boolean {
  const text = raw.replace(/\s+/g, "");
  if (text === "") return false;
  if (dateValue(text) !== null || WHOLE_OR_OPEN.test(text)) return true;
  const within = WITHIN_ONE_YEAR.exec(text);
  if (within !== null) {
    const [from, to] = [Number(within[2]), Number(within[3])];
    return dateValue(within[1]!) !== null && from >= 1 && from <= to && to <= 12;
  }
  for (let i = 1; i < text.length - 1; i++) {
    if (!isRangeSeparator(text[i]!)) continue;
    // `2024-01-2024-12`: try every separator; `——` counts once.
    let j = i + 1;
    while (j < text.length && isRangeSeparator(text[j]!)) j++;
    const start = dateValue(text.slice(0, i));
    const endText = text.slice(j);
    const end = OPEN_END.has(endText) ? Number.MAX_SAFE_INTEGER : dateValue(endText, 99);
    if (start !== null && end !== null && start <= end) return true;
  }
  return false;
}
