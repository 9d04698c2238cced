/**
 * Amounts as forms write them in their header blocks: a number (`5.00`), a number with its unit (`449.8万`,
 * `4623 万`, `10000万元`), or a number inside text (`一般公共预算安排77300万元`, `中央衔接推进乡村振兴补助资金（少数民族发展
 * 任务）50`). A unit other than the table's is converted exactly (元 ↔ 万元 ↔ 亿元, by moving the decimal point).
 */
import type { AmountUnit } from "./table-heading";
import { parseAmount, type ParsedAmount } from "../model/parse-amount";
import type { CellValue } from "../model/grid";
import { foldCompatibility } from "./normalize-label";

/** An amount read from a cell, with the unit written beside the number (null when none). */
export interface AmountInText extends ParsedAmount {
  /** The unit written with the number (`万` is 万元), before conversion; null for a bare number. */
  readonly writtenUnit: "亿元" | "万元" | "元" | null;
}

const EXPONENT: Readonly<Record<"亿元" | "万元" | "元", number>> = { 亿元: 8, 万元: 4, 元: 0 };

// A number with a money unit after it: `77300万元`, `449.8万`, `4,623 万`, `5000元`, `1.2亿元`.
const WITH_UNIT = /(-?[0-9][0-9,]*(?:\.[0-9]+)?)\s*(亿元|亿|万元|万|元)(?![0-9])/g;
// A number that ends the text and is no date or count: `…任务)50`, `…补助 50.29`; not `2021年`, `3个`.
const AT_END = /(?:^|[^0-9.,])(-?[0-9][0-9,]*(?:\.[0-9]+)?)$/;

/** `12.345` moved by `shift` decimal places (4: ×10000), exactly, as text. */
function shiftDecimal(digits: string, shift: number): { value: number; decimals: number } {
  const negative = digits.startsWith("-");
  const [whole = "0", fraction = ""] = (negative ? digits.slice(1) : digits).split(".");
  let all = whole + fraction;
  let point = whole.length + shift;
  if (point < 0) {
    all = "0".repeat(-point) + all;
    point = 0;
  }
  if (point > all.length) all += "0".repeat(point - all.length);
  const intPart = all.slice(0, point).replace(/^0+(?=[0-9])/, "") || "0";
  const fracPart = all.slice(point);
  const text = fracPart === "" ? intPart : `${intPart}.${fracPart}`;
  return { value: (negative ? -1 : 1) * Number(text), decimals: fracPart.length };
}

/**
 * The amount of a header-block cell in the table's unit. A plain number is read as parseAmount reads it; text
 * gives its number with a money unit (the last one), else the number that ends it; nothing found: value null.
 */
export function amountInText(cell: CellValue | undefined, tableUnit: AmountUnit | null): AmountInText {
  const plain = parseAmount(cell);
  if (plain.value !== null || typeof cell !== "string") return { ...plain, writtenUnit: null };
  const text = foldCompatibility(cell).trim();
  let digits: string | null = null;
  let unit: AmountInText["writtenUnit"] = null;
  for (let m = WITH_UNIT.exec(text); m !== null; m = WITH_UNIT.exec(text)) {
    digits = m[1]!;
    unit = m[2] === "亿" || m[2] === "亿元" ? "亿元" : m[2] === "元" ? "元" : "万元";
  }
  WITH_UNIT.lastIndex = 0;
  if (digits === null) digits = AT_END.exec(text)?.[1] ?? null;
  if (digits === null || (digits.includes(",") && !/^-?[0-9]{1,3}(,[0-9]{3})+(\.|$)/.test(digits)))
    return { raw: cell, value: null, decimals: 0, writtenUnit: null };
  const clean = digits.replace(/,/g, "");
  const shift = unit !== null && tableUnit !== null ? EXPONENT[unit] - EXPONENT[tableUnit] : 0;
  const { value, decimals } = shiftDecimal(clean, shift);
  return { raw: cell, value, decimals, writtenUnit: unit };
}
