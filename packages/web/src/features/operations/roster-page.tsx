import { localDay } from '@faro/core'
import { useId, useState } from 'react'
import type { Items } from '../../api/types.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { ErrorNotice, Loading, Page } from '../../ui/status.tsx'
import { useFetch, useInvalidate } from '../../ui/use-fetch.ts'
import { useSession } from '../auth/session.tsx'
import { firstOperation } from './choice.ts'
import { PlanShift } from './plan-shift.tsx'
import { ShiftCard } from './shift-card.tsx'
import type { Operation, Shifts, Site, Volunteer } from './types.ts'
import { addDays, buildWeek } from './week.ts'
import { dayText, weekdayText } from './words.ts'
import './operations.css'

/**
 * A site's roster, a week at a time: each day's shifts with their times, who is on them and how
 * many are needed, the gaps marked and added up; a shift planned, a volunteer moved from one shift
 * to another, who came recorded. On a phone the week is a list of days.
 */
export function RosterPage() {
  const { t, lang } = useI18n()
  const { me } = useSession()
  const operationId = useId()
  const siteId = useId()
  const operations = useFetch<Items<Operation>>('/api/operations')
  const [pickedOperation, setOperation] = useState<string | undefined>(undefined)
  const [pickedSite, setSite] = useState<string | undefined>(undefined)
  const [from, setFrom] = useState(() => localDay(new Date()))
  const list = operations.status === 'ok' ? operations.data.items : []
  const operation = list.find((o) => o.recordId === pickedOperation) ?? firstOperation(list, me.orgUnit.id)
  const sites = useFetch<Items<Site>>(operation ? `/api/sites?operation=${encodeURIComponent(operation.recordId)}` : null)
  const siteList = sites.status === 'ok' ? [...sites.data.items].sort((a, b) => a.name.localeCompare(b.name, lang)) : []
  const site = siteList.find((s) => s.orgUnitId === pickedSite) ?? siteList[0]
  return (
    <Page title={t('ops.roster.title')} intro={t('ops.roster.intro')} testId="roster-page">
      {operations.status === 'loading' ? <Loading /> : null}
      {operations.status === 'error' ? <ErrorNotice error={operations.error} onRetry={() => void operations.reload()} /> : null}
      {operations.status === 'ok' && list.length === 0 ? <p className="notice">{t('ops.list.none')}</p> : null}
      {operation ? (
        <div className="card ops-pickers">
          <div className="field">
            <label htmlFor={operationId}>{t('ops.roster.operation')}</label>
            <select id={operationId} value={operation.recordId} onChange={(e) => { setOperation(e.target.value); setSite(undefined) }} data-testid="roster-operation">
              {list.map((o) => (
                <option key={o.recordId} value={o.recordId}>
                  {o.name} ({t(`ops.status.${o.status}`)})
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={siteId}>{t('ops.roster.site')}</label>
            <select id={siteId} value={site?.orgUnitId ?? ''} onChange={(e) => setSite(e.target.value)} disabled={siteList.length === 0} data-testid="roster-site">
              {byState(siteList, t('ops.sites.noPlace'), lang).map(([state, inState]) => (
                <optgroup key={state} label={state}>
                  {inState.map((s) => (
                    <option key={s.recordId} value={s.orgUnitId}>
                      {s.name}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </div>
        </div>
      ) : null}
      {sites.status === 'ok' && siteList.length === 0 ? <p className="notice">{t('ops.roster.noSites')}</p> : null}
      {operation && site ? (
        <>
          <nav className="ops-week-nav" aria-label={t('ops.roster.weekNav')}>
            <button type="button" className="button button-secondary" onClick={() => setFrom(addDays(from, -7))} data-testid="roster-prev">
              {t('ops.roster.prev')}
            </button>
            <p className="ops-week-label" aria-live="polite" data-testid="roster-week">
              {t('ops.roster.week', { from: dayText(lang, from), to: dayText(lang, addDays(from, 6)) })}
            </p>
            <button type="button" className="button button-secondary" onClick={() => setFrom(addDays(from, 7))} data-testid="roster-next">
              {t('ops.roster.next')}
            </button>
          </nav>
          <Week key={`${site.orgUnitId}-${from}`} operation={operation} site={site} from={from} />
        </>
      ) : null}
    </Page>
  )
}

/** The week of one site: its gaps, its days, and the form to plan one more shift. */
function Week({ operation, site, from }: { operation: Operation; site: Site; from: string }) {
  const { t, lang } = useI18n()
  const { can } = useSession()
  const invalidate = useInvalidate()
  const shifts = useFetch<Shifts>(`/api/shifts?unit=${encodeURIComponent(site.orgUnitId)}&from=${from}&days=7`)
  const volunteers = useFetch<Items<Volunteer>>(`/api/volunteers?operation=${encodeURIComponent(operation.recordId)}&unit=${encodeURIComponent(site.orgUnitId)}`)
  const today = localDay(new Date())
  const [notice, setNotice] = useState<{ text: string; conflict: boolean } | undefined>(undefined)
  const items = shifts.status === 'ok' ? shifts.data.items : []
  const days = buildWeek(from, items)
  const people = volunteers.status === 'ok' ? volunteers.data.items : []
  const changed = async (text: string, conflict = false) => {
    await invalidate('/api/shifts')
    setNotice({ text, conflict })
  }
  return (
    <>
      {shifts.status === 'loading' ? <Loading /> : null}
      {shifts.status === 'error' ? <ErrorNotice error={shifts.error} onRetry={() => void shifts.reload()} /> : null}
      {shifts.status === 'ok' ? (
        <p className={shifts.data.gaps > 0 ? 'ops-gaps ops-gaps-some' : 'ops-gaps'} role="status" data-testid="roster-gaps" data-gaps={shifts.data.gaps}>
          {t('ops.roster.gaps', { count: shifts.data.gaps, shifts: items.length })}
        </p>
      ) : null}
      {notice ? (
        <p className={notice.conflict ? 'notice notice-warning' : 'notice notice-ok'} role="status" data-testid="roster-notice">
          {notice.text}
        </p>
      ) : null}
      {can('shift.create') ? <PlanShift operation={operation} site={site} from={from} people={people} onPlanned={(text) => void changed(text)} /> : null}
      {shifts.status === 'ok' ? (
        <ol className="ops-week" data-testid="roster-week-days">
          {days.map((d) => (
            <li key={d.day} className="ops-day" data-testid="roster-day" data-day={d.day}>
              <h2 className="ops-day-title">
                <span>{weekdayText(lang, d.day)}</span>
                {d.gaps > 0 ? <span className="ops-gap-badge">{t('ops.roster.dayGaps', { count: d.gaps })}</span> : null}
              </h2>
              {d.shifts.length === 0 ? <p className="muted">{t('ops.roster.noShifts')}</p> : null}
              <ul className="ops-shifts">
                {d.shifts.map((s) => (
                  <ShiftCard key={s.recordId} shift={s} week={items} people={people} canChange={can('shift.update')} today={today} onChanged={(text, conflict) => void changed(text, conflict)} />
                ))}
              </ul>
            </li>
          ))}
        </ol>
      ) : null}
    </>
  )
}

/** Sites grouped by state, the states in alphabetical order, for a long list to choose from. */
function byState(sites: readonly Site[], none: string, lang: string): [string, Site[]][] {
  const groups = new Map<string, Site[]>()
  for (const site of sites) {
    const state = site.state ?? none
    groups.set(state, [...(groups.get(state) ?? []), site])
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b, lang))
}
