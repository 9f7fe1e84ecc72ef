import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { decide, mayApprove, PolicyAction, scopesOf, GenericRecordType, RECORD_TYPES, Role, type Actor, type PolicyTarget } from '@faro/core'
import { v7 as uuidv7 } from 'uuid'
import { listOrgUnits } from '../accounts/org-units-repo.ts'
import { insertApproval } from '../statistics/approvals-repo.ts'
import { findOrgUnit } from '../accounts/org-units-repo.ts'
import { findRecord, policyTargetOf } from '../log/records-repo.ts'
import { submitAction } from '../log/records.ts'
import { parseAction } from '@faro/core'
import { call, makeTestEnv, makeUser, newActionId, signIn, testDialects, type Session, type TestEnv } from '../test/harness.ts'
import { enrolSecondFactor } from '../test/second-factor.ts'

// Every actor sits in the Grupos Beta coordination unit, which has groups below it, so that
// own, unit, subtree and national scopes all give different answers.
const ACTOR_UNIT = 'beta'
const SITUATIONS = {
  own: { unit: 'beta', owned: true },
  unit: { unit: 'beta', owned: false },
  child: { unit: 'beta-tijuana', owned: false },
  outside: { unit: 'paisano-son', owned: false },
} as const
type Situation = keyof typeof SITUATIONS

const CORRECTION: Record<GenericRecordType, { type: string; payload: Record<string, unknown> }> = {
  place: { type: 'PlaceUpdated', payload: { status: 'needs_repair' } },
  attention: { type: 'AttentionCorrected', payload: { notes: 'corrección' } },
  rescue: { type: 'RescueCorrected', payload: { notes: 'corrección' } },
  patrol: { type: 'PatrolCorrected', payload: { distanceKm: 12 } },
  remains: { type: 'RemainsCorrected', payload: { notes: 'corrección' } },
  daily_report: { type: 'DailyReportCorrected', payload: { remains: 1 } },
  call: { type: 'CallCorrected', payload: { minutes: 4 } },
  registry_entry: { type: 'RegistryEntryCorrected', payload: { place: 'Caborca' } },
  staff_profile: { type: 'StaffProfileCorrected', payload: { fitUntil: '2027-06-30' } },
  training_course: { type: 'TrainingCourseCorrected', payload: { validityMonths: 12 } },
  certificate: { type: 'CertificateCorrected', payload: { revoked: true } },
  equipment: { type: 'EquipmentUpdated', payload: { status: 'in_repair' } },
  operation: { type: 'OperationChanged', payload: { name: 'Operativo Invierno 2026 (ampliado)' } },
  site: { type: 'SiteChanged', payload: { hours: '7:00–22:00' } },
  volunteer: { type: 'VolunteerChanged', payload: { socialService: true } },
  shift: { type: 'ShiftChanged', payload: { needed: 3 } },
  tally: { type: 'TallyCounted', payload: { at: '2026-11-20T13:00:00.000Z', guidance: 1 } },
  convoy: { type: 'ConvoyIncidentReported', payload: { at: '2026-11-20T13:00:00.000Z', kind: 'breakdown', place: 'km 120 carretera 57' } },
  surge: { type: 'SurgeCounted', payload: { at: '2026-11-20T13:00:00.000Z', groups: [{ count: 3, sex: 'female' }] } },
}

