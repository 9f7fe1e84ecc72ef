import { useEffect, useRef } from 'react'
import { useI18n } from '../../i18n/i18n.tsx'
import { useUnitNames } from '../org-units/use-unit-names.ts'
import type { Operation, VolunteerImport } from './types.ts'
import { codeText, dayText } from './words.ts'

/**
 * The sheet of one-time activation codes of the accounts just made, one card per volunteer to cut
 * and hand out: their name, username, code, where to activate and until when the account works.
 * The codes are shown only here, once; printed, the sheet is all that is on the page.
 */
export function CodesSheet({ operation, made, onDone }: { operation: Operation; made: VolunteerImport; onDone: () => void }) {
  const { t, lang } = useI18n()
  const unitName = useUnitNames()
  const heading = useRef<HTMLHeadingElement>(null)
  // The sheet replaces the form: a screen reader starts reading it at its heading.
  useEffect(() => heading.current?.focus(), [])
  const signIn = `${window.location.origin}${import.meta.env.BASE_URL}`
  return (
    <section className="ops-codes" aria-labelledby="ops-codes-title" data-testid="ops-codes">
      <h4 id="ops-codes-title" ref={heading} tabIndex={-1}>
        {t('ops.codes.title', { count: made.accounts.length })}
      </h4>
      <p className="notice notice-warning ops-no-print" role="status" data-testid="ops-codes-warning">
        {t('ops.codes.warning')}
      </p>
      <div className="actions ops-no-print">
        <button type="button" className="button button-primary" onClick={() => window.print()} data-testid="ops-codes-print">
          {t('ops.codes.print')}
        </button>
        <button type="button" className="button button-secondary" onClick={onDone}>
          {t('ops.codes.done')}
        </button>
      </div>
      <ul className="ops-code-cards">
        {made.accounts.map((a) => (
          <li key={a.userId} className="ops-code-card" data-testid="ops-code-card">
            <p className="ops-code-org">{operation.name}</p>
            <p className="ops-code-name">{a.displayName}</p>
            <p className="muted">{unitName(a.siteId)}</p>
            <dl className="ops-code-facts">
              <div>
                <dt>{t('ops.codes.username')}</dt>
                <dd className="mono">{a.username}</dd>
              </div>
              <div>
                <dt>{t('ops.codes.code')}</dt>
                <dd className="mono ops-code-value" data-testid="ops-code">
                  {codeText(a.code)}
                </dd>
              </div>
            </dl>
            <p>{t('ops.codes.where', { url: signIn, link: t('ops.codes.activateLink') })}</p>
            <p>{t('ops.codes.until', { date: dayText(lang, operation.endsOn) })}</p>
            <p className="muted small">{t('ops.codes.once')}</p>
          </li>
        ))}
      </ul>
    </section>
  )
}
