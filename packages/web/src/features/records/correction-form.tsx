import { AgeBand, AttentionSetting, EmergencyType, PatrolKind, payloadSchemaOf, RemainsCondition, RescueOutcome, Service, Sex, Vulnerability, type PeopleCount } from '@faro/core'
import { useId, useState, type FormEvent, type ReactNode } from 'react'
import type { FieldRecordType, RecordView } from '../../api/types.ts'
import { ApiError } from '../../api/client.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { isMessageKey } from '../../i18n/messages.ts'
import { countryChoices } from '../../ui/choices.ts'
import { errorText } from '../../ui/error-text.ts'
import { FormActions } from '../../ui/form.tsx'
import { useActionSender } from '../../ui/online-action.ts'
import { fromLocalInput, toLocalInput } from '../field-mode/form-bits.tsx'
import { useFieldName } from './format.ts'

type Kind =
  | { kind: 'time' }
  | { kind: 'choice'; options: readonly string[]; prefix: string }
  | { kind: 'checks'; options: readonly string[]; prefix: string }
  | { kind: 'number'; min: number; step?: number }
  | { kind: 'text'; multiline?: boolean }
  | { kind: 'people' }

// What a correction may change, per record type: the fields a person reads and gets wrong. The
// unit is fixed at creation (it decides who sees the record); routes, crews and linked people
// come from devices and the vault, not from typing.
const FIELDS: Record<FieldRecordType | 'remains', Record<string, Kind>> = {
  attention: {
    at: { kind: 'time' },
    setting: { kind: 'choice', options: AttentionSetting.options, prefix: 'setting' },
    people: { kind: 'people' },
    services: { kind: 'checks', options: Service.options, prefix: 'service' },
    notes: { kind: 'text', multiline: true },
  },
  rescue: {
    at: { kind: 'time' },
    emergencyType: { kind: 'choice', options: EmergencyType.options, prefix: 'emergency' },
    outcome: { kind: 'choice', options: RescueOutcome.options, prefix: 'outcome' },
    people: { kind: 'people' },
    notes: { kind: 'text', multiline: true },
  },
  patrol: {
    kind: { kind: 'choice', options: PatrolKind.options, prefix: 'patrolKind' },
    startedAt: { kind: 'time' },
    endedAt: { kind: 'time' },
    distanceKm: { kind: 'number', min: 0, step: 0.1 },
    peopleEncountered: { kind: 'number', min: 0 },
    vehicle: { kind: 'text' },
  },
  remains: {
    foundAt: { kind: 'time' },
    count: { kind: 'number', min: 1 },
    condition: { kind: 'choice', options: RemainsCondition.options, prefix: 'remainsCondition' },
    placeDescription: { kind: 'text', multiline: true },
    notes: { kind: 'text', multiline: true },
  },
}

const ACTION: Record<keyof typeof FIELDS, string> = {
  attention: 'AttentionCorrected',
  rescue: 'RescueCorrected',
  patrol: 'PatrolCorrected',
  remains: 'RemainsCorrected',
}

/** The record types a correction form exists for. */
export function correctable(type: string): type is keyof typeof FIELDS {
  return Object.hasOwn(FIELDS, type)
}

type Draft = Record<string, unknown>

/**
 * Corrects a field record: its fields as they stand, changed in place, sent as one correction
 * with only what changed and the version it was made on, so a change made meanwhile by someone
 * else is flagged for review instead of silently lost. Validated by the same core schema as the
 * server's.
 */
export default function CorrectionForm({ record: current, onDone, onCancel }: { record: RecordView<Record<string, unknown>>; onDone(): void; onCancel(): void }) {
  const { t } = useI18n()
  // The record as it was when the form opened: its version goes with the correction, so a change
  // that lands meanwhile is caught as concurrent rather than folded in unseen.
  const [record] = useState(current)
  const fieldName = useFieldName()
  const type = record.recordType
  const fields = correctable(type) ? FIELDS[type] : {}
  const [draft, setDraft] = useState<Draft>(() => initialDraft(fields, record.state))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [notice, setNotice] = useState<string | undefined>(undefined)
  const [busy, setBusy] = useState(false)
  const send = useActionSender()
  if (!correctable(type)) {
    return null
  }

  async function submit(e: FormEvent) {
    e.preventDefault()
    setNotice(undefined)
    const payload = changes(fields, record.state, draft)
    if (Object.keys(payload).length === 0) {
      setErrors({})
      setNotice(t('correct.nothing'))
      return
    }
    const parsed = payloadSchemaOf(type as keyof typeof FIELDS, ACTION[type as keyof typeof FIELDS])?.safeParse(payload)
    if (parsed && !parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? ''), t('form.error.invalid')])))
      return
    }
    setErrors({})
    setBusy(true)
    try {
      await send({ recordType: type, recordId: record.recordId, type: ACTION[type as keyof typeof FIELDS], payload, baseVersion: record.version })
      onDone()
    } catch (error) {
      const issues = error instanceof ApiError ? (error.problem?.errors ?? []) : []
      const placed = Object.fromEntries(issues.filter((i) => i.field.startsWith('payload.')).map((i) => [i.field.slice('payload.'.length).split('.')[0] ?? '', i.message]))
      setErrors(placed)
      if (Object.keys(placed).length === 0) {
        setNotice(errorText(error, t))
      }
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="card form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="correct-heading" data-testid="correction-form">
      <h2 id="correct-heading">{t('correct.title')}</h2>
      <p className="muted small">{t('correct.intro')}</p>
      {Object.entries(fields).map(([field, spec]) => (
        <FieldInput key={field} label={fieldName(field)} spec={spec} value={draft[field]} error={errors[field]} onChange={(v) => {
            setDraft((d) => ({ ...d, [field]: v }))
            setErrors(({ [field]: _fixed, ...rest }) => rest)
          }} />
      ))}
      {notice ? (
        <p className="notice notice-warning" role="status">
          {notice}
        </p>
      ) : null}
      <FormActions submit={t('correct.save')} busy={busy} onCancel={onCancel} />
    </form>
  )
}

