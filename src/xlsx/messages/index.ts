import type { Locale } from "../../core";
import { batchSummaryEnUS, inputErrorsEnUS } from "./en-US";
import {
  batchSummaryZhCN,
  inputErrorsZhCN,
  type BatchSummaryMessages,
  type InputErrorMessages,
} from "./zh-CN";

export type { BatchSummaryMessages, InputErrorMessages } from "./zh-CN";
export { inputErrorsEnUS } from "./en-US";
export { inputErrorsZhCN } from "./zh-CN";

/** The sentences that say why a file cannot be read, in the user's language. */
export function inputErrorMessagesFor(locale: Locale): InputErrorMessages {
  return locale === "en-US" ? inputErrorsEnUS : inputErrorsZhCN;
}

/** The batch summary's sheet names, headers and verdicts, in the user's language. */
export function batchSummaryMessagesFor(locale: Locale): BatchSummaryMessages {
  return locale === "en-US" ? batchSummaryEnUS : batchSummaryZhCN;
}
