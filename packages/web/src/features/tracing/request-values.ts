import { ContactMeans, LocationRequestForm, PhysicalDescription, RecordId, Relationship, type CaseChannel, type Role } from '@faro/core'
import { z } from 'zod'
import { channelFor } from '../cases/intake-values.ts'

/** Who may ask, in the order a family member is most often asked about. */
export const RELATIONSHIPS = Relationship.options

/** How the requester last heard from a sought person. */
export const CONTACT_MEANS = ContactMeans.options

/** A sought person's build. */
export const BUILDS = PhysicalDescription.shape.build.unwrap().options

/** The sexes a person may be said to be; not saying is leaving the list empty. */
export const SEXES = ['female', 'male', 'other'] as const

/** The most people one request may seek: core's limit. */
export const MAX_SOUGHT = 100

const text = z.string()

/** One sought person's fields as typed: every one a text, the empty ones ''. */
const SoughtFields = z.object({
  givenNames: text,
  firstSurname: text,
  secondSurname: text,
  aliases: text,
  sex: text,
  approximateAge: text,
  birthDate: text,
  nationality: text,
  lastContactDate: text,
  lastContactMeans: text,
  lastContactPlace: text,
  lastContactState: text,
  lastContactCountry: text,
  heightCm: text,
  build: text,
  hair: text,
  eyes: text,
  marks: text,
  dental: text,
  disabilities: text,
  clothing: text,
  originCountry: text,
  originRegion: text,
  originTown: text,
  route: text,
  companions: text,
})
export type SoughtValues = z.input<typeof SoughtFields>
export type SoughtField = keyof SoughtValues

/** The request form's fields: flat for who asks, one entry of `sought` per person. */
const RequestFields = z.object({
  id: RecordId,
  pin: z.string().regex(/^\d{6}$/),
  channel: text,
  relationship: text,
  description: text,
  givenNames: text,
  firstSurname: text,
  secondSurname: text,
  nationality: text,
  contactChannel: text,
  email: text,
  phone: text,
  language: text,
  consentHandlingBody: z.boolean(),
  consentConsulate: z.boolean(),
  consentRelatives: z.boolean(),
  sought: z.array(SoughtFields),
})
export type RequestValues = z.input<typeof RequestFields>
type TopField = Exclude<keyof RequestValues, 'sought' | 'id' | 'pin'>

/** A field of the form: one of who asks, a sought person's own, or a whole person (`sought.2`). */
export type RequestField = TopField | `sought.${number}` | `sought.${number}.${SoughtField}`

/** The fields that sit under a person's "more details", opened when one of them is wrong. */
export const MORE_FIELDS: readonly SoughtField[] = ['lastContactCountry', 'heightCm', 'build', 'hair', 'eyes', 'marks', 'dental', 'disabilities', 'clothing', 'originCountry', 'originRegion', 'originTown', 'route', 'companions']

/** Every field of who asks that the server may name. */
export const TOP_FIELDS: readonly TopField[] = ['channel', 'relationship', 'description', 'givenNames', 'firstSurname', 'secondSurname', 'nationality', 'contactChannel', 'email', 'phone', 'language']

/** Every field of each sought person, for the server's refusals. */
export const SOUGHT_FIELDS = SoughtFields.keyof().options

/**
 * The request form: what was typed becomes a `LocationRequestForm`, checked by core's own schema,
 * the server's, so a mistake is named on its field (`sought.2.firstSurname`) before anything is sent.
 */
export const RequestForm = RequestFields.transform((values, ctx) => {
  const { request, problems } = toRequest(values, new Date())
  const parsed = LocationRequestForm.safeParse(request)
  const issues = [...problems, ...(parsed.success ? [] : parsed.error.issues.map((i) => ({ field: formFieldOf(i.path) ?? 'description', message: i.code === 'custom' ? i.message.replace(/^faro\./, '') : i.code })))]
  if (issues.length > 0 || !parsed.success) {
    // One message a field, the form's own first. A whole person's goes before its fields', which
    // the resolver nests inside it.
    const named = new Set<RequestField>()
    const first = issues.filter((i) => !named.has(i.field) && named.add(i.field))
    for (const issue of [...first.filter((i) => isPerson(i.field)), ...first.filter((i) => !isPerson(i.field))]) {
      ctx.addIssue({ code: 'custom', path: issue.field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)), message: issue.message })
    }
    return z.NEVER
  }
  return parsed.data
})

