/**
 * The words real tables use for each role, as data: one list per role, matched on the normalised key
 * (normalize-label.ts), so that `★项 目 名 称：` and `一、项目名称（必填）` are the word 项目名称. A new word is one
 * line in one list. The lists were gathered from published forms of sixteen provinces (../shared/corpus) and
 * DOMAIN.md; other tables word things further, so roles are also recognised by structure where the layouts can
 * (a label beside a value, a grid header with level columns).
 *
 * A word is matched whole, or as a pattern: `X*` starts with X, `*X` ends with X, `*X*` contains X. Exact words
 * are tried before patterns; among patterns, the longest core first.
 *
 * Two contexts never mix: FORM_WORDS for a form's header block (label/value pairs) and GRID_WORDS for an indicator
 * grid's header row, since the same words mean different things there (年度目标 is a goal in a header block and
 * 年度目标值 a value column in a grid).
 */
import { labelKey, stemKey } from "./normalize-label";

/** A field of a form's header block. */
export type FormRole =
  | "name"
  | "department"
  | "unit"
  | "period"
  | "duration"
  | "fundBlock"
  | "total"
  | "part"
  | "goal"
  | "midGoal"
  | "overallGoal"
  | "ignored";

/**
 * Header-block labels by role. `fundBlock` heads the funding rows (its value cells are the labels of totals and
 * parts); `total` and `part` are the funding cells; `ignored` are labels whose values are never amounts, names or
 * goals (so that their values are not taken for anything else).
 */
