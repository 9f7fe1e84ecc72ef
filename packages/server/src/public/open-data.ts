import { Hono, type Context } from 'hono'
import { etag } from 'hono/etag'
import type { Kysely } from 'kysely'
import type { Db } from '../db/open.ts'
import type { Database } from '../db/schema.ts'
import type { AppEnv } from '../http/env.ts'
import { listPublications } from '../statistics/approvals-repo.ts'
import type { ProtectedTable, Shown } from '../statistics/disclosure.ts'
import { csvOf, xlsxOf, type LabelledTable } from '../statistics/open-data-files.ts'
import { findTable, hxlTags, PROGRAMME_INFO, PROGRAMMES, tableWords, type Programme, type PublishedTableDef } from '../statistics/published.ts'
import { totalWord, valueWord } from '../statistics/published-words.ts'
import { dayInWords } from './help.ts'
import { LANG_INFO, PUBLIC_LANGS, type PublicLang } from './languages.ts'
import { esc, PUBLIC_CSP, renderFrame, type PageFrame } from './layout.ts'
import { OPEN_DATA_MESSAGES } from './open-data-messages.ts'
import { PUBLIC_MESSAGES } from './messages.ts'

/**
 * The open data (`/<lang>/datos`): the tables each programme's national office approved, as they
 * were frozen — the latest revision of each, with the day it was first published and, when
 * revised, the day of the revision — read from `stat_publications` with no session. Each table is
 * an HTML table (caption, headers with their scope, totals) and a CSV and XLSX download
 * (`/<lang>/datos/<table>-<period>.csv|.xlsx`) with the HXL row under the header. Every withheld
 * cell is written `x`, whether it was small itself or withheld to protect another (marking only
 * the small ones would tell they lie between 1 and k − 1), with its legend in words; a true zero
 * is 0. The page shows each programme's latest period; earlier ones have a page each
 * (`/<lang>/datos/<programme>-<period>`). No script; the public policy.
 */

export const OPEN_DATA_SLUG = 'datos'

/** A period as published: its tables' latest revisions. */
export interface PublishedPeriodView {
  programme: Programme
  period: string
  firstPublishedAt: string
  /** The latest revision's day and number, when there was more than one. */
  revisedAt?: string
  revision: number
  tables: { def: PublishedTableDef; shown: ProtectedTable }[]
}

/** Every published period, each programme's newest first. */
export async function readOpenData(db: Kysely<Database>): Promise<PublishedPeriodView[]> {
  const rows = await listPublications(db)
  const out: PublishedPeriodView[] = []
  for (const programme of PROGRAMMES) {
    const periods = [...new Set(rows.filter((r) => r.programme === programme).map((r) => r.period))].sort(newestFirst)
    for (const period of periods) {
      const mine = rows.filter((r) => r.programme === programme && r.period === period)
      const revision = Math.max(...mine.map((r) => r.revision))
      const latest = mine.filter((r) => r.revision === revision)
      const first = mine.filter((r) => r.revision === 1)[0]?.publishedAt ?? latest[0]?.publishedAt ?? ''
      const tables = latest.flatMap((r) => {
        const def = findTable(r.tableId)
        return def === undefined ? [] : [{ def, shown: r.shown }]
      })
      out.push({ programme, period, firstPublishedAt: first, revision, ...(revision > 1 ? { revisedAt: latest[0]?.publishedAt ?? '' } : {}), tables })
    }
  }
  return out
}

/** The open data's pages, for the site map: the page in each language and each period's page. */
export async function openDataPaths(db: Kysely<Database>): Promise<string[]> {
  const periods = await readOpenData(db)
  return PUBLIC_LANGS.flatMap((lang) => [`/${lang}/${OPEN_DATA_SLUG}`, ...periods.map((p) => `/${lang}/${OPEN_DATA_SLUG}/${p.programme}-${p.period}`)])
}

/** `/<lang>/datos`: each programme's newest period in full, and links to the earlier ones. */
export function openDataPage(lang: PublicLang, periods: readonly PublishedPeriodView[]): PageFrame {
  const m = OPEN_DATA_MESSAGES[lang]
  const sections = PROGRAMMES.flatMap((programme) => {
    const mine = periods.filter((p) => p.programme === programme)
    const [newest, ...earlier] = mine
    if (newest === undefined) {
      return []
    }
    const links = earlier.length === 0 ? '' : `<h3>${esc(m.earlier)}</h3><ul>${earlier.map((p) => `<li><a href="/${lang}/${OPEN_DATA_SLUG}/${p.programme}-${p.period}">${esc(periodWords(lang, p.period))}</a></li>`).join('')}</ul>`
    return [`<section aria-labelledby="p-${programme}"><h2 id="p-${programme}">${esc(PROGRAMME_INFO[programme].name[lang])}</h2>${periodHtml(lang, newest, 'h3')}${links}</section>`]
  })
  return {
    lang,
    title: m.title,
    description: m.summary,
    path: OPEN_DATA_SLUG,
    crumbs: true,
    body: `<h1>${esc(m.title)}</h1>\n<p>${esc(m.intro)}</p>\n<p>${esc(m.protection)}</p>\n${sections.length === 0 ? `<p class="notice">${esc(m.none)}</p>` : sections.join('\n')}`,
  }
}

