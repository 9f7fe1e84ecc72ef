import { Migrator, type Kysely } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { migrations } from '../../migrations/index.ts'
import { makeEmptyTestDb, testDialects } from '../test/harness.ts'
import { migrateToLatest } from './migrate.ts'
import type { Db } from './open.ts'

const BEFORE = '2026-11-21T1500-audit-id-unindexed'

for (const dialect of testDialects()) {
  describe(`${dialect}: migration 2026-12-04T0900-record-occurred-at`, () => {
    let db: Db | undefined

    afterEach(async () => {
      await db?.close()
      db = undefined
    })

    it('fills each existing record\'s time of work, in UTC, or its creation time when it has none', async () => {
      db = await makeEmptyTestDb(dialect)
      const migrator = new Migrator({ db: db.db, provider: { getMigrations: async () => migrations } })
      expect((await migrator.migrateTo(BEFORE)).error).toBeUndefined()
      const base = { orgUnitId: 'u', orgUnitPath: '/u/', ownerId: 'o', routedTo: '[]', priority: 0, demo: 0, version: 1, createdAt: '2026-11-30T00:00:00.000Z', updatedAt: '2026-12-01T00:00:00.000Z' }
      // The table as it was before the migration: typed loosely, since today's schema has more columns.
      await (db.db as unknown as Kysely<Record<string, Record<string, unknown>>>)
        .insertInto('records')
        .values([
          { ...base, recordType: 'attention', recordId: 'a', state: JSON.stringify({ at: '2026-11-20T10:00:00-06:00' }) },
          { ...base, recordType: 'patrol', recordId: 'p', state: JSON.stringify({ startedAt: '2026-11-19T08:00:00.000Z' }) },
          { ...base, recordType: 'remains', recordId: 'r', state: JSON.stringify({ foundAt: '2026-11-18T08:00:00.000Z' }) },
          { ...base, recordType: 'place', recordId: 'x', state: JSON.stringify({ name: 'Torre' }) },
        ])
        .execute()

      expect(await migrateToLatest(db)).toContain('2026-12-04T0900-record-occurred-at')

      const rows = await db.db.selectFrom('records').select(['recordId', 'occurredAt']).orderBy('recordId').execute()
      expect(rows).toEqual([
        { recordId: 'a', occurredAt: '2026-11-20T16:00:00.000Z' },
        { recordId: 'p', occurredAt: '2026-11-19T08:00:00.000Z' },
        { recordId: 'r', occurredAt: '2026-11-18T08:00:00.000Z' },
        { recordId: 'x', occurredAt: '2026-11-30T00:00:00.000Z' },
      ])
      expect((await migrator.migrateTo(BEFORE)).error).toBeUndefined()
      expect(await db.db.selectFrom('records').select('recordId').execute()).toHaveLength(4)
    })
  })
}
