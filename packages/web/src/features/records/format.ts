import { useCallback } from 'react'
import { useI18n } from '../../i18n/i18n.tsx'
import { isMessageKey } from '../../i18n/messages.ts'
import { useUnitNames } from '../org-units/use-unit-names.ts'

/** Catalog prefixes of the payload fields whose values are codes of a closed list. */
const CODE_PREFIX: Record<string, string> = {
  setting: 'setting',
  services: 'service',
  emergencyType: 'emergency',
  outcome: 'outcome',
  partners: 'partner',
  equipment: 'equipment',
  condition: 'remainsCondition',
  sex: 'sex',
  vulnerabilities: 'vulnerability',
  status: 'placeStatus',
  authority: 'authority',
}
const KIND_PREFIX: Record<string, string> = { patrol: 'patrolKind', place: 'placeKind' }
// A field's codes that mean something else in one record type: a call's outcome is not a rescue's.
const TYPE_PREFIX: Record<string, Record<string, string>> = {
  call: { topic: 'call.topic', outcome: 'call.outcome', fromCountry: 'call.from', language: 'call.language' },
}
const TIMES = new Set(['at', 'startedAt', 'endedAt', 'foundAt', 'notifiedAt', 'inspectedAt', 'clientTime'])

/**
 * Turns a payload value into words a person reads: codes through the catalogs, times in the local
 * format, units by name, people groups and routes counted. Never JSON, never a code the catalog
 * knows a name for; linked people appear only as how many.
 */
export function useValueText(recordType: string): (field: string, value: unknown) => string {
  const { t, dateTime, lang } = useI18n()
  const unitName = useUnitNames()
  return useCallback(
    (field: string, value: unknown): string => {
      const code = (prefix: string | undefined, v: unknown): string => {
        const key = `${prefix ?? ''}.${String(v)}`
        return prefix && isMessageKey(key) ? t(key) : String(v)
      }
      if (value === null || value === undefined || value === '') {
        return '—'
      }
      if (field === 'personIds' || field === 'crew') {
        return t('record.count', { count: Array.isArray(value) ? value.length : 0 })
      }
      if (field === 'orgUnitId' && typeof value === 'string') {
        return unitName(value)
      }
      if (TIMES.has(field) && typeof value === 'string') {
        return dateTime(value)
      }
      if (field === 'people' && Array.isArray(value)) {
        const total = value.reduce((sum: number, g: unknown) => sum + (isObject(g) && typeof g.count === 'number' ? g.count : 0), 0)
        return t('record.people', { count: total })
      }
      if (field === 'route' && Array.isArray(value)) {
        return t('record.points', { count: value.length })
      }
      if (field === 'location' && isObject(value) && typeof value.lat === 'number' && typeof value.lon === 'number') {
        return `${value.lat.toFixed(5)}, ${value.lon.toFixed(5)}`
      }
      // The languages a call is taken in have words of their own; any other, the browser's name for it.
      if (field === 'language' && recordType === 'call' && typeof value === 'string' && !isMessageKey(`call.language.${value}`)) {
        return new Intl.DisplayNames([lang], { type: 'language', fallback: 'code' }).of(value) ?? value
      }
      const prefix = TYPE_PREFIX[recordType]?.[field] ?? (field === 'kind' ? KIND_PREFIX[recordType] : CODE_PREFIX[field])
      if (Array.isArray(value)) {
        return value.length === 0 ? '—' : value.map((v) => (typeof v === 'object' ? '…' : code(prefix, v))).join(', ')
      }
      if (typeof value === 'boolean') {
        return t(value ? 'record.yes' : 'record.no')
      }
      if (typeof value === 'number') {
        return new Intl.NumberFormat().format(value)
      }
      if (typeof value === 'string') {
        return code(prefix, value)
      }
      return t('record.details', { count: Object.keys(isObject(value) ? value : {}).length })
    },
    [t, dateTime, lang, unitName, recordType],
  )
}

/** The catalog label of a payload field, or its own name for one the catalog does not know. */
export function useFieldName(): (field: string) => string {
  const { t } = useI18n()
  return useCallback(
    (field: string) => {
      const key: string = `review.field.${field}`
      return isMessageKey(key) ? t(key) : field
    },
    [t],
  )
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
