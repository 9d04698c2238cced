import { basename, dirname, extname, join, resolve } from "path";
import { describeVerdict, messagesFor, type Analysis, type Locale } from "../core";
import { nodeZipCodec } from "../xlsx/node-zip-codec";
import { analyzeInput, normalizeInput, type NormalizedWorkbook } from "../xlsx/normalize-workbook";
import { countOverlongCells, readInput, type InputTable } from "../xlsx/read-input";
import type { CliIo } from "./cli-io";
import { describeInputError } from "./describe-input-error";
import { describeSheets, describeTables } from "./describe-tables";
import { displayPath } from "./display-path";
import { escapeName } from "./terminal-text";
import { EXIT_HAS_ERRORS, EXIT_OK, EXIT_UNREADABLE } from "./exit-codes";
import { cliMessagesFor } from "./messages";
import type { InputOptions } from "./parse-args";
import { isSameFile } from "./same-file";
import { countAnalysis, describeCounts } from "./summarize-analysis";
import { writeOutputFile } from "./write-output-file";

export interface NormalizeArgs extends InputOptions {
  readonly file: string;
  readonly json: boolean;
  readonly output: string | null;
}

/**
 * The output's extension: a macro workbook stays .xlsm (Excel refuses macros in a file named .xlsx, and the
 * package keeps them); everything else becomes .xlsx.
 */
function outputExtension(input: string): ".xlsx" | ".xlsm" {
  return extname(input).toLowerCase() === ".xlsm" ? ".xlsm" : ".xlsx";
}

/** `a/b/表.tsv` → `a/b/表.normalized.xlsx`: beside the input, never the input itself. */
export function defaultOutputPath(file: string): string {
  return join(dirname(file), `${basename(file, extname(file))}.normalized${outputExtension(file)}`);
}

/** `normalize <file> --json` prints the analysis; `normalize <file> [-o out.xlsx]` writes the workbook. */
export async function normalizeCommand(args: NormalizeArgs, locale: Locale, io: CliIo): Promise<number> {
  const inputPath = resolve(io.cwd, args.file);
  if (args.json) {
    const input = await readInputOrReport(inputPath, args, locale, io);
    if (input === null) return EXIT_UNREADABLE;
    const analysis = analyzeInput(input, { locale, ...tolerance(args) });
    io.stdout(`${JSON.stringify(analysis, null, 2)}\n`);
    // Where the tables were found, when that is not simply the one table of the first sheet (stdout is the JSON).
    const m = cliMessagesFor(locale);
    if (analysis.tables !== undefined || describeSheets(input, m) !== "")
      io.stderr(`${describeTables(analysis, input, m).join("\n")}\n`);
    // The analysis says there is no table (one no-table issue); the status says so too.
    return analysis.table === null ? EXIT_HAS_ERRORS : EXIT_OK;
  }
  const output = resolve(io.cwd, args.output ?? defaultOutputPath(args.file));
  const result = await writeNormalized(inputPath, output, args, locale, io);
  if (result === null) return EXIT_UNREADABLE;
  if (result.bytes === null) return EXIT_HAS_ERRORS;
  printSummary(result, output, locale, io);
  return EXIT_OK;
}

function tolerance(args: InputOptions): { tolerance?: number } {
  return args.tolerance !== undefined ? { tolerance: args.tolerance } : {};
}

/** Reads the input; on failure prints one line on stderr saying what is wrong and returns null. */
async function readInputOrReport(
  inputPath: string,
  args: InputOptions,
  locale: Locale,
  io: CliIo,
): Promise<InputTable | null> {
  try {
    return await readInput(inputPath, args.sheet !== undefined ? { sheet: args.sheet } : {});
  } catch (error) {
    io.stderr(`${describeInputError(error, cliMessagesFor(locale), io.cwd)}\n`);
    return null;
  }
}

export type WrittenWorkbook = NormalizedWorkbook & {
  readonly overlongSourceCells: number;
  /** Which tables were read, one line each (describe-tables.ts). */
  readonly tablesRead: readonly string[];
};

