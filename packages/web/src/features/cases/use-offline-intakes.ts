import { useEffect, useState } from 'react'
import { api } from '../../api/client.ts'
import { flushIntakes, OfflineIntakes, topUpFolios, type PendingCounts } from './offline-intakes.ts'

let shared: OfflineIntakes | undefined

/** The device's store of offline intakes, opened once. */
export function intakeStore(): OfflineIntakes {
  shared ??= new OfflineIntakes()
  return shared
}

const CHANGED = 'faro:intakes-changed'

/** Tells every screen showing the waiting intakes to count them again. */
export function announceIntakes(): void {
  window.dispatchEvent(new Event(CHANGED))
}

const ROUND_MS = 30_000

/**
 * For an account that takes cases, wherever it is in the app: keeps reserved folios in stock while
 * online, and sends the intakes taken offline as soon as the connection is back (on the browser's
 * `online` event, and every 30 seconds in case the event never comes). Returns the stop.
 */
export function startIntakeSync(userId: string, onSent: () => void): () => void {
  let busy = false
  let stopped = false
  const round = async () => {
    if (busy || stopped) {
      return
    }
    busy = true
    try {
      const store = intakeStore()
      const report = await flushIntakes(store, userId, (intake) => api('/api/cases', { method: 'POST', body: intake }))
      if (report.sent + report.refused > 0) {
        announceIntakes()
        onSent()
      }
      await topUpFolios(store, userId, async (count) => (await api<{ folios: string[] }>('/api/cases/folio-blocks', { method: 'POST', body: { count } })).folios)
    } catch {
      // A storage the browser refuses (private mode) leaves intakes to the connection alone.
    } finally {
      busy = false
    }
  }
  const onOnline = () => void round()
  void round()
  window.addEventListener('online', onOnline)
  const timer = window.setInterval(onOnline, ROUND_MS)
  return () => {
    stopped = true
    window.removeEventListener('online', onOnline)
    window.clearInterval(timer)
  }
}

/** How many intakes wait on this device for the account, kept current. */
export function usePendingIntakes(userId: string): PendingCounts {
  const [counts, setCounts] = useState<PendingCounts>({ pending: 0, refused: 0 })
  useEffect(() => {
    let live = true
    const read = () => {
      intakeStore()
        .counts(userId)
        .then((c) => live && setCounts(c))
        .catch(() => undefined)
    }
    read()
    window.addEventListener(CHANGED, read)
    return () => {
      live = false
      window.removeEventListener(CHANGED, read)
    }
  }, [userId])
  return counts
}
