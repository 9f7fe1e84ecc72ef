import { Hono } from 'hono'
import {
  CatalogueCourse,
  CertificateFields,
  expiresAfterIssue,
  EXPIRES_AFTER_ISSUE,
  decide,
  DomainError,
  EquipmentRegistered,
  EquipmentUpdated,
  expiring,
  EXPIRY_WINDOW_DAYS,
  holders,
  message,
  needsRepair,
  overdueInspections,
  parseInput,
  PROBLEM_TITLES,
  RecordId,
  renewalList,
  scopesOf,
  StaffProfileRecorded,
  TRAINING_CATALOGUE,
  TrainingCourseAdded,
  UuidV7,
  type ActionInput,
  type CertificateRecorded as Certificate,
  type EquipmentRegistered as Equipment,
  type Held,
  type PolicyAction,
  type InspectedPlace,
  type RecordType,
  type StaffProfileRecorded as Profile,
  type TrainingCourseAdded as Course,
  localDay,
  shiftCovers,
  timeZoneOfState,
  wallClock,
  type ShiftPlanned,
} from '@faro/core'
import { z } from 'zod'
import { findOrgUnits } from '../accounts/org-units-repo.ts'
import { findUserById, listUsers } from '../accounts/users-repo.ts'
import { requireAuth } from '../http/auth.ts'
import type { AppEnv } from '../http/env.ts'
import { describe } from '../http/openapi.ts'
import { jsonBody, query } from '../http/validate.ts'
import type { Ctx } from '../log/context.ts'
import { findRecord } from '../log/records-repo.ts'
import { allVisibleRecords, readRecord, submitAction } from '../log/records.ts'
import { unitsWithState } from '../operations/views.ts'

/**
 * The groups' registries over HTTP: staff profiles and certificates (`/api/staff`), the training
 * catalogue (`/api/trainings`), vehicles and equipment (`/api/equipment`), the towers' inspections
 * (`/api/places/inspections`) and what needs a coordinator's attention (`/api/registries/attention`).
 * Every write is an action of the log under the policy table; the lists are folded from the records.
 */

const UnitQuery = z.strictObject({ unit: RecordId.optional().describe('this unit and the units below it; default: the caller\'s unit') })
const tags = ['registries']

/**
 * Who is on a shift at a moment under a unit, each shift read on its own unit's clock (Tijuana's
 * ten at night is not Mexico City's), and which units have anyone rostered then. A caller who may
 * not read the rosters learns no one is on duty.
 */
async function onDutyAt(ctx: Ctx, unit: string, at: Date): Promise<{ people: Set<string>; units: Set<string> }> {
  const people = new Set<string>()
  const units = new Set<string>()
  if (scopesOf(ctx.actor.role, 'shift.read').length === 0) {
    return { people, units }
  }
  const shifts = await allVisibleRecords<ShiftPlanned>(ctx, 'shift', unit)
  const places = await unitsWithState(ctx)
  for (const { state } of shifts) {
    if (shiftCovers(state, wallClock(at, timeZoneOfState(places.get(state.orgUnitId)?.state)))) {
      units.add(state.orgUnitId)
      for (const person of state.volunteers) {
        people.add(person)
      }
    }
  }
  return { people, units }
}

/** People still needed on the shifts of a day and the six after it. */
function rosterGaps(shifts: readonly { state: ShiftPlanned }[], today: string): number {
  const last = new Date(Date.parse(`${today}T00:00:00Z`) + 6 * 86_400_000).toISOString().slice(0, 10)
  return shifts.filter((s) => s.state.date >= today && s.state.date <= last).reduce((n, s) => n + Math.max(0, s.state.needed - s.state.volunteers.length), 0)
}

/** Every record of a type the caller may read under a unit. */
async function allVisible<T>(ctx: Ctx, type: RecordType, unit: string): Promise<Held<T & { orgUnitId: string }>[]> {
  return allVisibleRecords<T & { orgUnitId: string }>(ctx, type, unit)
}

