import type { Indicator } from "../model/analysis";
import type { NoiseRun } from "./strip-noise";

/**
 * What splitting one cell's indicator text gives, before values are parsed and cells addressed. Both splitters
 * (the general scanner in split-indicators.ts and its one-regex fast path in split-well-formed-items.ts) return
 * these, so they live apart from both.
 */

/** One item as split: the Indicator fields the text gives. */
export interface SplitItem extends Pick<
  Indicator,
  "seq" | "level1" | "level2" | "name" | "periodValue" | "annualValue" | "raw"
> {
  /** Offsets in the original text of the item: from its number to its closing `。`. */
  readonly start: number;
  readonly end: number;
}

/** Text that belongs to no item, quoted as written. */
export interface LeftoverText {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface SplitResult {
  readonly items: readonly SplitItem[];
  /** Goal mode: the text before the first item, markup removed and trimmed. Indicator mode: "". */
  readonly goal: string;
  readonly unparsed: readonly LeftoverText[];
  /** Markup runs that were left out of the fields. */
  readonly markup: readonly NoiseRun[];
}