export const FORM_WORDS: Readonly<Record<FormRole, readonly string[]>> = {
  name: [
    "项目名称",
    "专项名称",
    "资金名称",
    "项目支出名称",
    "专项资金名称",
    "项目资金名称",
    "政策名称",
    "转移支付名称",
  ],
  department: [
    "主管部门",
    "主管单位",
    "部门名称",
    "*主管部门",
    "*主管部门名称",
    "主管部门及*",
    "*主管部门名称及*",
    "*主管部门及*",
  ],
  unit: [
    "实施单位",
    "项目实施单位",
    "预算单位",
    "单位名称",
    "部门单位名称",
    "申报单位",
    "申报单位名称",
    "填报单位",
  ],
  period: ["项目起止时间", "起止时间", "项目实施时间", "项目起止日期"],
  duration: ["项目期", "项目期限", "实施期限", "项目实施期", "实施周期", "项目周期"],
  fundBlock: [
    "项目资金",
    "资金情况",
    "资金金额",
    "项目资金来源情况",
    "资金来源情况",
    "项目预算资金",
    "资金需求",
    "项目资金情况",
    "资金投入情况",
    // The 2015 national template and its copies: `项目资金申请（万元）| 资金总额： | 财政拨款： …`,
    // `资金总额及构成 | 总额 | … / 财政拨款 | …`.
    "项目资金申请",
    "资金申请",
    "资金总额及构成",
    "资金构成",
    "资金来源",
  ],
  total: [
    "资金总额",
    "年度资金总额",
    "项目资金总额",
    "项目总金额",
    "当年资金总额",
    "中期资金总额",
    "项目总预算",
    "项目当年预算",
    "年度金额",
    "资金额度",
    "中期预算资金总额",
    "年度预算资金总额",
    "预算资金总额",
    "年度预算",
    "预算金额",
    "项目预算",
    "*年金额",
    // Under a block label (`资金总额及构成 | 总额 | 10606.75万元`).
    "总额",
    "批复金额",
    "当年预算数",
    "本年预算数",
    "年度预算数",
    "项目总投资",
    "年度资金",
    "中期资金",
    "当年资金",
  ],
  part: [
    "财政拨款",
    "财政资金",
    "预算资金",
    "一般公共预算",
    "当年财政拨款",
    "中期财政拨款",
    "自有资金",
    "单位自有资金",
    "财政专户",
    "财政专户拨款",
    "其他",
    "其他资金",
    "其它资金",
    "当年其他资金",
    "中期其他资金",
    "上年结转",
    "上年结转资金",
    "结转资金",
    "中央资金",
    "中央补助",
    "中央补助资金",
    "中央财政资金",
    "省级资金",
    "省级补助",
    "省级财政资金",
    "市级资金",
    "市级财政资金",
    "县级资金",
    "县级财政资金",
    "地方资金",
    "地方配套",
    "地方配套资金",
    "上级财政补助资金",
    "上级补助资金",
    "同级财政资金",
    "本级财政资金",
    "政府性基金",
    "自筹资金",
    "社会资金",
    // The 2015 template's parts after 财政拨款 and 自有资金.
    "事业收入",
    "经营收入",
    "经营性收入",
    "其他收入",
    // A level of government's own: `市财政资金`, `区级财政资金`, `其中：县财政资金`.
    "*财政资金",
    // Other sources as each place names them, by endings no project name has (a value `XX补助资金` is a name):
    // `区级资金`, `县本级资金`, `省级补助`, `中央财政补助`, `单位自筹`, `自筹经费`, `地方政府专项债券`, `上年结余资金`.
    "*级资金",
    "*级补助",
    "*级补助资金",
    "*财政补助",
    "单位自筹",
    "自筹*",
    "*专项债券",
    "上年结余*",
    "上级补助*",
    "市",
    "县",
    "省",
  ],
  goal: [
    "年度目标",
    "年度绩效目标",
    "绩效目标",
    "年度总体目标",
    "本年度目标",
    "年度总体绩效目标",
    "专项年度绩效目标",
    "当年目标",
    "年度",
    "预期目标",
    "年初设定目标",
    "年初绩效目标",
    "项目年度目标",
    "年度预期目标",
    "全年绩效目标",
    // Also the heading of a goal block (`项目绩效目标 | 长期目标 | 年度目标`, the values on the row below).
    "项目绩效目标",
    "项目绩效目标描述",
    "绩效目标描述",
  ],
  midGoal: ["中期目标", "长期目标", "专项长期绩效目标", "实施周期绩效目标", "中长期目标", "总目标"],
  overallGoal: ["总体目标", "项目总体目标", "绩效目标总体"],
  ignored: [
    "项目属性",
    "项目类型",
    "项目来源",
    "资金类型",
    "资金用途",
    "项目负责人",
    "项目负责人及电话",
    "项目负责人及联系电话",
    "联系电话",
    "开始时间",
    "结束时间",
    "用途范围",
    "立项依据",
    "项目概况",
    "政策任务",
    "战略领域",
    "财政事权",
    "补助项目区域",
    "部门单位职责",
    "*依据",
    "*必要性",
    "*措施",
    "*进度计划",
    "*实施计划",
    "*职能职责概述",
    "同名项目*",
    "*财政部门",
    "项目基本情况",
    "实际完成情况",
    "*完成情况",
    "*完成情况综述",
    "总体完成率",
  ],
};

/** An indicator grid's column. */
export type GridRole =
  | "level1"
  | "level2"
  | "level3"
  | "value"
  | "period"
  | "actual"
  | "op"
  | "nature"
  | "measure"
  | "weight"
  | "score"
  | "direction"
  | "explanation"
  | "standard"
  | "remark";

/**
 * Grid header words by role, written in full; a header is compared as written and without a trailing 指标
 * (stemKey), so that `一级指标`, `一级 指标` and a cut `一级` are one word. `value` is this year's target; `period` a mid-term or whole-period target; `actual` what was
 * achieved (a self-evaluation's or a monitoring form's column, never this year's target).
 */
