/**
 * A random version-4 GUID, upper case (`9B2C…-…`). `crypto.randomUUID` where it exists (Node, Chromium 92 and
 * later); elsewhere the same from `crypto.getRandomValues`, which every browser the offline page targets has
 * (Chromium 64 and later: the offline page runs the package writer there, and 360 and 奇安信 ship older Chromiums).
 */
export function randomGuid(): string {
  const crypto = globalThis.crypto;
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID().toUpperCase();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40; // version 4
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0").toUpperCase()).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
