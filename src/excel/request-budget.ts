/**
 * Excel on the web rejects a request over 5 MB. Operations are queued against a byte budget and the context is
 * synced only when the next operation would overflow it, so a run costs one sync per full chunk and never one
 * per cell, row or issue. Per-cell operations go through queueInChunks: their proxies are created in a loop
 * with no sync inside it, and the syncs fall between chunks.
 */

/** Well under the 5 MB limit, leaving room for Office.js's own envelope around each operation. */
export const REQUEST_BUDGET_BYTES = 2_000_000;

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

export class RequestBudget {
  private used = 0;
  constructor(
    private readonly context: { sync(): Promise<unknown> },
    private readonly limit = REQUEST_BUDGET_BYTES,
  ) {}

  /** Call before queueing an operation of about `bytes`: syncs what is queued first when it would not fit. */
  async reserve(bytes: number): Promise<void> {
    if (this.used > 0 && this.used + bytes > this.limit) await this.flush();
    this.used += bytes;
  }

  /**
   * Queues one operation per item, a chunk at a time: a chunk is as many items as fit in the budget, the
   * budget may sync before a chunk, and `queue` (which creates the item's proxies) never awaits anything.
   */
  async queueInChunks<T>(
    items: readonly T[],
    bytesOf: (item: T) => number,
    queue: (item: T) => void,
  ): Promise<void> {
    let start = 0;
    while (start < items.length) {
      let end = start;
      let bytes = 0;
      while (end < items.length) {
        const itemBytes = bytesOf(items[end]!);
        if (end > start && bytes + itemBytes > this.limit) break;
        bytes += itemBytes;
        end++;
      }
      await this.reserve(bytes);
      for (let i = start; i < end; i++) queue(items[i]!);
      start = end;
    }
  }

  /** Sends whatever is queued. */
  async flush(): Promise<void> {
    await this.context.sync();
    this.used = 0;
  }
}
