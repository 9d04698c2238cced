/**
 * A page of the add-in in a JavaScript realm cut down to Internet Explorer 11's built-ins (Trident: the webview of
 * volume-licensed Office 2016/2019, Microsoft's "Browsers and webview controls used by Office Add-ins"), or, for
 * comparison, the same page with a modern engine's built-ins. Node's `vm` gives the realm its own intrinsics:
 * - gone: Promise, Symbol, Reflect, Proxy, WeakSet, BigInt, globalThis and the rest of MISSING below (ES2015+
 *   statics and prototype methods IE11 never had); Map and Set as IE11 has them; a RegExp constructor refusing the
 *   u, y and s flags, lookbehind and named groups, and every regex literal of a script checked for the same;
 * - a tripwire: once the page's scripts have loaded (and their polyfills have filled what they fill), every
 *   built-in still missing becomes a getter that logs its name and where it was read, and gives undefined, as
 *   IE11 would; the test fails on any entry;
 * - an IE11-shaped page built from the built HTML (ie11-page.js) and the fake host behind a membrane
 *   (membrane.ts), so the add-in's code reaches neither Node's built-ins nor the fake's.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { performance } from "perf_hooks";
import { runInContext, createContext, type Context } from "vm";
import { tokenizer } from "acorn";
import { createMembrane, type Membrane } from "./membrane";
import { htmlTree } from "./html-tree";

/**
 * What IE11 lacks, by where it would live ("Promise" on the global object; "Array.prototype.includes"). From the
 * ES2015–ES2024 tables of MDN's browser-compatibility data, IE column; %TypedArray% is the typed arrays'
 * shared prototype (IE11's typed arrays have only set and subarray).
 */
export const MISSING: readonly string[] = [
  ...[
    "Promise",
    "Symbol",
    "Reflect",
    "Proxy",
    "WeakSet",
    "WeakRef",
    "FinalizationRegistry",
    "BigInt",
    "BigInt64Array",
    "BigUint64Array",
    "globalThis",
    "AggregateError",
    "Atomics",
    "SharedArrayBuffer",
    "queueMicrotask",
    "Iterator",
    "URL",
    "URLSearchParams",
    "fetch",
    "TextEncoder",
    "TextDecoder",
    "structuredClone",
  ],
  ...prefixed("Object.", [
    "assign",
    "entries",
    "values",
    "fromEntries",
    "getOwnPropertyDescriptors",
    "is",
    "getOwnPropertySymbols",
    "hasOwn",
    "groupBy",
  ]),
  ...prefixed("Array.", ["from", "of", "fromAsync"]),
  ...prefixed("Number.", [
    "isInteger",
    "isSafeInteger",
    "isFinite",
    "isNaN",
    "EPSILON",
    "MAX_SAFE_INTEGER",
    "MIN_SAFE_INTEGER",
    "parseFloat",
    "parseInt",
  ]),
  ...prefixed("Math.", [
    "trunc",
    "sign",
    "log10",
    "log2",
    "log1p",
    "expm1",
    "cosh",
    "sinh",
    "tanh",
    "acosh",
    "asinh",
    "atanh",
    "hypot",
    "imul",
    "fround",
    "clz32",
    "cbrt",
  ]),
  ...prefixed("String.", ["fromCodePoint", "raw"]),
  ...prefixed("Array.prototype.", [
    "find",
    "findIndex",
    "findLast",
    "findLastIndex",
    "fill",
    "copyWithin",
    "entries",
    "keys",
    "values",
    "includes",
    "flat",
    "flatMap",
    "at",
    "toReversed",
    "toSorted",
    "toSpliced",
    "with",
  ]),
  ...prefixed("String.prototype.", [
    "includes",
    "startsWith",
    "endsWith",
    "repeat",
    "padStart",
    "padEnd",
    "codePointAt",
    "normalize",
    "trimStart",
    "trimEnd",
    "matchAll",
    "replaceAll",
    "at",
    "isWellFormed",
    "toWellFormed",
  ]),
  // Not `flags`: the realm's own String#split and #replace (V8's, standing in for IE11's) read it internally.
  ...prefixed("RegExp.prototype.", ["sticky", "unicode", "dotAll", "hasIndices", "unicodeSets"]),
  ...prefixed("%TypedArray%.", ["from", "of"]),
  ...prefixed("%TypedArray%.prototype.", [
    "fill",
    "find",
    "findIndex",
    "findLast",
    "findLastIndex",
    "includes",
    "indexOf",
    "lastIndexOf",
    "join",
    "map",
    "forEach",
    "filter",
    "reduce",
    "reduceRight",
    "slice",
    "sort",
    "some",
    "every",
    "reverse",
    "copyWithin",
    "entries",
    "keys",
    "values",
    "at",
    "toReversed",
    "toSorted",
    "with",
  ]),
];

