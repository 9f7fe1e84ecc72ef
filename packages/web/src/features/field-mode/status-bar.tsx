import { useEffect, useState } from 'react'
import { api } from '../../api/client.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import type { SyncReport } from '../../outbox/sync.ts'
import { ageParts } from './age.ts'
import { useFieldService, useFieldSnapshot } from './service-context.tsx'

/**
 * Always on screen in field mode: how many records wait on the phone, how old the oldest is, a
 * "sync now" button, and what the last sync really did.
 */
export function StatusBar() {
  const { t } = useI18n()
  const service = useFieldService()
  const snap = useFieldSnapshot()
  const now = useMinuteClock()
  const { pending, oldestPendingAt, attention } = snap.counts
  const age = oldestPendingAt ? ageParts(oldestPendingAt, now) : undefined
  // Only the counts and the button stay pinned: the last result scrolls away, so the form keeps the screen.
  return (
    <>
      <section className={pending === 0 && attention === 0 ? 'fm-status fm-status-clear' : 'fm-status'} aria-label={t('fm.status.label')} data-testid="fm-status">
        <p className="fm-status-counts" role="status">
          <strong data-testid="fm-pending" data-count={pending}>
            {t('fm.status.pending', { count: pending })}
          </strong>
          {age ? <span> · {t(`fm.status.oldest.${age.unit}`, { value: age.value })}</span> : null}
          {attention > 0 ? <span className="fm-attention-count"> · {t('fm.status.attention', { count: attention })}</span> : null}
        </p>
        <button type="button" className="button button-primary" disabled={snap.syncing || snap.state !== 'ready'} onClick={() => void service.syncNow()} data-testid="fm-sync">
          {snap.syncing ? t('fm.status.syncing') : t('fm.status.syncNow')}
        </button>
      </section>
      {snap.lastSync && resultStillTrue(snap.lastSync.report, pending) ? <SyncResult report={snap.lastSync.report} retryAt={snap.retryAt} now={now} /> : null}
    </>
  )
}

/**
 * Whether the last sync's report still tells the person something. One that says records wait or
 * the server could not be reached is stale once nothing waits any more (they went in a later
 * try): shown beside "all sent" it would contradict it. One that sent nothing and found nothing
 * wrong only repeats "all sent" in other words.
 */
export function resultStillTrue(report: SyncReport, pending: number): boolean {
  if (pending > 0) {
    return true
  }
  const quiet = report.accepted + report.duplicates + report.reviews + report.problems.length === 0
  return report.failure === undefined && report.stillPending === 0 && !quiet
}

function SyncResult({ report, retryAt, now }: { report: SyncReport; retryAt: number | undefined; now: number }) {
  const { t } = useI18n()
  const sent = report.accepted + report.duplicates
  const ok = report.failure === undefined && report.problems.length === 0
  return (
    <div className={ok ? 'notice notice-ok fm-result' : 'notice notice-error fm-result'} data-testid="fm-sync-result" role="status">
      <p>
        {t('fm.result.sent', { count: sent })}
        {report.duplicates > 0 ? ` ${t('fm.result.duplicates', { count: report.duplicates })}` : ''}
        {report.reviews > 0 ? ` ${t('fm.result.review', { count: report.reviews })}` : ''}
        {report.problems.length > 0 ? ` ${t('fm.result.problems', { count: report.problems.length })}` : ''}
        {report.stillPending > 0 ? ` ${t('fm.result.stillPending', { count: report.stillPending })}` : ''}
      </p>
      {report.failure ? <p>{t(`fm.failure.${report.failure}`)}</p> : null}
      {report.failure === 'unauthenticated' ? (
        <button type="button" className="button button-secondary" onClick={signInAgain}>
          {t('fm.signInAgain')}
        </button>
      ) : null}
      {retryAt && retryAt > now ? <p className="small">{t('fm.result.retry', { seconds: Math.ceil((retryAt - now) / 1000) })}</p> : null}
    </div>
  )
}

/**
 * Back to the sign-in screen without touching the outbox (sign-out would refuse while records
 * wait): an ordinary request that meets the expired session triggers the app's own handler.
 */
function signInAgain(): void {
  api('/api/auth/me').catch(() => undefined)
}

/** Re-renders every 30 s so ages and retry times stay true without a reload. */
function useMinuteClock(): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 30_000)
    return () => clearInterval(id)
  }, [])
  return now
}
