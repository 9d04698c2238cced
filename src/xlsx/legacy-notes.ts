/**
 * The plan's notes on the source sheet as Excel's notes (legacy comments, what ExcelJS calls `note`): a comments
 * part (`xl/commentsN.xml`, ECMA-376 Part 1 §18.7) with the text, and a VML drawing (`xl/drawings/vmlDrawingN.vml`)
 * that gives each note its hidden box, which Excel needs to show it on hover.
 *
 * The clerk's own comments come first:
 * - a cell that already has a comment (a note, or a threaded comment, which Excel also writes there) keeps it and
 *   gets no note of ours: it is counted as skipped;
 * - the sheet's comments part and VML drawing, when it has them, are edited in place: ours are added beside the
 *   clerk's, whose elements stay as written;
 * - the previous run's notes are recognised by their author (any language's) and removed first. A part left
 *   with nothing of the clerk's is removed, with its relationship and the sheet's `<legacyDrawing>`.
 */
import { parseCellAddress, type PlanNote } from "../core";
import { attribute } from "../workbook/xml-scanner";
import { decodeXmlEntities, escapeXmlAttribute, escapeXmlText } from "../workbook/xml-text";
import { firstRootChild, startTagEnd } from "./start-tag";
import {
  readPartText,
  readRelationships,
  relativeTarget,
  relsPathOf,
  relTypeIs,
  resolveTarget,
  type Relationship,
  type XlsxPackage,
} from "./xlsx-package";

export const NOTE_REL_TYPES = {
  comments: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments",
  vmlDrawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing",
} as const;

export const NOTE_CONTENT_TYPES = {
  comments: "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
  vml: "application/vnd.openxmlformats-officedocument.vmlDrawing",
} as const;

export interface NotesEdit {
  /** Parts written (new or rewritten), by name. */
  readonly parts: ReadonlyMap<string, string>;
  /** Parts removed (the previous run's, now empty). */
  readonly deleted: ReadonlySet<string>;
  /** The source sheet's relationships part as it must now be, or null when it does not change. */
  readonly sheetRels: string | null;
  /** The sheet XML with `<legacyDrawing>` added or removed as the parts need. */
  readonly editSheet: (xml: string) => string;
  /** Notes not written because the cell has a comment of the clerk's. */
  readonly skipped: number;
  /** Whether the package needs a Default content type for .vml. */
  readonly needsVmlDefault: boolean;
}

/** Free part names: `xl/comments1.xml`, `xl/drawings/vmlDrawing1.vml`, … */
export type NextPartName = (prefix: string, suffix: string) => string;

interface ParsedComment {
  readonly ref: string;
  readonly author: string;
  /** The element as written, kept for the clerk's. */
  readonly xml: string;
}

