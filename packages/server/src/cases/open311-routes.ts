import { Hono, type Context } from 'hono'
import { v7 as uuidv7 } from 'uuid'
import {
  CaseIntake,
  CATEGORY_NAMES,
  ComplaintCategory,
  DomainError,
  HelpCategory,
  JourneyPlaceKind,
  kindOfCategory,
  message,
  normalizeFolio,
  PUBLIC_STATUS_NAMES,
  publicStatusOf,
  type CaseCategory,
  type CaseState,
  type Lang,
} from '@faro/core'
import { authenticateToken } from '../accounts/sessions.ts'
import type { Clock } from '../clock.ts'
import type { Db } from '../db/open.ts'
import { limitBody } from '../http/body-limit.ts'
import type { AppEnv } from '../http/env.ts'
import type { Ctx } from '../log/context.ts'
import { listVisibleRecords } from '../log/records.ts'
import { findFolio } from './cases-repo.ts'
import { openCase, readCase, type CaseDeps } from './cases.ts'

const CATEGORIES = [...ComplaintCategory.options, ...HelpCategory.options] as const
const MAX_REQUESTS = 1000
const WINDOW_MS = 90 * 86_400_000
/**
 * The spec's person fields (`email`, `first_name`, `last_name`, `phone`): the identity the person
 * gave the partner, for the vault, and how to write back to them. None given: anonymous.
 */
function complainantOf(form: Record<string, string | File | (string | File)[]>) {
  const field = (name: string) => {
    const value = one(form[name])?.trim()
    return value ? value : undefined
  }
  const email = field('email')
  const phone = field('phone')
  const identity = { ...(field('first_name') ? { givenNames: field('first_name') } : {}), ...(field('last_name') ? { firstSurname: field('last_name') } : {}), ...(email ? { email } : {}), ...(phone ? { phones: [phone] } : {}) }
  if (Object.keys(identity).length === 0) {
    return {}
  }
  return { complainant: { identity, consents: [] }, contactChannel: email ? 'email' : phone ? 'phone' : 'none' }
}

/** An Open311 error: the HTTP status and the list body the specification asks for. */
class Open311Error extends Error {
  constructor(
    readonly status: 400 | 403 | 404,
    readonly description: string,
  ) {
    super(description)
  }
}

/**
 * Open311 GeoReport v2 for partner systems (JSON): the case categories as services, their
 * attributes, filing a case with an API token as `api_key`, and reading cases back by folio
 * (`service_request_id`) with their public status only. Confidential by profile: every request
 * read needs a key and answers only what the key's account may read.
 */
