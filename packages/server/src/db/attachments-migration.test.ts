import { Migrator, sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { migrations } from '../../migrations/index.ts'
import { makeTestDb, testDialects } from '../test/harness.ts'
import { migrateToLatest } from './migrate.ts'
import type { Db } from './open.ts'

const BEFORE = '2026-12-04T1100-mail-and-jobs'

for (const dialect of testDialects()) {
  describe(`${dialect}: migration 2026-12-05T1000-attachments`, () => {
    let db: Db | undefined

    afterEach(async () => {
      await db?.close()
      db = undefined
    })

    it('keeps bytes as bytes, and goes down and up again cleanly', async () => {
      db = await makeTestDb(dialect)
      // Every byte value survives the round trip: a binary column, not text.
      const bytes = Buffer.from(Array.from({ length: 256 }, (_, i) => i))
      const row = { id: 'a1', recordType: 'case', recordId: 'c1', nameSealed: null, mediaType: 'image/png', size: 256, sha256: 'x', wrappedKey: 'v1.x', keyVersion: 1, ciphertext: bytes, addedBy: 'u', addedByUnit: 'paisano', addedAt: '2026-12-05T10:00:00.000Z' }
      await db.db.insertInto('attachments').values(row).execute()
      const back = await db.db.selectFrom('attachments').select('ciphertext').where('id', '=', 'a1').executeTakeFirstOrThrow()
      expect(Buffer.from(back.ciphertext).equals(bytes)).toBe(true)

      const migrator = new Migrator({ db: db.db, provider: { getMigrations: async () => migrations } })
      expect((await migrator.migrateTo(BEFORE)).error).toBeUndefined()
      await expect(sql`select count(*) from attachments`.execute(db.db)).rejects.toThrow()
      await expect(sql`select count(*) from attachment_custody`.execute(db.db)).rejects.toThrow()
      expect(await migrateToLatest(db)).toContain('2026-12-05T1000-attachments')
      expect(await db.db.selectFrom('attachments').select('id').execute()).toEqual([])
    })
  })
}
