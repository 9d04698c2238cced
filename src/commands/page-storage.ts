import type { ReportStorage } from "./ribbon-report";

/**
 * The add-in's local storage (the function file and the dialog are pages of one origin), or null where the
 * webview has none or refuses it (reading `localStorage` throws in some locked-down browsers).
 */
export function pageStorage(): ReportStorage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null;
  }
}
