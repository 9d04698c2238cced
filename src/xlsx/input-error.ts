/**
 * Why an input file cannot be analysed. The shells throw it for I/O problems (the core never throws); the CLI
 * turns `reason` into one sentence in the user's language.
 */
export type InputErrorReason =
  | "not-found"
  | "is-directory"
  | "unsupported-type"
  | "not-xlsx"
  | "no-sheet"
  | "sheet-not-found"
  | "empty"
  | "unreadable";

export class InputError extends Error {
  constructor(
    readonly reason: InputErrorReason,
    readonly path: string,
    /** The sheet asked for, or the system's own explanation. */
    readonly detail: string = "",
  ) {
    super(`${reason}: ${path}${detail ? ` (${detail})` : ""}`);
    this.name = "InputError";
  }
}
