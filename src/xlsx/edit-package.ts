/**
 * The output of `normalize`: the input's own package with the tool's parts added and only the parts it must
 * change rewritten (DESIGN.md, "The file shell edits the workbook's package"):
 * - the 指标明细 and 校验结果 worksheets, their table parts and relationships;
 * - their entries in workbook.xml, its relationships and [Content_Types].xml, and the record of the run
 *   (run-record.ts): hidden defined names and a custom XML part;
 * - styles.xml, with the mark formats appended (a copy of each marked cell's format with the mark's fill, so
 *   number formats, fonts and borders stay), and the `s` attributes of the marked (or restored) cells.
 * A previous run's sheets and record are removed and its marks restored first. Every other part is copied as
 * stored, byte for byte. Pure: bytes in, bytes out.
 */
import {
  MARK_COLORS,
  MARK_PATTERNS,
  quoteSheetName,
  type Plan,
  type PlanNote,
  type PlanSheet,
  type PlanSheetKey,
} from "../core";
import { CELLS_NAME_PREFIX, cellsNameFormulas } from "../workbook/run-record-format";
import { editCellStyles, setTabSelected } from "./edit-cell-styles";
import { editNotes, NOTE_CONTENT_TYPES } from "./legacy-notes";
import { planSheetXml, printTitlesFormula, type PlanSheetStyles } from "./plan-sheet-xml";
import {
  OWN_NAME_PREFIX,
  recordPropsXml,
  recordXml,
  SHEET_NAME_KEYS,
  sourceName,
  type MarkedSheet,
  type MarkSeverity,
  type RecordedMark,
  type RunRecord,
} from "./run-record";
import { namesToAvoid, sheetsToReplace, stillWearsMark } from "../workbook/rerun-rules";
import { MINIMAL_STYLES, StylesPart, withAttributes } from "./styles-part";
import { attribute } from "../workbook/xml-scanner";
import { escapeXmlAttribute, escapeXmlText } from "../workbook/xml-text";
import { setTagAttributes, startTagEnd } from "./start-tag";
import {
  readPartText,
  readRelationships,
  REL_TYPES,
  relativeTarget,
  relsPathOf,
  relTypeIs,
  resolveTarget,
  type PackageSheet,
  type XlsxPackage,
} from "./xlsx-package";
import { writeZip, type DeflatedPart, type OutputPart } from "./write-zip";
import { randomGuid } from "./random-guid";

const CONTENT_TYPES = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  table: "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  customXmlProps: "application/vnd.openxmlformats-officedocument.customXmlProperties+xml",
  xml: "application/xml",
} as const;

/** A table part of the package: its id and name are workbook-wide and must not be reused. */
export interface PackageTable {
  readonly path: string;
  readonly sheetPath: string;
  readonly id: number;
  readonly name: string;
}

export function packageTables(pkg: XlsxPackage): PackageTable[] {
  const tables: PackageTable[] = [];
  for (const sheet of pkg.sheets) {
    if (!sheet.path) continue;
    for (const rel of readRelationships(pkg, relsPathOf(sheet.path))) {
      if (!relTypeIs(rel.type, REL_TYPES.table) || rel.external) continue;
      const path = resolveTarget(sheet.path, rel.target);
      if (!pkg.archive.byName.has(path)) continue;
      const xml = readPartText(pkg, path);
      const tag = /<(?:\w+:)?table\b[^>]*>/.exec(xml)?.[0] ?? "";
      tables.push({
        path,
        sheetPath: sheet.path,
        id: Number(attribute(tag.slice(1), "id") ?? 0),
        name: attribute(tag.slice(1), "displayName") ?? attribute(tag.slice(1), "name") ?? "",
      });
    }
  }
  return tables;
}

/** The previous run's sheets that this run replaces (all of them but the one being analysed). */
function replacedSheets(pkg: XlsxPackage, record: RunRecord, sourceSheet: string): PackageSheet[] {
  const replaced = sheetsToReplace(
    record.ownSheets.map((s) => s.name),
    sourceSheet,
  );
  return pkg.sheets.filter((s) => replaced.indexOf(s.name) >= 0);
}

