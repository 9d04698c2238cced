/**
 * Amounts as the table writes them, for the messages: its decimals and its thousands separator (`1,963.53`,
 * `495.00`, not `495`). The unit is the message table's to add.
 */
import type { ParsedTable } from "../model/analysis";
import type { AmountFormat } from "../model/issue";

/**
 * 1963.53 with 2 decimals and grouping → "1,963.53"; 495 → "495.00"; -3 with none → "-3". A value with more
 * digits than `decimals` keeps them (a change to 17.5 in a table of whole numbers reads 17.5, not 18).
 */
export function formatAmount(value: number, format: Pick<AmountFormat, "decimals" | "grouping">): string {
  let decimals = Math.max(0, Math.min(6, Math.floor(format.decimals)));
  while (decimals < 6 && Number(value.toFixed(decimals)) !== Number(value.toFixed(6))) decimals++;
  const fixed = Math.abs(value).toFixed(decimals);
  const point = fixed.indexOf(".");
  const whole = point < 0 ? fixed : fixed.slice(0, point);
  const fraction = point < 0 ? "" : fixed.slice(point);
  // Examples: 1963 → 1,963; 2476540 → 2,476,540; 999 unchanged.
  const grouped = format.grouping ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",") : whole;
  const sign = value < 0 && Number(fixed) !== 0 ? "-" : "";
  return `${sign}${grouped}${fraction}`;
}

/** Decimals beyond this in an amount are float noise, not how the table writes amounts. */
const MAX_TABLE_DECIMALS = 4;

/** A table's rows with amounts: a parsed table, or one only read (count-input.ts). */
type AmountHolders = Pick<ParsedTable, "grandTotal" | "units"> & {
  readonly projects: readonly Pick<ParsedTable["projects"][number], "amountCells">[];
};

/**
 * The decimals the table writes its amounts with: the most any amount shows (`2,476.54` → 2), so that a message
 * about an amount read as the number 18 still says `18.00`. Float noise (1963.5300000000002) does not count.
 */
export function tableDecimals(table: AmountHolders): number {
  let most = 0;
  const look = (decimals: number, value: number | null): void => {
    if (value !== null && decimals <= MAX_TABLE_DECIMALS && decimals > most) most = decimals;
  };
  if (table.grandTotal)
    for (const c of Object.values(table.grandTotal.amountCells)) look(c.decimals, c.value);
  for (const u of table.units) for (const c of Object.values(u.amountCells)) look(c.decimals, c.value);
  for (const p of table.projects) for (const c of Object.values(p.amountCells)) look(c.decimals, c.value);
  return most;
}

/**
 * Whether the table writes thousands separators: yes when an amount of four digits or more is text with a comma
 * (`2,476.54`), no when such amounts are text without one (`2476.54`); numbers say nothing (their format is not
 * read), and then the separator is used, as the finance systems' own `#,##0.00` does.
 */
export function tableUsesGrouping(table: AmountHolders): boolean {
  let withComma = false;
  let without = false;
  const look = (raw: string | number | null, value: number | null): void => {
    if (typeof raw !== "string" || value === null || Math.abs(value) < 1000) return;
    if (raw.includes(",") || raw.includes("，")) withComma = true;
    else without = true;
  };
  if (table.grandTotal) for (const c of Object.values(table.grandTotal.amountCells)) look(c.raw, c.value);
  for (const u of table.units) for (const c of Object.values(u.amountCells)) look(c.raw, c.value);
  for (const p of table.projects) for (const c of Object.values(p.amountCells)) look(c.raw, c.value);
  return withComma || !without;
}
