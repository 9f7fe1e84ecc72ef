import type { MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import { DomainError, message } from '@faro/core'
import type { Clock } from '../clock.ts'
import type { Db } from '../db/open.ts'
import { authenticateSession, authenticateToken, SESSION_COOKIE, unauthenticated } from '../accounts/sessions.ts'
import type { AppEnv } from './env.ts'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Identifies the caller from a session cookie or an API token. Cookie-authenticated writes must
 * echo the session's CSRF token in X-CSRF-Token; token-authenticated calls carry no ambient
 * credential and need none.
 */
export function identify(db: Db, clock: Clock): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const authz = c.req.header('authorization')
    let auth
    if (authz?.startsWith('Bearer ')) {
      auth = await authenticateToken(db, clock, authz.slice(7).trim())
      if (auth === undefined) {
        throw unauthenticated(c.get('lang'))
      }
    } else {
      const cookie = getCookie(c, SESSION_COOKIE)
      auth = cookie ? await authenticateSession(db, clock, cookie) : undefined
      if (auth && !SAFE_METHODS.has(c.req.method) && c.req.header('x-csrf-token') !== auth.csrfToken) {
        throw new DomainError('forbidden', message('faro.csrf', c.get('lang')), { reason: 'csrf' })
      }
    }
    c.set('auth', auth)
    if (auth) {
      c.set('actor', auth.actor)
      c.set('ctx', { db, clock, actor: auth.actor, requestId: c.get('requestId'), lang: c.get('lang') })
    }
    await next()
  }
}

/** Refuses the request with 401 unless the caller was identified. */
export const requireAuth: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!c.get('auth')) {
    throw unauthenticated(c.get('lang'))
  }
  await next()
}

/**
 * Refuses API tokens with 403 `session_required`: what changes how an account signs in (password,
 * second factor) or makes more credentials (tokens) is for the person at the keyboard, never for
 * a partner system holding a token.
 */
export const requireSession: MiddlewareHandler<AppEnv> = async (c, next) => {
  const auth = c.get('auth')
  if (!auth) {
    throw unauthenticated(c.get('lang'))
  }
  if (auth.via !== 'session') {
    throw new DomainError('forbidden', message('faro.session_required', c.get('lang')), { reason: 'session_required' })
  }
  await next()
}
