import { statSync } from "fs";
import { resolve } from "path";

/**
 * Whether two paths name the same file, however spelled: `a.xlsx`, `./a.xlsx`, `dir/../a.xlsx`, an absolute
 * path, a symbolic or hard link. An existing file is compared by device and inode; a path that does not exist
 * yet cannot be an existing input.
 */
export function isSameFile(a: string, b: string, cwd: string): boolean {
  const pa = resolve(cwd, a);
  const pb = resolve(cwd, b);
  if (pa === pb) return true;
  try {
    const sa = statSync(pa);
    const sb = statSync(pb);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}
