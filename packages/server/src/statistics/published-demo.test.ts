import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ManualClock } from '../clock.ts'
import { createApp } from '../http/app.ts'
import { ephemeralProtection } from '../protection/settings.ts'
import { seedDemo } from '../seed/demo.ts'
import { PUBLIC_LANGS } from '../public/languages.ts'
import { makeTestDb, testAppConfig, testDialects, type TestEnv } from '../test/harness.ts'
import { listPublications } from './approvals-repo.ts'
import { attack, protect, publishedGrid, type Shown } from './disclosure.ts'
import { buildTables, periodOf, PROGRAMMES, PUBLISHED_TABLES } from './published.ts'

// The attacker on every table the demo publishes: each withheld cell's range at least k wide, and
// every number published 0 or at least k. One seeded SQLite database, as demo.test.ts.
for (const dialect of ['sqlite'] as const) {
  describe.skipIf(!testDialects().includes(dialect))(`${dialect}: the demo's published tables`, () => {
    let env: TestEnv

    beforeAll(async () => {
      const db = await makeTestDb(dialect)
      const clock = new ManualClock()
      const protection = ephemeralProtection()
      const app = createApp({ db, clock, config: testAppConfig(), logger: pino({ level: 'silent' }), protection })
      env = { db, clock, app, protection, close: () => db.close() }
      await seedDemo(db, clock, undefined, protection.keyring)
    }, 180_000)
    afterAll(async () => env?.close())

    it('publishes every table of both programmes: the groups\' year and Paisano\'s winter operation', async () => {
      const published = await listPublications(env.db.db)
      const periods = [...new Set(published.map((p) => `${p.programme}/${p.period}`))]
      expect(periods).toHaveLength(2)
      expect(periods.find((p) => p.startsWith('beta/'))).toMatch(/^beta\/\d{4}$/)
      expect(periods.find((p) => p.startsWith('paisano/'))).toMatch(/^paisano\/winter-\d{4}$/)
      expect(new Set(published.map((p) => p.tableId))).toEqual(new Set(PUBLISHED_TABLES.map((t) => t.id)))
      const tallies = published.find((p) => p.tableId === 'tallies-state-kind')
      expect(tallies?.counts.rows.length).toBeGreaterThan(3)
    })

    it('leaves every withheld cell at least k wide to the attacker, and publishes no number from 1 to k − 1', async () => {
      for (const p of await listPublications(env.db.db)) {
        const shown: Shown[] = [...p.shown.cells.flat(), ...p.shown.rowTotals, ...p.shown.colTotals, p.shown.total]
        for (const s of shown) {
          if ('value' in s) {
            expect(s.value === 0 || s.value >= p.k, `${p.tableId}: ${s.value}`).toBe(true)
          }
        }
        const { grid, withheld } = publishedGrid(p.shown)
        for (const e of await attack(grid, withheld)) {
          expect(e.high - e.low, `${p.tableId} cell ${e.row},${e.col}: ${e.low}..${e.high}`).toBeGreaterThanOrEqual(p.k)
        }
      }
    })

    it('protects every table of the demo the same way when counted again now', async () => {
      const published = await listPublications(env.db.db)
      for (const programme of PROGRAMMES) {
        const key = published.find((p) => p.programme === programme)?.period ?? ''
        const period = await periodOf(env.db.db, programme, key)
        expect(period, key).toBeDefined()
        if (period === undefined) {
          continue
        }
        for (const t of await buildTables(env.db.db, programme, period)) {
          const again = await protect(t.counts, t.def.k)
          const { grid, withheld } = publishedGrid(again)
          for (const e of await attack(grid, withheld)) {
            expect(e.high - e.low, t.def.id).toBeGreaterThanOrEqual(t.def.k)
          }
        }
      }
    })

    it('shows the tables on /es/datos, every language within the first round trip', async () => {
      for (const lang of PUBLIC_LANGS) {
        const res = await env.app.request(`/${lang}/datos`, { headers: { 'accept-encoding': 'gzip' } })
        expect(res.headers.get('content-encoding')).toBe('gzip')
        expect((await res.arrayBuffer()).byteLength, lang).toBeLessThanOrEqual(14 * 1024)
      }
      const html = await (await env.app.request('/es/datos')).text()
      expect(html.match(/<caption/g)?.length).toBe(PUBLISHED_TABLES.length)
      expect(html).toMatch(/Operativo de invierno \d{4}/)
      expect(html).toMatch(/Año \d{4}/)
    })
  })
}
