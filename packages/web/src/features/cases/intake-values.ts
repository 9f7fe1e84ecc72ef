import { CaseIntake, ComplaintCategory, HelpCategory, JourneyPlaceKind, RecordId, type CaseChannel, type Role } from '@faro/core'
import { z } from 'zod'

/** Kinds of place in the order a volunteer meets them on the road home. */
export const PLACE_KINDS = JourneyPlaceKind.options

/** Which details of a place the form asks for: a highway and kilometre, a state and city, or none. */
export type PlaceDetail = 'road' | 'town' | 'none'

/** When it happened, as the person can say it. */
export const WHEN = ['today', 'yesterday', 'date', 'unknown'] as const

/** Languages to write to the person in: Spanish, English and the most spoken native languages. */
export const LANGUAGES = ['es', 'en', 'nah', 'yua', 'mix', 'zap'] as const

/** How the person wants to hear about the case; the number or address itself goes to the vault. */
export const CONTACT_CHANNELS = ['none', 'phone', 'email'] as const

/** The channels a person who picks one (the national office) may say a case came in through. */
export const PICKED_CHANNELS = ['module', 'observation_point', 'call_centre', 'web', 'field', 'consulate'] as const

/** Mexico's 32 states, for where an incident happened. */
export const MEXICAN_STATES = [
  'Aguascalientes', 'Baja California', 'Baja California Sur', 'Campeche', 'Chiapas', 'Chihuahua', 'Ciudad de México', 'Coahuila', 'Colima', 'Durango',
  'Estado de México', 'Guanajuato', 'Guerrero', 'Hidalgo', 'Jalisco', 'Michoacán', 'Morelos', 'Nayarit', 'Nuevo León', 'Oaxaca', 'Puebla', 'Querétaro',
  'Quintana Roo', 'San Luis Potosí', 'Sinaloa', 'Sonora', 'Tabasco', 'Tamaulipas', 'Tlaxcala', 'Veracruz', 'Yucatán', 'Zacatecas',
] as const

/** The categories of a kind, in the catalogue's order; none until a kind is chosen. */
export function categoriesOf(kind: string): readonly string[] {
  if (kind === 'complaint') {
    return ComplaintCategory.options
  }
  return kind === 'help_request' ? HelpCategory.options : []
}

/** Which details of a place are worth asking for. */
export function placeDetail(kind: string): PlaceDetail {
  if (kind === 'highway' || kind === 'toll_plaza' || kind === 'immigration_checkpoint') {
    return 'road'
  }
  return kind === '' || kind === 'unknown' ? 'none' : 'town'
}

/**
 * The channel a case comes in through, from who takes it: a module's volunteer at the module (or
 * observation point), the call centre by phone, Grupos Beta in the field. Undefined for roles
 * that take cases from anywhere (the national office), who say it.
 */
export function channelFor(role: Role, unitKind: string): CaseChannel | undefined {
  switch (role) {
    case 'module_volunteer':
      return unitKind === 'observation_point' ? 'observation_point' : 'module'
    case 'call_centre_operator':
      return 'call_centre'
    case 'field_agent':
    case 'group_coordinator':
      return 'field'
    default:
      return undefined
  }
}

// The largest multiple of a million below 2^32: numbers above it would make low PINs likelier.
const PIN_LIMIT = 4_294_000_000

/**
 * Six random digits for the person to keep with the folio, drawn once per intake form so that a
 * retried intake shows the PIN the person was already told.
 */
export function newPin(random: (bytes: Uint32Array) => Uint32Array = (b) => crypto.getRandomValues(b)): string {
  for (;;) {
    const [value = PIN_LIMIT] = random(new Uint32Array(1))
    if (value < PIN_LIMIT) {
      return String(value % 1_000_000).padStart(6, '0')
    }
  }
}

const text = z.string()

/** The intake form's fields as typed: flat, every one a text or a box, the empty ones ''. */
const IntakeFields = z.object({
  id: RecordId,
  pin: z.string().regex(/^\d{6}$/),
  kind: text,
  category: text,
  channel: text,
  description: text,
  placeKind: text,
  highway: text,
  km: text,
  state: text,
  city: text,
  when: z.enum(WHEN),
  date: text,
  accusedAgencyId: text,
  accusedBadge: text,
  accusedPlate: text,
  accusedDescription: text,
  language: text,
  contactChannel: text,
  email: text,
  phone: text,
  giveName: z.boolean(),
  givenNames: text,
  firstSurname: text,
  secondSurname: text,
  nationality: text,
  consentHandlingBody: z.boolean(),
  consentConsulate: z.boolean(),
  consentRelatives: z.boolean(),
  allowIdentityToAccused: z.boolean(),
  inTransit: z.boolean(),
})
export type IntakeValues = z.input<typeof IntakeFields>
export type IntakeField = keyof IntakeValues