/** A sought person with nothing said yet. */
export function emptySought(): SoughtValues {
  return SoughtFields.parse(Object.fromEntries(SOUGHT_FIELDS.map((f) => [f, ''])))
}

/**
 * A new, empty request: its id and PIN drawn once, the channel from the role when it decides it,
 * and a consulate as its own contact.
 */
export function requestDefaults(id: string, pin: string, channel: CaseChannel | undefined): RequestValues {
  return {
    id,
    pin,
    channel: channel ?? '',
    relationship: channel === 'consulate' ? 'consulate' : '',
    description: '',
    givenNames: '',
    firstSurname: '',
    secondSurname: '',
    nationality: '',
    contactChannel: 'none',
    email: '',
    phone: '',
    language: 'es',
    consentHandlingBody: false,
    consentConsulate: false,
    consentRelatives: false,
    sought: [emptySought()],
  }
}

/** The channel a request comes in through, from who files it; undefined for who says it. */
export function traceChannelFor(role: Role, unitKind: string): CaseChannel | undefined {
  return role === 'consulate_officer' ? 'consulate' : channelFor(role, unitKind)
}

/** A consulate asks as its own contact: no person, no way to reach them, no consents. */
export function asksAsConsulate(relationship: string): boolean {
  return relationship === 'consulate'
}

/**
 * The request the form's values say, before core checks it: a person's physical description only
 * when something of it is said, the requester only when they give something of themselves, the
 * contact of the channel chosen. What cannot be read at all (an age that is no number, a day to
 * come) is a problem on its field.
 */
export function toRequest(values: RequestValues, now: Date): { request: Record<string, unknown>; problems: { field: RequestField; message: string }[] } {
  const problems: { field: RequestField; message: string }[] = []
  const today = localDay(now)
  const sought = values.sought.map((person, index) => {
    const problem = (field: SoughtField, message: string) => problems.push({ field: `sought.${index}.${field}`, message })
    const saidAge = filled(person.approximateAge)
    const age = saidAge !== undefined && /^\d{1,3}$/.test(saidAge) && Number(saidAge) <= 120 ? Number(saidAge) : undefined
    if (saidAge !== undefined && age === undefined) {
      problem('approximateAge', 'age')
    }
    const height = heightOf(person.heightCm)
    if (height === 'invalid') {
      problem('heightCm', 'height')
    }
    for (const field of ['birthDate', 'lastContactDate'] as const) {
      if (person[field] !== '' && person[field] > today) {
        problem(field, 'future')
      }
    }
    const physical = withoutEmpty({
      heightCm: typeof height === 'number' ? height : undefined,
      build: filled(person.build),
      hair: filled(person.hair),
      eyes: filled(person.eyes),
      marks: filled(person.marks),
      dental: filled(person.dental),
      disabilities: filled(person.disabilities),
      clothing: filled(person.clothing),
    })
    const identity = withoutEmpty({
      givenNames: filled(person.givenNames),
      firstSurname: filled(person.firstSurname),
      secondSurname: filled(person.secondSurname),
      aliases: person.aliases.split(/[,;]/).map((a) => a.trim()).filter((a) => a !== ''),
      sex: filled(person.sex),
      birthDate: filled(person.birthDate),
      approximateAge: age,
      nationality: filled(person.nationality),
      physical: Object.keys(physical).length > 0 ? physical : undefined,
    })
    const origin = withoutEmpty({ country: filled(person.originCountry), region: filled(person.originRegion), town: filled(person.originTown) })
    const lastContact = withoutEmpty({ date: filled(person.lastContactDate), place: filled(person.lastContactPlace), state: filled(person.lastContactState), country: filled(person.lastContactCountry), means: filled(person.lastContactMeans) })
    return withoutEmpty({
      identity,
      origin: Object.keys(origin).length > 0 ? origin : undefined,
      route: filled(person.route),
      lastContact: Object.keys(lastContact).length > 0 ? lastContact : undefined,
      companions: filled(person.companions),
    })
  })
  const consulate = asksAsConsulate(values.relationship)
  // Core checks the contact's number or address only once everything else is right; the form says it at once.
  if (!consulate && values.contactChannel === 'phone' && filled(values.phone) === undefined) {
    problems.push({ field: 'phone', message: 'case_phone_needed' })
  }
  if (!consulate && values.contactChannel === 'email' && filled(values.email) === undefined) {
    problems.push({ field: 'email', message: 'case_email_needed' })
  }
  const request: Record<string, unknown> = {
    id: values.id,
    pin: values.pin,
    channel: values.channel,
    description: values.description,
    relationship: values.relationship,
    sought,
    language: consulate ? 'es' : values.language,
    contactChannel: consulate ? 'none' : values.contactChannel,
    ...(consulate ? {} : requesterOf(values)),
  }
  return { request, problems }
}

