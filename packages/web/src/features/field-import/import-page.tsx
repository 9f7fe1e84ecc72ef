import { useState, type ChangeEvent } from 'react'
import { useI18n } from '../../i18n/i18n.tsx'
import { ExportFileError, parseExport, type ExportFile } from '../../outbox/export-file.ts'
import { pushPending, type PendingSource, type SyncReport } from '../../outbox/sync.ts'
import type { PushAction, PushResult } from '../../outbox/types.ts'
import { Page } from '../../ui/status.tsx'
import { httpPush } from '../field-mode/transport.ts'

/**
 * At the base, a coordinator imports the "pending records" file of a phone that never got
 * signal and pushes it on that phone's behalf: same device id, same counters, same action ids,
 * so the server's idempotency holds even if the phone later syncs too.
 */
export function ImportPage() {
  const { t, dateTime } = useI18n()
  const [file, setFile] = useState<ExportFile | undefined>(undefined)
  const [problem, setProblem] = useState<string | undefined>(undefined)
  const [report, setReport] = useState<SyncReport | undefined>(undefined)
  const [busy, setBusy] = useState(false)

  const choose = async (e: ChangeEvent<HTMLInputElement>) => {
    setFile(undefined)
    setReport(undefined)
    setProblem(undefined)
    const chosen = e.target.files?.[0]
    if (!chosen) {
      return
    }
    try {
      setFile(await parseExport(await chosen.text()))
    } catch (error) {
      setProblem(error instanceof ExportFileError ? t(`imp.problem.${error.problem}`) : t('app.genericError'))
    }
  }

  const send = async () => {
    if (!file) {
      return
    }
    setBusy(true)
    try {
      setReport(await pushPending(memorySource(file.actions), file.deviceId, httpPush))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Page title={t('imp.title')} intro={t('imp.intro')} testId="field-import">
      <div className="field">
        <label htmlFor="imp-file">{t('imp.file')}</label>
        <input id="imp-file" type="file" accept="application/json,.json" onChange={(e) => void choose(e)} />
      </div>
      {problem ? (
        <p className="notice notice-error" role="alert">
          {problem}
        </p>
      ) : null}
      {file ? (
        <div className="card" data-testid="imp-summary">
          <p>{t('imp.summary', { count: file.actions.length, when: dateTime(file.exportedAt) })}</p>
          <p className="mono small">{file.deviceId}</p>
          <p className="small">{t('imp.checksumOk')}</p>
          <button type="button" className="button button-primary" disabled={busy || report?.stillPending === 0} onClick={() => void send()}>
            {t('imp.send')}
          </button>
        </div>
      ) : null}
      {report ? (
        <div className={report.failure || report.problems.length > 0 ? 'notice notice-error' : 'notice notice-ok'} role="status" data-testid="imp-result">
          <p>
            {t('fm.result.sent', { count: report.accepted + report.duplicates })} {report.problems.length > 0 ? t('fm.result.problems', { count: report.problems.length }) : ''}{' '}
            {report.stillPending > 0 ? t('fm.result.stillPending', { count: report.stillPending }) : ''}
          </p>
          {report.failure ? <p>{t(`fm.failure.${report.failure}`)}</p> : null}
          {report.problems.length > 0 ? (
            <ul className="small">
              {report.problems.map((p) => (
                <li key={p.id}>
                  <span className="mono">{p.id}</span>: {p.status} {p.reason ?? ''}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </Page>
  )
}

/** The file's actions as a push source; answers are kept in memory for the report. */
function memorySource(actions: readonly PushAction[]): PendingSource {
  const open = new Map(actions.map((a) => [a.id, a]))
  return {
    pending: async () => [...open.values()],
    applyResults: async (results: readonly PushResult[]) => {
      for (const r of results) {
        open.delete(r.id)
      }
    },
    pendingCount: async () => open.size,
  }
}
