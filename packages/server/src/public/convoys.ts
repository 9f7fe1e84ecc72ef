import { Hono, type Context } from 'hono'
import { etag } from 'hono/etag'
import { STATE_TIME_ZONES, wallClock, type ConvoyState, type ConvoyStatus } from '@faro/core'
import { findOrgUnits } from '../accounts/org-units-repo.ts'
import type { Clock } from '../clock.ts'
import type { Db } from '../db/open.ts'
import type { AppEnv } from '../http/env.ts'
import { CONVOY_MESSAGES } from './convoy-messages.ts'
import { dayInWords } from './help.ts'
import { pictogramSvg } from './icons.ts'
import { LANG_INFO, PUBLIC_LANGS, type PublicLang } from './languages.ts'
import { esc, fill, PUBLIC_CSP, renderFrame, type PageFrame } from './layout.ts'

/**
 * The published convoy schedule (`/<lang>/convoys`): the convoys Paisano's office marked
 * `published`, read straight from the records' table with no session (a system read, like the
 * help points), earliest first, each with its time on the departure state's own clock.
 *
 * What is listed: a convoy on the road; one scheduled to leave today or later (today on its
 * departure state's clock); and one that arrived or was cancelled less than a day ago (its record
 * last changed then), or cancelled with its day still ahead, so nobody drives to a convoy that
 * will not leave. Never its counts of vehicles and people.
 *
 * Incidents are not shown, not even as "delayed": they are reported from the road and never
 * closed, so a delay reported in the morning would still say "delayed" once the convoy moved on,
 * and their kinds and words (an extortion attempt, a robbery, where it happened) are for the
 * staff, not for the public. A convoy that leaves later has its time changed, and the page shows
 * the new time.
 */

export const CONVOY_SLUG = 'convoys'

/** The schedule's pages, for the site map. */
export const CONVOY_PATHS: readonly string[] = PUBLIC_LANGS.map((lang) => `/${lang}/${CONVOY_SLUG}`)

const DAY_MS = 24 * 60 * 60 * 1000

export interface PublicConvoy {
  id: string
  departurePoint: string
  departureState: ConvoyState['departureState']
  /** On the departure state's clock: YYYY-MM-DD and HH:MM. */
  date: string
  time: string
  route: string
  destinationStates: readonly string[]
  status: ConvoyStatus
  escort: string
  notes?: string
}

/** The convoys to show now, earliest first. */
export async function readPublicConvoys(deps: { db: Db; clock: Clock }): Promise<PublicConvoy[]> {
  const rows = await deps.db.db.selectFrom('records').select(['recordId', 'state', 'updatedAt']).where('recordType', '=', 'convoy').execute()
  const now = deps.clock.now()
  const shown = rows.flatMap((row) => {
    const c = JSON.parse(row.state) as ConvoyState
    if (c.published !== true) {
      return []
    }
    const zone = STATE_TIME_ZONES[c.departureState]
    const leaves = wallClock(new Date(c.departsAt), zone)
    const ahead = leaves.date >= wallClock(now, zone).date
    const recent = now.getTime() - new Date(row.updatedAt).getTime() < DAY_MS
    const listed = c.status === 'departed' || (c.status === 'scheduled' && ahead) || ((c.status === 'arrived' || c.status === 'cancelled') && recent) || (c.status === 'cancelled' && ahead)
    return listed ? [{ id: row.recordId, c, leaves }] : []
  })
  const escorts = new Map((await findOrgUnits(deps.db.db, [...new Set(shown.map((s) => s.c.escortId))])).map((u) => [u.id, u.name]))
  return shown
    .sort((a, b) => a.c.departsAt.localeCompare(b.c.departsAt) || a.id.localeCompare(b.id))
    .map(({ id, c, leaves }) => ({
      id,
      departurePoint: c.departurePoint,
      departureState: c.departureState,
      date: leaves.date,
      time: leaves.time,
      route: c.route,
      destinationStates: c.destinationStates,
      status: c.status,
      escort: escorts.get(c.escortId) ?? c.escortId,
      ...(c.notes === undefined || c.notes.trim() === '' ? {} : { notes: c.notes }),
    }))
}

const CREOLE_DAYS = ['dimanch', 'lendi', 'madi', 'mèkredi', 'jedi', 'vandredi', 'samdi']

/** A day (YYYY-MM-DD) in words with its weekday: "martes, 24 de noviembre de 2026". */
export function dayWithWeekday(lang: PublicLang, day: string): string {
  const [y, m, d] = day.split('-').map(Number)
  const date = new Date(Date.UTC(y ?? 2000, (m ?? 1) - 1, d ?? 1))
  if (lang === 'ht') {
    return `${CREOLE_DAYS[date.getUTCDay()] ?? ''} ${dayInWords(lang, day)}`
  }
  return new Intl.DateTimeFormat(LANG_INFO[lang].tag, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date)
}

/** `/<lang>/convoys`: the schedule, or a line saying none is scheduled. */
export function convoyPage(lang: PublicLang, convoys: readonly PublicConvoy[]): PageFrame {
  const m = CONVOY_MESSAGES[lang]
  const items = convoys.map((c) => {
    const rows: [string, string][] = [
      [m.when, `<strong>${esc(dayWithWeekday(lang, c.date))}</strong>, ${fill(m.localTime, { time: c.time, state: c.departureState })}`],
      [m.status, `<span class="status-word st-${c.status}">${esc(m.statuses[c.status])}</span>`],
      [m.route, esc(c.route)],
      [m.destinations, esc(c.destinationStates.join(', '))],
      [m.escort, esc(c.escort)],
      ...(c.notes === undefined ? [] : [[m.notes, esc(c.notes)] as [string, string]]),
    ]
    return `<li><h2>${esc(`${c.departurePoint}, ${c.departureState}`)}</h2><dl>${rows.map(([dt, dd]) => `<dt>${esc(dt)}</dt><dd>${dd}</dd>`).join('')}</dl></li>`
  })
  return {
    lang,
    title: m.title,
    description: m.summary,
    path: CONVOY_SLUG,
    crumbs: true,
    body: `<h1>${esc(m.title)}</h1>\n<p>${esc(m.intro)}</p>\n<p>${esc(m.changes)}</p>\n${items.length === 0 ? `<p class="notice">${esc(m.none)}</p>` : `<ul class="convoys">${items.join('')}</ul>`}`,
  }
}

/** The schedule's card in the home page's Paisano section. */
export function convoyCard(lang: PublicLang): string {
  const m = CONVOY_MESSAGES[lang]
  return `<li><a href="/${lang}/${CONVOY_SLUG}">${pictogramSvg('help')}<span><strong>${esc(m.title)}</strong><span class="sum">${esc(m.summary)}</span></span></a></li>`
}

/** The schedule's routes; mounted by the app before the content pages, whose paths are one segment too. */
export function publicConvoyRoutes(deps: { db: Db; clock: Clock }) {
  const app = new Hono<AppEnv>()
  for (const lang of PUBLIC_LANGS) {
    const path = `/${lang}/${CONVOY_SLUG}`
    app.use(path, async (c, next) => {
      c.set('ownCsp', PUBLIC_CSP)
      await next()
    })
    app.use(path, etag())
    app.get(path, async (c) => page(c, lang, convoyPage(lang, await readPublicConvoys(deps))))
  }
  return app
}

function page(c: Context<AppEnv>, lang: PublicLang, frame: PageFrame) {
  c.header('content-language', lang)
  // A change of time or a cancellation reaches visitors within five minutes.
  c.header('cache-control', 'public, max-age=300')
  return c.html(renderFrame(frame))
}
