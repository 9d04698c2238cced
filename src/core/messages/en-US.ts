/** Every user-facing sentence in English. Same shape as zh-CN.ts, which is the source of the type. */
import type { AmountRole } from "../model/analysis";
import { formatAmount } from "./format-amount";
import type {
  ExplainedGap,
  IssueDetails,
  IssueDraft,
  RepairedTotal,
  RowSpan,
  RuleId,
  Severity,
} from "../model/issue";
import { byRule, type Messages, type RuleMessages } from "./zh-CN";
import type { Finding, FindingKind } from "../compare/finding";

const amountColumn: Record<AmountRole, string> = {
  total: "Total (总计)",
  fiscal: "Fiscal appropriation (财政拨款)",
  specialAccount: "Special account (财政专户拨款)",
  other: "Other funds (其他资金)",
};
/** A columnar layout's own names for its amounts (IssueDetails.amountNames). */
const amountNames: Record<"form" | "department", Record<AmountRole, string>> = {
  form: {
    total: "Total funds (资金总额)",
    fiscal: amountColumn.fiscal,
    specialAccount: "Own funds (自有资金)",
    other: amountColumn.other,
  },
  department: { ...amountColumn, total: "Budget (预算数)" },
};

/** An amount column's name as the issue's table calls it; a layout's own column by the table's own name. */
function col(d: IssueDetails, key: string): string {
  const names: Readonly<Record<string, string | undefined>> = d.amountNames
    ? amountNames[d.amountNames]
    : amountColumn;
  return names[key] ?? `"${d.amountLabel ?? key}"`;
}

const STRING_PARTS: readonly AmountRole[] = ["fiscal", "specialAccount", "other"];

/** A row's total as the table names it: its total column, or a cost table's own `"合计（金额）"`. */
function totalOf(d: IssueDetails): string {
  return d.totalLabel ? `"${d.totalLabel}"` : col(d, "total").toLowerCase();
}

const field = { period: "implementation-period value", annual: "annual value" } as const;
const category = { output: "output", outcome: "outcome", satisfaction: "satisfaction" } as const;

const ITEM_GRAMMAR = "序号、一级指标：二级指标：三级指标；实施周期指标值：…；年度指标值：…。";

function where(d: IssueDetails): string {
  const parts: string[] = [];
  if (d.project) parts.push(`project "${d.project}"`);
  if (d.seq !== undefined) parts.push(`item ${d.seq}`);
  if (d.indicator) parts.push(`"${d.indicator}"`);
  const text = parts.join(", ");
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : "The indicator";
}

const UNITS = { 万元: "× 10,000 yuan", 元: "yuan" } as const;

/** "123.45", "-0.0000001": an exact figure (exact-decimal.ts toFigure). */
const EXACT_DIGITS = /^-?\d+(\.\d+)?$/;

function amount(i: IssueDraft, value: IssueDraft["expected"]): string {
  if (value === null || value === undefined) return "(empty)";
  // A self-evaluation's scores are points: "8 points", "9.34 points".
  if (i.details.scores) return `${typed(i, value)} points`;
  const f = i.details.amountFormat;
  // The exact digits of an amount a double cannot hold ("12345678901234567.89", "-0.0000001") are written as
  // they are; any other text is quoted.
  if (typeof value === "string")
    return EXACT_DIGITS.test(value) ? `${value}${f?.unit ? ` ${UNITS[f.unit]}` : ""}` : `"${value}"`;
  if (!f) return String(value);
  return `${formatAmount(value, f)}${f.unit ? ` ${UNITS[f.unit]}` : ""}`;
}

function typed(i: IssueDraft, value: IssueDraft["expected"]): string {
  if (typeof value !== "number") return String(value ?? "");
  // Points as the clerk writes them: 8, 9.34 (not the money's 8.00).
  if (i.details.scores) return formatAmount(value, { decimals: 0, grouping: false });
  const f = i.details.amountFormat;
  return f ? formatAmount(value, f) : String(value);
}

/** A plain figure: a number as it is, or the exact digits a double cannot hold. */
function figure(value: IssueDraft["expected"] | number | null): string {
  return value === null || value === undefined ? "" : String(value);
}

function list(cells: readonly string[] | undefined): string {
  return (cells ?? []).join(", ");
}

function rowOf(d: IssueDetails): string {
  if (d.project) return `project "${d.project}"`;
  if (d.subtotalRow) return d.unit ? `the subtotal row of unit "${d.unit}"` : "the subtotal row";
  return d.unit ? `unit "${d.unit}"` : "the grand total row";
}

function repaired(t: RepairedTotal, d: IssueDetails): string {
  const column = col(d, t.amountColumn ?? "total");
  if (t.rule === "row-total") return `the ${totalOf(d)} ${t.cell}`;
  if (t.rule === "group-total") return `the ${column} of unit "${t.unit ?? ""}" ${t.cell}`;
  if (t.rule === "subtotal") return `the subtotal row's ${column} ${t.cell}`;
  if (t.rule === "score-total") return `the total score ${t.cell}`;
  if (t.rule === "weight-sum") return `the total of the weights ${t.cell}`;
  return `the grand total's ${column} ${t.cell}`;
}

function causes(d: IssueDetails): string {
  const c = d.culprits;
  if (!c) return "";
  if (c.verdict === "too-many")
    return " Making every total agree takes changing four cells or more: which ones are wrong cannot be told.";
  const ways = c.candidates.map((set) => set.join(" and ")).join("; or ");
  const more = c.count > c.candidates.length ? `, among ${c.count} ways in all` : ` (${c.count} ways)`;
  return ` More than one smallest change would make the totals agree, so the wrong cell cannot be told: change ${ways}${more}.`;
}

/** A gap as the table writes amounts, without its sign: "18.01 × 10,000 yuan". */
function gapAmount(i: IssueDraft, gap: number | string): string {
  return amount(i, typeof gap === "number" ? Math.abs(gap) : gap.replace(/^-/, ""));
}

/** The same as a clerk types it into the tolerance box: "0.01". */
function gapTyped(i: IssueDraft, gap: number | string): string {
  return typed(i, typeof gap === "number" ? Math.abs(gap) : gap.replace(/^-/, ""));
}

/** What a gap is between: "the grand total and the rows under it", "unit "…" and its projects". */
function gapBetween(t: ExplainedGap, d: IssueDetails): string {
  const column = t.amountColumn && t.amountColumn !== "total" ? ` (${col(d, t.amountColumn)})` : "";
  if (t.rule === "grand-total") return `the grand total${column} and the rows under it`;
  if (t.rule === "group-total") return `unit "${t.unit ?? ""}"${column} and its projects`;
  if (t.rule === "subtotal") return `the subtotal row${column} and the projects above it`;
  const of = t.project ? ` of project "${t.project}"` : "";
  if (t.rule === "score-total") return `the total score${of} and its scores`;
  if (t.rule === "weight-sum") return `the total of the weights${of} and the weights`;
  const owner = t.project ? `project "${t.project}"` : t.unit ? `unit "${t.unit}"` : "the grand total row";
  return `the ${totalOf(d)} of ${owner} and ${d.totalLabel ? "its items" : "its sources of funds"}`;
}

