/** A minimal .xlsx written part by part, so a test can put exactly the XML a hostile or careless writer would. */
import { zipSync } from "fflate";

export interface RawParts {
  /** The worksheet's XML: a whole part, or only what goes inside `<sheetData>`. */
  readonly sheet: string;
  /** The whole styles part; a minimal one by default. */
  readonly styles?: string;
  /** What goes in workbook.xml after `<sheets>…</sheets>` (definedNames, calcPr), or the whole part. */
  readonly workbook?: string;
  /** Other parts, by name. */
  readonly extra?: Readonly<Record<string, string>>;
  /** Further worksheets (what goes inside `<sheetData>`), named 表2, 表3, … */
  readonly moreSheets?: readonly string[];
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export const RAW_STYLES =
  `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN}">` +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
  "</styleSheet>";

export function rawWorkbook(parts: RawParts): Uint8Array {
  const text = (s: string): Uint8Array => new TextEncoder().encode(s);
  const more = parts.moreSheets ?? [];
  const sheet = parts.sheet.includes("<worksheet")
    ? parts.sheet
    : `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>${parts.sheet}</sheetData></worksheet>`;
  const workbook = parts.workbook?.includes("<workbook")
    ? parts.workbook
    : `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="表" sheetId="1" r:id="rId1"/>${more
        .map((_, k) => `<sheet name="表${k + 2}" sheetId="${k + 2}" r:id="rId${k + 10}"/>`)
        .join("")}</sheets>${parts.workbook ?? ""}</workbook>`;
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": text(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        "</Types>",
    ),
    "_rels/.rels": text(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    "xl/workbook.xml": text(workbook),
    "xl/_rels/workbook.xml.rels": text(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
        `<Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/>` +
        more
          .map(
            (_, k) =>
              `<Relationship Id="rId${k + 10}" Type="${REL}/worksheet" Target="worksheets/sheet${k + 2}.xml"/>`,
          )
          .join("") +
        "</Relationships>",
    ),
    "xl/worksheets/sheet1.xml": text(sheet),
    "xl/styles.xml": text(parts.styles ?? RAW_STYLES),
  };
  more.forEach((data, k) => {
    files[`xl/worksheets/sheet${k + 2}.xml`] = text(
      `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>${data}</sheetData></worksheet>`,
    );
  });
  for (const [name, value] of Object.entries(parts.extra ?? {})) files[name] = text(value);
  return zipSync(files);
}

/** A row of cells: strings inline, numbers as numbers (with style s when given as [value, s]), formulas as {f}. */
export type RawCell = string | number | null | { f: string } | { v: number; s: number };

export function rawRows(rows: readonly (readonly RawCell[])[]): string {
  return rows
    .map((row, r) => {
      const cells = row
        .map((cell, c) => {
          const ref = `${columnName(c + 1)}${r + 1}`;
          if (cell === null) return "";
          if (typeof cell === "string")
            return `<c r="${ref}" t="inlineStr"><is><t>${cell.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</t></is></c>`;
          if (typeof cell === "number") return `<c r="${ref}"><v>${cell}</v></c>`;
          if ("f" in cell) return `<c r="${ref}"><f>${cell.f}</f></c>`;
          return `<c r="${ref}" s="${cell.s}"><v>${cell.v}</v></c>`;
        })
        .join("");
      return `<row r="${r + 1}">${cells}</row>`;
    })
    .join("");
}

export function columnName(column: number): string {
  let name = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}
