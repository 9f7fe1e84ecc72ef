import fc from 'fast-check'
import { v7 as uuidv7 } from 'uuid'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTestDb, testDialects } from '../test/harness.ts'
import type { Db } from '../db/open.ts'
import { findDeviceCountersTaken, insertActions, type NewActionRow } from './actions-repo.ts'

const TAKEN = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 40, 500, 1000]

/** Lists as pushes send them (a run of consecutive counters, in any order) and scattered ones. */
const asked = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 1100 }), fc.integer({ min: 1, max: 100 })).chain(([from, n]) => fc.shuffledSubarray(Array.from({ length: n }, (_, i) => from + i), { minLength: n, maxLength: n })),
  fc.uniqueArray(fc.integer({ min: 1, max: 1500 }), { minLength: 1, maxLength: 100 }),
)

function row(deviceId: string, deviceCounter: number): NewActionRow {
  return {
    id: uuidv7(),
    recordType: 'attention',
    recordId: uuidv7(),
    type: 'AttentionRecorded',
    payload: '{}',
    contentHash: 'h',
    actorId: 'u',
    orgUnitId: 'beta-tijuana',
    deviceId,
    deviceCounter,
    clientTime: null,
    receivedAt: '2026-11-21T09:00:00.000Z',
    baseVersion: null,
  }
}

for (const dialect of testDialects()) {
  describe(`${dialect}: device counters taken`, () => {
    let db: Db

    beforeAll(async () => {
      db = await makeTestDb(dialect)
      // Another device holds every counter too: its rows must never answer for this one.
      await insertActions(db.db, dialect, [...TAKEN.map((c) => row('device-a', c)), ...Array.from({ length: 1200 }, (_, i) => row('device-b', i + 1))])
    })

    afterAll(async () => {
      await db.close()
    })

    it('finds the taken counters of consecutive and of far-apart lists', async () => {
      expect((await findDeviceCountersTaken(db.db, 'device-a', [9, 10, 11, 12])).sort((a, b) => a - b)).toEqual([9, 10])
      expect(await findDeviceCountersTaken(db.db, 'device-a', [11, 12, 13, 14, 15])).toEqual([])
      expect((await findDeviceCountersTaken(db.db, 'device-a', [10, 1000, 5000])).sort((a, b) => a - b)).toEqual([10, 1000])
      expect(await findDeviceCountersTaken(db.db, 'device-c', [1, 2])).toEqual([])
    })

    it('answers exactly the asked counters that are taken, whatever their spread', async () => {
      await fc.assert(
        fc.asyncProperty(asked, async (asked) => {
          const found = await findDeviceCountersTaken(db.db, 'device-a', asked)
          expect(found.sort((a, b) => a - b)).toEqual(asked.filter((c) => TAKEN.includes(c)).sort((a, b) => a - b))
        }),
        { numRuns: 200 },
      )
    })
  })
}
