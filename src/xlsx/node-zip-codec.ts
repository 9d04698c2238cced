import { constants, crc32, createInflateRaw, deflateRawSync, inflateRawSync } from "zlib";
import { TooLargeError, type ZipCodec } from "./zip-codec";

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
  inflateChunks(data, limit, onChunk) {
    return new Promise((resolve, reject) => {
      let total = 0;
      const inflater = createInflateRaw({ chunkSize: 1 << 18 });
      inflater.on("data", (chunk: Buffer) => {
        total += chunk.length;
        if (total > limit) {
          inflater.destroy();
          reject(new TooLargeError(limit));
          return;
        }
        try {
          onChunk(chunk);
        } catch (error) {
          inflater.destroy();
          reject(error as Error);
        }
      });
      inflater.on("error", reject);
      inflater.on("end", resolve);
      inflater.end(data);
    });
  },
  createDeflater() {
    // Node's zlib has no synchronous stream, so each chunk is deflated on its own, ending with a sync flush (a
    // non-final empty block, byte-aligned): the pieces join into one valid deflate stream, closed by an empty
    // final block (bits 1, 01, end of block: 03 00). Chunks are ~1 MB, so the lost cross-chunk matches cost
    // nothing measurable. Level 1: see zip-codec.ts.
    return {
      push(chunk, final) {
        const out: Uint8Array[] =
          chunk.length > 0 ? [deflateRawSync(chunk, { level: 1, finishFlush: constants.Z_SYNC_FLUSH })] : [];
        if (final) out.push(Buffer.from([0x03, 0x00]));
        return out;
      },
    };
  },
  crc32: (chunk, previous) => crc32(chunk, previous),
};