/**
 * The intake form: what the person typed becomes a `CaseIntake`, checked by core's own schema,
 * the server's, so a mistake is named on its field before anything is sent.
 */
export const IntakeForm = IntakeFields.transform((values, ctx) => {
  const { intake, problems } = toIntake(values, new Date())
  const parsed = CaseIntake.safeParse(intake)
  const issues = [...problems, ...(parsed.success ? [] : parsed.error.issues.map((i) => ({ field: formFieldOf(i.path) ?? 'description', message: i.code === 'custom' ? i.message.replace(/^faro\./, '') : i.code })))]
  if (issues.length > 0 || !parsed.success) {
    // One message a field: the first, which is the form's own when it has one.
    const named = new Set<IntakeField>()
    for (const issue of issues.filter((i) => !named.has(i.field) && named.add(i.field))) {
      ctx.addIssue({ code: 'custom', path: [issue.field], message: issue.message })
    }
    return z.NEVER
  }
  return parsed.data
})

/** A new, empty intake: its id and PIN drawn once, the channel from the role when it decides it. */
export function intakeDefaults(id: string, pin: string, channel: CaseChannel | undefined): IntakeValues {
  return {
    id,
    pin,
    kind: '',
    category: '',
    channel: channel ?? '',
    description: '',
    placeKind: '',
    highway: '',
    km: '',
    state: '',
    city: '',
    when: 'unknown',
    date: '',
    accusedAgencyId: '',
    accusedBadge: '',
    accusedPlate: '',
    accusedDescription: '',
    language: 'es',
    contactChannel: 'none',
    email: '',
    phone: '',
    giveName: false,
    givenNames: '',
    firstSurname: '',
    secondSurname: '',
    nationality: '',
    consentHandlingBody: false,
    consentConsulate: false,
    consentRelatives: false,
    allowIdentityToAccused: false,
    inTransit: false,
  }
}

/**
 * The intake the form's values say, before core checks it: only the details of the place that
 * fit its kind, the day as a window of local time, the accused only for a complaint. What cannot
 * be read at all (a kilometre that is no number, a day to come) is a problem on its field.
 */
export function toIntake(values: IntakeValues, now: Date): { intake: Record<string, unknown>; problems: { field: IntakeField; message: string }[] } {
  const problems: { field: IntakeField; message: string }[] = []
  // Core checks the pair only once everything else is right; the tiles say it at once.
  if (values.category !== '' && !categoriesOf(values.kind).includes(values.category)) {
    problems.push({ field: 'category', message: 'category_kind' })
  }
  const detail = placeDetail(values.placeKind)
  const place: Record<string, unknown> = { kind: values.placeKind === '' ? undefined : values.placeKind }
  if (detail === 'road') {
    place.highway = filled(values.highway)
    const km = filled(values.km)?.replace(',', '.')
    if (km !== undefined && !/^\d+(\.\d+)?$/.test(km)) {
      problems.push({ field: 'km', message: 'number' })
    }
    place.km = km === undefined ? undefined : Number(km)
  }
  if (detail === 'road' || detail === 'town') {
    place.state = filled(values.state)
    place.city = detail === 'town' ? filled(values.city) : undefined
  }
  const window = occurred(values, now)
  if (typeof window === 'string') {
    problems.push({ field: 'date', message: window })
  }
  const complaint = values.kind === 'complaint'
  const accused = {
    agencyId: filled(values.accusedAgencyId),
    badge: filled(values.accusedBadge),
    vehiclePlate: filled(values.accusedPlate),
    description: filled(values.accusedDescription),
  }
  const intake: Record<string, unknown> = {
    id: values.id,
    pin: values.pin,
    kind: values.kind,
    category: values.category,
    channel: values.channel,
    description: values.description,
    place: withoutEmpty(place),
    ...(typeof window === 'object' ? window : {}),
    ...(complaint && Object.values(accused).some((v) => v !== undefined) ? { accused: withoutEmpty(accused) } : {}),
    language: values.language,
    contactChannel: values.contactChannel,
    ...complainantOf(values),
    allowIdentityToAccused: complaint && values.allowIdentityToAccused,
    inTransit: values.inTransit,
  }
  return { intake, problems }
}

