import type { Level } from "../model/analysis";
import * as chars from "../model/chars";

// Read once from chars.ts: under tsx every use of an imported name is a getter call (README, "Speed").
const {
  FULLWIDTH_LEFT_PAREN,
  FULLWIDTH_RIGHT_PAREN,
  FULLWIDTH_SEMICOLON,
  IDEOGRAPHIC_FULL_STOP,
  isColon,
  isDigit,
  LEFT_PAREN,
  RIGHT_PAREN,
  SEMICOLON,
} = chars;

/**
 * The indicator framework (DOMAIN.md) and the labels real tables write for it.
 *
 * Codes are the ones Guangdong's finance system prints: 1 产出 (11 数量 · 12 质量 · 13 时效 · 14 成本),
 * 2 效益 (21 经济 · 22 社会 · 23 生态 · 24 可持续影响), 3 满意度 (31 服务对象满意度).
 * The 2021 central guideline (财预〔2021〕101号) adds 成本指标 as a level-1 with 经济成本 · 社会成本 · 生态环境成本;
 * no system prints codes for those, so this module gives them codes of its own: 4 成本指标 with 41 经济成本指标,
 * 42 社会成本指标, 43 生态环境成本指标 (they only ever appear as `code` taken from the name, never as
 * `writtenCode`).
 */
export type LevelDepth = 1 | 2;

interface FrameworkEntry {
  readonly code: string;
  readonly name: string;
}

/** Level-1 labels without the trailing 指标 → framework entry. Legacy labels map to today's level. */
const LEVEL1_BY_KEY: Readonly<Record<string, FrameworkEntry>> = {
  产出: { code: "1", name: "产出指标" },
  预期产出: { code: "1", name: "产出指标" },
  项目完成: { code: "1", name: "产出指标" },
  效益: { code: "2", name: "效益指标" },
  效果: { code: "2", name: "效益指标" },
  满意度: { code: "3", name: "满意度指标" },
  社会公众或服务对象满意度: { code: "3", name: "满意度指标" },
  服务对象满意度: { code: "3", name: "满意度指标" },
  成本: { code: "4", name: "成本指标" },
};

/** Level-2 labels without the trailing 指标 → framework entry. */
const LEVEL2_BY_KEY: Readonly<Record<string, FrameworkEntry>> = {
  数量: { code: "11", name: "数量指标" },
  质量: { code: "12", name: "质量指标" },
  时效: { code: "13", name: "时效指标" },
  时效性: { code: "13", name: "时效指标" },
  成本: { code: "14", name: "成本指标" },
  经济效益: { code: "21", name: "经济效益指标" },
  社会效益: { code: "22", name: "社会效益指标" },
  生态效益: { code: "23", name: "生态效益指标" },
  生态环境效益: { code: "23", name: "生态效益指标" },
  环境效益: { code: "23", name: "生态效益指标" },
  可持续影响: { code: "24", name: "可持续影响指标" },
  可持续发展: { code: "24", name: "可持续影响指标" },
  可持续性: { code: "24", name: "可持续影响指标" },
  服务对象满意度: { code: "31", name: "服务对象满意度指标" },
  社会公众或服务对象满意度: { code: "31", name: "服务对象满意度指标" },
  社会公众满意度: { code: "31", name: "服务对象满意度指标" },
  满意度: { code: "31", name: "服务对象满意度指标" },
  经济成本: { code: "41", name: "经济成本指标" },
  社会成本: { code: "42", name: "社会成本指标" },
  生态环境成本: { code: "43", name: "生态环境成本指标" },
};

/** Which level-2 codes sit under which level-1 code. 14 (成本 under 产出) is the local tables' placement. */
const CHILDREN: Readonly<Record<string, readonly string[]>> = {
  "1": ["11", "12", "13", "14"],
  "2": ["21", "22", "23", "24"],
  "3": ["31"],
  "4": ["41", "42", "43"],
};

/** Keys longest first, so that 社会公众或服务对象满意度 wins over 满意度 and 生态环境成本 over 成本. */
const LEVEL1_KEYS = Object.keys(LEVEL1_BY_KEY).sort((a, b) => b.length - a.length);
const LEVEL2_KEYS = Object.keys(LEVEL2_BY_KEY).sort((a, b) => b.length - a.length);

