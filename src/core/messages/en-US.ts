/** Every user-facing sentence in English. Same shape as zh-CN.ts, which is the source of the type. */
import type { IssueDraft, RuleId, Severity } from "../issue";
import type { AmountRole } from "../analysis";
import type { Messages } from "./zh-CN";

const amountColumn: Record<AmountRole, string> = {
  total: "Total (总计)",
  fiscal: "Fiscal appropriation (财政拨款)",
  specialAccount: "Special account (财政专户拨款)",
  other: "Other funds (其他资金)",
};
const field = { period: "implementation-period value", annual: "annual value" } as const;
const category = { output: "output", outcome: "outcome", satisfaction: "satisfaction" } as const;

function where(d: IssueDraft["details"]): string {
  const parts: string[] = [];
  if (d.project) parts.push(`project "${d.project}"`);
  if (d.seq !== undefined) parts.push(`item ${d.seq}`);
  if (d.indicator) parts.push(`"${d.indicator}"`);
  const text = parts.join(", ");
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : "The indicator";
}

function fmt(n: IssueDraft["expected"]): string {
  return n === null || n === undefined ? "(empty)" : String(n);
}

const issues: Record<RuleId, (i: IssueDraft) => string> = {
  "row-total": (i) =>
    `${i.details.project ? `Project "${i.details.project}"` : i.details.unit ? `Unit "${i.details.unit}"` : "Grand total"}: Total should equal fiscal + special account + other: expected ${fmt(i.expected)}, found ${fmt(i.actual)}.`,
  "group-total": (i) =>
    `${amountColumn[i.details.amountColumn ?? "total"]} of unit "${i.details.unit ?? ""}" should equal the sum of its projects: expected ${fmt(i.expected)}, found ${fmt(i.actual)}.`,
  subtotal: (i) =>
    `${amountColumn[i.details.amountColumn ?? "total"]} of the subtotal (小计) row${i.details.unit ? ` of unit "${i.details.unit}"` : ""} should equal the sum of the projects above it: expected ${fmt(i.expected)}, found ${fmt(i.actual)}.`,
  "grand-total": (i) =>
    `${amountColumn[i.details.amountColumn ?? "total"]} of the grand total should equal the sum of the units (of the projects when there are no unit rows): expected ${fmt(i.expected)}, found ${fmt(i.actual)}.`,
  "level-mismatch": (i) =>
    `${where(i.details)}: level-2 "${i.details.level2 ?? ""}" does not belong to level-1 "${i.details.level1 ?? ""}", or its code and name disagree.`,
  "missing-value": (i) => `${where(i.details)} has no ${field[i.details.field ?? "annual"]}.`,
  sequence: (i) =>
    `${where(i.details)}: item numbers are out of sequence: expected ${fmt(i.details.expectedSeq ?? i.expected)}, found ${fmt(i.details.seq ?? i.actual)}.`,
  unparsed: (i) =>
    `${i.details.project ? `Project "${i.details.project}" has` : "There is"} indicator text that fits no item: "${i.details.text ?? ""}".`,
  "misplaced-indicators": (i) =>
    `The indicators of project "${i.details.project ?? ""}" are in the goal column; they were split out. Move them to the indicator column.`,
  markup: (i) =>
    `${i.details.project ? `Project "${i.details.project}"` : "This cell"} contains web markup (such as <p>); it was ignored.`,
  "missing-category": (i) =>
    i.details.category === "satisfaction"
      ? `Project "${i.details.project ?? ""}" has no satisfaction indicator (optional; 10% of the self-evaluation when present).`
      : `Project "${i.details.project ?? ""}" has no ${category[i.details.category ?? "output"]} indicator.`,
  "quantity-not-numeric": (i) =>
    `${where(i.details)} is a quantity indicator, but its value "${i.details.text ?? ""}" is not a quantity.`,
  "period-is-definition": (i) =>
    `${where(i.details)}: the implementation-period value is a formula or definition ("${i.details.text ?? ""}"); the target is in the annual value.`,
  "suspicious-value": (i) =>
    `${where(i.details)}: the value "${i.details.text ?? ""}" looks wrong; check it against the source.`,
  "amount-not-number": (i) =>
    `${amountColumn[i.details.amountColumn ?? "total"]} "${fmt(i.actual)}" is not a number.`,
  "duplicate-project": (i) =>
    `Project "${i.details.project ?? ""}" appears more than once under unit "${i.details.unit ?? ""}".`,
  "empty-project": (i) => `Project "${i.details.project ?? ""}" has no indicators.`,
  "no-table": () =>
    `No performance target table found: a header row with columns such as 项目名称 and 绩效指标 is needed. Check where the table was pasted.`,
  "invalid-character": (i) =>
    `This cell holds the invalid character ${i.details.text ?? ""} (half a surrogate pair or a non-character, usually left by a broken copy or conversion). It is kept as is; Excel and WPS may not show it correctly, so check the source.`,
  "weight-total": (i) =>
    `The weights of project "${i.details.project ?? ""}" add up to ${fmt(i.actual)}; they should add up to ${fmt(i.expected)}.`,
  "bad-date-range": (i) =>
    `The period (项目起止时间) of project "${i.details.project ?? ""}", "${i.details.text ?? ""}", is not a date range (such as 2024年1月-2024年12月); check it against the source.`,
  "uncomputed-formula": (i) =>
    `This cell is a formula (${i.details.formula ?? ""}) with no saved result that could not be worked out, so the totals it takes part in were not checked: open and save the file in Excel, then check again.`,
  "invalid-bytes": (i) =>
    `The file has bytes that are not UTF-8 from byte ${fmt(i.details.byteOffset ?? null)} on; it was read as UTF-8 and they show as �. Check this cell's text against the source.`,
};

const severity: Record<Severity, string> = { error: "Error", warning: "Warning", info: "Info" };

export const enUS: Messages = {
  locale: "en-US",
  issues,
  severity,
  amountColumn,
  field,
  category,
  sheets: {
    detail: "Indicators",
    checks: "Check results",
  },
  detailColumns: {
    unit: "Unit",
    project: "Project",
    seq: "No.",
    level1: "Level 1",
    level2: "Level 2",
    name: "Indicator",
    period: "Period value",
    annual: "Annual value",
    op: "Comparison",
    value: "Value",
    upper: "Upper",
    measureUnit: "Unit of measure",
    problems: "Problems",
    source: "Source",
  },
  /** What the 比较 column shows for each parsed comparison (the finance system's own signs). */
  comparisons: {
    ">=": "≥",
    "<=": "≤",
    ">": "＞",
    "<": "＜",
    "=": "＝",
    range: "range",
    text: "qualitative",
  },
  checkColumns: {
    severity: "Severity",
    rule: "Rule",
    cell: "Cell",
    message: "Message",
  },
  checks: {
    noIssues: "No problems found: ready to send.",
    truncated: (length: number) =>
      `… (the whole text has ${length} characters, over Excel's 32,767 limit per cell: only its start is shown; see the source cell)`,
    truncatedSource: (length: number) =>
      `… (this field has ${length} characters, over Excel's 32,767 limit per cell: only its start is shown; see the original text file)`,
  },
};
