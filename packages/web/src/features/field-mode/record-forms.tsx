import {
  Authority,
  Damage,
  EmergencyType,
  PatrolKind,
  PatrolRecorded,
  PlaceInspected,
  RemainsCondition,
  RemainsFound,
  RescueEquipment,
  RescueOutcome,
  RescuePartner,
  RescueRecorded,
  WaterTankLevel,
  type RecordType,
} from '@faro/core'
import { useState, type FormEvent, type ReactNode } from 'react'
import type { z } from 'zod'
import { useI18n } from '../../i18n/i18n.tsx'
import { uuidv7 } from '../../outbox/uuidv7.ts'
import { useSession } from '../auth/session.tsx'
import { Field, fromLocalInput, toLocalInput, useSaved, ValidationErrors, type Issue, EnumSelect } from './form-bits.tsx'
import type { CrewMember, ReferencePlace } from './reference.ts'
import { useFieldService } from './service-context.tsx'
import type { Fix } from './use-position.ts'

/** The values of one of core's zod enums. */
export type Opt<E extends { options: readonly string[] }> = E['options'][number]

/**
 * Validates a payload with core's schema (the one the server uses) and queues it. Returns true
 * when it was saved on the device.
 */
export function useRecordSaver() {
  const service = useFieldService()
  const saved = useSaved()
  const [issues, setIssues] = useState<Issue[]>([])
  const save = async (recordType: RecordType, type: string, schema: z.ZodType<Record<string, unknown>>, payload: Record<string, unknown>, recordId: string = uuidv7()): Promise<boolean> => {
    const parsed = schema.safeParse(payload)
    if (!parsed.success) {
      setIssues(parsed.error.issues)
      return false
    }
    setIssues([])
    await service.save({ recordType, recordId, type, payload: parsed.data })
    saved.show()
    return true
  }
  return { save, issues, saved: saved.visible }
}

export function FormFrame({ testId, onSubmit, issues, saved, submitLabel, children }: { testId: string; onSubmit: () => Promise<unknown>; issues: Issue[]; saved: boolean; submitLabel?: string; children: ReactNode }) {
  const { t } = useI18n()
  const submit = (e: FormEvent) => {
    e.preventDefault()
    void onSubmit()
  }
  return (
    <form className="fm-form" data-testid={testId} onSubmit={submit}>
      {children}
      <ValidationErrors issues={issues} />
      <button type="submit" className="button button-primary button-block fm-save">
        {submitLabel ?? t('fm.form.save')}
      </button>
      {saved ? (
        <p className="notice notice-ok" role="status" data-testid="fm-saved">
          {t('fm.saved')}
        </p>
      ) : null}
    </form>
  )
}

function location(fix: Fix | undefined) {
  return fix ? { location: { lat: fix.lat, lon: fix.lon, accuracyM: fix.accuracyM } } : {}
}

function numberOr(value: string, fallback?: number): number | undefined {
  const n = Number.parseFloat(value)
  return Number.isFinite(n) ? n : fallback
}

export function PatrolForm({ fix, crew }: { fix: Fix | undefined; crew: readonly CrewMember[] }) {
  const { t } = useI18n()
  const { me } = useSession()
  const { save, issues, saved } = useRecordSaver()
  const [kind, setKind] = useState<Opt<typeof PatrolKind>>('preventive')
  const [start, setStart] = useState(() => toLocalInput(new Date(Date.now() - 2 * 3_600_000)))
  const [end, setEnd] = useState(() => toLocalInput(new Date()))
  const [vehicle, setVehicle] = useState('')
  const [distance, setDistance] = useState('')
  const [encountered, setEncountered] = useState('0')
  const [members, setMembers] = useState<string[]>([me.user.id])
  const submit = () =>
    save('patrol', 'PatrolRecorded', PatrolRecorded, {
      orgUnitId: me.orgUnit.id,
      kind,
      startedAt: fromLocalInput(start),
      endedAt: fromLocalInput(end),
      crew: members,
      ...(vehicle ? { vehicle } : {}),
      route: fix ? [{ lat: fix.lat, lon: fix.lon, accuracyM: fix.accuracyM }] : [],
      distanceKm: numberOr(distance),
      peopleEncountered: numberOr(encountered, 0),
    })
  return (
    <FormFrame testId="fm-patrol" onSubmit={submit} issues={issues} saved={saved}>
      <Field id="fm-patrol-kind" label={t('fm.patrol.kind')}>
        <EnumSelect id="fm-patrol-kind" options={PatrolKind.options} value={kind} onChange={setKind} label={(k) => t(`patrolKind.${k}`)} />
      </Field>
      <Field id="fm-patrol-start" label={t('fm.patrol.start')}>
        <input id="fm-patrol-start" type="datetime-local" value={start} onChange={(e) => setStart(e.target.value)} />
      </Field>
      <Field id="fm-patrol-end" label={t('fm.patrol.end')}>
        <input id="fm-patrol-end" type="datetime-local" value={end} onChange={(e) => setEnd(e.target.value)} />
      </Field>
 {crew.length > 1 ? (
        <Checks legend={t('fm.patrol.crew')} options={crew.map((c) => c.id)} chosen={members} onChange={setMembers} label={(id) => crew.find((c) => c.id === id)?.displayName ?? id} />
      ) : null}
      <Field id="fm-patrol-vehicle" label={t('fm.patrol.vehicle')}>
        <input id="fm-patrol-vehicle" value={vehicle} maxLength={80} onChange={(e) => setVehicle(e.target.value)} />
      </Field>
      <Field id="fm-patrol-distance" label={t('fm.patrol.distance')}>
        <input id="fm-patrol-distance" inputMode="decimal" value={distance} onChange={(e) => setDistance(e.target.value)} />
      </Field>
      <Field id="fm-patrol-encountered" label={t('fm.patrol.encountered')}>
        <input id="fm-patrol-encountered" inputMode="numeric" value={encountered} onChange={(e) => setEncountered(e.target.value)} />
      </Field>
    </FormFrame>
  )
}

