import { useEffect, useState } from 'react'
import { useI18n } from '../../i18n/i18n.tsx'
import { buildExport, exportFileName } from '../../outbox/export-file.ts'
import { useFieldService, useFieldSnapshot } from './service-context.tsx'

/**
 * The device's housekeeping: export the pending records to a file (for a phone that will not
 * see signal again), and how many days sent records stay before they are purged.
 */
export function DevicePanel({ onExported }: { onExported?: () => void }) {
  const { t } = useI18n()
  const service = useFieldService()
  const snap = useFieldSnapshot()
  const [days, setDays] = useState<number | undefined>(undefined)
  const [exported, setExported] = useState<number | undefined>(undefined)
  useEffect(() => {
    void service.store.purgeDays().then(setDays)
  }, [service])

  const exportPending = async () => {
    const key = service.unlocked
    if (!key) {
      return
    }
    const [device, pending, attention] = await Promise.all([service.store.device(), service.store.pending(key), service.store.attention(key)])
    const file = await buildExport(device.deviceId, service.me.user.id, [...pending, ...attention.map((a) => a.action)])
    const url = URL.createObjectURL(new Blob([JSON.stringify(file, null, 1)], { type: 'application/json' }))
    const link = document.createElement('a')
    link.href = url
    link.download = exportFileName(file)
    document.body.append(link)
    link.click()
    link.remove()
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
    setExported(file.actions.length)
    onExported?.()
  }

  return (
    <details className="card fm-device" data-testid="fm-device">
      <summary>{t('fm.device.title')}</summary>
      <p className="muted">{t('fm.device.exportIntro')}</p>
      <button type="button" className="button button-secondary" disabled={snap.state !== 'ready'} onClick={() => void exportPending()} data-testid="fm-export">
        {t('fm.device.export', { count: snap.counts.pending + snap.counts.attention })}
      </button>
      {exported !== undefined ? (
        <p className="notice notice-ok" role="status">
          {t('fm.device.exported', { count: exported })}
        </p>
      ) : null}
      {days !== undefined ? (
        <div className="field">
          <label htmlFor="fm-purge-days">{t('fm.device.purgeDays')}</label>
          <input
            id="fm-purge-days"
            type="number"
            min={1}
            max={365}
            value={days}
            onChange={(e) => {
              const next = Number.parseInt(e.target.value, 10)
              if (Number.isFinite(next) && next >= 1) {
                setDays(next)
                void service.store.setPurgeDays(next)
              }
            }}
          />
          <p className="field-hint">{t('fm.device.purgeHint')}</p>
        </div>
      ) : null}
    </details>
  )
}
