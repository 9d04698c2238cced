import { analyzeLocated, analyzeSheets, analyzeTable, locateSheet } from "../../src/core/analyze-table";
import * as layouts from "../../src/core/layouts";
import type { RegisteredLayout } from "../../src/core/layouts/layout";
import { findTables } from "../../src/core/locate/locate-table";
import { A1_ORIGIN } from "../../src/core/model/grid";
import { loadSampleGrid } from "../../testing/sample";

describe("analyzeLocated: the analysis of tables a shell has already located", () => {
  const grid = loadSampleGrid();

  test("is the analysis of the grid, for one sheet and for several", () => {
    expect(analyzeLocated([{ tables: findTables(grid, A1_ORIGIN) }])).toEqual(analyzeTable(grid));
    const sheets = [
      { name: "一", grid },
      { name: "二", grid },
    ];
    expect(analyzeLocated(sheets.map(locateSheet), { locale: "en-US" })).toEqual(
      analyzeSheets(sheets, { locale: "en-US" }),
    );
  });

  test("does not locate again: the layouts are asked once, by the shell", () => {
    let asked = 0;
    const counting: RegisteredLayout[] = layouts.LAYOUTS.map((layout) => ({
      id: layout.id,
      find: (g, origin) => {
        asked++;
        return layout.find(g, origin);
      },
    }));
    const tables = findTables(grid, A1_ORIGIN, counting);
    expect(asked).toBe(counting.length);
    const analysis = analyzeLocated([{ tables }]);
    expect(asked).toBe(counting.length);
    expect(analysis.projects).toHaveLength(19);
  });

  test("no table located: the analysis says so", () => {
    expect(analyzeLocated([{ tables: [] }]).issues.map((i) => i.rule)).toEqual(["no-table"]);
  });
});
