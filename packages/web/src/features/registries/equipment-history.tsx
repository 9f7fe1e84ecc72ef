import type { HistoryEntry, Items } from '../../api/types.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { ErrorNotice, Loading } from '../../ui/status.tsx'
import { useFetch } from '../../ui/use-fetch.ts'
import { equipmentChangeText, equipmentSteps } from './registry-words.ts'

/** An item's condition history: each step that made it what it is, newest first, in words. */
export function EquipmentHistory({ recordId }: { recordId: string }) {
  const { t, lang, dateTime } = useI18n()
  const history = useFetch<Items<HistoryEntry>>(`/api/records/equipment/${encodeURIComponent(recordId)}/history`)
  if (history.status === 'loading') {
    return <Loading />
  }
  if (history.status === 'error') {
    return <ErrorNotice error={history.error} onRetry={() => void history.reload()} />
  }
  const steps = equipmentSteps(history.data.items)
  return (
    <ol className="reg-history" data-testid="equipment-history">
      {steps.map((step) => {
        const words = equipmentChangeText(t, lang, step.changed)
        return (
          <li key={step.seq} data-testid="equipment-history-step">
            <p className="reg-history-head">
              <strong>{step.registered ? t('gear.historyRegistered') : t('gear.historyUpdated')}</strong> <time dateTime={step.receivedAt}>{dateTime(step.receivedAt)}</time>
            </p>
            <p>{words.length > 0 ? words.join(' · ') : t('gear.change.nothing')}</p>
          </li>
        )
      })}
    </ol>
  )
}
