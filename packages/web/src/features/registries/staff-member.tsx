import { useMemo } from 'react'
import { useI18n } from '../../i18n/i18n.tsx'
import { useSession } from '../auth/session.tsx'
import { courseName, currentCertificates, dayText, expiryOf, expiryText } from './registry-words.ts'
import { CertificateEditor, ProfileEditor } from './staff-forms.tsx'
import type { Course, StaffMember } from './types.ts'

export type Editing = { userId: string; form: 'profile' | 'certificate' } | undefined

interface RowProps {
  member: StaffMember
  /** The person's group, when the list shows several. */
  unit: string | undefined
  courses: readonly Course[]
  today: string
  /** The form open on this person, if any. */
  editing: 'profile' | 'certificate' | undefined
  open(next: Editing): void
  saved(text: string): void
}

/** A person of the list with, for a coordinator, the buttons and forms to correct their profile and record a certificate. */
export function MemberRow({ member: m, unit, courses, today, editing, open, saved }: RowProps) {
  const { t, lang } = useI18n()
  const { can } = useSession()
  const mayProfile = can(m.profile === null ? 'staff_profile.create' : 'staff_profile.update')
  const mayCertify = can('certificate.create')
  return (
    <li className="list-item" data-testid="team-member">
      <Member member={m} unit={unit} courses={courses} today={today} />
      {mayProfile || mayCertify ? (
        <div className="actions reg-actions">
          {mayProfile ? (
            <button type="button" className="button button-secondary" aria-expanded={editing === 'profile'} aria-label={t('team.editProfileLabel', { name: m.displayName })} onClick={() => open(editing === 'profile' ? undefined : { userId: m.userId, form: 'profile' })}>
              {t('team.editProfile')}
            </button>
          ) : null}
          {mayCertify ? (
            <button type="button" className="button button-secondary" aria-expanded={editing === 'certificate'} aria-label={t('team.addCertificateLabel', { name: m.displayName })} onClick={() => open(editing === 'certificate' ? undefined : { userId: m.userId, form: 'certificate' })}>
              {t('team.addCertificate')}
            </button>
          ) : null}
        </div>
      ) : null}
      {editing === 'profile' ? <ProfileEditor member={m} today={today} onCancel={() => open(undefined)} onSaved={() => saved(t('team.savedProfile', { name: m.displayName }))} /> : null}
      {editing === 'certificate' ? <CertificateEditor member={m} courses={courses} today={today} onCancel={() => open(undefined)} onSaved={(c) => saved(t('team.savedCertificate', { name: m.displayName, course: courseName(t, lang, c, courses) }))} /> : null}
    </li>
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
