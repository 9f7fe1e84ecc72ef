import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { GuideSection } from '@faro/core'
import { call, makeTestEnv, makeUser, newActionId, signIn, testDialects, type Session, type TestEnv } from '../test/harness.ts'

type Edition = { recordId: string; version: number; status: string; publishAt?: string; basedOn?: string; langs: string[]; translations: Record<string, Record<string, number>>; sections: GuideSection[] }
const HOUR = 3_600_000

for (const dialect of testDialects()) {
  describe(`${dialect}: the guide's editions`, () => {
    let env: TestEnv
    let office: Session
    let winter: Edition

    beforeAll(async () => {
      env = await makeTestEnv(dialect)
      office = await signIn(env, (await makeUser(env, 'paisano_coordinator', 'paisano')).username)
    })
    afterAll(async () => env?.close())

    const json = async <T>(res: Response, status = 200): Promise<T> => {
      expect(res.status, await res.clone().text()).toBe(status)
      return (await res.json()) as T
    }
    const page = async (path: string) => (await env.app.request(path)).text()
    const write = (e: Edition, slug: string, lang: string, markdown: string, status: string, extra: Record<string, unknown> = {}) => {
      const base = e.sections.find((s) => s.slug === slug)?.texts[lang]?.markdown
      return call(env, 'PUT', `/api/guide/editions/${e.recordId}/sections/${slug}/${lang}`, { as: office, body: { id: newActionId(), markdown, status, ...(base === undefined ? {} : { base }), ...extra } })
    }

    it('drafts the first edition from the sections Faro ships, every translation counted', async () => {
      const id = newActionId()
      winter = await json<Edition>(await call(env, 'POST', '/api/guide/editions', { as: office, body: { id, season: 'winter', year: 2026 } }), 201)
      expect(winter.status).toBe('draft')
      expect(winter.basedOn).toBeUndefined()
      expect(winter.sections.map((s) => s.slug)).toContain('vehicle-import')
      expect(winter.langs).toEqual(['es', 'en', 'fr', 'ht', 'pt'])
      expect(winter.translations.ht).toEqual({ needs_translation: 0, draft: 0, reviewed: winter.sections.length })
      // A retry answers the same edition, and drafts nothing more.
      const again = await json<Edition>(await call(env, 'POST', '/api/guide/editions', { as: office, body: { id, season: 'winter', year: 2026 } }))
      expect(again.recordId).toBe(winter.recordId)
      const list = await json<{ items: Edition[] }>(await call(env, 'GET', '/api/guide/editions', { as: office }))
      expect(list.items.map((e) => e.recordId)).toEqual([winter.recordId])
    })

    it('sends the translations back when the Spanish changes, refuses a text someone changed meanwhile, and takes a new language', async () => {
      const stale = winter
      winter = await json<Edition>(await write(winter, 'vehicle-import', 'es', '# Importación temporal de tu vehículo\n\nTrae tu título y tu licencia.', 'reviewed'))
      const section = winter.sections.find((s) => s.slug === 'vehicle-import')
      expect(section?.texts.en?.status).toBe('needs_translation')
      expect(winter.translations.en?.needs_translation).toBe(1)
      // Written from the text as it was before: refused, nothing written.
      const refused = await write(stale, 'vehicle-import', 'es', '# Otro texto', 'reviewed')
      expect(refused.status).toBe(409)
      expect(((await refused.json()) as { detail: string }).detail).toMatch(/cambió este texto/)
      // A language beyond the site's five: K'iche'.
      winter = await json<Edition>(await write(winter, 'rights', 'quc', '# Ri awe taqanik', 'draft'))
      expect(winter.langs).toContain('quc')
      expect(winter.translations.quc).toEqual({ needs_translation: winter.sections.length - 1, draft: 1, reviewed: 0 })
    })

    it('refuses bad input naming the field, and changes nothing', async () => {
      const before = winter.version
      for (const [path, body] of [
        [`/api/guide/editions/${winter.recordId}/sections/rights/es-MX`, { id: newActionId(), markdown: 'x', status: 'draft' }],
        [`/api/guide/editions/${winter.recordId}/sections/Rights/es`, { id: newActionId(), markdown: 'x', status: 'draft' }],
        [`/api/guide/editions/${winter.recordId}/sections/rights/es`, { id: newActionId(), markdown: 'x'.repeat(40_001), status: 'draft' }],
        [`/api/guide/editions/${winter.recordId}/sections/rights/es`, { id: newActionId(), markdown: 'x', status: 'published' }],
      ] as const) {
        const res = await call(env, 'PUT', path, { as: office, body })
        expect(res.status, path).toBe(400)
        expect(((await res.json()) as { errors: { field: string }[] }).errors[0]?.field).toMatch(/lang|slug|markdown|status/)
      }
      const badTime = await call(env, 'POST', `/api/guide/editions/${winter.recordId}/schedule`, { as: office, body: { id: newActionId(), publishAt: 'mañana' } })
      expect(badTime.status).toBe(400)
      // Not around the guide's API: the generic actions endpoint keeps editions out.
      const generic = await call(env, 'POST', '/api/records/actions', { as: office, body: { id: newActionId(), recordType: 'guide_edition', recordId: winter.recordId, type: 'GuideEditionScheduled', payload: { publishAt: '2020-01-01T00:00:00.000Z' } } })
      expect(generic.status).toBe(400)
      expect(JSON.stringify(await generic.json())).toContain('guide_via_guide_api')
      const unknown = await call(env, 'PUT', `/api/guide/editions/${winter.recordId}/sections/no-such/es`, { as: office, body: { id: newActionId(), markdown: 'x', status: 'draft' } })
      expect(unknown.status).toBe(404)
      expect((await json<Edition>(await call(env, 'GET', `/api/guide/editions/${winter.recordId}`, { as: office }))).version).toBe(before)
    })

    it('schedules only with every Spanish text reviewed, publishes it at its time and never changes it after', async () => {
      winter = await json<Edition>(await write(winter, 'rights', 'es', winter.sections.find((s) => s.slug === 'rights')?.texts.es?.markdown ?? '', 'draft'))
      const refused = await call(env, 'POST', `/api/guide/editions/${winter.recordId}/schedule`, { as: office, body: { id: newActionId() } })
      expect(refused.status).toBe(400)
      expect(JSON.stringify(await refused.json())).toContain('rights')
      winter = await json<Edition>(await write(winter, 'rights', 'es', winter.sections.find((s) => s.slug === 'rights')?.texts.es?.markdown ?? '', 'reviewed'))

      const at = new Date(env.clock.now().getTime() + 2 * HOUR).toISOString()
      winter = await json<Edition>(await call(env, 'POST', `/api/guide/editions/${winter.recordId}/schedule`, { as: office, body: { id: newActionId(), publishAt: at } }))
      expect(winter.status).toBe('scheduled')
      expect(winter.publishAt).toBe(at)
      // Before its time the site shows what Faro ships.
      expect(await page('/es/vehicle-import')).not.toContain('Trae tu título y tu licencia.')
      ;(env.clock as unknown as { advance(ms: number): void }).advance(2 * HOUR)
      expect(await page('/es/vehicle-import')).toContain('Trae tu título y tu licencia.')
      // The English text waits for its translation: the Spanish one, with the notice.
      expect(await page('/en/vehicle-import')).toContain('This page is not in your language yet')
      winter = await json<Edition>(await call(env, 'GET', `/api/guide/editions/${winter.recordId}`, { as: office }))
      expect(winter.status).toBe('published')
      const frozen = await write(winter, 'rights', 'es', '# Cambiado', 'reviewed')
      expect(frozen.status).toBe(409)
      expect(((await frozen.json()) as { reason: string }).reason).toBe('edition_published')
      expect((await call(env, 'POST', `/api/guide/editions/${winter.recordId}/unschedule`, { as: office, body: { id: newActionId() } })).status).toBe(409)
    })

    it('drafts the next edition from the published one, shows what changed, and archives the older when it is published', async () => {
      let easter = await json<Edition>(await call(env, 'POST', '/api/guide/editions', { as: office, body: { id: newActionId(), season: 'easter', year: 2027 } }), 201)
      expect(easter.basedOn).toBe(winter.recordId)
      easter = await json<Edition>(await write(easter, 'vehicle-import', 'es', '# Importación temporal de tu vehículo\n\nTrae tu título, tu licencia y tu pasaporte.', 'reviewed', { keepTranslations: true }))
      easter = await json<Edition>(await call(env, 'POST', `/api/guide/editions/${easter.recordId}/sections`, { as: office, body: { id: newActionId(), slug: 'phones', audience: 'paisano', pictogram: 'phone', after: 'vehicle-import', markdown: '# Teléfonos\n\nLlama al 911.' } }))
      expect(easter.sections.map((s) => s.slug).indexOf('phones')).toBe(easter.sections.map((s) => s.slug).indexOf('vehicle-import') + 1)
      const diff = await json<{ sections: { slug: string; change: string; langs: { lang: string; change: string; parts: { kind: string; text: string }[] }[] }[] }>(await call(env, 'GET', `/api/guide/editions/${easter.recordId}/diff?lang=es`, { as: office }))
      const vehicle = diff.sections.find((s) => s.slug === 'vehicle-import')
      expect(vehicle?.change).toBe('changed')
      const parts = vehicle?.langs[0]?.parts ?? []
      expect(parts.filter((p) => p.kind === 'added').map((p) => p.text).join(' ')).toContain('pasaporte')
      expect(parts.map((p) => (p.kind === 'removed' ? '' : p.text)).join('')).toContain('Trae tu título, tu licencia y tu pasaporte.')
      expect(diff.sections.find((s) => s.slug === 'phones')?.change).toBe('added')
      expect(diff.sections.find((s) => s.slug === 'rights')?.change).toBe('same')

      // The new section's Spanish is a draft: reviewed, then scheduled for now.
      easter = await json<Edition>(await write(easter, 'phones', 'es', '# Teléfonos\n\nLlama al 911.', 'reviewed'))
      easter = await json<Edition>(await call(env, 'POST', `/api/guide/editions/${easter.recordId}/schedule`, { as: office, body: { id: newActionId() } }))
      expect(easter.status).toBe('published')
      const list = await json<{ items: Edition[] }>(await call(env, 'GET', '/api/guide/editions', { as: office }))
      expect(list.items.map((e) => [e.recordId, e.status])).toEqual([
        [easter.recordId, 'published'],
        [winter.recordId, 'archived'],
      ])
      expect(await page('/es/phones')).toContain('Llama al 911')
      expect(await page('/sitemap.xml')).toContain('/ht/phones')
    })

    it('previews a draft translation as the site will show it, framable only by Faro\'s own pages', async () => {
      const draft = await json<Edition>(await call(env, 'POST', '/api/guide/editions', { as: office, body: { id: newActionId(), season: 'summer', year: 2027 } }), 201)
      const written = await json<Edition>(await write(draft, 'phones', 'ht', '# Telefòn\n\nRele 911.', 'draft'))
      const res = await call(env, 'GET', `/api/guide/editions/${written.recordId}/preview/ht/phones`, { as: office })
      expect(res.status).toBe(200)
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'self'")
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN')
      const html = await res.text()
      expect(html).toContain('<html lang="ht"')
      expect(html).toContain('Rele 911.')
      // The public site still shows the Spanish text in Kreyòl's place.
      expect(await page('/ht/phones')).not.toContain('Rele 911.')
      expect((await call(env, 'GET', `/api/guide/editions/${written.recordId}/preview/quc/rights`, { as: office })).status).toBe(400)
    })

    it('plays a recording of a page with the page once its edition is published, not before', async () => {
      let edition = await json<Edition>(await call(env, 'POST', '/api/guide/editions', { as: office, body: { id: newActionId(), season: 'summer', year: 2028 } }), 201)
      const upload = (lang: string, bytes: Uint8Array, id = newActionId()) => env.app.request(`/api/guide/editions/${edition.recordId}/sections/rights/${lang}/audio?id=${id}`, { method: 'POST', headers: { cookie: office.cookie, 'x-csrf-token': office.csrf, 'content-type': 'application/octet-stream' }, body: new Uint8Array(bytes) })
      // Not a recording: a PNG's first bytes.
      const png = await upload('es', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]))
      expect(png.status).toBe(400)
      // Not in a language the section is not written in.
      expect((await upload('mam', new Uint8Array([0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, 0]))).status).toBe(400)
      const mp3 = new Uint8Array([0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, 0, ...Array.from({ length: 2000 }, (_, i) => i % 251)])
      const audioId = newActionId()
      edition = await json<Edition>(await upload('es', mp3, audioId))
      expect(edition.sections.find((s) => s.slug === 'rights')?.texts.es?.audioId).toBe(audioId)
      // The same upload again is the same recording.
      expect((await upload('es', mp3, audioId)).status).toBe(200)
      const preview = await (await call(env, 'GET', `/api/guide/editions/${edition.recordId}/preview/es/rights`, { as: office })).text()
      expect(preview).toContain(`<audio controls preload="none" src="/api/guide/editions/${edition.recordId}/audio/${audioId}">`)
      const ranged = await call(env, 'GET', `/api/guide/editions/${edition.recordId}/audio/${audioId}`, { as: office, headers: { range: 'bytes=10-19' } })
      expect(ranged.status).toBe(206)
      expect(ranged.headers.get('content-range')).toBe(`bytes 10-19/${mp3.byteLength}`)
      expect(Buffer.from(await ranged.arrayBuffer())).toEqual(Buffer.from(mp3.subarray(10, 20)))
      // A draft's recording is not public.
      expect((await env.app.request(`/media/${audioId}`)).status).toBe(404)

      await json<Edition>(await call(env, 'POST', `/api/guide/editions/${edition.recordId}/schedule`, { as: office, body: { id: newActionId() } }))
      const media = await env.app.request(`/media/${audioId}`)
      expect(media.status).toBe(200)
      expect(media.headers.get('content-type')).toBe('audio/mpeg')
      expect(Buffer.from(await media.arrayBuffer())).toEqual(Buffer.from(mp3))
      // On the Spanish page; the French page reads its own text, which has no recording.
      expect(await page('/es/rights')).toContain(`<figure class="listen"><figcaption>Escucha esta página</figcaption><audio controls preload="none" src="/media/${audioId}"></audio></figure>`)
      expect(await page('/fr/rights')).not.toContain(`/media/${audioId}`)
      expect((await env.app.request('/es/rights')).headers.get('content-security-policy')).toContain("media-src 'self'")
    })

    it('prints an edition as a PDF in a language, the same bytes each time', async () => {
      const list = await json<{ items: Edition[] }>(await call(env, 'GET', '/api/guide/editions', { as: office }))
      const published = list.items.find((e) => e.status === 'published')
      const first = await call(env, 'GET', `/api/guide/editions/${published?.recordId}/guide.pdf?lang=pt`, { as: office })
      expect(first.status).toBe(200)
      expect(first.headers.get('content-type')).toBe('application/pdf')
      const bytes = Buffer.from(await first.arrayBuffer())
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-')
      expect(bytes.byteLength).toBeGreaterThan(5_000)
      const again = Buffer.from(await (await call(env, 'GET', `/api/guide/editions/${published?.recordId}/guide.pdf?lang=pt`, { as: office })).arrayBuffer())
      expect(again.equals(bytes)).toBe(true)
      const transit = await call(env, 'GET', `/api/guide/editions/${published?.recordId}/guide.pdf?lang=ht&audience=transit`, { as: office })
      expect(transit.status).toBe(200)
    })

    it('lets the guide\'s editor and the national office write; an administrator reads; a field agent neither', async () => {
      const editor = await signIn(env, (await makeUser(env, 'guide_editor', 'paisano')).username)
      expect((await call(env, 'POST', '/api/guide/editions', { as: editor, body: { id: newActionId(), season: 'winter', year: 2028 } })).status).toBe(201)
      const admin = await signIn(env, (await makeUser(env, 'administrator', 'inm')).username)
      const agent = await signIn(env, (await makeUser(env, 'field_agent', 'beta-tijuana')).username)
      expect((await call(env, 'GET', '/api/guide/editions', { as: admin })).status).toBe(200)
      expect((await call(env, 'POST', '/api/guide/editions', { as: admin, body: { id: newActionId(), season: 'summer', year: 2027 } })).status).toBe(403)
      expect((await call(env, 'GET', '/api/guide/editions', { as: agent })).status).toBe(403)
      expect((await call(env, 'GET', `/api/guide/editions/${winter.recordId}`, { as: agent })).status).toBe(403)
    })
  })
}
