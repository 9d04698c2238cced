/**
 * Edits styles.xml as text, appending only: the fills, fonts, number formats and cell formats (xf) the marks
 * and the new sheets need. Existing records keep their index, so every cell of the workbook keeps its look;
 * an identical record already present is reused, so re-runs do not grow the file.
 */
import { attribute } from "../workbook/xml-scanner";
import { setElementAttributes, setTagAttributes, startTagEnd } from "./start-tag";

const SECTIONS = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs"] as const;
type Section = (typeof SECTIONS)[number];
const CHILD: Readonly<Record<Section, string>> = {
  numFmts: "numFmt",
  fonts: "font",
  fills: "fill",
  borders: "border",
  cellStyleXfs: "xf",
  cellXfs: "xf",
};

/** Built-in number formats (ECMA-376 Part 1, §18.8.30) the plan and the text sheet use. */
const BUILTIN_FORMATS: Readonly<Record<string, number>> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "@": 49,
};

/** The minimal styles part for a new package (Excel's defaults: Calibri-like 11 pt, no fill, gray125). */
export const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  "</styleSheet>";

interface SectionState {
  items: string[];
  added: string[];
}

export class StylesPart {
  private readonly prefix: string;
  private readonly sections = new Map<Section, SectionState>();

  constructor(private readonly xml: string) {
    const root = /<(\w+:)?styleSheet\b/.exec(xml);
    this.prefix = root?.[1] ?? "";
  }

  private section(name: Section): SectionState {
    let state = this.sections.get(name);
    if (!state) {
      state = { items: this.readItems(name), added: [] };
      this.sections.set(name, state);
    }
    return state;
  }

  private readItems(name: Section): string[] {
    const range = sectionRange(this.xml, name);
    if (!range) return [];
    const body = this.xml.slice(range.bodyStart, range.bodyEnd);
    const child = CHILD[name];
    // One child element, empty or with content: `<xf …/>`, `<font><b/>…</font>`, `<x:fill>…</x:fill>`.
    const pattern = new RegExp(`<(?:\\w+:)?${child}\\b[^>]*?(?:/>|>[\\s\\S]*?</(?:\\w+:)?${child}>)`, "g");
    return body.match(pattern) ?? [];
  }

  count(name: Section): number {
    const state = this.section(name);
    return state.items.length + state.added.length;
  }

  /** The element at an index (existing or added). */
  item(name: Section, index: number): string | undefined {
    const state = this.section(name);
    return index < state.items.length ? state.items[index] : state.added[index - state.items.length];
  }

  /** Index of an identical record, else appends it. `xml` is written without prefix; the part's is added. */
  add(name: Section, xml: string): number {
    const state = this.section(name);
    const element = this.withPrefix(xml);
    const existing = state.items.indexOf(element);
    if (existing >= 0) return existing;
    const added = state.added.indexOf(element);
    if (added >= 0) return state.items.length + added;
    state.added.push(element);
    return state.items.length + state.added.length - 1;
  }

  /** The cell format's fill record (raw), for the record of what a mark covered. */
  fillOfXf(xfIndex: number): string | null {
    const xf = this.item("cellXfs", xfIndex);
    const fillId = xf ? Number(xfAttribute(xf, "fillId") ?? 0) : 0;
    return this.item("fills", fillId) ?? null;
  }

  /** A number format's id: built-in, or an existing or new custom one (ids from 164). */
  numberFormat(code: string): number {
    const builtin = BUILTIN_FORMATS[code];
    if (builtin !== undefined) return builtin;
    const state = this.section("numFmts");
    for (const item of [...state.items, ...state.added])
      if (xfAttribute(item, "formatCode") === code) return Number(xfAttribute(item, "numFmtId"));
    const ids = [...state.items, ...state.added].map((i) => Number(xfAttribute(i, "numFmtId") ?? 0));
    const id = Math.max(163, ...ids) + 1;
    state.added.push(
      this.withPrefix(setElementAttributes(`<numFmt numFmtId="${id}"/>`, { formatCode: code })),
    );
    return id;
  }

