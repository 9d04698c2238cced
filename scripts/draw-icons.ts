/**
 * Draws the add-in's icons (assets/icon-16/32/64/80.png): a green tile holding a white sheet whose rows are
 * split out, one of them marked red, the way the add-in marks a cell. Shapes are described in a unit square
 * and sampled 4×4 per pixel for smooth edges; the PNG is written with Node's zlib, no image library needed.
 * Run: npx tsx scripts/draw-icons.ts
 */
import { writeFileSync } from "fs";
import { join } from "path";
import { deflateSync } from "zlib";

type Rgba = [number, number, number, number];

interface Shape {
  readonly inside: (x: number, y: number) => boolean;
  readonly color: Rgba;
}

function roundedRect(
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  r: number,
): (x: number, y: number) => boolean {
  return (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
    const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
    return dx * dx + dy * dy <= r * r;
  };
}

const GREEN: Rgba = [31, 111, 67, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const ROW: Rgba = [120, 160, 135, 255];
const RED: Rgba = [214, 54, 64, 255];
const YELLOW: Rgba = [240, 190, 40, 255];

/** Painted in order; later shapes cover earlier ones. */
const SHAPES: Shape[] = [
  { inside: roundedRect(0.02, 0.02, 0.98, 0.98, 0.2), color: GREEN },
  { inside: roundedRect(0.17, 0.15, 0.83, 0.85, 0.06), color: WHITE },
  { inside: roundedRect(0.27, 0.27, 0.73, 0.36, 0.02), color: ROW },
  { inside: roundedRect(0.27, 0.455, 0.73, 0.545, 0.02), color: ROW },
  { inside: roundedRect(0.27, 0.64, 0.73, 0.73, 0.02), color: ROW },
  { inside: roundedRect(0.27, 0.43, 0.47, 0.57, 0.02), color: RED },
  { inside: roundedRect(0.53, 0.615, 0.73, 0.755, 0.02), color: YELLOW },
];

function pixel(px: number, py: number, size: number): Rgba {
  const samples = 4;
  const sum = [0, 0, 0, 0];
  for (let sy = 0; sy < samples; sy++)
    for (let sx = 0; sx < samples; sx++) {
      const x = (px + (sx + 0.5) / samples) / size;
      const y = (py + (sy + 0.5) / samples) / size;
      let color: Rgba = [0, 0, 0, 0];
      for (const shape of SHAPES) if (shape.inside(x, y)) color = shape.color;
      // Premultiplied sums, so transparent samples do not darken the edge.
      for (let i = 0; i < 3; i++) sum[i]! += color[i]! * color[3];
      sum[3]! += color[3];
    }
  const alpha = sum[3]!;
  if (alpha === 0) return [0, 0, 0, 0];
  return [sum[0]! / alpha, sum[1]! / alpha, sum[2]! / alpha, alpha / (samples * samples)].map(
    Math.round,
  ) as Rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

export function encodePng(size: number, rgba: (x: number, y: number) => Rgba): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = rgba(x, y);
      raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

if (require.main === module) {
  for (const size of [16, 32, 64, 80]) {
    const file = join(__dirname, "..", "assets", `icon-${size}.png`);
    writeFileSync(
      file,
      encodePng(size, (x, y) => pixel(x, y, size)),
    );
    console.log(file);
  }
}