export function Checks<T extends string>({ legend, options, chosen, onChange, label }: { legend: string; options: readonly T[]; chosen: readonly T[]; onChange(next: T[]): void; label(value: T): string }) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      <div className="chips">
        {options.map((o) => (
          <label key={o} className="fm-check">
            <input type="checkbox" checked={chosen.includes(o)} onChange={() => onChange(chosen.includes(o) ? chosen.filter((x) => x !== o) : [...chosen, o])} />
            {label(o)}
          </label>
        ))}
      </div>
    </fieldset>
  )
}

export function RescueForm({ fix }: { fix: Fix | undefined }) {
  const { t } = useI18n()
  const { me } = useSession()
  const { save, issues, saved } = useRecordSaver()
  const [emergency, setEmergency] = useState<Opt<typeof EmergencyType>>('lost_in_desert')
  const [people, setPeople] = useState('1')
  const [outcome, setOutcome] = useState<Opt<typeof RescueOutcome>>('unharmed')
  const [partners, setPartners] = useState<Opt<typeof RescuePartner>[]>([])
  const [equipment, setEquipment] = useState<Opt<typeof RescueEquipment>[]>([])
  const [notes, setNotes] = useState('')
  const submit = () =>
    save('rescue', 'RescueRecorded', RescueRecorded, {
      orgUnitId: me.orgUnit.id,
      at: new Date().toISOString(),
      ...location(fix),
      emergencyType: emergency,
      people: [{ count: numberOr(people, 0) }],
      outcome,
      partners,
      equipment,
      ...(notes ? { notes } : {}),
    })
  return (
    <FormFrame testId="fm-rescue" onSubmit={submit} issues={issues} saved={saved}>
      <Field id="fm-rescue-type" label={t('fm.rescue.type')}>
        <EnumSelect id="fm-rescue-type" options={EmergencyType.options} value={emergency} onChange={setEmergency} label={(k) => t(`emergency.${k}`)} />
      </Field>
      <Field id="fm-rescue-people" label={t('fm.rescue.people')}>
        <input id="fm-rescue-people" inputMode="numeric" value={people} onChange={(e) => setPeople(e.target.value)} />
      </Field>
      <Field id="fm-rescue-outcome" label={t('fm.rescue.outcome')}>
        <EnumSelect id="fm-rescue-outcome" options={RescueOutcome.options} value={outcome} onChange={setOutcome} label={(k) => t(`outcome.${k}`)} />
      </Field>
      <Checks legend={t('fm.rescue.partners')} options={RescuePartner.options} chosen={partners} onChange={setPartners} label={(p) => t(`partner.${p}`)} />
      <Checks legend={t('fm.rescue.equipment')} options={RescueEquipment.options} chosen={equipment} onChange={setEquipment} label={(p) => t(`equipment.${p}`)} />
      <Field id="fm-rescue-notes" label={t('fm.notes')}>
        <textarea id="fm-rescue-notes" value={notes} maxLength={2000} onChange={(e) => setNotes(e.target.value)} />
      </Field>
    </FormFrame>
  )
}

