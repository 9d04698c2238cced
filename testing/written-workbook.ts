import type { NormalizedWorkbook } from "../src/xlsx/normalize-workbook";

/** A normalized workbook that was written (a table was found): its bytes, for tests that read them back. */
export type WrittenWorkbook = NormalizedWorkbook & { readonly bytes: Uint8Array };

export function written(result: NormalizedWorkbook): WrittenWorkbook {
  if (result.bytes === null) throw new Error(`no table found: ${result.analysis.issues[0]?.message ?? ""}`);
  return result as WrittenWorkbook;
}
