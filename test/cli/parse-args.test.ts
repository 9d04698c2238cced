import { cliMessagesFor } from "../../src/cli/messages";
import { parseArgs } from "../../src/cli/parse-args";

describe("parseArgs", () => {
  test.each([
    [[], { kind: "help" }],
    [["--help"], { kind: "help" }],
    [["normalize", "a.tsv", "-h"], { kind: "help" }],
    [["demo"], { kind: "demo" }],
    [["normalize", "a.tsv", "--json"], { kind: "normalize", file: "a.tsv", json: true, output: null }],
    [
      ["normalize", "-o", "b.xlsx", "a.xlsx"],
      { kind: "normalize", file: "a.xlsx", json: false, output: "b.xlsx" },
    ],
    [
      ["normalize", "a.xlsx", "--sheet=表 1", "--tolerance", "0.01", "--output", "b.xlsx"],
      { kind: "normalize", file: "a.xlsx", json: false, output: "b.xlsx", sheet: "表 1", tolerance: 0.01 },
    ],
    [
      ["check", "a.tsv", "b.xlsx"],
      { kind: "check", files: ["a.tsv", "b.xlsx"], format: "text", summary: null },
    ],
    [
      ["check", "--format", "json", "a.tsv"],
      { kind: "check", files: ["a.tsv"], format: "json", summary: null },
    ],
    [["check", "--", "-odd.tsv"], { kind: "check", files: ["-odd.tsv"], format: "text", summary: null }],
    [
      ["check", "收到的表", "--summary", "汇总.XLSX"],
      { kind: "check", files: ["收到的表"], format: "text", summary: "汇总.XLSX" },
    ],
  ])("%j", (argv, command) => {
    expect(parseArgs(argv)).toEqual({ ok: true, locale: "zh-CN", command });
  });

  test.each([
    [["--lang", "en", "demo"], "en-US"],
    [["demo", "--lang=en-GB"], "en-US"],
    [["demo", "--lang", "zh"], "zh-CN"],
    [["demo"], "zh-CN"],
  ])("%j speaks %s", (argv, locale) => {
    expect(parseArgs(argv).locale).toBe(locale);
  });

  const en = cliMessagesFor("en-US");
  test.each([
    [["frobnicate"], 'Unknown command "frobnicate".'],
    [["check", "a.tsv", "--verbose"], 'Unknown option "--verbose".'],
    [["normalize"], "No input file given."],
    [["normalize", "a.tsv", "b.tsv"], 'Unexpected argument "b.tsv".'],
    [["normalize", "a.tsv", "--json", "-o", "x.xlsx"], "--json and -o cannot be used together."],
    [["normalize", "a.tsv", "--tolerance", "-1"], 'Tolerance "-1" is not a non-negative number.'],
    [["normalize", "a.tsv", "--tolerance", "abc"], 'Tolerance "abc" is not a non-negative number.'],
    [["check", "a.tsv", "--format", "xml"], 'Unsupported format "xml": use text or json.'],
    [
      ["check", "a.tsv", "--summary", "out.txt"],
      "The summary's file name must end in .xlsx or .csv: out.txt",
    ],
    [["normalize", "a.tsv", "-o"], "Option -o needs a value."],
  ])("%j is refused: %s", (argv, sentence) => {
    const parsed = parseArgs([...argv, "--lang", "en"]);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message(en)).toBe(sentence);
  });

  test("an unknown language is refused in Chinese", () => {
    const parsed = parseArgs(["demo", "--lang", "fr"]);
    expect(parsed.ok || parsed.message(cliMessagesFor(parsed.locale))).toBe(
      "不支持的语言「fr」：可用 zh-CN 或 en。",
    );
  });
});