export function editNotes(
  pkg: XlsxPackage,
  sheetPath: string,
  notes: readonly PlanNote[],
  author: string,
  ourAuthors: readonly string[],
  nextPartName: NextPartName,
): NotesEdit {
  const relsPath = relsPathOf(sheetPath);
  const rels = readRelationships(pkg, relsPath);
  const sheetXml = readPartText(pkg, sheetPath);
  const legacyId = legacyDrawingRelId(sheetXml);
  const commentsRel = rels.find((r) => relTypeIs(r.type, NOTE_REL_TYPES.comments) && !r.external);
  const vmlRel =
    rels.find((r) => r.id === legacyId) ??
    rels.find((r) => relTypeIs(r.type, NOTE_REL_TYPES.vmlDrawing) && !r.external);
  const commentsPath = commentsRel ? resolveTarget(sheetPath, commentsRel.target) : null;
  const vmlPath = vmlRel ? resolveTarget(sheetPath, vmlRel.target) : null;
  const commentsXml =
    commentsPath && pkg.archive.byName.has(commentsPath) ? readPartText(pkg, commentsPath) : null;
  const vmlXml = vmlPath && pkg.archive.byName.has(vmlPath) ? readPartText(pkg, vmlPath) : null;

  const nothing: NotesEdit = {
    parts: new Map(),
    deleted: new Set(),
    sheetRels: null,
    editSheet: (xml) => xml,
    skipped: 0,
    needsVmlDefault: false,
  };
  if (commentsXml === null && notes.length === 0) return nothing;

  // The comments there are now: the clerk's stay, the previous run's go.
  const existing = commentsXml ? parseComments(commentsXml) : { authors: [], comments: [] };
  const ours = new Set(ourAuthors);
  const kept = existing.comments.filter((c) => !ours.has(c.author));
  const removedCells = existing.comments.filter((c) => ours.has(c.author)).map((c) => c.ref);
  const clerkCells = new Set(kept.map((c) => c.ref));
  const added = notes.filter((n) => !clerkCells.has(n.cell));
  const skipped = notes.length - added.length;
  if (commentsXml !== null && removedCells.length === 0 && added.length === 0) return { ...nothing, skipped };

  const parts = new Map<string, string>();
  const deleted = new Set<string>();
  const relsToAdd: Relationship[] = [];
  const relsToRemove = new Set<string>();
  let sheetEdit: (xml: string) => string = (xml) => xml;
  let needsVmlDefault = false;

  // The VML: the clerk's shapes stay, the previous run's notes' shapes go, ours are added.
  const removedPositions = new Set(removedCells.map(position));
  const vml = vmlXml === null ? null : withoutShapes(vmlXml, removedPositions);
  const anyComments = kept.length + added.length > 0;

  if (!anyComments) {
    // Nothing left of any comment: the comments part goes; the VML goes too unless it holds other shapes.
    if (commentsPath && commentsRel) {
      deleted.add(commentsPath);
      relsToRemove.add(commentsRel.id);
    }
    if (vml !== null && vmlPath && vmlRel) {
      if (hasShapes(vml)) parts.set(vmlPath, vml);
      else {
        deleted.add(vmlPath);
        relsToRemove.add(vmlRel.id);
        sheetEdit = removeLegacyDrawing;
      }
    }
  } else {
    const targetComments = commentsPath ?? nextPartName("xl/comments", ".xml");
    parts.set(targetComments, commentsPartXml(commentsXml, existing, removedCells, added, author));
    const takenIds = new Set(rels.map((r) => r.id));
    const nextRelId = (): string => {
      let n = 1;
      while (takenIds.has(`rId${n}`)) n++;
      takenIds.add(`rId${n}`);
      return `rId${n}`;
    };
    if (!commentsRel)
      relsToAdd.push({
        id: nextRelId(),
        type: NOTE_REL_TYPES.comments,
        target: relativeTarget(sheetPath, targetComments),
        external: false,
      });
    const blocks = usedIdBlocks(pkg, vmlPath);
    if (vml !== null && vmlPath) {
      parts.set(vmlPath, withShapes(vml, added, blocks));
      if (legacyId === null && vmlRel) sheetEdit = (xml) => addLegacyDrawing(xml, vmlRel.id);
    } else {
      const targetVml = nextPartName("xl/drawings/vmlDrawing", ".vml");
      parts.set(targetVml, withShapes(NEW_VML, added, blocks));
      const id = nextRelId();
      relsToAdd.push({
        id,
        type: NOTE_REL_TYPES.vmlDrawing,
        target: relativeTarget(sheetPath, targetVml),
        external: false,
      });
      sheetEdit = (xml) => addLegacyDrawing(removeLegacyDrawing(xml), id);
      needsVmlDefault = true;
    }
  }
  let sheetRels: string | null = null;
  if (relsToAdd.length > 0 || relsToRemove.size > 0) {
    // A relationships part left empty is removed (an empty one is valid, but it was ours to add).
    if (rels.length - relsToRemove.size + relsToAdd.length === 0) deleted.add(relsPath);
    else sheetRels = relsPartXml(pkg, relsPath, relsToRemove, relsToAdd);
  }
  return { parts, deleted, sheetRels, editSheet: sheetEdit, skipped, needsVmlDefault };
}

/** A1 → "row,column" 0-based, as VML's x:Row and x:Column say where a note belongs. */
function position(cell: string): string {
  const p = parseCellAddress(cell);
  return p ? `${p.row - 1},${p.column - 1}` : "";
}

