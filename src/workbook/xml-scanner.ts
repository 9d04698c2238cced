/**
 * A streaming tokenizer for the SpreadsheetML parts the reader needs (sheet data, shared strings, workbook,
 * relationships). saxes, the maintained SAX parser ExcelJS uses, took about 200 ms in a cold process just to
 * parse the 10,000-project sheet and its shared strings (13 MB/s), most of the budget `check` has for
 * reading; this scanner finds tags with indexOf and reads attributes only when asked, and the whole read, grid
 * included, takes about as long as saxes' parse alone (see read-sheet-grid.ts for the fast path). Not validating,
 * it reads well-formed XML as Excel, LibreOffice, openpyxl and the .NET SDK write it, including
 * namespace prefixes (`<x:c>`), comments, processing instructions and CDATA.
 */
import { decodeXmlEntities } from "./xml-text";

export interface XmlHandler {
  /** `tag` is the raw text between `<` and `>` (for attribute look-ups); `name` has no namespace prefix. */
  open(name: string, tag: string, selfClosing: boolean): void;
  close(name: string): void;
  /** Character data as written (entities not decoded); CDATA is passed decoded-as-is with `cdata` true. */
  text(raw: string, cdata: boolean): void;
}

export class XmlSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "XmlSyntaxError";
  }
}

function localName(tag: string, start: number): string {
  let end = start;
  const n = tag.length;
  // `tag` may be the whole chunk: the name ends at the first blank, "/" or ">".
  while (end < n) {
    const c = tag.charCodeAt(end);
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x2f || c === 0x3e) break;
    end++;
  }
  let nameStart = start;
  for (let i = start; i < end; i++) if (tag.charCodeAt(i) === 0x3a) nameStart = i + 1;
  return tag.slice(nameStart, end);
}

/** End of a start tag: the `>` not inside a quoted attribute value (where XML allows a literal `>`). */
export function tagEnd(text: string, from: number): number {
  const gt = text.indexOf(">", from);
  if (gt < 0) return -1;
  const quote = text.slice(from, gt);
  if (quote.indexOf('"') < 0 && quote.indexOf("'") < 0) return gt;
  let q = 0;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (q !== 0) {
      if (c === q) q = 0;
    } else if (c === 0x22 || c === 0x27) q = c;
    else if (c === 0x3e) return i;
  }
  return -1;
}

/**
 * Tokens of `text` from `start`, to the handler. Returns where the first incomplete token starts (the caller
 * keeps that tail and appends the next chunk), or text.length when `final`.
 */
export function scanXml(text: string, start: number, handler: XmlHandler, final: boolean): number {
  let pos = start;
  const n = text.length;
  while (pos < n) {
    const lt = text.indexOf("<", pos);
    if (lt < 0) {
      if (!final) return pos;
      handler.text(text.slice(pos), false);
      return n;
    }
    if (lt > pos) handler.text(text.slice(pos, lt), false);
    pos = lt;
    const c1 = text.charCodeAt(lt + 1);
    if (c1 !== c1) return final ? fail("unexpected end") : lt; // NaN: the chunk ends at "<"
    if (c1 === 0x2f) {
      const gt = text.indexOf(">", lt);
      if (gt < 0) return final ? fail("unclosed end tag") : lt;
      handler.close(localName(text, lt + 2));
      pos = gt + 1;
    } else if (c1 === 0x3f) {
      const end = text.indexOf("?>", lt);
      if (end < 0) return final ? fail("unclosed processing instruction") : lt;
      pos = end + 2;
    } else if (c1 === 0x21) {
      if (text.startsWith("<!--", lt)) {
        const end = text.indexOf("-->", lt + 4);
        if (end < 0) return final ? fail("unclosed comment") : lt;
        pos = end + 3;
      } else if (text.startsWith("<![CDATA[", lt)) {
        const end = text.indexOf("]]>", lt + 9);
        if (end < 0) return final ? fail("unclosed CDATA") : lt;
        handler.text(text.slice(lt + 9, end), true);
        pos = end + 3;
      } else {
        // A document type declaration: SpreadsheetML has none; skip it without reading its internal subset.
        const end = tagEnd(text, lt);
        if (end < 0) return final ? fail("unclosed declaration") : lt;
        pos = end + 1;
      }
    } else {
      const gt = tagEnd(text, lt + 1);
      if (gt < 0) return final ? fail("unclosed start tag") : lt;
      const tag = text.slice(lt + 1, gt);
      const selfClosing = tag.charCodeAt(tag.length - 1) === 0x2f;
      const name = localName(tag, 0);
      handler.open(name, tag, selfClosing);
      if (selfClosing) handler.close(name);
      pos = gt + 1;
    }
  }
  return pos;
}

