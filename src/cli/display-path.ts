import { relative, resolve } from "path";

/** A path as the user should read it: relative to where they ran the command when it is below it. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, resolve(cwd, path));
  return rel && !rel.startsWith("..") ? rel : resolve(cwd, path);
}
