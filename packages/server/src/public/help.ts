import { MEXICAN_STATES, type MexicanState } from '@faro/core'
import type { Clock } from '../clock.ts'
import type { Db } from '../db/open.ts'
import { statusOf, today, unitsWithState } from '../operations/views.ts'
import { LANG_INFO, type PublicLang } from './languages.ts'
import { esc, fill, type PageFrame } from './layout.ts'
import { nationalMap, stateMap, type MapPoint } from './map.ts'
import { PUBLIC_MESSAGES, type HelpKindWords, type PluralForms } from './messages.ts'
import { coordinates, nearBox, NEAR_ME_SRC } from './near-me.ts'

/**
 * "Find help near you" (`/<lang>/help`, `/<lang>/help/<state>`): the help points registered in
 * Faro (places of a helping kind that are not closed or out of service) and the Paisano sites
 * open today, read straight from the records' table (only their public fields: no session, no
 * person), each in its unit's state, on a map drawn on the server and in a list that says the same.
 */

export const HELP_KINDS = ['group_base', 'module', 'observation_point', 'shelter', 'hospital', 'consulate', 'orientation_tower', 'other_help_point'] as const
export type HelpKind = keyof HelpKindWords

/** Each kind's colour on the maps and in their legend. */
export const KIND_COLOURS: Readonly<Record<HelpKind, string>> = {
  group_base: '#e65100',
  module: '#0b4f9c',
  observation_point: '#6a1b9a',
  shelter: '#2e7d32',
  hospital: '#c62828',
  consulate: '#00838f',
  orientation_tower: '#795548',
  other_help_point: '#37474f',
}

/** The slug of the help points whose unit names no state. */
export const OTHERS = 'otros'

export interface HelpPoint {
  id: string
  kind: HelpKind
  name: string
  state: MexicanState | null
  city: string | null
  lat: number | null
  lon: number | null
  description?: string
  phone?: string
  address?: string
  hours?: string
  /** A Paisano site: the operation it is open in, and its last day. */
  operation?: { name: string; endsOn: string }
}

/** A state's name in a URL: lowercase, accents dropped, spaces as hyphens (`ciudad-de-mexico`). */
export function stateSlug(state: string): string {
  return state.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().trim().replace(/\s+/g, '-')
}

const BY_SLUG = new Map<string, MexicanState>(MEXICAN_STATES.map((s) => [stateSlug(s), s]))

function isHelpKind(kind: unknown): kind is HelpKind {
  return (HELP_KINDS as readonly unknown[]).includes(kind)
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined
}

function stateOf(value: string | null | undefined): MexicanState | null {
  return value !== null && value !== undefined && (MEXICAN_STATES as readonly string[]).includes(value) ? (value as MexicanState) : null
}

