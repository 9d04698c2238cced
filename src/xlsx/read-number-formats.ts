/**
 * The number format of each cell format (styles.xml: cellXfs → numFmtId → numFmts or the built-in formats), so
 * that the sheet reader can give the core what a number displays (workbook/display-number.ts): a total shown with
 * two decimals is compared as shown, a rate shown as `95%` is read as `95%`.
 */
import { builtInNumberFormat } from "../workbook/display-number";
import { StylesPart } from "./styles-part";
import { attribute } from "../workbook/xml-scanner";
import { decodeXmlEntities } from "../workbook/xml-text";
import { readPartText, REL_TYPES, relTypeIs, resolveTarget, type XlsxPackage } from "./xlsx-package";

/** A cell's `s` → its format code, or null for General and formats with no code. */
export type FormatOfStyle = (style: number) => string | null;

const GENERAL: FormatOfStyle = () => null;

/** The package's formats by cell style index; General for every cell when it has no styles part. */
export function readNumberFormats(pkg: XlsxPackage): FormatOfStyle {
  const rel = pkg.workbookRels.find((r) => relTypeIs(r.type, REL_TYPES.styles));
  if (!rel) return GENERAL;
  const path = resolveTarget(pkg.workbookPath, rel.target);
  if (!pkg.archive.byName.has(path)) return GENERAL;
  const styles = new StylesPart(readPartText(pkg, path));
  const custom = new Map<number, string>();
  for (let i = 0; i < styles.count("numFmts"); i++) {
    const tag = tagOf(styles.item("numFmts", i));
    const id = Number(attribute(tag, "numFmtId"));
    const code = attribute(tag, "formatCode");
    if (Number.isInteger(id) && code !== null) custom.set(id, decodeXmlEntities(code));
  }
  const byStyle: (string | null)[] = [];
  for (let i = 0; i < styles.count("cellXfs"); i++) {
    const id = Number(attribute(tagOf(styles.item("cellXfs", i)), "numFmtId") ?? 0);
    const code = custom.get(id) ?? builtInNumberFormat(id);
    byStyle.push(code === null || code === "General" ? null : code);
  }
  return (style) => byStyle[style] ?? null;
}

/** `<xf numFmtId="4" …>` → `xf numFmtId="4" …` (what attribute() reads). */
function tagOf(element: string | undefined): string {
  if (!element) return "";
  const end = element.indexOf(">");
  return element.slice(1, end < 0 ? element.length : end);
}