function prefixed(prefix: string, names: readonly string[]): string[] {
  return names.map((n) => `${prefix}${n}`);
}

/** Realm-side: resolves "Array.prototype.includes" to [holder, "includes"]; strips or arms every path. */
const REALM_PATHS = `
(function (global) {
  function holderOf(path) {
    var parts = path.split(".");
    var holder = global;
    for (var i = 0; i < parts.length - 1; i++) {
      var part = parts[i];
      holder = part === "%TypedArray%" ? Object.getPrototypeOf(global.Uint8Array) : holder[part];
      if (holder === undefined || holder === null) return null;
    }
    return { holder: holder, name: parts[parts.length - 1] };
  }
  global.__strip = function (paths) {
    for (var i = 0; i < paths.length; i++) {
      var at = holderOf(paths[i]);
      if (at) delete at.holder[at.name];
    }
  };
  global.__arm = function (paths, trips) {
    var armed = [];
    for (var i = 0; i < paths.length; i++) {
      var at = holderOf(paths[i]);
      if (!at || Object.prototype.hasOwnProperty.call(at.holder, at.name)) continue;
      (function (path, holder, name) {
        Object.defineProperty(holder, name, {
          configurable: true,
          get: function () {
            trips.push(path + " read " + (new Error().stack || "").split("\\n").slice(2, 5).join(" | "));
            return undefined;
          },
          set: function (value) {
            Object.defineProperty(this, name, { value: value, writable: true, configurable: true });
          },
        });
      })(paths[i], at.holder, at.name);
      armed.push(paths[i]);
    }
    return armed;
  };
})(this);
`;

export interface PageOptions {
  /** IE11's built-ins (true) or a modern engine's (false, the reference run). */
  readonly ie11: boolean;
  /** The page's address, with its query string. */
  readonly href: string;
  /** The built page's HTML (its tree becomes the DOM). */
  readonly html: string;
  /** The webview's language (navigator.language). */
  readonly language?: string;
  /** Globals the host gives the page (Office, Excel; WPS's Application), from this realm: passed through the membrane. */
  readonly hostGlobals?: Readonly<Record<string, unknown>>;
}

/** One page of the add-in in its own realm. */
export class PageRealm {
  readonly context: Context;
  readonly membrane: Membrane;
  /** Missing built-ins read after the page loaded, and RegExps IE11 refuses: each one fails the test. */
  readonly trips: string[] = [];
  /** What the page wrote to the console. */
  readonly console: string[] = [];
  /** Errors that reached the page's window.onerror (or had none to reach). */
  readonly uncaught: string[] = [];
  /**
   * How long each of the page's tasks held the thread, in ms: every call from outside into the page's code
   * (a timer, a promise job the fake settles, a host callback, a click) measured from entry to return.
   */
  readonly slices: number[] = [];
  private depth = 0;
  private started = 0;
  private readonly realmTrips: unknown[];
  private armed = false;
  private readonly global: Record<string, unknown>;

  constructor(readonly options: PageOptions) {
    this.context = createContext({});
    this.global = runInContext("this", this.context) as Record<string, unknown>;
    const realm = this.global;
    const realmArray = realm.Array as ArrayConstructor;
    const realmObject = realm.Object as ObjectConstructor;
    const realmError = realm.Error as ErrorConstructor;
    this.membrane = createMembrane(
      {
        newArray: () => new realmArray(),
        newObject: () => new realmObject() as Record<string, unknown>,
        newError: (name, message) => {
          const error = new realmError(message);
          error.name = name;
          return error;
        },
        isArray: (value) => value instanceof realmArray,
        isPlainObject: (value) =>
          typeof value === "object" &&
          value !== null &&
          (Object.getPrototypeOf(value) === realmObject.prototype || Object.getPrototypeOf(value) === null),
        isError: (value) => value instanceof realmError,
      },
      {
        enter: () => {
          if (this.depth++ === 0) this.started = performance.now();
        },
        leave: () => {
          if (--this.depth === 0) this.endSlice();
        },
      },
    );
    this.realmTrips = runInContext("[]", this.context) as unknown[];
    runInContext(REALM_PATHS, this.context);
    if (options.ie11) (realm.__strip as (paths: unknown) => void)(this.inward(MISSING));
    const lines = this.console;
    const log =
      (level: string) =>
      (...args: unknown[]): void =>
        void lines.push(`${level}: ${args.map((a) => (a instanceof Error ? a.stack : String(a))).join(" ")}`);
    realm.__host = this.membrane.inward({
      ie11: options.ie11,
      href: options.href,
      language: options.language ?? "zh-CN",
      pageTree: JSON.stringify(htmlTree(options.html)),
      console: { log: log("log"), info: log("info"), warn: log("warn"), error: log("error") },
      setTimeout: (f: () => void, ms?: number) => setTimeout(f, ms),
      clearTimeout: (t: NodeJS.Timeout) => clearTimeout(t),
      setInterval: (f: () => void, ms?: number) => setInterval(f, ms),
      clearInterval: (t: NodeJS.Timeout) => clearInterval(t),
      refusedRegExp: (why: string) => void this.trips.push(`RegExp refused: ${why}`),
      armed: () => this.armed,
    });
    runInContext(readFileSync(join(__dirname, "ie11-page.js"), "utf8"), this.context, {
      filename: "ie11-page.js",
    });
    delete realm.__host;
    for (const [name, value] of Object.entries(options.hostGlobals ?? {})) realm[name] = this.inward(value);
  }

