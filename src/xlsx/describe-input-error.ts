import { InputError, type LimitName } from "./input-error";
import type { InputErrorMessages } from "./messages";

/**
 * One sentence saying why a file could not be read; an unexpected error gives its own message, no stack.
 * `showPath` is how the shell names the file: the CLI shows a path relative to where it runs, the offline page
 * only the file name the clerk picked.
 */
export function describeInputError(
  error: unknown,
  m: InputErrorMessages,
  showPath: (path: string) => string,
): string {
  if (!(error instanceof InputError))
    return m.unreadable("", error instanceof Error ? error.message : String(error));
  const { detail } = error;
  const path = showPath(error.path);
  switch (error.reason) {
    case "not-found":
      return m.notFound(path);
    case "is-directory":
      return m.isDirectory(path);
    case "unsupported-type":
      return m.unsupportedType(path);
    case "legacy-format":
      return m.legacyFormat(path);
    case "not-xlsx": {
      // `xl/workbook.xml: unclosed start tag` or `missing part xl/styles.xml`: the part is named.
      const missing = /^missing part (.+)$/.exec(detail);
      if (missing) return m.notXlsxPart(path, missing[1]!, "missing");
      const broken = /^([^:\s]+\.(?:xml|rels|vml|bin)): (.+)$/.exec(detail);
      if (broken) return m.notXlsxPart(path, broken[1]!, broken[2]!);
      return m.notXlsx(path);
    }
    case "no-sheet":
      return m.noSheet(path);
    case "sheet-not-found": {
      const bar = detail.indexOf("|");
      return m.sheetNotFound(path, detail.slice(0, bar), detail.slice(bar + 1));
    }
    case "empty":
      return m.empty(path);
    case "unreadable":
      return m.unreadable(path, detail);
    case "encrypted":
      return m.encrypted(path);
    case "too-large": {
      const [limit, figure, where] = detail.split("|");
      return m.tooLarge(path, limit as LimitName, Number(figure), where ?? "");
    }
  }
}
