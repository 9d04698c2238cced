import { spawnSync } from "child_process";
import { join } from "path";

const ROOT = join(__dirname, "..", "..");
const TSX = join(ROOT, "node_modules", ".bin", "tsx");

/** The real process: exit status and streams as a shell script sees them. */
function cli(...args: string[]) {
  return spawnSync(TSX, [join(ROOT, "src", "cli", "main.ts"), ...args], { cwd: ROOT, encoding: "utf8" });
}

test("the entry point sets the exit status and keeps stack traces out of stderr", () => {
  const missing = cli("normalize", "no-such-file.tsv", "--json");
  expect(missing.status).toBe(2);
  expect(missing.stdout).toBe("");
  expect(missing.stderr).toBe("找不到文件：no-such-file.tsv\n");

  const ok = cli("normalize", "samples/baiyun-2024.tsv", "--json");
  expect(ok.status).toBe(0);
  expect(() => JSON.parse(ok.stdout) as unknown).not.toThrow();
});
