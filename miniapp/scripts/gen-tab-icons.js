#!/usr/bin/env node
// Draws the tab bar icons (81×81 PNG, grey and selected red) into src/assets/tab/.
// Run once after changing a shape: `node scripts/gen-tab-icons.js`. No image library needed.
'use strict'
const fs = require('node:fs')
const path = require('node:path')
const zlib = require('node:zlib')

const SIZE = 81
const SAMPLES = 4 // supersampling per axis, for smooth edges
const COLORS = { '': [0x8a, 0x8a, 0x8a], '-active': [0xe4, 0x39, 0x3c] }

const inRect = (x, y, x0, y0, x1, y1) => x >= x0 && x <= x1 && y >= y0 && y <= y1
const inCircle = (x, y, cx, cy, r) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r
function inRoundRect(x, y, x0, y0, x1, y1, r) {
  if (!inRect(x, y, x0, y0, x1, y1)) return false
  const cx = Math.min(Math.max(x, x0 + r), x1 - r)
  const cy = Math.min(Math.max(y, y0 + r), y1 - r)
  return inCircle(x, y, cx, cy, r)
}
function nearSegment(x, y, ax, ay, bx, by, w) {
  const dx = bx - ax
  const dy = by - ay
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
  return (x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= w * w
}

// Each shape maps a point of the unit square to inside/outside.
const SHAPES = {
  home(x, y) {
    const roof = y >= 0.14 && y <= 0.5 && Math.abs(x - 0.5) <= (y - 0.14) * 1.1
    const body = inRect(x, y, 0.22, 0.45, 0.78, 0.86)
    const door = inRect(x, y, 0.42, 0.62, 0.58, 0.86)
    return (roof || body) && !door
  },
  category(x, y) {
    const r = 0.06
    return (
      inRoundRect(x, y, 0.14, 0.14, 0.46, 0.46, r) ||
      inRoundRect(x, y, 0.54, 0.14, 0.86, 0.46, r) ||
      inRoundRect(x, y, 0.14, 0.54, 0.46, 0.86, r) ||
      inCircle(x, y, 0.7, 0.7, 0.165)
    )
  },
  cart(x, y) {
    const basket = y >= 0.3 && y <= 0.64 && x >= 0.26 + (y - 0.3) * 0.2 && x <= 0.88 - (y - 0.3) * 0.35
    const handle = nearSegment(x, y, 0.08, 0.18, 0.2, 0.18, 0.045) || nearSegment(x, y, 0.2, 0.18, 0.3, 0.7, 0.045)
    const rail = nearSegment(x, y, 0.3, 0.7, 0.78, 0.7, 0.04)
    const wheels = inCircle(x, y, 0.36, 0.84, 0.07) || inCircle(x, y, 0.72, 0.84, 0.07)
    return basket || handle || rail || wheels
  },
  me(x, y) {
    const head = inCircle(x, y, 0.5, 0.32, 0.18)
    const body = y <= 0.88 && ((x - 0.5) / 0.36) ** 2 + ((y - 0.92) / 0.38) ** 2 <= 1
    return head || body
  },
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
function crc32(buf) {
  let c = 0xffffffff
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
function chunk(type, data) {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([len, body, crc])
}
function png(width, height, rgba) {
  const raw = Buffer.alloc((width * 4 + 1) * height)
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0 // filter: none
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4)
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 6 // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

const outDir = path.join(__dirname, '..', 'src', 'assets', 'tab')
fs.mkdirSync(outDir, { recursive: true })
for (const [name, inside] of Object.entries(SHAPES)) {
  for (const [suffix, [r, g, b]] of Object.entries(COLORS)) {
    const rgba = Buffer.alloc(SIZE * SIZE * 4)
    for (let py = 0; py < SIZE; py++) {
      for (let px = 0; px < SIZE; px++) {
        let hits = 0
        for (let sy = 0; sy < SAMPLES; sy++)
          for (let sx = 0; sx < SAMPLES; sx++) if (inside((px + (sx + 0.5) / SAMPLES) / SIZE, (py + (sy + 0.5) / SAMPLES) / SIZE)) hits++
        const i = (py * SIZE + px) * 4
        rgba[i] = r
        rgba[i + 1] = g
        rgba[i + 2] = b
        rgba[i + 3] = Math.round((255 * hits) / (SAMPLES * SAMPLES))
      }
    }
    const file = path.join(outDir, `${name}${suffix}.png`)
    fs.writeFileSync(file, png(SIZE, SIZE, rgba))
    console.log(`${path.relative(process.cwd(), file)}`)
  }
}
