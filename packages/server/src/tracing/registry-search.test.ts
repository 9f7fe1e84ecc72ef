import type { CaseState, TraceReview } from '@faro/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runRetention } from '../protection/retention/retention.ts'
import { retentionCtx } from '../protection/job.ts'
import { call, makeAttentionAction, makeTestEnv, makeUser, newActionId, signIn, testDialects, type Session, type TestEnv } from '../test/harness.ts'
import { alertNewCandidates } from './alerts.ts'
import { ensureMatchIndex } from './match-index.ts'

// Names invented for the test, chosen so that no other test's fixture shares a blocking key.
const ZELAYA = { givenNames: 'Wilmer Josué', firstSurname: 'Zelaya', secondSurname: 'Oyuela', sex: 'male', approximateAge: 24, nationality: 'HN' }
const BROTHER = { givenNames: 'Darwin', firstSurname: 'Zelaya', secondSurname: 'Oyuela', sex: 'male', approximateAge: 31, nationality: 'HN' }
const XICARA = { givenNames: 'Ingrid Marisol', firstSurname: 'Xicará', secondSurname: 'Tzoc', sex: 'female', approximateAge: 27, nationality: 'GT' }

for (const dialect of testDialects()) {
  describe(`${dialect}: the search of the registry for the people a request seeks`, () => {
    let env: TestEnv
    let agent: Session
    let tijuana: Session
    let national: Session
    let honduras: Session
    let dpo: Session

    /** A person the group attended (or rescued), named in the vault and linked to the record. */
    async function attended(identity: Record<string, unknown>, at = '2026-11-02T15:00:00.000Z', rescue?: string): Promise<{ personId: string; recordId: string }> {
      const action = rescue
        ? { ...makeAttentionAction('beta-tijuana'), recordType: 'rescue', type: 'RescueRecorded', payload: { orgUnitId: 'beta-tijuana', at, emergencyType: 'dehydration', people: [{ count: 1 }], outcome: rescue } }
        : makeAttentionAction('beta-tijuana', {})
      if (!rescue) {
        action.payload = { ...action.payload, at }
      }
      expect((await call(env, 'POST', '/api/records/actions', { as: agent, body: action })).status).toBe(201)
      const res = await call(env, 'POST', '/api/people', { as: agent, body: { orgUnitId: 'beta-tijuana', identity, link: { recordType: action.recordType, recordId: action.recordId, legalBasis: rescue ? 'vital_interest' : 'consent', purpose: rescue ? 'rescue' : 'referral_services' } } })
      expect(res.status, await res.clone().text()).toBe(201)
      return { personId: ((await res.json()) as { id: string }).id, recordId: action.recordId }
    }

    async function file(as: Session, sought: Record<string, unknown>[]): Promise<string> {
      const res = await call(env, 'POST', '/api/tracing/requests', {
        as,
        body: { id: newActionId(), channel: 'consulate', description: 'Viajaban juntos.', relationship: 'consulate', language: 'es', contactChannel: 'none', sought: sought.map((identity) => ({ identity, lastContact: { date: '2026-10-30', place: 'Altar' } })) },
      })
      expect(res.status, await res.clone().text()).toBe(201)
      return ((await res.json()) as { recordId: string }).recordId
    }

    const fail = (): never => {
      throw new Error('the test environment has no vault')
    }
    const keyring = () => env.protection?.keyring ?? fail()
    const review = async (as: Session, recordId: string) => call(env, 'GET', `/api/tracing/requests/${recordId}/review`, { as })

    beforeAll(async () => {
      env = await makeTestEnv(dialect)
      agent = await signIn(env, (await makeUser(env, 'field_agent', 'beta-tijuana')).username)
      tijuana = await signIn(env, (await makeUser(env, 'group_coordinator', 'beta-tijuana')).username)
      const coordinator = await makeUser(env, 'group_coordinator', 'beta')
      await env.db.db.updateTable('users').set({ email: 'coordinacion.beta@faro.test' }).where('id', '=', coordinator.id).execute()
      national = await signIn(env, coordinator.username)
      honduras = await signIn(env, (await makeUser(env, 'consulate_officer', 'consulate-hn')).username)
      dpo = await signIn(env, (await makeUser(env, 'data_protection_officer', 'inm')).username)
    })
    afterAll(async () => env?.close())

    it('finds a person written with one surname and a misspelling, ranks a brother below, and explains each score', async () => {
      const found = await attended(ZELAYA)
      await attended(BROTHER, '2026-11-03T15:00:00.000Z')
      const recordId = await file(honduras, [{ givenNames: 'Wilmer', firstSurname: 'Selaya', approximateAge: 25, sex: 'male', nationality: 'HN' }, { givenNames: 'Nadie', firstSurname: 'Inexistente', nationality: 'HN' }])
      const res = await review(national, recordId)
      expect(res.status, await res.clone().text()).toBe(200)
      const body = (await res.json()) as TraceReview
      const [first, absent] = body.items
      expect(first?.identity).toMatchObject({ givenNames: 'Wilmer', firstSurname: 'Selaya' })
      expect(first?.candidates[0]).toMatchObject({ recordType: 'attention', recordId: found.recordId, kind: 'attended', unitName: expect.any(String), identity: { firstSurname: 'Zelaya' } })
      expect(['strong', 'possible']).toContain(first?.candidates[0]?.band)
      const brother = first?.candidates.find((c) => c.identity.givenNames === 'Darwin')
      expect(brother?.band).not.toBe('strong')
      expect(first?.candidates[0]?.score).toBeGreaterThan(brother?.score ?? -Infinity)
      // Every field is explained, and the bits are those the score is made of.
      expect(first?.candidates[0]?.contributions.map((c) => c.field)).toEqual(['given', 'surname', 'surname2', 'surname_order', 'birth', 'sex', 'nationality', 'timing'])
      expect(first?.candidates[0]?.contributions.find((c) => c.field === 'surname')?.level).toBe('phonetic')
      expect(absent?.candidates.filter((c) => c.band === 'strong')).toEqual([])
      // The national coordination may open a Tijuana attention; the view is audited.
      expect(first?.candidates[0]?.canOpen).toBe(true)
      const audits = await env.db.db.selectFrom('auditEvents').select(['action', 'decision']).where('recordId', '=', recordId).where('action', '=', 'trace.review').execute()
      expect(audits).toEqual([{ action: 'trace.review', decision: 'allowed' }])
    })

    it('shows a consulate only candidates of its nationality, and nobody else the candidates at all', async () => {
      await attended(XICARA)
      const recordId = await file(honduras, [{ givenNames: 'Ingrid', firstSurname: 'Xicara', nationality: 'HN' }])
      const asConsulate = (await (await review(honduras, recordId)).json()) as TraceReview
      expect(asConsulate.nationality).toBe('HN')
      expect(asConsulate.items[0]?.candidates.map((c) => c.identity.nationality)).not.toContain('GT')
      const asOffice = (await (await review(national, recordId)).json()) as TraceReview
      expect(asOffice.items[0]?.candidates[0]?.identity).toMatchObject({ firstSurname: 'Xicará', nationality: 'GT' })
      // A group the request was not sent to, a field agent and the DPO do not review it.
      expect((await review(tijuana, recordId)).status).toBe(403)
      expect((await review(agent, recordId)).status).toBe(403)
      expect((await review(dpo, recordId)).status).toBe(403)
    })

    it('alerts the request\'s handler when a registry record arrives after the request, once', async () => {
      await alertNewCandidates(env.db, env.clock, keyring())
      const recordId = await file(honduras, [{ givenNames: 'Yeferson', firstSurname: 'Portillo', secondSurname: 'Argueta', birthDate: '2005-03-14', sex: 'male', nationality: 'SV' }])
      env.clock.advance(60_000)
      const rescued = await attended({ givenNames: 'Yeferson', firstSurname: 'Portilla', secondSurname: 'Argueta', birthDate: '2005-03-14', sex: 'male', nationality: 'SV' }, '2026-11-04T10:00:00.000Z', 'transferred_to_hospital')
      const pass = await alertNewCandidates(env.db, env.clock, keyring())
      expect(pass).toMatchObject({ records: 1, alerts: 1 })
      const view = (await (await call(env, 'GET', `/api/cases/${recordId}`, { as: national })).json()) as { state: CaseState }
      const soughtId = view.state.sought?.[0]?.soughtId ?? ''
      expect(view.state.traces?.[soughtId]?.found?.[`rescue/${rescued.recordId}`]).toMatchObject({ band: 'strong' })
      const mail = await env.db.db.selectFrom('mailOutbox').select(['template', 'params']).where('template', '=', 'trace_candidate').execute()
      expect(mail.length).toBeGreaterThan(0)
      expect(mail.map((m) => m.params).join()).not.toMatch(/Yeferson|Portillo/)
      // The reviewer sees it flagged, as hospitalised.
      const seen = (await (await review(national, recordId)).json()) as TraceReview
      expect(seen.items[0]?.candidates[0]).toMatchObject({ recordId: rescued.recordId, kind: 'hospitalised', alert: 'strong' })
      // A second pass reads nothing new; the same record read again alerts nobody twice.
      expect(await alertNewCandidates(env.db, env.clock, keyring())).toEqual({ records: 0, alerts: 0 })
      await env.db.db.deleteFrom('meta').where('key', '=', 'tracing_match_cursor').execute()
      expect((await alertNewCandidates(env.db, env.clock, keyring())).alerts).toBe(0)
    })

    it('weighs a surname for less once the registry holds many people who bear it, counting words under keyed hashes only', async () => {
      await attended({ givenNames: 'Óscar Armando', firstSurname: 'Quintanilla', secondSurname: 'Romero', sex: 'male', approximateAge: 30, nationality: 'SV' })
      await alertNewCandidates(env.db, env.clock, keyring())
      const recordId = await file(national, [{ givenNames: 'Oscar', firstSurname: 'Quintanilla', approximateAge: 30, nationality: 'SV' }])
      const score = async () => ((await (await review(national, recordId)).json()) as TraceReview).items[0]?.candidates.find((c) => c.identity.givenNames === 'Óscar Armando')?.score ?? Number.NaN
      const rare = await score()
      for (const given of ['Jonathan', 'Sulmy', 'Carlos', 'Edwin', 'Yeferson', 'Jennifer', 'Kevin', 'Brayan']) {
        await attended({ givenNames: given, firstSurname: 'Quintanilla', nationality: 'SV' })
      }
      await alertNewCandidates(env.db, env.clock, keyring())
      expect(await score()).toBeLessThan(rare)
      const words = await env.db.db.selectFrom('matchWords').select(['digest', 'count']).execute()
      expect(Math.max(...words.map((w) => w.count))).toBeGreaterThanOrEqual(9)
      expect(JSON.stringify(words)).not.toMatch(/quintanilla/i)
    })

    it('indexes again, once, the identities of a database from before the search', async () => {
      await env.db.db.deleteFrom('personNameIndex').where('kind', '=', 'match').execute()
      const reindexed = await ensureMatchIndex(env.db, keyring())
      expect(reindexed).toBeGreaterThan(0)
      expect(await ensureMatchIndex(env.db, keyring())).toBe(0)
      const recordId = await file(national, [{ givenNames: 'Wilmer Josue', firstSurname: 'Zelaya', nationality: 'HN' }])
      const body = (await (await review(national, recordId)).json()) as TraceReview
      expect(body.items[0]?.candidates[0]?.identity).toMatchObject({ givenNames: 'Wilmer Josué', firstSurname: 'Zelaya' })
    })
    it('no longer finds a shredded person, and keeps no name in clear in the index', async () => {
      // Last: the retention run that shreds also ends every identity past its retention period.
      const erased = await attended({ givenNames: 'Fritznel', firstSurname: 'Dorvil', sex: 'male', approximateAge: 33, nationality: 'HT' })
      await alertNewCandidates(env.db, env.clock, keyring())
      expect(await env.db.db.selectFrom('matchCounted').select('personId').where('personId', '=', erased.personId).execute()).toHaveLength(1)
      const recordId = await file(national, [{ givenNames: 'Fritznel', firstSurname: 'Dorvil', nationality: 'HT' }])
      const before = (await (await review(national, recordId)).json()) as TraceReview
      expect(before.items[0]?.candidates[0]?.recordId).toBe(erased.recordId)
      const digests = await env.db.db.selectFrom('personNameIndex').select(['kind', 'digest']).where('personId', '=', erased.personId).execute()
      expect(digests.filter((d) => d.kind === 'match').length).toBeGreaterThan(0)
      expect(JSON.stringify(digests)).not.toMatch(/dorvil|fritz/i)
      const req = (await (await call(env, 'POST', '/api/rights-requests', { as: dpo, body: { personId: erased.personId, kind: 'cancellation', channel: 'in_person' } })).json()) as { id: string }
      expect((await call(env, 'POST', `/api/rights-requests/${req.id}/cancel`, { as: dpo })).status).toBe(200)
      // Blocked while the cancellation's blocking period runs: already out of every search.
      const blocked = (await (await review(national, recordId)).json()) as TraceReview
      expect(blocked.items[0]?.candidates.map((c) => c.recordId)).not.toContain(erased.recordId)
      env.clock.advance(400 * 86_400_000)
      expect((await runRetention(retentionCtx(env.db, env.clock), env.protection ?? fail())).shredded).toContain(erased.personId)
      expect(await env.db.db.selectFrom('personNameIndex').select('digest').where('personId', '=', erased.personId).execute()).toEqual([])
      expect(await env.db.db.selectFrom('matchCounted').select('personId').where('personId', '=', erased.personId).execute()).toEqual([])
      national = await signIn(env, (await makeUser(env, 'group_coordinator', 'beta')).username)
      const after = (await (await review(national, recordId)).json()) as TraceReview
      expect(after.items[0]?.candidates.map((c) => c.recordId)).not.toContain(erased.recordId)
    })

  })
}
