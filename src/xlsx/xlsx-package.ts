/**
 * A workbook package opened for reading and editing: its zip directory, and what workbook.xml and its
 * relationships say (sheets, their parts, defined names). Pure: bytes in; the CLI reads the file.
 */
import { attribute, scanXmlBytes, XmlSyntaxError, type XmlHandler } from "../workbook/xml-scanner";
import { decodeXmlEntities } from "../workbook/xml-text";
import { entryBytes, readZipArchive, ZipFormatError, type ZipArchive, type ZipEntry } from "./zip-archive";
import type { ZipCodec } from "./zip-codec";
import { TooLargeError } from "./zip-codec";
import { InputError, limitError } from "./input-error";
import type { ReadLimits } from "./package-limits";

export const REL_TYPES = {
  officeDocument: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
  worksheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
  sharedStrings: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings",
  styles: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
  table: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/table",
  customXml: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml",
  customXmlProps: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps",
} as const;

/** The strict-conformance (ISO 29500 Strict) spelling of the same relationship types. */
const STRICT_PREFIX = "http://purl.oclc.org/ooxml/officeDocument/relationships/";
const TRANSITIONAL_PREFIX = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

export function relTypeIs(type: string, wanted: string): boolean {
  return (
    type === wanted ||
    (type.startsWith(STRICT_PREFIX) &&
      wanted.endsWith(type.slice(STRICT_PREFIX.length)) &&
      wanted.startsWith(TRANSITIONAL_PREFIX))
  );
}

export interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
}

export interface PackageSheet {
  readonly name: string;
  readonly sheetId: string;
  readonly relId: string;
  /** "visible" | "hidden" | "veryHidden" */
  readonly state: string;
  /** Part name in the zip, e.g. "xl/worksheets/sheet1.xml"; null for a chartsheet or a missing part. */
  readonly path: string | null;
}

export interface DefinedName {
  readonly name: string;
  /** Index into the sheets for a sheet-level name (print titles, filters), else null. */
  readonly localSheetId: number | null;
  readonly hidden: boolean;
  /** The formula as written (entities decoded): `'指标明细'!$A$1`. */
  readonly formula: string;
}

export interface XlsxPackage {
  readonly archive: ZipArchive;
  readonly codec: ZipCodec;
  readonly limits: ReadLimits;
  /** The file's path, for messages. */
  readonly path: string;
  readonly workbookPath: string;
  readonly workbookRels: readonly Relationship[];
  readonly sheets: readonly PackageSheet[];
  readonly definedNames: readonly DefinedName[];
  /** workbookView activeTab (0 when absent). */
  readonly activeTab: number;
}

/** Opens the package: refuses a non-zip, an encrypted file and a package over the size ceiling before inflating. */
export function openPackage(
  path: string,
  bytes: Uint8Array,
  codec: ZipCodec,
  limits: ReadLimits,
): XlsxPackage {
  // An encrypted workbook (or an old .xls) is an OLE compound file, not a zip.
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)
    throw new InputError("encrypted", path);
  let archive: ZipArchive;
  try {
    archive = readZipArchive(bytes);
  } catch (error) {
    throw new InputError("not-xlsx", path, (error as Error).message);
  }
  let total = 0;
  for (const entry of archive.entries) total += entry.size;
  if (total > limits.packageBytes) throw limitError(path, "package", limits.packageBytes);
  const partial = { archive, codec, limits, path };
  const rootRels = readRelationships(partial, "_rels/.rels");
  const office = rootRels.find((r) => relTypeIs(r.type, REL_TYPES.officeDocument));
  const workbookPath = office ? resolveTarget("", office.target) : "xl/workbook.xml";
  if (!archive.byName.has(workbookPath)) throw new InputError("not-xlsx", path, "no workbook part");
  const workbookRels = readRelationships(partial, relsPathOf(workbookPath));
  const workbook = readWorkbookXml(partial, workbookPath);
  const sheets = workbook.sheets.map((s): PackageSheet => {
    const rel = workbookRels.find((r) => r.id === s.relId);
    const target =
      rel && relTypeIs(rel.type, REL_TYPES.worksheet) ? resolveTarget(workbookPath, rel.target) : null;
    return { ...s, path: target && archive.byName.has(target) ? target : null };
  });
  return {
    ...partial,
    workbookPath,
    workbookRels,
    sheets,
    definedNames: workbook.definedNames,
    activeTab: workbook.activeTab,
  };
}

type PartReader = Pick<XlsxPackage, "archive" | "codec" | "limits" | "path">;

export function partEntry(pkg: PartReader, name: string): ZipEntry | undefined {
  return pkg.archive.byName.get(name);
}

