/**
 * The result's file name: the input's name without its extension, then the page's suffix (`-检查结果`), then .xlsm
 * for a macro workbook (Excel refuses macros in a file named .xlsx, and the package keeps them) and .xlsx for
 * everything else. Not the CLI's `.normalized`: a clerk reads the name in her downloads folder, and a second dot
 * in it looks like a different kind of file.
 */
export function downloadName(fileName: string, suffix: string): string {
  const dot = fileName.lastIndexOf(".");
  // A leading dot (".tsv") is a name, not an extension, as for Node's path.extname.
  const hasExtension = dot > 0;
  const base = hasExtension ? fileName.slice(0, dot) : fileName;
  const extension = hasExtension ? fileName.slice(dot).toLowerCase() : "";
  return `${base}${suffix}${extension === ".xlsm" ? ".xlsm" : ".xlsx"}`;
}

/** The type a browser should give the downloaded bytes. */
export function downloadType(fileName: string): string {
  return /\.xlsm$/i.test(fileName)
    ? "application/vnd.ms-excel.sheet.macroEnabled.12"
    : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}
