import fs from 'node:fs'
import { Writable } from 'node:stream'
import * as OTPAuth from 'otpauth'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../config.ts'
import { startServer } from '../server.ts'
import { call, makeUser, signIn, testDialects, TEST_PASSWORD } from '../test/harness.ts'
import { makeProtectionEnv, type ProtectionEnv } from '../test/protection-env.ts'
import { sealPlainTotpSecrets } from './totp-secrets.ts'

for (const dialect of testDialects()) {
  describe(`${dialect}: second-factor secrets at rest`, () => {
    let env: ProtectionEnv
    beforeAll(async () => {
      env = await makeProtectionEnv(dialect)
    })
    afterAll(async () => {
      await env?.close()
      fs.rmSync(env.dir, { recursive: true, force: true })
    })

    const login = (username: string, totp?: string) => call(env, 'POST', '/api/auth/login', { body: { username, password: TEST_PASSWORD, ...(totp ? { totp } : {}) } })
    const codeOf = (secret: string) => new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) }).generate({ timestamp: env.clock.now().getTime() })
    const stored = (userId: string) => env.db.db.selectFrom('credentials').select(['totpSecret', 'totpPendingSecret']).where('userId', '=', userId).executeTakeFirstOrThrow()

    /** Enrols a new account through the API and returns it with its secret. */
    async function enrolled() {
      const user = await makeUser(env, 'data_protection_officer', 'inm')
      const session = await signIn(env, user.username)
      const { secret } = (await (await call(env, 'POST', '/api/auth/totp/setup', { as: session, body: { password: TEST_PASSWORD } })).json()) as { secret: string }
      expect((await call(env, 'POST', '/api/auth/totp/enable', { as: session, body: { code: codeOf(secret) } })).status).toBe(204)
      return { ...user, secret, session }
    }

    it('stores the pending and the active secret sealed, and signs in with a code', async () => {
      const user = await makeUser(env, 'data_protection_officer', 'inm')
      const session = await signIn(env, user.username)
      const { secret } = (await (await call(env, 'POST', '/api/auth/totp/setup', { as: session, body: { password: TEST_PASSWORD } })).json()) as { secret: string }
      const pending = await stored(user.id)
      expect(pending.totpSecret).toBeNull()
      expect(pending.totpPendingSecret).toMatch(/^v1:/)
      expect(pending.totpPendingSecret).not.toContain(secret)

      expect((await call(env, 'POST', '/api/auth/totp/enable', { as: session, body: { code: codeOf(secret) } })).status).toBe(204)
      const active = await stored(user.id)
      expect(active.totpPendingSecret).toBeNull()
      expect(active.totpSecret).toMatch(/^v1:/)
      expect(active.totpSecret).not.toContain(secret)

      expect(await (await login(user.username)).json()).toMatchObject({ reason: 'totp_required' })
      const signedIn = await login(user.username, codeOf(secret))
      expect(signedIn.status).toBe(200)
      expect(await signedIn.json()).toMatchObject({ user: { totpEnabled: true } })
      const admin = await signIn(env, (await makeUser(env, 'administrator', 'inm')).username)
      const list = (await (await call(env, 'GET', '/api/users', { as: admin })).json()) as { items: { id: string; totpEnabled: boolean }[] }
      expect(list.items.find((u) => u.id === user.id)?.totpEnabled).toBe(true)
    })

    it('refuses a sealed secret moved to another account or column, with 401 or 409 and never a 500', async () => {
      const alice = await enrolled()
      const bob = await enrolled()
      const sealed = (await stored(alice.id)).totpSecret
      await env.db.db.updateTable('credentials').set({ totpSecret: sealed }).where('userId', '=', bob.id).execute()
      const withAlicesCode = await login(bob.username, codeOf(alice.secret))
      expect(withAlicesCode.status).toBe(401)
      expect(await withAlicesCode.json()).toMatchObject({ reason: 'totp_wrong' })
      expect((await login(bob.username, codeOf(bob.secret))).status).toBe(401)

      // Alice's active secret copied into her own pending column does not open either.
      await env.db.db.updateTable('credentials').set({ totpPendingSecret: sealed }).where('userId', '=', alice.id).execute()
      const enable = await call(env, 'POST', '/api/auth/totp/enable', { as: alice.session, body: { code: codeOf(alice.secret) } })
      expect(enable.status).toBe(409)
      expect(await enable.json()).toMatchObject({ reason: 'totp_not_started' })
    })

    it('seals plain secrets of an older Faro when the server starts, once, logging only the count', async () => {
      const active = await makeUser(env, 'data_protection_officer', 'inm')
      const pending = await makeUser(env, 'field_agent', 'beta-tijuana')
      const activeSecret = new OTPAuth.Secret({ size: 20 }).base32
      const pendingSecret = new OTPAuth.Secret({ size: 20 }).base32
      await env.db.db.updateTable('credentials').set({ totpSecret: activeSecret }).where('userId', '=', active.id).execute()
      await env.db.db.updateTable('credentials').set({ totpPendingSecret: pendingSecret }).where('userId', '=', pending.id).execute()
      // Read before the upgrade too: a database restored from an old backup works at once.
      expect((await login(active.username, codeOf(activeSecret))).status).toBe(200)

      const lines: string[] = []
      await startAndStop(env, lines)
      const upgraded = await stored(active.id)
      expect(upgraded.totpSecret).toMatch(/^v1:/)
      expect(upgraded.totpSecret).not.toContain(activeSecret)
      expect((await stored(pending.id)).totpPendingSecret).toMatch(/^v1:/)
      expect(lines.join('')).toMatch(/"count":2,"msg":"plain second-factor secrets sealed"/)
      for (const secret of [activeSecret, pendingSecret, active.username, pending.username]) {
        expect(lines.join('').includes(secret)).toBe(false)
      }
      expect((await login(active.username, codeOf(activeSecret))).status).toBe(200)
      const session = await signIn(env, pending.username)
      expect((await call(env, 'POST', '/api/auth/totp/enable', { as: session, body: { code: codeOf(pendingSecret) } })).status).toBe(204)

      const before = await env.db.db.selectFrom('credentials').selectAll().orderBy('userId').execute()
      await startAndStop(env, lines)
      expect(await sealPlainTotpSecrets(env.db, env.protection.keyring, { info: () => undefined })).toBe(0)
      expect(await env.db.db.selectFrom('credentials').selectAll().orderBy('userId').execute()).toEqual(before)
      expect(lines.join('').match(/second-factor secrets sealed/g)).toHaveLength(1)
      expect((await login(active.username, codeOf(activeSecret))).status).toBe(200)
    })
  })
}

/** Runs the real start path (migrations, upgrades, jobs) over the environment's database and keys. */
async function startAndStop(env: ProtectionEnv, lines: string[]): Promise<void> {
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString('utf8'))
      done()
    },
  })
  const config = { ...loadConfig({ FARO_DATA_DIR: env.dir }), database: env.database, port: 0, host: '127.0.0.1' }
  const running = await startServer(config, pino({ level: 'info' }, sink), env.protection)
  await running.stop()
}