export const GRID_WORDS: Readonly<Record<GridRole, readonly string[]>> = {
  level1: ["一级指标", "一级目标", "一级指标名称"],
  level2: ["二级指标", "二级目标", "二级指标名称"],
  level3: ["三级指标", "三级指标名称", "指标内容", "指标名称", "绩效指标名称", "具体指标", "考核指标"],
  value: [
    // A planned or expected 完成值 is a target, not what was done (`*完成值*` is an actual).
    "计划完成值",
    "预计完成值",
    "预期完成值",
    "标准值",
    "指标值",
    "年度指标值",
    "计划指标值",
    "目标值",
    "年度目标值",
    "当年预期实现值",
    "预期实现值",
    "预期目标值",
    "本年度指标值",
    "当年指标值",
    "年度预期值",
    "*年度指标值",
    "*年指标值",
    "年初目标值",
    "预期指标值",
  ],
  period: [
    "实施周期指标值",
    "实施周期目标值",
    "中期指标值",
    "中期目标值",
    "长期指标值",
    "长期目标值",
    "*实施周期*",
    "*中期*",
  ],
  actual: ["实际完成值", "实际完成情况", "全年实际值", "上年实际值", "*实际*", "*完成值*"],
  op: ["指标性质", "计算符号", "运算符号", "指标符号", "比较符号", "*符号"],
  nature: ["指标类型", "指标值类型", "定性定量"],
  measure: ["度量单位", "计量单位", "指标单位"],
  weight: ["权重", "分值", "指标分值", "指标权重", "权重*", "满分", "满分值", "标准分", "标准分值"],
  // 实际得分 is the score the row got, not an actual value (`*实际*` would take it).
  score: ["得分", "自评得分", "评分", "*得分", "实际得分"],
  direction: ["指标方向", "指标方向性"],
  explanation: ["指标解释", "指标说明", "指标定义", "指标释义"],
  standard: ["评分标准", "评扣分标准", "绩效标准", "评价标准", "计分方法", "评分规则"],
  remark: ["备注", "说明", "*原因*"],
};

/** A column of a table with one row per project (the string layouts and the department table). */
export type BudgetColumnRole =
  "name" | "unit" | "total" | "fiscal" | "specialAccount" | "other" | "goal" | "indicators";

/** What names a project's column besides 项目名称: a fund's, a policy's or a transfer's name. */
const OTHER_PROJECT_NAMES = [
  "资金名称",
  "专项名称",
  "专项资金名称",
  "政策名称",
  "转移支付名称",
  "预算项目",
  "资金项目",
];

/** A project's amount column besides 预算数 and 资金总额: this year's budget as the systems word it. */
const OTHER_TOTALS = [
  "年度预算",
  "当年预算数",
  "本年预算数",
  "本年预算",
  "当年预算",
  "资金额度",
  "批复金额",
  "批复数",
  "安排金额",
  "年度资金",
  "项目金额",
  "年度金额",
];

/**
 * Column headers of Guangdong's export and the string dialects (one row per project): 项目名称（资金使用单位）,
 * 总计 / 金额合计, 财政拨款, 财政专户拨款 / 财政专户管理资金, 其他资金, 绩效目标 / 年度绩效目标, 绩效指标.
 */
export const STRING_TABLE_WORDS: Readonly<Record<Exclude<BudgetColumnRole, "unit">, readonly string[]>> = {
  name: ["项目", "*项目名称*", "*单位名称*", ...OTHER_PROJECT_NAMES],
  total: [
    "总计",
    "合计",
    "金额合计",
    "资金合计",
    "预算合计",
    "总金额",
    "资金总额",
    "预算总额",
    "预算金额",
    "金额",
    "预算数",
    "小计",
    ...OTHER_TOTALS,
  ],
  fiscal: ["财政拨款*", "财政拨款", "一般公共预算", "财政资金"],
  specialAccount: ["*专户*"],
  other: ["其他*", "其它*", "其他", "其它"],
  indicators: ["*指标*"],
  goal: ["*目标*"],
};

/**
 * Column headers of a department table's project columns (its indicator columns are GRID_WORDS): 单位名称,
 * 项目名称, 预算数 and its synonyms, 财政拨款 / 专户 / 其他, 年度目标 / 绩效目标.
 */
