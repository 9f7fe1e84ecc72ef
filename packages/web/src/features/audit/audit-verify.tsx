import { useState } from 'react'
import { api } from '../../api/client.ts'
import type { AuditVerification } from '../../api/types.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { ErrorNotice } from '../../ui/status.tsx'

type VerifyState = { status: 'idle' } | { status: 'running' } | { status: 'done'; result: AuditVerification } | { status: 'error'; error: unknown }

/** Asks the server to recompute the audit hash chain and shows the verdict. */
export function AuditVerify() {
  const { t } = useI18n()
  const [state, setState] = useState<VerifyState>({ status: 'idle' })
  const verify = () => {
    setState({ status: 'running' })
    api<AuditVerification>('/api/audit/verify').then(
      (result) => setState({ status: 'done', result }),
      (error: unknown) => setState({ status: 'error', error }),
    )
  }
  return (
    <section className="card" aria-labelledby="audit-verify-heading">
      <h2 id="audit-verify-heading">{t('audit.verifyHeading')}</h2>
      <button type="button" className="button button-primary" onClick={verify} disabled={state.status === 'running'}>
        {state.status === 'running' ? t('audit.verifying') : t('audit.verify')}
      </button>
      <div aria-live="polite" data-testid="audit-verify-result">
        {state.status === 'done' ? <Verdict result={state.result} /> : null}
        {state.status === 'error' ? <ErrorNotice error={state.error} /> : null}
      </div>
    </section>
  )
}

function Verdict({ result }: { result: AuditVerification }) {
  const { t } = useI18n()
  if (result.ok) {
    return <p className="notice notice-ok">{t('audit.verifyOk', { rows: result.rows })}</p>
  }
  if (!result.firstBad) {
    return (
      <p className="notice notice-error" role="alert">
        {t('app.genericError')}
      </p>
    )
  }
  return (
    <p className="notice notice-error" role="alert">
      {t('audit.verifyBad', { seq: result.firstBad.seq, rows: result.rows, problem: t(`audit.problem.${result.firstBad.problem}`) })}
    </p>
  )
}
