/**
 * Every user-facing sentence in Chinese (the default language). en-US.ts must have the same shape; the type
 * Messages is taken from this table. Sections: issues (one message per rule id, saying what was expected and
 * what was found), ruleNames and advice (the 规则 and 处理建议 columns), the guide (docs/使用说明.md is written
 * from this table by scripts/write-guide.ts), and the plan's sheets, columns, notes and print footer. The pane's
 * and the ribbon's wording is in src/taskpane/messages, the command line's in src/cli/messages.
 */
import type { AmountRole } from "../model/analysis";
import { formatAmount } from "./format-amount";
import type {
  ExplainedGap,
  IssueDetails,
  IssueDraft,
  IssueDraftOf,
  RepairedTotal,
  RowSpan,
  RuleId,
  Severity,
} from "../model/issue";
import type { Finding, FindingKind } from "../compare/finding";

/** One function per rule, each taking an issue of its rule: it sees exactly that rule's details. */
export type RuleMessages<T> = { readonly [R in RuleId]: (i: IssueDraftOf<R>) => T };

/**
 * The table as callers use it: any issue, dispatched to the function of its own rule (an issue's details are
 * those of its rule, which makeIssue ensures), so the per-rule parameter types can be widened here, once.
 */
export function byRule<T>(table: RuleMessages<T>): Readonly<Record<RuleId, (i: IssueDraft) => T>> {
  return table as Readonly<Record<RuleId, (i: IssueDraft) => T>>;
}

const amountColumn: Record<AmountRole, string> = {
  total: "总计",
  fiscal: "财政拨款",
  specialAccount: "财政专户拨款",
  other: "其他资金",
};
/** A columnar layout's own names for its amounts (IssueDetails.amountNames). */
const amountNames: Record<"form" | "department", Record<AmountRole, string>> = {
  form: { total: "资金总额", fiscal: "财政拨款", specialAccount: "自有资金", other: "其他资金" },
  department: { total: "预算数", fiscal: "财政拨款", specialAccount: "财政专户拨款", other: "其他资金" },
};

/** An amount column's name as the issue's table calls it; a layout's own column by the table's own name. */
function col(d: IssueDetails, key: string): string {
  const names: Readonly<Record<string, string | undefined>> = d.amountNames
    ? amountNames[d.amountNames]
    : amountColumn;
  return names[key] ?? `「${d.amountLabel ?? key}」`;
}

const STRING_PARTS: readonly AmountRole[] = ["fiscal", "specialAccount", "other"];

/** A row's total as the table names it: 资金总额, 总计, or a cost table's own `「合计（金额）」`. */
function totalOf(d: IssueDetails): string {
  return d.totalLabel ? `「${d.totalLabel}」` : col(d, "total");
}

const field: Record<"period" | "annual", string> = { period: "实施周期指标值", annual: "年度指标值" };
const category: Record<"output" | "outcome" | "satisfaction", string> = {
  output: "产出指标",
  outcome: "效益指标",
  satisfaction: "满意度指标",
};

/** The item grammar, as the messages and the guide quote it. */
const ITEM_GRAMMAR = "序号、一级指标：二级指标：三级指标；实施周期指标值：…；年度指标值：…。";

/** "项目「公务用车购置费」第3项「维保按时完成质量」" — where an indicator issue sits. */
function where(d: IssueDetails): string {
  const project = d.project ? `项目「${d.project}」` : "";
  const item = d.seq !== undefined ? `第${d.seq}项` : "";
  const name = d.indicator ? `「${d.indicator}」` : "";
  return `${project}${item}${name}` || "此项";
}

/** "123.45", "-0.0000001": an exact figure (exact-decimal.ts toFigure). */
const EXACT_DIGITS = /^-?\d+(\.\d+)?$/;

/** An amount as the table writes it, with its unit: "17.00 万元", "1,963.53 万元". */
function amount(i: IssueDraft, value: IssueDraft["expected"]): string {
  if (value === null || value === undefined) return "（空）";
  // A self-evaluation's scores are points, written as the table writes them: "8 分", "9.34 分".
  if (i.details.scores) return `${typed(i, value)} 分`;
  const f = i.details.amountFormat;
  // The exact digits of an amount a double cannot hold ("12345678901234567.89", "-0.0000001") are written as
  // they are; any other text is quoted.
  if (typeof value === "string")
    return EXACT_DIGITS.test(value) ? `${value}${f?.unit ? ` ${f.unit}` : ""}` : `「${value}」`;
  if (!f) return String(value);
  return `${formatAmount(value, f)}${f.unit ? ` ${f.unit}` : ""}`;
}

/** The same without the unit, as a clerk types it into the cell: "17.00". */
function typed(i: IssueDraft, value: IssueDraft["expected"]): string {
  if (typeof value !== "number") return String(value ?? "");
  const f = i.details.amountFormat;
  // Points as the clerk writes them: 8, 9.34 (not the money's 8.00).
  if (i.details.scores) return formatAmount(value, { decimals: 0, grouping: false });
  return f ? formatAmount(value, f) : String(value);
}

/** A plain figure: a number as it is, or the exact digits a double cannot hold. */
function figure(value: IssueDraft["expected"] | number | null): string {
  return value === null || value === undefined ? "" : String(value);
}

function list(cells: readonly string[] | undefined): string {
  return (cells ?? []).join("、");
}

/** Whose row an amount is on: "项目「…」", "单位「…」", "合计行". */
function rowOf(d: IssueDetails): string {
  if (d.project) return `项目「${d.project}」`;
  if (d.subtotalRow) return d.unit ? `单位「${d.unit}」小计行` : "小计行";
  return d.unit ? `单位「${d.unit}」` : "合计行";
}

/** A total a change repairs: "总计 B12", "单位「…」的财政拨款 C11", "合计行的财政拨款 C10". */
function repaired(t: RepairedTotal, d: IssueDetails): string {
  const column = col(d, t.amountColumn ?? "total");
  if (t.rule === "row-total") return `${totalOf(d)} ${t.cell}`;
  if (t.rule === "group-total") return `单位「${t.unit ?? ""}」的${column} ${t.cell}`;
  if (t.rule === "subtotal") return `小计行的${column} ${t.cell}`;
  if (t.rule === "score-total") return `总分 ${t.cell}`;
  if (t.rule === "weight-sum") return `分值合计 ${t.cell}`;
  return `合计行的${column} ${t.cell}`;
}

/** What a broken total's issue adds about its cause: the candidates, or that there are too many to say. */
function causes(d: IssueDetails): string {
  const c = d.culprits;
  if (!c) return "";
  if (c.verdict === "too-many") return "要让各合计都相符，至少要改 4 个单元格，无法判断是哪几格写错。";
  const ways = c.candidates.map((set) => set.join("、")).join("，或改 ");
  const more = c.count > c.candidates.length ? `等（共 ${c.count} 种改法）` : `（共 ${c.count} 种改法）`;
  return `改动最少的改法不止一种，无法确定是哪一格写错：改 ${ways}${more}都能让合计相符。`;
}

/** A gap as the table writes amounts, without its sign: "18.01 万元". */
function gapAmount(i: IssueDraft, gap: number | string): string {
  return amount(i, typeof gap === "number" ? Math.abs(gap) : gap.replace(/^-/, ""));
}

/** The same as a clerk types it into the tolerance box: "0.01". */
function gapTyped(i: IssueDraft, gap: number | string): string {
  return typed(i, typeof gap === "number" ? Math.abs(gap) : gap.replace(/^-/, ""));
}

