import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { ApiError, NetworkError } from '../../api/client.ts'
import { flushIntakes, FOLIO_BLOCK, LOW_FOLIOS, OfflineIntakes, topUpFolios } from './offline-intakes.ts'

let n = 0
const stores: OfflineIntakes[] = []
function makeStore(): OfflineIntakes {
  n += 1
  const store = new OfflineIntakes(`intakes-test-${n}`)
  stores.push(store)
  return store
}
afterEach(() => {
  for (const s of stores.splice(0)) {
    s.close()
  }
})

const intake = (id: string, folio: string) => ({ id, folio, kind: 'complaint', category: 'extortion', description: 'Le pidieron dinero.', complainant: { identity: { email: 'rosa@example.test' }, consents: [] } })

describe('offline intakes', () => {
  it('gives each reserved folio once, per account, oldest first', async () => {
    const store = makeStore()
    await store.addFolios('u1', ['PA-26-AAAA-1', 'PA-26-BBBB-2'], '2026-12-01T00:00:00Z')
    await store.addFolios('u2', ['PA-26-CCCC-3'], '2026-11-01T00:00:00Z')
    const taken = await Promise.all([store.takeFolio('u1'), store.takeFolio('u1'), store.takeFolio('u1')])
    expect(taken.sort()).toEqual(['PA-26-AAAA-1', 'PA-26-BBBB-2', undefined].sort())
    expect(await store.folioCount('u2')).toBe(1)
  })

  it('keeps what the person said sealed on the device, and opens it to send', async () => {
    const store = makeStore()
    await store.queue('u1', intake('i1', 'PA-26-AAAA-1'))
    const raw = JSON.stringify(await new Promise((resolve) => {
      const req = indexedDB.open(`intakes-test-${n}`)
      req.onsuccess = () => {
        const get = req.result.transaction('pending').objectStore('pending').get('i1')
        get.onsuccess = () => resolve({ ...get.result, sealed: Array.from(new Uint8Array(get.result.sealed.data as ArrayBuffer)) })
      }
    }))
    expect(raw).not.toContain('rosa@example.test')
    expect(raw).not.toContain('dinero')
    expect(await store.waiting('u1')).toEqual([{ id: 'i1', folio: 'PA-26-AAAA-1', intake: intake('i1', 'PA-26-AAAA-1') }])
    expect(await store.waiting('u2')).toEqual([])
  })

  it('sends in the order taken, stops at a lost connection, and keeps a refusal apart', async () => {
    const store = makeStore()
    await store.queue('u1', intake('i1', 'F1'), '2026-12-05T10:00:00Z')
    await store.queue('u1', intake('i2', 'F2'), '2026-12-05T10:01:00Z')
    await store.queue('u1', intake('i3', 'F3'), '2026-12-05T10:02:00Z')
    const seen: string[] = []
    let online = false
    const send = async (body: Record<string, unknown>) => {
      seen.push(String(body.id))
      if (!online) {
        throw new NetworkError(new TypeError('Failed to fetch'))
      }
      if (body.id === 'i2') {
        throw new ApiError(400, { type: 'about:blank', title: 'x', status: 400, errors: [{ field: 'folio', code: 'folio_not_reserved', message: 'x' }] })
      }
      return {}
    }
    expect(await flushIntakes(store, 'u1', send)).toEqual({ sent: 0, refused: 0, stopped: true })
    expect(await store.counts('u1')).toEqual({ pending: 3, refused: 0 })
    online = true
    expect(await flushIntakes(store, 'u1', send)).toEqual({ sent: 2, refused: 1, stopped: false })
    expect(seen).toEqual(['i1', 'i1', 'i2', 'i3'])
    expect(await store.counts('u1')).toEqual({ pending: 0, refused: 1 })
    // A server error is not a refusal: it is tried again.
    await store.queue('u1', intake('i4', 'F4'))
    expect(await flushIntakes(store, 'u1', () => Promise.reject(new ApiError(503, undefined)))).toEqual({ sent: 0, refused: 0, stopped: true })
    expect(await store.counts('u1')).toEqual({ pending: 1, refused: 1 })
  })

  it('reserves a block only when few folios are left, and not at all offline', async () => {
    const store = makeStore()
    let asked = 0
    const reserve = async (count: number) => {
      asked += 1
      return Array.from({ length: count }, (_, i) => `PA-26-${String(asked)}${String(i).padStart(3, '0')}-X`)
    }
    expect(await topUpFolios(store, 'u1', reserve)).toBe(FOLIO_BLOCK)
    expect(await topUpFolios(store, 'u1', reserve)).toBe(FOLIO_BLOCK)
    expect(asked).toBe(1)
    for (let i = 0; i < FOLIO_BLOCK - LOW_FOLIOS + 1; i += 1) {
      await store.takeFolio('u1')
    }
    expect(await topUpFolios(store, 'u1', () => Promise.reject(new NetworkError(new TypeError('offline'))))).toBe(LOW_FOLIOS - 1)
    expect(await topUpFolios(store, 'u1', reserve)).toBe(LOW_FOLIOS - 1 + FOLIO_BLOCK)
  })
})
