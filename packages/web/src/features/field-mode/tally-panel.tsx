import { reduceTally, TALLY_COUNTS, type TallyCount, type TallyState } from '@faro/core'
import { useEffect, useRef, useState } from 'react'
import { useI18n } from '../../i18n/i18n.tsx'
import { uuidv7 } from '../../outbox/uuidv7.ts'
import { ErrorNotice } from '../../ui/status.tsx'
import { useFieldService } from './service-context.tsx'
import { centralDay, shiftOnNow } from './shift-time.ts'
import { dayTotals, foldTallies, planTap, tallyContext } from './tally.ts'
import { cachedVolunteerReference, refreshVolunteerReference, type VolunteerReference } from './tally-reference.ts'

/**
 * A module volunteer's field mode: one big button per thing counted, one tap each. Every tap is
 * queued in the outbox (sealed with the PIN key) before the count on screen moves, and goes out
 * with the sync like any field record; the day's totals are folded from the taps on the phone.
 */
export function TallyPanel() {
  const { t, lang } = useI18n()
  const service = useFieldService()
  const { me } = service
  const [reference, setReference] = useState<VolunteerReference>({ shifts: [], siteOperationId: undefined })
  const [states, setStates] = useState<Map<string, TallyState> | undefined>(undefined)
  const [last, setLast] = useState<TallyCount | undefined>(undefined)
  const [error, setError] = useState<unknown>(undefined)
  const now = useMinuteClock()
  // Taps are applied one after another, so two quick first taps never open two tallies.
  const chain = useRef<Promise<void>>(Promise.resolve())
  const latest = useRef<Map<string, TallyState>>(new Map())

  useEffect(() => {
    const key = service.unlocked
    if (!key) {
      return
    }
    let live = true
    void service.store.ofType(key, 'tally').then((actions) => {
      if (live) {
        latest.current = foldTallies(actions)
        setStates(latest.current)
      }
    }, setError)
    const load = () =>
      cachedVolunteerReference(service.store).then((found) => {
        if (live) {
          setReference(found)
        }
      })
    void load()
    // Once per app start when there is a network; offline, the copy kept on the phone serves.
    service
      .refreshReferenceOnce(() => refreshVolunteerReference(service.store, me.orgUnit.id))
      .then(load)
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [service, me])

  const tap = (count: TallyCount) => {
    chain.current = chain.current
      .then(async () => {
        const at = Date.now()
        const context = tallyContext({ orgUnitId: me.orgUnit.id, shifts: reference.shifts, siteOperationId: reference.siteOperationId, at })
        for (const draft of planTap(latest.current, context, count, at, () => uuidv7(at))) {
          const action = await service.save(draft)
          const next = new Map(latest.current)
          next.set(action.recordId, reduceTally(next.get(action.recordId), action))
          latest.current = next
        }
        setStates(latest.current)
        setLast(count)
        setError(undefined)
      })
      .catch(setError)
  }

  const day = centralDay(now)
  const totals = dayTotals(states ?? new Map(), me.orgUnit.id, day)
  const shift = shiftOnNow(
    reference.shifts.filter((s) => s.orgUnitId === me.orgUnit.id),
    now,
  )
  const dayWords = new Intl.DateTimeFormat(lang === 'es' ? 'es-MX' : 'en-US', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`))
  return (
    <section className="tally" aria-labelledby="tally-heading" data-testid="tally-panel">
      <div className="tally-where">
        <h2 id="tally-heading">{me.orgUnit.name}</h2>
        <p className="muted">
          {dayWords} · {shift ? t('tally.shiftOn', { starts: shift.starts, ends: shift.ends }) : t('tally.noShift')}
        </p>
      </div>
      <p className="muted">{t('tally.intro')}</p>
      <div className="tally-grid">
        {TALLY_COUNTS.map((count) => (
          <button
            key={count}
            type="button"
            className="tally-button"
            disabled={states === undefined}
            onClick={() => tap(count)}
            aria-label={t('tally.button', { what: t(`tally.count.${count}`), count: totals[count] })}
            data-testid={`tally-${count}`}
            data-count={totals[count]}
          >
            <span className="tally-label">{t(`tally.count.${count}`)}</span>
            <span className="tally-number">{totals[count]}</span>
          </button>
        ))}
      </div>
      <p className="tally-saved" role="status" data-testid="tally-saved">
        {last ? t('tally.saved', { what: t(`tally.count.${last}`), count: totals[last] }) : ''}
      </p>
      {error ? <ErrorNotice error={error} /> : null}
    </section>
  )
}

/** Re-renders every 30 s, so the day and the shift on now follow the clock. */
function useMinuteClock(): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 30_000)
    return () => clearInterval(id)
  }, [])
  return now
}