function parseComments(xml: string): { authors: string[]; comments: ParsedComment[] } {
  const authors: string[] = [];
  // Examples: `<author>张三</author>`, `<x:author>绩效指标规范化</x:author>`, `<author/>`.
  for (const m of xml.matchAll(/<(?:\w+:)?author\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?author>)/g))
    authors.push(decodeXmlEntities(m[1] ?? ""));
  const comments: ParsedComment[] = [];
  // Examples: `<comment ref="C12" authorId="0">…</comment>`, `<x:comment ref="A1" authorId="1"/>`.
  for (const m of xml.matchAll(/<(?:\w+:)?comment\b([^>]*?)(?:\/>|>[\s\S]*?<\/(?:\w+:)?comment>)/g)) {
    const tag = `comment ${m[1]}`;
    const ref = (attribute(tag, "ref") ?? "").toUpperCase().replace(/\$/g, "");
    const author = authors[Number(attribute(tag, "authorId") ?? -1)] ?? "";
    comments.push({ ref, author, xml: m[0] });
  }
  return { authors, comments };
}

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/**
 * The comments part: a new one, or the clerk's edited in place, every element of theirs kept as written: the
 * previous run's comments taken out, our author and comments added at the ends of their lists.
 */
function commentsPartXml(
  existingXml: string | null,
  existing: { readonly authors: readonly string[]; readonly comments: readonly ParsedComment[] },
  removedCells: readonly string[],
  added: readonly PlanNote[],
  author: string,
): string {
  if (existingXml === null)
    return (
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${MAIN_NS}">` +
      `<authors><author>${escapeXmlText(author)}</author></authors>` +
      `<commentList>${added.map((n) => commentXml(n, 0, "")).join("")}</commentList></comments>`
    );
  const p = /<(\w+:)?comments\b/.exec(existingXml)?.[1] ?? "";
  let out = existingXml;
  const removed = new Set(removedCells);
  for (const c of existing.comments) if (removed.has(c.ref)) out = out.replace(c.xml, "");
  if (added.length === 0) return out;
  let authorId = existing.authors.indexOf(author);
  if (authorId < 0) {
    authorId = existing.authors.length;
    out = appendChild(out, p, "authors", `<${p}author>${escapeXmlText(author)}</${p}author>`);
  }
  // Our elements in the main namespace whatever prefix the clerk's writer used.
  const ns = p ? ` xmlns="${MAIN_NS}"` : "";
  return appendChild(out, p, "commentList", added.map((n) => commentXml(n, authorId, ns)).join(""));
}

/** Appends children at the end of an element (`<authors>…</authors>` or `<authors/>`), or adds the element. */
function appendChild(xml: string, p: string, name: string, children: string): string {
  const close = xml.indexOf(`</${p}${name}>`);
  if (close >= 0) return xml.slice(0, close) + children + xml.slice(close);
  const empty = new RegExp(`<${p}${name}\\b[^>]*/>`).exec(xml);
  if (empty)
    return (
      xml.slice(0, empty.index) +
      `<${p}${name}>${children}</${p}${name}>` +
      xml.slice(empty.index + empty[0].length)
    );
  const end = xml.lastIndexOf(`</${p}comments>`);
  return xml.slice(0, end) + `<${p}${name}>${children}</${p}${name}>` + xml.slice(end);
}

/** One note: the text in one run at the size Excel gives notes (9 pt). */
function commentXml(note: PlanNote, authorId: number, ns: string): string {
  return (
    `<comment${ns} ref="${note.cell}" authorId="${authorId}"><text><r><rPr><sz val="9"/></rPr>` +
    `<t xml:space="preserve">${escapeXmlText(note.text)}</t></r></text></comment>`
  );
}

const VML_NAMESPACES =
  'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"';

/** The text-box shape type every note box uses (Excel's _x0000_t202). */
const NOTE_SHAPETYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">' +
  '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

const NEW_VML = `<xml ${VML_NAMESPACES}><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data=""/></o:shapelayout>${NOTE_SHAPETYPE}</xml>`;

/** Shapes a block of ids holds: VML shape ids come in blocks of 1024 per drawing (o:idmap), the first unused. */
const IDS_PER_BLOCK = 1024;

