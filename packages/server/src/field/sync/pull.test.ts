import { RecordType, Role } from '@faro/core'
import { CompiledQuery } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTestDb } from '../../test/harness.ts'
import type { Db } from '../../db/open.ts'
import { readableTypes } from '../../log/records-repo.ts'
import { pullQuery } from './pull.ts'

// What a pull reads grows with the changes since the cursor, not with the table: on SQLite the
// query walks the version index from the cursor and needs no sort, for every role that pulls.
describe('sqlite: the pull query plan', () => {
  let db: Db

  beforeAll(async () => {
    db = await makeTestDb('sqlite')
  })
  afterAll(async () => db?.close())

  for (const role of Role.options) {
    const readable = readableTypes(role, RecordType.options)
    it.skipIf(readable.length === 0)(`${role}: searches records by version, with no sort`, async () => {
      const compiled = pullQuery({ db, actor: { userId: 'u-1', role, orgUnitId: 'beta-tijuana' } }, readable, 41, 101).compile()
      const { rows } = await db.db.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${compiled.sql}`, [...compiled.parameters]))
      const details = rows.map((r) => r.detail)
      expect(details.some((d) => /SEARCH records USING INDEX records_version \(version>\?\)/.test(d)), details.join('; ')).toBe(true)
      expect(details.some((d) => /TEMP B-TREE/.test(d)), details.join('; ')).toBe(false)
    })
  }
})
