import { z } from 'zod'
import { Role } from '../accounts/roles.ts'
import { RecordType } from '../records/registry.ts'

/**
 * How far a permission reaches, from the narrowest:
 * own (records the actor created), unit (the actor's org unit), subtree (the actor's unit and
 * every unit below it), routed (records routed to the actor's agency), national (everything).
 */
export const Scope = z.enum(['own', 'unit', 'subtree', 'routed', 'national'])
export type Scope = z.infer<typeof Scope>

const RECORD_VERBS = ['create', 'read', 'update'] as const
const recordActions = RecordType.options.flatMap((t) => RECORD_VERBS.map((v) => `${t}.${v}` as const))

/** Everything the policy table can allow. Record actions are derived from the record types. */
export const PolicyAction = z.enum([
  ...recordActions,
  'user.read',
  'user.manage',
  // Clears another account's lost authenticator; kept apart from user.manage so the table says
  // who may weaken a sign-in.
  'user.reset_second_factor',
  'org_unit.manage',
  'audit.read',
  'audit.verify',
  'token.manage',
  'device.register',
  'device.read',
  'device.manage',
  // Protection: identity vault, consent ledger, disclosures, rights requests, retention.
  'person.create',
  'person.read',
  'person.reveal',
  'person.disclose',
  'consent.manage',
  'rights.manage',
  'retention.manage',
  // Places and releases legal holds, which stop erasure while a proceeding needs the data.
  'person.hold',
  // Cases (complaints, requests for help): besides case.create/read/update, sending a case to a
  // body, a body's work on it (acknowledge, ask, answer, refer, propose closure), and closing it.
  'case.route',
  'case.answer',
  'case.close',
  // Location requests: reviewing the registry's candidates for the people a request seeks, which
  // shows the candidates' names (case.update on the request besides).
  'trace.review',
  // The statistics' exact counts under a unit (what leaves for the public is suppressed apart).
  'statistics.read',
  // Approving a period's published tables: a unit's coordinator for the unit, then the national
  // office for the programme, which publishes them (and their revisions) as open data.
  'statistics.approve',
])
export type PolicyAction = z.infer<typeof PolicyAction>

export interface PolicyRule {
  role: Role
  action: PolicyAction
  scope: Scope
}

// A special operation's surge sheets are field records: kept and read like the attentions; so are
// a group's daily reports, the days before it kept each record in Faro.
const FIELD_RECORDS = ['attention', 'rescue', 'patrol', 'remains', 'surge', 'daily_report'] as const
const FIELD_ROLES = ['field_agent', 'group_coordinator'] as const
const ALL_ROLES = Role.options

function rows(role: Role, actions: readonly PolicyAction[], scope: Scope): PolicyRule[] {
  return actions.map((action) => ({ role, action, scope }))
}
function fieldRows(role: Role, verb: (typeof RECORD_VERBS)[number], scope: Scope): PolicyRule[] {
  return rows(role, FIELD_RECORDS.map((t) => `${t}.${verb}` as const), scope)
}

/**
 * The one policy table: role × action × scope. The server enforces it and a generated test
 * asserts every row (and every absent row) over HTTP, so adding a row adds its tests.
 */
