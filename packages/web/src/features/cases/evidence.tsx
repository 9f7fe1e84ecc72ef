import { ATTACHMENT_LIMITS, attachmentAccept, downloadName, type AttachmentType, type AttachmentView } from '@faro/core'
import { useId, useRef, useState, type FormEvent } from 'react'
import type { Items } from '../../api/types.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import type { MessageKey } from '../../i18n/messages.ts'
import { uuidv7 } from '../../outbox/uuidv7.ts'
import { errorText } from '../../ui/error-text.ts'
import { ErrorNotice, Loading } from '../../ui/status.tsx'
import { useFetch } from '../../ui/use-fetch.ts'
import { useSession } from '../auth/session.tsx'
import { useUnitNames } from '../org-units/use-unit-names.ts'
import { checkFile, formatSize, uploadEvidence, type LocalRefusal } from './evidence-upload.ts'
import type { CaseItem } from './types.ts'
import './evidence.css'

/**
 * The evidence of a case: its photos and documents, what each is, who added it and when, a way
 * to see a photo and to download any file (each is a line of the file's chain of custody), and,
 * for those who work on the case, a way to add one.
 */
export function CaseEvidence({ item }: { item: CaseItem }) {
  const { t } = useI18n()
  const { me, can } = useSession()
  const path = `/api/cases/${encodeURIComponent(item.recordId)}/attachments`
  const files = useFetch<Items<AttachmentView>>(path)
  // The server decides; this only spares a form that would be refused.
  const mayAdd = item.state.closedAt === undefined && (can('case.update') || (can('case.answer') && item.state.hops.some((h) => h.bodyId === me.orgUnit.id)))
  return (
    <section aria-labelledby="case-evidence-title" data-testid="case-evidence">
      <h2 id="case-evidence-title">{t('case.evidence.title')}</h2>
      <p className="muted">{t('case.evidence.intro')}</p>
      {files.status === 'loading' ? <Loading /> : null}
      {files.status === 'error' ? <ErrorNotice error={files.error} onRetry={() => void files.reload()} /> : null}
      {files.status === 'ok' && files.data.items.length === 0 ? <p data-testid="evidence-none">{t('case.evidence.none')}</p> : null}
      {files.status === 'ok' && files.data.items.length > 0 ? (
        <ul className="list evidence-list" data-testid="evidence-list">
          {files.data.items.map((file) => (
            <EvidenceItem key={file.id} path={path} file={file} />
          ))}
        </ul>
      ) : null}
      {mayAdd && files.status === 'ok' ? <AddEvidence caseId={item.recordId} count={files.data.items.length} onAdded={files.reload} /> : null}
    </section>
  )
}

const KIND_KEYS: Record<AttachmentType, MessageKey> = {
  'image/jpeg': 'case.evidence.kind.jpeg',
  'image/png': 'case.evidence.kind.png',
  'image/webp': 'case.evidence.kind.webp',
  'image/heic': 'case.evidence.kind.heic',
  'application/pdf': 'case.evidence.kind.pdf',
}

// What a browser shows in an <img>; HEIC it does not (Safari aside), so it is downloaded.
const SHOWN = new Set<AttachmentType>(['image/jpeg', 'image/png', 'image/webp'])

function EvidenceItem({ path, file }: { path: string; file: AttachmentView }) {
  const { t, lang, dateTime } = useI18n()
  const { me } = useSession()
  const unitName = useUnitNames()
  const [preview, setPreview] = useState<{ status: 'loading' } | { status: 'shown'; src: string } | { status: 'error'; error: unknown } | undefined>(undefined)
  const name = file.name ?? t('case.evidence.unnamed')
  const who = file.addedBy === me.user.id ? t('case.evidence.you') : unitName(file.addedByUnit)
  const url = `${path}/${encodeURIComponent(file.id)}`
  const toggle = async () => {
    if (preview !== undefined) {
      setPreview(undefined)
      return
    }
    setPreview({ status: 'loading' })
    try {
      setPreview({ status: 'shown', src: await dataUrlOf(`${url}?use=view`) })
    } catch (error) {
      setPreview({ status: 'error', error })
    }
  }
  return (
    <li className="list-item evidence-item" data-testid="evidence-item">
      <p className="list-item-title evidence-name">{name}</p>
      <p className="list-item-meta muted">
        {t(KIND_KEYS[file.mediaType])} · {formatSize(file.size, lang)}
      </p>
      <p className="list-item-meta muted">{t('case.evidence.addedBy', { who, when: dateTime(file.addedAt) })}</p>
      <div className="evidence-actions">
        {SHOWN.has(file.mediaType) ? (
          <button type="button" className="button button-secondary" aria-expanded={preview !== undefined} onClick={() => void toggle()}>
            {preview === undefined ? t('case.evidence.view') : t('case.evidence.hide')}
            <span className="visually-hidden"> {name}</span>
          </button>
        ) : null}
        <a className="button button-secondary" href={url} download={downloadName(file.name, file.mediaType, file.id)} data-testid="evidence-download">
          {t('case.evidence.download')}
          <span className="visually-hidden"> {name}</span>
        </a>
      </div>
      {preview?.status === 'loading' ? <Loading /> : null}
      {preview?.status === 'error' ? <ErrorNotice error={preview.error} /> : null}
      {preview?.status === 'shown' ? (
        <figure className="evidence-preview">
          <img src={preview.src} alt={t('case.evidence.previewAlt', { name })} />
        </figure>
      ) : null}
      <details className="evidence-hash">
        <summary>{t('case.evidence.fingerprint')}</summary>
        <code className="mono">{file.sha256}</code>
      </details>
    </li>
  )
}

