/**
 * Editing a start tag through a parsed view of it, never with a pattern on its text: XML lets a writer quote
 * with `'` or `"`, put blanks around `=`, and order attributes freely (`<c r='A1' s = "3">`), and a pattern that
 * expects `s="3"` misses such an attribute and adds a second one, which no reader accepts. `tag` is the text
 * between `<` and `>`, self-closing slash included (`xf numFmtId="0" fillId='2'/`).
 */
import { escapeXmlAttribute } from "../workbook/xml-text";

interface AttributeSpan {
  readonly name: string;
  /** From the blank before the name to after the closing quote. */
  readonly start: number;
  readonly end: number;
}

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** The attributes of a start tag, in order, with where each stands; stops at anything that is not one. */
function attributeSpans(tag: string): { spans: AttributeSpan[]; end: number } {
  const spans: AttributeSpan[] = [];
  const n = tag.length;
  let i = 0;
  while (i < n && !isBlank(tag.charCodeAt(i)) && tag.charCodeAt(i) !== 0x2f) i++;
  let end = i;
  for (;;) {
    const start = i;
    while (i < n && isBlank(tag.charCodeAt(i))) i++;
    const nameStart = i;
    while (i < n && tag.charCodeAt(i) !== 0x3d && !isBlank(tag.charCodeAt(i)) && tag.charCodeAt(i) !== 0x2f)
      i++;
    if (i === nameStart) break;
    const name = tag.slice(nameStart, i);
    while (i < n && isBlank(tag.charCodeAt(i))) i++;
    if (tag.charCodeAt(i) !== 0x3d) break;
    i++;
    while (i < n && isBlank(tag.charCodeAt(i))) i++;
    const quote = tag.charCodeAt(i);
    if (quote !== 0x22 && quote !== 0x27) break;
    const close = tag.indexOf(quote === 0x22 ? '"' : "'", i + 1);
    if (close < 0) break;
    i = close + 1;
    spans.push({ name, start, end: i });
    end = i;
  }
  return { spans, end };
}

/**
 * The tag with attributes set (a value) or removed (null): an attribute present is replaced where it stands,
 * whatever its quotes and blanks; a new one goes after the last attribute. Values are escaped here.
 * (`c r='A1' s = '2'`, {s: "5"}) → `c r='A1' s="5"`; (`xf fillId="0"/`, {applyFill: "1"}) → `xf fillId="0" applyFill="1"/`.
 */
export function setTagAttributes(tag: string, values: Readonly<Record<string, string | null>>): string {
  const { spans, end } = attributeSpans(tag);
  let out = "";
  let at = 0;
  const done = new Set<string>();
  for (const span of spans) {
    if (!Object.prototype.hasOwnProperty.call(values, span.name)) continue;
    const value = values[span.name];
    out += tag.slice(at, span.start);
    // A duplicate already written (a malformed tag) goes, so the output has each attribute once.
    if (value !== null && value !== undefined && !done.has(span.name))
      out += ` ${span.name}="${escapeXmlAttribute(value)}"`;
    done.add(span.name);
    at = span.end;
  }
  out += tag.slice(at, end);
  for (const [name, value] of Object.entries(values))
    if (value !== null && !done.has(name)) out += ` ${name}="${escapeXmlAttribute(value)}"`;
  return out + tag.slice(end);
}

/** An element's start tag with attributes set: (`<xf fillId='0'/>`, {fillId: "5"}) → `<xf fillId="5"/>`. */
export function setElementAttributes(
  element: string,
  values: Readonly<Record<string, string | null>>,
): string {
  const gt = startTagEnd(element, 1);
  if (!element.startsWith("<") || gt < 0) return element;
  return `<${setTagAttributes(element.slice(1, gt), values)}${element.slice(gt)}`;
}

/** The `>` that ends the start tag beginning before `from`, skipping quoted values; -1 when there is none. */
export function startTagEnd(text: string, from: number): number {
  let quote = 0;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 0x22 || c === 0x27) quote = c;
    else if (c === 0x3e) return i;
  }
  return -1;
}

/**
 * Where the root element's own children named in `names` start (the first of them), skipping everything nested
 * deeper: a worksheet's `<extLst>` is found, never the `<extLst>` inside a `<cfRule>` or a `<dataValidation>`.
 * The scan starts at `from`, which must be at the root's child level (after `</sheetData>`, say). -1 when none.
 */
export function firstRootChild(xml: string, names: ReadonlySet<string>, from: number): number {
  let depth = 0;
  let pos = from;
  for (;;) {
    const lt = xml.indexOf("<", pos);
    if (lt < 0) return -1;
    const c1 = xml.charCodeAt(lt + 1);
    if (c1 === 0x21 || c1 === 0x3f) {
      // A comment, CDATA or a processing instruction: no element in it counts.
      const close = xml.startsWith("<!--", lt) ? "-->" : xml.startsWith("<![CDATA[", lt) ? "]]>" : ">";
      const end = xml.indexOf(close, lt + 2);
      if (end < 0) return -1;
      pos = end + close.length;
      continue;
    }
    const gt = startTagEnd(xml, lt + 1);
    if (gt < 0) return -1;
    if (c1 === 0x2f) {
      // The root's own end tag ends the search.
      if (depth === 0) return -1;
      depth--;
    } else {
      if (depth === 0) {
        let nameEnd = lt + 1;
        while (nameEnd < gt && !isBlank(xml.charCodeAt(nameEnd)) && xml.charCodeAt(nameEnd) !== 0x2f)
          nameEnd++;
        const qualified = xml.slice(lt + 1, nameEnd);
        if (names.has(qualified.slice(qualified.indexOf(":") + 1))) return lt;
      }
      if (xml.charCodeAt(gt - 1) !== 0x2f) depth++;
    }
    pos = gt + 1;
  }
}