/** What a gap is between: "合计与明细", "单位「…」与其下项目", "项目「…」的总计与各资金来源". */
function gapBetween(t: ExplainedGap, d: IssueDetails): string {
  const column = t.amountColumn && t.amountColumn !== "total" ? `的${col(d, t.amountColumn)}` : "";
  if (t.rule === "grand-total") return `合计${column}与明细`;
  if (t.rule === "group-total") return `单位「${t.unit ?? ""}」${column}与其下项目`;
  if (t.rule === "subtotal") return `小计行${column}与其上项目`;
  if (t.rule === "score-total") return `${t.project ? `项目「${t.project}」的` : ""}总分与各项得分`;
  if (t.rule === "weight-sum") return `${t.project ? `项目「${t.project}」的` : ""}分值合计与各项分值`;
  return `${t.project ? `项目「${t.project}」` : t.unit ? `单位「${t.unit}」` : "合计行"}的${totalOf(d)}与${d.totalLabel ? "各项明细" : "各资金来源"}`;
}

/** The gaps a cut paste leaves, one per row (its 总计 column, else its first): "合计与明细相差 18.01 万元". */
function shortfalls(i: IssueDraft): string {
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const g of i.details.gaps ?? []) {
    const key = `${g.rule}|${g.unit ?? ""}`;
    if (seen.has(key)) continue;
    seen.add(key);
    parts.push(`${gapBetween({ ...g, amountColumn: undefined }, i.details)}相差 ${gapAmount(i, g.gap)}`);
  }
  return parts.join("，");
}

/** The largest gap of a list, without its sign (exact digits a double cannot hold compare by length). */
function largestGap(gaps: readonly ExplainedGap[]): number | string {
  let widest = gaps[0]!.gap;
  const size = (g: number | string): number =>
    typeof g === "number" ? Math.abs(g) : Number(g.replace(/^-/, ""));
  for (const g of gaps) if (size(g.gap) > size(widest)) widest = g.gap;
  return widest;
}

/** Sheet rows "第 36–59 行", or "第 36 行". */
function rowSpan(span: RowSpan | undefined): string {
  if (!span) return "";
  return span.from === span.to ? `第 ${span.from} 行` : `第 ${span.from}–${span.to} 行`;
}

/** Whose row an equation of a layout's own is on: "项目「…」的", "单位「…」的", or nothing. */
function rowPrefix(d: IssueDetails): string {
  if (d.project) return `项目「${d.project}」的`;
  return d.unit ? `单位「${d.unit}」的` : "";
}

