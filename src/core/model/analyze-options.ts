/**
 * The options a user types (the CLI's --tolerance and --lang, the pane's tolerance box) are checked here, once,
 * so that every shell accepts and refuses the same values. Shells pass the raw text; a refusal carries it back
 * for the shell's own message.
 */
import type { Locale } from "../messages";

export type OptionReading<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly raw: string };

/**
 * A reconciliation tolerance in the table's amount unit. Empty or absent → undefined (the core's default, half
 * the last displayed digit); a finite number ≥ 0 → that number; anything else is refused.
 * Examples: "" → default, "0.01" → 0.01, " 1 " → 1, "-1" / "abc" / "1e999" → refused.
 */
export function readTolerance(raw: string | number | null | undefined): OptionReading<number | undefined> {
  if (raw === null || raw === undefined) return { ok: true, value: undefined };
  const text = typeof raw === "number" ? String(raw) : raw.trim();
  if (text === "") return { ok: true, value: undefined };
  const value = typeof raw === "number" ? raw : Number(text);
  return Number.isFinite(value) && value >= 0 ? { ok: true, value } : { ok: false, raw: String(raw) };
}

/**
 * A language the user asked for by name: English ("en", "en-US", "EN_gb") or Chinese ("zh", "zh-CN", "zh_TW");
 * absent → zh-CN; anything else is refused. (Office's display language is read leniently by resolveLocale.)
 */
export function readLocale(raw: string | null | undefined): OptionReading<Locale> {
  if (raw === null || raw === undefined) return { ok: true, value: "zh-CN" };
  // Examples: "en", "en-US", "en_GB" · "zh", "zh-CN".
  if (/^en(?:[-_].*)?$/i.test(raw.trim())) return { ok: true, value: "en-US" };
  if (/^zh(?:[-_].*)?$/i.test(raw.trim())) return { ok: true, value: "zh-CN" };
  return { ok: false, raw };
}
