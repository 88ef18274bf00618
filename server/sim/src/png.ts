import { createHash } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData) >>> 0);
  return Buffer.concat([len, typeAndData, crc]);
}

/** Encodes an 8-bit grayscale image (one byte per pixel, row-major) as a PNG. */
export function encodeGrayPng(width: number, height: number, pixels: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // colour type: grayscale
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter
  ihdr[12] = 0; // interlace
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width + 1)] = 0; // filter type None
    raw.set(pixels.subarray(y * width, (y + 1) * width), y * (width + 1) + 1);
  }
  return Buffer.concat([SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

const MODULES = 25;
const QUIET = 2;

/** A deterministic QR-looking code: three finder squares plus a module pattern from SHA-256 of the text. */
export function fakeCodePng(text: string, width = 430): Buffer {
  const grid: boolean[][] = [];
  let bits = Buffer.alloc(0);
  let counter = 0;
  while (bits.length * 8 < MODULES * MODULES) {
    bits = Buffer.concat([bits, createHash('sha256').update(`${counter++}:${text}`).digest()]);
  }
  const finder = (r: number, c: number): boolean | undefined => {
    for (const [r0, c0] of [[0, 0], [0, MODULES - 7], [MODULES - 7, 0]]) {
      const dr = r - r0;
      const dc = c - c0;
      if (dr >= -1 && dr <= 7 && dc >= -1 && dc <= 7) {
        if (dr < 0 || dr > 6 || dc < 0 || dc > 6) return false; // separator
        const ring = Math.min(dr, dc, 6 - dr, 6 - dc);
        return ring !== 1;
      }
    }
    return undefined;
  };
  for (let r = 0; r < MODULES; r++) {
    const row: boolean[] = [];
    for (let c = 0; c < MODULES; c++) {
      const f = finder(r, c);
      const i = r * MODULES + c;
      row.push(f ?? ((bits[i >> 3] >> (i & 7)) & 1) === 1);
    }
    grid.push(row);
  }
  const total = MODULES + 2 * QUIET;
  const scale = Math.max(1, Math.floor(Math.min(Math.max(width, 280), 1280) / total));
  const size = total * scale;
  const pixels = new Uint8Array(size * size).fill(255);
  for (let y = 0; y < size; y++) {
    const r = Math.floor(y / scale) - QUIET;
    if (r < 0 || r >= MODULES) continue;
    for (let x = 0; x < size; x++) {
      const c = Math.floor(x / scale) - QUIET;
      if (c >= 0 && c < MODULES && grid[r][c]) pixels[y * size + x] = 0;
    }
  }
  return encodeGrayPng(size, size, pixels);
}
