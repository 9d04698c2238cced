/**
 * The launcher users run (dist-cli/indicator-normalizer.js) loads the bundle with V8's code cache made by the
 * build: whatever the cache holds, the command behaves exactly as the bundle run directly.
 */
import { spawnSync } from "child_process";
import { createHash } from "crypto";
import { readFileSync, rmSync, writeFileSync } from "fs";
import { join } from "path";
import { tempFolder } from "../../testing/temp-folder";

const ROOT = join(__dirname, "..", "..");
const SAMPLE = join(ROOT, "samples", "baiyun-2024.tsv");
const DEPARTMENT = join(ROOT, "test", "fixtures", "tables", "department.xlsx");

let dir: string;
beforeAll(() => {
  dir = tempFolder("launcher-");
  const built = spawnSync(process.execPath, [join(ROOT, "scripts", "build-cli.mjs"), dir], {
    encoding: "utf8",
  });
  expect(built.stderr).toBe("");
  expect(built.status).toBe(0);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(script: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const { status, stdout, stderr } = spawnSync(process.execPath, [join(dir, script), ...args], {
    cwd: ROOT,
    encoding: "utf8",
  });
  return { status, stdout, stderr };
}

const COMMANDS = [
  ["check", SAMPLE, DEPARTMENT, "--format", "json"],
  ["check", SAMPLE, "--lang", "en"],
  ["normalize", DEPARTMENT, "--json"],
  ["check", "no-such-file.xlsx"],
  ["--help"],
];

test("the build's cache starts with the SHA-256 of the bundle it was made for", () => {
  const cache = readFileSync(join(dir, "cli-main.js.cache"));
  const bundle = readFileSync(join(dir, "cli-main.js"), "utf8");
  expect(cache.subarray(0, 32)).toEqual(createHash("sha256").update(bundle).digest());
  expect(cache.length).toBeGreaterThan(10_000);
});

test.each([
  ["the build's cache", (): void => undefined],
  [
    "a cache made for another bundle",
    (): void => writeFileSync(join(dir, "cli-main.js.cache"), Buffer.alloc(4096, 7)),
  ],
  ["no cache", (): void => rmSync(join(dir, "cli-main.js.cache"), { force: true })],
])("with %s, every command prints and exits as the bundle run directly", (_name, prepare) => {
  prepare();
  for (const args of COMMANDS) {
    const direct = run("cli-main.js", args);
    const launched = run("indicator-normalizer.js", args);
    expect(launched).toEqual(direct);
    expect(direct.stdout.length + direct.stderr.length).toBeGreaterThan(0);
  }
});