/** The gaps a cut paste leaves, one per row (its total column, else its first). */
function shortfalls(i: IssueDraft): string {
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const g of i.details.gaps ?? []) {
    const key = `${g.rule}|${g.unit ?? ""}`;
    if (seen.has(key)) continue;
    seen.add(key);
    parts.push(
      `${gapBetween({ ...g, amountColumn: undefined }, i.details)} differ by ${gapAmount(i, g.gap)}`,
    );
  }
  return parts.join("; ");
}

/** The largest gap of a list, without its sign (exact digits a double cannot hold compare by length). */
function largestGap(gaps: readonly ExplainedGap[]): number | string {
  let widest = gaps[0]!.gap;
  const size = (g: number | string): number =>
    typeof g === "number" ? Math.abs(g) : Number(g.replace(/^-/, ""));
  for (const g of gaps) if (size(g.gap) > size(widest)) widest = g.gap;
  return widest;
}

/** Sheet rows "rows 36–59", or "row 36". */
function rowSpan(span: RowSpan | undefined): string {
  if (!span) return "";
  return span.from === span.to ? `row ${span.from}` : `rows ${span.from}–${span.to}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Whose row an equation of a layout's own is on: ` of project "…"`, ` of unit "…"`, or nothing. */
function rowSuffix(d: IssueDetails): string {
  if (d.project) return ` of project "${d.project}"`;
  return d.unit ? ` of unit "${d.unit}"` : "";
}

/** A bound's parts as the table names them: `"得分"`, `the sum of "财政拨款" and "自有资金"`. */
function partsNamed(d: IssueDetails): string {
  const labels = (d.partLabels ?? []).map((l) => `"${l}"`);
  return labels.length > 1 ? `the sum of ${labels.join(" and ")}` : labels.join("");
}

/** A ratio's figure as the table shows it: its decimals (more when the cell has more), and % for a percentage. */
function ratioFigure(i: IssueDraft, value: IssueDraft["expected"]): string {
  const r = i.details.rounding;
  if (typeof value !== "number" || !r) return figure(value ?? null);
  const places = Math.max(r.decimals, (String(value).split(".")[1] ?? "").length);
  return `${value.toFixed(places)}${r.percent ? "%" : ""}`;
}

const issues: RuleMessages<string> = {
  "wrong-amount": (i) => {
    const d = i.details;
    // A self-evaluation's score names its indicator: `"得分" of "培训人次"`.
    const item = d.scores && d.indicator ? ` of "${d.indicator}"` : "";
    const column = d.amountColumn ? ` ${col(d, d.amountColumn)}${item}` : "";
    const partners = d.partners?.length ? `, together with ${list(d.partners)}` : "";
    // The cell itself is not named again among the totals it repairs (a wrong total repairs its own equation).
    const repairs = (d.repairs ?? []).filter((t) => t.cell !== i.cell).map((t) => repaired(t, d));
    const verb = repairs.length > 1 ? "agree" : "agrees";
    const after = repairs.length > 0 ? ` Once changed, ${repairs.join(", ")} ${verb}.` : "";
    return `${capitalize(rowOf(d))}:${column} ${i.cell ?? ""} should be ${amount(i, i.expected)}, found ${amount(i, i.actual)}${partners}.${after}`;
  },
  "row-total": (i) =>
    `${capitalize(rowOf(i.details))}: ${i.details.totalLabel ? `"${i.details.totalLabel}"` : col(i.details, "total")} should equal ${(i.details.parts ?? STRING_PARTS).map((r) => col(i.details, r).toLowerCase()).join(" + ")} = ${amount(i, i.expected)}, found ${amount(i, i.actual)}.${causes(i.details)}`,
  "group-total": (i) =>
    `${col(i.details, i.details.amountColumn ?? "total")} of unit "${i.details.unit ?? ""}" should equal the sum of its projects = ${amount(i, i.expected)}, found ${amount(i, i.actual)}.${causes(i.details)}`,
  subtotal: (i) =>
    `${col(i.details, i.details.amountColumn ?? "total")} of the subtotal (小计) row${i.details.unit ? ` of unit "${i.details.unit}"` : ""} should equal the sum of the projects above it = ${amount(i, i.expected)}, found ${amount(i, i.actual)}.${causes(i.details)}`,
  "grand-total": (i) =>
    `${col(i.details, i.details.amountColumn ?? "total")} of the grand total should equal the sum of the units (of the projects when there are no unit rows) = ${amount(i, i.expected)}, found ${amount(i, i.actual)}.${causes(i.details)}`,
  "part-over-total": (i) =>
    `${capitalize(partsNamed(i.details))}${rowSuffix(i.details)} should be at most "${i.details.totalLabel ?? ""}" = ${amount(i, i.expected)}, found ${amount(i, i.actual)}.`,
  "wrong-ratio": (i) => {
    const d = i.details;
    const places = d.rounding ? ` (to ${d.rounding.decimals} decimals)` : "";
    return `"${d.targetLabel ?? ""}"${rowSuffix(d)} should equal "${d.numeratorLabel ?? ""}" ÷ "${d.denominatorLabel ?? ""}" = ${ratioFigure(i, i.expected)}${places}, found ${ratioFigure(i, i.actual)}.`;
  },
  "level-mismatch": (i) => {
    const d = i.details;
    switch (d.mismatch) {
      case "level2-parent":
        return `${where(d)}: level-2 "${d.level2 ?? ""}" belongs under level-1 "${d.expectedLevel ?? ""}", found under "${d.level1 ?? ""}".`;
      case "level1-code":
        return `${where(d)}: level-1 should read "${d.expectedLevel ?? ""}", found "${d.level1 ?? ""}" (code and name disagree).`;
      case "level2-code":
        return `${where(d)}: level-2 should read "${d.expectedLevel ?? ""}", found "${d.level2 ?? ""}" (code and name disagree).`;
      default:
        return `${where(d)}: level-2 "${d.level2 ?? ""}" does not belong to level-1 "${d.level1 ?? ""}", or its code and name disagree.`;
    }
  },
  "missing-value": (i) => {
    const d = i.details;
    const f = d.field ?? "annual";
    const other =
      d.text !== undefined
        ? ` (only the ${field[f === "annual" ? "period" : "annual"]} "${d.text}" is given)`
        : "";
    return `${where(d)} should state its ${field[f]}; found none${other}.`;
  },
  sequence: (i) =>
    `${where(i.details)}: item number should be ${i.details.expectedSeq ?? i.expected ?? ""}, found ${i.details.seq ?? i.actual ?? ""}.`,
  unparsed: (i) =>
    `${i.details.project ? `Project "${i.details.project}" has` : "There is"} text that is not in the form "${ITEM_GRAMMAR}" and cannot be split: "${i.details.text ?? ""}".`,
  "misplaced-indicators": (i) =>
    `The indicators of project "${i.details.project ?? ""}" belong in the indicator column; found in the goal column (split as usual).`,
  markup: (i) =>
    `${i.details.project ? `Project "${i.details.project}"` : "This cell"} should be plain text; found web markup (such as <p>), which was ignored.`,
  "missing-category": (i) => {
    const d = i.details;
    const present = d.present?.length
      ? d.present.map((c) => category[c]).join(", ")
      : "no recognised category";
    return d.category === "satisfaction"
      ? `Project "${d.project ?? ""}" has no satisfaction indicator (optional; 10% of the self-evaluation when present).`
      : `Project "${d.project ?? ""}" should have an ${category[d.category ?? "output"]} indicator; found ${present} only.`;
  },
  "quantity-not-numeric": (i) =>
    `${where(i.details)} is a quantity indicator and should have a quantity (such as "≥10次"); found "${i.details.text ?? ""}".`,
  "period-is-definition": (i) =>
    `${where(i.details)}: the implementation-period value should be a target; found a formula or definition ("${i.details.text ?? ""}"). The target is in the annual value.`,
  "suspicious-value": (i) => {
    const d = i.details;
    const v = `"${d.text ?? ""}"`;
    switch (d.reason) {
      case "placeholder":
        return `${where(d)}: the value should be a real target; found the placeholder ${v}.`;
      case "reversed-range":
        return `${where(d)}: a range should run from low to high; found ${v}, whose lower end is the higher.`;
      case "over-100": {
        const found = d.fragment && d.fragment !== d.text ? `"${d.fragment}" in ${v}` : v;
        const probable = d.probable ? `; it was probably "${d.probable}"` : "";
        return `${where(d)} is a rate or satisfaction and should be at most 100%; found ${found}${probable} (${d.signWritten ? "a digit too many" : 'a lost "≥"'}, or a score glued to the value?).`;
      }
      default:
        return `${where(d)}: the value ${v} looks wrong; check it against the source.`;
    }
  },
  "amount-not-number": (i) =>
    `${col(i.details, i.details.amountColumn ?? "total")} should be a number; found "${i.actual ?? ""}".`,
  "duplicate-project": (i) =>
    `Project "${i.details.project ?? ""}" should appear once under unit "${i.details.unit ?? ""}"; found again${i.details.firstRow !== undefined ? ` (first on row ${i.details.firstRow})` : ""}.`,
  "empty-project": (i) =>
    `Project "${i.details.project ?? ""}" should have at least one indicator; found none.`,
  "no-table": (i) =>
    `No performance target table found: looked for a header row with a 项目名称 column and a 绩效目标 or 绩效指标 column (such as 项目名称（资金使用单位） 总计 财政拨款 … 绩效指标), a department table's 单位名称, 项目名称, 一级指标, 二级指标, 三级指标 and 指标值 columns, or a single-project form's 项目名称 and 资金总额 with its indicator grid, and found none${
      i.details.seen === "grid-without-name"
        ? ` Row ${i.details.firstRow ?? ""} is an indicator grid's header (${i.details.text ?? ""}), but no project name (项目名称, 专项名称 …) stands above it, so its indicators belong to no project.`
        : i.details.seen === "form-without-grid"
          ? ` Row ${i.details.firstRow ?? ""} holds a single-project form's "${i.details.text ?? ""}", but no indicator grid (a header with 一级指标, 二级指标, 三级指标 and 指标值) follows it: perhaps only the top of the form was copied.`
          : ""
    }`,
  "invalid-character": (i) =>
    `This cell should hold ordinary text; found the invalid character ${i.details.text ?? ""} (half a surrogate pair or a non-character, usually left by a broken copy or conversion). It is kept as is; Excel and WPS may not show it correctly.`,
  "weight-total": (i) =>
    `The weights of project "${i.details.project ?? ""}" should add up to ${figure(i.expected)}; found ${figure(i.actual)}.`,
  "bad-date-range": (i) =>
    `The period (项目起止时间) of project "${i.details.project ?? ""}" should be a date range (such as 2024年1月-2024年12月); found "${i.details.text ?? ""}".`,
  "uncomputed-formula": (i) =>
    `This cell should hold a number; found a formula (${i.details.formula ?? ""}) with no saved result that could not be worked out, so the totals it takes part in were not checked.`,
  "invalid-bytes": (i) =>
    `The file should be UTF-8; found bytes that are not from byte ${figure(i.details.byteOffset ?? null)} on. It was read as UTF-8 and they show as �.`,
  "partial-paste": (i) => {
    const d = i.details;
    const row = d.edgeRow !== undefined ? `row ${d.edgeRow}` : "";
    if (d.edge === "start") {
      if (d.project)
        return `The table may have been copied in part: its first row (${row}) is project "${d.project}", with no unit row above it and no grand total row in the table; check that the paste is complete.`;
      return `The table has no grand total row${d.unit ? ` (its first row is unit "${d.unit}")` : ""}: if the original has one, the table may have been copied in part; check that the paste is complete. The units' amounts were not checked against a grand total.`;
    }
    if (!d.gaps?.length)
      return `The table may have been copied in part: its last row (${row}) is unit "${d.unit ?? ""}", with no project under it; check that the paste is complete.`;
    return `${capitalize(shortfalls(i))}: the table may have been copied in part (its last row is project "${d.project ?? ""}", ${row}); check that the paste is complete.`;
  },
  "duplicate-rows": (i) => {
    const d = i.details;
    if (d.repeated && d.original && d.repeated.from !== d.repeated.to) {
      const header = d.headerRow !== undefined ? `The header appears again on row ${d.headerRow}, and ` : "";
      const same = `${rowSpan(d.repeated)} repeat ${rowSpan(d.original)} (the same units, projects and amounts): the table may have been pasted twice; the totals count them once.`;
      return header ? `${header}${same}` : capitalize(same);
    }
    const what = d.project ? `Project "${d.project}"` : `Unit "${d.unit ?? ""}"`;
    return `${what} appears twice (row ${figure(d.firstRow ?? null)} and ${rowSpan(d.repeated)}, the same amounts); the totals count it once.`;
  },
  "doubled-table": (i) =>
    `The whole table appears twice: the table from row ${figure(i.details.repeated?.from ?? null)} is the same as the one from row ${figure(i.details.original?.from ?? null)} (the same projects and amounts); only the first was checked.`,
  "rounding-gap": (i) => {
    const gaps = i.details.gaps ?? [];
    const g = gaps[0];
    if (!g) return "A total differs from its parts by no more than rounding.";
    const columns = gaps.map((x) => col(i.details, x.amountColumn ?? "total"));
    const widest = largestGap(gaps);
    const which = gaps.length > 1 ? ` (columns ${columns.join(", ")})` : "";
    const between = gapBetween(gaps.length > 1 ? { ...g, amountColumn: undefined } : g, i.details);
    return `${capitalize(between)} differ by ${gapAmount(i, widest)}${which}, probably rounding (尾差); if that is acceptable, enter ${gapTyped(i, widest)} as the total tolerance.`;
  },
  "digits-lost": (i) =>
    `This cell's number has more than 15 digits (it now holds ${i.details.text ?? ""}): Excel keeps only 15 significant digits and turned the rest into zeros, which the table cannot give back; if it is a project code or another identifier, it is no longer whole.`,
  "score-over-weight": (i) =>
    `${where(i.details)}: the score (得分) should be at most its weight (分值) = ${amount(i, i.expected)}; found ${amount(i, i.actual)}.`,
  "weight-sum": (i) =>
    i.details.assumedTotal
      ? `The weights (分值) of project "${i.details.project ?? ""}", the budget execution's included, should add up to 100 points; they add up to ${amount(i, i.actual)}.`
      : `The weights (分值) of project "${i.details.project ?? ""}" add up to ${amount(i, i.expected)}, not to the total the table states, ${amount(i, i.actual)}.${causes(i.details)}`,
  "score-total": (i) =>
    `The total score (总分) of project "${i.details.project ?? ""}" should equal the sum of its scores = ${amount(i, i.expected)}; found ${amount(i, i.actual)}.${causes(i.details)}`,
  "budget-score": (i) =>
    `The budget execution's score of project "${i.details.project ?? ""}" should be its weight ${figure(i.details.weight ?? null)} × the execution rate ${figure(i.details.rate ?? null)}% = ${amount(i, i.expected)} (at most the weight); found ${amount(i, i.actual)}.`,
  "full-marks-missed": (i) =>
    `${where(i.details)}: the actual "${i.details.actualText ?? ""}" misses the target "${i.details.target ?? ""}", yet it has full marks (${figure(i.actual ?? null)} points).`,
  "deducted-but-met": (i) =>
    `${where(i.details)}: the actual "${i.details.actualText ?? ""}" meets the target "${i.details.target ?? ""}", yet it scores ${figure(i.actual ?? null)} of ${figure(i.expected ?? null)} points.`,
  "missing-deviation-reason": (i) =>
    `${where(i.details)}: the actual "${i.details.actualText ?? ""}" misses the target "${i.details.target ?? ""}"; the reason (偏差原因) should be given, and is not.`,
  "grade-mismatch": (i) =>
    `Project "${i.details.project ?? ""}" scores ${figure(i.details.totalScore ?? null)} in all: its grade (评价等级) should be "${String(i.expected ?? "")}"; found "${String(i.actual ?? "")}".`,
  "score-not-number": (i) =>
    `${i.details.indicator ? where(i.details) : `Project "${i.details.project ?? ""}"`}: "${i.details.amountLabel ?? "得分"}" should be a number; found "${i.details.text ?? ""}".`,
  "actual-not-number": (i) =>
    `${where(i.details)}: the target is "${i.details.target ?? ""}", so the actual should be the figure reached; found "${i.details.actualText ?? ""}", which cannot be judged.`,
};

