import { createHash } from 'node:crypto'
import { ATTACHMENT_LIMITS } from '@faro/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, makeTestEnv, makeUser, newActionId, signIn, testDialects, type Session, type TestEnv } from '../test/harness.ts'

// A real 1×1 PNG; anything may follow it and it is still a PNG, so each test makes its own file.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64')
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')
let fileCounter = 0
const png = () => Buffer.concat([PNG, Buffer.from(`-${process.pid}-${++fileCounter}`)])
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex')

interface Attachment {
  id: string
  name: string | null
  mediaType: string
  size: number
  sha256: string
  addedBy: string
  addedByUnit: string
}
type Problem = { type: string; status: number; reason?: string; errors?: { field: string; code: string }[] }

const extortionAtCustoms = () => ({
  id: newActionId(),
  kind: 'complaint',
  category: 'extortion',
  channel: 'module',
  description: 'En la revisión le pidieron 200 dólares para no retener la camioneta; tomó fotos del recibo.',
  accused: { agencyId: 'agency-aga', badge: 'A-1234' },
  language: 'es',
  contactChannel: 'none',
})

for (const dialect of testDialects()) {
  describe(`${dialect}: evidence attached to cases`, () => {
    let env: TestEnv
    let volunteer: Session
    let coordinator: Session
    let coordinatorId: string
    let accusedLiaison: Session
    let controlLiaison: Session
    let otherLiaison: Session
    let dpo: Session

    beforeAll(async () => {
      env = await makeTestEnv(dialect)
      volunteer = await signIn(env, (await makeUser(env, 'module_volunteer', 'module-tijuana-airport')).username)
      const coordinatorUser = await makeUser(env, 'paisano_coordinator', 'paisano')
      coordinatorId = coordinatorUser.id
      coordinator = await signIn(env, coordinatorUser.username)
      accusedLiaison = await signIn(env, (await makeUser(env, 'agency_liaison', 'agency-aga')).username)
      controlLiaison = await signIn(env, (await makeUser(env, 'agency_liaison', 'oic-aga')).username)
      otherLiaison = await signIn(env, (await makeUser(env, 'agency_liaison', 'agency-profeco')).username)
      dpo = await signIn(env, (await makeUser(env, 'data_protection_officer', 'inm')).username)
    })
    afterAll(async () => env?.close())

    async function newCase(): Promise<string> {
      const res = await call(env, 'POST', '/api/cases', { as: volunteer, body: extortionAtCustoms() })
      expect(res.status).toBe(201)
      return ((await res.json()) as { recordId: string }).recordId
    }

    function upload(as: Session | undefined, recordId: string, body: BodyInit | Uint8Array, opts: { id?: string; name?: string; type?: string; headers?: Record<string, string> } = {}) {
      const q = new URLSearchParams({ id: opts.id ?? newActionId(), ...(opts.name !== undefined ? { name: opts.name } : {}) })
      const headers: Record<string, string> = { ...(as ? { cookie: as.cookie, 'x-csrf-token': as.csrf } : {}), ...(opts.type !== undefined ? { 'content-type': opts.type } : {}), ...opts.headers }
      return env.app.request(`/api/cases/${recordId}/attachments?${q.toString()}`, { method: 'POST', headers, body: body as BodyInit, duplex: 'half' } as RequestInit)
    }

    async function attach(as: Session, recordId: string, bytes: Uint8Array, opts: { id?: string; name?: string; type?: string } = {}): Promise<Attachment> {
      const res = await upload(as, recordId, bytes, opts)
      expect(res.status, await res.clone().text()).toBe(201)
      return (await res.json()) as Attachment
    }

    async function stored(recordId: string): Promise<number> {
      return (await env.db.db.selectFrom('attachments').select('id').where('recordId', '=', recordId).execute()).length
    }

    describe('POST /api/cases/:id/attachments', () => {
      it('stores a photo encrypted, with its SHA-256 and who added it, and lists it without its bytes', async () => {
        const recordId = await newCase()
        const bytes = png()
        const added = await attach(coordinator, recordId, bytes, { name: 'recibo del retén.png', type: 'image/png' })
        expect(added).toMatchObject({ recordId, name: 'recibo del retén.png', mediaType: 'image/png', size: bytes.byteLength, sha256: sha256(bytes), addedBy: coordinatorId, addedByUnit: 'paisano' })

        const row = await env.db.db.selectFrom('attachments').selectAll().where('id', '=', added.id).executeTakeFirstOrThrow()
        const ciphertext = Buffer.from(row.ciphertext)
        expect(ciphertext.byteLength).toBe(bytes.byteLength + 28)
        expect(ciphertext.includes(bytes.subarray(0, 16))).toBe(false)
        expect(ciphertext.includes(Buffer.from('IHDR'))).toBe(false)
        expect(row.nameSealed).not.toContain('recibo')
        expect(row.wrappedKey).toMatch(/^v1\./)
        expect(row.sha256).toBe(sha256(bytes))

        const list = await call(env, 'GET', `/api/cases/${recordId}/attachments`, { as: coordinator })
        expect(list.status).toBe(200)
        const items = ((await list.json()) as { items: Attachment[] }).items
        expect(items).toEqual([added])
        expect(Object.keys(items[0] ?? {})).not.toContain('ciphertext')
      })

      it('takes a PDF sent with no type, and names its kind from its bytes', async () => {
        const recordId = await newCase()
        const added = await attach(coordinator, recordId, PDF, { name: 'acta' })
        expect(added).toMatchObject({ mediaType: 'application/pdf', size: PDF.byteLength })
      })

      it('refuses what is not a photo or a PDF, or not what its type says, naming the field, and stores nothing', async () => {
        const recordId = await newCase()
        const refusals: [Uint8Array, string | undefined, string, string][] = [
          [Buffer.from('<!doctype html><script>alert(1)</script>'), 'image/png', '(body)', 'type_not_allowed'],
          [Buffer.from('GIF89a\x01\x00\x01\x00'), undefined, '(body)', 'type_not_allowed'],
          [png(), 'image/jpeg', 'content-type', 'type_mismatch'],
          [PDF, 'text/html', 'content-type', 'type_mismatch'],
          [new Uint8Array(0), 'image/png', '(body)', 'empty'],
        ]
        for (const [bytes, type, field, code] of refusals) {
          const res = await upload(coordinator, recordId, bytes, { type })
          expect(res.status).toBe(400)
          expect(res.headers.get('content-type')).toContain('application/problem+json')
          expect(((await res.json()) as Problem).errors).toEqual([expect.objectContaining({ field, code })])
        }
        expect(await stored(recordId)).toBe(0)
      })

      it('refuses a file over the limit with 413, declared or found while reading, and stores nothing', async () => {
        const recordId = await newCase()
        const big = Buffer.concat([PNG, Buffer.alloc(ATTACHMENT_LIMITS.maxBytes - PNG.byteLength + 1)])
        const declared = await upload(coordinator, recordId, big, { type: 'image/png', headers: { 'content-length': String(big.byteLength) } })
        expect(declared.status).toBe(413)
        expect(declared.headers.get('content-type')).toContain('application/problem+json')
        const chunked = new ReadableStream<Uint8Array>({
          start(controller) {
            for (let i = 0; i < big.byteLength; i += 256 * 1024) {
              controller.enqueue(big.subarray(i, i + 256 * 1024))
            }
            controller.close()
          },
        })
        const streamed = await upload(coordinator, recordId, chunked, { type: 'image/png' })
        expect(streamed.status).toBe(413)
        expect(((await streamed.json()) as Problem).type).toBe('/problems/too_large')
        expect(await stored(recordId)).toBe(0)
        // At the limit exactly, it is taken: the API's general limit on JSON bodies does not apply.
        const atLimit = await attach(coordinator, recordId, big.subarray(0, ATTACHMENT_LIMITS.maxBytes))
        expect(atLimit.size).toBe(ATTACHMENT_LIMITS.maxBytes)
      })

      it('is one attachment however often the same id is sent, at once or later', async () => {
        const recordId = await newCase()
        const bytes = png()
        const id = newActionId()
        const answers = await Promise.all([1, 2, 3].map(() => upload(coordinator, recordId, bytes, { id, name: 'placa.png' })))
        expect(answers.map((r) => r.status).sort()).toEqual([200, 200, 201])
        const later = await upload(coordinator, recordId, bytes, { id, name: 'placa.png' })
        expect(later.status).toBe(200)
        expect(((await later.json()) as Attachment).id).toBe(id)
        expect(await stored(recordId)).toBe(1)
        const custody = await env.db.db.selectFrom('attachmentCustody').select('action').where('attachmentId', '=', id).execute()
        expect(custody).toEqual([{ action: 'added' }])
        // The id of another file, or for another case, is refused.
        const other = await upload(coordinator, recordId, png(), { id })
        expect(other.status).toBe(409)
        expect(((await other.json()) as Problem).reason).toBe('id_reused')
        expect((await upload(coordinator, await newCase(), bytes, { id })).status).toBe(409)
      })

      it(`takes at most ${ATTACHMENT_LIMITS.maxPerRecord} files a case`, async () => {
        const recordId = await newCase()
        for (let i = 0; i < ATTACHMENT_LIMITS.maxPerRecord; i++) {
          await attach(coordinator, recordId, png())
        }
        const res = await upload(coordinator, recordId, png())
        expect(res.status).toBe(409)
        expect(((await res.json()) as Problem).reason).toBe('attachment_limit')
        expect(await stored(recordId)).toBe(ATTACHMENT_LIMITS.maxPerRecord)
      })

      it('lets a body the case was routed to add evidence, and not those who may only read it', async () => {
        const recordId = await newCase()
        await attach(controlLiaison, recordId, png())
        // The volunteer who took it and the data-protection officer read it, but do not work on it.
        expect((await upload(volunteer, recordId, png())).status).toBe(403)
        expect((await upload(dpo, recordId, png())).status).toBe(403)
        expect((await call(env, 'GET', `/api/cases/${recordId}/attachments`, { as: volunteer })).status).toBe(200)
        expect((await call(env, 'GET', `/api/cases/${recordId}/attachments`, { as: dpo })).status).toBe(200)
        const denied = await env.db.db.selectFrom('auditEvents').select(['action', 'recordId']).where('decision', '=', 'denied').where('action', '=', 'attachment.add').where('recordId', '=', recordId).execute()
        expect(denied).toHaveLength(2)
        expect(await stored(recordId)).toBe(1)
      })

      it('refuses new files on a closed case, as it refuses steps', async () => {
        const recordId = await newCase()
        const closed = await call(env, 'POST', `/api/cases/${recordId}/steps`, { as: coordinator, body: { id: newActionId(), type: 'close', outcome: 'not_resolved', summary: 'Sin datos para seguir.' } })
        expect(closed.status).toBe(200)
        const res = await upload(coordinator, recordId, png())
        expect(res.status).toBe(409)
        expect(((await res.json()) as Problem).reason).toBe('case_closed')
      })

      it('refuses without a session (401), without the CSRF token (403), and for an unknown case (404)', async () => {
        const recordId = await newCase()
        expect((await upload(undefined, recordId, png())).status).toBe(401)
        const noCsrf = await env.app.request(`/api/cases/${recordId}/attachments?id=${newActionId()}`, { method: 'POST', headers: { cookie: coordinator.cookie }, body: png() })
        expect(noCsrf.status).toBe(403)
        expect((await upload(coordinator, 'no-such-case', png())).status).toBe(404)
        const badId = await upload(coordinator, recordId, png(), { id: 'not-a-uuid' })
        expect(badId.status).toBe(400)
        expect(((await badId.json()) as Problem).errors?.map((e) => e.field)).toEqual(['id'])
        expect(await stored(recordId)).toBe(0)
      })
    })

    describe('GET /api/cases/:id/attachments/:attachmentId', () => {
      it('answers the bytes as a download no browser renders, and logs each opening in custody and audit', async () => {
        const recordId = await newCase()
        const bytes = png()
        const added = await attach(coordinator, recordId, bytes, { name: 'Recibo ñandú "1".png' })
        const res = await call(env, 'GET', `/api/cases/${recordId}/attachments/${added.id}`, { as: controlLiaison })
        expect(res.status).toBe(200)
        expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true)
        expect(res.headers.get('content-type')).toBe('image/png')
        expect(res.headers.get('content-disposition')).toBe(`attachment; filename="Recibo nandu _1_.png"; filename*=UTF-8''Recibo%20%C3%B1and%C3%BA%20%221%22.png`)
        expect(res.headers.get('x-content-type-options')).toBe('nosniff')
        expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox; frame-ancestors 'none'")
        expect(res.headers.get('cache-control')).toBe('no-store')
        expect(res.headers.get('repr-digest')).toBe(`sha-256=:${createHash('sha256').update(bytes).digest('base64')}:`)

        expect((await call(env, 'GET', `/api/cases/${recordId}/attachments/${added.id}?use=view`, { as: volunteer })).status).toBe(200)
        const custody = await call(env, 'GET', `/api/cases/${recordId}/attachments/${added.id}/custody`, { as: dpo })
        expect(custody.status).toBe(200)
        const lines = ((await custody.json()) as { items: { action: string; actorUnit: string }[] }).items
        expect(lines.map((l) => [l.action, l.actorUnit])).toEqual([
          ['added', 'paisano'],
          ['downloaded', 'oic-aga'],
          ['viewed', 'module-tijuana-airport'],
        ])
        const audited = await env.db.db.selectFrom('auditEvents').select(['action', 'recordType', 'decision']).where('recordId', '=', recordId).where('action', 'like', 'attachment.%').orderBy('seq').execute()
        expect(audited).toEqual([
          { action: 'attachment.add', recordType: 'case', decision: 'allowed' },
          { action: 'attachment.download', recordType: 'case', decision: 'allowed' },
          { action: 'attachment.view', recordType: 'case', decision: 'allowed' },
        ])
      })

      it('names a file given without a name by its id and its kind', async () => {
        const recordId = await newCase()
        const added = await attach(coordinator, recordId, PDF)
        const res = await call(env, 'GET', `/api/cases/${recordId}/attachments/${added.id}`, { as: coordinator })
        expect(res.headers.get('content-type')).toBe('application/pdf')
        expect(res.headers.get('content-disposition')).toContain(`filename="evidence-${added.id.slice(0, 8)}.pdf"`)
      })

      it('answers 404 for a file of another case or none, and never opens one by the wrong path', async () => {
        const recordId = await newCase()
        const elsewhere = await newCase()
        const added = await attach(coordinator, elsewhere, png())
        expect((await call(env, 'GET', `/api/cases/${recordId}/attachments/${added.id}`, { as: coordinator })).status).toBe(404)
        expect((await call(env, 'GET', `/api/cases/${recordId}/attachments/${added.id}/custody`, { as: coordinator })).status).toBe(404)
        expect((await call(env, 'GET', `/api/cases/${recordId}/attachments/${newActionId()}`, { as: coordinator })).status).toBe(404)
        expect((await call(env, 'GET', `/api/cases/${recordId}/attachments/not-an-id`, { as: coordinator })).status).toBe(400)
      })
    })

    describe('the accused agency', () => {
      it('never lists, opens, follows or adds the files of a complaint against it, nor does a body it was not sent to', async () => {
        const recordId = await newCase()
        const added = await attach(coordinator, recordId, png())
        for (const liaison of [accusedLiaison, otherLiaison]) {
          expect((await call(env, 'GET', `/api/cases/${recordId}/attachments`, { as: liaison })).status).toBe(403)
          expect((await call(env, 'GET', `/api/cases/${recordId}/attachments/${added.id}`, { as: liaison })).status).toBe(403)
          expect((await call(env, 'GET', `/api/cases/${recordId}/attachments/${added.id}/custody`, { as: liaison })).status).toBe(403)
          expect((await upload(liaison, recordId, png())).status).toBe(403)
        }
        expect(await stored(recordId)).toBe(1)
        const custody = await env.db.db.selectFrom('attachmentCustody').select('action').where('attachmentId', '=', added.id).execute()
        expect(custody).toEqual([{ action: 'added' }])
      })
    })

    describe('the chain of custody', () => {
      it('cannot be changed or erased, even by the application', async () => {
        const recordId = await newCase()
        const added = await attach(coordinator, recordId, png())
        await expect(env.db.db.updateTable('attachmentCustody').set({ actorId: 'someone-else' }).where('attachmentId', '=', added.id).execute()).rejects.toThrow(/append-only/)
        await expect(env.db.db.deleteFrom('attachmentCustody').where('attachmentId', '=', added.id).execute()).rejects.toThrow(/append-only/)
      })
    })
  })
}