/**
 * The form that adds a file: checked before it is sent (kind, size, room left), sent with its
 * progress shown, and sent again with the same id after a failure, so a retry is one file.
 */
function AddEvidence({ caseId, count, onAdded }: { caseId: string; count: number; onAdded: () => Promise<void> }) {
  const { t, lang } = useI18n()
  const { me } = useSession()
  const ids = useId()
  const input = useRef<HTMLInputElement>(null)
  const pending = useRef<{ file: File; id: string } | undefined>(undefined)
  const [file, setFile] = useState<File | undefined>(undefined)
  const [progress, setProgress] = useState<number | undefined>(undefined)
  const [error, setError] = useState<unknown>(undefined)
  const [done, setDone] = useState<string | undefined>(undefined)
  const refusal = file === undefined ? undefined : checkFile(file, count)
  const busy = progress !== undefined

  if (count >= ATTACHMENT_LIMITS.maxPerRecord) {
    return <p className="notice">{t('case.evidence.refused.full', { max: ATTACHMENT_LIMITS.maxPerRecord })}</p>
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (file === undefined || refusal !== undefined || busy) {
      return
    }
    const id = pending.current?.file === file ? pending.current.id : uuidv7()
    pending.current = { file, id }
    setError(undefined)
    setDone(undefined)
    setProgress(0)
    try {
      await uploadEvidence(caseId, file, { id, csrfToken: me.csrfToken, lang, onProgress: setProgress })
      pending.current = undefined
      setFile(undefined)
      if (input.current) {
        input.current.value = ''
      }
      setDone(t('case.evidence.done', { name: file.name }))
      await onAdded()
    } catch (failure) {
      setError(failure)
    } finally {
      setProgress(undefined)
    }
  }

  return (
    <form className="card evidence-add" aria-labelledby={`${ids}-title`} onSubmit={(e) => void submit(e)} data-testid="evidence-add">
      <h3 id={`${ids}-title`}>{t('case.evidence.addTitle')}</h3>
      <div className="field">
        <label htmlFor={`${ids}-file`}>{t('case.evidence.file')}</label>
        <input
          ref={input}
          id={`${ids}-file`}
          type="file"
          accept={attachmentAccept()}
          aria-describedby={`${ids}-hint`}
          disabled={busy}
          onChange={(e) => {
            setFile(e.target.files?.[0])
            setError(undefined)
            setDone(undefined)
          }}
        />
        <p className="field-hint" id={`${ids}-hint`}>
          {t('case.evidence.fileHint', { maxMb: ATTACHMENT_LIMITS.maxBytes / 1024 / 1024, max: ATTACHMENT_LIMITS.maxPerRecord })}
        </p>
      </div>
      {refusal !== undefined && file !== undefined ? (
        <p className="notice notice-error" role="alert" data-testid="evidence-refused">
          {refusalText(t, refusal, formatSize(file.size, lang))}
        </p>
      ) : null}
      {error !== undefined ? (
        <div className="notice notice-error" role="alert">
          <p>{errorText(error, t)}</p>
        </div>
      ) : null}
      <div role="status">
        {busy ? (
          <p className="evidence-progress">
            <progress max={1} value={progress} aria-label={t('case.evidence.progress')} />
            <span>{Math.round((progress ?? 0) * 100)} %</span>
          </p>
        ) : null}
        {done !== undefined ? <p className="notice notice-ok">{done}</p> : null}
      </div>
      <button type="submit" className="button button-primary" disabled={busy || file === undefined || refusal !== undefined}>
        {busy ? t('case.evidence.sending') : t('case.evidence.attach')}
      </button>
    </form>
  )
}

function refusalText(t: (key: MessageKey, values?: Record<string, string | number>) => string, refusal: LocalRefusal, size: string): string {
  switch (refusal.reason) {
    case 'empty':
      return t('case.evidence.refused.empty')
    case 'too_large':
      return t('case.evidence.refused.tooLarge', { size, maxMb: refusal.maxMb })
    case 'type':
      return t('case.evidence.refused.type')
    case 'full':
      return t('case.evidence.refused.full', { max: refusal.max })
  }
}

/** A photo's bytes as a data URL, the one kind of image source the app's policy allows besides its own. */
async function dataUrlOf(url: string): Promise<string> {
  const response = await fetch(url, { credentials: 'same-origin' })
  if (!response.ok) {
    throw new Error(`HTTP ${response.status}`)
  }
  const blob = await response.blob()
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result))
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'))
    reader.readAsDataURL(blob)
  })
}
