/**
 * Text files as Excel users save them: UTF-8 with or without a byte-order mark, "Unicode text" (UTF-16LE with
 * a BOM, or without one as some tools write it), and GB18030/GBK, what Excel on Chinese Windows writes for
 * "Text (Tab delimited)" and CSV.
 *
 * A file that is overwhelmingly valid UTF-8 is UTF-8 even with a stray byte or two (a file cut and joined, one
 * character typed in another program): switching the whole file to GB18030 would garble every character. The
 * bad bytes become U+FFFD and their positions are reported, so the clerk can look at the cells they fell in.
 */
export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be" | "gb18030";

/** Bytes that are not UTF-8: where they start in the file, and where their U+FFFD is in the decoded text. */
export interface InvalidBytes {
  readonly byteOffset: number;
  readonly textOffset: number;
}

export interface DecodedText {
  readonly text: string;
  readonly encoding: TextEncodingName;
  /** For a UTF-8 file read despite bytes that are not UTF-8: each bad sequence; else empty. */
  readonly invalidBytes: readonly InvalidBytes[];
}

/**
 * At most this share of a file's non-ASCII sequences may be invalid for it still to be read as UTF-8. Chinese
 * text in GBK is about nine tenths invalid as UTF-8 (a GBK pair is a valid UTF-8 pair by chance only), so one
 * in a hundred is far from either.
 */
const MAX_INVALID_SHARE = 0.01;

/** Bytes looked at to tell UTF-16 without a byte-order mark. */
const SNIFF_BYTES = 64 * 1024;

/**
 * BOM → that encoding; else UTF-16 told by its zero bytes (ASCII in UTF-16 has a zero in every other byte; a
 * text file in UTF-8 or GBK has none); else UTF-8 when it is valid or overwhelmingly so; else GB18030 (a
 * superset of GBK and GB2312).
 */
export function decodeTextFile(bytes: Uint8Array): DecodedText {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) return decodeUtf8(bytes, 3);
  if (b0 === 0xff && b1 === 0xfe)
    return {
      text: new TextDecoder("utf-16le").decode(bytes.subarray(2)),
      encoding: "utf-16le",
      invalidBytes: [],
    };
  if (b0 === 0xfe && b1 === 0xff)
    return {
      text: new TextDecoder("utf-16be").decode(bytes.subarray(2)),
      encoding: "utf-16be",
      invalidBytes: [],
    };
  const utf16 = sniffUtf16(bytes);
  if (utf16 !== null)
    return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16, invalidBytes: [] };
  const utf8 = decodeUtf8(bytes, 0);
  if (utf8.invalidBytes.length === 0) return utf8;
  const sequences = countNonAsciiSequences(bytes);
  if (utf8.invalidBytes.length <= Math.max(1, sequences * MAX_INVALID_SHARE)) return utf8;
  return { text: new TextDecoder("gb18030").decode(bytes), encoding: "gb18030", invalidBytes: [] };
}

/**
 * UTF-16 without a byte-order mark: an even length, zero bytes in at least a tenth of the byte pairs, and all
 * of them on one side (the high byte of ASCII characters: odd offsets for little-endian, even for big-endian).
 */
function sniffUtf16(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  const n = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  if (n < 4 || bytes.length % 2 !== 0) return null;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) zeroEven++;
    if (bytes[i + 1] === 0) zeroOdd++;
  }
  const pairs = n / 2;
  if (zeroOdd >= pairs / 10 && zeroEven === 0) return "utf-16le";
  if (zeroEven >= pairs / 10 && zeroOdd === 0) return "utf-16be";
  return null;
}

/** Multi-byte sequences a UTF-8 reading starts (lead bytes 0xC2–0xF4), for the share of invalid ones. */
function countNonAsciiSequences(bytes: Uint8Array): number {
  let count = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0xc0) count++;
  return count;
}

/**
 * UTF-8 decoded as the WHATWG decoder does (one U+FFFD per maximal invalid subpart), remembering where each
 * U+FFFD came from. Valid stretches are decoded by TextDecoder; only the bad bytes are handled here.
 */
function decodeUtf8(bytes: Uint8Array, from: number): DecodedText {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  try {
    return { text: decoder.decode(bytes.subarray(from)), encoding: "utf-8", invalidBytes: [] };
  } catch {
    // Fall through: find the bad sequences.
  }
  const invalidBytes: InvalidBytes[] = [];
  let text = "";
  let start = from;
  let i = from;
  const n = bytes.length;
  while (i < n) {
    const length = validSequenceLength(bytes, i);
    if (length > 0) {
      i += length;
      continue;
    }
    text += decoder.decode(bytes.subarray(start, i));
    invalidBytes.push({ byteOffset: i, textOffset: text.length });
    text += "\ufffd";
    i += maximalSubpart(bytes, i);
    start = i;
  }
  text += decoder.decode(bytes.subarray(start, n));
  return { text, encoding: "utf-8", invalidBytes };
}

/**
 * What a lead byte asks of the bytes after it (RFC 3629's table): how many continuation bytes, and the range of the
 * first one (E0 needs A0–BF so that no overlong form passes, ED needs 80–9F so that no surrogate does, F0 and F4 bound
 * the code point to U+10000–U+10FFFF). Null for a byte that cannot start a sequence of two or more.
 */
function leadByte(b: number): { need: number; low: number; high: number } | null {
  if (b >= 0xc2 && b <= 0xdf) return { need: 1, low: 0x80, high: 0xbf };
  if (b >= 0xe0 && b <= 0xef)
    return { need: 2, low: b === 0xe0 ? 0xa0 : 0x80, high: b === 0xed ? 0x9f : 0xbf };
  if (b >= 0xf0 && b <= 0xf4)
    return { need: 3, low: b === 0xf0 ? 0x90 : 0x80, high: b === 0xf4 ? 0x8f : 0xbf };
  return null;
}

/** The length of the valid UTF-8 sequence at i, or 0 when the bytes there are not one. */
function validSequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  if (b < 0x80) return 1;
  const lead = leadByte(b);
  if (lead === null) return 0;
  for (let k = 1; k <= lead.need; k++) {
    const c = bytes[i + k];
    if (c === undefined) return 0;
    if (k === 1 ? c < lead.low || c > lead.high : c < 0x80 || c > 0xbf) return 0;
  }
  return lead.need + 1;
}

/** How many bytes one U+FFFD replaces at an invalid position (WHATWG: the lead and the continuations it took). */
function maximalSubpart(bytes: Uint8Array, i: number): number {
  const lead = leadByte(bytes[i]!);
  if (lead === null) return 1;
  let k = 1;
  for (; k <= lead.need; k++) {
    const c = bytes[i + k];
    if (c === undefined || c < (k === 1 ? lead.low : 0x80) || c > (k === 1 ? lead.high : 0xbf)) break;
  }
  return k;
}
