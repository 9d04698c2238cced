import type { Locale } from "../../core";
import { wpsEnUS } from "./en-US";
import { wpsZhCN, type WpsMessages } from "./zh-CN";

export type { WpsMessages } from "./zh-CN";

export function wpsMessagesFor(locale: Locale): WpsMessages {
  return locale === "en-US" ? wpsEnUS : wpsZhCN;
}
