/**
 * The shape of the import graph, from the source files themselves: no import cycle anywhere in src (type-only
 * imports count: they are how a cycle starts), the core imports nothing outside src/core, the workbook layer nothing
 * but the core, and the shells reach the core only through its entry (src/core/index.ts).
 */
import { existsSync, readFileSync, readdirSync, statSync } from "fs";
import { dirname, join, relative, resolve } from "path";
import ts from "typescript";

const SRC = resolve(__dirname, "..", "..", "src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(name) && !/\.d\.ts$/.test(name) ? [path] : [];
  });
}

/** `./x` from `dir` → the .ts file it names (x.ts or x/index.ts), or null. */
function resolveImport(dir: string, specifier: string): string | null {
  const base = resolve(dir, specifier);
  for (const path of [`${base}.ts`, join(base, "index.ts")]) if (existsSync(path)) return path;
  return null;
}

/** Every file's imports (relative ones resolved to files, package names as written). */
function importGraph(): Map<string, { files: string[]; packages: string[] }> {
  const graph = new Map<string, { files: string[]; packages: string[] }>();
  for (const file of sourceFiles(SRC)) {
    const info = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
    const files: string[] = [];
    const packages: string[] = [];
    for (const { fileName } of info.importedFiles) {
      if (fileName.startsWith(".")) {
        const target = resolveImport(dirname(file), fileName);
        if (target) files.push(target);
      } else packages.push(fileName);
    }
    graph.set(file, { files, packages });
  }
  return graph;
}

/** The cycles of the graph, each as the list of files around it (Tarjan's strongly connected components). */
function cycles(graph: Map<string, { files: string[] }>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v)?.files ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      const selfImport = graph.get(v)?.files.includes(v) ?? false;
      if (component.length > 1 || selfImport) found.push(component.map((f) => relative(SRC, f)).sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe("the import graph of src", () => {
  const graph = importGraph();

  test("is read from every source file", () => {
    expect(graph.size).toBeGreaterThan(50);
    expect(graph.get(join(SRC, "core", "analyze-table.ts"))?.files.length).toBeGreaterThan(3);
  });

  test("has no cycle", () => {
    expect(cycles(graph)).toEqual([]);
  });

  test("the cycle finder finds one (a test that cannot fail is a defect)", () => {
    const a = { files: ["b"], packages: [] };
    const b = { files: ["a"], packages: [] };
    expect(
      cycles(
        new Map([
          ["a", a],
          ["b", b],
          ["c", { files: ["a"], packages: [] }],
        ]),
      ),
    ).toHaveLength(1);
  });

  test("the core imports nothing outside src/core: no shell, no package", () => {
    const core = join(SRC, "core");
    const outside = [...graph]
      .filter(([file]) => file.startsWith(core))
      .flatMap(([file, { files, packages }]) => [
        ...files
          .filter((f) => !f.startsWith(core))
          .map((f) => `${relative(SRC, file)} → ${relative(SRC, f)}`),
        ...packages.map((p) => `${relative(SRC, file)} → ${p}`),
      ]);
    expect(outside).toEqual([]);
  });

  test("the workbook layer imports only the core, through its entry: no shell, no package", () => {
    const workbook = join(SRC, "workbook");
    const entry = join(SRC, "core", "index.ts");
    const outside = [...graph]
      .filter(([file]) => file.startsWith(workbook))
      .flatMap(([file, { files, packages }]) => [
        ...files
          .filter((f) => !f.startsWith(workbook) && f !== entry)
          .map((f) => `${relative(SRC, file)} → ${relative(SRC, f)}`),
        ...packages.map((p) => `${relative(SRC, file)} → ${p}`),
      ]);
    expect(graph.has(join(workbook, "run-record-format.ts"))).toBe(true);
    expect(outside).toEqual([]);
  });

  test("shells reach the core only through src/core/index.ts", () => {
    const core = join(SRC, "core");
    const entry = join(core, "index.ts");
    const deep = [...graph]
      .filter(([file]) => !file.startsWith(core))
      .flatMap(([file, { files }]) =>
        files
          .filter((f) => f.startsWith(core) && f !== entry)
          .map((f) => `${relative(SRC, file)} → ${relative(SRC, f)}`),
      );
    expect(deep).toEqual([]);
  });
});
