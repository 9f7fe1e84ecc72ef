import type { JourneyPlace } from '@faro/core'
import { useMemo } from 'react'
import type { Items, OrgUnit } from '../../api/types.ts'
import { isMessageKey, type MessageKey, type MessageValues } from '../../i18n/messages.ts'
import type { Choice } from '../../ui/choices.ts'
import { useFetch } from '../../ui/use-fetch.ts'
import { dueWords } from './due.ts'

type T = (key: MessageKey, values?: MessageValues) => string

/**
 * A value of a case catalogue in words (`case.category.extortion`): a value the catalogue lacks
 * (a newer server) is shown as "other" rather than as its code.
 */
export function word(t: T, catalogue: string, value: string): string {
  const key = `case.${catalogue}.${value}`
  return isMessageKey(key) ? t(key) : t('case.unknownValue')
}

/** A language the person wants to be written to in: the catalogue's name, else the browser's. */
export function languageName(t: T, uiLang: string, code: string): string {
  const key = `case.language.${code}`
  if (isMessageKey(key)) {
    return t(key)
  }
  try {
    return new Intl.DisplayNames([uiLang], { type: 'language' }).of(code) ?? t('case.unknownValue')
  } catch {
    return t('case.unknownValue')
  }
}

/** Where it happened, in words: the kind of place, then the highway and kilometre or the city and state. */
export function placeText(t: T, place: JourneyPlace | undefined): string {
  if (place === undefined) {
    return word(t, 'placeKind', 'unknown')
  }
  const road = [place.highway, place.km === undefined ? undefined : t('case.place.km', { km: place.km })].filter(Boolean).join(', ')
  const town = [place.city, place.state].filter(Boolean).join(', ')
  return [word(t, 'placeKind', place.kind), road, town, place.note].filter(Boolean).join(' · ')
}

/** A deadline as "vence en 2 días" or "vencido hace 3 h". */
export function dueText(t: T, deadline: string, now: Date): { text: string; overdue: boolean } {
  const due = dueWords(deadline, now)
  return { text: t(due.key, { n: due.n }), overdue: due.overdue }
}

/**
 * The bodies a case can be sent to (agencies and internal control bodies), named and sorted, and
 * the agencies alone (who may be accused). Empty until the org tree arrives.
 */
export function useBodies(): { bodies: Choice[]; agencies: Choice[]; status: 'loading' | 'ok' | 'error' } {
  const units = useFetch<Items<OrgUnit>>('/api/org-units')
  return useMemo(() => {
    const items = units.status === 'ok' ? units.data.items : []
    const choice = (u: OrgUnit): Choice => ({ value: u.id, label: u.code && !u.name.includes(u.code) ? `${u.name} (${u.code})` : u.name })
    const sorted = (list: OrgUnit[]) => list.map(choice).sort((a, b) => a.label.localeCompare(b.label, 'es'))
    return {
      bodies: sorted(items.filter((u) => u.kind === 'agency' || u.kind === 'internal_control')),
      agencies: sorted(items.filter((u) => u.kind === 'agency')),
      status: units.status,
    }
  }, [units])
}