/** The help points to show today: places that help and are open, and the Paisano sites open today. */
export async function readHelpPoints(deps: { db: Db; clock: Clock }): Promise<HelpPoint[]> {
  const rows = await deps.db.db.selectFrom('records').select(['recordType', 'recordId', 'state']).where('recordType', 'in', ['place', 'site', 'operation']).execute()
  const units = await unitsWithState(deps)
  const day = today(deps)
  const parsed = rows.map((r) => ({ type: r.recordType, id: r.recordId, state: JSON.parse(r.state) as Record<string, unknown> }))
  const operations = new Map(parsed.filter((r) => r.type === 'operation').map((r) => [r.id, r.state]))
  const places = new Map(parsed.filter((r) => r.type === 'place').map((r) => [r.id, r.state]))
  // A site that names no place is its unit's module or observation point, when one is registered:
  // the one point, with the place's phone and address, not two of the same name.
  const placeOfUnit = new Map([...places].filter(([, p]) => (p.kind === 'module' || p.kind === 'observation_point') && typeof p.orgUnitId === 'string').map(([id, p]) => [String(p.orgUnitId), id]))
  const points: HelpPoint[] = []
  const shownAsSite = new Set<string>()
  for (const site of parsed.filter((r) => r.type === 'site')) {
    const s = site.state
    const operation = operations.get(String(s.operationId))
    if (operation === undefined || s.closed === true || typeof operation.startsOn !== 'string' || typeof operation.endsOn !== 'string' || statusOf({ startsOn: operation.startsOn, endsOn: operation.endsOn }, day) !== 'open') {
      continue
    }
    const unit = units.get(String(s.orgUnitId))
    const placeId = typeof s.placeId === 'string' ? s.placeId : placeOfUnit.get(String(s.orgUnitId))
    const place = placeId === undefined ? undefined : places.get(placeId)
    if (placeId !== undefined) {
      shownAsSite.add(placeId)
    }
    const location = (s.location ?? place?.location) as { lat?: unknown; lon?: unknown } | undefined
    const lat = typeof location?.lat === 'number' ? location.lat : (unit?.lat ?? null)
    const lon = typeof location?.lon === 'number' ? location.lon : (unit?.lon ?? null)
    const description = text(place?.description)
    const phone = text(place?.phone)
    const address = text(place?.address)
    const hours = text(s.hours)
    points.push({
      id: site.id,
      kind: unit?.kind === 'observation_point' ? 'observation_point' : 'module',
      name: unit?.name ?? text(place?.name) ?? site.id,
      state: stateOf(unit?.state),
      city: unit?.city ?? null,
      lat,
      lon,
      ...(description === undefined ? {} : { description }),
      ...(phone === undefined ? {} : { phone }),
      ...(address === undefined ? {} : { address }),
      ...(hours === undefined ? {} : { hours }),
      operation: { name: text(operation.name) ?? '', endsOn: operation.endsOn },
    })
  }
  for (const [id, p] of places) {
    const location = p.location as { lat?: unknown; lon?: unknown } | undefined
    if (shownAsSite.has(id) || !isHelpKind(p.kind) || p.status === 'closed' || p.status === 'out_of_service' || text(p.name) === undefined) {
      continue
    }
    const unit = units.get(String(p.orgUnitId))
    const description = text(p.description)
    const phone = text(p.phone)
    const address = text(p.address)
    const hours = text(p.hours)
    points.push({
      id,
      kind: p.kind,
      name: text(p.name) ?? id,
      state: stateOf(unit?.state),
      city: unit?.city ?? null,
      lat: typeof location?.lat === 'number' ? location.lat : null,
      lon: typeof location?.lon === 'number' ? location.lon : null,
      ...(description === undefined ? {} : { description }),
      ...(phone === undefined ? {} : { phone }),
      ...(address === undefined ? {} : { address }),
      ...(hours === undefined ? {} : { hours }),
    })
  }
  const collator = new Intl.Collator('es')
  return points.sort((a, b) => collator.compare(a.state ?? '~', b.state ?? '~') || collator.compare(a.city ?? '~', b.city ?? '~') || HELP_KINDS.indexOf(a.kind) - HELP_KINDS.indexOf(b.kind) || collator.compare(a.name, b.name))
}

/** The slugs of the states with points (and "otros" when some have none), for the site map. */
export function helpSlugs(points: readonly HelpPoint[]): string[] {
  return [...new Set(points.map((p) => (p.state === null ? OTHERS : stateSlug(p.state))))]
}

/** A count in words, in the plural form the language uses for it. */
export function plural(lang: PublicLang, forms: PluralForms, n: number): string {
  const tag = LANG_INFO[lang].tag
  const form = forms[new Intl.PluralRules(tag).select(n)] ?? forms.other
  return form.replace('{n}', new Intl.NumberFormat(tag).format(n))
}

const CREOLE_MONTHS = ['janvye', 'fevriye', 'mas', 'avril', 'me', 'jen', 'jiyè', 'out', 'septanm', 'oktòb', 'novanm', 'desanm']

