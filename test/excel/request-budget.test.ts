import { QUEUE_SLICE_ITEMS, RequestBudget, utf8Bytes } from "../../src/excel/request-budget";

/** A context that only counts syncs, like the fake host's. */
function countingContext() {
  const context = { syncs: 0, sync: async () => void context.syncs++ };
  return context;
}

describe("RequestBudget.queueInChunks", () => {
  test.each<[string, number[], number, number[][]]>([
    ["everything fits: one chunk, no sync", [10, 20, 30], 100, [[0, 1, 2]]],
    [
      "split where the next item would overflow",
      [40, 40, 40, 40],
      100,
      [
        [0, 1],
        [2, 3],
      ],
    ],
    ["an item bigger than the budget goes alone", [10, 500, 10], 100, [[0], [1], [2]]],
  ])("%s", async (_, sizes, limit, expectedChunks) => {
    const context = countingContext();
    const budget = new RequestBudget(context, limit, 0);
    // The sync count each item was queued under: items of one chunk share it, no sync happens among them.
    const queuedUnder: number[] = [];
    await budget.queueInChunks(
      sizes.map((bytes, index) => ({ bytes, index })),
      (item) => item.bytes,
      (chunk) => chunk.forEach(() => queuedUnder.push(context.syncs)),
    );
    const chunks: number[][] = [];
    queuedUnder.forEach((sync, index) => (chunks[sync] ??= []).push(index));
    expect(chunks).toEqual(expectedChunks);
    expect(context.syncs).toBe(expectedChunks.length - 1);
  });

  test("what was queued before counts against the first chunk", async () => {
    const context = countingContext();
    const budget = new RequestBudget(context, 100, 0);
    await budget.reserve(90);
    const queuedUnder: number[] = [];
    await budget.queueInChunks(
      [20],
      (bytes) => bytes,
      (chunk) => chunk.forEach(() => queuedUnder.push(context.syncs)),
    );
    expect(queuedUnder).toEqual([1]);
  });

  test("each chunk pays its own overhead, and learns where it starts", async () => {
    const context = countingContext();
    const budget = new RequestBudget(context, 100, 0);
    const chunks: [number[], number][] = [];
    await budget.queueInChunks(
      [30, 30, 30, 30],
      (b) => b,
      (chunk, start) => chunks.push([[...chunk], start]),
      40,
    );
    // 40 + 30 + 30 = 100 fits exactly; a third item would not.
    expect(chunks).toEqual([
      [[30, 30], 0],
      [[30, 30], 2],
    ]);
    expect(context.syncs).toBe(1);
  });
});

test.each(["", "abc", "合计", "é", "𠀋𠀋", "mixed 指标 ≥95% 😀"])(
  "utf8Bytes(%j) is the UTF-8 length",
  (text) => {
    expect(utf8Bytes(text)).toBe(Buffer.byteLength(text, "utf8"));
  },
);

test("every request's own overhead counts too", async () => {
  const context = countingContext();
  const budget = new RequestBudget(context, 100, 30);
  const chunks: number[][] = [];
  await budget.queueInChunks(
    [30, 30, 30],
    (b) => b,
    (chunk) => chunks.push([...chunk]),
  );
  expect(chunks).toEqual([[30, 30], [30]]);
});

describe("RequestBudget with a pause: the thread goes back to the host while a request is built", () => {
  const items = Array.from({ length: 3_500 }, (_, index) => index);

  test("per-cell items: pieces of at most QUEUE_SLICE_ITEMS with pauses between, in the same requests", async () => {
    const plain = countingContext();
    const chunks: number[] = [];
    await new RequestBudget(plain, 20_000, 0).queueInChunks(
      items,
      () => 10,
      (c) => void chunks.push(c.length),
    );
    const context = countingContext();
    let pauses = 0;
    const pieces: { length: number; syncs: number }[] = [];
    const budget = new RequestBudget(context, 20_000, 0, async () => void pauses++);
    await budget.queueInChunks(
      items,
      () => 10,
      (c) => void pieces.push({ length: c.length, syncs: context.syncs }),
    );
    expect(context.syncs).toBe(plain.syncs);
    expect(pieces.every((p) => p.length <= QUEUE_SLICE_ITEMS)).toBe(true);
    expect(pieces.reduce((n, p) => n + p.length, 0)).toBe(items.length);
    // Measuring 3,500 items and queueing them: a pause every 1,000 of each.
    expect(pauses).toBeGreaterThanOrEqual(5);
    expect(chunks.length).toBeLessThan(pieces.length);
  });

  test("a block written as one range is never split", async () => {
    const context = countingContext();
    const chunks: number[] = [];
    const budget = new RequestBudget(context, 20_000, 0, async () => undefined);
    await budget.queueInChunks(
      items,
      () => 10,
      (c) => void chunks.push(c.length),
      0,
      "whole",
    );
    expect(chunks).toEqual([2_000, 1_500]);
  });
});
