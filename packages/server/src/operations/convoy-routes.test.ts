import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, makeTestEnv, makeUser, newActionId, signIn, testDialects, type Session, type TestEnv } from '../test/harness.ts'

// Today is 21 November 2026 (the test clock): the winter operation runs through December.
const WINTER = { kind: 'winter', name: 'Operativo Invierno 2026', startsOn: '2026-11-01', endsOn: '2026-12-31', orgUnitId: 'paisano' }
const CONVOY = {
  orgUnitId: 'paisano',
  departurePoint: 'Puente Internacional Colombia',
  departureState: 'Nuevo León',
  departsAt: '2026-12-12T07:00:00-06:00',
  route: 'Colombia – Monterrey – Saltillo – San Luis Potosí – Querétaro',
  destinationStates: ['San Luis Potosí', 'Querétaro', 'Michoacán'],
  vehicles: 60,
  people: 240,
  escortId: 'agency-pf',
}

interface Convoy { recordId: string; version: number; status: string; published: boolean; escortName: string; incidents: { kind: string; place: string }[]; people: number; departsAt: string }

for (const dialect of testDialects()) {
  describe(`${dialect}: escorted convoys`, () => {
    let env: TestEnv
    let paisano: Session
    let agent: Session
    let operationId: string

    beforeAll(async () => {
      env = await makeTestEnv(dialect)
      paisano = await signIn(env, (await makeUser(env, 'paisano_coordinator', 'paisano')).username)
      agent = await signIn(env, (await makeUser(env, 'field_agent', 'beta-tijuana')).username)
      operationId = newActionId()
      expect((await call(env, 'POST', '/api/operations', { as: paisano, body: { ...WINTER, id: operationId } })).status).toBe(201)
    })
    afterAll(async () => env?.close())

    let convoyId: string

    it('schedules a convoy once, however often the request is resent, and lists it with its escort by name', async () => {
      convoyId = newActionId()
      const body = { ...CONVOY, id: convoyId, operationId }
      expect((await call(env, 'POST', '/api/convoys', { as: paisano, body })).status).toBe(201)
      expect((await call(env, 'POST', '/api/convoys', { as: paisano, body })).status).toBe(200)
      const later = { ...CONVOY, id: newActionId(), operationId, departsAt: '2026-12-19T06:00:00-06:00', departurePoint: 'Garita de Nogales', departureState: 'Sonora', published: true }
      expect((await call(env, 'POST', '/api/convoys', { as: paisano, body: later })).status).toBe(201)
      const list = (await (await call(env, 'GET', `/api/convoys?operation=${operationId}`, { as: agent })).json()) as { items: Convoy[] }
      expect(list.items.map((c) => [c.recordId, c.status, c.published, c.escortName])).toEqual([
        [convoyId, 'scheduled', false, 'Policía Federal'],
        [later.id, 'scheduled', true, 'Policía Federal'],
      ])
      expect(list.items.map((c) => c.incidents)).toEqual([[], []])
      const published = (await (await call(env, 'GET', '/api/convoys?published=true&from=2026-12-15', { as: agent })).json()) as { items: Convoy[] }
      expect(published.items.map((c) => c.recordId)).toEqual([later.id])
    })

    it('publishes it, records incidents that add up, and marks it arrived', async () => {
      expect((await call(env, 'PATCH', `/api/convoys/${convoyId}`, { as: paisano, body: { id: newActionId(), published: true, people: 255 } })).status).toBe(200)
      for (const incident of [
        { kind: 'breakdown', place: 'Carretera 57, km 120', description: 'Una camioneta con la llanta ponchada; el convoy esperó 20 minutos' },
        { kind: 'extortion_attempt', place: 'Matehuala', description: 'Un retén no oficial; la escolta intervino y se levantó una queja' },
      ]) {
        expect((await call(env, 'POST', `/api/convoys/${convoyId}/incidents`, { as: paisano, body: { ...incident, id: newActionId(), at: '2026-12-12T11:00:00-06:00' } })).status).toBe(200)
      }
      const arrived = (await (await call(env, 'PATCH', `/api/convoys/${convoyId}`, { as: paisano, body: { id: newActionId(), status: 'arrived' } })).json()) as { state: Convoy }
      expect(arrived.state.status).toBe('arrived')
      expect(arrived.state.published).toBe(true)
      expect(arrived.state.people).toBe(255)
      expect(arrived.state.incidents.map((i) => i.kind)).toEqual(['breakdown', 'extortion_attempt'])
    })

    it('refuses bad input naming the field, and lets only the national office write', async () => {
      const bad = async (body: Record<string, unknown>) => (await (await call(env, 'POST', '/api/convoys', { as: paisano, body: { ...CONVOY, id: newActionId(), ...body } })).json()) as { status: number; errors: { field: string }[] }
      expect((await bad({ escortId: 'beta-tijuana' })).errors.map((e) => e.field)).toEqual(['escortId'])
      expect((await bad({ destinationStates: [] })).errors.map((e) => e.field)).toEqual(['destinationStates'])
      expect((await bad({ departureState: 'Texas' })).errors.map((e) => e.field)).toEqual(['departureState'])
      expect((await bad({ operationId: newActionId() })).errors.map((e) => e.field)).toEqual(['operationId'])
      expect((await bad({ vehicles: 0 })).status).toBe(400)
      const incident = await call(env, 'POST', `/api/convoys/${convoyId}/incidents`, { as: paisano, body: { id: newActionId(), at: 'ayer', kind: 'robbery', place: 'x' } })
      expect(incident.status).toBe(400)
      expect((await call(env, 'POST', '/api/convoys', { as: agent, body: { ...CONVOY, id: newActionId() } })).status).toBe(403)
      expect((await call(env, 'POST', `/api/convoys/${convoyId}/incidents`, { as: agent, body: { id: newActionId(), at: '2026-12-12T12:00:00-06:00', kind: 'delay', place: 'Saltillo' } })).status).toBe(403)
      expect((await call(env, 'PATCH', `/api/convoys/${newActionId()}`, { as: paisano, body: { id: newActionId(), status: 'departed' } })).status).toBe(404)
    })
  })
}
