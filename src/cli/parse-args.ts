import { readLocale, readTolerance, type Locale } from "../core";
import type { CliMessages } from "./messages";

export interface InputOptions {
  readonly sheet?: string;
  readonly tolerance?: number;
}

export type CliCommand =
  | { readonly kind: "help" }
  | { readonly kind: "demo" }
  | ({
      readonly kind: "normalize";
      readonly file: string;
      readonly json: boolean;
      readonly output: string | null;
    } & InputOptions)
  | ({
      readonly kind: "compare";
      readonly last: string;
      readonly current: string;
      readonly json: boolean;
      readonly output: string | null;
    } & InputOptions)
  | ({
      readonly kind: "check";
      readonly files: readonly string[];
      readonly format: "text" | "json";
    } & InputOptions);

export type ParsedArgs =
  | { readonly ok: true; readonly locale: Locale; readonly command: CliCommand }
  /** `message` picks the sentence from the user's message table. */
  | { readonly ok: false; readonly locale: Locale; readonly message: (m: CliMessages) => string };

const VALUE_OPTIONS = new Set(["--lang", "--sheet", "--tolerance", "--format", "-o", "--output"]);
const FLAG_OPTIONS = new Set(["--json", "--help", "-h"]);

/**
 * argv after the script name → a command. `--name value` and `--name=value` both work; options may come
 * before or after the files. The language is settled first so that even an argument error is in it.
 */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const positionals: string[] = [];
  const values = new Map<string, string>();
  const flags = new Set<string>();
  let langError: string | null = null;
  let error: ((m: CliMessages) => string) | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    const eq = arg.startsWith("--") ? arg.indexOf("=") : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (VALUE_OPTIONS.has(name)) {
      const next = argv[i + 1];
      // `-o --json` is a forgotten value, not an output file called "--json".
      const nextIsOption =
        next !== undefined && (VALUE_OPTIONS.has(next.split("=")[0]!) || FLAG_OPTIONS.has(next));
      const value = eq > 0 ? arg.slice(eq + 1) : nextIsOption ? undefined : argv[++i];
      if (value === undefined) error ??= (m) => m.missingValue(name);
      else values.set(name === "--output" ? "-o" : name, value);
    } else if (FLAG_OPTIONS.has(arg)) {
      flags.add(arg === "-h" ? "--help" : arg);
    } else if (arg.startsWith("-") && arg !== "-") {
      error ??= (m) => m.unknownOption(arg);
    } else {
      positionals.push(arg);
    }
  }
  const lang = values.get("--lang");
  const readLang = readLocale(lang);
  const locale: Locale = readLang.ok ? readLang.value : "zh-CN";
  if (!readLang.ok) langError = readLang.raw;
  const fail = (message: (m: CliMessages) => string): ParsedArgs => ({ ok: false, locale, message });
  if (langError !== null) return fail((m) => m.badLanguage(langError!));
  if (flags.has("--help") || positionals.length === 0) return { ok: true, locale, command: { kind: "help" } };
  if (error) return fail(error);

  const [name, ...rest] = positionals as [string, ...string[]];
  const input: { sheet?: string; tolerance?: number } = {};
  const sheet = values.get("--sheet");
  if (sheet !== undefined) input.sheet = sheet;
  const tolerance = values.get("--tolerance");
  if (tolerance !== undefined) {
    // An option given with an empty value is a mistake on the command line, not a request for the default.
    const read = readTolerance(tolerance);
    if (!read.ok || read.value === undefined) return fail((m) => m.badTolerance(tolerance));
    input.tolerance = read.value;
  }
  switch (name) {
    case "demo":
      if (rest.length > 0) return fail((m) => m.extraArgument(rest[0]!));
      return { ok: true, locale, command: { kind: "demo" } };
    case "normalize": {
      if (rest.length === 0) return fail((m) => m.missingFile);
      if (rest.length > 1) return fail((m) => m.extraArgument(rest[1]!));
      const json = flags.has("--json");
      const output = values.get("-o") ?? null;
      if (json && output !== null) return fail((m) => m.jsonAndOutput);
      return { ok: true, locale, command: { kind: "normalize", file: rest[0]!, json, output, ...input } };
    }
    case "compare": {
      if (rest.length < 2) return fail((m) => m.compareNeedsTwo);
      if (rest.length > 2) return fail((m) => m.extraArgument(rest[2]!));
      const json = flags.has("--json");
      const output = values.get("-o") ?? null;
      if (json && output !== null) return fail((m) => m.jsonAndOutput);
      return {
        ok: true,
        locale,
        command: { kind: "compare", last: rest[0]!, current: rest[1]!, json, output, ...input },
      };
    }
    case "check": {
      if (rest.length === 0) return fail((m) => m.missingFile);
      const format = values.get("--format") ?? "text";
      if (format !== "text" && format !== "json") return fail((m) => m.badFormat(format));
      return { ok: true, locale, command: { kind: "check", files: rest, format, ...input } };
    }
    default:
      return fail((m) => m.unknownCommand(name));
  }
}