export const POLICY: readonly PolicyRule[] = [
  // Help points, towers and signs are reference data every staff member may look up.
  ...ALL_ROLES.map((role): PolicyRule => ({ role, action: 'place.read', scope: 'national' })),

  ...fieldRows('field_agent', 'create', 'unit'),
  ...fieldRows('field_agent', 'read', 'unit'),
  ...fieldRows('field_agent', 'update', 'own'),
  { role: 'field_agent', action: 'place.update', scope: 'unit' },

  ...fieldRows('group_coordinator', 'create', 'subtree'),
  ...fieldRows('group_coordinator', 'read', 'subtree'),
  ...fieldRows('group_coordinator', 'update', 'subtree'),
  ...rows('group_coordinator', ['place.create', 'place.update', 'user.read'], 'subtree'),

  ...fieldRows('national_analyst', 'read', 'national'),

  ...rows('data_protection_officer', ['audit.read', 'audit.verify', 'user.read'], 'national'),

  // Identity: who gathers it may keep and reveal it (field sets in FIELD_ACCESS narrow what).
  ...rows('field_agent', ['person.create', 'person.read', 'person.reveal', 'consent.manage'], 'unit'),
  ...rows('group_coordinator', ['person.create', 'person.read', 'person.reveal', 'person.disclose', 'consent.manage'], 'subtree'),
  ...rows('call_centre_operator', ['person.create', 'person.read', 'person.reveal'], 'national'),
  // Paisano: the identity a complainant chooses to give at intake is stored as part of taking the
  // case (case.create: a volunteer stores it but never reads it back); the national office follows
  // the person up.
  ...rows('paisano_coordinator', ['person.create', 'person.read', 'person.reveal', 'consent.manage'], 'national'),
  ...rows('data_protection_officer', ['person.read', 'person.reveal', 'person.disclose', 'consent.manage', 'rights.manage', 'retention.manage', 'person.hold'], 'national'),

  { role: 'agency_liaison', action: 'token.manage', scope: 'own' },

  ...rows('administrator', ['user.read', 'user.manage', 'user.reset_second_factor', 'org_unit.manage', 'audit.verify', 'token.manage'], 'national'),
  ...rows('administrator', ['place.create', 'place.update'], 'national'),

  // Cases. Whoever takes a complaint or request sees what they took; the call centre and the
  // Paisano national office see every case; a handling body sees, and works on, what was routed
  // to it. Staff of an accused agency never see the case, whatever their row (see decide).
  ...rows('module_volunteer', ['case.create'], 'unit'),
  { role: 'module_volunteer', action: 'case.read', scope: 'own' },
  ...rows('field_agent', ['case.create'], 'unit'),
  { role: 'field_agent', action: 'case.read', scope: 'own' },
  ...rows('group_coordinator', ['case.create', 'case.read'], 'subtree'),
  // A Grupo Beta (or the groups' national coordination) works on the location requests sent to it.
  ...rows('group_coordinator', ['case.read', 'case.answer', 'case.update'], 'routed'),
  ...rows('call_centre_operator', ['case.create', 'case.read', 'case.update'], 'national'),
  // Every call is logged, information-only ones too; the log holds no caller identity.
  ...rows('call_centre_operator', ['call.create', 'call.read'], 'unit'),
  { role: 'call_centre_operator', action: 'call.update', scope: 'own' },
  ...rows('paisano_coordinator', ['call.read'], 'national'),
  ...rows('agency_liaison', ['case.read', 'case.answer'], 'routed'),
  // An agency files what reaches it (through the app or its system's Open311 client) and reads what it filed.
  { role: 'agency_liaison', action: 'case.create', scope: 'unit' },
  { role: 'agency_liaison', action: 'case.read', scope: 'own' },
  ...rows('paisano_coordinator', ['case.create', 'case.read', 'case.update', 'case.route', 'case.close'], 'national'),
  { role: 'paisano_coordinator', action: 'user.read', scope: 'subtree' },
  { role: 'data_protection_officer', action: 'case.read', scope: 'national' },
  // A consulate files location requests for its nationals and follows those its staff filed.
  ...rows('consulate_officer', ['case.create', 'case.read', 'case.update'], 'unit'),
  // Who reviews the registry's candidates: the body a request was sent to, the national office,
  // and the consulate that filed it (its own nationals only). Partners' lists are imported by the
  // groups and their national coordination.
  { role: 'group_coordinator', action: 'trace.review', scope: 'routed' },
  { role: 'paisano_coordinator', action: 'trace.review', scope: 'national' },
  { role: 'consulate_officer', action: 'trace.review', scope: 'unit' },
  ...rows('group_coordinator', ['registry_entry.create', 'registry_entry.read', 'registry_entry.update'], 'subtree'),

  // The groups' registries: coordinators keep their groups' staff profiles, certificates and
  // equipment; field staff read their group's and report the state of its equipment; the national
  // coordination adds courses to the catalogue, which everyone who keeps certificates reads.
  ...rows('group_coordinator', ['staff_profile.create', 'staff_profile.read', 'staff_profile.update', 'certificate.create', 'certificate.read', 'certificate.update', 'equipment.create', 'equipment.read', 'equipment.update', 'training_course.create', 'training_course.update'], 'subtree'),
  ...rows('field_agent', ['staff_profile.read', 'certificate.read', 'equipment.read', 'equipment.update'], 'unit'),
  ...rows('national_analyst', ['staff_profile.read', 'certificate.read', 'equipment.read'], 'national'),
  ...rows('administrator', ['staff_profile.create', 'staff_profile.read', 'staff_profile.update'], 'national'),
  ...(['group_coordinator', 'field_agent', 'national_analyst', 'administrator'] as const).map((role): PolicyRule => ({ role, action: 'training_course.read', scope: 'national' })),

  // Operations: Paisano's national office runs the seasons, their sites, volunteers and rosters;
  // a group coordinator opens special operations over its groups. What is open, and when, is
  // public, so everyone reads operations and sites. Volunteers read their site's roster and keep
  // their own tallies; the national office and the analysts read every tally.
  ...rows('paisano_coordinator', ['operation.create', 'operation.update', 'site.create', 'site.update', 'volunteer.create', 'volunteer.read', 'volunteer.update', 'shift.create', 'shift.read', 'shift.update', 'tally.read'], 'national'),
  ...rows('group_coordinator', ['operation.create', 'operation.update'], 'subtree'),
  ...ALL_ROLES.flatMap((role) => rows(role, ['operation.read', 'site.read'], 'national')),
  { role: 'module_volunteer', action: 'shift.read', scope: 'unit' },
  // A group's duty roster: its coordinator plans it, its staff read it.
  ...rows('group_coordinator', ['shift.create', 'shift.read', 'shift.update'], 'subtree'),
  { role: 'field_agent', action: 'shift.read', scope: 'unit' },
  // A tally is opened at the volunteer's own site (a new record has no owner yet), then read and
  // added to by the volunteer who opened it.
  { role: 'module_volunteer', action: 'tally.create', scope: 'unit' },
  ...rows('module_volunteer', ['tally.read', 'tally.update'], 'own'),
  { role: 'national_analyst', action: 'tally.read', scope: 'national' },
  // Convoys: the national office schedules them and records what happens on the road; everyone
  // reads them (the published ones are on the public site).
  ...rows('paisano_coordinator', ['convoy.create', 'convoy.update'], 'national'),
  ...ALL_ROLES.flatMap((role) => rows(role, ['convoy.read'], 'national')),

  // The statistics: each office its own, exact; the national ones and the data-protection
  // officer everything.
  ...rows('national_analyst', ['statistics.read'], 'national'),
  ...rows('paisano_coordinator', ['statistics.read'], 'national'),
  ...rows('data_protection_officer', ['statistics.read'], 'national'),
  ...rows('group_coordinator', ['statistics.read'], 'subtree'),
  ...rows('field_agent', ['statistics.read'], 'unit'),
  // Approving the open data: a group's coordinator their groups, the Paisano national office its
  // states and its programme, the national analyst the groups' programme (approvalRole narrows
  // each level to its role).
  ...rows('group_coordinator', ['statistics.approve'], 'subtree'),
  ...rows('paisano_coordinator', ['statistics.approve'], 'subtree'),
  ...rows('national_analyst', ['statistics.approve'], 'national'),

  // The public site's editions: the guide's editors and the Paisano national office write,
  // schedule and publish the guide and the information pages; administrators read them to help.
  ...rows('guide_editor', ['guide_edition.create', 'guide_edition.read', 'guide_edition.update'], 'national'),
  ...rows('paisano_coordinator', ['guide_edition.create', 'guide_edition.read', 'guide_edition.update'], 'national'),
  { role: 'administrator', action: 'guide_edition.read', scope: 'national' },

  // Field devices: each account registers its own phones (a module volunteer's keeps its
  // tallies offline); coordinators watch and revoke the phones of their groups, administrators
  // all of them.
  ...[...FIELD_ROLES, 'module_volunteer' as const].map((role): PolicyRule => ({ role, action: 'device.register', scope: 'own' })),
  ...rows('group_coordinator', ['device.read', 'device.manage'], 'subtree'),
  ...rows('administrator', ['device.read', 'device.manage'], 'national'),
]

