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
  /** Owned by src/cli. */
  cli: {
    help: [
      "指标规范化工具：拆分项目支出绩效目标表的绩效指标，核对金额，标出问题。",
      "",
      "用法：",
      "  npm run --silent cli -- normalize <文件> -o <输出.xlsx>   写出结果工作簿（原表加标记、指标明细、校验结果）",
      "  npm run --silent cli -- normalize <文件> --json           只输出分析结果 JSON",
      "  npm run --silent cli -- check <文件…> [--format json]     逐个校验，每个文件一行，最后一行合计",
      "  npm run demo                                              处理自带样表，写到 out/",
      "",
      "文件：.xlsx（第一个工作表，或 --sheet 名称），.tsv/.txt/.csv（UTF-8、UTF-16 或 GB18030 编码）。",
      "选项：--sheet 名称  --tolerance 容差（金额单位，默认为末位数字的一半）  --lang en（英文）  --help",
      "退出码：0 正常；1 check 发现错误；2 有文件无法读取或参数有误。",
    ].join("\n"),
    usageHint: "运行 npm run --silent cli -- --help 查看用法。",
    unknownCommand: (name: string) => `未知的命令「${name}」。`,
    unknownOption: (name: string) => `未知的选项「${name}」。`,
    missingValue: (option: string) => `选项 ${option} 后面缺少取值。`,
    badLanguage: (value: string) => `不支持的语言「${value}」：可用 zh-CN 或 en。`,
    badTolerance: (value: string) => `容差「${value}」不是非负数。`,
    badFormat: (value: string) => `不支持的格式「${value}」：可用 text 或 json。`,
    missingFile: "缺少输入文件。",
    extraArgument: (value: string) => `多余的参数「${value}」。`,
    jsonAndOutput: "--json 与 -o 不能同时使用。",
    notFound: (path: string) => `找不到文件：${path}`,
    isDirectory: (path: string) => `${path} 是文件夹，不是文件。`,
    unsupportedType: (path: string) => `不支持的文件类型：${path}（请用 .xlsx、.tsv、.txt 或 .csv）`,
    notXlsx: (path: string) =>
      `${path} 不是有效的 .xlsx 文件（可能已损坏，或是旧版 .xls：请在 Excel 中另存为 .xlsx）。`,
    noSheet: (path: string) => `${path} 中没有工作表。`,
    sheetNotFound: (path: string, sheet: string, names: string) =>
      `${path} 中没有名为「${sheet}」的工作表；现有：${names}。`,
    empty: (path: string) => `${path} 是空文件。`,
    unreadable: (path: string, detail: string) => `无法读取 ${path}：${detail}`,
    cannotWrite: (path: string, detail: string) => `无法写入 ${path}：${detail}`,
    outputIsInput: (path: string) => `输出文件不能是输入文件本身（${path}）：请换一个输出文件名。`,
    outputNotXlsx: (path: string) => `输出文件名须以 .xlsx 结尾：${path}`,
    counts: (projects: number, units: number, indicators: number) =>
      `${projects} 个项目，${units} 个单位，${indicators} 条指标`,
    issueCounts: (errors: number, warnings: number, infos: number) =>
      `错误 ${errors}，警告 ${warnings}，提示 ${infos}`,
    issueLine: (severity: string, cell: string, message: string) => `  ${severity} ${cell}  ${message}`,
    moreIssues: (count: number, sheet: string) => `  另有 ${count} 条，见「${sheet}」。`,
    wrote: (path: string) => `已写入 ${path}`,
    sheetsWritten: (detail: string, checks: string) =>
      `新增工作表「${detail}」「${checks}」；原表中有问题的单元格已标色（红＝错误，黄＝警告）。`,
    truncatedCells: (count: number) =>
      `注意：${count} 个单元格超出 Excel 的 32767 字上限，只写入了开头部分，并在单元格中注明。`,
    demoTitle: "示例：白云区 2024 年项目支出绩效目标表",
    demoInput: (path: string) => `输入：${path}`,
    demoNext: (path: string) => `用 Excel 打开 ${path}，先看「校验结果」，点单元格地址可跳到原表。`,
    problemsLine: (issues: string) => `问题：${issues}`,
    fileLine: (file: string, counts: string, issues: string) => `${file}：${counts}；${issues}`,
    fileFailed: (file: string, reason: string) => `${file}：无法读取。${reason}`,
    total: (files: number, issues: string, unreadable: number) =>
      `合计 ${files} 个文件：${issues}${unreadable > 0 ? `；${unreadable} 个无法读取` : ""}`,
  },
};

export type Messages = typeof zhCN;
