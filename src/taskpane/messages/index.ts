import type { Locale } from "../../core";
import { paneEnUS } from "./en-US";
import { paneZhCN, type PaneMessages } from "./zh-CN";

export type { PaneMessages } from "./zh-CN";

/** The Office shell's wording in the user's language (zh-CN unless Office is in English). */
export function paneMessagesFor(locale: Locale): PaneMessages {
  return locale === "en-US" ? paneEnUS : paneZhCN;
}