/** The id blocks the package's other VML drawings use (shape ids must be unique across the workbook). */
function usedIdBlocks(pkg: XlsxPackage, except: string | null): Set<number> {
  const used = new Set<number>();
  for (const entry of pkg.archive.entries) {
    if (!/\.vml$/i.test(entry.name) || entry.name === except) continue;
    for (const n of idmapBlocks(readPartText(pkg, entry.name))) used.add(n);
  }
  return used;
}

function idmapBlocks(vml: string): number[] {
  const data = /<o:idmap\b[^>]*\bdata="([^"]*)"/.exec(vml)?.[1] ?? "";
  return data
    .split(",")
    .map((n) => Number(n.trim()))
    .filter((n) => Number.isInteger(n) && n > 0);
}

/** Each v:shape element of a VML drawing. Examples: `<v:shape id="_x0000_s1025" …>…</v:shape>`. */
const SHAPE = /<v:shape\b[^>]*?(?:\/>|>[\s\S]*?<\/v:shape>)/g;

function hasShapes(vml: string): boolean {
  return new RegExp(SHAPE.source).test(vml);
}

/** The drawing without the note shapes at these positions ("row,column"). */
function withoutShapes(vml: string, positions: ReadonlySet<string>): string {
  if (positions.size === 0) return vml;
  return vml.replace(SHAPE, (shape) => {
    if (!/ObjectType="Note"/.test(shape)) return shape;
    const row = /<x:Row>\s*(\d+)\s*<\/x:Row>/.exec(shape)?.[1];
    const column = /<x:Column>\s*(\d+)\s*<\/x:Column>/.exec(shape)?.[1];
    return row !== undefined && column !== undefined && positions.has(`${row},${column}`) ? "" : shape;
  });
}

/** The drawing with a note box for each note, in id blocks of its own that no other drawing uses. */
function withShapes(vml: string, notes: readonly PlanNote[], usedElsewhere: ReadonlySet<number>): string {
  if (notes.length === 0) return vml;
  const own = idmapBlocks(vml);
  const taken = new Set([...usedElsewhere, ...own]);
  const blocks: number[] = [];
  for (let n = 1; blocks.length < Math.ceil(notes.length / (IDS_PER_BLOCK - 1)); n++)
    if (!taken.has(n)) blocks.push(n);
  const shapes = notes.map((note, k) => {
    const block = blocks[Math.floor(k / (IDS_PER_BLOCK - 1))]!;
    return noteShape(note, block * IDS_PER_BLOCK + 1 + (k % (IDS_PER_BLOCK - 1)), k + 1);
  });
  let out = vml.replace(/(<o:idmap\b[^>]*\bdata=")([^"]*)(")/, (_m, a: string, data: string, b: string) => {
    const all = [...idmapBlocks(`<o:idmap data="${data}"`), ...blocks];
    return `${a}${all.join(",")}${b}`;
  });
  if (!/<o:idmap\b/.test(out))
    out = out.replace(
      /(<xml\b[^>]*>)/,
      `$1<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${blocks.join(",")}"/></o:shapelayout>`,
    );
  if (!/<v:shapetype\b[^>]*\bid="_x0000_t202"/.test(out)) shapes.unshift(NOTE_SHAPETYPE);
  const close = out.lastIndexOf("</xml>");
  return out.slice(0, close) + shapes.join("") + out.slice(close);
}

