/**
 * Every user-facing sentence in Chinese (the default language). en-US.ts must have the same shape; the type
 * Messages is taken from this table. Sections: issues (one per rule id), labels, sheets and columns for the
 * plan, and cli (the pane's and the ribbon's wording is in src/taskpane/messages). Each section is owned by the
 * code that shows it; keep wording here, not in code.
 */
import type { IssueDraft, RuleId, Severity } from "../issue";
import type { AmountRole } from "../analysis";

const amountColumn: Record<AmountRole, string> = {
  total: "总计",
  fiscal: "财政拨款",
  specialAccount: "财政专户拨款",
  other: "其他资金",
};
const field: Record<"period" | "annual", string> = { period: "实施周期指标值", annual: "年度指标值" };
const category: Record<"output" | "outcome" | "satisfaction", string> = {
  output: "产出指标",
  outcome: "效益指标",
  satisfaction: "满意度指标",
};

/** "项目「公务用车购置费」第3项" — where an indicator issue sits, for the messages below. */
function where(d: IssueDraft["details"]): string {
  const project = d.project ? `项目「${d.project}」` : "";
  const item = d.seq !== undefined ? `第${d.seq}项` : "";
  const name = d.indicator ? `「${d.indicator}」` : "";
  return `${project}${item}${name}`;
}

function fmt(n: IssueDraft["expected"]): string {
  return n === null || n === undefined ? "（空）" : String(n);
}

const issues: Record<RuleId, (i: IssueDraft) => string> = {
  "row-total": (i) =>
    `${i.details.project ? `项目「${i.details.project}」` : i.details.unit ? `单位「${i.details.unit}」` : "合计行"}的总计应等于财政拨款＋财政专户拨款＋其他资金：应为 ${fmt(i.expected)}，表中为 ${fmt(i.actual)}。`,
  "group-total": (i) =>
    `单位「${i.details.unit ?? ""}」的${amountColumn[i.details.amountColumn ?? "total"]}应等于其下各项目之和：应为 ${fmt(i.expected)}，表中为 ${fmt(i.actual)}。`,
  subtotal: (i) =>
    `${i.details.unit ? `单位「${i.details.unit}」下` : ""}小计行的${amountColumn[i.details.amountColumn ?? "total"]}应等于其上各项目之和：应为 ${fmt(i.expected)}，表中为 ${fmt(i.actual)}。`,
  "grand-total": (i) =>
    `合计行的${amountColumn[i.details.amountColumn ?? "total"]}应等于各单位（没有单位行时为各项目）之和：应为 ${fmt(i.expected)}，表中为 ${fmt(i.actual)}。`,
  "level-mismatch": (i) =>
    `${where(i.details)}的二级指标「${i.details.level2 ?? ""}」不属于一级指标「${i.details.level1 ?? ""}」，或编码与名称不符。`,
  "missing-value": (i) => `${where(i.details)}缺少${field[i.details.field ?? "annual"]}。`,
  sequence: (i) =>
    `${where(i.details)}序号不连续：应为 ${fmt(i.details.expectedSeq ?? i.expected)}，实为 ${fmt(i.details.seq ?? i.actual)}。`,
  unparsed: (i) =>
    `${i.details.project ? `项目「${i.details.project}」中` : ""}有无法识别的指标文字：「${i.details.text ?? ""}」。`,
  "misplaced-indicators": (i) =>
    `项目「${i.details.project ?? ""}」的绩效指标写在了“绩效目标”列中，已拆分出来；请移到“绩效指标”列。`,
  markup: (i) =>
    `${i.details.project ? `项目「${i.details.project}」` : "此单元格"}含有网页标记（如 <p>），已忽略。`,
  "missing-category": (i) =>
    i.details.category === "satisfaction"
      ? `项目「${i.details.project ?? ""}」没有满意度指标（可选，有则占自评分 10%）。`
      : `项目「${i.details.project ?? ""}」缺少${category[i.details.category ?? "output"]}。`,
  "quantity-not-numeric": (i) =>
    `${where(i.details)}是数量指标，但指标值「${i.details.text ?? ""}」不是数量。`,
  "period-is-definition": (i) =>
    `${where(i.details)}的实施周期指标值是计算方法或定义（「${i.details.text ?? ""}」），目标值见年度指标值。`,
  "suspicious-value": (i) => `${where(i.details)}的指标值「${i.details.text ?? ""}」可疑，请核对原表。`,
  "amount-not-number": (i) =>
    `${amountColumn[i.details.amountColumn ?? "total"]}「${fmt(i.actual)}」不是数字。`,
  "duplicate-project": (i) =>
    `单位「${i.details.unit ?? ""}」下项目「${i.details.project ?? ""}」出现了不止一次。`,
  "empty-project": (i) => `项目「${i.details.project ?? ""}」没有绩效指标。`,
  "no-table": () =>
    `没有找到项目支出绩效目标表：需要一行表头，含“项目名称”“绩效指标”等列。请检查粘贴的位置。`,
  "invalid-character": (i) =>
    `此单元格含有无效字符 ${i.details.text ?? ""}（半个代理对或非字符，常见于复制或转换出错），已原样保留；Excel、WPS 可能无法正确显示，请核对原文。`,
  "weight-total": (i) =>
    `项目「${i.details.project ?? ""}」各指标的权重合计为 ${fmt(i.actual)}，应为 ${fmt(i.expected)}。`,
  "bad-date-range": (i) =>
    `项目「${i.details.project ?? ""}」的项目起止时间「${i.details.text ?? ""}」不是日期区间（如 2024年1月-2024年12月），请核对原表。`,
  "uncomputed-formula": (i) =>
    `此单元格是公式（${i.details.formula ?? ""}），文件中没有保存计算结果，无法算出，相关合计未核对：请在 Excel 中打开、保存后再检查。`,
  "invalid-bytes": (i) =>
    `文件第 ${fmt(i.details.byteOffset ?? null)} 字节起有不是 UTF-8 的字节，已按 UTF-8 读取并显示为 �；此单元格的文字请核对原文。`,
};

const severity: Record<Severity, string> = { error: "错误", warning: "警告", info: "提示" };

export const zhCN = {
  locale: "zh-CN",
  issues,
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
  },
  checks: {
    noIssues: "未发现问题：可以发送。",
    truncated: (length: number) =>
      `……（全文 ${length} 字，超出 Excel 单元格 32767 字上限，此处只显示开头；全文见来源单元格）`,
    truncatedSource: (length: number) =>
      `……（此处原文共 ${length} 字，超出 Excel 单元格 32767 字上限，此处只显示开头；全文见原文本文件）`,
  },
};

export type Messages = typeof zhCN;