/** A bound's parts as the table names them: "「得分」", "「财政拨款」「自有资金」之和". */
function partsNamed(d: IssueDetails): string {
  const labels = (d.partLabels ?? []).map((l) => `「${l}」`);
  return labels.length > 1 ? `${labels.join("")}之和` : labels.join("");
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
    // A self-evaluation's score names its indicator: 项目「…」「培训人次」的「得分」.
    const item = d.scores && d.indicator ? `「${d.indicator}」` : "";
    const column = d.amountColumn ? `${item}的${col(d, d.amountColumn)}` : "";
    const partners = d.partners?.length ? `，须与 ${list(d.partners)} 一起改` : "";
    // The cell itself is not named again among the totals it repairs (a wrong total repairs its own equation).
    const totals = (d.repairs ?? []).filter((t) => t.cell !== i.cell).map((t) => repaired(t, d));
    // 「都」 only when several totals come right together.
    const repairs = totals.length > 1 ? `${totals.join("、")} 都能对上` : `${totals.join("")} 就能对上`;
    const after = totals.length > 0 ? `；改正后，${repairs}` : "";
    return `${rowOf(d)}${column}（${i.cell ?? ""}）应为 ${amount(i, i.expected)}，表中为 ${amount(i, i.actual)}${partners}${after}。`;
  },
  "row-total": (i) =>
    `${rowOf(i.details)}的${totalOf(i.details)}应等于${(i.details.parts ?? STRING_PARTS).map((r) => col(i.details, r)).join("＋")}＝${amount(i, i.expected)}，表中为 ${amount(i, i.actual)}。${causes(i.details)}`,
  "group-total": (i) =>
    `单位「${i.details.unit ?? ""}」的${col(i.details, i.details.amountColumn ?? "total")}应等于其下各项目之和＝${amount(i, i.expected)}，表中为 ${amount(i, i.actual)}。${causes(i.details)}`,
  subtotal: (i) =>
    `${i.details.unit ? `单位「${i.details.unit}」下` : ""}小计行的${col(i.details, i.details.amountColumn ?? "total")}应等于其上各项目之和＝${amount(i, i.expected)}，表中为 ${amount(i, i.actual)}。${causes(i.details)}`,
  "grand-total": (i) =>
    `合计行的${col(i.details, i.details.amountColumn ?? "total")}应等于各单位（没有单位行时为各项目）之和＝${amount(i, i.expected)}，表中为 ${amount(i, i.actual)}。${causes(i.details)}`,
  "part-over-total": (i) =>
    `${rowPrefix(i.details)}${partsNamed(i.details)}应不大于「${i.details.totalLabel ?? ""}」＝${amount(i, i.expected)}，表中为 ${amount(i, i.actual)}。`,
  "wrong-ratio": (i) => {
    const d = i.details;
    const places = d.rounding ? `（保留 ${d.rounding.decimals} 位小数）` : "";
    return `${rowPrefix(d)}「${d.targetLabel ?? ""}」应等于「${d.numeratorLabel ?? ""}」÷「${d.denominatorLabel ?? ""}」＝${ratioFigure(i, i.expected)}${places}，表中为 ${ratioFigure(i, i.actual)}。`;
  },
  "level-mismatch": (i) => {
    const d = i.details;
    switch (d.mismatch) {
      case "level2-parent":
        return `${where(d)}：二级指标「${d.level2 ?? ""}」属于一级指标「${d.expectedLevel ?? ""}」，此处写在「${d.level1 ?? ""}」下。`;
      case "level1-code":
        return `${where(d)}：一级指标应写作「${d.expectedLevel ?? ""}」，此处写作「${d.level1 ?? ""}」（编码与名称不符）。`;
      case "level2-code":
        return `${where(d)}：二级指标应写作「${d.expectedLevel ?? ""}」，此处写作「${d.level2 ?? ""}」（编码与名称不符）。`;
      default:
        return `${where(d)}：二级指标「${d.level2 ?? ""}」不属于一级指标「${d.level1 ?? ""}」，或编码与名称不符。`;
    }
  },
  "missing-value": (i) => {
    const d = i.details;
    const f = d.field ?? "annual";
    const other =
      d.text !== undefined ? `（只写了${field[f === "annual" ? "period" : "annual"]}「${d.text}」）` : "";
    return `${where(d)}应写明${field[f]}，此项没有${other}。`;
  },
  sequence: (i) =>
    `${where(i.details)}：序号应为 ${i.details.expectedSeq ?? i.expected ?? ""}，此处为 ${i.details.seq ?? i.actual ?? ""}。`,
  unparsed: (i) =>
    `${i.details.project ? `项目「${i.details.project}」中` : ""}有一段文字不是「${ITEM_GRAMMAR}」的格式，无法拆分：「${i.details.text ?? ""}」。`,
  "misplaced-indicators": (i) =>
    `项目「${i.details.project ?? ""}」的绩效指标应写在“绩效指标”列，此处写在了“绩效目标”列（已照常拆分）。`,
  markup: (i) =>
    `${i.details.project ? `项目「${i.details.project}」` : "此单元格"}应为纯文字，此处含有网页标记（如 <p>），已忽略这些标记。`,
  "missing-category": (i) => {
    const d = i.details;
    const present = d.present?.length ? d.present.map((c) => category[c]).join("、") : "无法识别类别的指标";
    return d.category === "satisfaction"
      ? `项目「${d.project ?? ""}」没有满意度指标（可选，有则占自评分 10%）。`
      : `项目「${d.project ?? ""}」应有${category[d.category ?? "output"]}，此处只有${present}。`;
  },
  "quantity-not-numeric": (i) =>
    `${where(i.details)}是数量指标，指标值应为数量（如「≥10次」），此处为「${i.details.text ?? ""}」。`,
  "period-is-definition": (i) =>
    `${where(i.details)}的实施周期指标值应为目标值，此处是计算方法或定义（「${i.details.text ?? ""}」）；目标值见年度指标值。`,
  "suspicious-value": (i) => {
    const d = i.details;
    const v = `「${d.text ?? ""}」`;
    switch (d.reason) {
      case "placeholder":
        return `${where(d)}的指标值应为实际目标，此处为占位符${v}。`;
      case "reversed-range":
        return `${where(d)}的指标值区间应为下限在前、上限在后，此处为${v}，下限大于上限。`;
      case "over-100": {
        // Inside a sentence, the damaged part is quoted on its own; what it probably was, when that can be told.
        const found = d.fragment && d.fragment !== d.text ? `${v}中的「${d.fragment}」超过了 100%` : `为${v}`;
        const probable = d.probable ? `，可能原为「${d.probable}」` : "";
        return `${where(d)}是比率或满意度，目标应不超过 100%，此处${found}${probable}（${d.signWritten ? "可能多打了一位数字" : "可能丢了「≥」"}，或与分值连在了一起）。`;
      }
      default:
        return `${where(d)}的指标值${v}可疑，请核对原表。`;
    }
  },
  "amount-not-number": (i) =>
    `${col(i.details, i.details.amountColumn ?? "total")}应为数字，此处为「${i.actual ?? ""}」。`,
  "duplicate-project": (i) =>
    `单位「${i.details.unit ?? ""}」下的项目「${i.details.project ?? ""}」应只出现一次，此处再次出现${i.details.firstRow !== undefined ? `（第一次在第 ${i.details.firstRow} 行）` : ""}。`,
  "empty-project": (i) => `项目「${i.details.project ?? ""}」应至少有一条绩效指标，此处没有。`,
  "no-table": (i) =>
    `没有找到项目支出绩效目标表：要找的是一行表头，含“项目名称”列和“绩效目标”或“绩效指标”列（如“项目名称（资金使用单位）”“总计”“财政拨款”…“绩效指标”），或部门表的“单位名称”“项目名称”“一级指标”“二级指标”“三级指标”“指标值”等列，或单项目申报表的“项目名称”“资金总额”和指标表格，此处都没有。${
      i.details.seen === "grid-without-name"
        ? `第 ${i.details.firstRow ?? ""} 行是指标表格的表头（${i.details.text ?? ""}），但其上没有项目名称（“项目名称”“专项名称”等及其内容），无法知道这些指标属于哪个项目。`
        : i.details.seen === "form-without-grid"
          ? `第 ${i.details.firstRow ?? ""} 行有单项目申报表的“${i.details.text ?? ""}”，但其下没有指标表格（含“一级指标”“二级指标”“三级指标”“指标值”等列的表头）：表格可能只复制了上半部分。`
          : ""
    }`,
  "invalid-character": (i) =>
    `此单元格应为正常文字，此处含有无效字符 ${i.details.text ?? ""}（半个代理对或非字符，常见于复制或转换出错），已原样保留；Excel、WPS 可能无法正确显示。`,
  "weight-total": (i) =>
    `项目「${i.details.project ?? ""}」各指标的权重合计应为 ${figure(i.expected)}，此处为 ${figure(i.actual)}。`,
  "bad-date-range": (i) =>
    `项目「${i.details.project ?? ""}」的项目起止时间应为日期区间（如「2024年1月-2024年12月」），此处为「${i.details.text ?? ""}」。`,
  "uncomputed-formula": (i) =>
    `此单元格应有数值，此处是公式（${i.details.formula ?? ""}），文件中没有保存计算结果，也无法算出，所以它参与的合计没有核对。`,
  "invalid-bytes": (i) =>
    `文件应为 UTF-8 编码，第 ${figure(i.details.byteOffset ?? null)} 字节起有不是 UTF-8 的字节；已按 UTF-8 读取，这些字节显示为 �。`,
  "partial-paste": (i) => {
    const d = i.details;
    const row = d.edgeRow !== undefined ? `第 ${d.edgeRow} 行` : "";
    if (d.edge === "start") {
      if (d.project)
        return `表格可能只复制了一部分：第一行（${row}）是项目「${d.project}」，它上面没有所属单位的行，表中也没有合计行；请检查粘贴是否完整。`;
      return `表中没有合计行${d.unit ? `（第一行是单位「${d.unit}」）` : ""}：如果原表有合计行，表格可能只复制了一部分，请检查粘贴是否完整；各单位的金额没有与合计核对。`;
    }
    if (!d.gaps?.length)
      return `表格可能只复制了一部分：最后一行（${row}）是单位「${d.unit ?? ""}」，它下面没有项目；请检查粘贴是否完整。`;
    return `${shortfalls(i)}：表格可能只复制了一部分（最后一行是项目「${d.project ?? ""}」，${row}），请检查粘贴是否完整。`;
  },
  "duplicate-rows": (i) => {
    const d = i.details;
    if (d.repeated && d.original && d.repeated.from !== d.repeated.to) {
      const header = d.headerRow !== undefined ? `表头在第 ${d.headerRow} 行再次出现，其后` : "";
      return `${header}${rowSpan(d.repeated)}与${rowSpan(d.original)}相同（同样的单位、项目和金额）：表格可能粘贴了两次，合计按一次计算。`;
    }
    const what = d.project ? `项目「${d.project}」` : `单位「${d.unit ?? ""}」`;
    return `${what}出现两次（第 ${figure(d.firstRow ?? null)} 行和${rowSpan(d.repeated)}，金额相同），合计按一次计算。`;
  },
  "doubled-table": (i) =>
    `整张表出现两次：第 ${figure(i.details.repeated?.from ?? null)} 行起的表与第 ${figure(i.details.original?.from ?? null)} 行起的表相同（同样的项目和金额），只核对了前一张。`,
  "rounding-gap": (i) => {
    const gaps = i.details.gaps ?? [];
    const g = gaps[0];
    if (!g) return "合计与明细相差不超过四舍五入的尾差。";
    // A row's columns off together: named once, the columns listed (总计、财政拨款两列).
    const columns = gaps.map((x) => col(i.details, x.amountColumn ?? "total"));
    const widest = largestGap(gaps);
    const which = gaps.length > 1 ? `（${columns.join("、")}）` : "";
    const between = gapBetween(gaps.length > 1 ? { ...g, amountColumn: undefined } : g, i.details);
    return `${between}相差 ${gapAmount(i, widest)}${which}，可能是四舍五入尾差；如可接受，在「合计容差」中填 ${gapTyped(i, widest)}。`;
  },
  "digits-lost": (i) =>
    `此单元格的数字超过 15 位（现为 ${i.details.text ?? ""}）：Excel 只保存 15 位有效数字，第 15 位以后的数字已变成 0，表中无法恢复；若是项目代码等编号，数字已不完整。`,
  "score-over-weight": (i) =>
    `${where(i.details)}的得分应不大于其分值＝${amount(i, i.expected)}，表中为 ${amount(i, i.actual)}。`,
  "weight-sum": (i) =>
    i.details.assumedTotal
      ? `项目「${i.details.project ?? ""}」各项分值（含预算执行率的分值）合计应为 100 分，表中合计为 ${amount(i, i.actual)}。`
      : `项目「${i.details.project ?? ""}」各项分值之和为 ${amount(i, i.expected)}，与表中写明的分值合计 ${amount(i, i.actual)}不符。${causes(i.details)}`,
  "score-total": (i) =>
    `项目「${i.details.project ?? ""}」的总分应等于各项得分之和＝${amount(i, i.expected)}，表中为 ${amount(i, i.actual)}。${causes(i.details)}`,
  "budget-score": (i) =>
    `项目「${i.details.project ?? ""}」预算执行率的得分应为 分值 ${figure(i.details.weight ?? null)} × 执行率 ${figure(i.details.rate ?? null)}%＝${amount(i, i.expected)}（不超过分值），表中为 ${amount(i, i.actual)}。`,
  "full-marks-missed": (i) =>
    `${where(i.details)}的实际完成值「${i.details.actualText ?? ""}」未达到年度指标值「${i.details.target ?? ""}」，却得了满分 ${figure(i.actual ?? null)} 分。`,
  "deducted-but-met": (i) =>
    `${where(i.details)}的实际完成值「${i.details.actualText ?? ""}」已达到年度指标值「${i.details.target ?? ""}」，得分却为 ${figure(i.actual ?? null)} 分（分值 ${figure(i.expected ?? null)} 分）。`,
  "missing-deviation-reason": (i) =>
    `${where(i.details)}的实际完成值「${i.details.actualText ?? ""}」未达到年度指标值「${i.details.target ?? ""}」，应写明偏差原因及改进措施，此处没有。`,
  "grade-mismatch": (i) =>
    `项目「${i.details.project ?? ""}」总分 ${figure(i.details.totalScore ?? null)} 分，评价等级应为「${String(i.expected ?? "")}」，表中为「${String(i.actual ?? "")}」。`,
  "score-not-number": (i) =>
    `${i.details.indicator ? where(i.details) : `项目「${i.details.project ?? ""}」`}的「${i.details.amountLabel ?? "得分"}」应为数字，此处为「${i.details.text ?? ""}」。`,
  "actual-not-number": (i) =>
    `${where(i.details)}的年度指标值为「${i.details.target ?? ""}」，实际完成值应写实际达到的数值，此处为「${i.details.actualText ?? ""}」，无法判断是否达到。`,
};