const ruleNames: Record<RuleId, string> = {
  "wrong-amount": "Wrong amount",
  "row-total": "Row total",
  "group-total": "Unit total",
  subtotal: "Subtotal",
  "grand-total": "Grand total",
  "part-over-total": "Part over total",
  "wrong-ratio": "Wrong ratio",
  "level-mismatch": "Level mismatch",
  "missing-value": "Missing value",
  sequence: "Numbering",
  unparsed: "Unreadable text",
  "misplaced-indicators": "Wrong column",
  markup: "Web markup",
  "missing-category": "Missing category",
  "quantity-not-numeric": "Quantity not numeric",
  "period-is-definition": "Period value is a definition",
  "suspicious-value": "Suspicious value",
  "amount-not-number": "Amount not a number",
  "duplicate-project": "Duplicate project",
  "empty-project": "No indicators",
  "no-table": "No table",
  "invalid-character": "Invalid character",
  "weight-total": "Weights total",
  "bad-date-range": "Bad period",
  "uncomputed-formula": "Formula without result",
  "invalid-bytes": "Invalid bytes",
  "partial-paste": "Incomplete paste",
  "duplicate-rows": "Rows twice",
  "doubled-table": "Table twice",
  "rounding-gap": "Rounding",
  "digits-lost": "Digits lost",
  "score-over-weight": "Score over weight",
  "weight-sum": "Weights total",
  "score-total": "Total score",
  "budget-score": "Budget score",
  "full-marks-missed": "Full marks for a miss",
  "deducted-but-met": "Points off a target met",
  "missing-deviation-reason": "No reason for a miss",
  "grade-mismatch": "Wrong grade",
  "actual-not-number": "Actual in words",
  "score-not-number": "Score not a number",
};