export function open311Routes(deps: { db: Db; clock: Clock; maxBodyBytes: number } & CaseDeps) {
  const app = new Hono<AppEnv>()
  app.use('*', limitBody(deps.maxBodyBytes))

  app.get('/discovery.json', (c) =>
    c.json({
      changeset: '2026-12-04T00:00:00Z',
      contact: 'Programa Paisano, Instituto Nacional de Migración',
      key_service: 'An administrator of this Faro creates an account for the partner; the account creates an API token in the staff app (Tokens).',
      endpoints: [{ specification: 'http://wiki.open311.org/GeoReport_v2', url: `${deps.publicUrl?.replace(/\/$/, '') ?? ''}/open311/v2`, changeset: '2026-12-04T00:00:00Z', type: 'production', formats: ['application/json'] }],
    }),
  )

  app.get('/services.json', (c) => {
    const lang = c.get('lang')
    return c.json(
      CATEGORIES.map((code) => ({
        service_code: code,
        service_name: CATEGORY_NAMES[code][lang],
        description: CATEGORY_NAMES[code][lang],
        metadata: true,
        type: 'realtime',
        keywords: kindOfCategory(code) === 'complaint' ? (lang === 'es' ? 'queja' : 'complaint') : lang === 'es' ? 'ayuda' : 'help',
        group: kindOfCategory(code) === 'complaint' ? (lang === 'es' ? 'Quejas' : 'Complaints') : lang === 'es' ? 'Solicitudes de ayuda' : 'Requests for help',
      })),
    )
  })

  app.get('/services/:code{.+\\.json}', async (c) =>
    guarded(c, async () => {
      const code = c.req.param('code').replace(/\.json$/, '')
      const category = CATEGORIES.find((k) => k === code)
      if (category === undefined) {
        throw new Open311Error(404, 'service_code not found')
      }
      return c.json({ service_code: category, attributes: await attributesOf(deps.db, category) })
    }),
  )

  app.post('/requests.json', async (c) =>
    guarded(c, async () => {
      const form = await c.req.parseBody({ all: true })
      const ctx = await keyed(c, deps, one(form.api_key))
      const code = one(form.service_code)
      const category = CATEGORIES.find((k) => k === code)
      if (category === undefined) {
        throw new Open311Error(code === undefined ? 400 : 404, code === undefined ? 'service_code missing' : 'service_code not found')
      }
      const lat = num(one(form.lat))
      const lon = num(one(form.long))
      const addressString = one(form.address_string)
      const addressId = one(form.address_id)
      if ((lat === undefined || lon === undefined) && addressString === undefined && addressId === undefined) {
        throw new Open311Error(400, 'a location is required: lat and long, address_string or address_id')
      }
      const attr = (name: string) => one(form[`attribute[${name}]`])
      const placeKind = JourneyPlaceKind.safeParse(attr('place_kind')).data ?? 'unknown'
      const note = [addressString, lat !== undefined && lon !== undefined ? `${lat}, ${lon}` : undefined].filter(Boolean).join(' · ')
      const body = {
        id: uuidv7(),
        kind: kindOfCategory(category),
        category,
        channel: 'partner_api',
        description: one(form.description) ?? CATEGORY_NAMES[category].es,
        place: { kind: placeKind, ...(addressId ? { placeId: addressId } : {}), ...(note ? { note: note.slice(0, 500) } : {}), ...(attr('highway') ? { highway: attr('highway') } : {}), ...(num(attr('km')) !== undefined ? { km: num(attr('km')) } : {}) },
        ...(attr('occurred_at') ? { occurredFrom: attr('occurred_at') } : {}),
        ...(attr('accused_agency') || attr('badge') || attr('vehicle_plate') ? { accused: { ...(attr('accused_agency') ? { agencyId: attr('accused_agency') } : {}), ...(attr('badge') ? { badge: attr('badge') } : {}), ...(attr('vehicle_plate') ? { vehiclePlate: attr('vehicle_plate') } : {}) } } : {}),
        ...(num(attr('amount_demanded')) !== undefined ? { facts: { amountDemanded: num(attr('amount_demanded')), currency: 'MXN' } } : {}),
        ...(attr('language') ? { language: attr('language') } : {}),
        ...complainantOf(form),
      }
      const parsed = CaseIntake.safeParse(body)
      if (!parsed.success) {
        throw new Open311Error(400, parsed.error.issues.map((i) => `${open311Field(i.path.map(String))}: ${message(i.message, ctx.lang)}`).join('; '))
      }
      const taken = await openCase(ctx, parsed.data, deps)
      const state = (await readCase(ctx, taken.recordId)).state as unknown as CaseState
      const due = state.hops.map((h) => h.answerBy).sort()[0]
      return c.json([{ service_request_id: taken.folio, service_notice: due ? `${ctx.lang === 'es' ? 'Respuesta prevista antes del' : 'Answer expected before'} ${due}` : '' }], 201)
    }),
  )

  app.get('/requests.json', async (c) =>
    guarded(c, async () => {
      const ctx = await keyed(c, deps, optional(c.req.query('api_key')))
      const ids = optional(c.req.query('service_request_id'))
      const codes = optional(c.req.query('service_code'))?.split(',')
      const status = optional(c.req.query('status'))?.split(',')
      const end = date(c.req.query('end_date'), 'end_date') ?? deps.clock.now()
      const start = date(c.req.query('start_date'), 'start_date') ?? new Date(end.getTime() - WINDOW_MS)
      if (end.getTime() - start.getTime() > WINDOW_MS || start > end) {
        throw new Open311Error(400, 'start_date and end_date must be at most 90 days apart, in order')
      }
      const wanted = ids?.split(',').map((f) => normalizeFolio(f)).filter((f): f is string => f !== undefined)
      const out: ReturnType<typeof requestOf>[] = []
      let cursor: string | undefined
      do {
        const page = await listVisibleRecords(ctx, 'case', { limit: 200, cursor })
        for (const record of page.items) {
          const state = record.state as unknown as CaseState
          const inWindow = state.receivedAt >= start.toISOString() && state.receivedAt <= end.toISOString()
          const matches = wanted ? wanted.includes(state.folio) : inWindow && (!codes || codes.includes(state.category)) && (!status || status.includes(state.status === 'closed' ? 'closed' : 'open'))
          if (matches) {
            out.push(requestOf(state, record.updatedAt, ctx.lang))
          }
        }
        cursor = page.next ?? undefined
      } while (cursor !== undefined && out.length < MAX_REQUESTS)
      return c.json(out.slice(0, MAX_REQUESTS))
    }),
  )

  app.get('/requests/:id{.+\\.json}', async (c) =>
    guarded(c, async () => {
      const ctx = await keyed(c, deps, optional(c.req.query('api_key')))
      const folio = normalizeFolio(c.req.param('id').replace(/\.json$/, ''))
      const row = folio === undefined ? undefined : await findFolio(deps.db.db, folio)
      if (row === undefined) {
        throw new Open311Error(404, 'service_request_id not found')
      }
      try {
        const view = await readCase(ctx, row.recordId)
        return c.json([requestOf(view.state as unknown as CaseState, view.updatedAt, ctx.lang)])
      } catch (error) {
        // Out of the key's reach reads as absent: the folio's existence is not the partner's to learn.
        if (error instanceof DomainError && (error.code === 'forbidden' || error.code === 'not_found')) {
          throw new Open311Error(404, 'service_request_id not found')
        }
        throw error
      }
    }),
  )

  return app
}

