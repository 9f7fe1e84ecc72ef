import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { FieldStore } from '../../outbox/store.ts'
import { prepareLogout } from './logout-guard.ts'
import { PatrolTracker, type OpenPatrol } from './patrol-tracker.ts'
import { fieldDbName } from './service.ts'

let dbNumber = 0
const TIJUANA = { lat: 32.5149, lon: -117.0382 }
const patrol: OpenPatrol = { recordId: 'p1', kind: 'preventive', startedAt: '2026-11-21T08:00:00.000Z', crew: ['u1'], points: [{ ...TIJUANA, accuracyM: 10, at: 0 }] }

async function makeTracker(): Promise<{ store: FieldStore; key: CryptoKey; tracker: PatrolTracker }> {
  dbNumber += 1
  const store = new FieldStore(`patrol-test-${dbNumber}`, { pbkdf2Iterations: 1000 })
  const key = await store.setPin('2468')
  return { store, key, tracker: new PatrolTracker(store, () => key, undefined) }
}

/** A point `metres` north of Tijuana. */
function north(metres: number, at: number, accuracyM = 10) {
  return { lat: TIJUANA.lat + metres / 111_195, lon: TIJUANA.lon, accuracyM, at }
}

describe('PatrolTracker', () => {
  it('keeps the thinned track on the device while open and forgets it once ended', async () => {
    const { store, key, tracker } = await makeTracker()
    await tracker.resume()
    expect(tracker.getSnapshot()).toMatchObject({ loaded: true, open: undefined })
    await tracker.begin(patrol)
    tracker.addFix(north(20, 1000))
    tracker.addFix(north(200, 2000))
    tracker.addFix(north(400, 3000, 500))
    tracker.addFix(north(400, 4000))
    expect(tracker.getSnapshot().open?.points).toHaveLength(3)
    await tracker.settled()
    const reopened = new PatrolTracker(new FieldStore(store.db.name, { pbkdf2Iterations: 1000 }), () => key, undefined)
    await reopened.resume()
    expect(reopened.getSnapshot().open?.points).toHaveLength(3)
    await tracker.end()
    const reloaded = new PatrolTracker(new FieldStore(store.db.name, { pbkdf2Iterations: 1000 }), () => key, undefined)
    await reloaded.resume()
    expect(reloaded.getSnapshot().open).toBeUndefined()
  })

  it('reads back the open patrol after a restart and ends the route where the phone last was', async () => {
    const { store, key, tracker } = await makeTracker()
    await tracker.begin(patrol)
    tracker.addFix(north(200, 2000))
    tracker.addFix(north(230, 3000))
    tracker.stop()
    await tracker.settled()
    const restarted = new PatrolTracker(new FieldStore(store.db.name, { pbkdf2Iterations: 1000 }), () => key, undefined)
    await restarted.resume()
    expect(restarted.getSnapshot().open?.points.map((p) => p.at)).toEqual([0, 2000])
    expect(tracker.route().map((p) => p.at)).toEqual([0, 2000, 3000])
    expect(JSON.stringify(await store.db.table('meta').toArray())).not.toContain('32.51')
    restarted.stop()
  })

  it('blocks the sign-out while a patrol is open, since its route is only on this phone', async () => {
    const store = new FieldStore(fieldDbName('agent-with-open-patrol'), { pbkdf2Iterations: 1000 })
    const key = await store.setPin('2468')
    const tracker = new PatrolTracker(store, () => key, undefined)
    await tracker.begin(patrol)
    expect(await prepareLogout('agent-with-open-patrol', false)).toBe(1)
    await tracker.end()
    store.db.close()
    expect(await prepareLogout('agent-with-open-patrol', false)).toBe(0)
  })
})
