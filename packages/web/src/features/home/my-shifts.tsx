import { useState } from 'react'
import { useI18n } from '../../i18n/i18n.tsx'
import { ErrorNotice, Loading } from '../../ui/status.tsx'
import { useFetch } from '../../ui/use-fetch.ts'
import { useSession } from '../auth/session.tsx'
import { nextShift, shiftOnNow, type MyShift } from '../field-mode/shift-time.ts'
import { useUnitNames } from '../org-units/use-unit-names.ts'

// The next few are what a volunteer plans by; the rest of the week opens on demand.
const FIRST_SHOWN = 4

/**
 * A module volunteer's own shifts from today on (GET /api/shifts/mine): the day in words, the
 * hours and the site, the one on now or next marked, so a glance says where to be and when.
 */
export default function MyShifts() {
  const { t, lang } = useI18n()
  const { me } = useSession()
  const shifts = useFetch<{ items: MyShift[] }>('/api/shifts/mine')
  const unitName = useUnitNames()
  const [all, setAll] = useState(false)
  if (shifts.status === 'loading') {
    return <Loading />
  }
  if (shifts.status === 'error') {
    return <ErrorNotice error={shifts.error} onRetry={() => void shifts.reload()} />
  }
  const items = shifts.data.items
  const shown = all ? items : items.slice(0, FIRST_SHOWN)
  const now = Date.now()
  const next = nextShift(items, now)
  const on = next !== undefined && shiftOnNow([next], now) !== undefined
  const dayWords = new Intl.DateTimeFormat(lang === 'es' ? 'es-MX' : 'en-US', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' })
  // The volunteer's own site is named by the session, before the unit tree arrives.
  const siteName = (id: string) => (id === me.orgUnit.id ? me.orgUnit.name : unitName(id))
  return (
    <section className="card" aria-labelledby="vol-shifts" data-testid="vol-shifts">
      <h2 id="vol-shifts">{t('vol.shifts.title')}</h2>
      {items.length === 0 ? (
        <p className="muted" data-testid="vol-shifts-empty">
          {t('vol.shifts.empty')}
        </p>
      ) : (
        <>
          <p className="muted">{t('vol.shifts.count', { count: items.length })}</p>
          <ul className="list">
            {shown.map((s) => {
              const highlighted = s.recordId === next?.recordId
              return (
                <li key={s.recordId} className={highlighted ? 'list-item list-item-priority' : 'list-item'} data-testid="vol-shift" data-next={highlighted ? 'true' : undefined}>
                  <div className="list-item-head">
                    <span className="list-item-title">{capitalise(dayWords.format(new Date(`${s.date}T12:00:00Z`)))}</span>
                    {highlighted ? <span className="badge badge-ok">{t(on ? 'vol.shifts.now' : 'vol.shifts.next')}</span> : null}
                  </div>
                  <p className="list-item-meta">
                    {t(s.ends < s.starts ? 'vol.shifts.overnight' : 'vol.shifts.hours', { starts: s.starts, ends: s.ends })} · {siteName(s.orgUnitId)}
                  </p>
                </li>
              )
            })}
          </ul>
          {shown.length < items.length ? (
            <button type="button" className="button button-secondary" onClick={() => setAll(true)} data-testid="vol-shifts-more">
              {t('vol.shifts.more', { count: items.length - shown.length })}
            </button>
          ) : null}
        </>
      )}
    </section>
  )
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