/** A day (YYYY-MM-DD) in words. Haitian Creole is not in every ICU: its months are written here. */
export function dayInWords(lang: PublicLang, day: string): string {
  const [y, m, d] = day.split('-').map(Number)
  if (lang === 'ht') {
    return `${d} ${CREOLE_MONTHS[(m ?? 1) - 1] ?? ''} ${y}`
  }
  return new Intl.DateTimeFormat(LANG_INFO[lang].tag, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y ?? 2000, (m ?? 1) - 1, d ?? 1)))
}

function mapPoints(points: readonly HelpPoint[], numbered: boolean): MapPoint[] {
  return points.flatMap((p, i) => (p.lat === null || p.lon === null ? [] : [{ lat: p.lat, lon: p.lon, title: p.name, colour: KIND_COLOURS[p.kind], ...(numbered ? { number: i + 1 } : {}) }]))
}

function legend(lang: PublicLang, points: readonly HelpPoint[]): string {
  const m = PUBLIC_MESSAGES[lang].help
  const kinds = HELP_KINDS.filter((k) => points.some((p) => p.kind === k && p.lat !== null))
  if (kinds.length === 0) {
    return ''
  }
  const items = kinds.map((k) => `<li><svg viewBox="0 0 12 12" width="14" height="14" aria-hidden="true" focusable="false"><circle cx="6" cy="6" r="5" fill="${KIND_COLOURS[k]}"/></svg>${esc(m.kinds[k])}</li>`).join('')
  return `<h2 class="legend-title">${esc(m.legend)}</h2><ul class="legend">${items}</ul>`
}

/** `/<lang>/help`: the country's map and the states with their counts. */
export function helpIndex(lang: PublicLang, points: readonly HelpPoint[]): PageFrame {
  const m = PUBLIC_MESSAGES[lang].help
  const counts = new Map<string, { name: string; n: number }>()
  for (const p of points) {
    const slug = p.state === null ? OTHERS : stateSlug(p.state)
    const entry = counts.get(slug) ?? { name: p.state ?? m.others, n: 0 }
    entry.n += 1
    counts.set(slug, entry)
  }
  // States first, by name; the points with no state last.
  const states = [...counts].sort(([a, x], [b, y]) => Number(a === OTHERS) - Number(b === OTHERS) || new Intl.Collator('es').compare(x.name, y.name))
  const list = states.length === 0
    ? `<p>${esc(m.none)}</p>`
    : `<ul class="states">${states.map(([slug, s]) => `<li><a href="/${lang}/help/${slug}"><strong>${esc(s.name)}</strong> <span>${esc(plural(lang, m.count, s.n))}</span></a></li>`).join('')}</ul>`
  // "Near me" needs every point on this page, which lists states: the points ride in a template,
  // inert, with just what the nearest list shows (the state's page has the rest), after the footer,
  // so the page as seen still arrives first (about 20 bytes compressed a point).
  const near = points.some((p) => p.lat !== null && p.lon !== null)
  return {
    lang,
    title: m.title,
    description: m.summary,
    path: 'help',
    crumbs: true,
    ...(near ? { script: NEAR_ME_SRC, tail: `<template id="near-points">${points.map((p) => (p.lat === null || p.lon === null ? '' : nearItem(lang, p))).join('')}</template>` } : {}),
    body: `<h1>${esc(m.title)}</h1>\n<p>${esc(m.intro)}</p>\n${near ? `${nearBox(lang)}\n` : ''}<div class="map-box">${nationalMap(mapPoints(points, false), m.mapLabel)}</div>\n${legend(lang, points)}\n<h2>${esc(m.byState)}</h2>\n${list}`,
  }
}