/** What to do for a broken score sum, by what is known of its cause. */
function checkScores(i: IssueDraft, what: string): string {
  const c = i.details.culprits;
  if (c?.verdict === "ambiguous")
    return `Check ${c.candidates.map((s) => s.join(" and ")).join(", or ")} against the scoring sheet and fix the one miscounted or mistyped.`;
  return `Check ${what} against the scoring sheet and fix the one miscounted or mistyped.`;
}

function checkTotal(i: IssueDraft, what: string): string {
  const c = i.details.culprits;
  if (c?.verdict === "ambiguous")
    return `Check ${c.candidates.map((s) => s.join(" and ")).join(", or ")} against the source and fix the wrong ones.`;
  return `Check ${what} against the source and fix the wrong amounts.`;
}

const advice: RuleMessages<string> = {
  "wrong-amount": (i) => {
    const d = i.details;
    const also = d.partners?.length ? `, and ${list(d.partners)} as their rows say` : "";
    const otherwise = d.consequences?.length
      ? `; if ${i.cell ?? ""} is right, check ${list(d.consequences)}`
      : "";
    return `Change ${i.cell ?? ""} to ${typed(i, i.expected)}${also}${otherwise}.`;
  },
  "row-total": (i) => checkTotal(i, "the row's total and its sources"),
  "group-total": (i) => checkTotal(i, "the unit's (department's) amounts and its projects' amounts"),
  subtotal: (i) => checkTotal(i, "the subtotal row and the amounts of the projects above it"),
  "grand-total": (i) => checkTotal(i, "the grand total and the units' amounts"),
  "part-over-total": (i) =>
    `Check ${partsNamed(i.details)} and "${i.details.totalLabel ?? ""}" against the source documents and correct the wrong one.`,
  "wrong-ratio": (i) =>
    `Change ${i.cell ?? ""} to ${ratioFigure(i, i.expected)}; if it is right, check "${i.details.numeratorLabel ?? ""}" and "${i.details.denominatorLabel ?? ""}".`,
  "level-mismatch": (i) =>
    i.details.mismatch === "level2-parent"
      ? `Move the item under "${i.details.expectedLevel ?? ""}", or choose a level-2 of "${i.details.level1 ?? ""}".`
      : i.details.expectedLevel
        ? `Write "${i.details.expectedLevel}".`
        : "Correct the level codes and names to the framework.",
  "missing-value": (i) =>
    `Add the ${field[i.details.field ?? "annual"]} (for a one-year project usually the same as the other value).`,
  sequence: (i) => `Renumber it ${i.details.expectedSeq ?? i.expected ?? ""}, or add the missing item.`,
  unparsed: () => `Rewrite the text in the form "${ITEM_GRAMMAR}", or delete it.`,
  "misplaced-indicators": () => "Cut the indicator text from the goal column into the indicator column.",
  markup: () => "Nothing to do; delete the <p> marks if you want the cell tidy.",
  "missing-category": (i) =>
    i.details.category === "satisfaction"
      ? "Optional: add a satisfaction indicator when the project has people it serves."
      : `Add at least one ${category[i.details.category ?? "output"]} indicator.`,
  "quantity-not-numeric": () =>
    'Write a measurable value (such as "≥10次" or "100%"), or file the item as quality or outcome.',
  "period-is-definition": () => "Nothing to do; make sure the annual value is the target.",
  "suspicious-value": (i) => {
    switch (i.details.reason) {
      case "placeholder":
        return "Replace the placeholder with the real target.";
      case "reversed-range":
        return "Swap the ends of the range.";
      case "over-100":
        if (i.details.signWritten)
          return i.details.probable
            ? `Check the source: probably "${i.details.probable}"; remove the extra digit or the glued score.`
            : "Check the source: remove the extra digit or the glued score.";
        return i.details.probable
          ? `Check the source: probably "${i.details.probable}"; add the sign or remove the glued score.`
          : 'Check the source: usually "≥92%" or similar; add the sign or remove the glued score.';
      default:
        return "Check the value against the source.";
    }
  },
  "amount-not-number": () => "Write a number (such as 18.00), without units or words.",
  "duplicate-project": () => "Check for a double paste; if they are two projects, make their names differ.",
  "empty-project": () =>
    "Add the project's indicators; if the row is not a project, delete it or move it out of the table.",
  "no-table": () =>
    "Paste the table with its header row into a sheet, or select the block it is in, and run again.",
  "invalid-character": () => "Retype the cell's text from the original.",
  "weight-total": () => "Check the indicators' weights against the source so that they add up to 100.",
  "bad-date-range": () => 'Write the start and end month, such as "2024年1月-2024年12月".',
  "uncomputed-formula": () =>
    "Open the file in Excel or WPS and save it once (the formulas' results are then stored), and run again.",
  "invalid-bytes": () =>
    "Check this cell's text against the original, or save the file as UTF-8 in the program that wrote it and run again.",
  "partial-paste": (i) =>
    i.severity === "warning"
      ? "If the original has a grand total row, copy and paste the table again with it; if it has none, nothing to do."
      : "Do not change the totals: copy the whole table again from the original (header, grand total row, every row to the last), paste it and run again; if you selected part of the table on purpose, this can be ignored.",
  "duplicate-rows": () =>
    "Delete the repeated rows (keep one of each) and run again; if they really are two projects, make their names differ.",
  "doubled-table": () => "Delete the table pasted a second time and run again.",
  "rounding-gap": (i) => {
    const gaps = i.details.gaps ?? [];
    const value = gaps.length > 0 ? gapTyped(i, largestGap(gaps)) : "0.01";
    if (i.details.scores)
      return `Scores worked out from a rate and rounded can leave the total score a little off its parts. Once checked, enter ${value} as the total tolerance (on the command line, --tolerance ${value}) and run again; the warning goes.`;
    return `Amounts converted from yuan to 万元 often leave a total a cent or two off its parts. Once checked, enter ${value} as the total tolerance (on the command line, --tolerance ${value}) and run again; the warning goes.`;
  },
  "digits-lost": () =>
    "Copy it again from the source: first format the column as Text (or type an apostrophe ' before the number), then paste or type it, and every digit is kept.",
  "score-over-weight": (i) =>
    `Check this score against the scoring rules: it cannot be more than the weight ${typed(i, i.expected)}.`,
  "weight-sum": (i) =>
    i.details.assumedTotal
      ? "Check the weights against the scoring rules so that the indicators' and the budget execution's add up to 100."
      : checkScores(i, "the weights and their total"),
  "score-total": (i) => checkScores(i, "the scores and the total score"),
  "budget-score": (i) =>
    `Change ${i.cell ?? ""} to ${typed(i, i.expected)}; if the rate is wrong, correct it first and work the score out as weight × rate.`,
  "full-marks-missed": () =>
    "A target missed loses points by the scoring rules; if it was in fact met, correct the actual.",
  "deducted-but-met": () =>
    "A target met usually earns full marks; if points were taken off for a reason, write the reason down.",
  "missing-deviation-reason": () =>
    "Write the reason for the miss and the measures taken in 偏差原因分析及改进措施.",
  "grade-mismatch": (i) =>
    `Change the grade to "${String(i.expected ?? "")}" as the total score earns; if the total score is wrong, correct it first.`,
  "score-not-number": () =>
    "Write a number (such as 8 or 9.34); put any explanation in the reason (偏差原因) column.",
  "actual-not-number": () =>
    'Write the figure reached (such as "96%" or "12台"), so that it can be judged against the target.',
};

