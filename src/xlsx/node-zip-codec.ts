import { createInflateRaw, deflateRawSync, inflateRawSync } from "zlib";
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
  deflate(data) {
    return deflateRawSync(data, { level: 1 });
  },
};
