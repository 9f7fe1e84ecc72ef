import { useEffect, useRef, useState } from 'react'
import { api } from '../../api/client.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { ErrorNotice } from '../../ui/status.tsx'
import type { ExportFormat, ExportJob, ExportRequest } from './types.ts'
import { formatCount, formatShare } from './words.ts'

const POLL_MS = 700

/**
 * The export buttons of a table or a report: each starts a job on the server with an id of its
 * own (asking again with it is harmless), shows its progress while it runs and offers the file
 * when it is ready. A new question (the page moved on) starts over.
 */
export function ExportButtons({ request, formats, testId }: { request: ExportRequest; formats: readonly ExportFormat[]; testId?: string }) {
  const { t, lang } = useI18n()
  const [job, setJob] = useState<ExportJob | undefined>(undefined)
  const [error, setError] = useState<unknown>(undefined)
  const key = JSON.stringify(request)
  const live = useRef(0)

  // The page's question changed: the file being made is not this page's any more.
  useEffect(() => {
    live.current += 1
    setJob(undefined)
    setError(undefined)
  }, [key])

  const start = async (format: ExportFormat) => {
    const run = ++live.current
    setError(undefined)
    const id = crypto.randomUUID()
    setJob({ id, status: 'queued', progress: 0, format })
    try {
      let current = await api<ExportJob>('/api/statistics/exports', { method: 'POST', body: { id, format, ...request } })
      while (run === live.current && (current.status === 'queued' || current.status === 'running')) {
        setJob(current)
        await new Promise((resolve) => setTimeout(resolve, POLL_MS))
        current = await api<ExportJob>(`/api/statistics/exports/${encodeURIComponent(id)}`)
      }
      if (run === live.current) {
        setJob(current)
      }
    } catch (e) {
      if (run === live.current) {
        setJob(undefined)
        setError(e)
      }
    }
  }

  const busy = job !== undefined && (job.status === 'queued' || job.status === 'running')
  const percent = Math.round(Math.min(1, Math.max(0, job?.progress ?? 0)) * 100)
  return (
    <div className="stats-export" data-testid={testId ?? 'stats-export'}>
      <div className="stats-export-buttons" role="group" aria-label={t('stats.export.label')}>
        {formats.map((f) => (
          <button key={f} type="button" className="button button-secondary" disabled={busy} onClick={() => void start(f)} data-format={f}>
            {t(`stats.export.${f}`)}
          </button>
        ))}
      </div>
      {busy ? (
        <div className="stats-progress-wrap">
          <div className="stats-progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-valuetext={formatShare(lang, percent / 100)} aria-label={t('stats.export.making', { format: t(`stats.export.${job.format}`) })}>
            <span className="stats-progress-fill" style={{ width: `${Math.max(3, percent)}%` }} />
          </div>
          <p className="muted small" aria-live="polite">
            {t('stats.export.making', { format: t(`stats.export.${job.format}`) })} {formatShare(lang, percent / 100)}
          </p>
        </div>
      ) : null}
      {job?.status === 'done' ? (
        <p className="notice notice-ok" role="status">
          <a href={`/api/statistics/exports/${encodeURIComponent(job.id)}/file`} download={job.filename ?? true} data-testid="stats-download" data-format={job.format}>
            {t('stats.export.download', { format: t(`stats.export.${job.format}`), file: job.filename ?? '' })}
          </a>
          {typeof job.rows === 'number' ? <span className="muted small"> · {t('stats.export.rows', { count: job.rows, n: formatCount(lang, job.rows) })}</span> : null}
        </p>
      ) : null}
      {job?.status === 'failed' ? (
        <p className="notice notice-error" role="alert">
          {t('stats.export.failed')}
        </p>
      ) : null}
      {error !== undefined ? <ErrorNotice error={error} /> : null}
    </div>
  )
}
