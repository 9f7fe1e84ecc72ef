import type { Items, PlaceState, RecordView } from '../../api/types.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { isMessageKey } from '../../i18n/messages.ts'
import { Link } from '../../ui/router.tsx'
import { ErrorNotice, Loading, Page } from '../../ui/status.tsx'
import { useFetch } from '../../ui/use-fetch.ts'
import { useUnitNames } from '../org-units/use-unit-names.ts'
import { findingsText } from './registry-words.ts'
import type { InspectedPlaceView, Inspections } from './types.ts'
import { UnitPicker, useUnitChoice } from './unit-picker.tsx'
import './registries.css'

/**
 * Towers and warning signs overdue for inspection, most overdue first, and those the latest
 * inspection found in need of repair, each with what that inspection found, in words.
 */
export function InspectionsPage() {
  const { t } = useI18n()
  const choice = useUnitChoice()
  const unit = choice.unit === null ? null : encodeURIComponent(choice.unit)
  const answer = useFetch<Inspections>(unit === null ? null : `/api/places/inspections?unit=${unit}`)
  // The overdue list carries no findings: the places' latest inspections are read beside it.
  const places = useFetch<Items<RecordView<PlaceState & Partial<InspectedPlaceView>>>>(unit === null ? null : `/api/records/place?unit=${unit}&limit=500`)
  const latest = new Map(places.status === 'ok' ? places.data.items.map((p) => [p.recordId, p.state]) : [])
  return (
    <Page title={t('inspections.title')} intro={t('inspections.intro')} testId="inspections-page">
      <UnitPicker choice={choice} />
      {answer.status === 'loading' ? <Loading /> : null}
      {answer.status === 'error' ? <ErrorNotice error={answer.error} onRetry={() => void answer.reload()} /> : null}
      {answer.status === 'ok' ? (
        <>
          <section className="card" aria-labelledby="inspections-overdue" data-testid="inspections-overdue">
            <h2 id="inspections-overdue">{t('inspections.overdue.title')}</h2>
            {answer.data.overdue.length === 0 ? <p className="notice notice-ok">{t('inspections.overdue.none')}</p> : null}
            <ul className="reg-rows">
              {answer.data.overdue.map((o) => (
                <Row key={o.recordId} place={{ ...latest.get(o.recordId), ...o }} unit={choice.unit ?? ''} state={o.daysOverdue === null ? t('inspections.never') : t('inspections.daysOverdue', { days: o.daysOverdue })} />
              ))}
            </ul>
          </section>
          <section className="card" aria-labelledby="inspections-repair" data-testid="inspections-repair">
            <h2 id="inspections-repair">{t('inspections.repair.title')}</h2>
            {answer.data.needsRepair.length === 0 ? <p className="notice notice-ok">{t('inspections.repair.none')}</p> : null}
            <ul className="reg-rows">
              {answer.data.needsRepair.map((p) => (
                <Row key={p.recordId} place={p} unit={choice.unit ?? ''} />
              ))}
            </ul>
          </section>
        </>
      ) : null}
    </Page>
  )
}

function Row({ place, unit, state }: { place: InspectedPlaceView; unit: string; state?: string }) {
  const { t, dateTime } = useI18n()
  const unitName = useUnitNames()
  const findings = findingsText(t, place)
  const kind = `placeKind.${place.kind}`
  return (
    <li className={state ? 'reg-row reg-row-expired' : 'reg-row'} data-testid="inspections-place" data-id={place.recordId}>
      <span className="reg-row-main">
        <Link to={`records/place/${encodeURIComponent(place.recordId)}`} className="list-item-link">
          <strong>{place.name}</strong>
        </Link>
        <span className="muted">{[isMessageKey(kind) ? t(kind) : '', place.orgUnitId === unit ? '' : unitName(place.orgUnitId)].filter(Boolean).join(' · ')}</span>
        {place.inspectedAt ? <span>{t('inspections.last', { when: dateTime(place.inspectedAt) })}</span> : null}
        {findings.length > 0 ? <span>{findings.join(' · ')}</span> : null}
      </span>
      {state ? <span className="reg-state reg-state-expired">{state}</span> : null}
    </li>
  )
}