/** `/<lang>/datos/<programme>-<period>`: one period of one programme. */
export function openDataPeriodPage(lang: PublicLang, period: PublishedPeriodView): PageFrame {
  const m = OPEN_DATA_MESSAGES[lang]
  const title = `${PROGRAMME_INFO[period.programme].name[lang]} · ${periodWords(lang, period.period)}`
  return {
    lang,
    title,
    description: m.summary,
    path: `${OPEN_DATA_SLUG}/${period.programme}-${period.period}`,
    crumbs: true,
    body: `<h1>${esc(title)}</h1>\n<p><a href="/${lang}/${OPEN_DATA_SLUG}">${esc(m.title)}</a></p>\n<p>${esc(m.protection)}</p>\n${periodHtml(lang, period, 'h2')}`,
  }
}

/** A published table in words, as the downloads write it. */
export function labelledTable(lang: PublicLang, period: PublishedPeriodView, table: PublishedPeriodView['tables'][number]): LabelledTable {
  const words = tableWords(table.def, lang)
  const { shown, def } = table
  const cell = (s: Shown | undefined): string | number => (s !== undefined && 'value' in s ? s.value : 'x')
  return {
    title: `${words.title} — ${PROGRAMME_INFO[period.programme].name[lang]}, ${periodWords(lang, period.period)}`,
    header: [words.rows, ...shown.cols.map((c) => valueWord(def.cols, c, lang)), totalWord(lang)],
    hxl: hxlTags(def, shown.cols),
    rows: [
      ...shown.rows.map((r, i) => [valueWord(def.rows, r, lang), ...(shown.cells[i] ?? []).map(cell), cell(shown.rowTotals[i])]),
      [totalWord(lang), ...shown.colTotals.map(cell), cell(shown.total)],
    ],
    notes: [legend(lang, def), ...dates(lang, period)],
  }
}

/** The open data's routes; mounted before the content pages, whose paths are one segment too. */
export function openDataRoutes(deps: { db: Db }) {
  const app = new Hono<AppEnv>()
  for (const lang of PUBLIC_LANGS) {
    const base = `/${lang}/${OPEN_DATA_SLUG}`
    for (const path of [base, `${base}/*`]) {
      app.use(path, async (c, next) => {
        c.set('ownCsp', PUBLIC_CSP)
        await next()
      })
      app.use(path, etag())
    }
    app.get(base, async (c) => page(c, lang, openDataPage(lang, await readOpenData(deps.db.db))))
    app.get(`${base}/:name{[a-z0-9][a-z0-9.-]{0,100}}`, async (c) => {
      const name = c.req.param('name')
      const periods = await readOpenData(deps.db.db)
      const file = /^(.+)\.(csv|xlsx)$/.exec(name)
      if (file === null) {
        const period = periods.find((p) => `${p.programme}-${p.period}` === name)
        return period === undefined ? page(c, lang, notFound(lang), 404) : page(c, lang, openDataPeriodPage(lang, period))
      }
      const [, stem = '', kind] = file
      for (const period of periods) {
        const table = period.tables.find((t) => `${t.def.id}-${period.period}` === stem)
        if (table !== undefined) {
          const labelled = labelledTable(lang, period, table)
          c.header('cache-control', 'public, max-age=300')
          c.header('content-disposition', `attachment; filename="${stem}-${lang}.${kind}"`)
          if (kind === 'csv') {
            return c.body(new Uint8Array(await csvOf(labelled)), 200, { 'content-type': 'text/csv; charset=utf-8; header=present' })
          }
          return c.body(new Uint8Array(await xlsxOf(labelled)), 200, { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })
        }
      }
      return page(c, lang, notFound(lang), 404)
    })
  }
  return app
}

function periodHtml(lang: PublicLang, period: PublishedPeriodView, heading: 'h2' | 'h3'): string {
  const id = `${period.programme}-${period.period}`
  const tables = period.tables.map((t) => tableHtml(lang, period, t)).join('\n')
  return `<${heading} id="${id}">${esc(periodWords(lang, period.period))}</${heading}>\n<p>${dates(lang, period).map(esc).join(' ')}</p>\n${tables}`
}

