import { relative, resolve } from "path";
import { escapeName } from "./terminal-text";

/**
 * A path as the user should read it: relative to where they ran the command when it is below it, with its control
 * characters (a line feed in a file name) escaped, so it stays on its line.
 */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, resolve(cwd, path));
  return escapeName(rel && !rel.startsWith("..") ? rel : resolve(cwd, path));
}
