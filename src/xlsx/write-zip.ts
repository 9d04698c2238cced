import { Zip, type ZipInputFile } from "fflate";
import { rawEntryData, type ZipArchive, type ZipEntry } from "./zip-archive";
import type { Deflater, ZipCodec } from "./zip-codec";

/** One part of the package to write: copied as stored in another archive, or new bytes to compress. */
export type OutputPart =
  | { readonly kind: "copy"; readonly from: ZipArchive; readonly entry: ZipEntry }
  | { readonly kind: "new"; readonly name: string; readonly data: Uint8Array }
  | { readonly kind: "deflated"; readonly name: string; readonly part: DeflatedPart };

/** A new part compressed as it is produced: only its compressed bytes are held. */
export class DeflatedPart {
  size = 0;
  crc = 0;
  private readonly pending: Promise<Uint8Array[]>[] = [];
  private readonly deflater: Deflater;
  private done: Promise<Uint8Array[]> | null = null;

  constructor(private readonly codec: ZipCodec) {
    this.deflater = codec.createDeflater();
  }

  add(chunk: Uint8Array): void {
    if (this.done) throw new Error("DeflatedPart: add after finish");
    this.size += chunk.length;
    this.crc = this.codec.crc32(chunk, this.crc);
    this.pending.push(this.deflater.push(chunk, false));
  }

  /**
   * Waits until at most `inFlight` chunks are still being compressed: the writer calls this between rows, so
   * compression runs beside it on the other core without uncompressed chunks piling up.
   */
  async drain(inFlight = 2): Promise<void> {
    while (this.pending.length - this.settled > inFlight) await this.pending[this.settled++];
  }

  private settled = 0;

  /** The compressed chunks, in order, once every chunk is compressed. */
  finish(): Promise<Uint8Array[]> {
    if (!this.done) {
      this.pending.push(this.deflater.push(new Uint8Array(0), true));
      this.done = Promise.all(this.pending).then((parts) => parts.flat());
    }
    return this.done;
  }
}

/**
 * Writes a zip archive with fflate's streaming writer. A copied part keeps its compressed bytes, checksum and
 * method, so it is byte-identical and costs nothing; a new part is deflated by the codec. fflate takes any object
 * with a name, size, checksum and method as an entry (its ZipInputFile), which is what both kinds are here.
 */
export async function writeZip(
  parts: readonly OutputPart[],
  codec: ZipCodec,
  mtime: Date = new Date(),
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else chunks.push(chunk);
  });
  for (const part of parts) {
    const { file, data } = await zipInput(part, codec, mtime);
    zip.add(file);
    // fflate types its chunks as plain-ArrayBuffer views; a Buffer from Node's zlib is one at run time.
    data.forEach((chunk, i) => file.ondata!(null, chunk as Uint8Array<ArrayBuffer>, i === data.length - 1));
    if (data.length === 0) file.ondata!(null, new Uint8Array(0), true);
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

async function zipInput(
  part: OutputPart,
  codec: ZipCodec,
  mtime: Date,
): Promise<{ file: ZipInputFile; data: readonly Uint8Array[] }> {
  if (part.kind === "copy") {
    const { entry } = part;
    return {
      file: {
        filename: entry.name,
        size: entry.size,
        crc: entry.crc,
        compression: entry.method,
        mtime: zipDate(entry.mtime),
      },
      data: [rawEntryData(part.from, entry)],
    };
  }
  const deflated = part.kind === "deflated" ? part.part : new DeflatedPart(codec);
  if (part.kind === "new") deflated.add(part.data);
  const data = await deflated.finish();
  return {
    file: {
      filename: part.name,
      size: deflated.size,
      crc: deflated.crc,
      compression: 8,
      mtime: zipDate(mtime),
    },
    data,
  };
}

/**
 * A date a zip entry can hold: DOS dates run from 1980 to 2107, and fflate throws outside 1980–2099. An entry
 * dated outside (a zero date field reads as 30 November 1979; a clock or writer gone wrong, past 2099) is written
 * at the nearest end of the range instead of failing the whole output.
 */
export function zipDate(date: Date): Date {
  const time = date.getTime();
  if (Number.isNaN(time) || date.getFullYear() < 1980) return new Date(1980, 0, 1);
  if (date.getFullYear() > 2099) return new Date(2099, 11, 31, 23, 59, 58);
  return date;
}
