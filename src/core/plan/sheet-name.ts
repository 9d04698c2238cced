/**
 * Excel's rules for worksheet names, applied before a sheet is created so that Excel, Excel on the web and
 * LibreOffice all accept the name: at most 31 characters; none of `: \ / ? * [ ]` (the full-width forms
 * `：＼／？＊［］` are refused by Excel too); no leading or trailing apostrophe; not blank; not "History"
 * (reserved by Excel's change tracking); unique within the workbook, ignoring case.
 */

import { cutText } from "./fit-cell-text";

export const MAX_SHEET_NAME_LENGTH = 31;

/** Characters Excel refuses in a sheet name, half- and full-width. */
const FORBIDDEN = new Set([":", "\\", "/", "?", "*", "[", "]", "：", "＼", "／", "？", "＊", "［", "］"]);

/** Replaces forbidden characters with "_", drops apostrophes at either end and surrounding blanks. */
export function sanitizeSheetName(wanted: string, fallback = "Sheet"): string {
  let name = "";
  for (const ch of wanted) name += FORBIDDEN.has(ch) || ch < " " ? "_" : ch;
  name = trimApostrophes(name.trim());
  name = trimApostrophes(cutText(name, MAX_SHEET_NAME_LENGTH).trim());
  if (name === "") return fallback;
  if (name.toLowerCase() === "history") return `${name}_`;
  return name;
}

function trimApostrophes(name: string): string {
  let start = 0;
  let end = name.length;
  while (start < end && name[start] === "'") start++;
  while (end > start && name[end - 1] === "'") end--;
  return name.slice(start, end);
}

/**
 * A valid sheet name close to `wanted` that none of `avoid` takes (case-insensitively): `指标明细`, then
 * `指标明细 (2)`, `指标明细 (3)`, …, shortening the base so the suffix fits in 31 characters.
 */
export function uniqueSheetName(wanted: string, avoid: Iterable<string>): string {
  const taken = new Set<string>();
  for (const name of avoid) taken.add(name.toLowerCase());
  const base = sanitizeSheetName(wanted);
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${trimApostrophes(cutText(base, MAX_SHEET_NAME_LENGTH - suffix.length).trimEnd())}${suffix}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/** Whether Excel would accept `name` as a sheet name (ignoring uniqueness). */
export function isValidSheetName(name: string): boolean {
  return sanitizeSheetName(name, "") === name && name !== "";
}

/** `指标明细` → `'指标明细'`; `It's` → `'It''s'`: the quoted form used in references and links. */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** "'O''Brien'" → "O'Brien"; "Sheet1" → "Sheet1": the name inside a reference's sheet part. */
export function unquoteSheetName(part: string): string {
  if (part.length >= 2 && part.startsWith("'") && part.endsWith("'"))
    return part.slice(1, -1).replace(/''/g, "'");
  return part;
}
