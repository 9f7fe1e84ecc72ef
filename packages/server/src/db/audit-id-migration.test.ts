import { Migrator, sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { migrations } from '../../migrations/index.ts'
import { ManualClock } from '../clock.ts'
import { verifyAudit } from '../log/audit-repo.ts'
import { seedOrgUnits } from '../seed/demo.ts'
import { makeEmptyTestDb, testDialects } from '../test/harness.ts'
import { migrateToLatest } from './migrate.ts'
import type { Db } from './open.ts'

const BEFORE = '2026-11-21T1400-legal-holds'

for (const dialect of testDialects()) {
  describe(`${dialect}: migration 2026-11-21T1500-audit-id-unindexed`, () => {
    let db: Db | undefined

    afterEach(async () => {
      await db?.close()
      db = undefined
    })

    it('keeps every audit row and its chain, drops the id index and keeps the table append-only', async () => {
      db = await makeEmptyTestDb(dialect)
      const migrator = new Migrator({ db: db.db, provider: { getMigrations: async () => migrations } })
      expect((await migrator.migrateTo(BEFORE)).error).toBeUndefined()
      await seedOrgUnits(db, new ManualClock(new Date('2026-11-21T09:00:00Z')))
      const before = await db.db.selectFrom('auditEvents').selectAll().orderBy('seq').execute()
      expect(before.length).toBeGreaterThan(10)
      expect(await idIndexes(db)).toHaveLength(1)

      expect(await migrateToLatest(db)).toContain('2026-11-21T1500-audit-id-unindexed')

      expect(await db.db.selectFrom('auditEvents').selectAll().orderBy('seq').execute()).toEqual(before)
      expect(await verifyAudit(db.db)).toEqual({ ok: true, rows: before.length })
      expect(await idIndexes(db)).toEqual([])
      await expect(sql`update audit_events set decision = 'denied' where seq = 1`.execute(db.db)).rejects.toThrow(/append-only/)
      await expect(sql`delete from audit_events where seq = 1`.execute(db.db)).rejects.toThrow(/append-only/)
    })

    it('puts the index back when rolled back', async () => {
      db = await makeEmptyTestDb(dialect)
      await migrateToLatest(db)
      const migrator = new Migrator({ db: db.db, provider: { getMigrations: async () => migrations } })
      expect((await migrator.migrateTo(BEFORE)).error).toBeUndefined()
      expect(await idIndexes(db)).toHaveLength(1)
    })
  })
}

/** The unique indexes on audit_events(id). */
async function idIndexes(db: Db): Promise<string[]> {
  if (db.dialect === 'postgres') {
    const { rows } = await sql<{ indexname: string }>`select indexname from pg_indexes where tablename = 'audit_events' and indexdef like '%UNIQUE%(id)%'`.execute(db.db)
    return rows.map((r) => r.indexname)
  }
  const { rows } = await sql<{ name: string }>`select il.name from pragma_index_list('audit_events') il join pragma_index_info(il.name) ii where il."unique" = 1 and ii.name = 'id'`.execute(db.db)
  return rows.map((r) => r.name)
}
