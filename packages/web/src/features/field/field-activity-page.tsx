import { useState } from 'react'
import type { AttentionState, FieldRecordType, PatrolState, RecordView, RescueState } from '../../api/types.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { Link } from '../../ui/router.tsx'
import { Badges, ErrorNotice, Loading, MoreButton, Page } from '../../ui/status.tsx'
import { usePaged } from '../../ui/use-fetch.ts'
import { useSession } from '../auth/session.tsx'
import { useUnitNames } from '../org-units/use-unit-names.ts'

const TYPES = ['attention', 'rescue', 'patrol'] as const satisfies readonly FieldRecordType[]
const PAGE_SIZE = 20

/** Attentions, rescues and patrols the account may see, latest work first (by when it happened, not when it was sent), each opening its record. */
export function FieldActivityPage() {
  const { t } = useI18n()
  const { can } = useSession()
  const types = TYPES.filter((type) => can(`${type}.read`))
  const [chosen, setChosen] = useState<FieldRecordType>(types[0] ?? 'attention')
  const [toReview, setToReview] = useState(false)
  return (
    <Page title={t('field.title')}>
      <div className="segmented" role="group" aria-label={t('field.types')}>
        {types.map((type) => (
          <button key={type} type="button" aria-pressed={type === chosen} onClick={() => setChosen(type)}>
            {t(`field.type.${type}`)}
          </button>
        ))}
      </div>
      <label className="check">
        <input type="checkbox" checked={toReview} onChange={(e) => setToReview(e.target.checked)} />
        {t('field.onlyReview')}
      </label>
      <RecordList key={`${chosen}-${String(toReview)}`} type={chosen} toReview={toReview} />
    </Page>
  )
}

function RecordList({ type, toReview }: { type: FieldRecordType; toReview: boolean }) {
  const list = usePaged<RecordView<AttentionState | RescueState | PatrolState>>(`/api/records/${type}?order=occurred&limit=${PAGE_SIZE}${toReview ? '&needsReview=true' : ''}`)
  const unitName = useUnitNames()
  const { t } = useI18n()
  if (list.status === 'error' && list.items.length === 0) {
    return <ErrorNotice error={list.error} onRetry={list.reload} />
  }
  if (list.status === 'loading' && list.items.length === 0) {
    return <Loading />
  }
  return (
    <>
      {list.items.length === 0 ? <p className="muted">{t(toReview ? 'field.noneToReview' : 'app.empty')}</p> : null}
      <ul className="list" data-testid="record-list">
        {list.items.map((record) => (
          <li key={record.recordId} className={record.priority ? 'list-item list-item-priority' : 'list-item'}>
            <FieldRecord type={type} record={record} unit={unitName(record.orgUnitId)} />
          </li>
        ))}
      </ul>
      {list.status === 'error' ? <ErrorNotice error={list.error} onRetry={list.loadMore} /> : null}
      <MoreButton shown={list.items.length} hasMore={list.hasMore} loading={list.status === 'loading'} onMore={list.loadMore} />
    </>
  )
}

function FieldRecord({ type, record, unit }: { type: FieldRecordType; record: RecordView<AttentionState | RescueState | PatrolState>; unit: string }) {
  const { t, dateTime } = useI18n()
  const state = record.state
  let title: string
  let when: string
  let details: string[]
  let chips: string[] = []
  if ('setting' in state) {
    title = t(`setting.${state.setting}`)
    when = state.at
    details = [t('field.people', { count: people(state) })]
    chips = state.services.map((s) => t(`service.${s}`))
  } else if ('emergencyType' in state) {
    title = t(`emergency.${state.emergencyType}`)
    when = state.at
    details = [t('field.people', { count: people(state) }), t('field.outcome', { outcome: t(`outcome.${state.outcome}`) })]
  } else {
    title = t(`patrolKind.${state.kind}`)
    when = state.startedAt
    details = [t('field.peopleEncountered', { count: state.peopleEncountered })]
    if (state.distanceKm !== undefined) {
      details.push(t('field.distance', { km: state.distanceKm }))
    }
  }
  return (
    <>
      <div className="list-item-head">
        <Link to={`records/${type}/${encodeURIComponent(record.recordId)}`} className="list-item-title list-item-link">
          {title}
        </Link>
        <Badges priority={record.priority} demo={record.demo} review={record.needsReview} />
      </div>
      <p className="list-item-meta">
        <time dateTime={when}>{dateTime(when)}</time> · {unit}
      </p>
      <p className="list-item-meta">{details.join(' · ')}</p>
      {chips.length > 0 ? (
        <ul className="chips" aria-label={t('field.services')}>
          {chips.map((chip) => (
            <li key={chip}>{chip}</li>
          ))}
        </ul>
      ) : null}
    </>
  )
}

function people(state: AttentionState | RescueState): number {
  return state.people.reduce((sum, group) => sum + group.count, 0)
}
