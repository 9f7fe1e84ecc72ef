import { ConvoyIncidentKind, MexicanState } from '@faro/core'
import { z } from 'zod'

/** A list of ticked boxes: one box alone gives its value or false, several an array. */
const Ticked = z.preprocess((v) => (Array.isArray(v) ? v : typeof v === 'string' ? [v] : []), z.array(z.string()))

/** A datetime-local field's value (`2026-12-20T07:00`), as the browser gives it. */
const LocalDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, 'required')

/**
 * The form to schedule a convoy: what a person can see at once is checked here with the limits
 * of core's schema (a place, a state, a time, a route, at least one destination state, counts);
 * an escort that is not an agency comes back from the server, on its field.
 */
export const ConvoyForm = z.object({
  departurePoint: z.string().trim().min(1).max(160),
  departureState: MexicanState,
  departsAt: LocalDateTime,
  route: z.string().trim().min(1).max(300),
  destinationStates: Ticked.pipe(z.array(MexicanState).min(1, 'convoy_destinations').max(32)),
  vehicles: z.coerce.number<string>().int().min(1).max(5000),
  people: z.coerce.number<string>().int().min(0).max(50_000),
  escortId: z.string().min(1),
  operationId: z.string(),
  published: z.boolean(),
  notes: z.string().trim().max(1000),
})
export type ConvoyForm = z.infer<typeof ConvoyForm>

/** The fields of the form the server may name in a refusal. */
export const CONVOY_FIELDS = ['departurePoint', 'departureState', 'departsAt', 'route', 'destinationStates', 'vehicles', 'people', 'escortId', 'operationId', 'published', 'notes'] as const

/** The body of POST /api/convoys: the time as an instant with the browser's offset; no empty operation or notes. */
export function convoyBody(form: ConvoyForm, id: string, orgUnitId: string) {
  return {
    id,
    orgUnitId,
    ...(form.operationId === '' ? {} : { operationId: form.operationId }),
    departurePoint: form.departurePoint,
    departureState: form.departureState,
    departsAt: localToIso(form.departsAt),
    route: form.route,
    destinationStates: form.destinationStates,
    vehicles: form.vehicles,
    people: form.people,
    escortId: form.escortId,
    published: form.published,
    ...(form.notes === '' ? {} : { notes: form.notes }),
  }
}

/** The form to record an incident on a convoy's road. */
export const IncidentForm = z.object({
  at: LocalDateTime,
  kind: ConvoyIncidentKind,
  place: z.string().trim().min(1).max(160),
  description: z.string().trim().max(1000),
})
export type IncidentForm = z.infer<typeof IncidentForm>

/** The body of POST /api/convoys/:id/incidents. */
export function incidentBody(form: IncidentForm, id: string) {
  return { id, at: localToIso(form.at), kind: form.kind, place: form.place, description: form.description }
}

/**
 * A datetime-local value as ISO-8601 with the browser's offset at that moment
 * (`2026-12-20T07:00` in Ciudad Juárez in winter: `2026-12-20T07:00:00-07:00`), so the server
 * keeps the instant the person meant, whichever side of a change of hour it falls.
 */
export function localToIso(local: string): string {
  const date = new Date(local)
  if (Number.isNaN(date.getTime())) {
    return local
  }
  const offset = -date.getTimezoneOffset()
  const sign = offset < 0 ? '-' : '+'
  const abs = Math.abs(offset)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
}

/** An instant as a datetime-local value in the browser's zone (`2026-12-20T07:00`): a field's default. */
export function isoToLocal(instant: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${instant.getFullYear()}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())}T${pad(instant.getHours())}:${pad(instant.getMinutes())}`
}
