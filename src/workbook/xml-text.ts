/**
 * Text as SpreadsheetML stores it (ECMA-376 Part 1, §22.4.2.4 ST_Xstring). XML 1.0 cannot hold most C0 control
 * characters, U+FFFE, U+FFFF or a lone surrogate, so Excel writes each as `_xHHHH_` (its UTF-16 unit in hex);
 * a carriage return is written so too, because XML parsers turn a literal CR into LF. A literal `_xHHHH_` in the
 * text then needs its underscore escaped as `_x005F_`, or it would read back as the character it names.
 * Reading decodes both, in shared strings, inline strings and formula results alike.
 */

/**
 * Characters that need more than the plain text: markup (& < >), every character XML 1.0 forbids or a parser
 * would change (C0 controls but tab and LF, CR, U+FFFE, U+FFFF, any surrogate: pairs are checked one by one
 * below), and a literal escape. Matches, by example: `&`, `\u0001`, `\r`, `\uFFFE`, `_x000D_`.
 */
// eslint-disable-next-line no-control-regex -- matching the control characters XML 1.0 forbids is the point.
const NEEDS_ESCAPE = /[&<>\u0000-\u0008\u000B-\u001F\uD800-\uDFFF\uFFFE\uFFFF]|_x[0-9A-Fa-f]{4}_/;

function hex4(code: number): string {
  return code.toString(16).toUpperCase().padStart(4, "0");
}

/** `a<b` → `a&lt;b`; `\r` → `_x000D_`; `_x000D_` → `_x005F_x000D_`; a lone `\uD800` → `_xD800_`. */
export function escapeXmlText(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  let out = "";
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x26) out += "&amp;";
    else if (code === 0x3c) out += "&lt;";
    else if (code === 0x3e) out += "&gt;";
    else if ((code < 0x20 && code !== 0x09 && code !== 0x0a) || code === 0xfffe || code === 0xffff)
      out += `_x${hex4(code)}_`;
    else if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += text[i]! + text[i + 1]!;
        i++;
      } else out += `_x${hex4(code)}_`;
    } else if (code >= 0xdc00 && code <= 0xdfff) out += `_x${hex4(code)}_`;
    else if (code === 0x5f && isEscapeAt(text, i)) out += "_x005F_";
    else out += text[i]!;
  }
  return out;
}

/** Whether `_xHHHH_` starts at `i`. */
function isEscapeAt(text: string, i: number): boolean {
  if (text.charCodeAt(i + 1) !== 0x78 || text.charCodeAt(i + 6) !== 0x5f) return false;
  for (let k = i + 2; k < i + 6; k++) {
    const c = text.charCodeAt(k);
    const isHex = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
    if (!isHex) return false;
  }
  return true;
}

/** For attribute values: the text escapes plus the quote, and tab/LF as references so they are not blanked. */
export function escapeXmlAttribute(text: string): string {
  return escapeXmlText(text).replace(/["\t\n]/g, (c) =>
    c === '"' ? "&quot;" : c === "\t" ? "&#9;" : "&#10;",
  );
}

/**
 * The five predefined entities and character references: `&amp;` `&lt;` `&#13;` `&#x1F600;`. An unknown
 * entity is kept as written rather than dropped.
 */
const ENTITY = /&(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9A-Fa-f]+);/g;
const NAMED: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function decodeXmlEntities(raw: string): string {
  if (raw.indexOf("&") < 0) return raw;
  return raw.replace(ENTITY, (whole, name: string) => {
    if (name.charCodeAt(0) !== 0x23) return NAMED[name] ?? whole;
    const code = name.charCodeAt(1) === 0x78 ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** `_x000D_` → CR; `_x005F_x000D_` → the literal `_x000D_` (left to right, each escape read once). */
const OOXML_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

export function decodeOoxmlEscapes(text: string): string {
  if (text.indexOf("_x") < 0) return text;
  return text.replace(OOXML_ESCAPE, (_whole, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Element text as a cell holds it: entities, then Excel's escapes. */
export function decodeCellText(raw: string): string {
  return decodeOoxmlEscapes(decodeXmlEntities(raw));
}
