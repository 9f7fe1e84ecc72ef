import { SiteSetting } from '@faro/core'
import { z } from 'zod'
import { useId, useMemo, useState } from 'react'
import { api } from '../../api/client.ts'
import type { Items, OrgUnit } from '../../api/types.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { uuidv7 } from '../../outbox/uuidv7.ts'
import { FormActions, SelectField, showServerErrors, TextField, useSchemaForm } from '../../ui/form.tsx'
import { ErrorNotice, Loading, MoreButton } from '../../ui/status.tsx'
import { useFetch, useInvalidate } from '../../ui/use-fetch.ts'
import { useSession } from '../auth/session.tsx'
import type { Operation, Site } from './types.ts'

const SITE_KINDS = new Set(['module', 'observation_point'])
// A season opens hundreds of sites: a dozen at a time, more on request or by a search.
const PAGE = 12
const SiteForm = z.object({ orgUnitId: z.string().min(1), setting: SiteSetting, hours: z.string().trim().min(1).max(200) })

/**
 * The sites of an operation: each module or observation point with its state and city, where it
 * stands, its hours and whether it is open today, a dozen at a time or found by name, state or
 * city; who may opens one more or closes one early.
 */
export function SiteList({ operation }: { operation: Operation }) {
  const { t, lang } = useI18n()
  const { can } = useSession()
  const invalidate = useInvalidate()
  const path = `/api/sites?operation=${encodeURIComponent(operation.recordId)}`
  const sites = useFetch<Items<Site>>(path)
  const [adding, setAdding] = useState(false)
  const [done, setDone] = useState<string | undefined>(undefined)
  const [failure, setFailure] = useState<unknown>(undefined)
  const [search, setSearch] = useState('')
  // Closing is asked twice: a site closed by mistake stays closed for the rest of the season.
  const [closing, setClosing] = useState<string | undefined>(undefined)
  const [limit, setLimit] = useState(PAGE)
  const searchId = useId()
  const items = sites.status === 'ok' ? [...sites.data.items].sort((a, b) => a.name.localeCompare(b.name, lang)) : []
  const found = search.trim() === '' ? items : items.filter((s) => matches(s, search))
  const close = async (site: Site) => {
    setFailure(undefined)
    setDone(undefined)
    setClosing(undefined)
    try {
      await api(`/api/sites/${encodeURIComponent(site.recordId)}`, { method: 'PATCH', body: { id: uuidv7(), closed: true } })
      await invalidate('/api/sites')
      setDone(t('ops.sites.closedDone', { name: site.name }))
    } catch (error) {
      setFailure(error)
    }
  }
  const opened = async (name: string) => {
    await invalidate('/api/sites')
    setAdding(false)
    setDone(t('ops.sites.openedDone', { name }))
  }
  return (
    <section className="ops-section" aria-labelledby="ops-sites-title" data-testid="ops-sites">
      <h3 id="ops-sites-title">{t('ops.sites.title')}</h3>
      {sites.status === 'loading' ? <Loading /> : null}
      {sites.status === 'error' ? <ErrorNotice error={sites.error} onRetry={() => void sites.reload()} /> : null}
      {sites.status === 'ok' ? <p className="muted">{t('ops.sites.count', { count: items.length, open: items.filter((s) => s.openNow).length })}</p> : null}
      {done ? (
        <p className="notice notice-ok" role="status" data-testid="ops-sites-done">
          {done}
        </p>
      ) : null}
      {failure ? <ErrorNotice error={failure} /> : null}
      {items.length > PAGE ? (
        <div className="field ops-search">
          <label htmlFor={searchId}>{t('ops.sites.search')}</label>
          <input id={searchId} type="search" value={search} onChange={(e) => { setSearch(e.target.value); setLimit(PAGE) }} autoComplete="off" data-testid="ops-site-search" />
        </div>
      ) : null}
      {search.trim() !== '' ? (
        <p className="muted" role="status">
          {t('ops.sites.found', { count: found.length })}
        </p>
      ) : null}
      {found.length > 0 ? (
        <ul className="ops-rows" data-testid="ops-site-list">
          {found.slice(0, limit).map((s) => (
            <li key={s.recordId} className="ops-row" data-testid="ops-site" data-unit={s.orgUnitId}>
              <span className="ops-row-main">
                <strong>{s.name}</strong>
                <span>{[s.city, s.state].filter((x) => x !== null && x !== '').join(', ') || t('ops.sites.noPlace')}</span>
                <span className="muted">
                  {t(`ops.setting.${s.setting}`)} · {s.hours}
                </span>
              </span>
              <span className={s.openNow ? 'ops-status ops-status-open' : 'ops-status ops-status-ended'}>{s.openNow ? t('ops.sites.open') : s.closed ? t('ops.sites.closedEarly') : t('ops.sites.closed')}</span>
              {can('site.update') && s.closed !== true && operation.status !== 'ended' && closing !== s.recordId ? (
                <button type="button" className="button button-secondary" onClick={() => setClosing(s.recordId)} aria-label={t('ops.sites.closeNamed', { name: s.name })}>
                  {t('ops.sites.close')}
                </button>
              ) : null}
              {closing === s.recordId ? (
                <span className="ops-confirm" role="group" aria-label={t('ops.sites.closeNamed', { name: s.name })}>
                  <span>{t('ops.sites.closeAsk')}</span>
                  <button type="button" className="button button-danger" onClick={() => void close(s)} data-testid="ops-site-close-confirm">
                    {t('ops.sites.closeYes')}
                  </button>
                  <button type="button" className="button button-secondary" onClick={() => setClosing(undefined)}>
                    {t('ops.sites.closeNo')}
                  </button>
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {found.length > PAGE ? <MoreButton shown={Math.min(limit, found.length)} hasMore={limit < found.length} loading={false} onMore={() => setLimit(limit + PAGE * 2)} /> : null}
      {can('site.create') && operation.status !== 'ended' && !adding ? (
        <div className="actions">
          <button type="button" className="button button-secondary" onClick={() => { setDone(undefined); setAdding(true) }} data-testid="ops-site-add">
            {t('ops.sites.add')}
          </button>
        </div>
      ) : null}
      {adding ? <OpenSite operation={operation} taken={items.map((s) => s.orgUnitId)} onOpened={(name) => void opened(name)} onCancel={() => setAdding(false)} /> : null}
    </section>
  )
}

/** Opens a module or observation point not yet in the operation, with its setting and hours. */
function OpenSite({ operation, taken, onOpened, onCancel }: { operation: Operation; taken: readonly string[]; onOpened: (name: string) => void; onCancel: () => void }) {
  const { t, lang } = useI18n()
  const form = useSchemaForm(SiteForm, { orgUnitId: '', setting: undefined, hours: '' })
  const [failure, setFailure] = useState<unknown>(undefined)
  const [id] = useState(uuidv7)
  const units = useFetch<Items<OrgUnit>>('/api/org-units')
  const options = useMemo(
    () => (units.status === 'ok' ? units.data.items.filter((u) => SITE_KINDS.has(u.kind) && !taken.includes(u.id)).map((u) => ({ value: u.id, label: `${u.name} (${t(u.kind === 'module' ? 'ops.sites.kindModule' : 'ops.sites.kindPoint')})` })).sort((a, b) => a.label.localeCompare(b.label, lang)) : []),
    [units, taken, t, lang],
  )
  const submit = form.handleSubmit(async (values) => {
    setFailure(undefined)
    try {
      await api('/api/sites', { method: 'POST', body: { id, operationId: operation.recordId, ...values } })
      onOpened(options.find((o) => o.value === values.orgUnitId)?.label ?? '')
    } catch (error) {
      setFailure(showServerErrors(form, error, ['orgUnitId', 'setting', 'hours']))
    }
  })
  return (
    <form className="card ops-form" onSubmit={(e) => void submit(e)} noValidate aria-label={t('ops.sites.addTitle')} data-testid="ops-site-form">
      <SelectField form={form} name="orgUnitId" label={t('ops.field.site')} placeholder={t('ops.field.choose')} options={options} />
      <SelectField form={form} name="setting" label={t('ops.field.setting')} placeholder={t('ops.field.choose')} options={SiteSetting.options.map((s) => ({ value: s, label: t(`ops.setting.${s}`) }))} />
      <TextField form={form} name="hours" label={t('ops.field.hours')} hint={t('ops.field.hoursHint')} autoComplete="off" />
      {failure ? <ErrorNotice error={failure} /> : null}
      <FormActions submit={t('ops.sites.addSubmit')} busy={form.formState.isSubmitting} onCancel={onCancel} />
    </form>
  )
}

/** True when a site's name, state or city holds the words searched, accents and case aside. */
function matches(site: Site, search: string): boolean {
  const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
  const text = fold([site.name, site.state ?? '', site.city ?? ''].join(' '))
  return fold(search).split(/\s+/).filter(Boolean).every((word) => text.includes(word))
}
