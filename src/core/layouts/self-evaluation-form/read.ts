/**
 * Reads a self-evaluation form (locate.ts): what a project form holds (its name, header block and indicator
 * rows, read by project-form/read.ts), and what the self-evaluation adds (SelfEvaluation, model/analysis.ts):
 * - the budget-execution block: the total row's 年初预算数 / 全年预算数 / 执行数 as the project's amounts (the
 *   table's own amount columns), its 执行率, 分值 and 得分, and per amount column `年度资金总额 = Σ its parts` (a
 *   sum when the parts are complete, a bound when a 其中 lists only some);
 * - each indicator's 实际完成值, 分值, 得分 and 偏差原因 (Indicator.extra, for 指标明细, and ScoredIndicator);
 * - the 合计 row's 分值 (the stated weight total), 总分 and 评价等级 wherever the form writes them.
 * Rows under the grid that are no indicator (合计, 评价结论, 存在问题, 改进措施, the signatures) are notes.
 *
 * The project form's own weight check (Σ 权重 = 100 over the indicators) is left out: a self-evaluation's 100
 * counts the budget row's 分值 too, and its checks (check/check-self-evaluation.ts) weigh that.
 */
import type {
  AmountCell,
  AmountCells,
  BudgetExecution,
  ClassifiedRow,
  IndicatorSource,
  NoteCell,
  ProjectRead,
  RowIndicator,
  ScoreCell,
  ScoredIndicator,
  SelfEvaluation,
  TableRead,
} from "../../model/analysis";
import { sheetCell, type SheetCell } from "../../model/cell-address";
import { cellText, firstTextOf, type CellValue, type Grid } from "../../model/grid";
import type { IssueDetails, IssueDraft } from "../../model/issue";
import { parseAmount } from "../../model/parse-amount";
import { equationCell, type Equation, type EquationCell } from "../../model/total-equation";
import { amountInText, type AmountInText } from "../../locate/amount-in-text";
import { normalizeLabel } from "../../locate/normalize-label";
import { closingRowRole, type ClosingRowRole } from "../../locate/vocabulary";
import { amountIssue } from "../amount-issue";
import { classifyFormRows, readProjectForm } from "../project-form/read";
import { AMOUNT_KEYS, type BudgetBlock, type HeadedColumn, type SelfEvaluationTable } from "./locate";

/**
 * The rows of a self-evaluation form: as a project form's, with the rows under the grid that a closing word
 * starts (合计, 总分, 评价等级, 评价结论, 存在问题, 改进措施, 项目负责人) as notes, never indicators.
 */
export function classifySelfEvaluationRows(grid: Grid, table: SelfEvaluationTable): ClassifiedRow[] {
  const rows = classifyFormRows(grid, formOf(table));
  return rows.map((row) => {
    const r = row.row - table.origin.row;
    if (row.kind !== "continuation" || r <= table.gridHeader) return row;
    return closingRowRole(firstTextOf(grid[r])) === null ? row : { row: row.row, kind: "note" };
  });
}

/** The project form under a self-evaluation, over the rows the table now takes (a table below may have cut it). */
function formOf(table: SelfEvaluationTable): SelfEvaluationTable["form"] {
  return { ...table.form, start: table.start, end: table.end };
}

// A percentage as written: `100%`, `93.5 %`, `100.00%`.
const PERCENT = /^(.*?)\s*[%％]$/;

// A score written with its unit, 分: `27分`, `9.5 分`, `100分`; the number before it is the score.
const POINTS = /^(.*?\d)\s*分$/;

/** A score, rate or weight cell as read: its number beside its raw value (a percentage's number without its %). */
export function scoreCell(grid: Grid, table: SelfEvaluationTable, r: number, c: number): ScoreCell {
  return scoreOf(sheetCell(table.origin.row + r, table.origin.column + c), grid[r]?.[c]);
}

/**
 * The ScoreCell of a value written at a cell (`分` written after `总分:` in the label's own cell too): a number
 * with its % or its 分 is that number (`27分` is 27); words stay words (`分`, `满分`).
 */
