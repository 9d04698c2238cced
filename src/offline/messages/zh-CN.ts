/**
 * Every sentence of the offline page, in Chinese (the default). en-US.ts has the same shape: its type is this
 * table's. Why a file cannot be read comes from src/xlsx/messages (the CLI's sentences); the verdict, the counts
 * and the issue list from the pane's table (src/taskpane/messages), since the page shows them the same way.
 */
export const offlineZhCN = {
  title: "绩效指标规范化（离线版）",
  privacy: "本页面完全在这台电脑上运行，不联网：粘贴的表格和选择的文件不会上传或发送到任何地方。",
  intro:
    "从 WPS 表格或 Excel 复制整张项目支出绩效目标表，粘贴到下面的框中（Ctrl+V）；也可以选择 .xlsx、.csv 或 .tsv 文件。",
  pasteLabel: "粘贴表格",
  pastePlaceholder: "在此粘贴从 WPS 表格或 Excel 复制的表格…",
  fileLabel: "或选择文件",
  check: "检查",
  reset: "清空",
  sheetLabel: "工作表",
  checking: "正在检查…",
  /** The pasted table's name: its sheet in the result, and the result's file name. */
  pastedName: "粘贴的表格",
  /** How messages about the pasted text name it. */
  pastedContent: "粘贴的内容",
  pastedLarge: (rows: number, chars: number) =>
    `已粘贴 ${rows.toLocaleString("en-US")} 行、${chars.toLocaleString("en-US")} 字（内容较多，不在框中显示）。`,
  nothingToCheck: "没有可检查的内容：请先粘贴表格，或选择一个文件。",
  checkedPaste: "已检查粘贴的表格。",
  checkedFile: (file: string, sheet: string) => `已检查文件 ${file} 中的工作表「${sheet}」。`,
  download: "下载结果",
  downloadHint: (file: string, detail: string, checks: string) =>
    `${file}：原表中有问题的单元格已标色并加批注（红＝错误，黄＝警告，浅蓝＝因别处写错而对不上的合计），另有工作表「${detail}」和「${checks}」。原表的数值没有改动。`,
  issueHint: "地址是原表中的单元格。下载结果后，在“校验结果”中点击地址可跳到该单元格。",
  truncated: (n: number) =>
    `注意：${n} 个单元格超出 Excel 每格 32767 字的上限，结果中只写入了开头部分，并在单元格中注明。`,
  marksLeft: (n: number) => `上次运行标记的 ${n} 个单元格已被改过填充色，保留了你的修改，未恢复原填充。`,
  failed: (detail: string) => `检查时出错（${detail}）：请把这段文字和表格发给管理员。`,
  noScript: "本页面需要启用 JavaScript。",
};

export type OfflineMessages = typeof offlineZhCN;
