import { Hono } from 'hono'
import { CreateTokenInput, DomainError, PROBLEM_TITLES, scopesOf } from '@faro/core'
import { z } from 'zod'
import { requireAuth, requireSession } from '../http/auth.ts'
import type { AppEnv } from '../http/env.ts'
import { describe } from '../http/openapi.ts'
import { jsonBody } from '../http/validate.ts'
import { findApiToken, insertApiToken, listApiTokens, revokeApiToken } from './sessions-repo.ts'
import { authorize } from './accounts.ts'
import { audit } from '../log/audit.ts'
import { newId, randomToken, sha256, TOKEN_PREFIX } from './sessions.ts'

const TokenView = z.object({
  id: z.string(),
  userId: z.string(),
  name: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
})

export function tokenRoutes() {
  const app = new Hono<AppEnv>()

  app.get('/', describe({ summary: 'API tokens: the own ones, or all for administrators', tags: ['tokens'], responses: { 200: { description: 'Tokens', schema: z.object({ items: z.array(TokenView) }) } } }), requireAuth, async (c) => {
    const ctx = c.get('ctx')
    const scopes = scopesOf(ctx.actor.role, 'token.manage')
    if (scopes.length === 0) {
      await authorize(ctx, 'token.manage', { orgUnitPath: [], ownerId: ctx.actor.userId })
    }
    const rows = await listApiTokens(ctx.db.db, scopes.includes('national') ? undefined : ctx.actor.userId)
    return c.json({ items: rows.map(({ tokenHash: _hash, ...view }) => view) })
  })

  app.post('/', describe({ summary: 'Create an API token for a partner system; shown once (signed-in people only, not tokens; ended by a password change)', tags: ['tokens'], responses: { 201: { description: 'Created', schema: TokenView.extend({ token: z.string() }) } } }), requireSession, jsonBody(CreateTokenInput), async (c) => {
    const ctx = c.get('ctx')
    await authorize(ctx, 'token.manage', { orgUnitPath: [ctx.actor.orgUnitId], ownerId: ctx.actor.userId }, { type: 'api_token' })
    const input = c.req.valid('json')
    const token = `${TOKEN_PREFIX}${randomToken()}`
    const now = ctx.clock.now()
    const row = {
      id: newId(),
      userId: ctx.actor.userId,
      name: input.name,
      tokenHash: sha256(token),
      createdAt: now.toISOString(),
      expiresAt: input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * 86_400_000).toISOString() : null,
      revokedAt: null,
    }
    await ctx.db.db.transaction().execute(async (trx) => {
      await insertApiToken(trx, row)
      await audit(trx, ctx, { action: 'token.manage', recordType: 'api_token', recordId: row.id, decision: 'allowed' })
    })
    const { tokenHash: _hash, ...view } = row
    return c.json({ ...view, token }, 201)
  })

  app.delete('/:id', describe({ summary: 'Revoke an API token', tags: ['tokens'], responses: { 204: { description: 'Revoked' } } }), requireAuth, async (c) => {
    const ctx = c.get('ctx')
    const row = await findApiToken(ctx.db.db, c.req.param('id'))
    if (!row) {
      throw new DomainError('not_found', PROBLEM_TITLES.not_found[ctx.lang])
    }
    await authorize(ctx, 'token.manage', { orgUnitPath: [], ownerId: row.userId }, { type: 'api_token', id: row.id })
    await ctx.db.db.transaction().execute(async (trx) => {
      await revokeApiToken(trx, row.id, ctx.clock.now().toISOString())
      await audit(trx, ctx, { action: 'token.manage', recordType: 'api_token', recordId: row.id, decision: 'allowed' })
    })
    return c.body(null, 204)
  })

  return app
}