function fail(message: string): never {
  throw new XmlSyntaxError(message);
}

/**
 * The value of attribute `name` (no prefix, or a given prefix such as `r:id`) in a raw start tag, entities
 * decoded; null when absent. Reads the tag's attributes in order, so a value containing ` name="` is not
 * mistaken for the attribute.
 */
export function attribute(tag: string, name: string): string | null {
  const n = tag.length;
  let i = 0;
  // Skip the element name.
  while (i < n && !isSpace(tag.charCodeAt(i))) i++;
  while (i < n) {
    while (i < n && isSpace(tag.charCodeAt(i))) i++;
    const nameStart = i;
    while (i < n && tag.charCodeAt(i) !== 0x3d && !isSpace(tag.charCodeAt(i))) i++;
    const attrName = tag.slice(nameStart, i);
    while (i < n && isSpace(tag.charCodeAt(i))) i++;
    if (tag.charCodeAt(i) !== 0x3d) return null;
    i++;
    while (i < n && isSpace(tag.charCodeAt(i))) i++;
    const quote = tag.charCodeAt(i);
    if (quote !== 0x22 && quote !== 0x27) return null;
    const end = tag.indexOf(quote === 0x22 ? '"' : "'", i + 1);
    if (end < 0) return null;
    if (attrName === name) return decodeXmlEntities(tag.slice(i + 1, end));
    i = end + 1;
  }
  return null;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/**
 * Feeds a part's bytes, chunk by chunk, through the scanner: decodes UTF-8 (or UTF-16 when the part starts with
 * its byte-order mark) incrementally and keeps only the incomplete tail between chunks.
 */
/** Scans complete tokens of `text`; returns where the incomplete tail starts (text.length when `final`). */
export type ChunkScanner = (text: string, final: boolean) => number;

export class XmlStream {
  private tail = "";
  private decoder: TextDecoder | null = null;
  private readonly scan: ChunkScanner;

  constructor(
    handler: XmlHandler | ChunkScanner,
    /** A token longer than this (a runaway tag or text) is refused rather than buffered without end. */
    private readonly maxTail = 1 << 25,
  ) {
    this.scan = typeof handler === "function" ? handler : (text, final) => scanXml(text, 0, handler, final);
  }

  push(chunk: Uint8Array): void {
    if (!this.decoder) this.decoder = new TextDecoder(sniffEncoding(chunk));
    const text = this.tail + this.decoder.decode(chunk, { stream: true });
    const used = this.scan(text, false);
    this.tail = used === text.length ? "" : text.slice(used);
    if (this.tail.length > this.maxTail) throw new XmlSyntaxError("token too long");
  }

  end(): void {
    const text = this.tail + (this.decoder ? this.decoder.decode() : "");
    this.tail = "";
    this.scan(text, true);
  }
}

function sniffEncoding(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return "utf-8";
}

/** A whole small part (workbook, relationships, styles) through the scanner. */
export function scanXmlBytes(bytes: Uint8Array, handler: XmlHandler): void {
  const stream = new XmlStream(handler, Number.MAX_SAFE_INTEGER);
  stream.push(bytes);
  stream.end();
}
