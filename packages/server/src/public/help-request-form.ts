import { CaseIntake, HelpCategory } from '@faro/core'
import { openCase } from '../cases/cases.ts'
import { FORM_MESSAGES } from './form-messages.ts'
import { checkbox, checkContact, checkLengths, errorSummary, field, fileParsed, noticeOf, receiptPage, select, type Errors, type IntakeForm, type Texts } from './form-kit.ts'
import type { FormTokenPayload } from './form-token.ts'
import type { PublicLang } from './languages.ts'
import { esc, type PageFrame } from './layout.ts'

/**
 * `/<lang>/help-request`: a request for help (kind `help_request`), filed through `openCase` as
 * `POST /api/cases` and the call centre file one. Help needs a way back to the person: a phone or
 * an e-mail is required, and goes to the vault with the consent the page states (the bodies that
 * handle it). Looking for a missing person is its own form (`/<lang>/missing`), not a category here.
 */
export const HELP_REQUEST_FORM: IntakeForm<Name, undefined> = {
  slug: 'help-request',
  purpose: 'help_request',
  names: ['category', 'description', 'city', 'state', 'transit', 'name', 'phone', 'email'],
  load: () => Promise.resolve(undefined),
  validate,
  page: helpRequestPage,
  file: (ctx, f, payload, deps) => fileParsed(CaseIntake.safeParse(intakeOf(f, payload)), fieldOfPath, FORM_MESSAGES[payload.lang].errInvalid, (data) => openCase(ctx, data, deps)),
  done: (lang, folio, pin) => receiptPage(lang, { title: FORM_MESSAGES[lang].help.doneTitle, path: 'help-request', folio, pin, extra: `<p>${esc(FORM_MESSAGES[lang].help.doneNext)}</p>\n` }),
}

/** The categories the public form offers: all but looking for a person, which has its own form. */
export const PUBLIC_HELP_CATEGORIES = HelpCategory.options.filter((c) => c !== 'locate_migrant')

type Name = 'category' | 'description' | 'city' | 'state' | 'transit' | 'name' | 'phone' | 'email'
type Fields = Texts<Name>

const MAX = { description: 4000, city: 120, state: 80, name: 300, phone: 40, email: 200 } as const

function validate(f: Fields, lang: PublicLang): Errors {
  const m = FORM_MESSAGES[lang]
  const errors: Errors = {}
  if (!(PUBLIC_HELP_CATEGORIES as readonly string[]).includes(f.category)) {
    errors.category = m.help.errCategory
  }
  if (f.description === '') {
    errors.description = m.help.errDescription
  }
  if (f.transit !== '' && f.transit !== 'yes') {
    errors.transit = m.errInvalid
  }
  checkLengths(errors, f, MAX, m.errTooLong)
  if (f.phone === '' && f.email === '') {
    errors.phone = m.errContact
  }
  checkContact(errors, f, m)
  return errors
}

function intakeOf(f: Fields, payload: FormTokenPayload): unknown {
  const identity = { ...(f.name ? { fullName: f.name } : {}), ...(f.phone ? { phones: [f.phone] } : {}), ...(f.email ? { email: f.email } : {}) }
  const complainant = { identity, consents: ['handling_body'] }
  return {
    id: payload.id,
    pin: payload.pin,
    kind: 'help_request',
    category: f.category,
    channel: 'web',
    description: f.description,
    place: { kind: f.city ? 'city' : 'unknown', ...(f.city ? { city: f.city } : {}), ...(f.state ? { state: f.state } : {}) },
    inTransit: f.transit === 'yes',
    language: payload.lang,
    contactChannel: f.phone ? 'phone' : 'email',
    complainant,
  }
}

function fieldOfPath(path: readonly string[]): Name {
  return path[0] === 'category' ? 'category'
    : path[0] === 'place' ? (path[1] === 'state' ? 'state' : 'city')
    : path.includes('email') ? 'email'
    : path.includes('phones') ? 'phone'
    : path[0] === 'complainant' ? 'name'
    : 'description'
}

function helpRequestPage(lang: PublicLang, token: string, f: Fields, errors: Errors, notice: string | undefined): PageFrame {
  const m = FORM_MESSAGES[lang]
  const h = m.help
  const e = (name: Name) => errors[name]
  const labels: Record<Name, string> = { category: h.category, description: h.description, city: m.city, state: m.state, transit: h.inTransit, name: m.name, phone: m.phone, email: m.email }
  const body = `<h1>${esc(h.title)}</h1>
${noticeOf(notice)}${errorSummary(lang, errors, labels)}<p>${esc(h.intro)}</p>
<p>${esc(h.missingPointer)} <a href="/${lang}/missing">${esc(m.missing.title)}</a></p>
<form class="form" method="post" action="/${lang}/help-request" novalidate>
<input type="hidden" name="token" value="${esc(token)}">
${select(lang, { name: 'category', label: h.category, value: f.category, error: e('category'), required: true, options: PUBLIC_HELP_CATEGORIES.map((k) => [k, h.categories[k]]), empty: '—' })}
${field(lang, { name: 'description', label: h.description, value: f.description, error: e('description'), required: true, hint: h.descriptionHint, multiline: true, maxlength: MAX.description })}
<fieldset><legend>${esc(h.where)}</legend>
${field(lang, { name: 'city', label: m.city, value: f.city, error: e('city'), maxlength: MAX.city })}
${field(lang, { name: 'state', label: m.state, value: f.state, error: e('state'), maxlength: MAX.state })}
${checkbox(lang, { name: 'transit', label: h.inTransit, value: f.transit, error: e('transit'), required: false })}
</fieldset>
<fieldset><legend>${esc(h.contactTitle)}</legend>
<p class="hint">${esc(h.contactNote)}</p>
${field(lang, { name: 'name', label: m.name, value: f.name, error: e('name'), autocomplete: 'name', maxlength: MAX.name })}
${field(lang, { name: 'phone', label: m.phone, value: f.phone, error: e('phone'), type: 'tel', autocomplete: 'tel', maxlength: MAX.phone })}
${field(lang, { name: 'email', label: m.email, value: f.email, error: e('email'), type: 'email', autocomplete: 'email', maxlength: MAX.email })}
</fieldset>
<p><button type="submit">${esc(h.send)}</button></p>
</form>`
  return { lang, title: h.title, description: h.summary, path: 'help-request', crumbs: true, body }
}
