/**
 * A web page saved as one file (MHTML, RFC 2557): Chrome's and 360's "网页，单个文件" (.mhtml), Internet Explorer's
 * "Web 档案，单个文件" (.mht), Excel's "单个文件网页" (.mht), and systems that export such a file under an .xls name.
 * It is a MIME message: headers, then parts between `--boundary` lines, each with its own headers (its type,
 * charset and transfer encoding: quoted-printable or base64). The pages (the `text/html` parts) are returned as
 * text, in the file's order, for read-html-table.ts; images and style sheets are left out.
 */
import { decodeTextFile } from "./decode-text-file";

/** Latin-1: one character per byte, so the MIME structure (ASCII) can be read before any charset is known. */
function latin1(bytes: Uint8Array): string {
  let out = "";
  for (let k = 0; k < bytes.length; k += 8192)
    out += String.fromCharCode.apply(null, Array.from(bytes.subarray(k, k + 8192)));
  return out;
}

/** Headers up to the first blank line, folded lines unfolded; names lower-cased. */
function readHeaders(text: string): { headers: Map<string, string>; body: number } {
  // The blank line ending the headers: `\r\n\r\n` or `\n\n`.
  const end = /\r?\n\r?\n/.exec(text);
  const block = end ? text.slice(0, end.index) : text;
  const headers = new Map<string, string>();
  // A header line with its folded continuations: `Content-Type: multipart/related;\r\n\tboundary="…"`.
  for (const line of block.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body: end ? end.index + end[0].length : text.length };
}

/** A header's parameter: `boundary="----=_NextPart_01DA"` → `----=_NextPart_01DA`, `charset=gb2312` → `gb2312`. */
function parameter(header: string | undefined, name: string): string | null {
  if (header === undefined) return null;
  const m = new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, "i").exec(header);
  return m ? (m[1] ?? m[2] ?? null) : null;
}

/** Quoted-printable (RFC 2045 6.7) to bytes: `=3D` → `=`, a soft line break `=\r\n` removed. */
function quotedPrintable(text: string): Uint8Array {
  const body = text.replace(/=\r?\n/g, "");
  const out: number[] = [];
  for (let k = 0; k < body.length; k++) {
    const c = body.charCodeAt(k);
    if (c === 0x3d && /^[0-9A-Fa-f]{2}$/.test(body.slice(k + 1, k + 3))) {
      out.push(parseInt(body.slice(k + 1, k + 3), 16));
      k += 2;
    } else out.push(c & 0xff);
  }
  return Uint8Array.from(out);
}

/** Base64 to bytes; a damaged body (a stray character, a cut end) gives what its whole quads hold, never a throw. */
function base64(text: string): Uint8Array {
  let digits = text.replace(/[^A-Za-z0-9+/]/g, "");
  // A lone sixth of a byte at the end is no byte; two or three digits are padded as the encoder would have.
  if (digits.length % 4 === 1) digits = digits.slice(0, -1);
  while (digits.length % 4 !== 0) digits += "=";
  const binary = atob(digits);
  const out = new Uint8Array(binary.length);
  for (let k = 0; k < binary.length; k++) out[k] = binary.charCodeAt(k);
  return out;
}

/** A part's bytes as text: in the charset its header names when the platform knows it, else as a text file. */
function partText(bytes: Uint8Array, charset: string | null): string {
  if (charset !== null) {
    try {
      // GB2312 pages hold GBK characters too: read them with the superset.
      const name = /^(gb2312|gbk|x-gbk)$/i.test(charset) ? "gb18030" : charset;
      return new TextDecoder(name).decode(bytes);
    } catch {
      // An unknown charset name: read the bytes as a text file is.
    }
  }
  return decodeTextFile(bytes).text;
}

/** The MIME headers an MHTML file starts with (Chrome: `From: <Saved by Blink>`; IE, Excel: `MIME-Version: 1.0`). */
export function isMhtml(start: string): boolean {
  const { headers } = readHeaders(start);
  return /^multipart\/related/i.test(headers.get("content-type") ?? "");
}

/** The pages of an MHTML file, as text; null when the bytes are not one. */
export function readMhtmlPages(bytes: Uint8Array): string[] | null {
  const text = latin1(bytes);
  const { headers, body } = readHeaders(text);
  const type = headers.get("content-type");
  const boundary = parameter(type, "boundary");
  if (!/^multipart\/related/i.test(type ?? "") || boundary === null || boundary === "") return null;
  const pages: string[] = [];
  const parts = text.slice(body).split(`--${boundary}`);
  // parts[0] is the preamble ("This is a multi-part message in MIME format."); the last one starts with `--`.
  for (const part of parts.slice(1)) {
    if (part.startsWith("--")) break;
    const { headers: partHeaders, body: at } = readHeaders(part.replace(/^\r?\n/, ""));
    const partType = partHeaders.get("content-type") ?? "text/html";
    if (!/^text\/html/i.test(partType)) continue;
    const raw = part.replace(/^\r?\n/, "").slice(at);
    const encoding = (partHeaders.get("content-transfer-encoding") ?? "").toLowerCase();
    const partBytes =
      encoding === "quoted-printable"
        ? quotedPrintable(raw)
        : encoding === "base64"
          ? base64(raw)
          : Uint8Array.from(raw, (ch) => ch.charCodeAt(0) & 0xff);
    pages.push(partText(partBytes, parameter(partType, "charset")));
  }
  return pages;
}
