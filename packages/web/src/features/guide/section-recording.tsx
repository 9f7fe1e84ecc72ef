import { useId, useRef, useState, type FormEvent } from 'react'
import { useI18n } from '../../i18n/i18n.tsx'
import type { MessageKey } from '../../i18n/messages.ts'
import { uuidv7 } from '../../outbox/uuidv7.ts'
import { useInvalidate } from '../../ui/use-fetch.ts'
import { useSession } from '../auth/session.tsx'
import { audioPath, EDITIONS, removeRecording, uploadRecording } from './guide-api.ts'
import { checkRecording, megabytes, RECORDING_ACCEPT, RECORDING_MAX_BYTES, recordingRefusal, type RecordingRefusal } from './recording.ts'
import type { Edition, SectionText } from './types.ts'

const REFUSALS: Record<RecordingRefusal, MessageKey> = {
  empty: 'guide.audio.refused.empty',
  too_large: 'guide.audio.refused.tooLarge',
  not_audio: 'guide.audio.refused.type',
  published: 'guide.audio.refused.published',
  no_text: 'guide.audio.refused.noText',
  gone: 'guide.audio.refused.gone',
  network: 'guide.audio.refused.network',
  other: 'guide.audio.refused.other',
}

type Outcome = { kind: 'uploaded' } | { kind: 'removed' } | { kind: 'refused'; reason: RecordingRefusal; size?: number }

/**
 * The recording of a written text read aloud: played with the browser's own player (nothing is
 * fetched until it is played), replaced by a file, removed (asked twice). A change of the text
 * drops it, and the public hears it once the edition is published. Read-only, the player alone
 * (and nothing when there is none).
 */