const ruleMeanings: Record<RuleId, string> = {
  "wrong-amount":
    "When amounts do not add up, the tool finds the fewest cells whose change makes every total agree. That cell is red; the totals that disagree only because of it are light blue and need no change.",
  "row-total":
    "A row's total equals its fiscal, special-account and other funds. Listed only when the wrong cell cannot be told.",
  "group-total":
    "A unit row's amounts (a department's or unit's, in a department table) equal the sums of its projects. Listed only when the wrong cell cannot be told.",
  subtotal:
    "A subtotal (小计) row's amounts equal the sums of the projects above it. Listed only when the wrong cell cannot be told.",
  "grand-total":
    "The grand total equals the sum of the units (or projects). Listed only when the wrong cell cannot be told.",
  "part-over-total":
    "A part listed under 其中 (or a score) must not exceed the total it belongs to (or its full marks); when only some parts are listed, their sum must not exceed the total.",
  "wrong-ratio":
    "A ratio (such as 执行率 = 执行数 ÷ 预算数) must equal the quotient of its two figures, rounded to the decimals the table shows (a percentage as a percentage).",
  "level-mismatch":
    "A level-2 must belong to its level-1 (31 服务对象满意度 under 3 满意度指标), and codes must match names.",
  "missing-value":
    "Every indicator states its annual value (the target); one with an annual value and no implementation-period value is complete.",
  sequence: "Item numbers of a project run 1, 2, 3 … without gaps or repeats.",
  unparsed: `Indicators are written as "${ITEM_GRAMMAR}"; other text cannot be split.`,
  "misplaced-indicators":
    "The indicators are in the goal column. They are split as usual but belong in the indicator column.",
  markup: "Web markup such as <p> came with a copy from a web page. It is ignored.",
  "missing-category": "Every project has output and outcome indicators; satisfaction is optional.",
  "quantity-not-numeric": "A quantity indicator (level-2 11) has a measurable value.",
  "period-is-definition":
    "The implementation-period value holds how the indicator is computed; the target is the annual value. A note only.",
  "suspicious-value":
    "The value looks damaged: a placeholder, a reversed range, a rate over 100% (an OCR'd 292% for ≥92%, or a glued score).",
  "amount-not-number": "An amount cell does not hold a number, so it cannot be reconciled.",
  "duplicate-project": "Two projects of one name under one unit, usually a double paste.",
  "empty-project": "The project has no indicators.",
  "no-table": "No header row of a performance target table was found.",
  "invalid-character": "The cell holds an invalid character (half a surrogate pair or a non-character).",
  "weight-total": "Where the table has a 权重 column, each project's weights add up to 100. A warning.",
  "bad-date-range":
    "A single-project form's 项目起止时间 is a date range; a value such as 20246-202516 was damaged on entry or conversion.",
  "uncomputed-formula":
    "An amount is a formula saved without its result (as some programs write files) that is not a sum or difference the tool can work out. The totals it is in are not checked. A note only.",
  "invalid-bytes":
    "A text file is UTF-8 but for a few bytes: it is still read as UTF-8, those bytes show as �, and the cell's text may have lost characters.",
  "partial-paste":
    "The grand total or the last unit exceeds the rows under it by whole rows' worth, and the table ends inside a unit or project (or starts without its grand total row): most likely rows were left out of the copy, not a wrong amount. The tool then asks for no total to be changed; paste the whole table again.",
  "duplicate-rows":
    "The same rows (names and amounts) appear twice, and the totals agree only when they are counted once: most likely a double paste. The totals count them once and no amount is reported wrong; a body repeated as a whole is one report.",
  "doubled-table":
    "The whole table (header, grand total and rows) was pasted twice: only the first is checked, and the second's problems are not reported again.",
  "rounding-gap":
    "A total differs from the sum of its parts by no more than their rounding can make (half the last digit of each): most likely amounts rounded from yuan to 万元, not a mistake. A warning; the total tolerance can accept the difference.",
  "digits-lost":
    "A number of more than 15 digits (an 18- or 20-digit project code) pasted or typed into Excel as a number: Excel keeps only 15 significant digits, turns the rest into zeros, and often shows it in scientific notation (1.23457E+19). A warning.",
  "score-over-weight":
    "In a self-evaluation (绩效自评表), no indicator's score (nor the budget execution's) may exceed its weight.",
  "weight-sum":
    "In a self-evaluation, the weights add up to the total the table states; where it states none, to 100 points, the budget execution's included (then only a warning).",
  "score-total":
    "In a self-evaluation, the total score is the sum of the indicators' and the budget execution's scores. Whole scores are never rounding.",
  "budget-score":
    "Where the table states that the budget execution scores weight × rate (such as 得分(20分*执行率)), its score is the weight times the rate, at most the weight, rounded or cut to the score's decimals.",
  "full-marks-missed":
    "The actual is judged by the target's comparison (≥95% against 93%): full marks for a miss is an error. Targets in words (合规, 及时) are not judged.",
  "deducted-but-met":
    "The actual meets the target, yet the score is below the weight. A warning: a reason for the deduction is enough.",
  "missing-deviation-reason":
    "An actual that misses its target needs a reason and the measures taken. A warning.",
  "grade-mismatch":
    "The grade follows the total score: 优 from 90, 良 from 80 to 90, 中 from 60 to 80, 差 below 60, unless the table states its own bands.",
  "score-not-number":
    "A self-evaluation's weight, score and total score cells hold numbers; one with words in it (分, or a note) cannot be checked. A slash or dash (not applicable) is fine, and so is a number with its unit (27分 is 27).",
  "actual-not-number":
    'Where the target is a figure ("≥95%"), the actual is the figure reached, not words such as 达成预期指标 or 完成, which cannot be judged. Words are fine where the target is in words (合规). A warning.',
};

