/**
 * The manifest asks only for ExcelApi 1.1 so that Office 2016 and 2019 get the main result. Newer calls are
 * used when the host says it has them, with a fallback otherwise.
 */
export interface ApiSupport {
  /** 1.2: column widths (RangeFormat.columnWidth). Without it the new sheets keep default widths. */
  readonly columnWidths: boolean;
  /**
   * 1.2: getUsedRange(valuesOnly) and WorksheetProtection. Without them a sheet whose formatting reaches far
   * (a whole column filled) is read to its last formatted cell, and a protected sheet is found out by the
   * AccessDenied of the first write.
   */
  readonly valuesOnlyAndProtection: boolean;
  /**
   * 1.5: the run record in the workbook (custom XML parts; the names it also writes are 1.4), shared with the CLI.
   * Below it the add-in keeps its run state in the document settings and only reads the record's names (1.1).
   */
  readonly workbookRecord: boolean;
  /**
   * 1.7: hyperlinks and frozen panes, and NamedItem.formula. Without them the source column holds the cell address
   * as text.
   */
  readonly linksAndFreeze: boolean;
  /**
   * 1.9: multi-area ranges (getRanges) and fill patterns, and the page layout. Without them marks go out as
   * contiguous blocks, and the new sheets print with Excel's default setup.
   */
  readonly multiAreaAndPattern: boolean;
  /** 1.10: comments. With them each marked cell gets a comment saying what is wrong; without, none. */
  readonly comments: boolean;
  /** 1.18: notes. Only read, to leave alone a cell that has a note of the clerk's. */
  readonly notes: boolean;
  /**
   * 1.11: Excel.run's delayForCellEdit ("Delay execution while cell is being edited"): a run clicked while the
   * clerk is typing in a cell waits until they leave it, instead of failing with InvalidOperationInCellEditMode.
   */
  readonly delayForCellEdit?: boolean;
  /**
   * 1.6: conditional formats. Only counted over the marked cells: a rule's fill shows over a mark, so the pane says
   * when one is there.
   */
  readonly conditionalFormats?: boolean;
}

export function detectApiSupport(
  isSetSupported: (name: string, version: string) => boolean = (name, version) =>
    Office.context.requirements.isSetSupported(name, version),
): ApiSupport {
  return {
    columnWidths: isSetSupported("ExcelApi", "1.2"),
    valuesOnlyAndProtection: isSetSupported("ExcelApi", "1.2"),
    workbookRecord: isSetSupported("ExcelApi", "1.5"),
    linksAndFreeze: isSetSupported("ExcelApi", "1.7"),
    multiAreaAndPattern: isSetSupported("ExcelApi", "1.9"),
    comments: isSetSupported("ExcelApi", "1.10"),
    notes: isSetSupported("ExcelApi", "1.18"),
    delayForCellEdit: isSetSupported("ExcelApi", "1.11"),
    conditionalFormats: isSetSupported("ExcelApi", "1.6"),
  };
}
