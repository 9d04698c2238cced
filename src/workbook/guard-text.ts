/** Text as the object models (Office.js, ET) take it into a cell, unchanged by the host's own parsing. */
import { needsTextGuard } from "../core";

/**
 * A leading apostrophe makes Excel keep the rest as text: `1-3` stays `1-3`, not a date; `=x` is not a formula.
 * A string that itself starts with an apostrophe gets one more, or Excel would swallow it.
 */
export function guardText(text: string): string {
  return needsTextGuard(text) || text.startsWith("'") ? `'${text}` : text;
}
