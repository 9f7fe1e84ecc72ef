import type { MiddlewareHandler } from 'hono'
import { DomainError, message } from '@faro/core'
import type { AppEnv } from './env.ts'

/**
 * Refuses a request body over `maxSize` bytes with 413: at once when Content-Length says so, and
 * while it is read when the body comes in chunks. The refusal is a domain error thrown where the
 * body is read, so it travels the one error path as any other (Hono's own limit answers by
 * replacing the response afterwards, which keeps headers, such as Content-Encoding, of the
 * response it replaces).
 */
export function limitBody(maxSize: number): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const raw = c.req.raw
    if (raw.body === null) {
      return next()
    }
    const tooLarge = () => new DomainError('too_large', message('faro.body_too_large', c.get('lang'), { max: maxSize }))
    const length = raw.headers.get('content-length')
    if (length !== null && !raw.headers.has('transfer-encoding')) {
      if (Number(length) > maxSize) {
        throw tooLarge()
      }
      return next()
    }
    let size = 0
    const counted = raw.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          size += chunk.byteLength
          if (size > maxSize) {
            controller.error(tooLarge())
            return
          }
          controller.enqueue(chunk)
        },
      }),
    )
    c.req.raw = new Request(raw, { body: counted, duplex: 'half' } as RequestInit)
    await next()
  }
}
