/**
 * Text files as Excel users save them: UTF-8 with or without a byte-order mark, "Unicode text" (UTF-16LE with
 * a BOM), and GB18030/GBK, what Excel on Chinese Windows writes for "Text (Tab delimited)" and CSV.
 */
export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be" | "gb18030";

export interface DecodedText {
  readonly text: string;
  readonly encoding: TextEncodingName;
}

/** BOM → that encoding; else valid UTF-8 → UTF-8; else GB18030 (a superset of GBK and GB2312). */
export function decodeTextFile(bytes: Uint8Array): DecodedText {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8" };
  if (b0 === 0xff && b1 === 0xfe)
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  if (b0 === 0xfe && b1 === 0xff)
    return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("gb18030").decode(bytes), encoding: "gb18030" };
  }
}
