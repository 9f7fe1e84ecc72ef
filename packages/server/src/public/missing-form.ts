import { LocationRequestForm, Relationship } from '@faro/core'
import { openLocationRequest } from '../cases/cases.ts'
import { FORM_MESSAGES, SOUGHT_COUNTRIES, type PublicRelationship } from './form-messages.ts'
import { checkbox, checkContact, checkLengths, errorSummary, field, fileParsed, isDay, noticeOf, receiptPage, select, type Errors, type IntakeForm, type Texts } from './form-kit.ts'
import type { FormTokenPayload } from './form-token.ts'
import { plural } from './help.ts'
import type { PublicLang } from './languages.ts'
import { esc, type PageFrame } from './layout.ts'

// Before the form, which lists its fields when the module loads.
const PERSONS = [1, 2] as const
const PERSON_FIELDS = ['given', 'surname1', 'surname2', 'sex', 'age', 'birth', 'nationality', 'place', 'date', 'marks'] as const
const TOP = ['story', 'name', 'relationship', 'phone', 'email', 'consent'] as const
const SEXES = ['female', 'male', 'other'] as const

/**
 * `/<lang>/missing`: asking for one or two missing people, a location request filed through
 * `openLocationRequest` as `POST /api/tracing/requests` files one. Each sought person's identity
 * (names, sex, age, birth date, nationality, how to recognise them) goes to the vault on the
 * basis of vital interest; the case keeps only the vault reference and the last contact's place
 * and day. The requester's name and contact go to the vault too, with their consent to be
 * contacted, which the form requires. With no script the form has two person blocks, the second
 * optional; more people are a second request.
 */
export const MISSING_FORM: IntakeForm<Name, undefined> = {
  slug: 'missing',
  purpose: 'missing',
  names: [...PERSONS.flatMap((p) => PERSON_FIELDS.map((n) => personName(p, n))), ...TOP],
  load: () => Promise.resolve(undefined),
  validate,
  page: missingPage,
  file: (ctx, f, payload, deps) => fileParsed(LocationRequestForm.safeParse(requestOf(f, payload)), fieldOfPath, FORM_MESSAGES[payload.lang].errInvalid, (data) => openLocationRequest(ctx, data, deps)),
  done: (lang, folio, pin, f) => {
    const words = FORM_MESSAGES[lang].missing
    const extra = `<p>${esc(plural(lang, words.doneCount, saidPersons(f).length))} ${esc(words.doneNext)}</p>\n`
    return receiptPage(lang, { title: words.doneTitle, path: 'missing', folio, pin, extra })
  },
}

/** Who may ask on this form: anyone but a consulate. */
export const PUBLIC_RELATIONSHIPS = Relationship.options.filter((r): r is PublicRelationship => r !== 'consulate')


type Person = (typeof PERSONS)[number]
type PersonField = (typeof PERSON_FIELDS)[number]
type Name = `p${Person}-${PersonField}` | (typeof TOP)[number]
type Fields = Texts<Name>

const PERSON_MAX = { given: 120, surname1: 80, surname2: 80, place: 200, marks: 1000 } as const
const MAX = { story: 4000, name: 300, phone: 40, email: 200 } as const

function personName(p: Person, n: PersonField): Name {
  return `p${p}-${n}`
}

/** The first person always; the second when anything of them is typed. */
function saidPersons(f: Fields): Person[] {
  return PERSONS.filter((p) => p === 1 || PERSON_FIELDS.some((n) => f[personName(p, n)] !== ''))
}