/** A whole part's bytes, refusing a part over the per-part ceiling. */
export function readPartBytes(pkg: PartReader, name: string): Uint8Array {
  const entry = pkg.archive.byName.get(name);
  if (!entry) throw new InputError("not-xlsx", pkg.path, `missing part ${name}`);
  if (entry.size > pkg.limits.partBytes) throw limitError(pkg.path, "part", pkg.limits.partBytes, name);
  try {
    return entryBytes(pkg.archive, entry, pkg.codec);
  } catch (error) {
    if (error instanceof TooLargeError || error instanceof ZipFormatError)
      throw new InputError("not-xlsx", pkg.path, `${name}: ${error.message}`);
    throw new InputError("not-xlsx", pkg.path, `${name}: ${(error as Error).message}`);
  }
}

const utf8 = new TextDecoder("utf-8");

export function readPartText(pkg: PartReader, name: string): string {
  return utf8.decode(readPartBytes(pkg, name));
}

/** `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`. */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship target relative to its source part: (`xl/workbook.xml`, `worksheets/sheet1.xml`) → `xl/worksheets/sheet1.xml`. */
export function resolveTarget(sourcePart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = sourcePart.split("/").slice(0, -1);
  for (const piece of target.split("/")) {
    if (piece === "..") parts.pop();
    else if (piece !== "." && piece !== "") parts.push(piece);
  }
  return parts.join("/");
}

/** The relative target from one part to another, as Excel writes it: (`xl/workbook.xml`, `xl/worksheets/sheet3.xml`) → `worksheets/sheet3.xml`. */
export function relativeTarget(sourcePart: string, part: string): string {
  const from = sourcePart.split("/").slice(0, -1);
  const to = part.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}

/** A whole part through the scanner; malformed XML is "not a valid .xlsx", naming the part. */
export function scanPartBytes(pkg: PartReader, name: string, bytes: Uint8Array, handler: XmlHandler): void {
  try {
    scanXmlBytes(bytes, handler);
  } catch (error) {
    if (error instanceof XmlSyntaxError)
      throw new InputError("not-xlsx", pkg.path, `${name}: ${error.message}`);
    throw error;
  }
}

export function readRelationships(pkg: PartReader, relsPath: string): Relationship[] {
  if (!pkg.archive.byName.has(relsPath)) return [];
  const rels: Relationship[] = [];
  scanPartBytes(pkg, relsPath, readPartBytes(pkg, relsPath), {
    open(name, tag) {
      if (name !== "Relationship") return;
      rels.push({
        id: attribute(tag, "Id") ?? "",
        type: attribute(tag, "Type") ?? "",
        target: attribute(tag, "Target") ?? "",
        external: attribute(tag, "TargetMode") === "External",
      });
    },
    close() {},
    text() {},
  });
  return rels;
}

interface WorkbookXml {
  sheets: Omit<PackageSheet, "path">[];
  definedNames: DefinedName[];
  activeTab: number;
}

function readWorkbookXml(pkg: PartReader, workbookPath: string): WorkbookXml {
  const sheets: WorkbookXml["sheets"] = [];
  const definedNames: DefinedName[] = [];
  let activeTab = 0;
  let name: { name: string; localSheetId: number | null; hidden: boolean } | null = null;
  let formula = "";
  const handler: XmlHandler = {
    open(element, tag) {
      if (element === "sheet") {
        sheets.push({
          name: attribute(tag, "name") ?? "",
          sheetId: attribute(tag, "sheetId") ?? "",
          relId: attribute(tag, "r:id") ?? relIdAttribute(tag) ?? "",
          state: attribute(tag, "state") ?? "visible",
        });
      } else if (element === "definedName") {
        const local = attribute(tag, "localSheetId");
        const hidden = attribute(tag, "hidden");
        name = {
          name: attribute(tag, "name") ?? "",
          localSheetId: local === null ? null : Number(local),
          hidden: hidden === "1" || hidden === "true",
        };
        formula = "";
      } else if (element === "workbookView" && activeTab === 0) {
        activeTab = Number(attribute(tag, "activeTab") ?? 0) || 0;
      }
    },
    close(element) {
      if (element === "definedName" && name) {
        definedNames.push({ ...name, formula });
        name = null;
      }
    },
    text(raw, cdata) {
      if (name) formula += cdata ? raw : decodeXmlEntities(raw);
    },
  };
  scanPartBytes(pkg, workbookPath, readPartBytes(pkg, workbookPath), handler);
  return { sheets, definedNames, activeTab };
}

/** The relationship id under whatever prefix the writer bound to the relationships namespace. */
function relIdAttribute(tag: string): string | null {
  const match = /\s([A-Za-z0-9_]+):id\s*=\s*["']([^"']*)["']/.exec(tag);
  return match ? match[2]! : null;
}