/** A hidden note box beside its cell, three columns wide and as tall as its text needs. */
function noteShape(note: PlanNote, id: number, z: number): string {
  const at = parseCellAddress(note.cell) ?? { row: 1, column: 1 };
  const row = at.row - 1;
  const column = at.column - 1;
  const lines = Math.min(
    12,
    Math.max(3, Math.ceil(note.text.length / 18) + note.text.split("\n").length - 1),
  );
  // Anchor: left column, offset, top row, offset, right column, offset, bottom row, offset.
  const anchor = [column + 1, 15, Math.max(0, row - 1), 10, column + 4, 15, Math.max(0, row - 1) + lines, 4];
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:2pt;` +
    `width:160pt;height:${lines * 14}pt;z-index:${z};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${anchor.join(", ")}</x:Anchor>` +
    `<x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${column}</x:Column></x:ClientData></v:shape>`
  );
}

/**
 * Elements that follow `<legacyDrawing>` in a worksheet (ECMA-376 Part 1, §18.3.1.99 CT_Worksheet): it goes before
 * the first of them present.
 */
const AFTER_LEGACY_DRAWING = [
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

const AFTER_LEGACY_DRAWING_SET = new Set(AFTER_LEGACY_DRAWING);

/** The worksheet's `<legacyDrawing>` start tag, where it stands, or null. */
function legacyDrawingTag(xml: string): { start: number; end: number; tag: string } | null {
  const m = /<(?:\w+:)?legacyDrawing(?=[\s/>])/.exec(xml);
  if (!m) return null;
  const end = startTagEnd(xml, m.index + 1);
  if (end < 0) return null;
  return { start: m.index, end: end + 1, tag: xml.slice(m.index + 1, end) };
}

/** The relationship id of the sheet's `<legacyDrawing r:id="…">`, under whatever prefix, in either quotes. */
function legacyDrawingRelId(xml: string): string | null {
  const found = legacyDrawingTag(xml);
  if (!found) return null;
  const match = /\s(?:[\w.-]+:)?id\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(found.tag);
  return match ? (match[1] ?? match[2] ?? null) : null;
}

function addLegacyDrawing(xml: string, relId: string): string {
  if (legacyDrawingTag(xml)) return xml;
  const root = /<(\w+:)?worksheet\b[^>]*>/.exec(xml);
  const p = root?.[1] ?? "";
  const relPrefix =
    /xmlns:(\w+)\s*=\s*["']http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships["']/.exec(
      root?.[0] ?? "",
    )?.[1];
  const idAttribute = relPrefix
    ? `${relPrefix}:id`
    : 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id';
  const element = `<${p}legacyDrawing ${idAttribute}="${escapeXmlAttribute(relId)}"/>`;
  // Only the worksheet's own children count: a conditional format's `<cfRule>` has an `<extLst>` of its own.
  // They all follow `<sheetData>`, so the search starts after it.
  const data = /<(?:\w+:)?sheetData\b/.exec(xml);
  let from = root ? root.index + root[0].length : 0;
  if (data) {
    const openEnd = startTagEnd(xml, data.index + 1);
    const selfClosing = openEnd > 0 && xml.charCodeAt(openEnd - 1) === 0x2f;
    const close = selfClosing ? openEnd : xml.indexOf(`</${p}sheetData>`, openEnd);
    if (close > 0) from = selfClosing ? openEnd + 1 : close + `</${p}sheetData>`.length;
  }
  let at = firstRootChild(xml, AFTER_LEGACY_DRAWING_SET, from);
  if (at < 0) at = xml.lastIndexOf(`</${p}worksheet>`);
  return xml.slice(0, at) + element + xml.slice(at);
}

function removeLegacyDrawing(xml: string): string {
  const found = legacyDrawingTag(xml);
  if (!found) return xml;
  if (found.tag.endsWith("/")) return xml.slice(0, found.start) + xml.slice(found.end);
  const close = /<\/(?:\w+:)?legacyDrawing\s*>/.exec(xml.slice(found.end));
  return close ? xml.slice(0, found.start) + xml.slice(found.end + close.index + close[0].length) : xml;
}

const RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";

function relsPartXml(
  pkg: XlsxPackage,
  relsPath: string,
  remove: ReadonlySet<string>,
  add: readonly Relationship[],
): string {
  const addXml = add
    .map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${escapeXmlAttribute(r.target)}"/>`)
    .join("");
  if (!pkg.archive.byName.has(relsPath))
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELS_NS}">${addXml}</Relationships>`;
  let out = readPartText(pkg, relsPath).replace(
    /<(?:\w+:)?Relationship\b[^>]*?(?:\/>|>\s*<\/(?:\w+:)?Relationship>)/g,
    (element) => {
      const id = attribute(element.slice(1), "Id");
      return id !== null && remove.has(id) ? "" : element;
    },
  );
  const close = out.lastIndexOf("</");
  out = out.slice(0, close) + addXml + out.slice(close);
  return out;
}
