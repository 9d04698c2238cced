/**
 * The shape of the import graph, from the source files themselves: no import cycle anywhere in src (type-only
 * imports count: they are how a cycle starts), the core imports nothing outside src/core, the workbook layer nothing
 * but the core, the shells reach the core only through its entry (src/core/index.ts), and no shell imports another
 * but where a front end wires the adapter it drives (SHELL_WIRING).
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

/** The shells: adapters to a host (excel, wps, xlsx) and the front ends that drive them. */
const SHELLS = ["excel", "wps", "xlsx", "taskpane", "commands", "offline", "cli"] as const;

/**
 * The only imports from one shell into another: a front end and the adapter it drives, or two front ends of one
 * program sharing its wording. Adapters never import another shell; what two shells share lives in src/workbook.
 * Each entry is a source file or folder (relative to src) and the shell it may import.
 */
const SHELL_WIRING: readonly { from: string; to: (typeof SHELLS)[number]; why: string }[] = [
  { from: "taskpane/hosts/excel.ts", to: "excel", why: "the pane's Excel host (one file per host)" },
  { from: "taskpane/hosts/wps.ts", to: "wps", why: "the pane's WPS host (one file per host)" },
  { from: "commands", to: "excel", why: "the ribbon's function file runs the Excel add-in's actions" },
  { from: "commands", to: "taskpane", why: "the ribbon and the pane are one add-in: one wording" },
  { from: "cli", to: "xlsx", why: "the CLI drives the package adapter" },
  { from: "offline", to: "xlsx", why: "the offline page drives the package adapter" },
  { from: "offline", to: "taskpane", why: "the offline page shows the pane's summary and issue list" },
];

/** `excel/apply-plan.ts` → "excel"; a file outside the shells → null. */
function shellOf(relativePath: string): (typeof SHELLS)[number] | null {
  const top = relativePath.split(/[\\/]/)[0]!;
  return (SHELLS as readonly string[]).indexOf(top) >= 0 ? (top as (typeof SHELLS)[number]) : null;
}

/** Imports from one shell into another that SHELL_WIRING does not allow, as `from → to`. */
function crossShellImports(graph: Map<string, { files: string[] }>, root: string): string[] {
  const found: string[] = [];
  for (const [file, { files }] of graph) {
    const from = relative(root, file).split("\\").join("/");
    const fromShell = shellOf(from);
    if (!fromShell) continue;
    for (const target of files) {
      const to = relative(root, target).split("\\").join("/");
      const toShell = shellOf(to);
      if (!toShell || toShell === fromShell) continue;
      const allowed = SHELL_WIRING.some(
        (w) => w.to === toShell && (from === w.from || from.startsWith(`${w.from}/`)),
      );
      if (!allowed) found.push(`${from} → ${to}`);
    }
  }
  return found.sort();
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

  test("no shell imports another, but a front end the adapter it drives (SHELL_WIRING)", () => {
    expect(crossShellImports(graph, SRC)).toEqual([]);
  });

  test("the shell fence finds an adapter importing another (a test that cannot fail is a defect)", () => {
    const at = (path: string) => join(SRC, path);
    const fake = new Map([
      [at("wps/run-et.ts"), { files: [at("excel/run-normalizer.ts"), at("workbook/run-outcome.ts")] }],
      [at("taskpane/taskpane.ts"), { files: [at("wps/messages/index.ts")] }],
      [at("taskpane/hosts/wps.ts"), { files: [at("wps/run-et.ts")] }],
      [at("cli/main.ts"), { files: [at("xlsx/read-input.ts"), at("excel/api-support.ts")] }],
    ]);
    expect(crossShellImports(fake, SRC)).toEqual([
      "cli/main.ts → excel/api-support.ts",
      "taskpane/taskpane.ts → wps/messages/index.ts",
      "wps/run-et.ts → excel/run-normalizer.ts",
    ]);
  });
});
