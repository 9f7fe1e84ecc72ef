import { Hono } from 'hono'
import { deleteCookie, setCookie } from 'hono/cookie'
import { getConnInfo } from '@hono/node-server/conninfo'
import { actionsOf, ActivateInput, ChangePasswordInput, DomainError, EnableTotpInput, LoginInput, message, PROBLEM_TITLES, StartTotpInput, User } from '@faro/core'
import { z } from 'zod'
import type { AppDeps } from '../http/app.ts'
import { requireAuth, requireSession } from '../http/auth.ts'
import type { AppEnv } from '../http/env.ts'
import { describe } from '../http/openapi.ts'
import { jsonBody } from '../http/validate.ts'
import { findOrgUnit } from './org-units-repo.ts'
import { getCredentials, toUser } from './users-repo.ts'
import { setPassword } from './accounts.ts'
import { audit } from '../log/audit.ts'
import type { Ctx } from '../log/context.ts'
import { ephemeralKeyring } from '../protection/keyring.ts'
import { ANONYMOUS_ACTOR, login, logout, SESSION_COOKIE } from './sessions.ts'
import { activateTotp, checkTotp, readPendingTotp, startTotpEnrolment, totpEnabled, totpFor, verifyStoredTotp } from './totp-secrets.ts'
import { verifyPassword } from './passwords.ts'
import { activate } from './activations.ts'

const TotpSetup = z.object({ secret: z.string().describe('base32, for typing in by hand'), uri: z.string().describe('otpauth:// URI for a QR code') })

const Me = z.object({
  user: User,
  orgUnit: z.object({ id: z.string(), name: z.string(), kind: z.string(), path: z.array(z.string()) }),
  permissions: z.array(z.string()).describe('policy actions the role may do in some scope'),
  csrfToken: z.string().optional().describe('echo in X-CSRF-Token on writes made with the session cookie'),
})