  inward(value: unknown): unknown {
    return this.membrane.inward(value);
  }

  /** The realm's global object (window). */
  get window(): Record<string, unknown> {
    return this.global;
  }

  get document(): RealmDocument {
    return this.global.document as RealmDocument;
  }

  /**
   * Runs one of the page's scripts, as a <script> would: an exception goes to window.onerror (and is kept). In the
   * IE11 realm its regex literals are checked first: a flag or syntax IE11 refuses is a trip.
   */
  load(path: string): void {
    const source = readFileSync(path, "utf8");
    const name = path.replace(/^.*[\\/]/, "");
    if (this.options.ie11) for (const why of refusedRegexLiterals(source)) this.trips.push(`${name}: ${why}`);
    try {
      runInContext(source, this.context, { filename: name });
    } catch (error) {
      this.reportUncaught(error, name);
    }
  }

  /** Runs `work` as one task of the page (a click), timed like the others. */
  task<T>(work: () => T): T {
    if (this.depth++ === 0) this.started = performance.now();
    try {
      return work();
    } finally {
      if (--this.depth === 0) this.endSlice();
    }
  }

  /** Called when a slice ends (with its duration): a bench notes what the page showed then. */
  onSlice: ((ms: number) => void) | null = null;

  private endSlice(): void {
    const ms = performance.now() - this.started;
    this.slices.push(ms);
    this.onSlice?.(ms);
  }

  /**
   * Arms the tripwires: from now on a read of a missing built-in is logged. Returns the paths armed. Not the
   * RegExp flag getters: core-js's flags helper reads every one of them on purpose and takes IE11's undefined as
   * "not set", exactly as it would there.
   */
  arm(): string[] {
    if (!this.options.ie11) return [];
    this.armed = true;
    return (this.global.__arm as (paths: unknown, trips: unknown) => string[])(
      this.inward(MISSING.filter((p) => !p.startsWith("RegExp.prototype."))),
      this.realmTrips,
    );
  }

  /** Trips so far: missing built-ins read since arm(), and refused RegExps. */
  allTrips(): string[] {
    return [...this.trips, ...this.realmTrips.map(String)];
  }

  /** DOMContentLoaded then load, on the document and the window, as the page finishes loading. */
  finishLoading(): void {
    const fire = this.global.__fireEvent as (target: unknown, type: string) => void;
    try {
      fire(this.document, "DOMContentLoaded");
      fire(this.global, "load");
    } catch (error) {
      this.reportUncaught(error, "load");
    }
  }

  private reportUncaught(error: unknown, source: string): void {
    // A realm's error is no instance of this realm's Object: read its fields as data.
    const fields = (typeof error === "object" && error !== null ? error : {}) as {
      message?: unknown;
      stack?: unknown;
    };
    const message = fields.message !== undefined ? String(fields.message) : String(error);
    this.uncaught.push(`${source}: ${fields.stack !== undefined ? String(fields.stack) : message}`);
    const onerror = this.global.onerror;
    if (typeof onerror === "function") onerror(message, source, 0, 0, error);
  }
}

/** The few DOM members the tests read from the realm's page. */
export interface RealmElement {
  readonly textContent: string;
  readonly hidden: boolean;
  readonly disabled: boolean;
  value: string;
  getAttribute(name: string): string | null;
  click(): void;
  getElementsByTagName(tag: string): RealmElement[];
}
export interface RealmDocument {
  getElementById(id: string): RealmElement | null;
  readonly body: RealmElement;
  readonly documentElement: RealmElement;
}

/**
 * Regex literals IE11 refuses, from the script's tokens: a u, y or s flag, lookbehind, a named group.
 * Examples refused: `/a/u`, `/(?<=a)b/`, `/(?<y>\d+)/`.
 */
export function refusedRegexLiterals(source: string): string[] {
  const refused: string[] = [];
  for (const token of tokenizer(source, { ecmaVersion: "latest" })) {
    const value = (token as unknown as { value?: { pattern?: string; flags?: string } }).value;
    if (token.type.label !== "regexp" || !value || value.pattern === undefined) continue;
    if (/[uys]/.test(value.flags ?? "") || /\(\?<[=!A-Za-z_$]|\\k</.test(value.pattern))
      refused.push(`regex literal /${value.pattern}/${value.flags ?? ""}`);
  }
  return refused;
}
