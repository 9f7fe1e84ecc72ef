import { CallLogged, CallOutcome, InfoTopic, normalizeFolio } from '@faro/core'
import { z } from 'zod'

/** The topics of a call, in the catalogue's order. */
export const CALL_TOPICS = InfoTopic.options
export type CallTopic = (typeof CALL_TOPICS)[number]

/** What came of a call, the most common first. */
export const CALL_OUTCOMES = CallOutcome.options
export type CallOutcomeCode = (typeof CALL_OUTCOMES)[number]

/** Where a call came from. */
export const FROM_COUNTRIES = CallLogged.shape.fromCountry.unwrap().options

/** The languages a call is taken in: nearly all in Spanish, the rest in English. */
export const CALL_LANGUAGES = ['es', 'en'] as const

/** Outcomes that name a case, whose folio is worth writing down with the call. */
export const CASE_OUTCOMES: readonly string[] = ['case_opened', 'case_followed_up'] satisfies CallOutcomeCode[]

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/

/**
 * The call form as typed (every field a text, empty when not given), checked and turned into
 * the parts of a `CallLogged`: a folio read forgivingly but refused when its check fails, the
 * minutes as a whole number. The time stays as typed; `callPayload` places it in a day.
 */
export const CallForm = z.object({
  topic: choice(CALL_TOPICS),
  outcome: choice(CALL_OUTCOMES),
  fromCountry: choice(FROM_COUNTRIES),
  language: choice(CALL_LANGUAGES),
  time: z.string().regex(HH_MM, { error: 'time' }),
  minutes: z
    .string()
    .trim()
    .refine((v) => v === '' || (/^\d{1,3}$/.test(v) && Number(v) <= 600), { error: 'minutes' })
    .transform((v) => (v === '' ? undefined : Number(v))),
  folio: z
    .string()
    .trim()
    .refine((v) => v === '' || normalizeFolio(v) !== undefined, { error: 'folio' })
    .transform((v) => (v === '' ? undefined : normalizeFolio(v))),
  notes: z
    .string()
    .trim()
    .max(1000, { error: 'too_big' })
    .transform((v) => (v === '' ? undefined : v)),
})
export type CallFormValues = z.input<typeof CallForm>
export type CallFormField = keyof CallFormValues
export type CheckedCall = z.output<typeof CallForm>

/** A new form: the most common answers chosen, the topic left for the operator, the time now. */
export function callDefaults(now: Date): CallFormValues {
  return { topic: '', outcome: 'informed', fromCountry: 'MX', language: 'es', time: clockTime(now), minutes: '', folio: '', notes: '' }
}

/** A time of day as a time input writes it (`09:05`), in the device's time zone. */
export function clockTime(at: Date): string {
  return `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`
}

/**
 * When the call was: `now` itself when the operator left the time as it came, else that time of
 * today, or of yesterday when it is still to come today (a call before midnight logged after it).
 */
export function callTime(time: string, now: Date, typed: boolean): string {
  const match = HH_MM.exec(time)
  if (!typed || !match) {
    return now.toISOString()
  }
  const at = new Date(now)
  at.setHours(Number(match[1]), Number(match[2]), 0, 0)
  if (at.getTime() > now.getTime() + 60_000) {
    at.setDate(at.getDate() - 1)
  }
  return at.toISOString()
}

/** The payload of `CallLogged` for a checked form, the operator's unit and the time of the call. */
export function callPayload(call: CheckedCall, orgUnitId: string, at: string): CallLogged {
  return {
    orgUnitId,
    at,
    topic: call.topic,
    outcome: call.outcome,
    fromCountry: call.fromCountry,
    language: call.language,
    ...(call.folio === undefined ? {} : { folio: call.folio }),
    ...(call.minutes === undefined ? {} : { minutes: call.minutes }),
    ...(call.notes === undefined ? {} : { notes: call.notes }),
  }
}

// A radio group starts with nothing chosen (''): any text in, one of the list out.
function choice<const T extends readonly string[]>(values: T) {
  return z.string().pipe(z.enum(values, { error: 'choose' }))
}
