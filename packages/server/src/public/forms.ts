import { Hono, type Context } from 'hono'
import { CaseIntake, ComplaintCategory, DomainError, type Actor, type Complainant, type PublicCaseView } from '@faro/core'
import { z } from 'zod'
import { clientAddress } from '../accounts/auth-routes.ts'
import { lookUpCase, openCase, type CaseDeps } from '../cases/cases.ts'
import type { Clock } from '../clock.ts'
import type { Db } from '../db/open.ts'
import { limitBody } from '../http/body-limit.ts'
import type { AppEnv } from '../http/env.ts'
import type { Ctx } from '../log/context.ts'
import { FORM_MESSAGES, type FormMessages } from './form-messages.ts'
import { formTokenKeys, newFormPayload, openFormToken, sealFormToken, type FormTokenPayload } from './form-token.ts'
import { pictogramSvg } from './icons.ts'
import { LANG_INFO, PUBLIC_LANGS, type PublicLang } from './languages.ts'
import { esc, fill, PUBLIC_CSP, renderFrame, type PageFrame } from './layout.ts'
import { PUBLIC_MESSAGES } from './messages.ts'

/**
 * The public site's forms, with no script and no cookie: filing a complaint against an official
 * (`/<lang>/complaint`) and following a case by its folio and PIN (`/<lang>/follow`). Each answer
 * is the POST's own body: the folio and the PIN never travel in a URL.
 */

/** The pages served by these routes, linkable from the content pages. */
export const FORM_SLUGS = ['complaint', 'follow'] as const

/** The forms in the site map. */
export const FORM_PATHS: readonly string[] = PUBLIC_LANGS.flatMap((lang) => FORM_SLUGS.map((slug) => `/${lang}/${slug}`))

/**
 * Who files a web complaint: the system, for the Paisano national office, as the demo's web
 * intakes do. It takes the case in that office's name (the case's unit), and routing by the
 * rules then sends it on; the actor is the same for every web intake, so that a form sent twice
 * is recognised as the same intake (`openCase` answers a repeated id only to the same actor).
 */
export const WEB_ACTOR: Actor = { userId: 'system', role: 'paisano_coordinator', orgUnitId: 'paisano' }

/** Per address: at most 5 complaints a minute and 30 a day. */
export const COMPLAINT_LIMITS = [
  { windowMs: 60_000, max: 5 },
  { windowMs: 86_400_000, max: 30 },
] as const

const PURPOSE = 'complaint'
const MAX = { description: 4000, place: 500, city: 120, state: 80, badge: 40, plate: 20, name: 300, phone: 40, email: 200 } as const
const Email = z.email()

export interface FormDeps extends CaseDeps {
  db: Db
  clock: Clock
  trustProxy: boolean
  maxBodyBytes: number
}

/**
 * Counts of recent submissions per address, in this process's memory: a restart forgets them,
 * and each process of several counts its own (the limit is then per process).
 */
export class SubmissionLimiter {
  private readonly seen = new Map<string, number[]>()
  constructor(private readonly limits: readonly { windowMs: number; max: number }[]) {}

  /** Counts a submission; false when it is over a limit (and then it is not counted). */
  take(key: string, now: number): boolean {
    const longest = Math.max(...this.limits.map((l) => l.windowMs))
    const times = (this.seen.get(key) ?? []).filter((t) => t > now - longest)
    if (this.limits.some((l) => times.filter((t) => t > now - l.windowMs).length >= l.max)) {
      this.seen.set(key, times)
      return false
    }
    times.push(now)
    this.seen.set(key, times)
    if (this.seen.size > 50_000) {
      for (const [k, v] of this.seen) {
        if (v.every((t) => t <= now - longest)) {
          this.seen.delete(k)
        }
      }
    }
    return true
  }
}

