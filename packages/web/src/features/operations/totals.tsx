import type { ReactNode } from 'react'
import { useState } from 'react'
import { useI18n } from '../../i18n/i18n.tsx'
import type { MessageKey } from '../../i18n/messages.ts'
import { ErrorNotice, Loading } from '../../ui/status.tsx'
import { useFetch } from '../../ui/use-fetch.ts'
import type { Operation, TallyBy, TallyRow, TallyTotals } from './types.ts'
import { dayText, numberText } from './words.ts'

const BY: readonly TallyBy[] = ['site', 'state', 'day']
const COUNTS = ['guidance', 'guides', 'complaintReferrals', 'helpReferrals', 'otherReferrals'] as const
const COUNT_KEYS: Record<(typeof COUNTS)[number], MessageKey> = {
  guidance: 'ops.totals.guidance',
  guides: 'ops.totals.guides',
  complaintReferrals: 'ops.totals.complaintReferrals',
  helpReferrals: 'ops.totals.helpReferrals',
  otherReferrals: 'ops.totals.otherReferrals',
}

/** What the operation's sites counted, added up by site, state or day, with the total. */
export function TallyTotalsTable({ operation }: { operation: Operation }) {
  const { t, lang } = useI18n()
  const [by, setBy] = useState<TallyBy>('site')
  const totals = useFetch<TallyTotals>(`/api/tallies/totals?operation=${encodeURIComponent(operation.recordId)}&by=${by}`)
  const rowName = (row: TallyRow) => (by === 'site' ? (row.name ?? row.key) : by === 'day' ? dayText(lang, row.key) : row.key === '' ? t('ops.totals.noState') : row.key)
  return (
    <section className="ops-section" aria-labelledby="ops-totals-title" data-testid="ops-totals">
      <h3 id="ops-totals-title">{t('ops.totals.title')}</h3>
      <div className="segmented" role="group" aria-label={t('ops.totals.by')}>
        {BY.map((b) => (
          <button key={b} type="button" aria-pressed={b === by} onClick={() => setBy(b)} data-testid={`ops-totals-by-${b}`}>
            {t(`ops.totals.by.${b}`)}
          </button>
        ))}
      </div>
      {totals.status === 'loading' ? <Loading /> : null}
      {totals.status === 'error' ? <ErrorNotice error={totals.error} onRetry={() => void totals.reload()} /> : null}
      {totals.status === 'ok' && totals.data.rows.length === 0 ? <p className="notice">{t('ops.totals.none')}</p> : null}
      {totals.status === 'ok' && totals.data.rows.length > 0 ? (
        <table className="ops-table" data-testid="ops-totals-table">
          <caption className="visually-hidden">{t('ops.totals.caption', { name: operation.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t(`ops.totals.by.${by}`)}</th>
              {COUNTS.map((k) => (
                <th key={k} scope="col" className="ops-number">
                  {t(COUNT_KEYS[k])}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {totals.data.rows.map((row) => (
              <tr key={row.key} data-testid="ops-totals-row">
                <th scope="row">{rowName(row)}</th>
                {COUNTS.map((k) => (
                  <Cell key={k} label={t(COUNT_KEYS[k])}>
                    {numberText(lang, row[k])}
                  </Cell>
                ))}
              </tr>
            ))}
            <tr className="ops-total" data-testid="ops-totals-total">
              <th scope="row">{t('ops.totals.total')}</th>
              {COUNTS.map((k) => (
                <Cell key={k} label={t(COUNT_KEYS[k])}>
                  {numberText(lang, totals.data.total[k])}
                </Cell>
              ))}
            </tr>
          </tbody>
        </table>
      ) : null}
    </section>
  )
}

/** A figure, with its column's name shown beside it on a phone, where the table becomes cards. */
function Cell({ label, children }: { label: string; children: ReactNode }) {
  return (
    <td className="ops-number">
      <span className="ops-cell-label" aria-hidden="true">
        {label}
      </span>
      {children}
    </td>
  )
}
