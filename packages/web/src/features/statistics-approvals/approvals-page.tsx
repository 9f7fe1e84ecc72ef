import { useNavigate, useSearch } from '@tanstack/react-router'
import { useMemo, useState } from 'react'
import type { Items, OrgUnit } from '../../api/types.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { statisticsApprovalsRoute } from '../../router.tsx'
import { ErrorNotice, Loading, Page } from '../../ui/status.tsx'
import { useFetch } from '../../ui/use-fetch.ts'
import { useSession } from '../auth/session.tsx'
import type { PeriodChoice } from '../statistics/period.ts'
import type { OperationItem } from '../statistics/types.ts'
import { periodName } from '../statistics/words.ts'
import { defaultPeriod, defaultProgramme, operationKey, periodOptions, PROGRAMMES, type Approver, type PeriodApprovals, type Programme } from './approvals.ts'
import { NationalApproval, UnitList } from './approval-parts.tsx'
import './approvals.css'

/**
 * Approving the statistics before they are published (`/statistics/approvals`): a programme and
 * a period in the address, each unit's approval with an "Aprobar" button where the account may
 * give it, and the national office's approval, which publishes the open data (or a revision).
 */
export function StatisticsApprovalsPage() {
  const { t } = useI18n()
  const { me } = useSession()
  const search = useSearch({ from: statisticsApprovalsRoute.id })
  const navigate = useNavigate()
  const [today] = useState(() => new Date().toISOString().slice(0, 10))
  const operations = useFetch<{ items: OperationItem[] }>('/api/operations')
  const tree = useFetch<Items<OrgUnit>>('/api/org-units')
  const programme: Programme = search.programme ?? defaultProgramme(me.orgUnit.path)
  const ops = operations.status === 'ok' ? operations.data.items : []
  const options = periodOptions(programme, today, ops)
  const period = search.period !== undefined && options.some((o) => o.key === search.period) ? search.period : defaultPeriod(programme, today, ops)
  const paths = useMemo(() => new Map<string, readonly string[]>(tree.status === 'ok' ? tree.data.items.map((u) => [u.id, u.path]) : []), [tree])
  const go = (next: { programme: Programme; period?: string }) => void navigate({ to: '/statistics/approvals', search: next })
  return (
    <Page title={t('statsApproval.title')} intro={t('statsApproval.intro')} testId="approvals-page">
      {operations.status === 'error' ? <ErrorNotice error={operations.error} onRetry={() => void operations.reload()} /> : null}
      {tree.status === 'error' ? <ErrorNotice error={tree.error} onRetry={() => void tree.reload()} /> : null}
      {operations.status === 'loading' || tree.status === 'loading' ? <Loading /> : null}
      {operations.status === 'ok' && tree.status === 'ok' ? (
        <>
          <div className="card approvals-controls">
            <div className="field">
              <label htmlFor="approvals-programme">{t('statsApproval.programmeLabel')}</label>
              <select id="approvals-programme" value={programme} onChange={(e) => go({ programme: PROGRAMMES.find((p) => p === e.target.value) ?? programme })}>
                {PROGRAMMES.map((p) => (
                  <option key={p} value={p}>
                    {t(`statsApproval.programme.${p}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="approvals-period">{t(`statsApproval.periodLabel.${programme}`)}</label>
              <select id="approvals-period" value={period} onChange={(e) => go({ programme, period: e.target.value })}>
                {options.map((o) => (
                  <option key={o.key} value={o.key}>
                    {o.name}
                  </option>
                ))}
              </select>
            </div>
          </div>
          {period === '' ? <p className="muted">{t('statsApproval.noPeriods')}</p> : <Approvals programme={programme} period={period} operations={ops} paths={paths} />}
        </>
      ) : null}
    </Page>
  )
}

function Approvals({ programme, period, operations, paths }: { programme: Programme; period: string; operations: readonly OperationItem[]; paths: ReadonlyMap<string, readonly string[]> }) {
  const { t, lang } = useI18n()
  const { me } = useSession()
  const state = useFetch<PeriodApprovals>(`/api/statistics/approvals?programme=${programme}&period=${encodeURIComponent(period)}`)
  const actor: Approver = { userId: me.user.id, role: me.user.role, orgUnitId: me.orgUnit.id }
  // The period in words, by the statistics pages' own names: "2026", "Operativo Invierno 2026".
  const operation = operations.find((o) => o.kind !== 'special' && operationKey(o) === period)
  const choice: PeriodChoice = programme === 'beta' ? { kind: 'year', year: Number(period) } : { kind: 'operation', id: operation?.recordId ?? '' }
  const words = { programme: t(`statsApproval.programme.${programme}`), period: periodName(t, lang, choice, operations) }
  if (state.status === 'loading') {
    return <Loading />
  }
  if (state.status === 'error') {
    return <ErrorNotice error={state.error} onRetry={() => void state.reload()} />
  }
  return (
    <>
      {/* Where the publication stands first, then the units it waits for. */}
      <NationalApproval approvals={state.data} actor={actor} paths={paths} words={words} />
      <UnitList approvals={state.data} actor={actor} paths={paths} words={words} />
    </>
  )
}
