/**
 * A stand-in for a new kind of table, declared by a layout alone: a self-evaluation table (绩效自评表), one row
 * per indicator, the project's 预算数 / 执行数 / 执行率 merged down over its rows, and each indicator's 实际完成值,
 * 分值 and 得分. It declares its amount and detail columns (TableModel) and its equations:
 * - 执行率 = 执行数 / 预算数, shown as a percentage to 2 decimals (a ratio);
 * - 得分 ≤ 分值 on every indicator row (a bound).
 * Nothing of the core knows it: check-equations, find-culprits, build-plan and the shells are as they are. It is
 * small on purpose (one header row, no title lines, no unit rows): what it proves is the model, not the reading.
 */
import { registerLayout, type LocatedTable, type RegisteredLayout } from "../../../src/core/layouts/layout";
import type {
  AmountCell,
  AmountCells,
  ClassifiedRow,
  ProjectRead,
  RowIndicator,
  TableModel,
  TableRead,
} from "../../../src/core/model/analysis";
import { amountIssue } from "../../../src/core/layouts/amount-issue";
import { cellAddress } from "../../../src/core/model/cell-address";
import type { IssueDraft } from "../../../src/core/model/issue";
import { cellText, type Grid, type Origin } from "../../../src/core/model/grid";
import { parseAmount } from "../../../src/core/model/parse-amount";
import { equationCell, type Equation, type EquationCell } from "../../../src/core/model/total-equation";

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
    const { origin, at } = table;
    const sheetRow = (r: number) => origin.row + r;
    const address = (r: number, field: Field) => cellAddress(sheetRow(r), origin.column + at[field]);
    const issues: IssueDraft[] = [];
    const amountCell = (r: number, field: "budget" | "spent" | "rate", project: string): AmountCell => {
      const read = field === "rate" ? readPercent(grid[r]?.[at[field]]) : parseAmount(grid[r]?.[at[field]]);
      const place = { row: sheetRow(r), column: origin.column + at[field], address: address(r, field) };
      const details = { project, amountColumn: field, amountLabel: HEADERS[field] };
      const issue = amountIssue(read, place, details, { projectIndex: projects.length });
      if (issue) issues.push(issue);
      return { cell: address(r, field), raw: read.raw, value: read.value, decimals: read.decimals };
    };
    const equationCellOf = (r: number, field: Field, cell: AmountCell): EquationCell =>
      equationCell(sheetRow(r), origin.column + at[field], cell.cell, cell.value, cell.decimals, cell.raw);

    const projects: ProjectRead[] = [];
    const equations: Equation[] = [];
    let items: RowIndicator[] = [];
    const finish = () => {
      const last = projects.pop();
      if (last) projects.push({ ...last, texts: [{ role: "rows", items }] });
      items = [];
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
          nameCell: address(r, "name"),
          amountCells,
          texts: [],
          continuationRows: [],
        });
        equations.push({
          kind: "ratio",
          rule: "wrong-ratio",
          target: equationCellOf(r, "rate", amountCells.rate!),
          numerator: equationCellOf(r, "spent", amountCells.spent!),
          denominator: equationCellOf(r, "budget", amountCells.budget!),
          rounding: { decimals: 2, percent: true },
          details: {
            project: name,
            targetLabel: HEADERS.rate,
            numeratorLabel: HEADERS.spent,
            denominatorLabel: HEADERS.budget,
          },
          about: { projectIndex },
        });
      }
      if (kind !== "project" && kind !== "continuation") continue;
      const cells = grid[r]!;
      const project = projects[projects.length - 1]!;
      const weight = parseAmount(cells[at.weight]);
      const score = parseAmount(cells[at.score]);
      const place = { row, column: origin.column + at.indicator, address: address(r, "indicator") };
      items.push({
        seq: items.length + 1,
        level1: cellText(cells[at.level1]) || null,
        level2: cellText(cells[at.level2]) || null,
        name: cellText(cells[at.indicator]),
        periodValue: null,
        annualValue: cellText(cells[at.target]) || null,
        raw: [at.level1, at.level2, at.indicator, at.target].map((c) => cellText(cells[c])).join(" | "),
        place,
        extra: { actual: cellText(cells[at.actual]) || null, weight: weight.value, score: score.value },
      });
      const cellOf = (field: "weight" | "score", read: typeof weight): EquationCell =>
        equationCell(row, origin.column + at[field], address(r, field), read.value, read.decimals, read.raw);
      equations.push({
        kind: "at-most",
        rule: "part-over-total",
        parts: [cellOf("score", score)],
        total: cellOf("weight", weight),
        details: { project: project.name, partLabels: [HEADERS.score], totalLabel: HEADERS.weight },
        about: { projectIndex: projects.length - 1, itemIndex: items.length - 1 },
      });
    }
    finish();
    return { table: table.info, grandTotal: null, units: [], projects, rows, issues, equations };
  },
});
