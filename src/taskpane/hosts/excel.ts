/** The pane in Excel: its actions through Office.js (src/excel). */
import { clearMarks, listSheetNames, runNormalizer, selectCell } from "../../excel/run-normalizer";
import { describeOfficeError } from "../describe-office-error";
import type { PaneHost } from "../pane-host";

export const excelPaneHost: PaneHost = {
  kind: "office",
  run: runNormalizer,
  clear: () => clearMarks(),
  select: selectCell,
  listSheets: listSheetNames,
  describeError: (error, pane) => describeOfficeError(error, pane),
  notes: () => [],
};
