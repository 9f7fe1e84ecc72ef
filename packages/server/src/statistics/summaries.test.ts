import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseAction, type Actor } from '@faro/core'
import type { Ctx } from '../log/context.ts'
import { submitAction } from '../log/records.ts'
import { retentionCtx } from '../protection/job.ts'
import { shred } from '../protection/retention/retention.ts'
import { call, makeTestEnv, makeUser, newActionId, signIn, testDialects, type TestEnv } from '../test/harness.ts'
import { tableOf, type By } from './query.ts'
import { rebuild, storedCells, verify } from './summaries.ts'

const COORDINATOR: Actor = { userId: 'stats-coordinator', role: 'group_coordinator', orgUnitId: 'inm' }
const GROUPS = ['beta-tijuana', 'beta-nogales', 'beta-tapachula', 'beta-tenosique'] as const
const SEXES = ['female', 'male', 'unknown'] as const
const AGES = ['0-5', '12-17', '18-29', '30-44', 'unknown'] as const
const NATIONALITIES = ['HN', 'GT', 'SV', 'MX', 'unknown'] as const
const SERVICES = ['water', 'food', 'first_aid', 'orientation'] as const

const group = fc.record({
  count: fc.integer({ min: 1, max: 12 }),
  sex: fc.constantFrom(...SEXES),
  ageBand: fc.constantFrom(...AGES),
  nationality: fc.constantFrom(...NATIONALITIES),
  vulnerabilities: fc.subarray(['unaccompanied_child', 'pregnant', 'disability'] as const, { maxLength: 2 }),
})
// Times near midnight, where the zones disagree on the day.
const instant = fc.integer({ min: 0, max: 72 }).map((h) => new Date(Date.UTC(2026, 10, 19, 4) + h * 1_800_000).toISOString())

type Step =
  | { op: 'attention'; unit: string; at: string; people: unknown[]; services: string[] }
  | { op: 'rescue'; unit: string; at: string; people: unknown[]; outcome: string }
  | { op: 'patrol'; unit: string; at: string; met: number }
  | { op: 'remains'; unit: string; at: string; count: number }
  | { op: 'correct'; pick: number; at?: string; people?: unknown[]; services?: string[] }

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ op: fc.constant('attention' as const), unit: fc.constantFrom(...GROUPS), at: instant, people: fc.array(group, { minLength: 1, maxLength: 3 }), services: fc.subarray([...SERVICES], { minLength: 1 }) }),
  fc.record({ op: fc.constant('rescue' as const), unit: fc.constantFrom(...GROUPS), at: instant, people: fc.array(group, { minLength: 1, maxLength: 2 }), outcome: fc.constantFrom('unharmed', 'first_aid', 'transferred_to_hospital') }),
  fc.record({ op: fc.constant('patrol' as const), unit: fc.constantFrom(...GROUPS), at: instant, met: fc.integer({ min: 0, max: 30 }) }),
  fc.record({ op: fc.constant('remains' as const), unit: fc.constantFrom(...GROUPS), at: instant, count: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ op: fc.constant('correct' as const), pick: fc.nat(), at: fc.option(instant, { nil: undefined }), people: fc.option(fc.array(group, { minLength: 1, maxLength: 3 }), { nil: undefined }), services: fc.option(fc.subarray([...SERVICES], { minLength: 1 }), { nil: undefined }) }),
)

