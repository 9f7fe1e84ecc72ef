import { daysBetween, EXPIRY_WINDOW_DAYS, type Lang, type RenewalReason } from '@faro/core'
import { isMessageKey, type MessageKey, type MessageValues } from '../../i18n/messages.ts'
import type { HistoryEntry } from '../../api/types.ts'
import type { Certificate, Course, InspectedPlaceView } from './types.ts'

type T = (key: MessageKey, values?: MessageValues) => string

/** Where a certificate or a fitness check stands today: no end, well ahead, within the alert window, or past. */
export type Expiry = { state: 'never' } | { state: 'valid' | 'soon' | 'expired'; days: number }

/** Days left until `endsOn` (negative once past) and how to show them, with the server's 60-day window. */
export function expiryOf(endsOn: string | undefined | null, today: string): Expiry {
  if (endsOn === undefined || endsOn === null) {
    return { state: 'never' }
  }
  const days = daysBetween(today, endsOn)
  if (days < 0) {
    return { state: 'expired', days: -days }
  }
  return { state: days <= EXPIRY_WINDOW_DAYS ? 'soon' : 'valid', days }
}

/** "Vigente hasta 3 mar 2027", "Vence en 12 días", "Venció hace 3 días", "No vence". */
export function expiryText(t: T, lang: Lang, expiry: Expiry, endsOn?: string | null): string {
  switch (expiry.state) {
    case 'never':
      return t('reg.expiry.never')
    case 'valid':
      return t('reg.expiry.valid', { date: dayText(lang, endsOn ?? '') })
    case 'soon':
      return t('reg.expiry.soon', { days: expiry.days })
    case 'expired':
      return t('reg.expiry.expired', { days: expiry.days })
  }
}