function createPayload(type: GenericRecordType, orgUnitId: string): Record<string, unknown> {
  const at = '2026-11-20T12:00:00.000Z'
  switch (type) {
    case 'place':
      return { orgUnitId, kind: 'warning_sign', name: 'Señal', location: { lat: 31, lon: -111 } }
    case 'attention':
      return { orgUnitId, at, setting: 'base', people: [{ count: 2 }], services: ['water'] }
    case 'rescue':
      return { orgUnitId, at, emergencyType: 'dehydration', people: [{ count: 1 }], outcome: 'first_aid' }
    case 'patrol':
      return { orgUnitId, kind: 'preventive', startedAt: at }
    case 'remains':
      return { orgUnitId, foundAt: at, location: { lat: 31, lon: -111 }, condition: 'unknown' }
    case 'daily_report':
      return { orgUnitId, day: '2026-11-20', attended: [{ count: 3 }], services: { water: 3 }, source: 'paper' }
    case 'call':
      return { orgUnitId, at, topic: 'vehicle_import', outcome: 'informed' }
    case 'registry_entry':
      return { orgUnitId, at, source: 'Hospital General de Caborca', kind: 'hospitalised' }
    case 'staff_profile':
      return { orgUnitId, userId: 'u-matrix', function: 'rescuer', governmentLevel: 'federal', startDate: '2020-01-15' }
    case 'training_course':
      return { orgUnitId, kind: 'rescue', name: { es: 'Rescate en cañones', en: 'Canyon rescue' } }
    case 'certificate':
      return { orgUnitId, userId: 'u-matrix', course: 'first_aid', issuer: 'red_cross', issuedOn: '2026-01-10', expiresOn: '2028-01-10' }
    case 'equipment':
      return { orgUnitId, type: 'jeep', identifier: 'SON-1234' }
    case 'operation':
      return { orgUnitId, kind: 'winter', name: 'Operativo Invierno 2026', startsOn: '2026-11-01', endsOn: '2027-01-07' }
    case 'site':
      return { orgUnitId, operationId: 'op-matrix', setting: 'airport', hours: '8:00–20:00' }
    case 'volunteer':
      return { orgUnitId, userId: 'u-matrix', operationId: 'op-matrix', institution: 'Universidad Autónoma de Baja California', socialService: false }
    case 'shift':
      return { orgUnitId, operationId: 'op-matrix', date: '2026-11-20', starts: '08:00', ends: '14:00', needed: 2 }
    case 'tally':
      return { orgUnitId, day: '2026-11-20', guidance: 1 }
    case 'convoy':
      return { orgUnitId, departurePoint: 'Puente Colombia', departureState: 'Nuevo León', departsAt: at, route: 'Monterrey – Saltillo – San Luis Potosí', destinationStates: ['San Luis Potosí'], vehicles: 40, people: 150, escortId: 'agency-pf' }
    case 'surge':
      return { orgUnitId, operationId: 'op-matrix', day: '2026-11-20', point: 'Puente Rodolfo Robles' }
  }
}

/**
 * Who makes a fixture of a type: one who may create it wherever the situation puts it. Calls are
 * logged by the call centre of the unit itself, tallies kept by a volunteer of the site (both
 * scoped to it); the Paisano national office makes sites, volunteers, shifts and convoys; an administrator
 * places; a coordinator at the root everything else.
 */
function seederOf(type: GenericRecordType, userId: string, unit: string): Actor {
  switch (type) {
    case 'call':
      return { userId, role: 'call_centre_operator', orgUnitId: unit }
    case 'tally':
      return { userId, role: 'module_volunteer', orgUnitId: unit }
    case 'site':
    case 'volunteer':
    case 'shift':
    case 'convoy':
      return { userId, role: 'paisano_coordinator', orgUnitId: 'paisano' }
    case 'place':
      return { userId, role: 'administrator', orgUnitId: 'inm' }
    default:
      return { userId, role: 'group_coordinator', orgUnitId: 'inm' }
  }
}