const CODE_SEPARATORS = "-－—–_.．、";

/** Known labels by the code of their first character: most positions are rejected on one look. */
function byFirstChar(keys: readonly string[]): Map<number, string[]> {
  const map = new Map<number, string[]>();
  for (const key of keys) map.set(key.charCodeAt(0), [...(map.get(key.charCodeAt(0)) ?? []), key]);
  return map;
}
const LEVEL1_KEYS_BY_FIRST = byFirstChar(LEVEL1_KEYS);
const LEVEL2_KEYS_BY_FIRST = byFirstChar(LEVEL2_KEYS);
/** The characters a level-1 label can start with (产, 效, 满, …), for a quick look before a full match. */
export const LEVEL1_FIRST_CHARS: readonly string[] = [...LEVEL1_KEYS_BY_FIRST.keys()].map((c) =>
  String.fromCharCode(c),
);
/** The characters a level-2 label can start with (数, 质, 社, 服, …): an item led by its level-2 (`数量指标：…`). */
export const LEVEL2_FIRST_CHARS: readonly string[] = [...LEVEL2_KEYS_BY_FIRST.keys()].map((c) =>
  String.fromCharCode(c),
);

/**
 * The level-1 a framework level-2 belongs to, for an item that names only its level-2 (`数量指标：培训人数≥100人`):
 * 数量指标 → 产出指标, written "" (the table does not write it). Null for a level-2 outside the framework.
 */
export function level1Of(level2: Level): Level | null {
  const code = level2.name === null ? null : frameworkCode(level2.name, 2);
  const parent = code === null ? null : code.charAt(0);
  const name = parent === null ? null : (NAME_BY_CODE.get(parent) ?? null);
  return parent === null || name === null ? null : { code: parent, name, written: "", writtenCode: null };
}

const CODE_SEPARATOR_CODES = new Set(
  [...CODE_SEPARATORS].filter((ch) => ch !== "、").map((ch) => ch.charCodeAt(0)),
);
/** Dashes that join a path of levels: `-`, `－`, `—`, `–`. */
const PATH_DASH_CODES = new Set(["-", "－", "—", "–"].map((ch) => ch.charCodeAt(0)));
const STOP_CODES = new Set([FULLWIDTH_SEMICOLON, SEMICOLON, IDEOGRAPHIC_FULL_STOP]);
const MAX_CODE_DIGITS = 4;
/** Longest weight suffix looked at, e.g. `(50分)`, `（10.5分）`. */
const MAX_WEIGHT_LENGTH = 12;

/** "1-产出指标" → { code: "1", rest: "产出指标" }; "产出指标" → { code: null, rest: "产出指标" }. */
function splitCode(written: string): { code: string | null; rest: string } {
  let i = 0;
  while (i < written.length && i <= MAX_CODE_DIGITS && isDigit(written.charCodeAt(i))) i++;
  if (i === 0 || i > MAX_CODE_DIGITS) return { code: null, rest: written };
  const code = written.slice(0, i);
  if (i < written.length && CODE_SEPARATORS.includes(written[i]!)) i++;
  return { code, rest: written.slice(i) };
}

/**
 * A bracketed remark that does not end the label, or one longer than a weight: `产出(工作量)指标`,
 * `效益指标(经济效益、社会效益、环境效益、可持续影响等方面指标)`; not `产出指标(50分)` (a weight, see stripWeight).
 */
const INNER_REMARK = /[（(][^()（）]*[)）](?=.)|[（(][^()（）]{11,}[)）]/;
/** Every bracketed part, for removing them all once INNER_REMARK has found one: `(工作量)`, `（50分）`. */
const INNER_REMARK_ALL = /[（(][^()（）]*[)）]/g;

/** "产出指标(50分)" → "产出指标"; a trailing bracketed part is a weight or remark, not part of the name. */
function stripWeight(label: string): string {
  const last = label[label.length - 1];
  if (last !== ")" && last !== "）") return label;
  const open = Math.max(label.lastIndexOf("("), label.lastIndexOf("（"));
  return open > 0 && label.length - open <= MAX_WEIGHT_LENGTH ? label.slice(0, open) : label;
}

