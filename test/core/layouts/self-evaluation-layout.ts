/**
 * A stand-in for a new kind of table, declared by a layout alone: a self-evaluation table (绩效自评表), one row
 * per indicator, the project's 预算数 / 执行数 / 执行率 merged down over its rows, and each indicator's 实际完成值,
 * 分值 and 得分. It declares its amount and detail columns (TableModel) and reads each project's SelfEvaluation
 * (model/analysis.ts), from which the core's self-evaluation checks make the equations (得分 ≤ 分值, 执行率 =
 * 执行数 / 预算数 shown as the rate cell shows it, Σ 得分 = 总分, Σ 分值 = 分值合计) and the other rules.
 * Optional columns, read when the header has them, on the project's first row: 偏差原因 (per indicator), 预算分值
 * and 预算得分 (the budget execution's; `预算得分(分值*执行率)` states the rule), 分值合计, 总分, 评价等级.
 * Nothing of the core knows it: check-equations, find-culprits, build-plan and the shells are as they are. It is
 * small on purpose (one header row, no title lines, no unit rows): what it proves is the model, not the reading.
 * The self-evaluation checks' tests (check-self-evaluation.test.ts) build their tables in it, one row each.
 */
import { registerLayout, type LocatedTable, type RegisteredLayout } from "../../../src/core/layouts/layout";
import type {
  AmountCell,
  AmountCells,
  ClassifiedRow,
  NoteCell,
  ProjectRead,
  RowIndicator,
  ScoreCell,
  ScoredIndicator,
  SelfEvaluation,
  TableModel,
  TableRead,
} from "../../../src/core/model/analysis";
import { amountIssue } from "../../../src/core/layouts/amount-issue";
import { cellAddress } from "../../../src/core/model/cell-address";
import type { IssueDraft } from "../../../src/core/model/issue";
import { cellText, type Grid, type Origin } from "../../../src/core/model/grid";
import { parseAmount } from "../../../src/core/model/parse-amount";
import type { Equation } from "../../../src/core/model/total-equation";

const HEADERS = {
  name: "项目名称",
  budget: "预算数",
  spent: "执行数",
  rate: "执行率",
  level1: "一级指标",
  level2: "二级指标",
  indicator: "三级指标",
  target: "年度指标值",
  actual: "实际完成值",
  weight: "分值",
  score: "得分",
} as const;
type Field = keyof typeof HEADERS;

/** Columns read when the header has them (see the file's comment): a header that starts with the text. */
const OPTIONAL = {
  reason: "偏差原因",
  budgetWeight: "预算分值",
  budgetScore: "预算得分",
  weightTotal: "分值合计",
  totalScore: "总分",
  grade: "评价等级",
} as const;
type Optional = keyof typeof OPTIONAL;

export const SELF_EVALUATION_MODEL: TableModel = {
  amountColumns: [
    { key: "budget", label: HEADERS.budget },
    { key: "spent", label: HEADERS.spent },
    { key: "rate", label: HEADERS.rate },
  ],
  detailColumns: [
    { key: "actual", label: HEADERS.actual, kind: "text" },
    { key: "weight", label: HEADERS.weight, kind: "number" },
    { key: "score", label: HEADERS.score, kind: "number" },
  ],
};

interface SelfEvaluationTable extends LocatedTable {
  /** Grid column of each field. */
  readonly at: Readonly<Record<Field, number>>;
  /** Grid column of each optional field the header has. */
  readonly optional: Readonly<Partial<Record<Optional, number>>>;
  /** The header of 预算得分 states `分值*执行率`. */
  readonly scoreRule: boolean;
}

/** A percentage as the table writes it (`85.00%`) read as its number (85.00); anything else as an amount. */
function readPercent(cell: unknown): ReturnType<typeof parseAmount> {
  const text = cellText(cell as string | number | null);
  return parseAmount(text.endsWith("%") ? text.slice(0, -1) : (cell as string | number | null));
}