/**
 * Who approves a programme's published tables at each level: a Grupo Beta's tables by its group
 * coordinator and then the national analyst; Paisano's states' and programme's by the Paisano
 * national office.
 */
export const APPROVAL_ROLES: Readonly<Record<'beta' | 'paisano', Readonly<Record<'coordinator' | 'national', Role>>>> = {
  beta: { coordinator: 'group_coordinator', national: 'national_analyst' },
  paisano: { coordinator: 'paisano_coordinator', national: 'paisano_coordinator' },
}

/**
 * Whether an actor may approve a programme's tables at a level for a unit: their role must be
 * that level's (`APPROVAL_ROLES`) and hold `statistics.approve` over the unit.
 * @example mayApprove({ userId: 'u1', role: 'group_coordinator', orgUnitId: 'beta-tijuana' }, 'beta', 'coordinator',
 *   { orgUnitPath: ['inm', 'beta', 'beta-tijuana'] }) // true
 */
export function mayApprove(actor: Actor, programme: 'beta' | 'paisano', level: 'coordinator' | 'national', target: PolicyTarget): boolean {
  return APPROVAL_ROLES[programme][level] === actor.role && decide(actor, 'statistics.approve', target).allowed
}

/** Who is asking: their account, role and org unit. */
export interface Actor {
  userId: string
  role: Role
  orgUnitId: string
}