/** A day (YYYY-MM-DD) in words, as lived: no time zone may move it to the day before. */
export function dayText(lang: Lang, day: string): string {
  const date = new Date(`${day}T12:00:00Z`)
  if (Number.isNaN(date.getTime())) {
    return day
  }
  return new Intl.DateTimeFormat(lang === 'es' ? 'es-MX' : 'en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(date)
}

/** A course's name: the catalogue's words for a built-in course, its own name for one the national office added. */
export function courseName(t: T, lang: Lang, code: string, courses: readonly Course[]): string {
  const key = `course.${code}`
  if (isMessageKey(key)) {
    return t(key)
  }
  const added = courses.find((c) => c.code === code)?.name
  return added ? added[lang] : t('reg.course.unknown')
}

/** Each course's newest certificate of a person (older ones are superseded), the soonest to end first. */
export function currentCertificates(certificates: readonly Certificate[]): Certificate[] {
  const latest = new Map<string, Certificate>()
  for (const c of certificates) {
    const held = latest.get(c.course)
    if (c.revoked !== true && (held === undefined || c.issuedOn > held.issuedOn)) {
      latest.set(c.course, c)
    }
  }
  return [...latest.values()].sort((a, b) => (a.expiresOn ?? '9999').localeCompare(b.expiresOn ?? '9999') || a.course.localeCompare(b.course))
}

// The server's order of urgency (packages/core/src/registries/attention.ts), for reading the reasons of one item.
const REASON_ORDER: readonly RenewalReason[] = ['lost', 'out_of_service', 'service_overdue', 'in_repair', 'poor_condition', 'old', 'service_due']

/** An item's reasons for renewal, the most urgent first, in words ("En reparación", "Antiguo: 14 años"). */
export function reasonsText(t: T, reasons: readonly RenewalReason[], ageYears?: number): string[] {
  return [...reasons].sort((a, b) => REASON_ORDER.indexOf(a) - REASON_ORDER.indexOf(b)).map((r) => (r === 'old' && ageYears !== undefined ? t('renewal.oldYears', { years: ageYears }) : t(`renewal.${r}`)))
}

/** What the latest inspection of a tower or sign found, in words; nothing when it was never inspected. */
export function findingsText(t: T, place: Pick<InspectedPlaceView, 'status' | 'damage' | 'waterTankLevel' | 'strobeWorking' | 'inspectionNotes'>): string[] {
  const out: string[] = []
  if (place.status === 'needs_repair') {
    out.push(t('placeStatus.needs_repair'))
  }
  const damage = `damage.${place.damage ?? ''}`
  if (isMessageKey(damage)) {
    out.push(t('inspections.damage', { value: t(damage) }))
  }
  const tank = `tank.${place.waterTankLevel ?? ''}`
  if (isMessageKey(tank)) {
    out.push(t('inspections.tank', { value: t(tank) }))
  }
  if (place.strobeWorking !== undefined) {
    out.push(t(place.strobeWorking ? 'inspections.strobeOk' : 'inspections.strobeDead'))
  }
  if (place.inspectionNotes !== undefined && place.inspectionNotes.trim() !== '') {
    out.push(t('inspections.notes', { text: place.inspectionNotes.trim() }))
  }
  return out
}

/** One step of an item's history with the fields it changed. */
export interface EquipmentStep {
  seq: number
  registered: boolean
  receivedAt: string
  changed: Record<string, unknown>
}

/**
 * An item's history, newest first, each step with only the fields whose value it changed (a
 * change repeats the status and condition it kept) and its note: the condition history.
 */
export function equipmentSteps(history: readonly HistoryEntry[]): EquipmentStep[] {
  const state = new Map<string, string>()
  const steps: EquipmentStep[] = []
  for (const entry of [...history].sort((a, b) => a.seq - b.seq)) {
    const changed: Record<string, unknown> = {}
    for (const [field, value] of Object.entries(entry.payload)) {
      const text = JSON.stringify(value)
      if (field === 'note' || state.get(field) !== text) {
        changed[field] = value
      }
      state.set(field, text)
    }
    steps.push({ seq: entry.seq, registered: entry.type === 'EquipmentRegistered', receivedAt: entry.receivedAt, changed })
  }
  return steps.reverse()
}

/**
 * One step of an item's history (EquipmentRegistered, EquipmentUpdated) in words: each field it
 * set, named and valued from the catalogues, the note last. Fields the screen does not know are
 * left out rather than shown as codes.
 */
export function equipmentChangeText(t: T, lang: Lang, payload: Record<string, unknown>): string[] {
  const out: string[] = []
  const text = (key: string) => (typeof payload[key] === 'string' ? String(payload[key]) : undefined)
  const number = (key: string) => (typeof payload[key] === 'number' ? Number(payload[key]) : undefined)
  const status = word(t, 'equipmentStatus', text('status'))
  if (status !== undefined) {
    out.push(t('gear.change.status', { value: status }))
  }
  const condition = word(t, 'equipmentCondition', text('condition'))
  if (condition !== undefined) {
    out.push(t('gear.change.condition', { value: condition }))
  }
  const identifier = text('identifier')
  if (identifier !== undefined) {
    out.push(t('gear.change.identifier', { value: identifier }))
  }
  const quantity = number('quantity')
  if (quantity !== undefined && quantity > 1) {
    out.push(t('gear.quantity', { count: quantity }))
  }
  const usage = number('usage')
  if (usage !== undefined) {
    out.push(t('gear.change.usage', { value: usage }))
  }
  const serviceOn = text('nextServiceOn')
  if (serviceOn !== undefined) {
    out.push(t('gear.nextService', { date: dayText(lang, serviceOn) }))
  }
  const serviceAt = number('nextServiceAt')
  if (serviceAt !== undefined) {
    out.push(t('gear.change.serviceAt', { value: serviceAt }))
  }
  if (Array.isArray(payload.crew) && payload.crew.length > 0) {
    out.push(t('gear.change.crew', { count: payload.crew.length }))
  }
  const note = text('note')
  if (note !== undefined && note.trim() !== '') {
    out.push(t('gear.change.note', { text: note.trim() }))
  }
  return out
}

/** A value of a closed list in the catalogue's words, or nothing when the catalogue does not know it. */
function word(t: T, prefix: string, value: string | undefined): string | undefined {
  const key = `${prefix}.${value ?? ''}`
  return value !== undefined && isMessageKey(key) ? t(key) : undefined
}