/** What the two compared tables are called: last year's and this year's, or a target table and its self-evaluation. */
function sidesOf(f: Pick<Finding, "against" | "selfEvaluation">): { last: string; this: string } {
  if (f.against !== "self-evaluation") return { last: "last year", this: "this year" };
  return f.selfEvaluation === "last"
    ? { last: "in the self-evaluation", this: "in the target table" }
    : { last: "in the target table", this: "in the self-evaluation" };
}

/** `"Acceptance rate" was "≥95%" last year and is "95%" this year` in the words of the two tables. */
function wasIs(f: Finding): string {
  const side = sidesOf(f);
  return `"${f.indicator}" was "${f.last}" ${side.last} and is "${f.this}" ${side.this}`;
}

/** Year over year (compare): each finding kind's name, its sentence and what to check (the 年度对比 sheet). */
const findingNames: Record<FindingKind, string> = {
  "op-lost": "Comparison sign lost",
  "op-changed": "Comparison sign changed",
  "unit-changed": "Unit changed",
  magnitude: "Value off by 10× or more",
  "kind-changed": "Kind of value changed",
  renamed: "Indicator renamed",
  dropped: "Indicator dropped",
  "project-renamed": "Project renamed",
  "amount-vs-quantity": "Amount changed, quantities did not",
  added: "Indicator added",
  "target-changed": "Target changed",
};