for (const dialect of testDialects()) {
  describe(`${dialect}: the statistics' summary table`, () => {
    let env: TestEnv
    let ctx: Ctx
    const made: { type: 'attention' | 'rescue' | 'patrol' | 'remains'; id: string }[] = []

    beforeAll(async () => {
      env = await makeTestEnv(dialect)
      ctx = { db: env.db, clock: env.clock, actor: COORDINATOR, requestId: 'stats-test', lang: 'es' }
    })
    afterAll(async () => env?.close())
    const fail = (): never => {
      throw new Error('the test environment has no vault')
    }

    async function run(s: Step): Promise<void> {
      const submit = (recordType: string, recordId: string, type: string, payload: Record<string, unknown>) => submitAction(ctx, parseAction({ id: newActionId(), recordType, recordId, type, payload }, 'es'))
      const id = newActionId()
      switch (s.op) {
        case 'attention':
          await submit('attention', id, 'AttentionRecorded', { orgUnitId: s.unit, at: s.at, setting: 'patrol', people: s.people, services: s.services })
          made.push({ type: 'attention', id })
          return
        case 'rescue':
          await submit('rescue', id, 'RescueRecorded', { orgUnitId: s.unit, at: s.at, emergencyType: 'dehydration', people: s.people, outcome: s.outcome })
          made.push({ type: 'rescue', id })
          return
        case 'patrol':
          await submit('patrol', id, 'PatrolRecorded', { orgUnitId: s.unit, kind: 'preventive', startedAt: s.at, peopleEncountered: s.met })
          made.push({ type: 'patrol', id })
          return
        case 'remains':
          await submit('remains', id, 'RemainsFound', { orgUnitId: s.unit, foundAt: s.at, location: { lat: 31.3, lon: -111.5 }, count: s.count, condition: 'skeletal' })
          made.push({ type: 'remains', id })
          return
        case 'correct': {
          const target = made[s.pick % Math.max(made.length, 1)]
          if (target === undefined) {
            return
          }
          const time = target.type === 'patrol' ? 'startedAt' : target.type === 'remains' ? 'foundAt' : 'at'
          const change: Record<string, unknown> = { ...(s.at === undefined ? {} : { [time]: s.at }) }
          if (s.people !== undefined && (target.type === 'attention' || target.type === 'rescue')) {
            change.people = s.people
          }
          if (s.services !== undefined && target.type === 'attention') {
            change.services = s.services
          }
          if (Object.keys(change).length === 0) {
            return
          }
          const type = { attention: 'AttentionCorrected', rescue: 'RescueCorrected', patrol: 'PatrolCorrected', remains: 'RemainsCorrected' }[target.type]
          await submit(target.type, target.id, type, change)
        }
      }
    }

    /**
     * Questions `tableOf` answers from the margins (one cell dimension at most, kept for the
     * fact), against the same questions added up from the stored cells: whole months read the
     * month margins, ragged ends and days the day margins.
     */
    async function expectMarginAnswers(): Promise<void> {
      const cells = [...(await storedCells(env.db.db)).values()]
      const questions: { fact: 'attended' | 'rescued'; from: string; to: string; by: By[] }[] = [
        { fact: 'attended', from: '2026-11-01', to: '2026-11-30', by: ['sex'] },
        { fact: 'rescued', from: '2026-10-01', to: '2026-12-31', by: ['unit', 'nationality'] },
        { fact: 'attended', from: '2026-11-19', to: '2026-11-30', by: ['day', 'ageBand'] },
        { fact: 'attended', from: '2026-11-10', to: '2027-01-31', by: ['month'] },
      ]
      for (const q of questions) {
        const expected = new Map<string, number>()
        for (const c of cells.filter((c) => c.fact === q.fact && c.day >= q.from && c.day <= q.to)) {
          const key = q.by.map((b) => (b === 'unit' ? c.unitId : b === 'day' ? c.day : b === 'month' ? c.day.slice(0, 7) : c[b as 'sex'])).join(' ')
          expected.set(key, (expected.get(key) ?? 0) + c.n)
        }
        const answer = await tableOf(env.db.db, { ...q, unitId: 'inm' })
        const got = new Map(answer.rows.map((r) => [q.by.map((b) => String(r[b])).join(' '), Number(r.n)]))
        expect(Object.fromEntries(got), JSON.stringify(q)).toEqual(Object.fromEntries([...expected].filter(([, n]) => n !== 0)))
      }
    }

    it('counts a record on its own state\'s day: half past ten at night in Tijuana is not tomorrow', async () => {
      // 06:30 UTC is 22:30 the day before in Tijuana (UTC−8) and 00:30 in Tapachula (UTC−6).
      await run({ op: 'attention', unit: 'beta-tijuana', at: '2026-11-21T06:30:00.000Z', people: [{ count: 3, sex: 'female', ageBand: '18-29', nationality: 'HN' }], services: ['water'] })
      await run({ op: 'attention', unit: 'beta-tapachula', at: '2026-11-21T06:30:00.000Z', people: [{ count: 2, sex: 'male', ageBand: '30-44', nationality: 'GT' }], services: ['water'] })
      const cells = [...(await storedCells(env.db.db)).values()].filter((c) => c.fact === 'attended')
      expect(cells.map((c) => [c.unitId, c.day, c.n]).sort()).toEqual([
        ['beta-tapachula', '2026-11-21', 2],
        ['beta-tijuana', '2026-11-20', 3],
      ])
      expect(await verify(env.db)).toEqual([])
    })

    it('moves the counts when a record is corrected, and agrees with a recount after any run of records and corrections', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 10 }), async (steps) => {
          for (const s of steps) {
            await run(s)
          }
          expect(await verify(env.db)).toEqual([])
          await expectMarginAnswers()
        }),
        { numRuns: 12 },
      )
      // A correction that changes the people leaves no trace of the old ones.
      const attended = (await storedCells(env.db.db)).size
      expect(attended).toBeGreaterThan(0)
    })

    it('keeps every anonymous count when the retention run shreds the identities linked to the records', async () => {
      const agent = await signIn(env, (await makeUser(env, 'group_coordinator', 'beta')).username)
      const people: string[] = []
      for (const target of made.filter((m) => m.type === 'attention' || m.type === 'rescue').slice(0, 3)) {
        const res = await call(env, 'POST', '/api/people', { as: agent, body: { orgUnitId: 'beta', identity: { givenNames: 'Persona', firstSurname: `Prueba${people.length}` }, link: { recordType: target.type, recordId: target.id, legalBasis: 'vital_interest', purpose: 'rescue' } } })
        expect(res.status, await res.clone().text()).toBe(201)
        people.push(((await res.json()) as { id: string }).id)
      }
      expect(people.length).toBeGreaterThan(0)
      const before = await storedCells(env.db.db)
      for (const personId of people) {
        await shred(retentionCtx(env.db, env.clock), env.protection ?? fail(), personId, 'person.shred')
      }
      expect(await env.db.db.selectFrom('people').select('id').where('id', 'in', people).where('shreddedAt', 'is', null).execute()).toEqual([])
      expect(await storedCells(env.db.db)).toEqual(before)
      expect(await verify(env.db)).toEqual([])
    })

    it('reports a tampered cell and rebuilds the table from the records', async () => {
      await env.db.db.updateTable('statCells').set({ n: 999 }).where('fact', '=', 'attended').execute()
      await env.db.db.updateTable('statMargins').set({ n: 998 }).where('fact', '=', 'attended').where('grain', '=', 'month').where('dim', '=', '').execute()
      const differences = await verify(env.db)
      expect(differences.length).toBeGreaterThan(0)
      expect(differences[0]?.stored).toBe(999)
      // Each table is checked against the recount, not against the (tampered) cells.
      expect(new Set(differences.map((d) => d.table))).toEqual(new Set(['stat_cells', 'stat_margins']))
      expect(differences.filter((d) => d.table === 'stat_margins').every((d) => d.stored === 998 && d.place.endsWith(' total'))).toBe(true)
      expect(await rebuild(env.db)).toBeGreaterThan(0)
      expect(await verify(env.db)).toEqual([])
    })
  })
}
