/**
 * What only the WPS 加载项 says, in Chinese (the default): the ribbon's labels and what the pane adds in WPS.
 * Everything else the pane says in WPS is the Office pane's own table (src/taskpane/messages). en-US.ts has the
 * same shape: its type is this table's.
 */
export const wpsZhCN = {
  /** The ribbon: its tab, its group and the two buttons (src/wps/ribbon.xml holds the same Chinese labels). */
  tab: "绩效指标",
  group: "绩效指标规范化",
  normalize: "规范化指标",
  clearMarks: "清除标记",
  /** The pane outside Excel and WPS (a plain browser). */
  notInHost:
    "请在 Excel 或 WPS 表格中打开本面板。不能安装加载项的电脑，可以用离线页面（indicator-normalizer.html）检查表格。",
  /** A run in a WPS build that lacks some features: what was left out. */
  skipped: (features: string) => `此版本的 WPS 不支持${features}，结果中没有这些内容；数值和标记不受影响。`,
  features: {
    table: "表格样式",
    filter: "筛选按钮",
    freeze: "冻结首行",
    links: "来源单元格的超链接",
    print: "打印设置",
    rowHeights: "自动行高",
    notes: "标色单元格的批注",
  } as Record<string, string>,
  featureJoin: "、",
  /** A build without custom XML: the marks list lasts only until WPS closes. */
  recordInSession:
    "此版本的 WPS 不能在工作簿中保存标记记录：请在关闭 WPS 之前点击“清除标记”，否则之后只能手动去掉红、黄填充。",
  wpsError: (detail: string) =>
    `WPS 报告错误（${detail}）：请保存工作簿，关闭后重新打开再试；若仍出错，请把这段文字发给管理员。`,
};

export type WpsMessages = typeof wpsZhCN;