function tableHtml(lang: PublicLang, period: PublishedPeriodView, table: PublishedPeriodView['tables'][number]): string {
  const { def, shown } = table
  const words = tableWords(def, lang)
  const number = new Intl.NumberFormat(LANG_INFO[lang].tag)
  const id = `t-${def.id}-${period.period}`
  const td = (s: Shown | undefined) => `<td>${s !== undefined && 'value' in s ? number.format(s.value) : 'x'}</td>`
  const head = `<tr><th scope="col">${esc(words.rows)}</th>${shown.cols.map((c) => `<th scope="col">${esc(valueWord(def.cols, c, lang))}</th>`).join('')}<th scope="col">${esc(totalWord(lang))}</th></tr>`
  const body = shown.rows.map((r, i) => `<tr><th scope="row">${esc(valueWord(def.rows, r, lang))}</th>${(shown.cells[i] ?? []).map(td).join('')}${td(shown.rowTotals[i])}</tr>`).join('')
  const foot = `<tr class="total"><th scope="row">${esc(totalWord(lang))}</th>${shown.colTotals.map(td).join('')}${td(shown.total)}</tr>`
  const file = `/${lang}/${OPEN_DATA_SLUG}/${def.id}-${period.period}`
  const m = OPEN_DATA_MESSAGES[lang]
  return `<div class="data" role="region" aria-labelledby="${id}" tabindex="0"><table><caption id="${id}">${esc(words.title)} · ${esc(periodWords(lang, period.period))}</caption><thead>${head}</thead><tbody>${body}</tbody><tfoot>${foot}</tfoot></table></div>\n<p class="legend">${esc(legend(lang, def))}</p>\n<p>${esc(m.download)}: <a href="${file}.csv" type="text/csv" download>${esc(m.csv)}</a> · <a href="${file}.xlsx" type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" download>${esc(m.xlsx)}</a></p>`
}

function legend(lang: PublicLang, def: PublishedTableDef): string {
  const m = OPEN_DATA_MESSAGES[lang]
  return put(m.legend, { k: String(def.k), noun: m.nouns[def.noun] })
}

function dates(lang: PublicLang, period: PublishedPeriodView): string[] {
  const m = OPEN_DATA_MESSAGES[lang]
  const day = (iso: string) => dayInWords(lang, iso.slice(0, 10))
  return [put(m.published, { date: day(period.firstPublishedAt) }), ...(period.revisedAt === undefined ? [] : [put(m.revised, { date: day(period.revisedAt), revision: String(period.revision) })])]
}

/** A period's name: "Año 2026", "Operativo de invierno 2026". */
export function periodWords(lang: PublicLang, period: string): string {
  const m = OPEN_DATA_MESSAGES[lang]
  const operation = /^(easter|summer|winter)-(\d{4})$/.exec(period)
  if (operation !== null) {
    const season = operation[1] === 'easter' || operation[1] === 'summer' || operation[1] === 'winter' ? operation[1] : 'winter'
    return put(m.periodOperation, { season: m.seasons[season], year: operation[2] ?? '' })
  }
  return put(m.periodYear, { year: period })
}

const SEASON_ORDER = ['easter', 'summer', 'winter']

/** Newest first: by year, then a year's operations from the last (winter) back. */
function newestFirst(a: string, b: string): number {
  const key = (p: string) => {
    const [first = '', second] = p.split('-')
    return second === undefined ? [Number(first), 9] : [Number(second), SEASON_ORDER.indexOf(first)]
  }
  const [ya = 0, sa = 0] = key(a)
  const [yb = 0, sb = 0] = key(b)
  return yb - ya || sb - sa
}

function page(c: Context<AppEnv>, lang: PublicLang, frame: PageFrame, status: 200 | 404 = 200) {
  c.header('content-language', lang)
  c.header('cache-control', status === 200 ? 'public, max-age=300' : 'no-cache')
  return c.html(renderFrame(frame), status)
}

function notFound(lang: PublicLang): PageFrame {
  const m = PUBLIC_MESSAGES[lang]
  return { lang, title: m.notFoundTitle, description: OPEN_DATA_MESSAGES[lang].notFound, path: OPEN_DATA_SLUG, body: `<h1>${esc(m.notFoundTitle)}</h1><p>${esc(OPEN_DATA_MESSAGES[lang].notFound)}</p><p><a href="/${lang}/${OPEN_DATA_SLUG}">${esc(OPEN_DATA_MESSAGES[lang].title)}</a></p>` }
}

/** Fills `{name}` in a template, as plain text (the HTML escapes it where it is written). */
function put(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '')
}
