import { resolve } from "path";
import type { Locale } from "../core";
import { countInput } from "../xlsx/count-input";
import { readInput } from "../xlsx/read-input";
import type { CliIo } from "./cli-io";
import { describeInputError } from "./describe-input-error";
import { describeSheets } from "./describe-tables";
import { EXIT_HAS_ERRORS, EXIT_OK, EXIT_UNREADABLE } from "./exit-codes";
import { cliMessagesFor } from "./messages";
import { displayPath } from "./display-path";
import type { InputOptions } from "./parse-args";
import { ProgressBar } from "./progress-bar";
import { describeCounts, type AnalysisCounts } from "./summarize-analysis";

export interface CheckArgs extends InputOptions {
  readonly files: readonly string[];
  readonly format: "text" | "json";
}

/** One file's result in `check --format json`. */
export interface CheckedFile {
  readonly file: string;
  readonly counts: AnalysisCounts | null;
  /** Why the file could not be read; null when it was checked. */
  readonly error: string | null;
  /** When no table was found in it: what was looked for (the file counts as one with an error). */
  readonly noTable?: string;
  /** The sheets read, when a workbook's tables are not simply on its first sheet (`（工作表：A、B）`); else "". */
  readonly sheets?: string;
}

/**
 * `check <files…>`: every file is read and analysed (one unreadable file does not stop the others); one line
 * per file, then a total. Exit 2 if a file could not be read, else 1 if any file has an error, else 0.
 */
export async function checkCommand(args: CheckArgs, locale: Locale, io: CliIo): Promise<number> {
  const m = cliMessagesFor(locale);
  const progress = io.stderrIsTTY ? new ProgressBar(io.stderrControl ?? io.stderr, args.files.length) : null;
  const results: CheckedFile[] = [];
  for (const [index, file] of args.files.entries()) {
    const shown = displayPath(file, io.cwd);
    progress?.draw(index, shown);
    let result: CheckedFile;
    try {
      const input = await readInput(
        resolve(io.cwd, file),
        args.sheet !== undefined ? { sheet: args.sheet } : {},
      );
      // Only the counts are printed: they are worked out without keeping the analysis (count-input.ts).
      const counts = countInput(input, {
        locale,
        ...(args.tolerance !== undefined ? { tolerance: args.tolerance } : {}),
      });
      const noTable = counts.noTable;
      const sheets = noTable ? "" : describeSheets(input, m);
      result = {
        file: shown,
        counts,
        error: null,
        ...(noTable ? { noTable } : {}),
        ...(sheets ? { sheets } : {}),
      };
    } catch (error) {
      result = { file: shown, counts: null, error: describeInputError(error, m, io.cwd) };
    }
    results.push(result);
    if (args.format === "text") {
      progress?.clear();
      if (result.noTable !== undefined) {
        io.stdout(`${m.fileNoTable(result.file, result.noTable)}\n`);
      } else if (result.counts) {
        const { counts, issues } = describeCounts(result.counts, m);
        io.stdout(`${m.fileLine(`${result.file}${result.sheets ?? ""}`, counts, issues)}\n`);
      } else {
        io.stdout(`${m.fileFailed(result.file, result.error ?? "")}\n`);
      }
    }
  }
  progress?.clear();
  const sum = (key: "errors" | "warnings" | "infos"): number =>
    results.reduce((n, r) => n + (r.counts?.[key] ?? 0), 0);
  const total = {
    files: results.length,
    errors: sum("errors"),
    warnings: sum("warnings"),
    infos: sum("infos"),
    unreadable: results.filter((r) => r.error !== null).length,
  };
  if (args.format === "json") {
    io.stdout(`${JSON.stringify({ files: results, total }, null, 2)}\n`);
  } else {
    io.stdout(
      `${m.total(total.files, m.issueCounts(total.errors, total.warnings, total.infos), total.unreadable)}\n`,
    );
  }
  if (total.unreadable > 0) return EXIT_UNREADABLE;
  return total.errors > 0 ? EXIT_HAS_ERRORS : EXIT_OK;
}