function FieldInput({ label, spec, value, error, onChange }: { label: string; spec: Kind; value: unknown; error: string | undefined; onChange(v: unknown): void }) {
  const id = useId()
  const { t } = useI18n()
  const described = error ? `${id}-error` : undefined
  const invalid = error ? true : undefined
  let control: ReactNode
  switch (spec.kind) {
    case 'time':
      control = <input id={id} type="datetime-local" value={String(value ?? '')} onChange={(e) => onChange(e.target.value)} aria-invalid={invalid} aria-describedby={described} />
      break
    case 'number':
      control = <input id={id} type="number" inputMode="decimal" min={spec.min} step={spec.step ?? 1} value={String(value ?? '')} onChange={(e) => onChange(e.target.value)} aria-invalid={invalid} aria-describedby={described} />
      break
    case 'text':
      control = spec.multiline ? (
        <textarea id={id} value={String(value ?? '')} onChange={(e) => onChange(e.target.value)} aria-invalid={invalid} aria-describedby={described} />
      ) : (
        <input id={id} type="text" value={String(value ?? '')} onChange={(e) => onChange(e.target.value)} aria-invalid={invalid} aria-describedby={described} />
      )
      break
    case 'choice':
      control = (
        <select id={id} value={String(value ?? '')} onChange={(e) => onChange(e.target.value)} aria-invalid={invalid} aria-describedby={described}>
          {spec.options.map((o) => (
            <option key={o} value={o}>
              {codeText(t, spec.prefix, o)}
            </option>
          ))}
        </select>
      )
      break
    case 'checks': {
      const chosen = Array.isArray(value) ? (value as string[]) : []
      return (
        <fieldset aria-describedby={described}>
          <legend>{label}</legend>
          <div className="check-grid">
            {spec.options.map((o) => (
              <label key={o} className="check">
                <input type="checkbox" checked={chosen.includes(o)} onChange={() => onChange(chosen.includes(o) ? chosen.filter((x) => x !== o) : [...chosen, o])} />
                {codeText(t, spec.prefix, o)}
              </label>
            ))}
          </div>
          <ErrorLine id={`${id}-error`} text={error} />
        </fieldset>
      )
    }
    case 'people':
      return (
        <fieldset aria-describedby={described}>
          <legend>{label}</legend>
          <PeopleGroups groups={Array.isArray(value) ? (value as PeopleDraft[]) : []} onChange={onChange} />
          <ErrorLine id={`${id}-error`} text={error} />
        </fieldset>
      )
  }
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {control}
      <ErrorLine id={`${id}-error`} text={error} />
    </div>
  )
}

type PeopleDraft = Omit<PeopleCount, 'count'> & { count: string }