/**
 * The identity the person chose to give, for the vault: a name only when they want to give it,
 * the address or number of the contact channel they picked, and with whom it may be shared.
 * Nothing given: anonymous, no `complainant` at all.
 */
export function complainantOf(values: IntakeValues): { complainant?: Record<string, unknown> } {
  const named = values.giveName
  const identity = withoutEmpty({
    givenNames: named ? filled(values.givenNames) : undefined,
    firstSurname: named ? filled(values.firstSurname) : undefined,
    secondSurname: named ? filled(values.secondSurname) : undefined,
    nationality: named ? filled(values.nationality) : undefined,
    email: values.contactChannel === 'email' ? filled(values.email) : undefined,
    phones: values.contactChannel === 'phone' && filled(values.phone) !== undefined ? [filled(values.phone)] : undefined,
  })
  if (Object.keys(identity).length === 0) {
    return {}
  }
  const consents = [values.consentHandlingBody && 'handling_body', values.consentConsulate && 'consulate', values.consentRelatives && 'relatives'].filter((c) => c !== false)
  return { complainant: { identity, consents } }
}

/** Whether the person gives anything of who they are: then the consents are asked. */
export function givesIdentity(values: Pick<IntakeValues, 'giveName' | 'contactChannel'>): boolean {
  return values.giveName || values.contactChannel === 'email' || values.contactChannel === 'phone'
}

/** The form field a path of `CaseIntake` names, for the server's refusals and core's checks. */
export function formFieldOf(path: readonly PropertyKey[]): IntakeField | undefined {
  const [head, sub] = path.map(String)
  if (head === 'place') {
    return sub === 'highway' || sub === 'km' || sub === 'state' || sub === 'city' ? sub : 'placeKind'
  }
  if (head === 'accused') {
    return sub === 'badge' ? 'accusedBadge' : sub === 'vehiclePlate' ? 'accusedPlate' : sub === 'description' ? 'accusedDescription' : 'accusedAgencyId'
  }
  if (head === 'occurredFrom' || head === 'occurredTo') {
    return 'date'
  }
  if (head === 'complainant') {
    const field = path.map(String)[2]
    const flat: Record<string, IntakeField> = { email: 'email', phones: 'phone', givenNames: 'givenNames', firstSurname: 'firstSurname', secondSurname: 'secondSurname', nationality: 'nationality' }
    return (field === undefined ? undefined : flat[field]) ?? 'contactChannel'
  }
  const known: readonly IntakeField[] = ['kind', 'category', 'channel', 'description', 'language', 'contactChannel', 'allowIdentityToAccused', 'inTransit']
  return known.find((f) => f === head)
}

/** When it happened as a window of local time, '' when not known, or the problem with the day. */
function occurred(values: IntakeValues, now: Date): { occurredFrom: string; occurredTo: string } | undefined | string {
  const today = startOfDay(now)
  switch (values.when) {
    case 'today':
      return { occurredFrom: today.toISOString(), occurredTo: now.toISOString() }
    case 'yesterday': {
      const start = new Date(today)
      start.setDate(start.getDate() - 1)
      return { occurredFrom: start.toISOString(), occurredTo: new Date(today.getTime() - 1).toISOString() }
    }
    case 'date': {
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(values.date)
      if (!match) {
        return 'required'
      }
      const start = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]))
      if (Number.isNaN(start.getTime()) || start > now) {
        return Number.isNaN(start.getTime()) ? 'invalid' : 'future'
      }
      const end = new Date(start)
      end.setDate(end.getDate() + 1)
      return { occurredFrom: start.toISOString(), occurredTo: new Date(Math.min(end.getTime() - 1, now.getTime())).toISOString() }
    }
    default:
      return undefined
  }
}

function startOfDay(at: Date): Date {
  return new Date(at.getFullYear(), at.getMonth(), at.getDate())
}

function filled(value: string): string | undefined {
  const trimmed = value.trim()
  return trimmed === '' ? undefined : trimmed
}

function withoutEmpty(object: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined))
}
