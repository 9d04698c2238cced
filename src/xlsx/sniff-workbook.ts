/**
 * What a workbook file holds, by its bytes rather than its name. A clerk's .xls or .et is not always what its
 * extension says, and each real variant is read by the reader of what it is:
 *
 * - a compound file ([MS-CFB]) with a `Workbook` (BIFF8) or `Book` stream: Excel 97-2003, and WPS's own .et and
 *   .ett. LibreOffice reads .et/.ett with its Excel 97 filter, detected by content (its type `calc_MS_Excel_97`
 *   lists `xls xlc xlm xlw xlk et`, `calc_MS_Excel_97_VorlageTemplate` `xlt ett`, both with the
 *   ExcelBiffFormatDetector: Debian's libreoffice 7.4, share/registry/calc.xcd). A .et renamed .xls opens in an
 *   .xls reader ("利用DeepSeek辅助WPS电子表格ET格式分析", dtcms.com/a/337124.html, 2025). WPS writes the
 *   Excel workbook's CLSID into the compound file's header, where [MS-CFB] 2.2 says zeros (SheetJS issue #1419:
 *   "CLSID: Expected 000…0 saw 2008020000000000c000000000000046" on files saved by WPS): read-cfb.ts does not
 *   check that field;
 * - a zip: an .xlsx (or .xlsm) given an .xls / .et name (xlrd issue #211: "Expected BOF record; found
 *   'PK\x03\x04…'"), or an .ods;
 * - a web page: systems that export "Excel" as an HTML table with an .xls name (xlrd issue #350, SheetJS issue
 *   #458: `<html xmlns:o="urn:schemas-microsoft-com:office:office" …><table>`);
 * - a web page saved as one file (MHTML: Excel's "单个文件网页", Chrome's "网页，单个文件"), read as its pages;
 * - XML Spreadsheet 2003 (`<?mso-application progid="Excel.Sheet"?><Workbook …>`, xlrd issue #188): not read,
 *   the clerk gets the line on saving it as .xlsx;
 * - tab-separated text named .xls (xlrd issue #351): read as text.
 */
import { isCompoundFile } from "./read-cfb";
import { isMhtml } from "./read-mhtml";

export type SniffedWorkbook = "compound" | "zip" | "html" | "mhtml" | "xml-spreadsheet" | "text" | "unknown";

/** `PK\x03\x04` (a local file header) or `PK\x05\x06` (an empty archive's end record). */
function isZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 &&
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6))
  );
}

/**
 * The start of the file as text (Latin-1 is enough to see markup), after a byte-order mark and blanks. A page
 * Excel saves as "Web Page" with the Unicode encoding is UTF-16 with a byte-order mark: its code units are read.
 */
function head(bytes: Uint8Array, length: number): string {
  const le = bytes[0] === 0xff && bytes[1] === 0xfe;
  const be = bytes[0] === 0xfe && bytes[1] === 0xff;
  let text = "";
  if (le || be) {
    for (let at = 2; at + 1 < bytes.length && text.length < length; at += 2)
      text += String.fromCharCode(
        le ? bytes[at]! | (bytes[at + 1]! << 8) : (bytes[at]! << 8) | bytes[at + 1]!,
      );
    return text.replace(/^\s+/, "");
  }
  let at = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  for (; at < bytes.length && text.length < length; at++) text += String.fromCharCode(bytes[at]!);
  return text.replace(/^\s+/, "");
}

/**
 * Markup of a web page: `<!DOCTYPE html`, `<html`, `<table`, `<meta`, `<head`, `<body`, `<div`, `<style` (a
 * system's export: `<style>td{mso-number-format:"\@"}</style><table>`), `<title` or a comment
 * first (`<!-{2}`: the offline page's inlined script may not hold a comment opener). Matches `<html xmlns:o="…">`, `<!DOCTYPE HTML PUBLIC …>`, `<table border=1>`; not `<?xml …?><Workbook`.
 */
const HTML_START =
  /^(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta[\s>]|<table[\s>]|<div[\s>]|<style[\s>]|<title[\s>]|<!-{2})/i;
/**
 * XML Spreadsheet 2003: its namespace or its processing instruction near the start. Matches
 * `<?mso-application progid="Excel.Sheet"?>`, `xmlns="urn:schemas-microsoft-com:office:spreadsheet"`.
 */
const XML_SPREADSHEET = /urn:schemas-microsoft-com:office:spreadsheet|progid="Excel\.Sheet"/i;

/**
 * A MIME header line first: a page saved as one file (MHTML) by Chrome (`From: <Saved by Blink>`), Internet
 * Explorer or Excel (`MIME-Version: 1.0`), which some systems export as .xls. Matches `MIME-Version: 1.0`,
 * `From: <Saved by Blink>`, `Content-Type: multipart/related;`.
 */
const MIME_HEADER =
  /^(?:MIME-Version|From|Content-Type|Subject|Date|Snapshot-Content-Location|X-[A-Za-z-]+):/i;

/** What the bytes are, looking at their start only. */
export function sniffWorkbook(bytes: Uint8Array): SniffedWorkbook {
  if (isCompoundFile(bytes)) return "compound";
  if (isZip(bytes)) return "zip";
  const start = head(bytes, 2048);
  if (start.startsWith("<?xml")) {
    if (XML_SPREADSHEET.test(start)) return "xml-spreadsheet";
    return /<html[\s>]/i.test(start) ? "html" : "unknown";
  }
  if (HTML_START.test(start)) return "html";
  if (MIME_HEADER.test(start) && isMhtml(start)) return "mhtml";
  // Text: no NUL byte (UTF-16 text has them, and is no table a system exports as .xls) and a tab or a comma.
  for (let k = 0; k < Math.min(bytes.length, 4096); k++) if (bytes[k] === 0) return "unknown";
  return /[\t,]/.test(start) ? "text" : "unknown";
}
