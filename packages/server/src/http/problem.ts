import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { DomainError, message, PROBLEM_TITLES, type ErrorCode, type Lang } from '@faro/core'
import type { Logger } from 'pino'

/** The one table from domain error code to HTTP status. */
export const STATUS_OF: Record<ErrorCode, ContentfulStatusCode> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  gone: 410,
  too_many_requests: 429,
  unavailable: 503,
}

/** Writes an RFC 9457 problem+json response. */
export function problem(c: Context, code: ErrorCode | 'internal', lang: Lang, extra: Record<string, unknown> = {}): Response {
  const status = code === 'internal' ? 500 : STATUS_OF[code]
  const body = {
    type: `/problems/${code}`,
    title: PROBLEM_TITLES[code][lang],
    status,
    instance: c.get('requestId'),
    ...extra,
  }
  return c.body(JSON.stringify(body), status, { 'content-type': 'application/problem+json; charset=utf-8' })
}

/**
 * The server's one error handler: domain errors become their status with a problem body;
 * anything unknown is logged with the request id and becomes a 500 with no detail.
 */
export function onError(logger: Logger) {
  return (err: Error, c: Context): Response => {
    const lang = c.get('lang')
    if (err instanceof DomainError) {
      const d = err.details
      if (d?.retryAfterSeconds !== undefined) {
        c.header('retry-after', String(d.retryAfterSeconds))
      }
      return problem(c, err.code, lang, {
        detail: err.message,
        ...(d?.issues ? { errors: d.issues } : {}),
        ...(d?.reason ? { reason: d.reason } : {}),
      })
    }
    if (err instanceof HTTPException) {
      // Hono's own refusals: malformed JSON, wrong content type.
      if (err.status === 413) {
        return problem(c, 'too_large', lang)
      }
      if (err.status === 400) {
        return problem(c, 'invalid', lang, { detail: message('faro.malformed_json', lang), errors: [{ field: '(body)', code: 'malformed', message: message('faro.malformed_json', lang) }] })
      }
      if (err.status < 500) {
        return c.body(null, err.status)
      }
    }
    logger.error({ requestId: c.get('requestId'), err: { name: err.name, message: err.message, stack: err.stack } }, 'unhandled error')
    return problem(c, 'internal', lang)
  }
}
