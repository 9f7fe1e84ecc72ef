import { lazy, Suspense, useEffect, useId, useMemo, useRef, useState } from 'react'
import type { PlaceState, RecordView } from '../../api/types.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { Link } from '../../ui/router.tsx'
import { Badges, ErrorNotice, Loading, MoreButton, Page } from '../../ui/status.tsx'
import { fold } from '../../ui/choices.ts'
import { useInvalidate, usePaged } from '../../ui/use-fetch.ts'
import { useSession } from '../auth/session.tsx'
import { useUnitNames } from '../org-units/use-unit-names.ts'
import type { PlaceSaved } from './place-form.tsx'

const FieldMap = lazy(() => import('../field-map/field-map.tsx'))
// The forms bring the core schemas (and zod) with them: loaded only when one is opened.
const CreatePlaceForm = lazy(() => import('./place-form.tsx').then((m) => ({ default: m.CreatePlaceForm })))
const EditPlaceForm = lazy(() => import('./place-form.tsx').then((m) => ({ default: m.EditPlaceForm })))

const KINDS = ['group_base', 'module', 'observation_point', 'shelter', 'hospital', 'consulate', 'orientation_tower', 'warning_sign', 'other_help_point'] as const satisfies readonly PlaceState['kind'][]

/**
 * Help points, orientation towers and warning signs: reference data every role may read, found
 * by name or kind, each with what a traveller or a colleague needs (phone, hours, address, where
 * it is), and on a map. Who may register places adds them here, and who may change them edits
 * each from its card; which places an account may change is the server's decision.
 */
export function PlacesPage() {
  const { t } = useI18n()
  const { can } = useSession()
  const invalidate = useInvalidate()
  const list = usePaged<RecordView<PlaceState>>('/api/records/place?limit=200')
  const unitName = useUnitNames()
  const ids = { search: useId(), kind: useId() }
  const [search, setSearch] = useState('')
  const [kind, setKind] = useState<'' | PlaceState['kind']>('')
  const [showMap, setShowMap] = useState(false)
  const [form, setForm] = useState<'create' | { edit: string } | undefined>(undefined)
  const [done, setDone] = useState<PlaceSaved | undefined>(undefined)
  const open = (next: typeof form) => {
    setDone(undefined)
    setForm(next)
  }
  // The confirmation shows once the list has the change, so what it says is already on screen.
  const saved = async (result: PlaceSaved) => {
    await invalidate('/api/records/place')
    setForm(undefined)
    setDone(result)
  }
  const shown = useMemo(() => {
    const words = fold(search).split(/\s+/).filter(Boolean)
    return list.items.filter((p) => (kind === '' || p.state.kind === kind) && words.every((w) => fold(`${p.state.name} ${unitName(p.orgUnitId)}`).includes(w)))
  }, [list.items, search, kind, unitName])
  const points = useMemo(() => shown.map((p) => ({ id: p.recordId, lat: p.state.location.lat, lon: p.state.location.lon, label: p.state.name, kind: 'place' as const })), [shown])

  return (
    <Page title={t('places.title')} intro={t('places.intro')}>
      {can('place.create') ? (
        <p>
          <button type="button" className="button button-primary" aria-expanded={form === 'create'} onClick={() => open(form === 'create' ? undefined : 'create')}>
            {t('places.new')}
          </button>
        </p>
      ) : null}
      {done ? <Done saved={done} /> : null}
      {form === 'create' ? (
        <Suspense fallback={<Loading />}>
          <CreatePlaceForm onSaved={saved} onCancel={() => setForm(undefined)} />
        </Suspense>
      ) : null}
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
        {shown.map((place) => {
          const { recordId, orgUnitId, state, demo } = place
          const editing = typeof form === 'object' && form.edit === recordId
          return (
            <li key={recordId} className="list-item">
              <div className="list-item-head">
                <Link to={`records/place/${encodeURIComponent(recordId)}`} className="list-item-title list-item-link">
                  {state.name}
                </Link>
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
              {editing ? (
                <Suspense fallback={<Loading />}>
                  <EditPlaceForm place={place} onSaved={saved} onCancel={() => setForm(undefined)} />
                </Suspense>
              ) : can('place.update') ? (
                <div className="actions">
                  <button type="button" className="button button-secondary" aria-label={t('places.editLabel', { name: state.name })} onClick={() => open({ edit: recordId })}>
                    {t('places.edit')}
                  </button>
                </div>
              ) : null}
            </li>
          )
        })}
      </ul>
      {list.items.length > 0 ? <MoreButton shown={list.items.length} hasMore={list.hasMore} loading={list.status === 'loading'} onMore={list.loadMore} /> : null}
    </Page>
  )
}

/** The confirmation of a save, with the way to the place's record; focused, as the form it replaces was. */
function Done({ saved }: { saved: PlaceSaved }) {
  const { t } = useI18n()
  const notice = useRef<HTMLDivElement>(null)
  useEffect(() => {
    notice.current?.focus()
  }, [saved])
  return (
    <div className="notice notice-ok" role="status" tabIndex={-1} ref={notice} data-testid="place-saved">
      <p>{saved.message}</p>
      <p>
        <Link to={`records/place/${encodeURIComponent(saved.recordId)}`}>{t('record.open')}</Link>
      </p>
    </div>
  )
}
