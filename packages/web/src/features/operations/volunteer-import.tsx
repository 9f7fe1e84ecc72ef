import { useId, useRef, useState, type ChangeEvent } from 'react'
import { api, ApiError } from '../../api/client.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { uuidv7 } from '../../outbox/uuidv7.ts'
import { ErrorNotice } from '../../ui/status.tsx'
import { useInvalidate } from '../../ui/use-fetch.ts'
import { CodesSheet } from './codes-sheet.tsx'
import type { Operation, VolunteerImport as Imported, VolunteerPreview } from './types.ts'
import { columnText, issueText } from './words.ts'

// The server's body limit leaves room for a season's list; a bigger file is surely not one.
const MAX_CHARS = 1_000_000

/**
 * New volunteers of an operation from a CSV (a file, or its text pasted): first reviewed — which
 * column is read as what, every bad row by line and column — then made all or nothing, each with a
 * one-time activation code shown once, on a sheet to print and hand out.
 */
export function VolunteerImport({ operation }: { operation: Operation }) {
  const { t } = useI18n()
  const invalidate = useInvalidate()
  const fileId = useId()
  const textId = useId()
  const [content, setContent] = useState('')
  const [preview, setPreview] = useState<{ content: string; answer: VolunteerPreview } | undefined>(undefined)
  const [failure, setFailure] = useState<unknown>(undefined)
  const [tooLarge, setTooLarge] = useState(false)
  const [busy, setBusy] = useState<'review' | 'import' | undefined>(undefined)
  const [made, setMade] = useState<Imported | undefined>(undefined)
  // The import sent and not yet confirmed: sent again with the same id while the text is the same.
  const unconfirmed = useRef<{ id: string; content: string } | undefined>(undefined)
  const shown = preview !== undefined && preview.content === content ? preview.answer : undefined
  const ready = shown !== undefined && shown.issueCount === 0 && shown.rows > 0

  const choose = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0]
    setFailure(undefined)
    setTooLarge(file !== undefined && file.size > MAX_CHARS)
    if (file === undefined || file.size > MAX_CHARS) {
      return
    }
    try {
      setContent(await file.text())
    } catch (error) {
      setFailure(error)
    }
  }

  const review = async () => {
    setFailure(undefined)
    setBusy('review')
    try {
      const answer = await api<VolunteerPreview>('/api/volunteers/import/preview', { method: 'POST', body: { operationId: operation.recordId, content } })
      setPreview({ content, answer })
    } catch (error) {
      setPreview(undefined)
      setFailure(error)
    } finally {
      setBusy(undefined)
    }
  }

  const send = async () => {
    setFailure(undefined)
    setBusy('import')
    try {
      const sent = unconfirmed.current?.content === content ? unconfirmed.current : { id: uuidv7(), content }
      unconfirmed.current = sent
      const answer = await api<Imported>('/api/volunteers/import', { method: 'POST', body: { id: sent.id, operationId: operation.recordId, content } })
      unconfirmed.current = undefined
      setMade(answer)
      setContent('')
      setPreview(undefined)
      await invalidate('/api/volunteers')
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        unconfirmed.current = undefined
      }
      setFailure(error)
    } finally {
      setBusy(undefined)
    }
  }

  if (made) {
    return <CodesSheet operation={operation} made={made} onDone={() => setMade(undefined)} />
  }
  return (
    <div className="card ops-import" data-testid="ops-import">
      <h4>{t('ops.import.title')}</h4>
      <p className="field-hint">{t('ops.import.intro')}</p>
      <div className="field">
        <label htmlFor={fileId}>{t('ops.import.file')}</label>
        <input id={fileId} type="file" accept=".csv,text/csv,text/plain" disabled={busy !== undefined} aria-invalid={tooLarge ? true : undefined} aria-describedby={tooLarge ? `${fileId}-error` : undefined} onChange={(e) => void choose(e)} data-testid="ops-import-file" />
        {tooLarge ? (
          <p className="field-error" id={`${fileId}-error`} role="alert">
            {t('ops.import.tooLarge')}
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor={textId}>{t('ops.import.text')}</label>
        <textarea id={textId} className="ops-csv" value={content} onChange={(e) => setContent(e.target.value)} spellCheck={false} aria-describedby={`${textId}-hint`} data-testid="ops-import-text" />
        <p className="field-hint" id={`${textId}-hint`}>
          {t('ops.import.textHint')}
        </p>
      </div>
      {failure ? <ErrorNotice error={failure} /> : null}
      <div className="actions">
        <button type="button" className={ready ? 'button button-secondary' : 'button button-primary'} disabled={busy !== undefined || content.trim() === ''} onClick={() => void review()} data-testid="ops-import-review">
          {busy === 'review' ? t('ops.import.reviewing') : t('ops.import.review')}
        </button>
      </div>
      {shown ? <PreviewCard preview={shown} /> : null}
      {shown ? (
        <div className="actions">
          <button type="button" className="button button-primary" disabled={!ready || busy !== undefined} onClick={() => void send()} data-testid="ops-import-send">
            {busy === 'import' ? t('ops.import.importing') : t('ops.import.send', { count: shown.rows })}
          </button>
          {ready ? null : <p className="field-hint">{t('ops.import.fixFirst')}</p>}
        </div>
      ) : null}
    </div>
  )
}

/** What the server read: how many rows, how each column is read, and every bad row by line and column. */
function PreviewCard({ preview }: { preview: VolunteerPreview }) {
  const { t } = useI18n()
  const id = useId()
  return (
    <section className="ops-preview" aria-labelledby={`${id}-title`} data-testid="ops-import-preview">
      <h5 id={`${id}-title`}>{t('ops.import.previewTitle', { count: preview.rows })}</h5>
      {preview.columns.length > 0 ? (
        <table className="ops-columns" data-testid="ops-import-columns">
          <caption className="visually-hidden">{t('ops.import.columns')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ops.import.columnInFile')}</th>
              <th scope="col">{t('ops.import.readAs')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.columns.map((c) => (
              <tr key={c.name} className={c.field === null ? 'ops-ignored' : undefined}>
                <th scope="row">{c.name}</th>
                <td>{columnText(t, c.field)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {preview.issueCount === 0 ? (
        <p className="notice notice-ok">{t('ops.import.noIssues')}</p>
      ) : (
        <div className="notice notice-error" data-testid="ops-import-issues">
          <p>{t('ops.import.issues', { count: preview.issueCount })}</p>
          <ul>
            {preview.issues.map((issue, i) => (
              <li key={`${issue.line}-${issue.column}-${i}`} data-testid="ops-import-issue">
                {issueText(t, issue)}
              </li>
            ))}
          </ul>
          {preview.issueCount > preview.issues.length ? <p>{t('ops.import.moreIssues', { count: preview.issueCount - preview.issues.length })}</p> : null}
        </div>
      )}
    </section>
  )
}
