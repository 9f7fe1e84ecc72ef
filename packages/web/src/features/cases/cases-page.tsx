import { useMemo, useState } from 'react'
import { useI18n } from '../../i18n/i18n.tsx'
import { Link } from '../../ui/router.tsx'
import { ErrorNotice, Loading, MoreButton, Page } from '../../ui/status.tsx'
import { usePaged } from '../../ui/use-fetch.ts'
import { useSession } from '../auth/session.tsx'
import { CaseCard } from './case-card.tsx'
import { queueOrder } from './due.ts'
import type { CaseItem } from './types.ts'
import './cases.css'

const PAGE = 100

/**
 * The cases the account may read, as a queue: late ones first, then by the next deadline. An
 * agency's liaison sees only what was routed to the agency (the server decides). Open cases by
 * default; all of them on request.
 */
export function CasesPage() {
  const { t } = useI18n()
  const { me, can } = useSession()
  const [open, setOpen] = useState(true)
  const [folio, setFolio] = useState('')
  const list = usePaged<CaseItem>(`/api/cases?${open ? 'open=true&' : ''}limit=${PAGE}`)
  const now = new Date()
  const wanted = squeeze(folio)
  const items = useMemo(() => queueOrder(list.items).filter((c) => wanted === '' || squeeze(c.state.folio).includes(wanted)), [list.items, wanted])
  const liaison = me.user.role === 'agency_liaison'
  return (
    <Page title={liaison ? t('case.queue.titleLiaison') : t('case.queue.title')} intro={liaison ? t('case.queue.introLiaison', { unit: me.orgUnit.name }) : t('case.queue.intro')} testId="cases-page">
      {can('case.create') ? (
        <p>
          <Link to="intake" className="button button-primary">
            {t('case.intake.open')}
          </Link>
        </p>
      ) : null}
      <div className="case-filters">
        <div className="segmented" role="group" aria-label={t('case.queue.show')}>
          <button type="button" aria-pressed={open} onClick={() => setOpen(true)}>
            {t('case.queue.open')}
          </button>
          <button type="button" aria-pressed={!open} onClick={() => setOpen(false)}>
            {t('case.queue.all')}
          </button>
        </div>
        <div className="field field-search">
          <label htmlFor="case-folio-filter">{t('case.queue.findFolio')}</label>
          <input id="case-folio-filter" type="search" value={folio} onChange={(e) => setFolio(e.target.value)} autoComplete="off" spellCheck={false} placeholder="PA-26-…" />
        </div>
      </div>
      {list.status === 'error' ? <ErrorNotice error={list.error} onRetry={list.reload} /> : null}
      {list.status === 'ok' && items.length === 0 ? <p className="notice">{wanted ? t('case.queue.noMatch') : open ? t('case.queue.emptyOpen') : t('case.queue.empty')}</p> : null}
      <ul className="list list-grid" data-testid="case-list" aria-label={t('case.queue.list')}>
        {items.map((item) => (
          <CaseCard key={item.recordId} item={item} now={now} />
        ))}
      </ul>
      {list.status === 'loading' ? <Loading /> : null}
      {list.items.length > 0 ? <MoreButton shown={items.length} hasMore={list.hasMore} loading={list.status === 'loading'} onMore={list.loadMore} /> : null}
    </Page>
  )
}

/** A folio as typed, for matching: capitals, no spaces or hyphens. */
function squeeze(text: string): string {
  return text.toUpperCase().replace(/[\s\-–—_.]/g, '')
}
