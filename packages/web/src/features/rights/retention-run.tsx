import { useEffect, useRef, useState } from 'react'
import { api } from '../../api/client.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { ErrorNotice } from '../../ui/status.tsx'
import { useInvalidate } from '../../ui/use-fetch.ts'
import './retention-run.css'

type Step = 'idle' | 'confirm' | 'busy'

/**
 * Runs the retention job now, for the data-protection officer: says how many identities are due
 * and not held, asks again before anything happens (erasure destroys the keys for good), then
 * says how many were erased and refreshes the report and the queue it may have completed.
 */
export function RetentionRun({ due }: { due: number }) {
  const { t } = useI18n()
  const invalidate = useInvalidate()
  const [step, setStep] = useState<Step>('idle')
  const [erased, setErased] = useState<number | undefined>(undefined)
  const [error, setError] = useState<unknown>(undefined)
  const question = useRef<HTMLParagraphElement>(null)
  const start = useRef<HTMLButtonElement>(null)
  const back = useRef(false)

  useEffect(() => {
    if (step === 'confirm') {
      question.current?.focus()
    }
    if (step === 'idle' && back.current) {
      back.current = false
      start.current?.focus()
    }
  }, [step])

  const run = async () => {
    setStep('busy')
    setError(undefined)
    try {
      const result = await api<{ shredded: string[] }>('/api/retention/run', { method: 'POST' })
      // A run completes the cancellations it erases: the queue changes with the report.
      await Promise.all([invalidate('/api/retention/report'), invalidate('/api/rights-requests'), invalidate('/api/people')])
      setErased(result.shredded.length)
    } catch (failure) {
      setError(failure)
    }
    setStep('idle')
  }

  return (
    <div className="retention-run" data-testid="retention-run">
      <p className="muted">{t('retention.runIntro')}</p>
      <p className="list-item-title" data-testid="retention-due">
        {t('retention.dueNow', { count: due })}
      </p>
      {erased !== undefined ? (
        <p className="notice notice-ok" role="status" data-testid="retention-done">
          {t('retention.done', { count: erased })}
        </p>
      ) : null}
      {error ? <ErrorNotice error={error} /> : null}
      {step === 'idle' && due > 0 ? (
        <button
          ref={start}
          type="button"
          className="button button-danger"
          onClick={() => {
            setErased(undefined)
            setStep('confirm')
          }}
        >
          {t('retention.run')}
        </button>
      ) : null}
      {step !== 'idle' ? (
        <div className="notice notice-warning" role="group" aria-labelledby="retention-confirm-text">
          <p id="retention-confirm-text" ref={question} tabIndex={-1}>
            {t('retention.confirmText', { count: due })}
          </p>
          <div className="actions">
            <button type="button" className="button button-danger" disabled={step === 'busy'} onClick={() => void run()}>
              {t('retention.confirm', { count: due })}
            </button>
            <button
              type="button"
              className="button button-secondary"
              disabled={step === 'busy'}
              onClick={() => {
                back.current = true
                setStep('idle')
              }}
            >
              {t('retention.cancel')}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  )
}
