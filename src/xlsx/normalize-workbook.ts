/**
 * Analyse an input and build the output package: pure apart from nothing (bytes in, bytes out); the CLI
 * writes the bytes to a file, a browser page offers them as a download.
 */
import type { Analysis } from "../core/analysis";
import { analyzeTable } from "../core/analyze-table";
import { buildPlan } from "../core/build-plan";
import { sheetCell } from "../core/cell-address";
import { makeIssue, sortIssues } from "../core/issue";
import { localizeIssues, messagesFor, type Locale } from "../core/messages";
import type { Plan } from "../core/plan";
import { namesInUse, writeNormalizedPackage } from "./edit-package";
import { findInvalidCharacters } from "./find-invalid-characters";
import { DEFAULT_LIMITS } from "./package-limits";
import type { InputTable } from "./read-input";
import { EMPTY_RECORD } from "./run-record";
import { textPackage } from "./text-package";
import { openPackage } from "./xlsx-package";
import { fflateCodec, type ZipCodec } from "./zip-codec";

export interface AnalyzeInputOptions {
  readonly locale: Locale;
  readonly tolerance?: number;
}

export interface NormalizeOptions extends AnalyzeInputOptions {
  readonly codec?: ZipCodec;
}

export interface NormalizedWorkbook {
  /** The output package. */
  readonly bytes: Uint8Array;
  readonly analysis: Analysis;
  readonly plan: Plan;
  /** Earlier marks left in place because the clerk changed their fill since. */
  readonly marksLeft: number;
}

/** The core's analysis plus the file shell's own findings (characters no program can be trusted to keep). */
export function analyzeInput(input: InputTable, options: AnalyzeInputOptions): Analysis {
  const analysis = analyzeTable(input.grid, {
    origin: input.origin,
    locale: options.locale,
    ...(options.tolerance !== undefined ? { tolerance: options.tolerance } : {}),
  });
  const found = [
    ...findInvalidCharacters(input.grid, input.origin),
    ...(input.invalidBytes ?? []).map((b) =>
      makeIssue("invalid-bytes", sheetCell(input.origin.row + b.row, input.origin.column + b.column), {
        byteOffset: b.byteOffset,
      }),
    ),
  ];
  if (found.length === 0) return analysis;
  return { ...analysis, issues: sortIssues([...analysis.issues, ...localizeIssues(found, options.locale)]) };
}

export async function normalizeInput(
  input: InputTable,
  options: NormalizeOptions,
): Promise<NormalizedWorkbook> {
  const codec = options.codec ?? fflateCodec;
  const analysis = analyzeInput(input, options);
  const pkg =
    input.package ??
    openPackage(
      input.path,
      await textPackage(
        input.sheetName,
        input.grid,
        analysis,
        messagesFor(options.locale).checks.truncatedSource,
        codec,
      ),
      codec,
      DEFAULT_LIMITS,
    );
  const record = input.record ?? EMPTY_RECORD;
  const names = namesInUse(pkg, record, input.sheetName);
  const plan = buildPlan(analysis, {
    sourceSheet: input.sheetName,
    locale: options.locale,
    avoidSheetNames: names.sheets,
    avoidTableNames: names.tables,
  });
  const { bytes, marksLeft } = await writeNormalizedPackage(pkg, record, plan);
  return { bytes, analysis, plan, marksLeft };
}
