/**
 * The Compound File Binary format ([MS-CFB]) that .xls (Excel 97-2003) and .et (WPS) files are stored in: a
 * small FAT file system in one file. Only reading one named stream is needed (`Workbook`, or `Book` for older
 * files), so this is a small reader of its own rather than a dependency: header, DIFAT, FAT, directory, and the
 * mini stream for streams under the cut-off. Every chain is bounded by the number of sectors, so a damaged or
 * hostile file (a FAT loop, a sector past the end) ends in a CfbFormatError, never a hang.
 */

export class CfbFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CfbFormatError";
  }
}

const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const END_OF_CHAIN = 0xfffffffe;
const FREE_SECTOR = 0xffffffff;

/** Whether the bytes start as a compound file does. */
export function isCompoundFile(bytes: Uint8Array): boolean {
  return bytes.length >= 512 && SIGNATURE.every((b, i) => bytes[i] === b);
}

/** The bytes of the first stream named one of `names` (case-insensitive), or null when there is none. */
export function readCfbStream(bytes: Uint8Array, names: readonly string[]): Uint8Array | null {
  if (!isCompoundFile(bytes)) throw new CfbFormatError("not a compound file");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (at: number): number => {
    if (at + 4 > bytes.length) throw new CfbFormatError("read past the end");
    return view.getUint32(at, true);
  };
  const sectorShift = view.getUint16(0x1e, true);
  if (sectorShift !== 9 && sectorShift !== 12) throw new CfbFormatError("bad sector size");
  const sectorSize = 1 << sectorShift;
  const miniSectorSize = 1 << view.getUint16(0x20, true);
  const sectorCount = Math.floor((bytes.length - sectorSize) / sectorSize) + 1;
  const sectorAt = (id: number): number => {
    if (id >= sectorCount) throw new CfbFormatError("sector past the end");
    return (id + 1) * sectorSize;
  };

  // FAT sectors: 109 in the header, the rest in the DIFAT chain.
  const fatSectors: number[] = [];
  for (let k = 0; k < 109; k++) {
    const id = u32(0x4c + 4 * k);
    if (id !== FREE_SECTOR && id !== END_OF_CHAIN) fatSectors.push(id);
  }
  let difat = u32(0x44);
  for (let guard = 0; difat !== END_OF_CHAIN && difat !== FREE_SECTOR; guard++) {
    if (guard > sectorCount) throw new CfbFormatError("DIFAT loop");
    const at = sectorAt(difat);
    for (let k = 0; k < sectorSize / 4 - 1; k++) {
      const id = u32(at + 4 * k);
      if (id !== FREE_SECTOR && id !== END_OF_CHAIN) fatSectors.push(id);
    }
    difat = u32(at + sectorSize - 4);
  }
  const fat: number[] = [];
  for (const id of fatSectors) {
    const at = sectorAt(id);
    for (let k = 0; k < sectorSize / 4; k++) fat.push(u32(at + 4 * k));
  }
  const chain = (start: number, table: readonly number[], limit: number): number[] => {
    const ids: number[] = [];
    for (let id = start; id !== END_OF_CHAIN; id = table[id] ?? END_OF_CHAIN) {
      if (id === FREE_SECTOR || id >= table.length || ids.length > limit)
        throw new CfbFormatError("broken chain");
      ids.push(id);
    }
    return ids;
  };
  const readChain = (start: number, size: number): Uint8Array => {
    const out = new Uint8Array(size);
    let filled = 0;
    for (const id of chain(start, fat, sectorCount)) {
      if (filled >= size) break;
      const at = sectorAt(id);
      const piece = bytes.subarray(at, Math.min(at + sectorSize, bytes.length, at + size - filled));
      out.set(piece, filled);
      filled += piece.length;
    }
    if (filled < size) throw new CfbFormatError("stream shorter than its size");
    return out;
  };

  // The directory: 128-byte entries.
  const dirSectors = chain(u32(0x30), fat, sectorCount);
  const directory = new Uint8Array(dirSectors.length * sectorSize);
  dirSectors.forEach((id, k) =>
    directory.set(bytes.subarray(sectorAt(id), sectorAt(id) + sectorSize), k * sectorSize),
  );
  const dir = new DataView(directory.buffer);
  interface Entry {
    readonly name: string;
    readonly type: number;
    readonly start: number;
    readonly size: number;
  }
  const entries: Entry[] = [];
  for (let at = 0; at + 128 <= directory.length; at += 128) {
    const nameBytes = Math.min(64, dir.getUint16(at + 0x40, true));
    let name = "";
    for (let k = 0; k + 2 < nameBytes; k += 2) name += String.fromCharCode(dir.getUint16(at + k, true));
    entries.push({
      name,
      type: directory[at + 0x42]!,
      start: dir.getUint32(at + 0x74, true),
      size: dir.getUint32(at + 0x78, true),
    });
  }
  const root = entries[0];
  const wanted = names.map((n) => n.toLowerCase());
  const entry = entries.find((e) => e.type === 2 && wanted.includes(e.name.toLowerCase()));
  if (!root || !entry) return null;
  if (entry.size > bytes.length) throw new CfbFormatError("stream larger than the file");
  const cutoff = u32(0x38);
  if (entry.size >= cutoff) return readChain(entry.start, entry.size);

  // A small stream lives in the mini stream (the root entry's data), addressed through the mini FAT.
  if (root.size > bytes.length) throw new CfbFormatError("mini stream larger than the file");
  const miniStream = readChain(root.start, root.size);
  const miniFatSectors = u32(0x40);
  if (miniFatSectors > sectorCount) throw new CfbFormatError("mini FAT larger than the file");
  const miniFatBytes = readChain(u32(0x3c), miniFatSectors * sectorSize);
  const miniFat: number[] = [];
  for (let k = 0; k + 4 <= miniFatBytes.length; k += 4)
    miniFat.push(new DataView(miniFatBytes.buffer).getUint32(k, true));
  const out = new Uint8Array(entry.size);
  let filled = 0;
  for (const id of chain(entry.start, miniFat, miniFat.length)) {
    if (filled >= entry.size) break;
    const at = id * miniSectorSize;
    const piece = miniStream.subarray(at, Math.min(at + miniSectorSize, at + entry.size - filled));
    out.set(piece, filled);
    filled += piece.length;
  }
  if (filled < entry.size) throw new CfbFormatError("mini stream shorter than its size");
  return out;
}
