/**
 * What the offline page does with a paste or a file, without the DOM: the same reading, analysis and package
 * the CLI's `normalize` does for that input (src/xlsx), so the page's 下载结果 is the CLI's output. A paste is
 * what `normalize 粘贴的表格.tsv` would read: the text, as UTF-8, through the .tsv reader (the clipboard of WPS
 * and Excel holds tab-separated text, quoted where a cell holds line breaks).
 */
import {
  compareTables,
  countAnalysis,
  localizeFindings,
  type Analysis,
  type LocalizedFinding,
  type AnalysisCounts,
  type Grid,
  type Issue,
  type Locale,
  type Origin,
  type Plan,
} from "../core";
import { describeInputError } from "../xlsx/describe-input-error";
import { inputErrorMessagesFor } from "../xlsx/messages";
import { analyzeInput, normalizeInput } from "../xlsx/normalize-workbook";
import { countOverlongCells, readInputBytes, type InputTable } from "../xlsx/read-input";
import { fflateCodec } from "../xlsx/zip-codec";
import { downloadName, downloadType } from "./download-name";
import { offlineMessagesFor } from "./messages";

/**
 * A picked file's bytes, or the paste's text. The text is turned into the .tsv's bytes where the check runs (the
 * worker): encoding 5 MB of a 10,000-project paste in the paste handler held the page for a tenth of a second.
 */
export type OfflineInput =
  | {
      /** The file's name as the clerk picked it (no folder). */
      readonly name: string;
      readonly bytes: Uint8Array;
      readonly pasted: false;
    }
  | {
      /** The paste's name with .tsv. */
      readonly name: string;
      readonly text: string;
      readonly pasted: true;
    };

export interface OfflineOptions {
  readonly locale: Locale;
  readonly tolerance?: number;
  /** For a workbook: the sheet to check (the first visible one that is not the tool's own by default). */
  readonly sheet?: string;
  /** For a paste: the cell of the clerk's sheet where the copied block started (A1 by default). */
  readonly origin?: Origin;
  /**
   * Last year's table (与上年对比), a file or a paste: the result also lists what changed (compareTables) and the
   * download gains 年度对比 with the changed cells marked, as `compare -o` writes it.
   */
  readonly lastYear?: OfflineInput;
}

export interface OfflineResult {
  readonly kind: "done";
  readonly analysis: Analysis;
  readonly plan: Plan;
  readonly counts: AnalysisCounts;
  /** The analysed sheet. */
  readonly sheetName: string;
  /** Every worksheet of a workbook, to choose another; empty for text. */
  readonly sheetNames: readonly string[];
  readonly download: { readonly name: string; readonly type: string; readonly bytes: Uint8Array };
  /** Cells cut at Excel's 32,767-character limit in the result (each holds a visible note). */
  readonly truncated: number;
  /** Earlier marks left in place because the clerk changed their fill since. */
  readonly marksLeft: number;
  /** With last year's table: every change found, in the page's language (added indicators included). */
  readonly findings?: readonly LocalizedFinding[];
}

export type OfflineOutcome =
  | OfflineResult
  /** `noTable`: the input was read but holds no table (the file counts as one with an error, not unreadable). */
  | { readonly kind: "failed"; readonly message: string; readonly noTable?: true };

/**
 * The paste as it sat in the clerk's sheet: `origin.row - 1` empty rows above it and `origin.column - 1` empty cells
 * before each row. Every address the analysis gives, and every mark in the downloaded workbook, is then the cell
 * of her sheet (G25, not the G17 of a block pasted from B9).
 */
export function placeAt(table: InputTable, origin: Origin): InputTable {
  if (origin.row === 1 && origin.column === 1) return table;
  const before = new Array<null>(origin.column - 1).fill(null);
  const grid: Grid = [
    ...Array.from({ length: origin.row - 1 }, () => []),
    ...table.grid.map((row) => (row.length === 0 ? row : [...before, ...row])),
  ];
  const invalidBytes = table.invalidBytes?.map((b) => ({
    byteOffset: b.byteOffset,
    row: b.row + origin.row - 1,
    column: b.column + origin.column - 1,
  }));
  return {
    ...table,
    grid,
    sheets: table.sheets.map((sheet) => ({ ...sheet, grid })),
    ...(invalidBytes ? { invalidBytes } : {}),
  };
}

/**
 * What the page shows of a result, all it takes back from the worker: the issues and the projects' names, not the
 * whole analysis (at 2,000 projects, copying that to the page took one task of half a second).
 */
export interface ShownResult {
  readonly kind: "done";
  readonly issues: readonly Issue[];
  /** Each project's name, by its index in the analysis (an issue's `about.projectIndex`). */
  readonly projectNames: readonly string[];
  readonly counts: AnalysisCounts;
  readonly sheetName: string;
  readonly sheetNames: readonly string[];
  /** The names of the sheets the result adds (指标明细, 校验结果). */
  readonly sheetsWritten: readonly string[];
  readonly download: OfflineResult["download"];
  readonly truncated: number;
  readonly marksLeft: number;
  readonly findings?: readonly LocalizedFinding[];
}

export type ShownOutcome = ShownResult | Exclude<OfflineOutcome, OfflineResult>;

