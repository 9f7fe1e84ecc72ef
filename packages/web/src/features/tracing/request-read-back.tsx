import { useI18n } from '../../i18n/i18n.tsx'
import { ReadBack } from '../cases/read-back.tsx'
import '../cases/cases.css'

/** What a filed request gave: the folio and the PIN to note or read back, and the case. */
export interface Filed {
  folio: string
  pin: string
  recordId: string
  /** How many people the request seeks. */
  sought: number
}

/** The intake's read-back, in a location request's words, with how many people it seeks. */
export function RequestReadBack({ filed, onNext }: { filed: Filed; onNext: () => void }) {
  const { t } = useI18n()
  return (
    <ReadBack
      taken={{ folio: filed.folio, pin: filed.pin, recordId: filed.recordId, kind: 'location_request' }}
      onNext={onNext}
      words={{ title: t('trace.readback.title'), say: t('trace.readback.say'), how: t('trace.readback.how'), next: t('trace.readback.next') }}
    >
      <p data-testid="readback-sought">{t('trace.soughtCount', { count: filed.sought })}</p>
    </ReadBack>
  )
}