/** The 规则 column: a short name per rule. */
const ruleNames: Record<RuleId, string> = {
  "wrong-amount": "金额有误",
  "row-total": "总计不符",
  "group-total": "单位合计不符",
  subtotal: "小计不符",
  "grand-total": "合计不符",
  "part-over-total": "分项超过总数",
  "wrong-ratio": "比率不符",
  "level-mismatch": "指标层级不符",
  "missing-value": "缺少指标值",
  sequence: "序号不连续",
  unparsed: "无法识别的文字",
  "misplaced-indicators": "指标写错列",
  markup: "含网页标记",
  "missing-category": "缺少指标类别",
  "quantity-not-numeric": "数量指标非数量",
  "period-is-definition": "周期值为定义",
  "suspicious-value": "指标值可疑",
  "amount-not-number": "金额不是数字",
  "duplicate-project": "项目重复",
  "empty-project": "没有指标",
  "no-table": "未找到表格",
  "invalid-character": "无效字符",
  "weight-total": "权重合计不符",
  "bad-date-range": "起止时间有误",
  "uncomputed-formula": "公式无结果",
  "invalid-bytes": "编码有误",
  "partial-paste": "粘贴不完整",
  "duplicate-rows": "行重复",
  "doubled-table": "整表重复",
  "rounding-gap": "尾差",
  "digits-lost": "数字被截断",
  "score-over-weight": "得分超过分值",
  "weight-sum": "分值合计不符",
  "score-total": "总分不符",
  "budget-score": "预算执行得分不符",
  "full-marks-missed": "未达标却得满分",
  "deducted-but-met": "已达标却扣分",
  "missing-deviation-reason": "缺少偏差原因",
  "grade-mismatch": "评价等级不符",
  "actual-not-number": "完成值不是数值",
  "score-not-number": "分数不是数字",
};

/** What to do for a broken total, by what is known of its cause. */
function checkTotal(i: IssueDraft, what: string): string {
  const c = i.details.culprits;
  if (c?.verdict === "ambiguous")
    return `对照原始资料核对 ${c.candidates.map((s) => s.join("、")).join("，或 ")}，改正写错的那几格。`;
  return `对照原始资料逐一核对${what}，改正写错的金额。`;
}

/** What to do for a broken score sum, by what is known of its cause. */
function checkScores(i: IssueDraft, what: string): string {
  const c = i.details.culprits;
  if (c?.verdict === "ambiguous")
    return `对照评分表核对 ${c.candidates.map((s) => s.join("、")).join("，或 ")}，改正算错或写错的那一格。`;
  return `对照评分表逐一核对${what}，改正算错或写错的那一格。`;
}

