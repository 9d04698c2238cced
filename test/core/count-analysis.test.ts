import { analyzeTable } from "../../src/core/analyze-table";
import { countAnalysis } from "../../src/core/model/count-analysis";
import { loadSampleGrid } from "../../testing/sample";

test("countAnalysis counts the sample as the CLI and the pane show it", () => {
  const analysis = analyzeTable(loadSampleGrid());
  const counts = countAnalysis(analysis);
  expect(counts).toMatchObject({ projects: 19, indicators: 132 });
  expect(counts.units).toBe(new Set(analysis.units.map((u) => u.name)).size);
  expect(counts.errors + counts.warnings + counts.infos).toBe(analysis.issues.length);
  expect(counts.errors).toBe(analysis.issues.filter((i) => i.severity === "error").length);
  expect(counts.warnings).toBe(analysis.issues.filter((i) => i.severity === "warning").length);
});