/** Names the plan must avoid: sheets that stay, tables that stay and workbook-level defined names. */
export function namesInUse(
  pkg: XlsxPackage,
  record: RunRecord,
  sourceSheet: string,
): { sheets: string[]; tables: string[] } {
  const replaced = replacedSheets(pkg, record, sourceSheet);
  const tables = packageTables(pkg);
  const onReplaced = (t: PackageTable) => replaced.some((s) => s.path === t.sheetPath);
  return namesToAvoid({
    sheets: pkg.sheets.map((s) => s.name),
    replaced: replaced.map((s) => s.name),
    tables: tables.map((t) => t.name),
    replacedTables: tables.filter(onReplaced).map((t) => t.name),
    definedNames: pkg.definedNames.map((n) => n.name),
  });
}

/**
 * The mark's fill record: the mark's colour, solid for an error, under its kind's pattern otherwise (MARK_PATTERNS:
 * styles.xml gives a patterned fill's pattern colour as fgColor and the cell's colour as bgColor). The same XML
 * every run, so it is found again.
 */
function markFill(severity: MarkSeverity): string {
  const { pattern, color } = MARK_PATTERNS[severity];
  if (color === null) return solidFill(MARK_COLORS[severity]);
  return `<fill><patternFill patternType="${pattern}"><fgColor rgb="${argb(color)}"/><bgColor rgb="${argb(MARK_COLORS[severity])}"/></patternFill></fill>`;
}

/** "#ffc7ce" → "FFFFC7CE" (opaque). */
function argb(color: string): string {
  return `FF${color.slice(1).toUpperCase()}`;
}

/** A solid fill record of "#RRGGBB". */
function solidFill(color: string): string {
  return `<fill><patternFill patternType="solid"><fgColor rgb="${argb(color)}"/><bgColor indexed="64"/></patternFill></fill>`;
}

/** Whether a fill is one the tool's marks use (in a mark colour, opaque; solid or under its kind's pattern). */
function isMarkFill(fill: string | null | undefined): boolean {
  if (!fill) return false;
  const pattern = elementAttribute(fill, "patternFill", "patternType");
  // Read through the tag's attributes, in either quotes: `<fgColor rgb='FFFFC7CE'/>` → FFFFC7CE (alpha FF, then the
  // colour). A solid fill's colour is its fgColor; under a pattern the cell's colour is the bgColor.
  const argbColor = elementAttribute(fill, pattern === "solid" ? "fgColor" : "bgColor", "rgb")?.toUpperCase();
  const color = argbColor && /^FF[0-9A-F]{6}$/.test(argbColor) ? `#${argbColor.slice(2)}` : null;
  return stillWearsMark({ solid: pattern === "solid", color, pattern });
}
/** An attribute of the first `<element>` in some XML, in either quotes: (`<a><b x='1'/></a>`, b, x) → "1". */
function elementAttribute(xml: string, element: string, name: string): string | null {
  const open = new RegExp(`<(?:\\w+:)?${element}(?=[\\s/>])`).exec(xml);
  if (!open) return null;
  const end = startTagEnd(xml, open.index + 1);
  return end < 0 ? null : attribute(xml.slice(open.index + 1, end), name);
}

/** Every `<element …/>` or `<element …>…</element>` of some XML, each replaced by what `edit` returns for it. */
function replaceElements(xml: string, element: string, edit: (whole: string, tag: string) => string): string {
  const open = new RegExp(`<((?:\\w+:)?)${element}(?=[\\s/>])`, "g");
  let out = "";
  let at = 0;
  for (let m = open.exec(xml); m !== null; m = open.exec(xml)) {
    if (m.index < at) continue;
    const end = startTagEnd(xml, m.index + 1);
    if (end < 0) break;
    const tag = xml.slice(m.index + 1, end);
    let after = end + 1;
    if (!tag.endsWith("/")) {
      const close = `</${m[1]}${element}>`;
      const closeAt = xml.indexOf(close, after);
      if (closeAt < 0) break;
      after = closeAt + close.length;
    }
    out += xml.slice(at, m.index) + edit(xml.slice(m.index, after), tag);
    at = after;
    open.lastIndex = after;
  }
  return out + xml.slice(at);
}

export interface EditedPackage {
  readonly bytes: Uint8Array;
  /** Marked cells whose previous mark was left because the clerk had changed its fill. */
  readonly marksLeft: number;
  /** Notes not written because the cell already had a comment of the clerk's (kept as it was). */
  readonly notesSkipped: number;
}