export function SectionRecording({ edition, slug, lang: code, text, editable, title, language }: { edition: Edition; slug: string; lang: string; text: SectionText; editable: boolean; title: string; language: string }) {
  const { t, lang } = useI18n()
  const { me } = useSession()
  const invalidate = useInvalidate()
  const ids = useId()
  const input = useRef<HTMLInputElement>(null)
  const outcomeRef = useRef<HTMLDivElement>(null)
  const confirmRef = useRef<HTMLButtonElement>(null)
  // The file being sent and its id: sent again after a failure, it is the same recording.
  const pending = useRef<{ file: File; id: string } | undefined>(undefined)
  const [file, setFile] = useState<File | undefined>(undefined)
  const [progress, setProgress] = useState<number | undefined>(undefined)
  const [removing, setRemoving] = useState<'asking' | 'busy' | undefined>(undefined)
  const [outcome, setOutcome] = useState<Outcome | undefined>(undefined)
  const busy = progress !== undefined || removing === 'busy'
  const say = (next: Outcome) => {
    setOutcome(next)
    requestAnimationFrame(() => outcomeRef.current?.focus())
  }
  const refused = async (error: unknown) => {
    const reason = recordingRefusal(error)
    if (reason === 'published' || reason === 'gone') {
      await invalidate(EDITIONS)
    }
    say({ kind: 'refused', reason, ...(file === undefined ? {} : { size: file.size }) })
  }

  const upload = async (event: FormEvent) => {
    event.preventDefault()
    if (busy) {
      return
    }
    if (file === undefined) {
      input.current?.focus()
      return
    }
    const local = checkRecording(file)
    if (local !== undefined) {
      say({ kind: 'refused', reason: local, size: file.size })
      return
    }
    const id = pending.current?.file === file ? pending.current.id : uuidv7()
    pending.current = { file, id }
    setOutcome(undefined)
    setProgress(0)
    try {
      await uploadRecording(edition.recordId, slug, code, file, { id, csrfToken: me.csrfToken, uiLang: lang, onProgress: setProgress })
      pending.current = undefined
      setFile(undefined)
      if (input.current !== null) {
        input.current.value = ''
      }
      await invalidate(EDITIONS)
      say({ kind: 'uploaded' })
    } catch (error) {
      await refused(error)
    } finally {
      setProgress(undefined)
    }
  }

  const remove = async () => {
    setRemoving('busy')
    setOutcome(undefined)
    try {
      await removeRecording(edition.recordId, slug, code)
      await invalidate(EDITIONS)
      say({ kind: 'removed' })
    } catch (error) {
      await refused(error)
    } finally {
      setRemoving(undefined)
    }
  }

  const hasRecording = text.audioId !== undefined
  if (!editable && !hasRecording) {
    return null
  }
  return (
    <section className="guide-block guide-recording" aria-labelledby={`${ids}-title`} data-testid="section-recording">
      <h2 id={`${ids}-title`}>{t('guide.audio.title')}</h2>
      {editable ? <p className="muted small">{t('guide.audio.intro')}</p> : null}
      {text.audioId !== undefined ? (
        <audio key={text.audioId} controls preload="none" src={audioPath(edition.recordId, text.audioId)} lang={code} aria-label={t('guide.audio.player', { title, lang: language })} data-testid="recording-player" />
      ) : (
        <p data-testid="recording-none">{t('guide.audio.none')}</p>
      )}
      <div ref={outcomeRef} tabIndex={-1} className="guide-outcome">
        {outcome?.kind === 'uploaded' || outcome?.kind === 'removed' ? (
          <p className="notice notice-ok" role="status" data-testid="recording-done">
            {t(outcome.kind === 'uploaded' ? 'guide.audio.done' : 'guide.audio.removed')}
          </p>
        ) : null}
        {outcome?.kind === 'refused' ? (
          <p className="notice notice-error" role="alert" data-testid="recording-refused">
            {t(REFUSALS[outcome.reason], { size: megabytes(outcome.size ?? 0, lang), maxMb: RECORDING_MAX_BYTES / 1024 / 1024 })}
          </p>
        ) : null}
      </div>
      {editable ? (
        <form className="form guide-recording-form" onSubmit={(e) => void upload(e)} data-testid="recording-form">
          <div className="field">
            <label htmlFor={`${ids}-file`}>{t(hasRecording ? 'guide.audio.fileReplace' : 'guide.audio.file')}</label>
            <input
              ref={input}
              id={`${ids}-file`}
              type="file"
              accept={RECORDING_ACCEPT}
              aria-describedby={`${ids}-hint`}
              disabled={busy}
              onChange={(e) => {
                setFile(e.target.files?.[0])
                setOutcome(undefined)
              }}
            />
            <p className="field-hint" id={`${ids}-hint`}>
              {t('guide.audio.fileHint', { maxMb: RECORDING_MAX_BYTES / 1024 / 1024 })}
            </p>
          </div>
          <div role="status">
            {progress !== undefined ? (
              <p className="guide-recording-progress">
                <progress max={1} value={progress} aria-label={t('guide.audio.progress')} />
                <span>{Math.round(progress * 100)} %</span>
              </p>
            ) : null}
          </div>
          <div className="actions">
            <button type="submit" className="button button-primary" disabled={busy} data-testid="recording-upload">
              {t(progress !== undefined ? 'guide.audio.sending' : 'guide.audio.upload')}
            </button>
            {hasRecording && removing === undefined ? (
              <button
                type="button"
                className="button button-ghost"
                disabled={busy}
                data-testid="recording-remove"
                onClick={() => {
                  setRemoving('asking')
                  requestAnimationFrame(() => confirmRef.current?.focus())
                }}
              >
                {t('guide.audio.remove')}
              </button>
            ) : null}
          </div>
          {hasRecording && removing !== undefined ? (
            <div className="notice notice-warning guide-confirm" role="alert" data-testid="recording-remove-ask">
              <p>{t('guide.audio.removeAsk', { lang: language })}</p>
              <div className="actions">
                <button type="button" className="button button-danger" ref={confirmRef} disabled={busy} onClick={() => void remove()}>
                  {t('guide.audio.removeYes')}
                </button>
                <button
                  type="button"
                  className="button button-secondary"
                  disabled={busy}
                  onClick={() => {
                    setRemoving(undefined)
                    requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-testid="recording-remove"]')?.focus())
                  }}
                >
                  {t('guide.audio.removeNo')}
                </button>
              </div>
            </div>
          ) : null}
        </form>
      ) : null}
    </section>
  )
}
