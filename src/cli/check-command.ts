import { extname, resolve } from "path";
import { countAnalysis, type Locale } from "../core";
import {
  summarizeAnalysis,
  summaryCsv,
  summaryWorkbook,
  unreadableFile,
  type SummaryFile,
  type SummaryProblem,
} from "../xlsx/batch-summary";
import { countInput } from "../xlsx/count-input";
import { analyzeInput } from "../xlsx/normalize-workbook";
import { readInput } from "../xlsx/read-input";
import type { CliIo } from "./cli-io";
import { describeInputError } from "./describe-input-error";
import { describeSheets } from "./describe-tables";
import { displayPath } from "./display-path";
import { EXIT_HAS_ERRORS, EXIT_OK, EXIT_UNREADABLE } from "./exit-codes";
import { expandInputs } from "./expand-inputs";
import { cliMessagesFor, type CliMessages } from "./messages";
import type { InputOptions } from "./parse-args";
import { ProgressBar } from "./progress-bar";
import { describeCounts, type AnalysisCounts } from "./summarize-analysis";
import { writeOutputFile } from "./write-output-file";

export interface CheckArgs extends InputOptions {
  readonly files: readonly string[];
  readonly format: "text" | "json";
  readonly summary?: string | null;
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
  /** The department the (first) table names, when it names one. */
  readonly department?: string;
  /** Every problem, with its cell, rule, message and advice (as on 校验结果). */
  readonly problems?: readonly SummaryProblem[];
}

/** Without a terminal to redraw on, a progress line on stderr at most this often, for batches this long. */
const PROGRESS_LINE_MS = 1000;
const PROGRESS_MIN_FILES = 10;

/** Progress on stderr: a bar redrawn in place on a terminal, else a line now and then for a long batch. */
function progressReporter(
  io: CliIo,
  total: number,
  m: CliMessages,
): { draw(done: number, shown: string): void; clear(): void } {
  if (io.stderrIsTTY) return new ProgressBar(io.stderrControl ?? io.stderr, total);
  let last = Date.now();
  return {
    draw(done) {
      if (total < PROGRESS_MIN_FILES || done === 0 || Date.now() - last < PROGRESS_LINE_MS) return;
      last = Date.now();
      io.stderr(`${m.progressLine(done, total)}\n`);
    },
    clear() {},
  };
}

/**
 * `check <files, folders, wildcards…>`: every file is read and analysed (one unreadable file does not stop the
 * others); one line per file, then a total. With `--summary` or `--format json` each file's problems are kept and
 * listed too. Exit 2 if a file could not be read, else 1 if any file has an error, else 0.
 */
export async function checkCommand(args: CheckArgs, locale: Locale, io: CliIo): Promise<number> {
  const m = cliMessagesFor(locale);
  const summaryPath = args.summary ? resolve(io.cwd, args.summary) : null;
  const expanded = expandInputs(args.files, io.cwd, summaryPath === null ? {} : { exclude: summaryPath });
  // Problems are worded only when they are printed or written: a plain check counts them (count-input.ts).
  const keepProblems = args.format === "json" || summaryPath !== null;
  const progress = progressReporter(io, expanded.files.length, m);
  const results: CheckedFile[] = [];
  const summaries: SummaryFile[] = [];
  const report = (result: CheckedFile): void => {
    results.push(result);
    if (args.format !== "text") return;
    progress.clear();
    if (result.noTable !== undefined) {
      io.stdout(`${m.fileNoTable(result.file, result.noTable)}\n`);
    } else if (result.counts) {
      const { counts, issues } = describeCounts(result.counts, m);
      io.stdout(`${m.fileLine(`${result.file}${result.sheets ?? ""}`, counts, issues)}\n`);
    } else {
      io.stdout(`${m.fileFailed(result.file, result.error ?? "")}\n`);
    }
  };
  for (const { argument, kind } of expanded.empty) {
    const reason = kind === "pattern" ? m.noMatch(argument) : m.noTableFiles(argument);
    report({ file: argument, counts: null, error: reason });
    summaries.push(unreadableFile(argument, reason));
  }
  const tolerance = args.tolerance !== undefined ? { tolerance: args.tolerance } : {};
  for (const [index, file] of expanded.files.entries()) {
    const shown = displayPath(file, io.cwd);
    progress.draw(index, shown);
    let result: CheckedFile;
    try {
      // check writes nothing, so the run record's marks are never needed: its part is not read.
      const input = await readInput(resolve(io.cwd, file), {
        marks: false,
        ...(args.sheet !== undefined ? { sheet: args.sheet } : {}),
      });
      let counts: AnalysisCounts & { readonly noTable?: string };
      let summary: SummaryFile | null = null;
      if (keepProblems) {
        const analysis = analyzeInput(input, { locale, ...tolerance });
        summary = summarizeAnalysis(shown, analysis, input.kind === "xlsx" ? input.sheetName : "", locale);
        counts = countAnalysis(analysis);
        if (analysis.table === null) counts = { ...counts, noTable: summary.note };
        summaries.push(summary);
      } else {
        // Only the counts are printed: they are worked out without keeping the analysis (count-input.ts).
        counts = countInput(input, { locale, ...tolerance });
      }
      const noTable = counts.noTable;
      const sheets = noTable ? "" : describeSheets(input, m);
      const { noTable: _drop, ...plainCounts } = counts;
      result = {
        file: shown,
        counts: plainCounts,
        error: null,
        ...(noTable ? { noTable } : {}),
        ...(sheets ? { sheets } : {}),
        ...(summary ? { department: summary.department, problems: summary.problems } : {}),
      };
    } catch (error) {
      const reason = describeInputError(error, m, io.cwd);
      result = { file: shown, counts: null, error: reason };
      summaries.push(unreadableFile(shown, reason));
    }
    report(result);
  }
  progress.clear();
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
  if (summaryPath !== null) {
    const csv = extname(summaryPath).toLowerCase() === ".csv";
    const bytes = csv
      ? new TextEncoder().encode(summaryCsv(summaries, locale))
      : summaryWorkbook(summaries, locale);
    const shown = displayPath(summaryPath, io.cwd);
    try {
      writeOutputFile(summaryPath, bytes);
    } catch (error) {
      io.stderr(`${m.cannotWrite(shown, error instanceof Error ? error.message : String(error))}\n`);
      return EXIT_UNREADABLE;
    }
    const problems = summaries.reduce((n, f) => n + f.problems.length, 0);
    // stdout stays the JSON alone when it is JSON.
    const say = args.format === "json" ? io.stderr : io.stdout;
    say(`${m.summaryWritten(shown, problems, summaries.length)}\n`);
  }
  if (total.unreadable > 0) return EXIT_UNREADABLE;
  return total.errors > 0 ? EXIT_HAS_ERRORS : EXIT_OK;
}
