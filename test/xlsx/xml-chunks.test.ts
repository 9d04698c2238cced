import { inflateRawSync } from "zlib";
import type { XmlChunks as XmlChunksType } from "../../src/xlsx/xml-chunks";
import { fflateCodec } from "../../src/xlsx/zip-codec";

/** Writes pieces through XmlChunks (loaded with or without Node's Buffer) and inflates what it compressed. */
async function roundTrip(withoutBuffer: boolean, pieces: string[]): Promise<string> {
  const saved = globalThis.Buffer;
  let XmlChunks!: typeof XmlChunksType;
  jest.isolateModules(() => {
    if (withoutBuffer) (globalThis as { Buffer?: unknown }).Buffer = undefined;
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the module must load while Buffer is hidden.
      XmlChunks = (require("../../src/xlsx/xml-chunks") as { XmlChunks: typeof XmlChunksType }).XmlChunks;
    } finally {
      globalThis.Buffer = saved;
    }
  });
  const out = new XmlChunks(fflateCodec);
  for (const piece of pieces) out.write(piece);
  const compressed = await out.finish().finish();
  return inflateRawSync(Buffer.concat(compressed)).toString("utf8");
}

test.each([
  ["Node (Buffer#write)", false],
  ["a browser (TextEncoder#encodeInto)", true],
])(
  "%s: pieces across chunk boundaries, long pieces and astral characters arrive whole",
  async (_name, withoutBuffer) => {
    const pieces = Array.from({ length: 30_000 }, (_v, i) => `<c r="A${i}">指标😀${i}</c>`);
    pieces.push("长".repeat(700_000));
    expect(await roundTrip(withoutBuffer, pieces)).toBe(pieces.join(""));
  },
);
