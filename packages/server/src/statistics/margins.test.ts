import { parseAction, type Actor } from '@faro/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as years from '../../migrations/2026-12-09T0900-stat-margin-years.ts'
import * as subtrees from '../../migrations/2026-12-09T0910-stat-margin-subtrees.ts'
import { createOrgUnit } from '../accounts/accounts.ts'
import { systemCtx } from '../seed/demo.ts'
import type { Ctx } from '../log/context.ts'
import { submitAction } from '../log/records.ts'
import { makeTestEnv, newActionId, testDialects, type TestEnv } from '../test/harness.ts'
import { marginKey, marginsOf, storedMargins, unitPaths } from './margins.ts'
import { monthsOf } from './months.ts'
import { rebuild, storedCells } from './summaries.ts'

const COORDINATOR: Actor = { userId: 'margins-coordinator', role: 'group_coordinator', orgUnitId: 'inm' }

for (const dialect of testDialects()) {
  describe(`${dialect}: the summary's margins and months`, () => {
    let env: TestEnv
    let ctx: Ctx

    beforeAll(async () => {
      env = await makeTestEnv(dialect)
      ctx = { db: env.db, clock: env.clock, actor: COORDINATOR, requestId: 'margins-test', lang: 'es' }
    })
    afterAll(async () => env?.close())

    const submit = (recordType: string, recordId: string, type: string, payload: Record<string, unknown>) => submitAction(ctx, parseAction({ id: newActionId(), recordType, recordId, type, payload }, 'es'))
    /** The margins the stored cells make, against the stored margins. */
    async function expectMarginsOfCells(): Promise<void> {
      const expected = new Map(marginsOf([...(await storedCells(env.db.db)).values()], await unitPaths(env.db.db)).map((m) => [marginKey(m), m]))
      expect(Object.fromEntries(await storedMargins(env.db.db))).toEqual(Object.fromEntries(expected))
      // The month cells too: the stored cells with their days cut to the month.
      const months = (await env.db.db.selectFrom('statMonths').selectAll().where('n', '!=', 0).execute()).map((m) => ({ ...m, n: Number(m.n) }))
      const key = (m: { fact: string; month: string; unitId: string; sex: string; kind: string; nationality: string; ageBand: string; outcome: string }) => [m.fact, m.month, m.unitId, m.sex, m.ageBand, m.nationality, m.kind, m.outcome].join(' ')
      const expectedMonths = monthsOf([...(await storedCells(env.db.db)).values()])
      expect(months.map((m) => `${key(m)} ${m.n}`).sort()).toEqual(expectedMonths.map((m) => `${key(m)} ${m.n}`).sort())
    }

    it('adds each cell to its day\'s, its month\'s and its year\'s total and one-dimension margins, and moves them on a correction', async () => {
      const attention = newActionId()
      await submit('attention', attention, 'AttentionRecorded', { orgUnitId: 'beta-tijuana', at: '2026-11-30T20:00:00.000Z', setting: 'base', people: [{ count: 3, sex: 'female', ageBand: '18-29', nationality: 'HN', vulnerabilities: ['pregnant'] }, { count: 2, sex: 'male', nationality: 'GT' }], services: ['water'] })
      await submit('rescue', newActionId(), 'RescueRecorded', { orgUnitId: 'beta-nogales', at: '2026-12-01T06:30:00.000Z', emergencyType: 'dehydration', people: [{ count: 1, sex: 'male' }], outcome: 'first_aid' })
      await expectMarginsOfCells()
      const margins = [...(await storedMargins(env.db.db)).values()]
      const attended = (grain: string, dim: string, value: string) => margins.find((m) => m.grain === grain && m.fact === 'attended' && m.unitId === 'beta-tijuana' && m.dim === dim && m.value === value)?.n
      expect([attended('day', '', ''), attended('month', '', ''), attended('year', '', ''), attended('month', 'sex', 'female'), attended('year', 'sex', 'female'), attended('month', 'nationality', 'GT')]).toEqual([5, 5, 5, 3, 3, 2])
      // 06:30 UTC on 1 December is still 30 November in Nogales (UTC−7).
      expect(margins.filter((m) => m.fact === 'rescued' && m.dim === '').map((m) => `${m.grain} ${m.period}`).sort()).toEqual(['day 2026-11-30', 'month 2026-11', 'year 2026'])

      await submit('attention', attention, 'AttentionCorrected', { people: [{ count: 4, sex: 'male', nationality: 'GT' }] })
      await expectMarginsOfCells()
      expect(attended('month', 'sex', 'female')).toBe(3)
      const after = [...(await storedMargins(env.db.db)).values()]
      expect(after.find((m) => m.grain === 'month' && m.fact === 'attended' && m.unitId === 'beta-tijuana' && m.dim === 'sex' && m.value === 'female')).toBeUndefined()
      expect(after.find((m) => m.grain === 'month' && m.fact === 'attended' && m.unitId === 'beta-tijuana' && m.dim === '')?.n).toBe(4)
      expect(after.filter((m) => m.grain === 'year' && m.fact === 'attended' && m.unitId === 'beta-tijuana').map((m) => `${m.dim}=${m.value} ${m.n}`).sort()).toEqual(['= 4', 'ageBand=unknown 4', 'nationality=GT 4', 'sex=male 4'])
    })

    it('is made again with the cells by a rebuild', async () => {
      await env.db.db.updateTable('statMargins').set({ n: 999 }).where('fact', '=', 'attended').execute()
      await env.db.db.updateTable('statMonths').set({ n: 999 }).where('fact', '=', 'attended').execute()
      await rebuild(env.db)
      await expectMarginsOfCells()
    })
  })
}

