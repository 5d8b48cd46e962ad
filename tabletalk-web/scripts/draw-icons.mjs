// Draws the app icons in public/ (PNG, for the web app manifest and home screens) from the shapes of
// public/favicon.svg: a rounded terracotta square with a speech bubble. Run once after changing the shapes:
// `node scripts/draw-icons.mjs`. `maskable` icons fill the whole square and keep the bubble in the safe zone.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const terracotta = [0xb4, 0x53, 0x2a];
const cream = [0xfa, 0xf6, 0xf1];

function insideRoundedRect(x, y, left, top, right, bottom, radius) {
  if (x < left || x > right || y < top || y > bottom) return false;
  const cx = Math.min(Math.max(x, left + radius), right - radius);
  const cy = Math.min(Math.max(y, top + radius), bottom - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

// The bubble's tail: the triangle (30,42) (21,49) (21,42) of the 64-unit favicon.
function insideTail(x, y) {
  if (x < 21 || y < 42) return false;
  return y - 42 <= ((30 - x) * 7) / 9;
}

/** The colour (with coverage 0..1) at a point of the 64-unit drawing. */
function sample(x, y, maskable) {
  // A maskable icon is cut to a circle of 80 % by the launcher: draw the bubble smaller, the square full.
  const [u, v] = maskable ? [32 + (x - 32) / 0.8, 32 + (y - 32) / 0.8] : [x, y];
  const inBubble = insideRoundedRect(u, v, 12, 20, 52, 42, 4) || insideTail(u, v);
  if (inBubble) return cream;
  if (maskable || insideRoundedRect(x, y, 0, 0, 64, 64, 14)) return terracotta;
  return null;
}

function crc32(bytes) {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size, maskable) {
  const grid = 4;
  const rows = [];
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < grid; sy++) {
        for (let sx = 0; sx < grid; sx++) {
          const colour = sample(
            ((px + (sx + 0.5) / grid) * 64) / size,
            ((py + (sy + 0.5) / grid) * 64) / size,
            maskable,
          );
          if (!colour) continue;
          sum[0] += colour[0];
          sum[1] += colour[1];
          sum[2] += colour[2];
          sum[3] += 1;
        }
      }
      const at = 1 + px * 4;
      if (sum[3] > 0) {
        row[at] = Math.round(sum[0] / sum[3]);
        row[at + 1] = Math.round(sum[1] / sum[3]);
        row[at + 2] = Math.round(sum[2] / sum[3]);
        row[at + 3] = Math.round((255 * sum[3]) / (grid * grid));
      }
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const out = new URL('../public/', import.meta.url);
for (const [name, size, maskable] of [
  ['icon-192.png', 192, false],
  ['icon-512.png', 512, false],
  ['icon-maskable-512.png', 512, true],
  ['apple-touch-icon.png', 180, true],
]) {
  writeFileSync(new URL(name, out), png(size, maskable));
  console.log(`public/${name}`);
}