function keyOf(rest: string): string {
  // Letter-spaced and line-broken labels (`产 出 指 标`, `效果指⏎标`) are the same label.
  const spaced = /\s/.test(rest) ? rest.replace(/\s+/g, "") : rest.trim();
  // Remarks in brackets inside a label are not its name: `产出(工作量)指标(数量、质量、成本方面的指标)` → 产出指标.
  const bare = INNER_REMARK.test(spaced) ? spaced.replace(INNER_REMARK_ALL, "") : spaced;
  const name = stripWeight(bare.replace(LEADING_NUMBER, ""));
  const stem = name.endsWith("指标") ? name.slice(0, -2) : name;
  // `产出类`, `产出类指标`: the kind named with 类.
  return stem.length > 2 && stem.endsWith("类") ? stem.slice(0, -1) : stem;
}

/**
 * Numbering before a label as outlines write it: `一、`, `（二）`, `①`, `⑴`. Matches `一、` in `一、产出指标`, `①` in
 * `①数量指标`; not the code of `1-产出指标` (splitCode reads that).
 */
const LEADING_NUMBER =
  /^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[)）]|[\u2460-\u2487])/;

/**
 * The written label of a level-1 or level-2 indicator mapped to the framework: "1-产出指标", "产出",
 * "预期产出指标", "产出指标(50分)", "22-社会效益", "社会效益指标", "31-服务对象满意度". Unknown names keep
 * their written code (if any) and get name null.
 */
export function mapLevel(written: string, depth: LevelDepth): Level {
  const { code: writtenCode, rest } = splitCode(written.trim());
  const entry = (depth === 1 ? LEVEL1_BY_KEY : LEVEL2_BY_KEY)[keyOf(rest)];
  return {
    code: writtenCode ?? entry?.code ?? null,
    name: entry?.name ?? null,
    written,
    writtenCode,
  };
}

const LEVEL_CACHE_LIMIT = 4096;
const levelCaches: Record<LevelDepth, Map<string, Level>> = { 1: new Map(), 2: new Map() };
/** Per label: its Level when the whole text is one label (as matchLevelLabel reads it), else null. */
const wholeLabelCaches: Record<LevelDepth, Map<string, Level | null>> = { 1: new Map(), 2: new Map() };

/**
 * mapLevel through a small cache: a table repeats the same dozen labels thousands of times, and the same
 * label gets the same (read-only) Level object. The cache is emptied when a junk table fills it.
 */
export function cachedLevel(written: string, depth: LevelDepth): Level {
  const cache = levelCaches[depth];
  let level = cache.get(written);
  if (level === undefined) {
    level = mapLevel(written, depth);
    if (cache.size >= LEVEL_CACHE_LIMIT) cache.clear();
    cache.set(written, level);
  }
  return level;
}

/**
 * The Level of `written` when it is exactly one level label as matchLevelLabel reads one before its colon
 * (`1-产出指标`, `产出指标(50分)`, `1-产出类`), else null (`产出指标（`, `报废小车数量`). Cached like cachedLevel.
 */
export function wholeLevelLabel(written: string, depth: LevelDepth): Level | null {
  const cache = wholeLabelCaches[depth];
  let level = cache.get(written);
  if (level === undefined) {
    level =
      matchLevelLabel(`${written}：`, 0, depth, true) === written.length ? cachedLevel(written, depth) : null;
    if (cache.size >= LEVEL_CACHE_LIMIT) cache.clear();
    cache.set(written, level);
  }
  return level;
}

/** The framework code of a canonical or written name without code ("数量指标" → "11"), or null. */
export function frameworkCode(name: string, depth: LevelDepth): string | null {
  return (depth === 1 ? LEVEL1_BY_KEY : LEVEL2_BY_KEY)[keyOf(name)]?.code ?? null;
}

