import { parseFolio, type CaseState } from '@faro/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, makeTestEnv, makeUser, newActionId, signIn, testDialects, type Session, type TestEnv } from '../test/harness.ts'

interface Intake {
  status: string
  recordId: string
  folio: string
  pin: string | null
}
interface View {
  recordId: string
  folio: string
  status: string
  publicStatus: string
  overdueHops: string[]
  state: CaseState
}

const extortionAtCustoms = () => ({
  id: newActionId(),
  kind: 'complaint',
  category: 'extortion',
  channel: 'module',
  description: 'En la revisión de la aduana le pidieron 200 dólares para no retener la camioneta.',
  place: { kind: 'customs', highway: 'México 85', km: 12 },
  accused: { agencyId: 'agency-aga', badge: 'A-1234', description: 'Uniforme azul, chaleco de aduanas' },
  facts: { amountDemanded: 200, currency: 'USD', vehiclePlates: 'TX-4421' },
  language: 'es',
  contactChannel: 'none',
})

for (const dialect of testDialects()) {
  describe(`${dialect}: Paisano cases`, () => {
    let env: TestEnv
    let volunteer: Session
    let accusedLiaison: Session
    let controlLiaison: Session
    let prosecutorLiaison: Session
    let otherLiaison: Session
    let coordinator: Session
    let callCentre: Session

    beforeAll(async () => {
      env = await makeTestEnv(dialect)
      volunteer = await signIn(env, (await makeUser(env, 'module_volunteer', 'module-tijuana-airport')).username)
      accusedLiaison = await signIn(env, (await makeUser(env, 'agency_liaison', 'agency-aga')).username)
      controlLiaison = await signIn(env, (await makeUser(env, 'agency_liaison', 'oic-aga')).username)
      prosecutorLiaison = await signIn(env, (await makeUser(env, 'agency_liaison', 'agency-pgr')).username)
      otherLiaison = await signIn(env, (await makeUser(env, 'agency_liaison', 'agency-profeco')).username)
      coordinator = await signIn(env, (await makeUser(env, 'paisano_coordinator', 'paisano')).username)
      callCentre = await signIn(env, (await makeUser(env, 'call_centre_operator', 'paisano')).username)
    })
    afterAll(async () => env?.close())

    async function intake(as: Session, body: Record<string, unknown> = extortionAtCustoms()): Promise<Intake> {
      const res = await call(env, 'POST', '/api/cases', { as, body })
      expect(res.status, await res.clone().text()).toBe(201)
      return (await res.json()) as Intake
    }

    async function view(as: Session, recordId: string): Promise<View> {
      const res = await call(env, 'GET', `/api/cases/${recordId}`, { as })
      expect(res.status).toBe(200)
      return (await res.json()) as View
    }

    async function step(as: Session, recordId: string, body: Record<string, unknown>) {
      return call(env, 'POST', `/api/cases/${recordId}/steps`, { as, body: { id: newActionId(), ...body } })
    }

    it('takes a complaint with a checked folio and a six-digit PIN, and routes it away from the accused agency', async () => {
      const taken = await intake(volunteer)
      expect(parseFolio(taken.folio)).toMatchObject({ prefix: 'PA', year: 26 })
      expect(taken.pin).toMatch(/^\d{6}$/)
      const seen = await view(volunteer, taken.recordId)
      expect(seen.status).toBe('routed')
      expect(seen.state.hops.map((h) => h.bodyId).sort()).toEqual(['agency-pgr', 'oic-aga'])
      expect(seen.state.hops.every((h) => h.acknowledgeBy > h.routedAt && h.answerBy > h.acknowledgeBy)).toBe(true)
    })

    it('never shows a complaint to the accused agency, in a read or a list', async () => {
      const taken = await intake(volunteer)
      expect((await call(env, 'GET', `/api/cases/${taken.recordId}`, { as: accusedLiaison })).status).toBe(403)
      const list = (await (await call(env, 'GET', '/api/cases', { as: accusedLiaison })).json()) as { items: View[] }
      expect(list.items.map((c) => c.recordId)).not.toContain(taken.recordId)
      // A body the case was not sent to sees nothing of it either.
      expect((await call(env, 'GET', `/api/cases/${taken.recordId}`, { as: otherLiaison })).status).toBe(403)
      const routed = (await (await call(env, 'GET', '/api/cases', { as: controlLiaison })).json()) as { items: View[] }
      expect(routed.items.map((c) => c.recordId)).toContain(taken.recordId)
    })

    it('refuses to refer or route a case to the accused agency', async () => {
      const taken = await intake(volunteer)
      const hop = (await view(controlLiaison, taken.recordId)).state.hops.find((h) => h.bodyId === 'oic-aga')
      const res = await step(controlLiaison, taken.recordId, { type: 'refer', hopId: hop?.hopId, to: ['agency-aga'], reason: 'Que lo revise la aduana' })
      expect(res.status).toBe(400)
      expect(await res.json()).toMatchObject({ errors: [{ field: 'to.0', code: 'accused_body' }] })
      expect((await step(coordinator, taken.recordId, { type: 'route', to: ['agency-aga'] })).status).toBe(400)
    })

    it('follows the lifecycle: acknowledge, ask and give information, answer, propose closure, close; the filer sees the public status', async () => {
      const taken = await intake(volunteer)
      const hop = (await view(controlLiaison, taken.recordId)).state.hops.find((h) => h.bodyId === 'oic-aga')?.hopId
      expect((await step(controlLiaison, taken.recordId, { type: 'acknowledge', hopId: hop, externalRef: 'OIC-AGA-2026-0091' })).status).toBe(200)
      expect((await view(controlLiaison, taken.recordId)).status).toBe('acknowledged')
      // Only the hop's own body works on it.
      expect((await step(prosecutorLiaison, taken.recordId, { type: 'answer', hopId: hop, answer: 'x' })).status).toBe(403)
      await step(controlLiaison, taken.recordId, { type: 'request_info', hopId: hop, question: '¿Recuerda el número de la placa del agente?' })
      const lookup = async (pin: string | null) => call(env, 'POST', '/api/cases/lookup', { body: { folio: taken.folio.toLowerCase().replace(/-/g, ' '), pin } })
      expect(await (await lookup(taken.pin)).json()).toMatchObject({ status: 'info_requested', outcome: null })
      expect((await step(callCentre, taken.recordId, { type: 'provide_info', hopId: hop, answer: 'A-1234, según la persona.' })).status).toBe(200)
      await step(controlLiaison, taken.recordId, { type: 'answer', hopId: hop, answer: 'Se abrió una investigación administrativa.' })
      await step(controlLiaison, taken.recordId, { type: 'propose_closure', hopId: hop, outcome: 'resolved', summary: 'Investigación abierta; se dio vista a la Fiscalía.' })
      expect((await view(coordinator, taken.recordId)).status).toBe('resolved')
      // Closing is the national office's: a liaison may not.
      expect((await step(controlLiaison, taken.recordId, { type: 'close', outcome: 'resolved' })).status).toBe(403)
      const closed = await step(coordinator, taken.recordId, { type: 'close', outcome: 'resolved' })
      expect(((await closed.json()) as View).status).toBe('closed')
      expect(await (await lookup(taken.pin)).json()).toMatchObject({ folio: taken.folio, status: 'closed', outcome: 'resolved' })
      expect((await step(controlLiaison, taken.recordId, { type: 'answer', hopId: hop, answer: 'más' })).status).toBe(409)
    })

    it('tells the history with its words, finds a case by its folio, and lists only open cases when asked', async () => {
      const taken = await intake(volunteer)
      const hop = (await view(controlLiaison, taken.recordId)).state.hops.find((h) => h.bodyId === 'oic-aga')?.hopId
      await step(controlLiaison, taken.recordId, { type: 'request_info', hopId: hop, question: '¿A qué hora pasó?' })
      const history = (await (await call(env, 'GET', `/api/cases/${taken.recordId}/history`, { as: callCentre })).json()) as { items: { type: string; payload: { question?: string } }[] }
      expect(history.items.map((h) => h.type)).toEqual(['CaseOpened', 'CaseRouted', 'CaseInfoRequested'])
      expect(history.items[2]?.payload.question).toBe('¿A qué hora pasó?')
      expect((await call(env, 'GET', `/api/cases/${taken.recordId}/history`, { as: accusedLiaison })).status).toBe(403)
      const byFolio = (await (await call(env, 'GET', `/api/cases?folio=${encodeURIComponent(taken.folio.toLowerCase())}`, { as: callCentre })).json()) as { items: View[] }
      expect(byFolio.items.map((c) => c.recordId)).toEqual([taken.recordId])
      expect(((await (await call(env, 'GET', `/api/cases?folio=${encodeURIComponent(taken.folio)}`, { as: accusedLiaison })).json()) as { items: View[] }).items).toEqual([])
      const closing = await intake(volunteer)
      await step(coordinator, closing.recordId, { type: 'close', outcome: 'withdrawn' })
      const open = (await (await call(env, 'GET', '/api/cases?open=true&limit=200', { as: coordinator })).json()) as { items: View[] }
      expect(open.items.every((c) => c.status !== 'closed')).toBe(true)
      expect(open.items.map((c) => c.recordId)).not.toContain(closing.recordId)
      expect(open.items.map((c) => c.recordId)).toContain(taken.recordId)
      const counts = (await (await call(env, 'GET', '/api/cases/counts', { as: coordinator })).json()) as { open: number; overdue: number }
      expect(counts.open).toBe(open.items.length)
      expect((await (await call(env, 'GET', '/api/cases/counts', { as: accusedLiaison })).json()) as unknown).toEqual({ open: 0, overdue: 0 })
    })

    it('shows the national office clusters of complaints naming one badge, and each body its own scorecard', async () => {
      for (let i = 0; i < 3; i += 1) {
        await intake(volunteer, { ...extortionAtCustoms(), accused: { agencyId: 'agency-aga', badge: i === 1 ? 'q-9 9 1' : 'Q-991' } })
      }
      const period = 'from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z'
      const patterns = (await (await call(env, 'GET', `/api/cases/patterns?${period}`, { as: coordinator })).json()) as { items: { by: string; value: string; count: number; agencyId: string }[] }
      expect(patterns.items).toContainEqual(expect.objectContaining({ by: 'badge', count: 3, agencyId: 'agency-aga' }))
      expect((await call(env, 'GET', `/api/cases/patterns?${period}`, { as: controlLiaison })).status).toBe(403)
      const all = (await (await call(env, 'GET', `/api/cases/scorecards?${period}`, { as: coordinator })).json()) as { items: { bodyId: string; received: number; accusedIn: number }[] }
      expect(all.items.find((s) => s.bodyId === 'oic-aga')?.received).toBeGreaterThan(3)
      expect(all.items.find((s) => s.bodyId === 'agency-aga')?.accusedIn).toBeGreaterThan(3)
      const own = (await (await call(env, 'GET', `/api/cases/scorecards?${period}`, { as: controlLiaison })).json()) as { items: { bodyId: string }[] }
      expect(own.items.map((s) => s.bodyId)).toEqual(['oic-aga'])
    })

    it('takes the same intake sent twenty times at once as one case with one folio', async () => {
      const body = extortionAtCustoms()
      const answers = await Promise.all(Array.from({ length: 20 }, () => call(env, 'POST', '/api/cases', { as: volunteer, body })))
      const statuses = answers.map((r) => r.status).sort()
      expect(statuses.filter((s) => s === 201)).toHaveLength(1)
      expect(statuses.filter((s) => s === 200)).toHaveLength(19)
      const results = (await Promise.all(answers.map((r) => r.json()))) as Intake[]
      expect(new Set(results.map((r) => r.folio)).size).toBe(1)
      expect(results.filter((r) => r.pin !== null)).toHaveLength(1)
      const folios = await env.db.db.selectFrom('caseFolios').select('folio').where('recordId', '=', body.id).execute()
      expect(folios).toHaveLength(1)
      const actions = await env.db.db.selectFrom('actions').select('type').where('recordId', '=', body.id).execute()
      expect(actions.map((a) => a.type).sort()).toEqual(['CaseOpened', 'CaseRouted'])
    })

    it('keeps a PIN the client chose, so a retried intake can still show it', async () => {
      const taken = await intake(volunteer, { ...extortionAtCustoms(), pin: '482913' })
      expect(taken.pin).toBe('482913')
      expect((await call(env, 'POST', '/api/cases/lookup', { body: { folio: taken.folio, pin: '482913' } })).status).toBe(200)
    })

    it('routes help to the agency that gives it, with hour targets for urgent help', async () => {
      const taken = await intake(callCentre, { id: newActionId(), kind: 'help_request', category: 'recover_seized_vehicle_or_goods', channel: 'call_centre', description: 'Le retuvieron la camioneta en la garita; cobran almacenaje por día.', place: { kind: 'port_of_entry' } })
      const seen = await view(callCentre, taken.recordId)
      expect(seen.state.hops.map((h) => h.bodyId).sort()).toEqual(['agency-aga', 'agency-banjercito'])
      const hop = seen.state.hops[0]
      expect(Date.parse(hop?.acknowledgeBy ?? '') - Date.parse(hop?.routedAt ?? '')).toBe(4 * 3_600_000)
    })

    it('keeps cases off the generic record endpoints, which cannot give folios or exclude the accused', async () => {
      const res = await call(env, 'POST', '/api/records/actions', { as: volunteer, body: { id: newActionId(), recordType: 'case', recordId: 'x-1', type: 'CaseOpened', payload: {} } })
      expect(res.status).toBe(400)
      expect(await res.json()).toMatchObject({ errors: [{ field: 'recordType', code: 'case_via_cases_api' }] })
      expect((await call(env, 'GET', '/api/records/case', { as: coordinator })).status).toBe(400)
    })

    it('refuses an intake whose category does not match its kind, naming the field', async () => {
      const res = await call(env, 'POST', '/api/cases', { as: volunteer, body: { ...extortionAtCustoms(), kind: 'help_request' } })
      expect(res.status).toBe(400)
      expect(await res.json()).toMatchObject({ errors: [{ field: 'category' }] })
    })

    it('keeps the routing rules as versions an administrator saves, refusing an edit made on an old version', async () => {
      const admin = await signIn(env, (await makeUser(env, 'administrator', 'inm')).username)
      const current = (await (await call(env, 'GET', '/api/cases/routing-rules', { as: admin })).json()) as { version: number; rules: { rules: unknown[] } }
      const save = (basedOn: number) => call(env, 'PUT', '/api/cases/routing-rules', { as: admin, body: { basedOn, note: 'Prueba', rules: current.rules } })
      expect((await save(current.version)).status).toBe(200)
      expect((await save(current.version)).status).toBe(409)
      expect((await call(env, 'PUT', '/api/cases/routing-rules', { as: coordinator, body: { basedOn: current.version + 1, note: 'x', rules: current.rules } })).status).toBe(403)
    })
    it('answers a wrong PIN like an unknown folio, and rests a folio after five wrong PINs', async () => {
      const taken = await intake(volunteer)
      const other = taken.pin === '000000' ? '111111' : '000000'
      const unknown = await call(env, 'POST', '/api/cases/lookup', { body: { folio: 'PA-26-0000-0', pin: '123456' } })
      const wrong = await call(env, 'POST', '/api/cases/lookup', { body: { folio: taken.folio, pin: other } })
      expect(unknown.status).toBe(404)
      expect(wrong.status).toBe(404)
      const { instance: _a, ...wrongBody } = (await wrong.json()) as Record<string, unknown>
      const { instance: _b, ...unknownBody } = (await unknown.json()) as Record<string, unknown>
      expect(wrongBody).toEqual(unknownBody)
      for (let i = 0; i < 4; i += 1) {
        await call(env, 'POST', '/api/cases/lookup', { body: { folio: taken.folio, pin: other } })
      }
      expect((await call(env, 'POST', '/api/cases/lookup', { body: { folio: taken.folio, pin: taken.pin } })).status).toBe(404)
      env.clock.advance(16 * 60_000)
      expect((await call(env, 'POST', '/api/cases/lookup', { body: { folio: taken.folio, pin: taken.pin } })).status).toBe(200)
    })

    it('reopens within 30 days of closing, not after', async () => {
      // The clock moved in the test before: fresh sessions.
      volunteer = await signIn(env, (await makeUser(env, 'module_volunteer', 'module-tijuana-airport')).username)
      coordinator = await signIn(env, (await makeUser(env, 'paisano_coordinator', 'paisano')).username)
      const taken = await intake(volunteer)
      await step(coordinator, taken.recordId, { type: 'close', outcome: 'not_resolved' })
      expect((await step(coordinator, taken.recordId, { type: 'reopen', reason: 'La persona aportó pruebas nuevas.' })).status).toBe(200)
      await step(coordinator, taken.recordId, { type: 'close', outcome: 'not_resolved' })
      env.clock.advance(31 * 86_400_000)
      coordinator = await signIn(env, (await makeUser(env, 'paisano_coordinator', 'paisano')).username)
      const late = await step(coordinator, taken.recordId, { type: 'reopen', reason: 'Otra vez.' })
      expect(late.status).toBe(409)
    })

  })
}
