import type { Analysis } from "./analysis";
import type { Locale } from "./messages";
import type { Plan } from "./plan";

export interface BuildPlanOptions {
  /** Name of the analysed sheet: marks go there and links point there. */
  readonly sourceSheet: string;
  readonly locale: Locale;
  /** Names of sheets in the workbook that are not the tool's own: the new sheets must not take them. */
  readonly avoidSheetNames?: readonly string[];
}

/** STUB (being written): the sheets and marks to write, as data. */
export function buildPlan(_analysis: Analysis, options: BuildPlanOptions): Plan {
  return { sourceSheet: options.sourceSheet, sheets: [], marks: [], activate: "detail" };
}