/** The 处理建议 column: what to do, per rule. */
const advice: RuleMessages<string> = {
  "wrong-amount": (i) => {
    const d = i.details;
    const also = d.partners?.length ? `，并按其说明改 ${list(d.partners)}` : "";
    const otherwise = d.consequences?.length
      ? `；若 ${i.cell ?? ""} 无误，请核对 ${list(d.consequences)}`
      : "";
    return `把 ${i.cell ?? ""} 改为 ${typed(i, i.expected)}${also}${otherwise}。`;
  },
  "row-total": (i) => checkTotal(i, "本行的总计和各资金来源"),
  "group-total": (i) => checkTotal(i, "单位（部门）行的金额和其下各项目的金额"),
  subtotal: (i) => checkTotal(i, "小计行和其上各项目的金额"),
  "grand-total": (i) => checkTotal(i, "合计行和各单位的金额"),
  "part-over-total": (i) =>
    `对照原始资料核对${partsNamed(i.details)}和「${i.details.totalLabel ?? ""}」，改正写错的那一格。`,
  "wrong-ratio": (i) =>
    `把 ${i.cell ?? ""} 改为 ${ratioFigure(i, i.expected)}；若它无误，请核对「${i.details.numeratorLabel ?? ""}」和「${i.details.denominatorLabel ?? ""}」。`,
  "level-mismatch": (i) =>
    i.details.mismatch === "level2-parent"
      ? `把此项移到「${i.details.expectedLevel ?? ""}」下，或把二级指标改为「${i.details.level1 ?? ""}」下的一类。`
      : i.details.expectedLevel
        ? `改为「${i.details.expectedLevel}」。`
        : "按指标体系改正一级、二级指标的编码和名称。",
  "missing-value": (i) =>
    i.details.field === "period"
      ? "补上实施周期指标值（一年期项目通常与年度指标值相同）。"
      : "补上年度指标值（一年期项目通常与实施周期指标值相同）。",
  sequence: (i) => `把序号改为 ${i.details.expectedSeq ?? i.expected ?? ""}，或补上漏掉的那一项。`,
  unparsed: () => `按「${ITEM_GRAMMAR}」改写这段文字，或删去它。`,
  "misplaced-indicators": () => "把指标文字从“绩效目标”列剪切到“绩效指标”列。",
  markup: () => "无需处理；如要整洁，可删去 <p> 之类的标记。",
  "missing-category": (i) =>
    i.details.category === "satisfaction"
      ? "可选：项目有服务对象时，补上满意度指标。"
      : `补上至少一条${category[i.details.category ?? "output"]}。`,
  "quantity-not-numeric": () => "改为可计量的数值（如「≥10次」「100%」），或把此项改列为质量、效益指标。",
  "period-is-definition": () => "无需处理；确认年度指标值是要达到的目标值即可。",
  "suspicious-value": (i) => {
    switch (i.details.reason) {
      case "placeholder":
        return "把 XX 之类的占位符换成实际目标值。";
      case "reversed-range":
        return "把区间的上下限对调。";
      case "over-100":
        if (i.details.signWritten)
          return i.details.probable
            ? `对照原表核对：可能应为「${i.details.probable}」；删去多打的数字或连在后面的分值。`
            : "对照原表核对：删去多打的数字或连在后面的分值。";
        return i.details.probable
          ? `对照原表核对：可能应为「${i.details.probable}」；补上比较符号或删去连在后面的分值。`
          : "对照原表核对：通常应为「≥92%」之类，补上比较符号或删去连在后面的分值。";
      default:
        return "对照原表核对此值。";
    }
  },
  "amount-not-number": () => "改为数字（如 18.00），不要带单位或文字。",
  "duplicate-project": () => "确认是否重复粘贴；若确是两个同名项目，请在名称中加以区分。",
  "empty-project": () => "补上此项目的绩效指标；若此行不是项目，请删除或移出表格。",
  "no-table": () => "把表格连同表头行粘贴到工作表中，或选中表格所在区域后再运行。",
  "invalid-character": () => "对照原文重新输入此单元格中的文字。",
  "weight-total": () => "对照原始资料核对各指标的权重，使其合计为 100。",
  "bad-date-range": () => "改为起止年月，如「2024年1月-2024年12月」。",
  "uncomputed-formula": () => "在 Excel 或 WPS 中打开文件、保存一次（公式结果即会存入文件），再运行。",
  "invalid-bytes": () => "对照原文核对此单元格的文字；或在原程序中把文件另存为 UTF-8 编码后再运行。",
  "partial-paste": (i) =>
    i.severity === "warning"
      ? "若原表有合计行，请连同合计行重新复制、粘贴后再运行；若原表本就没有合计行，可不处理。"
      : "不要改动合计：从原表重新复制整张表（从表头、合计行到最后一行），粘贴后再运行；若是有意只选中表格的一部分来检查，可不理会此条。",
  "duplicate-rows": () => "删去重复的行（保留一处）后再运行；若确是两个项目，请在名称中加以区分。",
  "doubled-table": () => "删去重复粘贴的那一张表后再运行。",
  "rounding-gap": (i) => {
    const gaps = i.details.gaps ?? [];
    const value = gaps.length > 0 ? gapTyped(i, largestGap(gaps)) : "0.01";
    if (i.details.scores)
      return `得分按执行率折算后保留小数时，总分与各项之和可能差一点。核对无误后，在「合计容差」中填 ${value}（命令行用 --tolerance ${value}）再运行，此提示即消失。`;
    return `金额由元换算为万元时，合计与各项之和常差一两分。核对无误后，在「合计容差」中填 ${value}（命令行用 --tolerance ${value}）再运行，此提示即消失。`;
  },
  "digits-lost": () =>
    "从原始资料重新复制：先把这一列设为「文本」格式（或在数字前加英文单引号 '），再粘贴或输入，数字才能完整保留。",
  "score-over-weight": (i) => `对照评分标准核对此项得分，得分不能超过分值 ${typed(i, i.expected)}。`,
  "weight-sum": (i) =>
    i.details.assumedTotal
      ? "对照评分标准核对各项分值，使绩效指标与预算执行率的分值合计为 100 分。"
      : checkScores(i, "各项分值和分值合计"),
  "score-total": (i) => checkScores(i, "各项得分和总分"),
  "budget-score": (i) =>
    `把 ${i.cell ?? ""} 改为 ${typed(i, i.expected)}；若执行率有误，先改正执行率再按“分值×执行率”计算得分。`,
  "full-marks-missed": () => "未达到指标值的应按评分标准扣分；若实际已达到，请改正实际完成值。",
  "deducted-but-met": () => "已达到指标值的一般应得满分；若确有扣分理由，请在偏差原因中写明。",
  "missing-deviation-reason": () => "在“偏差原因分析及改进措施”栏写明未达到的原因和改进措施。",
  "grade-mismatch": (i) => `按总分把评价等级改为「${String(i.expected ?? "")}」；若总分有误，先改正总分。`,
  "score-not-number": () => "改为数字（如 8 或 9.34），说明文字写到偏差原因栏。",
  "actual-not-number": () => "写明实际完成的数值（如「96%」「12台」），以便与指标值比较。",
};