function validate(f: Fields, lang: PublicLang, now: Date): Errors {
  const m = FORM_MESSAGES[lang]
  const w = m.missing
  const errors: Errors = {}
  for (const p of saidPersons(f)) {
    const v = (n: PersonField) => f[personName(p, n)]
    const set = (n: PersonField, text: string) => {
      errors[personName(p, n)] ??= text
    }
    if (v('given') === '' && v('surname1') === '' && v('surname2') === '' && v('marks') === '') {
      set('given', w.errSoughtName)
    }
    checkLengths(errors, f, Object.fromEntries(Object.entries(PERSON_MAX).map(([n, max]) => [`p${p}-${n}`, max])), m.errTooLong)
    if (v('sex') !== '' && !(SEXES as readonly string[]).includes(v('sex'))) {
      set('sex', m.errInvalid)
    }
    if (v('age') !== '' && !(/^\d{1,3}$/.test(v('age')) && Number(v('age')) <= 120)) {
      set('age', w.errAge)
    }
    if (v('birth') !== '' && !isDay(v('birth'), now, '1900-01-01')) {
      set('birth', m.errDate)
    }
    if (v('nationality') !== '' && v('nationality') !== 'unknown' && !(SOUGHT_COUNTRIES as readonly string[]).includes(v('nationality'))) {
      set('nationality', m.errInvalid)
    }
    if (v('date') !== '' && !isDay(v('date'), now, '2000-01-01')) {
      set('date', m.errDate)
    }
  }
  if (f.story === '') {
    errors.story = m.errDescription
  }
  if (f.name === '') {
    errors.name = w.errRequesterName
  }
  if (!(PUBLIC_RELATIONSHIPS as readonly string[]).includes(f.relationship)) {
    errors.relationship = w.errRelationship
  }
  checkLengths(errors, f, MAX, m.errTooLong)
  if (f.phone === '' && f.email === '') {
    errors.phone = m.errContact
  }
  checkContact(errors, f, m)
  if (f.consent !== 'yes') {
    errors.consent = w.errConsent
  }
  return errors
}

/** The request as `POST /api/tracing/requests` takes it; only what was typed. */
function requestOf(f: Fields, payload: FormTokenPayload): unknown {
  const given = (...pairs: [string, unknown][]) => Object.fromEntries(pairs.filter(([, value]) => value !== '' && value !== undefined))
  const sought = saidPersons(f).map((p) => {
    const v = (n: PersonField) => f[personName(p, n)]
    const identity = given(
      ['givenNames', v('given')],
      ['firstSurname', v('surname1')],
      ['secondSurname', v('surname2')],
      ['sex', v('sex')],
      ['approximateAge', v('age') === '' ? undefined : Number(v('age'))],
      ['birthDate', v('birth')],
      ['nationality', v('nationality')],
      ['physical', v('marks') === '' ? undefined : { marks: v('marks') }],
    )
    const lastContact = given(['date', v('date')], ['place', v('place')])
    return { identity, ...(Object.keys(lastContact).length > 0 ? { lastContact } : {}) }
  })
  return {
    id: payload.id,
    pin: payload.pin,
    channel: 'web',
    description: f.story,
    sought,
    requester: { identity: given(['fullName', f.name], ['phones', f.phone === '' ? undefined : [f.phone]], ['email', f.email]), consents: ['handling_body'] },
    relationship: f.relationship,
    language: payload.lang,
    contactChannel: f.phone === '' ? 'email' : 'phone',
  }
}

const IDENTITY_FIELDS: Readonly<Record<string, PersonField>> = { givenNames: 'given', firstSurname: 'surname1', secondSurname: 'surname2', sex: 'sex', approximateAge: 'age', birthDate: 'birth', nationality: 'nationality', physical: 'marks' }

/** The schema's refusal on the field that was typed: `sought.1.identity.birthDate` is `p2-birth`. */
function fieldOfPath(path: readonly string[]): Name {
  if (path[0] === 'sought') {
    const p: Person = path[1] === '1' ? 2 : 1
    const n = path[2] === 'lastContact' ? (path[3] === 'date' ? 'date' : 'place') : IDENTITY_FIELDS[path[3] ?? ''] ?? 'given'
    return personName(p, n)
  }
  return path.includes('email') ? 'email' : path.includes('phones') ? 'phone' : path[0] === 'requester' ? 'name' : path[0] === 'relationship' ? 'relationship' : 'story'
}