function scoreOf(at: SheetCell, cell: CellValue | undefined): ScoreCell {
  const raw =
    cell === undefined || cell === null || cellText(cell) === ""
      ? null
      : typeof cell === "boolean"
        ? cellText(cell)
        : cell;
  if (raw === null) return { ...at, raw: null, value: null, decimals: 0 };
  const percent = typeof raw === "string" ? PERCENT.exec(raw.trim()) : null;
  const points = typeof raw === "string" && !percent ? POINTS.exec(raw.trim()) : null;
  const parsed = parseAmount(percent ? percent[1]! : points ? points[1]! : raw);
  const base = { ...at, raw, value: parsed.raw === null ? null : parsed.value, decimals: parsed.decimals };
  return percent ? { ...base, percent: true } : base;
}

/** A text cell as read (实际完成值, 偏差原因, 评价等级), trimmed; "" when empty. */
function noteCell(grid: Grid, table: SelfEvaluationTable, r: number, c: number): NoteCell {
  return { ...sheetCell(table.origin.row + r, table.origin.column + c), text: cellText(grid[r]?.[c]) };
}

/** An indicator's actual: its cell, or the cells its group header spans read together (52.6 | 万亩 → 52.6万亩). */
function actualCell(grid: Grid, table: SelfEvaluationTable, r: number, column: HeadedColumn): NoteCell {
  const cell = noteCell(grid, table, r, column.c);
  if (column.span === undefined) return cell;
  return { ...cell, text: column.span.map((c) => cellText(grid[r]?.[c])).join("") };
}

/** What Indicator.extra shows of a score cell: its number, else its text as written (`分`, `/`), else null. */
function shown(cell: ScoreCell | null): string | number | null {
  if (cell === null || cell.raw === null) return null;
  return cell.value ?? cellText(cell.raw);
}

/** Where a label's value is: its cell, and its text when it shares the label's cell. */
interface Labelled {
  readonly r: number;
  readonly c: number;
  /** The value's text when it shares the label's cell (`总分:分`), else null. */
  readonly inline: string | null;
}

/** The value of the label at (r, c): after a colon in its own cell (`总分:97`), else the next filled cell right. */
function labelledValue(grid: Grid, r: number, c: number): Labelled | null {
  const row = grid[r] ?? [];
  const label = cellText(row[c]);
  const colon = label.search(/[:：]/);
  if (colon >= 0 && label.slice(colon + 1).trim() !== "")
    return { r, c, inline: label.slice(colon + 1).trim() };
  for (let k = c + 1; k < row.length; k++) if (cellText(row[k]) !== "") return { r, c: k, inline: null };
  return null;
}

/** The 合计 row's weight total, the 总分 and the 评价等级 the form states. */
interface Closing {
  weightTotal: ScoreCell | null;
  totalScore: ScoreCell | null;
  grade: NoteCell | null;
}

/**
 * The closing figures wherever the form writes them: 总分 and 评价等级 by their labels (above the form too, as
 * Hubei's `总分:分`; under the grid, from its 分值 and 得分 columns), the weight total from the 合计 row under the grid
 * (and 总分 from its 得分 when no 总分 is written).
 */
function readClosing(grid: Grid, table: SelfEvaluationTable): Closing {
  const closing: Closing = { weightTotal: null, totalScore: null, grade: null };
  const weight = table.scored.weight?.c;
  const score = table.scored.score?.c;
  let sumScore: ScoreCell | null = null;
  for (let r = table.start; r < table.end; r++) {
    const row = grid[r] ?? [];
    let first = true;
    for (let c = 0; c < row.length; c++) {
      const text = cellText(row[c]);
      if (text === "") continue;
      const role: ClosingRowRole | null = closingRowRole(text);
      const firstOfRow = first;
      first = false;
      const under = (k: number | undefined): k is number =>
        k !== undefined && k > c && cellText(row[k]) !== "";
      if (role === "totalScore" && firstOfRow && r > table.gridHeader && (under(weight) || under(score))) {
        // The central template's `总分 | … | 100 | 98.5` closes the grid with a figure under each column (right of
        // the label): the 分值 column's is the weight total, the 得分 column's the 总分 (not the first number after
        // the label).
        if (closing.weightTotal === null && under(weight))
          closing.weightTotal = scoreCell(grid, table, r, weight);
        if (closing.totalScore === null && under(score))
          closing.totalScore = scoreCell(grid, table, r, score);
      } else if (role === "totalScore" && closing.totalScore === null) {
        const at = labelledValue(grid, r, c);
        if (at) closing.totalScore = labelledScore(grid, table, at);
      } else if (role === "grade" && closing.grade === null) {
        const at = labelledValue(grid, r, c);
        if (at) closing.grade = labelledNote(grid, table, at);
      } else if (
        role === "weightTotal" &&
        firstOfRow &&
        r > table.gridHeader &&
        closing.weightTotal === null
      ) {
        // `合计 | 100`: the number under the 分值 column, else the first number after the label.
        const c2 =
          weight !== undefined && cellText(row[weight]) !== "" ? weight : labelledValue(grid, r, c)?.c;
        if (c2 !== undefined) closing.weightTotal = scoreCell(grid, table, r, c2);
        if (sumScore === null && score !== undefined && cellText(row[score]) !== "")
          sumScore = scoreCell(grid, table, r, score);
      }
    }
  }
  // A 总分 row's figure is the 总分 over a 合计 row's 得分 (`合计 | 90 | 85` of the indicators, then `总分 | 100 |
  // 94` with the budget's 9): the 合计 gives it only when no 总分 is written.
  return { ...closing, totalScore: closing.totalScore ?? sumScore };
}

