import type { PlaceState, RecordView } from '../../api/types.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { Badges, ErrorNotice, Loading, MoreButton, Page } from '../../ui/status.tsx'
import { usePaged } from '../../ui/use-fetch.ts'
import { useUnitNames } from '../org-units/use-unit-names.ts'

/** Help points, orientation towers and warning signs: reference data every role may read. */
export function PlacesPage() {
  const { t } = useI18n()
  const list = usePaged<RecordView<PlaceState>>('/api/records/place?limit=50')
  const unitName = useUnitNames()
  return (
    <Page title={t('places.title')} intro={t('places.intro')}>
      {list.status === 'loading' && list.items.length === 0 ? <Loading /> : null}
      {list.status === 'error' ? <ErrorNotice error={list.error} onRetry={list.items.length ? list.loadMore : list.reload} /> : null}
      <ul className="list list-grid" data-testid="place-list">
        {list.items.map(({ recordId, orgUnitId, state, demo }) => (
            <li key={recordId} className="list-item">
              <div className="list-item-head">
                <span className="list-item-title">{state.name}</span>
                <Badges demo={demo} />
              </div>
              <p className="list-item-meta">
                {t(`placeKind.${state.kind}`)} · {unitName(orgUnitId)}
              </p>
              <p className={`status status-${state.status}`}>{t(`placeStatus.${state.status}`)}</p>
            </li>
        ))}
      </ul>
      {list.items.length > 0 ? <MoreButton shown={list.items.length} hasMore={list.hasMore} loading={list.status === 'loading'} onMore={list.loadMore} /> : null}
    </Page>
  )
}
