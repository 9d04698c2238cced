/**
 * A layout recognises one family of tables (DOMAIN.md's "Other layouts") and reads a located table into the common
 * model. The core asks every registered layout where it finds tables and reads the best answer, so a new family is
 * a new folder beside guangdong-string/ and one line in the registry (index.ts).
 *
 * The steps are those of DESIGN.md: locate → classify → read; the split and check stages that follow are shared
 * (split-table.ts, check-equations.ts, check-indicators.ts).
 */
import type { ClassifiedRow, TableInfo, TableRead } from "../model/analysis";
import type { Grid, Origin } from "../model/grid";
import type { LayoutId } from "./layout-id";

/** What every layout says about a table it located; a layout adds what its later steps need. */
export interface LocatedTable {
  readonly layout: LayoutId;
  readonly origin: Origin;
  /** Title lines, amount unit, header rows and the sheet column of each recognised role. */
  readonly info: TableInfo;
  /**
   * How sure the layout is that this is its table (e.g. the number of header names it recognised): when several
   * layouts recognise a grid, the highest score is read, the earlier layout in the registry winning a tie.
   */
  readonly score: number;
  /** Grid rows [start, end) the table takes, title lines and header included (end: where the next table starts). */
  readonly start: number;
  readonly end: number;
  /** Grid columns [columnStart, columnEnd) the table takes: two tables may stand side by side. */
  readonly columnStart: number;
  readonly columnEnd: number;
  /** Grid rows of its header (the first is where the table's own rows begin, below its title lines). */
  readonly headerRows: readonly number[];
}

export interface Layout<T extends LocatedTable> {
  readonly id: LayoutId;
  /**
   * Every table of this layout in the grid, top to bottom, without overlapping; [] when it recognises none. A
   * layout that finds one table looks for the next one from that table's end.
   */
  locate(grid: Grid, origin: Origin): readonly T[];
  /** The kind of every row of the table, in order (see classify-rows.ts for the shared rules). */
  classify(grid: Grid, table: T): readonly ClassifiedRow[];
  /** Its projects, units and amounts, its indicator texts (not yet split) and its total equations. */
  read(grid: Grid, table: T, rows: readonly ClassifiedRow[]): TableRead;
}

/** A located table with its layout's next steps bound to it, whatever the layout's own located shape. */
export interface FoundTable {
  readonly located: LocatedTable;
  classify(): readonly ClassifiedRow[];
  read(rows: readonly ClassifiedRow[]): TableRead;
  /** The same table over other grid rows [start, end): where a table of another layout begins inside it. */
  within(start: number, end: number): FoundTable;
}

/** A layout as the registry holds it: one question, "which tables of yours are in this grid?". */
export interface RegisteredLayout {
  readonly id: LayoutId;
  find(grid: Grid, origin: Origin): FoundTable[];
}

export function registerLayout<T extends LocatedTable>(layout: Layout<T>): RegisteredLayout {
  return {
    id: layout.id,
    find: (grid, origin) => layout.locate(grid, origin).map((table) => bind(layout, grid, table)),
  };
}

function bind<T extends LocatedTable>(layout: Layout<T>, grid: Grid, table: T): FoundTable {
  return {
    located: table,
    classify: () => layout.classify(grid, table),
    read: (rows) => layout.read(grid, table, rows),
    within: (start, end) => bind(layout, grid, { ...table, start, end }),
  };
}
