/**
 * The small facade over the ET (WPS 表格) object model that the applier goes through where builds differ, and the
 * ET constants it needs. The object model is VBA's, driven from JavaScript: synchronous, 1-based, colours as BGR
 * numbers, enumerations as the numbers VBA uses.
 *
 * Members that drift between a property and a zero-argument method across WPS builds are read through
 * `readMember` only:
 * - `Range.Address` is a property in VBA and a method in the JSAPI (et-jsapi-declare declares
 *   `Address(RowAbsolute?, ColumnAbsolute?, …): string`);
 * - `Range.Value` is a property in VBA and "JSAPI里的Value是个方法" in WPS's own JSAPI reference (airsheet.wps.cn,
 *   Range → Value 方法), which is why values go through `Value2`, a property in both;
 * - `Range.Text`, `Name.RefersTo`, `CustomXMLPart.XML`, `Count` and `Name` are properties in the package's types;
 *   no WPS document says they stay so in every build, so they are read the same careful way.
 * Assignments (`Value2 = …`, `NumberFormat = …`, `Interior.Color = …`) are properties in every source found.
 */

/** A member read the same way whether the build exposes it as a property or as a method without arguments. */
export type DriftingMember = "Address" | "Text" | "Count" | "Name" | "RefersTo" | "XML" | "Value";

export function readMember<T>(target: unknown, member: DriftingMember): T {
  const value = (target as Record<string, unknown>)[member];
  return (typeof value === "function" ? (value as () => unknown).call(target) : value) as T;
}

/** "$A$1:$G$133" (what Address() gives by default) → "A1:G133"; also each area of "$A$1,$C$3:$D$4". */
export function plainAddress(address: string): string {
  return address.replace(/\$/g, "");
}

/**
 * VBA's RGB(r, g, b) = r + g·256 + b·65536: the red byte is the low one, so "#FFC7CE" is 0xCEC7FF. Interior.Color
 * reads and writes this BGR number (Microsoft's "RGB function"; airsheet.wps.cn, Interior 属性:
 * `interior.Color = RGB(255, 0, 0)`).
 */
export function hexToBgr(hex: string): number {
  const rgb = Number.parseInt(hex.replace(/^#/, ""), 16);
  return ((rgb & 0xff) << 16) | (rgb & 0xff00) | ((rgb >> 16) & 0xff);
}

export function bgrToHex(bgr: number): string {
  const rgb = ((bgr & 0xff) << 16) | (bgr & 0xff00) | ((bgr >> 16) & 0xff);
  return `#${rgb.toString(16).toUpperCase().padStart(6, "0")}`;
}

/** XlColorIndex.xlColorIndexNone and XlPattern.xlPatternNone: no fill (both -4142 in VBA's enumerations). */
export const XL_NONE = -4142;
/** XlPattern.xlPatternSolid. */
export const XL_PATTERN_SOLID = 1;
/** XlListObjectSourceType.xlSrcRange and XlYesNoGuess.xlYes, for ListObjects.Add(xlSrcRange, range, , xlYes). */
export const XL_SRC_RANGE = 1;
export const XL_YES = 1;

/**
 * XlPattern numbers and the names styles.xml gives the same patterns (the marks record stores those, so that the
 * CLI and the add-ins read each other's records): the pairs are Excel's own, as its Format Cells dialog shows
 * both.
 */
export const PATTERN_NAMES: ReadonlyMap<number, string> = new Map([
  [XL_NONE, "none"],
  [XL_PATTERN_SOLID, "solid"],
  [-4125, "mediumGray"], // xlPatternGray50
  [-4126, "darkGray"], // xlPatternGray75
  [-4124, "lightGray"], // xlPatternGray25
  [17, "gray125"], // xlPatternGray16
  [18, "gray0625"], // xlPatternGray8
  [-4128, "darkHorizontal"], // xlPatternHorizontal
  [-4166, "darkVertical"], // xlPatternVertical
  [-4121, "darkDown"], // xlPatternDown
  [-4162, "darkUp"], // xlPatternUp
  [9, "darkGrid"], // xlPatternChecker
  [10, "darkTrellis"], // xlPatternSemiGray75
  [11, "lightHorizontal"], // xlPatternLightHorizontal
  [12, "lightVertical"], // xlPatternLightVertical
  [13, "lightDown"], // xlPatternLightDown
  [14, "lightUp"], // xlPatternLightUp
  [15, "lightGrid"], // xlPatternGrid
  [16, "lightTrellis"], // xlPatternCrissCross
]);

export function patternNumber(name: string): number | null {
  for (const [number, known] of PATTERN_NAMES) if (known === name) return number;
  return null;
}

/**
 * What an error cell's Value2 holds when it crosses into a host language: VBA's CVErr codes (2000 #NULL! … 2042
 * #N/A) as the HRESULTs COM hands to other languages (-2146826288 … -2146826246; Mike Rosenblum, "Dealing with
 * CVErr Values in .NET"). No WPS document says which of the two the JSAPI gives, so cells holding either are
 * asked for their Text: an error cell shows "#DIV/0!", a number shows digits.
 */
const CVERR_CODES = [2000, 2007, 2015, 2023, 2029, 2036, 2042];
export const ERROR_VALUE_NUMBERS: ReadonlySet<number> = new Set([
  ...CVERR_CODES,
  ...CVERR_CODES.map((code) => code - 2146828288),
]);

/** The error literals a cell can show; a Text that is one of them makes the cell an error cell. */
export const ERROR_TEXTS: ReadonlySet<string> = new Set([
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
]);

/** XlPageOrientation (et-jsapi-declare: xlPortrait = 1, xlLandscape = 2; Microsoft, PageSetup.Orientation). */
export const XL_PORTRAIT = 1;
export const XL_LANDSCAPE = 2;
/** XlPaperSize.xlPaperA4 (Microsoft, XlPaperSize enumeration: "A4 (210 mm x 297 mm)"). */
export const XL_PAPER_A4 = 9;

/**
 * The comment (a note, in today's Excel) on a range's first cell, or null. VBA's Range.Comment is Nothing when
 * the cell has none; what the JSAPI hands JavaScript for Nothing (null or undefined) no WPS document says, so both
 * read as none.
 */
export function commentOf(range: Et.Range): Et.Comment | null {
  return (range.Comment as Et.Comment | null | undefined) ?? null;
}

/**
 * A comment's text. Comment.Text(Text?, Start?, Overwrite?) is a method in VBA (Microsoft, Comment.Text method:
 * "Sets comment text", and with no arguments returns it) and in et-jsapi-declare; a build that exposes it as a
 * property is read the same way.
 */
export function commentText(comment: Et.Comment): string {
  return String(readMember<unknown>(comment, "Text") ?? "");
}

/**
 * Adds a note (a legacy comment) holding `text` to a one-cell range. Range.AddComment(Text) is VBA's
 * (Microsoft, Range.AddComment) and et-jsapi-declare's; Excel 365 also has AddCommentThreaded, which ET's types do
 * not declare. A build without AddComment throws here, and the applier counts the note as not written.
 */
export function addComment(range: Et.Range, text: string): void {
  range.AddComment(text);
}
