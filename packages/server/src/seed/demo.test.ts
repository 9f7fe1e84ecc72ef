import fs from 'node:fs'
import path from 'node:path'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ManualClock } from '../clock.ts'
import type { Db } from '../db/open.ts'
import { createApp } from '../http/app.ts'
import { ephemeralProtection } from '../protection/settings.ts'
import { verifyAudit } from '../log/audit-repo.ts'
import { call, testAppConfig, makeTestDb, signIn, testDialects, type TestEnv } from '../test/harness.ts'
import { DEMO_DAYS, YEARLY_2010 } from './activity.ts'
import { BETA_2010_SERVICES, PAISANO_2010 } from './history.ts'
import { countRequest, emptyFigures, overdueHops, type CaseState } from '@faro/core'
import { DEMO_ACCOUNTS, DEMO_CASES, DEMO_PASSWORD, seedDemo, type DemoSummary } from './demo.ts'
import { DEMO_CASE_PIN } from './cases.ts'
import { verify as verifySummaries } from '../statistics/summaries.ts'

const STATISTICS = path.resolve(import.meta.dirname, '../../seed-data/grupos-beta-statistics.csv')
const FIELD_TYPES = ['attention', 'rescue', 'patrol']

// The seed writes thousands of actions (about 8 s on SQLite, 20 s on PostgreSQL), so one seeded
// SQLite database serves the file and PostgreSQL is left to the repo contract suites. Skipped,
// not empty, when DIALECTS leaves SQLite out.
for (const dialect of ['sqlite'] as const) {
  describe.skipIf(!testDialects().includes(dialect))(`${dialect}: demo seed`, () => {
    let env: TestEnv
    let first: DemoSummary

    beforeAll(async () => {
      const db = await makeTestDb(dialect)
      const clock = new ManualClock()
      const protection = ephemeralProtection()
      const app = createApp({ db, clock, config: testAppConfig(), logger: pino({ level: 'silent' }), protection })
      env = { db, clock, app, protection, close: () => db.close() }
      first = await seedDemo(db, clock, undefined, protection.keyring)
    }, 120_000)

    afterAll(async () => {
      await env.close()
    })

    it('seeds once and adds nothing when called again', async () => {
      expect(first.seeded).toBe(true)
      expect(first.actions).toBeGreaterThan(1000)
      const before = await counts(env.db)
      expect(before.records).toBe(first.actions + (first.cases ?? 0) + (first.calls ?? 0) + (first.requests ?? 0) + (first.listed ?? 0) + (first.registries ?? 0) + (first.operations ?? 0) + (first.history ?? 0))
      const second = await seedDemo(env.db, env.clock)
      expect(second).toMatchObject({ seeded: false, actions: 0 })
      expect(await counts(env.db)).toEqual(before)
      expect(await verifyAudit(env.db.db)).toEqual({ ok: true, rows: before.auditEvents })
    })

    it('lets every demo account sign in with the demo password', async () => {
      const demoUsers = await env.db.db.selectFrom('users').select(['username', 'role', 'orgUnitId', 'demo']).orderBy('username').execute()
      expect(demoUsers.length).toBeGreaterThan(DEMO_ACCOUNTS.length)
      expect(demoUsers.map((u) => u.username)).toEqual(expect.arrayContaining(DEMO_ACCOUNTS.map((a) => a.username)))
      expect(demoUsers.every((u) => u.demo === 1)).toBe(true)
      // The named accounts, and every tenth of the groups' staff (the same hash: one sign-in each tells).
      const named = new Set(DEMO_ACCOUNTS.map((a) => a.username))
      for (const user of demoUsers.filter((u, i) => named.has(u.username) || i % 10 === 0)) {
        const session = await signIn(env, user.username, DEMO_PASSWORD)
        const me = (await (await call(env, 'GET', '/api/auth/me', { as: session })).json()) as { user: { role: string; orgUnitId: string } }
        expect(me.user).toMatchObject({ role: user.role, orgUnitId: user.orgUnitId })
      }
    })

    it('gives some complainants an identity in the vault, linked and consented, and no contact channel to those without one', async () => {
      const rows = await env.db.db.selectFrom('records').select('state').where('recordType', '=', 'case').execute()
      const cases = rows.map((r) => JSON.parse(r.state) as CaseState).filter((c) => c.kind !== 'location_request')
      const identified = cases.filter((c) => c.personId !== undefined)
      expect(identified.length).toBeGreaterThan(cases.length / 4)
      expect(cases.filter((c) => c.personId === undefined).every((c) => c.contactChannel === 'none')).toBe(true)
      const people = await env.db.db.selectFrom('personLinks').select(['personId', 'recordId', 'purpose']).where('recordType', '=', 'case').where('purpose', '=', 'complaint_handling').execute()
      expect(people).toHaveLength(identified.length)
      expect(new Set(people.map((p) => p.personId))).toEqual(new Set(identified.map((c) => c.personId)))
      const consented = await env.db.db.selectFrom('consents').select('personId').where('purpose', '=', 'complaint_handling').execute()
      expect(consented.length).toBeGreaterThan(identified.length / 2)
      // No name in clear anywhere in the log.
      const log = await env.db.db.selectFrom('actions').select('payload').where('recordType', '=', 'case').where('type', '=', 'CaseOpened').execute()
      expect(log.some((a) => /example\.org|Hernández/.test(a.payload))).toBe(false)
      // The demo PIN opens a demo case.
      for (const prefix of ['PA-%', 'LB-%']) {
        const folio = (await env.db.db.selectFrom('caseFolios').select('folio').where('folio', 'like', prefix).limit(1).executeTakeFirstOrThrow()).folio
        expect((await call(env, 'POST', '/api/cases/lookup', { body: { folio, pin: DEMO_CASE_PIN } })).status).toBe(200)
      }
    })

    it('holds named people attended or rescued, and open location requests for them, their brothers and people never seen', async () => {
      const links = await env.db.db.selectFrom('personLinks').select(['recordType', 'legalBasis', 'purpose']).where('recordType', 'in', ['rescue', 'attention']).execute()
      expect(links.length).toBeGreaterThan(300)
      expect(links.filter((l) => l.recordType === 'rescue').every((l) => l.legalBasis === 'vital_interest' && l.purpose === 'rescue')).toBe(true)
      const requests = (await env.db.db.selectFrom('records').select('state').where('recordType', '=', 'case').execute()).map((r) => JSON.parse(r.state) as CaseState).filter((c) => c.kind === 'location_request')
      expect(requests).toHaveLength(16)
      expect(requests.every((r) => r.folio.startsWith('LB-') && (r.sought?.length ?? 0) >= 1)).toBe(true)
      expect(requests.some((r) => r.channel === 'consulate') && requests.some((r) => r.channel === 'call_centre')).toBe(true)
      const sought = await env.db.db.selectFrom('personLinks').select('personId').where('recordType', '=', 'case').where('purpose', '=', 'family_tracing').where('legalBasis', '=', 'vital_interest').execute()
      expect(sought.length).toBe(requests.reduce((n, r) => n + (r.sought?.length ?? 0), 0))
      // A hospital's list and a forensic service's, imported: some of their people are sought.
      const entries = (await env.db.db.selectFrom('records').select('state').where('recordType', '=', 'registry_entry').execute()).map((r) => JSON.parse(r.state) as { source: string; kind: string })
      expect(new Set(entries.map((e) => e.kind))).toEqual(new Set(['hospitalised', 'deceased']))
      expect(await env.db.db.selectFrom('registryImports').select('source').orderBy('source').execute()).toEqual([{ source: 'Hospital General de Caborca' }, { source: 'Servicio Médico Forense de Sonora' }])
    })

    it('holds the groups\' staff, certificates and equipment, Paisano\'s winter operation open today with its sites, volunteers, roster, tallies and convoys, and a caravan\'s surge sheets', async () => {
      const count = async (type: string) => Number((await env.db.db.selectFrom('records').select((eb) => eb.fn.countAll().as('n')).where('recordType', '=', type).executeTakeFirstOrThrow()).n)
      expect(await count('staff_profile')).toBeGreaterThanOrEqual(155)
      expect(await count('certificate')).toBeGreaterThan(400)
      expect(await count('equipment')).toBeGreaterThan(200)
      const operations = (await env.db.db.selectFrom('records').select('state').where('recordType', '=', 'operation').execute()).map((r) => JSON.parse(r.state) as { kind: string; startsOn: string; endsOn: string })
      const today = new Date(env.clock.now().getTime() - 6 * 3_600_000).toISOString().slice(0, 10)
      expect(operations.filter((o) => o.kind === 'winter' && o.startsOn <= today && today <= o.endsOn)).toHaveLength(1)
      // About a fifth of the 535 sites an operation opens.
      expect(await count('site')).toBeGreaterThanOrEqual(100)
      expect(await count('convoy')).toBe(4)
      // The guide: last summer's edition archived, this winter's on the site, next Easter's a draft.
      const editions = await call(env, 'GET', '/api/guide/editions', { as: await signIn(env, 'coordinacion.paisano', DEMO_PASSWORD) })
      expect(((await editions.json()) as { items: { season: string; status: string }[] }).items.map((e) => `${e.season} ${e.status}`)).toEqual(['easter draft', 'winter published', 'summer archived'])
      const sheets = (await env.db.db.selectFrom('records').select('state').where('recordType', '=', 'surge').execute()).map((r) => JSON.parse(r.state) as { day: string; people: number })
      expect(sheets.filter((s) => s.day === today).length).toBe(4)
      expect(sheets.every((s) => s.people > 0)).toBe(true)
      expect(await count('shift')).toBeGreaterThan(100)
      expect(await count('tally')).toBeGreaterThan(50)
      const volunteers = await env.db.db.selectFrom('users').select(['expiresAt']).where('username', 'like', 'vol.%').execute()
      expect(volunteers.length).toBeGreaterThanOrEqual(27)
      expect(volunteers.every((v) => v.expiresAt !== null)).toBe(true)
    })

    it('keeps the statistics\' summary equal to a recount of its records', async () => {
      expect(await verifySummaries(env.db)).toEqual([])
      const attended = await env.db.db.selectFrom('statCells').select((eb) => eb.fn.sum<number>('n').as('n')).where('fact', '=', 'attended').executeTakeFirstOrThrow()
      expect(Number(attended.n)).toBeGreaterThan(1000)
    })

    it('holds last year, whose tables land within a few percent of the book\'s year, and last year\'s three Paisano operations', async () => {
      const year = String(Number(env.clock.now().toISOString().slice(0, 4)) - 1)
      const sum = async (fact: string, kind?: string, border?: string) => {
        let q = env.db.db.selectFrom('statCells').innerJoin('orgUnits', 'orgUnits.id', 'statCells.unitId').select((eb) => eb.fn.sum<number>('n').as('n')).where('fact', '=', fact).where('day', 'like', `${year}-%`)
        if (kind !== undefined) {
          q = q.where('statCells.kind', '=', kind)
        }
        if (border !== undefined) {
          q = q.where('orgUnits.border', '=', border)
        }
        return Number((await q.executeTakeFirstOrThrow()).n ?? 0)
      }
      const near = (measured: number, book: number, share = 0.05) => expect(Math.abs(measured - book) / book, `${measured} against ${book}`).toBeLessThan(share)
      near(await sum('attended', undefined, 'north'), YEARLY_2010.attendedNorth)
      near(await sum('attended', undefined, 'south'), YEARLY_2010.attendedSouth)
      near(await sum('patrol'), YEARLY_2010.patrols)
      near(await sum('rescued'), YEARLY_2010.rescued)
      near(await sum('service', 'water'), BETA_2010_SERVICES.humanitarianAssistance)
      near(await sum('service', 'first_aid'), BETA_2010_SERVICES.firstAid, 0.1)
      near(await sum('tally', 'guidance'), PAISANO_2010.nationalsAssisted)
      const operations = (await env.db.db.selectFrom('records').select('state').where('recordType', '=', 'operation').execute()).map((r) => JSON.parse(r.state) as { kind: string; startsOn: string })
      expect(operations.filter((o) => o.startsOn.startsWith(year)).map((o) => o.kind).sort()).toEqual(['easter', 'summer', 'winter'])
    })

    it('counts the demo\'s cases and location requests in the summary as the records do', async () => {
      const cases = (await env.db.db.selectFrom('records').select('state').where('recordType', '=', 'case').execute()).map((r) => JSON.parse(r.state) as CaseState)
      const sum = async (fact: string, column: 'outcome' | 'timing', value: string) => Number((await env.db.db.selectFrom('statCells').select((eb) => eb.fn.sum<number>('n').as('n')).where('fact', '=', fact).where(column, '=', value).executeTakeFirstOrThrow()).n ?? 0)
      const all = Number((await env.db.db.selectFrom('statCells').select((eb) => eb.fn.sum<number>('n').as('n')).where('fact', '=', 'case').executeTakeFirstOrThrow()).n)
      expect(all).toBe(cases.length)
      const figures = emptyFigures()
      for (const c of cases.filter((x) => x.kind === 'location_request')) {
        countRequest(figures, c)
      }
      expect(figures.requests).toBeGreaterThan(0)
      expect(await sum('trace_request', 'outcome', 'answered')).toBe(figures.answered)
      expect(await sum('trace_sought', 'outcome', 'found_alive')).toBe(figures.foundAlive)
      expect(await sum('trace_sought', 'outcome', 'searching')).toBe(figures.searching)
      expect((await sum('case', 'timing', 'on_time')) + (await sum('case', 'timing', 'late')) + (await sum('case', 'timing', 'pending'))).toBe(cases.length)
    })

    it('marks every generated record as demo', async () => {
      const byType = await env.db.db.selectFrom('records').select(['recordType', 'demo']).select((eb) => eb.fn.countAll<number>().as('n')).groupBy(['recordType', 'demo']).execute()
      for (const type of FIELD_TYPES) {
        expect(byType.find((r) => r.recordType === type && r.demo === 1)?.n ?? 0).toBeGreaterThan(0)
      }
      expect(byType.filter((r) => r.demo !== 1)).toEqual([])
    })

    it('seeds a winter operation of cases: mostly extortion, seizures and mistreatment, some late, referred twice, reopened, and two clusters', async () => {
      const rows = (await env.db.db.selectFrom('records').select(['state', 'routedTo', 'excludedUnits']).where('recordType', '=', 'case').execute()).filter((r) => (JSON.parse(r.state) as CaseState).kind !== 'location_request')
      expect(rows).toHaveLength(DEMO_CASES)
      const states = rows.map((r) => JSON.parse(r.state) as CaseState)
      const complaints = states.filter((s) => s.kind === 'complaint')
      const top = ['extortion', 'seizure_of_vehicle_or_goods', 'mistreatment']
      expect(complaints.filter((s) => top.includes(s.category)).length / complaints.length).toBeGreaterThan(0.6)
      expect(states.filter((s) => s.status === 'closed').length).toBeGreaterThan(DEMO_CASES / 10)
      expect(states.filter((s) => overdueHops(s, env.clock.now()).length > 0).length).toBeGreaterThan(DEMO_CASES / 50)
      expect(states.filter((s) => s.hops.filter((h) => h.status === 'referred').length >= 2).length).toBeGreaterThan(0)
      expect(states.filter((s) => s.reopenCount > 0).length).toBeGreaterThan(0)
      const atKm21 = states.filter((s) => s.place.highway === 'México 15' && s.place.km === 21 && s.accused?.badge === 'AD-2280')
      expect(atKm21.length).toBeGreaterThan(20)
      // The accused agency is never among the bodies, and its units are excluded.
      for (const [i, s] of states.entries()) {
        const accused = s.accused?.agencyId
        if (accused !== undefined) {
          expect(JSON.parse(rows[i]?.routedTo ?? '[]')).not.toContain(accused)
          expect(JSON.parse(rows[i]?.excludedUnits ?? '[]')).toContain(accused)
        }
      }
      const calls = await env.db.db.selectFrom('records').select('state').where('recordType', '=', 'call').execute()
      expect(calls.length).toBe(first.calls)
      expect(calls.filter((c) => (JSON.parse(c.state) as { outcome: string }).outcome === 'informed').length / calls.length).toBeGreaterThan(0.6)
      expect(await env.db.db.selectFrom('caseFolios').select((eb) => eb.fn.countAll<number>().as('n')).where('folio', 'like', 'PA-%').executeTakeFirstOrThrow()).toEqual({ n: DEMO_CASES })
    })

    it('generates field activity at the yearly rates published for 2010', async () => {
      const published = statistics2010()
      const annualised = (n: number) => (n * 365) / DEMO_DAYS
      const rows = await env.db.db
        .selectFrom('records')
        .innerJoin('orgUnits', 'orgUnits.id', 'records.orgUnitId')
        .select(['records.recordType', 'records.state', 'orgUnits.border'])
        .where('records.recordType', 'in', FIELD_TYPES)
        .execute()
      const people = (type: string, border?: string) =>
        rows.filter((r) => r.recordType === type && (border === undefined || r.border === border)).reduce((sum, r) => sum + peopleIn(r.state), 0)

      expectSameOrder(annualised(people('attention')), published('national', 'migrants_attended'))
      expectSameOrder(annualised(people('attention', 'north')), published('north', 'migrants_attended'))
      expectSameOrder(annualised(people('attention', 'south')), published('south', 'migrants_attended'))
      expectSameOrder(annualised(rows.filter((r) => r.recordType === 'patrol').length), published('national', 'surveillance_operations'))
      expectSameOrder(annualised(people('rescue')), published('national', 'migrants_rescued'))
    })
  })
}

