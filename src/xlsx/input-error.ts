/**
 * Why an input file cannot be analysed. The shells throw it for I/O problems and limits (the core never
 * throws); the CLI turns `reason` into one sentence in the user's language.
 */
export type InputErrorReason =
  | "not-found"
  | "is-directory"
  | "unsupported-type"
  /** Excel 97-2003 (.xls) or WPS (.et): not read; the message says how to save it as .xlsx. */
  | "legacy-format"
  | "not-xlsx"
  | "encrypted"
  | "no-sheet"
  | "sheet-not-found"
  | "empty"
  | "unreadable"
  /** Over a limit (package-limits.ts); `detail` says which, as `limit|figure|where`. */
  | "too-large";

/** Which limit a "too-large" error is about. */
export type LimitName =
  "package" | "part" | "rows" | "columns" | "cell-text" | "table-text" | "table-cells" | "table-rows";

export class InputError extends Error {
  constructor(
    readonly reason: InputErrorReason,
    readonly path: string,
    /** The sheet asked for, the system's own explanation, or the limit. */
    readonly detail: string = "",
  ) {
    super(`${reason}: ${path}${detail ? ` (${detail})` : ""}`);
    this.name = "InputError";
  }
}

/** A limit error: `limit` names it, `figure` is the limit's value, `where` the cell or part (may be empty). */
export function limitError(path: string, limit: LimitName, figure: number, where = ""): InputError {
  return new InputError("too-large", path, `${limit}|${figure}|${where}`);
}