/**
 * Who asks, for the vault: their name if they give it, the number or address of the channel they
 * picked, and with whom it may be shared. Nothing given: no `requester` at all.
 */
export function requesterOf(values: RequestValues): { requester?: Record<string, unknown> } {
  const identity = withoutEmpty({
    givenNames: filled(values.givenNames),
    firstSurname: filled(values.firstSurname),
    secondSurname: filled(values.secondSurname),
    nationality: filled(values.nationality),
    email: values.contactChannel === 'email' ? filled(values.email) : undefined,
    phones: values.contactChannel === 'phone' && filled(values.phone) !== undefined ? [filled(values.phone)] : undefined,
  })
  if (Object.keys(identity).length === 0) {
    return {}
  }
  const consents = [values.consentHandlingBody && 'handling_body', values.consentConsulate && 'consulate', values.consentRelatives && 'relatives'].filter((c) => c !== false)
  return { requester: { identity, consents } }
}

/** The form field a path of `LocationRequestForm` names, for the server's refusals and core's checks. */
export function formFieldOf(path: readonly PropertyKey[]): RequestField | undefined {
  const [head, second, third, fourth, fifth] = path.map(String)
  if (head === 'sought' && second !== undefined && /^\d+$/.test(second)) {
    return soughtFieldOf(Number(second), third, fourth, fifth)
  }
  if (head === 'requester') {
    const flat: Record<string, TopField> = { email: 'email', phones: 'phone', givenNames: 'givenNames', firstSurname: 'firstSurname', secondSurname: 'secondSurname', nationality: 'nationality' }
    return (third === undefined ? undefined : flat[third]) ?? 'contactChannel'
  }
  return TOP_FIELDS.find((f) => f === head)
}

/** Today in the device's calendar, as a date input writes it. */
export function localDay(at: Date): string {
  return `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}`
}

function soughtFieldOf(index: number, part: string | undefined, field: string | undefined, sub: string | undefined): RequestField {
  const own = (name: string): RequestField => {
    const known = SOUGHT_FIELDS.find((f) => f === name)
    return known === undefined ? `sought.${index}` : `sought.${index}.${known}`
  }
  const prefixed = (prefix: string, name: string | undefined) => own(name === undefined ? '' : `${prefix}${name.charAt(0).toUpperCase()}${name.slice(1)}`)
  switch (part) {
    case 'identity':
      // The physical description's fields are the person's own on the form; `identity` alone is
      // the check that something names them.
      return field === 'physical' ? own(sub ?? '') : own(field ?? '')
    case 'origin':
      return prefixed('origin', field)
    case 'lastContact':
      return prefixed('lastContact', field)
    default:
      return own(part ?? '')
  }
}

function isPerson(field: RequestField): boolean {
  return /^sought\.\d+$/.test(field)
}

/** A height in centimetres, also read from metres ("1,65"); undefined when not said. */
function heightOf(value: string): number | undefined | 'invalid' {
  const said = filled(value)?.replace(',', '.')
  if (said === undefined) {
    return undefined
  }
  const cm = /^\d{2,3}$/.test(said) ? Number(said) : /^[12]\.\d{1,2}$/.test(said) ? Math.round(Number(said) * 100) : undefined
  return cm !== undefined && cm >= 40 && cm <= 250 ? cm : 'invalid'
}

function filled(value: string): string | undefined {
  const trimmed = value.trim()
  return trimmed === '' ? undefined : trimmed
}

function withoutEmpty(object: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)))
}
