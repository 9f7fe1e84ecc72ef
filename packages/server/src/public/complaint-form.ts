import { CaseIntake, ComplaintCategory } from '@faro/core'
import { openCase } from '../cases/cases.ts'
import { FORM_MESSAGES } from './form-messages.ts'
import { checkContact, checkLengths, errorSummary, field, fileParsed, isDay, noticeOf, receiptPage, select, type Errors, type IntakeForm, type Texts } from './form-kit.ts'
import type { FormTokenPayload } from './form-token.ts'
import type { PublicLang } from './languages.ts'
import { esc, type PageFrame } from './layout.ts'

/**
 * `/<lang>/complaint`: a complaint against an official, filed through `openCase` as
 * `POST /api/cases` files one; contact details, all optional, go to the vault.
 */
export const COMPLAINT_FORM: IntakeForm<Name, Agency[]> = {
  slug: 'complaint',
  purpose: 'complaint',
  names: ['category', 'description', 'place', 'city', 'state', 'date', 'agency', 'badge', 'plate', 'name', 'phone', 'email'],
  load: async (deps) => deps.db.db.selectFrom('orgUnits').select(['id', 'name']).where('kind', '=', 'agency').orderBy('name').execute(),
  validate,
  page: complaintPage,
  file: (ctx, f, payload, deps) => fileParsed(CaseIntake.safeParse(intakeOf(f, payload)), fieldOfPath, FORM_MESSAGES[payload.lang].errInvalid, (data) => openCase(ctx, data, deps)),
  done: (lang, folio, pin) => receiptPage(lang, { title: FORM_MESSAGES[lang].doneTitle, path: 'complaint', folio, pin }),
}

type Name = 'category' | 'description' | 'place' | 'city' | 'state' | 'date' | 'agency' | 'badge' | 'plate' | 'name' | 'phone' | 'email'
type Fields = Texts<Name>
interface Agency {
  id: string
  name: string
}

const MAX = { description: 4000, place: 500, city: 120, state: 80, badge: 40, plate: 20, name: 300, phone: 40, email: 200 } as const

function validate(f: Fields, lang: PublicLang, now: Date, known: readonly Agency[]): Errors {
  const m = FORM_MESSAGES[lang]
  const errors: Errors = {}
  if (!(ComplaintCategory.options as readonly string[]).includes(f.category)) {
    errors.category = m.errCategory
  }
  if (f.description === '') {
    errors.description = m.errDescription
  }
  checkLengths(errors, f, MAX, m.errTooLong)
  if (f.date !== '' && !isDay(f.date, now, '1990-01-01')) {
    errors.date = m.errDate
  }
  if (f.agency !== '' && !known.some((a) => a.id === f.agency)) {
    errors.agency = m.errInvalid
  }
  checkContact(errors, f, m)
  return errors
}

function intakeOf(f: Fields, payload: FormTokenPayload): unknown {
  const identity = { ...(f.name ? { fullName: f.name } : {}), ...(f.phone ? { phones: [f.phone] } : {}), ...(f.email ? { email: f.email } : {}) }
  const complainant = Object.keys(identity).length === 0 ? undefined : { identity, consents: ['handling_body'] }
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

/** The schema's refusal on the field that was typed. */
function fieldOfPath(path: readonly string[]): Name {
  return path[0] === 'category' || path[0] === 'description' ? path[0]
    : path[0] === 'place' ? (path[1] === 'city' ? 'city' : path[1] === 'state' ? 'state' : 'place')
    : path[0] === 'occurredFrom' || path[0] === 'occurredTo' ? 'date'
    : path[0] === 'accused' ? (path[1] === 'badge' ? 'badge' : path[1] === 'vehiclePlate' ? 'plate' : 'agency')
    : path.includes('email') ? 'email'
    : path.includes('phones') ? 'phone'
    : path[0] === 'complainant' ? 'name'
    : 'description'
}

function complaintPage(lang: PublicLang, token: string, f: Fields, errors: Errors, notice: string | undefined, known: readonly Agency[]): PageFrame {
  const m = FORM_MESSAGES[lang]
  const e = (name: Name) => errors[name]
  const labels: Record<Name, string> = { category: m.category, description: m.description, place: m.place, city: m.city, state: m.state, date: m.date, agency: m.agency, badge: m.badge, plate: m.plate, name: m.name, phone: m.phone, email: m.email }
  const body = `<h1>${esc(m.complaintTitle)}</h1>
${noticeOf(notice)}${errorSummary(lang, errors, labels)}<p>${esc(m.complaintIntro)}</p>
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
