/**
 * Draws the app icon (a lighthouse, "faro") from one list of shapes into the SVG and PNG files of
 * public/icons, so the vector and raster icons never drift apart. No image tools are needed:
 * shapes are rasterised here with 4×4 supersampling and written as PNG with node:zlib.
 *
 *   node --import tsx packages/web/scripts/make-icons.ts
 */
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

type Point = readonly [number, number]
type Shape =
  | { kind: 'poly'; points: readonly Point[]; color: string; alpha?: number }
  | { kind: 'rect'; x: number; y: number; w: number; h: number; r: number; color: string }

const BRAND = '#0b4f6c'
const LIGHT = '#f2a900'
const WHITE = '#ffffff'
const BEAM = '#f7cf5f'
const SIZE = 512

const outDir = path.join(import.meta.dirname, '../public/icons')

/** Tower edges: a trapezoid from (230..282 at y 185) to (198..314 at y 420). */
function towerX(y: number, side: 'left' | 'right'): number {
  const t = (y - 185) / (420 - 185)
  return side === 'left' ? 230 - 32 * t : 282 + 32 * t
}

function band(y0: number, y1: number): Point[] {
  return [[towerX(y0, 'left'), y0], [towerX(y0, 'right'), y0], [towerX(y1, 'right'), y1], [towerX(y1, 'left'), y1]]
}

const lighthouse: Shape[] = [
  { kind: 'poly', points: [[256, 150], [52, 96], [52, 204]], color: BEAM, alpha: 0.9 },
  { kind: 'poly', points: [[256, 150], [460, 96], [460, 204]], color: BEAM, alpha: 0.9 },
  { kind: 'poly', points: [[212, 126], [300, 126], [256, 86]], color: WHITE },
  { kind: 'rect', x: 228, y: 128, w: 56, h: 46, r: 6, color: LIGHT },
  { kind: 'rect', x: 218, y: 174, w: 76, h: 12, r: 4, color: WHITE },
  { kind: 'poly', points: band(185, 420), color: WHITE },
  { kind: 'poly', points: band(240, 268), color: BRAND },
  { kind: 'poly', points: band(318, 346), color: BRAND },
  { kind: 'rect', x: 150, y: 418, w: 212, h: 24, r: 12, color: WHITE },
]

const variants = [
  { file: 'icon', size: SIZE, rounded: true, scale: 1 },
  { file: 'icon-192', size: 192, rounded: true, scale: 1 },
  { file: 'icon-512', size: 512, rounded: true, scale: 1 },
  // Maskable icons are cropped to a circle of 80% by the launcher: keep the drawing inside it.
  { file: 'icon-maskable-512', size: 512, rounded: false, scale: 0.78 },
  { file: 'apple-touch-icon', size: 180, rounded: false, scale: 0.9 },
]

fs.mkdirSync(outDir, { recursive: true })
for (const v of variants) {
  const shapes = iconShapes(v.rounded, v.scale)
  if (v.file === 'icon') {
    fs.writeFileSync(path.join(outDir, 'icon.svg'), toSvg(shapes))
  } else {
    fs.writeFileSync(path.join(outDir, `${v.file}.png`), toPng(shapes, v.size))
  }
  console.log(`wrote ${v.file}`)
}

function iconShapes(rounded: boolean, scale: number): Shape[] {
  const background: Shape = { kind: 'rect', x: 0, y: 0, w: SIZE, h: SIZE, r: rounded ? 96 : 0, color: BRAND }
  const c = SIZE / 2
  const s = (p: Point): Point => [c + (p[0] - c) * scale, c + (p[1] - c) * scale]
  return [
    background,
    ...lighthouse.map((shape): Shape =>
      shape.kind === 'poly'
        ? { ...shape, points: shape.points.map(s) }
        : { ...shape, x: c + (shape.x - c) * scale, y: c + (shape.y - c) * scale, w: shape.w * scale, h: shape.h * scale, r: shape.r * scale },
    ),
  ]
}

function toSvg(shapes: Shape[]): string {
  const body = shapes.map((shape) => {
    if (shape.kind === 'rect') {
      return `<rect x="${n(shape.x)}" y="${n(shape.y)}" width="${n(shape.w)}" height="${n(shape.h)}" rx="${n(shape.r)}" fill="${shape.color}"/>`
    }
    const opacity = shape.alpha === undefined ? '' : ` fill-opacity="${shape.alpha}"`
    return `<polygon points="${shape.points.map((p) => `${n(p[0])},${n(p[1])}`).join(' ')}" fill="${shape.color}"${opacity}/>`
  })
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${SIZE} ${SIZE}">${body.join('')}</svg>\n`
}

function n(v: number): string {
  return String(Math.round(v * 100) / 100)
}

function toPng(shapes: Shape[], size: number): Buffer {
  const samples = 4
  const k = SIZE / size
  const raw = Buffer.alloc(size * (size * 4 + 1))
  for (let py = 0; py < size; py++) {
    raw[py * (size * 4 + 1)] = 0
    for (let px = 0; px < size; px++) {
      let r = 0
      let g = 0
      let b = 0
      let a = 0
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) * k
          const y = (py + (sy + 0.5) / samples) * k
          const c = colourAt(shapes, x, y)
          r += c[0] * c[3]
          g += c[1] * c[3]
          b += c[2] * c[3]
          a += c[3]
        }
      }
      const o = py * (size * 4 + 1) + 1 + px * 4
      const total = samples * samples
      raw[o] = a ? Math.round(r / a) : 0
      raw[o + 1] = a ? Math.round(g / a) : 0
      raw[o + 2] = a ? Math.round(b / a) : 0
      raw[o + 3] = Math.round((a / total) * 255)
    }
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header.set([8, 6, 0, 0, 0], 8)
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

/** Straight (not premultiplied) RGBA of the shapes painted in order at one point, alpha 0..1. */
function colourAt(shapes: Shape[], x: number, y: number): [number, number, number, number] {
  let out: [number, number, number, number] = [0, 0, 0, 0]
  for (const shape of shapes) {
    const inside = shape.kind === 'rect' ? inRoundedRect(shape, x, y) : inPolygon(shape.points, x, y)
    if (!inside) {
      continue
    }
    const [r, g, b] = rgb(shape.color)
    const alpha = shape.kind === 'poly' ? (shape.alpha ?? 1) : 1
    const outA = alpha + out[3] * (1 - alpha)
    out = [
      (r * alpha + out[0] * out[3] * (1 - alpha)) / outA,
      (g * alpha + out[1] * out[3] * (1 - alpha)) / outA,
      (b * alpha + out[2] * out[3] * (1 - alpha)) / outA,
      outA,
    ]
  }
  return out
}

function inPolygon(points: readonly Point[], x: number, y: number): boolean {
  let inside = false
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i] ?? [0, 0]
    const [xj, yj] = points[j] ?? [0, 0]
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) {
      inside = !inside
    }
  }
  return inside
}

function inRoundedRect(s: { x: number; y: number; w: number; h: number; r: number }, x: number, y: number): boolean {
  if (x < s.x || y < s.y || x > s.x + s.w || y > s.y + s.h) {
    return false
  }
  const cx = Math.min(Math.max(x, s.x + s.r), s.x + s.w - s.r)
  const cy = Math.min(Math.max(y, s.y + s.r), s.y + s.h - s.r)
  return (x - cx) ** 2 + (y - cy) ** 2 <= s.r ** 2
}

function rgb(hex: string): [number, number, number] {
  const v = Number.parseInt(hex.slice(1), 16)
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255]
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(zlib.crc32(body))
  return Buffer.concat([length, body, crc])
}
