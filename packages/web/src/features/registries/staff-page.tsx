import { localDay } from '@faro/core'
import { useId, useMemo, useState } from 'react'
import type { Items } from '../../api/types.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { ErrorNotice, Loading, MoreButton, Page } from '../../ui/status.tsx'
import { useFetch, useInvalidate } from '../../ui/use-fetch.ts'
import { useUnitNames } from '../org-units/use-unit-names.ts'
import { courseName, dayText } from './registry-words.ts'
import { MemberRow, type Editing } from './staff-member.tsx'
import type { Alert, Course, Holder, StaffMember } from './types.ts'
import { UnitPicker, useUnitChoice } from './unit-picker.tsx'
import './registries.css'

/**
 * The staff of a group (or of every group, for the national coordination): what ends soon first,
 * then each person with their function, level, languages, fitness and certificates, narrowed to
 * who holds a course when asked. A coordinator edits a profile and records a certificate; field
 * staff and analysts read.
 */
export function StaffPage() {
  const { t } = useI18n()
  const choice = useUnitChoice()
  const today = localDay(new Date())
  const trainings = useFetch<Items<Course>>('/api/trainings')
  const courses = trainings.status === 'ok' ? trainings.data.items : []
  return (
    <Page title={t('team.title')} intro={t('team.intro')} testId="team-page">
      <UnitPicker choice={choice} />
      {choice.unit === null ? <Loading /> : null}
      {choice.unit !== null ? <Alerts unit={choice.unit} courses={courses} /> : null}
      {choice.unit !== null ? <StaffList key={choice.unit} unit={choice.unit} courses={courses} today={today} /> : null}
    </Page>
  )
}

/** Certificates and fitness checks ending within 60 days or ended, soonest first; the ended ones marked. */
function Alerts({ unit, courses }: { unit: string; courses: readonly Course[] }) {
  const { t, lang } = useI18n()
  const unitName = useUnitNames()
  const alerts = useFetch<Items<Alert>>(`/api/staff/alerts?unit=${encodeURIComponent(unit)}`)
  // Every group's alerts run to a hundred: the soonest first, more on request.
  const [limit, setLimit] = useState(ALERT_PAGE)
  const all = alerts.status === 'ok' ? alerts.data.items : []
  return (
    <section className="card" aria-labelledby="team-alerts" data-testid="team-alerts">
      <h2 id="team-alerts">{t('team.alerts.title')}</h2>
      <p className="muted">{t('team.alerts.intro')}</p>
      {alerts.status === 'loading' ? <Loading /> : null}
      {alerts.status === 'error' ? <ErrorNotice error={alerts.error} onRetry={() => void alerts.reload()} /> : null}
      {alerts.status === 'ok' && alerts.data.items.length === 0 ? <p className="notice notice-ok">{t('team.alerts.none')}</p> : null}
      {alerts.status === 'ok' && alerts.data.items.length > 0 ? (
        <ul className="reg-rows">
          {all.slice(0, limit).map((a) => {
            const ended = a.daysLeft < 0
            const what = a.kind === 'fitness' ? t('team.alerts.fitness') : courseName(t, lang, a.course ?? '', courses)
            return (
              <li key={`${a.kind}-${a.recordId}`} className={ended ? 'reg-row reg-row-expired' : 'reg-row'} data-testid="team-alert">
                <span className="reg-row-main">
                  <strong>{a.displayName ?? t('team.noProfile')}</strong>
                  <span>{t('team.alerts.on', { what, date: dayText(lang, a.endsOn) })}</span>
                  {a.orgUnitId !== unit ? <span className="muted">{unitName(a.orgUnitId)}</span> : null}
                </span>
                <span className={ended ? 'reg-state reg-state-expired' : 'reg-state reg-state-soon'}>{ended ? t('reg.expiry.expired', { days: -a.daysLeft }) : t('reg.expiry.soon', { days: a.daysLeft })}</span>
              </li>
            )
          })}
        </ul>
      ) : null}
      {all.length > ALERT_PAGE ? <MoreButton shown={Math.min(limit, all.length)} hasMore={limit < all.length} loading={false} onMore={() => setLimit(limit + ALERT_PAGE * 2)} /> : null}
    </section>
  )
}

const ALERT_PAGE = 12


