import { useEffect, useRef } from 'react'
import { useI18n } from '../../i18n/i18n.tsx'
import { Link } from '../../ui/router.tsx'
import { useSession } from '../auth/session.tsx'
import '../cases/cases.css'

/** What a filed request gave: the folio and the PIN to note or read back, and the case. */
export interface Filed {
  folio: string
  pin: string
  recordId: string
  /** How many people the request seeks. */
  sought: number
}

/**
 * The intake's read-back for a location request: the folio and PIN large enough to read over the
 * phone or copy, a printout of this card alone (the intake's print styles), the case, and the
 * next request.
 */
export function RequestReadBack({ filed, onNext }: { filed: Filed; onNext: () => void }) {
  const { t } = useI18n()
  const { can } = useSession()
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [])
  return (
    <section className="card readback" aria-labelledby="readback-title" data-testid="readback">
      <h2 id="readback-title" ref={heading} tabIndex={-1}>
        {t('trace.readback.title')}
      </h2>
      <p className="readback-say">{t('trace.readback.say')}</p>
      <p data-testid="readback-sought">{t('trace.soughtCount', { count: filed.sought })}</p>
      <dl className="readback-codes">
        <div>
          <dt>{t('case.folio')}</dt>
          <dd className="readback-folio" data-testid="readback-folio">
            {filed.folio}
          </dd>
        </div>
        <div>
          <dt>{t('case.pin')}</dt>
          <dd className="readback-pin" data-testid="readback-pin">
            {filed.pin}
          </dd>
        </div>
      </dl>
      <p>{t('trace.readback.how')}</p>
      <p className="muted">{t('case.readback.once')}</p>
      <div className="actions readback-actions">
        <button type="button" className="button button-secondary" onClick={() => window.print()}>
          {t('case.readback.print')}
        </button>
        <button type="button" className="button button-primary" onClick={onNext}>
          {t('trace.readback.next')}
        </button>
        {can('case.read') ? (
          <Link to={`cases/${encodeURIComponent(filed.recordId)}`} className="button button-secondary" data-testid="readback-case">
            {t('case.readback.open')}
          </Link>
        ) : null}
      </div>
    </section>
  )
}