  /** The font every cell uses by default (index 0), for fonts derived from it. */
  defaultFont(): { size: string; name: string; extra: string } {
    const font = this.item("fonts", 0) ?? "";
    const val = (tag: string): string | null => {
      const open = new RegExp(`<(?:\\w+:)?${tag}\\b`).exec(font);
      if (!open) return null;
      const end = startTagEnd(font, open.index + 1);
      return end < 0 ? null : attribute(font.slice(open.index + 1, end), "val");
    };
    const family = val("family");
    const charset = val("charset");
    const scheme = val("scheme");
    return {
      size: val("sz") ?? "11",
      name: val("name") ?? "Calibri",
      extra:
        (family ? `<family val="${family}"/>` : "") +
        (charset ? `<charset val="${charset}"/>` : "") +
        (scheme ? `<scheme val="${scheme}"/>` : ""),
    };
  }

  /** Whether anything was added (else the part is copied unchanged). */
  get changed(): boolean {
    for (const state of this.sections.values()) if (state.added.length > 0) return true;
    return false;
  }

  toString(): string {
    let xml = this.xml;
    // Later sections first, so earlier offsets stay valid.
    for (const name of [...SECTIONS].reverse()) {
      const state = this.sections.get(name);
      if (!state || state.added.length === 0) continue;
      const range = sectionRange(xml, name);
      const total = state.items.length + state.added.length;
      const p = this.prefix;
      if (!range) {
        // Only numFmts may be missing in a valid part; it comes first in the style sheet.
        const root = /<(?:\w+:)?styleSheet\b[^>]*>/.exec(xml)!;
        const at = root.index + root[0].length;
        xml = `${xml.slice(0, at)}<${p}${name} count="${total}">${state.added.join("")}</${p}${name}>${xml.slice(at)}`;
        continue;
      }
      const startTag = xml.slice(range.start + 1, range.bodyStart - 1).replace(/\s*\/$/, "");
      const counted = `<${setTagAttributes(startTag, { count: String(total) })}>`;
      const body = xml.slice(range.bodyStart, range.bodyEnd) + state.added.join("");
      const endTag = range.end === range.bodyEnd ? `</${p}${name}>` : xml.slice(range.bodyEnd, range.end);
      xml = xml.slice(0, range.start) + counted + body + endTag + xml.slice(range.end);
    }
    return xml;
  }

  private withPrefix(xml: string): string {
    return this.prefix === "" ? xml : xml.replace(/<(\/?)([A-Za-z])/g, `<$1${this.prefix}$2`);
  }
}

/** An attribute of a record's start tag: `fillId` of `<xf numFmtId="0" fillId='2'/>` → "2" (entities decoded). */
export function xfAttribute(element: string, name: string): string | null {
  const end = startTagEnd(element, 1);
  return end < 0 ? null : attribute(element.slice(1, end), name);
}

/** The same record with attributes set: (`<xf fillId = '0'/>`, {fillId: "5"}) → `<xf fillId="5"/>`. */
export function withAttributes(element: string, values: Readonly<Record<string, string>>): string {
  return setElementAttributes(element, values);
}

/** Where a section's children are: after its start tag, before its end tag; null when it is absent. */
function sectionRange(
  xml: string,
  name: Section,
): { start: number; bodyStart: number; bodyEnd: number; end: number } | null {
  const open = new RegExp(`<(?:\\w+:)?${name}\\b[^>]*?(/?)>`).exec(xml);
  if (!open) return null;
  const start = open.index;
  const bodyStart = start + open[0].length;
  if (open[1] === "/") return { start, bodyStart, bodyEnd: bodyStart, end: bodyStart };
  const close = new RegExp(`</(?:\\w+:)?${name}>`).exec(xml.slice(bodyStart));
  if (!close) return null;
  return {
    start,
    bodyStart,
    bodyEnd: bodyStart + close.index,
    end: bodyStart + close.index + close[0].length,
  };
}
