import type { ColumnRole } from "../../analysis";
import { AMOUNT_ROLES } from "../../analysis";
import type { BodyRowFacts } from "../../classify-rows";
import { cellText, firstTextOf, isBlankRow, type Grid } from "../../grid";
import type { GuangdongTable } from "./locate";

/** The cells of a Guangdong table by role: what the classifier and the reader ask of a row. */
export class GuangdongCells implements BodyRowFacts {
  private readonly columns: GuangdongTable["gridColumns"];

  constructor(
    readonly grid: Grid,
    readonly table: GuangdongTable,
  ) {
    this.columns = table.gridColumns;
  }

  /** The trimmed text of row r's cell in the role's column ("" when the table has no such column). */
  text(r: number, role: ColumnRole): string {
    const c = this.columns[role];
    return c === undefined ? "" : cellText(this.grid[r]?.[c]);
  }

  isBlank(r: number): boolean {
    return isBlankRow(this.grid[r]);
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

  firstText(r: number): string {
    return firstTextOf(this.grid[r]);
  }
}
