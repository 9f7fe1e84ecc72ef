import type { DeviceHealth } from '@faro/core'
import { useEffect, useState } from 'react'
import { apiNoContent } from '../../api/client.ts'
import type { Items } from '../../api/types.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { ErrorNotice, Loading } from '../../ui/status.tsx'
import { useFetch } from '../../ui/use-fetch.ts'
import { useSession } from '../auth/session.tsx'

/**
 * The field devices of the group and how their sync is doing: last contact, counters never
 * received (gaps), rejections with their reasons. A coordinator may revoke a lost phone; it
 * wipes itself at its next contact.
 */
export function DeviceHealthList({ refresh }: { refresh: number }) {
  const { t, dateTime } = useI18n()
  const { can } = useSession()
  const devices = useFetch<Items<DeviceHealth>>('/api/sync/devices?limit=500')
  const reloadDevices = devices.reload
  useEffect(() => {
    if (refresh > 0) {
      reloadDevices()
    }
  }, [refresh, reloadDevices])
  const [revokeError, setRevokeError] = useState<unknown>(undefined)
  const revoke = async (device: DeviceHealth) => {
    if (!window.confirm(t('live.devices.confirmRevoke', { label: device.label ?? device.deviceId }))) {
      return
    }
    try {
      await apiNoContent(`/api/sync/devices/${encodeURIComponent(device.deviceId)}/revoke`, { method: 'POST' })
      setRevokeError(undefined)
      devices.reload()
    } catch (error) {
      setRevokeError(error)
    }
  }
  return (
    <section aria-labelledby="live-devices" data-testid="live-devices">
      <h2 id="live-devices">{t('live.devices.title')}</h2>
      {devices.status === 'loading' ? <Loading /> : null}
      {devices.status === 'error' ? <ErrorNotice error={devices.error} onRetry={devices.reload} /> : null}
      {revokeError ? <ErrorNotice error={revokeError} /> : null}
      {devices.status === 'ok' && devices.data.items.length === 0 ? <p className="muted">{t('live.devices.none')}</p> : null}
      {devices.status === 'ok' ? (
        <ul className="list list-grid">
          {devices.data.items.map((d) => (
            <li key={d.deviceId} className={d.missingRanges.length > 0 || d.rejections > 0 ? 'list-item list-item-priority' : 'list-item'}>
              <div className="list-item-head">
                <span className="list-item-title">{d.label ?? d.deviceId}</span>
                {d.revokedAt ? <span className="badge badge-danger">{t('live.devices.revoked')}</span> : null}
              </div>
              <p className="list-item-meta mono">{d.deviceId}</p>
              <p>{d.lastContactAt ? t('live.devices.lastContact', { when: dateTime(d.lastContactAt) }) : t('live.devices.never')}</p>
              <p>{t('live.devices.counter', { max: d.maxCounter })}</p>
              <p>
                {d.missingRanges.length > 0
                  ? t('live.devices.missing', { ranges: d.missingRanges.map((r) => (r.from === r.to ? `${r.from}` : `${r.from}–${r.to}`)).join(', ') })
                  : t('live.devices.complete')}
              </p>
              {d.rejections + d.conflicts > 0 ? (
                <p>
                  {t('live.devices.problems', { rejections: d.rejections, conflicts: d.conflicts })}: {d.latestRejections.map((r) => r.reason).join(', ')}
                </p>
              ) : null}
              {can('device.manage') && !d.revokedAt ? (
                <button type="button" className="button button-danger" onClick={() => void revoke(d)}>
                  {t('live.devices.revoke')}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  )
}
