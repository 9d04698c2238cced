/**
 * Several files at once on the page: each checked as one file is (checkInput), and summarised for the reviewer's
 * download, the workbook `check --summary` writes (src/xlsx/batch-summary.ts). Each file's own result stays
 * downloadable; its analysis is dropped once summarised, so 80 files do not keep 80 analyses.
 */
import { noTableFile, summarizeAnalysis, unreadableFile, type SummaryFile } from "../xlsx/batch-summary";
import { checkInput, type OfflineInput, type OfflineOptions, type OfflineResult } from "./run-offline";

export interface BatchEntry {
  readonly name: string;
  readonly summary: SummaryFile;
  /** The file's marked workbook; null when it could not be checked. */
  readonly download: OfflineResult["download"] | null;
}

export async function checkFiles(
  inputs: readonly OfflineInput[],
  options: OfflineOptions,
  onProgress: (done: number, total: number, name: string) => void,
): Promise<BatchEntry[]> {
  const entries: BatchEntry[] = [];
  for (const [index, input] of inputs.entries()) {
    onProgress(index, inputs.length, input.name);
    const outcome = await checkInput(input, options);
    if (outcome.kind === "done") {
      // A text file's cells are on no named sheet; a workbook's are on the sheet checked.
      const sheet = outcome.sheetNames.length > 0 ? outcome.sheetName : "";
      entries.push({
        name: input.name,
        summary: summarizeAnalysis(input.name, outcome.analysis, sheet, options.locale),
        download: outcome.download,
      });
    } else {
      const summary = outcome.noTable
        ? noTableFile(input.name, outcome.message)
        : unreadableFile(input.name, outcome.message);
      entries.push({ name: input.name, summary, download: null });
    }
  }
  onProgress(inputs.length, inputs.length, "");
  return entries;
}