/** The people of the unit, or those holding a course today when one is chosen. */
function StaffList({ unit, courses, today }: { unit: string; courses: readonly Course[]; today: string }) {
  const { t, lang } = useI18n()
  const unitName = useUnitNames()
  const invalidate = useInvalidate()
  const filterId = useId()
  const staff = useFetch<Items<StaffMember>>(`/api/staff?unit=${encodeURIComponent(unit)}`)
  const [course, setCourse] = useState('')
  const [onDuty, setOnDuty] = useState(false)
  const coverage = useFetch<Items<Holder> & { rostered: string[] }>(course === '' ? null : `/api/staff/coverage?unit=${encodeURIComponent(unit)}&course=${encodeURIComponent(course)}${onDuty ? '&onDuty=true' : ''}`)
  const [editing, setEditing] = useState<Editing>(undefined)
  const [done, setDone] = useState<string | undefined>(undefined)
  const courseOptions = useMemo(() => courses.map((c) => ({ value: c.code, label: courseName(t, lang, c.code, courses) })).sort((a, b) => a.label.localeCompare(b.label, lang)), [courses, t, lang])
  const holders = course !== '' && coverage.status === 'ok' ? new Set(coverage.data.items.map((h) => h.userId)) : undefined
  const people = staff.status === 'ok' ? [...staff.data.items].sort((a, b) => unitName(a.orgUnitId).localeCompare(unitName(b.orgUnitId), lang) || a.displayName.localeCompare(b.displayName, lang)).filter((m) => holders === undefined || holders.has(m.userId)) : []
  const groups = [...new Set(people.map((m) => m.orgUnitId))]
  const list = (shown: readonly StaffMember[]) => (
    <ul className="list" data-testid="team-list">
      {shown.map((m) => (
        <MemberRow key={m.userId} member={m} unit={groups.length > 1 || m.orgUnitId === unit ? undefined : unitName(m.orgUnitId)} courses={courses} today={today} editing={editing?.userId === m.userId ? editing.form : undefined} open={open} saved={(text) => void saved(text)} />
      ))}
    </ul>
  )
  const saved = async (text: string) => {
    await Promise.all([invalidate('/api/staff'), invalidate('/api/registries/attention')])
    setEditing(undefined)
    setDone(text)
  }
  const open = (next: Editing) => {
    setDone(undefined)
    setEditing(next)
  }
  return (
    <section className="reg-section" aria-labelledby="team-list">
      <h2 id="team-list">{t('team.list.title')}</h2>
      <div className="field reg-filter">
        <label htmlFor={filterId}>{t('team.coverage.label')}</label>
        <select id={filterId} value={course} onChange={(e) => setCourse(e.target.value)} data-testid="team-coverage">
          <option value="">{t('team.coverage.all')}</option>
          {courseOptions.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      {course !== '' ? (
        <label className="check" htmlFor={`${filterId}-duty`}>
          <input id={`${filterId}-duty`} type="checkbox" checked={onDuty} onChange={(e) => setOnDuty(e.target.checked)} data-testid="team-on-duty" />
          {t('team.coverage.onDuty')}
        </label>
      ) : null}
      {course !== '' && coverage.status === 'ok' ? (
        <p role="status" data-testid="team-coverage-count">
          {onDuty && coverage.data.rostered.length === 0
            ? t('team.coverage.noRoster')
            : t(onDuty ? 'team.coverage.onDutyCount' : 'team.coverage.count', { count: coverage.data.items.length, course: courseName(t, lang, course, courses) })}
        </p>
      ) : null}
      {done ? (
        <p className="notice notice-ok" role="status" data-testid="team-done">
          {done}
        </p>
      ) : null}
      {staff.status === 'loading' || (course !== '' && coverage.status === 'loading') ? <Loading /> : null}
      {staff.status === 'error' ? <ErrorNotice error={staff.error} onRetry={() => void staff.reload()} /> : null}
      {coverage.status === 'error' ? <ErrorNotice error={coverage.error} onRetry={() => void coverage.reload()} /> : null}
      {staff.status === 'ok' && holders === undefined ? <p className="muted">{t('team.count', { count: people.length })}</p> : null}
      {groups.length > 1
        ? groups.map((group) => {
            const shown = people.filter((m) => m.orgUnitId === group)
            return (
              <details key={group} className="reg-group" open={holders !== undefined} data-testid="team-group">
                <summary>
                  <span className="reg-group-name">{unitName(group)}</span> <span className="muted">{t('team.count', { count: shown.length })}</span>
                </summary>
                {list(shown)}
              </details>
            )
          })
        : list(people)}
    </section>
  )
}