function labelledScore(grid: Grid, table: SelfEvaluationTable, at: Labelled): ScoreCell {
  if (at.inline === null) return scoreCell(grid, table, at.r, at.c);
  return scoreOf(sheetCell(table.origin.row + at.r, table.origin.column + at.c), at.inline);
}

function labelledNote(grid: Grid, table: SelfEvaluationTable, at: Labelled): NoteCell {
  const cell = noteCell(grid, table, at.r, at.c);
  return at.inline === null ? cell : { ...cell, text: at.inline };
}

/** The budget block's amount cells and score cells, its funding equations and the amount issues of its total row. */
interface BudgetRead {
  readonly amountCells: AmountCells;
  readonly execution: BudgetExecution;
  readonly equations: Equation[];
  readonly issues: IssueDraft[];
}

function readBudget(
  grid: Grid,
  table: SelfEvaluationTable,
  block: BudgetBlock,
  details: IssueDetails,
): BudgetRead {
  const { origin } = table;
  const totalRow = block.rows.find((row) => row.role === "total") ?? null;
  const amountCells: Record<string, AmountCell> = {};
  const issues: IssueDraft[] = [];
  const equations: Equation[] = [];
  const unit = table.amountUnit;
  for (const key of AMOUNT_KEYS) {
    const column = block.columns[key];
    if (column === undefined || totalRow === null) continue;
    const cellOf = (r: number) => {
      const parsed = budgetAmount(grid[r]?.[column.c], unit);
      const at = sheetCell(origin.row + r, origin.column + column.c);
      const cell: EquationCell | null =
        parsed.value === null
          ? null
          : equationCell(at.row, at.column, at.address, parsed.value, parsed.decimals, parsed.raw);
      return { parsed, at, cell };
    };
    const total = cellOf(column.r ?? totalRow.r);
    amountCells[key] = {
      cell: total.at.address,
      raw: total.parsed.raw,
      value: total.parsed.value,
      decimals: total.parsed.decimals,
    };
    const columnDetails = Object.assign({}, details, { amountColumn: key, amountLabel: column.label });
    // `/` under 年初预算数 (a project added during the year) says there is no such amount: no number is missing.
    const issue = notApplicable(total.parsed.raw)
      ? null
      : amountIssue(total.parsed, total.at, columnDetails, { projectIndex: 0 });
    if (issue) issues.push(issue);

    // 年度资金总额 = Σ its parts, in this column (project-form/read.ts makes the same of a form's funding).
    const parts = partsOf(block, totalRow);
    if (total.parsed.raw === null || total.cell === null || parts.length === 0) continue;
    const read = parts.map((row) => ({ row, ...cellOf(row.r) }));
    if (read.some((p) => p.parsed.raw !== null && p.cell === null)) continue;
    const filled = read.filter((p) => p.parsed.raw !== null);
    if (filled.length === 0) continue;
    if (parts.some((row) => row.residual)) {
      equations.push({
        rule: "row-total",
        target: total.cell,
        addends: filled.map((p) => p.cell!),
        details: Object.assign({}, details, {
          amountColumn: "total",
          parts: filled.map((p) => p.row.key),
          amountNames: "form" as const,
        }),
        about: { projectIndex: 0 },
      });
    } else {
      equations.push({
        kind: "at-most",
        rule: "part-over-total",
        parts: filled.map((p) => p.cell!),
        total: total.cell,
        details: Object.assign({}, details, {
          partLabels: filled.map((p) => p.row.key),
          totalLabel: totalRow.key,
        }),
        about: { projectIndex: 0 },
      });
    }
  }
  const score = (key: "rate" | "weight" | "score") => {
    const column = block.columns[key];
    if (column === undefined || totalRow === null) return null;
    return scoreCell(grid, table, column.r ?? totalRow.r, column.c);
  };
  // The amounts as the equations read them (an amount inside text included), beside their raw value.
  const amount = (key: (typeof AMOUNT_KEYS)[number]): ScoreCell | null => {
    const column = block.columns[key];
    if (column === undefined || totalRow === null) return null;
    const r = column.r ?? totalRow.r;
    const parsed = budgetAmount(grid[r]?.[column.c], unit);
    const at = sheetCell(origin.row + r, origin.column + column.c);
    const raw = typeof parsed.raw === "boolean" ? String(parsed.raw) : parsed.raw;
    return { ...at, raw, value: raw === null ? null : parsed.value, decimals: parsed.decimals };
  };
  // A rate under a `(%)` header is in percent though written as a bare number (`预算执行进度(%) | 100.00`).
  const rate = score("rate");
  const rateInPercent = normalizeLabel(block.columns.rate?.label ?? "").remarks.includes("%");
  const execution: BudgetExecution = {
    rate: rate !== null && rate.value !== null && rateInPercent ? { ...rate, percent: true } : rate,
    spent: amount("spent"),
    budget: block.columns.budget !== undefined ? amount("budget") : amount("initialBudget"),
    weight: block.labelWeight === undefined ? score("weight") : labelWeight(table, block, block.labelWeight),
    score: score("score"),
    scoreRule: budgetScoreRule(block),
  };
  return { amountCells, execution, equations, issues };
}

