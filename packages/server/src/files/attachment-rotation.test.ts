import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { keyringFrom, type Keyring } from '../protection/keyring.ts'
import { rotateMasterKey, RotationError } from '../protection/rotate.ts'
import { call, makeUser, newActionId, signIn, testDialects, type Session } from '../test/harness.ts'
import { makeProtectionEnv, type ProtectionEnv } from '../test/protection-env.ts'
import { openFile, openFileName } from './attachment-crypto.ts'

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64')
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n')

for (const dialect of testDialects()) {
  describe(`${dialect}: master-key rotation of evidence files`, () => {
    let env: ProtectionEnv
    let oldKeyring: Keyring
    let newKeyring: Keyring
    let coordinator: Session
    const files: { id: string; bytes: Buffer; name: string }[] = []

    beforeAll(async () => {
      env = await makeProtectionEnv(dialect)
      oldKeyring = env.protection.keyring
      newKeyring = keyringFrom(Buffer.alloc(32, 201))
      coordinator = await signIn(env, (await makeUser(env, 'paisano_coordinator', 'paisano')).username)
      const intake = { id: newActionId(), kind: 'help_request', category: 'obtain_documents', channel: 'call_centre', description: 'Perdió su acta de nacimiento en el camino.', language: 'es', contactChannel: 'none' }
      const recordId = ((await (await call(env, 'POST', '/api/cases', { as: coordinator, body: intake })).json()) as { recordId: string }).recordId
      for (const [bytes, name] of [[PNG, 'foto.png'], [PDF, 'acta.pdf']] as const) {
        const id = newActionId()
        const res = await env.app.request(`/api/cases/${recordId}/attachments?id=${id}&name=${name}`, { method: 'POST', headers: { cookie: coordinator.cookie, 'x-csrf-token': coordinator.csrf }, body: bytes })
        expect(res.status).toBe(201)
        files.push({ id, bytes, name })
      }
    })
    afterAll(async () => {
      await env?.close()
      fs.rmSync(env.dir, { recursive: true, force: true })
    })

    async function rowOf(id: string) {
      return env.db.db.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
    }

    it('rolls back and names only the file when one key does not open', async () => {
      const [first, second] = files
      const good = (await rowOf(second?.id ?? '')).wrappedKey
      const before = (await rowOf(first?.id ?? '')).wrappedKey
      await env.db.db.updateTable('attachments').set({ wrappedKey: 'v1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }).where('id', '=', second?.id ?? '').execute()
      const failure = await rotateMasterKey(env.db, oldKeyring, newKeyring, env.clock).catch((e: unknown) => e)
      expect(failure).toBeInstanceOf(RotationError)
      expect(failure).toMatchObject({ subject: 'attachment', id: second?.id })
      await env.db.db.updateTable('attachments').set({ wrappedKey: good }).where('id', '=', second?.id ?? '').execute()
      expect((await rowOf(first?.id ?? '')).wrappedKey).toBe(before)
    })

    it('wraps each file key again under the new key, leaving the encrypted bytes as they are', async () => {
      const ciphertexts = new Map<string, Buffer>()
      for (const f of files) {
        ciphertexts.set(f.id, Buffer.from((await rowOf(f.id)).ciphertext))
      }
      const counts = await rotateMasterKey(env.db, oldKeyring, newKeyring, env.clock)
      expect(counts.attachments).toBe(2)
      for (const f of files) {
        const row = await rowOf(f.id)
        expect(Buffer.from(row.ciphertext).equals(ciphertexts.get(f.id) ?? Buffer.alloc(0))).toBe(true)
        expect(openFile(newKeyring, row, row.wrappedKey, row.ciphertext).equals(f.bytes)).toBe(true)
        expect(openFileName(newKeyring, row.id, row.wrappedKey, row.nameSealed)).toBe(f.name)
        expect(() => openFile(oldKeyring, row, row.wrappedKey, row.ciphertext)).toThrow()
      }
      // A file row moved to another case does not open.
      const first = files[0]
      const row = await rowOf(first?.id ?? '')
      expect(() => openFile(newKeyring, { ...row, recordId: 'another-case' }, row.wrappedKey, row.ciphertext)).toThrow()
    })
  })
}
