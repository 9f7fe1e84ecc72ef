import { useDeferredValue, useState } from 'react'
import type { Items, OrgUnit } from '../../api/types.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { Badges, ErrorNotice, Loading, Page } from '../../ui/status.tsx'
import { fold } from '../../ui/choices.ts'
import { useFetch } from '../../ui/use-fetch.ts'
import { useSession } from '../auth/session.tsx'
import { UnitForm } from './unit-form.tsx'

/** The org tree, root first, indented by depth; a search narrows it by name; who may, adds units. */
export function OrgUnitsPage() {
  const { t } = useI18n()
  const { can } = useSession()
  const units = useFetch<Items<OrgUnit>>('/api/org-units')
  const [created, setCreated] = useState<string | undefined>(undefined)
  const [query, setQuery] = useState('')
  const deferred = useDeferredValue(query)
  const needle = fold(deferred.trim())
  const shown = units.status === 'ok' ? units.data.items.filter((u) => needle === '' || fold(u.name).includes(needle)) : []
  return (
    <Page title={t('units.title')} intro={t('units.intro')}>
      <div className="field field-search">
        <label htmlFor="unit-search">{t('units.search')}</label>
        <input id="unit-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} autoComplete="off" />
      </div>
      {created ? (
        <p className="notice notice-ok" role="status">
          {t('units.createdDone', { name: created })}
        </p>
      ) : null}
      {units.status === 'ok' && can('org_unit.manage') ? (
        <UnitForm
          units={units.data.items}
          onCreated={(unit) => {
            void units.reload().then(() => setCreated(unit.name))
          }}
        />
      ) : null}
      {units.status === 'loading' ? <Loading /> : null}
      {units.status === 'error' ? <ErrorNotice error={units.error} onRetry={units.reload} /> : null}
      {units.status === 'ok' ? (
        <>
          <p className="muted" aria-live="polite">
            {t('units.count', { count: shown.length })}
          </p>
          <ul className="list tree" data-testid="unit-list">
            {shown.map((unit) => (
              <li key={unit.id} className={`list-item depth-${Math.min(unit.path.length - 1, 4)}`}>
                <div className="list-item-head">
                  <span className="list-item-title">{unit.name}</span>
                  <Badges demo={unit.demo} />
                </div>
                <p className="list-item-meta">
                  {t(`orgUnitKind.${unit.kind}`)}
                  {unit.city ? ` · ${unit.city}` : ''}
                  {unit.state && unit.state !== unit.city ? `, ${unit.state}` : ''}
                </p>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Page>
  )
}
