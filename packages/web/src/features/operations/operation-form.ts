import { OperationKind, SpecialReason } from '@faro/core'
import { z } from 'zod'

/** A list of ticked boxes: one box alone gives its value or false, several an array. */
const Ticked = z.preprocess((v) => (Array.isArray(v) ? v : typeof v === 'string' ? [v] : []), z.array(z.string()))

/**
 * The form to open an operation. The end before the start is left to the server, which names the
 * field in its refusal; the form checks what a person can see at once (a name, a kind, dates, and
 * for a special operation why and over which groups).
 */
export const OperationForm = z
  .object({
    name: z.string().trim().min(1).max(120),
    kind: OperationKind,
    startsOn: z.iso.date(),
    endsOn: z.iso.date(),
    reason: z.union([SpecialReason, z.literal('')]),
    units: Ticked,
  })
  .superRefine((o, ctx) => {
    if (o.kind !== 'special') {
      return
    }
    if (o.reason === '') {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'choose' })
    }
    if (o.units.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['units'], message: 'ops_groups' })
    }
  })
export type OperationForm = z.infer<typeof OperationForm>

/** The body of POST /api/operations: a special operation's reason and groups, nothing of them for a season. */
export function operationBody(form: OperationForm, id: string, orgUnitId: string) {
  const base = { id, orgUnitId, kind: form.kind, name: form.name, startsOn: form.startsOn, endsOn: form.endsOn }
  return form.kind === 'special' && form.reason !== '' ? { ...base, reason: form.reason, units: form.units } : base
}

/** Hours and minutes of a shift (`08:00`); the browser's time field gives them so. */
const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/)

/** The form to plan a shift; a shift of no length comes back from the server on `ends`. */
export const ShiftForm = z.object({
  date: z.iso.date(),
  starts: Time,
  ends: Time,
  needed: z.coerce.number<string>().int().min(1).max(50),
  volunteers: Ticked,
})
export type ShiftForm = z.infer<typeof ShiftForm>
