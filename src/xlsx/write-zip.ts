import { Zip, type ZipInputFile } from "fflate";
import { crc32 } from "./crc32";
import { rawEntryData, type ZipArchive, type ZipEntry } from "./zip-archive";
import type { ZipCodec } from "./zip-codec";

/** One part of the package to write: copied as stored in another archive, or new bytes to compress. */
export type OutputPart =
  | { readonly kind: "copy"; readonly from: ZipArchive; readonly entry: ZipEntry }
  | { readonly kind: "new"; readonly name: string; readonly data: Uint8Array };

/**
 * Writes a zip archive with fflate's streaming writer. A copied part keeps its compressed bytes, checksum and
 * method, so it is byte-identical and costs nothing; a new part is deflated by the codec. fflate takes any object
 * with a name, size, checksum and method as an entry (its ZipInputFile), which is what both kinds are here.
 */
export function writeZip(parts: readonly OutputPart[], codec: ZipCodec, mtime: Date = new Date()): Uint8Array {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else chunks.push(chunk);
  });
  for (const part of parts) {
    const { file, data } = zipInput(part, codec, mtime);
    zip.add(file);
    // fflate types its chunks as plain-ArrayBuffer views; a Buffer from Node's zlib is one at run time.
    file.ondata!(null, data as Uint8Array<ArrayBuffer>, true);
  }
  zip.end();
  if (failure) throw failure;
  let length = 0;
  for (const c of chunks) length += c.length;
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function zipInput(part: OutputPart, codec: ZipCodec, mtime: Date): { file: ZipInputFile; data: Uint8Array } {
  if (part.kind === "copy") {
    const { entry } = part;
    return {
      file: {
        filename: entry.name,
        size: entry.size,
        crc: entry.crc,
        compression: entry.method,
        mtime: entry.mtime,
      },
      data: rawEntryData(part.from, entry),
    };
  }
  return {
    file: { filename: part.name, size: part.data.length, crc: crc32(part.data), compression: 8, mtime },
    data: codec.deflate(part.data),
  };
}