export function RemainsForm({ fix }: { fix: Fix | undefined }) {
  const { t } = useI18n()
  const { me } = useSession()
  const { save, issues, saved } = useRecordSaver()
  const [condition, setCondition] = useState<Opt<typeof RemainsCondition>>('unknown')
  const [count, setCount] = useState('1')
  const [authority, setAuthority] = useState<Opt<typeof Authority> | ''>('')
  const [place, setPlace] = useState('')
  const submit = () => {
    const now = new Date().toISOString()
    return save('remains', 'RemainsFound', RemainsFound, {
      orgUnitId: me.orgUnit.id,
      foundAt: now,
      ...location(fix),
      ...(place ? { placeDescription: place } : {}),
      count: numberOr(count, 1),
      condition,
      ...(authority ? { authorityNotified: authority, notifiedAt: now } : {}),
    })
  }
  return (
    <FormFrame testId="fm-remains" onSubmit={submit} issues={issues} saved={saved}>
      <p className="field-hint">{t('fm.remains.hint')}</p>
      <Field id="fm-remains-condition" label={t('fm.remains.condition')}>
        <EnumSelect id="fm-remains-condition" options={RemainsCondition.options} value={condition} onChange={setCondition} label={(k) => t(`remainsCondition.${k}`)} />
      </Field>
      <Field id="fm-remains-count" label={t('fm.remains.count')}>
        <input id="fm-remains-count" inputMode="numeric" value={count} onChange={(e) => setCount(e.target.value)} />
      </Field>
      <Field id="fm-remains-authority" label={t('fm.remains.authority')}>
        <select id="fm-remains-authority" value={authority} onChange={(e) => setAuthority(e.target.value === '' ? '' : Authority.parse(e.target.value))}>
          <option value="">{t('fm.remains.notYet')}</option>
          {Authority.options.map((k) => (
            <option key={k} value={k}>
              {t(`authority.${k}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field id="fm-remains-place" label={t('fm.remains.place')}>
        <input id="fm-remains-place" value={place} maxLength={500} onChange={(e) => setPlace(e.target.value)} />
      </Field>
    </FormFrame>
  )
}

export function InspectionForm({ places: all }: { places: readonly ReferencePlace[] }) {
  const { t } = useI18n()
  // Inspections are of the towers and signs; help points have their own staff.
  const places = all.filter((p) => p.kind === 'orientation_tower' || p.kind === 'warning_sign')
  const { save, issues, saved } = useRecordSaver()
  const [placeId, setPlaceId] = useState('')
  const [tank, setTank] = useState<Opt<typeof WaterTankLevel>>('full')
  const [strobe, setStrobe] = useState(true)
  const [damage, setDamage] = useState<Opt<typeof Damage>>('none')
  const [notes, setNotes] = useState('')
  const chosen = placeId || places[0]?.recordId || ''
  const submit = () =>
    save(
      'place',
      'PlaceInspected',
      PlaceInspected,
      { inspectedAt: new Date().toISOString(), waterTankLevel: tank, strobeWorking: strobe, damage, ...(notes ? { inspectionNotes: notes } : {}) },
      chosen,
    )
  if (places.length === 0) {
    return <p className="muted">{t('fm.inspection.noPlaces')}</p>
  }
  return (
    <FormFrame testId="fm-inspection" onSubmit={submit} issues={issues} saved={saved}>
      <Field id="fm-inspection-place" label={t('fm.inspection.place')}>
        <select id="fm-inspection-place" value={chosen} onChange={(e) => setPlaceId(e.target.value)}>
          {places.map((p) => (
            <option key={p.recordId} value={p.recordId}>
              {p.name} · {t(`placeKind.${p.kind}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field id="fm-inspection-tank" label={t('fm.inspection.tank')}>
        <EnumSelect id="fm-inspection-tank" options={WaterTankLevel.options} value={tank} onChange={setTank} label={(k) => t(`tank.${k}`)} />
      </Field>
      <label className="fm-check">
        <input type="checkbox" checked={strobe} onChange={(e) => setStrobe(e.target.checked)} />
        {t('fm.inspection.strobe')}
      </label>
      <Field id="fm-inspection-damage" label={t('fm.inspection.damage')}>
        <EnumSelect id="fm-inspection-damage" options={Damage.options} value={damage} onChange={setDamage} label={(k) => t(`damage.${k}`)} />
      </Field>
      <Field id="fm-inspection-notes" label={t('fm.notes')}>
        <textarea id="fm-inspection-notes" value={notes} maxLength={2000} onChange={(e) => setNotes(e.target.value)} />
      </Field>
    </FormFrame>
  )
}
