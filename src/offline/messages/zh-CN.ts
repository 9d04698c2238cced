/**
 * Every sentence of the offline page, in Chinese (the default). en-US.ts has the same shape: its type is this
 * table's. Why a file cannot be read comes from src/xlsx/messages (the CLI's sentences); the verdict, the counts
 * and the issue list from the pane's table (src/taskpane/messages), since the page shows them the same way.
 */
export const offlineZhCN = {
  title: "绩效指标规范化（离线版）",
  privacy: "本页面完全在这台电脑上运行，不联网：粘贴的表格和选择的文件不会上传或发送到任何地方。",
  intro:
    "从 WPS 表格或 Excel 复制整张项目支出绩效目标表（或年终的绩效自评表），粘贴到下面的框中（Ctrl+V）；也可以选择一个或几个表格文件（.xlsx、.xls、.et、.ods、.csv、.tsv 等）。",
  pasteLabel: "粘贴表格",
  pastePlaceholder: "在此粘贴从 WPS 表格或 Excel 复制的表格…",
  fileLabel: "或选择文件",
  check: "检查",
  reset: "清空",
  sheetLabel: "工作表",
  checking: "正在检查…",
  /** The pasted table's name: its sheet in the result, and the result's file name. */
  lastYearLabel: "与上年对比（可选）：上年的表",
  lastYearPastePlaceholder: "粘贴上年的表，或选择文件",
  lastYearHint:
    "给出上年的表后，检查结果还会列出与上年相比的变化，下载的工作簿中新增「年度对比」，有变化的单元格标浅紫色。检查自评表时，这里也可以给出同一年的绩效目标表：列出自评表改动了的年度指标值和增删的指标（「目标对比」）。",
  lastYearEmpty: "上年的表是空的：请粘贴上年的表或选择文件，或清空这一栏。",
  lastYearNoTable: "上年的表中没有找到绩效目标表：请连同表头行一起粘贴或选择文件。",
  lastYearPasted: "粘贴的上年表格",
  compared: (changes: number, targets: boolean) =>
    targets
      ? `目标表与自评表之间有 ${changes} 处改动或增删需核对：`
      : changes > 0
        ? `与上年相比有 ${changes} 处变化需核对：`
        : "与上年相比，没有需要核对的变化。",
  pastedName: "粘贴的表格",
  /** How messages about the pasted text name it. */
  pastedContent: "粘贴的内容",
  pastedLarge: (rows: number, chars: number) =>
    `已粘贴 ${rows.toLocaleString("en-US")} 行、${chars.toLocaleString("en-US")} 字（内容较多，不在框中显示）。`,
  /** The result's name: the input's name and this, then .xlsx (.xlsm for a macro workbook). */
  resultSuffix: "-检查结果",
  nothingToCheck: "没有可检查的内容：请先粘贴表格，或选择一个文件。",
  checkedPaste: "已检查粘贴的表格。",
  checkedFile: (file: string, sheet: string) => `已检查文件 ${file} 中的工作表「${sheet}」。`,
  download: "下载结果",
  downloadHint: (file: string, detail: string, checks: string) =>
    `${file}：原表中有问题的单元格已标色并加批注（红＝错误，黄＝警告，浅蓝＝因别处写错而对不上的合计），另有工作表「${detail}」和「${checks}」。原表的数值没有改动。`,
  issueHint: "地址是原表中的单元格。下载结果后，在“校验结果”中点击地址可跳到该单元格。",
  /** A paste whose start cell the clerk has not given: the addresses count from A1. */
  issueHintUnknownOrigin:
    "地址按从 A1 开始粘贴计算，并写明是哪个项目所在的行。如果复制时不是从 A1 开始选的，请在上面的“复制起始单元格”中填写所选区域左上角的单元格（如 B3），地址就与原表一致。",
  originLabel: "复制起始单元格",
  originPlaceholder: "A1",
  originHint: "粘贴时：所选区域左上角在原表中的单元格，如 B3。",
  originInvalid: (text: string) => `“${text}”不是单元格地址（应像 A1、B3 这样）：地址按 A1 计算。`,
  /** Where an issue is, before its cell, while the paste's start cell is not known. */
  projectRow: (project: string) => `项目「${project}」所在行`,
  unitRow: (unit: string) => `单位「${unit}」所在行`,
  adviceLabel: "处理建议：",
  showMore: (n: number) => `再显示 ${n} 条`,
  /** The verdict with errors: the page has no 再运行 button, the clerk fixes the source and checks again. */
  hasErrors: (n: number) => `有 ${n} 个错误：请在原表中改正后，重新复制粘贴检查。`,
  /** No table in the paste or the file: what to do on this page (the core's advice speaks of a worksheet). */
  noTableAdvice:
    "请在 WPS 表格或 Excel 中选中整张表（连同表头行）复制，再粘贴到上面的框中；或选择含有该表的文件。",
  checkingSeconds: (seconds: number, percent?: number) =>
    percent === undefined ? `正在检查…（${seconds} 秒）` : `正在检查…（${seconds} 秒，${percent}%）`,
  checkingFile: (done: number, total: number, name: string) => `正在检查第 ${done}/${total} 个文件：${name}`,
  helpLink: "使用说明",
  legacyBrowser:
    "本页面需要 Chromium 内核的浏览器（360 浏览器的“极速模式”、奇安信可信浏览器、Chrome、Edge）。当前浏览器处于兼容模式（IE 内核），页面不能工作：请点击地址栏右侧的“e”或闪电图标，切换到“极速模式”后重新打开本页。",
  /** Several files at once. */
  batchHeading: (n: number) => `已检查 ${n} 个文件`,
  batchColumns: { file: "文件", verdict: "结果", counts: "错误 / 警告 / 提示", download: "" },
  downloadSummary: "下载汇总",
  downloadSummaryHint: (file: string) =>
    `${file}：工作表「问题」每个问题一行（文件、部门、表、单元格、严重程度、规则、说明、处理建议），工作表「文件」每个文件一行，都可以筛选。`,
  summaryName: "检查汇总",
  downloadOne: "下载结果",
  truncated: (n: number) =>
    `注意：${n} 个单元格超出 Excel 每格 32767 字的上限，结果中只写入了开头部分，并在单元格中注明。`,
  marksLeft: (n: number) => `上次运行标记的 ${n} 个单元格已被改过填充色，保留了你的修改，未恢复原填充。`,
  failed: (detail: string) => `检查时出错（${detail}）：请把这段文字和表格发给管理员。`,
  noScript: "本页面需要启用 JavaScript。",
};

export type OfflineMessages = typeof offlineZhCN;
