import type { FieldCounts, FieldSummary, SummaryPeriod } from '@faro/core'
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react'
import { useI18n } from '../../i18n/i18n.tsx'
import { ErrorNotice, Loading, Page } from '../../ui/status.tsx'
import { useFetch } from '../../ui/use-fetch.ts'
import { useSession } from '../auth/session.tsx'
import type { MapPoint } from '../field-map/field-map.tsx'
import { mapBasemap, type Basemap } from '../field-map/settings.ts'
import { PeriodPicker } from '../field/activity-overview.tsx'
import { PeopleBreakdownView } from '../field/people-breakdown.tsx'
import { DeviceHealthList } from './device-health.tsx'
import { NeedsReview } from './needs-review.tsx'
import { RecentRecords } from './recent-records.tsx'

const FieldMap = lazy(() => import('../field-map/field-map.tsx'))
const REFRESH_MS = 60_000

/**
 * The live view of field work: for a coordinator their group(s), for the national office every
 * group, split by northern and southern border; as figures, a list and a map; with the sync
 * health of the devices when the role may see it.
 */
export function LivePage() {
  const { t } = useI18n()
  const { can } = useSession()
  const [period, setPeriod] = useState<SummaryPeriod>('today')
  const [tick, setTick] = useState(0)
  useEffect(() => {
    const id = setInterval(() => setTick((n) => n + 1), REFRESH_MS)
    return () => clearInterval(id)
  }, [])
  const summary = useFetch<FieldSummary>(`/api/field/summary?period=${period}`)
  const reloadSummary = summary.reload
  useEffect(() => {
    // The query schemas are strict, so freshness comes from refetching, not a cache-busting parameter.
    if (tick > 0) {
      reloadSummary()
    }
  }, [tick, reloadSummary])
  // A cleared flag changes the record lists, so everything refreshes as on the timer.
  const reviewed = useCallback(() => setTick((n) => n + 1), [])
  return (
    <Page title={t('live.title')} intro={t('live.intro')} testId="field-live">
      <NeedsReview refresh={tick} onReviewed={reviewed} />
      <PeriodPicker period={period} onChange={setPeriod} />
      {summary.status === 'loading' ? <Loading /> : null}
      {summary.status === 'error' ? <ErrorNotice error={summary.error} onRetry={summary.reload} /> : null}
      {summary.status === 'ok' ? (
        <>
          <SummaryView summary={summary.data} />
          <RecentRecords since={summary.data.from} refresh={tick} />
        </>
      ) : null}
      {can('device.read') ? <DeviceHealthList refresh={tick} /> : null}
    </Page>
  )
}

function SummaryView({ summary }: { summary: FieldSummary }) {
  const { t } = useI18n()
  const points = useMemo<MapPoint[]>(
    () =>
      summary.points.map((p) => ({
        id: p.recordId,
        lat: p.lat,
        lon: p.lon,
        label: t(`fm.recordType.${p.recordType}`),
        kind: p.recordType,
        priority: p.priority,
      })),
    [summary.points, t],
  )
  return (
    <>
      <Counts counts={summary.total} testId="live-total" />
      <PeopleBreakdownView people={summary.people} total={summary.total.peopleAttended + summary.total.peopleRescued} />
      {summary.byBorder.length > 1 ? (
        <section aria-labelledby="live-borders">
          <h2 id="live-borders">{t('live.byBorder')}</h2>
          {summary.byBorder.map((b) => (
            <div key={b.border} className="card" data-testid={`live-border-${b.border}`}>
              <h3>{t(`live.border.${b.border === 'north' || b.border === 'south' ? b.border : 'other'}`)}</h3>
              <Counts counts={b.counts} />
            </div>
          ))}
        </section>
      ) : null}
      {summary.byGroup.length > 1 ? (
        <section aria-labelledby="live-groups">
          <h2 id="live-groups">{t('live.byGroup')}</h2>
          <ul className="list list-grid">
            {summary.byGroup.map((g) => (
              <li key={g.orgUnitId} className="list-item">
                <div className="list-item-head">
                  <span className="list-item-title">{g.name}</span>
                </div>
                <p className="list-item-meta">
                  {t('live.groupLine', { attentions: g.counts.attentions, people: g.counts.peopleAttended, rescues: g.counts.rescues, patrols: g.counts.patrols })}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <h2>{t('live.map')}</h2>
      <p className="muted small">{t('live.mapNote', { count: points.length })}</p>
      <TileSource />
      <Suspense fallback={<Loading />}>
        <FieldMap points={points} label={t('live.map')} />
      </Suspense>
    </>
  )
}

function Counts({ counts, testId }: { counts: FieldCounts; testId?: string }) {
  const { t } = useI18n()
  const items: [string, number][] = [
    [t('live.count.attentions'), counts.attentions],
    [t('live.count.peopleAttended'), counts.peopleAttended],
    [t('live.count.rescues'), counts.rescues],
    [t('live.count.peopleRescued'), counts.peopleRescued],
    [t('live.count.patrols'), counts.patrols],
    [t('live.count.remains'), counts.remains],
  ]
  return (
    <dl className="stats" data-testid={testId}>
      {items.map(([label, value]) => (
        <div key={label} className="stat">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  )
}

/**
 * Which base map is in use, in the catalogue's words: it is chosen on the server, not on the
 * device, and the caption never shows a setting's name or a path, only whose map it is.
 */
function TileSource() {
  const { t } = useI18n()
  const [basemap, setBasemap] = useState<Basemap | null | undefined>(undefined)
  useEffect(() => {
    let live = true
    void mapBasemap().then((b) => {
      if (live) {
        setBasemap(b)
      }
    })
    return () => {
      live = false
    }
  }, [])
  if (basemap === undefined) {
    return null
  }
  return (
    <p className="muted small" data-testid="live-tiles">
      {basemapCaption(basemap, t)}
    </p>
  )
}

function basemapCaption(basemap: Basemap | null, t: ReturnType<typeof useI18n>['t']): string {
  if (basemap === null) {
    return t('live.tiles.none')
  }
  if (basemap.kind === 'pmtiles') {
    return t('live.tiles.pmtiles')
  }
  if (basemap.url.startsWith('/')) {
    return t('live.tiles.self')
  }
  try {
    return t('live.tiles.server', { origin: new URL(basemap.url).host })
  } catch {
    return t('live.tiles.none')
  }
}
