import type { Locale } from "../../core";
import { inputErrorsEnUS } from "./en-US";
import { inputErrorsZhCN, type InputErrorMessages } from "./zh-CN";

export type { InputErrorMessages } from "./zh-CN";
export { inputErrorsEnUS } from "./en-US";
export { inputErrorsZhCN } from "./zh-CN";

/** The sentences that say why a file cannot be read, in the user's language. */
export function inputErrorMessagesFor(locale: Locale): InputErrorMessages {
  return locale === "en-US" ? inputErrorsEnUS : inputErrorsZhCN;
}