/** The authors the tool's notes are written under, in every language: the next run recognises them all. */
export interface NoteAuthors {
  readonly ours: readonly string[];
}

export async function writeNormalizedPackage(
  pkg: XlsxPackage,
  record: RunRecord,
  plan: Plan,
  noteAuthors: NoteAuthors = { ours: [plan.noteAuthor] },
): Promise<EditedPackage> {
  const changed = new Map<string, string>();
  const added: { name: string; text: string | DeflatedPart }[] = [];
  const deleted = new Set<string>(record.recordParts);
  const sheetByName = new Map(pkg.sheets.map((s) => [s.name, s]));
  const source = sheetByName.get(plan.sourceSheet);
  if (!source?.path) throw new Error(`writeNormalizedPackage: no worksheet "${plan.sourceSheet}"`);
  const replaced = replacedSheets(pkg, record, plan.sourceSheet);
  const tables = packageTables(pkg);
  for (const sheet of replaced) {
    deleted.add(sheet.path!);
    deleted.add(relsPathOf(sheet.path!));
    for (const t of tables) if (t.sheetPath === sheet.path) deleted.add(t.path);
  }
  const keptTables = tables.filter((t) => !deleted.has(t.path));
  const names = new PartNames(pkg, deleted);

  // Styles: the existing part, or a minimal one for a package that has none.
  const stylesRel = pkg.workbookRels.find((r) => relTypeIs(r.type, REL_TYPES.styles));
  const stylesPath = stylesRel ? resolveTarget(pkg.workbookPath, stylesRel.target) : "xl/styles.xml";
  const hasStyles = stylesRel !== undefined && pkg.archive.byName.has(stylesPath);
  const styles = new StylesPart(hasStyles ? readPartText(pkg, stylesPath) : MINIMAL_STYLES);

  // 1. Restore the previous run's marks and mark this run's cells, cell by cell, sheet by sheet: the source sheet,
  // the other sheets an analysis of several sheets marks (PlanMark.sheet), and the sheets marked last time.
  let marksLeft = 0;
  const markedSheets: { sheet: string; marks: RecordedMark[] }[] = [];
  const planMarks = new Map<string, Map<string, MarkSeverity>>([[plan.sourceSheet, new Map()]]);
  for (const m of plan.marks) {
    const sheet = m.sheet ?? plan.sourceSheet;
    let cells = planMarks.get(sheet);
    if (!cells) planMarks.set(sheet, (cells = new Map()));
    cells.set(m.cell, m.severity);
  }
  const markStyles = new Map<string, number>();
  const markStyle = (base: number, severity: MarkSeverity): number => {
    const key = `${base}:${severity}`;
    const known = markStyles.get(key);
    if (known !== undefined) return known;
    const xf =
      styles.item("cellXfs", base) ??
      styles.item("cellXfs", 0) ??
      '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
    const fillId = styles.add("fills", markFill(severity));
    const style = styles.add("cellXfs", withAttributes(xf, { fillId: String(fillId), applyFill: "1" }));
    markStyles.set(key, style);
    return style;
  };
  const editSheet = (
    sheet: PackageSheet,
    cells: Iterable<string>,
    restyle: (cell: string, current: number) => number | null,
    select?: boolean,
  ): void => {
    const original = changed.get(sheet.path!) ?? readPartText(pkg, sheet.path!);
    let xml = editCellStyles(original, cells, restyle);
    if (select !== undefined) xml = setTabSelected(xml, select);
    if (xml !== original) changed.set(sheet.path!, xml);
  };
  const activeSheet = pkg.sheets[pkg.activeTab];
  // The plan's sheet is shown only when the source sheet is the one shown now; another sheet shown by the clerk
  // keeps being shown (changing it would mean editing that sheet too).
  const activate = activeSheet === source || activeSheet === undefined || replaced.includes(activeSheet);
  const previousBySheet = new Map(record.marked.map((m) => [m.sheet, m]));
  const sheetsToEdit = [...new Set([...planMarks.keys(), ...previousBySheet.keys()])];
  for (const name of sheetsToEdit) {
    const sheet = sheetByName.get(name);
    if (!sheet?.path || deleted.has(sheet.path)) continue;
    const previous = previousBySheet.get(name);
    const restored = restorer(styles, previous);
    const wanted = planMarks.get(name) ?? new Map<string, MarkSeverity>();
    const previousCells = previous ? [...previous.marks.map((m) => m.cell), ...previous.legacy] : [];
    const marks: RecordedMark[] = [];
    editSheet(
      sheet,
      [...previousCells, ...wanted.keys()],
      (cell, current) => {
        let style = current;
        if (restored.has(cell)) {
          const back = restored(cell, current);
          if (back === null) marksLeft++;
          else style = back;
        }
        const severity = wanted.get(cell);
        if (severity === undefined) return style === current ? null : style;
        const marked = markStyle(style, severity);
        marks.push({
          cell,
          severity,
          style: marked,
          previousStyle: style,
          previousFill: styles.fillOfXf(style),
        });
        return marked;
      },
      sheet === source && activate ? false : undefined,
    );
    if (marks.length > 0) markedSheets.push({ sheet: name, marks });
  }
  // The source sheet's marks first: IndicatorNormalizer.Source names it (the add-in reads that one).
  markedSheets.sort((a, b) => Number(b.sheet === plan.sourceSheet) - Number(a.sheet === plan.sourceSheet));

  // 1b. Notes on the marked cells (legacy comments and their VML boxes), beside the clerk's own comments; the
  // previous run's notes go, on the sheet it marked too when that was another sheet.
  let notesSkipped = 0;
  const placeNotes = (sheetPath: string, notes: Plan["notes"]): void => {
    const edit = editNotes(pkg, sheetPath, notes, plan.noteAuthor, noteAuthors.ours, (prefix, suffix) =>
      names.next(prefix, suffix),
    );
    notesSkipped += edit.skipped;
    needsVmlDefault ||= edit.needsVmlDefault;
    for (const [name, text] of edit.parts) {
      if (pkg.archive.byName.has(name)) changed.set(name, text);
      else added.push({ name, text });
    }
    for (const name of edit.deleted) deleted.add(name);
    const relsPath = relsPathOf(sheetPath);
    if (edit.sheetRels !== null) {
      if (pkg.archive.byName.has(relsPath)) changed.set(relsPath, edit.sheetRels);
      else added.push({ name: relsPath, text: edit.sheetRels });
    }
    const original = changed.get(sheetPath) ?? readPartText(pkg, sheetPath);
    const xml = edit.editSheet(original);
    if (xml !== original) changed.set(sheetPath, xml);
  };
  let needsVmlDefault = false;
  const notesBySheet = new Map<string, PlanNote[]>();
  for (const note of plan.notes) {
    const sheet = note.sheet ?? plan.sourceSheet;
    const list = notesBySheet.get(sheet);
    if (list === undefined) notesBySheet.set(sheet, [note]);
    else list.push(note);
  }
  for (const name of new Set([plan.sourceSheet, ...sheetsToEdit])) {
    const sheet = sheetByName.get(name);
    if (sheet?.path && !deleted.has(sheet.path)) placeNotes(sheet.path, notesBySheet.get(name) ?? []);
  }

  // 2. The new sheets.
  const nextSheetId = Math.max(0, ...pkg.sheets.map((s) => Number(s.sheetId) || 0)) + 1;
  const newSheets: { planSheet: PlanSheet; path: string; relId: string; sheetId: number }[] = [];
  let tableId = Math.max(0, ...keptTables.map((t) => t.id)) + 1;
  const activeKey: PlanSheetKey | null = activate ? plan.activate : null;
  for (const planSheet of plan.sheets) {
    const path = names.next("xl/worksheets/sheet", ".xml");
    const relId = names.nextRelId();
    newSheets.push({ planSheet, path, relId, sheetId: nextSheetId + newSheets.length });
    const xml = await planSheetXml(
      planSheet,
      planSheetStyles(styles, planSheet),
      {
        selected: planSheet.key === activeKey,
        tableId,
        tableRelId: "rId1",
      },
      pkg.codec,
    );
    added.push({ name: path, text: xml.sheet });
    if (xml.table) {
      const tablePath = names.next("xl/tables/table", ".xml");
      added.push({ name: tablePath, text: xml.table });
      added.push({
        name: relsPathOf(path),
        text: relsXml([{ id: "rId1", type: REL_TYPES.table, target: relativeTarget(path, tablePath) }]),
      });
      tableId++;
    }
  }

  // 3. The record: a custom XML part with the marks, and hidden names for the sheets.
  const relsToAdd: { id: string; type: string; target: string }[] = newSheets.map((s) => ({
    id: s.relId,
    type: REL_TYPES.worksheet,
    target: relativeTarget(pkg.workbookPath, s.path),
  }));
  if (markedSheets.length > 0) {
    const item = names.next("customXml/item", ".xml");
    const props = item.replace(/item(\d+)\.xml$/, "itemProps$1.xml");
    added.push({ name: item, text: recordXml(markedSheets) });
    added.push({ name: props, text: recordPropsXml(`{${randomGuid()}}`) });
    added.push({
      name: relsPathOf(item),
      text: relsXml([{ id: "rId1", type: REL_TYPES.customXmlProps, target: relativeTarget(item, props) }]),
    });
    relsToAdd.push({
      id: names.nextRelId(),
      type: REL_TYPES.customXml,
      target: relativeTarget(pkg.workbookPath, item),
    });
  }
  if (styles.changed || !hasStyles) {
    if (hasStyles) changed.set(stylesPath, styles.toString());
    else {
      added.push({ name: stylesPath, text: styles.toString() });
      relsToAdd.push({
        id: names.nextRelId(),
        type: REL_TYPES.styles,
        target: relativeTarget(pkg.workbookPath, stylesPath),
      });
    }
  }
  const ownNames = [
    ...newSheets.map((s) => ({
      name: SHEET_NAME_KEYS[s.planSheet.key],
      formula: `${quoteSheetName(s.planSheet.name)}!$A$1`,
    })),
    ...markedSheets.map((m, k) => ({ name: sourceName(k), formula: `${quoteSheetName(m.sheet)}!$A$1` })),
    // Where each mark is, in the part's order, sheet by sheet: Excel moves these when the clerk inserts or deletes
    // rows. A name refers to one sheet, so each marked sheet has its own names, numbered on.
    ...markedSheets
      .flatMap((m) =>
        cellsNameFormulas(
          m.sheet,
          m.marks.map((mark) => mark.cell),
        ),
      )
      .map((formula, i) => ({ name: `${CELLS_NAME_PREFIX}${i + 1}`, formula })),
  ];
  const finalOrder = [
    ...pkg.sheets.filter((s) => !replaced.includes(s)).map((s) => s.name),
    ...newSheets.map((s) => s.planSheet.name),
  ];
  // The header row repeated on every printed page: a sheet-level name, as Excel writes print titles.
  const localNames = newSheets.flatMap((s) => {
    const formula = printTitlesFormula(s.planSheet);
    return formula === null
      ? []
      : [{ name: "_xlnm.Print_Titles", formula, localSheetId: finalOrder.indexOf(s.planSheet.name) }];
  });
  const activeName = activeKey
    ? newSheets.find((s) => s.planSheet.key === activeKey)?.planSheet.name
    : activeSheet && !replaced.includes(activeSheet)
      ? activeSheet.name
      : plan.sourceSheet;
  changed.set(
    pkg.workbookPath,
    editWorkbookXml(readPartText(pkg, pkg.workbookPath), {
      removeRelIds: new Set(replaced.map((s) => s.relId)),
      removedIndexes: replaced.map((s) => pkg.sheets.indexOf(s)),
      newSheets: newSheets.map((s) => ({ name: s.planSheet.name, sheetId: s.sheetId, relId: s.relId })),
      ownNames,
      localNames,
      activeTab: Math.max(0, finalOrder.indexOf(activeName ?? plan.sourceSheet)),
    }),
  );
  const workbookRelsPath = relsPathOf(pkg.workbookPath);
  const recordRelsIn = (relsPart: string): string[] =>
    record.recordRels.filter((r) => r.relsPart === relsPart).map((r) => r.id);
  const removedRelIds = new Set([...replaced.map((s) => s.relId), ...recordRelsIn(workbookRelsPath)]);
  // LibreOffice relates custom XML from the package root.
  const rootRecordRels = recordRelsIn("_rels/.rels");
  if (rootRecordRels.length > 0)
    changed.set("_rels/.rels", editRelsXml(readPartText(pkg, "_rels/.rels"), new Set(rootRecordRels), []));
  changed.set(workbookRelsPath, editRelsXml(readPartText(pkg, workbookRelsPath), removedRelIds, relsToAdd));
  changed.set(
    "[Content_Types].xml",
    editContentTypes(
      readPartText(pkg, "[Content_Types].xml"),
      deleted,
      added.map((a) => a.name),
      needsVmlDefault,
    ),
  );

  // 4. The package: originals in their order (copied, rewritten or dropped), then the new parts.
  const encoder = new TextEncoder();
  const parts: OutputPart[] = [];
  for (const entry of pkg.archive.entries) {
    if (deleted.has(entry.name)) continue;
    const text = changed.get(entry.name);
    parts.push(
      text === undefined
        ? { kind: "copy", from: pkg.archive, entry }
        : { kind: "new", name: entry.name, data: encoder.encode(text) },
    );
  }
  for (const part of added)
    parts.push(
      typeof part.text === "string"
        ? { kind: "new", name: part.name, data: encoder.encode(part.text) }
        : { kind: "deflated", name: part.name, part: part.text },
    );
  return { bytes: await writeZip(parts, pkg.codec), marksLeft, notesSkipped };
}