export const DEPARTMENT_TABLE_WORDS: Readonly<Record<BudgetColumnRole, readonly string[]>> = {
  name: ["项目", "*项目名称*", ...OTHER_PROJECT_NAMES],
  unit: ["单位", "*单位名称*", "*部门名称*", "预算单位", "资金使用单位", "部门", "部门单位"],
  total: [
    "预算数",
    "金额",
    "项目金额",
    "资金总额",
    "年度资金总额",
    "预算金额",
    "预算总额",
    "合计",
    "总计",
    "金额合计",
    "年度预算数",
    "项目预算数",
    "预算资金",
    ...OTHER_TOTALS,
  ],
  fiscal: ["财政拨款*", "财政拨款", "一般公共预算"],
  specialAccount: ["*专户*"],
  other: ["其他*", "其它*", "其他", "其它"],
  goal: ["*目标*"],
  indicators: [],
};

interface Matcher<R extends string> {
  readonly exact: ReadonlyMap<string, R>;
  /** Patterns, the longest core first. */
  readonly patterns: readonly {
    readonly core: string;
    readonly at: "start" | "end" | "inside";
    readonly role: R;
  }[];
}

function matcher<R extends string>(
  words: Readonly<Record<R, readonly string[]>>,
  key: (w: string) => string,
): Matcher<R> {
  const exact = new Map<string, R>();
  const patterns: { core: string; at: "start" | "end" | "inside"; role: R }[] = [];
  for (const role of Object.keys(words) as R[]) {
    for (const word of words[role]) {
      const starts = word.startsWith("*");
      const ends = word.endsWith("*");
      if (!starts && !ends) {
        exact.set(key(word), role);
        continue;
      }
      const core = key(word.replace(/^\*|\*$/g, ""));
      patterns.push({ core, at: starts && ends ? "inside" : starts ? "end" : "start", role });
    }
  }
  patterns.sort((a, b) => b.core.length - a.core.length);
  return { exact, patterns };
}

function match<R extends string>(m: Matcher<R>, key: string): R | null {
  if (key === "") return null;
  const exact = m.exact.get(key);
  if (exact !== undefined) return exact;
  for (const p of m.patterns) {
    if (key.length < p.core.length) continue;
    if (
      p.at === "start" ? key.startsWith(p.core) : p.at === "end" ? key.endsWith(p.core) : key.includes(p.core)
    )
      return p.role;
  }
  return null;
}

const FORM_MATCHER = matcher(FORM_WORDS, labelKey);
const GRID_MATCHER = matcher(GRID_WORDS, labelKey);
/** The same words without a trailing 指标: `一级指标` → 一级 (a truncated merged label), `实施周期指标` …. */
const GRID_STEM_MATCHER = matcher(GRID_WORDS, (w) => stemKey(labelKey(w)));

/** A header-block label's role, or null: `项目名称：` → name, `其中：财政拨款` → part, `总 体 目 标` → overallGoal. */
export function formRole(text: string): FormRole | null {
  const key = labelKey(text).replace(/^其中:?/, "");
  return match(FORM_MATCHER, key.replace(/:.*$/, ""));
}

/** A grid header cell's role, or null: `一级 指标` → level1, `*指标值` → value, `实施周期目标值` → period. */
export function gridRole(text: string): GridRole | null {
  if (text.length > 30) return null;
  const key = labelKey(text);
  return listedRole(key) ?? valueHeaderRole(key);
}

/**
 * A grid header's role from the word lists alone (GRID_WORDS), not from valueHeaderRole's reading of other value
 * wordings: `一中指标值` has none here, so sub-project.ts can read it as the value column of 一中.
 */
export function listedGridRole(text: string): GridRole | null {
  return text.length > 30 ? null : listedRole(labelKey(text));
}

function listedRole(key: string): GridRole | null {
  return match(GRID_MATCHER, key) ?? match(GRID_STEM_MATCHER, stemKey(key));
}

/**
 * A value column's header of a wording the lists miss, by meaning: a value (`…指标值`, `…目标值`, `…预期值`,
 * `…计划值`, `…完成值`, `…实现值`) and the horizon its words name. Matches `本年预期值` (value), `上年实际完成值`
 * (actual), `中期计划值` (period); not `指标解释`.
 */