/**
 * Reads, normalizes and writes; prints one line on stderr and returns null when it cannot. When no table is found
 * nothing is written: it says what it looked for and what to do, and the result's bytes are null.
 */
export async function writeNormalized(
  inputPath: string,
  output: string,
  args: InputOptions,
  locale: Locale,
  io: CliIo,
  extra: { readonly compareWith?: Analysis } = {},
): Promise<WrittenWorkbook | null> {
  const m = cliMessagesFor(locale);
  const wanted = outputExtension(inputPath);
  if (extname(output).toLowerCase() !== wanted) {
    io.stderr(`${m.outputExtension(displayPath(output, io.cwd), wanted)}\n`);
    return null;
  }
  if (isSameFile(inputPath, output, io.cwd)) {
    io.stderr(`${m.outputIsInput(displayPath(output, io.cwd))}\n`);
    return null;
  }
  const input = await readInputOrReport(inputPath, args, locale, io);
  if (input === null) return null;
  const normalized = await normalizeInput(input, {
    locale,
    codec: nodeZipCodec,
    ...tolerance(args),
    ...extra,
  });
  if (normalized.bytes === null) {
    const issue =
      normalized.analysis.issues.find((i) => i.rule === "no-table") ?? normalized.analysis.issues[0];
    const advice = issue ? messagesFor(locale).advice[issue.rule](issue) : "";
    io.stderr(`${m.noTable(displayPath(inputPath, io.cwd), issue?.message ?? "", advice)}\n`);
    return { ...normalized, overlongSourceCells: 0, tablesRead: [] };
  }
  try {
    writeOutputFile(output, normalized.bytes);
  } catch (error) {
    io.stderr(`${m.cannotWrite(displayPath(output, io.cwd), (error as Error).message)}\n`);
    return null;
  }
  return {
    ...normalized,
    overlongSourceCells: input.kind === "text" ? countOverlongCells(input.grid) : 0,
    tablesRead: describeTables(normalized.analysis, input, cliMessagesFor(locale)),
  };
}

export function printSummary(result: WrittenWorkbook, output: string, locale: Locale, io: CliIo): void {
  const m = cliMessagesFor(locale);
  const tally = countAnalysis(result.analysis);
  const { counts, issues } = describeCounts(tally, m);
  const verdict = describeVerdict(tally, messagesFor(locale));
  const [detail, checks] = result.plan.sheets;
  const truncated = (result.plan.truncated?.length ?? 0) + result.overlongSourceCells;
  const lines = [
    ...result.tablesRead,
    counts,
    m.problemsLine(issues),
    ...(verdict !== null ? [verdict] : []),
    ...issueLines(result, locale),
    m.wrote(displayPath(output, io.cwd)),
    m.sheetsWritten(detail?.name ?? "", checks?.name ?? ""),
    ...(truncated > 0 ? [m.truncatedCells(truncated)] : []),
    ...(result.marksLeft > 0 ? [m.marksLeft(result.marksLeft)] : []),
    ...(result.notesSkipped > 0 ? [m.notesSkipped(result.notesSkipped)] : []),
    ...result.clerkColumns.map((c) => m.clerkColumnsReplaced(escapeName(c.sheet), c.columns)),
  ];
  io.stdout(`${lines.join("\n")}\n`);
}

/** The errors and warnings, worst first, a few of them: what to fix first. Notes stay in the checks sheet. */
function issueLines(result: NormalizedWorkbook, locale: Locale, limit = 5): string[] {
  const m = cliMessagesFor(locale);
  const { severity } = messagesFor(locale);
  const all = result.analysis.issues;
  const serious = all.filter((i) => i.severity !== "info");
  const lines = serious
    .slice(0, limit)
    .map((i) => m.issueLine(severity[i.severity], i.cell ?? "", i.message));
  const rest = all.length - lines.length;
  const checks = result.plan.sheets.find((s) => s.key === "checks")?.name ?? "";
  return rest > 0 && lines.length < all.length ? [...lines, m.moreIssues(rest, checks)] : lines;
}