/** `/<lang>/help/<state>`: the state's map and its points, by city (or by kind where no city); undefined for no such state. */
export function helpState(lang: PublicLang, slug: string, all: readonly HelpPoint[]): PageFrame | undefined {
  const m = PUBLIC_MESSAGES[lang].help
  const state = slug === OTHERS ? null : BY_SLUG.get(slug)
  if (state === undefined) {
    return undefined
  }
  const points = all.filter((p) => p.state === state)
  if (state === null && points.length === 0) {
    return undefined
  }
  const title = state === null ? m.othersTitle : fillPlain(m.stateTitle, { state })
  // Grouped by city, then by kind for the points with no city: numbered on in that order.
  const groups = new Map<string, HelpPoint[]>()
  const collator = new Intl.Collator('es')
  const ordered = [...points].sort((a, b) => Number(a.city === null) - Number(b.city === null) || collator.compare(a.city ?? '', b.city ?? '') || (a.city === null ? HELP_KINDS.indexOf(a.kind) - HELP_KINDS.indexOf(b.kind) : 0))
  for (const p of ordered) {
    const key = p.city ?? m.kinds[p.kind]
    groups.set(key, [...(groups.get(key) ?? []), p])
  }
  let number = 0
  const sections = [...groups].map(([heading, group]) => {
    const start = number + 1
    const items = group.map((p) => {
      number += 1
      return item(lang, p)
    })
    return `<h2>${esc(heading)}</h2><ol class="places" start="${start}">${items.join('')}</ol>`
  })
  const near = points.some((p) => p.lat !== null && p.lon !== null)
  const map = state === null ? '' : `<div class="map-box">${stateMap(state, mapPoints(ordered, true), fillPlain(m.stateMapLabel, { state }))}</div>\n${legend(lang, ordered)}\n`
  return {
    lang,
    title,
    description: m.summary,
    path: `help/${slug}`,
    ...(near ? { script: NEAR_ME_SRC } : {}),
    body: `<p class="crumbs"><a href="/${lang}/">${esc(PUBLIC_MESSAGES[lang].home)}</a> › <a href="/${lang}/help">${esc(m.allStates)}</a></p>\n<h1>${esc(title)}</h1>\n<p>${esc(plural(lang, m.count, points.length))}</p>\n${near ? `${nearBox(lang, state ?? undefined)}\n` : ''}${map}${points.length === 0 ? `<p>${esc(m.none)}</p>` : sections.join('\n')}`,
  }
}

function item(lang: PublicLang, p: HelpPoint): string {
  const m = PUBLIC_MESSAGES[lang].help
  const lines = [
    // Where the points are grouped by kind (no city), the heading already says it.
    `<strong>${esc(p.name)}</strong>${p.city === null ? '' : ` <span class="kind">${esc(m.kinds[p.kind])}</span>`}`,
    p.description === undefined ? '' : `<span class="what">${esc(p.description)}</span>`,
    p.operation === undefined ? '' : `<span>${fill(m.paisanoOpen, { operation: p.operation.name, date: dayInWords(lang, p.operation.endsOn) })}</span>`,
    p.hours === undefined ? '' : `<span>${esc(m.hours)}: ${esc(p.hours)}</span>`,
    p.address === undefined ? '' : `<span>${esc(m.address)}: ${esc(p.address)}</span>`,
    telLink(lang, p.phone),
  ]
  return `<li${coordinates(p.lat, p.lon)}>${lines.filter((l) => l !== '').join('')}</li>`
}

function telLink(lang: PublicLang, phone: string | undefined): string {
  return phone === undefined || phone.replace(/[^\d]/g, '') === '' ? '' : `<a class="tel" href="tel:${esc(phone.replace(/[^\d+]/g, ''))}">${fill(PUBLIC_MESSAGES[lang].help.call, { phone })}</a>`
}

/**
 * A point as "near me" lists it from the country's page: its name (a link to its state's page, where
 * its description, hours and address are), its kind and its phone. The description is left out to
 * keep the page light: it is what weighs most, and the national page should arrive in one round trip.
 */
function nearItem(lang: PublicLang, p: HelpPoint): string {
  const m = PUBLIC_MESSAGES[lang].help
  const slug = p.state === null ? OTHERS : stateSlug(p.state)
  return `<li${coordinates(p.lat, p.lon)}><a href="/${lang}/help/${slug}"><strong>${esc(p.name)}</strong></a><span class="what">${esc(m.kinds[p.kind])}</span>${telLink(lang, p.phone)}</li>`
}

/** A message with its places filled, not yet escaped (for a title, escaped by the frame). */
function fillPlain(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '')
}