for (const dialect of testDialects()) {
  describe(`${dialect}: the policy table, enforced over HTTP`, () => {
    let env: TestEnv
    const actors = new Map<Role, { actor: Actor; session: Session }>()
    // fixtures[role][type][situation] = recordId
    const fixtures = new Map<string, string>()
    const paths = new Map<string, readonly string[]>()
    let counter = 0
    let caseSeeder: Session

    beforeAll(async () => {
      env = await makeTestEnv(dialect)
      for (const s of Object.values(SITUATIONS)) {
        const unit = await findOrgUnit(env.db.db, s.unit)
        paths.set(s.unit, unit?.path ?? [])
      }
      // A national seeder: a coordinator at the root reaches every unit for field records, an
      // administrator for places.
      caseSeeder = await signIn(env, (await makeUser(env, 'paisano_coordinator', 'paisano')).username)
      const seeders = {
        field: await makeUser(env, 'group_coordinator', 'inm'),
        place: await makeUser(env, 'administrator', 'inm'),
      }
      for (const role of Role.options) {
        const user = await makeUser(env, role, ACTOR_UNIT)
        actors.set(role, { actor: { userId: user.id, role, orgUnitId: ACTOR_UNIT }, session: await signIn(env, user.username) })
        for (const type of GenericRecordType.options) {
          for (const [name, s] of Object.entries(SITUATIONS)) {
            const seeder = type === 'place' ? seeders.place : seeders.field
            const recordId = `m-${role}-${type}-${name}`.replace(/_/g, '-')
            // Calls are logged by the call centre of the unit itself (its scope is the unit).
            const seederActor = seederOf(type, seeder.id, s.unit)
            const ctx = { db: env.db, clock: env.clock, actor: seederActor as Actor, requestId: 'fixture', lang: 'es' as const }
            await submitAction(ctx, parseAction({ id: newActionId(), recordType: type, recordId, type: RECORD_TYPES[type].createAction, payload: createPayload(type, s.unit) }, 'es'))
            if (s.owned) {
              // Fixture only: make the record the actor's own without giving the actor rights.
              await env.db.db.updateTable('records').set({ ownerId: user.id }).where('recordId', '=', recordId).execute()
            }
            fixtures.set(`${role}|${type}|${name}`, recordId)
          }
        }
      }
    })
    afterAll(async () => env?.close())

    /** A device registered by a field agent of the unit, for the revoke probes. */
    async function deviceIn(unit: string): Promise<string> {
      const owner = await makeUser(env, 'field_agent', unit)
      const deviceId = `matrix-fixture-${++counter}-0000`
      const res = await call(env, 'POST', '/api/sync/devices', { as: await signIn(env, owner.username), body: { deviceId } })
      expect(res.status).toBe(201)
      return deviceId
    }

    /** An account of the unit with a second factor, for the reset probes. */
    async function secondFactorIn(unit: string): Promise<string> {
      const owner = await makeUser(env, 'field_agent', unit)
      await enrolSecondFactor(env, owner.username)
      return owner.id
    }

    // A vault entry in the unit, stored by a coordinator of that unit.
    async function personIn(unit: string): Promise<string> {
      const owner = await makeUser(env, 'group_coordinator', unit)
      const res = await call(env, 'POST', '/api/people', { as: await signIn(env, owner.username), body: { orgUnitId: unit, identity: { givenNames: 'Persona de prueba' } } })
      expect(res.status).toBe(201)
      return ((await res.json()) as { id: string }).id
    }

    function smallSection() {
      return { slug: 'rights', audience: 'transit', pictogram: 'help', texts: { es: { markdown: '# Tus derechos', status: 'reviewed' } } }
    }

    // A draft edition of the guide, made by the national office; editions are national.
    async function editionDraft(): Promise<string> {
      const res = await call(env, 'POST', '/api/guide/editions', { as: caseSeeder, body: { id: newActionId(), season: 'easter', year: 2027, sections: [smallSection()] } })
      expect(res.status).toBe(201)
      return ((await res.json()) as { recordId: string }).recordId
    }

    function helpRequest() {
      return { id: newActionId(), kind: 'help_request', category: 'other_help', channel: 'call_centre', description: 'Pide orientación para un trámite.', pin: '123456' }
    }

    function locationRequest() {
      return { id: newActionId(), channel: 'call_centre', description: 'Busca a su hermano.', relationship: 'sibling', sought: [{ identity: { givenNames: 'Persona buscada' } }] }
    }

    /**
     * A case of the unit made by the national office (a location request when `location`); owned
     * by `owner`, routed to `routeTo`.
     */
    async function caseIn(unit: string, owner: string | undefined, routeTo: string | undefined, location = false): Promise<{ recordId: string; target: PolicyTarget; hopId: string | undefined }> {
      const made = location
        ? await call(env, 'POST', '/api/tracing/requests', { as: caseSeeder, body: { ...locationRequest(), orgUnitId: unit } })
        : await call(env, 'POST', '/api/cases', { as: caseSeeder, body: { ...helpRequest(), orgUnitId: unit } })
      expect(made.status).toBe(201)
      const { recordId } = (await made.json()) as { recordId: string }
      if (routeTo !== undefined) {
        expect((await call(env, 'POST', `/api/cases/${recordId}/steps`, { as: caseSeeder, body: { id: newActionId(), type: 'route', to: [routeTo] } })).status).toBe(200)
      }
      if (owner !== undefined) {
        await env.db.db.updateTable('records').set({ ownerId: owner }).where('recordType', '=', 'case').where('recordId', '=', recordId).execute()
      }
      const row = await findRecord(env.db.db, env.db.dialect, 'case', recordId)
      const state = JSON.parse(row?.state ?? '{}') as { hops: { hopId: string; bodyId: string }[] }
      return { recordId, target: row ? policyTargetOf(row) : missing(), hopId: state.hops.find((h) => h.bodyId === routeTo)?.hopId }
    }

    function target(role: Role, situation: Situation): PolicyTarget {
      const s = SITUATIONS[situation]
      const actor = actors.get(role)?.actor
      return { orgUnitPath: paths.get(s.unit) ?? [], ownerId: s.owned ? actor?.userId : 'someone-else' }
    }

    function expectDecision(res: Response, allowed: boolean, okStatus: number) {
      expect(res.status, allowed ? 'allowed by the table' : 'denied by the table').toBe(allowed ? okStatus : 403)
    }

    for (const role of Role.options) {
      for (const type of GenericRecordType.options) {
        for (const situation of Object.keys(SITUATIONS) as Situation[]) {
          it(`${role}: ${type}.read of a record (${situation}) follows the table`, async () => {
            const a = actors.get(role)
            const id = fixtures.get(`${role}|${type}|${situation}`)
            const res = await call(env, 'GET', `/api/records/${type}/${id}`, { as: a?.session })
            expectDecision(res, decide(a?.actor ?? missing(), `${type}.read`, target(role, situation)).allowed, 200)
          })

          it(`${role}: ${type}.update of a record (${situation}) follows the table`, async () => {
            const a = actors.get(role)
            const id = fixtures.get(`${role}|${type}|${situation}`)
            const body = { id: newActionId(), recordType: type, recordId: id, ...CORRECTION[type] }
            const res = await call(env, 'POST', '/api/records/actions', { as: a?.session, body })
            expectDecision(res, decide(a?.actor ?? missing(), `${type}.update`, target(role, situation)).allowed, 201)
          })

          if (situation !== 'own') {
            it(`${role}: ${type}.create in a unit (${situation}) follows the table`, async () => {
              const a = actors.get(role)
              const body = { id: newActionId(), recordType: type, recordId: `new-${++counter}`, type: RECORD_TYPES[type].createAction, payload: createPayload(type, SITUATIONS[situation].unit) }
              const res = await call(env, 'POST', '/api/records/actions', { as: a?.session, body })
              const t = { ...target(role, situation), ownerId: a?.actor.userId }
              expectDecision(res, decide(a?.actor ?? missing(), `${type}.create`, t).allowed, 201)
            })
          }
        }

        it(`${role}: listing ${type} returns exactly the records the table lets them read`, async () => {
          const a = actors.get(role)
          const res = await call(env, 'GET', `/api/records/${type}?limit=500`, { as: a?.session })
          const readable = (Object.keys(SITUATIONS) as Situation[]).filter((s) => decide(a?.actor ?? missing(), `${type}.read`, target(role, s)).allowed)
          if (scopesOf(role, `${type}.read`).length === 0) {
            // A role with no read row at all is refused the list outright.
            expect(res.status).toBe(403)
            return
          }
          expect(res.status).toBe(200)
          const body = (await res.json()) as { items: { recordId: string }[] }
          const ids = new Set(body.items.map((i) => i.recordId))
          for (const s of Object.keys(SITUATIONS) as Situation[]) {
            const id = fixtures.get(`${role}|${type}|${s}`) ?? ''
            expect(ids.has(id), `${s} record listed`).toBe(readable.includes(s))
          }
        })
      }

      // `outOfReach`: the status for a role that holds the action, but not over the target.
      const nonRecord: { action: PolicyAction; label?: string; probe: (s: Session, unit: string) => Response | Promise<Response>; ok: number; outOfReach?: number; situations: Situation[] }[] = [
        { action: 'user.manage', ok: 201, situations: ['unit', 'child', 'outside'], probe: (s, unit) => call(env, 'POST', '/api/users', { as: s, body: { username: `u-${++counter}`, displayName: 'X', role: 'field_agent', orgUnitId: unit, password: 'long enough password' } }) },
        { action: 'user.manage', label: 'user.manage, changing an account', ok: 200, outOfReach: 404, situations: ['unit', 'child', 'outside'], probe: async (s, unit) => call(env, 'PATCH', `/api/users/${(await makeUser(env, 'field_agent', unit)).id}`, { as: s, body: { displayName: 'Nombre corregido' } }) },
        { action: 'user.reset_second_factor', ok: 200, outOfReach: 404, situations: ['unit', 'child', 'outside'], probe: async (s, unit) => call(env, 'POST', `/api/users/${await secondFactorIn(unit)}/totp/reset`, { as: s }) },
        { action: 'org_unit.manage', ok: 201, situations: ['unit', 'child', 'outside'], probe: (s, unit) => call(env, 'POST', '/api/org-units', { as: s, body: { id: `unit-${++counter}`, parentId: unit, kind: 'module', name: 'Módulo de prueba' } }) },
        { action: 'audit.read', ok: 200, situations: ['outside'], probe: (s) => call(env, 'GET', '/api/audit?limit=5', { as: s }) },
        { action: 'audit.verify', ok: 200, situations: ['outside'], probe: (s) => call(env, 'GET', '/api/audit/verify', { as: s }) },
        { action: 'user.read', ok: 200, situations: ['unit'], probe: (s) => call(env, 'GET', '/api/users', { as: s }) },
        { action: 'token.manage', ok: 201, situations: ['own'], probe: (s) => call(env, 'POST', '/api/tokens', { as: s, body: { name: 'partner system' } }) },
        { action: 'device.register', ok: 201, situations: ['own'], probe: (s) => call(env, 'POST', '/api/sync/devices', { as: s, body: { deviceId: `matrix-device-${++counter}-0000` } }) },
        { action: 'device.read', ok: 200, situations: ['unit', 'child', 'outside'], probe: (s, unit) => call(env, 'GET', `/api/sync/devices?unit=${unit}`, { as: s }) },
        { action: 'device.manage', ok: 200, situations: ['unit', 'child', 'outside'], probe: async (s, unit) => call(env, 'POST', `/api/sync/devices/${await deviceIn(unit)}/revoke`, { as: s }) },
        { action: 'person.create', ok: 201, situations: ['unit', 'child', 'outside'], probe: (s, unit) => call(env, 'POST', '/api/people', { as: s, body: { orgUnitId: unit, identity: { givenNames: 'Ana' } } }) },
        { action: 'person.read', ok: 200, situations: ['unit', 'child', 'outside'], probe: async (s, unit) => call(env, 'GET', `/api/people/${await personIn(unit)}`, { as: s }) },
        { action: 'person.reveal', ok: 200, situations: ['unit', 'child', 'outside'], probe: async (s, unit) => call(env, 'POST', `/api/people/${await personIn(unit)}/reveal`, { as: s, body: { purpose: 'rescue' } }) },
        { action: 'person.disclose', ok: 201, situations: ['unit', 'child', 'outside'], probe: async (s, unit) => call(env, 'POST', `/api/people/${await personIn(unit)}/disclosures`, { as: s, body: { channel: 'referral', recipient: { class: 'authority', name: 'Fiscalía' }, purpose: 'legal_proceedings', legalBasis: 'legal_obligation', legalReference: 'orden judicial 1/2026' } }) },
        { action: 'consent.manage', ok: 201, situations: ['unit', 'child', 'outside'], probe: async (s, unit) => call(env, 'POST', `/api/people/${await personIn(unit)}/consents`, { as: s, body: { recipient: { class: 'relative' }, purpose: 'family_contact', legalBasis: 'consent', givenAt: '2026-11-01T00:00:00.000Z', explainedIn: 'es' } }) },
        { action: 'rights.manage', ok: 201, situations: ['unit', 'child', 'outside'], probe: async (s, unit) => call(env, 'POST', '/api/rights-requests', { as: s, body: { personId: await personIn(unit), kind: 'access', channel: 'in_person' } }) },
        { action: 'person.hold', ok: 201, situations: ['unit', 'child', 'outside'], probe: async (s, unit) => call(env, 'POST', `/api/people/${await personIn(unit)}/holds`, { as: s, body: { reason: 'Solicitud de la fiscalía, carpeta abierta', reference: 'FGR 12/2026' } }) },
        { action: 'statistics.read', ok: 200, situations: ['unit', 'child', 'outside'], probe: (s, unit) => call(env, 'GET', `/api/statistics/table?fact=attended&from=2026-01-01&to=2026-12-31&unit=${unit}&by=sex`, { as: s }) },
        { action: 'guide_edition.create', ok: 201, situations: ['outside'], probe: (s) => call(env, 'POST', '/api/guide/editions', { as: s, body: { id: newActionId(), season: 'summer', year: 2027, sections: [smallSection()] } }) },
        { action: 'guide_edition.read', ok: 200, situations: ['outside'], probe: async (s) => call(env, 'GET', `/api/guide/editions/${await editionDraft()}`, { as: s }) },
        { action: 'guide_edition.update', ok: 200, situations: ['outside'], probe: async (s) => call(env, 'PUT', `/api/guide/editions/${await editionDraft()}/sections/rights/en`, { as: s, body: { id: newActionId(), markdown: '# Your rights', status: 'draft', base: '' } }) },
        { action: 'retention.manage', ok: 200, situations: ['outside'], probe: (s) => call(env, 'GET', '/api/retention/report', { as: s }) },
      ]
      // Cases: each probe works on a case of its own, made by the national office in the unit of
      // the situation; `answer` on a case routed to the actor's unit.
      // `also`: another action that allows it as well (evidence is added by who updates or answers).
      const caseProbes: { action: PolicyAction; also?: PolicyAction; label?: string; ok: number; routeToActor?: boolean; location?: boolean; probe: (s: Session, recordId: string, hopId: string | undefined) => Response | Promise<Response> }[] = [
        { action: 'case.read', ok: 200, probe: (s, id) => call(env, 'GET', `/api/cases/${id}`, { as: s }) },
        { action: 'case.update', ok: 200, probe: (s, id) => call(env, 'POST', `/api/cases/${id}/steps`, { as: s, body: { id: newActionId(), type: 'note', note: 'Llamó la persona.' } }) },
        { action: 'case.route', ok: 200, probe: (s, id) => call(env, 'POST', `/api/cases/${id}/steps`, { as: s, body: { id: newActionId(), type: 'route', to: ['agency-profeco'] } }) },
        { action: 'case.answer', ok: 200, routeToActor: true, probe: (s, id, hopId) => call(env, 'POST', `/api/cases/${id}/steps`, { as: s, body: { id: newActionId(), type: 'acknowledge', hopId } }) },
        { action: 'case.close', ok: 200, probe: (s, id) => call(env, 'POST', `/api/cases/${id}/steps`, { as: s, body: { id: newActionId(), type: 'close', outcome: 'resolved' } }) },
        { action: 'trace.review', label: 'trace.review of a location request routed to the actor', ok: 200, routeToActor: true, location: true, probe: (s, id) => call(env, 'GET', `/api/tracing/requests/${id}/review`, { as: s }) },
        { action: 'trace.review', label: 'trace.review of a location request', ok: 200, location: true, probe: (s, id) => call(env, 'GET', `/api/tracing/requests/${id}/review`, { as: s }) },
        { action: 'case.read', label: 'case.read, listing its evidence', ok: 200, probe: (s, id) => call(env, 'GET', `/api/cases/${id}/attachments`, { as: s }) },
        { action: 'case.update', also: 'case.answer', label: 'case.update or case.answer, adding evidence', ok: 201, routeToActor: true, probe: (s, id) => env.app.request(`/api/cases/${id}/attachments?id=${newActionId()}`, { method: 'POST', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf }, body: new Uint8Array([...Buffer.from('%PDF-1.4\n'), ++counter]) }) },
      ]
      for (const probe of caseProbes) {
        for (const situation of Object.keys(SITUATIONS) as Situation[]) {
          it(`${role}: ${probe.label ?? probe.action} of a case (${situation}) follows the table`, async () => {
            const a = actors.get(role)
            const fixture = await caseIn(SITUATIONS[situation].unit, SITUATIONS[situation].owned ? a?.actor.userId : undefined, probe.routeToActor ? ACTOR_UNIT : undefined, probe.location)
            const res = await probe.probe(a?.session ?? missing(), fixture.recordId, fixture.hopId)
            // Every step reads the case first: without the right to read it, it is refused as such.
            const may = (action: PolicyAction | undefined) => action !== undefined && decide(a?.actor ?? missing(), action, fixture.target).allowed
            const allowed = (may(probe.action) || may(probe.also)) && may('case.read')
            expectDecision(res, allowed, probe.ok)
          })
        }
      }
      for (const situation of ['unit', 'child', 'outside'] as const) {
        it(`${role}: case.create in a unit (${situation}) follows the table`, async () => {
          const a = actors.get(role)
          const res = await call(env, 'POST', '/api/cases', { as: a?.session, body: { ...helpRequest(), orgUnitId: SITUATIONS[situation].unit } })
          expectDecision(res, decide(a?.actor ?? missing(), 'case.create', { ...target(role, situation), ownerId: a?.actor.userId }).allowed, 201)
        })
      }

      // Approving the open data: the unit's coordinator level for a group or a Paisano state, the
      // national level for the programme's unit, each only by its role (mayApprove). Each probe
      // has a period of its own; the national one finds every group approved before it.
      for (const situation of ['unit', 'child', 'outside'] as const) {
        it(`${role}: statistics.approve (${situation}) follows the table`, async () => {
          const a = actors.get(role)
          const year = 2100 + ++counter
          const unit = SITUATIONS[situation].unit
          let period = String(year)
          if (situation === 'outside') {
            period = `winter-${year}`
            const made = await call(env, 'POST', '/api/operations', { as: caseSeeder, body: { id: newActionId(), kind: 'winter', name: `Operativo Invierno ${year}`, startsOn: `${year}-11-15`, endsOn: `${year + 1}-01-08`, orgUnitId: 'paisano' } })
            expect(made.status).toBe(201)
          }
          if (situation === 'unit') {
            for (const group of (await listOrgUnits(env.db.db)).filter((u) => u.kind === 'beta_group')) {
              await insertApproval(env.db.db, { id: uuidv7(), programme: 'beta', period, unitId: group.id, level: 'coordinator', revision: 0, approvedBy: 'matrix', approvedAt: '2026-11-20T12:00:00.000Z' })
            }
          }
          const res = await call(env, 'POST', '/api/statistics/approvals', { as: a?.session, body: { period, unit } })
          const allowed = mayApprove(a?.actor ?? missing(), situation === 'outside' ? 'paisano' : 'beta', situation === 'unit' ? 'national' : 'coordinator', target(role, situation))
          expectDecision(res, allowed, 201)
        })
      }

      for (const probe of nonRecord) {
        for (const situation of probe.situations) {
          it(`${role}: ${probe.label ?? probe.action} (${situation}) follows the table`, async () => {
            const a = actors.get(role)
            const res = await probe.probe(a?.session ?? missing(), SITUATIONS[situation].unit)
            const own = probe.action === 'token.manage' || probe.action === 'device.register'
            const t = own ? { orgUnitPath: [ACTOR_UNIT], ownerId: a?.actor.userId } : target(role, situation)
            const allowed = decide(a?.actor ?? missing(), probe.action, t).allowed
            if (!allowed && probe.outOfReach !== undefined && scopesOf(role, probe.action).length > 0) {
              expect(res.status, 'out of reach').toBe(probe.outOfReach)
              return
            }
            expectDecision(res, allowed, probe.ok)
          })
        }
      }
    }

    it('covers every action of the table', () => {
      const probed = new Set([...GenericRecordType.options.flatMap((t) => [`${t}.create`, `${t}.read`, `${t}.update`]), 'case.create', 'case.read', 'case.update', 'case.route', 'case.answer', 'case.close', 'trace.review', 'user.manage', 'user.reset_second_factor', 'org_unit.manage', 'audit.read', 'audit.verify', 'user.read', 'token.manage', 'device.register', 'device.read', 'device.manage', 'person.create', 'person.read', 'person.reveal', 'person.disclose', 'consent.manage', 'rights.manage', 'retention.manage', 'person.hold', 'guide_edition.create', 'guide_edition.read', 'guide_edition.update', 'statistics.read', 'statistics.approve'])
      expect(PolicyAction.options.filter((a) => !probed.has(a))).toEqual([])
    })

    it('refuses every endpoint without a session with 401, distinct from 403', async () => {
      for (const [method, path] of [['GET', '/api/records/attention'], ['POST', '/api/records/actions'], ['GET', '/api/users'], ['GET', '/api/audit'], ['GET', '/api/auth/me'], ['POST', '/api/tokens'], ['GET', '/api/org-units']] as const) {
        const res = await call(env, method, path, method === 'POST' ? { body: {} } : {})
        expect(res.status, `${method} ${path}`).toBe(401)
      }
    })

    it('audits refusals with the decision and never with field values', async () => {
      const a = actors.get('module_volunteer')
      await call(env, 'GET', `/api/records/attention/${fixtures.get('module_volunteer|attention|unit')}`, { as: a?.session })
      const row = await env.db.db.selectFrom('auditEvents').selectAll().where('actorId', '=', a?.actor.userId ?? '').where('decision', '=', 'denied').orderBy('seq', 'desc').executeTakeFirst()
      expect(row).toMatchObject({ action: 'attention.read', recordType: 'attention', decision: 'denied', role: 'module_volunteer' })
    })
  })
}

function missing(): never {
  throw new Error('fixture missing')
}
