/**
 * Hand-made ParsedTable values for the check tests, in the sample's layout: name in A, 总计 B, 财政拨款 C,
 * 财政专户拨款 D, 其他资金 E, 绩效目标 F, 绩效指标 G; header on row 9. Labels and values go through the
 * parser's own mapLevel and parseValue, so the checks are tested on what the parser really produces.
 */
import {
  amountsOf,
  type AmountCell,
  type AmountCells,
  type AmountRole,
  type Indicator,
  type Level,
  type ParsedTable,
  type Project,
  type UnitRow,
} from "../src/core/model/analysis";
import { sheetCell, parseCellAddress, type SheetCell } from "../src/core/model/cell-address";
import { guangdongEquations } from "../src/core/layouts/guangdong-string/equations";
import { mapLevel, type LevelDepth } from "../src/core/split/map-level";
import { parseAmount } from "../src/core/model/parse-amount";
import { parseValue } from "../src/core/split/parse-value";

const COLUMN_OF: Readonly<Record<AmountRole, string>> = {
  total: "B",
  fiscal: "C",
  specialAccount: "D",
  other: "E",
};

/** An amount as the parser reads it: "2,476.54" → 2476.54 with 2 decimals; "" → 0; "abc" → null. */
export function amount(raw: string | number | null, cell: string): AmountCell {
  const parsed = parseAmount(raw);
  return { cell, raw: parsed.raw, value: parsed.value, decimals: parsed.decimals };
}

export type RawAmounts = Partial<Record<AmountRole, string | number | null>>;

export function amountCells(row: number, raw: RawAmounts): AmountCells {
  const cell = (role: AmountRole): AmountCell => amount(raw[role] ?? null, `${COLUMN_OF[role]}${row}`);
  return {
    total: cell("total"),
    fiscal: cell("fiscal"),
    specialAccount: cell("specialAccount"),
    other: cell("other"),
  };
}

/** A level label as the parser maps it: "1-产出指标", "社会效益", "乱写" (name null). */
export function level(written: string, depth: LevelDepth): Level {
  return mapLevel(written, depth);
}

export interface ItemSpec {
  seq?: number | null;
  l1?: string | null;
  l2?: string | null;
  name?: string;
  period?: string | null;
  annual?: string | null;
}

export function item(row: number, spec: ItemSpec, cell = `G${row}`): Indicator {
  const period = spec.period === undefined ? "1次" : spec.period;
  const annual = spec.annual === undefined ? "1次" : spec.annual;
  const l1 = spec.l1 === undefined ? "1-产出指标" : spec.l1;
  const l2 = spec.l2 === undefined ? "11-数量指标" : spec.l2;
  return {
    row,
    cell,
    seq: spec.seq === undefined ? 1 : spec.seq,
    level1: l1 === null ? null : level(l1, 1),
    level2: l2 === null ? null : level(l2, 2),
    name: spec.name ?? "指标",
    periodValue: period,
    annualValue: annual,
    period: period === null ? null : parseValue(period, spec.name ?? "指标"),
    annual: annual === null ? null : parseValue(annual, spec.name ?? "指标"),
    raw: "",
  };
}

/** A well-formed item list: output, outcome and satisfaction, numbered 1..3. */
export function goodItems(row: number): ItemSpec[] {
  return [
    { seq: 1, l1: "1-产出指标", l2: "11-数量指标", name: "次数", period: "3次", annual: "3次" },
    { seq: 2, l1: "2-效益指标", l2: "22-社会效益", name: "改善", period: "有所改善", annual: "有所改善" },
    { seq: 3, l1: "3-满意度指标", l2: "31-服务对象满意度", name: "满意度", period: "≥95%", annual: "≥95%" },
  ].map((s) => ({ ...s, row }));
}

export interface ProjectSpec {
  row: number;
  name?: string;
  unit?: string | null;
  amounts?: RawAmounts;
  items?: ItemSpec[];
  /** Cell the items come from, default G{row}. */
  itemCell?: string;
}

export function project(spec: ProjectSpec): Project {
  const cells = amountCells(spec.row, spec.amounts ?? { total: "1.00", fiscal: "1.00" });
  const items = spec.items ?? goodItems(spec.row);
  return {
    row: spec.row,
    unit: spec.unit === undefined ? null : spec.unit,
    name: spec.name ?? `项目${spec.row}`,
    nameCell: `A${spec.row}`,
    amounts: amountsOf(cells),
    amountCells: cells,
    goal: "",
    indicators: items.map((s) => item(spec.row, s, spec.itemCell)),
    continuationRows: [],
  };
}

export interface TableSpec {
  grand?: { row: number; amounts: RawAmounts } | null;
  units?: { row: number; name: string; amounts: RawAmounts; projects: ProjectSpec[] }[];
  /** Projects outside any unit (used when there are no unit rows). */
  projects?: ProjectSpec[];
  /** Amount roles whose column exists; all four by default. */
  roles?: AmountRole[];
}

/** The SheetCell the parser would give an item written as "G12". */
function cellOf(address: string): SheetCell {
  const { row, column } = parseCellAddress(address)!;
  return sheetCell(row, column);
}

export function table(spec: TableSpec): ParsedTable {
  const projects: Project[] = (spec.projects ?? []).map((p) => project({ ...p, unit: null }));
  const units: UnitRow[] = (spec.units ?? []).map((u) => {
    const start = projects.length;
    for (const p of u.projects) projects.push(project({ ...p, unit: u.name }));
    const cells = amountCells(u.row, u.amounts);
    return {
      row: u.row,
      name: u.name,
      nameCell: `A${u.row}`,
      amounts: amountsOf(cells),
      amountCells: cells,
      projectIndexes: u.projects.map((_, i) => start + i),
    };
  });
  const roles = spec.roles ?? ["total", "fiscal", "specialAccount", "other"];
  const columns: Record<string, number> = { name: 1, goal: 6, indicators: 7 };
  const numbers: Record<AmountRole, number> = { total: 2, fiscal: 3, specialAccount: 4, other: 5 };
  for (const r of roles) columns[r] = numbers[r];
  const grandCells = spec.grand ? amountCells(spec.grand.row, spec.grand.amounts) : null;
  const grandTotal =
    spec.grand && grandCells
      ? { row: spec.grand.row, amounts: amountsOf(grandCells), amountCells: grandCells }
      : null;
  return {
    table: {
      layout: "guangdong-string",
      title: null,
      department: null,
      amountUnit: "万元",
      headerRow: 9,
      headerRows: [9],
      columns,
    },
    grandTotal,
    units,
    projects,
    rows: [],
    issues: [],
    equations: guangdongEquations({ columns, grandTotal, units, projects }),
    indicatorCells: projects.map((p) => p.indicators.map((i) => cellOf(i.cell))),
  };
}
