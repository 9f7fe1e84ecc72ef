import { localDay } from '@faro/core'
import { useId, useMemo, useState } from 'react'
import type { Items } from '../../api/types.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { ErrorNotice, Loading, Page } from '../../ui/status.tsx'
import { useFetch, useInvalidate } from '../../ui/use-fetch.ts'
import { useSession } from '../auth/session.tsx'
import { useUnitNames } from '../org-units/use-unit-names.ts'
import { courseName, currentCertificates, dayText, expiryOf, expiryText } from './registry-words.ts'
import { CertificateEditor, ProfileEditor } from './staff-forms.tsx'
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
  return (
    <section className="card" aria-labelledby="team-alerts" data-testid="team-alerts">
      <h2 id="team-alerts">{t('team.alerts.title')}</h2>
      <p className="muted">{t('team.alerts.intro')}</p>
      {alerts.status === 'loading' ? <Loading /> : null}
      {alerts.status === 'error' ? <ErrorNotice error={alerts.error} onRetry={() => void alerts.reload()} /> : null}
      {alerts.status === 'ok' && alerts.data.items.length === 0 ? <p className="notice notice-ok">{t('team.alerts.none')}</p> : null}
      {alerts.status === 'ok' && alerts.data.items.length > 0 ? (
        <ul className="reg-rows">
          {alerts.data.items.map((a) => {
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
    </section>
  )
}

type Editing = { userId: string; form: 'profile' | 'certificate' } | undefined

/** The people of the unit, or those holding a course today when one is chosen. */
function StaffList({ unit, courses, today }: { unit: string; courses: readonly Course[]; today: string }) {
  const { t, lang } = useI18n()
  const { can } = useSession()
  const unitName = useUnitNames()
  const invalidate = useInvalidate()
  const filterId = useId()
  const staff = useFetch<Items<StaffMember>>(`/api/staff?unit=${encodeURIComponent(unit)}`)
  const [course, setCourse] = useState('')
  const coverage = useFetch<Items<Holder>>(course === '' ? null : `/api/staff/coverage?unit=${encodeURIComponent(unit)}&course=${encodeURIComponent(course)}`)
  const [editing, setEditing] = useState<Editing>(undefined)
  const [done, setDone] = useState<string | undefined>(undefined)
  const courseOptions = useMemo(() => courses.map((c) => ({ value: c.code, label: courseName(t, lang, c.code, courses) })).sort((a, b) => a.label.localeCompare(b.label, lang)), [courses, t, lang])
  const holders = course !== '' && coverage.status === 'ok' ? new Set(coverage.data.items.map((h) => h.userId)) : undefined
  const people = staff.status === 'ok' ? [...staff.data.items].sort((a, b) => unitName(a.orgUnitId).localeCompare(unitName(b.orgUnitId), lang) || a.displayName.localeCompare(b.displayName, lang)).filter((m) => holders === undefined || holders.has(m.userId)) : []
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
      {course !== '' && coverage.status === 'ok' ? (
        <p role="status" data-testid="team-coverage-count">
          {t('team.coverage.count', { count: coverage.data.items.length, course: courseName(t, lang, course, courses) })}
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
      <ul className="list" data-testid="team-list">
        {people.map((m) => (
          <li key={m.userId} className="list-item" data-testid="team-member">
            <Member member={m} unit={m.orgUnitId === unit ? undefined : unitName(m.orgUnitId)} courses={courses} today={today} />
            {can(m.profile === null ? 'staff_profile.create' : 'staff_profile.update') || can('certificate.create') ? (
              <div className="actions">
                {can(m.profile === null ? 'staff_profile.create' : 'staff_profile.update') ? (
                  <button type="button" className="button button-secondary" aria-expanded={editing?.userId === m.userId && editing.form === 'profile'} aria-label={t('team.editProfileLabel', { name: m.displayName })} onClick={() => open(editing?.userId === m.userId && editing.form === 'profile' ? undefined : { userId: m.userId, form: 'profile' })}>
                    {t('team.editProfile')}
                  </button>
                ) : null}
                {can('certificate.create') ? (
                  <button type="button" className="button button-secondary" aria-expanded={editing?.userId === m.userId && editing.form === 'certificate'} aria-label={t('team.addCertificateLabel', { name: m.displayName })} onClick={() => open(editing?.userId === m.userId && editing.form === 'certificate' ? undefined : { userId: m.userId, form: 'certificate' })}>
                    {t('team.addCertificate')}
                  </button>
                ) : null}
              </div>
            ) : null}
            {editing?.userId === m.userId && editing.form === 'profile' ? <ProfileEditor member={m} today={today} onCancel={() => setEditing(undefined)} onSaved={() => void saved(t('team.savedProfile', { name: m.displayName }))} /> : null}
            {editing?.userId === m.userId && editing.form === 'certificate' ? (
              <CertificateEditor member={m} courses={courses} today={today} onCancel={() => setEditing(undefined)} onSaved={(c) => void saved(t('team.savedCertificate', { name: m.displayName, course: courseName(t, lang, c, courses) }))} />
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  )
}

/** One person: who, what they do, since when, languages, fitness, and each course's current certificate as a chip. */
function Member({ member, unit, courses, today }: { member: StaffMember; unit: string | undefined; courses: readonly Course[]; today: string }) {
  const { t, lang } = useI18n()
  const p = member.profile
  const languages = useMemo(() => new Intl.DisplayNames([lang], { type: 'language', fallback: 'code' }), [lang])
  const fit = expiryOf(p?.fitUntil, today)
  const certificates = currentCertificates(member.certificates)
  return (
    <>
      <div className="list-item-head">
        <h3 className="list-item-title reg-name">{member.displayName}</h3>
      </div>
      <p className="list-item-meta">{(p ? [t(`staffFunction.${p.function}`), t(`governmentLevel.${p.governmentLevel}`), unit] : [t('team.noProfile'), unit]).filter(Boolean).join(' · ')}</p>
      {p ? (
        <p className="list-item-meta muted">
          {[t('team.since', { date: dayText(lang, p.startDate) }), p.languages.length > 0 ? t('team.languages', { list: new Intl.ListFormat(lang, { type: 'conjunction' }).format(p.languages.map((l) => languages.of(l) ?? l)) }) : ''].filter(Boolean).join(' · ')}
        </p>
      ) : null}
      {p ? (
        <p className="list-item-meta">
          {p.fitUntil === undefined ? (
            <span className="muted">{t('team.fitUnknown')}</span>
          ) : (
            <>
              {t('team.fitUntil', { date: dayText(lang, p.fitUntil) })} {fit.state === 'soon' || fit.state === 'expired' ? <span className={`reg-state reg-state-${fit.state}`}>{expiryText(t, lang, fit)}</span> : null}
            </>
          )}
        </p>
      ) : null}
      {certificates.length === 0 ? (
        <p className="list-item-meta muted">{t('team.noCertificates')}</p>
      ) : (
        <ul className="chips reg-chips" aria-label={t('team.certificates', { name: member.displayName })}>
          {certificates.map((c) => {
            const expiry = expiryOf(c.expiresOn, today)
            return (
              <li key={c.recordId} className={`reg-chip reg-chip-${expiry.state}`} data-testid="team-certificate" data-course={c.course}>
                <span className="reg-chip-course">{courseName(t, lang, c.course, courses)}</span> <span className="reg-chip-state">{expiryText(t, lang, expiry, c.expiresOn)}</span>
              </li>
            )
          })}
        </ul>
      )}
    </>
  )
}
