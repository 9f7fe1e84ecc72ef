import type { ImportInput, ImportIssue, ImportPreview, ImportResult, ImportSource } from '@faro/core'
import { useId, useRef, useState, type ChangeEvent } from 'react'
import { api } from '../../api/client.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { uuidv7 } from '../../outbox/uuidv7.ts'
import { DateField } from '../../ui/choice-fields.tsx'
import { SelectField, showServerErrors, TextField, useSchemaForm } from '../../ui/form.tsx'
import { ErrorNotice, Page } from '../../ui/status.tsx'
import { localDay } from '../tracing/request-values.ts'
import { FileProblemText, ImportDone, Refused, type Done } from './import-notices.tsx'
import { ImportPreviewCard } from './import-preview.tsx'
import { ACCEPTED_FILES, checkFile, formatOf, ImportForm, importFor, importSource, isTooLarge, LIST_KINDS, MAX_BODY_BYTES, refusedRows, sameSource, type FileProblem } from './import-request.ts'
import '../cases/cases.css'
import './registry-import.css'

/**
 * A partner's list (a hospital's admissions, a shelter's register, a forensic service's list)
 * brought into the registry the search for missing migrants looks in: first reviewed, with how
 * each column is read and every bad row by line and column, then imported whole or not at all.
 * The file is read in the browser and sent in the request's body; nothing of it goes in the URL.
 */
export function RegistryImportPage() {
  const { t } = useI18n()
  const [done, setDone] = useState<Done | undefined>(undefined)
  const [round, setRound] = useState(0)
  return (
    <Page title={t('regimp.title')} intro={done ? undefined : t('regimp.intro')} testId="registry-import-page">
      {done ? (
        <ImportDone
          done={done}
          onNext={() => {
            setDone(undefined)
            setRound((r) => r + 1)
          }}
        />
      ) : (
        <ImportFormCard key={round} onDone={setDone} />
      )}
    </Page>
  )
}

/** A review shown for one file and the fields it was asked with. */
interface Reviewed {
  file: File
  request: ImportSource
  preview: ImportPreview
}

const FORM_FIELDS = ['source', 'kind', 'eventDate'] as const