/** The accounts under a unit whose staff records the caller may read, by id. */
async function staffUnder(ctx: Ctx, unit: string): Promise<Map<string, { id: string; displayName: string; role: string; orgUnitId: string }>> {
  const out = new Map<string, { id: string; displayName: string; role: string; orgUnitId: string }>()
  const users = await listUsers(ctx.db.db, unit)
  const paths = new Map((await findOrgUnits(ctx.db.db, [...new Set(users.map((u) => u.orgUnitId))])).map((u) => [u.id, u.path]))
  for (const user of users) {
    const path = paths.get(user.orgUnitId)
    if (user.disabled === 0 && path !== undefined && decide(ctx.actor, 'staff_profile.read', { orgUnitPath: path }).allowed) {
      out.set(user.id, { id: user.id, displayName: user.displayName, role: user.role, orgUnitId: user.orgUnitId })
    }
  }
  return out
}

/** The account a path names; an unknown one is not found. */
async function accountOf(ctx: Ctx, raw: string | undefined) {
  const user = await findUserById(ctx.db.db, parseInput(RecordId, raw, ctx.lang, 'userId'))
  if (user === undefined) {
    throw new DomainError('not_found', PROBLEM_TITLES.not_found[ctx.lang])
  }
  return user
}

/** A course code that exists: in the built-in catalogue, or added by the national office. */
async function courseExists(ctx: Ctx, code: string): Promise<boolean> {
  return CatalogueCourse.safeParse(code).success || (await findRecord(ctx.db.db, ctx.db.dialect, 'training_course', code)) !== undefined
}

function unknown(ctx: Ctx, field: string, code: string, key: string): DomainError {
  return new DomainError('invalid', PROBLEM_TITLES.invalid[ctx.lang], { issues: [{ field, code, message: message(key, ctx.lang) }] })
}

const ProfileBody = StaffProfileRecorded.omit({ orgUnitId: true, userId: true }).extend({ id: UuidV7.describe('a new id per change, kept for retries') })
const CertificateBody = CertificateFields.omit({ orgUnitId: true, userId: true })
  .extend({ id: UuidV7.describe('the certificate\'s id, kept for retries') })
  .refine(expiresAfterIssue, EXPIRES_AFTER_ISSUE)
const CourseBody = TrainingCourseAdded.omit({ orgUnitId: true }).extend({ code: RecordId.describe('the course\'s code, e.g. canyon_rescue'), id: UuidV7 })
const EquipmentBody = EquipmentRegistered.extend({ id: UuidV7.describe('the item\'s id, kept for retries') })
const EquipmentChange = EquipmentUpdated.extend({ id: UuidV7.describe('a new id per change, kept for retries') })

