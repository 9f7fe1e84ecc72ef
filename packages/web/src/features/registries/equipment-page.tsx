import { useState } from 'react'
import type { Items } from '../../api/types.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { ErrorNotice, Loading, MoreButton, Page } from '../../ui/status.tsx'
import { useFetch, useInvalidate } from '../../ui/use-fetch.ts'
import { useSession } from '../auth/session.tsx'
import { useUnitNames } from '../org-units/use-unit-names.ts'
import { RegisterEditor } from './equipment-forms.tsx'
import { Inventory } from './equipment-inventory.tsx'
import { dayText, reasonsText } from './registry-words.ts'
import type { Renewal } from './types.ts'
import { UnitPicker, useUnitChoice } from './unit-picker.tsx'
import './registries.css'

/**
 * Each group's vehicles and equipment: the renewal list first (why each item is on it, in
 * words), then the inventory with each item's status, condition, quantity and next service.
 * Coordinators register items; coordinators and field staff change an item's state with a note;
 * each item's history reads as the steps that made it so.
 */
export function EquipmentPage() {
  const { t } = useI18n()
  const { can } = useSession()
  const choice = useUnitChoice()
  const invalidate = useInvalidate()
  const [registering, setRegistering] = useState(false)
  const [done, setDone] = useState<string | undefined>(undefined)
  const saved = async (text: string) => {
    await Promise.all([invalidate('/api/equipment'), invalidate('/api/registries/attention'), invalidate('/api/records/equipment')])
    setRegistering(false)
    setDone(text)
  }
  return (
    <Page title={t('gear.title')} intro={t('gear.intro')} testId="equipment-page">
      <UnitPicker choice={choice} />
      {choice.unit === null ? <Loading /> : <RenewalList unit={choice.unit} />}
      {can('equipment.create') ? (
        <p>
          <button type="button" className="button button-primary" aria-expanded={registering} onClick={() => { setDone(undefined); setRegistering(!registering) }}>
            {t('gear.new')}
          </button>
        </p>
      ) : null}
      {registering && choice.unit !== null ? <RegisterEditor unit={choice.unit} onCancel={() => setRegistering(false)} onSaved={(item) => void saved(t('gear.registered', { item }))} /> : null}
      {done ? (
        <p className="notice notice-ok" role="status" data-testid="equipment-done">
          {done}
        </p>
      ) : null}
      {choice.unit !== null ? <Inventory key={choice.unit} unit={choice.unit} onSaved={(text) => void saved(text)} onOpen={() => setDone(undefined)} /> : null}
    </Page>
  )
}

/** What each group lacks or will lose soon, most urgent first. */
function RenewalList({ unit }: { unit: string }) {
  const { t, lang } = useI18n()
  const unitName = useUnitNames()
  const renewal = useFetch<Items<Renewal>>(`/api/equipment/renewal?unit=${encodeURIComponent(unit)}`)
  // The whole country's list runs to hundreds: the most urgent first, more on request.
  const [limit, setLimit] = useState(RENEWAL_PAGE)
  const all = renewal.status === 'ok' ? renewal.data.items : []
  return (
    <section className="card" aria-labelledby="equipment-renewal" data-testid="equipment-renewal">
      <h2 id="equipment-renewal">{t('gear.renewal.title')}</h2>
      <p className="muted">{t('gear.renewal.intro')}</p>
      {renewal.status === 'loading' ? <Loading /> : null}
      {renewal.status === 'error' ? <ErrorNotice error={renewal.error} onRetry={() => void renewal.reload()} /> : null}
      {renewal.status === 'ok' && renewal.data.items.length === 0 ? <p className="notice notice-ok">{t('gear.renewal.none')}</p> : null}
      {renewal.status === 'ok' && renewal.data.items.length > 0 ? (
        <ul className="reg-rows">
          {all.slice(0, limit).map((r) => (
            <li key={r.recordId} className={r.reasons.some((x) => x === 'lost' || x === 'out_of_service' || x === 'service_overdue') ? 'reg-row reg-row-expired' : 'reg-row'} data-testid="equipment-renewal-item" data-id={r.recordId}>
              <span className="reg-row-main">
                <strong>{t(`equipmentType.${r.type}`)}</strong>
                <span className="mono">{r.identifier}</span>
                {r.orgUnitId !== unit ? <span className="muted">{unitName(r.orgUnitId)}</span> : null}
                {r.nextServiceOn ? <span className="muted">{t('gear.nextService', { date: dayText(lang, r.nextServiceOn) })}</span> : null}
              </span>
              <ul className="chips reg-reasons">
                {reasonsText(t, r.reasons, r.ageYears).map((text) => (
                  <li key={text}>{text}</li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      ) : null}
      {all.length > RENEWAL_PAGE ? <MoreButton shown={Math.min(limit, all.length)} hasMore={limit < all.length} loading={false} onMore={() => setLimit(limit + RENEWAL_PAGE * 2)} /> : null}
    </section>
  )
}

const RENEWAL_PAGE = 12
