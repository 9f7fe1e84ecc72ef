import { useState } from 'react'
import type { Items } from '../../api/types.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { ErrorNotice, Loading } from '../../ui/status.tsx'
import { useFetch } from '../../ui/use-fetch.ts'
import { useSession } from '../auth/session.tsx'
import { useUnitNames } from '../org-units/use-unit-names.ts'
import { ChangeEditor } from './equipment-forms.tsx'
import { EquipmentHistory } from './equipment-history.tsx'
import { dayText } from './registry-words.ts'
import type { Equipment } from './types.ts'

type Open = { id: string; panel: 'change' | 'history' } | undefined

/**
 * The items of the unit by type; for several groups (the national coordination), one folded
 * section per group, so the whole country's inventory is a list of groups to open.
 */
export function Inventory({ unit, onSaved, onOpen }: { unit: string; onSaved: (text: string) => void; onOpen: () => void }) {
  const { t, lang } = useI18n()
  const unitName = useUnitNames()
  const items = useFetch<Items<Equipment>>(`/api/equipment?unit=${encodeURIComponent(unit)}`)
  const [open, setOpen] = useState<Open>(undefined)
  const toggle = (id: string, panel: 'change' | 'history') => {
    onOpen()
    setOpen(open?.id === id && open.panel === panel ? undefined : { id, panel })
  }
  const sorted = items.status === 'ok' ? [...items.data.items].sort((a, b) => t(`equipmentType.${a.type}`).localeCompare(t(`equipmentType.${b.type}`), lang) || a.identifier.localeCompare(b.identifier)) : []
  const groups = [...new Set(sorted.map((i) => i.orgUnitId))].sort((a, b) => unitName(a).localeCompare(unitName(b), lang))
  const list = (shown: readonly Equipment[]) => (
    <ul className="list" data-testid="equipment-list">
      {shown.map((item) => (
        <Item key={item.recordId} item={item} open={open} toggle={toggle} close={() => setOpen(undefined)} onSaved={onSaved} />
      ))}
    </ul>
  )
  return (
    <section className="reg-section" aria-labelledby="equipment-list">
      <h2 id="equipment-list">{t('gear.list.title')}</h2>
      {items.status === 'loading' ? <Loading /> : null}
      {items.status === 'error' ? <ErrorNotice error={items.error} onRetry={() => void items.reload()} /> : null}
      {items.status === 'ok' ? <p className="muted">{t('gear.count', { count: sorted.length })}</p> : null}
      {groups.length > 1
        ? groups.map((group) => {
            const shown = sorted.filter((i) => i.orgUnitId === group)
            return (
              <details key={group} className="reg-group" data-testid="equipment-group">
                <summary>
                  <span className="reg-group-name">{unitName(group)}</span> <span className="muted">{t('gear.count', { count: shown.length })}</span>
                </summary>
                {list(shown)}
              </details>
            )
          })
        : list(sorted)}
    </section>
  )
}

function Item({ item, open, toggle, close, onSaved }: { item: Equipment; open: Open; toggle: (id: string, panel: 'change' | 'history') => void; close: () => void; onSaved: (text: string) => void }) {
  const { t, lang } = useI18n()
  const { can } = useSession()
  const name = `${t(`equipmentType.${item.type}`)} ${item.identifier}`
  const service = [
    item.nextServiceOn ? t('gear.nextService', { date: dayText(lang, item.nextServiceOn) }) : '',
    item.usage === undefined ? '' : item.nextServiceAt === undefined ? t('gear.change.usage', { value: item.usage }) : t('gear.usage', { value: item.usage, at: item.nextServiceAt }),
    item.acquiredOn ? t('gear.acquired', { date: dayText(lang, item.acquiredOn) }) : '',
  ].filter(Boolean)
  return (
    <li className="list-item" data-testid="equipment-item" data-id={item.recordId}>
      <div className="list-item-head">
        <h3 className="list-item-title reg-name">{t(`equipmentType.${item.type}`)}</h3>
        <span className="mono">{item.identifier}</span>
        <span className={`reg-status reg-status-${item.status}`}>{t(`equipmentStatus.${item.status}`)}</span>
      </div>
      <p className="list-item-meta">{[t(`equipmentCondition.${item.condition}`), item.quantity > 1 ? t('gear.quantity', { count: item.quantity }) : ''].filter(Boolean).join(' · ')}</p>
      {item.description ? <p className="list-item-meta muted">{item.description}</p> : null}
      {service.length > 0 ? <p className="list-item-meta muted">{service.join(' · ')}</p> : null}
      <div className="actions reg-actions">
        {can('equipment.update') ? (
          <button type="button" className="button button-secondary" aria-expanded={open?.id === item.recordId && open.panel === 'change'} aria-label={t('gear.changeLabel', { item: name })} onClick={() => toggle(item.recordId, 'change')}>
            {t('gear.change')}
          </button>
        ) : null}
        <button type="button" className="button button-secondary" aria-expanded={open?.id === item.recordId && open.panel === 'history'} aria-label={t('gear.historyLabel', { item: name })} onClick={() => toggle(item.recordId, 'history')}>
          {t('gear.history')}
        </button>
      </div>
      {open?.id === item.recordId && open.panel === 'change' ? (
        <ChangeEditor
          item={item}
          onCancel={close}
          onSaved={() => {
            close()
            onSaved(t('gear.changed', { item: name }))
          }}
        />
      ) : null}
      {open?.id === item.recordId && open.panel === 'history' ? <EquipmentHistory recordId={item.recordId} /> : null}
    </li>
  )
}
