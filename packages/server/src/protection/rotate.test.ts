import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findPerson, matchNameIndex } from './people/people-repo.ts'
import { getCredentials, setTotpColumns } from '../accounts/users-repo.ts'
import { openTotpSecret, startTotpEnrolment, totpFor, verifyStoredTotp } from '../accounts/totp-secrets.ts'
import { enrolSecondFactor } from '../test/second-factor.ts'
import { call, makeAttentionAction, makeUser, signIn, testDialects, type Session } from '../test/harness.ts'
import { canaryIdentity, makeProtectionEnv, type ProtectionEnv } from '../test/protection-env.ts'
import { retentionCtx } from './job.ts'
import { keyringFrom, unwrapDataKey, type Keyring } from './keyring.ts'
import { runRetention } from './retention/retention.ts'
import { rotateMasterKey, RotationError } from './rotate.ts'
import { decryptIdentity, searchDigests } from './people/vault.ts'

const LEGACY_SECRET = 'JBSWY3DPEHPK3PXP'

for (const dialect of testDialects()) {
  describe(`${dialect}: master-key rotation`, () => {
    let env: ProtectionEnv
    let oldKeyring: Keyring
    let newKeyring: Keyring
    let agent: Session
    let people: { rotada: string; retenida: string; borrada: string }
    let identities: Map<string, unknown>
    let users: { active: { id: string; secret: string }; pending: string; legacy: string }

    beforeAll(async () => {
      env = await makeProtectionEnv(dialect, { blockingDays: 0 })
      oldKeyring = env.protection.keyring
      newKeyring = keyringFrom(Buffer.alloc(32, 200))
      const agentUser = await makeUser(env, 'field_agent', 'beta-tijuana')
      const dpoName = (await makeUser(env, 'data_protection_officer', 'inm')).username
      agent = await signIn(env, agentUser.username)
      const dpo = await signIn(env, dpoName)
      const action = makeAttentionAction('beta-tijuana')
      await call(env, 'POST', '/api/records/actions', { as: agent, body: action })
      const create = async (given: string, surname: string, phone: string) => {
        const body = { orgUnitId: 'beta-tijuana', identity: canaryIdentity({ given, surname, phone }), link: { recordType: 'attention', recordId: action.recordId, legalBasis: 'consent', purpose: 'referral_services' } }
        return ((await (await call(env, 'POST', '/api/people', { as: agent, body })).json()) as { id: string }).id
      }
      people = { rotada: await create('Rotada', 'Llave', '+52 664 123 4567'), retenida: await create('Retenida', 'Orden', '+52 664 765 4321'), borrada: await create('Olvidada', 'Borrada', '+52 664 000 1111') }
      expect((await call(env, 'POST', `/api/people/${people.retenida}/holds`, { as: dpo, body: { reason: 'Solicitud de la fiscalía sobre persona desaparecida', reference: 'FGR carpeta 1/2026' } })).status).toBe(201)
      const req = (await (await call(env, 'POST', '/api/rights-requests', { as: dpo, body: { personId: people.borrada, kind: 'cancellation', channel: 'in_person' } })).json()) as { id: string }
      expect((await call(env, 'POST', `/api/rights-requests/${req.id}/cancel`, { as: dpo })).status).toBe(200)
      expect((await runRetention(retentionCtx(env.db, env.clock), env.protection)).shredded).toEqual([people.borrada])
      identities = new Map()
      for (const id of [people.rotada, people.retenida]) {
        identities.set(id, await identityOf(id, oldKeyring))
      }
      const now = env.clock.now().toISOString()
      const active = await enrolSecondFactor(env, agentUser.username)
      const pending = await makeUser(env, 'field_agent', 'beta-tijuana')
      await startTotpEnrolment(env.db.db, oldKeyring, pending.id, now)
      const legacy = await makeUser(env, 'field_agent', 'beta-tijuana')
      await setTotpColumns(env.db.db, legacy.id, { totpSecret: LEGACY_SECRET }, now)
      users = { active: { id: agentUser.id, secret: active.secret }, pending: pending.id, legacy: legacy.id }
    })
    afterAll(async () => {
      await env?.close()
      fs.rmSync(env.dir, { recursive: true, force: true })
    })

    async function identityOf(personId: string, keyring: Keyring): Promise<unknown> {
      const person = await findPerson(env.db.db, personId)
      if (person === undefined) {
        throw new Error('person missing')
      }
      return decryptIdentity(env.db.db, keyring, person)
    }

    async function found(keyring: Keyring, q: { name?: string; phone?: string }): Promise<string[]> {
      return [...new Set((await matchNameIndex(env.db.db, searchDigests(keyring, q))).map((m) => m.personId))].sort()
    }

    async function totpOpens(keyring: Keyring): Promise<boolean> {
      const stored = (await getCredentials(env.db.db, users.active.id))?.totpSecret ?? null
      const code = totpFor(users.active.secret).generate({ timestamp: env.clock.now().getTime() })
      return stored !== null && verifyStoredTotp(keyring, users.active.id, stored, code, env.clock.now())
    }

    async function rotations(): Promise<number> {
      return (await env.db.db.selectFrom('auditEvents').select('id').where('action', '=', 'keys.rotate').execute()).length
    }

    it('rolls everything back and names only the person when one key does not open', async () => {
      const wrapped = async (personId: string) => (await env.db.db.selectFrom('personKeys').select('wrappedKey').where('personId', '=', personId).executeTakeFirstOrThrow()).wrappedKey
      // The corrupt key belongs to the later person, so the earlier one was already rotated when it failed.
      const good = await wrapped(people.retenida)
      const before = await wrapped(people.rotada)
      await env.db.db.updateTable('personKeys').set({ wrappedKey: 'v1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }).where('personId', '=', people.retenida).execute()
      const failure = await rotateMasterKey(env.db, oldKeyring, newKeyring, env.clock).catch((e: unknown) => e)
      expect(failure).toBeInstanceOf(RotationError)
      expect(failure).toMatchObject({ subject: 'person', id: people.retenida })
      expect(failure instanceof Error ? failure.message : '').not.toMatch(/Retenida|Orden|v1\./)
      await env.db.db.updateTable('personKeys').set({ wrappedKey: good }).where('personId', '=', people.retenida).execute()
      expect(await wrapped(people.rotada)).toBe(before)
      expect(await identityOf(people.rotada, oldKeyring)).toEqual(identities.get(people.rotada))
      expect(await found(oldKeyring, { name: 'Rotada Llave' })).toEqual([people.rotada])
      expect(await found(newKeyring, { name: 'Rotada Llave' })).toEqual([])
      expect(await totpOpens(oldKeyring)).toBe(true)
      expect(await rotations()).toBe(0)
    })

    it('moves data keys, name index and second-factor secrets to the new key', async () => {
      const counts = await rotateMasterKey(env.db, oldKeyring, newKeyring, env.clock)
      expect(counts).toMatchObject({ people: 2, totpSecrets: 3 })
      expect(counts.indexEntries).toBeGreaterThan(0)

      for (const id of [people.rotada, people.retenida]) {
        expect(await identityOf(id, newKeyring)).toEqual(identities.get(id))
        await expect(identityOf(id, oldKeyring)).rejects.toThrow()
      }
      expect(await identityOf(people.borrada, newKeyring)).toBeUndefined()
      for (const row of await env.db.db.selectFrom('personKeys').selectAll().execute()) {
        expect(() => unwrapDataKey(oldKeyring, row.personId, row.wrappedKey)).toThrow()
      }

      expect(await found(newKeyring, { name: 'Rotada Llave' })).toEqual([people.rotada])
      expect(await found(newKeyring, { name: 'Retenida' })).toEqual([people.retenida])
      expect(await found(newKeyring, { phone: '+52 664 123 4567' })).toEqual([people.rotada])
      expect(await found(newKeyring, { name: 'Olvidada Borrada' })).toEqual([])
      expect(await found(oldKeyring, { name: 'Rotada Llave' })).toEqual([])
      expect(await found(oldKeyring, { phone: '+52 664 123 4567' })).toEqual([])

      expect(await totpOpens(newKeyring)).toBe(true)
      expect(await totpOpens(oldKeyring)).toBe(false)
      const pending = (await getCredentials(env.db.db, users.pending))?.totpPendingSecret ?? null
      expect(openTotpSecret(newKeyring, users.pending, 'totp_pending_secret', pending)).toMatch(/^[A-Z2-7]+$/)
      expect(openTotpSecret(oldKeyring, users.pending, 'totp_pending_secret', pending)).toBeUndefined()
      const legacy = (await getCredentials(env.db.db, users.legacy))?.totpSecret ?? null
      expect(legacy).not.toBe(LEGACY_SECRET)
      expect(openTotpSecret(newKeyring, users.legacy, 'totp_secret', legacy)).toBe(LEGACY_SECRET)

      const rows = await env.db.db.selectFrom('auditEvents').selectAll().where('action', '=', 'keys.rotate').execute()
      expect(rows).toHaveLength(1)
      expect(rows[0]).toMatchObject({ actorId: 'system', recordType: 'master_key', recordId: null, decision: 'allowed' })
      const text = JSON.stringify(rows)
      for (const secret of [users.active.secret, LEGACY_SECRET, newKeyring.wrapKey.toString('base64'), env.masterKey.toString('base64'), 'Rotada']) {
        expect(text).not.toContain(secret)
      }
    })
  })
}

describe('faro keys rotate', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faro-keys-cli-'))
  const current = Buffer.alloc(32, 5).toString('base64')
  const keyFile = path.join(dir, 'master.key')
  fs.writeFileSync(keyFile, `${current}\n`)
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true })
  })

  function faro(args: string[]) {
    const env: NodeJS.ProcessEnv = { ...process.env, FARO_DATA_DIR: dir, FARO_MASTER_KEY_FILE: keyFile }
    delete env.DATABASE_URL
    delete env.FARO_MASTER_KEY
    return spawnSync(process.execPath, ['--import', 'tsx', 'packages/server/src/cli/main.ts', 'keys', 'rotate', ...args], { cwd: path.resolve(import.meta.dirname, '../../../..'), env, encoding: 'utf8', timeout: 60_000 })
  }

  it('refuses a new key equal to the current one, without printing it', () => {
    const same = path.join(dir, 'same.key')
    fs.writeFileSync(same, `${current}\n`)
    const result = faro(['--new-key-file', same])
    expect(result.status).toBe(2)
    expect(result.stderr).toContain('the new key is the current key')
    expect(result.stdout + result.stderr).not.toContain(current)
  })

  it('refuses a missing new key file', () => {
    const result = faro(['--new-key-file', path.join(dir, 'missing.key')])
    expect(result.status).toBe(2)
    expect(result.stderr).toContain('expected a readable key file')
  })

  it('rotates and says what to do next, printing neither key', () => {
    const next = Buffer.alloc(32, 6).toString('base64')
    const nextFile = path.join(dir, 'next.key')
    fs.writeFileSync(nextFile, `${next}\n`)
    const result = faro(['--new-key-file', nextFile])
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    expect(result.stdout).toContain('keys rotate: 0 data keys wrapped again')
    expect(result.stdout).toContain('still need the OLD key')
    expect(result.stdout + result.stderr).not.toContain(current)
    expect(result.stdout + result.stderr).not.toContain(next)
  })
})