/** The guide's explanation of each rule: what it checks and why it matters. */
const ruleMeanings: Record<RuleId, string> = {
  "wrong-amount":
    "金额对不上时，本工具找出“改动最少的单元格”：改了它（或它们），所有合计都能对上。这一格标红；因它而对不上的合计标浅蓝色，不必去改。",
  "row-total":
    "每一行的总计应等于财政拨款、财政专户拨款和其他资金之和。只在无法确定是哪一格写错时，才按此条列出。",
  "group-total":
    "每个单位行（部门表中的部门、单位行）的各项金额应等于其下各项目之和。只在无法确定是哪一格写错时，才按此条列出。",
  subtotal: "小计行的各项金额应等于其上各项目之和。只在无法确定是哪一格写错时，才按此条列出。",
  "grand-total":
    "合计行的各项金额应等于各单位之和（没有单位行时为各项目之和）。只在无法确定是哪一格写错时，才按此条列出。",
  "part-over-total":
    "“其中”所列的部分（或得分）不能大于它所属的总数（或分值）；只列出部分来源时，各部分之和也不能超过总数。",
  "wrong-ratio":
    "比率（如执行率＝执行数÷预算数）应等于两数之商，按表中显示的小数位四舍五入（百分数按百分数计）。",
  "level-mismatch":
    "二级指标必须属于它所在的一级指标（如 31-服务对象满意度 属于 3-满意度指标），编码也必须与名称一致。",
  "missing-value":
    "每条指标都应写明年度指标值（要达到的目标）；只写年度指标值、没有实施周期指标值的，不算问题。",
  sequence: "同一项目的指标序号应为 1、2、3…，不跳号、不重号。",
  unparsed: `绩效指标应按「${ITEM_GRAMMAR}」书写；不合格式的文字无法拆分成指标。`,
  "misplaced-indicators": "绩效指标写在了绩效目标列中。本工具照常拆分，但上报前应移到绩效指标列。",
  markup: "从网页复制时带进了 <p> 等网页标记。本工具已忽略它们，不影响结果。",
  "missing-category": "每个项目都应有产出指标和效益指标；满意度指标可选。",
  "quantity-not-numeric": "数量指标（二级指标 11）的指标值应是可计量的数值。",
  "period-is-definition":
    "实施周期指标值写的是指标的计算方法或定义（如“实际完成的工作量/计划完成的工作量”），目标值在年度指标值中。这只是提示。",
  "suspicious-value":
    "指标值看起来有误：XX 之类的占位符、下限大于上限的区间、超过 100% 的比率（常是 OCR 把「≥92%」认成「292%」，或分值连在了数值后面）。",
  "amount-not-number": "金额单元格里不是数字，无法参加合计核对。",
  "duplicate-project": "同一单位下出现了两个同名项目，常见于重复粘贴。",
  "empty-project": "项目没有任何绩效指标。",
  "no-table": "工作表中没有找到项目支出绩效目标表的表头行。",
  "invalid-character": "单元格中有无效字符（半个代理对或非字符），常见于复制或格式转换出错。",
  "weight-total": "表中有“权重”列时，每个项目各指标的权重之和应为 100。这是警告。",
  "bad-date-range":
    "单项目申报表的“项目起止时间”应是一个日期区间；「20246-202516」之类是录入或转换时损坏的值。",
  "uncomputed-formula":
    "金额是公式，但文件中没有保存计算结果（某些程序这样写文件），且不是能算出的求和或相减。它参与的合计未核对。这只是提示。",
  "invalid-bytes":
    "文本文件大体是 UTF-8 编码，但有几个字节不是：文件仍按 UTF-8 读取，这些字节显示为 �，所在单元格的文字可能缺字。",
  "partial-paste":
    "合计或最后一个单位的金额比其下各行之和多出整行的金额，而表格在单位或项目中间结束（或开头没有合计行）：多半是复制时少选了几行，而不是金额写错。这时不会要求改动合计，请重新完整粘贴。",
  "duplicate-rows":
    "同样的行（名称和金额都相同）出现两次，按一次计算时合计才相符：多半是重复粘贴。合计按一次计算，不报金额错误；一段表体整段重复时只报一条。",
  "doubled-table": "整张表（表头、合计和各行）粘贴了两次：只核对前一张，后一张不再重复报问题。",
  "rounding-gap":
    "合计与各项之和相差不超过各项四舍五入所能造成的差额（每项最后一位的一半）：多半是把元换算为万元时的尾差，不是写错。这是警告；可在「合计容差」中填入可接受的差额。",
  "digits-lost":
    "超过 15 位的数字（如 18 位、20 位的项目代码）粘贴或输入 Excel 时被当作数值：Excel 只保存 15 位有效数字，其余变成 0，常显示为科学记数法（如 1.23457E+19）。这是警告。",
  "score-over-weight": "绩效自评表中，每项指标（及预算执行率）的得分不能超过它的分值。",
  "weight-sum":
    "绩效自评表中，各项分值之和应等于表中写明的分值合计；表中没有写明时，应为 100 分（含预算执行率的分值；这时只是警告）。",
  "score-total": "绩效自评表中，总分应等于各项指标得分与预算执行率得分之和。整数得分不算尾差。",
  "budget-score":
    "表中写明预算执行率得分按“分值×执行率”计算时（如「得分(20分*执行率)」），得分应等于分值乘执行率，最高为分值；按得分的小数位四舍五入或截去均可。",
  "full-marks-missed":
    "实际完成值按年度指标值的比较符号判断（如「≥95%」而实际为「93%」）：没有达到却得满分，是错误。指标值为文字（如「合规」「及时」）的不判断。",
  "deducted-but-met": "实际完成值已达到年度指标值，得分却低于分值。这是警告：确有扣分理由的，写明即可。",
  "missing-deviation-reason": "实际完成值未达到年度指标值时，应写明偏差原因及改进措施。这是警告。",
  "grade-mismatch":
    "评价等级应与总分一致：90 分（含）以上为优，80（含）至 90 分为良，60（含）至 80 分为中，60 分以下为差；表中另有标准的，按表中标准。",
  "score-not-number":
    "绩效自评表的分值、得分、总分单元格应是数字；写了文字（如「分」或一段说明）的，无法参加得分核对。“/”“—”之类表示不适用，不算问题；数字带单位「分」（如「27分」）按数字核对。",
  "actual-not-number":
    "年度指标值是数值（如「≥95%」）时，实际完成值应写实际数值，不能只写「达成预期指标」「完成」之类的文字，否则无法判断是否达到。指标值本身是文字（如「合规」）的，写文字没有问题。这是警告。",
};

/**
 * What the two compared tables are called: last year's and this year's, or a target table and its
 * self-evaluation (in the order the clerk gave them). `inThis`: "in the second table", for sentences.
 */
function sidesOf(f: Pick<Finding, "against" | "selfEvaluation">): {
  last: string;
  this: string;
  inThis: string;
} {
  if (f.against !== "self-evaluation") return { last: "去年", this: "今年", inThis: "今年" };
  return f.selfEvaluation === "last"
    ? { last: "自评表", this: "目标表", inThis: "在目标表中" }
    : { last: "目标表", this: "自评表", inThis: "在自评表中" };
}

/** `「验收合格率」去年为「≥95%」，今年为「95%」` in the words of the two tables. */
function wasIs(f: Finding): string {
  const side = sidesOf(f);
  return `「${f.indicator}」${side.last}为「${f.last}」，${side.this}为「${f.this}」`;
}

/** Year over year (compare): each finding kind's name, its sentence and what to check (the 年度对比 sheet). */
const findingNames: Record<FindingKind, string> = {
  "op-lost": "比较符号丢失",
  "op-changed": "比较符号改变",
  "unit-changed": "计量单位改变",
  magnitude: "数值相差十倍以上",
  "kind-changed": "指标值类型改变",
  renamed: "指标改名",
  dropped: "指标删除",
  "project-renamed": "项目改名",
  "amount-vs-quantity": "资金变化而数量未变",
  added: "新增指标",
  "target-changed": "目标值改变",
};

const findingMessages: Record<FindingKind, (f: Finding) => string> = {
  "op-lost": (f) => `${wasIs(f)}：比较符号丢失，请核对是否应为「${f.last}」。`,
  "op-changed": (f) => `${wasIs(f)}：比较符号变了。`,
  "unit-changed": (f) =>
    f.indicator === null
      ? `项目金额${sidesOf(f).last}为「${f.last}」，${sidesOf(f).this}为「${f.this}」：金额单位不同。`
      : `${wasIs(f)}：计量单位变了。`,
  magnitude: (f) => `${wasIs(f)}：相差十倍以上。`,
  "kind-changed": (f) => `${wasIs(f)}：数值与文字（或日期）互换了。`,
  renamed: (f) => `指标「${f.last}」${sidesOf(f).inThis}改名为「${f.this}」。`,
  dropped: (f) =>
    `${sidesOf(f).last}的指标「${f.indicator}」（${f.last ?? "无指标值"}）${sidesOf(f).inThis}没有了。`,
  "project-renamed": (f) => `项目「${f.last}」${sidesOf(f).inThis}改名为「${f.this}」。`,
  "amount-vs-quantity": (f) =>
    `项目金额由「${f.last}」变为「${f.this}」，变化三成以上，而各项数量指标与去年相同。`,
  added: (f) => `${sidesOf(f).inThis}新增指标「${f.indicator}」（${f.this ?? "无指标值"}）。`,
  "target-changed": (f) => `${wasIs(f)}：自评表的年度指标值应与目标表一致。`,
};

