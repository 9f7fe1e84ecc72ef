/**
 * A tiny but valid PMTiles version 3 archive, written byte by byte for the tests of the map file,
 * so no map data is ever downloaded: zooms 0 and 1, every tile the same uncompressed bytes. With
 * `vectorTile` the tile is a real Mapbox Vector Tile that a renderer can draw. (Renderers take a
 * deepest zoom of 0 for "unknown", so the archive goes one zoom further.)
 */

/** Polygons in tile units (0 to 4096, y down), one layer each, as a vector tile holds them. */
export interface TileLayer {
  name: string
  /** Each polygon is its exterior ring, clockwise on screen; the ring is closed by the encoder. */
  polygons: [number, number][][]
  kind: string
}

const HEADER_BYTES = 127
const COMPRESSION_NONE = 1
const TILE_TYPE_MVT = 1
const EXTENT = 4096

/** The bytes of an archive whose every tile of zooms 0 and 1 is `tile`. */
export function pmtilesArchive(tile: Uint8Array, options: { tileType?: number } = {}): Buffer {
  // Tile ids 0 (zoom 0) to 4 (zoom 1) in one run of the same bytes. The root directory: one
  // entry, tile id 0, that run length, the tile's length, offset 0 (written +1).
  const tiles = 5
  const directory = Buffer.from([...varint(1), ...varint(0), ...varint(tiles), ...varint(tile.length), ...varint(1)])
  const metadata = Buffer.from('{"name":"faro test"}')
  const header = Buffer.alloc(HEADER_BYTES)
  header.write('PMTiles', 0, 'latin1')
  header.writeUInt8(3, 7)
  const rootOffset = HEADER_BYTES
  const metadataOffset = rootOffset + directory.length
  const tileOffset = metadataOffset + metadata.length
  const u64 = (value: number, at: number) => header.writeBigUInt64LE(BigInt(value), at)
  u64(rootOffset, 8)
  u64(directory.length, 16)
  u64(metadataOffset, 24)
  u64(metadata.length, 32)
  u64(tileOffset, 40) // no leaf directories: an empty section where the tiles start
  u64(0, 48)
  u64(tileOffset, 56)
  u64(tile.length, 64)
  u64(tiles, 72) // addressed tiles
  u64(1, 80) // tile entries
  u64(1, 88) // tile contents
  header.writeUInt8(1, 96) // clustered
  header.writeUInt8(COMPRESSION_NONE, 97) // internal compression
  header.writeUInt8(COMPRESSION_NONE, 98) // tile compression
  header.writeUInt8(options.tileType ?? TILE_TYPE_MVT, 99)
  header.writeUInt8(0, 100) // min zoom
  header.writeUInt8(1, 101) // max zoom
  header.writeInt32LE(-180 * 1e7, 102)
  header.writeInt32LE(-85 * 1e7, 106)
  header.writeInt32LE(180 * 1e7, 110)
  header.writeInt32LE(85 * 1e7, 114)
  header.writeUInt8(0, 118)
  header.writeInt32LE(-100 * 1e7, 119)
  header.writeInt32LE(23 * 1e7, 123)
  return Buffer.concat([header, directory, metadata, tile])
}

/** A Mapbox Vector Tile (version 2) of polygon layers, each feature tagged with its `kind`. */
export function vectorTile(layers: readonly TileLayer[]): Uint8Array {
  return Uint8Array.from(layers.flatMap((layer) => field(3, layerBytes(layer))))
}

/**
 * A world of land with one sea in the middle, in the layers of the Protomaps basemap: drawn, it
 * shows both the land and the water colours of the style.
 */
export function landAndSeaTile(): Uint8Array {
  return vectorTile([
    { name: 'earth', kind: 'earth', polygons: [[[0, 0], [EXTENT, 0], [EXTENT, EXTENT], [0, EXTENT]]] },
    { name: 'water', kind: 'ocean', polygons: [[[1024, 1024], [3072, 1024], [3072, 3072], [1024, 3072]]] },
  ])
}

function layerBytes(layer: TileLayer): number[] {
  const features = layer.polygons.flatMap((ring, i) => field(2, [...key(1, 0), ...varint(i + 1), ...field(2, [0, 0]), ...key(3, 0), 3, ...field(4, ringCommands(ring))]))
  return [...key(15, 0), 2, ...field(1, [...Buffer.from(layer.name)]), ...features, ...field(3, [...Buffer.from('kind')]), ...field(4, field(1, [...Buffer.from(layer.kind)])), ...key(5, 0), ...varint(EXTENT)]
}

function ringCommands(ring: [number, number][]): number[] {
  const out: number[] = []
  let x = 0
  let y = 0
  ring.forEach(([px, py], i) => {
    if (i === 0) {
      out.push((1 << 3) | 1)
    } else if (i === 1) {
      out.push(((ring.length - 1) << 3) | 2)
    }
    out.push(zigzag(px - x), zigzag(py - y))
    x = px
    y = py
  })
  out.push((1 << 3) | 7)
  return out.flatMap(varint)
}

function field(number: number, bytes: number[]): number[] {
  return [...key(number, 2), ...varint(bytes.length), ...bytes]
}

function key(number: number, wireType: number): number[] {
  return varint((number << 3) | wireType)
}

function zigzag(n: number): number {
  return (n << 1) ^ (n >> 31)
}

function varint(value: number): number[] {
  const out: number[] = []
  let v = value
  while (v >= 0x80) {
    out.push((v & 0x7f) | 0x80)
    v = Math.floor(v / 128)
  }
  out.push(v)
  return out
}
