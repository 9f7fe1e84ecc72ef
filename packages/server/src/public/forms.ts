import { Hono } from 'hono'
import { ComplaintCategory, HelpCategory, normalizeFolio, type PublicCaseView } from '@faro/core'
import { lookUpCase } from '../cases/cases.ts'
import { limitBody } from '../http/body-limit.ts'
import type { AppEnv } from '../http/env.ts'
import { COMPLAINT_FORM } from './complaint-form.ts'
import { FORM_MESSAGES } from './form-messages.ts'
import { errorSummary, field, FORM_LIMITS, formOf, html, mountIntake, noticeOf, SubmissionLimiter, type FormDeps } from './form-kit.ts'
import { formTokenKeys } from './form-token.ts'
import { HELP_REQUEST_FORM } from './help-request-form.ts'
import { pictogramSvg } from './icons.ts'
import { LANG_INFO, PUBLIC_LANGS, type PublicLang } from './languages.ts'
import { esc, fill, PUBLIC_CSP, type PageFrame } from './layout.ts'
import { PUBLIC_MESSAGES } from './messages.ts'
import { MISSING_FORM } from './missing-form.ts'

/**
 * The public site's forms, with no script and no cookie: a complaint against an official
 * (`/<lang>/complaint`), a request for help (`/<lang>/help-request`), asking for a missing person
 * (`/<lang>/missing`), and following any of them by its folio and PIN (`/<lang>/follow`). Each
 * answer is the POST's own body: the folio and the PIN never travel in a URL.
 */

/** The pages served by these routes, linkable from the content pages. */
export const FORM_SLUGS = ['complaint', 'help-request', 'missing', 'follow'] as const

/** The forms in the site map. */
export const FORM_PATHS: readonly string[] = PUBLIC_LANGS.flatMap((lang) => FORM_SLUGS.map((slug) => `/${lang}/${slug}`))

export { WEB_ACTOR, type FormDeps } from './form-kit.ts'

export function publicFormRoutes(deps: FormDeps) {
  const app = new Hono<AppEnv>()
  const keys = formTokenKeys(deps.keyring)
  // Each filing form counts its own submissions per address: a visitor who files a complaint and
  // then asks for help is not held back by the first form's tries.
  const limiters = { complaint: new SubmissionLimiter(FORM_LIMITS), help: new SubmissionLimiter(FORM_LIMITS), missing: new SubmissionLimiter(FORM_LIMITS) }

  for (const lang of PUBLIC_LANGS) {
    for (const slug of FORM_SLUGS) {
      app.use(`/${lang}/${slug}`, async (c, next) => {
        c.set('ownCsp', PUBLIC_CSP)
        await next()
        // Each form carries its own token, and each answer is one visitor's.
        c.res.headers.set('cache-control', 'no-store')
      })
      app.post(`/${lang}/${slug}`, limitBody(deps.maxBodyBytes))
    }
    mountIntake(app, lang, deps, keys, limiters.complaint, COMPLAINT_FORM)
    mountIntake(app, lang, deps, keys, limiters.help, HELP_REQUEST_FORM)
    mountIntake(app, lang, deps, keys, limiters.missing, MISSING_FORM)

    app.get(`/${lang}/follow`, (c) => html(c, lang, followPage(lang, '', {}, undefined), 200))

    app.post(`/${lang}/follow`, async (c) => {
      const m = FORM_MESSAGES[lang]
      const form = await formOf(c)
      const folio = (form.folio ?? '').trim().slice(0, 30)
      const pin = (form.pin ?? '').replace(/\s/g, '')
      const errors: Partial<Record<'folio' | 'pin', string>> = {}
      // What cannot be a folio or a PIN is said on its field, and never counts as a wrong PIN.
      if (normalizeFolio(folio) === undefined) {
        errors.folio = m.errFolio
      }
      if (!/^\d{6}$/.test(pin)) {
        errors.pin = m.errPin
      }
      if (Object.keys(errors).length > 0) {
        return html(c, lang, followPage(lang, folio, errors, undefined), 400)
      }
      // The lookup of POST /api/cases/lookup, with its throttle: 5 wrong PINs rest the folio 15 minutes.
      const found = await lookUpCase(deps.db, deps.clock, folio, pin, deps.keyring)
      if (found === undefined) {
        return html(c, lang, followPage(lang, folio, {}, m.followFailed), 404)
      }
      return html(c, lang, statusPage(lang, found), 200)
    })
  }
  return app
}

/** The home page's cards to the forms, in a section's list. */
export function formCards(lang: PublicLang): string {
  const m = FORM_MESSAGES[lang]
  const card = (slug: string, title: string, summary: string) => `<li><a href="/${lang}/${slug}">${pictogramSvg('help')}<span><strong>${esc(title)}</strong><span class="sum">${esc(summary)}</span></span></a></li>`
  return card('help-request', m.help.title, m.help.summary) + card('missing', m.missing.title, m.missing.summary) + card('complaint', m.complaintTitle, m.complaintSummary) + card('follow', m.followTitle, m.followSummary)
}

function followPage(lang: PublicLang, folio: string, errors: Partial<Record<'folio' | 'pin', string>>, notice: string | undefined): PageFrame {
  const m = FORM_MESSAGES[lang]
  const body = `<h1>${esc(m.followTitle)}</h1>
${noticeOf(notice)}${errorSummary(lang, errors, { folio: m.folio, pin: m.pin })}<p>${esc(m.followIntro)}</p>
<form class="form" method="post" action="/${lang}/follow" novalidate>
${field(lang, { name: 'folio', label: m.folio, value: folio, error: errors.folio, required: true, autocomplete: 'off', maxlength: 30 })}
${field(lang, { name: 'pin', label: m.pin, value: '', error: errors.pin, required: true, autocomplete: 'off', inputmode: 'numeric', maxlength: 12 })}
<p><button type="submit">${esc(m.followSend)}</button></p>
</form>`
  return { lang, title: m.followTitle, description: m.followSummary, path: 'follow', crumbs: true, body }
}

function statusPage(lang: PublicLang, v: PublicCaseView): PageFrame {
  const m = FORM_MESSAGES[lang]
  const date = (iso: string) => new Intl.DateTimeFormat(LANG_INFO[lang].tag, { dateStyle: 'long', timeZone: 'America/Mexico_City' }).format(new Date(iso))
  const complaint = ComplaintCategory.safeParse(v.category)
  const help = HelpCategory.safeParse(v.category)
  const category = complaint.success ? m.categories[complaint.data] : help.success ? m.help.categories[help.data] : undefined
  const rows: [string, string][] = [
    [m.kindLabel, category === undefined ? m.kinds[v.kind] : `${m.kinds[v.kind]}: ${category}`],
    [m.statusLabel, m.statuses[v.status]],
    [m.receivedAt, date(v.receivedAt)],
    [m.lastActivityAt, date(v.lastActivityAt)],
    ...(v.outcome === null ? [] : [[m.outcomeLabel, m.outcomes[v.outcome]] as [string, string]]),
  ]
  const body = `<h1>${fill(m.statusTitle, { folio: v.folio })}</h1>
<dl class="status">${rows.map(([k, value]) => `<div><dt>${esc(k)}</dt><dd>${esc(value)}</dd></div>`).join('')}</dl>
${v.mayReopenUntil === null ? '' : `<p>${fill(m.reopenUntil, { date: date(v.mayReopenUntil) })}</p>`}
<p><a href="/${lang}/">${esc(PUBLIC_MESSAGES[lang].backHome)}</a></p>`
  return { lang, title: m.followTitle, description: m.followSummary, path: 'follow', crumbs: true, body }
}
