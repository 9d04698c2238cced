/**
 * Every sentence the command line prints, in Chinese (the default language). en-US.ts has the same shape: its
 * type is this table's. The issue wording and the plan's labels stay in src/core/messages.
 */
import { inputErrorsZhCN } from "../../xlsx/messages";

/**
 * A count as every sentence writes it: 10,000 with a thousands separator (as the limits' sentences do). Grouped
 * by hand, not with toLocaleString: its first call loads ICU's locale data, 12 ms of every `check` run.
 */
export function formatCount(count: number): string {
  if (!Number.isInteger(count) || Math.abs(count) >= 1e21) return count.toLocaleString("en-US");
  const digits = String(Math.abs(count));
  let grouped = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let i = grouped.length; i < digits.length; i += 3) grouped += `,${digits.slice(i, i + 3)}`;
  return count < 0 ? `-${grouped}` : grouped;
}

export const zhCN = {
  help: [
    "指标规范化工具：拆分项目支出绩效目标表的绩效指标，核对金额，标出问题。",
    "",
    "用法：",
    "  indicator-normalizer normalize <文件> -o <输出.xlsx>   写出结果工作簿（原表加标记、指标明细、校验结果）",
    "  indicator-normalizer normalize <文件> --json           只输出分析结果 JSON",
    "  indicator-normalizer check <文件、文件夹或 *.xlsx…>     逐个校验，每个文件一行，最后一行合计",
    "      --summary 汇总.xlsx（或 .csv）                     所有文件的问题写成一张表（每个问题一行，另有每个文件一行）",
    "      --format json                                     以 JSON 输出，含每个问题",
    "  indicator-normalizer compare <上年文件> <今年文件> [-o 输出.xlsx|--json]  与上年对比：比较符号、单位、数量级、删改的指标",
    "      （两个文件也可以是同一年的绩效目标表和绩效自评表：列出改动了的年度指标值和年终增删的指标）",
    "  indicator-normalizer demo                             处理自带样表，写到 out/",
    "（在本项目目录中也可以用 npm run --silent cli -- 代替 indicator-normalizer。）",
    "",
    "文件：.xlsx/.xlsm（每个含有表格的工作表，或 --sheet 名称），.tsv/.txt/.csv（UTF-8、UTF-16 或 GB18030 编码）；",
    "文件夹包括其子文件夹中的这些文件；通配符 * 和 ? 由本工具展开（cmd.exe、PowerShell 中同样可用）。",
    "选项：--sheet 名称  --tolerance 容差（金额单位，默认为末位数字的一半）  --lang en（英文）  --help",
    "退出码：0 正常；1 check 发现错误、compare 发现需核对的变化，或没有找到表格；2 有文件无法读取、超出上限或参数有误。",
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
  compareNeedsTwo: "compare 需要两个文件：先上年的表，再今年的表。",
  /** One finding of compare: `[比较符号丢失] 项目「…」G12：「验收合格率」去年为…`. */
  findingLine: (name: string, project: string, place: string, message: string) =>
    `[${name}] 项目「${project}」${place}：${message}`,
  /** `marked`: the second file's table as the findings name it (今年的表, or 自评表 / 目标表 against a self-evaluation). */
  compareSheetsWritten: (sheets: readonly string[], marked = "今年表") =>
    `新增工作表${sheets.map((s) => `「${s}」`).join("")}；${marked}中有变化的单元格已标浅紫色并加批注，出错的单元格照常标红、标黄。`,
  /** The second file's table against a self-evaluation: the self-evaluation, or the target table. */
  secondTable: (selfEvaluationSecond: boolean): string => (selfEvaluationSecond ? "自评表" : "目标表"),
  /** A target table against its self-evaluation (in either order). */
  compareTargetsTotal: (findings: number, matched: number, selfEvaluationFirst: boolean) =>
    `对比 ${matched} 个项目：${findings} 处需核对（${selfEvaluationFirst ? "自评表与目标表" : "目标表与自评表"}之间改动的年度指标值、增删的指标）`,
  compareTotal: (findings: number, matched: number, onlyLast: number, onlyThis: number) =>
    `对比 ${matched} 个项目：${findings} 处变化需核对${onlyLast > 0 ? `；上年另有 ${onlyLast} 个项目今年没有` : ""}${onlyThis > 0 ? `；今年新增 ${onlyThis} 个项目` : ""}`,
  // Why a file cannot be read: shared with the offline page.
  ...inputErrorsZhCN,
  cannotWrite: (path: string, detail: string) => `无法写入 ${path}：${detail}`,
  outputIsInput: (path: string) => `输出文件不能是输入文件本身（${path}）：请换一个输出文件名。`,
  outputExtension: (path: string, extension: string) =>
    `输出文件名须以 ${extension} 结尾${extension === ".xlsm" ? "（含宏的工作簿）" : ""}：${path}`,
  counts: (projects: number, units: number, indicators: number) =>
    `${formatCount(projects)} 个项目，${formatCount(units)} 个单位，${formatCount(indicators)} 条指标`,
  issueCounts: (errors: number, warnings: number, infos: number) =>
    `错误 ${formatCount(errors)}，警告 ${formatCount(warnings)}，提示 ${formatCount(infos)}`,
  issueLine: (severity: string, cell: string, message: string) => `  ${severity} ${cell}  ${message}`,
  moreIssues: (count: number, sheet: string) => `  另有 ${count} 条，见「${sheet}」。`,
  wrote: (path: string) => `已写入 ${path}`,
  sheetsWritten: (detail: string, checks: string) =>
    `新增工作表「${detail}」「${checks}」；原表中有问题的单元格已标色并加批注（红＝错误，黄＝警告，浅蓝＝因别处写错而对不上的合计）。`,
  truncatedCells: (count: number) =>
    `注意：${count} 个单元格超出 Excel 的 32767 字上限，只写入了开头部分，并在单元格中注明。`,
  demoTitle: "示例：白云区 2024 年项目支出绩效目标表",
  demoInput: (path: string) => `输入：${path}`,
  demoNext: (path: string) => `用 Excel 打开 ${path}，先看「校验结果」，点单元格地址可跳到原表。`,
  problemsLine: (issues: string) => `问题：${issues}`,
  fileLine: (file: string, counts: string, issues: string) => `${file}：${counts}；${issues}`,
  fileFailed: (file: string, reason: string) => `${file}：无法读取。${reason}`,
  total: (files: number, issues: string, unreadable: number) =>
    `合计 ${formatCount(files)} 个文件：${issues}${unreadable > 0 ? `；${formatCount(unreadable)} 个无法读取` : ""}`,

  marksLeft: (count: number) =>
    `上次运行标记的 ${count} 个单元格已被改过填充色，保留了你的修改，未恢复原填充。`,
  clerkColumnsReplaced: (sheet: string, columns: readonly string[]) =>
    `上次的「${sheet}」表中 ${columns.join("、")} 列有不是本工具写的内容，已随旧表一并替换；原文件里仍保留，如需要请从原文件复制。`,
  notesSkipped: (count: number) => `${count} 个标色的单元格原有批注，保留了原批注，未另加说明。`,
  /** normalize when no table was found: nothing is written. */
  noTable: (path: string, message: string, advice: string) =>
    `${path}：${message}${advice}没有写出任何文件。`,
  fileNoTable: (file: string, message: string) => `${file}：${message}`,
  noMatch: (pattern: string) =>
    `没有与 ${pattern} 匹配的表格文件（.xlsx、.xls、.et、.ods、.csv、.tsv、.txt、.html、.mht）。`,
  noTableFiles: (folder: string) =>
    `文件夹 ${folder} 及其子文件夹中没有表格文件（.xlsx、.xls、.et、.ods、.csv、.tsv、.txt、.html、.mht）。`,
  progressLine: (done: number, total: number) => `已检查 ${formatCount(done)}/${formatCount(total)} 个文件……`,
  summaryExtension: (path: string) => `汇总文件名须以 .xlsx 或 .csv 结尾：${path}`,
  summaryWritten: (path: string, problems: number, files: number) =>
    `汇总已写入 ${path}：${formatCount(files)} 个文件，${formatCount(problems)} 个问题。`,
  /** The layouts by id (core/layouts/layout-id.ts). */
  layouts: {
    "guangdong-string": "每项目一行、指标连写",
    "indicator-segments": "每项目一行、指标分段",
    "department-columns": "部门表、每指标一行",
    "project-form": "单项目申报表",
  } as Record<string, string>,
  /** Where the table read is: `工作表「目标表」第 9 行表头（每项目一行、指标连写），19 个项目`. */
  tableRead: (
    index: number | null,
    sheet: string | null,
    headerRow: number,
    layout: string,
    projects: number,
  ) =>
    `${index === null ? "读取" : `表 ${index}：`}${sheet === null ? "" : `工作表「${sheet}」`}第 ${headerRow} 行表头（${layout}），${projects} 个项目`,
  tablesRead: (count: number) => `共读取 ${count} 张表：`,
  sheetsRead: (sheets: readonly string[]) => `（工作表：${sheets.join("、")}）`,
};

export type CliMessages = typeof zhCN;
