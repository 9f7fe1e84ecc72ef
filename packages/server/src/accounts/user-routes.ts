import { Hono } from 'hono'
import { CreateUserInput, parseInput, ResetPasswordInput, UpdateUserInput, User, UuidV7 } from '@faro/core'
import { z } from 'zod'
import { requireAuth, requireSession } from '../http/auth.ts'
import type { AppEnv } from '../http/env.ts'
import { describe } from '../http/openapi.ts'
import { jsonBody } from '../http/validate.ts'
import { listUsers, toUser } from './users-repo.ts'
import { changeUser, createUser, resetPassword, resetSecondFactor, scopesOrRefuse } from './accounts.ts'
import { audit } from '../log/audit.ts'

export function userRoutes() {
  const app = new Hono<AppEnv>()

  app.get('/', describe({ summary: 'Staff accounts the caller may see', tags: ['users'], responses: { 200: { description: 'Accounts', schema: z.object({ items: z.array(User) }) } } }), requireAuth, async (c) => {
    const ctx = c.get('ctx')
    const scopes = await scopesOrRefuse(ctx, 'user.read', 'user')
    // Staff names identify people: every listing is audited.
    const rows = await ctx.db.db.transaction().execute(async (trx) => {
      await audit(trx, ctx, { action: 'user.read', recordType: 'user', decision: 'allowed' })
      return listUsers(trx, scopes.includes('national') ? undefined : ctx.actor.orgUnitId)
    })
    return c.json({ items: rows.map((r) => toUser(r, r.totpEnabled)) })
  })

  app.post('/', describe({ errors: [409], summary: 'Create a staff account', tags: ['users'], responses: { 201: { description: 'Created', schema: User } } }), requireAuth, jsonBody(CreateUserInput), async (c) => {
    return c.json(await createUser(c.get('ctx'), c.req.valid('json')), 201)
  })

  app.patch('/:id', describe({ errors: [409], summary: 'Change, move or disable an account', tags: ['users'], responses: { 200: { description: 'Updated', schema: User } } }), requireAuth, jsonBody(UpdateUserInput), async (c) => {
    return c.json(await changeUser(c.get('ctx'), c.req.param('id'), c.req.valid('json')))
  })

  app.post('/:id/totp/reset', describe({ summary: 'Clear another account\'s second factor and end its sessions', tags: ['users'], errors: [409], responses: { 200: { description: 'The account, now without a second factor', schema: User } } }), requireAuth, async (c) => {
    const ctx = c.get('ctx')
    // Account ids are UUIDv7: anything else is the caller's mistake, named, not an unknown account.
    const id = parseInput(UuidV7, c.req.param('id'), ctx.lang, 'id')
    return c.json(await resetSecondFactor(ctx, id))
  })

  app.post(
    '/:id/password',
    describe({ summary: 'Set a new password for another account (a forgotten one); ends its sessions and API tokens. Signed-in people only', tags: ['users'], responses: { 204: { description: 'Set; tell its owner in person' } } }),
    requireSession,
    jsonBody(ResetPasswordInput),
    async (c) => {
      const ctx = c.get('ctx')
      const id = parseInput(UuidV7, c.req.param('id'), ctx.lang, 'id')
      await resetPassword(ctx, id, c.req.valid('json').newPassword)
      return c.body(null, 204)
    },
  )

  return app
}
