import { useEffect, useRef, type ReactNode } from 'react'
import { useI18n } from '../../i18n/i18n.tsx'
import { Link } from '../../ui/router.tsx'
import { useSession } from '../auth/session.tsx'

/** What an intake gave: the folio and the PIN to read back, and the case. */
export interface Taken {
  folio: string
  pin: string
  recordId: string
  kind: string
  /** Taken without a connection: waiting on this device, with a folio reserved for it. */
  offline?: boolean
}

/** What a read-back says, when not a complaint's or a request for help's. */
export interface ReadBackWords {
  title: string
  say: string
  how: string
  next: string
}

/**
 * The folio and PIN, large enough to read aloud across a counter or copy from a tablet, with
 * what to tell the person, a printout of this card alone, and the next intake. A location
 * request brings its own words and what it seeks (`children`).
 */
export function ReadBack({ taken, onNext, words, children }: { taken: Taken; onNext: () => void; words?: ReadBackWords; children?: ReactNode }) {
  const { t } = useI18n()
  const { can } = useSession()
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [])
  return (
    <section className="card readback" aria-labelledby="readback-title" data-testid="readback">
      <h2 id="readback-title" ref={heading} tabIndex={-1}>
        {words?.title ?? (taken.kind === 'help_request' ? t('case.readback.titleHelp') : t('case.readback.titleComplaint'))}
      </h2>
      <p className="readback-say">{words?.say ?? t('case.readback.say')}</p>
      {children}
      {taken.offline ? (
        <p className="notice" role="status" data-testid="readback-offline">
          {t('case.readback.offline')}
        </p>
      ) : null}
      <dl className="readback-codes">
        <div>
          <dt>{t('case.folio')}</dt>
          <dd className="readback-folio" data-testid="readback-folio">
            {taken.folio}
          </dd>
        </div>
        <div>
          <dt>{t('case.pin')}</dt>
          <dd className="readback-pin" data-testid="readback-pin">
            {taken.pin}
          </dd>
        </div>
      </dl>
      <p>{words?.how ?? t('case.readback.how')}</p>
      <p className="muted">{t('case.readback.once')}</p>
      <div className="actions readback-actions">
        <button type="button" className="button button-secondary" onClick={() => window.print()}>
          {t('case.readback.print')}
        </button>
        <button type="button" className="button button-primary" onClick={onNext}>
          {words?.next ?? t('case.readback.next')}
        </button>
        {can('case.read') && !taken.offline ? (
          <Link to={`cases/${encodeURIComponent(taken.recordId)}`} className="button button-secondary" data-testid="readback-case">
            {t('case.readback.open')}
          </Link>
        ) : null}
      </div>
    </section>
  )
}
