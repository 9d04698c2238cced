/**
 * Every sentence the task pane, the ribbon command and its result dialog show, in Chinese (the default). en-US.ts
 * has the same shape: its type is taken from this table. The issue wording and the sheet and column names stay
 * in src/core/messages (the plan writes them into the workbook); this table is only what the Office shell says.
 */
export const paneZhCN = {
  title: "绩效指标规范化",
  intro: "把项目支出绩效目标表粘贴到工作表中（或选中表格所在区域），然后点击“规范化指标”。",
  run: "规范化指标",
  clearMarks: "清除标记",
  tolerance: "合计容差",
  toleranceHint: "金额单位与原表相同；留空则取表中最后一位小数的一半。",
  toleranceInvalid: "容差须为不小于 0 的数字；已按留空处理。",
  reading: "正在读取工作表…",
  checking: (rows: number, percent?: number) =>
    percent === undefined ? `正在校验 ${rows} 行…` : `正在校验 ${rows} 行…（${percent}%）`,
  writing: (done: number, total: number) => `正在写入结果：${done} / ${total} 行…`,
  done: (sheet: string) => `已完成：结果见工作表「${sheet}」。`,
  projects: "项目",
  indicators: "指标",
  errors: "错误",
  warnings: "警告",
  infos: "提示",
  clean: "没有错误：可以发送。",
  hasErrors: (n: number) => `有 ${n} 个错误：请修改原表后再运行。`,
  issuesHeading: "问题清单",
  issueHint: "点击问题可选中原表中的单元格。",
  wholeSheet: "整表",
  empty: (sheet: string) => `工作表「${sheet}」是空的：请先粘贴表格，或选中表格所在区域。`,
  noTable: (sheet: string, lookedFor: string, advice: string) =>
    `工作表「${sheet}」：${lookedFor}${advice}没有对工作簿做任何更改。`,
  commentsSkipped: (n: number) => `${n} 个标色的单元格原有批注，保留了原批注，未另加说明。`,
  guide: "使用说明",
  tableElsewhere: (sheet: string, found: string) =>
    `工作表「${sheet}」中没有找到项目支出绩效目标表，工作表「${found}」中有：请切换到「${found}」再运行。没有做任何更改。`,
  ownSheet: (sheet: string) => `「${sheet}」是本工具生成的工作表：请切换到粘贴原表的工作表再运行。`,
  marksCleared: (n: number) => `已清除 ${n} 个单元格的标记，恢复了原来的填充。`,
  noMarks: "没有需要清除的标记。",
  marksLeftAlone: (n: number) =>
    `另有 ${n} 个单元格的填充在上次运行后被改动（或因插入、删除行而移动），没有动它们。`,
  marksColourLost: (n: number) =>
    `有 ${n} 个单元格在标记之前填的是主题色（命令行工具记下的），Excel 加载项无法设置主题色：清除标记后改为无填充。`,
  marksUnreadable: (n: number) =>
    `另有 ${n} 个单元格的标记是命令行工具或较新的 Excel 留下的，此版本的 Excel 读不到它们原来的填充：没有清除，请用命令行工具或 Excel 2019 及以上版本再运行一次。`,
  selectionIgnored:
    "选中了多个区域，Excel 无法把它们作为一个区域交给加载项：已改为检查整张工作表的已用区域。",
  protectedSheet: (sheet: string) =>
    `工作表「${sheet}」受保护：请先撤消保护（审阅 → 撤消工作表保护）再运行。没有做任何更改。`,
  compareSheetMissing: (sheet: string) => `找不到工作表「${sheet}」：请重新选择上年的表所在的工作表。`,
  compareNoTable: (sheet: string) =>
    `工作表「${sheet}」上没有找到绩效目标表：请把上年的表（连同表头行）粘贴到这张工作表，或选择另一张。`,
  compareLabel: "与上年对比",
  compareNone: "（不对比）",
  compareHint:
    "把上年的表粘贴到本工作簿的另一张工作表，在此选择它；运行后新增「年度对比」，有变化的单元格标浅紫色。检查自评表时，也可以选择同一年的绩效目标表（新增「目标对比」）。",
  compared: (changes: number, sheet: string, targets: boolean) =>
    targets
      ? changes > 0
        ? `目标表与自评表之间有 ${changes} 处改动或增删需核对，见「${sheet}」。`
        : `自评表与目标表的年度指标值一致，也没有增删指标（见「${sheet}」）。`
      : changes > 0
        ? `与上年相比有 ${changes} 处变化需核对，见「${sheet}」。`
        : `与上年相比，没有需要核对的变化（见「${sheet}」）。`,
  busy: "另一次运行（面板或功能区按钮）尚未结束：请等它完成后再试。",
  /** The ribbon's result dialog. */
  dialogClose: "确定",
  ribbonCounts: (projects: number, indicators: number, errors: number, warnings: number) =>
    `共 ${projects} 个项目、${indicators} 条指标；错误 ${errors} 个，警告 ${warnings} 个。`,
  ribbonWhere: (sheet: string) =>
    `结果见工作表「${sheet}」（另有“指标明细”与“校验结果”）；原表中有问题的单元格已标色：红＝错误，黄＝警告，浅蓝＝因别处写错而对不上的合计。`,
  ribbonNextErrors: "请修改原表后再次点击“规范化指标”。点击“打开面板”可查看问题清单，并跳到相应单元格。",
  ribbonNextMarks: "发送前请点击“打开面板”，再点击“清除标记”，恢复单元格原来的填充。",
  ribbonNextClean: "没有标记需要清除：可以发送。",
  ribbonFailed: "运行没有完成。",
  truncated: (n: number) =>
    `有 ${n} 个单元格的文字超过 Excel 的 32767 字上限，只写入了开头（见单元格中的说明）。`,
  notInExcel: "请在 Excel 中打开本加载项。",
  unsupportedWebview:
    "此版本的 Office 不支持本加载项的面板（其内置浏览器过旧）：请更新 Office，或改用 Excel 网页版；也可请管理员用命令行工具检查表格。",
  officeJsMissing:
    "无法加载 Office.js：这台电脑可能无法访问微软的网站。请联系管理员改为内网部署（构建时设 OFFICE_JS=local）。",
  bundleFailed: (detail: string) =>
    `面板未能启动（${detail}）：请关闭面板后重新打开；若仍如此，请把这段文字发给管理员。`,
  conditionalFormatsOverMarks:
    "原表中标记的单元格上有条件格式，它的填充色可能盖住红/黄标记：请在“开始 → 条件格式 → 管理规则”中查看，或对照“校验结果”中的单元格。",
  printSetupSkipped:
    "Excel 没有接受打印设置（可能未安装打印机）：结果和标记已全部写好，打印前请在“页面布局”中自行设置纸张和缩放。",
  /** What went wrong in Office and what to do next, by OfficeExtension error code. */
  officeErrors: {
    InvalidOperationInCellEditMode: "Excel 正在编辑单元格：请按 Enter 或 Esc 退出编辑后再试。",
    RequestPayloadSizeLimitExceeded: "表格太大，一次写不下：请选中一部分表格分批运行。",
    ResponsePayloadSizeLimitExceeded: "表格太大，一次读不完：请选中一部分表格分批运行。",
    AccessDenied: "工作簿或工作表受保护，或为只读：请取消保护或另存一份后再试。",
    ItemNotFound: "找不到工作表或单元格（可能已被删除或改名）：请重新运行。",
    ItemAlreadyExists: "已有同名的工作表或表格：请改名后再运行。",
    ApiNotFound: "此版本的 Excel 不支持所需功能：请更新 Office 后再试。",
    InvalidSelection: "当前选中的是图表、图形或多个区域，不是一块单元格：请先点选表格中的一个单元格。",
    InactiveWorkbook: "Excel 当前在另一个工作簿中：请先点一下本工作簿中的任意单元格，再运行。",
    UnsupportedSheet: "当前是图表工作表，没有单元格：请先点开放着表格的工作表，再运行。",
    InvalidReference:
      "引用的单元格或区域已失效（可能删除了行、列或工作表）：请重新运行；若仍出错，请保存后重新打开工作簿。",
    MemoryLimitReached: "Excel 内存不足，未能完成：请关闭其他工作簿和程序后再试，或选中一部分表格分批运行。",
    ActivityLimitReached: "操作过多，Excel 暂时无法处理：请稍候再试。",
    Timeout: "Excel 响应超时：请稍候再试，或选中一部分表格分批运行。",
    GeneralException:
      "Excel 内部出错：请保存工作簿，关闭后重新打开再试；在 Excel 网页版中，表格很大时也会如此，可选中一部分表格分批运行。",
  } as Record<string, string>,
  officeErrorUnknown: (code: string) =>
    `Excel 报告错误（${code}）：请保存工作簿，关闭后重新打开再试；若仍出错，请联系管理员。`,
};

export type PaneMessages = typeof paneZhCN;