const findingAdvice: Record<FindingKind, (f: Finding) => string> = {
  "op-lost": (f) => `如目标仍是「${f.last}」，补上比较符号。`,
  "op-changed": () => "核对新的比较符号是否有意为之（≥ 与 ≤ 方向相反）。",
  "unit-changed": (f) =>
    f.indicator === null
      ? "核对金额单位（元 / 万元）与数字是否一致。"
      : "核对计量单位；单位改了数字是否也应换算。",
  magnitude: () => "核对是否多写或少写了一位数字、小数点位置是否正确。",
  "kind-changed": () => "核对指标值：应为可衡量的数值，还是文字描述或完成时间。",
  renamed: (f) => `如只是改了说法，无需处理；如是另一项指标，请核对${sidesOf(f).last}的指标是否应保留。`,
  dropped: (f) =>
    f.against === "self-evaluation"
      ? "年初设定的指标年终都要自评：请补回这项指标并填写实际完成值；确已按程序调整的，在偏差原因中说明。"
      : "核对这项指标是否有意删去；仍需考核的，请补回。",
  "project-renamed": () => "核对是否同一项目；如不是，两个项目应分别对比。",
  "amount-vs-quantity": () => "核对数量指标是否应随资金一起调整，或说明资金变化的原因。",
  added: (f) =>
    f.against === "self-evaluation"
      ? "核对：自评应对照年初设定的指标；年中经批准新增的，请在偏差原因中说明。"
      : "无需处理：新增指标供核对。",
  "target-changed": () =>
    "自评应对照年初设定（或经批准调整后）的目标值：请改回目标表的值；确经批准调整的，在偏差原因中说明。",
};

const compare = {
  guideTitle: "与上年对比",
  guideIntro: [
    "每年的表大多由去年的表改来。把上年的表粘贴到本工作簿的另一张工作表，在面板的“与上年对比”中选择它再运行（离线页面：在“上年的表”一栏粘贴或选择文件；命令行：`npm run --silent cli -- compare 上年.xlsx 今年.xlsx -o 结果.xlsx`），工具把两年的表逐个项目、逐条指标配对（项目或指标改了名也能配上），在新工作表「年度对比」中列出审核时常见的问题，今年表中有变化的单元格标浅紫色：",
    "年终自评时，同样可以把当年的绩效目标表与绩效自评表对比（在“与上年对比”中选择另一张表即可，两张表哪张在前都行）：工具认出其中一张是自评表，在新工作表「目标对比」中列出自评表改动了的年度指标值，以及年终新增或删去的指标（“目标值改变”“新增指标”“指标删除”）。",
  ],
  names: findingNames,
  messages: findingMessages,
  advice: findingAdvice,
  none: "与上年相比，没有需要核对的变化。",
  /** An indicator only last year has: its address in last year's table, as text. */
  lastCell: (cell: string) => `上年 ${cell}`,
  sheet: "年度对比",
  columns: {
    project: "项目",
    indicator: "指标",
    kind: "变化",
    last: "上年",
    current: "今年",
    cell: "今年单元格",
    message: "说明",
    advice: "处理建议",
  },
  /** A target table against its self-evaluation: what differs from the above (the sheet, its headers, none). */
  selfEvaluation: {
    none: "自评表的年度指标值与目标表一致，也没有增删指标。",
    lastCell: (cell: string, f: Pick<Finding, "against" | "selfEvaluation">) => `${sidesOf(f).last} ${cell}`,
    sheet: "目标对比",
    columns: (f: Pick<Finding, "against" | "selfEvaluation">) => ({
      last: sidesOf(f).last,
      current: sidesOf(f).this,
      cell: `${sidesOf(f).this}单元格`,
    }),
  },
};

const severity: Record<Severity, string> = { error: "错误", warning: "警告", info: "提示" };