type Fields = Record<'category' | 'description' | 'place' | 'city' | 'state' | 'date' | 'agency' | 'badge' | 'plate' | 'name' | 'phone' | 'email', string>
type Errors = Partial<Record<keyof Fields, string>>
const FIELD_NAMES: readonly (keyof Fields)[] = ['category', 'description', 'place', 'city', 'state', 'date', 'agency', 'badge', 'plate', 'name', 'phone', 'email']

export function publicFormRoutes(deps: FormDeps) {
  const app = new Hono<AppEnv>()
  const keys = formTokenKeys(deps.keyring)
  const limiter = new SubmissionLimiter(COMPLAINT_LIMITS)

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

    app.get(`/${lang}/complaint`, async (c) => {
      const payload = newFormPayload(lang, deps.clock.now())
      return html(c, lang, complaintPage(lang, sealFormToken(keys, payload, PURPOSE), emptyFields(), {}, await agencies(deps.db), undefined), 200)
    })

    app.post(`/${lang}/complaint`, async (c) => {
      const m = FORM_MESSAGES[lang]
      if (!limiter.take(clientAddress(c, deps.trustProxy), deps.clock.now().getTime())) {
        return html(c, lang, { lang, title: m.tooManyTitle, description: m.tooManyBody, path: 'complaint', crumbs: true, body: `<h1>${esc(m.tooManyTitle)}</h1><p>${esc(m.tooManyBody)}</p>` }, 429)
      }
      const form = await formOf(c)
      const fields = fieldsOf(form)
      const known = await agencies(deps.db)
      const payload = openFormToken(keys, form.token, PURPOSE, deps.clock.now())
      if (payload === undefined || payload.lang !== lang) {
        // Forged, altered or expired: a new form, with what was typed.
        const fresh = sealFormToken(keys, newFormPayload(lang, deps.clock.now()), PURPOSE)
        return html(c, lang, complaintPage(lang, fresh, fields, validate(fields, lang, known, deps.clock.now()), known, m.expired), 400)
      }
      const token = form.token ?? ''
      const errors = validate(fields, lang, known, deps.clock.now())
      if (Object.keys(errors).length > 0) {
        return html(c, lang, complaintPage(lang, token, fields, errors, known, undefined), 400)
      }
      const parsed = CaseIntake.safeParse(intakeOf(fields, payload))
      if (!parsed.success) {
        return html(c, lang, complaintPage(lang, token, fields, errorsOfIssues(parsed.error.issues, m), known, undefined), 400)
      }
      const ctx: Ctx = { db: deps.db, clock: deps.clock, actor: WEB_ACTOR, requestId: c.get('requestId'), lang: c.get('lang') }
      try {
        const taken = await openCase(ctx, parsed.data, deps)
        return html(c, lang, donePage(lang, taken.folio, taken.pin ?? payload.pin), 201)
      } catch (error) {
        if (error instanceof DomainError) {
          return html(c, lang, complaintPage(lang, token, fields, {}, known, m.errInvalid), 400)
        }
        throw error
      }
    })

    app.get(`/${lang}/follow`, (c) => html(c, lang, followPage(lang, '', {}, undefined), 200))

    app.post(`/${lang}/follow`, async (c) => {
      const m = FORM_MESSAGES[lang]
      const form = await formOf(c)
      const folio = (form.folio ?? '').trim().slice(0, 30)
      const pin = (form.pin ?? '').replace(/\s/g, '').slice(0, 12)
      const errors: Partial<Record<'folio' | 'pin', string>> = {}
      if (folio === '') {
        errors.folio = m.errFolio
      }
      if (pin === '') {
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
  return card('complaint', m.complaintTitle, m.complaintSummary) + card('follow', m.followTitle, m.followSummary)
}

function html(c: Context<AppEnv>, lang: PublicLang, frame: PageFrame, status: 200 | 201 | 400 | 404 | 429) {
  c.header('content-language', lang)
  return c.html(renderFrame(frame), status)
}

async function formOf(c: Context<AppEnv>): Promise<Record<string, string | undefined>> {
  try {
    const body = await c.req.parseBody()
    const out: Record<string, string | undefined> = {}
    for (const [key, value] of Object.entries(body)) {
      out[key] = typeof value === 'string' ? value : undefined
    }
    return out
  } catch (error) {
    if (error instanceof DomainError) {
      throw error
    }
    return {}
  }
}

function emptyFields(): Fields {
  return Object.fromEntries(FIELD_NAMES.map((n) => [n, ''])) as Fields
}

function fieldsOf(form: Record<string, string | undefined>): Fields {
  return Object.fromEntries(FIELD_NAMES.map((n) => [n, (form[n] ?? '').trim().slice(0, 5000)])) as Fields
}

async function agencies(db: Db): Promise<{ id: string; name: string }[]> {
  return db.db.selectFrom('orgUnits').select(['id', 'name']).where('kind', '=', 'agency').orderBy('name').execute()
}

function validate(f: Fields, lang: PublicLang, known: readonly { id: string }[], now: Date): Errors {
  const m = FORM_MESSAGES[lang]
  const errors: Errors = {}
  if (!(ComplaintCategory.options as readonly string[]).includes(f.category)) {
    errors.category = m.errCategory
  }
  if (f.description === '') {
    errors.description = m.errDescription
  }
  for (const name of ['description', 'place', 'city', 'state', 'badge', 'plate', 'name', 'phone', 'email'] as const) {
    if (f[name].length > MAX[name]) {
      errors[name] = m.errTooLong
    }
  }
  if (f.date !== '') {
    const day = /^\d{4}-\d{2}-\d{2}$/.test(f.date) ? new Date(`${f.date}T12:00:00-06:00`) : undefined
    const real = day !== undefined && !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === f.date
    if (!real || day.getTime() > now.getTime() + 86_400_000 || f.date < '1990-01-01') {
      errors.date = m.errDate
    }
  }
  if (f.agency !== '' && !known.some((a) => a.id === f.agency)) {
    errors.agency = m.errInvalid
  }
  if (f.phone !== '' && errors.phone === undefined && !/^[0-9+()\-.\s]{6,40}$/.test(f.phone)) {
    errors.phone = m.errInvalid
  }
  if (f.email !== '' && errors.email === undefined && !Email.safeParse(f.email).success) {
    errors.email = m.errEmail
  }
  return errors
}

function intakeOf(f: Fields, payload: FormTokenPayload): unknown {
  const identity = { ...(f.name ? { fullName: f.name } : {}), ...(f.phone ? { phones: [f.phone] } : {}), ...(f.email ? { email: f.email } : {}) }
  const complainant: Complainant | undefined = Object.keys(identity).length === 0 ? undefined : ({ identity, consents: ['handling_body'] } as unknown as Complainant)
  const place = { kind: f.city ? 'city' : 'unknown', ...(f.place ? { note: f.place } : {}), ...(f.city ? { city: f.city } : {}), ...(f.state ? { state: f.state } : {}) }
  const accused = { ...(f.agency ? { agencyId: f.agency } : {}), ...(f.badge ? { badge: f.badge } : {}), ...(f.plate ? { vehiclePlate: f.plate } : {}) }
  return {
    id: payload.id,
    pin: payload.pin,
    kind: 'complaint',
    category: f.category,
    channel: 'web',
    description: f.description,
    place,
    ...(f.date ? { occurredFrom: `${f.date}T00:00:00-06:00`, occurredTo: `${f.date}T23:59:59-06:00` } : {}),
    ...(Object.keys(accused).length > 0 ? { accused } : {}),
    language: payload.lang,
    contactChannel: f.email ? 'email' : f.phone ? 'phone' : 'none',
    ...(complainant ? { complainant } : {}),
  }
}

/** The schema's own refusals, on the field that was typed. */
function errorsOfIssues(issues: readonly z.core.$ZodIssue[], m: FormMessages): Errors {
  const errors: Errors = {}
  for (const issue of issues) {
    const path = issue.path.map(String)
    const field: keyof Fields =
      path[0] === 'category' || path[0] === 'description' ? path[0]
      : path[0] === 'place' ? (path[1] === 'city' ? 'city' : path[1] === 'state' ? 'state' : 'place')
      : path[0] === 'occurredFrom' || path[0] === 'occurredTo' ? 'date'
      : path[0] === 'accused' ? (path[1] === 'badge' ? 'badge' : path[1] === 'vehiclePlate' ? 'plate' : 'agency')
      : path.includes('email') ? 'email'
      : path.includes('phones') ? 'phone'
      : path[0] === 'complainant' ? 'name'
      : 'description'
    errors[field] ??= m.errInvalid
  }
  return errors
}

function errorSummary(lang: PublicLang, errors: Readonly<Record<string, string | undefined>>): string {
  const items = Object.entries(errors).filter((e): e is [string, string] => e[1] !== undefined)
  if (items.length === 0) {
    return ''
  }
  const m = FORM_MESSAGES[lang]
  return `<div class="error-summary" role="alert" aria-labelledby="error-summary-title"><h2 id="error-summary-title">${esc(m.errorSummary)}</h2><ul>${items.map(([name, text]) => `<li><a href="#f-${name}">${esc(text)}</a></li>`).join('')}</ul></div>`
}

interface FieldOpts {
  name: string
  label: string
  value: string
  error: string | undefined
  required?: boolean
  hint?: string
  type?: 'text' | 'email' | 'tel' | 'date'
  autocomplete?: string
  multiline?: boolean
  inputmode?: string
  maxlength?: number
}

function field(lang: PublicLang, o: FieldOpts): string {
  const m = FORM_MESSAGES[lang]
  const id = `f-${o.name}`
  const described = [o.hint === undefined ? '' : `${id}-hint`, o.error === undefined ? '' : `${id}-error`].filter(Boolean).join(' ')
  const attrs = `id="${id}" name="${o.name}"${o.required === true ? ' aria-required="true"' : ''}${o.error === undefined ? '' : ' aria-invalid="true"'}${described ? ` aria-describedby="${described}"` : ''}${o.autocomplete ? ` autocomplete="${o.autocomplete}"` : ''}${o.inputmode ? ` inputmode="${o.inputmode}"` : ''}${o.maxlength ? ` maxlength="${o.maxlength}"` : ''}`
  const control = o.multiline === true ? `<textarea ${attrs} rows="6">${esc(o.value)}</textarea>` : `<input ${attrs} type="${o.type ?? 'text'}" value="${esc(o.value)}">`
  return `<div class="field${o.error === undefined ? '' : ' invalid'}"><label for="${id}">${esc(o.label)} <span class="req">(${esc(o.required === true ? m.required : m.optional)})</span></label>${o.hint === undefined ? '' : `<p class="hint" id="${id}-hint">${esc(o.hint)}</p>`}${o.error === undefined ? '' : `<p class="field-error" id="${id}-error">${esc(o.error)}</p>`}${control}</div>`
}

function select(lang: PublicLang, o: { name: string; label: string; value: string; error: string | undefined; required: boolean; options: readonly [string, string][]; empty: string }): string {
  const m = FORM_MESSAGES[lang]
  const id = `f-${o.name}`
  const options = [['', o.empty] as [string, string], ...o.options].map(([value, text]) => `<option value="${esc(value)}"${value === o.value ? ' selected' : ''}>${esc(text)}</option>`).join('')
  return `<div class="field${o.error === undefined ? '' : ' invalid'}"><label for="${id}">${esc(o.label)} <span class="req">(${esc(o.required ? m.required : m.optional)})</span></label>${o.error === undefined ? '' : `<p class="field-error" id="${id}-error">${esc(o.error)}</p>`}<select id="${id}" name="${o.name}"${o.required ? ' aria-required="true"' : ''}${o.error === undefined ? '' : ` aria-invalid="true" aria-describedby="${id}-error"`}>${options}</select></div>`
}

function complaintPage(lang: PublicLang, token: string, f: Fields, errors: Errors, known: readonly { id: string; name: string }[], notice: string | undefined): PageFrame {
  const m = FORM_MESSAGES[lang]
  const e = (name: keyof Fields) => errors[name]
  const body = `<h1>${esc(m.complaintTitle)}</h1>
${notice === undefined ? '' : `<p class="notice" role="alert">${esc(notice)}</p>`}${errorSummary(lang, errors)}<p>${esc(m.complaintIntro)}</p>
<form class="form" method="post" action="/${lang}/complaint" novalidate>
<input type="hidden" name="token" value="${esc(token)}">
${select(lang, { name: 'category', label: m.category, value: f.category, error: e('category'), required: true, options: ComplaintCategory.options.map((k) => [k, m.categories[k]]), empty: '—' })}
${field(lang, { name: 'description', label: m.description, value: f.description, error: e('description'), required: true, hint: m.descriptionHint, multiline: true, maxlength: MAX.description })}
<fieldset><legend>${esc(m.where)}</legend>
${field(lang, { name: 'place', label: m.place, value: f.place, error: e('place'), maxlength: MAX.place })}
${field(lang, { name: 'city', label: m.city, value: f.city, error: e('city'), maxlength: MAX.city })}
${field(lang, { name: 'state', label: m.state, value: f.state, error: e('state'), maxlength: MAX.state })}
${field(lang, { name: 'date', label: m.date, value: f.date, error: e('date'), type: 'date' })}
</fieldset>
<fieldset><legend>${esc(m.who)}</legend>
${select(lang, { name: 'agency', label: m.agency, value: f.agency, error: e('agency'), required: false, options: known.map((a) => [a.id, a.name]), empty: m.agencyUnknown })}
${field(lang, { name: 'badge', label: m.badge, value: f.badge, error: e('badge'), maxlength: MAX.badge })}
${field(lang, { name: 'plate', label: m.plate, value: f.plate, error: e('plate'), maxlength: MAX.plate })}
</fieldset>
<fieldset><legend>${esc(m.contactTitle)} (${esc(m.optional)})</legend>
<p class="hint">${esc(m.contactNote)}</p>
${field(lang, { name: 'name', label: m.name, value: f.name, error: e('name'), autocomplete: 'name', maxlength: MAX.name })}
${field(lang, { name: 'phone', label: m.phone, value: f.phone, error: e('phone'), type: 'tel', autocomplete: 'tel', maxlength: MAX.phone })}
${field(lang, { name: 'email', label: m.email, value: f.email, error: e('email'), type: 'email', autocomplete: 'email', maxlength: MAX.email })}
</fieldset>
<p><button type="submit">${esc(m.send)}</button></p>
</form>`
  return { lang, title: m.complaintTitle, description: m.complaintSummary, path: 'complaint', crumbs: true, body }
}

function donePage(lang: PublicLang, folio: string, pin: string): PageFrame {
  const m = FORM_MESSAGES[lang]
  const body = `<h1>${esc(m.doneTitle)}</h1>
<div class="receipt"><dl><div><dt>${esc(m.folio)}</dt><dd class="code">${esc(folio)}</dd></div><div><dt>${esc(m.pin)}</dt><dd class="code">${esc(pin)}</dd></div></dl>
<p><strong>${esc(m.keep)}</strong></p></div>
<p><a href="/${lang}/follow">${esc(m.followLink)}</a></p>`
  return { lang, title: m.doneTitle, description: m.keep, path: 'complaint', crumbs: true, body }
}

function followPage(lang: PublicLang, folio: string, errors: Partial<Record<'folio' | 'pin', string>>, notice: string | undefined): PageFrame {
  const m = FORM_MESSAGES[lang]
  const body = `<h1>${esc(m.followTitle)}</h1>
${notice === undefined ? '' : `<p class="notice" role="alert">${esc(notice)}</p>`}${errorSummary(lang, errors)}<p>${esc(m.followIntro)}</p>
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
  const category = (ComplaintCategory.options as readonly string[]).includes(v.category) ? m.categories[v.category as ComplaintCategory] : undefined
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
