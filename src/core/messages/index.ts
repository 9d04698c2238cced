import type { IssueDraft, Issue } from "../model/issue";
import { enUS } from "./en-US";
import { zhCN, type Messages } from "./zh-CN";

export type { Messages } from "./zh-CN";
export { describeVerdict } from "./describe-verdict";
export type Locale = "zh-CN" | "en-US";

/** zh-CN unless the language tag is English ("en", "en-US", "en-GB", …). */
export function resolveLocale(languageTag: string | null | undefined): Locale {
  return languageTag && /^en\b/i.test(languageTag) ? "en-US" : "zh-CN";
}

export function messagesFor(locale: Locale): Messages {
  return locale === "en-US" ? enUS : zhCN;
}

export function localizeIssues(drafts: readonly IssueDraft[], locale: Locale): Issue[] {
  const table = messagesFor(locale).issues;
  // Object.assign rather than a spread: drafts come in many shapes (README, "Speed").
  return drafts.map((d) => Object.assign({}, d, { message: table[d.rule](d) }));
}
