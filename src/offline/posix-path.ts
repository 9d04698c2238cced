/**
 * Node's `path.basename` and `path.extname` (POSIX rules) for the browser: the offline build resolves `path` here
 * (scripts/build-offline.mjs), because src/xlsx/read-input.ts names files with them. A browser's file input gives
 * a bare file name, so no folder rules matter beyond the last `/`. test/offline/posix-path.test.ts holds both to
 * Node's own on the same names.
 */
function lastSegment(path: string): string {
  let end = path.length;
  while (end > 1 && path[end - 1] === "/") end--;
  const trimmed = path.slice(0, end);
  return trimmed.slice(trimmed.lastIndexOf("/") + 1);
}

export function basename(path: string, extension?: string): string {
  const base = lastSegment(path);
  return extension !== undefined && extension !== base && base.endsWith(extension)
    ? base.slice(0, base.length - extension.length)
    : base;
}

export function extname(path: string): string {
  const base = lastSegment(path);
  const dot = base.lastIndexOf(".");
  // ".tsv" and ".." have no extension; "a." has ".".
  return dot <= 0 || base === ".." ? "" : base.slice(dot);
}
