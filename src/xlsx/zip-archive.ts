/**
 * The entries of a zip package, read from its central directory (PKWARE APPNOTE 4.3.12–4.3.16, with the zip64
 * extra field of 4.5.3). fflate inflates and writes archives but does not expose where each entry's compressed
 * bytes sit, and the package editor copies the parts it does not change as those very bytes. Reading the
 * directory also gives every part's uncompressed size before anything is inflated, so a zip bomb is refused
 * without inflating it.
 */
import { TooLargeError, type ZipCodec } from "./zip-codec";

export interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflated; anything else can be copied but not read. */
  readonly method: number;
  readonly crc: number;
  readonly compressedSize: number;
  /** Uncompressed size as the directory declares it; inflating past it is refused. */
  readonly size: number;
  /** Offset of the compressed data in the archive. */
  readonly dataOffset: number;
  /** Modification time from the DOS date and time fields. */
  readonly mtime: Date;
}

export interface ZipArchive {
  readonly bytes: Uint8Array;
  /** In directory order, which the writer keeps. */
  readonly entries: readonly ZipEntry[];
  readonly byName: ReadonlyMap<string, ZipEntry>;
}

/** Why bytes are not a zip archive this reader accepts; the caller turns it into one sentence. */
export class ZipFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ZipFormatError";
  }
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function u16(b: Uint8Array, at: number): number {
  return b[at]! | (b[at + 1]! << 8);
}
function u32(b: Uint8Array, at: number): number {
  return (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
}
function u64(b: Uint8Array, at: number): number {
  return u32(b, at) + u32(b, at + 4) * 0x100000000;
}

export function readZipArchive(bytes: Uint8Array): ZipArchive {
  const eocd = findEndOfDirectory(bytes);
  let count = u16(bytes, eocd + 10);
  let directorySize = u32(bytes, eocd + 12);
  let directoryOffset = u32(bytes, eocd + 16);
  if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || u32(bytes, locator) !== ZIP64_LOCATOR)
      throw new ZipFormatError("zip64 locator missing");
    const record = u64(bytes, locator + 8);
    if (record + 56 > bytes.length || u32(bytes, record) !== ZIP64_EOCD)
      throw new ZipFormatError("zip64 directory record missing");
    count = u64(bytes, record + 32);
    directorySize = u64(bytes, record + 40);
    directoryOffset = u64(bytes, record + 48);
  }
  if (directoryOffset + directorySize > bytes.length) throw new ZipFormatError("directory out of range");
  const utf8 = new TextDecoder("utf-8");
  const latin1 = new TextDecoder("latin1");
  const entries: ZipEntry[] = [];
  const byName = new Map<string, ZipEntry>();
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== CENTRAL) throw new ZipFormatError("bad directory entry");
    const flags = u16(bytes, at + 8);
    const method = u16(bytes, at + 10);
    const time = u16(bytes, at + 12);
    const date = u16(bytes, at + 14);
    const crc = u32(bytes, at + 16);
    let compressedSize = u32(bytes, at + 20);
    let size = u32(bytes, at + 24);
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    let localOffset = u32(bytes, at + 42);
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
    // Bit 11: the name is UTF-8; otherwise code page 437, which agrees with Latin-1 on the ASCII part names use.
    const name = (flags & 0x800 ? utf8 : latin1).decode(nameBytes);
    const extra = bytes.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength);
    if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
      const zip64 = readZip64Extra(
        extra,
        size === 0xffffffff,
        compressedSize === 0xffffffff,
        localOffset === 0xffffffff,
      );
      size = zip64.size ?? size;
      compressedSize = zip64.compressedSize ?? compressedSize;
      localOffset = zip64.localOffset ?? localOffset;
    }
    if (flags & 1) throw new ZipFormatError("encrypted entry");
    if (localOffset + 30 > bytes.length || u32(bytes, localOffset) !== LOCAL)
      throw new ZipFormatError("bad local header");
    const dataOffset = localOffset + 30 + u16(bytes, localOffset + 26) + u16(bytes, localOffset + 28);
    if (dataOffset + compressedSize > bytes.length) throw new ZipFormatError("entry out of range");
    const entry: ZipEntry = {
      name,
      method,
      crc,
      compressedSize,
      size,
      dataOffset,
      mtime: dosTime(date, time),
    };
    entries.push(entry);
    byName.set(name, entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return { bytes, entries, byName };
}

function findEndOfDirectory(bytes: Uint8Array): number {
  // The record is 22 bytes plus a comment of at most 65,535.
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= stop; at--) if (u32(bytes, at) === EOCD) return at;
  throw new ZipFormatError("not a zip archive");
}

function readZip64Extra(
  extra: Uint8Array,
  hasSize: boolean,
  hasCompressed: boolean,
  hasOffset: boolean,
): { size?: number; compressedSize?: number; localOffset?: number } {
  for (let at = 0; at + 4 <= extra.length;) {
    const id = u16(extra, at);
    const length = u16(extra, at + 2);
    if (id === 0x0001) {
      let field = at + 4;
      const read = (): number => {
        const v = u64(extra, field);
        field += 8;
        return v;
      };
      return {
        ...(hasSize ? { size: read() } : {}),
        ...(hasCompressed ? { compressedSize: read() } : {}),
        ...(hasOffset ? { localOffset: read() } : {}),
      };
    }
    at += 4 + length;
  }
  throw new ZipFormatError("zip64 sizes missing");
}

function dosTime(date: number, time: number): Date {
  return new Date(
    1980 + (date >> 9),
    ((date >> 5) & 0xf) - 1,
    date & 0x1f,
    time >> 11,
    (time >> 5) & 0x3f,
    (time & 0x1f) * 2,
  );
}

/** The entry's compressed bytes, as stored. */
export function rawEntryData(archive: ZipArchive, entry: ZipEntry): Uint8Array {
  return archive.bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
}

/** The whole part, inflated; never more than its declared size. */
export function entryBytes(archive: ZipArchive, entry: ZipEntry, codec: ZipCodec): Uint8Array {
  const data = rawEntryData(archive, entry);
  if (entry.method === 0) return data;
  if (entry.method !== 8) throw new ZipFormatError(`unsupported compression method ${entry.method}`);
  const out = codec.inflate(data, entry.size);
  if (out.length !== entry.size) throw new ZipFormatError(`${entry.name}: size differs from the directory`);
  return out;
}

/** The part a chunk at a time (see ZipCodec.inflateChunks); never more than its declared size. */
export async function entryChunks(
  archive: ZipArchive,
  entry: ZipEntry,
  codec: ZipCodec,
  onChunk: (chunk: Uint8Array) => void,
): Promise<void> {
  const data = rawEntryData(archive, entry);
  if (entry.method === 0) {
    onChunk(data);
    return;
  }
  if (entry.method !== 8) throw new ZipFormatError(`unsupported compression method ${entry.method}`);
  try {
    await codec.inflateChunks(data, entry.size, onChunk);
  } catch (error) {
    if (error instanceof TooLargeError)
      throw new ZipFormatError(`${entry.name}: larger than the directory says`);
    throw error;
  }
}