export function registryRoutes() {
  const app = new Hono<AppEnv>()

  app.get(
    '/staff',
    describe({ summary: 'The staff of a unit and the units below it: each account with its profile and its current certificates', tags, responses: { 200: { description: 'Staff', schema: z.object({ items: z.array(z.object({ userId: z.string(), displayName: z.string(), role: z.string(), orgUnitId: z.string(), profile: z.record(z.string(), z.unknown()).nullable(), certificates: z.array(z.record(z.string(), z.unknown())) })) }) } } }),
    requireAuth,
    query(UnitQuery),
    async (c) => {
      const ctx = c.get('ctx')
      const unit = c.req.valid('query').unit ?? ctx.actor.orgUnitId
      const profiles = await allVisible<Profile>(ctx, 'staff_profile', unit)
      const certificates = await allVisible<Certificate & { revoked?: boolean }>(ctx, 'certificate', unit)
      const staff = await staffUnder(ctx, unit)
      const byUser = new Map(profiles.map((p) => [p.state.userId, p.state]))
      return c.json({
        items: [...staff.values()].map((u) => ({
          userId: u.id,
          displayName: u.displayName,
          role: u.role,
          orgUnitId: u.orgUnitId,
          profile: byUser.get(u.id) ?? null,
          certificates: certificates.filter((x) => x.state.userId === u.id && x.state.revoked !== true).map((x) => ({ recordId: x.recordId, ...x.state })),
        })),
      })
    },
  )

  app.put(
    '/staff/:userId/profile',
    describe({ errors: [409], summary: 'Record or change an account\'s staff profile (function, government level, start date, languages, medical fitness until)', tags, responses: { 200: { description: 'The profile record', schema: z.record(z.string(), z.unknown()) } } }),
    requireAuth,
    jsonBody(ProfileBody),
    async (c) => {
      const ctx = c.get('ctx')
      const user = await accountOf(ctx, c.req.param('userId'))
      const userId = user.id
      const { id, ...profile } = c.req.valid('json')
      const existing = await findRecord(ctx.db.db, ctx.db.dialect, 'staff_profile', userId)
      const action: ActionInput = existing === undefined
        ? { id, recordType: 'staff_profile', recordId: userId, type: 'StaffProfileRecorded', payload: { ...profile, orgUnitId: user.orgUnitId, userId } }
        : { id, recordType: 'staff_profile', recordId: userId, type: 'StaffProfileCorrected', payload: profile }
      await submitAction(ctx, action)
      return c.json(await readRecord(ctx, 'staff_profile', userId))
    },
  )

  app.post(
    '/staff/:userId/certificates',
    describe({ errors: [409], summary: 'Record a certificate of a course for an account (a catalogue course or one the national office added); expiry before issue is refused', tags, responses: { 201: { description: 'Recorded', schema: z.record(z.string(), z.unknown()) }, 200: { description: 'The same certificate again', schema: z.record(z.string(), z.unknown()) } } }),
    requireAuth,
    jsonBody(CertificateBody),
    async (c) => {
      const ctx = c.get('ctx')
      const user = await accountOf(ctx, c.req.param('userId'))
      const userId = user.id
      const { id, ...certificate } = c.req.valid('json')
      if (!(await courseExists(ctx, certificate.course))) {
        throw unknown(ctx, 'course', 'unknown_course', 'faro.unknown_course')
      }
      const result = await submitAction(ctx, { id, recordType: 'certificate', recordId: id, type: 'CertificateRecorded', payload: { ...certificate, orgUnitId: user.orgUnitId, userId } })
      return c.json(await readRecord(ctx, 'certificate', id), result.status === 'accepted' ? 201 : 200)
    },
  )

  app.get(
    '/staff/alerts',
    describe({ summary: `Certificates and medical fitness checks that end within \`within\` days (default ${EXPIRY_WINDOW_DAYS}) or have ended, soonest first, with the holder's name`, tags, responses: { 200: { description: 'What expires', schema: z.object({ items: z.array(z.record(z.string(), z.unknown())) }) } } }),
    requireAuth,
    query(UnitQuery.extend({ within: z.coerce.number().int().min(1).max(365).default(EXPIRY_WINDOW_DAYS) })),
    async (c) => {
      const ctx = c.get('ctx')
      const q = c.req.valid('query')
      const unit = q.unit ?? ctx.actor.orgUnitId
      const staff = await staffUnder(ctx, unit)
      const items = expiring(await allVisible<Certificate & { revoked?: boolean }>(ctx, 'certificate', unit), await allVisible<Profile>(ctx, 'staff_profile', unit), ctx.clock.now(), q.within)
      return c.json({ items: items.map((i) => ({ ...i, displayName: staff.get(i.userId)?.displayName ?? null })) })
    },
  )

  app.get(
    '/staff/coverage',
    describe({
      summary: 'Who holds a valid certificate of a course, by group, and who of them is on duty at a moment by the groups\' rosters: "who on duty tonight holds water rescue?"',
      tags,
      responses: { 200: { description: 'Holders', schema: z.object({ items: z.array(z.object({ userId: z.string(), displayName: z.string().nullable(), orgUnitId: z.string(), expiresOn: z.string().nullable(), onDuty: z.boolean() })), rostered: z.array(z.string()).describe('the groups with a shift at that moment: where no one is rostered, on duty says nothing') }) } },
    }),
    requireAuth,
    query(UnitQuery.extend({ course: z.string().min(1).max(64), at: z.iso.datetime({ offset: true }).optional().describe('the moment asked about; default: now'), onDuty: z.enum(['true', 'false']).optional().describe('true: only those on a shift at that moment') })),
    async (c) => {
      const ctx = c.get('ctx')
      const q = c.req.valid('query')
      const unit = q.unit ?? ctx.actor.orgUnitId
      const at = q.at === undefined ? ctx.clock.now() : new Date(q.at)
      const staff = await staffUnder(ctx, unit)
      const held = holders(await allVisible<Certificate & { revoked?: boolean }>(ctx, 'certificate', unit), q.course, ctx.clock.now())
      const duty = await onDutyAt(ctx, unit, at)
      const items = held.map((h) => ({ userId: h.state.userId, displayName: staff.get(h.state.userId)?.displayName ?? null, orgUnitId: h.state.orgUnitId, expiresOn: h.state.expiresOn ?? null, onDuty: duty.people.has(h.state.userId) }))
      return c.json({ items: q.onDuty === 'true' ? items.filter((i) => i.onDuty) : items, rostered: [...duty.units].sort() })
    },
  )

  app.get(
    '/trainings',
    describe({ summary: 'The training catalogue: the built-in courses (named in the staff app\'s catalogues) and those the national office added', tags, responses: { 200: { description: 'Courses', schema: z.object({ items: z.array(z.object({ code: z.string(), kind: z.string(), validityMonths: z.number().nullable(), builtIn: z.boolean(), name: z.object({ es: z.string(), en: z.string() }).optional() })) }) } } }),
    requireAuth,
    async (c) => {
      const ctx = c.get('ctx')
      const added = await allVisible<Course>(ctx, 'training_course', 'inm')
      return c.json({
        items: [
          ...Object.entries(TRAINING_CATALOGUE).map(([code, course]) => ({ code, kind: course.kind, validityMonths: course.validityMonths, builtIn: true })),
          ...added.map((a) => ({ code: a.recordId, kind: a.state.kind, validityMonths: a.state.validityMonths ?? null, builtIn: false, name: a.state.name })),
        ],
      })
    },
  )

  app.post(
    '/trainings',
    describe({ errors: [409], summary: 'Add a course to the catalogue (the national coordination)', tags, responses: { 201: { description: 'Added', schema: z.record(z.string(), z.unknown()) }, 200: { description: 'The same course again', schema: z.record(z.string(), z.unknown()) } } }),
    requireAuth,
    jsonBody(CourseBody),
    async (c) => {
      const ctx = c.get('ctx')
      const { id, code, ...course } = c.req.valid('json')
      if (CatalogueCourse.safeParse(code).success) {
        throw new DomainError('conflict', message('faro.course_exists', ctx.lang), { reason: 'course_exists' })
      }
      const result = await submitAction(ctx, { id, recordType: 'training_course', recordId: code, type: 'TrainingCourseAdded', payload: { ...course, orgUnitId: ctx.actor.orgUnitId } })
      return c.json(await readRecord(ctx, 'training_course', code), result.status === 'accepted' ? 201 : 200)
    },
  )

  app.get(
    '/equipment',
    describe({ summary: 'The vehicles and equipment of a unit and the units below it', tags, responses: { 200: { description: 'Items', schema: z.object({ items: z.array(z.record(z.string(), z.unknown())) }) } } }),
    requireAuth,
    query(UnitQuery),
    async (c) => {
      const ctx = c.get('ctx')
      const items = await allVisible<Equipment>(ctx, 'equipment', c.req.valid('query').unit ?? ctx.actor.orgUnitId)
      return c.json({ items: items.map((i) => ({ recordId: i.recordId, ...i.state })) })
    },
  )

  app.post(
    '/equipment',
    describe({ errors: [409], summary: 'Register a vehicle or item of a group', tags, responses: { 201: { description: 'Registered', schema: z.record(z.string(), z.unknown()) }, 200: { description: 'The same item again', schema: z.record(z.string(), z.unknown()) } } }),
    requireAuth,
    jsonBody(EquipmentBody),
    async (c) => {
      const ctx = c.get('ctx')
      const { id, ...item } = c.req.valid('json')
      const result = await submitAction(ctx, { id, recordType: 'equipment', recordId: id, type: 'EquipmentRegistered', payload: item })
      return c.json(await readRecord(ctx, 'equipment', id), result.status === 'accepted' ? 201 : 200)
    },
  )

  app.patch(
    '/equipment/:recordId',
    describe({ errors: [409], summary: 'Change an item: status, condition, crew, service, usage, with a note; its history is the record\'s (`/api/records/equipment/:id/history`)', tags, responses: { 200: { description: 'The item', schema: z.record(z.string(), z.unknown()) } } }),
    requireAuth,
    jsonBody(EquipmentChange),
    async (c) => {
      const ctx = c.get('ctx')
      const recordId = parseInput(RecordId, c.req.param('recordId'), ctx.lang, 'recordId')
      const current = await readRecord(ctx, 'equipment', recordId)
      const { id, ...change } = c.req.valid('json')
      await submitAction(ctx, { id, recordType: 'equipment', recordId, type: 'EquipmentUpdated', payload: change, baseVersion: current.version })
      return c.json(await readRecord(ctx, 'equipment', recordId))
    },
  )

  app.get(
    '/equipment/renewal',
    describe({ summary: 'What each group lacks or will lose soon: lost, out of service, in repair, poor condition, service overdue or due within 30 days, vehicles over 10 years and other items over 5; most urgent first', tags, responses: { 200: { description: 'The renewal list', schema: z.object({ items: z.array(z.record(z.string(), z.unknown())) }) } } }),
    requireAuth,
    query(UnitQuery),
    async (c) => {
      const ctx = c.get('ctx')
      return c.json({ items: renewalList(await allVisible<Equipment>(ctx, 'equipment', c.req.valid('query').unit ?? ctx.actor.orgUnitId), ctx.clock.now()) })
    },
  )

  app.get(
    '/places/inspections',
    describe({ summary: 'Towers and signs past their inspection date (or never inspected), most overdue first, and those whose latest inspection found them needing repair', tags, responses: { 200: { description: 'Overdue and needing repair', schema: z.object({ overdue: z.array(z.record(z.string(), z.unknown())), needsRepair: z.array(z.record(z.string(), z.unknown())) }) } } }),
    requireAuth,
    query(UnitQuery),
    async (c) => {
      const ctx = c.get('ctx')
      const places = await allVisible<InspectedPlace>(ctx, 'place', c.req.valid('query').unit ?? ctx.actor.orgUnitId)
      return c.json({ overdue: overdueInspections(places, ctx.clock.now()), needsRepair: needsRepair(places).map((p) => ({ recordId: p.recordId, ...p.state })) })
    },
  )

  app.get(
    '/registries/attention',
    describe({ summary: 'What needs a coordinator\'s attention under a unit, counted: certificates and fitness checks expiring within 60 days or ended, equipment to renew, overdue inspections, places needing repair, places missing on the duty rosters of the coming week', tags, responses: { 200: { description: 'Counts', schema: z.object({ expiring: z.number().int(), expired: z.number().int(), renewals: z.number().int(), overdueInspections: z.number().int(), needsRepair: z.number().int(), rosterGaps: z.number().int().describe('people still needed on the shifts of today and the next six days') }) } } }),
    requireAuth,
    query(UnitQuery),
    async (c) => {
      const ctx = c.get('ctx')
      const unit = c.req.valid('query').unit ?? ctx.actor.orgUnitId
      const now = ctx.clock.now()
      // A role with no row to read a type counts nothing of it (the list would refuse it).
      const may = (type: RecordType) => scopesOf(ctx.actor.role, `${type}.read` as PolicyAction).length > 0
      const ends = may('certificate') ? expiring(await allVisible<Certificate & { revoked?: boolean }>(ctx, 'certificate', unit), await allVisible<Profile>(ctx, 'staff_profile', unit), now) : []
      const places = may('place') ? await allVisible<InspectedPlace>(ctx, 'place', unit) : []
      return c.json({
        expiring: ends.filter((e) => e.daysLeft >= 0).length,
        expired: ends.filter((e) => e.daysLeft < 0).length,
        renewals: may('equipment') ? renewalList(await allVisible<Equipment>(ctx, 'equipment', unit), now).length : 0,
        overdueInspections: overdueInspections(places, now).length,
        needsRepair: needsRepair(places).length,
        rosterGaps: may('shift') ? rosterGaps(await allVisibleRecords<ShiftPlanned>(ctx, 'shift', unit), localDay(now)) : 0,
      })
    },
  )

  return app
}
