import type { Lang } from '@faro/core'
import { isMessageKey, type MessageKey, type MessageValues } from '../../i18n/messages.ts'

type T = (key: MessageKey, values?: MessageValues) => string

/**
 * One revealed identity field in words: sex and relationships through the catalogues, countries
 * and languages by their names in the reader's language, dates as dates, documents and relatives
 * as lines a person reads. Never a code the person would have to know, never JSON.
 *
 * @example identityText('nationality', 'HN', 'es', t) // 'Honduras'
 */
export function identityText(field: string, value: unknown, lang: Lang, t: T): string {
  const regions = new Intl.DisplayNames([lang], { type: 'region', fallback: 'code' })
  const languages = new Intl.DisplayNames([lang], { type: 'language', fallback: 'code' })
  const country = (code: unknown) => (typeof code === 'string' && /^[A-Z]{2}$/.test(code) ? (regions.of(code) ?? code) : String(code ?? ''))
  const known = (prefix: string, v: unknown) => {
    const key = `${prefix}.${String(v)}`
    return isMessageKey(key) ? t(key) : String(v)
  }
  if (value === null || value === undefined || value === '') {
    return '—'
  }
  switch (field) {
    case 'sex':
      return known('sex', value)
    case 'nationality':
      return country(value)
    case 'languages':
      return list(value, (code) => (typeof code === 'string' ? (languages.of(code) ?? code) : ''))
    case 'birthDate':
      return typeof value === 'string' ? new Intl.DateTimeFormat(lang === 'es' ? 'es-MX' : 'en-US', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${value}T00:00:00Z`)) : '—'
    case 'approximateAge':
      return t('people.age', { count: typeof value === 'number' ? value : 0 })
    case 'idDocuments':
      return list(value, (d) => (isObject(d) ? [known('people.document', d.kind), d.number, d.country ? country(d.country) : ''].filter(Boolean).join(' · ') : ''), '\n')
    case 'relatives':
      return list(
        value,
        (r) => (isObject(r) ? [String(r.name ?? ''), known('people.relationship', r.relationship), ...(Array.isArray(r.phones) ? r.phones.map(String) : []), r.email ? String(r.email) : '', r.country ? country(r.country) : ''].filter(Boolean).join(' · ') : ''),
        '\n',
      )
    default:
      if (Array.isArray(value)) {
        return list(value, (v) => (typeof v === 'object' ? '' : String(v))) || '—'
      }
      return typeof value === 'object' ? '—' : String(value)
  }
}

function list(value: unknown, each: (item: unknown) => string, separator = ', '): string {
  if (!Array.isArray(value) || value.length === 0) {
    return '—'
  }
  return value.map(each).filter(Boolean).join(separator) || '—'
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
