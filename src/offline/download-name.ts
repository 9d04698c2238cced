/**
 * The result's file name, as the CLI names its default output (`normalize 表.tsv` writes 表.normalized.xlsx):
 * the input's name without its extension, then `.normalized`, then .xlsm for a macro workbook (Excel refuses
 * macros in a file named .xlsx, and the package keeps them) and .xlsx for everything else.
 * test/offline/run-offline.test.ts holds it to the CLI's defaultOutputPath.
 */
export function downloadName(fileName: string): string {
  const dot = fileName.lastIndexOf(".");
  // A leading dot (".tsv") is a name, not an extension, as for Node's path.extname.
  const hasExtension = dot > 0;
  const base = hasExtension ? fileName.slice(0, dot) : fileName;
  const extension = hasExtension ? fileName.slice(dot).toLowerCase() : "";
  return `${base}.normalized${extension === ".xlsm" ? ".xlsm" : ".xlsx"}`;
}

/** The type a browser should give the downloaded bytes. */
export function downloadType(fileName: string): string {
  return /\.xlsm$/i.test(fileName)
    ? "application/vnd.ms-excel.sheet.macroEnabled.12"
    : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}