/** The counted groups of a record: how many, and what is known of them, group by group. */
function PeopleGroups({ groups, onChange }: { groups: readonly PeopleDraft[]; onChange(next: PeopleDraft[]): void }) {
  const { t, lang } = useI18n()
  const base = useId()
  const set = (i: number, patch: Partial<PeopleDraft>) => onChange(groups.map((g, j) => (j === i ? { ...g, ...patch } : g)))
  const countries = countryChoices(lang)
  return (
    <>
      {groups.map((g, i) => {
        const id = `${base}-${i}`
        return (
          <div key={id} className="people-group" data-testid="correct-people-group">
            <p className="list-item-title">{t('correct.group', { n: i + 1 })}</p>
            <div className="form-row">
              <div className="field">
                <label htmlFor={`${id}-count`}>{t('correct.groupCount')}</label>
                <input id={`${id}-count`} type="number" inputMode="numeric" min={1} value={g.count} onChange={(e) => set(i, { count: e.target.value })} />
              </div>
              <div className="field">
                <label htmlFor={`${id}-sex`}>{t('fm.people.sex')}</label>
                <select id={`${id}-sex`} value={g.sex} onChange={(e) => set(i, { sex: Sex.options.find((s) => s === e.target.value) ?? 'unknown' })}>
                  {Sex.options.map((s) => (
                    <option key={s} value={s}>
                      {t(`sex.${s}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor={`${id}-age`}>{t('fm.people.age')}</label>
                <select id={`${id}-age`} value={g.ageBand} onChange={(e) => set(i, { ageBand: AgeBand.options.find((a) => a === e.target.value) ?? 'unknown' })}>
                  {AgeBand.options.map((a) => (
                    <option key={a} value={a}>
                      {a === 'unknown' ? t('fm.people.unknown') : t('fm.people.ageBand', { band: a })}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor={`${id}-nat`}>{t('fm.people.nationality')}</label>
                <select id={`${id}-nat`} value={g.nationality} onChange={(e) => set(i, { nationality: e.target.value })}>
                  <option value="unknown">{t('fm.people.unknown')}</option>
                  {countries.some((c) => c.value === g.nationality) || g.nationality === 'unknown' ? null : <option value={g.nationality}>{g.nationality}</option>}
                  {countries.map((c) => (
                    <option key={c.value} value={c.value}>
                      {c.label}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            <fieldset>
              <legend>{t('fm.people.vulnerabilities')}</legend>
              <div className="check-grid">
                {Vulnerability.options.map((v) => (
                  <label key={v} className="check">
                    <input
                      type="checkbox"
                      checked={g.vulnerabilities.includes(v)}
                      onChange={() => set(i, { vulnerabilities: g.vulnerabilities.includes(v) ? g.vulnerabilities.filter((x) => x !== v) : [...g.vulnerabilities, v] })}
                    />
                    {t(`vulnerability.${v}`)}
                  </label>
                ))}
              </div>
            </fieldset>
            {groups.length > 1 ? (
              <button type="button" className="button button-secondary" onClick={() => onChange(groups.filter((_, j) => j !== i))}>
                {t('correct.removeGroup', { n: i + 1 })}
              </button>
            ) : null}
          </div>
        )
      })}
      <button type="button" className="button button-secondary" onClick={() => onChange([...groups, { count: '1', sex: 'unknown', ageBand: 'unknown', nationality: 'unknown', vulnerabilities: [] }])}>
        {t('correct.addGroup')}
      </button>
    </>
  )
}

function ErrorLine({ id, text }: { id: string; text: string | undefined }) {
  return text ? (
    <p className="field-error" id={id} role="alert">
      {text}
    </p>
  ) : null
}

function codeText(t: (key: never) => string, prefix: string, value: string): string {
  const key = `${prefix}.${value}`
  return isMessageKey(key) ? (t as (key: string) => string)(key) : value
}

/** The form's values for a state: times for the local clock, numbers as typed text. */
function initialDraft(fields: Record<string, Kind>, state: Record<string, unknown>): Draft {
  const draft: Draft = {}
  for (const [field, spec] of Object.entries(fields)) {
    draft[field] = toDraft(spec, state[field])
  }
  return draft
}

function toDraft(spec: Kind, value: unknown): unknown {
  switch (spec.kind) {
    case 'time':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? toLocalInput(new Date(value)) : ''
    case 'number':
      return typeof value === 'number' ? String(value) : ''
    case 'text':
      return typeof value === 'string' ? value : ''
    case 'choice':
      return typeof value === 'string' ? value : ''
    case 'checks':
      return Array.isArray(value) ? value : []
    case 'people':
      return Array.isArray(value)
        ? (value as PeopleCount[]).map((g) => ({ count: String(g.count), sex: g.sex ?? 'unknown', ageBand: g.ageBand ?? 'unknown', nationality: g.nationality ?? 'unknown', vulnerabilities: g.vulnerabilities ?? [] }))
        : []
  }
}

function fromDraft(spec: Kind, value: unknown): unknown {
  switch (spec.kind) {
    // Unreadable or emptied values go as they are, for the schema to refuse on the field.
    case 'time':
      return fromLocalInput(String(value)) ?? String(value)
    case 'number': {
      const text = String(value).trim()
      return text === '' ? text : Number(text.replace(',', '.'))
    }
    case 'text':
      return String(value).trim()
    case 'choice':
    case 'checks':
      return value
    case 'people':
      return (value as PeopleDraft[]).map((g) => ({ ...g, count: Number(g.count) }))
  }
}

/** The fields whose value differs from the state's, as a correction payload. */
export function changes(fields: Record<string, Kind>, state: Record<string, unknown>, draft: Draft): Record<string, unknown> {
  const payload: Record<string, unknown> = {}
  for (const [field, spec] of Object.entries(fields)) {
    if (JSON.stringify(draft[field]) === JSON.stringify(toDraft(spec, state[field]))) {
      continue
    }
    payload[field] = fromDraft(spec, draft[field])
  }
  return payload
}
