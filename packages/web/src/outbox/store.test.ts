import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { FieldStore } from './store.ts'
import { uuidv7 } from './uuidv7.ts'

let dbNumber = 0
function makeStore(now: () => number = Date.now): FieldStore {
  dbNumber += 1
  return new FieldStore(`store-test-${dbNumber}`, { now, pbkdf2Iterations: 1000 })
}

const draft = { recordType: 'attention', recordId: 'r1', type: 'AttentionRecorded', payload: { people: [{ count: 3 }] } } as const

describe('uuidv7', () => {
  it('writes the time first and the version 7 and variant bits', () => {
    const id = uuidv7(0x0191_2345_6789, (b) => b.fill(0xff))
    expect(id).toBe('01912345-6789-7fff-bfff-ffffffffffff')
  })

  it('sorts by time', () => {
    expect(uuidv7(1000) < uuidv7(2000)).toBe(true)
  })
})

describe('FieldStore', () => {
  it('numbers actions 1, 2, 3 and keeps counting after a reopen', async () => {
    const store = makeStore()
    const key = await store.setPin('2468')
    const a = await store.enqueue(key, draft)
    const b = await store.enqueue(key, draft)
    const reopened = new FieldStore(store.db.name, { pbkdf2Iterations: 1000 })
    const c = await reopened.enqueue(key, draft)
    expect([a.deviceCounter, b.deviceCounter, c.deviceCounter]).toEqual([1, 2, 3])
  })

  it('gives back one record type\'s actions, pending and sent, in the order made, but not those the server refused', async () => {
    const store = makeStore()
    const key = await store.setPin('2468')
    const tally = { recordType: 'tally', recordId: 't1', type: 'TallyCounted', payload: { guidance: 1 } } as const
    const opened = await store.enqueue(key, { ...tally, type: 'TallyOpened', payload: { day: '2026-12-20' } })
    await store.enqueue(key, draft)
    const refused = await store.enqueue(key, tally)
    const kept = await store.enqueue(key, tally)
    await store.applyResults([
      { id: opened.id, status: 'accepted', seq: 1 },
      { id: refused.id, status: 'rejected', reason: 'forbidden' },
    ])
    expect((await store.ofType(key, 'tally')).map((a) => a.id)).toEqual([opened.id, kept.id])
  })

  it('opens with the right PIN only', async () => {
    const store = makeStore()
    await store.setPin('2468')
    expect(await store.unlock('1111')).toBeUndefined()
    expect(await store.unlock('2468')).toBeDefined()
  })

  it('keeps no payload in the clear', async () => {
    const store = makeStore()
    const key = await store.setPin('2468')
    await store.enqueue(key, { ...draft, payload: { notes: 'rail tracks at km 12' } })
    const rows = await store.db.table('actions').toArray()
    expect(JSON.stringify(rows)).not.toContain('km 12')
    const [opened] = await store.pending(key)
    expect(opened?.payload).toEqual({ notes: 'rail tracks at km 12' })
  })

  it('counts pending actions and the oldest one, without the key', async () => {
    let now = Date.parse('2026-11-21T10:00:00Z')
    const store = makeStore(() => now)
    const key = await store.setPin('2468')
    await store.enqueue(key, draft)
    now += 60_000
    await store.enqueue(key, draft)
    expect(await store.counts()).toEqual({ pending: 2, oldestPendingAt: '2026-11-21T10:00:00.000Z', attention: 0 })
  })

  it('drops an action from the pending set only when accepted or duplicate', async () => {
    const store = makeStore()
    const key = await store.setPin('2468')
    const ids = []
    for (let i = 0; i < 4; i += 1) {
      ids.push((await store.enqueue(key, draft)).id)
    }
    await store.applyResults([
      { id: ids[0] ?? '', status: 'accepted', seq: 1 },
      { id: ids[1] ?? '', status: 'duplicate', seq: 1 },
      { id: ids[2] ?? '', status: 'rejected', reason: 'invalid', errors: [{ field: 'payload.at', code: 'invalid', message: 'bad date' }] },
    ])
    const counts = await store.counts()
    expect(counts.pending).toBe(1)
    expect(counts.attention).toBe(1)
    const [problem] = await store.attention(key)
    expect(problem?.reason).toBe('invalid')
    expect(problem?.errors[0]?.field).toBe('payload.at')
  })

  it('purges sent actions after the configured days, never pending ones', async () => {
    let now = Date.parse('2026-11-01T10:00:00Z')
    const store = makeStore(() => now)
    const key = await store.setPin('2468')
    const sent = await store.enqueue(key, draft)
    await store.enqueue(key, draft)
    await store.applyResults([{ id: sent.id, status: 'accepted', seq: 9 }])
    now += 3 * 86_400_000
    expect(await store.purgeSent(7)).toBe(0)
    now += 5 * 86_400_000
    expect(await store.purgeSent(7)).toBe(1)
    expect((await store.counts()).pending).toBe(1)
  })

  it('keeps a sealed value across a reopen, readable only with the key, until deleted', async () => {
    const store = makeStore()
    const key = await store.setPin('2468')
    expect(await store.getSealed(key, 'openPatrol')).toBeUndefined()
    expect(await store.hasSealed('openPatrol')).toBe(false)
    await store.putSealed(key, 'openPatrol', { points: [{ lat: 32.5149, lon: -117.0382 }] })
    expect(await store.hasSealed('openPatrol')).toBe(true)
    expect(JSON.stringify(await store.db.table('meta').toArray())).not.toContain('32.5149')
    const reopened = new FieldStore(store.db.name, { pbkdf2Iterations: 1000 })
    expect(await reopened.getSealed(key, 'openPatrol')).toEqual({ points: [{ lat: 32.5149, lon: -117.0382 }] })
    await reopened.deleteSealed('openPatrol')
    expect(await reopened.getSealed(key, 'openPatrol')).toBeUndefined()
  })

  it('forgets everything when wiped', async () => {
    const store = makeStore()
    const key = await store.setPin('2468')
    await store.enqueue(key, draft)
    await store.wipe()
    const fresh = new FieldStore(store.db.name, { pbkdf2Iterations: 1000 })
    expect(await fresh.hasPin()).toBe(false)
    expect((await fresh.counts()).pending).toBe(0)
  })
})
