import { useId, useRef, useState } from 'react'
import { useI18n } from '../../i18n/i18n.tsx'
import { ErrorNotice } from '../../ui/status.tsx'
import { useInvalidate } from '../../ui/use-fetch.ts'
import { focusPageHeading } from './edition-words.tsx'
import { EDITIONS, isUnreviewedRefusal, scheduleEdition, unscheduleEdition } from './guide-api.ts'
import type { Edition } from './types.ts'
import { officeDateTime, officeLocalToIso, unreviewedTitles } from './words.ts'

/**
 * The edition's publication: at a date and time on Mexico City's clock, or now (asked twice, since
 * a published edition never changes again); a scheduled one goes back to draft before its time.
 * Only an edition whose every Spanish text is reviewed can be scheduled: the sections that are
 * not are named by title, before and after trying.
 */
export function Schedule({ edition }: { edition: Edition }) {
  const { t, lang } = useI18n()
  const invalidate = useInvalidate()
  const whenId = useId()
  const [when, setWhen] = useState('')
  const [whenWrong, setWhenWrong] = useState(false)
  const [askNow, setAskNow] = useState(false)
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<unknown>(undefined)
  const [refused, setRefused] = useState(false)
  const [done, setDone] = useState<string | undefined>(undefined)
  const doneRef = useRef<HTMLParagraphElement>(null)
  const pending = unreviewedTitles(edition, (n) => t('guide.section.untitled', { n }))
  const run = async (change: () => Promise<Edition>, said: (e: Edition) => string) => {
    setBusy(true)
    setFailure(undefined)
    setRefused(false)
    setDone(undefined)
    setAskNow(false)
    try {
      const changed = await change()
      await invalidate(EDITIONS)
      setDone(said(changed))
      // Published now, the card is gone (nothing is left to change): the page's heading takes the focus.
      requestAnimationFrame(() => (doneRef.current === null ? focusPageHeading() : doneRef.current.focus()))
    } catch (error) {
      if (isUnreviewedRefusal(error)) {
        // The list below names them from the edition as it is now.
        await invalidate(EDITIONS)
        setRefused(true)
      } else {
        setFailure(error)
      }
    } finally {
      setBusy(false)
    }
  }
  const schedule = () => {
    const at = officeLocalToIso(when)
    if (at === undefined) {
      setWhenWrong(true)
      return
    }
    setWhenWrong(false)
    void run(
      () => scheduleEdition(edition.recordId, at),
      (e) => t(e.status === 'published' ? 'guide.schedule.doneNow' : 'guide.schedule.done'),
    )
  }
  return (
    <section aria-labelledby="edition-publication" className="card guide-block guide-schedule" data-testid="edition-schedule">
      <h2 id="edition-publication">{t('guide.schedule.title')}</h2>
      {done !== undefined ? (
        <p className="notice notice-ok" role="status" ref={doneRef} tabIndex={-1} data-testid="schedule-done">
          {done}
        </p>
      ) : null}
      {pending.length > 0 ? (
        <div className={refused ? 'notice notice-error' : 'notice notice-warning'} role={refused ? 'alert' : undefined} data-testid="schedule-pending">
          <p>{t(refused ? 'guide.schedule.refused' : 'guide.schedule.pending', { count: pending.length })}</p>
          <ul>
            {pending.map((title) => (
              <li key={title}>{title}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {failure !== undefined ? <ErrorNotice error={failure} /> : null}
      {edition.status === 'scheduled' ? (
        <>
          <p>{t('guide.schedule.scheduled', { when: officeDateTime(edition.publishAt ?? '', lang) })}</p>
          <div className="actions">
            <button type="button" className="button button-secondary" disabled={busy} data-testid="edition-unschedule" onClick={() => void run(() => unscheduleEdition(edition.recordId), () => t('guide.schedule.undone'))}>
              {t('guide.schedule.unschedule')}
            </button>
          </div>
        </>
      ) : (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault()
            schedule()
          }}
        >
          <div className="field">
            <label htmlFor={whenId}>{t('guide.schedule.when')}</label>
            <input id={whenId} type="datetime-local" value={when} onChange={(e) => setWhen(e.target.value)} aria-invalid={whenWrong ? true : undefined} aria-describedby={`${whenId}-hint${whenWrong ? ` ${whenId}-error` : ''}`} />
            <p className="field-hint" id={`${whenId}-hint`}>
              {t('guide.schedule.whenHint')}
            </p>
            {whenWrong ? (
              <p className="field-error" id={`${whenId}-error`} role="alert">
                {t('guide.schedule.whenNeeded')}
              </p>
            ) : null}
          </div>
          <div className="actions">
            <button type="submit" className="button button-primary" disabled={busy} data-testid="edition-schedule-submit">
              {t('guide.schedule.submit')}
            </button>
            {!askNow ? (
              <button type="button" className="button button-secondary" disabled={busy} onClick={() => setAskNow(true)}>
                {t('guide.schedule.now')}
              </button>
            ) : null}
          </div>
          {askNow ? (
            <div className="notice notice-warning" role="alert">
              <p>{t('guide.schedule.nowAsk')}</p>
              <div className="actions">
                <button type="button" className="button button-primary" disabled={busy} onClick={() => void run(() => scheduleEdition(edition.recordId, undefined), () => t('guide.schedule.doneNow'))}>
                  {t('guide.schedule.nowYes')}
                </button>
                <button type="button" className="button button-secondary" onClick={() => setAskNow(false)}>
                  {t('guide.cancel')}
                </button>
              </div>
            </div>
          ) : null}
        </form>
      )}
    </section>
  )
}
