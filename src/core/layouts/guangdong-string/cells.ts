import type { ColumnRole } from "../../model/analysis";
import { AMOUNT_ROLES } from "../../model/analysis";
import type { BodyRowFacts } from "../../classify/classify-rows";
import * as decimal from "../../model/exact-decimal";
import type { ExactDecimal } from "../../model/exact-decimal";
import { cellText, type Grid } from "../../model/grid";
import { parseAmount } from "../../model/parse-amount";
import type { GuangdongTable } from "./locate";

// Read once: under tsx every use of an imported name is a getter call (README, "Speed").
const { exactDecimal } = decimal;

/** The cells of a Guangdong table by role: what the classifier and the reader ask of a row. */
export class GuangdongCells implements BodyRowFacts {
  private readonly columns: GuangdongTable["gridColumns"];
  private readonly columnStart: number;
  private readonly columnEnd: number;

  constructor(
    readonly grid: Grid,
    readonly table: GuangdongTable,
  ) {
    this.columns = table.gridColumns;
    this.columnStart = table.columnStart;
    this.columnEnd = table.columnEnd;
  }

  /** The trimmed text of row r's cell in the role's column ("" when the table has no such column). */
  text(r: number, role: ColumnRole): string {
    const c = this.columns[role];
    return c === undefined ? "" : cellText(this.grid[r]?.[c]);
  }

  isBlank(r: number): boolean {
    return this.firstText(r) === "";
  }

  name(r: number): string {
    return this.text(r, "name");
  }

  hasAmounts(r: number): boolean {
    return AMOUNT_ROLES.some((role) => this.text(r, role) !== "");
  }

  hasText(r: number): boolean {
    return this.text(r, "goal") !== "" || this.text(r, "indicators") !== "";
  }

  /** The first non-empty cell text of the row within the table's columns (another table may stand beside it). */
  firstText(r: number): string {
    const row = this.grid[r];
    if (!row) return "";
    const end = Math.min(this.columnEnd, row.length);
    for (let c = this.columnStart; c < end; c++) {
      const text = cellText(row[c]);
      if (text !== "") return text;
    }
    return "";
  }

  /** The row's 总计, else its first amount that is not empty; 0 when all are empty, null when not a number. */
  total(r: number): ExactDecimal | null {
    const row = this.grid[r];
    for (const role of AMOUNT_ROLES) {
      const c = this.columns[role];
      if (c === undefined) continue;
      const parsed = parseAmount(row?.[c]);
      if (parsed.raw === null) continue;
      return parsed.value === null ? null : exactDecimal(parsed.value, parsed.decimals);
    }
    return exactDecimal(0, 0);
  }
}
