/** Why an input file cannot be read as a table, in English. The type is zh-CN.ts's. */
import type { LimitName } from "../input-error";
import type { BatchSummaryMessages, InputErrorMessages } from "./zh-CN";

export const inputErrorsEnUS: InputErrorMessages = {
  notFound: (path: string) => `File not found: ${path}`,
  isDirectory: (path: string) => `${path} is a folder, not a file.`,
  unsupportedType: (path: string) =>
    `Unsupported file type: ${path} (use .xlsx, .xls, .et, .ods, .tsv, .txt, .csv or a web page .html or .mht)`,
  legacyFormat: (path: string) =>
    `${path} is an old Excel (.xls) or WPS (.et) file that cannot be read (a format older than Excel 97, or damaged): open it in WPS or Excel, choose File → Save As, pick "Excel Workbook (*.xlsx)" and try again.`,
  notXlsx: (path: string) =>
    `${path} is not a valid .xlsx file (damaged, or an old .xls: save it as .xlsx in Excel).`,
  notXlsxPart: (path: string, part: string, why: string) =>
    `${path} is not a valid .xlsx file: its part ${part} cannot be read (${why}). The file may be damaged: open it in Excel and save it as .xlsx again.`,
  noSheet: (path: string) => `${path} has no worksheet.`,
  sheetNotFound: (path: string, sheet: string, names: string) =>
    `${path} has no sheet named "${sheet}"; its sheets: ${names}.`,
  empty: (path: string) => `${path} is empty.`,
  unreadable: (path: string, detail: string) => `Cannot read ${path}: ${detail}`,
  encrypted: (path: string) =>
    `${path} is an encrypted (password-protected) workbook or an old .xls: remove the password or save it as .xlsx in Excel.`,
  tooLarge: (path: string, limit: LimitName, figure: number, where: string) => {
    const n = figure.toLocaleString("en-US");
    switch (limit) {
      case "package":
        return `${path} would inflate to more than ${n} bytes (possibly a zip bomb); not processed.`;
      case "part":
        return `Part ${where} of ${path} would inflate to more than ${n} bytes; not processed.`;
      case "rows":
        return `${path} has row ${where}, past Excel's limit of ${n} rows; the file may be damaged.`;
      case "columns":
        return `${path} has cell ${where}, past Excel's limit of ${n} columns; the file may be damaged.`;
      case "cell-text":
        return `Cell ${where} of ${path} holds more than Excel's ${n} characters per cell; the file may be damaged.`;
      case "table-text":
        return `The table in ${path} holds more than ${n} characters of text: split it into several files.`;
      case "table-cells":
        return `The table in ${path} has more than ${n} cells: split it into several files.`;
      case "table-rows":
        return `The table in ${path} has more than ${n} rows: split it into several files.`;
    }
  },
};

export const batchSummaryEnUS: BatchSummaryMessages = {
  problemSheet: "Problems",
  fileSheet: "Files",
  problemColumns: ["File", "Department", "Sheet", "Cell", "Severity", "Rule", "Message", "Advice", "Rule id"],
  fileColumns: [
    "File",
    "Department",
    "Result",
    "Projects",
    "Indicators",
    "Errors",
    "Warnings",
    "Notes",
    "Note",
  ],
  verdicts: { pass: "Passed", errors: "Has errors", unreadable: "Unreadable" },
  unreadableSeverity: "Unreadable",
  unreadableRule: "File unreadable",
  unreadableAdvice: "Ask for the file again, or open it in Excel and save it as .xlsx, then check it again.",
};
