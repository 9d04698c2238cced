/**
 * Excel on the web rejects a request over 5 MB ("Resource limits and performance optimization"). Operations are
 * queued against a byte budget and the context is synced only when the next operation would overflow it, so a
 * run costs one sync per full chunk and never one per cell, row or issue. Per-cell operations go through
 * queueInChunks: their proxies are created in a loop with no sync inside it, and the syncs fall between chunks.
 *
 * The costs are what Office.js itself puts on the wire. Its request body is JSON: every object an operation
 * touches is an entry of ObjectPaths plus an Instantiate action, and the operation is one more action carrying
 * its arguments and an early-dispose list of path ids (ClientRequestBase.buildRequestMessageBodyAndRequestFlags
 * in @microsoft/office-js). Measured with the real library (`npm run bench:excel`; test/browser/
 * request-size.test.ts keeps the fake host's serializer within a few per cent of it), at the 7-digit ids a
 * 70,000-indicator run reaches:
 *
 * | operation                                              | bytes, measured | budgeted                  |
 * | ------------------------------------------------------ | --------------- | ------------------------- |
 * | getRange(cell).format.fill.load(color … tintAndShade)  | 623 – 664       | 700 + address             |
 * | getRange(cell).format.fill.color = c (or .clear())     | 628 – 637       | 680 + address             |
 * | … and two more fill properties on the same fill       | +217            | +120 each                 |
 * | getRange(cell).hyperlink = link                        | 313 + link JSON | 340 + link JSON           |
 * | getRange(block).numberFormat = f; .values = v          | 434 + f + v     | 480 + JSON of f and v     |
 * | … over 1,500 cells, per 1,500-cell piece and property    | ~700            | 760                       |
 * | getRanges(areas).format.fill.color = c                 | 635 + areas     | 680 + areas               |
 *
 * Office.js writes values and number formats of more than 1,500 cells in pieces of about 1,500 cells, each
 * through getRow(i).getBoundingRect(getRow(j)) (setRangePropertiesInBulk): three more object paths a piece.
 *
 * The budget is 2,000,000 UTF-8 bytes: well under 5 MB, and under 4 MB even should a host count the request in
 * UTF-16 (2 bytes a character).
 */

export const REQUEST_BUDGET_BYTES = 2_000_000;

/** Bytes Office.js sends for each kind of operation the shell queues (see the table above). */
export const OPERATION_BYTES = {
  fillRead: 700,
  fillWrite: 680,
  fillExtraProperty: 120,
  hyperlink: 340,
  valuesBlock: 480,
  /** Per 1,500-cell piece of a large values or number-format write, per property. */
  bulkPiece: 760,
  /** Anything else queued once per run (a sheet, a table, a header): a generous flat cost. */
  other: 1000,
  /**
   * worksheet.comments.add(address, text) with a load of the new comment's id, besides the text and address: the
   * method's object path, its instantiation and the query (not measured with the real library: budgeted as a
   * hyperlink and a fill read together).
   */
  commentAdd: 1100,
  /** A comment (or note) listed: its item's location loaded, or its deletion. */
  commentItem: 700,
  /** Every request: the braces, and the workbook, its worksheets and the sheet instantiated again. */
  request: 1000,
} as const;

/** UTF-8 length of a string without TextEncoder (Internet Explorer 11 has none): CJK costs 3 bytes. */
export function utf8Bytes(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    // Each half of a surrogate pair adds 1: the pair's 2 units become 4 bytes.
    bytes += code < 0x800 || (code >= 0xd800 && code <= 0xdfff) ? 1 : 2;
  }
  return bytes;
}

/** Size of a value as UTF-8 JSON, the way it travels in the request. */
export function jsonBytes(value: unknown): number {
  return utf8Bytes(JSON.stringify(value));
}

/** Office.js's piece size for large values and number-format writes (setRangePropertiesInBulk). */
export const BULK_PIECE_CELLS = 1500;

/**
 * Items measured or queued between two pauses, when the budget has a pause: a request of 2 MB holds about 4,400
 * per-cell operations, which took the thread for a second on Internet Explorer 11's built-ins (npm run
 * bench:ie11); 1,000 take about a fifth of that.
 */
export const QUEUE_SLICE_ITEMS = 1_000;

export class RequestBudget {
  private used = 0;
  private sincePause = 0;
  constructor(
    private readonly context: { sync(): Promise<unknown> },
    private readonly limit = REQUEST_BUDGET_BYTES,
    /** What every request costs besides its operations. */
    private readonly perRequest: number = OPERATION_BYTES.request,
    /**
     * Gives the thread back to the host every QUEUE_SLICE_ITEMS items while a request is being built (the
     * operations wait in the context; nothing is sent): absent, the budget never pauses.
     */
    private readonly pause?: () => Promise<void>,
  ) {}

  /** Counts `items` done: true when a slice's worth was and the budget has a pause (awaited only then). */
  private due(items: number): boolean {
    if (!this.pause) return false;
    this.sincePause += items;
    if (this.sincePause < QUEUE_SLICE_ITEMS) return false;
    this.sincePause = 0;
    return true;
  }

  /** Call before queueing an operation of about `bytes`: syncs what is queued first when it would not fit. */
  async reserve(bytes: number): Promise<void> {
    if (this.used > 0 && this.perRequest + this.used + bytes > this.limit) await this.flush();
    this.used += bytes;
  }

  /**
   * Queues the items a chunk at a time: a chunk is as many items as fit in the budget (at least one), the budget
   * may sync before a chunk, and `queueChunk` (which creates the chunk's proxies) never awaits anything. It gets
   * the chunk and the index of its first item. `chunkBytes` is what each chunk costs besides its items (the one
   * range a block of rows is written through). With a pause (the constructor's), the budget pauses while it
   * measures; `pieces: "items"` says each item is queued on its own (a cell's fill, a link), so a chunk may be
   * handed to queueChunk in pieces with pauses between them; "whole" (a block of rows written as one range) never.
   */
  async queueInChunks<T>(
    items: readonly T[],
    bytesOf: (item: T) => number,
    queueChunk: (chunk: readonly T[], start: number) => void,
    chunkBytes = 0,
    pieces: "whole" | "items" = "items",
  ): Promise<void> {
    let start = 0;
    while (start < items.length) {
      let end = start;
      let bytes = chunkBytes;
      while (end < items.length) {
        const itemBytes = bytesOf(items[end]!);
        if (end > start && this.perRequest + bytes + itemBytes > this.limit) break;
        bytes += itemBytes;
        end++;
        if (this.due(1)) await this.pause!();
      }
      await this.reserve(bytes);
      if (pieces === "whole" || !this.pause) queueChunk(items.slice(start, end), start);
      else
        for (let from = start; from < end; from += QUEUE_SLICE_ITEMS) {
          const to = Math.min(end, from + QUEUE_SLICE_ITEMS);
          queueChunk(items.slice(from, to), from);
          if (to < end && this.due(to - from)) await this.pause();
        }
      start = end;
    }
  }

  /** Sends whatever is queued. */
  async flush(): Promise<void> {
    await this.context.sync();
    this.used = 0;
  }
}
