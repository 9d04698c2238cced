/**
 * Strings Excel would turn into dates, numbers, formulas or booleans if written naively (issue 4's list): every
 * shell must write them so that they read back unchanged.
 */
export const STRINGS_EXCEL_WOULD_REINTERPRET: readonly string[] = [
  "1-3",
  "2023.10",
  "001",
  "=SUM(A1)",
  "＝100%",
  "+10%",
  "-",
  "-5%",
  "@备注",
  "TRUE",
  "1E3",
  "440111199001011234",
];