/** What is asked about: where it sits in the org tree, who created it, where it was routed. */
export interface PolicyTarget {
  /** Root-first ancestry of the target's org unit, the unit itself last. */
  orgUnitPath: readonly string[]
  ownerId?: string
  routedTo?: readonly string[]
  /** Units that may never see it (the accused agency and every unit under it), whatever the scope. */
  excludedUnits?: readonly string[]
}

export interface Decision {
  allowed: boolean
  /** The row that allowed it, or null when no row did. */
  rule: PolicyRule | null
}

/**
 * Decides whether an actor may do an action on a target: allowed when any row of the actor's
 * role for that action has a scope that covers the target.
 * @example decide({ userId: 'u1', role: 'field_agent', orgUnitId: 'beta-tijuana' }, 'attention.read',
 *   { orgUnitPath: ['inm', 'beta', 'beta-tijuana'] }) // { allowed: true, rule: { …, scope: 'unit' } }
 */
export function decide(actor: Actor, action: PolicyAction, target: PolicyTarget): Decision {
  if (target.excludedUnits?.includes(actor.orgUnitId)) {
    return { allowed: false, rule: null }
  }
  for (const rule of POLICY) {
    if (rule.role === actor.role && rule.action === action && scopeCovers(rule.scope, actor, target)) {
      return { allowed: true, rule }
    }
  }
  return { allowed: false, rule: null }
}

/** The scopes a role holds for an action, widest first; empty when the role may not do it. */
export function scopesOf(role: Role, action: PolicyAction): Scope[] {
  const order = Scope.options
  return POLICY.filter((r) => r.role === role && r.action === action)
    .map((r) => r.scope)
    .sort((a, b) => order.indexOf(b) - order.indexOf(a))
}

/** True when the actor's role may do the action over everything (its row has national scope). */
export function holdsNationally(actor: Actor, action: PolicyAction): boolean {
  return scopesOf(actor.role, action).includes('national')
}

/** Every action a role may do in some scope: drives the role-aware navigation. */
export function actionsOf(role: Role): PolicyAction[] {
  return [...new Set(POLICY.filter((r) => r.role === role).map((r) => r.action))]
}

/** True when a scope reaches the target, for this actor. */
export function scopeCovers(scope: Scope, actor: Actor, target: PolicyTarget): boolean {
  switch (scope) {
    case 'national':
      return true
    case 'subtree':
      return target.orgUnitPath.includes(actor.orgUnitId)
    case 'unit':
      return target.orgUnitPath.at(-1) === actor.orgUnitId
    case 'own':
      return target.ownerId === actor.userId
    case 'routed':
      return (target.routedTo ?? []).includes(actor.orgUnitId)
  }
}
