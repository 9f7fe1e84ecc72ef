import { useState } from 'react'
import { api } from '../../api/client.ts'
import type { Items } from '../../api/types.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { ErrorNotice, Loading } from '../../ui/status.tsx'
import { useFetch } from '../../ui/use-fetch.ts'
import { useSession } from '../auth/session.tsx'
import { useUnitNames } from '../org-units/use-unit-names.ts'
import type { Operation, Volunteer } from './types.ts'
import { VolunteerImport } from './volunteer-import.tsx'
import { codeText } from './words.ts'

/**
 * An operation's volunteers, folded by site: each with their username, until when their account
 * works and whether they set their password yet; a new one-time code for who lost theirs; and the
 * list of new volunteers brought in from a CSV.
 */
export function VolunteerSection({ operation }: { operation: Operation }) {
  const { t, lang } = useI18n()
  const { can } = useSession()
  const unitName = useUnitNames()
  const volunteers = useFetch<Items<Volunteer>>(`/api/volunteers?operation=${encodeURIComponent(operation.recordId)}`)
  const items = volunteers.status === 'ok' ? volunteers.data.items : []
  const sites = [...new Set(items.map((v) => v.orgUnitId))].sort((a, b) => unitName(a).localeCompare(unitName(b), lang))
  return (
    <section className="ops-section" aria-labelledby="ops-volunteers-title" data-testid="ops-volunteers">
      <h3 id="ops-volunteers-title">{t('ops.volunteers.title')}</h3>
      {volunteers.status === 'loading' ? <Loading /> : null}
      {volunteers.status === 'error' ? <ErrorNotice error={volunteers.error} onRetry={() => void volunteers.reload()} /> : null}
      {volunteers.status === 'ok' ? <p className="muted">{t('ops.volunteers.count', { count: items.length, activated: items.filter((v) => v.activated).length })}</p> : null}
      {sites.map((site) => {
        const shown = items.filter((v) => v.orgUnitId === site).sort((a, b) => (a.displayName ?? '').localeCompare(b.displayName ?? '', lang))
        return (
          <details key={site} className="ops-group" data-testid="ops-volunteer-site" data-unit={site}>
            <summary>
              <span className="ops-group-name">{unitName(site)}</span> <span className="muted">{t('ops.volunteers.siteCount', { count: shown.length })}</span>
            </summary>
            <ul className="ops-rows">
              {shown.map((v) => (
                <VolunteerRow key={v.userId} volunteer={v} canIssue={can('volunteer.update') && operation.status !== 'ended'} />
              ))}
            </ul>
          </details>
        )
      })}
      {can('volunteer.create') && operation.status !== 'ended' ? <VolunteerImport operation={operation} /> : null}
    </section>
  )
}

/** One volunteer; a new code replaces the one they had, and is shown once. */
function VolunteerRow({ volunteer, canIssue }: { volunteer: Volunteer; canIssue: boolean }) {
  const { t, dateTime } = useI18n()
  const [code, setCode] = useState<string | undefined>(undefined)
  const [failure, setFailure] = useState<unknown>(undefined)
  const [busy, setBusy] = useState(false)
  const name = volunteer.displayName ?? t('ops.volunteers.noName')
  const issue = async () => {
    setFailure(undefined)
    setBusy(true)
    try {
      const answer = await api<{ code: string }>(`/api/volunteers/${encodeURIComponent(volunteer.userId)}/code`, { method: 'POST', body: {} })
      setCode(answer.code)
    } catch (error) {
      setFailure(error)
    } finally {
      setBusy(false)
    }
  }
  return (
    <li className="ops-row" data-testid="ops-volunteer" data-username={volunteer.username ?? ''}>
      <span className="ops-row-main">
        <strong>{name}</strong>
        {volunteer.username ? <span className="mono">{volunteer.username}</span> : null}
        {volunteer.accountEndsAt ? <span className="muted">{t('ops.volunteers.endsAt', { when: dateTime(volunteer.accountEndsAt) })}</span> : null}
      </span>
      <span className={volunteer.activated ? 'ops-status ops-status-open' : 'ops-status ops-status-upcoming'}>{volunteer.activated ? t('ops.volunteers.activated') : t('ops.volunteers.notActivated')}</span>
      {canIssue ? (
        <button type="button" className="button button-secondary" disabled={busy} onClick={() => void issue()} aria-label={t('ops.volunteers.newCodeNamed', { name })}>
          {t('ops.volunteers.newCode')}
        </button>
      ) : null}
      {code ? (
        <p className="ops-new-code" role="status" data-testid="ops-new-code">
          {t('ops.volunteers.codeIs')} <strong className="mono">{codeText(code)}</strong> <span className="muted">{t('ops.codes.once')}</span>
        </p>
      ) : null}
      {failure ? <ErrorNotice error={failure} /> : null}
    </li>
  )
}