/** Canonical names by framework code ("1" → 产出指标, "12" → 质量指标). */
const NAME_BY_CODE: ReadonlyMap<string, string> = new Map(
  [...Object.values(LEVEL1_BY_KEY), ...Object.values(LEVEL2_BY_KEY)].map((e) => [e.code, e.name]),
);

/**
 * A framework level as a table writes it: "3" → "3-满意度指标" with its code, "满意度指标" without; the codes of
 * the 2021 guideline's 成本指标 (4, 41…) are this module's own and never written. Null for an unknown code.
 */
export function frameworkLabel(code: string, withCode: boolean): string | null {
  const name = NAME_BY_CODE.get(code);
  if (name === undefined) return null;
  return withCode && !code.startsWith("4") ? `${code}-${name}` : name;
}

/** Does level-2 code X belong to level-1 code Y? ("1", "12") → true; ("2", "31") → false. */
export function level2BelongsTo(level1Code: string, level2Code: string): boolean {
  return CHILDREN[level1Code]?.includes(level2Code) ?? false;
}

/**
 * The legacy label 社会公众或服务对象满意度指标 is written inside the 效益 block by older tables (DOMAIN.md): a
 * level pair that level2BelongsTo rejects but that is the old framework, not a mistake.
 */
export function isLegacySatisfactionUnderOutcome(level1: Level, level2: Level): boolean {
  return level1.code === "2" && keyOf(splitCode(level2.written.trim()).rest) === "社会公众或服务对象满意度";
}

/**
 * Where a level label starts at `pos` in cleaned text (no whitespace or markup): optional code and
 * separator, a known name (with or without 指标), an optional weight, then `：` or `:` (or a dash after a whole
 * `…指标`, in a path of levels). Returns the index of the colon (or dash), or -1. Bounded work per call (no scanning past the label), so callers stay linear.
 * With `allowUnknownCoded`, a coded label of an unknown name (`1-产出类：`) up to 12 characters also counts.
 */
export function matchLevelLabel(
  text: string,
  pos: number,
  depth: LevelDepth,
  allowUnknownCoded = false,
): number {
  let i = pos;
  while (i - pos <= MAX_CODE_DIGITS && isDigit(text.charCodeAt(i))) i++;
  const hasCode = i > pos;
  if (i - pos > MAX_CODE_DIGITS) return -1;
  let hasSeparator = false;
  if (hasCode && CODE_SEPARATOR_CODES.has(text.charCodeAt(i))) {
    i++;
    hasSeparator = true;
  }
  const nameStart = i;
  const candidates = (depth === 1 ? LEVEL1_KEYS_BY_FIRST : LEVEL2_KEYS_BY_FIRST).get(
    text.charCodeAt(nameStart),
  );
  if (!hasCode && candidates === undefined) return -1;
  let key: string | undefined;
  for (const k of candidates ?? []) {
    if (text.startsWith(k, nameStart)) {
      key = k;
      break;
    }
  }
  if (key !== undefined) {
    let j = nameStart + key.length;
    const named = text.startsWith("指标", j);
    if (named) j += 2;
    const open = text.charCodeAt(j);
    if (open === FULLWIDTH_LEFT_PAREN || open === LEFT_PAREN) {
      const limit = Math.min(text.length, j + MAX_WEIGHT_LENGTH);
      let k = j + 1;
      for (; k < limit; k++) {
        const c = text.charCodeAt(k);
        if (c === FULLWIDTH_RIGHT_PAREN || c === RIGHT_PAREN) break;
      }
      if (k < limit) j = k + 1;
    }
    if (isColon(text.charCodeAt(j))) return j;
    // A path of levels (`产出指标-数量指标-培训人次：≥500人次`): a dash after a whole `…指标` ends the label too.
    if (named && PATH_DASH_CODES.has(text.charCodeAt(j))) return j;
  }
  // An unknown name counts only with a code and its dash ("1-产出类："), never bare text ("12345热线：").
  if (!allowUnknownCoded || !hasSeparator) return -1;
  const limit = Math.min(text.length, nameStart + 12);
  for (let k = nameStart + 1; k < limit; k++) {
    const c = text.charCodeAt(k);
    if (isColon(c)) return k;
    if (STOP_CODES.has(c)) return -1;
  }
  return -1;
}