/** A case as Open311 shows it: the folio and the public status, never the person's words. */
function requestOf(state: CaseState, updatedAt: string, lang: Lang) {
  const publicStatus = publicStatusOf(state.status)
  const expected = state.hops.filter((h) => h.status !== 'referred').map((h) => h.answerBy).sort()[0]
  return {
    service_request_id: state.folio,
    status: publicStatus === 'closed' ? 'closed' : 'open',
    status_notes: PUBLIC_STATUS_NAMES[publicStatus][lang],
    service_name: CATEGORY_NAMES[state.category][lang],
    service_code: state.category,
    requested_datetime: state.receivedAt,
    updated_datetime: state.closedAt ?? updatedAt,
    ...(expected && publicStatus !== 'closed' ? { expected_datetime: expected } : {}),
    ...(state.place.placeId ? { address_id: state.place.placeId } : {}),
    address: [state.place.highway, state.place.km !== undefined ? `km ${state.place.km}` : undefined, state.place.city, state.place.state].filter(Boolean).join(', '),
  }
}

async function attributesOf(db: Db, category: CaseCategory) {
  const agencies = await db.db.selectFrom('orgUnits').select(['id', 'name']).where('kind', '=', 'agency').orderBy('name').execute()
  const list = (values: readonly { key: string; name: string }[]) => ({ values })
  const complaint = kindOfCategory(category) === 'complaint'
  const attributes = [
    { code: 'place_kind', datatype: 'singlevaluelist', required: false, description: 'Kind of place where it happened', ...list(JourneyPlaceKind.options.map((k) => ({ key: k, name: k }))) },
    { code: 'highway', datatype: 'string', required: false, description: 'Highway, e.g. México 57' },
    { code: 'km', datatype: 'number', required: false, description: 'Kilometre on the highway' },
    { code: 'occurred_at', datatype: 'datetime', required: false, description: 'When it happened (ISO 8601 with a time zone)' },
    ...(complaint
      ? [
          { code: 'accused_agency', datatype: 'singlevaluelist', required: false, description: 'The agency whose official is accused', ...list(agencies.map((a) => ({ key: a.id, name: a.name }))) },
          { code: 'badge', datatype: 'string', required: false, description: 'Badge or name tag of the official' },
          { code: 'vehicle_plate', datatype: 'string', required: false, description: 'Plate of the official vehicle' },
          { code: 'amount_demanded', datatype: 'number', required: false, description: 'Amount demanded or paid, in pesos' },
        ]
      : []),
    { code: 'language', datatype: 'singlevaluelist', required: false, description: 'Language to write to the person in', ...list([{ key: 'es', name: 'Español' }, { key: 'en', name: 'English' }]) },
  ]
  return attributes.map((a, i) => ({ variable: true, datatype_description: '', order: i + 1, ...a }))
}

/** The account of an API token given as `api_key`; 403 without a valid one, as the specification says. */
async function keyed(c: Context<AppEnv>, deps: { db: Db; clock: Clock }, key: string | undefined): Promise<Ctx> {
  const auth = key === undefined ? undefined : await authenticateToken(deps.db, deps.clock, key)
  if (auth === undefined) {
    throw new Open311Error(403, 'api_key missing or invalid')
  }
  return { db: deps.db, clock: deps.clock, actor: auth.actor, requestId: c.get('requestId'), lang: c.get('lang') }
}

async function guarded(c: Context<AppEnv>, work: () => Promise<Response>): Promise<Response> {
  try {
    return await work()
  } catch (error) {
    if (error instanceof Open311Error) {
      return c.json([{ code: error.status, description: error.description }], error.status)
    }
    if (error instanceof DomainError) {
      const status = error.code === 'forbidden' ? 403 : error.code === 'not_found' ? 404 : 400
      return c.json([{ code: status, description: error.message }], status)
    }
    throw error
  }
}

/** Optional arguments: an empty value is an absent one. */
function optional(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value
}

function one(value: unknown): string | undefined {
  const v = Array.isArray(value) ? value[0] : value
  return typeof v === 'string' ? optional(v) : undefined
}

function num(value: string | undefined): number | undefined {
  const n = value === undefined ? Number.NaN : Number(value)
  return Number.isFinite(n) ? n : undefined
}

function date(value: string | undefined, name: string): Date | undefined {
  const v = optional(value)
  if (v === undefined) {
    return undefined
  }
  const ms = Date.parse(v)
  if (Number.isNaN(ms) || !/(Z|[+-]\d{2}:?\d{2})$/.test(v)) {
    throw new Open311Error(400, `${name} must be an ISO 8601 date and time with a time zone`)
  }
  return new Date(ms)
}

function open311Field(path: readonly string[]): string {
  const [first, second] = path
  if (first === 'category') {
    return 'service_code'
  }
  if (first === 'accused' && second === 'agencyId') {
    return 'attribute[accused_agency]'
  }
  return first === 'description' ? 'description' : `attribute[${second ?? first ?? ''}]`
}

