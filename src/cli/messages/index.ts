import type { Locale } from "../../core";
import { enUS } from "./en-US";
import { zhCN, type CliMessages } from "./zh-CN";

export type { CliMessages } from "./zh-CN";

/** The command line's sentences in the user's language. */
export function cliMessagesFor(locale: Locale): CliMessages {
  return locale === "en-US" ? enUS : zhCN;
}
