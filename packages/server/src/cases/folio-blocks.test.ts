import { parseFolio, type CaseState } from '@faro/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, makeTestEnv, makeUser, newActionId, signIn, testDialects, type Session, type TestEnv } from '../test/harness.ts'

const helpRequest = (extra: Record<string, unknown> = {}) => ({
  id: newActionId(),
  kind: 'help_request',
  category: 'obtain_documents',
  channel: 'module',
  description: 'Perdió su acta de nacimiento en el camino.',
  pin: '246810',
  ...extra,
})

for (const dialect of testDialects()) {
  describe(`${dialect}: folios reserved for cases taken offline`, () => {
    let env: TestEnv
    let volunteer: Session
    let otherVolunteer: Session
    let liaison: Session

    beforeAll(async () => {
      env = await makeTestEnv(dialect)
      volunteer = await signIn(env, (await makeUser(env, 'module_volunteer', 'module-tijuana-airport')).username)
      otherVolunteer = await signIn(env, (await makeUser(env, 'module_volunteer', 'module-tijuana-airport')).username)
      liaison = await signIn(env, (await makeUser(env, 'national_analyst', 'inm')).username)
    })
    afterAll(async () => env?.close())

    async function reserve(as: Session, count: number) {
      const res = await call(env, 'POST', '/api/cases/folio-blocks', { as, body: { count } })
      expect(res.status, await res.clone().text()).toBe(201)
      return (await res.json()) as { folios: string[]; held: number }
    }

    it('reserves checked folios that no other intake will be given', async () => {
      const block = await reserve(volunteer, 5)
      expect(block.folios).toHaveLength(5)
      expect(block.held).toBe(5)
      expect(block.folios.every((f) => parseFolio(f) !== undefined)).toBe(true)
      expect(new Set(block.folios).size).toBe(5)
      // Online intakes meanwhile get other folios.
      for (let i = 0; i < 5; i += 1) {
        const res = await call(env, 'POST', '/api/cases', { as: volunteer, body: helpRequest() })
        expect(block.folios).not.toContain(((await res.json()) as { folio: string }).folio)
      }
      const held = (await (await call(env, 'GET', '/api/cases/folio-blocks', { as: volunteer })).json()) as { items: { folio: string }[] }
      expect(held.items.map((i) => i.folio).sort()).toEqual([...block.folios].sort())
    })

    it('gives a case taken offline the folio the person left with, and the time it was taken; a retry is the same case', async () => {
      const [folio = ''] = (await reserve(volunteer, 1)).folios
      env.clock.advance(3_600_000)
      const takenAt = new Date(env.clock.now().getTime() - 45 * 60_000).toISOString()
      const body = helpRequest({ folio, takenAt })
      const first = await call(env, 'POST', '/api/cases', { as: volunteer, body })
      expect(first.status, await first.clone().text()).toBe(201)
      expect(await first.json()).toMatchObject({ status: 'accepted', folio, pin: '246810' })
      const again = await call(env, 'POST', '/api/cases', { as: volunteer, body })
      expect(again.status).toBe(200)
      expect(await again.json()).toMatchObject({ status: 'duplicate', folio })
      const found = (await (await call(env, 'GET', `/api/cases?folio=${folio}`, { as: volunteer })).json()) as { items: { state: CaseState }[] }
      expect(found.items[0]?.state.receivedAt).toBe(takenAt)
      const lookup = await call(env, 'POST', '/api/cases/lookup', { body: { folio, pin: '246810' } })
      expect(lookup.status).toBe(200)
      const held = (await (await call(env, 'GET', '/api/cases/folio-blocks', { as: volunteer })).json()) as { items: { folio: string }[] }
      expect(held.items.map((i) => i.folio)).not.toContain(folio)
    })

    it('refuses, naming the field, a folio that is another account\'s, one already used, one never reserved, and a time to come', async () => {
      const [mine = ''] = (await reserve(volunteer, 1)).folios
      const theirs = await call(env, 'POST', '/api/cases', { as: otherVolunteer, body: helpRequest({ folio: mine }) })
      expect(theirs.status).toBe(400)
      expect(await theirs.json()).toMatchObject({ errors: [{ field: 'folio', code: 'folio_not_reserved' }] })
      expect((await call(env, 'POST', '/api/cases', { as: volunteer, body: helpRequest({ folio: mine }) })).status).toBe(201)
      const used = await call(env, 'POST', '/api/cases', { as: volunteer, body: helpRequest({ folio: mine }) })
      expect(used.status).toBe(400)
      const future = await call(env, 'POST', '/api/cases', { as: volunteer, body: helpRequest({ takenAt: new Date(env.clock.now().getTime() + 3_600_000).toISOString() }) })
      expect(future.status).toBe(400)
      expect(await future.json()).toMatchObject({ errors: [{ field: 'takenAt' }] })
      const cases = Number((await env.db.db.selectFrom('caseFolios').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)
      expect(cases).toBe(7)
    })

    it('holds at most a hundred unused folios per account, and refuses whoever may not take cases', async () => {
      const first = await reserve(otherVolunteer, 50)
      const second = await reserve(otherVolunteer, 50)
      const third = await reserve(otherVolunteer, 50)
      expect([first.folios.length, second.folios.length, third.folios.length]).toEqual([50, 50, 0])
      expect(third.held).toBe(100)
      expect((await call(env, 'POST', '/api/cases/folio-blocks', { as: liaison, body: { count: 1 } })).status).toBe(403)
      expect((await call(env, 'POST', '/api/cases/folio-blocks', { as: volunteer, body: { count: 500 } })).status).toBe(400)
    })
  })
}
