/**
 * CRC-32 (the zip checksum, polynomial 0xEDB88320) of a part written into the package, for the browser: fflate
 * computes it only inside its own compressors, and the package writer hands fflate finished bytes. Node's codec
 * uses zlib.crc32 instead.
 */
const TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

export function crc32(bytes: Uint8Array, previous = 0): number {
  let c = previous ^ -1;
  for (let i = 0; i < bytes.length; i++) c = TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}