const findingMessages: Record<FindingKind, (f: Finding) => string> = {
  "op-lost": (f) => `${wasIs(f)}: the comparison sign is gone; check whether it should be "${f.last}".`,
  "op-changed": (f) => `${wasIs(f)}: the comparison sign changed.`,
  "unit-changed": (f) =>
    f.indicator === null
      ? `The project's amount was "${f.last}" ${sidesOf(f).last} and is "${f.this}" ${sidesOf(f).this}: another unit.`
      : `${wasIs(f)}: the unit changed.`,
  magnitude: (f) => `${wasIs(f)}: a factor of 10 or more apart.`,
  "kind-changed": (f) => `${wasIs(f)}: a number became words or a date, or back.`,
  renamed: (f) => `Indicator "${f.last}" is named "${f.this}" ${sidesOf(f).this}.`,
  dropped: (f) =>
    f.against === "self-evaluation"
      ? `Indicator "${f.indicator}" (${f.last ?? "no value"}) ${sidesOf(f).last} is missing ${sidesOf(f).this}.`
      : `Last year's indicator "${f.indicator}" (${f.last ?? "no value"}) is not in this year's table.`,
  "project-renamed": (f) => `Project "${f.last}" is named "${f.this}" ${sidesOf(f).this}.`,
  "amount-vs-quantity": (f) =>
    `The project's amount went from "${f.last}" to "${f.this}" (30% or more) while every quantity indicator stayed the same.`,
  added: (f) =>
    f.against === "self-evaluation"
      ? `New indicator ${sidesOf(f).this}: "${f.indicator}" (${f.this ?? "no value"}).`
      : `New indicator this year: "${f.indicator}" (${f.this ?? "no value"}).`,
  "target-changed": (f) => `${wasIs(f)}: the self-evaluation's target must be the target table's.`,
};

const findingAdvice: Record<FindingKind, (f: Finding) => string> = {
  "op-lost": (f) => `If the target is still "${f.last}", put the sign back.`,
  "op-changed": () => "Check that the new sign is meant (≥ and ≤ point opposite ways).",
  "unit-changed": (f) =>
    f.indicator === null
      ? "Check the amount unit (元 / 万元) against the figures."
      : "Check the unit; if it changed, should the number have been converted?",
  magnitude: () => "Check for a digit too many or too few, or a misplaced decimal point.",
  "kind-changed": () => "Check the value: a measurable number, a description, or a completion date?",
  renamed: () =>
    "Nothing to do if only the wording changed; if it is another indicator, check whether the earlier one should stay.",
  dropped: (f) =>
    f.against === "self-evaluation"
      ? "Every indicator set at the start of the year is evaluated at year end: add it back with its actual value; if it was changed by approval, say so in the deviation reason."
      : "Check that the indicator was dropped on purpose; add it back if it is still assessed.",
  "project-renamed": () => "Check that it is the same project; if not, compare the two separately.",
  "amount-vs-quantity": () =>
    "Check whether the quantity indicators should follow the money, or explain the change.",
  added: (f) =>
    f.against === "self-evaluation"
      ? "Check: the self-evaluation follows the targets set at the start of the year; an indicator added by approval needs a word in the deviation reason."
      : "Nothing to do: listed for review.",
  "target-changed": () =>
    "The self-evaluation measures against the target set at the start of the year (or as approved later): put the target table's value back, or explain an approved change in the deviation reason.",
};

const compare = {
  guideTitle: "Against last year",
  guideIntro: [
    "Each year's table is mostly last year's, edited. Paste last year's table into another sheet of the workbook and pick it under Compare with last year in the pane before running (on the offline page: give last year's table beside this year's; on the command line: `npm run --silent cli -- compare last.xlsx this.xlsx -o out.xlsx`). The tool pairs the two years project by project and indicator by indicator (renamed ones too), lists what reviewers most often find on a new Year over year sheet, and marks changed cells light purple:",
    "At year end, a year's target table can be compared the same way with its self-evaluation table (pick the other sheet under Compare with last year; either order works): the tool sees which one is the self-evaluation and lists, on a new Targets sheet, every target the self-evaluation writes otherwise and the indicators added or dropped at year end (Target changed, Indicator added, Indicator dropped).",
  ],
  names: findingNames,
  messages: findingMessages,
  advice: findingAdvice,
  none: "Nothing changed since last year that needs checking.",
  /** An indicator only last year has: its address in last year's table, as text. */
  lastCell: (cell: string) => `last year ${cell}`,
  sheet: "Year over year",
  columns: {
    project: "Project",
    indicator: "Indicator",
    kind: "Change",
    last: "Last year",
    current: "This year",
    cell: "Cell this year",
    message: "Message",
    advice: "Advice",
  },
  /** A target table against its self-evaluation: what differs from the above (the sheet, its headers, none). */
  selfEvaluation: {
    none: "The self-evaluation keeps every target of the target table, and adds or drops no indicator.",
    lastCell: (cell: string, f: Pick<Finding, "against" | "selfEvaluation">) =>
      `${f.selfEvaluation === "last" ? "self-evaluation" : "target table"} ${cell}`,
    sheet: "Targets",
    columns: (f: Pick<Finding, "against" | "selfEvaluation">) =>
      f.selfEvaluation === "last"
        ? { last: "Self-evaluation", current: "Target table", cell: "Cell in the target table" }
        : { last: "Target table", current: "Self-evaluation", cell: "Cell in the self-evaluation" },
  },
};

const severity: Record<Severity, string> = { error: "Error", warning: "Warning", info: "Info" };

