/** The WPS add-in's own wording in English. Same shape as zh-CN.ts, which gives the type. */
import type { WpsMessages } from "./zh-CN";

export const wpsEnUS: WpsMessages = {
  tab: "Indicators",
  group: "Indicator normalizer",
  normalize: "Normalize indicators",
  clearMarks: "Clear marks",
  notInHost:
    "Open this pane in Excel or WPS Spreadsheets. On a PC where add-ins cannot be installed, check tables with the offline page (indicator-normalizer.html).",
  skipped: (features: string) =>
    `This WPS build has no ${features}: the result goes without; values and marks are unaffected.`,
  features: {
    table: "table styles",
    filter: "filter buttons",
    freeze: "frozen header",
    links: "links to the source cells",
    print: "print setup",
    rowHeights: "automatic row heights",
    notes: "notes on the marked cells",
  } as Record<string, string>,
  featureJoin: ", ",
  recordInSession:
    "This WPS build cannot keep the marks record in the workbook: click Clear marks before closing WPS, or the red and yellow fills must be removed by hand afterwards.",
  wpsError: (detail: string) =>
    `WPS reported an error (${detail}): save the workbook, close and reopen it, then try again; if it persists, send this text to your administrator.`,
};