export function shownOutcome(outcome: OfflineOutcome): ShownOutcome {
  if (outcome.kind !== "done") return outcome;
  return {
    kind: "done",
    issues: outcome.analysis.issues,
    projectNames: outcome.analysis.projects.map((p) => p.name),
    counts: outcome.counts,
    sheetName: outcome.sheetName,
    sheetNames: outcome.sheetNames,
    sheetsWritten: outcome.plan.sheets.map((sheet) => sheet.name),
    download: outcome.download,
    truncated: outcome.truncated,
    marksLeft: outcome.marksLeft,
    ...(outcome.findings ? { findings: outcome.findings } : {}),
  };
}

/** Spaces, tabs and line breaks only (the first other character ends the look). */
function onlyBlanks(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return false;
  }
  return true;
}

/** The paste as the .tsv file the CLI would read: UTF-8, named for the page's language. */
export function pastedInput(text: string, locale: Locale): OfflineInput {
  return {
    name: `${offlineMessagesFor(locale).pastedName}.tsv`,
    text,
    pasted: true,
  };
}

/**
 * The clipboard's `text/html` (a browser, Excel or WPS puts it there beside the plain text) as the input, when it
 * holds a table: it keeps merged cells (rowspan/colspan), which the plain text loses; null otherwise.
 */
export function pastedHtmlInput(html: string, locale: Locale): OfflineInput | null {
  if (!/<table[\s>]/i.test(html)) return null;
  return {
    name: `${offlineMessagesFor(locale).pastedName}.html`,
    text: html,
    pasted: true,
  };
}

/**
 * Reads, analyses and builds the result package. A file that cannot be read as a table gives the CLI's sentence
 * (src/xlsx/messages); anything else that fails is a bug, reported in one line rather than a stack.
 */
/**
 * `betweenSlices`: called between the slices of the analysis and the plan with the per cent done (normalizeInput):
 * the worker reports it, the page's own thread also pauses there to paint.
 */
export async function checkInput(
  input: OfflineInput,
  options: OfflineOptions,
  betweenSlices?: (percent: number) => void | Promise<void>,
): Promise<OfflineOutcome> {
  const page = offlineMessagesFor(options.locale);
  if (input.pasted && onlyBlanks(input.text)) return { kind: "failed", message: page.nothingToCheck };
  // The paste as the CLI reads the same text saved as a .tsv: UTF-8.
  const bytes = input.pasted ? new TextEncoder().encode(input.text) : input.bytes;
  let table;
  try {
    table = await readInputBytes(input.name, bytes, {
      codec: fflateCodec,
      ...(options.sheet !== undefined ? { sheet: options.sheet } : {}),
    });
  } catch (error) {
    const name = (path: string): string => (input.pasted ? page.pastedContent : path);
    return {
      kind: "failed",
      message: describeInputError(error, inputErrorMessagesFor(options.locale), name),
    };
  }
  if (input.pasted && options.origin) table = placeAt(table, options.origin);
  const last = options.lastYear ? await readLastYear(options.lastYear, options) : null;
  if (last !== null && "failed" in last) return { kind: "failed", message: last.failed };
  try {
    const normalized = await normalizeInput(table, {
      locale: options.locale,
      codec: fflateCodec,
      ...(options.tolerance !== undefined ? { tolerance: options.tolerance } : {}),
      ...(last !== null ? { compareWith: last.analysis } : {}),
      ...(betweenSlices ? { betweenSlices } : {}),
    });
    if (normalized.bytes === null) {
      // Nothing found is not "done": no result to download; what was looked for and what to do on this page.
      const issue = normalized.analysis.issues.find((i) => i.rule === "no-table");
      return { kind: "failed", message: `${issue?.message ?? ""}${page.noTableAdvice}`, noTable: true };
    }
    const sheetNames = table.package
      ? table.package.sheets.filter((s) => s.path !== null).map((s) => s.name)
      : [];
    return {
      kind: "done",
      analysis: normalized.analysis,
      plan: normalized.plan,
      counts: countAnalysis(normalized.analysis),
      sheetName: table.sheetName,
      sheetNames,
      download: {
        name: downloadName(input.name, page.resultSuffix),
        type: downloadType(input.name),
        bytes: normalized.bytes,
      },
      truncated:
        (normalized.plan.truncated?.length ?? 0) +
        (table.kind === "text" ? countOverlongCells(table.grid) : 0),
      marksLeft: normalized.marksLeft,
      ...(last !== null
        ? {
            findings: localizeFindings(
              compareTables(last.analysis, normalized.analysis).findings,
              options.locale,
            ),
          }
        : {}),
    };
  } catch (error) {
    return { kind: "failed", message: page.failed(error instanceof Error ? error.message : String(error)) };
  }
}

/** Last year's table read and analysed as this year's is (any layout); a sentence when it cannot be. */
async function readLastYear(
  input: OfflineInput,
  options: OfflineOptions,
): Promise<{ readonly analysis: Analysis } | { readonly failed: string }> {
  const page = offlineMessagesFor(options.locale);
  if (input.pasted && onlyBlanks(input.text)) return { failed: page.lastYearEmpty };
  try {
    const bytes = input.pasted ? new TextEncoder().encode(input.text) : input.bytes;
    const table = await readInputBytes(input.name, bytes, { codec: fflateCodec });
    const analysis = analyzeInput(table, { locale: options.locale });
    if (analysis.table === null) return { failed: page.lastYearNoTable };
    return { analysis };
  } catch (error) {
    const name = (path: string): string => (input.pasted ? page.lastYearPasted : path);
    return { failed: describeInputError(error, inputErrorMessagesFor(options.locale), name) };
  }
}
