/**
 * Analyse an input and build the output package: pure apart from nothing (bytes in, bytes out); the CLI
 * writes the bytes to a file, a browser page offers them as a download.
 */
import {
  sheetsOf,
  analyzeLocated,
  findTables,
  buildPlan,
  compareTables,
  sheetCell,
  issueOnSheet,
  makeIssue,
  sortIssues,
  localizeIssues,
  messagesFor,
  type Analysis,
  type IssueDraft,
  type Locale,
  type Plan,
} from "../core";
import { OWN_NOTE_AUTHORS } from "../workbook/rerun-rules";
import { namesInUse, writeNormalizedPackage } from "./edit-package";
import { findInvalidCharacters } from "./find-invalid-characters";
import { clerkColumnsOfReplacedSheets, type ClerkColumns } from "./clerk-columns";
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
  /** Last year's table: the workbook also gets 年度对比 and the changed cells' marks (compareTables). */
  readonly compareWith?: Analysis;
}

export interface NormalizedWorkbook {
  /** The output package; null when no table was found: then nothing is written (the analysis says why). */
  readonly bytes: Uint8Array | null;
  readonly analysis: Analysis;
  readonly plan: Plan;
  /** Earlier marks left in place because the clerk changed their fill since. */
  readonly marksLeft: number;
  /** Marked cells that kept the clerk's own comment and got no note. */
  readonly notesSkipped: number;
  /** Columns the clerk filled beside the tool's in a sheet this run replaced (clerk-columns.ts). */
  readonly clerkColumns: readonly ClerkColumns[];
}

/**
 * The core's analysis plus the file shell's own findings (characters no program can be trusted to keep, bytes
 * that were not UTF-8). Tables on several sheets are analysed together, each table and issue naming its sheet.
 */
export function analyzeInput(input: InputTable, options: AnalyzeInputOptions): Analysis {
  const tolerance = options.tolerance !== undefined ? { tolerance: options.tolerance } : {};
  const several = input.sheets.length > 1;
  // Each table located once: reading the input located those of the sheets it chose among several.
  const located = several
    ? input.sheets.map((s) => ({
        name: s.name,
        tables: s.tables ?? findTables(s.grid, s.origin),
        grid: s.grid,
        origin: s.origin,
      }))
    : [
        {
          tables: input.sheets[0]?.tables ?? findTables(input.grid, input.origin),
          grid: input.grid,
          origin: input.origin,
        },
      ];
  const analysis = analyzeLocated(located, { locale: options.locale, ...tolerance });
  const found: IssueDraft[] = [];
  for (const sheet of input.sheets) {
    for (const issue of findInvalidCharacters(sheet.grid, sheet.origin))
      found.push(several ? issueOnSheet(issue, sheet.name) : issue);
  }
  for (const b of input.invalidBytes ?? []) {
    const at = sheetCell(input.origin.row + b.row, input.origin.column + b.column);
    found.push(makeIssue("invalid-bytes", at, { byteOffset: b.byteOffset }));
  }
  if (found.length === 0) return analysis;
  const issues = [...analysis.issues, ...localizeIssues(found, options.locale)];
  return { ...analysis, issues: sortIssues(issues, several ? sheetsOf(analysis) : []) };
}

export async function normalizeInput(
  input: InputTable,
  options: NormalizeOptions,
): Promise<NormalizedWorkbook> {
  const codec = options.codec ?? fflateCodec;
  const analysis = analyzeInput(input, options);
  if (analysis.table === null) {
    // Nothing found is not "done": no sheet, no mark, no file (the plan is only for the caller's report).
    const plan = buildPlan(analysis, { sourceSheet: input.sheetName, locale: options.locale });
    return { bytes: null, analysis, plan, marksLeft: 0, notesSkipped: 0, clerkColumns: [] };
  }
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
        // A workbook read into grids (.ods, .xls): its other sheets with a table, which the marks name.
        input.sheets.slice(1),
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
    ...(options.compareWith ? { comparison: compareTables(options.compareWith, analysis) } : {}),
  });
  const clerkColumns =
    record.ownSheets.length > 0 ? await clerkColumnsOfReplacedSheets(pkg, record, input.sheetName, plan) : [];
  const { bytes, marksLeft, notesSkipped } = await writeNormalizedPackage(pkg, record, plan, {
    ours: OWN_NOTE_AUTHORS,
  });
  return { bytes, analysis, plan, marksLeft, notesSkipped, clerkColumns };
}