for (const dialect of testDialects()) {
  describe(`${dialect}: the migrations that add the years' and the subtrees' margins`, () => {
    let env: TestEnv

    beforeAll(async () => {
      env = await makeTestEnv(dialect)
    })
    afterAll(async () => env?.close())

    it('fill them from the margins a database already had, as the push would have written them', async () => {
      const ctx: Ctx = { db: env.db, clock: env.clock, actor: COORDINATOR, requestId: 'margins-migration', lang: 'es' }
      await createOrgUnit(systemCtx(env.db, env.clock), { id: 'beta-tijuana-east', parentId: 'beta-tijuana', kind: 'beta_group', name: 'Grupo Beta Tijuana Este', state: 'Baja California', border: 'north' })
      const submit = (recordType: string, type: string, payload: Record<string, unknown>) => submitAction(ctx, parseAction({ id: newActionId(), recordType, recordId: newActionId(), type, payload }, 'es'))
      await submit('attention', 'AttentionRecorded', { orgUnitId: 'beta-tijuana-east', at: '2025-12-31T20:00:00.000Z', setting: 'base', people: [{ count: 3, sex: 'female', ageBand: '18-29', nationality: 'HN', vulnerabilities: ['pregnant'] }], services: ['water'] })
      await submit('attention', 'AttentionRecorded', { orgUnitId: 'beta-tijuana', at: '2026-01-01T20:00:00.000Z', setting: 'base', people: [{ count: 2, sex: 'male', nationality: 'GT' }], services: ['water'] })
      await submit('rescue', 'RescueRecorded', { orgUnitId: 'beta-tapachula', at: '2026-11-30T16:00:00.000Z', emergencyType: 'dehydration', people: [{ count: 1, sex: 'male', vulnerabilities: ['disability'] }], outcome: 'first_aid' })
      const written = await storedMargins(env.db.db)
      expect([...written.values()].some((m) => m.grain === 'year')).toBe(true)
      expect([...written.values()].filter((m) => m.unitId === '/inm/beta/beta-tijuana/').map((m) => `${m.fact} ${m.period} ${m.dim}=${m.value} ${m.n}`).sort()).toEqual(['attended 2025-12-31 ageBand=18-29 3', 'attended 2025-12-31 nationality=HN 3', 'attended 2025-12-31 sex=female 3', 'attended_vulnerable 2025-12-31 kind=pregnant 3'])

      // The table as it was before them: no years, no subtrees.
      await env.db.db.deleteFrom('statMargins').where((eb) => eb.or([eb('grain', '=', 'year'), eb('unitId', 'like', '/%')])).execute()
      await years.up(env.db.db)
      await subtrees.up(env.db.db)
      expect(Object.fromEntries(await storedMargins(env.db.db))).toEqual(Object.fromEntries(written))
    })
  })
}
