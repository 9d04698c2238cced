import * as zlib from "zlib";
import { constants, deflateRawSync, inflateRawSync } from "zlib";
import { crc32 as pureCrc32 } from "./crc32";
import { fflateCodec, TooLargeError, type ZipCodec } from "./zip-codec";

/**
 * zlib.crc32 is Node 20.15's (and 22.2's): the release's CLI file runs on Node 18 too, where it is missing and the
 * pure table-driven CRC (crc32.ts, what the browser uses) takes its place. `npm run release:verify` found this.
 */
const nativeCrc32 = (zlib as { crc32?: (chunk: Uint8Array, previous: number) => number }).crc32;
const crc32 = typeof nativeCrc32 === "function" ? nativeCrc32 : pureCrc32;

const NATIVE_WHOLE_PART = 16 << 20;
const SLICE = 1 << 18;

/** Node's native zlib: the CLI's codec (see zip-codec.ts for why the pure code takes a codec at all). */
export const nodeZipCodec: ZipCodec = {
  inflate(data, size) {
    try {
      return inflateRawSync(data, { maxOutputLength: Math.max(size, 1) });
    } catch (error) {
      if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw new TooLargeError(size);
      throw error;
    }
  },
  async inflateChunks(data, limit, onChunk) {
    // Up to 16 MiB the part is inflated natively at once and handed over a slice at a time; a larger part is
    // inflated by fflate's synchronous stream, which hands each piece over before inflating the next, so memory
    // stays bounded whatever the part's size (Node's own zlib stream buffers ahead of a slow reader).
    if (limit > NATIVE_WHOLE_PART) return fflateCodec.inflateChunks(data, limit, onChunk);
    const whole = this.inflate(data, limit);
    for (let at = 0; at < whole.length; at += SLICE)
      onChunk(whole.subarray(at, Math.min(whole.length, at + SLICE)));
  },
  createDeflater() {
    // Node's zlib has no synchronous stream, so each chunk is deflated on its own, ending with a sync flush (a
    // non-final empty block, byte-aligned): the pieces join into one valid deflate stream, closed by an empty
    // final block (bits 1, 01, end of block: 03 00). Chunks are ~1 MB, so the lost cross-chunk matches cost
    // nothing measurable. Level 1: see zip-codec.ts.
    return {
      push(chunk, final) {
        // Synchronously: compressing on libuv's thread pool beside the XML writer was measured at 40 MB more
        // peak memory for under a tenth of the time, on two cores that other work shares.
        const out: Uint8Array[] =
          chunk.length > 0 ? [deflateRawSync(chunk, { level: 1, finishFlush: constants.Z_SYNC_FLUSH })] : [];
        if (final) out.push(Buffer.from([0x03, 0x00]));
        return Promise.resolve(out);
      },
    };
  },
  crc32: (chunk, previous) => crc32(chunk, previous),
};