/**
 * The parts of the block's total: the rows under it (年度资金总额, then 其中…), or, where the total closes the block
 * (财政拨款 | 其他资金 | 合计), the rows above it.
 */
function partsOf(block: BudgetBlock, total: BudgetBlock["rows"][number]): BudgetBlock["rows"] {
  const parts = block.rows.filter((row) => row.role === "part");
  const below = parts.filter((row) => row.r > total.r);
  return below.length > 0 || block.rows[block.rows.length - 1] !== total ? below : parts;
}

/** The budget's 分值 as its block label states it (`预算执行情况(10分)`): at the label's cell, its points. */
function labelWeight(
  table: SelfEvaluationTable,
  block: BudgetBlock,
  label: NonNullable<BudgetBlock["labelWeight"]>,
): ScoreCell {
  return scoreOf(sheetCell(table.origin.row + block.headerRow, table.origin.column + label.c), label.points);
}

/**
 * A cell that says "none here" rather than a figure: a slash, 无, 不适用 (a dash alone is a nil amount; in a score
 * cell, self-evaluation-rules.ts takes it as not applicable too).
 */
export const NOT_APPLICABLE: ReadonlySet<string> = new Set(["/", "／", "\\", "无", "不适用"]);

function notApplicable(raw: AmountInText["raw"]): boolean {
  return typeof raw === "string" && NOT_APPLICABLE.has(raw.trim());
}

// A bracketed part of a text: `(少数民族发展资金37万元,中央衔接资金1.75万元)`, `（其中…）`.
const BRACKETED = /[（(][^（()）]*[)）]/g;

/**
 * A budget cell's amount: as a header block's (amountInText: a number, a number with its unit, a number inside
 * text), except that a text whose amount stands outside brackets is that amount, the bracketed ones being its
 * breakdown: `…推广项目38.75万元(少数民族发展资金37万元,中央衔接资金1.75万元)` is 38.75, not 1.75.
 */
function budgetAmount(cell: CellValue | undefined, unit: SelfEvaluationTable["amountUnit"]): AmountInText {
  if (typeof cell === "string" && BRACKETED.test(cell)) {
    BRACKETED.lastIndex = 0;
    const outside = amountInText(cell.replace(BRACKETED, ""), unit);
    if (outside.value !== null) return { ...outside, raw: cell };
  }
  BRACKETED.lastIndex = 0;
  return amountInText(cell, unit);
}

