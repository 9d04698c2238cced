/**
 * What the offline page does with a paste or a file, without the DOM: the same reading, analysis and package
 * the CLI's `normalize` does for that input (src/xlsx), so the page's 下载结果 is the CLI's output. A paste is
 * what `normalize 粘贴的表格.tsv` would read: the text, as UTF-8, through the .tsv reader (the clipboard of WPS
 * and Excel holds tab-separated text, quoted where a cell holds line breaks).
 */
import {
  countAnalysis,
  messagesFor,
  type Analysis,
  type AnalysisCounts,
  type Locale,
  type Plan,
} from "../core";
import { describeInputError } from "../xlsx/describe-input-error";
import { inputErrorMessagesFor } from "../xlsx/messages";
import { normalizeInput } from "../xlsx/normalize-workbook";
import { countOverlongCells, readInputBytes } from "../xlsx/read-input";
import { fflateCodec } from "../xlsx/zip-codec";
import { downloadName, downloadType } from "./download-name";
import { offlineMessagesFor } from "./messages";

export interface OfflineInput {
  /** The file's name as the clerk picked it (no folder), or the paste's name with .tsv. */
  readonly name: string;
  readonly bytes: Uint8Array;
  /** True for text from the paste area. */
  readonly pasted: boolean;
}

export interface OfflineOptions {
  readonly locale: Locale;
  readonly tolerance?: number;
  /** For a workbook: the sheet to check (the first visible one that is not the tool's own by default). */
  readonly sheet?: string;
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
}

export type OfflineOutcome = OfflineResult | { readonly kind: "failed"; readonly message: string };

/** Spaces, tabs and line breaks only (the first other byte ends the look). */
function onlyBlanks(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return false;
  return true;
}

/** The paste as the .tsv file the CLI would read: UTF-8, named for the page's language. */
export function pastedInput(text: string, locale: Locale): OfflineInput {
  return {
    name: `${offlineMessagesFor(locale).pastedName}.tsv`,
    bytes: new TextEncoder().encode(text),
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
    bytes: new TextEncoder().encode(html),
    pasted: true,
  };
}

/**
 * Reads, analyses and builds the result package. A file that cannot be read as a table gives the CLI's sentence
 * (src/xlsx/messages); anything else that fails is a bug, reported in one line rather than a stack.
 */
export async function checkInput(input: OfflineInput, options: OfflineOptions): Promise<OfflineOutcome> {
  const page = offlineMessagesFor(options.locale);
  if (input.pasted && onlyBlanks(input.bytes)) return { kind: "failed", message: page.nothingToCheck };
  let table;
  try {
    table = await readInputBytes(input.name, input.bytes, {
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
  try {
    const normalized = await normalizeInput(table, {
      locale: options.locale,
      codec: fflateCodec,
      ...(options.tolerance !== undefined ? { tolerance: options.tolerance } : {}),
    });
    if (normalized.bytes === null) {
      // Nothing found is not "done": no result to download; what was looked for and what to do instead.
      const issue = normalized.analysis.issues.find((i) => i.rule === "no-table");
      const advice = issue ? messagesFor(options.locale).advice[issue.rule](issue) : "";
      return { kind: "failed", message: `${issue?.message ?? ""}${advice}` };
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
      download: { name: downloadName(input.name), type: downloadType(input.name), bytes: normalized.bytes },
      truncated:
        (normalized.plan.truncated?.length ?? 0) +
        (table.kind === "text" ? countOverlongCells(table.grid) : 0),
      marksLeft: normalized.marksLeft,
    };
  } catch (error) {
    return { kind: "failed", message: page.failed(error instanceof Error ? error.message : String(error)) };
  }
}
