import type { ImportIssue, ImportPreview } from '@faro/core'
import { useEffect, useId, useRef } from 'react'
import { useI18n } from '../../i18n/i18n.tsx'
import { fieldKey, type ListFormat } from './import-request.ts'

/**
 * What the server read in the list, before anything is stored: how many rows, what each column is
 * read as, the first rows as they are in the file, and every problem by line and column. Focus
 * moves to its heading when it appears, so a screen reader starts reading it there.
 */
export function ImportPreviewCard({ preview, format }: { preview: ImportPreview; format: ListFormat }) {
  const { t } = useI18n()
  const heading = useFocusOnShow<HTMLHeadingElement>()
  const columnsId = useId()
  const sampleId = useId()
  const shownColumns = preview.columns.map((c) => c.name)
  return (
    <section className="card regimp-preview" aria-labelledby={`${columnsId}-title`} data-testid="regimp-preview">
      <h2 id={`${columnsId}-title`} ref={heading} tabIndex={-1}>
        {t('regimp.previewTitle')}
      </h2>
      <p className="regimp-rows" data-testid="regimp-rows">
        {t(format === 'csv' ? 'regimp.rows' : 'regimp.rowsJsonl', { count: preview.rows })}
      </p>

      {preview.columns.length > 0 ? (
        <>
          <h3 id={columnsId}>{t('regimp.columns')}</h3>
          <p className="field-hint">{t('regimp.columnsHint')}</p>
          <table className="regimp-table regimp-columns" aria-labelledby={columnsId} data-testid="regimp-columns">
            <thead>
              <tr>
                <th scope="col">{t('regimp.column')}</th>
                <th scope="col">{t('regimp.readAs')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.columns.map((c) => (
                <tr key={c.name} className={c.field === null ? 'regimp-ignored' : undefined} data-testid="regimp-column">
                  <th scope="row">{c.name}</th>
                  <td>{t(fieldKey(c.field))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}

      {preview.sample.length > 0 ? (
        <>
          <h3 id={sampleId}>{t('regimp.sample')}</h3>
          <p className="field-hint">{t('regimp.sampleHint')}</p>
          {/* A list may have many columns: the table scrolls inside its box, never the page. */}
          <div className="regimp-scroll" role="region" aria-labelledby={sampleId} tabIndex={0}>
            <table className="regimp-table regimp-sample" data-testid="regimp-sample">
              <thead>
                <tr>
                  <th scope="col">{t('regimp.line')}</th>
                  {shownColumns.map((name) => (
                    <th scope="col" key={name}>
                      {name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {preview.sample.map((row) => (
                  <tr key={row.line}>
                    <th scope="row" className="regimp-line">
                      {row.line}
                    </th>
                    {shownColumns.map((name) => (
                      <td key={name}>{row.values[name] ?? ''}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}

      {preview.issueCount > 0 ? <ImportProblems issues={preview.issues} total={preview.issueCount} /> : <p className="notice notice-ok">{t('regimp.noProblems')}</p>}
    </section>
  )
}

/** The problems of a list, each by its line and the column as the file names it. */
export function ImportProblems({ issues, total, intro }: { issues: readonly ImportIssue[]; total: number; intro?: string }) {
  const { t } = useI18n()
  const id = useId()
  const more = total - issues.length
  return (
    <div className="regimp-problems" data-testid="regimp-problems">
      <h3 id={id}>{t('regimp.problems', { count: total })}</h3>
      <p className="field-hint">{intro ?? t('regimp.problemsHint')}</p>
      <ul aria-labelledby={id}>
        {issues.map((issue, index) => (
          <li key={`${issue.line}-${issue.column}-${index}`} data-testid="regimp-problem" data-line={issue.line}>
            <span className="regimp-where">{issue.column === '' ? t('regimp.whereLine', { line: String(issue.line) }) : t('regimp.where', { line: String(issue.line), column: issue.column })}:</span> {issue.message}
          </li>
        ))}
      </ul>
      {more > 0 ? (
        <p className="regimp-more" data-testid="regimp-more">
          {t('regimp.more', { count: more })}
        </p>
      ) : null}
    </div>
  )
}

/** A ref whose element takes the focus once, when it first appears. */
export function useFocusOnShow<E extends HTMLElement>() {
  const ref = useRef<E>(null)
  useEffect(() => {
    ref.current?.focus()
  }, [])
  return ref
}
