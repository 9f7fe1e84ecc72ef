import { Hono, type Context } from 'hono'
import { DomainError, type Actor, type CaseIntakeResult } from '@faro/core'
import { z } from 'zod'
import { clientAddress } from '../accounts/auth-routes.ts'
import type { CaseDeps } from '../cases/cases.ts'
import type { Clock } from '../clock.ts'
import type { Db } from '../db/open.ts'
import type { AppEnv } from '../http/env.ts'
import type { Ctx } from '../log/context.ts'
import { FORM_MESSAGES } from './form-messages.ts'
import { newFormPayload, openFormToken, sealFormToken, type FormTokenKeys, type FormTokenPayload } from './form-token.ts'
import type { PublicLang } from './languages.ts'
import { esc, renderFrame, type PageFrame } from './layout.ts'

/**
 * What the public forms that file something share: the flow of a filed form (the token, the
 * per-address limit, the checks, the filing, the receipt) and the markup of fields, errors and
 * the receipt. Each form (forms.ts, help-request-form.ts, missing-form.ts) says only its fields,
 * its checks, its page and what it files.
 */

export interface FormDeps extends CaseDeps {
  db: Db
  clock: Clock
  trustProxy: boolean
  maxBodyBytes: number
}

/**
 * Who files a web intake: the system, for the Paisano national office, as the demo's web intakes
 * do. It takes the case in that office's name (the case's unit), and routing by the rules then
 * sends it on; the actor is the same for every web intake, so that a form sent twice is
 * recognised as the same intake (an intake answers a repeated id only to the same actor).
 */
export const WEB_ACTOR: Actor = { userId: 'system', role: 'paisano_coordinator', orgUnitId: 'paisano' }

/** Per address and filing form (in every language together): at most 5 a minute and 30 a day. */
export const FORM_LIMITS = [
  { windowMs: 60_000, max: 5 },
  { windowMs: 86_400_000, max: 30 },
] as const

/** A field's message, by the field's name (`f-<name>` is its id). */
export type Errors = Partial<Record<string, string>>

/** What a filing came to: the intake's answer, or the schema's refusals on the fields. */
export type Filing = { filed: CaseIntakeResult } | { errors: Errors }

/** The texts a form's fields hold, trimmed, every name present ('' when not sent). */
export type Texts<K extends string> = Record<K, string>

/**
 * One form that files something: its slug and token purpose, its fields, its checks, its page,
 * the filing itself and the receipt. `X` is what the page needs from the database (agencies).
 */
