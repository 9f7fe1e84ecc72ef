import { createHash, randomBytes } from 'node:crypto'
import { v7 as uuidv7 } from 'uuid'
import { DomainError, message, PROBLEM_TITLES, type Actor, type Lang, type LoginInput, type Role } from '@faro/core'
import type { Clock } from '../clock.ts'
import type { Db } from '../db/open.ts'
import type { Keyring } from '../protection/keyring.ts'
import {
  clearLoginFailures,
  deleteSession,
  findLiveApiToken,
  findLiveSession,
  insertSession,
  releaseLoginAttempts,
  reserveLoginAttempt,
} from './sessions-repo.ts'
import { findUserById, findUserByUsername, getCredentials, type UserRow } from './users-repo.ts'
import { audit } from '../log/audit.ts'
import { dummyPasswordHash, verifyPassword } from './passwords.ts'
import { verifyStoredTotp } from './totp-secrets.ts'

export const SESSION_COOKIE = 'faro_session'
export const TOKEN_PREFIX = 'faro_'

/** Failed logins allowed per account and per client address within the window. */
export const LOGIN_LIMITS = { perUser: 5, perAddress: 30, windowMinutes: 15 }

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex')
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url')
}

export interface LoginContext {
  db: Db
  clock: Clock
  lang: Lang
  requestId: string
  clientAddress: string
  sessionHours: number
  /** Opens the sealed second-factor secret. */
  keyring: Keyring
}

export interface LoginResult {
  sessionToken: string
  csrfToken: string
  expiresAt: Date
  user: UserRow
}

const ANONYMOUS = { userId: 'anonymous', role: 'anonymous', orgUnitId: '' }
/** Who acts before signing in, for the audit: nobody's account. */
export const ANONYMOUS_ACTOR = ANONYMOUS as unknown as Actor

/**
 * Checks a username, password and (when enabled) second factor; on success opens a session.
 * Failures are counted per account and per address; past the limit the answer is 429 with the
 * minutes to wait, whatever the password.
 */
export async function login(ctx: LoginContext, input: LoginInput): Promise<LoginResult> {
  const now = ctx.clock.now()
  const since = new Date(now.getTime() - LOGIN_LIMITS.windowMinutes * 60_000).toISOString()
  const userKey = `user:${sha256(input.username)}`
  const addressKey = `addr:${sha256(ctx.clientAddress)}`
  const db = ctx.db.db
  // Reserved before the slow password check, so parallel attempts cannot all pass a count taken
  // before any of them failed. A reservation stays as the failure it turns out to be.
  const [userAttempt = 0, addressAttempt = 0] = await reserveLoginAttempt(
    db,
    ctx.db.dialect,
    [
      { key: userKey, limit: LOGIN_LIMITS.perUser },
      { key: addressKey, limit: LOGIN_LIMITS.perAddress },
    ],
    now.toISOString(),
    since,
    (oldest) => {
      const waitMs = (oldest ? new Date(oldest).getTime() : now.getTime()) + LOGIN_LIMITS.windowMinutes * 60_000 - now.getTime()
      const minutes = Math.max(1, Math.ceil(waitMs / 60_000))
      throw new DomainError('too_many_requests', message('faro.login_throttled', ctx.lang, { minutes }), { retryAfterSeconds: minutes * 60 })
    },
  )
  const user = await findUserByUsername(db, input.username)
  const credentials = user ? await getCredentials(db, user.id) : undefined
  const passwordOk = await verifyPassword(input.password, credentials?.passwordHash ?? (await dummyPasswordHash()))
  const fail = async (key: string, reason: string) => {
    await db.transaction().execute(async (trx) => {
      await audit(trx, { db: ctx.db, clock: ctx.clock, actor: user ? actorOf(user) : ANONYMOUS, requestId: ctx.requestId }, {
        action: 'auth.login',
        recordType: 'user',
        recordId: user?.id ?? null,
        decision: 'denied',
      })
    })
    throw new DomainError('unauthenticated', message(key, ctx.lang), { reason })
  }
  if (!user || !credentials || !passwordOk || !accountWorks(user, now)) {
    return fail('faro.login_failed', 'login_failed')
  }
  if (credentials.totpSecret !== null) {
    if (input.totp === undefined) {
      // Not a failure: the client asks for the code and sends the form again.
      await releaseLoginAttempts(db, [userAttempt, addressAttempt])
      throw new DomainError('unauthenticated', message('faro.totp_required', ctx.lang), { reason: 'totp_required' })
    }
    if (!verifyStoredTotp(ctx.keyring, user.id, credentials.totpSecret, input.totp, now)) {
      return fail('faro.totp_wrong', 'totp_wrong')
    }
  }
  const sessionToken = randomToken()
  const csrfToken = randomToken()
  const expiresAt = new Date(now.getTime() + ctx.sessionHours * 3_600_000)
  await db.transaction().execute(async (trx) => {
    await clearLoginFailures(trx, userKey)
    await releaseLoginAttempts(trx, [addressAttempt])
    await insertSession(trx, {
      idHash: sha256(sessionToken),
      userId: user.id,
      csrfToken,
      createdAt: now.toISOString(),
      expiresAt: expiresAt.toISOString(),
    })
    await audit(trx, { db: ctx.db, clock: ctx.clock, actor: actorOf(user), requestId: ctx.requestId }, {
      action: 'auth.login',
      recordType: 'user',
      recordId: user.id,
      decision: 'allowed',
    })
  })
  return { sessionToken, csrfToken, expiresAt, user }
}

export interface Authenticated {
  user: UserRow
  actor: Actor
  via: 'session' | 'token'
  /** Present for sessions: writes must echo it in X-CSRF-Token. */
  csrfToken?: string
  sessionHash?: string
}

/** Resolves a session cookie to its live, enabled account. */
export async function authenticateSession(db: Db, clock: Clock, cookie: string): Promise<Authenticated | undefined> {
  const idHash = sha256(cookie)
  const session = await findLiveSession(db.db, idHash, clock.now().toISOString())
  const user = session && (await findUserById(db.db, session.userId))
  if (!session || !user || !accountWorks(user, clock.now())) {
    return undefined
  }
  return { user, actor: actorOf(user), via: 'session', csrfToken: session.csrfToken, sessionHash: idHash }
}

/** Resolves an API token (Authorization: Bearer faro_…) to its live, enabled account. */
export async function authenticateToken(db: Db, clock: Clock, token: string): Promise<Authenticated | undefined> {
  if (!token.startsWith(TOKEN_PREFIX)) {
    return undefined
  }
  const row = await findLiveApiToken(db.db, sha256(token), clock.now().toISOString())
  const user = row && (await findUserById(db.db, row.userId))
  if (!row || !user || !accountWorks(user, clock.now())) {
    return undefined
  }
  return { user, actor: actorOf(user), via: 'token' }
}

export async function logout(db: Db, sessionHash: string): Promise<void> {
  await deleteSession(db.db, sessionHash)
}

/** An account works while enabled and, for one that expires (a volunteer's), until its end. */
export function accountWorks(user: Pick<UserRow, 'disabled' | 'expiresAt'>, now: Date): boolean {
  return user.disabled === 0 && (user.expiresAt === null || Date.parse(user.expiresAt) > now.getTime())
}

export function actorOf(user: UserRow): Actor {
  return { userId: user.id, role: user.role as Role, orgUnitId: user.orgUnitId }
}

export function newId(): string {
  return uuidv7()
}

export function unauthenticated(lang: Lang): DomainError {
  return new DomainError('unauthenticated', PROBLEM_TITLES.unauthenticated[lang])
}