function ImportFormCard({ onDone }: { onDone: (done: Done) => void }) {
  const { t } = useI18n()
  const form = useSchemaForm(ImportForm, { source: '', kind: '', eventDate: '' })
  const fileId = useId()
  const fileInput = useRef<HTMLInputElement>(null)
  const [picked, setPicked] = useState<File | undefined>(undefined)
  const [fileProblem, setFileProblem] = useState<FileProblem | undefined>(undefined)
  const [reviewed, setReviewed] = useState<Reviewed | undefined>(undefined)
  const [refused, setRefused] = useState<ImportIssue[] | undefined>(undefined)
  const [failure, setFailure] = useState<unknown>(undefined)
  const [busy, setBusy] = useState<'review' | 'import' | undefined>(undefined)
  // The import sent and not yet confirmed: sent again as it was, id included, while nothing changes.
  const unconfirmed = useRef<ImportInput | undefined>(undefined)
  const values = form.watch()
  // A review holds while the same file is chosen and the fields say the same; any change asks for a new one.
  const shown = reviewed !== undefined && reviewed.file === picked && sameSource(reviewed.request, importSource(values, { name: reviewed.file.name, format: reviewed.request.format, content: reviewed.request.content })) ? reviewed : undefined

  const choose = (e: ChangeEvent<HTMLInputElement>) => {
    const chosen = e.target.files?.[0]
    setRefused(undefined)
    setFailure(undefined)
    setPicked(chosen)
    // Too large is known from the size alone, without reading the file.
    setFileProblem(chosen !== undefined && chosen.size > MAX_BODY_BYTES ? 'too_large' : undefined)
  }

  // Read at each review, so a file corrected and saved again is reviewed as it is now.
  const review = form.handleSubmit(async (fields) => {
    setFailure(undefined)
    setRefused(undefined)
    if (picked === undefined) {
      setFileProblem('missing')
      fileInput.current?.focus()
      return
    }
    setBusy('review')
    try {
      const text = await readText(picked)
      const checked = text === undefined ? 'unreadable' : checkFile(picked.name, text)
      if (typeof checked === 'string') {
        setFileProblem(checked)
        setReviewed(undefined)
        return
      }
      setFileProblem(undefined)
      const request = importSource(fields, checked)
      const preview = await api<ImportPreview>('/api/tracing/imports/preview', { method: 'POST', body: request })
      setReviewed({ file: picked, request, preview })
    } catch (error) {
      setReviewed(undefined)
      fail(error)
    } finally {
      setBusy(undefined)
    }
  })

  const send = async () => {
    if (shown === undefined) {
      return
    }
    setFailure(undefined)
    setBusy('import')
    try {
      const input = importFor(unconfirmed.current, shown.request, () => uuidv7())
      unconfirmed.current = input
      const result = await api<ImportResult>('/api/tracing/imports', { method: 'POST', body: input })
      unconfirmed.current = undefined
      onDone({ result, source: input.source })
    } catch (error) {
      const rows = refusedRows(error)
      if (rows !== undefined) {
        setReviewed(undefined)
        setRefused(rows)
        return
      }
      fail(error)
    } finally {
      setBusy(undefined)
    }
  }

  function fail(error: unknown) {
    if (isTooLarge(error)) {
      setFileProblem('too_large')
      return
    }
    setFailure(showServerErrors(form, error, FORM_FIELDS))
  }

  const ready = shown !== undefined && shown.preview.issueCount === 0 && shown.preview.rows > 0
  const hintId = `${fileId}-hint`
  const problemId = `${fileId}-problem`
  return (
    <>
      <form className="card intake-form regimp-form" onSubmit={(e) => void review(e)} noValidate aria-label={t('regimp.title')} data-testid="regimp-form">
        <TextField form={form} name="source" label={t('regimp.source')} hint={t('regimp.sourceHint')} autoComplete="off" />
        <div className="field-pair">
          <SelectField form={form} name="kind" label={t('regimp.kind')} placeholder={t('regimp.kindNone')} options={LIST_KINDS.map((k) => ({ value: k, label: t(`regimp.kind.${k}`) }))} />
          <DateField form={form} name="eventDate" label={t('regimp.eventDate')} max={localDay(new Date())} />
        </div>
        <p className="field-hint regimp-fields-hint">{t('regimp.fieldsHint')}</p>
        <div className="field regimp-file">
          <label htmlFor={fileId}>{t('regimp.file')}</label>
          <input
            id={fileId}
            ref={fileInput}
            type="file"
            accept={ACCEPTED_FILES}
            disabled={busy !== undefined}
            aria-invalid={fileProblem ? true : undefined}
            aria-describedby={[hintId, fileProblem ? problemId : ''].filter(Boolean).join(' ')}
            onChange={choose}
            data-testid="regimp-file"
          />
          <p className="field-hint" id={hintId}>
            {picked !== undefined && fileProblem === undefined ? t('regimp.fileChosen', { name: picked.name, format: formatOf(picked.name) }) : t('regimp.fileHint')}
          </p>
          {fileProblem ? <FileProblemText id={problemId} problem={fileProblem} /> : null}
        </div>
        {failure ? <ErrorNotice error={failure} /> : null}
        <div className="actions">
          <button type="submit" className={ready ? 'button button-secondary' : 'button button-primary'} disabled={busy !== undefined} data-testid="regimp-review">
            {busy === 'review' ? t('regimp.reviewing') : t('regimp.review')}
          </button>
        </div>
      </form>

      {shown ? (
        <>
          <ImportPreviewCard preview={shown.preview} format={shown.request.format} />
          <div className="actions regimp-import">
            <button type="button" className="button button-primary" disabled={!ready || busy !== undefined} aria-describedby={ready ? undefined : `${fileId}-fix`} onClick={() => void send()} data-testid="regimp-import">
              {busy === 'import' ? t('regimp.importing') : t('regimp.import', { count: shown.preview.rows })}
            </button>
            {ready ? null : (
              <p className="field-hint" id={`${fileId}-fix`}>
                {t('regimp.fixFirst')}
              </p>
            )}
          </div>
        </>
      ) : null}

      {refused ? <Refused issues={refused} /> : null}
    </>
  )
}

// A file moved or changed on disk since it was chosen cannot be read any more.
async function readText(file: File): Promise<string | undefined> {
  try {
    return await file.text()
  } catch {
    return undefined
  }
}
