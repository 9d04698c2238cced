import { parseTable } from "../../src/core/analyze-table";
import { equationsByCell, isSumEquation, type EquationCell } from "../../src/core/model/total-equation";
import { loadSampleGrid } from "../../testing/sample";

describe("the equations as a graph of cells and equations (the sample's)", () => {
  // The sample's equations are all sums.
  const equations = parseTable(loadSampleGrid()).equations.filter(isSumEquation);
  const graph = equationsByCell(equations);
  const cell = (address: string): EquationCell => [...graph.keys()].find((c) => c.address === address)!;
  const of = (address: string) =>
    graph.get(cell(address))!.map((e) => `${e.rule} ${e.target.address}=Σ${e.addends.length}`);

  test("a project's 财政拨款 is in its row's equation and its unit's column", () => {
    expect(of("C12")).toEqual(["row-total B12=Σ3", "group-total C11=Σ6"]);
  });

  test("a unit's 总计 is the target of its row and its column, and an addend of 合计", () => {
    expect(of("B11")).toEqual(["row-total B11=Σ3", "group-total B11=Σ6", "grand-total B10=Σ3"]);
  });

  test("each cell is one object in every equation it is in, with its place and exact amount", () => {
    const c12 = cell("C12");
    const [row, group] = graph.get(c12)!;
    expect(row!.addends).toContain(c12);
    expect(group!.addends).toContain(c12);
    expect([c12.row, c12.column, c12.address]).toEqual([12, 3, "C12"]);
    expect({ ...c12.amount! }).toMatchObject({ units: 1800, scale: 2 });
  });

  test("every amount cell of the sample takes part, and every equation holds", () => {
    // 合计, 3 units and 19 projects, each with its row equation; 4 columns of 3 units and of 合计.
    expect(equations).toHaveLength(23 + 3 * 4 + 4);
    expect(graph.size).toBe(23 * 4);
  });
});