export function authRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>()
  // An app built without protection gets a key that dies with it, like its identity vault.
  const keyring = deps.protection?.keyring ?? ephemeralKeyring()

  app.post('/login', describe({ summary: 'Sign in; sets the session cookie', tags: ['auth'], auth: 'none', errors: [401, 429], responses: { 200: { description: 'Signed in', schema: Me } } }), jsonBody(LoginInput), async (c) => {
    const input = c.req.valid('json')
    const result = await login(
      { db: deps.db, clock: deps.clock, lang: c.get('lang'), requestId: c.get('requestId'), clientAddress: clientAddress(c, deps.config.trustProxy), sessionHours: deps.config.sessionHours, keyring },
      input,
    )
    setCookie(c, SESSION_COOKIE, result.sessionToken, {
      httpOnly: true,
      sameSite: 'Strict',
      path: '/',
      secure: deps.config.secureCookies === 'true' || (deps.config.secureCookies === 'auto' && cameOverHttps(c, deps.config.trustProxy)),
      expires: result.expiresAt,
    })
    return c.json(await meOf(deps, toUser(result.user, await totpEnabled(deps.db.db, result.user.id)), result.csrfToken))
  })

  app.post(
    '/activate',
    describe({ summary: 'First sign-in of an account made in bulk: its one-time code sets the password its owner chooses; then sign in as usual', tags: ['auth'], auth: 'none', errors: [401], responses: { 204: { description: 'The password is set' } } }),
    jsonBody(ActivateInput),
    async (c) => {
      await activate({ db: deps.db, clock: deps.clock, lang: c.get('lang'), requestId: c.get('requestId'), actor: ANONYMOUS_ACTOR }, c.req.valid('json'))
      return c.body(null, 204)
    },
  )

  app.post('/logout', describe({ summary: 'Sign out; ends the session', tags: ['auth'], responses: { 204: { description: 'Signed out' } } }), requireAuth, async (c) => {
    const auth = c.get('auth')
    if (auth?.sessionHash) {
      await logout(deps.db, auth.sessionHash)
    }
    deleteCookie(c, SESSION_COOKIE, { path: '/' })
    return c.body(null, 204)
  })

  app.get('/me', describe({ summary: 'Who is signed in, their unit and permissions', tags: ['auth'], responses: { 200: { description: 'The account', schema: Me } } }), requireAuth, async (c) => {
    const auth = c.get('auth')
    if (!auth) {
      throw new Error('requireAuth let an anonymous request through')
    }
    return c.json(await meOf(deps, toUser(auth.user, await totpEnabled(deps.db.db, auth.user.id)), auth.csrfToken))
  })

  app.post('/password', describe({ summary: 'Change the own password; ends every session and API token of the account', tags: ['auth'], responses: { 204: { description: 'Changed; sign in again' } } }), requireSession, jsonBody(ChangePasswordInput), async (c) => {
    const { currentPassword, newPassword } = c.req.valid('json')
    const ctx = c.get('ctx')
    await checkOwnPassword(deps, ctx, currentPassword, 'currentPassword')
    await setPassword(ctx, ctx.actor.userId, newPassword)
    deleteCookie(c, SESSION_COOKIE, { path: '/' })
    return c.body(null, 204)
  })

  app.post(
    '/totp/setup',
    describe({ summary: 'Start second-factor setup with the password (and a current code when one is on): returns a secret to scan', tags: ['auth'], responses: { 200: { description: 'The secret, shown once', schema: TotpSetup } } }),
    requireSession,
    jsonBody(StartTotpInput),
    async (c) => {
      const ctx = c.get('ctx')
      const auth = c.get('auth')
      const input = c.req.valid('json')
      await checkOwnPassword(deps, ctx, input.password, 'password')
      const stored = await getCredentials(deps.db.db, ctx.actor.userId)
      if (stored?.totpSecret) {
        // Replacing a working factor needs that factor: a password seen over a shoulder is not enough.
        if (input.code === undefined) {
          throw new DomainError('invalid', PROBLEM_TITLES.invalid[ctx.lang], { issues: [{ field: 'code', code: 'totp_code_required', message: message('faro.totp_code_required', ctx.lang) }] })
        }
        if (!verifyStoredTotp(keyring, ctx.actor.userId, stored.totpSecret, input.code, ctx.clock.now())) {
          throw new DomainError('invalid', PROBLEM_TITLES.invalid[ctx.lang], { issues: [{ field: 'code', code: 'totp_wrong', message: message('faro.totp_wrong', ctx.lang) }] })
        }
      }
      const secret = await startTotpEnrolment(deps.db.db, keyring, ctx.actor.userId, ctx.clock.now().toISOString())
      return c.json({ secret, uri: totpFor(secret, auth?.user.username).toString() })
    },
  )

  app.post('/totp/enable', describe({ summary: 'Confirm a code of the new secret and turn the second factor on', tags: ['auth'], errors: [409], responses: { 204: { description: 'The second factor is on' } } }), requireSession, jsonBody(EnableTotpInput), async (c) => {
    const ctx = c.get('ctx')
    // A pending secret that does not open (another key, another row) is as good as none: set up again.
    const pending = await readPendingTotp(deps.db.db, keyring, ctx.actor.userId)
    if (pending === undefined) {
      throw new DomainError('conflict', message('faro.totp_not_started', ctx.lang), { reason: 'totp_not_started' })
    }
    if (!checkTotp(pending, c.req.valid('json').code, ctx.clock.now())) {
      throw new DomainError('invalid', message('faro.totp_wrong', ctx.lang), { issues: [{ field: 'code', code: 'totp_wrong', message: message('faro.totp_wrong', ctx.lang) }] })
    }
    await deps.db.db.transaction().execute(async (trx) => {
      await activateTotp(trx, keyring, ctx.actor.userId, pending, ctx.clock.now().toISOString())
      await audit(trx, ctx, { action: 'auth.totp', recordType: 'user', recordId: ctx.actor.userId, decision: 'allowed' })
    })
    return c.body(null, 204)
  })

  return app
}

/** Refuses (400 naming the field) a password that is not the signed-in account's own. */
async function checkOwnPassword(deps: AppDeps, ctx: Ctx, password: string, field: string): Promise<void> {
  const creds = await getCredentials(deps.db.db, ctx.actor.userId)
  if (!creds || !(await verifyPassword(password, creds.passwordHash))) {
    throw new DomainError('invalid', message('faro.wrong_password', ctx.lang), {
      issues: [{ field, code: 'wrong_password', message: message('faro.wrong_password', ctx.lang) }],
    })
  }
}

async function meOf(deps: AppDeps, user: User, csrfToken: string | undefined) {
  const unit = await findOrgUnit(deps.db.db, user.orgUnitId)
  return {
    user,
    orgUnit: { id: user.orgUnitId, name: unit?.name ?? user.orgUnitId, kind: unit?.kind ?? 'unknown', path: unit?.path ?? [] },
    permissions: actionsOf(user.role),
    ...(csrfToken ? { csrfToken } : {}),
  }
}

/** HTTPS as the client saw it: the URL, or the proxy's X-Forwarded-Proto when the proxy is trusted. */
function cameOverHttps(c: Parameters<typeof getConnInfo>[0], trustProxy: boolean): boolean {
  if (trustProxy && c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() === 'https') {
    return true
  }
  return new URL(c.req.url).protocol === 'https:'
}

/** The client's address for throttling: behind a trusted proxy, the first X-Forwarded-For entry. */
export function clientAddress(c: Parameters<typeof getConnInfo>[0], trustProxy: boolean): string {
  const forwarded = trustProxy ? c.req.header('x-forwarded-for')?.split(',')[0]?.trim() : undefined
  if (forwarded) {
    return forwarded
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown'
  } catch {
    // In-process requests (tests) have no socket.
    return 'in-process'
  }
}