const VALUE_HEADER = /(?:指标|目标|预期|计划|完成|实现)值$/;

function valueHeaderRole(key: string): GridRole | null {
  if (!VALUE_HEADER.test(key)) return null;
  if (/实际|上年|完成值$/.test(key)) return "actual";
  return horizonOf(key) === "other" ? "period" : "value";
}

const STRING_TABLE_MATCHER = matcher(STRING_TABLE_WORDS, labelKey);
const DEPARTMENT_TABLE_MATCHER = matcher(DEPARTMENT_TABLE_WORDS, labelKey);
const COLUMN_CACHE_LIMIT = 4096;
const columnCaches = {
  string: new Map<string, BudgetColumnRole | null>(),
  department: new Map<string, BudgetColumnRole | null>(),
};

/**
 * A header cell's role in a table with one row per project, or null: `项目名称（资金使用单位）` → name, `总计（万元）` →
 * total. Cached per text (every row of a long table is looked at for a header; the same texts recur).
 */
export function budgetColumnRole(text: string, table: "string" | "department"): BudgetColumnRole | null {
  const cache = columnCaches[table];
  let role = cache.get(text);
  if (role === undefined) {
    role = match(table === "string" ? STRING_TABLE_MATCHER : DEPARTMENT_TABLE_MATCHER, labelKey(text));
    if (cache.size >= COLUMN_CACHE_LIMIT) cache.clear();
    cache.set(text, role);
  }
  return role;
}

/**
 * Which horizon a label speaks of, by meaning: this year's (年度, 当年, 本年, 预期, 目标) or another
 * (中期, 长期, 实施周期, 总预算, 总目标, 实际, 上年). Another horizon's word wins when both appear (`中期目标`, `实施周期目标值`,
 * `上年实际`); null when the label says neither (`资金总额`, `指标值`).
 */
export function horizonOf(text: string): "annual" | "other" | null {
  const key = labelKey(text);
  if (/中期|长期|实施周期|实际|上年|总预算|累计|总目标/.test(key)) return "other";
  if (/年度|当年|本年|预期|\d{4}年/.test(key)) return "annual";
  return null;
}

/** A column of a self-evaluation's budget-execution block (项目资金 / 预算执行情况 with 执行数 and 执行率). */
export type ExecutionRole = "initialBudget" | "budget" | "spent" | "rate" | "weight" | "score" | "reason";

/**
 * Budget-execution column headers by role: 年初预算数 | 全年预算数 (A) | 全年执行数 (B) | 分值 | 执行率 (B/A) | 得分,
 * Sichuan's 年初预算 | 调整后预算数 | 预算执行数 | 预算执行率 | 权重 | 得分 | 原因, Hebei's 预算数 | 执行数 | 预算执行进度.
 * Bracketed parts are remarks (`(A)`, `(B/A)`, `(调整)`, `(分*执行率)`), so `全年(调整)预算数` is 全年预算数.
 */
export const EXECUTION_WORDS: Readonly<Record<ExecutionRole, readonly string[]>> = {
  initialBudget: ["年初预算数", "年初预算", "年初预算金额"],
  budget: ["全年预算数", "调整后预算数", "调整后预算", "预算数", "全年预算", "预算安排情况", "年度预算"],
  spent: [
    "全年执行数",
    "执行数",
    "预算执行数",
    "资金执行情况",
    "实际执行数",
    "全年实际执行数",
    "实际支出",
    // What was spent, said as 支出: `全年实际支出数`, `实际支出数`, `支出数`.
    "实际支出数",
    "全年实际支出",
    "全年实际支出数",
    "支出数",
    "全年支出数",
  ],
  rate: [
    "执行率",
    "预算执行率",
    "预算执行进度",
    "资金执行率",
    "全年执行率",
    "支出率",
    "预算支出率",
    "资金支出率",
  ],
  weight: ["分值", "权重", "执行率权重", "执行率分值", "满分", "标准分"],
  score: ["得分", "执行率得分", "自评得分", "实际得分"],
  reason: ["原因", "*原因*", "备注", "说明"],
};

