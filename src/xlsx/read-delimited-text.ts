import type { CellValue, Grid } from "../core";

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
export function readDelimitedText(
  text: string,
  delimiter: "\t" | "," | ";",
  find?: OffsetsToFind,
): CellValue[][] {
  const rows: CellValue[][] = [];
  // Offsets to place (sorted): where each falls, as grid row and column.
  const offsets = find?.offsets ?? [];
  let next = 0;
  let row: CellValue[] = [];
  let field = "";
  let i = 0;
  const n = text.length;
  let fieldStart = true;
  /** Every offset up to the current character falls in the current field. */
  const place = (): void => {
    while (next < offsets.length && offsets[next]! <= i) {
      find!.places.push({ row: rows.length, column: row.length });
      next++;
    }
  };

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
    if (next < offsets.length && offsets[next]! <= i) place();
    const ch = text[i]!;
    if (fieldStart && ch === '"') {
      // Quoted field: read to the closing quote.
      i++;
      let closed = false;
      while (i < n) {
        if (next < offsets.length && offsets[next]! <= i) place();
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
  if (next < offsets.length) place();
  if (field !== "" || row.length > 0) endRow();
  return rows;
}

/** Text offsets to locate while reading (sorted ascending), and where each fell: filled in order. */
export interface OffsetsToFind {
  readonly offsets: readonly number[];
  readonly places: { row: number; column: number }[];
}

/**
 * Picks the delimiter of a .csv/.txt: tab when the text has one; else comma or semicolon, whichever splits the
 * first lines into the same number of fields on most lines (Excel writes every line of a CSV with the same
 * count). Text may hold the other character (`满意;得满分` in a comma CSV): it splits lines unevenly, the real
 * delimiter does not. Between two as even, the more frequent; then a comma.
 */
export function guessDelimiter(text: string): "\t" | "," | ";" {
  const head = text.slice(0, 64 * 1024);
  if (head.includes("\t")) return "\t";
  const comma = consistency(head, ",");
  const semicolon = consistency(head, ";");
  if (comma !== semicolon) return semicolon > comma ? ";" : ",";
  // As even as each other (one line, say): the one that occurs more often.
  const count = (c: string): number => head.split(c).length - 1;
  return count(",") >= count(";") ? "," : ";";
}

/** Lines read from the head (the last one may be cut short, so it is left out). */
const SAMPLE_LINES = 50;

/**
 * How evenly a delimiter splits the text's first lines: the share of non-empty lines that have the most common
 * field count, when that count is at least 2; 0 otherwise.
 */
function consistency(head: string, delimiter: "," | ";"): number {
  const rows = readDelimitedText(head, delimiter).slice(0, SAMPLE_LINES + 1);
  if (rows.length > SAMPLE_LINES) rows.pop();
  const counts = new Map<number, number>();
  let lines = 0;
  for (const row of rows) {
    if (row.length === 0) continue;
    lines++;
    counts.set(row.length, (counts.get(row.length) ?? 0) + 1);
  }
  let best = 0;
  let bestCount = 0;
  for (const [fields, count] of counts) {
    if (count > bestCount || (count === bestCount && fields > best)) {
      best = fields;
      bestCount = count;
    }
  }
  return best >= 2 && lines > 0 ? bestCount / lines : 0;
}

export type { Grid };
