import { PUBLIC_LANGS, type Edition, type Section } from './types.ts'

/** The zone the office schedules in: Paisano's national office is in Mexico City. */
export const OFFICE_ZONE = 'America/Mexico_City'

// The languages' own names, as their readers know them; any other falls back to the browser's.
const ENDONYMS: Record<string, string> = {
  es: 'Español',
  en: 'English',
  fr: 'Français',
  ht: 'Kreyòl',
  pt: 'Português',
  quc: 'K\u2019iche\u2019',
  mam: 'Mam',
  kek: 'Q\u2019eqchi\u2019',
  cak: 'Kaqchikel',
  nah: 'Náhuatl',
  tzo: 'Tsotsil',
  tzh: 'Tseltal',
}

/** A content language by its own name ("Kreyòl"), never its code when a name is known. */
export function langName(code: string, uiLang: string): string {
  const own = ENDONYMS[code]
  if (own !== undefined) {
    return own
  }
  try {
    const name = new Intl.DisplayNames([uiLang], { type: 'language' }).of(code)
    if (name !== undefined && name !== code) {
      return name.charAt(0).toLocaleUpperCase(uiLang) + name.slice(1)
    }
  } catch {
    // An unknown code: shown as it is, upper-cased, rather than nothing.
  }
  return code.toUpperCase()
}

/** Languages spoken by people the programme serves, offered by name for a new language of an edition. */
export const OFFERED_LANGS = ['quc', 'mam', 'kek', 'cak', 'nah'] as const

/** True for the site's own languages, the only ones with a preview and a PDF. */
export function isSiteLang(code: string): boolean {
  return PUBLIC_LANGS.some((l) => l === code)
}

/**
 * A language code as typed for "another language": an ISO 639 code of two or three letters,
 * trimmed and lower-cased; undefined for anything else.
 * @example langCode(' Tzo ') // 'tzo'
 */
export function langCode(input: string): string | undefined {
  const code = input.trim().toLowerCase()
  return /^[a-z]{2,3}$/.test(code) ? code : undefined
}

/** The words of a heading, without the markup inside it (emphasis, links, code). */
export function plainText(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]+/g, '')
    .replace(/\s+/g, ' ')
    .trim()
}

/** The first heading of a text, in plain words; undefined when it has none. */
export function firstHeading(markdown: string): string | undefined {
  for (const line of markdown.split('\n')) {
    const match = /^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$/.exec(line)
    if (match?.[1] !== undefined) {
      const text = plainText(match[1])
      if (text !== '') {
        return text
      }
    }
  }
  return undefined
}

/**
 * A section's title as readers know it: the first heading of its Spanish text (or of any
 * language, when the Spanish has none); undefined only for a section with no heading anywhere.
 */
export function sectionTitle(section: Pick<Section, 'texts'>): string | undefined {
  const spanish = section.texts.es?.markdown
  const fromSpanish = spanish === undefined ? undefined : firstHeading(spanish)
  if (fromSpanish !== undefined) {
    return fromSpanish
  }
  for (const text of Object.values(section.texts)) {
    const heading = firstHeading(text.markdown)
    if (heading !== undefined) {
      return heading
    }
  }
  return undefined
}

/** The titles of the sections whose Spanish is not reviewed yet: what keeps an edition from being scheduled. */
export function unreviewedTitles(edition: Pick<Edition, 'sections'>, untitled: (n: number) => string): string[] {
  return edition.sections.flatMap((s, i) => (s.texts.es?.status === 'reviewed' ? [] : [sectionTitle(s) ?? untitled(i + 1)]))
}

/** A page address from a title: "Teléfonos que te sirven" → "telefonos-que-te-sirven". */
export function slugFromTitle(title: string): string {
  return title
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '')
}

/** The zone's offset from UTC at an instant, in minutes (Mexico City: -360). */
function zoneOffsetMinutes(at: number, zone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(new Date(at))
      .map((p) => [p.type, p.value]),
  )
  const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second))
  return Math.round((wall - Math.floor(at / 1000) * 1000) / 60_000)
}

/**
 * A datetime-local value ("2027-04-01T06:00") read as Mexico City's wall clock, as an ISO instant
 * with its offset ("2027-04-01T06:00:00-06:00"); undefined for a value that is not a date and time.
 */
export function officeLocalToIso(local: string, zone: string = OFFICE_ZONE): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local)
  if (match === null) {
    return undefined
  }
  const [, y, mo, d, h, mi] = match.map(Number)
  const wall = Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0)
  // The offset at the wall time taken as UTC, then again at the instant found: right across a change of offset.
  let offset = zoneOffsetMinutes(wall, zone)
  offset = zoneOffsetMinutes(wall - offset * 60_000, zone)
  const sign = offset <= 0 ? '-' : '+'
  const abs = Math.abs(offset)
  return `${local}:00${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`
}

/** An instant as a datetime-local value on Mexico City's clock, to fill the field with. */
export function isoToOfficeLocal(iso: string, zone: string = OFFICE_ZONE): string {
  const at = Date.parse(iso)
  const shifted = new Date(at + zoneOffsetMinutes(at, zone) * 60_000)
  return shifted.toISOString().slice(0, 16)
}

/** An instant in words on Mexico City's clock: "1 de abril de 2027, 06:00". */
export function officeDateTime(iso: string, uiLang: string, zone: string = OFFICE_ZONE): string {
  return new Intl.DateTimeFormat(uiLang === 'es' ? 'es-MX' : 'en-US', { timeZone: zone, day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso))
}

const SEASON_ORDER = ['easter', 'summer', 'winter'] as const

/**
 * The operation after the newest edition's, to offer for a new one: Easter, summer and winter
 * follow each other, and winter's is followed by the next year's Easter.
 */
export function nextSeason(editions: readonly { season: (typeof SEASON_ORDER)[number]; year: number }[], thisYear: number): { season: (typeof SEASON_ORDER)[number]; year: number } {
  let newest: { season: (typeof SEASON_ORDER)[number]; year: number } | undefined
  for (const e of editions) {
    if (newest === undefined || e.year > newest.year || (e.year === newest.year && SEASON_ORDER.indexOf(e.season) > SEASON_ORDER.indexOf(newest.season))) {
      newest = e
    }
  }
  if (newest === undefined) {
    return { season: 'easter', year: thisYear + 1 }
  }
  const i = SEASON_ORDER.indexOf(newest.season)
  return i === SEASON_ORDER.length - 1 ? { season: 'easter', year: newest.year + 1 } : { season: SEASON_ORDER[i + 1] ?? 'easter', year: newest.year }
}