/** A row of a self-evaluation's budget-execution block: the total (年度资金总额) or one of its parts. */
export type BudgetRowRole = "total" | "part";

/**
 * Budget-execution row labels beyond the header block's funding words (FORM_WORDS.total / part, also asked):
 * 年度资金总额, Sichuan's 总额, Hubei's 年度财政资金总额, Chongqing's 年度总金额; the parts 其中:本年财政拨款,
 * 财政专户管理资金, 单位资金; Hebei's label | value pairs name the total row by its column (预算数, 到位数, 执行数).
 */
export const BUDGET_ROW_WORDS: Readonly<Record<BudgetRowRole, readonly string[]>> = {
  total: ["总额", "年度财政资金总额", "年度总金额", "合计", "总计", "资金合计", "预算数", "到位数", "执行数"],
  part: [
    "本年财政拨款",
    "财政专户管理资金",
    "单位资金",
    "中央补助",
    "中央财政补助",
    "社会投入资金",
    "银行贷款",
    "上级转移支付资金",
    "转移支付资金",
    "上级补助资金",
    // A department's whole budget (部门整体支出) parts into its two halves.
    "基本支出",
    "项目支出",
  ],
};

/** A row under a self-evaluation's indicator grid that is no indicator. */
export type ClosingRowRole = "weightTotal" | "totalScore" | "grade" | "closing";

/**
 * Rows under (or above) a self-evaluation's grid: the 合计 row of the weights (`合计 | 100`), the total score
 * (总分, 自评总分, `总分:分`), the grade (评价等级), and the closing rows (评价结论, 存在问题, 改进措施, the
 * signatures), never indicators.
 */
export const CLOSING_ROW_WORDS: Readonly<Record<ClosingRowRole, readonly string[]>> = {
  weightTotal: ["合计", "总计", "分值合计"],
  totalScore: ["总分", "自评总分", "总得分", "综合得分", "得分合计", "自评得分合计", "评价总分"],
  grade: ["评价等级", "自评等级", "绩效等级", "自评结果等级", "绩效评价等级"],
  closing: [
    "评价结论",
    "自评结论",
    "存在问题",
    "改进措施",
    "主要问题",
    "问题及改进措施",
    "项目负责人",
    "财务负责人",
    "单位负责人",
    "填报人",
    "填表人",
    "联系电话",
    "*负责人",
  ],
};

const EXECUTION_MATCHER = matcher(EXECUTION_WORDS, labelKey);
const BUDGET_ROW_MATCHER = matcher(BUDGET_ROW_WORDS, labelKey);
const CLOSING_ROW_MATCHER = matcher(CLOSING_ROW_WORDS, labelKey);

/** A budget-execution header's role, or null: `全年执行数(B)` → spent, `执行率(B/A)` → rate, `年度预算数(万元)` → null. */
export function executionRole(text: string): ExecutionRole | null {
  return text.length > 30 ? null : match(EXECUTION_MATCHER, labelKey(text));
}

/** A budget-execution row's label role, or null: `年度资金总额:` → total, `其中:本年财政拨款` → part. */
export function budgetRowRole(text: string): BudgetRowRole | null {
  if (text.length > 40) return null;
  const key = labelKey(text)
    .replace(/^其中:?/, "")
    .replace(/:.*$/, "");
  const own = match(BUDGET_ROW_MATCHER, key);
  if (own !== null) return own;
  const role = match(FORM_MATCHER, key);
  return role === "total" || role === "part" ? role : null;
}

/** A closing row's role by its label, or null: `合计` → weightTotal, `总分:分` → totalScore, `项目负责人:查小兵` → closing. */
export function closingRowRole(text: string): ClosingRowRole | null {
  if (text.length > 40) return null;
  return match(CLOSING_ROW_MATCHER, labelKey(text).replace(/:.*$/, ""));
}
