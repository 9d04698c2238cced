import { describeInputError as describeForShell } from "../xlsx/describe-input-error";
import { displayPath } from "./display-path";
import type { CliMessages } from "./messages";

/** Why a file could not be read, naming it by its path from the working directory (src/xlsx/messages). */
export function describeInputError(error: unknown, m: CliMessages, cwd: string): string {
  return describeForShell(error, m, (path) => displayPath(path, cwd));
}