export const enUS: Messages = {
  locale: "en-US",
  compare,
  issues: byRule(issues),
  ruleNames,
  advice: byRule(advice),
  ruleMeanings,
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
    advice: "What to do",
    ruleId: "Rule id",
  },
  verdict: {
    clean: (equations: number, indicators: number) =>
      equations > 0
        ? `Totals checked: all ${equations} equations agree; ${indicators} indicators, no problems found: ready to send.`
        : `No totals to check in the table; ${indicators} indicators, no problems found: ready to send.`,
    warnings: (equations: number, indicators: number, warnings: number) =>
      `No errors: ${equations > 0 ? `${equations} total equations and ` : ""}${indicators} indicators checked; ${warnings} warning${warnings === 1 ? "" : "s"} to look at before sending.`,
  },
  checks: {
    noIssues: "No problems found: ready to send.",
    truncated: (length: number) =>
      `… (the whole text has ${length} characters, over Excel's 32,767 limit per cell: only its start is shown; see the source cell)`,
    truncatedSource: (length: number) =>
      `… (this field has ${length} characters, over Excel's 32,767 limit per cell: only its start is shown; see the original text file)`,
  },
  notes: {
    author: "Indicator normalizer",
    commentTag: "[Indicator normalizer] ",
    consequence: (culprits: string) =>
      `This total disagrees because ${culprits} is wrong: it agrees once ${culprits} is fixed. No need to change this cell.`,
    more: (count: number, sheet: string) => `… ${count} more in "${sheet}".`,
  },
  print: {
    footerLeft: "&A",
    footerRight: "Page &P of &N",
  },
  guide: {
    title: "Indicator normalizer: user guide",
    generated: "Written by scripts/write-guide.ts from the tool's own wording; do not edit by hand.",
    whatTitle: "What the tool does",
    what: [
      "After a 项目支出绩效目标表 is pasted into Excel, one click:",
      "- splits every project's indicator text into one row per indicator on a new sheet;",
      "- reconciles every total and, where one disagrees, names the cell to change and its right value;",
      "- checks levels, codes, numbering and values, lists the problems on a second new sheet, and marks and annotates the source cells.",
      "No value of the source is changed.",
      "It reads the common shapes: one row per project with the indicators run on (items numbered 1、 1. （1） ① …, or one segment per indicator), a department table from a provincial budget system (one row per indicator, departments and units carrying their totals), the single-project form (资金总额 = its parts; where a 长期绩效指标 grid stands above a 年度绩效指标 grid, this year's grid gives the targets and the long-term one their 实施周期指标值), and the year-end self-evaluation form. Headers worded differently from place to place (指标内容, 本年预期值, 资金来源) are read by their meaning. Several tables on a sheet, or a table on another sheet, are found.",
    ],
    howTitle: "In Excel",
    how: [
      "1. Paste the table with its header row into a sheet (or select the block it is in).",
      "2. Click Normalize indicators on the Home tab, or in the pane. Without Excel: `npm run --silent cli -- normalize table.xlsx -o result.xlsx` (also reads .xls, .et, .ods, a saved .html page and .tsv/.csv; every sheet of a workbook that holds a table is checked).",
      "3. Read the check results first: filter by severity or rule, read the message and what to do; click a cell address to jump to the source. Marked cells carry a note.",
      "4. Fix the source and run again until there are no errors.",
      "5. Click Clear marks to restore the fills, then send the workbook.",
    ],
    howWpsTitle: "In WPS Spreadsheets",
    howWps: [
      "1. Paste the table with its header row into a sheet (or select the block it is in).",
      "2. Click Normalize indicators on the 绩效指标 tab of the ribbon: the task pane opens on the right and checks the active sheet. No such tab: ask IT to install the WPS add-in (see the deployment guide), or use the offline page.",
      "3. The pane lists the problems; click one to go to its cell. The results are also written to the two new sheets, and the cells with problems are marked and carry a note.",
      "4. Fix the source and click Normalize indicators again until there are no errors.",
      "5. Click Clear marks on the 绩效指标 tab to restore the fills, then save and send the workbook.",
    ],
    howPageTitle: "On the offline page (nothing to install)",
    howPage: [
      "1. Open indicator-normalizer.html in a Chromium-based browser: 360 (speed mode), Qi An Xin, Chrome, Edge. The page never connects anywhere.",
      "2. Copy the whole table with its header row in WPS or Excel and paste it into the page's box, or choose one or several .xlsx, .xls, .et, .ods, .html, .csv or .tsv files.",
      "3. For a paste, type the top-left cell of the block you copied in “Copied from cell” (B3 if you selected from B3), so the addresses are your sheet's; without it they count from A1 and name the project's row first.",
      "4. The page gives the verdict and the problems, each with its advice. Download result gives the marked workbook; with several files, Download summary gives every file's problems in one list.",
      "5. Fix the source in WPS or Excel, copy and paste again, until there are no errors.",
    ],
    marksTitle: "Marks on the source",
    marks: [
      "- Red: an error to fix.",
      "- Yellow: a warning to check.",
      "- Light blue: a total that disagrees only because of a red cell; it needs no change.",
      "- Notes are listed on the check results only.",
      "Marked cells get a note saying what is wrong; a note the clerk wrote is never overwritten.",
      "Each kind of mark also has its own pattern, for black-and-white print: an error is solid, a warning has thin diagonal stripes, a light-blue total fine dots, a change since last year thin horizontal lines. Excel and WPS print the patterns (in older Excel, such as 2016, the add-in marks by colour only); LibreOffice has no cell patterns and prints the four kinds as four different greys.",
    ],
    amountsTitle: "Which amount to change",
    amounts: [
      "A wrong amount upsets its row's total and its column's subtotal. The tool finds the fewest cells whose change makes every total agree (the Fellegi–Holt principle):",
      "- one such cell: it is red, with its right value and the advice to change it;",
      "- the totals it upsets are light blue and listed in its message;",
      "- two cells that offset each other are named together;",
      "- several equally small explanations, or four cells or more: the totals are marked and the candidates named.",
      "Before it looks for a cell to change, it checks whether every amount may be right after all:",
      "- the grand total or the last unit exceeds its rows by whole rows' worth and the table ends inside a unit (or has no grand total row): most likely rows were left out of the copy; reported as an incomplete paste, no total to change;",
      "- the same rows (names and amounts) twice, and the totals agree only when they count once: reported as rows twice, counted once; a whole table pasted twice is checked once;",
      "- a gap no larger than the parts' rounding (half the last digit of each): a rounding warning saying which tolerance accepts it.",
    ],
    rulesTitle: "Each rule",
    ruleHeadings: {
      meaning: "Meaning",
      example: "Example",
      advice: "What to do",
      severity: "Severity",
      id: "Rule id",
    },
    columnHeadings: { column: "Column", meaning: "Meaning" },
    detailTitle: "Columns of the indicator sheet",
    checksTitle: "Columns of the check results",
    printTitle: "Printing",
    print: [
      "Both sheets print landscape, all columns on one page wide, the header row on every page, the sheet name and page number in the footer.",
    ],
  },
  detailColumnNotes: {
    unit: "The unit the project belongs to.",
    project: "Project name.",
    seq: "Item number as written.",
    level1: "Level 1, with the framework's name.",
    level2: "Level 2, with the framework's name.",
    name: "Level 3: the indicator's name.",
    period: "Implementation-period value as written.",
    annual: "Annual value as written.",
    op: "Comparison read from the value.",
    value: "Number read from the value (the lower end of a range).",
    upper: "Upper end of a range.",
    measureUnit: "Unit of measure read from the value or the name.",
    problems: "This indicator's problems.",
    source: "The source cell; click to jump there.",
  },
  checkColumnNotes: {
    severity: "Error (fix), warning (check) or info (nothing to do).",
    rule: "The rule's name, to filter by.",
    cell: "The source cell; click to jump there.",
    message: "What was expected, and what was found.",
    advice: "How to fix it.",
    ruleId: "The rule's stable id (rule in the command line's JSON).",
  },
};
