import type { Locale } from "../../core";
import { offlineEnUS } from "./en-US";
import { offlineZhCN, type OfflineMessages } from "./zh-CN";

export type { OfflineMessages } from "./zh-CN";

export function offlineMessagesFor(locale: Locale): OfflineMessages {
  return locale === "en-US" ? offlineEnUS : offlineZhCN;
}