export const selfEvaluation: RegisteredLayout = registerLayout<SelfEvaluationTable>({
  id: "self-evaluation",
  locate(grid: Grid, origin: Origin) {
    const header = grid.findIndex((row) => row.some((c) => cellText(c) === HEADERS.rate));
    if (header < 0) return [];
    const at = {} as Record<Field, number>;
    for (const field of Object.keys(HEADERS) as Field[]) {
      const column = grid[header]!.findIndex((c) => cellText(c) === HEADERS[field]);
      if (column < 0) return [];
      at[field] = column;
    }
    const optional: Partial<Record<Optional, number>> = {};
    let scoreRule = false;
    for (const field of Object.keys(OPTIONAL) as Optional[]) {
      const column = grid[header]!.findIndex((c) => cellText(c).startsWith(OPTIONAL[field]));
      if (column < 0) continue;
      optional[field] = column;
      if (field === "budgetScore") scoreRule = /分值\s*[*×]\s*执行率/.test(cellText(grid[header]![column]));
    }
    const headerRow = origin.row + header;
    return [
      {
        layout: "self-evaluation",
        origin,
        info: {
          layout: "self-evaluation",
          title: null,
          department: null,
          amountUnit: "万元",
          headerRow,
          headerRows: [headerRow],
          columns: {},
          model: SELF_EVALUATION_MODEL,
        },
        // Above the department layout's score for the same header (8 + the names it knows, most of these).
        score: 2 * Object.keys(HEADERS).length,
        start: header,
        end: grid.length,
        columnStart: 0,
        columnEnd: grid[header]!.length,
        headerRows: [header],
        at,
        optional,
        scoreRule,
      },
    ];
  },
  classify(grid, table): ClassifiedRow[] {
    const rows: ClassifiedRow[] = [];
    for (let r = table.start; r < table.end; r++) {
      const row = grid[r] ?? [];
      const kind =
        r === table.start
          ? "header"
          : cellText(row[table.at.name]) !== ""
            ? "project"
            : cellText(row[table.at.indicator]) !== ""
              ? "continuation"
              : "blank";
      rows.push({ row: table.origin.row + r, kind });
    }
    return rows;
  },
  read(grid, table, rows): TableRead {
    const { origin, at, optional } = table;
    const sheetRow = (r: number) => origin.row + r;
    const address = (r: number, column: number) => cellAddress(sheetRow(r), origin.column + column);
    const issues: IssueDraft[] = [];
    const amountCell = (r: number, field: "budget" | "spent" | "rate", project: string): AmountCell => {
      const read = field === "rate" ? readPercent(grid[r]?.[at[field]]) : parseAmount(grid[r]?.[at[field]]);
      const place = { row: sheetRow(r), column: origin.column + at[field], address: address(r, at[field]) };
      const details = { project, amountColumn: field, amountLabel: HEADERS[field] };
      const issue = amountIssue(read, place, details, { projectIndex: projects.length });
      if (issue) issues.push(issue);
      return { cell: address(r, at[field]), raw: read.raw, value: read.value, decimals: read.decimals };
    };
    const place = (r: number, column: number) => ({
      row: sheetRow(r),
      column: origin.column + column,
      address: address(r, column),
    });
    const scoreCell = (r: number, column: number | undefined, percent = false): ScoreCell | null => {
      if (column === undefined) return null;
      const raw = grid[r]?.[column] ?? null;
      const read = percent ? readPercent(raw) : parseAmount(raw);
      // An empty cell is null (the contract's ScoreCell), where an empty amount is 0.
      const value = read.raw === null || String(read.raw).trim() === "" ? null : read.value;
      const cell = { ...place(r, column), raw: read.raw, value, decimals: read.decimals };
      return percent ? { ...cell, percent: true } : cell;
    };
    const noteCell = (r: number, column: number | undefined): NoteCell | null =>
      column === undefined ? null : { ...place(r, column), text: cellText(grid[r]?.[column] ?? null).trim() };

    const projects: ProjectRead[] = [];
    const evaluations: SelfEvaluation[] = [];
    const equations: Equation[] = [];
    let items: RowIndicator[] = [];
    let scored: ScoredIndicator[] = [];
    const finish = () => {
      const last = projects.pop();
      if (last) projects.push({ ...last, texts: [{ role: "rows", items }] });
      const evaluation = evaluations.pop();
      if (evaluation) evaluations.push({ ...evaluation, indicators: scored });
      items = [];
      scored = [];
    };
    for (const { row, kind } of rows) {
      const r = row - origin.row;
      if (kind === "project") {
        finish();
        const name = cellText(grid[r]![at.name]);
        const amountCells: AmountCells = {
          budget: amountCell(r, "budget", name),
          spent: amountCell(r, "spent", name),
          rate: amountCell(r, "rate", name),
        };
        const projectIndex = projects.length;
        projects.push({
          row,
          unit: null,
          name,
          nameCell: address(r, at.name),
          amountCells,
          texts: [],
          continuationRows: [],
        });
        evaluations.push({
          projectIndex,
          indicators: [],
          budget: {
            rate: scoreCell(r, at.rate, true),
            spent: scoreCell(r, at.spent),
            budget: scoreCell(r, at.budget),
            weight: scoreCell(r, optional.budgetWeight),
            score: scoreCell(r, optional.budgetScore),
            scoreRule: table.scoreRule ? "weight-times-rate" : null,
          },
          weightTotal: scoreCell(r, optional.weightTotal),
          totalScore: scoreCell(r, optional.totalScore),
          grade: noteCell(r, optional.grade),
        });
      }
      if (kind !== "project" && kind !== "continuation") continue;
      const cells = grid[r]!;
      const weight = parseAmount(cells[at.weight]);
      const score = parseAmount(cells[at.score]);
      scored.push({
        itemIndex: items.length,
        actual: noteCell(r, at.actual),
        weight: scoreCell(r, at.weight),
        score: scoreCell(r, at.score),
        reason: noteCell(r, optional.reason),
      });
      items.push({
        seq: items.length + 1,
        level1: cellText(cells[at.level1]) || null,
        level2: cellText(cells[at.level2]) || null,
        name: cellText(cells[at.indicator]),
        periodValue: null,
        annualValue: cellText(cells[at.target]) || null,
        raw: [at.level1, at.level2, at.indicator, at.target].map((c) => cellText(cells[c])).join(" | "),
        place: place(r, at.indicator),
        extra: { actual: cellText(cells[at.actual]) || null, weight: weight.value, score: score.value },
      });
    }
    finish();
    return {
      table: table.info,
      grandTotal: null,
      units: [],
      projects,
      rows,
      issues,
      equations,
      selfEvaluations: evaluations,
    };
  },
});