/**
 * The style a previously marked cell goes back to, given the style it has now; null when the clerk changed its
 * fill since (their change stays). `has` tells whether the record lists the cell at all.
 */
function restorer(
  styles: StylesPart,
  previous: MarkedSheet | undefined,
): ((cell: string, current: number) => number | null) & { has(cell: string): boolean } {
  const byCell = new Map<string, RecordedMark | null>();
  for (const m of previous?.marks ?? []) byCell.set(m.cell, m);
  for (const cell of previous?.legacy ?? []) if (!byCell.has(cell)) byCell.set(cell, null);
  const restore = (cell: string, current: number): number | null => {
    const mark = byCell.get(cell);
    if (mark === undefined) return current;
    if (!isMarkFill(styles.fillOfXf(current)) || mark?.unreadable) return null;
    // The cell still wears the mark it was given, and the format it had is still at its index: that exact format.
    if (
      mark &&
      current === mark.style &&
      mark.previousStyle >= 0 &&
      mark.previousStyle < styles.count("cellXfs") &&
      sameButFill(styles, current, mark.previousStyle)
    )
      return mark.previousStyle;
    // Formats renumbered (another program saved the file) or restyled since: keep the format, put the fill back.
    const xf = styles.item("cellXfs", current)!;
    const fillId = mark?.previousFill ? styles.add("fills", mark.previousFill) : 0;
    return styles.add("cellXfs", withAttributes(xf, { fillId: String(fillId) }));
  };
  return Object.assign(restore, { has: (cell: string) => byCell.has(cell) });
}

