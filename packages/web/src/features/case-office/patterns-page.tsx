import type { Cluster } from '@faro/core'
import { useId, useState } from 'react'
import { api } from '../../api/client.ts'
import type { Items } from '../../api/types.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { useGo } from '../../ui/router.tsx'
import { ErrorNotice, Loading, Page } from '../../ui/status.tsx'
import { useFetch } from '../../ui/use-fetch.ts'
import type { CaseList } from '../cases/types.ts'
import { useUnitNames } from '../org-units/use-unit-names.ts'
import { clusterLead, groupClusters, type ClusterGroup, type ClusterLead } from './clusters.ts'
import { periodQuery } from './period.ts'
import { PeriodPicker, usePeriod } from './period-picker.tsx'
import './case-office.css'

/** How many complaints make a cluster, as the national office may ask (the API takes 2 to 100). */
const MIN_SIZES = [2, 3, 4, 5, 10] as const
// A cluster at a busy checkpoint can hold dozens of folios: the first ones, the rest on request.
const FIRST_FOLIOS = 12

/**
 * Complaints of a period that point the same way (one place, badge or plate, from several
 * people), for the national office: each cluster in words, its complaints opened by folio.
 */
export function CasePatternsPage() {
  const { t } = useI18n()
  const { choice, setChoice, period, today } = usePeriod()
  const [min, setMin] = useState<number>(3)
  const answer = useFetch<Items<Cluster>>(period ? `/api/cases/patterns?${periodQuery(period)}&min=${min}` : null)
  const groups = answer.status === 'ok' ? groupClusters(answer.data.items) : []
  return (
    <Page title={t('case.patterns.title')} intro={t('case.patterns.intro')} testId="case-patterns-page">
      <div className="card office-filters">
        <PeriodPicker choice={choice} onChange={setChoice} period={period} today={today} />
        <div className="field field-short">
          <label htmlFor="patterns-min">{t('case.patterns.min')}</label>
          <select id="patterns-min" value={min} onChange={(e) => setMin(Number(e.target.value))}>
            {MIN_SIZES.map((n) => (
              <option key={n} value={n}>
                {t('case.patterns.minOption', { count: n })}
              </option>
            ))}
          </select>
        </div>
      </div>
      {period && answer.status === 'loading' ? <Loading /> : null}
      {answer.status === 'error' ? <ErrorNotice error={answer.error} onRetry={() => void answer.reload()} /> : null}
      {answer.status === 'ok' ? (
        <section aria-labelledby="patterns-found">
          <h2 id="patterns-found" className="list-heading">
            {t('case.patterns.found', { count: groups.length })}
          </h2>
          {groups.length === 0 ? <p className="notice">{t('case.patterns.none')}</p> : null}
          <ul className="list" data-testid="cluster-list">
            {groups.map((group) => (
              <ClusterCard key={group.folios.join(' ')} group={group} />
            ))}
          </ul>
        </section>
      ) : null}
    </Page>
  )
}

function ClusterCard({ group }: { group: ClusterGroup }) {
  const { t, lang } = useI18n()
  const unitName = useUnitNames()
  const headingId = useId()
  const go = useGo()
  const [opening, setOpening] = useState<string | undefined>(undefined)
  const [missing, setMissing] = useState<string | undefined>(undefined)
  const [failure, setFailure] = useState<unknown>(undefined)
  const [allFolios, setAllFolios] = useState(false)
  const folios = allFolios ? group.folios : group.folios.slice(0, FIRST_FOLIOS)
  const list = new Intl.ListFormat(lang, { type: 'conjunction' })
  const day = new Intl.DateTimeFormat(lang === 'es' ? 'es-MX' : 'en-US', { dateStyle: 'medium', timeZone: 'America/Mexico_City' })
  const lead = clusterLead(group)
  const headline = clusterHeadline(t, lead, group, list)
  const details = [
    lead !== 'badge' && group.badges.length > 0 ? t('case.patterns.badges', { badges: list.format(group.badges) }) : '',
    lead !== 'plate' && group.plates.length > 0 ? t('case.patterns.plates', { plates: list.format(group.plates) }) : '',
    group.agencyId === null ? '' : t('case.patterns.agency', { agency: unitName(group.agencyId) }),
    t('case.patterns.between', { from: day.format(new Date(group.from)), to: day.format(new Date(group.to)) }),
  ].filter((d) => d !== '')
  const open = async (folio: string) => {
    setOpening(folio)
    setMissing(undefined)
    setFailure(undefined)
    try {
      const found = await api<CaseList>(`/api/cases?folio=${encodeURIComponent(folio)}`)
      const recordId = found.items[0]?.recordId
      if (recordId === undefined) {
        setMissing(folio)
        return
      }
      go(`cases/${encodeURIComponent(recordId)}`)
    } catch (error) {
      setFailure(error)
    } finally {
      setOpening(undefined)
    }
  }
  return (
    <li className="list-item office-cluster" data-testid="cluster">
      <h3 id={headingId} className="office-cluster-title">
        {headline}
      </h3>
      <p className="list-item-meta">{details.join(' · ')}</p>
      <p className="office-folios-label muted">{t('case.patterns.folios')}</p>
      <ul className="office-folios">
        {folios.map((folio) => (
          <li key={folio}>
            <button type="button" className="office-folio" onClick={() => void open(folio)} disabled={opening !== undefined} aria-describedby={headingId}>
              {folio}
            </button>
          </li>
        ))}
        {folios.length < group.folios.length ? (
          <li>
            <button type="button" className="button button-ghost office-more" onClick={() => setAllFolios(true)}>
              {t('case.patterns.moreFolios', { count: group.folios.length - folios.length })}
            </button>
          </li>
        ) : null}
      </ul>
      {missing ? (
        <p className="notice notice-warning" role="status">
          {t('case.patterns.folioNotFound', { folio: missing })}
        </p>
      ) : null}
      {failure ? <ErrorNotice error={failure} /> : null}
    </li>
  )
}

/** The headline of a cluster: «7 quejas en México 57, km 25», «4 quejas con el gafete INM-0417». */
function clusterHeadline(t: ReturnType<typeof useI18n>['t'], lead: ClusterLead, group: ClusterGroup, list: Intl.ListFormat): string {
  switch (lead) {
    case 'place':
      return t('case.patterns.atPlace', { count: group.count, place: group.place ?? '' })
    case 'badge':
      return t('case.patterns.withBadge', { count: group.count, badges: list.format(group.badges) })
    case 'plate':
      return t('case.patterns.withPlate', { count: group.count, plates: list.format(group.plates) })
  }
}
