import { Deflate, Inflate, inflateSync } from "fflate";
import { crc32 } from "./crc32";

/**
 * Raw deflate both ways, as the package reader and writer need it. The writer and the reader are pure (bytes in,
 * bytes out) so that a browser page can use them; this fflate codec works everywhere, and the CLI passes Node's
 * native zlib (node-zip-codec.ts), which inflates a cold 2 MB sheet about 6× faster.
 */
export interface ZipCodec {
  /** The whole part; throws when the data inflates to more than `size` bytes (a lying size is a bomb). */
  inflate(data: Uint8Array, size: number): Uint8Array;
  /** The part a chunk at a time, so a large sheet is never held whole; throws past `limit` bytes. */
  inflateChunks(data: Uint8Array, limit: number, onChunk: (chunk: Uint8Array) => void): Promise<void>;
  /** A deflate stream for one part fed a chunk at a time, so a large sheet is never held uncompressed. */
  createDeflater(): Deflater;
  /** CRC-32 of a chunk, continuing from `previous` (0 to start). */
  crc32(chunk: Uint8Array, previous: number): number;
}

/** Compressed bytes fed to the streaming inflater at a time. */
const FEED = 1 << 16;

export interface Deflater {
  /** Compresses the next chunk (`final` ends the stream); a codec may deliver the bytes later. */
  push(chunk: Uint8Array, final: boolean): Promise<Uint8Array[]>;
}

export class TooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`inflated data exceeds ${limit} bytes`);
    this.name = "TooLargeError";
  }
}

export const fflateCodec: ZipCodec = {
  inflate(data, size) {
    // fflate grows a given output buffer when the data is longer, so check the length it reached.
    const out = inflateSync(data, { out: new Uint8Array(size) });
    if (out.length > size) throw new TooLargeError(size);
    return out;
  },
  async inflateChunks(data, limit, onChunk) {
    let total = 0;
    const inflater = new Inflate((chunk) => {
      total += chunk.length;
      if (total > limit) throw new TooLargeError(limit);
      onChunk(chunk);
    });
    for (let at = 0; at < data.length; at += FEED)
      inflater.push(data.subarray(at, Math.min(data.length, at + FEED)), at + FEED >= data.length);
    if (data.length === 0) inflater.push(new Uint8Array(0), true);
  },
  createDeflater() {
    // Level 1: deflating was about a third of a large write's profile at zlib's default 6; level 1 removes most
    // of it for a file about a third larger.
    let ready: Uint8Array[] = [];
    const deflater = new Deflate({ level: 1 }, (chunk) => ready.push(chunk));
    return {
      push(chunk, final) {
        deflater.push(chunk, final);
        const out = ready;
        ready = [];
        return Promise.resolve(out);
      },
    };
  },
  crc32,
};
