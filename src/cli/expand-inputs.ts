/**
 * `check`'s arguments → the files to check. cmd.exe and PowerShell pass `*.xlsx` through as it is typed (only Unix
 * shells expand it), so the command line expands its own wildcards; a folder stands for every table file below it.
 */
import { readdirSync, statSync } from "fs";
import { basename, dirname, extname, join, resolve } from "path";
import { INPUT_EXTENSIONS } from "../xlsx/read-input";

export interface ExpandedInputs {
  /** The files, in the order given; each folder's and each wildcard's files sorted by path. */
  readonly files: readonly string[];
  /** Arguments that named nothing: a wildcard that matched no file, a folder without table files. */
  readonly empty: readonly { readonly argument: string; readonly kind: "pattern" | "folder" }[];
}

/** `*` and `?` in the last part of a path; `[` is left alone (a literal in file names like `表[1].xlsx`). */
const WILDCARD = /[*?]/;

/**
 * A file-name pattern as a regular expression: `*` any run of characters, `?` one; the rest literal. Matches, for
 * `*.xlsx`: `a.xlsx`, `财政局.xlsx`; for `表?.csv`: `表1.csv`.
 */
function patternRegExp(pattern: string, ignoreCase: boolean): RegExp {
  const body = pattern
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  return new RegExp(`^${body}$`, ignoreCase ? "is" : "s");
}

/** A file the checker reads: a table's extension, and not Excel's lock file of an open workbook (`~$表.xlsx`). */
function isTableFile(name: string): boolean {
  return (
    !name.startsWith("~$") && (INPUT_EXTENSIONS as readonly string[]).includes(extname(name).toLowerCase())
  );
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

/** Every table file below `folder` (hidden folders skipped), as `shown` joined with the relative path. */
function filesBelow(folder: string, shown: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, prefix: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith(".")) continue;
      if (entry.isDirectory()) walk(join(dir, entry.name), join(prefix, entry.name));
      else if (isTableFile(entry.name)) out.push(join(prefix, entry.name));
    }
  };
  walk(folder, shown);
  return out.sort(comparePaths);
}

function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Expands folders and wildcards; anything else (a file, or a path that does not exist) is passed on, so that the
 * checker says why it cannot be read. `exclude` (the summary being written) is never an input. The same file named
 * twice (by a wildcard and by name) is checked once. Windows compares names without case, as its file system does.
 */
export function expandInputs(
  args: readonly string[],
  cwd: string,
  options: { readonly exclude?: string; readonly ignoreCase?: boolean } = {},
): ExpandedInputs {
  const ignoreCase = options.ignoreCase ?? process.platform === "win32";
  const key = (path: string): string => {
    const full = resolve(cwd, path);
    return ignoreCase ? full.toLowerCase() : full;
  };
  const excluded = options.exclude === undefined ? null : key(options.exclude);
  const seen = new Set<string>();
  const files: string[] = [];
  const empty: { argument: string; kind: "pattern" | "folder" }[] = [];
  const add = (file: string): void => {
    const k = key(file);
    if (k === excluded || seen.has(k)) return;
    seen.add(k);
    files.push(file);
  };
  for (const arg of args) {
    const full = resolve(cwd, arg);
    if (isDirectory(full)) {
      const found = filesBelow(full, arg);
      if (found.length === 0) empty.push({ argument: arg, kind: "folder" });
      found.forEach(add);
    } else if (WILDCARD.test(basename(arg)) && !exists(full)) {
      const dir = dirname(arg);
      const pattern = patternRegExp(basename(arg), ignoreCase);
      let names: string[] = [];
      try {
        names = readdirSync(resolve(cwd, dir)).filter((n) => pattern.test(n) && isTableFile(n));
      } catch {
        names = [];
      }
      // `*.xlsx` stays `a.xlsx`, not `./a.xlsx`: the file as the user would type it.
      const matched = names
        .sort(comparePaths)
        .map((n) => (dir === "." && !arg.startsWith(".") ? n : join(dir, n)));
      if (matched.length === 0) empty.push({ argument: arg, kind: "pattern" });
      matched.forEach(add);
    } else {
      add(arg);
    }
  }
  return { files, empty };
}