function missingPage(lang: PublicLang, token: string, f: Fields, errors: Errors, notice: string | undefined): PageFrame {
  const m = FORM_MESSAGES[lang]
  const w = m.missing
  const labels: Partial<Record<Name, string>> = { story: w.story, name: w.requesterName, relationship: w.relationship, phone: m.phone, email: m.email, consent: w.consentShort }
  for (const p of PERSONS) {
    const who = w.person.replace('{n}', String(p))
    const own: Record<PersonField, string> = { given: w.given, surname1: w.surname1, surname2: w.surname2, sex: w.sex, age: w.age, birth: w.birthDate, nationality: w.nationality, place: w.lastPlace, date: w.lastDate, marks: w.marks }
    for (const n of PERSON_FIELDS) {
      labels[personName(p, n)] = `${who} · ${own[n]}`
    }
  }
  const countries = [...SOUGHT_COUNTRIES.map((c) => [c, w.countries[c]] as const), ['unknown', w.nationalityOther] as const]
  const person = (p: Person) => {
    const name = (n: PersonField) => personName(p, n)
    const one = (n: PersonField, o: { label: string; hint?: string; type?: 'date'; inputmode?: string; maxlength?: number; multiline?: boolean }) =>
      field(lang, { name: name(n), value: f[name(n)], error: errors[name(n)], required: p === 1 && n === 'given', ...o })
    const pick = (n: PersonField, label: string, options: readonly (readonly [string, string])[]) => select(lang, { name: name(n), label, value: f[name(n)], error: errors[name(n)], required: false, options, empty: '—' })
    return `<fieldset><legend>${esc(w.person.replace('{n}', String(p)))}${p === 1 ? '' : ` (${esc(m.optional)})`}</legend>
${p === 1 ? '' : `<p class="hint">${esc(w.secondHint)}</p>\n`}${one('given', { label: w.given, hint: w.nameHint, maxlength: PERSON_MAX.given })}
${one('surname1', { label: w.surname1, maxlength: PERSON_MAX.surname1 })}
${one('surname2', { label: w.surname2, maxlength: PERSON_MAX.surname2 })}
${pick('sex', w.sex, SEXES.map((s) => [s, w.sexes[s]] as const))}
${one('age', { label: w.age, hint: w.ageHint, inputmode: 'numeric', maxlength: 3 })}
${one('birth', { label: w.birthDate, type: 'date' })}
${pick('nationality', w.nationality, countries)}
${one('place', { label: w.lastPlace, hint: w.lastPlaceHint, maxlength: PERSON_MAX.place })}
${one('date', { label: w.lastDate, type: 'date' })}
${one('marks', { label: w.marks, hint: w.marksHint, multiline: true, maxlength: PERSON_MAX.marks })}
</fieldset>`
  }
  const body = `<h1>${esc(w.title)}</h1>
${noticeOf(notice)}${errorSummary(lang, errors, labels)}<p>${esc(w.intro)}</p>
<form class="form" method="post" action="/${lang}/missing" novalidate>
<input type="hidden" name="token" value="${esc(token)}">
${person(1)}
${person(2)}
<p>${esc(w.more)} <a href="/${lang}/help">${esc(w.moreLink)}</a></p>
${field(lang, { name: 'story', label: w.story, value: f.story, error: errors.story, required: true, hint: w.storyHint, multiline: true, maxlength: MAX.story })}
<fieldset><legend>${esc(w.requesterTitle)}</legend>
<p class="hint">${esc(w.requesterNote)}</p>
${field(lang, { name: 'name', label: w.requesterName, value: f.name, error: errors.name, required: true, autocomplete: 'name', maxlength: MAX.name })}
${select(lang, { name: 'relationship', label: w.relationship, value: f.relationship, error: errors.relationship, required: true, options: PUBLIC_RELATIONSHIPS.map((r) => [r, w.relationships[r]] as const), empty: '—' })}
<p class="hint">${esc(w.contactHint)}</p>
${field(lang, { name: 'phone', label: m.phone, value: f.phone, error: errors.phone, type: 'tel', autocomplete: 'tel', maxlength: MAX.phone })}
${field(lang, { name: 'email', label: m.email, value: f.email, error: errors.email, type: 'email', autocomplete: 'email', maxlength: MAX.email })}
${checkbox(lang, { name: 'consent', label: w.consent, value: f.consent, error: errors.consent, required: true })}
</fieldset>
<p><button type="submit">${esc(w.send)}</button></p>
</form>`
  return { lang, title: w.title, description: w.summary, path: 'missing', crumbs: true, body }
}
