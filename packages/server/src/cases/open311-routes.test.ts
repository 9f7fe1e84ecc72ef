import { parseFolio } from '@faro/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, makeTestEnv, makeUser, signIn, testDialects, type TestEnv } from '../test/harness.ts'

for (const dialect of testDialects()) {
  describe(`${dialect}: Open311 GeoReport v2`, () => {
    let env: TestEnv
    let key: string
    let otherKey: string

    async function tokenOf(unit: string): Promise<string> {
      const session = await signIn(env, (await makeUser(env, 'agency_liaison', unit)).username)
      const res = await call(env, 'POST', '/api/tokens', { as: session, body: { name: 'sistema de la dependencia' } })
      expect(res.status).toBe(201)
      return ((await res.json()) as { token: string }).token
    }

    function post(form: Record<string, string>) {
      return env.app.request('/open311/v2/requests.json', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }, body: new URLSearchParams(form).toString() })
    }

    beforeAll(async () => {
      env = await makeTestEnv(dialect)
      key = await tokenOf('agency-sre')
      otherKey = await tokenOf('agency-profeco')
    })
    afterAll(async () => env?.close())

    it('lists the case categories as services, and describes each one\'s attributes', async () => {
      const services = (await (await env.app.request('/open311/v2/services.json')).json()) as { service_code: string; service_name: string; metadata: boolean; type: string }[]
      expect(services.map((s) => s.service_code)).toContain('extortion')
      expect(services.find((s) => s.service_code === 'extortion')).toMatchObject({ service_name: 'Extorsión', metadata: true, type: 'realtime' })
      const definition = (await (await env.app.request('/open311/v2/services/extortion.json')).json()) as { service_code: string; attributes: { code: string; order: number }[] }
      expect(definition.attributes.map((a) => a.code)).toContain('accused_agency')
      expect(definition.attributes.map((a) => a.order)).toEqual(definition.attributes.map((_, i) => i + 1))
      const missing = await env.app.request('/open311/v2/services/nothing.json')
      expect(missing.status).toBe(404)
      expect(await missing.json()).toEqual([{ code: 404, description: 'service_code not found' }])
      expect((await env.app.request('/open311/v2/discovery.json')).status).toBe(200)
    })

    it('files a case with an API key as api_key and answers its folio as service_request_id', async () => {
      const res = await post({ api_key: key, service_code: 'extortion', address_string: 'Garita de Nuevo Laredo, Tamaulipas', description: 'Le pidieron dinero para pasar.', 'attribute[accused_agency]': 'agency-aga', 'attribute[amount_demanded]': '2000', 'attribute[place_kind]': 'port_of_entry' })
      expect(res.status).toBe(201)
      const [answer] = (await res.json()) as { service_request_id: string; service_notice: string }[]
      expect(parseFolio(answer?.service_request_id ?? '')).toBeDefined()
      const one = (await (await env.app.request(`/open311/v2/requests/${answer?.service_request_id ?? ''}.json?api_key=${key}`)).json()) as Record<string, unknown>[]
      expect(one).toEqual([expect.objectContaining({ service_request_id: answer?.service_request_id, status: 'open', service_code: 'extortion', status_notes: 'Recibida' })])
      // Public status only: no words of the person, no bodies, no accused.
      expect(JSON.stringify(one)).not.toMatch(/dinero|agency-aga|oic-aga/)
      const list = (await (await env.app.request(`/open311/v2/requests.json?api_key=${key}&status=open&service_code=extortion`)).json()) as { service_request_id: string }[]
      expect(list.map((r) => r.service_request_id)).toContain(answer?.service_request_id)
    })

    it('keeps the spec\'s person fields in the vault, never in the case, and writes back by e-mail when given one', async () => {
      const res = await post({ api_key: key, service_code: 'theft', address_string: 'Central de autobuses de Monterrey', first_name: 'Juan', last_name: 'Pérez', email: 'juan.perez@example.test', phone: '+1 956 555 0101' })
      expect(res.status).toBe(201)
      const [filed] = (await res.json()) as { service_request_id: string }[]
      const row = await env.db.db.selectFrom('caseFolios').select('recordId').where('folio', '=', filed?.service_request_id ?? '').executeTakeFirstOrThrow()
      const record = await env.db.db.selectFrom('records').select('state').where('recordId', '=', row.recordId).executeTakeFirstOrThrow()
      const state = JSON.parse(record.state) as { personId?: string; contactChannel: string }
      expect(record.state).not.toMatch(/Juan|Pérez|juan\.perez|956 555 0101/)
      expect(state.contactChannel).toBe('email')
      expect(await env.db.db.selectFrom('people').select('presentFields').where('id', '=', state.personId ?? '').executeTakeFirstOrThrow()).toEqual({ presentFields: JSON.stringify(['email', 'firstSurname', 'givenNames', 'phones']) })
      const queued = await env.db.db.selectFrom('mailOutbox').select(['template', 'recipientKind']).where('recipientId', '=', state.personId ?? '').execute()
      expect(queued).toEqual([{ template: 'case_received', recipientKind: 'person' }])
    })

    it('answers 403 without a key, 404 for a case out of the key\'s reach, and 400 naming what is missing', async () => {
      expect((await post({ service_code: 'theft', address_string: 'x' })).status).toBe(403)
      expect((await env.app.request('/open311/v2/requests.json')).status).toBe(403)
      const res = await post({ api_key: key, service_code: 'theft', address_string: 'Carretera 57' })
      const [filed] = (await res.json()) as { service_request_id: string }[]
      expect((await env.app.request(`/open311/v2/requests/${filed?.service_request_id ?? ''}.json?api_key=${otherKey}`)).status).toBe(404)
      const noPlace = await post({ api_key: key, service_code: 'theft' })
      expect(noPlace.status).toBe(400)
      expect(((await noPlace.json()) as { description: string }[])[0]?.description).toMatch(/location/)
      expect((await post({ api_key: key, service_code: 'nothing', lat: '25.5', long: '-100.1' })).status).toBe(404)
      expect((await env.app.request(`/open311/v2/requests.json?api_key=${key}&start_date=2026-01-01T00:00:00Z&end_date=2026-11-01T00:00:00Z`)).status).toBe(400)
    })
  })
}
