import { readFileSync } from "fs";
import { join } from "path";
import type { CellValue } from "../src/core/model/grid";
import { readDelimitedText } from "../src/xlsx/read-delimited-text";

export const SAMPLE_PATH = join(__dirname, "..", "samples", "baiyun-2024.tsv");

/** The sample exactly as pasted at A1: line N is sheet row N. */
export function loadSampleText(): string {
  return readFileSync(SAMPLE_PATH, "utf8");
}

export function loadSampleGrid(): CellValue[][] {
  return readDelimitedText(loadSampleText(), "\t");
}
