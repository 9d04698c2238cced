import type { CellValue, Grid } from "./grid";

/**
 * Turns delimited text (what Excel puts on the clipboard, a .tsv/.txt "Unicode text" save, or a .csv) into a
 * grid, line N → row N, the way Excel would paste it:
 * - a field that starts with `"` is quoted: it runs to the closing `"`, may hold the delimiter and line
 *   breaks, and `""` inside it stands for one `"`;
 * - a `"` elsewhere in a field is literal (Excel copies `5" pipe` unquoted);
 * - CRLF, LF and lone CR all end a line; a final line break does not add an empty row;
 * - empty fields become null; everything else stays a string (amounts are parsed later, with their raw text).
 * Linear in the input: one pass, no regular expressions.
 */
export function readDelimitedText(text: string, delimiter: "\t" | "," | ";"): CellValue[][] {
  const rows: CellValue[][] = [];
  let row: CellValue[] = [];
  let field = "";
  let i = 0;
  const n = text.length;
  let fieldStart = true;
  const endField = (): void => {
    row.push(field === "" ? null : field);
    field = "";
    fieldStart = true;
  };
  const endRow = (): void => {
    endField();
    // A row of only empty fields is kept as an empty row so that sheet row numbers stay right.
    rows.push(row.every((c) => c === null) ? [] : row);
    row = [];
  };
  while (i < n) {
    const ch = text[i]!;
    if (fieldStart && ch === '"') {
      // Quoted field: read to the closing quote.
      i++;
      let closed = false;
      while (i < n) {
        const q = text[i]!;
        if (q === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          closed = true;
          break;
        }
        field += q;
        i++;
      }
      if (!closed) {
        // An unterminated quote: keep what was read, and the quote itself, rather than lose text.
        field = '"' + field;
      }
      fieldStart = false;
      continue;
    }
    fieldStart = false;
    if (ch === delimiter) {
      endField();
      i++;
    } else if (ch === "\r" || ch === "\n") {
      endRow();
      i += ch === "\r" && text[i + 1] === "\n" ? 2 : 1;
    } else {
      field += ch;
      i++;
    }
  }
  if (field !== "" || row.length > 0) endRow();
  return rows;
}

/** Picks the delimiter of a .csv/.txt by counting it on the first non-empty lines: tab, then comma, then semicolon. */
export function guessDelimiter(text: string): "\t" | "," | ";" {
  const head = text.slice(0, 64 * 1024);
  const count = (c: string): number => head.split(c).length - 1;
  const tabs = count("\t");
  if (tabs > 0) return "\t";
  return count(",") >= count(";") ? "," : ";";
}

export type { Grid };
