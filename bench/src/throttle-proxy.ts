import net from 'node:net'

export interface ProxyOptions {
  /** Bytes per second in each direction (40 kbit/s = 5,000 B/s). */
  bytesPerSecond: number
  /** One-way delay added to every chunk (half the round trip). */
  oneWayMs: number
  /** Probability that a connection is cut, at a random byte, in a random direction. */
  dropProbability: number
  random: () => number
}

export interface ThrottleProxy {
  port: number
  /** Payload bytes forwarded so far: client → server and server → client. */
  bytes: { up: number; down: number }
  connections: number
  dropped: number
  close(): Promise<void>
}

const CHUNK = 512

/**
 * A TCP proxy that behaves like a poor rural link: each direction is a queue drained at a fixed
 * byte rate, every chunk arrives after a one-way delay, and some connections are cut mid-way
 * (the request may never arrive, or the answer may be lost after the server committed).
 */
export function startThrottleProxy(targetPort: number, opts: ProxyOptions): Promise<ThrottleProxy> {
  const stats = { bytes: { up: 0, down: 0 }, connections: 0, dropped: 0 }
  const sockets = new Set<net.Socket>()
  const server = net.createServer((client) => {
    stats.connections += 1
    const upstream = net.connect(targetPort, '127.0.0.1')
    sockets.add(client)
    sockets.add(upstream)
    // A cut lands within the bytes a push exchanges (a gzipped batch is ~3.5 KB up, its answer
    // ~2 KB down), so a connection picked for cutting is nearly always cut.
    const up = opts.random() < 0.5
    const cutAt = opts.random() < opts.dropProbability ? { up, byte: Math.floor(opts.random() * (up ? 3000 : 1500)) } : undefined
    const cut = () => {
      stats.dropped += 1
      client.destroy()
      upstream.destroy()
    }
    pipe(client, upstream, 'up')
    pipe(upstream, client, 'down')
    // A clean close travels through the queue like data (see 'end' below); only an error tears
    // both sides down at once.
    const fail = () => {
      client.destroy()
      upstream.destroy()
    }
    client.on('close', () => sockets.delete(client))
    upstream.on('close', () => sockets.delete(upstream))
    client.on('error', fail)
    upstream.on('error', fail)

    function pipe(from: net.Socket, to: net.Socket, dir: 'up' | 'down'): void {
      let free = 0
      let seen = 0
      from.on('data', (data: Buffer) => {
        for (let i = 0; i < data.length; i += CHUNK) {
          const piece = data.subarray(i, i + CHUNK)
          seen += piece.length
          if (cutAt !== undefined && cutAt.up === (dir === 'up') && seen >= cutAt.byte) {
            cut()
            return
          }
          const now = performance.now()
          free = Math.max(free, now) + (piece.length / opts.bytesPerSecond) * 1000
          const deliverIn = free - now + opts.oneWayMs
          setTimeout(() => {
            if (!to.destroyed) {
              stats.bytes[dir] += piece.length
              to.write(piece)
            }
          }, deliverIn)
        }
      })
      from.on('end', () => {
        setTimeout(() => to.end(), Math.max(0, free - performance.now()) + opts.oneWayMs)
      })
    }
  })
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address !== null ? address.port : 0
      resolve({
        port,
        get bytes() {
          return stats.bytes
        },
        get connections() {
          return stats.connections
        },
        get dropped() {
          return stats.dropped
        },
        close: () =>
          new Promise((done) => {
            for (const s of sockets) {
              s.destroy()
            }
            server.close(() => done())
          }),
      })
    })
  })
}
