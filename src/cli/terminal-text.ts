/**
 * Text that reaches a terminal shows its control characters escaped, so that a project name, a sheet name or a
 * file name can never clear the screen, retitle the window, move the cursor or reorder the line (ECMA-48 escape
 * and control sequences start with ESC, or with a C1 control such as CSI U+009B; bidirectional overrides turn
 * the rest of a line around). Each becomes `\uXXXX`, readable and still valid inside the JSON output.
 */

/**
 * C0 controls but tab and line feed, DEL, C1 controls, the line and paragraph separators, and the bidirectional
 * embeddings, overrides and isolates. Matches, by example: ESC (U+001B), CR, U+009B, U+202E, U+2066.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point.
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

/** One character as `\uXXXX`. */
function escaped(ch: string): string {
  return `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
}

export function escapeTerminalText(text: string): string {
  return text.replace(UNSAFE, escaped);
}

/**
 * Every control character escaped, line feed and tab included: for a name (a file's, a sheet's) printed inside a
 * line, where a line feed would start a line the name's author wrote (`a.xlsx\n合计：0 个文件` forging a summary).
 * Matches, by example: LF, TAB, ESC, U+202E.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point.
const UNSAFE_IN_NAME = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

export function escapeName(text: string): string {
  return text.replace(UNSAFE_IN_NAME, escaped);
}
