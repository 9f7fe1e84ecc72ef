import { useEffect, useState } from 'react'
import { useI18n } from '../../i18n/i18n.tsx'
import { isMessageKey } from '../../i18n/messages.ts'
import type { AttentionItem } from '../../outbox/store.ts'
import { useFieldService, useFieldSnapshot } from './service-context.tsx'

/**
 * Records the server refused or found in conflict, with its reason. They are never dropped
 * silently: they stay here (and in an export) until a coordinator sorts them out.
 */
export function AttentionList() {
  const { t, dateTime } = useI18n()
  // The server's stable reason code, in words when the catalog knows it.
  const reasonText = (reason: string | undefined): string => {
    const key = `fm.reason.${reason ?? ''}`
    return isMessageKey(key) ? t(key) : (reason ?? '—')
  }
  const service = useFieldService()
  const snap = useFieldSnapshot()
  const [items, setItems] = useState<AttentionItem[]>([])
  const key = service.unlocked
  useEffect(() => {
    if (!key) {
      return
    }
    let live = true
    void service.store.attention(key).then((found) => {
      if (live) {
        setItems(found)
      }
    })
    return () => {
      live = false
    }
  }, [service, key, snap.counts.attention])
  if (items.length === 0) {
    return null
  }
  return (
    <section className="card" aria-labelledby="fm-attention-title" data-testid="fm-attention">
      <h2 id="fm-attention-title">{t('fm.attention.title')}</h2>
      <p className="muted">{t('fm.attention.intro')}</p>
      <ul className="list">
        {items.map((item) => (
          <li key={item.action.id} className="list-item list-item-priority">
            <div className="list-item-head">
              <span className="list-item-title">{t(`fm.recordType.${item.action.recordType}`)}</span>
              <span className="badge badge-danger">{t(item.outcome === 'conflict' ? 'fm.attention.conflict' : 'fm.attention.rejected')}</span>
            </div>
            <p className="list-item-meta">{dateTime(item.action.clientTime ?? '')}</p>
            <p>{t('fm.attention.reason', { reason: reasonText(item.reason) })}</p>
            {item.errors.length > 0 ? (
              <ul className="small">
                {item.errors.map((e) => (
                  <li key={`${e.field}-${e.code}`}>
                    <span className="mono">{e.field}</span>: {e.message}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  )
}