/**
 * Whether two cell formats differ only in their fill: the mark's format is the previous one with the mark's fill
 * (markStyle). Another program that saved the file may have renumbered the formats (LibreOffice does), and the
 * recorded previous index then names another format: a number format of General for amounts.
 */
function sameButFill(styles: StylesPart, marked: number, previous: number): boolean {
  const unfilled = (index: number): string =>
    withAttributes(styles.item("cellXfs", index)!, { fillId: "0", applyFill: "1" });
  return unfilled(marked) === unfilled(previous);
}

function planSheetStyles(styles: StylesPart, planSheet: PlanSheet): PlanSheetStyles {
  const font = styles.defaultFont();
  const linkFont = styles.add(
    "fonts",
    `<font><u/><sz val="${font.size}"/><color rgb="FF0563C1"/><name val="${font.name}"/>${font.extra}</font>`,
  );
  const boldFont = styles.add(
    "fonts",
    `<font><b/><sz val="${font.size}"/><name val="${font.name}"/>${font.extra}</font>`,
  );
  const xf = (numFmtId: number, fontId: number, wrap: boolean): number =>
    styles.add(
      "cellXfs",
      `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"${fontId ? ' applyFont="1"' : ""} applyAlignment="1"><alignment vertical="top"${wrap ? ' wrapText="1"' : ""}/></xf>`,
    );
  const formats = planSheet.columns.map((c) => styles.numberFormat(c.numberFormat));
  const filled = new Map<string, number>();
  return {
    column: planSheet.columns.map((c, i) => xf(formats[i]!, 0, c.wrap)),
    link: planSheet.columns.map((c, i) => xf(formats[i]!, linkFont, c.wrap)),
    header: styles.add(
      "cellXfs",
      `<xf numFmtId="49" fontId="${boldFont}" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>`,
    ),
    filled: (column, color) => {
      const key = `${column}:${color}`;
      let style = filled.get(key);
      if (style === undefined) {
        const fillId = styles.add("fills", solidFill(color));
        const wrap = planSheet.columns[column]?.wrap ?? false;
        style = styles.add(
          "cellXfs",
          `<xf numFmtId="${formats[column] ?? 0}" fontId="0" fillId="${fillId}" borderId="0" xfId="0" applyNumberFormat="1" applyFill="1" applyAlignment="1"><alignment vertical="top"${wrap ? ' wrapText="1"' : ""}/></xf>`,
        );
        filled.set(key, style);
      }
      return style;
    },
  };
}