async function counts(db: Db) {
  const count = async (table: 'actions' | 'records' | 'users' | 'orgUnits' | 'auditEvents') =>
    Number((await db.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
  return { actions: await count('actions'), records: await count('records'), users: await count('users'), orgUnits: await count('orgUnits'), auditEvents: await count('auditEvents') }
}

/** The 2010 yearly figures of the published statistics, by scope and indicator. */
function statistics2010(): (scope: string, indicator: string) => number {
  const [header = '', ...lines] = fs.readFileSync(STATISTICS, 'utf8').trim().split(/\r?\n/)
  const keys = header.split(',')
  const rows = lines.map((line) => Object.fromEntries(line.split(',').map((cell, i) => [keys[i], cell])))
  return (scope, indicator) => {
    const row = rows.find((r) => r.year === '2010' && r.period === 'year' && r.scope === scope && r.indicator === indicator)
    const value = Number(row?.value)
    expect(value, `2010 ${scope} ${indicator}`).toBeGreaterThan(0)
    return value
  }
}

function peopleIn(state: string): number {
  const people: unknown = (JSON.parse(state) as { people?: unknown }).people
  if (!Array.isArray(people)) {
    return 0
  }
  return people.reduce((sum: number, p: { count?: unknown }) => sum + Number(p.count ?? 0), 0)
}

function expectSameOrder(actual: number, published: number): void {
  expect(actual).toBeGreaterThanOrEqual(published / 2)
  expect(actual).toBeLessThanOrEqual(published * 2)
}
