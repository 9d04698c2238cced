import type { ClassifiedRow, TableRead } from "../../../src/core/model/analysis";
import { analyzeTable } from "../../../src/core/analyze-table";
import type { Grid } from "../../../src/core/model/grid";
import { LAYOUTS } from "../../../src/core/layouts";
import { registerLayout, type LocatedTable } from "../../../src/core/layouts/layout";
import { locateTable, locateTables } from "../../../src/core/locate/locate-table";
import { loadSampleGrid } from "../../../testing/sample";

describe("the layout registry", () => {
  test("every layout is registered once, under its own id", () => {
    const ids = LAYOUTS.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([
      "guangdong-string",
      "indicator-segments",
      "department-columns",
      "project-form",
      "self-evaluation-form",
    ]);
  });

  test("the analysis names the layout that read the table", () => {
    expect(analyzeTable(loadSampleGrid()).table?.layout).toBe("guangdong-string");
  });

  /** A stand-in layout that claims any grid whose first cell is `marker`, with a given score. */
  function standIn(id: string, marker: string, score: number) {
    return registerLayout<LocatedTable>({
      id: id,
      locate: (grid: Grid, origin) =>
        grid[0]?.[0] === marker
          ? [
              {
                layout: id,
                origin,
                info: {
                  layout: id,
                  title: null,
                  department: null,
                  amountUnit: null,
                  headerRow: origin.row,
                  headerRows: [origin.row],
                  columns: {},
                },
                score,
                start: 0,
                end: grid.length,
                columnStart: 0,
                columnEnd: 1,
                headerRows: [0],
              },
            ]
          : [],
      classify: (grid, table): ClassifiedRow[] =>
        grid.map((_, r) => ({ row: table.origin.row + r, kind: r === 0 ? "header" : "note" })),
      read: (_grid, table, rows): TableRead => ({
        table: table.info,
        grandTotal: null,
        units: [],
        projects: [],
        rows,
        issues: [],
        equations: [],
      }),
    });
  }

  test("every layout is asked; the highest score is read, the earlier layout winning a tie", () => {
    const grid: Grid = [["表头"], ["一行"]];
    const origin = { row: 1, column: 1 };
    const low = standIn("low", "表头", 2);
    const high = standIn("high", "表头", 5);
    const other = standIn("other", "别的", 9);
    expect(locateTable(grid, origin, [low, high, other])?.located.layout).toBe("high");
    expect(locateTables(grid, origin, [low, standIn("tie", "表头", 2)]).map((t) => t.located.layout)).toEqual(
      ["low", "tie"],
    );
    expect(locateTable(grid, origin, [other])).toBeNull();
    const found = locateTable(grid, origin, [high])!;
    expect(found.read(found.classify()).rows.map((r) => r.kind)).toEqual(["header", "note"]);
  });
});