/** Free part names and relationship ids, counting the parts being deleted as free. */
class PartNames {
  private readonly taken: Set<string>;
  private relNumber: number;

  constructor(pkg: XlsxPackage, deleted: ReadonlySet<string>) {
    this.taken = new Set(
      pkg.archive.entries.filter((e) => !deleted.has(e.name)).map((e) => e.name.toLowerCase()),
    );
    this.relNumber =
      Math.max(0, ...pkg.workbookRels.map((r) => Number(/^rId(\d+)$/.exec(r.id)?.[1] ?? 0))) + 1;
  }

  next(prefix: string, suffix: string): string {
    for (let n = 1; ; n++) {
      const name = `${prefix}${n}${suffix}`;
      if (!this.taken.has(name.toLowerCase())) {
        this.taken.add(name.toLowerCase());
        return name;
      }
    }
  }

  nextRelId(): string {
    return `rId${this.relNumber++}`;
  }
}

const RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";

function relsXml(rels: readonly { id: string; type: string; target: string }[]): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELS_NS}">` +
    rels.map(relationshipXml).join("") +
    "</Relationships>"
  );
}

function relationshipXml(r: { id: string; type: string; target: string }): string {
  return `<Relationship Id="${r.id}" Type="${r.type}" Target="${escapeXmlAttribute(r.target)}"/>`;
}

