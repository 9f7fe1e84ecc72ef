import { parseFolio, type CaseState } from '@faro/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, makeTestEnv, makeUser, newActionId, signIn, testDialects, type Session, type TestEnv } from '../test/harness.ts'

const request = (extra: Record<string, unknown> = {}) => ({
  id: newActionId(),
  channel: 'call_centre',
  description: 'Su hijo y dos sobrinos salieron de Tegucigalpa; la última llamada fue desde Altar, Sonora.',
  relationship: 'parent',
  requester: { identity: { givenNames: 'Marta Lidia', firstSurname: 'Reyes', phones: ['+504 9999 0000'] }, consents: ['handling_body'] },
  contactChannel: 'phone',
  sought: [
    { identity: { givenNames: 'José Ángel', firstSurname: 'Maldonado', secondSurname: 'Reyes', approximateAge: 19, sex: 'male', nationality: 'HN', physical: { marks: 'tatuaje de una rosa en el antebrazo izquierdo' } }, origin: { country: 'HN', town: 'Tegucigalpa' }, lastContact: { date: '2026-10-28', place: 'Altar', state: 'Sonora', means: 'phone_call' } },
    { identity: { givenNames: 'Kevin', firstSurname: 'Reyes', approximateAge: 17, nationality: 'HN' } },
    { identity: { aliases: ['el Flaco'], nationality: 'HN' }, companions: 'viajaba con los otros dos' },
  ],
  ...extra,
})

