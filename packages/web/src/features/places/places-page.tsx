import { lazy, Suspense, useId, useMemo, useState } from 'react'
import type { PlaceState, RecordView } from '../../api/types.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { Badges, ErrorNotice, Loading, MoreButton, Page } from '../../ui/status.tsx'
import { fold } from '../../ui/choices.ts'
import { usePaged } from '../../ui/use-fetch.ts'
import { useUnitNames } from '../org-units/use-unit-names.ts'

const FieldMap = lazy(() => import('../field-map/field-map.tsx'))

const KINDS = ['group_base', 'module', 'observation_point', 'shelter', 'hospital', 'consulate', 'orientation_tower', 'warning_sign', 'other_help_point'] as const satisfies readonly PlaceState['kind'][]

/**
 * Help points, orientation towers and warning signs: reference data every role may read, found
 * by name or kind, each with what a traveller or a colleague needs (phone, hours, address, where
 * it is), and on a map.
 */
export function PlacesPage() {
  const { t } = useI18n()
  const list = usePaged<RecordView<PlaceState>>('/api/records/place?limit=200')
  const unitName = useUnitNames()
  const ids = { search: useId(), kind: useId() }
  const [search, setSearch] = useState('')
  const [kind, setKind] = useState<'' | PlaceState['kind']>('')
  const [showMap, setShowMap] = useState(false)
  const shown = useMemo(() => {
    const words = fold(search).split(/\s+/).filter(Boolean)
    return list.items.filter((p) => (kind === '' || p.state.kind === kind) && words.every((w) => fold(`${p.state.name} ${unitName(p.orgUnitId)}`).includes(w)))
  }, [list.items, search, kind, unitName])
  const points = useMemo(() => shown.map((p) => ({ id: p.recordId, lat: p.state.location.lat, lon: p.state.location.lon, label: p.state.name, kind: 'place' as const })), [shown])

  return (
    <Page title={t('places.title')} intro={t('places.intro')}>
      <form className="form form-row" role="search" onSubmit={(e) => e.preventDefault()}>
        <div>
          <label htmlFor={ids.search}>{t('places.search')}</label>
          <input id={ids.search} type="search" value={search} onChange={(e) => setSearch(e.target.value)} autoComplete="off" />
        </div>
        <div>
          <label htmlFor={ids.kind}>{t('places.kind')}</label>
          <select id={ids.kind} value={kind} onChange={(e) => setKind(KINDS.find((k) => k === e.target.value) ?? '')}>
            <option value="">{t('places.anyKind')}</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`placeKind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="button" className="button button-secondary" aria-expanded={showMap} onClick={() => setShowMap((v) => !v)}>
          {t(showMap ? 'places.hideMap' : 'places.showMap')}
        </button>
      </form>
      {list.status === 'loading' && list.items.length === 0 ? <Loading /> : null}
      {list.status === 'error' ? <ErrorNotice error={list.error} onRetry={list.items.length ? list.loadMore : list.reload} /> : null}
      {list.items.length > 0 ? (
        <p className="muted" role="status" data-testid="places-matching">
          {t('places.matching', { shown: shown.length, total: list.items.length })}
        </p>
      ) : null}
      {showMap ? (
        <Suspense fallback={<Loading />}>
          <FieldMap points={points} label={t('places.mapLabel')} />
        </Suspense>
      ) : null}
      <ul className="list list-grid" data-testid="place-list">
        {shown.map(({ recordId, orgUnitId, state, demo }) => (
          <li key={recordId} className="list-item">
            <div className="list-item-head">
              <span className="list-item-title">{state.name}</span>
              <Badges demo={demo} />
            </div>
            <p className="list-item-meta">
              {t(`placeKind.${state.kind}`)} · {unitName(orgUnitId)}
            </p>
            <p className={`status status-${state.status}`}>{t(`placeStatus.${state.status}`)}</p>
            {state.description ? <p className="list-item-meta">{state.description}</p> : null}
            {state.address ? <p className="list-item-meta">{t('places.address', { address: state.address })}</p> : null}
            {state.hours ? <p className="list-item-meta">{t('places.hours', { hours: state.hours })}</p> : null}
            {state.phone ? (
              <p className="list-item-meta">
                <a href={`tel:${state.phone.replace(/[^\d+]/g, '')}`}>{t('places.phone', { phone: state.phone })}</a>
              </p>
            ) : null}
            <p className="list-item-meta muted">{t('places.position', { lat: state.location.lat.toFixed(4), lon: state.location.lon.toFixed(4) })}</p>
          </li>
        ))}
      </ul>
      {list.items.length > 0 ? <MoreButton shown={list.items.length} hasMore={list.hasMore} loading={list.status === 'loading'} onMore={list.loadMore} /> : null}
    </Page>
  )
}