export interface IntakeForm<K extends string, X> {
  slug: string
  purpose: string
  names: readonly K[]
  load(deps: FormDeps): Promise<X>
  validate(f: Texts<K>, lang: PublicLang, now: Date, x: X): Errors
  page(lang: PublicLang, token: string, f: Texts<K>, errors: Errors, notice: string | undefined, x: X): PageFrame
  /** Files it: the folio and PIN, or the schema's refusals on the fields. */
  file(ctx: Ctx, f: Texts<K>, payload: FormTokenPayload, deps: FormDeps): Promise<Filing>
  done(lang: PublicLang, folio: string, pin: string, f: Texts<K>): PageFrame
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

/**
 * The GET and POST of a filing form in one language. The POST: the limit, then the token (forged,
 * altered, expired, for another form or language: a fresh form with what was typed), then the
 * checks, then the filing with the token's id and PIN, so a second press answers the same folio.
 */
export function mountIntake<K extends string, X>(app: Hono<AppEnv>, lang: PublicLang, deps: FormDeps, keys: FormTokenKeys, limiter: SubmissionLimiter, form: IntakeForm<K, X>): void {
  const path = `/${lang}/${form.slug}`
  app.get(path, async (c) => {
    const token = sealFormToken(keys, newFormPayload(lang, deps.clock.now()), form.purpose)
    return html(c, lang, form.page(lang, token, textsOf({}, form.names), {}, undefined, await form.load(deps)), 200)
  })

  app.post(path, async (c) => {
    const m = FORM_MESSAGES[lang]
    const now = deps.clock.now()
    if (!limiter.take(clientAddress(c, deps.trustProxy), now.getTime())) {
      return html(c, lang, { lang, title: m.tooManyTitle, description: m.tooManyBody, path: form.slug, crumbs: true, body: `<h1>${esc(m.tooManyTitle)}</h1><p>${esc(m.tooManyBody)}</p>` }, 429)
    }
    const sent = await formOf(c)
    const f = textsOf(sent, form.names)
    const x = await form.load(deps)
    const payload = openFormToken(keys, sent.token, form.purpose, now)
    if (payload === undefined || payload.lang !== lang) {
      const fresh = sealFormToken(keys, newFormPayload(lang, now), form.purpose)
      return html(c, lang, form.page(lang, fresh, f, form.validate(f, lang, now, x), m.expired, x), 400)
    }
    const token = sent.token ?? ''
    const errors = form.validate(f, lang, now, x)
    if (Object.keys(errors).length > 0) {
      return html(c, lang, form.page(lang, token, f, errors, undefined, x), 400)
    }
    const ctx: Ctx = { db: deps.db, clock: deps.clock, actor: WEB_ACTOR, requestId: c.get('requestId'), lang: c.get('lang') }
    try {
      const filing = await form.file(ctx, f, payload, deps)
      if ('errors' in filing) {
        return html(c, lang, form.page(lang, token, f, filing.errors, undefined, x), 400)
      }
      return html(c, lang, form.done(lang, filing.filed.folio, filing.filed.pin ?? payload.pin, f), 201)
    } catch (error) {
      if (error instanceof DomainError && error.code !== 'conflict') {
        return html(c, lang, form.page(lang, token, f, {}, m.errInvalid, x), 400)
      }
      throw error
    }
  })
}

export function html(c: Context<AppEnv>, lang: PublicLang, frame: PageFrame, status: 200 | 201 | 400 | 404 | 429) {
  c.header('content-language', lang)
  return c.html(renderFrame(frame), status)
}

/** The posted fields that are text; a body that is not a form is no field at all. */
export async function formOf(c: Context<AppEnv>): Promise<Record<string, string | undefined>> {
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

/** Every name's text, trimmed; what is far past any limit is cut, and the check says it is too long. */
export function textsOf<K extends string>(form: Record<string, string | undefined>, names: readonly K[]): Texts<K> {
  return Object.fromEntries(names.map((n) => [n, (form[n] ?? '').trim().slice(0, 5000)])) as Texts<K>
}

/** The schema's refusals as field errors, each issue's path read by the form's own function. */
export function errorsOfIssues(issues: readonly z.core.$ZodIssue[], fieldOf: (path: readonly string[]) => string, text: string): Errors {
  const errors: Errors = {}
  for (const issue of issues) {
    errors[fieldOf(issue.path.map(String))] ??= text
  }
  return errors
}

/** Files what the schema accepts; its refusals become field errors, by the form's reading of each path. */
export async function fileParsed<T>(parsed: z.ZodSafeParseResult<T>, fieldOf: (path: readonly string[]) => string, text: string, run: (data: T) => Promise<CaseIntakeResult>): Promise<Filing> {
  return parsed.success ? { filed: await run(parsed.data) } : { errors: errorsOfIssues(parsed.error.issues, fieldOf, text) }
}

const Email = z.email()

/** A day typed in a date field: real, not after tomorrow, not before `earliest`. */
export function isDay(text: string, now: Date, earliest: string): boolean {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(`${text}T12:00:00-06:00`) : undefined
  const real = day !== undefined && !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === text
  return real && day.getTime() <= now.getTime() + 86_400_000 && text >= earliest
}

/** Marks each field longer than its limit. */
export function checkLengths(errors: Errors, f: Readonly<Record<string, string>>, max: Readonly<Record<string, number>>, text: string): void {
  for (const [name, limit] of Object.entries(max)) {
    if ((f[name] ?? '').length > limit) {
      errors[name] = text
    }
  }
}

/** A phone and an e-mail as typed, when typed, that cannot be one. */
export function checkContact(errors: Errors, f: { phone: string; email: string }, words: { errPhone: string; errEmail: string }, names = { phone: 'phone', email: 'email' }): void {
  if (f.phone !== '' && errors[names.phone] === undefined && !/^[0-9+()\-.\s]{6,40}$/.test(f.phone)) {
    errors[names.phone] = words.errPhone
  }
  if (f.email !== '' && errors[names.email] === undefined && !Email.safeParse(f.email).success) {
    errors[names.email] = words.errEmail
  }
}

/** The list at the top of a form sent back: each wrong field by its label, linked to it. */
export function errorSummary(lang: PublicLang, errors: Errors, labels: Readonly<Record<string, string>>): string {
  const items = Object.entries(errors).filter((e): e is [string, string] => e[1] !== undefined)
  if (items.length === 0) {
    return ''
  }
  const m = FORM_MESSAGES[lang]
  const item = ([name, text]: [string, string]) => `<li><a href="#f-${name}">${esc(named(labels[name], text))}</a></li>`
  return `<div class="error-summary" role="alert" aria-labelledby="error-summary-title"><h2 id="error-summary-title">${esc(m.errorSummary)}</h2><ul>${items.map(item).join('')}</ul></div>`
}

/** A message with its field's label before it, unless the message already starts with it. */
function named(label: string | undefined, text: string): string {
  if (label === undefined || text.startsWith(label)) {
    return text
  }
  // "¿Qué te pasó? Elige…" reads better with no colon after a question.
  return `${label}${/[?:]$/.test(label) ? ' ' : ': '}${text}`
}

/** A notice above a form (expired, refused), or nothing. */
export function noticeOf(notice: string | undefined): string {
  return notice === undefined ? '' : `<p class="notice" role="alert">${esc(notice)}</p>`
}

export interface FieldOpts {
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

export function field(lang: PublicLang, o: FieldOpts): string {
  const m = FORM_MESSAGES[lang]
  const id = `f-${o.name}`
  const described = [o.hint === undefined ? '' : `${id}-hint`, o.error === undefined ? '' : `${id}-error`].filter(Boolean).join(' ')
  const attrs = `id="${id}" name="${o.name}"${o.required === true ? ' aria-required="true"' : ''}${o.error === undefined ? '' : ' aria-invalid="true"'}${described ? ` aria-describedby="${described}"` : ''}${o.autocomplete ? ` autocomplete="${o.autocomplete}"` : ''}${o.inputmode ? ` inputmode="${o.inputmode}"` : ''}${o.maxlength ? ` maxlength="${o.maxlength}"` : ''}`
  const control = o.multiline === true ? `<textarea ${attrs} rows="${o.name.endsWith('marks') ? 3 : 6}">${esc(o.value)}</textarea>` : `<input ${attrs} type="${o.type ?? 'text'}" value="${esc(o.value)}">`
  return `<div class="field${o.error === undefined ? '' : ' invalid'}"><label for="${id}">${esc(o.label)} <span class="req">(${esc(o.required === true ? m.required : m.optional)})</span></label>${o.hint === undefined ? '' : `<p class="hint" id="${id}-hint">${esc(o.hint)}</p>`}${o.error === undefined ? '' : `<p class="field-error" id="${id}-error">${esc(o.error)}</p>`}${control}</div>`
}

export function select(lang: PublicLang, o: { name: string; label: string; value: string; error: string | undefined; required: boolean; options: readonly (readonly [string, string])[]; empty: string }): string {
  const m = FORM_MESSAGES[lang]
  const id = `f-${o.name}`
  const options = [['', o.empty] as const, ...o.options].map(([value, text]) => `<option value="${esc(value)}"${value === o.value ? ' selected' : ''}>${esc(text)}</option>`).join('')
  return `<div class="field${o.error === undefined ? '' : ' invalid'}"><label for="${id}">${esc(o.label)} <span class="req">(${esc(o.required ? m.required : m.optional)})</span></label>${o.error === undefined ? '' : `<p class="field-error" id="${id}-error">${esc(o.error)}</p>`}<select id="${id}" name="${o.name}"${o.required ? ' aria-required="true"' : ''}${o.error === undefined ? '' : ` aria-invalid="true" aria-describedby="${id}-error"`}>${options}</select></div>`
}

/** A box to tick, its label beside it; `value` is 'yes' when ticked. */
export function checkbox(lang: PublicLang, o: { name: string; label: string; value: string; error: string | undefined; required: boolean }): string {
  const m = FORM_MESSAGES[lang]
  const id = `f-${o.name}`
  return `<div class="field check${o.error === undefined ? '' : ' invalid'}">${o.error === undefined ? '' : `<p class="field-error" id="${id}-error">${esc(o.error)}</p>`}<input id="${id}" name="${o.name}" type="checkbox" value="yes"${o.value === 'yes' ? ' checked' : ''}${o.required ? ' aria-required="true"' : ''}${o.error === undefined ? '' : ` aria-invalid="true" aria-describedby="${id}-error"`}><label for="${id}">${esc(o.label)} <span class="req">(${esc(o.required ? m.required : m.optional)})</span></label></div>`
}

/** The answer of a filing: the folio and the PIN, large and printable, and the way to follow. */
export function receiptPage(lang: PublicLang, o: { title: string; path: string; folio: string; pin: string; extra?: string }): PageFrame {
  const m = FORM_MESSAGES[lang]
  const body = `<h1>${esc(o.title)}</h1>
<div class="receipt"><dl><div><dt>${esc(m.folio)}</dt><dd class="code">${esc(o.folio)}</dd></div><div><dt>${esc(m.pin)}</dt><dd class="code">${esc(o.pin)}</dd></div></dl>
<p><strong>${esc(m.keep)}</strong></p></div>
${o.extra ?? ''}<p><a href="/${lang}/follow">${esc(m.followLink)}</a></p>`
  return { lang, title: o.title, description: m.keep, path: o.path, crumbs: true, body }
}