/**
 * How the form says its budget row is scored: `weight-times-rate` (得分 = 分值 × 执行率, at most 分值) where the
 * 得分 header says so (Hubei's `得分(分*执行率)`), or where the block scores its 执行率 with a 分值 or 权重 and a 得分
 * column side by side (Yunnan's and Anhui's 分值 | 执行率 | 得分, Sichuan's 预算执行率 | 权重 | 得分, the contract's
 * reading of them), the 分值 in its label (`预算执行情况(10分)` over 执行率 | 得分) as well as in a column; null for a
 * block that scores nothing.
 */
function budgetScoreRule(block: BudgetBlock): BudgetExecution["scoreRule"] {
  const { score, weight, rate } = block.columns;
  if (score === undefined) return null;
  if (normalizeLabel(score.label).remarks.some((r) => /执行率/.test(r))) return "weight-times-rate";
  const weighted = weight !== undefined || block.labelWeight !== undefined;
  return weighted && rate !== undefined ? "weight-times-rate" : null;
}

/** Each indicator's scored cells, beside it (ScoredIndicator) and in its extra (for 指标明细). */
function scoreIndicators(
  grid: Grid,
  table: SelfEvaluationTable,
  items: readonly RowIndicator[],
  itemOffset: number,
): { items: RowIndicator[]; scored: ScoredIndicator[] } {
  const { scored: columns, origin } = table;
  const out: RowIndicator[] = [];
  const scored: ScoredIndicator[] = [];
  items.forEach((item, k) => {
    const r = item.place.row - origin.row;
    const actual = columns.actual ? actualCell(grid, table, r, columns.actual) : null;
    const weight = columns.weight ? scoreCell(grid, table, r, columns.weight.c) : null;
    const score = columns.score ? scoreCell(grid, table, r, columns.score.c) : null;
    const reason = columns.reason ? noteCell(grid, table, r, columns.reason.c) : null;
    const extra: Record<string, string | number | null> = {};
    if (actual) extra.actual = actual.text === "" ? null : actual.text;
    if (weight) extra.weight = shown(weight);
    if (score) extra.score = shown(score);
    if (reason) extra.reason = reason.text === "" ? null : reason.text;
    out.push({ ...item, extra });
    scored.push({ itemIndex: itemOffset + k, actual, weight, score, reason });
  });
  return { items: out, scored };
}

/** Reads a self-evaluation form: the project form's reading, with its budget block, scores and totals. */
export function readSelfEvaluationForm(
  grid: Grid,
  table: SelfEvaluationTable,
  rows: readonly ClassifiedRow[],
): TableRead {
  const base = readProjectForm(grid, formOf(table), rows);
  const project = base.projects[0]!;
  const details: IssueDetails =
    project.unit === null ? { project: project.name } : { project: project.name, unit: project.unit };
  // The header block's funding as a project form reads it (its first column only) gives way to the budget block.
  const issues = base.issues.filter((i) => i.rule !== "weight-total" && i.details.amountColumn === undefined);
  const budget = table.budget === null ? null : readBudget(grid, table, table.budget, details);
  if (budget) issues.push(...budget.issues);

  let scored: ScoredIndicator[] = [];
  // The grid's rows are split first, so that a scored row's itemIndex is its place among them even when the goal
  // text holds numbered items of its own (misplaced indicators, split after them; the goal is read either way).
  const texts: IndicatorSource[] = [];
  for (const text of project.texts) {
    if (text.role !== "rows") continue;
    const read = scoreIndicators(grid, table, text.items, scored.length);
    scored = [...scored, ...read.scored];
    texts.push({ role: "rows", items: read.items });
  }
  for (const text of project.texts) if (text.role !== "rows") texts.push(text);
  const closing = readClosing(grid, table);
  const projectRead: ProjectRead = { ...project, amountCells: budget?.amountCells ?? {}, texts };
  const selfEvaluation: SelfEvaluation = {
    projectIndex: 0,
    indicators: scored,
    budget: budget?.execution ?? null,
    weightTotal: closing.weightTotal,
    totalScore: closing.totalScore,
    grade: closing.grade,
  };
  return {
    ...base,
    table: table.info,
    projects: [projectRead],
    issues,
    equations: budget?.equations ?? [],
    selfEvaluations: [selfEvaluation],
  };
}
