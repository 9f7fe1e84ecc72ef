import type { PolicyAction } from '../../api/types.ts'
import { isMessageKey, type MessageKey, type MessageValues } from '../../i18n/messages.ts'

type T = (key: MessageKey, values?: MessageValues) => string

/**
 * The records a person can be linked to: the field work that met them. The server accepts a
 * link to any record the role may read; places are not about people, so they are not offered.
 */
export const LINKABLE_TYPES = ['attention', 'rescue', 'patrol', 'remains'] as const
export type LinkableType = (typeof LINKABLE_TYPES)[number]

/** The types a role may link to: those whose records it may read, as the server checks. */
export function linkableTypes(can: (action: PolicyAction) => boolean): LinkableType[] {
  return LINKABLE_TYPES.filter((type) => can(`${type}.read`))
}

/** True for a record type that can be opened and named from a person's links. */
export function isLinkable(type: string): type is LinkableType {
  return LINKABLE_TYPES.some((t) => t === type)
}

/** The name of a record type in the reader's language ("Atención"), or the type as it came. */
export function recordTypeName(type: string, t: T): string {
  const key = `record.type.${type}`
  return isMessageKey(key) ? t(key) : type
}

/** A record in the words its list shows: what happened, when it happened and to how many people. */
export interface RecordWords {
  title: string
  /** When the work happened (ISO), for a `<time>`; undefined when the record does not say. */
  when: string | undefined
  people: string | undefined
}

/**
 * Turns a record's state into words: the setting, emergency, patrol kind or condition of the
 * remains through the catalogues, when it happened and how many people. Never an id or a code.
 *
 * @example recordWords('attention', { setting: 'shelter', at: '2026-12-03T14:05:00Z', people: [{ count: 3 }] }, t)
 *   // { title: 'Albergue', when: '2026-12-03T14:05:00Z', people: '3 personas' }
 */
export function recordWords(type: string, state: Readonly<Record<string, unknown>>, t: T): RecordWords {
  const known = (prefix: string, value: unknown): string | undefined => {
    const key = `${prefix}.${String(value)}`
    return typeof value === 'string' && isMessageKey(key) ? t(key) : undefined
  }
  const typeName = recordTypeName(type, t)
  switch (type) {
    case 'attention':
      return { title: known('setting', state.setting) ?? typeName, when: text(state.at), people: t('record.people', { count: peopleIn(state.people) }) }
    case 'rescue':
      return { title: known('emergency', state.emergencyType) ?? typeName, when: text(state.at), people: t('record.people', { count: peopleIn(state.people) }) }
    case 'patrol':
      return { title: known('patrolKind', state.kind) ?? typeName, when: text(state.startedAt), people: t('field.peopleEncountered', { count: numberOr(state.peopleEncountered, 0) }) }
    case 'remains': {
      const condition = known('remainsCondition', state.condition)
      return { title: condition ? `${typeName} · ${condition}` : typeName, when: text(state.foundAt), people: t('record.people', { count: numberOr(state.count, 1) }) }
    }
    default:
      return { title: typeName, when: undefined, people: undefined }
  }
}

/** The app path of a record's page, below the base: `records/attention/<id>`. */
export function recordPath(type: string, recordId: string): string {
  return `records/${encodeURIComponent(type)}/${encodeURIComponent(recordId)}`
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback
}

// Groups of people as recorded: each group says how many it holds.
function peopleIn(groups: unknown): number {
  if (!Array.isArray(groups)) {
    return 0
  }
  let total = 0
  for (const group of groups) {
    if (typeof group === 'object' && group !== null && 'count' in group && typeof group.count === 'number') {
      total += group.count
    }
  }
  return total
}
