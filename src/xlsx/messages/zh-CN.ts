/**
 * Why an input file cannot be read as a table, in Chinese (the default language). en-US.ts has the same shape: its type is this table's. Shared by every shell that reads
 * files: the command line (src/cli/messages spreads this table into its own) and the offline page, so a clerk
 * sees the same sentence for the same file whichever they use. `path` is however the shell shows the file (a
 * path relative to the working directory, or just the file name).
 */
import type { LimitName } from "../input-error";

export const inputErrorsZhCN = {
  notFound: (path: string) => `找不到文件：${path}`,
  isDirectory: (path: string) => `${path} 是文件夹，不是文件。`,
  unsupportedType: (path: string) =>
    `不支持的文件类型：${path}（请用 .xlsx、.xls、.et、.ods、.tsv、.txt、.csv 或网页 .html、.mht）`,
  legacyFormat: (path: string) =>
    `${path} 是旧版 Excel（.xls）或 WPS 表格（.et）文件，但无法读取（可能是 Excel 95 以前的格式或已损坏）：请在 WPS 表格或 Excel 中打开它，点“文件 → 另存为”，选“Excel 工作簿（*.xlsx）”保存后再试。`,
  notXlsx: (path: string) =>
    `${path} 不是有效的 .xlsx 文件（可能已损坏，或是旧版 .xls：请在 Excel 中另存为 .xlsx）。`,
  notXlsxPart: (path: string, part: string, why: string) =>
    `${path} 不是有效的 .xlsx 文件：其中的部件 ${part} 无法读取（${why}）。文件可能已损坏：请在 Excel 中打开并另存为 .xlsx 后再试。`,
  noSheet: (path: string) => `${path} 中没有工作表。`,
  sheetNotFound: (path: string, sheet: string, names: string) =>
    `${path} 中没有名为「${sheet}」的工作表；现有：${names}。`,
  empty: (path: string) => `${path} 是空文件。`,
  unreadable: (path: string, detail: string) => `无法读取 ${path}：${detail}`,
  encrypted: (path: string) =>
    `${path} 是加密（设有打开密码）的工作簿或旧版 .xls：请在 Excel 中取消密码或另存为 .xlsx 后再试。`,
  tooLarge: (path: string, limit: LimitName, figure: number, where: string) => {
    const n = figure.toLocaleString("en-US");
    switch (limit) {
      case "package":
        return `${path} 解压后超过 ${n} 字节的上限（可能是“压缩炸弹”），未处理。`;
      case "part":
        return `${path} 中的部件 ${where} 解压后超过 ${n} 字节的上限，未处理。`;
      case "rows":
        return `${path} 的第 ${where} 行超出 Excel 的 ${n} 行上限，文件可能已损坏。`;
      case "columns":
        return `${path} 的单元格 ${where} 超出 Excel 的 ${n} 列上限，文件可能已损坏。`;
      case "cell-text":
        return `${path} 的单元格 ${where} 超出 Excel 每格 ${n} 字的上限，文件可能已损坏。`;
      case "table-text":
        return `${path} 的表格文字超过 ${n} 字的上限：请把表格拆成几个文件分别处理。`;
      case "table-cells":
        return `${path} 的表格超过 ${n} 个单元格的上限：请把表格拆成几个文件分别处理。`;
      case "table-rows":
        return `${path} 的表格超过 ${n} 行的上限：请把表格拆成几个文件分别处理。`;
    }
  },
};

export type InputErrorMessages = typeof inputErrorsZhCN;

/** The batch summary (`check --summary`, the offline page's several files): sheet names, headers and verdicts. */
export const batchSummaryZhCN = {
  problemSheet: "问题",
  fileSheet: "文件",
  problemColumns: ["文件", "部门", "表", "单元格", "严重程度", "规则", "说明", "处理建议", "规则编号"],
  fileColumns: ["文件", "部门", "结果", "项目数", "指标数", "错误", "警告", "提示", "说明"],
  verdicts: { pass: "通过", errors: "有错误", unreadable: "无法读取" },
  unreadableSeverity: "无法读取",
  unreadableRule: "文件无法读取",
  unreadableAdvice: "请对方重新发送文件，或在 Excel 中打开后另存为 .xlsx 再检查。",
};

export type BatchSummaryMessages = typeof batchSummaryZhCN;