function editRelsXml(
  xml: string,
  remove: ReadonlySet<string>,
  add: readonly { id: string; type: string; target: string }[],
): string {
  let out = xml.replace(/<(?:\w+:)?Relationship\b[^>]*?(?:\/>|>\s*<\/(?:\w+:)?Relationship>)/g, (element) => {
    const id = attribute(element.slice(1), "Id");
    return id !== null && remove.has(id) ? "" : element;
  });
  const close = out.lastIndexOf("</");
  out = out.slice(0, close) + add.map(relationshipXml).join("") + out.slice(close);
  return out;
}

function editContentTypes(
  xml: string,
  deleted: ReadonlySet<string>,
  added: readonly string[],
  vmlDefault = false,
): string {
  let out = replaceElements(xml, "Override", (element, tag) => {
    const part = attribute(tag, "PartName");
    return part !== null && deleted.has(part.replace(/^\//, "")) ? "" : element;
  });
  const defaults = new Set<string>();
  replaceElements(out, "Default", (element, tag) => {
    defaults.add((attribute(tag, "Extension") ?? "").toLowerCase());
    return element;
  });
  if (vmlDefault && !defaults.has("vml")) {
    const first = out.search(/<(?:\w+:)?(?:Default|Override)\b/);
    const at = first >= 0 ? first : out.lastIndexOf("</");
    out = `${out.slice(0, at)}<Default Extension="vml" ContentType="${NOTE_CONTENT_TYPES.vml}"/>${out.slice(at)}`;
  }
  const hasXmlDefault = defaults.has("xml");
  const overrides = added
    .map((name) => {
      const type = name.endsWith(".rels")
        ? null
        : name.startsWith("xl/worksheets/")
          ? CONTENT_TYPES.worksheet
          : name.startsWith("xl/tables/")
            ? CONTENT_TYPES.table
            : /customXml\/itemProps\d+\.xml$/.test(name)
              ? CONTENT_TYPES.customXmlProps
              : /^xl\/comments\d+\.xml$/.test(name)
                ? NOTE_CONTENT_TYPES.comments
                : name.endsWith(".vml")
                  ? null
                  : name.endsWith("styles.xml")
                    ? CONTENT_TYPES.styles
                    : hasXmlDefault
                      ? null
                      : CONTENT_TYPES.xml;
      return type ? `<Override PartName="/${escapeXmlAttribute(name)}" ContentType="${type}"/>` : "";
    })
    .join("");
  const close = out.lastIndexOf("</");
  return out.slice(0, close) + overrides + out.slice(close);
}

interface WorkbookEdit {
  readonly removeRelIds: ReadonlySet<string>;
  /** Positions (in the original sheet list) of the sheets removed, for sheet-level names and the views. */
  readonly removedIndexes: readonly number[];
  readonly newSheets: readonly { name: string; sheetId: number; relId: string }[];
  readonly ownNames: readonly { name: string; formula: string }[];
  /** Sheet-level names of the new sheets (print titles), at their index in the final sheet order. */
  readonly localNames: readonly { name: string; formula: string; localSheetId: number }[];
  readonly activeTab: number;
}

function editWorkbookXml(xml: string, edit: WorkbookEdit): string {
  const root = /<(\w+:)?workbook\b[^>]*>/.exec(xml);
  const p = root?.[1] ?? "";
  const relPrefix =
    /xmlns:(\w+)="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/.exec(
      root?.[0] ?? "",
    )?.[1];
  let out = replaceElements(xml, "sheet", (element, tag) => {
    const id = /\s(?:[\w.-]+:)?id\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(tag);
    const relId = id ? (id[1] ?? id[2]) : undefined;
    return relId !== undefined && edit.removeRelIds.has(relId) ? "" : element;
  });
  const idAttribute = relPrefix
    ? `${relPrefix}:id`
    : 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id';
  const sheetsXml = edit.newSheets
    .map(
      (s) =>
        `<${p}sheet name="${escapeXmlAttribute(s.name)}" sheetId="${s.sheetId}" ${idAttribute}="${s.relId}"/>`,
    )
    .join("");
  out = out.replace(new RegExp(`</${p}sheets>`), `${sheetsXml}</${p}sheets>`);
  // Defined names: drop the tool's own and the removed sheets' local names, renumber the others' sheet index.
  const removed = [...edit.removedIndexes].sort((a, b) => a - b);
  const shift = (index: number): number | null => {
    if (removed.includes(index)) return null;
    return index - removed.filter((r) => r < index).length;
  };
  out = replaceElements(out, "definedName", (element, tag) => {
    const name = attribute(tag, "name") ?? "";
    const local = attribute(tag, "localSheetId");
    if (local === null) return name.startsWith(OWN_NAME_PREFIX) ? "" : element;
    const moved = shift(Number(local));
    if (moved === null) return "";
    if (moved === Number(local)) return element;
    const end = startTagEnd(element, 1);
    return `<${setTagAttributes(tag, { localSheetId: String(moved) })}${element.slice(end)}`;
  });
  // `<definedNames/>` (nothing in it) is taken as absent: it goes, and a full element is written if needed.
  out = replaceElements(out, "definedNames", (element, tag) => (tag.endsWith("/") ? "" : element));
  const namesXml =
    edit.ownNames
      .map(
        (n) =>
          `<${p}definedName name="${escapeXmlAttribute(n.name)}" hidden="1">${escapeXmlText(n.formula)}</${p}definedName>`,
      )
      .join("") +
    edit.localNames
      .map(
        (n) =>
          `<${p}definedName name="${escapeXmlAttribute(n.name)}" localSheetId="${n.localSheetId}">${escapeXmlText(n.formula)}</${p}definedName>`,
      )
      .join("");
  if (new RegExp(`</${p}definedNames>`).test(out))
    out = out.replace(new RegExp(`</${p}definedNames>`), `${namesXml}</${p}definedNames>`);
  else if (namesXml) {
    const after = [`</${p}externalReferences>`, `</${p}functionGroups>`, `</${p}sheets>`].find((t) =>
      out.includes(t),
    )!;
    out = out.replace(after, `${after}<${p}definedNames>${namesXml}</${p}definedNames>`);
  }
  // An empty definedNames element is invalid.
  out = out.replace(new RegExp(`<${p}definedNames>\\s*</${p}definedNames>`), "");
  // The tab shown on opening; the first tab shown in the bar must still exist.
  let firstView = true;
  out = replaceElements(out, "workbookView", (element, tag) => {
    if (!firstView) return element;
    firstView = false;
    const end = startTagEnd(element, 1);
    return `<${setTagAttributes(tag, { activeTab: String(edit.activeTab), firstSheet: null })}${element.slice(end)}`;
  });
  return out;
}