for (const dialect of testDialects()) {
  describe(`${dialect}: location requests`, () => {
    let env: TestEnv
    let callCentre: Session
    let betaAgent: Session
    let betaNational: Session
    let otherGroup: Session

    beforeAll(async () => {
      env = await makeTestEnv(dialect)
      callCentre = await signIn(env, (await makeUser(env, 'call_centre_operator', 'paisano')).username)
      betaAgent = await signIn(env, (await makeUser(env, 'group_coordinator', 'beta-tijuana')).username)
      betaNational = await signIn(env, (await makeUser(env, 'group_coordinator', 'beta')).username)
      otherGroup = await signIn(env, (await makeUser(env, 'group_coordinator', 'beta-tapachula')).username)
    })
    afterAll(async () => env?.close())

    async function file(as: Session, body: Record<string, unknown>) {
      const res = await call(env, 'POST', '/api/tracing/requests', { as, body })
      expect(res.status, await res.clone().text()).toBe(201)
      return (await res.json()) as { recordId: string; folio: string; pin: string }
    }

    it('files a request for three people under an LB folio, with each one in the vault and only references in the case', async () => {
      const body = request()
      const filed = await file(callCentre, body)
      expect(parseFolio(filed.folio)).toMatchObject({ prefix: 'LB' })
      expect(filed.pin).toMatch(/^\d{6}$/)
      const view = (await (await call(env, 'GET', `/api/cases/${filed.recordId}`, { as: betaNational })).json()) as { status: string; state: CaseState }
      expect(view.state).toMatchObject({ kind: 'location_request', category: 'missing_migrant', relationship: 'parent', channel: 'call_centre' })
      expect(view.state.sought).toHaveLength(3)
      expect(view.state.sought?.[0]).toMatchObject({ origin: { country: 'HN', town: 'Tegucigalpa' }, lastContact: { place: 'Altar', means: 'phone_call' } })
      // Routed to the groups' national coordination.
      expect(view.state.hops.map((h) => h.bodyId)).toEqual(['beta'])
      const links = await env.db.db.selectFrom('personLinks').select(['personId', 'legalBasis', 'purpose']).where('recordId', '=', filed.recordId).execute()
      expect(links.filter((l) => l.legalBasis === 'vital_interest' && l.purpose === 'family_tracing')).toHaveLength(3)
      expect(links.filter((l) => l.legalBasis === 'consent' && l.purpose === 'family_tracing')).toHaveLength(1)
      const log = await env.db.db.selectFrom('actions').select('payload').where('recordId', '=', filed.recordId).execute()
      expect(log.map((a) => a.payload).join('\n')).not.toMatch(/Maldonado|Kevin|Flaco|rosa|Marta|9999 0000/)
      // Retried, it is the same request.
      const again = await call(env, 'POST', '/api/tracing/requests', { as: callCentre, body })
      expect(again.status).toBe(200)
      expect(await again.json()).toMatchObject({ status: 'duplicate', folio: filed.folio })
      // The person who asks follows it with folio and PIN, like any case.
      expect((await call(env, 'POST', '/api/cases/lookup', { body: { folio: filed.folio, pin: filed.pin } })).status).toBe(200)
    })

    it('stays with the Grupo Beta that files it, out of other groups\' reach', async () => {
      const filed = await file(betaAgent, request({ channel: 'field' }))
      const view = (await (await call(env, 'GET', `/api/cases/${filed.recordId}`, { as: betaAgent })).json()) as { state: CaseState }
      expect(view.state.hops.map((h) => h.bodyId)).toEqual(['beta-tijuana'])
      expect((await call(env, 'GET', `/api/cases/${filed.recordId}`, { as: otherGroup })).status).toBe(403)
    })

    it('records a reviewer\'s word on candidates and what came of each person, a death only with a forensic reference', async () => {
      const filed = await file(callCentre, request())
      const view = (await (await call(env, 'GET', `/api/cases/${filed.recordId}`, { as: betaNational })).json()) as { state: CaseState }
      const [first, second] = view.state.sought ?? []
      const step = (as: Session, body: Record<string, unknown>) => call(env, 'POST', `/api/cases/${filed.recordId}/steps`, { as, body: { id: newActionId(), ...body } })
      const candidate = { recordType: 'rescue', recordId: 'rescue-altar-1' }
      expect((await step(betaNational, { type: 'mark_candidate', soughtId: first?.soughtId, candidate, mark: 'possible' })).status).toBe(200)
      const deceased = await step(betaNational, { type: 'set_outcome', soughtId: second?.soughtId, outcome: 'found_deceased' })
      expect(deceased.status).toBe(400)
      expect(await deceased.json()).toMatchObject({ errors: [{ field: 'forensicRef' }] })
      expect((await step(betaNational, { type: 'set_outcome', soughtId: first?.soughtId, outcome: 'found_alive', record: candidate, place: 'Hospital General de Caborca' })).status).toBe(200)
      const unknown = await step(betaNational, { type: 'set_outcome', soughtId: newActionId(), outcome: 'not_found' })
      expect(await unknown.json()).toMatchObject({ errors: [{ field: 'soughtId', code: 'unknown_sought' }] })
      // A group the request was not sent to may not work on it; a complaint has nobody sought.
      expect((await step(otherGroup, { type: 'set_outcome', soughtId: second?.soughtId, outcome: 'not_found' })).status).toBe(403)
      const after = (await (await call(env, 'GET', `/api/cases/${filed.recordId}`, { as: betaNational })).json()) as { state: CaseState }
      expect(after.state.traces?.[first?.soughtId ?? '']).toMatchObject({ outcome: 'found_alive', place: 'Hospital General de Caborca', marks: { 'rescue/rescue-altar-1': { mark: 'possible' } } })
      expect(after.state.traces?.[second?.soughtId ?? '']).toBeUndefined()
      // The generic record endpoint takes no case actions.
      const generic = await call(env, 'POST', '/api/records/actions', { as: betaNational, body: { id: newActionId(), recordType: 'case', recordId: filed.recordId, type: 'TraceOutcomeSet', payload: { at: env.clock.now().toISOString(), soughtId: second?.soughtId, outcome: 'not_found' } } })
      expect(generic.status).toBe(400)
    })

    it('lets a consulate file for its nationals, as the contact itself, and follow only its own consulate\'s requests', async () => {
      const honduras = await signIn(env, (await makeUser(env, 'consulate_officer', 'consulate-hn')).username)
      const colleague = await signIn(env, (await makeUser(env, 'consulate_officer', 'consulate-hn')).username)
      const guatemala = await signIn(env, (await makeUser(env, 'consulate_officer', 'consulate-gt')).username)
      const filed = await file(honduras, request({ channel: 'consulate', relationship: 'consulate', requester: undefined, contactChannel: 'none' }))
      expect((await call(env, 'GET', `/api/cases/${filed.recordId}`, { as: colleague })).status).toBe(200)
      expect((await call(env, 'GET', `/api/cases/${filed.recordId}`, { as: guatemala })).status).toBe(403)
      const phoneless = await call(env, 'POST', '/api/tracing/requests', { as: honduras, body: request({ channel: 'consulate', requester: undefined, contactChannel: 'phone' }) })
      expect(await phoneless.json()).toMatchObject({ errors: [{ field: 'requester.identity.phones' }] })
    })

    it('tells the consulate of each person only what the person allowed, or what the authorities must: each answer a stored disclosure', async () => {
      const honduras = await signIn(env, (await makeUser(env, 'consulate_officer', 'consulate-hn')).username)
      const filed = await file(honduras, request({ channel: 'consulate', relationship: 'consulate', requester: undefined, contactChannel: 'none' }))
      const sought = ((await (await call(env, 'GET', `/api/cases/${filed.recordId}`, { as: betaNational })).json()) as { state: CaseState }).state.sought ?? []
      const [adult, minor, third] = sought.map((s) => s.soughtId)
      const step = (body: Record<string, unknown>) => call(env, 'POST', `/api/cases/${filed.recordId}/steps`, { as: betaNational, body: { id: newActionId(), ...body } })
      const answers = async () => ((await (await call(env, 'POST', `/api/tracing/requests/${filed.recordId}/answers`, { as: honduras })).json()) as { items: Record<string, unknown>[] }).items
      expect(await answers()).toEqual([{ person: 1, status: 'searching' }, { person: 2, status: 'searching' }, { person: 3, status: 'searching' }])
      // Only a person found alive decides.
      expect((await step({ type: 'record_choice', soughtId: adult, choice: 'location' })).status).toBe(409)
      await step({ type: 'set_outcome', soughtId: adult, outcome: 'found_alive', place: 'Albergue de Altar' })
      await step({ type: 'set_outcome', soughtId: minor, outcome: 'found_alive', place: 'DIF de Hermosillo' })
      await step({ type: 'set_outcome', soughtId: third, outcome: 'found_deceased', forensicRef: 'SEMEFO-SON-2026-0412' })
      // The adult has not decided: nothing is said, not even that they were found. The minor and
      // the deceased are the authorities' duty to tell the consulate.
      expect(await answers()).toEqual([
        { person: 1, status: 'no_information' },
        { person: 2, status: 'found_alive', place: 'DIF de Hermosillo' },
        { person: 3, status: 'found_deceased', forensicRef: 'SEMEFO-SON-2026-0412' },
      ])
      expect((await step({ type: 'record_choice', soughtId: adult, choice: 'alive_only' })).status).toBe(200)
      expect((await answers())[0]).toEqual({ person: 1, status: 'found_alive', place: null })
      // The person changes their mind, later: the newer entry stands.
      env.clock.advance(3_600_000)
      await step({ type: 'record_choice', soughtId: adult, choice: 'location' })
      expect((await answers())[0]).toEqual({ person: 1, status: 'found_alive', place: 'Albergue de Altar' })
      env.clock.advance(3_600_000)
      await step({ type: 'record_choice', soughtId: adult, choice: 'nothing' })
      expect((await answers())[0]).toEqual({ person: 1, status: 'no_information' })
      // The choice is in the consent ledger, for the consulate of the person's country.
      const personId = sought[0]?.personId ?? ''
      const ledger = await env.db.db.selectFrom('consents').select(['recipientClass', 'recipientCountry', 'purpose', 'withdrawnAt']).where('personId', '=', personId).orderBy('createdAt').execute()
      expect(ledger.every((c) => c.recipientClass === 'consulate' && c.recipientCountry === 'HN')).toBe(true)
      expect(ledger.filter((c) => c.withdrawnAt === null).map((c) => c.purpose).sort()).toEqual(['family_contact', 'family_contact', 'family_tracing'])
      // Every ask was a disclosure, allowed or refused, with its rule.
      const asked = await env.db.db.selectFrom('disclosures').select(['allowed', 'rule', 'legalBasis']).where('personId', '=', personId).execute()
      expect(asked.length).toBeGreaterThanOrEqual(6)
      expect(asked.some((d) => d.allowed === 1 && d.rule === 'consent_given')).toBe(true)
      expect(asked.some((d) => d.allowed === 0 && d.rule === 'consent_withdrawn')).toBe(true)
      const minorAsked = await env.db.db.selectFrom('disclosures').select(['legalBasis', 'rule']).where('personId', '=', sought[1]?.personId ?? '').execute()
      expect(minorAsked.every((d) => d.legalBasis === 'legal_obligation' && d.rule === 'legal_obligation')).toBe(true)
      // Another country's consulate hears nothing.
      const guatemala = await signIn(env, (await makeUser(env, 'consulate_officer', 'consulate-gt')).username)
      expect((await call(env, 'POST', `/api/tracing/requests/${filed.recordId}/answers`, { as: guatemala })).status).toBe(403)
    })

    it('tells where an adult unable to decide for themselves is, as for a minor, and says so only of someone found alive', async () => {
      const honduras = await signIn(env, (await makeUser(env, 'consulate_officer', 'consulate-hn')).username)
      const filed = await file(honduras, request({ channel: 'consulate', relationship: 'consulate', requester: undefined, contactChannel: 'none', sought: request().sought.slice(0, 1) }))
      const soughtId = ((await (await call(env, 'GET', `/api/cases/${filed.recordId}`, { as: betaNational })).json()) as { state: CaseState }).state.sought?.[0]?.soughtId
      const step = (body: Record<string, unknown>) => call(env, 'POST', `/api/cases/${filed.recordId}/steps`, { as: betaNational, body: { id: newActionId(), soughtId, ...body } })
      const refused = await step({ type: 'set_outcome', outcome: 'not_found', unableToDecide: true })
      expect(refused.status).toBe(400)
      expect(await refused.json()).toMatchObject({ errors: [{ field: 'unableToDecide' }] })
      expect((await step({ type: 'set_outcome', outcome: 'found_alive', place: 'Hospital General de Caborca', condition: 'inconsciente', unableToDecide: true })).status).toBe(200)
      const answers = ((await (await call(env, 'POST', `/api/tracing/requests/${filed.recordId}/answers`, { as: honduras })).json()) as { items: unknown[] }).items
      expect(answers).toEqual([{ person: 1, status: 'found_alive', place: 'Hospital General de Caborca' }])
      const asked = await env.db.db.selectFrom('disclosures').select(['legalBasis', 'legalReference']).where('allowed', '=', 1).orderBy('at', 'desc').executeTakeFirst()
      expect(asked).toMatchObject({ legalBasis: 'legal_obligation', legalReference: expect.stringContaining('art. 37') })
    })

    it('shows the filing consulate how each search ended only through the answers, never the search\'s own steps', async () => {
      const honduras = await signIn(env, (await makeUser(env, 'consulate_officer', 'consulate-hn')).username)
      const paisano = await signIn(env, (await makeUser(env, 'paisano_coordinator', 'paisano')).username)
      const filed = await file(honduras, request({ channel: 'consulate', relationship: 'consulate', requester: undefined, contactChannel: 'none', sought: request().sought.slice(0, 1) }))
      const soughtId = ((await (await call(env, 'GET', `/api/cases/${filed.recordId}`, { as: betaNational })).json()) as { state: CaseState }).state.sought?.[0]?.soughtId
      const step = (as: Session, body: Record<string, unknown>) => call(env, 'POST', `/api/cases/${filed.recordId}/steps`, { as, body: { id: newActionId(), soughtId, ...body } })
      // The national office works on any request; the consulate that filed it does not.
      expect((await step(paisano, { type: 'mark_candidate', candidate: { recordType: 'attention', recordId: 'att-1' }, mark: 'possible' })).status).toBe(200)
      expect((await step(honduras, { type: 'mark_candidate', candidate: { recordType: 'attention', recordId: 'att-1' }, mark: 'confirmed' })).status).toBe(403)
      expect((await step(betaNational, { type: 'set_outcome', outcome: 'found_alive', place: 'Albergue de Altar' })).status).toBe(200)
      expect((await step(betaNational, { type: 'record_choice', choice: 'alive_only' })).status).toBe(200)
      const seen = JSON.stringify(await (await call(env, 'GET', `/api/cases/${filed.recordId}`, { as: honduras })).json())
      const history = JSON.stringify(await (await call(env, 'GET', `/api/cases/${filed.recordId}/history`, { as: honduras })).json())
      const review = JSON.stringify(await (await call(env, 'GET', `/api/tracing/requests/${filed.recordId}/review`, { as: honduras })).json())
      for (const text of [seen, history, review]) {
        expect(text).not.toMatch(/Albergue de Altar|found_alive|alive_only|att-1|personId/)
      }
      expect(JSON.parse(history)).toMatchObject({ items: [{ type: 'CaseOpened' }, { type: 'CaseRouted' }] })
      // What it may know, it hears through the answers.
      expect(await (await call(env, 'POST', `/api/tracing/requests/${filed.recordId}/answers`, { as: honduras })).json()).toEqual({ items: [{ person: 1, status: 'found_alive', place: null }] })
      // Those who work on it still see the search.
      expect(JSON.stringify(await (await call(env, 'GET', `/api/cases/${filed.recordId}`, { as: betaNational })).json())).toMatch(/Albergue de Altar/)
    })

    it('refuses a request that names nobody, naming the field, and stores nothing', async () => {
      const people = async () => Number((await env.db.db.selectFrom('people').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)
      const before = await people()
      const res = await call(env, 'POST', '/api/tracing/requests', { as: callCentre, body: request({ sought: [{ identity: { sex: 'male' } }] }), lang: 'es' })
      expect(res.status).toBe(400)
      expect(await res.json()).toMatchObject({ errors: [{ field: 'sought.0.identity', message: 'Indique al menos un nombre, un apodo o cómo es la persona' }] })
      expect(await people()).toBe(before)
    })

    it('counts requests answered, persons sought and persons found from the requests themselves', async () => {
      const day = env.clock.now().toISOString().slice(0, 10)
      const figures = async () => {
        const res = await call(env, 'GET', `/api/tracing/statistics?from=${day}&to=${day}&period=year`, { as: betaNational })
        expect(res.status).toBe(200)
        return ((await res.json()) as { total: Record<string, number>; rows: { bodyName: string }[] })
      }
      const before = await figures()
      const filed = await file(callCentre, request({ sought: request().sought.slice(0, 2) }))
      const sought = ((await (await call(env, 'GET', `/api/cases/${filed.recordId}`, { as: betaNational })).json()) as { state: CaseState }).state.sought ?? []
      const step = (body: Record<string, unknown>) => call(env, 'POST', `/api/cases/${filed.recordId}/steps`, { as: betaNational, body: { id: newActionId(), ...body } })
      const halfway = await figures()
      expect(halfway.total).toMatchObject({ requests: (before.total.requests ?? 0) + 1, answered: before.total.answered, personsSought: (before.total.personsSought ?? 0) + 2, searching: (before.total.searching ?? 0) + 2 })
      await step({ type: 'set_outcome', soughtId: sought[0]?.soughtId, outcome: 'found_alive', place: 'Albergue de Altar' })
      await step({ type: 'set_outcome', soughtId: sought[1]?.soughtId, outcome: 'not_found' })
      const after = await figures()
      expect(after.total).toEqual({ ...halfway.total, answered: (halfway.total.answered ?? 0) + 1, foundAlive: (halfway.total.foundAlive ?? 0) + 1, notFound: (halfway.total.notFound ?? 0) + 1, searching: (halfway.total.searching ?? 0) - 2 })
      expect(after.rows.map((r) => r.bodyName)).toContain('Grupos Beta — Coordinación Nacional')
      const bad = await call(env, 'GET', '/api/tracing/statistics?from=2026-13-01&to=2026-12-31', { as: betaNational })
      expect(bad.status).toBe(400)
      expect(await bad.json()).toMatchObject({ errors: [{ field: 'from' }] })
    })
  })
}
