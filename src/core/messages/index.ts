import type { IssueDraft, Issue } from "../model/issue";
import type { Finding } from "../compare/finding";
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

/** A finding with its kind's name, its sentence and what to check, in the user's language (the 年度对比 sheet). */
export interface LocalizedFinding extends Finding {
  readonly name: string;
  readonly message: string;
  readonly advice: string;
}

export function localizeFindings(findings: readonly Finding[], locale: Locale): LocalizedFinding[] {
  const { compare } = messagesFor(locale);
  return findings.map((f) =>
    Object.assign({}, f, {
      name: compare.names[f.kind],
      message: compare.messages[f.kind](f),
      advice: compare.advice[f.kind](f),
    }),
  );
}
