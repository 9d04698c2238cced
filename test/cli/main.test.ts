import { buildCli, runBuiltCli } from "./built-cli";

let cli: string;
beforeAll(async () => {
  cli = await buildCli();
}, 60_000);

test("the compiled entry point sets the exit status and keeps stack traces out of stderr", () => {
  const missing = runBuiltCli(cli, ["normalize", "no-such-file.tsv", "--json"]);
  expect(missing.status).toBe(2);
  expect(missing.stdout).toBe("");
  expect(missing.stderr).toBe("找不到文件：no-such-file.tsv\n");

  const ok = runBuiltCli(cli, ["normalize", "samples/baiyun-2024.tsv", "--json"]);
  expect(ok.status).toBe(0);
  expect(() => JSON.parse(ok.stdout) as unknown).not.toThrow();
});

test("the bundle needs no TypeScript at run time: it is plain JavaScript that node runs", () => {
  const help = runBuiltCli(cli, ["--help", "--lang", "en"]);
  expect(help.status).toBe(0);
  expect(help.stdout).toContain("Exit status");
});