export const zhCN = {
  locale: "zh-CN",
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
    detail: "指标明细",
    checks: "校验结果",
  },
  detailColumns: {
    unit: "资金使用单位",
    project: "项目名称",
    seq: "序号",
    level1: "一级指标",
    level2: "二级指标",
    name: "三级指标",
    period: "实施周期指标值",
    annual: "年度指标值",
    op: "比较",
    value: "数值",
    upper: "上限",
    measureUnit: "计量单位",
    problems: "问题",
    source: "来源",
  },
  /** What the 比较 column shows for each parsed comparison (the finance system's own signs). */
  comparisons: {
    ">=": "≥",
    "<=": "≤",
    ">": "＞",
    "<": "＜",
    "=": "＝",
    range: "区间",
    text: "定性",
  },
  checkColumns: {
    severity: "严重程度",
    rule: "规则",
    cell: "单元格",
    message: "说明",
    advice: "处理建议",
    ruleId: "规则编号",
  },
  /**
   * The verdict of a run without errors, in every shell (the pane, the offline page, the command line, WPS): what
   * was checked, so that a clean result is one the clerk can trust (describe-verdict.ts).
   */
  verdict: {
    clean: (equations: number, indicators: number) =>
      equations > 0
        ? `合计已核对：${equations} 个等式全部相符；指标 ${indicators} 条，未发现问题：可以发送。`
        : `表中没有可核对的合计；指标 ${indicators} 条，未发现问题：可以发送。`,
    warnings: (equations: number, indicators: number, warnings: number) =>
      `没有错误：${equations > 0 ? `合计已核对 ${equations} 个等式，` : ""}指标 ${indicators} 条；有 ${warnings} 个警告，请看过后再发送。`,
  },
  checks: {
    noIssues: "未发现问题：可以发送。",
    truncated: (length: number) =>
      `……（全文 ${length} 字，超出 Excel 单元格 32767 字上限，此处只显示开头；全文见来源单元格）`,
    truncatedSource: (length: number) =>
      `……（此处原文共 ${length} 字，超出 Excel 单元格 32767 字上限，此处只显示开头；全文见原文本文件）`,
  },
  /** The notes on marked source cells (the clerk sees why without switching sheets). */
  notes: {
    author: "绩效指标规范化",
    /** Starts each comment the add-in writes (Office.js gives comments the clerk's name as author). */
    commentTag: "【绩效指标规范化】",
    /** A total that disagrees only because of another cell. */
    consequence: (culprits: string) =>
      `此合计对不上，是因为 ${culprits} 写错了：改正 ${culprits} 后即相符，此格不必改。`,
    more: (count: number, sheet: string) => `……另有 ${count} 条，见「${sheet}」。`,
  },
  /** The print footer of the tool's sheets: &A is the sheet's name, &P the page, &N the pages (Excel's codes). */
  print: {
    footerLeft: "&A",
    footerRight: "第 &P 页，共 &N 页",
  },
  /** The clerk's guide (docs/使用说明.md), written by scripts/write-guide.ts from this table. */
  guide: {
    title: "绩效指标规范化：使用说明",
    generated:
      "本文由程序根据工具的提示文字自动生成（scripts/write-guide.ts），与工具所写的内容一致；请勿手工修改。",
    whatTitle: "这个工具做什么",
    what: [
      "把从 PDF、网页或财政系统复制来的项目支出绩效目标表粘贴到 Excel 后，本工具一键完成三件事：",
      "- 把每个项目一长串的绩效指标文字（`1、1-产出指标：11-数量指标：…；实施周期指标值：…；年度指标值：…。`）拆成一行一条，写到新工作表「指标明细」；",
      "- 核对每一个金额合计，对不上时找出应改的那一格，并说明应改为多少；",
      "- 检查指标的层级、编码、序号和指标值，把问题列在新工作表「校验结果」中，并在原表中标色、加批注。",
      "原表中的数值不会被改动。",
      "它读得懂几种常见的表：每个项目一行、指标连写的表（如上，序号写作 1、 1. （1） ① 都可以；或每条指标一段的写法），各地预算系统导出的部门表（每条指标一行，单位、部门行带小计），单项目申报表（资金总额＝各项资金之和；“长期绩效指标”“年度绩效指标”两张指标表上下排列的，年度表的指标值为目标，长期表的为实施周期指标值），以及年终的绩效自评表。各地表头的写法不同（如“指标内容”“本年预期值”“资金来源”），按含义认出。一张工作表上有几张表、或表在别的工作表上，都能找到。",
    ],
    howTitle: "在 Excel 中使用",
    how: [
      "1. 把表格连同表头行粘贴到一张工作表中（或选中表格所在区域）。",
      "2. 在 Excel 中点击“开始”选项卡上的“规范化指标”，或打开面板后点击“规范化指标”。没有 Excel 时，可用命令行：`npm run --silent cli -- normalize 表格.xlsx -o 结果.xlsx`（也可读 .xls、.et、.ods、网页 .html 和 .tsv/.csv；工作簿中每张有表的工作表都检查）。",
      "3. 先看「校验结果」：按“严重程度”“规则”筛选，看“说明”和“处理建议”；点“单元格”中的地址可跳到原表。原表中有问题的单元格已标色并加了批注，鼠标移上去即可看到问题。",
      "4. 按建议修改原表，再次运行，直到没有错误。",
      "5. 点击“清除标记”，恢复单元格原来的填充色，再发送工作簿。",
    ],
    howWpsTitle: "在 WPS 表格中使用",
    howWps: [
      "1. 把表格连同表头行粘贴到一张工作表中（或选中表格所在区域）。",
      "2. 点击功能区“绩效指标”选项卡上的“规范化指标”：右侧打开任务窗格并检查当前工作表。没有“绩效指标”选项卡时，请管理员按部署说明安装 WPS 加载项，或改用离线页面。",
      "3. 窗格中列出问题，点一条即跳到原表中对应的单元格；结果同样写在新工作表「指标明细」「校验结果」中，原表中有问题的单元格已标色并加了批注。",
      "4. 按建议修改原表，再点“规范化指标”，直到没有错误。",
      "5. 点击“绩效指标”选项卡上的“清除标记”，恢复单元格原来的填充色，再保存、发送工作簿。",
    ],
    howPageTitle: "在离线页面中使用（不需要安装）",
    howPage: [
      "1. 用 Chromium 内核的浏览器打开 indicator-normalizer.html：360 浏览器（极速模式）、奇安信可信浏览器、Chrome、Edge。页面不联网，表格不会发送到任何地方。",
      "2. 在 WPS 表格或 Excel 中选中整张表（连同表头行）复制，粘贴到页面的框中；或点“选择文件”选一个或几个 .xlsx、.xls、.et、.ods、.html、.csv、.tsv 文件。",
      "3. 粘贴时，请在“复制起始单元格”中填写所选区域左上角的单元格（如从 B3 开始选的就填 B3），页面列出的地址就与原表一致；不填时按 A1 计算，并在地址前写明是哪个项目所在的行。",
      "4. 页面给出结论和问题清单，每个问题下面有处理建议。点“下载结果”得到标好颜色的工作簿（原表、「指标明细」「校验结果」）；一次选了几个文件时，点“下载汇总”得到所有文件的问题清单。",
      "5. 在 WPS 或 Excel 中按建议修改原表，再复制粘贴检查一次，直到没有错误。",
    ],
    marksTitle: "原表中的标记",
    marks: [
      "- 红色：错误，应改正（如写错的金额、缺少的指标值）。",
      "- 黄色：警告，请核对（如可疑的指标值、重复的项目）。",
      "- 浅蓝色：因别的单元格写错而对不上的合计，改正标红的那一格后即相符，此格不必改。",
      "- 提示（如网页标记、周期值为定义）只列在「校验结果」中，不标色。",
      "标色的单元格都有批注，说明是哪一条指标或哪个金额出了问题；原有的批注不会被覆盖（该格不再另加批注）。",
      "黑白打印时颜色看不出来，所以每种标记另有底纹：红色（错误）是实心的，黄色（警告）带细斜线，浅蓝色（对不上的合计）带细点，与上年对比时的浅紫色（有变化）带细横线。Excel 或 WPS 打印时可以看到底纹（Excel 2016 等较老版本中，加载项只标颜色）；LibreOffice 没有单元格底纹，打印出来是四种深浅不同的灰色。",
    ],
    amountsTitle: "金额对不上时，改哪一格",
    amounts: [
      "一个写错的金额会让它所在行的总计和所在列的小计同时对不上。本工具不把每个对不上的合计都标成错误，而是找出“改动最少的单元格”（统计部门称为 Fellegi–Holt 原则）：",
      "- 只改一格就能让所有合计都对上时，这一格标红，说明写明“应为多少，表中为多少”，处理建议写明“把 C12 改为 18.00”；",
      "- 因它而对不上的合计标浅蓝色，列在它的说明中，不另列为错误；",
      "- 两格互相抵消（如一笔钱写到了另一列）时，两格一起标出，说明中写明要一起改；",
      "- 改法不止一种，或至少要改 4 格时，照常标出对不上的合计，并列出可能的改法，请对照原始资料核对。",
      "在找“应改的那一格”之前，先看金额是否其实都对：",
      "- 合计或最后一个单位多出整行的金额，而表格在单位或项目中间结束（或开头没有合计行）：多半是复制时少选了几行，报“粘贴不完整”，不要求改合计；",
      "- 同样的行（名称和金额都相同）出现两次，按一次计算时合计才相符：报“行重复”，合计按一次计算；整张表粘贴了两次时只核对前一张；",
      "- 相差不超过各项四舍五入的尾差（每项最后一位的一半）：报“尾差”警告，并说明在「合计容差」中填多少即可接受。",
    ],
    rulesTitle: "每条规则的含义和处理",
    ruleHeadings: { meaning: "含义", example: "示例", advice: "处理", severity: "严重程度", id: "规则编号" },
    columnHeadings: { column: "列", meaning: "含义" },
    detailTitle: "「指标明细」各列",
    checksTitle: "「校验结果」各列",
    printTitle: "打印",
    print: [
      "「指标明细」和「校验结果」已设为横向打印，所有列缩放到一页宽，每页重复表头行，页脚有工作表名称和页码。直接打印即可。",
    ],
  },
  /** What each column of 指标明细 means (the guide's table). */
  detailColumnNotes: {
    unit: "项目所属的资金使用单位（原表中的单位行）。",
    project: "项目名称。",
    seq: "指标在原文中的序号。",
    level1: "一级指标（产出指标、效益指标、满意度指标），按指标体系写出规范名称。",
    level2: "二级指标（如数量指标、服务对象满意度指标），按指标体系写出规范名称。",
    name: "三级指标，即指标名称。",
    period: "实施周期指标值，照原文。",
    annual: "年度指标值，照原文。",
    op: "从指标值中读出的比较方式：≥ ≤ ＞ ＜ ＝、区间或定性。",
    value: "从指标值中读出的数值（区间为下限）。",
    upper: "区间的上限。",
    measureUnit: "从指标值或指标名称中读出的计量单位（如 %、次、万元）。",
    problems: "这条指标的问题（与「校验结果」中的说明相同）。",
    source: "原表中这条指标所在的单元格，点击可跳转。",
  },
  checkColumnNotes: {
    severity: "错误（应改正）、警告（请核对）或提示（无需处理）。",
    rule: "规则名称，可按它筛选。",
    cell: "原表中有问题的单元格，点击可跳转。",
    message: "应该是什么，表中是什么。",
    advice: "怎样改正。",
    ruleId: "规则的固定编号（命令行 JSON 输出中的 rule），供筛选和程序处理。",
  },
};

export type Messages = typeof zhCN;
