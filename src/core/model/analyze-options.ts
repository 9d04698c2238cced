/**
 * The options a user types (the CLI's --tolerance and --lang, the pane's tolerance box) are checked here, once,
 * so that every shell accepts and refuses the same values. Shells pass the raw text; a refusal carries it back
 * for the shell's own message.
 *
 * The core's stages take only what this module gives: a Tolerance (a number this module has checked), and the
 * AnalyzeSettings that the analysis entries settle once from their options. A tolerance that is not a finite
 * number ≥ 0 never reaches a check: handed to an entry in code, it is a bug and is thrown, not quietly replaced
 * by the default.
 */
import type { Locale } from "../messages";

export type OptionReading<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly raw: string };

/** A reconciliation tolerance this module has checked: a finite number ≥ 0, in the table's amount unit. */
export type Tolerance = number & { readonly __checkedTolerance: true };

/**
 * A reconciliation tolerance in the table's amount unit. Empty or absent → undefined (the core's default, half
 * the last displayed digit); a finite number ≥ 0 → that number; anything else is refused.
 * Examples: "" → default, "0.01" → 0.01, " 1 " → 1, "-1" / "abc" / "1e999" → refused.
 */
export function readTolerance(raw: string | number | null | undefined): OptionReading<Tolerance | undefined> {
  if (raw === null || raw === undefined) return { ok: true, value: undefined };
  const text = typeof raw === "number" ? String(raw) : raw.trim();
  if (text === "") return { ok: true, value: undefined };
  const value = typeof raw === "number" ? raw : Number(text);
  return Number.isFinite(value) && value >= 0
    ? { ok: true, value: value as Tolerance }
    : { ok: false, raw: String(raw) };
}

/**
 * A tolerance given in code (a shell's option already read by readTolerance, a test's figure): undefined stays
 * the default; anything readTolerance refuses is a bug in the caller and is thrown.
 */
export function checkedTolerance(value: number | undefined): Tolerance | undefined {
  if (value === undefined) return undefined;
  const read = readTolerance(value);
  if (!read.ok) throw new RangeError(`tolerance must be a finite number >= 0, got ${read.raw}`);
  return read.value;
}

/** What the checks take: the options of an analysis, settled once at its entry. */
export interface CheckSettings {
  /** Absolute tolerance in the table's amount unit; undefined: half the last displayed digit. */
  readonly tolerance?: Tolerance;
}

/** CheckSettings from an entry's options (analyzeTable's, the file shell's): the tolerance checked once. */
export function settleCheckOptions(options: { readonly tolerance?: number }): CheckSettings {
  const tolerance = checkedTolerance(options.tolerance);
  return tolerance === undefined ? {} : { tolerance };
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
